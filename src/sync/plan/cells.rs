//! Inline items (link and image targets, `[!DNL]` terms, code spans) and table rows and cells.

use super::units::row_key;
use super::{within, Planner};
use crate::afm::{starting_in, Document, Row, Span, Table, TermKind};
use crate::sync::align::{align_keyed, match_items};
use crate::sync::{ChangeKind, UNTRANSLATED_MARKER};

/// An inline item of one class in a block: its comparable value and where an edit would go.
struct Item<'d> {
    value: &'d str,
    /// The range an edit replaces (URL, term text, code span content).
    span: Option<Span>,
    /// The whole element (for code spans: backticks included), for a fallback replacement.
    outer: Span,
    /// Backtick run length of a code span (0 otherwise).
    ticks: usize,
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

impl Planner<'_> {
    /// The items of `class` inside `region` but outside `exclude`, in file order. Terms and code
    /// spans are kept in file order by the model, so only those starting in `region` are looked
    /// at (this runs per table cell: a scan of the page's items each time was quadratic).
    fn items<'d>(
        &self,
        doc: &'d Document,
        class: Inline,
        region: &Span,
        exclude: &[Span],
    ) -> Vec<Item<'d>> {
        let keep = |s: &Span| within(s, region) && !exclude.iter().any(|x| within(s, x));
        let mut v: Vec<(usize, Item)> = match class {
            Inline::Link | Inline::Image => doc
                .links
                .iter()
                .filter(|l| l.image == (class == Inline::Image) && keep(&l.span))
                .map(|l| {
                    let item = Item {
                        value: &l.url,
                        span: l.url_span.clone(),
                        outer: l.span.clone(),
                        ticks: 0,
                    };
                    (l.span.start, item)
                })
                .collect(),
            Inline::Dnl => starting_in(&doc.terms, region, |t| t.span.start)
                .iter()
                .filter(|t| t.kind == TermKind::Dnl && keep(&t.span))
                .map(|t| {
                    let raw = doc.slice(&t.text_span);
                    let end = t.text_span.start + raw.trim_end().len();
                    let item = Item {
                        value: &t.text,
                        span: Some(t.text_span.start..end),
                        outer: t.span.clone(),
                        ticks: 0,
                    };
                    (t.span.start, item)
                })
                .collect(),
            Inline::CodeSpan => starting_in(&doc.code_spans, region, |c| c.span.start)
                .iter()
                .filter(|c| keep(&c.span))
                .map(|c| {
                    let raw = doc.slice(&c.span);
                    let ticks = raw.len() - raw.trim_start_matches('`').len();
                    let inner = (c.span.start + ticks)..(c.span.end.saturating_sub(ticks));
                    let ok = ticks > 0 && inner.start <= inner.end && raw.ends_with('`');
                    let item = Item {
                        value: &c.code,
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

    pub(super) fn inline(
        &mut self,
        s_region: &Span,
        t_region: &Span,
        s_ex: &[Span],
        t_ex: &[Span],
    ) {
        let (src, tr) = (self.src, self.tr);
        for class in [Inline::Link, Inline::Image, Inline::Dnl, Inline::CodeSpan] {
            let si = self.items(src, class, s_region, s_ex);
            if si.is_empty() {
                continue;
            }
            let ti = self.items(tr, class, t_region, t_ex);
            let sv: Vec<&str> = si.iter().map(|i| i.value).collect();
            let tv: Vec<&str> = ti.iter().map(|i| i.value).collect();
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

    pub(super) fn table(&mut self, st: &Table, tt: &Table) {
        let (src, tr) = (self.src, self.tr);
        self.row(&st.header, &tt.header);
        let sk: Vec<Option<&str>> = st.rows.iter().map(|r| row_key(src, r)).collect();
        let tk: Vec<Option<&str>> = tt.rows.iter().map(|r| row_key(tr, r)).collect();
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
}
