//! PAR005 anchor-mismatch.

use super::helpers::{line, paired};
use super::sync_fix::sync_fix;
use crate::afm::{Document, Heading};
use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

/// Reports headings whose `{#id}` anchor differs from the aligned source heading.
pub struct AnchorMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR005",
    name: "anchor-mismatch",
    family: "parity",
    summary: "A heading's `{#id}` anchor differs from the source heading",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
Headings are aligned with the source's (by level, anchor and content); a `{#id}` anchor must be
kept exactly: not dropped, not translated, not added.

## Why it matters
Anchors are link targets shared by every locale: `#azure` in a link, a tab or another page only
works when each translation keeps the source's id.

## Example
~~~markdown
# Connexion

## Azure {#connexion-azure}

Texte `a`.
~~~

## Source page
~~~markdown
# Connection

## Azure {#azure}

Text `a`.
~~~

## Use instead
~~~markdown
# Connexion

## Azure {#azure}

Texte `a`.
~~~

## Fix
A translated or missing anchor is replaced by (or given) the source's id: the edit `locdoc sync`
makes when it aligns the heading, the same edit otherwise.
"#,
};

fn heading_at(doc: &Document, block: Option<usize>) -> Option<&Heading> {
    let b = doc.blocks.get(block?)?;
    doc.headings.iter().find(|h| h.span.start == b.span.start)
}

impl Rule for AnchorMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for &(ti, si) in &a.sections {
            let (Some(ts), Some(ss)) = (a.tr_sections.get(ti), a.src_sections.get(si)) else {
                continue;
            };
            let (Some(th), Some(sh)) = (
                heading_at(ctx.doc, ts.heading),
                heading_at(src.doc, ss.heading),
            ) else {
                continue;
            };
            let sline = line(src.doc, sh.span.start);
            let (f, own) = match (&th.anchor, &sh.anchor) {
                (Some((t, span)), Some((s, _))) if t != s => (
                    ctx.finding(
                        &META,
                        span.clone(),
                        format!("anchor `{{#{t}}}` differs from the source (source line {sline}: `{{#{s}}}`)"),
                    ),
                    Some(Fix {
                        title: format!("use the source anchor `{{#{s}}}`"),
                        edits: vec![Edit {
                            range: span.clone(),
                            replacement: format!("{{#{s}}}"),
                        }],
                    }),
                ),
                (None, Some((s, _))) => {
                    let end = ctx.doc.lines.line_range(ctx.doc.lines.line(th.span.start)).end;
                    (
                        ctx.finding(
                            &META,
                            th.span.clone(),
                            format!("heading has no anchor; source line {sline} has `{{#{s}}}`"),
                        ),
                        Some(Fix {
                            title: format!("add `{{#{s}}}`"),
                            edits: vec![Edit {
                                range: end..end,
                                replacement: format!(" {{#{s}}}"),
                            }],
                        }),
                    )
                }
                (Some((t, span)), None) => (
                    ctx.finding(
                        &META,
                        span.clone(),
                        format!("anchor `{{#{t}}}` is not in the source heading (source line {sline})"),
                    ),
                    None,
                ),
                _ => continue,
            };
            // Sync's repair when sync aligns the heading (what `sync` writes), else the rule's own.
            let span = f.span.clone();
            match sync_fix(ctx, &span, &[ChangeKind::Anchor]).or(own) {
                Some(fix) => out.push(f.with_fix(fix)),
                None => out.push(f),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn dropped_and_translated_anchors() {
        let src = "# T\n\n## Azure {#azure}\n\nUse `a`.\n\n## AWS {#aws}\n\nUse `b`.\n";
        let tr = "# T\n\n## Azure\n\nUtiliser `a`.\n\n## AWS {#amazon}\n\nUtiliser `b`.\n";
        let f = run_pair(&AnchorMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![3, 7], "{f:?}");
        assert!(f[0].message.contains("source line 3 has `{#azure}`"));
    }
}
