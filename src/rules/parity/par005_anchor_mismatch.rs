//! PAR005 anchor-mismatch.

use super::helpers::{line, paired};
use crate::afm::{Document, Heading};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

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
A translated or missing anchor is replaced by (or given) the source's id.
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
            match (&th.anchor, &sh.anchor) {
                (Some((t, span)), Some((s, _))) if t != s => out.push(
                    ctx.finding(&META, span.clone(), format!("anchor `{{#{t}}}` differs from the source (source line {sline}: `{{#{s}}}`)"))
                        .with_fix(crate::diag::Fix {
                            title: format!("use the source anchor `{{#{s}}}`"),
                            edits: vec![crate::diag::Edit { range: span.clone(), replacement: format!("{{#{s}}}") }],
                        }),
                ),
                (None, Some((s, _))) => {
                    let end = ctx.doc.lines.line_range(ctx.doc.lines.line(th.span.start)).end;
                    out.push(
                        ctx.finding(&META, th.span.clone(), format!("heading has no anchor; source line {sline} has `{{#{s}}}`"))
                            .with_fix(crate::diag::Fix {
                                title: format!("add `{{#{s}}}`"),
                                edits: vec![crate::diag::Edit { range: end..end, replacement: format!(" {{#{s}}}") }],
                            }),
                    );
                }
                (Some((t, span)), None) => out.push(ctx.finding(
                    &META,
                    span.clone(),
                    format!("anchor `{{#{t}}}` is not in the source heading (source line {sline})"),
                )),
                _ => {}
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
