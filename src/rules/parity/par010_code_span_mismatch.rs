//! PAR010 code-span-mismatch.

use super::align::{normalize_placeholders, UnitKind};
use super::helpers::{line, minus, paired, starting_inside, unit_anchor};
use super::sync_fix::with_sync_fix;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

/// Reports inline code spans that differ from the aligned source line.
pub struct CodeSpanMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR010",
    name: "code-span-mismatch",
    family: "parity",
    summary: "Inline code spans differ from the aligned source line",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
The inline code spans of an aligned line, table row or heading must be those of the source line:
none translated, altered or dropped. Their order may change with the sentence. Placeholder renames
inside code are `PAR003`'s concern.

## Why it matters
Inline code holds values readers type or compare: ids, field names, endpoints. A translated or
mistyped one is wrong for every reader of the locale.

## Example
~~~markdown
Faites une requête POST au point de terminaison `/connexions`.
~~~

## Source page
~~~markdown
Make a POST request to the `/connections` endpoint.
~~~

## Use instead
~~~markdown
Faites une requête POST au point de terminaison `/connections`.
~~~

## Fix
A code span that `locdoc sync` pairs with the source's carries sync's repair (the source's code).
A code span missing altogether is in prose, and left for a person.
"#,
};

impl Rule for CodeSpanMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for u in a.units.iter().filter(|u| u.kind != UnitKind::CodeLine) {
            type Spans<'d> = Vec<(std::borrow::Cow<'d, str>, &'d crate::afm::Span)>;
            fn spans<'d>(doc: &'d crate::afm::Document, span: &crate::afm::Span) -> Spans<'d> {
                starting_inside(&doc.code_spans, span, |c| c.span.start)
                    .iter()
                    .filter(|c| !doc.in_code_block(c.span.start))
                    .map(|c| (normalize_placeholders(c.code.trim()), &c.span))
                    .collect()
            }
            let tc = spans(ctx.doc, &u.tr);
            let sc = spans(src.doc, &u.src);
            let tn: Vec<&str> = tc.iter().map(|c| c.0.as_ref()).collect();
            let sn: Vec<&str> = sc.iter().map(|c| c.0.as_ref()).collect();
            let extra = minus(&tn, &sn);
            let missing = minus(&sn, &tn);
            // The same code on both sides (nearly every unit): nothing to report.
            if extra.is_empty() && missing.is_empty() {
                continue;
            }
            let sline = line(src.doc, u.src.start);
            let shown = |doc: &crate::afm::Document, list: &Spans<'_>, n: &str| {
                list.iter().find(|c| c.0 == n).map_or(n.to_string(), |c| {
                    doc.slice(c.1).trim_matches('`').trim().to_string()
                })
            };
            for (k, e) in extra.iter().enumerate() {
                let Some(&(_, span)) = tc.iter().find(|c| c.0 == *e) else {
                    continue;
                };
                // A value the source writes as plain text, formatted as code here, is fine.
                let raw = ctx.doc.slice(span).trim_matches('`').trim();
                if missing.is_empty() && !raw.is_empty() && src.doc.slice(&u.src).contains(raw) {
                    continue;
                }
                let msg = match missing.get(k) {
                    Some(m) if extra.len() == missing.len() => {
                        format!(
                            "code `{}` differs from the source (source line {sline}: `{}`)",
                            shown(ctx.doc, &tc, e),
                            shown(src.doc, &sc, m)
                        )
                    }
                    _ => format!(
                        "code `{}` is not in the source (source line {sline})",
                        shown(ctx.doc, &tc, e)
                    ),
                };
                let f = ctx.finding(&META, span.clone(), msg);
                out.push(with_sync_fix(ctx, f, span, &[ChangeKind::CodeSpan]));
            }
            if extra.len() < missing.len() {
                for m in &missing[extra.len()..] {
                    out.push(ctx.finding(
                        &META,
                        unit_anchor(ctx.doc, u),
                        format!(
                            "code `{}` of source line {sline} is missing here",
                            shown(src.doc, &sc, m)
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn translated_and_dropped_code() {
        let src =
            "# T\n\nPOST to `/connections` with `{ID}`.\n\n| `a` | Use `true`. |\n|---|---|\n\nSet it to true.\n";
        let tr = "# T\n\nPOST vers `/connexions` avec `{OTHER}`.\n\n| `a` | Utiliser vrai. |\n|---|---|\n\nDéfinissez-le sur `true`.\n";
        let f = run_pair(&CodeSpanMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![3, 5], "{f:?}");
        assert!(f[0].message.contains("source line 3: `/connections`"));
    }
}
