//! `extract`: the requests and tables a tutorial shows, pulled out of the AFM model.
//!
//! [`shell`] splits a code block into shell words with the span of every token (line continuations,
//! quotes, comments), [`curl`] turns words into a [`Request`], [`table`] reads property and credential
//! tables. Extraction never fails: broken input yields a best-effort value plus [`Problem`]s that the
//! `CURL*` rules report.

pub mod curl;
pub mod json;
pub mod shell;
pub mod table;

pub use curl::{extract_requests, Header, Problem, ProblemKind, Request};
pub use table::{extract_tables, ExtractedTable};
