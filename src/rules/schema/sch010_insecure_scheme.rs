//! SCH010 insecure-scheme.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports `http://` on a URL whose server is https.
pub struct InsecureScheme;

static META: RuleMeta = RuleMeta {
    id: "SCH010",
    name: "insecure-scheme",
    family: "sch",
    summary: "A request uses http:// where the API's server is https",
    severity: Severity::Error,
    fix: FixKind::Always,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl URL starting with `http://` whose host and path match a server of a loaded OpenAPI
document once the scheme is `https`, when that server is `https://…` or scheme-relative
(`//host/…`, which locdoc reads as https: the spec is published over https and the gateway
takes credentials in headers) and no server of the document declares plain `http` for it. The
finding points at the scheme; the fix writes `https`.

## Why it matters
The request either fails on the redirect or sends the access token in clear text first.

## Example
~~~markdown
```shell
curl -X GET 'http://platform.adobe.io/data/foundation/flowservice/flows'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/flows'
```
~~~
"#,
};

impl Rule for InsecureScheme {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let Some(url) = req.url.as_deref() else {
                continue;
            };
            let Some(rest) = url.strip_prefix("http://") else {
                continue;
            };
            let secure = format!("https://{rest}");
            let Some(route) = ctx.schema.route(&secure) else {
                continue;
            };
            let http_declared = route
                .spec
                .servers
                .iter()
                .any(|s| s.scheme.as_deref() == Some("http") && s.rest(&route.url).is_some());
            if http_declared {
                continue;
            }
            let span = super::helpers::url_span(ctx, req, 0..4);
            out.push(
                ctx.finding(&META, span.clone(), "plain http:// URL for an https API")
                    .with_help("use https://")
                    .with_fix(Fix {
                        title: "replace `http` with `https`".into(),
                        edits: vec![Edit {
                            range: span,
                            replacement: "https".into(),
                        }],
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn points_at_the_scheme() {
        let f = run(&InsecureScheme, "```shell\ncurl -X POST \\\n  'http://platform.adobe.io/data/foundation/flowservice/connections'\n```\n");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column, f[0].end_column), (3, 4, 8));
        assert!(run(
            &InsecureScheme,
            "```shell\ncurl 'http://example.com/connections'\n```\n"
        )
        .is_empty());
    }
}
