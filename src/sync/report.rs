//! `sync` output: the JSON contract, the human summary and the unified diff.
//!
//! Everything is sorted (file, line, kind, then text), so the bytes are the same at any thread count.

use serde::Serialize;

use super::PageSync;
use crate::engine::Workspace;

/// One change, as printed.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct ChangeOut {
    /// Translation file.
    pub file: String,
    /// 1-based line in the translation (before the change).
    pub line: usize,
    /// What was repaired (`code`, `link`, `dnl`, …).
    pub kind: &'static str,
    /// The source page.
    pub source_file: String,
    /// 1-based line in the source page the new text comes from.
    pub source_line: usize,
    /// The translation's text before.
    pub before: String,
    /// The text after.
    pub after: String,
}

/// Something left alone, as printed.
#[derive(Clone, Debug, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct UnalignedOut {
    /// Translation file.
    pub file: String,
    /// 1-based line in the translation.
    pub line: usize,
    /// What it is.
    pub kind: &'static str,
    /// Why it was left alone.
    pub reason: String,
}

/// Totals.
#[derive(Clone, Copy, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Translations with at least one change.
    pub files_changed: usize,
    /// Changes.
    pub changes: usize,
    /// Things left alone.
    pub unaligned: usize,
}

/// The whole report.
#[derive(Clone, Debug, Serialize)]
pub struct SyncReport {
    /// Format version (1).
    pub version: u32,
    /// Sorted changes.
    pub changes: Vec<ChangeOut>,
    /// Sorted unaligned items.
    pub unaligned: Vec<UnalignedOut>,
    /// Totals.
    pub summary: Summary,
}

/// Builds the report of a planned sync.
pub fn build(ws: &Workspace, syncs: &[PageSync]) -> SyncReport {
    let mut changes = Vec::new();
    let mut unaligned = Vec::new();
    let mut files_changed = 0;
    for s in syncs {
        let (Some(tr), Some(src)) = (ws.pages.get(s.page), ws.pages.get(s.source)) else {
            continue;
        };
        let (tr, src) = (&tr.doc, &src.doc);
        if !s.plan.edits.is_empty() {
            files_changed += 1;
        }
        for e in &s.plan.edits {
            changes.push(ChangeOut {
                file: tr.display.clone(),
                line: tr.lines.line(e.edit.range.start),
                kind: e.kind.as_str(),
                source_file: src.display.clone(),
                source_line: src.lines.line(e.source_span.start),
                before: tr.slice(&e.edit.range).to_string(),
                after: e.edit.replacement.clone(),
            });
        }
        for u in &s.plan.unaligned {
            unaligned.push(UnalignedOut {
                file: tr.display.clone(),
                line: u.line,
                kind: u.kind,
                reason: u.reason.clone(),
            });
        }
    }
    changes.sort();
    unaligned.sort();
    let summary = Summary {
        files_changed,
        changes: changes.len(),
        unaligned: unaligned.len(),
    };
    SyncReport {
        version: 1,
        changes,
        unaligned,
        summary,
    }
}

/// The report as pretty JSON with a final newline.
pub fn json(r: &SyncReport) -> String {
    let mut s = serde_json::to_string_pretty(r).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn one_line(s: &str) -> String {
    let mut lines = s.lines();
    let first = lines.next().unwrap_or("").trim();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first.to_string()
    }
}

/// The report for people: one line per change and per unaligned item, then a summary line.
/// `written` says whether the files were written (else the changes are pending).
pub fn human(r: &SyncReport, written: bool) -> String {
    let mut out = String::new();
    for c in &r.changes {
        out.push_str(&format!(
            "{}:{}: {}: `{}` -> `{}` (from {}:{})\n",
            c.file,
            c.line,
            c.kind,
            one_line(&c.before),
            one_line(&c.after),
            c.source_file,
            c.source_line
        ));
    }
    for u in &r.unaligned {
        out.push_str(&format!(
            "{}:{}: unaligned {}: {}\n",
            u.file, u.line, u.kind, u.reason
        ));
    }
    let verb = if written { "made" } else { "pending" };
    out.push_str(&format!(
        "sync: {} change(s) {verb} in {} file(s); {} item(s) left unaligned\n",
        r.summary.changes, r.summary.files_changed, r.summary.unaligned
    ));
    out
}

/// A unified diff of every changed translation, in path order.
pub fn diff(ws: &Workspace, syncs: &[PageSync]) -> String {
    let mut out = String::new();
    for s in syncs {
        let Some(p) = ws.pages.get(s.page) else {
            continue;
        };
        let old: &str = &p.doc.text;
        if old == s.new_text {
            continue;
        }
        let d = similar::TextDiff::from_lines(old, s.new_text.as_str());
        out.push_str(
            &d.unified_diff()
                .context_radius(3)
                .header(&p.doc.display, &p.doc.display)
                .to_string(),
        );
    }
    out
}
