//! Applying `sync`'s edits, and the guard that keeps them off prose.
//!
//! [`apply_edits`] is a small stand-in for the central fix applier (`crate::fix`, built for
//! `check --fix`); the two should become one when both are on main. [`edit_is_allowed`] states the
//! contract "prose is never edited" as code: every edit must lie inside a code block, a link or image
//! destination, a `[!DNL]` term's text, an inline code span, a heading anchor, or the `exl-id` value
//! (table rows only with `--insert-missing` / `--prune`). The planner drops, and reports, any edit
//! that breaks it.

use super::{ChangeKind, PlannedEdit, SyncOptions};
use crate::afm::{Document, Span, TermKind};
use crate::diag::Edit;

/// Applies non-overlapping edits to `text` (sorted here, applied back to front). An edit that
/// overlaps an earlier one, or does not fall on character boundaries, is skipped.
pub fn apply_edits(text: &str, edits: &mut [Edit]) -> String {
    edits.sort_by(|a, b| {
        (a.range.start, a.range.end)
            .cmp(&(b.range.start, b.range.end))
            .then_with(|| a.replacement.cmp(&b.replacement))
    });
    let mut keep = Vec::with_capacity(edits.len());
    let mut end = 0usize;
    for e in edits.iter() {
        let ok = e.range.start >= end
            && e.range.start <= e.range.end
            && e.range.end <= text.len()
            && text.is_char_boundary(e.range.start)
            && text.is_char_boundary(e.range.end);
        debug_assert!(ok, "overlapping or invalid edit {e:?}");
        if ok {
            end = e.range.end;
            keep.push(e);
        }
    }
    let mut out = text.to_string();
    for e in keep.iter().rev() {
        out.replace_range(e.range.clone(), &e.replacement);
    }
    out
}

fn inside(r: &Span, region: &Span) -> bool {
    r.start >= region.start && r.end <= region.end
}

/// Whether `e` (planned for translation `doc`) stays inside a span translation must not change.
pub fn edit_is_allowed(doc: &Document, e: &PlannedEdit, opts: &SyncOptions) -> bool {
    let r = &e.edit.range;
    match e.kind {
        ChangeKind::Code | ChangeKind::CodeInfo => {
            doc.code_blocks.iter().any(|c| inside(r, &c.span))
        }
        ChangeKind::Link | ChangeKind::Image => doc
            .links
            .iter()
            .filter_map(|l| l.url_span.as_ref())
            .any(|u| inside(r, u)),
        ChangeKind::Dnl => doc
            .terms
            .iter()
            .filter(|t| t.kind == TermKind::Dnl)
            .any(|t| inside(r, &t.text_span)),
        ChangeKind::CodeSpan => doc.code_spans.iter().any(|c| inside(r, &c.span)),
        ChangeKind::Anchor => doc.headings.iter().any(|h| match &h.anchor {
            Some((_, span)) => inside(r, span),
            // Inserting a missing anchor at the end of the heading's first line.
            None => {
                let line_end = doc.lines.line_range(doc.lines.line(h.span.start)).end;
                r.is_empty()
                    && r.start >= h.span.start
                    && r.start <= line_end
                    && is_anchor_text(e.edit.replacement.trim_start())
            }
        }),
        ChangeKind::ExlId => {
            let Some(fm) = &doc.front_matter else {
                return false;
            };
            match fm.field("exl-id") {
                Some(f) => inside(r, &f.span),
                None => {
                    r.is_empty()
                        && r.start == fm.body_span.end
                        && e.edit.replacement.starts_with("exl-id:")
                        && e.edit.replacement.trim_end().lines().count() == 1
                }
            }
        }
        ChangeKind::InsertRow | ChangeKind::DeleteRow => {
            let wanted = if e.kind == ChangeKind::InsertRow {
                opts.insert_missing
            } else {
                opts.prune
            };
            wanted
                && doc.tables.iter().any(|t| {
                    let first = doc.lines.line_start(doc.lines.line(t.span.start));
                    let last = doc
                        .lines
                        .line(t.span.end.saturating_sub(1).max(t.span.start));
                    let after = doc.lines.line_start(last + 1);
                    inside(r, &(first..after.max(t.span.end)))
                })
        }
    }
}

fn is_anchor_text(s: &str) -> bool {
    s.strip_prefix("{#")
        .and_then(|x| x.strip_suffix('}'))
        .is_some_and(|id| !id.is_empty() && !id.contains(|c: char| c.is_whitespace() || c == '}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(r: std::ops::Range<usize>, s: &str) -> Edit {
        Edit {
            range: r,
            replacement: s.into(),
        }
    }

    #[test]
    fn applies_back_to_front_in_any_order() {
        let mut e = vec![edit(6..11, "there"), edit(0..5, "Hi")];
        assert_eq!(apply_edits("hello world", &mut e), "Hi there");
    }

    #[test]
    fn skips_overlaps_in_release() {
        if cfg!(debug_assertions) {
            return;
        }
        let mut e = vec![edit(0..5, "a"), edit(3..7, "b")];
        assert_eq!(apply_edits("0123456789", &mut e), "a56789");
    }

    #[test]
    fn touching_edits_and_insertions_are_fine() {
        let mut e = vec![edit(2..2, "X"), edit(0..2, "ab"), edit(2..4, "cd")];
        assert_eq!(apply_edits("0123", &mut e), "abXcd");
    }
}
