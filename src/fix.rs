//! Applying fixes: any rule's [`Fix`] edits, applied centrally and repeated until nothing changes.
//!
//! [`apply`] is the pure text function: it takes the fixes that do not overlap one another, in
//! order, and skips the rest for a later round. [`apply_edits`] is the same for loose [`Edit`]s
//! (what `sync` applies); both splice through one core, so `sync` and `check --fix` write the
//! same bytes for the same edits.
//! [`fix_workspace`] re-checks after each round until no fix applies (bounded), so fixes that
//! uncover or conflict with other fixes settle; writing is left to the caller
//! ([`crate::fsutil::write_atomic`]).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::{Edit, Finding, Fix};
use crate::engine::{self, Workspace};

/// Rounds of fix-and-recheck before giving up (a fix that keeps re-triggering is a rule bug).
pub const MAX_ROUNDS: usize = 10;

/// Result of [`apply_counted`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The new text.
    pub text: String,
    /// Fixes applied.
    pub applied: usize,
    /// Fixes skipped because they overlapped an earlier one or were out of range.
    pub skipped: usize,
}

/// Applies the non-overlapping `fixes` to `text` (see [`apply_counted`]).
pub fn apply(text: &str, fixes: &[Fix]) -> String {
    apply_counted(text, fixes).text
}

/// Whether two edits conflict: their ranges overlap, or both insert at the same offset (their
/// order would be arbitrary).
fn conflicts(a: &Edit, b: &Edit) -> bool {
    let (ar, br) = (&a.range, &b.range);
    (ar.start < br.end && br.start < ar.end)
        || (ar.is_empty() && br.is_empty() && ar.start == br.start)
}

/// Whether `e` fits `text` (in range, on character boundaries).
fn valid(text: &str, e: &Edit) -> bool {
    e.range.start <= e.range.end
        && e.range.end <= text.len()
        && text.is_char_boundary(e.range.start)
        && text.is_char_boundary(e.range.end)
}

/// Applies fixes in order of their first edit; a fix whose edits overlap an accepted edit (or one
/// another), or fall outside the text, is skipped whole. Applying the result again is up to the
/// caller's re-check: skipped fixes are recomputed on the new text.
pub fn apply_counted(text: &str, fixes: &[Fix]) -> Applied {
    let mut order: Vec<&Fix> = fixes.iter().filter(|f| !f.edits.is_empty()).collect();
    order.sort_by_key(|f| f.edits.iter().map(|e| e.range.start).min().unwrap_or(0));
    let mut accepted: Vec<&Edit> = Vec::new();
    let (mut applied, mut skipped) = (0, 0);
    for fix in order {
        let ok = fix.edits.iter().enumerate().all(|(i, e)| {
            valid(text, e)
                && !accepted.iter().any(|a| conflicts(a, e))
                && !fix.edits.iter().skip(i + 1).any(|o| conflicts(o, e))
        });
        if ok {
            accepted.extend(fix.edits.iter());
            applied += 1;
        } else {
            skipped += 1;
        }
    }
    Applied {
        text: splice(text, accepted),
        applied,
        skipped,
    }
}

/// Applies loose `edits` to `text` in order of position (insertions at one offset in the given
/// order); an edit that falls outside the text, off a character boundary, or overlaps one already
/// taken is skipped.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut order: Vec<&Edit> = edits.iter().collect();
    order.sort_by_key(|e| (e.range.start, e.range.end));
    let mut accepted: Vec<&Edit> = Vec::with_capacity(order.len());
    for e in order {
        // Sorted and non-overlapping: the last accepted edit ends furthest.
        let overlaps = accepted.last().is_some_and(|a| e.range.start < a.range.end);
        if valid(text, e) && !overlaps {
            accepted.push(e);
        }
    }
    splice(text, accepted)
}

/// The one place edits are written into a text: `edits` must be valid and non-overlapping; they are
/// applied in position order (stable, so insertions before replacements starting at the same
/// offset, and insertions at one offset in the order given).
fn splice(text: &str, mut edits: Vec<&Edit>) -> String {
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        out.push_str(text.get(at..e.range.start).unwrap_or(""));
        out.push_str(&e.replacement);
        at = e.range.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// A file changed by [`fix_workspace`].
#[derive(Clone, Debug)]
pub struct FixedFile {
    /// Path to write.
    pub path: PathBuf,
    /// Display path (as in findings).
    pub display: String,
    /// Text before fixing.
    pub original: Arc<str>,
    /// Text after fixing.
    pub fixed: Arc<str>,
    /// Fixes applied to it, over all rounds.
    pub fixes: usize,
}

/// Result of [`fix_workspace`].
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// Files whose text changed, in path order.
    pub files: Vec<FixedFile>,
    /// The findings of the last check (on the fixed texts).
    pub findings: Vec<Finding>,
    /// Rounds run.
    pub rounds: usize,
    /// Whether the last round changed nothing (false: stopped at [`MAX_ROUNDS`]).
    pub converged: bool,
}

impl FixOutcome {
    /// Total fixes applied.
    pub fn fixes(&self) -> usize {
        self.files.iter().map(|f| f.fixes).sum()
    }
}

/// Checks `ws` with `check`, applies every finding's fix to the in-memory texts, re-parses the
/// changed pages and repeats until no fix changes anything (at most [`MAX_ROUNDS`] rounds).
/// Nothing is written.
pub fn fix_workspace(
    ws: &mut Workspace,
    source_locale: &str,
    check: &dyn Fn(&Workspace) -> Vec<Finding>,
) -> FixOutcome {
    let originals: Vec<Arc<str>> = ws.pages.iter().map(|p| p.doc.text.clone()).collect();
    let mut counts = vec![0usize; ws.pages.len()];
    let mut outcome = FixOutcome::default();
    let by_display: HashMap<String, usize> = ws
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.doc.display.clone(), i))
        .collect();
    loop {
        let findings = check(ws);
        if outcome.rounds >= MAX_ROUNDS {
            outcome.findings = findings;
            break;
        }
        outcome.rounds += 1;
        let mut per_page: HashMap<usize, Vec<Fix>> = HashMap::new();
        for f in &findings {
            if let (Some(fix), Some(i)) = (&f.fix, by_display.get(&*f.file)) {
                per_page.entry(*i).or_default().push((**fix).clone());
            }
        }
        let mut changed = false;
        let mut pages: Vec<_> = per_page.into_iter().collect();
        pages.sort_by_key(|(i, _)| *i);
        for (i, fixes) in pages {
            let Some(page) = ws.pages.get_mut(i) else {
                continue;
            };
            let res = apply_counted(&page.doc.text, &fixes);
            if res.applied == 0 || *res.text == *page.doc.text {
                continue;
            }
            changed = true;
            if let Some(c) = counts.get_mut(i) {
                *c += res.applied;
            }
            let locale = page.doc.locale.clone();
            let from_path = page.doc.locale_from_path;
            let mut new = engine::load_page(&page.doc.path, res.text);
            // Keep the locale the run started with (a fix must not move a page between locales).
            new.doc.locale = locale;
            new.doc.locale_from_path = from_path;
            *page = new;
        }
        if !changed {
            outcome.converged = true;
            outcome.findings = findings;
            break;
        }
        repair(ws, source_locale);
    }
    for (i, page) in ws.pages.iter().enumerate() {
        let Some(orig) = originals.get(i) else {
            continue;
        };
        if **orig != *page.doc.text {
            outcome.files.push(FixedFile {
                path: page.doc.path.clone(),
                display: page.doc.display.clone(),
                original: orig.clone(),
                fixed: page.doc.text.clone(),
                fixes: counts.get(i).copied().unwrap_or(0),
            });
        }
    }
    outcome
}

/// Recomputes the pairing after pages changed.
fn repair(ws: &mut Workspace, source_locale: &str) {
    ws.pair(source_locale);
}

/// A unified diff of one fixed file (`--- a/FILE` / `+++ b/FILE`), empty when unchanged.
pub fn unified_diff(file: &FixedFile) -> String {
    similar::TextDiff::from_lines(&*file.original, &*file.fixed)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("a/{}", file.display),
            &format!("b/{}", file.display),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::rules::{FixKind, RuleMeta, Scope};

    fn edit(r: std::ops::Range<usize>, s: &str) -> Edit {
        Edit {
            range: r,
            replacement: s.into(),
        }
    }

    fn fix(edits: Vec<Edit>) -> Fix {
        Fix {
            title: "t".into(),
            edits,
        }
    }

    #[test]
    fn applies_non_overlapping_edits_in_any_order() {
        let t = "a &amp; b &lt; c";
        let fixes = [
            fix(vec![edit(10..14, "<")]),
            fix(vec![edit(2..7, "&")]),
            fix(vec![edit(16..16, "!")]),
        ];
        let r = apply_counted(t, &fixes);
        assert_eq!(r.text, "a & b < c!");
        assert_eq!((r.applied, r.skipped), (3, 0));
    }

    #[test]
    fn overlapping_and_invalid_fixes_are_skipped_whole() {
        let t = "hello world";
        let fixes = [
            fix(vec![edit(0..5, "HELLO")]),
            fix(vec![edit(3..8, "x"), edit(10..11, "D")]),
            fix(vec![edit(5..5, ","), edit(5..5, ";")]),
            fix(vec![edit(20..30, "?")]),
        ];
        let r = apply_counted(t, &fixes);
        assert_eq!(r.text, "HELLO world");
        assert_eq!((r.applied, r.skipped), (1, 3));
        // Two insertions at one offset: the first wins, the second waits for the next round.
        let r = apply_counted(
            "ab",
            &[fix(vec![edit(1..1, "x")]), fix(vec![edit(1..1, "y")])],
        );
        assert_eq!(r.text, "axb");
        // Not on a character boundary.
        assert_eq!(apply("é", &[fix(vec![edit(1..2, "e")])]), "é");
        // An insertion right before a replacement at the same offset.
        assert_eq!(
            apply(
                "abc",
                &[fix(vec![edit(1..2, "B")]), fix(vec![edit(1..1, "-")])]
            ),
            "a-Bc"
        );
    }

    #[test]
    fn loose_edits_apply_in_position_order_skipping_overlaps() {
        let e = [edit(6..11, "there"), edit(0..5, "Hi")];
        assert_eq!(apply_edits("hello world", &e), "Hi there");
        // Touching edits and an insertion between them.
        let e = [edit(2..2, "X"), edit(0..2, "ab"), edit(2..4, "cd")];
        assert_eq!(apply_edits("0123", &e), "abXcd");
        // Two insertions at one offset keep their order (sync inserts rows this way).
        let e = [edit(1..1, "x"), edit(1..1, "y")];
        assert_eq!(apply_edits("ab", &e), "axyb");
        // The first of overlapping edits wins; invalid ones are dropped.
        let e = [edit(0..5, "a"), edit(3..7, "b"), edit(20..30, "?")];
        assert_eq!(apply_edits("0123456789", &e), "a56789");
        assert_eq!(apply_edits("é", &[edit(1..2, "e")]), "é");
        // The same edits give the same bytes as one fix through `apply`.
        let e = vec![edit(6..11, "there"), edit(0..5, "Hi")];
        assert_eq!(
            apply("hello world", &[fix(e.clone())]),
            apply_edits("hello world", &e)
        );
    }

    /// A test-only rule: `&amp;` in the text becomes `&`, one per finding; `&amp;amp;` therefore
    /// needs two rounds.
    static ENTITY: RuleMeta = RuleMeta {
        id: "TEST001",
        name: "test-entity",
        family: "test",
        summary: "",
        severity: Severity::Warning,
        fix: FixKind::Always,
        scope: Scope::Document,
        doc: "",
    };

    fn entity_check(ws: &Workspace) -> Vec<Finding> {
        let mut out = Vec::new();
        for p in &ws.pages {
            for (at, _) in p.doc.text.match_indices("&amp;") {
                let f = Finding::new(
                    &ENTITY,
                    p.doc.display.as_str(),
                    &p.doc.lines,
                    at..at + 5,
                    "entity",
                )
                .with_fix(fix(vec![edit(at..at + 5, "&")]));
                out.push(f);
            }
        }
        out
    }

    fn ws(texts: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::default();
        for (path, text) in texts {
            ws.pages.push(engine::load_page(
                std::path::Path::new(path),
                (*text).into(),
            ));
        }
        repair(&mut ws, "en");
        ws
    }

    #[test]
    fn repeats_until_nothing_changes_and_is_idempotent() {
        let mut w = ws(&[
            ("en/a.md", "A &amp;amp; B &amp; C\n"),
            ("en/b.md", "clean\n"),
        ]);
        let out = fix_workspace(&mut w, "en", &entity_check);
        assert!(out.converged);
        assert_eq!(
            out.rounds, 3,
            "two rounds of fixes, one to see nothing changes"
        );
        assert_eq!(out.files.len(), 1);
        assert_eq!(&*out.files[0].fixed, "A & B & C\n");
        assert_eq!(out.fixes(), 3);
        assert!(out.findings.is_empty());
        let diff = unified_diff(&out.files[0]);
        assert!(
            diff.contains("--- a/en/a.md") && diff.contains("+A & B & C"),
            "{diff}"
        );
        // A second run changes nothing.
        let again = fix_workspace(&mut w, "en", &entity_check);
        assert!(again.files.is_empty() && again.converged && again.rounds == 1);
    }

    #[test]
    fn a_fix_that_never_settles_stops_after_max_rounds() {
        static GROW: RuleMeta = RuleMeta {
            id: "TEST002",
            ..ENTITY
        };
        let grow = |ws: &Workspace| -> Vec<Finding> {
            ws.pages
                .iter()
                .map(|p| {
                    Finding::new(&GROW, p.doc.display.as_str(), &p.doc.lines, 0..0, "grow")
                        .with_fix(fix(vec![edit(0..0, "x")]))
                })
                .collect()
        };
        let mut w = ws(&[("a.md", "a\n")]);
        let out = fix_workspace(&mut w, "en", &grow);
        assert!(!out.converged);
        assert_eq!(out.rounds, MAX_ROUNDS);
        assert_eq!(
            &*out.files[0].fixed,
            format!("{}a\n", "x".repeat(MAX_ROUNDS))
        );
    }
}
