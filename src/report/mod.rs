//! `report`: findings rendered for people (rustc style) and machines (JSON, SARIF, GitHub
//! workflow commands, JUnit XML); one file per format.

pub mod github;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;

use crate::diag::{Finding, Severity};

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// rustc-style diagnostics with source snippets.
    Human,
    /// The stable JSON contract (`version: 1`).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning, IDEs).
    Sarif,
    /// GitHub Actions workflow commands (`::error file=…`): annotations on the pull request.
    Github,
    /// JUnit XML: a test suite per file, a failure per finding.
    Junit,
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
