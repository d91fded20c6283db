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
