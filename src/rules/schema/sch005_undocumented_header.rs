//! SCH005 undocumented-header.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::routes::edit_distance;

/// Reports a request header that the API declares nowhere.
pub struct UndocumentedHeader;

static META: RuleMeta = RuleMeta {
    id: "SCH005",
    name: "undocumented-header",
    family: "sch",
    summary: "A request sends a header the API does not declare",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Every `-H` header of a curl request matched to an operation of a loaded OpenAPI document must be a
header parameter that the API declares (names compare case-insensitively). To stay quiet on
specs that leave shared headers off single operations, a header declared by *any* operation of the
same document is accepted. `Content-Type`, `Accept` and `Authorization` are always accepted:
OpenAPI describes them through request bodies and security schemes, not parameters. The finding
points at the header and names the closest declared header.

## Why it matters
A misspelled header (`x-gw-ims-orgid`) is silently ignored by the gateway, and the call then fails
for a reason the reader cannot see in the example.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-gw-ims-orgid: {ORG_ID}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~
"#,
};

const ALWAYS: &[&str] = &["content-type", "accept", "authorization"];

impl Rule for UndocumentedHeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let Some(r) = super::helpers::routed(ctx, req) else {
                continue;
            };
            if r.op.is_none() {
                continue;
            }
            let declared: Vec<&str> = r
                .route
                .spec
                .paths
                .iter()
                .flat_map(|p| p.operations.iter())
                .flat_map(|o| o.parameters.iter())
                .filter(|p| p.location == "header")
                .map(|p| p.name.as_str())
                .collect();
            for h in &req.headers {
                let lower = h.name.to_ascii_lowercase();
                if ALWAYS.contains(&lower.as_str())
                    || declared.iter().any(|d| d.eq_ignore_ascii_case(&h.name))
                {
                    continue;
                }
                let mut f = ctx.finding(
                    &META,
                    h.span.clone(),
                    format!(
                        "header `{}` is not declared by `{}`",
                        h.name,
                        r.route.spec.file.display()
                    ),
                );
                if let Some(c) = declared
                    .iter()
                    .min_by_key(|d| edit_distance(&d.to_ascii_lowercase(), &lower))
                    .filter(|d| edit_distance(&d.to_ascii_lowercase(), &lower) <= 3)
                {
                    f = f.with_help(format!("did you mean `{c}`?"));
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn declared_anywhere_is_fine() {
        let f = run(
            &UndocumentedHeader,
            "```shell\ncurl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \\\n  -H 'If-Match: 1' \\\n  -H 'Accept: application/json' \\\n  -H 'x-sandbox-nme: prod'\n```\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 5);
        assert!(f[0]
            .help
            .as_deref()
            .unwrap_or("")
            .contains("x-sandbox-name"));
    }
}
