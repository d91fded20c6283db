//! The JSON contract: `{"version":1,"diagnostics":[…],"summary":{…}}`, findings already sorted.

use serde::Serialize;

use super::Summary;
use crate::diag::Finding;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: &'a [Finding],
    summary: Summary,
}

/// Writes the version-1 JSON document (and a trailing newline) straight to `w`, without building
/// the whole document in memory first (a large tree can have hundreds of thousands of findings).
pub fn write(
    w: &mut dyn std::io::Write,
    findings: &[Finding],
    files: usize,
) -> std::io::Result<()> {
    let out = Output {
        version: 1,
        diagnostics: findings,
        summary: Summary::new(findings, files),
    };
    serde_json::to_writer_pretty(&mut *w, &out).map_err(std::io::Error::other)?;
    w.write_all(b"\n")
}

/// Serializes findings as the version-1 JSON document (with a trailing newline).
pub fn render(findings: &[Finding], files: usize) -> String {
    let out = Output {
        version: 1,
        diagnostics: findings,
        summary: Summary::new(findings, files),
    };
    let mut s =
        serde_json::to_string_pretty(&out).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"));
    s.push('\n');
    s
}
