//! PAR008 uicontrol-count.

use super::align::UnitKind;
use super::helpers::{line, paired, starting_inside, unit_anchor};
use crate::afm::TermKind;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports lines whose number of `[!UICONTROL]` terms differs from the source line.
pub struct UicontrolCount;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR008",
    name: "uicontrol-count",
    family: "parity",
    summary: "The number of `[!UICONTROL]` terms differs from the aligned source line",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Pair,
    doc: r#"## What it checks
An aligned line, row or heading must have as many `[!UICONTROL …]` terms as the source's. The terms
themselves are translated (they show the localized UI label), so only their number is compared.

## Why it matters
`[!UICONTROL]` tells the localization pipeline to use the product's own translation of a UI label.
A label that lost its marker gets an ad-hoc translation that does not match the screen.

## Example
~~~markdown
Sélectionnez **Sources**, puis **[!UICONTROL Ajouter des données]**.
~~~

## Source page
~~~markdown
Select **[!UICONTROL Sources]**, then **[!UICONTROL Add data]**.
~~~

## Use instead
~~~markdown
Sélectionnez **[!UICONTROL Sources]**, puis **[!UICONTROL Ajouter des données]**.
~~~
"#,
};

impl Rule for UicontrolCount {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for u in a.units.iter().filter(|u| u.kind != UnitKind::CodeLine) {
            let count = |doc: &crate::afm::Document, span: &crate::afm::Span| {
                starting_inside(&doc.terms, span, |t| t.span.start)
                    .iter()
                    .filter(|t| t.kind == TermKind::Uicontrol)
                    .count()
            };
            let (t, s) = (count(ctx.doc, &u.tr), count(src.doc, &u.src));
            if t != s {
                out.push(ctx.finding(
                    &META,
                    unit_anchor(ctx.doc, u),
                    format!(
                        "{t} [!UICONTROL] term(s) here; source line {} has {s}",
                        line(src.doc, u.src.start)
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn counts_differ() {
        let src = "# T\n\nSelect **[!UICONTROL Sources]**, then **[!UICONTROL Add data]**.\n";
        let tr = "# T\n\nSélectionnez **Sources**, puis **[!UICONTROL Ajouter]**.\n";
        assert_eq!(lines(&run_pair(&UicontrolCount, tr, Some(src))), vec![3]);
    }
}
