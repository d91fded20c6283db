//! Findings: what a rule reports, where, and how it could be fixed.
//!
//! A [`Finding`] carries its byte span *and* the 1-based line/column derived from it, so reporters never
//! need the document again. Fixes are data ([`Fix`]) applied centrally, never by the rule itself.

use rayon::slice::ParallelSliceMut;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::afm::LineIndex;
use crate::rules::RuleMeta;

/// How serious a finding is; `Error` findings make `locdoc check` exit 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed: the page is wrong or broken.
    Error,
    /// Probably wrong; worth a look.
    Warning,
    /// Informational.
    Info,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "info" | "note" => Some(Severity::Info),
            _ => None,
        }
    }
}

/// A replacement of a byte range of the file's text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// Byte range in the file.
    pub range: Range<usize>,
    /// Text that replaces it.
    pub replacement: String,
}

/// A machine-applicable fix: one or more non-overlapping edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What applying it does, e.g. "replace `&#39;` with `'`".
    pub title: String,
    /// The edits, in any order; they must not overlap.
    pub edits: Vec<Edit>,
}

/// One diagnostic, positioned in one file.
///
/// Kept compact, because a large tree can report hundreds of thousands of them (issue 8): the file
/// name and locale are shared with the other findings of the page, help texts are usually static,
/// and a fix (rare, and dropped by the streaming check) is boxed.
#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    /// Rule id, e.g. `CURL001`.
    pub rule: &'static str,
    /// Effective severity (after configuration).
    pub severity: Severity,
    /// File as given on the command line / found by the walk.
    pub file: Arc<str>,
    /// 1-based line of the start of the span.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// 1-based line of the end of the span.
    pub end_line: usize,
    /// 1-based column of the end of the span (exclusive), in characters.
    pub end_column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when the rule can say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Cow<'static, str>>,
    /// The document's locale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<Arc<str>>,
    /// Whether `check --fix` can repair it.
    pub fixable: bool,
    /// Byte span in the file (not serialized: positions above are the contract).
    #[serde(skip)]
    pub span: Range<usize>,
    /// The fix, if any.
    #[serde(skip)]
    pub fix: Option<Box<Fix>>,
}

impl Finding {
    /// A finding of `meta`'s rule at `span` of a document whose lines are `lines`.
    pub fn new(
        meta: &'static RuleMeta,
        file: impl Into<Arc<str>>,
        lines: &LineIndex,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Finding {
        let (line, column) = lines.position(span.start);
        let (end_line, end_column) = lines.position(span.end.max(span.start));
        Finding {
            rule: meta.id,
            severity: meta.severity,
            file: file.into(),
            line,
            column,
            end_line,
            end_column,
            message: message.into(),
            help: None,
            locale: None,
            fixable: false,
            span,
            fix: None,
        }
    }

    /// Adds a help line.
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Attaches a fix and marks the finding fixable.
    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixable = true;
        self.fix = Some(Box::new(fix));
        self
    }

    /// The order every output uses: file, line, column, rule, then message for full determinism.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (&self.file, self.line, self.column, self.rule, &self.message)
    }
}

/// Sorts findings into the canonical order and removes exact duplicates.
///
/// The order is total over what any output shows (the sort key, then end position, severity and
/// help), so an unstable sort, which needs no buffer of half the findings, gives the same bytes
/// whatever order the findings arrived in.
pub fn sort_findings(findings: &mut Vec<Finding>) {
    #[allow(clippy::type_complexity)]
    fn full(
        rank: u32,
        f: &Finding,
    ) -> (
        (u32, usize, usize, &str, &str),
        usize,
        usize,
        Severity,
        Option<&str>,
        bool,
    ) {
        (
            (rank, f.line, f.column, f.rule, &f.message),
            f.end_line,
            f.end_column,
            f.severity,
            f.help.as_deref(),
            f.fixable,
        )
    }
    // Files are compared by their rank among the files, not by text: most comparisons of a sort
    // are between two files, whose long paths share most of their bytes (issue 8).
    // Their indices are sorted, then the findings permuted in place: no second copy of half a
    // million findings at 40,000 files.
    let ranks = file_ranks(findings);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    // In parallel: at 40,000 files this is half a million findings sorted after the check.
    order.par_sort_unstable_by(|&a, &b| {
        full(ranks[a], &findings[a]).cmp(&full(ranks[b], &findings[b]))
    });
    permute(findings, order);
    findings.dedup_by(|a, b| a.sort_key() == b.sort_key());
}

/// Reorders `items` in place so that position `k` holds what was at `order[k]` (`order` is a
/// permutation), cycle by cycle.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        // Along the cycle, the item first at `start` travels ahead until its place comes.
        while order[k] != DONE {
            let from = std::mem::replace(&mut order[k], DONE);
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

/// Each finding's file as its rank in the sorted list of the files: the files compare as their
/// ranks do. A page's findings share one `Arc` of its path, so a run of them is looked up once.
fn file_ranks(findings: &[Finding]) -> Vec<u32> {
    let mut files: Vec<&str> = Vec::new();
    for f in findings {
        if files.last() != Some(&&*f.file) {
            files.push(&f.file);
        }
    }
    files.sort_unstable();
    files.dedup();
    let mut out = Vec::with_capacity(findings.len());
    let mut last: Option<(&Arc<str>, u32)> = None;
    for f in findings {
        let rank = match last {
            Some((file, rank)) if Arc::ptr_eq(file, &f.file) => rank,
            _ => files.partition_point(|x| *x < &*f.file) as u32,
        };
        last = Some((&f.file, rank));
        out.push(rank);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(file: &str, line: usize, message: &str, help: Option<&'static str>) -> Finding {
        let lines = LineIndex::new("a\nb\nc\nd\n".into());
        let meta = &crate::rules::io::io001_unreadable_file::META;
        let start = lines.line_start(line);
        let mut f = Finding::new(meta, file, &lines, start..start, message);
        f.help = help.map(Cow::Borrowed);
        f
    }

    proptest::proptest! {
        #[test]
        fn permute_puts_each_item_where_the_order_says(
            order in proptest::strategy::Strategy::prop_shuffle(proptest::strategy::Just((0..24usize).collect::<Vec<_>>()))
        ) {
            let mut items: Vec<usize> = (100..124).collect();
            let want: Vec<usize> = order.iter().map(|&i| items[i]).collect();
            permute(&mut items, order);
            proptest::prop_assert_eq!(items, want);
        }
    }

    /// The streaming check gathers findings in the order threads finish: every arrival order must
    /// sort to the same sequence, duplicates (same key) included.
    #[test]
    fn every_arrival_order_sorts_to_the_same_output() {
        let base = vec![
            finding("b.md", 1, "m", None),
            finding("a.md", 3, "m", Some("h2")),
            finding("a.md", 3, "m", Some("h1")),
            finding("a.md", 1, "z", None),
            finding("a.md", 1, "a", None),
            finding("a.md", 1, "a", None),
        ];
        let render = |v: &[Finding]| serde_json::to_string(v).unwrap();
        let mut expected = base.clone();
        sort_findings(&mut expected);
        assert_eq!(expected.len(), 4, "{expected:?}");
        assert_eq!(expected[0].message, "a");
        assert_eq!(expected[2].help.as_deref(), Some("h1"));
        let mut order = base.clone();
        for k in 0..base.len() * 3 {
            order.rotate_left(1);
            if k % 2 == 0 {
                order.reverse();
            }
            let mut v = order.clone();
            sort_findings(&mut v);
            assert_eq!(render(&v), render(&expected));
        }
    }
}
