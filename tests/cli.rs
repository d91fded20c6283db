//! The CLI contract: exit codes, JSON shape, determinism.

use crate::common::{json, locdoc};

#[test]
fn nonexistent_path_is_exit_2() {
    locdoc().args(["check", "no/such/dir"]).assert().code(2);
}

#[test]
fn unknown_flag_is_exit_2() {
    locdoc().args(["check", "--no-such-flag"]).assert().code(2);
}

#[test]
fn json_contract_and_exit_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.md");
    std::fs::write(&page, "# Title\n\nSee [](https://example.com).\n\n```shell\ncurl -X POST 'https://example.com/x' \\\n  -d '{\"a\": 1,}'\n```\n").unwrap();
    let p = page.to_str().unwrap();
    let (v, code) = json(&["check", "--format", "json", p]);
    assert_eq!(code, 1);
    assert_eq!(v["version"], 1);
    let d = &v["diagnostics"][0];
    for key in [
        "rule",
        "severity",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "fixable",
    ] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["rule"], "AFM001");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 5);
    assert_eq!(v["diagnostics"][1]["rule"], "CURL003");
    assert_eq!(v["diagnostics"][1]["line"], 7);
    assert_eq!(v["summary"]["files"], 1);
    assert_eq!(v["summary"]["errors"], 2);
}

#[test]
fn non_utf8_file_is_named_and_others_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), b"# Cr\xe9ation\n").unwrap();
    std::fs::write(dir.path().join("b.md"), "[](https://x.y)\n").unwrap();
    let (v, code) = json(&["check", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(code, 1);
    let f = crate::common::findings(&v);
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "IO001" && file.ends_with("a.md") && *l == 1),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, _)| r == "AFM001" && file.ends_with("b.md")),
        "{f:?}"
    );
}

#[test]
fn human_format_is_rustc_style() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("p.md");
    std::fs::write(&page, "Intro\n\n[](https://x.y)\n").unwrap();
    let out = locdoc()
        .args(["check", page.to_str().unwrap()])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("error[AFM001]: link to `https://x.y` has no text"),
        "{s}"
    );
    assert!(s.contains("p.md:3:1"), "{s}");
    assert!(s.contains("^"), "{s}");
    assert!(s.contains("= help:"), "{s}");
    assert!(!s.contains('\u{1b}'), "no colours when not a terminal");
}

#[test]
fn same_bytes_at_any_thread_count() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let corpus = shared.join("corpus");
    let c = corpus.to_str().unwrap();
    let one = locdoc()
        .args(["--threads", "1", "check", "--format", "json", c])
        .output()
        .unwrap();
    let two = locdoc()
        .args(["--threads", "2", "check", "--format", "json", c])
        .output()
        .unwrap();
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, two.stdout);
}

#[test]
fn human_output_shows_catalog_snippets() {
    let dir = tempfile::tempdir().unwrap();
    for loc in ["en", "fr"] {
        std::fs::create_dir_all(dir.path().join(loc)).unwrap();
    }
    std::fs::write(dir.path().join("en/page.ftl"), "hello = Hello { $name }\n").unwrap();
    std::fs::write(
        dir.path().join("fr/page.ftl"),
        "# French\nhello = Bonjour { $nom }\n",
    )
    .unwrap();
    let out = locdoc()
        .args(["check", "--color", "never", "--select", "FTL"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("FTL004"), "{text}");
    // The offending catalog line is quoted, with a caret under the variable.
    assert!(text.contains("hello = Bonjour { $nom }"), "{text}");
    assert!(text.contains('^'), "{text}");
}
