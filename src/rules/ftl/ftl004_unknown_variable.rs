//! FTL004 unknown-variable.

use crate::diag::{Finding, Severity};
use crate::rules::ftl::{variable_span, CatalogContext, PARAM_PREFIX, PARAM_VARIABLES};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports variables a translation uses that the source message does not.
pub struct UnknownVariable;

static META: RuleMeta = RuleMeta {
    id: "FTL004",
    name: "unknown-variable",
    family: "ftl",
    summary: "A translation uses a variable the source message does not have",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
Each `$variable` of a translated message must also appear in the source locale's message of the
same id. For `param-…` messages the allowed variables are the ones `render` passes:
`$connector`, `$connectorId`, `$specId`, `$specName`, `$specSlug` (to select a variant per
auth spec), `$authCount` and `$paramCount`.

## Why it matters
The program formatting the message only passes the variables the source message uses. A misspelt
or invented variable is a formatting error at run time: `render` stops, other tools print `{$name}`.

## Source catalog
~~~ftl
intro = Connect { $connector } to the platform.
~~~

## Example
~~~ftl
intro = Connectez { $conector } à la plateforme.
~~~

## Use instead
~~~ftl
intro = Connectez { $connector } à la plateforme.
~~~
"#,
};

impl Rule for UnknownVariable {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        for group in ctx.translations() {
            for (file, e) in group.entries() {
                let allowed: Vec<String> = match group.source_entry(&e.id) {
                    Some(src) => src.variables.iter().cloned().collect(),
                    None if e.id.starts_with(PARAM_PREFIX) => {
                        PARAM_VARIABLES.iter().map(|s| s.to_string()).collect()
                    }
                    None => continue,
                };
                for v in e.variables.iter().filter(|v| !allowed.contains(v)) {
                    let known = if allowed.is_empty() {
                        "it has none".to_string()
                    } else {
                        format!(
                            "it has {}",
                            allowed
                                .iter()
                                .map(|a| format!("`${a}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    };
                    out.push(
                        ctx.finding(
                            &META,
                            file,
                            variable_span(file, &e.span, v),
                            format!(
                                "`${v}` in `{}` is not a variable of the source message: {known}",
                                e.id
                            ),
                        )
                        .with_help("use the source message's variable names"),
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
    fn unknown_variable_points_at_it() {
        let f = run(
            &UnknownVariable,
            "a =\n    Bonjour { $nom }\n",
            Some("a = Hello { $name }\n"),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].line, f[0].column), (2, 15));
    }

    #[test]
    fn param_messages_may_use_render_variables_only() {
        let f = run(
            &UnknownVariable,
            "param-clientId = ID de { $connector } { $bogus }\n",
            Some("x = y\n"),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("$bogus"));
    }
}
