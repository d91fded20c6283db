//! Code blocks: a fenced block's info string and content take the source's, edited line by line
//! so the report names each changed line.

use super::Planner;
use crate::afm::{CodeBlock, Document, Span};
use crate::sync::ChangeKind;

/// Where a fenced code block's parts are in the file.
struct Fence {
    fence_end: usize,
    info: Span,
    content: Span,
    prefix: String,
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
    pub(super) fn code(&mut self, sc: &CodeBlock, tc: &CodeBlock) {
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
}
