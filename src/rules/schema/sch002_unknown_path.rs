//! SCH002 unknown-path.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::routes::edit_distance;

/// Reports a request on an API's server whose path matches none of the API's path templates.
pub struct UnknownPath;

static META: RuleMeta = RuleMeta {
    id: "SCH002",
    name: "unknown-path",
    family: "sch",
    summary: "A request's path matches no path of the API",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl URL whose host and base path match a server of a loaded OpenAPI document, but whose
remaining path matches none of the document's path templates (`/connections/{BASE_CONNECTION_ID}`
matches any single segment where the template has a variable; a trailing `/` is ignored; literal
segments are case-sensitive). The finding points at the path and suggests the closest template.

## Why it matters
The gateway answers 404; the reader cannot tell a typo from a removed endpoint.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connection/{BASE_CONNECTION_ID}' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections/{BASE_CONNECTION_ID}' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}'
```
~~~
"#,
};

impl Rule for UnknownPath {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let Some(r) = super::helpers::routed(ctx, req) else {
                continue;
            };
            if !r.items.is_empty() {
                continue;
            }
            let path = r.route.path;
            let shown = if path.is_empty() { "/" } else { path };
            let span = super::helpers::url_span(
                ctx,
                req,
                r.route.path_offset..r.route.path_offset + path.len().max(1),
            );
            let closest = r
                .route
                .spec
                .paths
                .iter()
                .min_by_key(|p| edit_distance(&p.template, shown));
            let mut f = ctx.finding(
                &META,
                span,
                format!(
                    "path `{shown}` matches no path of `{}` (base `{}`)",
                    r.route.spec.file.display(),
                    r.route.server.base_path
                ),
            );
            if let Some(c) = closest {
                f = f.with_help(format!("closest path in the spec: `{}`", c.template));
            }
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn flags_typos_but_not_templates_or_trailing_slashes() {
        let base = "https://platform.adobe.io/data/foundation/flowservice";
        let f = run(
            &UnknownPath,
            &format!("```shell\ncurl '{base}/connectionspecs'\n```\n"),
        );
        assert_eq!(f.len(), 1);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("/connectionSpecs"));
        for ok in [
            "/connections/abc/",
            "/connections/{X}/explore?objectType=root",
            "/flows",
        ] {
            assert!(
                run(&UnknownPath, &format!("```shell\ncurl '{base}{ok}'\n```\n")).is_empty(),
                "{ok}"
            );
        }
    }
}
