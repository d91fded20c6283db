//! The alignable units of a page: each block's class, keys and language-neutral features.

use super::within;
use crate::afm::{starting_in, Block, BlockKind, CodeBlock, Document, Row, Span, Table, TermKind};
use crate::feature::{
    digit_runs, feature, feature_of_bytes, sorted, word_runs, Feature, FeatureHasher,
};
use crate::sync::align::{Class, Unit};

pub(super) fn class_of(kind: &BlockKind) -> Class {
    match kind {
        BlockKind::Heading { level, .. } => Class::Heading(*level),
        BlockKind::Paragraph => Class::Paragraph,
        BlockKind::List { ordered } => Class::List(*ordered),
        BlockKind::Table { .. } => Class::Table,
        BlockKind::Code { .. } => Class::Code,
        BlockKind::Alert { kind } => Class::Alert(kind.as_str()),
        BlockKind::Quote => Class::Quote,
        BlockKind::Html => Class::Html,
        BlockKind::Rule => Class::Rule,
    }
}

fn code_tokens(c: &CodeBlock, feats: &mut Vec<Feature>) {
    feats.push(feature(b'l', &c.lang()));
    if c.text.is_ascii() {
        // Nearly all code: splitting bytes is splitting chars, without decoding UTF-8.
        let toks = word_runs(c.text.as_bytes())
            .filter(|t| t.len() >= 2)
            .take(400);
        feats.extend(toks.map(|t| feature_of_bytes(b't', t)));
        return;
    }
    let toks = c
        .text
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|t| t.len() >= 2)
        .take(400);
    feats.extend(toks.map(|t| feature(b't', t)));
}

/// The key of a table row: the code span in its first cell.
pub(super) fn row_key<'d>(doc: &'d Document, row: &Row) -> Option<&'d str> {
    let cell = row.cells.first()?;
    starting_in(&doc.code_spans, &cell.span, |c| c.span.start)
        .iter()
        .find(|c| within(&c.span, &cell.span))
        .map(|c| c.code.as_str())
}

fn table_feats(doc: &Document, t: &Table, feats: &mut Vec<Feature>) {
    feats.push(FeatureHasher::new(b'C').num(t.header.cells.len()).finish());
    feats.extend(
        t.rows
            .iter()
            .filter_map(|r| row_key(doc, r))
            .map(|k| feature(b'k', k)),
    );
}

/// The items of a list block: from each line at the list's own indentation that starts with a
/// marker to the next one.
pub(super) fn list_item_spans(doc: &Document, span: &Span) -> Vec<Span> {
    let first = doc.lines.line(span.start);
    let last = doc.lines.line(span.end.saturating_sub(1).max(span.start));
    let indent = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let base = indent(doc.slice(&doc.lines.line_range(first)));
    let starts: Vec<usize> = (first..=last)
        .filter(|&n| {
            let l = doc.slice(&doc.lines.line_range(n));
            indent(l) == base && is_list_marker(l.trim_start())
        })
        .map(|n| doc.lines.line_start(n).max(span.start))
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(k, &s)| s..starts.get(k + 1).copied().unwrap_or(span.end))
        .collect()
}

fn is_list_marker(s: &str) -> bool {
    let b = s.as_bytes();
    let marker_end = match b.first() {
        Some(b'*' | b'-' | b'+') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => return false,
            }
        }
        _ => return false,
    };
    matches!(b.get(marker_end), None | Some(b' ' | b'\t'))
}

/// The features of the inline items in `span`: links, images, DNL terms, code spans.
fn inline_feats(doc: &Document, span: &Span, feats: &mut Vec<Feature>) {
    // Links are pushed when they close, so an image inside a link comes before it: not sorted by
    // start, scanned in full (few per page). The other collections are in file order.
    for l in doc.links.iter().filter(|l| within(&l.span, span)) {
        feats.push(feature(if l.image { b'i' } else { b'u' }, &l.url));
    }
    for t in starting_in(&doc.terms, span, |t| t.span.start)
        .iter()
        .filter(|t| t.kind == TermKind::Dnl && within(&t.span, span))
    {
        feats.push(feature(b'd', &t.text));
    }
    for c in starting_in(&doc.code_spans, span, |c| c.span.start)
        .iter()
        .filter(|c| within(&c.span, span))
    {
        feats.push(feature(b'c', &c.code));
    }
}

/// What one block contributes to the section feature set of the headings above it (its inline
/// items, `inline`, and request methods), computed once per block: a heading's section is the run
/// of blocks up to the next heading of its level or above.
fn section_contribution(doc: &Document, b: &Block, inline: &[Feature]) -> Vec<Feature> {
    let mut sec = inline.to_vec();
    for c in starting_in(&doc.code_blocks, &b.span, |c| c.span.start)
        .iter()
        .filter(|c| within(&c.span, &b.span))
    {
        if let Some(m) = http_method(c) {
            sec.push(feature(b'm', m));
        }
    }
    sec.into_iter()
        .map(|f| FeatureHasher::new(b's').feature(f).finish())
        .collect()
}

/// The code tokens of each of `doc`'s code blocks (by index in `Document::code_blocks`).
pub(super) fn code_token_lists(doc: &Document) -> Vec<Vec<Feature>> {
    doc.code_blocks
        .iter()
        .map(|c| {
            let mut t = Vec::new();
            code_tokens(c, &mut t);
            t
        })
        .collect()
}

/// [`code_token_lists`] of translation `tr`, copying the lists of `src` (`src_tokens`) for the
/// code blocks equal to the source's block at the same index: code is not translated, so most are,
/// and tokenizing them again was most of a translation's unit cost (issue 8).
pub(super) fn code_token_lists_from(
    tr: &Document,
    src: &Document,
    src_tokens: &[Vec<Feature>],
) -> Vec<Vec<Feature>> {
    tr.code_blocks
        .iter()
        .enumerate()
        .map(|(k, c)| match (src.code_blocks.get(k), src_tokens.get(k)) {
            (Some(s), Some(t)) if s.text == c.text && s.info == c.info => t.clone(),
            _ => {
                let mut t = Vec::new();
                code_tokens(c, &mut t);
                t
            }
        })
        .collect()
}

/// The alignable units of every top-level block of `doc`, in order; `tokens` are its
/// [`code_token_lists`].
pub(super) fn page_units(doc: &Document, tokens: &[Vec<Feature>]) -> Vec<Unit> {
    // Each block's inline items feed both its own unit and its headings' sections.
    let inline: Vec<Vec<Feature>> = doc
        .blocks
        .iter()
        .map(|b| {
            let mut feats = Vec::new();
            inline_feats(doc, &b.span, &mut feats);
            feats
        })
        .collect();
    let contributions: Vec<Vec<Feature>> = doc
        .blocks
        .iter()
        .zip(&inline)
        .map(|(b, inl)| section_contribution(doc, b, inl))
        .collect();
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| block_unit(doc, i, b, &inline[i], &contributions, tokens))
        .collect()
}

/// The alignable unit of a top-level block: class, key and language-neutral content.
fn block_unit(
    doc: &Document,
    index: usize,
    b: &Block,
    inline: &[Feature],
    sections: &[Vec<Feature>],
    tokens: &[Vec<Feature>],
) -> Unit {
    let mut feats = inline.to_vec();
    let mut key = None;
    match &b.kind {
        BlockKind::Heading { level, anchor } => {
            if let Some(a) = anchor {
                feats.push(feature(b'a', a));
                key = Some(a.clone());
            }
            for (k, blk) in doc.blocks.iter().enumerate().skip(index + 1) {
                if matches!(blk.kind, BlockKind::Heading { level: l, .. } if l <= *level) {
                    break;
                }
                if let Some(sec) = sections.get(k) {
                    feats.extend_from_slice(sec);
                }
            }
        }
        BlockKind::List { .. } => feats.push(
            FeatureHasher::new(b'I')
                .num(list_item_spans(doc, &b.span).len())
                .finish(),
        ),
        _ => {}
    }
    // The code blocks starting in the block, as `starting_in` finds them, with their indexes.
    let first = doc
        .code_blocks
        .partition_point(|c| c.span.start < b.span.start);
    for (k, c) in doc
        .code_blocks
        .iter()
        .enumerate()
        .skip(first)
        .take_while(|(_, c)| c.span.start < b.span.end)
        .filter(|(_, c)| within(&c.span, &b.span))
    {
        if matches!(b.kind, BlockKind::Code { .. }) {
            key = Some(c.lang());
        }
        match tokens.get(k) {
            Some(t) => feats.extend_from_slice(t),
            None => code_tokens(c, &mut feats),
        }
    }
    for t in starting_in(&doc.tables, &b.span, |t| t.span.start)
        .iter()
        .filter(|t| within(&t.span, &b.span))
    {
        table_feats(doc, t, &mut feats);
    }
    for t in starting_in(&doc.texts, &(index..index + 1), |t| t.block) {
        // Digits are ASCII, so splitting the bytes finds the same runs as splitting the chars.
        for num in digit_runs(t.text.as_bytes()) {
            feats.push(feature_of_bytes(b'n', num));
        }
    }
    let hard = match &b.kind {
        BlockKind::Code { index } => doc
            .code_blocks
            .get(*index)
            .and_then(http_method)
            .map(str::to_string),
        _ => None,
    };
    Unit {
        class: class_of(&b.kind),
        key,
        hard,
        feats: sorted(feats),
    }
}

pub(super) fn code_unit(c: &CodeBlock) -> Unit {
    let mut feats = Vec::new();
    code_tokens(c, &mut feats);
    Unit {
        class: Class::Code,
        key: Some(c.lang()),
        hard: http_method(c).map(str::to_string),
        feats: sorted(feats),
    }
}

pub(super) fn table_unit(doc: &Document, t: &Table) -> Unit {
    let mut feats = Vec::new();
    table_feats(doc, t, &mut feats);
    Unit {
        class: Class::Table,
        key: None,
        hard: None,
        feats: sorted(feats),
    }
}

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// The HTTP method a code block shows: `curl -X …` (or implied by a body), or the first word of an
/// "API format" block (`POST /connections`). Two examples with different methods never align.
fn http_method(c: &CodeBlock) -> Option<&'static str> {
    let mut words = c.text.split_whitespace();
    let first = words.next()?;
    if first == "curl" {
        let mut data = false;
        let mut prev = first;
        for w in words {
            if prev == "-X" || prev == "--request" {
                // An unknown word (a typo) says nothing: it must not keep the block from its source.
                let m = w.trim_matches(['\'', '"']);
                return METHODS.iter().find(|k| k.eq_ignore_ascii_case(m)).copied();
            }
            data |= w.starts_with("-d") || w.starts_with("--data") || w == "-F";
            prev = w;
        }
        return Some(if data { "POST" } else { "GET" });
    }
    METHODS.iter().find(|m| first == **m).copied()
}
