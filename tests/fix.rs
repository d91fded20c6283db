//! `check --fix` and `--diff` through the binary: safe fixes applied atomically, idempotent,
//! modes kept, `fixable` in JSON, exit codes.

use crate::common::locdoc;
use std::path::Path;

const BROKEN: &str = "# Create a connection\n\n```shell\ncurl -X POST 'https://api.example.com/v1/connections' \\\n    -H 'x-api-key: {API_KEY}'\n    -H 'Content-Type: application/json' \\\n    -d '{\n        \"name\": \"demo\"\n    }\n```\n\nSee [](https://x.y).\n";

const FIXED: &str = "# Create a connection\n\n```shell\ncurl -X POST 'https://api.example.com/v1/connections' \\\n    -H 'x-api-key: {API_KEY}' \\\n    -H 'Content-Type: application/json' \\\n    -d '{\n        \"name\": \"demo\"\n    }'\n```\n\nSee [](https://x.y).\n";

fn run(dir: &Path, args: &[&str]) -> (String, String, i32) {
    let out = locdoc()
        .current_dir(dir)
        .arg("--no-config")
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn json_marks_findings_with_a_fix_as_fixable() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.md"), BROKEN).unwrap();
    let (out, _, code) = run(dir.path(), &["check", "--format", "json", "p.md"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fixable: Vec<(String, bool)> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["fixable"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        fixable,
        vec![
            ("CURL002".to_string(), true),
            ("CURL001".to_string(), true),
            ("AFM001".to_string(), false)
        ]
    );
}

#[test]
fn diff_previews_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    std::fs::write(&p, BROKEN).unwrap();
    let (out, err, code) = run(dir.path(), &["check", "--diff", "p.md"]);
    assert_eq!(code, 1, "there is something to fix");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        BROKEN,
        "nothing written"
    );
    assert!(out.starts_with("--- a/p.md\n+++ b/p.md\n@@ "), "{out}");
    assert!(out.contains("\n-    -H 'x-api-key: {API_KEY}'\n+    -H 'x-api-key: {API_KEY}' \\\n"));
    assert!(out.contains("\n-    }\n+    }'\n"), "{out}");
    assert!(err.contains("would fix 2 findings in 1 file"), "{err}");
}

#[test]
fn fix_writes_keeps_the_mode_and_a_second_fix_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    std::fs::write(&p, BROKEN).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let (out, err, code) = run(dir.path(), &["check", "--fix", "--format", "json", "p.md"]);
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    assert!(err.contains("fixed 2 findings in 1 file"), "{err}");
    // What remains is reported, and decides the exit code.
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(v["diagnostics"][0]["rule"], "AFM001");
    assert_eq!(code, 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(leftovers, 1, "no temporary file left");
    // Idempotent: a second --fix changes nothing, --diff shows nothing.
    let before = std::fs::metadata(&p).unwrap().modified().unwrap();
    let (_, err, _) = run(dir.path(), &["check", "--fix", "p.md"]);
    assert!(!err.contains("fixed"), "{err}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), FIXED);
    assert_eq!(std::fs::metadata(&p).unwrap().modified().unwrap(), before);
    let (out, _, code) = run(dir.path(), &["check", "--diff", "p.md"]);
    assert_eq!((out.as_str(), code), ("", 0));
}

#[test]
fn fix_of_a_clean_tree_is_exit_0_and_quiet_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.md"),
        FIXED.replace("[](https://x.y)", "[x](https://x.y)"),
    )
    .unwrap();
    let (out, err, code) = run(dir.path(), &["--quiet", "check", "--fix", "p.md"]);
    assert_eq!((out.as_str(), err.as_str(), code), ("", "", 0));
    let (out, _, code) = run(dir.path(), &["check", "p.md"]);
    assert_eq!(code, 0);
    assert_eq!(out, "1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn suppressed_findings_are_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.md");
    let text = BROKEN.replace(
        "```shell",
        "<!-- locdoc-disable-next-line CURL001 -->\n```shell",
    );
    std::fs::write(&p, &text).unwrap();
    let (_, _, _) = run(dir.path(), &["check", "--fix", "p.md"]);
    let after = std::fs::read_to_string(&p).unwrap();
    assert!(
        after.contains("    }\n```"),
        "CURL001's fix not applied: {after}"
    );
    assert!(
        after.contains("{API_KEY}' \\\n"),
        "CURL002's fix applied: {after}"
    );
}

#[test]
fn color_and_quiet_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.md"), "[](https://x.y)\n").unwrap();
    let (out, _, code) = run(dir.path(), &["check", "--color", "always", "p.md"]);
    assert_eq!(code, 1);
    assert!(out.contains("\u{1b}["), "ANSI colors: {out:?}");
    let (out, _, _) = run(dir.path(), &["check", "--color", "never", "p.md"]);
    assert!(!out.contains("\u{1b}["));
    assert!(out.ends_with("1 file checked: 1 error, 0 warnings\n"));
    let (quiet, _, code) = run(dir.path(), &["check", "-q", "p.md"]);
    assert_eq!(code, 1);
    assert!(
        quiet.contains("error[AFM001]") && !quiet.contains("file checked"),
        "{quiet}"
    );
    let (_, _, code) = run(dir.path(), &["check", "--color", "sometimes", "p.md"]);
    assert_eq!(code, 2);
}
