//! SCH004 missing-required-parameter.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::routes::UrlParts;

/// Reports a required header or query parameter the request does not send.
pub struct MissingRequiredParameter;

static META: RuleMeta = RuleMeta {
    id: "SCH004",
    name: "missing-required-parameter",
    family: "sch",
    summary: "A request lacks a header or query parameter its operation requires",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
For every curl request matched to an operation of a loaded OpenAPI document, each parameter with
`in: header` or `in: query` and `required: true` must be sent (header names compare
case-insensitively). `Content-Type` and `Accept` are left to the media-type rule, as OpenAPI
says those are described by the request body, not by parameters. The finding points at the URL of
the request.

## Why it matters
The gateway rejects the call (401/403 for a missing credential header) and the reader, who copied
the example faithfully, does not know which header is missing.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-api-key: {API_KEY}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~
"#,
};

impl Rule for MissingRequiredParameter {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for (req, op) in super::helpers::operations(ctx) {
            let url = req.url.as_deref().unwrap_or("");
            let query = UrlParts::split(url).query_params();
            for p in op.parameters.iter().filter(|p| p.required) {
                let missing = match p.location.as_str() {
                    "header" => {
                        !p.name.eq_ignore_ascii_case("content-type")
                            && !p.name.eq_ignore_ascii_case("accept")
                            && req.header(&p.name).is_none()
                    }
                    "query" => !query.iter().any(|(n, _, _)| *n == p.name),
                    _ => false,
                };
                if missing {
                    let span = req.url_span.clone().unwrap_or(req.span.clone());
                    out.push(
                        ctx.finding(
                            &META,
                            span,
                            format!(
                                "{} {} requires the {} parameter `{}`, which the request does not send",
                                req.method, url, p.location, p.name
                            ),
                        )
                        .with_help(match p.location.as_str() {
                            "header" => format!("add `-H '{}: …'`", p.name),
                            _ => format!("add `{}=…` to the query string", p.name),
                        }),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn header_names_are_case_insensitive() {
        let f = run(
            &MissingRequiredParameter,
            "```shell\ncurl -X GET \\\n  'https://platform.adobe.io/data/foundation/flowservice/connections' \\\n  -H 'authorization: Bearer {T}' \\\n  -H 'X-API-KEY: {K}'\n```\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
        assert!(f[0].message.contains("x-gw-ims-org-id"));
    }
}
