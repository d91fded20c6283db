//! SCH009 auth-params-mismatch.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports `auth.specName` / `auth.params` that do not match the connector's auth spec.
pub struct AuthParamsMismatch;

static META: RuleMeta = RuleMeta {
    id: "SCH009",
    name: "auth-params-mismatch",
    family: "sch",
    summary: "A base connection's auth spec name or params are not those of its connector",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A request body with `auth.specName` and `connectionSpec.id`: the connector is the one the catalog
gives for the id (else the page's connector). `auth.specName` must be one of its auth specs
(case-insensitive); then every key of `auth.params` must be a param of that auth spec (exact case),
and every required param must be present. The finding points at the offending key (a missing
param at `params`, a wrong name at the `specName` value). With no catalog entry it does nothing.

## Why it matters
The connection is rejected, or created with credentials the source never reads; readers copy the
wrong key names into their automation.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication", "params": {"clientID": "{CLIENT_ID}", "clientSecret": "{S}", "accessToken": "{A}", "refreshToken": "{R}"}},
       "connectionSpec": {"id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0"}}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication", "params": {"clientId": "{CLIENT_ID}", "clientSecret": "{S}", "accessToken": "{A}", "refreshToken": "{R}"}},
       "connectionSpec": {"id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0"}}'
```
~~~
"#,
};

impl Rule for AuthParamsMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        use super::helpers::{body_span, body_str, pointer_span};
        for req in ctx.requests {
            let Some(spec_name) = body_str(req, "/auth/specName") else {
                continue;
            };
            let connector = body_str(req, "/connectionSpec/id")
                .and_then(|id| ctx.schema.catalog.by_spec_id(id))
                .or_else(|| super::helpers::page_connector(ctx));
            let Some(c) = connector else { continue };
            let nodes = req.body_nodes();
            let Some(auth) = c.auth_spec(spec_name) else {
                let names: Vec<&str> = c.auth.iter().map(|a| a.spec_name.as_str()).collect();
                let span = nodes
                    .get("/auth/specName")
                    .and_then(|n| body_span(req, n.value.clone()))
                    .unwrap_or_else(|| pointer_span(req, nodes, "/auth/specName"));
                out.push(
                    ctx.finding(
                        &META,
                        span,
                        format!("`{spec_name}` is not an auth spec of {}", c.name),
                    )
                    .with_help(format!(
                        "{} accepts: {}",
                        c.name,
                        names.join(", ")
                    )),
                );
                continue;
            };
            let Some(params) = req
                .body
                .as_ref()
                .and_then(|b| b.pointer("/auth/params"))
                .and_then(|p| p.as_object())
            else {
                continue;
            };
            for key in params.keys() {
                if auth.params.iter().any(|p| &p.name == key) {
                    continue;
                }
                let ptr = format!("/auth/params/{}", crate::schema::refs::escape(key));
                let hint = auth
                    .params
                    .iter()
                    .find(|p| p.name.eq_ignore_ascii_case(key));
                let mut f = ctx.finding(
                    &META,
                    pointer_span(req, nodes, &ptr),
                    format!(
                        "`{key}` is not a param of {}'s `{}` auth spec",
                        c.name, auth.spec_name
                    ),
                );
                f = f.with_help(match hint {
                    Some(p) => format!("the param is spelled `{}`", p.name),
                    None => format!(
                        "its params are: {}",
                        auth.params
                            .iter()
                            .map(|p| p.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                });
                out.push(f);
            }
            for p in auth.params.iter().filter(|p| p.required) {
                if params.contains_key(&p.name)
                    || params.keys().any(|k| k.eq_ignore_ascii_case(&p.name))
                {
                    continue;
                }
                out.push(ctx.finding(
                    &META,
                    pointer_span(req, nodes, "/auth/params"),
                    format!(
                        "required param `{}` of {}'s `{}` auth spec is missing",
                        p.name, c.name, auth.spec_name
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn missing_and_unknown_params() {
        let f = run(
            &AuthParamsMismatch,
            "```shell\ncurl 'https://h.x' -d '{\n  \"auth\": {\"specName\": \"basic authentication\", \"params\": {\n    \"clientId\": \"a\", \"clientSecret\": \"b\", \"accessToken\": \"c\", \"extra\": 1}},\n  \"connectionSpec\": {\"id\": \"cc6a4487-9e91-433e-a3a3-9cf6626c1806\"}}'\n```\n",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].line, 4);
        assert!(f[1].message.contains("refreshToken"));
        assert_eq!(f[1].line, 3);
    }
}
