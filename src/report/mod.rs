//! `report`: findings rendered for people (rustc style) and machines (JSON); one file per format.

pub mod human;
pub mod json;

use crate::diag::{Finding, Severity};

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Human,
    /// The stable JSON contract (`version: 1`).
    Json,
}

/// Counts for the summary line / object.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub struct Summary {
    /// Files checked.
    pub files: usize,
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
}

impl Summary {
    /// Counts `findings` over `files` files.
    pub fn new(findings: &[Finding], files: usize) -> Summary {
        Summary {
            files,
            errors: findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count(),
            warnings: findings
                .iter()
                .filter(|f| f.severity == Severity::Warning)
                .count(),
        }
    }
}
