//! Shared by the `PAR*` rules: the aligned source page, element lookups by unit, and message bits.

use std::rc::Rc;

use super::align::{Alignment, Unit};
use crate::afm::{Document, Span};
use crate::rules::{Context, SourcePage};

/// The source page and the alignment with it, when the checked page is a paired translation.
pub fn paired<'a>(ctx: &Context<'a>) -> Option<(SourcePage<'a>, Rc<Alignment>)> {
    let src = ctx.source?;
    Some((src, src.sync_plan.alignment(ctx.doc, src.doc)))
}

/// 1-based line of `offset` in `doc`.
pub fn line(doc: &Document, offset: usize) -> usize {
    doc.lines.line(offset)
}

/// Whether `inner` starts inside `outer`.
pub fn inside(inner: &Span, outer: &Span) -> bool {
    outer.start <= inner.start && inner.start < outer.end.max(outer.start + 1)
}

/// A short quote of `s` for messages.
pub fn quote(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 60 {
        format!("{}…", s.chars().take(57).collect::<String>())
    } else {
        s
    }
}

/// The span findings about a whole unit point at: its first line, trimmed.
pub fn unit_anchor(doc: &Document, u: &Unit) -> Span {
    let n = doc.lines.line(u.tr.start);
    let r = doc.lines.line_range(n);
    let start = u.tr.start.max(r.start);
    let end = r.end.min(u.tr.end).max(start);
    start..end
}

/// `{NAME}` placeholders of a text, in order, with their byte offsets.
pub fn placeholders(s: &str) -> Vec<(usize, &str)> {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        #[allow(clippy::unwrap_used)] // a literal pattern
        regex::Regex::new(r"\{[A-Z][A-Z0-9_]*\}").unwrap()
    });
    RE.find_iter(s).map(|m| (m.start(), m.as_str())).collect()
}

/// Removes one occurrence of each item of `b` from `a` (multiset difference), keeping order.
pub fn minus<T: PartialEq + Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut rest: Vec<Option<T>> = b.iter().cloned().map(Some).collect();
    let mut out = Vec::new();
    for x in a {
        if let Some(slot) = rest.iter_mut().find(|r| r.as_ref() == Some(x)) {
            *slot = None;
        } else {
            out.push(x.clone());
        }
    }
    out
}
