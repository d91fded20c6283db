//! The JSON contract: `{"version":1,"diagnostics":[…],"summary":{…}}`, findings already sorted.

use rayon::prelude::*;
use serde::Serialize;

use super::Summary;
use crate::diag::Finding;

/// Findings serialized per parallel task, and tasks per window: a window (a few MB of output) is
/// serialized on every thread, then written, so memory stays bounded.
const CHUNK: usize = 512;
const WINDOW: usize = CHUNK * 32;

/// Writes the version-1 JSON document (and a trailing newline) straight to `w`, without building
/// the whole document in memory first (a large tree can have hundreds of thousands of findings).
///
/// The bytes are exactly those of `serde_json::to_writer_pretty` on the whole document (a test
/// holds it to that), but the findings are serialized in parallel, window by window: on 40,000
/// files this was a second of single-threaded tail after the check itself.
pub fn write(
    w: &mut dyn std::io::Write,
    findings: &[Finding],
    files: usize,
) -> std::io::Result<()> {
    w.write_all(b"{\n  \"version\": 1,\n  \"diagnostics\": [")?;
    for (k, window) in findings.chunks(WINDOW).enumerate() {
        let parts: Vec<std::io::Result<Vec<u8>>> = window
            .par_chunks(CHUNK)
            .map(|chunk| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                let mut scratch = Vec::with_capacity(512);
                for f in chunk {
                    buf.extend_from_slice(b",\n    ");
                    pretty_indented(&mut buf, &mut scratch, f, b"\n    ")?;
                }
                Ok(buf)
            })
            .collect();
        for (j, part) in parts.into_iter().enumerate() {
            let part = part?;
            // Every finding was written after a comma; the document's first has none.
            let skip = usize::from(k == 0 && j == 0);
            w.write_all(&part[skip..])?;
        }
    }
    // serde_json closes an empty array on its own line, a non-empty one after a line break.
    if !findings.is_empty() {
        w.write_all(b"\n  ")?;
    }
    w.write_all(b"],\n  \"summary\": ")?;
    let mut buf = Vec::new();
    pretty_indented(
        &mut buf,
        &mut Vec::new(),
        &Summary::new(findings, files),
        b"\n  ",
    )?;
    w.write_all(&buf)?;
    w.write_all(b"\n}\n")
}

/// Appends `value` pretty-printed (through `scratch`), each newline followed by the indentation in
/// `newline` (JSON strings escape their newlines, so every raw newline is a line break of the
/// layout).
fn pretty_indented<T: Serialize>(
    buf: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
    value: &T,
    newline: &[u8],
) -> std::io::Result<()> {
    scratch.clear();
    serde_json::to_writer_pretty(&mut *scratch, value).map_err(std::io::Error::other)?;
    let mut rest = &scratch[..];
    while let Some(i) = memchr::memchr(b'\n', rest) {
        buf.extend_from_slice(&rest[..i]);
        buf.extend_from_slice(newline);
        rest = &rest[i + 1..];
    }
    buf.extend_from_slice(rest);
    Ok(())
}

/// Serializes findings as the version-1 JSON document (with a trailing newline).
pub fn render(findings: &[Finding], files: usize) -> String {
    let mut out = Vec::new();
    match write(&mut out, findings, files) {
        Ok(()) => String::from_utf8_lossy(&out).into_owned(),
        Err(e) => format!("{{\"error\":\"{e}\"}}\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    /// The whole document as serde_json lays it out: the reference the parallel writer must match.
    #[derive(Serialize)]
    struct Output<'a> {
        version: u32,
        diagnostics: &'a [Finding],
        summary: Summary,
    }

    fn finding(i: usize) -> Finding {
        Finding {
            rule: if i % 3 == 0 { "TXT004" } else { "PAR002" },
            severity: if i % 2 == 0 {
                Severity::Error
            } else {
                Severity::Warning
            },
            file: format!("docs/fr/page-{}.md", i / 7).into(),
            line: i + 1,
            column: i % 5 + 1,
            end_line: i + 1,
            end_column: i % 5 + 9,
            message: format!("ligne\n{i} « cité » \"quoted\" \t tab \u{200b}"),
            help: (i % 4 == 0).then(|| "fix it\r\nnow".into()),
            locale: (i % 3 != 1).then(|| "fr-FR".into()),
            fixable: i % 5 == 0,
            span: i..i + 2,
            fix: None,
        }
    }

    #[test]
    fn parallel_writer_gives_the_bytes_of_serde_json() {
        // Sizes around the chunk and window edges.
        for n in [0, 1, 2, CHUNK - 1, CHUNK, CHUNK + 1, WINDOW + 3] {
            let findings: Vec<Finding> = (0..n).map(finding).collect();
            let mut got = Vec::new();
            write(&mut got, &findings, 42).unwrap();
            let doc = Output {
                version: 1,
                diagnostics: &findings,
                summary: Summary::new(&findings, 42),
            };
            let want = serde_json::to_string_pretty(&doc).unwrap() + "\n";
            assert_eq!(String::from_utf8(got).unwrap(), want, "n = {n}");
        }
    }
}
