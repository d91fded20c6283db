//! PAR009 alert-kind-mismatch.

use super::helpers::{line, paired};
use crate::afm::BlockKind;
use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports an alert whose kind differs from the aligned source alert.
pub struct AlertKindMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR009",
    name: "alert-kind-mismatch",
    family: "parity",
    summary: "An alert's kind (`[!NOTE]`, `[!WARNING]`…) differs from the source's",
    severity: Severity::Warning,
    fix: FixKind::Always,
    scope: Scope::Pair,
    doc: r#"## What it checks
Aligned alerts must be of the same kind: a `>[!NOTE]` of the source stays a `>[!NOTE]`. Alerts
added or removed are structural drift, summarized by `PAR001`.

## Why it matters
The kind sets the alert's colour and urgency. A note turned into a warning alarms readers for
nothing; a warning turned into a note hides a risk.

## Example
~~~markdown
>[!WARNING]
>
>Le connecteur est en version bêta.
~~~

## Source page
~~~markdown
>[!NOTE]
>
>The connector is in beta.
~~~

## Use instead
~~~markdown
>[!NOTE]
>
>Le connecteur est en version bêta.
~~~

## Fix
The marker is replaced by the source's.
"#,
};

impl Rule for AlertKindMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for &(x, y) in &a.blocks {
            let (Some(tb), Some(sb)) = (ctx.doc.blocks.get(x), src.doc.blocks.get(y)) else {
                continue;
            };
            let (BlockKind::Alert { kind: tk }, BlockKind::Alert { kind: sk }) =
                (&tb.kind, &sb.kind)
            else {
                continue;
            };
            if tk == sk {
                continue;
            }
            let Some(alert) = ctx
                .doc
                .alerts
                .iter()
                .find(|al| al.span.start == tb.span.start)
            else {
                continue;
            };
            let want = format!("[!{}]", sk.as_str());
            out.push(
                ctx.finding(
                    &META,
                    alert.marker_span.clone(),
                    format!(
                        "alert is [!{}]; source line {} is {want}",
                        tk.as_str(),
                        line(src.doc, sb.span.start)
                    ),
                )
                .with_fix(Fix {
                    title: format!("use {want}"),
                    edits: vec![Edit {
                        range: alert.marker_span.clone(),
                        replacement: want.clone(),
                    }],
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn kinds_differ() {
        let src = "# T\n\n>[!NOTE]\n>\n>Beta.\n";
        let tr = "# T\n\n>[!WARNING]\n>\n>Bêta.\n";
        let f = run_pair(&AlertKindMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![3]);
        assert!(f[0].message.contains("source line 3 is [!NOTE]"));
    }
}
