//! `PAR*`: a translated page against its source page (pairing from `source::pair`).
//!
//! Pages are first aligned ([`align`]): sections, blocks, then lines, table rows and code lines.
//! Structural drift (the translation follows another revision) is reported once by `PAR001`; the
//! other rules compare only aligned units, so a stale page gives one finding, not dozens.

pub mod align;
pub mod corpus;
pub mod git;

pub use corpus::CorpusInfo;
mod helpers;
pub mod par001_stale_translation;
pub mod par002_request_mismatch;
pub mod par003_placeholder_mismatch;
pub mod par004_table_rows_mismatch;
pub mod par005_anchor_mismatch;
pub mod par006_link_target_mismatch;
pub mod par007_dnl_term_mismatch;
pub mod par008_uicontrol_count;
pub mod par009_alert_kind_mismatch;
pub mod par010_code_span_mismatch;
pub mod par011_exl_id_mismatch;
pub mod sync_fix;

pub use sync_fix::SyncPlanCell;
