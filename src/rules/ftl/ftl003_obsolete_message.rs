//! FTL003 obsolete-message.

use crate::diag::{Finding, Severity};
use crate::rules::ftl::{id_span, CatalogContext, PARAM_PREFIX};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports translation messages the source locale no longer has.
pub struct ObsoleteMessage;

static META: RuleMeta = RuleMeta {
    id: "FTL003",
    name: "obsolete-message",
    family: "ftl",
    summary: "A translation defines a message the source locale does not have",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
A message or term in a translation (`locales/fr/*.ftl`) that no file of the source locale beside it
defines. `param-<connector>-<param>` and `param-<param>` messages are compared with the connector
catalog instead: they are obsolete when no connector has that param.

## Why it matters
An obsolete message is usually a renamed one: the translation of the new id is missing and the old
text is dead weight that translators keep paying for.

## Source catalog
~~~ftl
intro = Create a base connection.
~~~

## Example
~~~ftl
intro = Créez une connexion de base.
old-intro = Ancienne introduction.
~~~

## Use instead
~~~ftl
intro = Créez une connexion de base.
~~~
"#,
};

impl Rule for ObsoleteMessage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        let params = ctx.param_ids();
        for group in ctx.translations() {
            for (file, e) in group.entries() {
                let known = if e.id.starts_with(PARAM_PREFIX) {
                    params.contains(&e.id) || group.source_entry(&e.id).is_some()
                } else {
                    group.source_entry(&e.id).is_some()
                };
                if known {
                    continue;
                }
                let why = if e.id.starts_with(PARAM_PREFIX) {
                    "no connector in the catalog has this param"
                } else {
                    "the source locale does not define it"
                };
                out.push(
                    ctx.finding(
                        &META,
                        file,
                        id_span(&e.span, &e.id),
                        format!("`{}` is obsolete: {why}", e.id),
                    )
                    .with_help("remove it, or rename it to the id the source locale uses now"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ftl::testing::run;

    #[test]
    fn extra_message_and_unknown_param_are_reported() {
        let f = run(
            &ObsoleteMessage,
            "a = A\nparam-hubspot-clientId = ID\nparam-nosuch = X\nold = O\n",
            Some("a = A\n"),
        );
        let lines: Vec<_> = f.iter().map(|x| x.line).collect();
        assert_eq!(lines, [3, 4], "{f:?}");
    }
}
