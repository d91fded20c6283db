//! JUnit XML (written with quick-xml): a `<testsuite>` per checked file, a `<testcase>` with a
//! `<failure>` per finding, and one passing `<testcase>` for a clean file, so CI test dashboards
//! show documentation defects next to unit tests.

use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::collections::BTreeMap;

use crate::diag::Finding;

/// Removes characters XML 1.0 cannot carry (control characters other than tab and newlines).
fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect()
}

/// The JUnit document for `findings` over `files` (every checked file; files that only appear in
/// findings are added). Ends with a newline.
pub fn write(
    out: &mut impl std::io::Write,
    findings: &[Finding],
    files: &[String],
) -> std::io::Result<()> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in files {
        by_file.entry(f.as_str()).or_default();
    }
    for f in findings {
        by_file.entry(&*f.file).or_default().push(f);
    }
    let mut w = Writer::new_with_indent(&mut *out, b' ', 2);
    write_suites(&mut w, &by_file, findings.len())?;
    out.write_all(b"\n")
}

fn write_suites<W: std::io::Write>(
    w: &mut Writer<W>,
    by_file: &BTreeMap<&str, Vec<&Finding>>,
    failures: usize,
) -> std::io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let tests: usize = by_file.values().map(|v| v.len().max(1)).sum();
    w.create_element("testsuites")
        .with_attribute(("name", "locdoc"))
        .with_attribute(("tests", tests.to_string().as_str()))
        .with_attribute(("failures", failures.to_string().as_str()))
        .with_attribute(("errors", "0"))
        .write_inner_content(|w| {
            for (file, fs) in by_file {
                let file = xml_safe(file);
                w.create_element("testsuite")
                    .with_attribute(("name", file.as_str()))
                    .with_attribute(("tests", fs.len().max(1).to_string().as_str()))
                    .with_attribute(("failures", fs.len().to_string().as_str()))
                    .with_attribute(("errors", "0"))
                    .with_attribute(("skipped", "0"))
                    .write_inner_content(|w| {
                        if fs.is_empty() {
                            w.create_element("testcase")
                                .with_attribute(("name", "locdoc"))
                                .with_attribute(("classname", file.as_str()))
                                .with_attribute(("file", file.as_str()))
                                .write_empty()?;
                        }
                        for f in fs {
                            testcase(w, &file, f)?;
                        }
                        Ok(())
                    })?;
            }
            Ok(())
        })?;
    Ok(())
}

fn testcase<W: std::io::Write>(w: &mut Writer<W>, file: &str, f: &Finding) -> std::io::Result<()> {
    let name = format!("{} line {} col {}", f.rule, f.line, f.column);
    let mut body = format!(
        "{}[{}] {}:{}:{}: {}",
        f.severity.as_str(),
        f.rule,
        f.file,
        f.line,
        f.column,
        f.message
    );
    if let Some(h) = &f.help {
        body.push_str("\nhelp: ");
        body.push_str(h);
    }
    let message = xml_safe(&f.message);
    let body = xml_safe(&body);
    w.create_element("testcase")
        .with_attribute(("name", name.as_str()))
        .with_attribute(("classname", file))
        .with_attribute(("file", file))
        .with_attribute(("line", f.line.to_string().as_str()))
        .write_inner_content(|w| {
            w.create_element("failure")
                .with_attribute(("message", message.as_str()))
                .with_attribute(("type", f.rule))
                .write_text_content(BytesText::new(&body))?;
            Ok(())
        })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_characters_xml_cannot_hold() {
        assert_eq!(xml_safe("a\u{1}b\tc\u{200B}"), "ab\tc\u{200B}");
    }
}
