//! What `sync` changes in one translation: the edits that make its untranslatable parts equal to
//! its source page's, and what it leaves alone (unaligned) with the reason.
//!
//! Blocks are aligned first ([`super::align`]); then, inside each aligned pair: fenced code blocks
//! (info string and content, edited line by line), tables (rows by first-cell code or position,
//! then cells), inline items (link/image destinations, `[!DNL]` terms, code spans) and heading
//! anchors. The front matter's `exl-id` follows the source's; nothing else there is touched.

use std::collections::HashMap;

use super::align::{align_keyed, align_units, match_items, Class, Unit};
use super::{
    edit_is_allowed, ChangeKind, PairPlan, PlannedEdit, SyncOptions, Unaligned, UNTRANSLATED_MARKER,
};
use crate::afm::{Block, BlockKind, CodeBlock, Document, Row, Span, Table, TermKind};
use crate::diag::Edit;

/// Plans the sync of translation `tr` from its source page `src`.
pub fn plan_pair(src: &Document, tr: &Document, opts: &SyncOptions) -> PairPlan {
    let mut p = Planner {
        src,
        tr,
        opts,
        plan: PairPlan::default(),
    };
    p.front_matter();
    let su: Vec<Unit> = src
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| block_unit(src, i, b))
        .collect();
    let tu: Vec<Unit> = tr
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| block_unit(tr, i, b))
        .collect();
    let a = align_units(&su, &tu);
    for pair in &a.pairs {
        if let (Some(sb), Some(tb)) = (src.blocks.get(pair.src), tr.blocks.get(pair.tr)) {
            p.block_pair(sb, tb);
        }
    }
    let rejected_src: HashMap<usize, usize> = a.rejected.iter().copied().collect();
    let rejected_tr: HashMap<usize, usize> = a.rejected.iter().map(|&(s, t)| (t, s)).collect();
    for &i in &a.src_only {
        if rejected_src.contains_key(&i) {
            continue;
        }
        let Some(sb) = src.blocks.get(i) else {
            continue;
        };
        let at = a
            .pairs
            .iter()
            .find(|p| p.src > i)
            .and_then(|p| tr.blocks.get(p.tr))
            .map_or(tr.lines.len(), |b| tr.lines.line(b.span.start));
        let class = class_of(&sb.kind);
        p.unaligned(
            at,
            class.name(),
            format!(
                "{} only in the source ({}:{}): nothing here to sync it with",
                class.name(),
                src.display,
                src.lines.line(sb.span.start)
            ),
        );
    }
    for &j in &a.tr_only {
        let Some(tb) = tr.blocks.get(j) else {
            continue;
        };
        let class = class_of(&tb.kind);
        let line = tr.lines.line(tb.span.start);
        let reason = match rejected_tr.get(&j).and_then(|&s| src.blocks.get(s)) {
            Some(sb) => format!(
                "{} stands where the source has one ({}:{}) but shares no code, link or term with it: left alone",
                class.name(),
                src.display,
                src.lines.line(sb.span.start)
            ),
            None => format!(
                "{} only in the translation: no counterpart in {}",
                class.name(),
                src.display
            ),
        };
        p.unaligned(line, class.name(), reason);
    }
    p.finish()
}

struct Planner<'a> {
    src: &'a Document,
    tr: &'a Document,
    opts: &'a SyncOptions,
    plan: PairPlan,
}

/// An inline item of one class in a block: its comparable value and where an edit would go.
struct Item {
    value: String,
    /// The range an edit replaces (URL, term text, code span content).
    span: Option<Span>,
    /// The whole element (for code spans: backticks included), for a fallback replacement.
    outer: Span,
    /// Backtick run length of a code span (0 otherwise).
    ticks: usize,
}

/// Where a fenced code block's parts are in the file.
struct Fence {
    fence_end: usize,
    info: Span,
    content: Span,
    prefix: String,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Inline {
    Link,
    Image,
    Dnl,
    CodeSpan,
}

impl Inline {
    fn kind(self) -> ChangeKind {
        match self {
            Inline::Link => ChangeKind::Link,
            Inline::Image => ChangeKind::Image,
            Inline::Dnl => ChangeKind::Dnl,
            Inline::CodeSpan => ChangeKind::CodeSpan,
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Inline::Link => "link target",
            Inline::Image => "image source",
            Inline::Dnl => "[!DNL] term",
            Inline::CodeSpan => "code span",
        }
    }
}

fn within(span: &Span, outer: &Span) -> bool {
    span.start >= outer.start && span.end <= outer.end
}

fn class_of(kind: &BlockKind) -> Class {
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

fn code_tokens(c: &CodeBlock, feats: &mut Vec<String>) {
    feats.push(format!("l:{}", c.lang()));
    let toks = c
        .text
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|t| t.len() >= 2)
        .take(400);
    feats.extend(toks.map(|t| format!("t:{t}")));
}

fn row_key(doc: &Document, row: &Row) -> Option<String> {
    let cell = row.cells.first()?;
    doc.code_spans
        .iter()
        .find(|c| within(&c.span, &cell.span))
        .map(|c| c.code.clone())
}

fn table_feats(doc: &Document, t: &Table, feats: &mut Vec<String>) {
    feats.push(format!("cols:{}", t.header.cells.len()));
    feats.extend(
        t.rows
            .iter()
            .filter_map(|r| row_key(doc, r))
            .map(|k| format!("k:{k}")),
    );
}

/// The items of a list block: from each line at the list's own indentation that starts with a
/// marker to the next one.
fn list_item_spans(doc: &Document, span: &Span) -> Vec<Span> {
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
fn inline_feats(doc: &Document, span: &Span, feats: &mut Vec<String>) {
    for l in doc.links.iter().filter(|l| within(&l.span, span)) {
        feats.push(format!("{}:{}", if l.image { "i" } else { "u" }, l.url));
    }
    for t in doc
        .terms
        .iter()
        .filter(|t| t.kind == TermKind::Dnl && within(&t.span, span))
    {
        feats.push(format!("d:{}", t.text));
    }
    for c in doc.code_spans.iter().filter(|c| within(&c.span, span)) {
        feats.push(format!("c:{}", c.code));
    }
}

/// The alignable unit of a top-level block: class, key and language-neutral content.
fn block_unit(doc: &Document, index: usize, b: &Block) -> Unit {
    let mut feats = Vec::new();
    let mut key = None;
    inline_feats(doc, &b.span, &mut feats);
    match &b.kind {
        BlockKind::Heading {
            anchor: Some(a), ..
        } => {
            feats.push(format!("a:{a}"));
            key = Some(a.clone());
        }
        BlockKind::List { .. } => {
            feats.push(format!("items:{}", list_item_spans(doc, &b.span).len()))
        }
        _ => {}
    }
    for c in doc.code_blocks.iter().filter(|c| within(&c.span, &b.span)) {
        if matches!(b.kind, BlockKind::Code { .. }) {
            key = Some(c.lang());
        }
        code_tokens(c, &mut feats);
    }
    for t in doc.tables.iter().filter(|t| within(&t.span, &b.span)) {
        table_feats(doc, t, &mut feats);
    }
    for t in doc.texts.iter().filter(|t| t.block == index) {
        for num in t.text.split(|c: char| !c.is_ascii_digit()) {
            if !num.is_empty() {
                feats.push(format!("n:{num}"));
            }
        }
    }
    feats.sort();
    let hard = match &b.kind {
        BlockKind::Code { index } => doc.code_blocks.get(*index).and_then(http_method),
        _ => None,
    };
    Unit {
        class: class_of(&b.kind),
        key,
        hard,
        feats,
    }
}

fn code_unit(c: &CodeBlock) -> Unit {
    let mut feats = Vec::new();
    code_tokens(c, &mut feats);
    feats.sort();
    Unit {
        class: Class::Code,
        key: Some(c.lang()),
        hard: http_method(c),
        feats,
    }
}

fn table_unit(doc: &Document, t: &Table) -> Unit {
    let mut feats = Vec::new();
    table_feats(doc, t, &mut feats);
    feats.sort();
    Unit {
        class: Class::Table,
        key: None,
        hard: None,
        feats,
    }
}

const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/// The HTTP method a code block shows: `curl -X …` (or implied by a body), or the first word of an
/// "API format" block (`POST /connections`). Two examples with different methods never align.
fn http_method(c: &CodeBlock) -> Option<String> {
    let text = c.text.trim_start();
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.first()?;
    if *first == "curl" {
        let explicit = words
            .windows(2)
            .find(|w| w[0] == "-X" || w[0] == "--request")
            .map(|w| w[1].trim_matches(['\'', '"']).to_ascii_uppercase());
        if explicit.is_some() {
            return explicit;
        }
        let data = words
            .iter()
            .any(|w| w.starts_with("-d") || w.starts_with("--data") || *w == "-F");
        return Some(if data { "POST" } else { "GET" }.into());
    }
    METHODS.iter().find(|m| first == *m).map(|m| m.to_string())
}

/// Locates the parts of a fenced code block; `None` for indented blocks.
fn fence(doc: &Document, c: &CodeBlock) -> Option<Fence> {
    let text: &str = &doc.text;
    let line = doc.lines.line(c.span.start);
    let line_start = doc.lines.line_start(line);
    let line_end = doc.lines.line_range(line).end;
    let open_line = text.get(c.span.start..line_end)?;
    let skip = open_line.len() - open_line.trim_start_matches(['>', ' ', '\t']).len();
    let start = c.span.start + skip;
    let rest = text.get(start..line_end)?;
    let ch = rest.chars().next().filter(|ch| *ch == '`' || *ch == '~')?;
    let run = rest.len() - rest.trim_start_matches(ch).len();
    if run < 3 {
        return None;
    }
    let fence_end = start + run;
    let info_raw = text.get(fence_end..line_end)?;
    let info_start = fence_end + (info_raw.len() - info_raw.trim_start().len());
    let info_end = (fence_end + info_raw.trim_end().len()).max(info_start);
    let prefix: String = text
        .get(line_start..start)?
        .chars()
        .map(|ch| if ch == '>' || ch == '\t' { ch } else { ' ' })
        .collect();
    let content_start = doc.lines.line_start(line + 1).min(c.span.end);
    let last = doc
        .lines
        .line(c.span.end.saturating_sub(1).max(c.span.start));
    let last_start = doc.lines.line_start(last);
    let last_text = doc.slice(&doc.lines.line_range(last));
    let closing = last > line && {
        let t = last_text.trim_start_matches(['>', ' ', '\t']);
        t.len() - t.trim_start_matches(ch).len() >= run
            && t.trim_start_matches(ch).trim().is_empty()
    };
    let content_end = if closing { last_start } else { c.span.end };
    Some(Fence {
        fence_end,
        info: info_start..info_end,
        content: content_start..content_end.max(content_start),
        prefix,
    })
}

/// The source's code content laid out with the translation's container prefix.
fn render_code(text: &str, prefix: &str, want_final_newline: bool) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        if prefix.is_empty() {
            out.push_str(line);
        } else if line == "\n" {
            out.push_str(prefix.trim_end());
            out.push('\n');
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
    }
    if want_final_newline && !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn line_offsets(s: &str) -> Vec<usize> {
    let mut v = vec![0];
    let mut acc = 0;
    for l in s.split_inclusive('\n') {
        acc += l.len();
        v.push(acc);
    }
    v
}

impl Planner<'_> {
    fn unaligned(&mut self, line: usize, kind: &'static str, reason: String) {
        self.plan.unaligned.push(Unaligned { line, kind, reason });
    }

    fn edit(&mut self, range: Span, replacement: String, kind: ChangeKind, source_span: Span) {
        if self.tr.slice(&range) == replacement {
            return;
        }
        self.plan.edits.push(PlannedEdit {
            edit: Edit { range, replacement },
            kind,
            source_span,
        });
    }

    fn src_at(&self, span: &Span) -> String {
        format!("{}:{}", self.src.display, self.src.lines.line(span.start))
    }

    fn front_matter(&mut self) {
        let (src, tr) = (self.src, self.tr);
        let Some(sfm) = &src.front_matter else {
            return;
        };
        let Some(sf) = sfm.field("exl-id") else {
            return;
        };
        let s_raw = value_range(src, &sf.span);
        let s_text = src.slice(&s_raw).to_string();
        let Some(fm) = &tr.front_matter else {
            self.unaligned(
                1,
                "exl-id",
                format!(
                    "no front matter to hold the source's exl-id `{}` ({})",
                    sf.value,
                    self.src_at(&sf.span)
                ),
            );
            return;
        };
        if fm.error.is_some() {
            let line = tr.lines.line(fm.span.start);
            self.unaligned(
                line,
                "exl-id",
                "the front matter does not parse: exl-id left alone".into(),
            );
            return;
        }
        match fm.field("exl-id") {
            Some(f) if f.value == sf.value => {}
            Some(f) => {
                let r = value_range(tr, &f.span);
                self.edit(r, s_text, ChangeKind::ExlId, s_raw);
            }
            None => {
                let at = fm.body_span.end;
                self.edit(
                    at..at,
                    format!("exl-id: {s_text}\n"),
                    ChangeKind::ExlId,
                    s_raw,
                );
            }
        }
    }

    fn block_pair(&mut self, sb: &Block, tb: &Block) {
        let (src, tr) = (self.src, self.tr);
        if matches!(sb.kind, BlockKind::Heading { .. }) {
            self.anchor(sb, tb);
        }
        // Code blocks inside (the block itself, or those nested in a list or alert).
        let sc: Vec<&CodeBlock> = src
            .code_blocks
            .iter()
            .filter(|c| within(&c.span, &sb.span))
            .collect();
        let tc: Vec<&CodeBlock> = tr
            .code_blocks
            .iter()
            .filter(|c| within(&c.span, &tb.span))
            .collect();
        let su: Vec<Unit> = sc.iter().map(|c| code_unit(c)).collect();
        let tu: Vec<Unit> = tc.iter().map(|c| code_unit(c)).collect();
        let (pairs, s_only, t_only) = self.nested(&su, &tu);
        for (i, j) in pairs {
            if let (Some(s), Some(t)) = (sc.get(i), tc.get(j)) {
                self.code(s, t);
            }
        }
        for i in s_only {
            if let Some(s) = sc.get(i) {
                let reason = format!(
                    "a code block of the source ({}) has no counterpart in this {}",
                    self.src_at(&s.span),
                    class_of(&tb.kind).name()
                );
                self.unaligned(tr.lines.line(tb.span.start), "code", reason);
            }
        }
        for j in t_only {
            if let Some(t) = tc.get(j) {
                let reason = format!(
                    "code block with no counterpart in the source's {} ({})",
                    class_of(&sb.kind).name(),
                    self.src_at(&sb.span)
                );
                self.unaligned(tr.lines.line(t.span.start), "code", reason);
            }
        }
        // Tables inside.
        let st: Vec<&Table> = src
            .tables
            .iter()
            .filter(|t| within(&t.span, &sb.span))
            .collect();
        let tt: Vec<&Table> = tr
            .tables
            .iter()
            .filter(|t| within(&t.span, &tb.span))
            .collect();
        let su: Vec<Unit> = st.iter().map(|t| table_unit(src, t)).collect();
        let tu: Vec<Unit> = tt.iter().map(|t| table_unit(tr, t)).collect();
        let (pairs, s_only, t_only) = self.nested(&su, &tu);
        for (i, j) in pairs {
            if let (Some(s), Some(t)) = (st.get(i), tt.get(j)) {
                self.table(s, t);
            }
        }
        for i in s_only {
            if let Some(s) = st.get(i) {
                let reason = format!(
                    "a table of the source ({}) has no counterpart here",
                    self.src_at(&s.span)
                );
                self.unaligned(tr.lines.line(tb.span.start), "table", reason);
            }
        }
        for j in t_only {
            if let Some(t) = tt.get(j) {
                self.unaligned(
                    tr.lines.line(t.span.start),
                    "table",
                    "table with no counterpart in the source".into(),
                );
            }
        }
        // Inline items outside the tables (cells are synced row by row).
        let s_ex: Vec<Span> = st.iter().map(|t| t.span.clone()).collect();
        let t_ex: Vec<Span> = tt.iter().map(|t| t.span.clone()).collect();
        // Lists with as many items on both sides are synced item by item.
        let mut regions = vec![(sb.span.clone(), tb.span.clone())];
        if let (BlockKind::List { .. }, BlockKind::List { .. }) = (&sb.kind, &tb.kind) {
            let si = list_item_spans(src, &sb.span);
            let ti = list_item_spans(tr, &tb.span);
            if si.len() == ti.len() && !si.is_empty() {
                regions = si.into_iter().zip(ti).collect();
            }
        }
        for (s, t) in regions {
            self.inline(&s, &t, &s_ex, &t_ex);
        }
    }

    /// Aligns nested units: a single pair directly, else by [`align_units`].
    #[allow(clippy::type_complexity)]
    fn nested(&self, su: &[Unit], tu: &[Unit]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
        if su.len() == 1 && tu.len() == 1 {
            return (vec![(0, 0)], Vec::new(), Vec::new());
        }
        let a = align_units(su, tu);
        (
            a.pairs.iter().map(|p| (p.src, p.tr)).collect(),
            a.src_only,
            a.tr_only,
        )
    }

    fn anchor(&mut self, sb: &Block, tb: &Block) {
        let (src, tr) = (self.src, self.tr);
        let Some(sh) = src.headings.iter().find(|h| h.span.start == sb.span.start) else {
            return;
        };
        let Some(th) = tr.headings.iter().find(|h| h.span.start == tb.span.start) else {
            return;
        };
        let Some((sid, sspan)) = &sh.anchor else {
            return;
        };
        match &th.anchor {
            Some((tid, tspan)) if tid != sid => {
                let raw = tr.slice(tspan);
                if raw.starts_with("{#") && raw.ends_with('}') && tspan.len() >= 3 {
                    self.edit(
                        tspan.start + 2..tspan.end - 1,
                        sid.clone(),
                        ChangeKind::Anchor,
                        sspan.clone(),
                    );
                }
            }
            Some(_) => {}
            None => {
                let line = tr.lines.line(th.span.start);
                let lr = tr.lines.line_range(line);
                let text = tr.slice(&lr);
                let trimmed = text.trim_end();
                if !trimmed.starts_with('#') || trimmed.ends_with('#') {
                    self.unaligned(
                        line,
                        "anchor",
                        format!(
                            "the source's heading has the anchor {{#{sid}}} ({}); this heading's form leaves no safe place for it",
                            self.src_at(sspan)
                        ),
                    );
                    return;
                }
                let at = lr.start + trimmed.len();
                self.edit(
                    at..at,
                    format!(" {{#{sid}}}"),
                    ChangeKind::Anchor,
                    sspan.clone(),
                );
            }
        }
    }

    fn items(&self, doc: &Document, class: Inline, region: &Span, exclude: &[Span]) -> Vec<Item> {
        let keep = |s: &Span| within(s, region) && !exclude.iter().any(|x| within(s, x));
        let mut v: Vec<(usize, Item)> = match class {
            Inline::Link | Inline::Image => doc
                .links
                .iter()
                .filter(|l| l.image == (class == Inline::Image) && keep(&l.span))
                .map(|l| {
                    let item = Item {
                        value: l.url.clone(),
                        span: l.url_span.clone(),
                        outer: l.span.clone(),
                        ticks: 0,
                    };
                    (l.span.start, item)
                })
                .collect(),
            Inline::Dnl => doc
                .terms
                .iter()
                .filter(|t| t.kind == TermKind::Dnl && keep(&t.span))
                .map(|t| {
                    let raw = doc.slice(&t.text_span);
                    let end = t.text_span.start + raw.trim_end().len();
                    let item = Item {
                        value: t.text.clone(),
                        span: Some(t.text_span.start..end),
                        outer: t.span.clone(),
                        ticks: 0,
                    };
                    (t.span.start, item)
                })
                .collect(),
            Inline::CodeSpan => doc
                .code_spans
                .iter()
                .filter(|c| keep(&c.span))
                .map(|c| {
                    let raw = doc.slice(&c.span);
                    let ticks = raw.len() - raw.trim_start_matches('`').len();
                    let inner = (c.span.start + ticks)..(c.span.end.saturating_sub(ticks));
                    let ok = ticks > 0 && inner.start <= inner.end && raw.ends_with('`');
                    let item = Item {
                        value: c.code.clone(),
                        span: ok.then_some(inner),
                        outer: c.span.clone(),
                        ticks,
                    };
                    (c.span.start, item)
                })
                .collect(),
        };
        v.sort_by_key(|(start, _)| *start);
        v.into_iter().map(|(_, i)| i).collect()
    }

    fn inline(&mut self, s_region: &Span, t_region: &Span, s_ex: &[Span], t_ex: &[Span]) {
        let (src, tr) = (self.src, self.tr);
        for class in [Inline::Link, Inline::Image, Inline::Dnl, Inline::CodeSpan] {
            let si = self.items(src, class, s_region, s_ex);
            let ti = self.items(tr, class, t_region, t_ex);
            if si.is_empty() {
                continue;
            }
            let sv: Vec<&str> = si.iter().map(|i| i.value.as_str()).collect();
            let tv: Vec<&str> = ti.iter().map(|i| i.value.as_str()).collect();
            let m = match_items(&sv, &tv);
            for (i, j) in m.restore {
                let (Some(s), Some(t)) = (si.get(i), ti.get(j)) else {
                    continue;
                };
                let (Some(ss), Some(ts)) = (&s.span, &t.span) else {
                    self.unaligned(
                        tr.lines.line(t.outer.start),
                        kind_name(class),
                        format!(
                            "this {} should be `{}` as in the source ({}), but its text could not be located: left alone",
                            class.noun(),
                            s.value,
                            self.src_at(&s.outer)
                        ),
                    );
                    continue;
                };
                if class == Inline::CodeSpan && s.ticks != t.ticks {
                    let repl = src.slice(&s.outer).to_string();
                    self.edit(t.outer.clone(), repl, class.kind(), s.outer.clone());
                } else {
                    let repl = src.slice(ss).to_string();
                    self.edit(ts.clone(), repl, class.kind(), ss.clone());
                }
            }
            if !m.src_only.is_empty() {
                let missing: Vec<String> = m
                    .src_only
                    .iter()
                    .filter_map(|&i| si.get(i))
                    .map(|i| format!("`{}`", i.value))
                    .collect();
                let line = m
                    .tr_only
                    .first()
                    .and_then(|&j| ti.get(j))
                    .map_or(tr.lines.line(t_region.start), |t| {
                        tr.lines.line(t.outer.start)
                    });
                let others = match m.tr_only.len() {
                    0 => String::new(),
                    n => format!(
                        " (this side has {n} other {}(s); the counts differ, so none is guessed)",
                        class.noun()
                    ),
                };
                let reason = format!(
                    "the source's {}(s) {} ({}) have no counterpart here{others}: left alone",
                    class.noun(),
                    missing.join(", "),
                    self.src_at(s_region),
                );
                self.unaligned(line, kind_name(class), reason);
            }
        }
    }

    fn code(&mut self, sc: &CodeBlock, tc: &CodeBlock) {
        let (src, tr) = (self.src, self.tr);
        let (Some(sf), Some(tf)) = (fence(src, sc), fence(tr, tc)) else {
            if sc.text != tc.text {
                let reason = format!(
                    "indented code block differs from the source's ({}); only fenced blocks are synced",
                    self.src_at(&sc.span)
                );
                self.unaligned(tr.lines.line(tc.span.start), "code", reason);
            }
            return;
        };
        if sc.info.trim() != tc.info.trim() {
            let repl = src.slice(&sf.info).to_string();
            let range = if tf.info.is_empty() {
                tf.fence_end..tf.fence_end
            } else {
                tf.info.clone()
            };
            self.edit(range, repl, ChangeKind::CodeInfo, sf.info.clone());
        }
        let old = tr.slice(&tf.content);
        let closed = tf.content.end < tc.span.end;
        let new = render_code(&sc.text, &tf.prefix, closed);
        if old == new {
            return;
        }
        let src_first_line = src.lines.line(sf.content.start);
        let (oo, no) = (line_offsets(old), line_offsets(&new));
        let diff = similar::TextDiff::from_lines(old, new.as_str());
        let mut hunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
        for op in diff.ops() {
            if op.tag() == similar::DiffTag::Equal {
                continue;
            }
            let (o, n) = (op.old_range(), op.new_range());
            match hunks.last_mut() {
                Some((lo, ln)) if lo.end == o.start && ln.end == n.start => {
                    lo.end = o.end;
                    ln.end = n.end;
                }
                _ => hunks.push((o, n)),
            }
        }
        for (o, n) in hunks {
            let (Some(&os), Some(&oe), Some(&ns), Some(&ne)) = (
                oo.get(o.start),
                oo.get(o.end),
                no.get(n.start),
                no.get(n.end),
            ) else {
                continue;
            };
            let range = tf.content.start + os..tf.content.start + oe;
            let repl = new.get(ns..ne).unwrap_or("").to_string();
            let sl = src_first_line + n.start;
            let s_span = src.lines.line_start(sl)..src.lines.line_start(sl + n.len());
            self.edit(range, repl, ChangeKind::Code, s_span);
        }
    }

    fn table(&mut self, st: &Table, tt: &Table) {
        let (src, tr) = (self.src, self.tr);
        self.row(&st.header, &tt.header);
        let sk: Vec<Option<String>> = st.rows.iter().map(|r| row_key(src, r)).collect();
        let tk: Vec<Option<String>> = tt.rows.iter().map(|r| row_key(tr, r)).collect();
        let a = align_keyed(&sk, &tk);
        for &(i, j) in &a.pairs {
            if let (Some(s), Some(t)) = (st.rows.get(i), tt.rows.get(j)) {
                self.row(s, t);
            }
        }
        // Missing rows go after the translation row aligned with the nearest source row before them.
        let mut inserts: Vec<(usize, String, Span)> = Vec::new();
        for &i in &a.src_only {
            let Some(s) = st.rows.get(i) else {
                continue;
            };
            let prev_tr = a
                .pairs
                .iter()
                .filter(|p| p.0 < i)
                .map(|p| p.1)
                .max()
                .and_then(|j| tt.rows.get(j));
            let after_line = match prev_tr {
                Some(r) => tr.lines.line(r.span.start),
                None => tr.lines.line(tt.header.span.start) + 1,
            };
            let at = tr.lines.line_start(after_line + 1);
            let label = row_label(src, s);
            if !self.opts.insert_missing {
                let reason = format!(
                    "row {label} of the source ({}) is missing here (--insert-missing adds it)",
                    self.src_at(&s.span)
                );
                self.unaligned(after_line + 1, "row", reason);
                continue;
            }
            let s_line = src.lines.line_range(src.lines.line(s.span.start));
            let s_text = src
                .text
                .get(s.span.start..s_line.end)
                .unwrap_or("")
                .trim_end();
            let marked = match s_text.strip_suffix('|') {
                Some(body) => format!("{} {UNTRANSLATED_MARKER} |", body.trim_end()),
                None => format!("{s_text} {UNTRANSLATED_MARKER}"),
            };
            let t_line_start = tr.lines.line_start(tr.lines.line(tt.header.span.start));
            let prefix = tr
                .text
                .get(t_line_start..tt.header.span.start)
                .unwrap_or("");
            let mut line = format!("{prefix}{marked}\n");
            if at == tr.text.len() && !tr.text.ends_with('\n') {
                line.insert(0, '\n');
            }
            inserts.push((at, line, s.span.clone()));
        }
        let mut grouped: Vec<(usize, String, Span)> = Vec::new();
        for (at, line, span) in inserts {
            match grouped.last_mut() {
                Some((a, l, _)) if *a == at => l.push_str(&line),
                _ => grouped.push((at, line, span)),
            }
        }
        for (at, text, span) in grouped {
            self.edit(at..at, text, ChangeKind::InsertRow, span);
        }
        for &j in &a.tr_only {
            let Some(t) = tt.rows.get(j) else {
                continue;
            };
            let line = tr.lines.line(t.span.start);
            if self.opts.prune {
                let range = tr.lines.line_start(line)..tr.lines.line_start(line + 1);
                self.edit(range, String::new(), ChangeKind::DeleteRow, st.span.clone());
            } else {
                let reason = format!(
                    "row {} is not in the source's table ({}) (--prune deletes it)",
                    row_label(tr, t),
                    self.src_at(&st.span)
                );
                self.unaligned(line, "row", reason);
            }
        }
    }

    fn row(&mut self, s: &Row, t: &Row) {
        for (sc, tc) in s.cells.iter().zip(&t.cells) {
            self.inline(&sc.span, &tc.span, &[], &[]);
        }
    }

    /// Sorts the plan, drops any edit that breaks the prose contract or overlaps another (each is
    /// reported), and sorts what was left alone.
    fn finish(mut self) -> PairPlan {
        let tr = self.tr;
        let mut edits = std::mem::take(&mut self.plan.edits);
        edits.sort_by(|a, b| {
            (a.edit.range.start, a.edit.range.end).cmp(&(b.edit.range.start, b.edit.range.end))
        });
        let mut end = 0usize;
        for e in edits {
            let allowed = edit_is_allowed(tr, &e, self.opts);
            debug_assert!(
                allowed,
                "sync planned an edit outside the synced spans: {e:?}"
            );
            let overlaps = e.edit.range.start < end;
            if !allowed || overlaps {
                let line = tr.lines.line(e.edit.range.start);
                let why = if allowed {
                    "overlaps another change"
                } else {
                    "would touch prose"
                };
                self.unaligned(
                    line,
                    e.kind.as_str(),
                    format!("a planned change {why}: left alone"),
                );
                continue;
            }
            end = e.edit.range.end;
            self.plan.edits.push(e);
        }
        self.plan
            .unaligned
            .sort_by(|a, b| (a.line, a.kind, &a.reason).cmp(&(b.line, b.kind, &b.reason)));
        self.plan.unaligned.dedup();
        self.plan
    }
}

fn kind_name(class: Inline) -> &'static str {
    match class {
        Inline::Link => "link",
        Inline::Image => "image",
        Inline::Dnl => "dnl",
        Inline::CodeSpan => "code-span",
    }
}

fn row_label(doc: &Document, r: &Row) -> String {
    match row_key(doc, r) {
        Some(k) => format!("`{k}`"),
        None => {
            let t = r.cells.first().map_or("", |c| c.text.as_str());
            let short: String = t.chars().take(40).collect();
            format!("\"{short}\"")
        }
    }
}

/// The raw value of a `key: value` front-matter line (quotes included).
fn value_range(doc: &Document, line: &Span) -> Span {
    let text = doc.slice(line);
    match text.find(':') {
        Some(c) => {
            let after = &text[c + 1..];
            let start = line.start + c + 1 + (after.len() - after.trim_start().len());
            let end = (line.start + text.trim_end().len()).max(start);
            start..end
        }
        None => line.end..line.end,
    }
}
