//! Output formats of `check` (SARIF, GitHub, JUnit) and the rule catalog commands (`rules`,
//! `explain`, `completions`, `--version`).

use crate::common::locdoc;
use std::path::Path;

/// A page with an empty link (AFM001, error, line 3), an unterminated quote (CURL001, error,
/// line 7) and a duplicate header (CURL005, warning, line 12); plus a clean page.
fn fixture(dir: &Path) {
    std::fs::create_dir_all(dir.join("docs")).unwrap();
    std::fs::write(
        dir.join("docs/a b.md"),
        "# Title\n\nSee [](https://x.y), 50% off: a,b.\n\n```shell\ncurl -X GET 'https://h.x' \\\n  -H 'x-api-key: {API_KEY}\n```\n\n```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' \\\n  -H 'A: 1'\n```\n",
    )
    .unwrap();
    std::fs::write(dir.join("docs/clean.md"), "# Clean\n\nNothing to see.\n").unwrap();
}

fn run(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = locdoc()
        .current_dir(dir)
        .arg("--no-config")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn sarif_has_the_2_1_0_structure() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let (out, code) = run(dir.path(), &["check", "--format", "sarif"]);
    assert_eq!(code, 1);
    // The typed model generated from the SARIF 2.1.0 schema accepts it…
    let log: serde_sarif::sarif::Sarif = serde_json::from_str(&out).expect("valid SARIF");
    assert_eq!(log.version, "2.1.0");
    assert_eq!(log.runs.len(), 1);
    // …and the properties GitHub code scanning reads are there.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["$schema"].as_str().unwrap().contains("sarif"));
    let run = &v["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "locdoc");
    let rules = driver["rules"].as_array().unwrap();
    let count = locdoc::rules::RULES.len();
    assert_eq!(rules.len(), count);
    for r in rules {
        assert!(r["id"].is_string() && r["name"].is_string());
        assert!(r["shortDescription"]["text"].is_string());
        assert!(r["fullDescription"]["text"].is_string());
        let help = r["help"]["markdown"].as_str().unwrap();
        assert!(help.contains("## Why it matters"), "{help}");
        assert!(["error", "warning", "note"]
            .contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
    }
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    let levels: Vec<_> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, vec!["error", "error", "warning"]);
    for r in results {
        let id = r["ruleId"].as_str().unwrap();
        let idx = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[idx]["id"], id, "ruleIndex points at the rule");
        assert!(r["message"]["text"].is_string());
        let loc = &r["locations"][0]["physicalLocation"];
        assert_eq!(loc["artifactLocation"]["uri"], "docs/a%20b.md");
        let region = &loc["region"];
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k}");
        }
    }
    assert_eq!(results[0]["ruleId"], "AFM001");
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startLine"],
        3
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["region"]["startColumn"],
        5
    );
    assert_eq!(results[1]["ruleId"], "CURL001");
    assert_eq!(results[1]["properties"]["fixable"], true);
    assert_eq!(run["columnKind"], "unicodeCodePoints");
}

#[test]
fn sarif_of_a_clean_tree_has_no_results_and_exit_0() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let (out, code) = run(dir.path(), &["check", "--format", "sarif", "docs/clean.md"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn github_lines_one_per_finding_with_escaping() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let (out, code) = run(dir.path(), &["check", "--format", "github"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines[0].starts_with(
            "::error file=docs/a b.md,line=3,col=5,endLine=3,endColumn=20,title=AFM001::"
        ),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("::error file=docs/a b.md,line=7,"));
    assert!(lines[1].contains("title=CURL001::"));
    assert!(lines[2].starts_with("::warning file=docs/a b.md,line=13,"));
    for l in &lines {
        // Multi-line messages (message + help) are encoded, never split.
        assert!(!l.contains('\r'));
        assert!(l.contains("%0Ahelp: "), "{l}");
    }
}

#[test]
fn github_properties_escape_commas_and_colons() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a,b:c.md"), "[](https://x.y)\n").unwrap();
    let (out, _) = run(dir.path(), &["check", "--format", "github", "a,b:c.md"]);
    assert!(
        out.starts_with("::error file=a%2Cb%3Ac.md,line=1,"),
        "{out}"
    );
}

/// (suite name, tests, failures, [(testcase name, failure type)]) parsed back with quick-xml.
type Suite = (String, u64, u64, Vec<(String, Option<String>)>);

fn parse_junit(xml: &str) -> (u64, Vec<Suite>) {
    use quick_xml::events::Event;
    let mut r = quick_xml::Reader::from_str(xml);
    let mut suites: Vec<Suite> = Vec::new();
    let mut total_failures = 0;
    let attr = |e: &quick_xml::events::BytesStart<'_>, k: &str| -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == k.as_bytes())
            .map(|a| {
                a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                    .unwrap()
                    .to_string()
            })
    };
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                b"testsuites" => total_failures = attr(&e, "failures").unwrap().parse().unwrap(),
                b"testsuite" => suites.push((
                    attr(&e, "name").unwrap(),
                    attr(&e, "tests").unwrap().parse().unwrap(),
                    attr(&e, "failures").unwrap().parse().unwrap(),
                    Vec::new(),
                )),
                b"testcase" => suites
                    .last_mut()
                    .unwrap()
                    .3
                    .push((attr(&e, "name").unwrap(), None)),
                b"failure" => {
                    let case = suites.last_mut().unwrap().3.last_mut().unwrap();
                    case.1 = attr(&e, "type");
                    assert!(attr(&e, "message").is_some());
                }
                _ => {}
            },
            _ => {}
        }
    }
    (total_failures, suites)
}

#[test]
fn junit_is_a_suite_per_file_and_a_failure_per_finding() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let (out, code) = run(dir.path(), &["check", "--format", "junit"]);
    assert_eq!(code, 1);
    let (failures, suites) = parse_junit(&out);
    assert_eq!(failures, 3);
    assert_eq!(suites.len(), 2, "{out}");
    let (name, tests, fails, cases) = &suites[0];
    assert_eq!((name.as_str(), *tests, *fails), ("docs/a b.md", 3, 3));
    let types: Vec<_> = cases.iter().map(|c| c.1.clone().unwrap()).collect();
    assert_eq!(types, vec!["AFM001", "CURL001", "CURL005"]);
    assert_eq!(cases[0].0, "AFM001 line 3 col 5");
    let (name, tests, fails, cases) = &suites[1];
    assert_eq!((name.as_str(), *tests, *fails), ("docs/clean.md", 1, 0));
    assert_eq!(cases[0].1, None, "a clean file has one passing test case");
}

#[test]
fn rules_lists_every_registered_rule() {
    let (out, code) = run(Path::new("."), &["rules", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), locdoc::rules::RULES.len());
    for (r, rule) in list.iter().zip(locdoc::rules::RULES) {
        let m = rule.meta();
        assert_eq!(r["id"], m.id);
        assert_eq!(r["name"], m.name);
        assert_eq!(r["family"], m.family);
        assert_eq!(r["category"], m.family);
        assert_eq!(r["severity"], m.severity.as_str());
        assert_eq!(r["summary"], m.summary);
        assert!(r["fixable"].is_boolean());
    }
    let curl001 = list.iter().find(|r| r["id"] == "CURL001").unwrap();
    assert_eq!(curl001["fixable"], true);
    assert!(list.iter().any(|r| r["id"] == "LINT001"));
    let (table, _) = run(Path::new("."), &["rules"]);
    assert!(table.starts_with("ID "));
    assert_eq!(table.lines().count(), list.len() + 1);
}

#[test]
fn explain_prints_the_rule_doc_by_id_or_name() {
    let (by_id, code) = run(Path::new("."), &["explain", "CURL002"]);
    assert_eq!(code, 0);
    let (by_name, _) = run(Path::new("."), &["explain", "missing-line-continuation"]);
    assert_eq!(by_id, by_name);
    let meta = locdoc::rules::find("CURL002").unwrap().meta();
    assert!(by_id.starts_with("# CURL002 missing-line-continuation\n"));
    assert!(by_id.contains("Default severity: error"));
    assert!(by_id.contains("Fixable: sometimes"));
    assert!(
        by_id.contains(meta.doc.trim_end()),
        "the doc is the RuleMeta doc"
    );
    for h in ["## Why it matters", "## Example", "## Use instead"] {
        assert!(by_id.contains(h));
    }
}

#[test]
fn explain_unknown_rule_is_exit_2_with_a_suggestion() {
    let out = locdoc()
        .args(["explain", "unterminated-qoute"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean `unterminated-quote`"), "{err}");
}

#[test]
fn completions_and_version() {
    for shell in ["bash", "zsh", "fish"] {
        let (out, code) = run(Path::new("."), &["completions", shell]);
        assert_eq!(code, 0);
        assert!(out.contains("locdoc") && out.contains("explain"), "{shell}");
    }
    let (out, code) = run(Path::new("."), &["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("locdoc {}", env!("CARGO_PKG_VERSION")));
    let out = locdoc().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}
