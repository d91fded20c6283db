//! SCH001 unknown-server.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a request URL clearly meant for a loaded API whose host or base path matches no server.
pub struct UnknownServer;

static META: RuleMeta = RuleMeta {
    id: "SCH001",
    name: "unknown-server",
    family: "sch",
    summary: "A request's host or base path matches no server of the API it is meant for",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
The host and base path of every curl URL against the `servers` of the loaded OpenAPI documents,
with server variables expanded (`{environment}` → `platform`, `platform-stage`). Tutorials also
call other APIs on the same gateway, so a URL is reported only when it is clearly meant for a loaded
API:
- the host is one or two edits from a server host and the base path is right (`platfrom.adobe.io`);
- the host fits the server template but uses a variable value the spec does not list;
- the host is right and the path is a path of the API behind a base path one or two edits (or
  only letter case) away from the server's (`/data/foundation/flowservices/connections`).

Any other URL belongs to another API and no `SCH*` rule looks at it. The finding points at the
host or base path in the URL.

## Why it matters
A reader who copies the request gets a DNS error or a 404 from the gateway and no hint why.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservices/connections' \
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

impl Rule for UnknownServer {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let Some(url) = req.url.as_deref() else {
                continue;
            };
            if ctx.schema.route(url).is_some() {
                continue;
            }
            let Some(miss) = ctx.schema.near_miss(url) else {
                continue;
            };
            let span = super::helpers::url_span(ctx, req, miss.range.clone());
            let mut f = ctx.finding(&META, span, miss.message);
            if !miss.expected.is_empty() {
                f = f.with_help(format!("the API's server is `{}`", miss.expected));
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
    fn points_at_the_host_typo() {
        let f = run(
            &UnknownServer,
            "# T\n\n```shell\ncurl -X GET \\\n  'https://platfrom.adobe.io/data/foundation/flowservice/flows'\n```\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (5, 12));
    }

    #[test]
    fn other_apis_are_left_alone() {
        for url in [
            "https://platform.adobe.io/data/foundation/catalog/dataSets",
            "https://platform.adobe.io/data/foundation/conversion/mappingSets",
            "https://dcs.adobedc.net/collection/abc",
            "https://example.com/connections",
        ] {
            let f = run(&UnknownServer, &format!("```shell\ncurl '{url}'\n```\n"));
            assert!(f.is_empty(), "{url}: {f:?}");
        }
    }
}
