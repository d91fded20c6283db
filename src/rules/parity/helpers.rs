//! Shared by the `PAR*` rules: the aligned source page, element lookups by unit, and message bits.

use std::rc::Rc;

use super::align::{Alignment, Unit};
use crate::afm::{Document, Span};
use crate::rules::{Context, SourcePage};

/// The source page and the alignment with it, when the checked page is a paired translation.
pub fn paired<'a>(ctx: &Context<'a>) -> Option<(SourcePage<'a>, Rc<Alignment>)> {
    let src = ctx.source?;
    Some((src, src.sync_plan.alignment(ctx.doc, src.doc, src.sections)))
}

/// 1-based line of `offset` in `doc`.
pub fn line(doc: &Document, offset: usize) -> usize {
    doc.lines.line(offset)
}

/// Whether `inner` starts inside `outer`.
pub fn inside(inner: &Span, outer: &Span) -> bool {
    outer.start <= inner.start && inner.start < outer.end.max(outer.start + 1)
}

/// The items whose start is [`inside`] `outer`, by binary search: `items` must be in start order
/// (terms and code spans are). A unit's items without a scan of the page's (issue 8).
pub fn starting_inside<'a, T>(
    items: &'a [T],
    outer: &Span,
    start: impl Fn(&T) -> usize,
) -> &'a [T] {
    let wide = outer.start..outer.end.max(outer.start + 1);
    crate::afm::starting_in(items, &wide, start)
}

/// The links whose start is [`inside`] `outer`, in page order. `sorted` says the page's links are
/// in start order (nearly always; a link around an image is not), which allows a binary search.
pub fn links_inside<'a>(
    doc: &'a Document,
    sorted: bool,
    outer: &Span,
) -> Vec<&'a crate::afm::Link> {
    if sorted {
        starting_inside(&doc.links, outer, |l| l.span.start)
            .iter()
            .collect()
    } else {
        doc.links
            .iter()
            .filter(|l| inside(&l.span, outer))
            .collect()
    }
}

/// Whether the links of `doc` are in start order (what [`links_inside`] asks).
pub fn links_sorted(doc: &Document) -> bool {
    doc.links.is_sorted_by_key(|l| l.span.start)
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

/// Byte ranges of the `{NAME}` placeholders (`\{[A-Z][A-Z0-9_]*\}`) of a text, in order.
///
/// Scanned by hand from each `{` (found with `memchr`): it runs on every aligned unit and every code
/// line of both pages, and most have no brace, where a regex search costs its set-up for nothing
/// (issue 8).
pub fn placeholder_ranges(s: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let b = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(open) = memchr::memchr(b'{', &b[i..]).map(|k| i + k) {
            let name = &b[open + 1..];
            let len = match name.first() {
                Some(c) if c.is_ascii_uppercase() => name
                    .iter()
                    .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || **c == b'_')
                    .count(),
                _ => 0,
            };
            if len > 0 && name.get(len) == Some(&b'}') {
                i = open + len + 2;
                return Some(open..i);
            }
            i = open + 1;
        }
        None
    })
}

/// `{NAME}` placeholders of a text, in order, with their byte offsets.
pub fn placeholders(s: &str) -> Vec<(usize, &str)> {
    placeholder_ranges(s).map(|r| (r.start, &s[r])).collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn placeholder_scan_matches_the_pattern(s in "[{}A-Z0-9_a é]{0,24}") {
            let re = regex::Regex::new(r"\{[A-Z][A-Z0-9_]*\}").unwrap();
            let want: Vec<(usize, &str)> = re.find_iter(&s).map(|m| (m.start(), m.as_str())).collect();
            proptest::prop_assert_eq!(placeholders(&s), want);
        }

        /// The binary search finds what the scan with `inside` finds, empty spans included.
        #[test]
        fn starting_inside_is_the_inside_scan(
            mut starts in proptest::collection::vec(0usize..40, 0..12),
            a in 0usize..42,
            len in 0usize..10,
        ) {
            starts.sort_unstable();
            let spans: Vec<Span> = starts.iter().map(|&s| s..s + 2).collect();
            let outer = a..a + len;
            let want: Vec<&Span> = spans.iter().filter(|s| inside(s, &outer)).collect();
            let got: Vec<&Span> = starting_inside(&spans, &outer, |s| s.start).iter().collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn placeholders_in_a_curl_line() {
        assert_eq!(
            placeholders("-H 'x-api-key: {API_KEY}' {a} {{ORG_ID}} {B_2}"),
            vec![(15, "{API_KEY}"), (31, "{ORG_ID}"), (41, "{B_2}")]
        );
    }
}
