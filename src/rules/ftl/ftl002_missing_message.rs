//! FTL002 missing-message.

use crate::diag::{Finding, Severity};
use crate::rules::ftl::{CatalogContext, PARAM_PREFIX};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports source-locale messages a translation lacks, and connector params without a description.
pub struct MissingMessage;

static META: RuleMeta = RuleMeta {
    id: "FTL002",
    name: "missing-message",
    family: "ftl",
    summary: "A message of the source locale is missing from a translation",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
Each message and term of the source locale's catalog (`locales/en/*.ftl`) must be defined in every
other locale directory beside it (`locales/fr/`, …). The finding is on the translation file with
the same name as the English file that defines the message.

When a locale has `param-…` messages (translated descriptions of connector auth params), every
param of every connector in the connector catalog also needs one: `param-<connector>-<param>` or
the generic `param-<param>`.

## Why it matters
`render` never falls back to English in a translated page: a missing message stops the render.
Other Fluent tools silently show the fallback language, which is how English sentences end up in
translated tutorials.

## Source catalog
~~~ftl
intro = Create a base connection.
next-steps = Explore the data next.
~~~

## Example
~~~ftl
intro = Créez une connexion de base.
~~~

## Use instead
~~~ftl
intro = Créez une connexion de base.
next-steps = Explorez ensuite les données.
~~~
"#,
};

impl Rule for MissingMessage {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        for group in ctx.translations() {
            for src in &group.sources {
                for e in &src.entries {
                    if group.defines(&e.id) {
                        continue;
                    }
                    let Some(target) = group.counterpart(src) else {
                        continue;
                    };
                    let (line, _) = src.position(e.span.start);
                    out.push(
                        ctx.finding(
                            &META,
                            target,
                            0..0,
                            format!(
                                "`{}` ({}:{line}) is missing in locale `{}`",
                                e.id, src.display, group.locale
                            ),
                        )
                        .with_help(format!("translate it in {}", target.display)),
                    );
                }
            }
            let has_params = group.entries().any(|(_, e)| e.id.starts_with(PARAM_PREFIX));
            if !has_params {
                continue;
            }
            let Some(target) = group
                .entries()
                .find(|(_, e)| e.id.starts_with(PARAM_PREFIX))
                .map(|(f, _)| f)
            else {
                continue;
            };
            for c in &ctx.schema.catalog.connectors {
                let mut seen = std::collections::BTreeSet::new();
                for p in c.auth.iter().flat_map(|a| &a.params) {
                    if !seen.insert(&p.name) {
                        continue;
                    }
                    let specific = format!("{PARAM_PREFIX}{}-{}", c.id, p.name);
                    let generic = format!("{PARAM_PREFIX}{}", p.name);
                    if group.defines(&specific) || group.defines(&generic) {
                        continue;
                    }
                    out.push(
                        ctx.finding(
                            &META,
                            target,
                            0..0,
                            format!(
                                "parameter `{}` of connector `{}` has no description in locale `{}`",
                                p.name, c.id, group.locale
                            ),
                        )
                        .with_help(format!("add `{specific}` or `{generic}`")),
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
    fn missing_message_names_the_source_line() {
        let f = run(&MissingMessage, "a = A\n", Some("a = A\n\nb = B\n"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(&*f[0].file, "locales/fr/page.ftl");
        assert_eq!(f[0].line, 1);
        assert!(
            f[0].message.contains("locales/en/page.ftl:3"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn params_need_a_specific_or_generic_description() {
        let f = run(
            &MissingMessage,
            "param-clientId = ID client\n",
            Some("other = x\n"),
        );
        // `other` is missing, and every param except clientId lacks a description.
        assert!(f.iter().any(|x| x.message.contains("`other`")));
        assert!(f
            .iter()
            .any(|x| x.message.contains("`clientSecret` of connector `hubspot`")));
        assert!(!f.iter().any(|x| x.message.contains("`clientId`")));
        // Without any param message the schema is not consulted.
        assert_eq!(
            run(&MissingMessage, "other = y\n", Some("other = x\n")).len(),
            0
        );
    }
}
