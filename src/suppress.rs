//! Inline suppression comments in Markdown, applied after the rules run.
//!
//! `<!-- locdoc-disable-next-line RULE[, RULE] -->` silences the next non-blank line (the whole
//! block when that line opens a code fence); `<!-- locdoc-disable RULE -->` … `<!-- locdoc-enable
//! RULE -->` silences a range (to the end of the file without `enable`). No rule list means every
//! rule. Rules are named by id, name or family. A suppression that silences nothing, or names an
//! unknown rule, is reported as `LINT001`.

use regex::Regex;
use std::ops::RangeInclusive;
use std::sync::LazyLock;

use crate::afm::{Document, Span};
use crate::diag::Finding;
use crate::rules::lint::lint001_unused_suppression::META as LINT001;
use crate::rules::Scope;
use crate::settings::{resolve_selector, RuleSelection};

/// What a comment does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Directive {
    /// `locdoc-disable-next-line`.
    NextLine,
    /// `locdoc-disable`.
    Disable,
    /// `locdoc-enable`.
    Enable,
}

/// One rule entry of a suppression comment: the lines it covers for some rules.
#[derive(Clone, Debug)]
pub struct Suppression {
    /// The comment's span.
    pub span: Span,
    /// The selector as written (`CURL005`, `curl`), or `None` for "every rule".
    pub written: Option<String>,
    /// Rule ids covered (empty with `written == None`: every rule).
    pub ids: Vec<&'static str>,
    /// 1-based lines covered.
    pub lines: RangeInclusive<usize>,
}

impl Suppression {
    fn covers(&self, f: &Finding) -> bool {
        self.lines.contains(&f.line) && (self.written.is_none() || self.ids.contains(&f.rule))
    }
}

/// A comment's parsed contents.
#[derive(Clone, Debug)]
struct Comment {
    directive: Directive,
    span: Span,
    /// (selector as written, resolution).
    rules: Vec<(String, Result<Vec<&'static str>, String>)>,
}

static COMMENT_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern, covered by the tests
    Regex::new(r"<!--\s*locdoc-(disable-next-line|disable|enable)\b([^>]*?)\s*-->").unwrap()
});

fn comments(doc: &Document) -> Vec<Comment> {
    let text: &str = &doc.text;
    let mut out = Vec::new();
    for caps in COMMENT_RE.captures_iter(text) {
        let (Some(all), Some(kind)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        // Only real HTML comments count, not text in code blocks or code spans.
        if !doc
            .html
            .iter()
            .any(|h| h.span.start <= all.start() && all.start() < h.span.end.max(h.span.start + 1))
        {
            continue;
        }
        let directive = match kind.as_str() {
            "disable-next-line" => Directive::NextLine,
            "disable" => Directive::Disable,
            _ => Directive::Enable,
        };
        let list = caps.get(2).map_or("", |m| m.as_str());
        let rules = list
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
            .map(|s| (s.to_string(), resolve_selector(s)))
            .collect();
        out.push(Comment {
            directive,
            span: all.start()..all.end(),
            rules,
        });
    }
    out
}

/// The line range a `disable-next-line` comment ending on `end_line` covers.
fn next_line_cover(doc: &Document, end_line: usize) -> RangeInclusive<usize> {
    let mut line = end_line + 1;
    while line <= doc.lines.len() && doc.slice(&doc.lines.line_range(line)).trim().is_empty() {
        line += 1;
    }
    let block = doc
        .code_blocks
        .iter()
        .find(|c| doc.lines.line(c.span.start) == line);
    match block {
        Some(c) => {
            line..=doc
                .lines
                .line(c.span.end.saturating_sub(1).max(c.span.start))
        }
        None => line..=line,
    }
}

/// Parses the suppression comments of `doc`; unknown rule names come back as LINT001 findings.
pub fn parse(doc: &Document) -> (Vec<Suppression>, Vec<Finding>) {
    let comments = comments(doc);
    let mut sups = Vec::new();
    let mut problems = Vec::new();
    let last_line = doc.lines.len().max(1);
    for (i, c) in comments.iter().enumerate() {
        if c.directive == Directive::Enable {
            continue;
        }
        let start_line = doc.lines.line(c.span.start);
        let end_line = doc.lines.line(c.span.end.saturating_sub(1));
        // (written, ids) entries; an empty list means every rule.
        let mut entries: Vec<(Option<String>, Vec<&'static str>)> = Vec::new();
        for (written, res) in &c.rules {
            match res {
                Ok(ids) => entries.push((Some(written.clone()), ids.clone())),
                Err(msg) => problems.push(
                    lint(doc, c.span.clone(), format!("suppression comment: {msg}")).with_help(
                        "name rules by id (`CURL005`), name or family; see `locdoc rules`",
                    ),
                ),
            }
        }
        if c.rules.is_empty() {
            entries.push((None, Vec::new()));
        }
        for (written, ids) in entries {
            let lines = match c.directive {
                Directive::NextLine => next_line_cover(doc, end_line),
                _ => {
                    // Up to the first later `enable` that names every rule or one of these.
                    let end = comments[i + 1..]
                        .iter()
                        .find(|e| {
                            e.directive == Directive::Enable
                                && (e.rules.is_empty()
                                    || e.rules.iter().any(|(_, r)| {
                                        r.as_ref().is_ok_and(|r| {
                                            written.is_none() || r.iter().any(|id| ids.contains(id))
                                        })
                                    }))
                        })
                        .map_or(last_line, |e| doc.lines.line(e.span.start));
                    start_line..=end
                }
            };
            sups.push(Suppression {
                span: c.span.clone(),
                written,
                ids,
                lines,
            });
        }
    }
    (sups, problems)
}

fn lint(doc: &Document, span: Span, message: String) -> Finding {
    let mut f = Finding::new(&LINT001, doc.display.as_str(), &doc.lines, span, message);
    f.locale = Some(doc.locale.as_str().into());
    f
}

/// Removes the findings of `doc` silenced by its suppression comments and adds a `LINT001`
/// finding for each suppression that silenced nothing (when LINT001 is enabled). Suppressions
/// naming only rules that did not run on `doc` (switched off, or translation-pair rules on a page
/// checked without its source, `paired == false`) are not reported.
pub fn apply(
    doc: &Document,
    findings: Vec<Finding>,
    sel: &RuleSelection,
    paired: bool,
) -> Vec<Finding> {
    if !doc.text.contains("locdoc-") {
        return findings;
    }
    let (sups, problems) = parse(doc);
    let mut used = vec![false; sups.len()];
    let mut out: Vec<Finding> = findings
        .into_iter()
        .filter(|f| {
            let mut silenced = false;
            for (k, s) in sups.iter().enumerate() {
                if f.rule != LINT001.id && s.covers(f) {
                    silenced = true;
                    if let Some(u) = used.get_mut(k) {
                        *u = true;
                    }
                }
            }
            !silenced
        })
        .collect();
    if !sel.is_enabled(LINT001.id) {
        return out;
    }
    out.extend(problems);
    for (s, used) in sups.iter().zip(used) {
        if used {
            continue;
        }
        let ran = |id: &&str| {
            sel.is_enabled(id)
                && crate::rules::find(id).is_some_and(|r| match r.meta().scope {
                    Scope::Document => true,
                    Scope::Pair => paired,
                    Scope::Load | Scope::Catalog => false,
                })
        };
        let relevant = s.written.is_none() || s.ids.iter().any(ran);
        if !relevant {
            continue;
        }
        let what = s
            .written
            .as_ref()
            .map_or_else(|| "any rule".to_string(), |w| format!("`{w}`"));
        let lines = if s.lines.start() == s.lines.end() {
            format!("line {}", s.lines.start())
        } else {
            format!("lines {}-{}", s.lines.start(), s.lines.end())
        };
        out.push(
            lint(
                doc,
                s.span.clone(),
                format!("unused suppression: no finding of {what} on {lines}"),
            )
            .with_help("remove the rule from the comment, or the comment itself"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;
    use crate::rules::testing::page;

    fn finding(doc: &Document, rule: &'static str, line: usize) -> Finding {
        let mut f = Finding::new(
            &LINT001,
            doc.display.as_str(),
            &doc.lines,
            doc.lines.line_start(line)..doc.lines.line_start(line),
            "x",
        );
        f.rule = rule;
        f.severity = Severity::Error;
        f
    }

    fn run(text: &str, at: &[(&'static str, usize)]) -> Vec<(String, usize)> {
        let (doc, _) = page(text, "en");
        let fs = at.iter().map(|(r, l)| finding(&doc, r, *l)).collect();
        apply(&doc, fs, &RuleSelection::default(), false)
            .into_iter()
            .map(|f| (f.rule.to_string(), f.line))
            .collect()
    }

    #[test]
    fn next_line_silences_only_the_next_line() {
        let t = "<!-- locdoc-disable-next-line CURL005 -->\na\nb\n";
        assert_eq!(
            run(t, &[("CURL005", 2), ("CURL005", 3)]),
            vec![("CURL005".into(), 3)]
        );
        // Another rule on the same line is kept.
        assert_eq!(
            run(t, &[("CURL005", 2), ("CURL004", 2)]),
            vec![("CURL004".into(), 2)]
        );
    }

    #[test]
    fn a_comment_before_a_fence_covers_the_whole_block() {
        let t = "Text\n\n<!-- locdoc-disable-next-line curl -->\n```shell\ncurl -X GET \\\n  -H 'A: 1'\n  -H 'B: 2'\n```\n\nafter\n";
        assert!(run(t, &[("CURL002", 6), ("CURL001", 7)]).is_empty());
        assert_eq!(run(t, &[("CURL002", 10)]).len(), 2, "outside + unused");
    }

    #[test]
    fn ranges_by_name_and_enable() {
        let t = "<!-- locdoc-disable duplicate-header, CURL004 -->\na\n<!-- locdoc-enable CURL005 -->\nb\n";
        let out = run(t, &[("CURL005", 2), ("CURL005", 4), ("CURL004", 4)]);
        assert_eq!(out, vec![("CURL005".into(), 4)]);
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        let t = "<!-- locdoc-disable-next-line CURL005 -->\na\n\n<!-- locdoc-disable-next-line NOPE001 -->\nb\n";
        let out = run(t, &[]);
        assert_eq!(out, vec![("LINT001".into(), 4), ("LINT001".into(), 1)]);
        // Not reported when LINT001 is off, or when the named rule does not run.
        let (doc, _) = page(t, "en");
        let sel = RuleSelection::from_layers(&[(None, vec!["LINT001"])], Default::default());
        assert!(apply(&doc, vec![], &sel, false).is_empty());
        let sel = RuleSelection::from_layers(&[(None, vec!["CURL005"])], Default::default());
        assert_eq!(
            apply(&doc, vec![], &sel, false).len(),
            1,
            "only the unknown name"
        );
        // A suppression of a load-time rule (never run on a page) is not reported.
        let (doc, _) = page("<!-- locdoc-disable-next-line IO001 -->\na\n", "en");
        assert!(apply(&doc, vec![], &RuleSelection::default(), false).is_empty());
    }

    #[test]
    fn comments_in_code_are_not_directives() {
        let t = "```markdown\n<!-- locdoc-disable-next-line CURL005 -->\nx\n```\n";
        assert_eq!(run(t, &[("CURL005", 3)]), vec![("CURL005".into(), 3)]);
    }

    #[test]
    fn disable_all_without_enable_runs_to_the_end() {
        let t = "a\n<!-- locdoc-disable -->\nb\n\nc\n";
        assert!(run(t, &[("CURL005", 3), ("AFM001", 5)]).is_empty());
        assert_eq!(run(t, &[("CURL005", 1)]).len(), 2);
    }
}
