//! `TBL*`: tables and prose checked against the requests they describe (credential tables,
//! property tables, stated connection spec ids). Tables are found by content, so the rules work
//! on translated pages too.

pub(crate) mod helpers;
pub mod tbl001_credential_table_mismatch;
pub mod tbl002_spec_id_mismatch;
