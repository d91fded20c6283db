//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The repository root.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the checkout, if present. When absent the calling test should return early
/// (`let Some(shared) = common::shared() else { return };`: skipped with a message), except under `CI=true`, where its absence is a failure.
pub fn shared() -> Option<PathBuf> {
    let dir = repo().join("../shared");
    if dir.join("corpus").is_dir() {
        return Some(dir);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true but ../shared (real documents) is missing beside the checkout");
    }
    eprintln!("skipped: ../shared is not beside the checkout");
    None
}

/// A `locdoc` command run from the repository root.
pub fn locdoc() -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("locdoc").unwrap_or_else(|e| panic!("{e}"));
    c.current_dir(repo());
    c
}

/// Runs `locdoc` with `args` and parses its stdout as JSON.
pub fn json(args: &[&str]) -> (serde_json::Value, i32) {
    let out = locdoc()
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let code = out.status.code().unwrap_or(-1);
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (v, code)
}

/// `(rule, file-suffix, line)` triples of a check JSON document.
pub fn findings(v: &serde_json::Value) -> Vec<(String, String, u64)> {
    v["diagnostics"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|d| {
                    (
                        d["rule"].as_str().unwrap_or("").to_string(),
                        d["file"].as_str().unwrap_or("").to_string(),
                        d["line"].as_u64().unwrap_or(0),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Whether `v` has a finding of `rule` in a file ending with `file` at `line`.
pub fn has(v: &serde_json::Value, rule: &str, file: &str, line: u64) -> bool {
    findings(v)
        .iter()
        .any(|(r, f, l)| r == rule && f.ends_with(file) && *l == line)
}

/// Holds `check`'s lazily planned sync fixes ([`locdoc::sync::LazyPairPlan`]) to the full plan
/// `sync` writes, for translation `tr` of `src`: the same edits in the same order, and the same fix
/// for every block, every edit and the empty spans at their ends, under three kind filters. Returns
/// how many of those asks had a fix.
pub fn lazy_plan_agrees(src: &locdoc::engine::Page, tr: &locdoc::afm::Document) -> usize {
    use locdoc::sync::{plan_pair_with, ChangeKind, LazyPairPlan, SyncOptions};
    let opts = SyncOptions::default();
    let full = plan_pair_with(&src.doc, &src.sync_units, tr, &opts);
    let lazy = LazyPairPlan::new(&src.doc, &src.sync_units, tr, &opts);
    let mut fixes = 0;
    // Asked span by span first, so each answer only has the blocks its span reaches.
    let ranges: Vec<_> = tr
        .blocks
        .iter()
        .map(|b| b.span.clone())
        .chain(full.edits.iter().map(|e| e.edit.range.clone()))
        .collect();
    let spans = ranges
        .iter()
        .flat_map(|r| [r.clone(), r.start..r.start, r.end..r.end]);
    for span in spans {
        for kinds in [
            &[][..],
            &[ChangeKind::Code],
            &[ChangeKind::Link, ChangeKind::Dnl],
        ] {
            let want = full.fix_within_kinds(&span, kinds);
            fixes += usize::from(want.is_some());
            assert_eq!(
                lazy.fix_within_kinds(&src.doc, tr, &span, kinds),
                want,
                "{} {span:?} {kinds:?}",
                tr.display
            );
        }
    }
    assert_eq!(lazy.all_edits(&src.doc, tr), full.edits, "{}", tr.display);
    fixes
}
