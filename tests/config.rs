//! `locdoc.toml` discovery and precedence, `--select`/`--ignore`, inline suppression, and
//! `--changed-since`, through the binary.

use crate::common::locdoc;
use std::path::Path;

/// `docs/en/a.md`: AFM001 (line 3, error), CURL005 (line 9, warning); `docs/fr/a.md` its
/// translation with AFM001 on line 3.
fn fixture(dir: &Path) {
    std::fs::create_dir_all(dir.join("docs/en")).unwrap();
    std::fs::create_dir_all(dir.join("docs/fr")).unwrap();
    std::fs::write(
        dir.join("docs/en/a.md"),
        "# Title\n\nSee [](https://x.y).\n\n```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' \\\n  -H 'B: 2' \\\n  -H 'A: 1'\n```\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("docs/fr/a.md"),
        "# Titre\n\nVoir [](https://x.y).\n",
    )
    .unwrap();
}

/// Runs `locdoc ARGS` in `dir`; returns (rule, file, line) triples, exit code and stderr.
fn check(dir: &Path, args: &[&str]) -> (Vec<(String, String, u64)>, i32, String) {
    let out = locdoc()
        .current_dir(dir)
        .args(["check", "--format", "json"])
        // The fr page is a deliberately partial translation (stale by PAR001); these tests are
        // about configuration, so that one rule is kept out of the counts.
        .args(["--ignore", "PAR001"])
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let code = out.status.code().unwrap_or(-1);
    if code == 2 {
        return (Vec::new(), code, stderr);
    }
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (crate::common::findings(&v), code, stderr)
}

fn rules(f: &[(String, String, u64)]) -> Vec<&str> {
    f.iter().map(|(r, _, _)| r.as_str()).collect()
}

#[test]
fn without_config_every_rule_runs() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    let (f, code, _) = check(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(rules(&f), vec!["AFM001", "CURL005", "AFM001"]);
}

#[test]
fn config_is_found_above_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules]\nignore = [\"empty-link\"]\n",
    )
    .unwrap();
    let (f, code, _) = check(&dir.path().join("docs"), &["."]);
    assert_eq!(rules(&f), vec!["CURL005"]);
    assert_eq!(code, 0, "only a warning is left");
    // --no-config ignores it; --config names another one.
    let (f, _, _) = check(&dir.path().join("docs"), &["--no-config", "."]);
    assert_eq!(f.len(), 3);
    std::fs::write(
        dir.path().join("other.toml"),
        "[rules]\nselect = [\"CURL\"]\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &["--config", "other.toml"]);
    assert_eq!(rules(&f), vec!["CURL005"]);
    let (_, code, err) = check(dir.path(), &["--config", "nope.toml"]);
    assert_eq!(code, 2);
    assert!(err.contains("nope.toml"), "{err}");
}

#[test]
fn unknown_keys_and_rules_are_exit_2_naming_file_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "source-locale = \"en\"\n\n[rules]\nselct = [\"CURL\"]\n",
    )
    .unwrap();
    let (_, code, err) = check(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("locdoc.toml:4:"), "{err}");
    assert!(err.contains("selct"), "{err}");
    std::fs::write(dir.path().join("locdoc.toml"), "colour = true\n").unwrap();
    let (_, code, err) = check(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("locdoc.toml:1:") && err.contains("colour"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules]\nignore = [\"CURL01\"]\n",
    )
    .unwrap();
    let (_, code, err) = check(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("locdoc.toml:2:") && err.contains("did you mean `CURL001`"),
        "{err}"
    );
    let (_, code, err) = check(dir.path(), &["--no-config", "--select", "nonsense"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--select") && err.contains("nonsense"),
        "{err}"
    );
}

#[test]
fn cli_select_and_ignore_override_the_config() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules]\nignore = [\"CURL005\"]\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &[]);
    assert_eq!(rules(&f), vec!["AFM001", "AFM001"]);
    // --select replaces the config's selection, ignore included.
    let (f, code, _) = check(dir.path(), &["--select", "duplicate-header"]);
    assert_eq!((rules(&f), code), (vec!["CURL005"], 0));
    // --ignore adds to it; selectors can be families and comma lists.
    let (f, _, _) = check(dir.path(), &["--select", "afm,curl", "--ignore", "AFM"]);
    assert_eq!(rules(&f), vec!["CURL005"]);
    let (f, _, _) = check(dir.path(), &["--ignore", "afm001"]);
    assert!(f.is_empty());
}

#[test]
fn severity_overrides_change_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules]\nselect = [\"CURL005\"]\n[rules.severity]\nduplicate-header = \"error\"\n",
    )
    .unwrap();
    let out = locdoc()
        .current_dir(dir.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["diagnostics"][0]["severity"], "error");
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules.severity]\nafm = \"info\"\nCURL005 = \"warning\"\n",
    )
    .unwrap();
    let (f, code, _) = check(dir.path(), &[]);
    assert_eq!((f.len(), code), (3, 0));
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "[rules.severity]\nafm = \"loud\"\n",
    )
    .unwrap();
    let (_, code, err) = check(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("loud"), "{err}");
}

#[test]
fn include_exclude_locales_and_schema_paths() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "exclude = [\"docs/fr/**\"]\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &[]);
    assert!(f.iter().all(|(_, file, _)| file.contains("/en/")), "{f:?}");
    std::fs::write(dir.path().join("locdoc.toml"), "include = [\"fr/*.md\"]\n").unwrap();
    let (f, _, _) = check(dir.path(), &[]);
    assert_eq!(f.len(), 0, "include globs are relative to the config file");
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "include = [\"docs/fr/*.md\"]\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &[]);
    assert_eq!(rules(&f), vec!["AFM001"]);
    // `locales` limits the translations checked; the source locale is always checked.
    std::fs::write(dir.path().join("locdoc.toml"), "locales = [\"ko-KR\"]\n").unwrap();
    let (f, _, _) = check(dir.path(), &[]);
    assert!(f.iter().all(|(_, file, _)| file.contains("/en/")), "{f:?}");
    // Schema paths are relative to the config file, whatever the working directory.
    std::fs::write(
        dir.path().join("locdoc.toml"),
        "schema = [\"s/none.yaml\"]\n",
    )
    .unwrap();
    let (_, code, err) = check(&dir.path().join("docs"), &["."]);
    assert_eq!(code, 2);
    let expected = dir.path().join("s/none.yaml");
    assert!(err.contains(expected.to_str().unwrap()), "{err}");
}

#[test]
fn inline_suppression_and_unused_suppressions() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.md"),
        "# T\n\n<!-- locdoc-disable-next-line empty-link -->\nSee [](https://x.y).\n\n<!-- locdoc-disable-next-line CURL -->\n```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' \\\n  -H 'A: 1'\n```\n\n<!-- locdoc-disable AFM001 -->\n[](https://a.b)\n\n[](https://c.d)\n<!-- locdoc-enable AFM001 -->\n\n[](https://e.f)\n\n<!-- locdoc-disable-next-line CURL005, NOPE -->\nNothing here.\n",
    )
    .unwrap();
    let (f, code, _) = check(dir.path(), &["--no-config", "p.md"]);
    assert_eq!(code, 1);
    let got: Vec<(&str, u64)> = f.iter().map(|(r, _, l)| (r.as_str(), *l)).collect();
    assert_eq!(
        got,
        vec![("AFM001", 19), ("LINT001", 21), ("LINT001", 21)],
        "unknown NOPE and unused CURL005 are both reported"
    );
    // LINT001 can be switched off like any rule.
    let (f, _, _) = check(dir.path(), &["--no-config", "--ignore", "LINT001", "p.md"]);
    assert_eq!(f.len(), 1);
}

fn git(dir: &Path, args: &[&str]) {
    let ok = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.email=t@t", "-c", "user.name=t"])
        .args(args)
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "git {args:?}");
}

#[test]
fn changed_since_checks_changed_files_and_their_pairs() {
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path());
    std::fs::create_dir_all(dir.path().join("docs/en/other")).unwrap();
    std::fs::write(dir.path().join("docs/en/other/b.md"), "[](https://b.c)\n").unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "init"]);
    // Nothing changed: nothing checked.
    let (f, code, _) = check(dir.path(), &["--changed-since", "HEAD"]);
    assert_eq!((f.len(), code), (0, 0));
    // A changed translation brings its source page; the unrelated page stays out.
    std::fs::write(
        dir.path().join("docs/fr/a.md"),
        "# Titre\n\nVoir [](https://x.y) !\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &["--changed-since", "HEAD"]);
    let files: Vec<&str> = f.iter().map(|(_, file, _)| file.as_str()).collect();
    assert_eq!(files, vec!["docs/en/a.md", "docs/en/a.md", "docs/fr/a.md"]);
    // A changed source page brings its translations.
    git(dir.path(), &["commit", "-qam", "fr"]);
    std::fs::write(
        dir.path().join("docs/en/a.md"),
        "# Title\n\nSee [](https://x.y).\n",
    )
    .unwrap();
    let (f, _, _) = check(dir.path(), &["--changed-since", "HEAD"]);
    let files: Vec<&str> = f.iter().map(|(_, file, _)| file.as_str()).collect();
    assert_eq!(files, vec!["docs/en/a.md", "docs/fr/a.md"]);
    // A bad revision is exit 2 with git's reason.
    let (_, code, err) = check(dir.path(), &["--changed-since", "no-such-rev"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-rev"), "{err}");
}
