//! SCH008 connection-spec-mismatch.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::openapi::is_placeholder;

/// Reports a connection spec id unknown to the catalog, or belonging to another connector than
/// the page's.
pub struct ConnectionSpecMismatch;

static META: RuleMeta = RuleMeta {
    id: "SCH008",
    name: "connection-spec-mismatch",
    family: "sch",
    summary: "A request's connection spec id is unknown or belongs to another connector",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
The `connectionSpec.id` of request bodies that create a base connection (the body has `auth`) or a
source connection (the body has `baseConnectionId`): the id must be a connection spec id of the
connector catalog, and it must be the id of the connector the page is about. The page's connector
is its file stem when that is a catalog id (`hubspot.md`), else the one connector named by the
`[!DNL …]` terms of the first heading, else the one named in the title; when none or several
match, only the "unknown id" half runs. Target connections and flows (data lake and flow spec
ids) are not checked. With no catalog loaded the rule does nothing. The finding points at the id.

## Why it matters
A spec id copied from another tutorial creates a connection to the wrong source, or fails with
an error that does not mention the id.

## Example
~~~markdown
# Connect [!DNL HubSpot] with the API

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication"}, "connectionSpec": {"id": "221c7626-58f6-4eec-8ee2-042b0226f03b", "version": "1.0"}}'
```
~~~

## Use instead
~~~markdown
# Connect [!DNL HubSpot] with the API

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication"}, "connectionSpec": {"id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806", "version": "1.0"}}'
```
~~~
"#,
};

impl Rule for ConnectionSpecMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let cat = &ctx.schema.catalog;
        if cat.connectors.is_empty() {
            return;
        }
        let page = super::helpers::page_connector(ctx);
        for req in ctx.requests {
            let Some(body) = &req.body else { continue };
            if body.get("auth").is_none() && body.get("baseConnectionId").is_none() {
                continue;
            }
            let Some(id) = super::helpers::body_str(req, "/connectionSpec/id") else {
                continue;
            };
            if is_placeholder(id) {
                continue;
            }
            let nodes = req.body_nodes();
            let span = nodes
                .get("/connectionSpec/id")
                .and_then(|n| super::helpers::body_span(req, n.value.clone()))
                .unwrap_or_else(|| super::helpers::pointer_span(req, nodes, "/connectionSpec/id"));
            match (cat.by_spec_id(id), page) {
                (None, _) => out.push(
                    ctx.finding(
                        &META,
                        span,
                        format!("connection spec id `{id}` is not in the connector catalog"),
                    )
                    .with_help(match page {
                        Some(p) => format!("{} uses `{}`", p.name, p.connection_spec_id),
                        None => "check the id against the connector's tutorial".into(),
                    }),
                ),
                (Some(c), Some(p)) if c.id != p.id => out.push(
                    ctx.finding(
                        &META,
                        span,
                        format!(
                            "connection spec id `{id}` is {}'s, but the page is about {}",
                            c.name, p.name
                        ),
                    )
                    .with_help(format!("{} uses `{}`", p.name, p.connection_spec_id)),
                ),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn unknown_ids_and_target_connections() {
        let req = |id: &str, key: &str| {
            format!("```shell\ncurl -X POST 'https://h.x' \\\n  -d '{{\"{key}\": {{}}, \"connectionSpec\": {{\"id\": \"{id}\"}}}}'\n```\n")
        };
        let f = run(
            &ConnectionSpecMismatch,
            &req("00000000-0000-0000-0000-000000000000", "auth"),
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (3, 45));
        assert!(run(
            &ConnectionSpecMismatch,
            &req("00000000-0000-0000-0000-000000000000", "data")
        )
        .is_empty());
        assert!(run(
            &ConnectionSpecMismatch,
            &req("{CONNECTION_SPEC_ID}", "auth")
        )
        .is_empty());
    }
}
