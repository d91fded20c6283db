//! Aligning a translation with its source page, so parity rules compare like with like.
//!
//! Translations are often made from another revision of the source, so documents are aligned in three
//! steps: sections (heading to heading) by level, `{#id}` anchor and shared invariant tokens (code
//! spans, `[!DNL]` terms, link targets, request URLs); blocks within aligned sections by kind and
//! tokens; then lines, table rows (by first-column key) and code lines within aligned blocks. What
//! finds no partner is structural drift, reported once by `PAR001`; the other rules only compare
//! aligned [`Unit`]s.

// Index sets only looked up: FxHash, not SipHash (issue 8).
use rustc_hash::FxHashSet as HashSet;

use crate::afm::{starting_in, BlockKind, Document, Span};
use crate::feature::{feature, feature_placeholders_normalized, Feature};

/// A section: a heading (none for the text before the first one) and the blocks up to the next.
#[derive(Clone, Debug)]
pub struct Section {
    /// Index of the heading block in `Document::blocks`, if any.
    pub heading: Option<usize>,
    /// Indexes of the content blocks (heading excluded).
    pub blocks: std::ops::Range<usize>,
    /// File span of the whole section.
    pub span: Span,
}

/// What an aligned unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// A heading.
    Heading,
    /// A line of a paragraph, list, alert or quote.
    Line,
    /// A table row.
    Row,
    /// A line of a code block.
    CodeLine,
    /// A whole block whose lines could not be paired.
    Block,
}

/// Two spans that say the same thing: one in the translation, one in the source.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Span in the translation.
    pub tr: Span,
    /// Span in the source.
    pub src: Span,
    /// What it is.
    pub kind: UnitKind,
}

/// The alignment of a translation with its source.
#[derive(Debug, Default)]
pub struct Alignment {
    /// Sections of the translation.
    pub tr_sections: Vec<Section>,
    /// Sections of the source.
    pub src_sections: Vec<Section>,
    /// Aligned sections (translation index, source index).
    pub sections: Vec<(usize, usize)>,
    /// Aligned blocks (indexes into `Document::blocks`).
    pub blocks: Vec<(usize, usize)>,
    /// Source blocks (in aligned sections) with no partner.
    pub src_only_blocks: Vec<usize>,
    /// Translation blocks (in aligned sections) with no partner.
    pub tr_only_blocks: Vec<usize>,
    /// Aligned units.
    pub units: Vec<Unit>,
}

impl Alignment {
    /// Source sections with no partner.
    pub fn src_only_sections(&self) -> Vec<usize> {
        let used: HashSet<usize> = self.sections.iter().map(|p| p.1).collect();
        (0..self.src_sections.len())
            .filter(|i| !used.contains(i))
            .collect()
    }

    /// Translation sections with no partner.
    pub fn tr_only_sections(&self) -> Vec<usize> {
        let used: HashSet<usize> = self.sections.iter().map(|p| p.0).collect();
        (0..self.tr_sections.len())
            .filter(|i| !used.contains(i))
            .collect()
    }

    /// Whether the translation has the source's structure (every section and block paired).
    pub fn is_complete(&self) -> bool {
        self.sections.len() == self.tr_sections.len()
            && self.sections.len() == self.src_sections.len()
            && self.src_only_blocks.is_empty()
            && self.tr_only_blocks.is_empty()
    }
}

/// Splits `doc` into sections.
pub fn sections(doc: &Document) -> Vec<Section> {
    let mut out = Vec::new();
    let mut start_block = 0;
    let mut heading = None;
    let mut span_start = doc.front_matter.as_ref().map_or(0, |f| f.span.end);
    for (i, b) in doc.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Heading { .. }) {
            if heading.is_some() || i > start_block {
                out.push(Section {
                    heading,
                    blocks: start_block..i,
                    span: span_start..b.span.start,
                });
            }
            heading = Some(i);
            start_block = i + 1;
            span_start = b.span.start;
        }
    }
    if heading.is_some() || doc.blocks.len() > start_block {
        out.push(Section {
            heading,
            blocks: start_block..doc.blocks.len(),
            span: span_start..doc.text.len(),
        });
    }
    out
}

/// Invariant tokens of a span (what translation must not change), as a sorted set of
/// fingerprints (see [`crate::feature`]).
pub fn tokens(doc: &Document, span: &Span) -> Vec<Feature> {
    let inside = |s: &Span| s.start >= span.start && s.end <= span.end;
    let mut t = Vec::new();
    for c in starting_in(&doc.code_spans, span, |c| c.span.start)
        .iter()
        .filter(|c| inside(&c.span))
    {
        t.push(feature_placeholders_normalized(b'c', &c.code));
    }
    for term in starting_in(&doc.terms, span, |x| x.span.start)
        .iter()
        .filter(|x| inside(&x.span))
    {
        t.push(feature(b't', &term.text));
    }
    for l in doc.links.iter().filter(|l| inside(&l.span)) {
        t.push(feature(b'u', &l.url));
    }
    for c in starting_in(&doc.code_blocks, span, |c| c.span.start)
        .iter()
        .filter(|c| inside(&c.span))
    {
        for line in c
            .text
            .lines()
            .map(crate::feature::trim)
            .filter(|l| !l.is_empty())
        {
            t.push(feature_placeholders_normalized(b'k', line));
        }
    }
    t.sort_unstable();
    t.dedup();
    t
}

/// `{ANY_NAME}` (`\{[A-Z][A-Z0-9_]*\}`) → `{}`, so renamed placeholders do not hide an otherwise
/// equal token. Scanned by hand and borrowed when nothing changes: it runs on every code line
/// and code span of both pages (issue 8).
pub fn normalize_placeholders(s: &str) -> std::borrow::Cow<'_, str> {
    let mut ranges = super::helpers::placeholder_ranges(s).peekable();
    if ranges.peek().is_none() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for r in ranges {
        out.push_str(&s[copied..r.start]);
        out.push_str("{}");
        copied = r.end;
    }
    out.push_str(&s[copied..]);
    std::borrow::Cow::Owned(out)
}

/// Jaccard similarity of two sorted sets.
fn jaccard(a: &[Feature], b: &[Feature]) -> Option<f64> {
    if a.is_empty() && b.is_empty() {
        return None;
    }
    let inter = crate::sync::align::common(a, b);
    let union = a.len() + b.len() - inter;
    Some(inter as f64 / union as f64)
}

/// Score of pairing two items from their token sets; `None` when they should not be paired.
fn score(a: &[Feature], b: &[Feature]) -> Option<f64> {
    match jaccard(a, b) {
        None => Some(0.3),
        Some(j) if j >= 0.15 => Some(0.3 + j),
        Some(_) => None,
    }
}

/// Order-preserving alignment maximizing the total score (weighted LCS).
fn align_seq(
    n: usize,
    m: usize,
    score: impl Fn(usize, usize) -> Option<f64>,
) -> Vec<(usize, usize)> {
    let w = m + 1;
    let mut dp = vec![0.0f64; (n + 1) * w];
    let mut scores = vec![None; n * m];
    for i in 0..n {
        for j in 0..m {
            scores[i * m + j] = score(i, j);
        }
    }
    for i in 1..=n {
        for j in 1..=m {
            let mut best = dp[(i - 1) * w + j].max(dp[i * w + j - 1]);
            if let Some(s) = scores[(i - 1) * m + j - 1] {
                best = best.max(dp[(i - 1) * w + j - 1] + s);
            }
            dp[i * w + j] = best;
        }
    }
    let (mut i, mut j) = (n, m);
    let mut out = Vec::new();
    while i > 0 && j > 0 {
        let here = dp[i * w + j];
        if let Some(s) = scores[(i - 1) * m + j - 1] {
            if (dp[(i - 1) * w + j - 1] + s - here).abs() < 1e-9 {
                out.push((i - 1, j - 1));
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if (dp[(i - 1) * w + j] - here).abs() < 1e-9 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    out.reverse();
    out
}

fn same_shape(tr: &Document, ts: &Section, src: &Document, ss: &Section) -> bool {
    let kinds = |d: &Document, s: &Section| -> Vec<BlockKind> {
        s.blocks
            .clone()
            .filter_map(|i| d.blocks.get(i).map(|b| b.kind.clone()))
            .filter(|k| !matches!(k, BlockKind::Html | BlockKind::Rule))
            .collect()
    };
    let (a, b) = (kinds(tr, ts), kinds(src, ss));
    !a.is_empty() && a.len() == b.len() && a.iter().zip(&b).all(|(x, y)| same_kind(x, y))
}

fn heading_level<'d>(doc: &'d Document, s: &Section) -> (u8, Option<&'d str>) {
    match s.heading.and_then(|h| doc.blocks.get(h)).map(|b| &b.kind) {
        Some(BlockKind::Heading { level, anchor }) => (*level, anchor.as_deref()),
        _ => (0, None),
    }
}

fn same_kind(a: &BlockKind, b: &BlockKind) -> bool {
    match (a, b) {
        (BlockKind::Alert { .. }, BlockKind::Alert { .. }) => true,
        (BlockKind::List { .. }, BlockKind::List { .. }) => true,
        _ => std::mem::discriminant(a) == std::mem::discriminant(b),
    }
}

/// A page's sections with their [`tokens`], built on first use and kept: a source page is aligned
/// with each of its translations, and its sections are the same every time (issue 8).
#[derive(Debug, Default)]
pub struct PageSections(std::sync::OnceLock<(Vec<Section>, Vec<Vec<Feature>>)>);

impl PageSections {
    /// The sections of `doc` and their tokens (always the same document for one cell).
    pub fn of(&self, doc: &Document) -> (&[Section], &[Vec<Feature>]) {
        let (s, t) = self.0.get_or_init(|| {
            let s = sections(doc);
            let t = s.iter().map(|x| tokens(doc, &x.span)).collect();
            (s, t)
        });
        (s, t)
    }
}

/// Aligns `tr` (translation) with `src` (source page).
pub fn align(tr: &Document, src: &Document) -> Alignment {
    align_with(tr, src, &PageSections::default())
}

/// [`align`] with the source's sections kept in `src_sections` (the cell of `src`), so the other
/// translations of the same source reuse them.
pub fn align_with(tr: &Document, src: &Document, src_cell: &PageSections) -> Alignment {
    let tr_sections = sections(tr);
    let tr_tok: Vec<_> = tr_sections.iter().map(|s| tokens(tr, &s.span)).collect();
    let (src_sections, src_tok) = src_cell.of(src);
    let src_sections = src_sections.to_vec();
    let pairs = align_seq(tr_sections.len(), src_sections.len(), |i, j| {
        let (lt, at) = heading_level(tr, &tr_sections[i]);
        let (ls, as_) = heading_level(src, &src_sections[j]);
        if lt != ls {
            return None;
        }
        if at.is_some() && at == as_ {
            return Some(2.0);
        }
        if lt <= 1 {
            // The title and the text before it: one per page.
            return Some(1.0);
        }
        // Same level and the same block shape: a weak match, taken only when nothing better
        // lines up (keeps a section whose only link changed from reading as drift).
        score(&tr_tok[i], &src_tok[j]).or_else(|| {
            let bare = at.is_none() && as_.is_none();
            (bare && same_shape(tr, &tr_sections[i], src, &src_sections[j])).then_some(0.05)
        })
    });
    let mut a = Alignment {
        tr_sections,
        src_sections,
        sections: pairs,
        ..Alignment::default()
    };
    for k in 0..a.sections.len() {
        let (ti, si) = a.sections[k];
        let (ts, ss) = (a.tr_sections[ti].clone(), a.src_sections[si].clone());
        if let (Some(th), Some(sh)) = (ts.heading, ss.heading) {
            if let (Some(tb), Some(sb)) = (tr.blocks.get(th), src.blocks.get(sh)) {
                a.units.push(Unit {
                    tr: tb.span.clone(),
                    src: sb.span.clone(),
                    kind: UnitKind::Heading,
                });
            }
        }
        align_blocks(tr, src, &ts, &ss, &mut a);
    }
    a
}

fn align_blocks(tr: &Document, src: &Document, ts: &Section, ss: &Section, a: &mut Alignment) {
    let tb: Vec<usize> = ts
        .blocks
        .clone()
        .filter(|&i| !matches!(tr.blocks[i].kind, BlockKind::Html | BlockKind::Rule))
        .collect();
    let sb: Vec<usize> = ss
        .blocks
        .clone()
        .filter(|&i| !matches!(src.blocks[i].kind, BlockKind::Html | BlockKind::Rule))
        .collect();
    let same_shape = tb.len() == sb.len()
        && tb
            .iter()
            .zip(&sb)
            .all(|(&x, &y)| same_kind(&tr.blocks[x].kind, &src.blocks[y].kind));
    let pairs: Vec<(usize, usize)> = if same_shape {
        (0..tb.len()).map(|i| (i, i)).collect()
    } else {
        let ttok: Vec<_> = tb.iter().map(|&i| tokens(tr, &tr.blocks[i].span)).collect();
        let stok: Vec<_> = sb
            .iter()
            .map(|&i| tokens(src, &src.blocks[i].span))
            .collect();
        align_seq(tb.len(), sb.len(), |i, j| {
            if !same_kind(&tr.blocks[tb[i]].kind, &src.blocks[sb[j]].kind) {
                return None;
            }
            score(&ttok[i], &stok[j])
        })
    };
    let used_t: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let used_s: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    a.tr_only_blocks
        .extend((0..tb.len()).filter(|i| !used_t.contains(i)).map(|i| tb[i]));
    a.src_only_blocks
        .extend((0..sb.len()).filter(|i| !used_s.contains(i)).map(|i| sb[i]));
    for (i, j) in pairs {
        let (x, y) = (tb[i], sb[j]);
        a.blocks.push((x, y));
        align_units(tr, src, x, y, &mut a.units);
    }
}

/// Non-empty line spans of `span` (a line of blanks and `>` markers is empty).
fn line_spans(doc: &Document, span: &Span) -> Vec<Span> {
    let first = doc.lines.line(span.start);
    let last = doc.lines.line(span.end.saturating_sub(1).max(span.start));
    let mut out = Vec::with_capacity(last + 1 - first);
    for n in first..=last {
        let r = doc.lines.line_range(n);
        let r = r.start.max(span.start)..r.end.min(span.end);
        if doc.text.get(r.clone()).is_some_and(|t| !blank_or_quote(t)) {
            out.push(r);
        }
    }
    out
}

/// Whether `t` holds only blanks and a run of `>` quote markers
/// (`t.trim().trim_start_matches('>').trim()` is empty). Decided on the first bytes when they are
/// ASCII, which nearly every line is: this runs on every line of every aligned block (issue 8).
fn blank_or_quote(t: &str) -> bool {
    let b = t.as_bytes();
    // The ASCII characters `char::is_whitespace` accepts.
    let blank = |c: &u8| matches!(c, b' ' | b'\t'..=b'\r');
    let mut i = b.iter().take_while(|c| blank(c)).count();
    i += b[i..].iter().take_while(|&&c| c == b'>').count();
    i += b[i..].iter().take_while(|c| blank(c)).count();
    match b.get(i) {
        None => true,
        Some(c) if c.is_ascii() => false,
        Some(_) => t.trim().trim_start_matches('>').trim().is_empty(),
    }
}

fn align_units(tr: &Document, src: &Document, x: usize, y: usize, units: &mut Vec<Unit>) {
    let (tb, sb) = (&tr.blocks[x], &src.blocks[y]);
    match (&tb.kind, &sb.kind) {
        (BlockKind::Table { index: ti }, BlockKind::Table { index: si }) => {
            let (Some(tt), Some(st)) = (tr.tables.get(*ti), src.tables.get(*si)) else {
                return;
            };
            units.push(Unit {
                tr: tt.header.span.clone(),
                src: st.header.span.clone(),
                kind: UnitKind::Row,
            });
            for (i, j) in align_rows(tt, st) {
                units.push(Unit {
                    tr: tt.rows[i].span.clone(),
                    src: st.rows[j].span.clone(),
                    kind: UnitKind::Row,
                });
            }
        }
        (BlockKind::Code { index: ti }, BlockKind::Code { index: si }) => {
            let (Some(tc), Some(sc)) = (tr.code_blocks.get(*ti), src.code_blocks.get(*si)) else {
                return;
            };
            let tl = line_spans(tr, &tc.span);
            let sl = line_spans(src, &sc.span);
            if tl.len() == sl.len() {
                for (t, s) in tl.into_iter().zip(sl) {
                    units.push(Unit {
                        tr: t,
                        src: s,
                        kind: UnitKind::CodeLine,
                    });
                }
            } else {
                units.push(Unit {
                    tr: tc.span.clone(),
                    src: sc.span.clone(),
                    kind: UnitKind::Block,
                });
            }
        }
        _ => {
            let tl = line_spans(tr, &tb.span);
            let sl = line_spans(src, &sb.span);
            if tl.len() == sl.len() {
                for (t, s) in tl.into_iter().zip(sl) {
                    units.push(Unit {
                        tr: t,
                        src: s,
                        kind: UnitKind::Line,
                    });
                }
            } else {
                units.push(Unit {
                    tr: tb.span.clone(),
                    src: sb.span.clone(),
                    kind: UnitKind::Block,
                });
            }
        }
    }
}

/// Whether a first-column cell is an identifier (kept as is by translation) rather than prose.
pub fn is_key_like(raw: &str) -> bool {
    let t = raw.trim().trim_matches('|').trim();
    if t.starts_with('`') && t.ends_with('`') && t.len() > 2 {
        return true;
    }
    !t.is_empty()
        && t.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '[' | ']' | '{' | '}')
        })
        && t.chars().any(|c| c.is_ascii_lowercase())
        && t.chars()
            .any(|c| c.is_ascii_uppercase() || c == '.' || c == '_')
}

/// The key of a row: its first cell's text.
pub fn row_key(table: &crate::afm::Table, row: usize) -> Option<&str> {
    table.rows.get(row)?.cells.first().map(|c| c.text.trim())
}

/// Rows paired by identifier key when the source keys are identifiers, else by position.
fn align_rows(tt: &crate::afm::Table, st: &crate::afm::Table) -> Vec<(usize, usize)> {
    let key_of = |t: &crate::afm::Table, i: usize| row_key(t, i).unwrap_or("").to_string();
    let mut out = Vec::new();
    let mut used = HashSet::default();
    let mut unmatched_t = Vec::new();
    for i in 0..tt.rows.len() {
        let k = key_of(tt, i);
        let hit =
            (0..st.rows.len()).find(|j| !used.contains(j) && key_of(st, *j) == k && !k.is_empty());
        match hit {
            Some(j) => {
                used.insert(j);
                out.push((i, j));
            }
            None => unmatched_t.push(i),
        }
    }
    if tt.rows.len() == st.rows.len() {
        // Same number of rows: a row whose key is not an identifier (a translated key) takes the
        // source row at its position. Different identifiers are different rows (drift).
        for i in unmatched_t {
            let translated = tt
                .rows
                .get(i)
                .and_then(|r| r.cells.first())
                .is_some_and(|c| !is_key_like(&c.text));
            if translated && !used.contains(&i) {
                used.insert(i);
                out.push((i, i));
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::page;

    #[test]
    fn placeholder_normalization_matches_its_pattern() {
        let re = regex::Regex::new(r"\{[A-Z][A-Z0-9_]*\}").expect("pattern");
        for s in [
            "",
            "plain",
            "{",
            "}",
            "{}",
            "{A",
            "{a}",
            "{A}",
            "{{X}}",
            "{A_1}{B}x{C-D}",
            "/connections/{CONNECTION_ID}?x={Y_2}&z={9}",
            "é{ÉX}{X}é{",
        ] {
            assert_eq!(normalize_placeholders(s), re.replace_all(s, "{}"), "{s:?}");
        }
        assert!(matches!(
            normalize_placeholders("no placeholder"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    proptest::proptest! {
        #[test]
        fn blank_or_quote_is_trimmed_emptiness(s in "[ \t\x0b\r>a\u{3000}\u{a0}é]{0,8}") {
            proptest::prop_assert_eq!(
                blank_or_quote(&s),
                s.trim().trim_start_matches('>').trim().is_empty()
            );
        }
    }

    #[test]
    fn same_structure_aligns_completely() {
        let src = "# Title\n\nIntro [!DNL X].\n\n## Part {#part}\n\nText `a`.\n\n| Key | V |\n|---|---|\n| `k1` | one |\n";
        let tr = "# Titre\n\nIntro [!DNL X].\n\n## Partie {#part}\n\nTexte `a`.\n\n| Clé | V |\n|---|---|\n| `k1` | un |\n";
        let (t, _) = page(tr, "fr");
        let (s, _) = page(src, "en");
        let a = align(&t, &s);
        assert!(a.is_complete(), "{a:?}");
        assert_eq!(a.sections.len(), 2);
        assert!(a.units.iter().any(|u| u.kind == UnitKind::Row));
    }

    #[test]
    fn added_sections_are_left_unpaired() {
        let src =
            "# T\n\n## A\n\nSee `a1` and `a2`.\n\n## B\n\nUse `b1` `b2`.\n\n## C\n\nRun `c1`.\n";
        let tr = "# T\n\n## A\n\nVoir `a1` et `a2`.\n\n## C\n\nLancer `c1`.\n";
        let (t, _) = page(tr, "fr");
        let (s, _) = page(src, "en");
        let a = align(&t, &s);
        assert_eq!(a.src_only_sections(), vec![2]);
        assert!(a.tr_only_sections().is_empty());
        assert!(!a.is_complete());
    }
}
