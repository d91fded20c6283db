//! The streaming driver (`check` without `--fix`) and the in-memory one (`--fix`, `--changed-since`,
//! the library's `engine::check`) must report exactly the same findings.

use locdoc::engine::{self, Settings};
use locdoc::sync::ChangeKind;

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

/// `check`'s lazily planned sync fixes ([`LazyPairPlan`]) are the full plan's, pair by pair: the
/// same edits in the same order, and the same fix for every block and every edit of the page.
fn lazy_plan_equals_full_plan(paths: Vec<std::path::PathBuf>) {
    use locdoc::sync::{plan_pair_with, LazyPairPlan, SyncOptions};
    let settings = Settings {
        paths,
        ..Settings::default()
    };
    let ws = engine::load(&settings).unwrap();
    let opts = SyncOptions::default();
    let (mut pairs, mut fixes) = (0, 0);
    for (i, s) in ws.pairing.source.iter().enumerate() {
        let Some((s, _)) = s else { continue };
        let (tr, src) = (&ws.pages[i].doc, &ws.pages[*s]);
        let full = plan_pair_with(&src.doc, &src.sync_units, tr, &opts);
        let lazy = LazyPairPlan::new(&src.doc, &src.sync_units, tr, &opts);
        // Asked span by span first, so each answer only has the blocks its span reaches.
        let ranges = tr.blocks.iter().map(|b| b.span.clone());
        let ranges: Vec<_> = ranges
            .chain(full.edits.iter().map(|e| e.edit.range.clone()))
            .collect();
        // Each range, and the empty spans at its ends (where an insertion sits).
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
