//! FTL005 missing-variable.

use crate::diag::{Finding, Severity};
use crate::rules::ftl::{id_span, CatalogContext};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports source-message variables a translation leaves out.
pub struct MissingVariable;

static META: RuleMeta = RuleMeta {
    id: "FTL005",
    name: "missing-variable",
    family: "ftl",
    summary: "A translation leaves out a variable of the source message",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
Each `$variable` of a source-locale message must appear somewhere in the translation of that
message: in its text, as a selector or in any variant.

## Why it matters
A dropped variable drops data: the connector name, a count or a spec id vanishes from the
translated page while the English page shows it.

## Source catalog
~~~ftl
spec-note = The connection spec ID of { $connector } is { $specId }.
~~~

## Example
~~~ftl
spec-note = L’identifiant de la spécification de connexion est fixe.
~~~

## Use instead
~~~ftl
spec-note = L’identifiant de la spécification de connexion de { $connector } est { $specId }.
~~~
"#,
};

impl Rule for MissingVariable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        for group in ctx.translations() {
            for (file, e) in group.entries() {
                let Some(src) = group.source_entry(&e.id) else {
                    continue;
                };
                for v in src.variables.iter().filter(|v| !e.variables.contains(*v)) {
                    out.push(
                        ctx.finding(
                            &META,
                            file,
                            id_span(&e.span, &e.id),
                            format!("`{}` does not use `${v}` of the source message", e.id),
                        )
                        .with_help(format!(
                            "add `{{ ${v} }}` where it belongs in the translation"
                        )),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ftl::testing::run;

    #[test]
    fn dropped_variable_is_reported_on_the_id() {
        let f = run(
            &MissingVariable,
            "ok = { $n } éléments\nbad = Bonjour\n",
            Some("ok = { $n ->\n    [one] one item\n   *[other] { $n } items\n}\nbad = Hello { $who }\n"),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 2);
        assert_eq!(f[0].column, 1);
    }
}
