//! SARIF 2.1.0 via `serde-sarif` (typed from the official schema): one run whose
//! `tool.driver.rules` lists every registered rule with its documentation as help, and one result
//! per finding with `ruleId`/`ruleIndex`, `level` and a physical location (URI + region; columns
//! are Unicode code points, as in every locdoc format).

use serde_sarif::sarif;
use std::collections::BTreeMap;

use crate::diag::{Finding, Severity};
use crate::rules::{FixKind, RuleMeta, RULES};

/// The `$schema` of the log: the SchemaStore address GitHub's SARIF documentation uses
/// (`serde_sarif::sarif::SCHEMA_URL` is the retired `schemastore.azurewebsites.net` host).
pub const SCHEMA_URL: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF level for a severity.
pub fn level(s: Severity) -> sarif::ResultLevel {
    match s {
        Severity::Error => sarif::ResultLevel::Error,
        Severity::Warning => sarif::ResultLevel::Warning,
        Severity::Info => sarif::ResultLevel::Note,
    }
}

fn level_str(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A file path as a SARIF URI reference: relative paths stay relative (with `/`), absolute ones
/// become `file://` URIs; bytes outside the unreserved set are percent-encoded.
pub fn path_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let (prefix, rest) = if p.starts_with('/') {
        ("file://", p.as_str())
    } else if p.len() > 2 && p.as_bytes().get(1) == Some(&b':') {
        // A Windows drive path.
        ("file:///", p.as_str())
    } else {
        ("", p.as_str())
    };
    let mut out = String::from(prefix);
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) || (b == b':' && !prefix.is_empty()) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The first paragraph of the doc's "What it checks" section (SARIF `fullDescription`).
fn what_it_checks(doc: &str) -> String {
    let after = doc
        .find("## What it checks")
        .and_then(|i| doc.get(i + "## What it checks".len()..))
        .unwrap_or("");
    let end = after.find("\n\n").unwrap_or(after.len());
    after
        .get(..end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn rule_descriptor(m: &RuleMeta) -> sarif::ReportingDescriptor {
    let mut props = BTreeMap::new();
    props.insert("family".to_string(), serde_json::json!(m.family));
    props.insert(
        "fixable".to_string(),
        serde_json::json!(m.fix != FixKind::None),
    );
    let full = what_it_checks(m.doc);
    sarif::ReportingDescriptor::builder()
        .id(m.id)
        .name(m.name)
        .short_description(
            sarif::MultiformatMessageString::builder()
                .text(m.summary)
                .build(),
        )
        .full_description(
            sarif::MultiformatMessageString::builder()
                .text(if full.is_empty() {
                    m.summary.to_string()
                } else {
                    full
                })
                .build(),
        )
        .help(
            sarif::MultiformatMessageString::builder()
                .text(m.doc)
                .markdown(m.doc)
                .build(),
        )
        .default_configuration(
            sarif::ReportingConfiguration::builder()
                .level(serde_json::json!(level_str(m.severity)))
                .build(),
        )
        .properties(
            sarif::PropertyBag::builder()
                .tags(vec![m.family.to_string()])
                .additional_properties(props)
                .build(),
        )
        .build()
}

fn result(f: &Finding) -> sarif::Result {
    let index = RULES.iter().position(|r| r.meta().id == f.rule);
    let region = sarif::Region::builder()
        .start_line(f.line as i64)
        .start_column(f.column as i64)
        .end_line(f.end_line as i64)
        .end_column(f.end_column as i64)
        .build();
    let location = sarif::Location::builder()
        .physical_location(
            sarif::PhysicalLocation::builder()
                .artifact_location(
                    sarif::ArtifactLocation::builder()
                        .uri(path_uri(&f.file))
                        .build(),
                )
                .region(region)
                .build(),
        )
        .build();
    let mut props = BTreeMap::new();
    props.insert("fixable".to_string(), serde_json::json!(f.fixable));
    if let Some(h) = &f.help {
        props.insert("help".to_string(), serde_json::json!(h));
    }
    if let Some(l) = &f.locale {
        props.insert("locale".to_string(), serde_json::json!(l));
    }
    let text = match &f.help {
        Some(h) => format!("{}\nhelp: {h}", f.message),
        None => f.message.clone(),
    };
    let mut r = sarif::Result::builder()
        .rule_id(f.rule)
        .level(level(f.severity))
        .message(sarif::Message::builder().text(text).build())
        .locations(vec![location])
        .properties(
            sarif::PropertyBag::builder()
                .additional_properties(props)
                .build(),
        )
        .build();
    r.rule_index = index.map(|i| i as i64);
    r
}

/// The SARIF log for `findings` (pretty JSON with a trailing newline), written as it is built:
/// the envelope is serialized by hand around a lazy sequence of results, so only one result is in
/// memory at a time. Building the whole typed log first took 1 GB at 10,000 files (issue 8). The
/// keys are in the order `serde-sarif` writes them, so the bytes are the typed log's.
pub fn write(out: &mut impl std::io::Write, findings: &[Finding]) -> std::io::Result<()> {
    let driver = sarif::ToolComponent::builder()
        .name("locdoc")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .rules(
            RULES
                .iter()
                .map(|r| rule_descriptor(r.meta()))
                .collect::<Vec<_>>(),
        )
        .build();
    let log = StreamedLog {
        tool: sarif::Tool::builder().driver(driver).build(),
        findings,
    };
    serde_json::to_writer_pretty(&mut *out, &log).map_err(std::io::Error::other)?;
    out.write_all(b"\n")
}

/// A SARIF log of one run whose results are made from `findings` while they are written.
struct StreamedLog<'a> {
    tool: sarif::Tool,
    findings: &'a [Finding],
}

/// The run of a [`StreamedLog`].
struct StreamedRun<'a>(&'a StreamedLog<'a>);

/// The results of a [`StreamedLog`], each built just before it is serialized.
struct StreamedResults<'a>(&'a [Finding]);

impl serde::Serialize for StreamedLog<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("$schema", SCHEMA_URL)?;
        m.serialize_entry("runs", &[StreamedRun(self)])?;
        m.serialize_entry("version", "2.1.0")?;
        m.end()
    }
}

impl serde::Serialize for StreamedRun<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("columnKind", "unicodeCodePoints")?;
        m.serialize_entry("results", &StreamedResults(self.0.findings))?;
        m.serialize_entry("tool", &self.0.tool)?;
        m.end()
    }
}

impl serde::Serialize for StreamedResults<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(result))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_or_file_and_encoded() {
        assert_eq!(path_uri("docs/en/a b.md"), "docs/en/a%20b.md");
        assert_eq!(path_uri("/tmp/x#1.md"), "file:///tmp/x%231.md");
        assert_eq!(path_uri("ko/문서.md"), "ko/%EB%AC%B8%EC%84%9C.md");
    }

    #[test]
    fn log_names_the_schemastore_schema() {
        let v: serde_json::Value = {
            let mut out = Vec::new();
            write(&mut out, &[]).unwrap();
            serde_json::from_slice(&out).unwrap()
        };
        assert_eq!(v["$schema"], SCHEMA_URL);
        assert_eq!(v["version"], "2.1.0");
    }

    #[test]
    fn full_description_is_the_first_paragraph() {
        let d = what_it_checks("## What it checks\nA quote\nnever closed.\n\nMore.\n");
        assert_eq!(d, "A quote never closed.");
    }
}
