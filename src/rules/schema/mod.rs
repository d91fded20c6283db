//! `SCH*`: requests checked against the canonical request schema — the loaded OpenAPI documents
//! (server, path, method, parameters, media type, body schema) and the connector catalog (spec ids,
//! auth params) — plus placeholder hygiene. Shared logic lives in `helpers`.

pub(crate) mod helpers;
pub mod sch001_unknown_server;
pub mod sch002_unknown_path;
pub mod sch003_method_not_allowed;
pub mod sch004_missing_required_parameter;
pub mod sch005_undocumented_header;
pub mod sch006_content_type_mismatch;
pub mod sch007_body_schema_violation;
pub mod sch008_connection_spec_mismatch;
pub mod sch009_auth_params_mismatch;
pub mod sch010_insecure_scheme;
pub mod sch011_malformed_placeholder;
pub mod sch012_placeholder_reuse;
