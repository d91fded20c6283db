//! Shared by the `TXT*` rules: the prose of a page cut into segments (a line of a paragraph, list
//! item, alert or heading; a table cell), with code, URLs and HTML masked so rules see words only.
//!
//! Masked bytes become [`MASK`] (an ASCII control byte), so a masked string has the same byte
//! offsets as the file text and every hit maps straight back to a file span.

use regex::Regex;
use std::sync::LazyLock;

use crate::afm::{BlockKind, Document, Span};

/// Replacement byte for masked text.
pub const MASK: u8 = 1;

/// Where a segment comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SegKind {
    /// A line of a paragraph, list item, alert or block quote.
    Line,
    /// A heading.
    Heading,
    /// A table cell.
    Cell,
}

/// A piece of prose.
#[derive(Clone, Debug)]
pub struct Segment {
    /// File span (line prefix such as `* ` or `>` and cell pipes excluded).
    pub span: Span,
    /// The text with code spans, link destinations, HTML and bare URLs masked.
    pub masked: String,
    /// Origin.
    pub kind: SegKind,
}

/// Length of a line's Markdown prefix: indentation, `>` quote marks, a list marker (`*`, `+`, `-`,
/// `1.`, `1)`) and heading hashes, each with the spaces after it; what
/// `^[ \t]*(?:>[ \t]*)*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?` matches (a test holds it to
/// that regex). Scanned by hand: it runs on every line of every page (issue 8).
fn prefix_len(line: &str) -> usize {
    let b = line.as_bytes();
    let blanks = |i: usize| {
        b[i..]
            .iter()
            .take_while(|c| matches!(c, b' ' | b'\t'))
            .count()
    };
    let run = |i: usize, want: u8| b[i..].iter().take_while(|c| **c == want).count();
    let mut i = blanks(0);
    while b.get(i) == Some(&b'>') {
        i += 1;
        i += blanks(i);
    }
    // A list marker counts only with a blank after it.
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let marker = match b.get(i) {
        Some(b'*' | b'+' | b'-') => 1,
        Some(_) if (1..=3).contains(&digits) && matches!(b.get(i + digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => 0,
    };
    if marker > 0 && blanks(i + marker) > 0 {
        i += marker;
        i += blanks(i);
    }
    let hashes = run(i, b'#');
    if (1..=6).contains(&hashes) && blanks(i + hashes) > 0 {
        i += hashes;
        i += blanks(i);
    }
    i
}
static URL_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"(?:https?|ftp)://[^\s)<>\]]+").unwrap()
});
static ALERT_LINE_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"^\[![A-Z]+\]\s*$").unwrap()
});

impl Segment {
    /// File offset of byte `i` of `masked`.
    pub fn at(&self, i: usize) -> usize {
        self.span.start + i
    }

    /// `masked` with `[!DNL …]`/`[!UICONTROL …]` terms (and `extra` file spans) masked too.
    pub fn without_terms(&self, doc: &Document, extra: &[Span]) -> String {
        // Terms do not overlap and are in file order (starts and ends both sorted), so the ones
        // that can meet the segment are found by binary search, not by a scan of the page's
        // terms per segment (issue 8).
        let (base, end) = (self.span.start, self.span.start + self.masked.len());
        let lo = doc.terms.partition_point(|t| t.span.end <= base);
        let hi = doc.terms.partition_point(|t| t.span.start < end).max(lo);
        let ranges = doc.terms[lo..hi]
            .iter()
            .map(|t| t.span.clone())
            .chain(extra.iter().cloned());
        masked_copy(&self.masked, self.span.start, ranges)
    }
}

/// `s` (which starts at file offset `base`) with the parts covered by `ranges` masked: the same
/// string as [`mask`] on its bytes followed by `String::from_utf8(..).unwrap_or_default()`, built
/// from slices when every cut falls on a char boundary (then masking whole chars with an ASCII byte
/// keeps the text valid UTF-8 and there is nothing to validate), on the bytes otherwise.
fn masked_copy(s: &str, base: usize, ranges: impl Iterator<Item = Span>) -> String {
    let end = base + s.len();
    let mut cuts: Vec<(usize, usize)> = ranges
        .filter(|r| r.end > base && r.start < end)
        .map(|r| (r.start.max(base) - base, r.end.min(end) - base))
        .collect();
    if cuts.is_empty() {
        return s.to_string();
    }
    if !cuts
        .iter()
        .all(|&(a, b)| a <= b && s.is_char_boundary(a) && s.is_char_boundary(b))
    {
        let mut bytes = s.as_bytes().to_vec();
        mask(
            &mut bytes,
            base,
            cuts.iter().map(|&(a, b)| base + a..base + b),
        );
        return String::from_utf8(bytes).unwrap_or_default();
    }
    cuts.sort_unstable();
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    for (a, b) in cuts {
        if b <= pos {
            continue;
        }
        let a = a.max(pos);
        out.push_str(s.get(pos..a).unwrap_or(""));
        out.extend(std::iter::repeat_n(char::from(MASK), b - a));
        pos = b;
    }
    out.push_str(s.get(pos..).unwrap_or(""));
    out
}

/// Overwrites the parts of `bytes` (which start at file offset `base`) covered by `ranges`.
pub fn mask(bytes: &mut [u8], base: usize, ranges: impl Iterator<Item = Span>) {
    let end = base + bytes.len();
    for r in ranges {
        if r.end <= base || r.start >= end {
            continue;
        }
        let s = r.start.max(base) - base;
        let e = r.end.min(end) - base;
        for b in &mut bytes[s..e] {
            *b = MASK;
        }
    }
}

/// Byte ranges of code, link destinations and HTML in the document (what prose rules skip).
fn masked_spans(doc: &Document) -> SpanSet {
    let mut v: Vec<Span> = doc.code_spans.iter().map(|c| c.span.clone()).collect();
    v.extend(doc.links.iter().filter_map(|l| l.url_span.clone()));
    v.extend(doc.html.iter().map(|h| h.span.clone()));
    SpanSet::new(v)
}

/// Spans (possibly overlapping) sorted by start, with the running maximum of their ends, so the
/// ones that can touch a range are found by binary search instead of a scan of the page's spans
/// for every line (issue 8).
struct SpanSet {
    spans: Vec<Span>,
    max_end: Vec<usize>,
}

impl SpanSet {
    fn new(mut spans: Vec<Span>) -> SpanSet {
        spans.sort_unstable_by_key(|s| (s.start, s.end));
        let max_end = spans
            .iter()
            .scan(0, |m, s| {
                *m = s.end.max(*m);
                Some(*m)
            })
            .collect();
        SpanSet { spans, max_end }
    }

    /// A slice holding every span with `start < end` and `end > base` (and maybe others).
    fn candidates(&self, base: usize, end: usize) -> &[Span] {
        let hi = self.spans.partition_point(|s| s.start < end);
        let lo = self.max_end.partition_point(|&m| m <= base);
        self.spans.get(lo..hi.max(lo)).unwrap_or(&[])
    }

    /// Whether a span contains `offset`.
    fn contains(&self, offset: usize) -> bool {
        self.candidates(offset, offset + 1)
            .iter()
            .any(|s| s.contains(&offset))
    }
}

/// Every prose segment of `doc`, in file order.
pub fn segments(doc: &Document) -> Vec<Segment> {
    let md_start = doc.front_matter.as_ref().map_or(0, |f| f.span.end);
    let skip = SpanSet::new(
        doc.blocks
            .iter()
            .filter(|b| matches!(b.kind, BlockKind::Code { .. } | BlockKind::Html))
            .map(|b| b.span.clone())
            .chain(doc.code_blocks.iter().map(|c| c.span.clone()))
            .chain(doc.tables.iter().map(|t| t.span.clone()))
            .collect(),
    );
    let masks = masked_spans(doc);
    let mut out = Vec::new();
    let text: &str = &doc.text;
    for n in 1..=doc.lines.len() {
        let range = doc.lines.line_range(n);
        if range.start < md_start || range.is_empty() {
            continue;
        }
        if skip.contains(range.start) || skip.contains(range.end - 1) {
            continue;
        }
        let line = &text[range.clone()];
        let prefix = prefix_len(line);
        let body = &line[prefix..];
        if body.trim().is_empty() || (body.starts_with("[!") && ALERT_LINE_RE.is_match(body)) {
            continue;
        }
        let kind = if line[..prefix].contains('#') && !line.trim_start().starts_with('>') {
            SegKind::Heading
        } else {
            SegKind::Line
        };
        let span = range.start + prefix..range.end;
        out.push(make(text, span, kind, &masks));
    }
    for t in &doc.tables {
        for row in std::iter::once(&t.header).chain(t.rows.iter()) {
            for cell in &row.cells {
                let raw = text.get(cell.span.clone()).unwrap_or("");
                let lead = raw.len() - raw.trim_start_matches(['|', ' ', '\t']).len();
                let trail = raw.len() - raw.trim_end_matches(['|', ' ', '\t']).len();
                if lead + trail >= raw.len() {
                    continue;
                }
                let span = cell.span.start + lead..cell.span.end - trail;
                out.push(make(text, span, SegKind::Cell, &masks));
            }
        }
    }
    out.sort_by_key(|s| s.span.start);
    out
}

fn make(text: &str, span: Span, kind: SegKind, masks: &SpanSet) -> Segment {
    let raw = text.get(span.clone()).unwrap_or("");
    // Every URL match contains `://`: no need to run the regex on a line without it.
    let has_scheme = memchr::memchr_iter(b':', raw.as_bytes())
        .any(|i| raw.as_bytes().get(i + 1..i + 3) == Some(b"//"));
    let urls: Vec<Span> = if has_scheme {
        URL_RE
            .find_iter(raw)
            .map(|m| span.start + m.start()..span.start + m.end())
            .collect()
    } else {
        Vec::new()
    };
    let near = masks.candidates(span.start, span.end).iter().cloned();
    let masked = masked_copy(raw, span.start, near.chain(urls));
    Segment { span, masked, kind }
}

/// Offsets in `s` where a sentence starts: 0, and after `.`, `!`, `?` followed by a space, or after
/// the full-width `。！？` (spaces skipped).
pub fn sentence_starts(s: &str) -> Vec<usize> {
    // The marks are ASCII or start with a lead byte (0xE3, 0xEF), so a match is always at a char
    // boundary and continuation bytes never match. Candidates come from two `memchr` scans, merged
    // in order: prose is mostly bytes that are neither (issue 8).
    let b = s.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr3_iter(b'.', b'!', b'?', b)
        .chain(memchr::memchr2_iter(0xE3, 0xEF, b))
        .collect();
    marks.sort_unstable();
    let mut out = vec![0];
    out.extend(marks.into_iter().filter_map(|i| start_after_mark(s, i)));
    out.dedup();
    out
}

/// Where the sentence after a mark at `i` starts (spaces skipped), when the byte at `i` is a
/// sentence-ending mark and text follows.
fn start_after_mark(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mark = match b[i] {
        b'.' | b'!' | b'?'
            if b.get(i + 1) == Some(&b' ') && !abbreviation_before(s.get(..i).unwrap_or("")) =>
        {
            1
        }
        0xE3 | 0xEF
            if ["。", "！", "？"]
                .iter()
                .any(|m| b.get(i..).is_some_and(|r| r.starts_with(m.as_bytes()))) =>
        {
            3
        }
        _ => return None,
    };
    let mut j = i + mark;
    while b.get(j) == Some(&b' ') {
        j += 1;
    }
    (j < s.len()).then_some(j)
}

fn abbreviation_before(s: &str) -> bool {
    let last = s.rsplit(' ').next().unwrap_or("");
    matches!(last, "e.g" | "i.e" | "etc" | "vs" | "p. ex" | "c.-à-d")
}

/// Sentences of `s` as byte ranges (trimmed of spaces).
pub fn sentences(s: &str) -> Vec<std::ops::Range<usize>> {
    let starts = sentence_starts(s);
    let mut out = Vec::new();
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).copied().unwrap_or(s.len());
        let piece = &s[a..b];
        let t = piece.trim_end();
        if !t.trim().is_empty() {
            out.push(a..a + t.len());
        }
    }
    out
}

/// Test helper: findings of `rule` on `text` parsed as a page of `locale`.
#[cfg(test)]
pub fn run_locale(
    rule: &dyn crate::rules::Rule,
    text: &str,
    locale: &str,
) -> Vec<crate::diag::Finding> {
    let (doc, reqs) = crate::rules::testing::page(text, locale);
    let schema = crate::schema::Schema::builtin().expect("builtin schema");
    let corpus = crate::rules::parity::CorpusInfo::default();
    let page_cache = crate::rules::PageCache::default();
    let ctx = crate::rules::Context {
        cache: &page_cache,
        doc: &doc,
        requests: &reqs,
        source: None,
        schema: &schema,
        corpus: &corpus,
    };
    let mut out = Vec::new();
    rule.check(&ctx, &mut out);
    out
}

/// Test helper: applies every fix of `findings` to `text`.
#[cfg(test)]
pub fn apply_fixes(text: &str, findings: &[crate::diag::Finding]) -> String {
    let mut edits: Vec<&crate::diag::Edit> = findings
        .iter()
        .filter_map(|f| f.fix.as_ref())
        .flat_map(|f| f.edits.iter())
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut s = text.to_string();
    for e in edits {
        s.replace_range(e.range.clone(), &e.replacement);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::page;

    /// Every byte tried as a mark, as `sentence_starts` did first: the oracle of its `memchr`
    /// candidates.
    fn sentence_starts_by_bytes(s: &str) -> Vec<usize> {
        let mut out = vec![0];
        out.extend((0..s.len()).filter_map(|i| start_after_mark(s, i)));
        out.dedup();
        out
    }

    proptest::proptest! {
        #[test]
        fn sentence_starts_match_the_byte_scan(s in "[a.!? 。！？ぁｅ中eg]{0,30}") {
            proptest::prop_assert_eq!(sentence_starts(&s), sentence_starts_by_bytes(&s));
        }

        #[test]
        fn without_terms_masks_what_the_full_scan_masks(
            lines in proptest::collection::vec("[ab|é]{0,6}(\\[!(DNL|UICONTROL) [xy]{1,4}\\])?[ ab]{0,4}(\\[!DNL z\\])?", 1..6),
            table in proptest::bool::ANY,
        ) {
            let mut text = lines.join("\n\n");
            if table {
                text.push_str("\n\n| a | [!DNL x] b |\n|---|---|\n| [!DNL y] | c [!UICONTROL z] |\n");
            }
            let (doc, _) = page(&text, "fr");
            for seg in segments(&doc) {
                let every = doc.terms.iter().map(|t| t.span.clone());
                let want = masked_copy(&seg.masked, seg.span.start, every);
                proptest::prop_assert_eq!(seg.without_terms(&doc, &[]), want);
            }
        }

        #[test]
        fn prefix_len_is_the_prefix_regex(s in r"[ \t>*+\-#0-9.)a\n]{0,16}") {
            #[allow(clippy::unwrap_used)] // a literal pattern
            let re = Regex::new(
                r"^[ \t]*(?:>[ \t]*)*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?",
            )
            .unwrap();
            let want = re.find(&s).map_or(0, |m| m.end());
            proptest::prop_assert_eq!(prefix_len(&s), want);
        }
    }

    #[test]
    fn prefix_len_of_markdown_lines() {
        for (line, want) in [
            ("  > * ## Titre", 9),
            ("1. étape", 3),
            ("1234. pas une liste", 0),
            ("####### sept", 0),
            (">>-x", 2),
            ("-\tplat", 2),
        ] {
            assert_eq!(prefix_len(line), want, "{line:?}");
        }
    }

    #[test]
    fn span_set_candidates_hold_every_overlapping_span() {
        let spans = vec![0..50, 3..4, 10..12, 11..30, 40..41, 60..60, 61..70, 65..66];
        let set = SpanSet::new(spans.clone());
        for base in 0..75 {
            for end in base..76 {
                let near = set.candidates(base, end);
                for s in spans.iter().filter(|s| s.end > base && s.start < end) {
                    assert!(near.contains(s), "{s:?} in {base}..{end}");
                }
            }
            let scan = spans.iter().any(|s| s.contains(&base));
            assert_eq!(set.contains(base), scan, "{base}");
        }
    }

    #[test]
    fn segments_mask_code_and_urls() {
        let s = "# Title `x`\n\n* [Sources](../home.md): use `code` here\n\n| `a` | Cell text |\n|---|---|\n| k | v |\n\n```shell\ncurl x\n```\n";
        let (doc, _) = page(s, "fr");
        let segs = segments(&doc);
        let texts: Vec<String> = segs
            .iter()
            .map(|g| g.masked.replace(MASK as char, "#"))
            .collect();
        assert_eq!(
            texts,
            vec![
                "Title ###",
                "[Sources](##########): use ###### here",
                "###",
                "Cell text",
                "k",
                "v"
            ]
        );
        assert_eq!(segs[0].kind, SegKind::Heading);
        assert_eq!(
            &s[segs[1].span.clone()],
            "[Sources](../home.md): use `code` here"
        );
    }

    #[test]
    fn sentence_split() {
        let s = "Une phrase. Second one here! 第三句。第四句";
        let v: Vec<&str> = sentences(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            v,
            vec!["Une phrase.", "Second one here!", "第三句。", "第四句"]
        );
    }
}
