//! SCH003 method-not-allowed.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a request whose method the API does not define for its path.
pub struct MethodNotAllowed;

static META: RuleMeta = RuleMeta {
    id: "SCH003",
    name: "method-not-allowed",
    family: "sch",
    summary: "A request's method is not defined for its path",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl request whose path matches a path of a loaded OpenAPI document, but none of the matching
path items defines the request's method (explicit `-X`, or implied: `-d` means POST, none means
GET). The finding points at the method token (or the URL when the method is implied) and lists the
methods the path has.

## Why it matters
The API answers 405, or worse, a GET where a POST was meant silently does something else.

## Example
~~~markdown
```shell
curl -X PUT 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}'
```
~~~
"#,
};

impl Rule for MethodNotAllowed {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let Some(r) = super::helpers::routed(ctx, req) else {
                continue;
            };
            if r.items.is_empty() || r.op.is_some() {
                continue;
            }
            let mut allowed: Vec<&str> = r
                .items
                .iter()
                .flat_map(|p| p.operations.iter().map(|o| o.method.as_str()))
                .collect();
            allowed.sort_unstable();
            allowed.dedup();
            let span = req
                .method_span
                .clone()
                .or(req.url_span.clone())
                .unwrap_or(req.span.clone());
            let template = r.items.first().map_or("", |p| p.template.as_str());
            out.push(
                ctx.finding(
                    &META,
                    span,
                    format!("`{template}` has no {} operation", req.method),
                )
                .with_help(format!("the spec defines: {}", allowed.join(", "))),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn implied_post_is_checked_too() {
        let f = run(
            &MethodNotAllowed,
            "```shell\ncurl 'https://platform.adobe.io/data/foundation/flowservice/connectionSpecs' -d '{}'\n```\n",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("POST"));
        let ok = "```shell\ncurl -X DELETE 'https://platform.adobe.io/data/foundation/flowservice/connections/{ID}'\n```\n";
        assert!(run(&MethodNotAllowed, ok).is_empty());
    }
}
