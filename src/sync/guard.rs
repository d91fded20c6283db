//! The guard that keeps `sync`'s edits off prose (they are applied by [`crate::fix::apply_edits`],
//! the applier `check --fix` uses too).
//!
//! [`edit_is_allowed`] states the contract "prose is never edited" as code: every edit must lie
//! inside a code block, a link or image destination, a `[!DNL]` term's text, an inline code span, a
//! heading anchor, or the `exl-id` value (table rows only with `--insert-missing` / `--prune`). The
//! planner drops, and reports, any edit that breaks it.

use super::{ChangeKind, PlannedEdit, SyncOptions};
use crate::afm::{Document, Span, TermKind};

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
