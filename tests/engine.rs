//! The streaming driver (`check` without `--fix`) and the in-memory one (`--fix`, `--changed-since`,
//! the library's `engine::check`) must report exactly the same findings.

use locdoc::engine::{self, Settings};

fn compare(paths: Vec<std::path::PathBuf>) {
    let settings = Settings {
        paths,
        ..Settings::default()
    };
    let schema = engine::load_schema(&settings).unwrap();
    let streamed = engine::check_streaming(&settings, &schema, false, &|| {}).unwrap();
    let (report, _) = engine::check(&settings).unwrap();
    let key = |f: &locdoc::diag::Finding| {
        format!(
            "{}:{}:{}:{}:{}:{}",
            f.file, f.line, f.column, f.rule, f.message, f.fixable
        )
    };
    let a: Vec<String> = streamed.findings.iter().map(key).collect();
    let b: Vec<String> = report.findings.iter().map(key).collect();
    assert!(!b.is_empty());
    assert_eq!(a, b);
    assert_eq!(streamed.checked.len(), report.files);
}

#[test]
fn streaming_equals_in_memory_on_project_fixtures() {
    let repo = crate::common::repo();
    compare(vec![
        repo.join("docs"),
        repo.join("locales"),
        repo.join("tests/fixtures"),
    ]);
}

#[test]
fn streaming_equals_in_memory_on_real_documents() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    // The corpus (pairs by path) together with the seeds (no locale directory: pairs by exl-id).
    compare(vec![shared.join("corpus"), shared.join("seeds")]);
}

/// `check`'s lazily planned sync fixes are the full plan's on every paired page of `paths`
/// ([`crate::common::lazy_plan_agrees`]).
fn lazy_plan_equals_full_plan(paths: Vec<std::path::PathBuf>) {
    let settings = Settings {
        paths,
        ..Settings::default()
    };
    let ws = engine::load(&settings).unwrap();
    let (mut pairs, mut fixes) = (0, 0);
    for (i, s) in ws.pairing.source.iter().enumerate() {
        let Some((s, _)) = s else { continue };
        fixes += crate::common::lazy_plan_agrees(&ws.pages[*s], &ws.pages[i].doc);
        pairs += 1;
    }
    assert!(pairs > 0 && fixes > 0, "{pairs} pairs, {fixes} fixes");
}

#[test]
fn lazy_sync_plan_equals_full_plan_on_project_fixtures() {
    let repo = crate::common::repo();
    lazy_plan_equals_full_plan(vec![repo.join("docs"), repo.join("tests/fixtures")]);
}

#[test]
fn lazy_sync_plan_equals_full_plan_on_real_documents() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    lazy_plan_equals_full_plan(vec![shared.join("corpus")]);
}
