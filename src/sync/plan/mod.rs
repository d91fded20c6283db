//! What `sync` changes in one translation: the edits that make its untranslatable parts equal to
//! its source page's, and what it leaves alone (unaligned) with the reason.
//!
//! Blocks are aligned first ([`super::align`]); then, inside each aligned pair: fenced code blocks
//! (info string and content, edited line by line), tables (rows by first-cell code or position,
//! then cells), inline items (link/image destinations, `[!DNL]` terms, code spans) and heading
//! anchors. The front matter's `exl-id` follows the source's; nothing else there is touched.

mod cells;
mod code;
#[cfg(test)]
mod tests;
mod units;

use std::collections::HashMap;

use super::align::{align_units, Unit};
use super::{edit_is_allowed, ChangeKind, PairPlan, PlannedEdit, SyncOptions, Unaligned};
use crate::afm::{starting_in, Block, BlockKind, CodeBlock, Document, Span, Table};
use crate::diag::{Edit, Fix};
use units::{
    class_of, code_token_lists, code_token_lists_from, code_unit, list_item_spans, page_units,
    table_unit,
};

/// A page's alignable units, built on first use and kept: a source page is planned against each of
/// its translations, and its units are the same every time (issue 8: they were rebuilt per pair).
#[derive(Debug, Default)]
pub struct PageUnits(std::sync::OnceLock<(Vec<Unit>, Vec<Vec<crate::feature::Feature>>)>);

impl PageUnits {
    /// The units of `doc` (always the same document for one cell).
    pub fn of(&self, doc: &Document) -> &[Unit] {
        &self.built(doc).0
    }

    /// The units of `doc` and its code blocks' tokens (which its translations' units reuse).
    fn built(&self, doc: &Document) -> &(Vec<Unit>, Vec<Vec<crate::feature::Feature>>) {
        self.0.get_or_init(|| {
            let tokens = code_token_lists(doc);
            (page_units(doc, &tokens), tokens)
        })
    }

    /// The units of translation `tr` of `src` (the document of this cell).
    fn translation_units(&self, src: &Document, tr: &Document) -> Vec<Unit> {
        let tokens = code_token_lists_from(tr, src, &self.built(src).1);
        page_units(tr, &tokens)
    }
}

/// Plans the sync of translation `tr` from its source page `src`.
pub fn plan_pair(src: &Document, tr: &Document, opts: &SyncOptions) -> PairPlan {
    plan_pair_with(src, &PageUnits::default(), tr, opts)
}

/// [`plan_pair`] with the source's units kept in `src_units` (the cell of `src`), so the other
/// translations of the same source reuse them.
pub fn plan_pair_with(
    src: &Document,
    src_units: &PageUnits,
    tr: &Document,
    opts: &SyncOptions,
) -> PairPlan {
    let mut p = Planner::new(src, tr, opts);
    p.front_matter();
    let tu = src_units.translation_units(src, tr);
    let a = align_units(src_units.of(src), &tu);
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

/// A pair's sync edits as `check` asks for them: the block alignment and the front matter's edits
/// up front, each aligned block's edits planned the first time a finding asks about a span it
/// touches. A page has a few parity findings and many blocks: planning them all cost a fifth of a
/// check (issue 8). The edits are the full plan's ([`plan_pair_with`], tested against it): the
/// same planner runs block by block, and a block's edits stay inside the block, so neither their
/// order nor which overlap is dropped depends on the other blocks.
#[derive(Debug)]
pub struct LazyPairPlan {
    opts: SyncOptions,
    /// The front matter's edits, kept as the full plan keeps them.
    front: Vec<PlannedEdit>,
    /// Aligned (source block, translation block) pairs, in translation order.
    pairs: Vec<(usize, usize)>,
    /// Each pair's kept edits, once planned.
    blocks: Vec<std::cell::OnceCell<Vec<PlannedEdit>>>,
}

impl LazyPairPlan {
    /// Aligns translation `tr` with `src` (whose units `src_units` keeps) and plans the front
    /// matter; blocks wait for [`LazyPairPlan::fix_within_kinds`].
    pub fn new(
        src: &Document,
        src_units: &PageUnits,
        tr: &Document,
        opts: &SyncOptions,
    ) -> LazyPairPlan {
        let mut p = Planner::new(src, tr, opts);
        p.front_matter();
        p.keep_allowed_edits();
        let tu = src_units.translation_units(src, tr);
        let a = align_units(src_units.of(src), &tu);
        let pairs: Vec<(usize, usize)> = a
            .pairs
            .iter()
            .filter(|p| src.blocks.get(p.src).is_some() && tr.blocks.get(p.tr).is_some())
            .map(|p| (p.src, p.tr))
            .collect();
        LazyPairPlan {
            opts: *opts,
            front: p.plan.edits,
            blocks: pairs.iter().map(|_| std::cell::OnceCell::new()).collect(),
            pairs,
        }
    }

    /// The kept edits of aligned pair `k` (`src`, `tr`: the documents of [`LazyPairPlan::new`]).
    fn block_edits(&self, k: usize, src: &Document, tr: &Document) -> &[PlannedEdit] {
        self.blocks[k].get_or_init(|| {
            let (sb, tb) = (&src.blocks[self.pairs[k].0], &tr.blocks[self.pairs[k].1]);
            let mut p = Planner::new(src, tr, &self.opts);
            p.block_pair(sb, tb);
            p.keep_allowed_edits();
            debug_assert!(
                p.plan.edits.iter().all(|e| within(&e.edit.range, &tb.span)),
                "a block's sync edit left the block: {:?}",
                p.plan.edits
            );
            p.plan.edits
        })
    }

    /// The edits touching `span` of `tr` (the full plan's, in its order), as one fix: what
    /// [`PairPlan::fix_within_kinds`] answers on the plan of the whole page.
    pub fn fix_within_kinds(
        &self,
        src: &Document,
        tr: &Document,
        span: &Span,
        kinds: &[ChangeKind],
    ) -> Option<Fix> {
        // The blocks whose edits may touch `span` (an edit stays inside its block; one byte of
        // slack either side covers insertions at a block's ends).
        let first = self
            .pairs
            .partition_point(|&(_, t)| tr.blocks[t].span.end + 1 < span.start);
        let touching = self.pairs[first..]
            .iter()
            .take_while(|&&(_, t)| tr.blocks[t].span.start <= span.end + 1)
            .count();
        let blocks = (first..first + touching).flat_map(|k| self.block_edits(k, src, tr));
        fix_of(self.front.iter().chain(blocks), span, kinds)
    }

    /// Every planned edit, block by block: the full plan's edits (for the tests that hold the
    /// two equal).
    #[doc(hidden)]
    pub fn all_edits(&self, src: &Document, tr: &Document) -> Vec<PlannedEdit> {
        let blocks = (0..self.pairs.len()).flat_map(|k| self.block_edits(k, src, tr));
        self.front.iter().chain(blocks).cloned().collect()
    }
}

/// The edits of `edits` (of `kinds`, all when empty) that touch `span`, as one fix.
pub(super) fn fix_of<'e>(
    edits: impl Iterator<Item = &'e PlannedEdit>,
    span: &Span,
    kinds: &[ChangeKind],
) -> Option<Fix> {
    let edits: Vec<Edit> = edits
        .filter(|e| kinds.is_empty() || kinds.contains(&e.kind))
        .filter(|e| {
            let r = &e.edit.range;
            r.start < span.end.max(span.start + 1) && span.start < r.end.max(r.start + 1)
        })
        .map(|e| e.edit.clone())
        .collect();
    if edits.is_empty() {
        return None;
    }
    Some(Fix {
        title: "copy the untranslatable text from the source page (locdoc sync)".into(),
        edits,
    })
}

pub(super) struct Planner<'a> {
    src: &'a Document,
    tr: &'a Document,
    opts: &'a SyncOptions,
    plan: PairPlan,
}

pub(super) fn within(span: &Span, outer: &Span) -> bool {
    span.start >= outer.start && span.end <= outer.end
}

impl<'a> Planner<'a> {
    fn new(src: &'a Document, tr: &'a Document, opts: &'a SyncOptions) -> Planner<'a> {
        Planner {
            src,
            tr,
            opts,
            plan: PairPlan::default(),
        }
    }

    pub(super) fn unaligned(&mut self, line: usize, kind: &'static str, reason: String) {
        self.plan.unaligned.push(Unaligned { line, kind, reason });
    }

    pub(super) fn edit(
        &mut self,
        range: Span,
        replacement: String,
        kind: ChangeKind,
        source_span: Span,
    ) {
        if self.tr.slice(&range) == replacement {
            return;
        }
        self.plan.edits.push(PlannedEdit {
            edit: Edit { range, replacement },
            kind,
            source_span,
        });
    }

    pub(super) fn src_at(&self, span: &Span) -> String {
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
        let sc: Vec<&CodeBlock> = starting_in(&src.code_blocks, &sb.span, |c| c.span.start)
            .iter()
            .filter(|c| within(&c.span, &sb.span))
            .collect();
        let tc: Vec<&CodeBlock> = starting_in(&tr.code_blocks, &tb.span, |c| c.span.start)
            .iter()
            .filter(|c| within(&c.span, &tb.span))
            .collect();
        let (pairs, s_only, t_only) = self.nested(sc.len(), tc.len(), || {
            (
                sc.iter().map(|c| code_unit(c)).collect(),
                tc.iter().map(|c| code_unit(c)).collect(),
            )
        });
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
        let st: Vec<&Table> = starting_in(&src.tables, &sb.span, |t| t.span.start)
            .iter()
            .filter(|t| within(&t.span, &sb.span))
            .collect();
        let tt: Vec<&Table> = starting_in(&tr.tables, &tb.span, |t| t.span.start)
            .iter()
            .filter(|t| within(&t.span, &tb.span))
            .collect();
        let (pairs, s_only, t_only) = self.nested(st.len(), tt.len(), || {
            (
                st.iter().map(|t| table_unit(src, t)).collect(),
                tt.iter().map(|t| table_unit(tr, t)).collect(),
            )
        });
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

    /// Aligns `n` source with `m` translation nested items: a single pair directly (the usual
    /// case, so their units are only built when needed), else by [`align_units`].
    #[allow(clippy::type_complexity)]
    fn nested(
        &self,
        n: usize,
        m: usize,
        units: impl FnOnce() -> (Vec<Unit>, Vec<Unit>),
    ) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
        if n == 1 && m == 1 {
            return (vec![(0, 0)], Vec::new(), Vec::new());
        }
        if n == 0 || m == 0 {
            return (Vec::new(), (0..n).collect(), (0..m).collect());
        }
        let (su, tu) = units();
        let a = align_units(&su, &tu);
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

    /// Sorts the plan, drops any edit that breaks the prose contract or overlaps another (each is
    /// reported), and sorts what was left alone.
    fn finish(mut self) -> PairPlan {
        self.keep_allowed_edits();
        self.plan
            .unaligned
            .sort_by(|a, b| (a.line, a.kind, &a.reason).cmp(&(b.line, b.kind, &b.reason)));
        self.plan.unaligned.dedup();
        self.plan
    }

    /// Sorts the planned edits and drops (reporting each) any that breaks the prose contract or
    /// overlaps another.
    fn keep_allowed_edits(&mut self) {
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
