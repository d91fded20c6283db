//! `sync`: repair translations from their source page without touching prose.
//!
//! For every paired translation, [`align`] lines its blocks up with the source's (an inserted or
//! removed section shifts nothing else), [`plan`] turns every difference in what translation must not
//! change (code blocks, link targets, `[!DNL]` terms, code spans, `{#id}` anchors, `exl-id`) into
//! [`crate::diag::Edit`]s, each checked by [`guard`] to lie inside such a span, and
//! [`crate::fix::apply_edits`] (shared with `check --fix`) applies them.
//! [`report`] prints the changes (human, JSON, unified diff). `check --fix` can reuse the same
//! plan: [`PairPlan::fix_within`] gives the edits that repair a parity finding's span.

pub mod align;
pub mod guard;
pub mod plan;
pub mod report;

use rayon::prelude::*;
use serde::Serialize;

use crate::afm::Span;
use crate::diag::{Edit, Fix};
use crate::engine::Workspace;

pub use guard::edit_is_allowed;
pub use plan::{plan_pair, plan_pair_with, LazyPairPlan, PageUnits};

/// What `sync` may do beyond rewriting untranslatable spans.
#[derive(Clone, Copy, Debug, Default)]
pub struct SyncOptions {
    /// Insert table rows present only in the source (in the source language, marked untranslated).
    pub insert_missing: bool,
    /// Delete table rows present only in the translation.
    pub prune: bool,
}

/// The marker put into a table row inserted by `--insert-missing`.
pub const UNTRANSLATED_MARKER: &str = "<!-- locdoc:untranslated -->";

/// What an edit repairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Lines of a code block's content.
    Code,
    /// A code block's info string.
    CodeInfo,
    /// A link destination.
    Link,
    /// An image destination.
    Image,
    /// A `[!DNL …]` term.
    Dnl,
    /// An inline code span.
    CodeSpan,
    /// A heading's `{#id}` anchor.
    Anchor,
    /// The `exl-id` front-matter value.
    ExlId,
    /// A table row inserted from the source (`--insert-missing`).
    InsertRow,
    /// A table row only in the translation, deleted (`--prune`).
    DeleteRow,
}

impl ChangeKind {
    /// The kebab-case name used in every output.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Code => "code",
            ChangeKind::CodeInfo => "code-info",
            ChangeKind::Link => "link",
            ChangeKind::Image => "image",
            ChangeKind::Dnl => "dnl",
            ChangeKind::CodeSpan => "code-span",
            ChangeKind::Anchor => "anchor",
            ChangeKind::ExlId => "exl-id",
            ChangeKind::InsertRow => "insert-row",
            ChangeKind::DeleteRow => "delete-row",
        }
    }
}

/// One edit of the translation, with the source span it copies from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedEdit {
    /// The edit of the translation's text.
    pub edit: Edit,
    /// What it repairs.
    pub kind: ChangeKind,
    /// Where in the source page the new text comes from.
    pub source_span: Span,
}

/// Something `sync` could not align or repair, reported instead of guessed at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unaligned {
    /// 1-based line in the translation.
    pub line: usize,
    /// What it is: a block kind (`paragraph`, `code`, …), `row`, `link`, `dnl`, `code-span`, `exl-id`.
    pub kind: &'static str,
    /// Why it was left alone.
    pub reason: String,
}

/// Everything `sync` would do to one translation.
#[derive(Clone, Debug, Default)]
pub struct PairPlan {
    /// Non-overlapping edits, sorted by position.
    pub edits: Vec<PlannedEdit>,
    /// What was left alone and why.
    pub unaligned: Vec<Unaligned>,
}

impl PairPlan {
    /// The planned edits that touch `span` of the translation, as one fix (for `check --fix` on a
    /// parity finding: a finding is fixable by sync when this is `Some`).
    pub fn fix_within(&self, span: &Span) -> Option<Fix> {
        self.fix_within_kinds(span, &[])
    }

    /// [`PairPlan::fix_within`] restricted to edits of `kinds` (all kinds when empty).
    pub fn fix_within_kinds(&self, span: &Span, kinds: &[ChangeKind]) -> Option<Fix> {
        plan::fix_of(self.edits.iter(), span, kinds)
    }
}

/// The plan for one paired translation of a workspace.
#[derive(Clone, Debug)]
pub struct PageSync {
    /// Index of the translation in `Workspace::pages`.
    pub page: usize,
    /// Index of its source page.
    pub source: usize,
    /// The plan.
    pub plan: PairPlan,
    /// The translation's text with the plan applied.
    pub new_text: String,
}

impl PageSync {
    /// Whether the plan changes the file.
    pub fn changed(&self, ws: &Workspace) -> bool {
        ws.pages
            .get(self.page)
            .is_some_and(|p| *p.doc.text != *self.new_text)
    }
}

/// Plans every paired translation of `ws` (in parallel), sorted by translation path.
pub fn sync_workspace(ws: &Workspace, opts: &SyncOptions) -> Vec<PageSync> {
    let pairs: Vec<(usize, usize)> = ws
        .pairing
        .source
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|(src, _)| (i, src)))
        .collect();
    let mut out: Vec<PageSync> = pairs
        .par_iter()
        .filter_map(|&(i, s)| {
            let tr = ws.pages.get(i)?;
            let src = ws.pages.get(s)?;
            let plan = plan_pair_with(&src.doc, &src.sync_units, &tr.doc, opts);
            let edits: Vec<Edit> = plan.edits.iter().map(|e| e.edit.clone()).collect();
            let new_text = crate::fix::apply_edits(&tr.doc.text, &edits);
            Some(PageSync {
                page: i,
                source: s,
                plan,
                new_text,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let pa = ws.pages.get(a.page).map(|p| p.doc.display.as_str());
        let pb = ws.pages.get(b.page).map(|p| p.doc.display.as_str());
        pa.cmp(&pb)
    });
    out
}
