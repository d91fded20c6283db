//! TBL001 credential-table-mismatch.

use super::helpers::{all_keys, is_ident, name_rows, property_table};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports auth params sent but not documented, and documented credentials never sent.
pub struct CredentialTableMismatch;

static META: RuleMeta = RuleMeta {
    id: "TBL001",
    name: "credential-table-mismatch",
    family: "tbl",
    summary: "The credential or property table disagrees with the auth params of the request",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Requests whose JSON body has `auth.params`, against the tables that document them. Tables are
found by content, not by header text (translations translate headers): a *credential table* is
one whose first column holds bare names in code spans (`` `clientId` ``), at least one of which a
request on the page sends; a request's *property table* is the first table after it, before the next heading, when it has
`` `auth.params.…` `` rows (requests in tabs share the table after the last tab). Reported:
- a key of `auth.params` that no credential table and no property table of the request names
  (at the JSON key), or that they spell with another letter case (at the table cell);
- a `` `auth.params.X` `` row of the property table that none of the requests sharing it sends;
- a credential-table name that no request body on the page sends anywhere and that is not a
  param of any auth spec of the page's connector in the catalog (alternative credentials stay
  allowed).

Pages with neither kind of table are not judged.

## Why it matters
Readers fill in the table, then copy the request: a credential the table never mentions, or one
it spells differently, is how a working tutorial turns into a 400.

## Example
~~~markdown
| Credential | Description |
| --- | --- |
| `clientId` | The app's client id. |

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication", "params": {"clientId": "{CLIENT_ID}", "clientSecret": "{CLIENT_SECRET}"}}}'
```
~~~

## Use instead
~~~markdown
| Credential | Description |
| --- | --- |
| `clientId` | The app's client id. |
| `clientSecret` | The app's client secret. |

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {"specName": "Basic Authentication", "params": {"clientId": "{CLIENT_ID}", "clientSecret": "{CLIENT_SECRET}"}}}'
```
~~~
"#,
};

impl Rule for CredentialTableMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let auth_reqs: Vec<_> = ctx
            .requests
            .iter()
            .filter_map(|r| {
                let p = r.body.as_ref()?.pointer("/auth/params")?.as_object()?;
                Some((r, p))
            })
            .collect();
        if auth_reqs.is_empty() {
            return;
        }
        let mut sent_anywhere = Vec::new();
        for r in ctx.requests {
            if let Some(b) = &r.body {
                all_keys(b, &mut sent_anywhere);
            }
        }
        let auth_keys: Vec<&String> = auth_reqs.iter().flat_map(|(_, p)| p.keys()).collect();
        // Credential tables: bare-name first column, sharing a name with some auth.params.
        let cred_rows: Vec<(&str, &crate::afm::Cell)> = doc
            .tables
            .iter()
            .map(|t| name_rows(doc, t))
            .filter(|rows| {
                let bare: Vec<_> = rows.iter().filter(|(n, _)| is_ident(n)).collect();
                !bare.is_empty()
                    && bare
                        .iter()
                        .any(|(n, _)| auth_keys.iter().any(|k| k.eq_ignore_ascii_case(n)))
            })
            .flat_map(|rows| rows.into_iter().filter(|(n, _)| is_ident(n)))
            .collect();
        let mut reported_cells = Vec::new();
        for (req, params) in &auth_reqs {
            let prop = property_table(doc, req, "auth.params.");
            let prop_rows: Vec<(&str, &crate::afm::Cell)> = prop
                .map(|t| {
                    name_rows(doc, t)
                        .into_iter()
                        .filter_map(|(n, c)| n.strip_prefix("auth.params.").map(|k| (k, c)))
                        .filter(|(k, _)| !k.is_empty())
                        .collect()
                })
                .unwrap_or_default();
            if cred_rows.is_empty() && prop.is_none() {
                continue;
            }
            let nodes = req.body_nodes();
            let documented = cred_rows.iter().chain(prop_rows.iter());
            for key in params.keys() {
                let rows: Vec<_> = documented.clone().collect();
                if rows.iter().any(|(n, _)| n == key) {
                    continue;
                }
                if let Some((n, cell)) = rows.iter().find(|(n, _)| n.eq_ignore_ascii_case(key)) {
                    if !reported_cells.contains(&cell.span.start) {
                        reported_cells.push(cell.span.start);
                        out.push(
                            ctx.finding(
                                &META,
                                cell.span.clone(),
                                format!("the table writes `{n}`, but the request sends `{key}`"),
                            )
                            .with_help(format!("spell it `{key}`, as in the request body")),
                        );
                    }
                    continue;
                }
                let ptr = format!("/auth/params/{}", crate::schema::refs::escape(key));
                out.push(
                    ctx.finding(
                        &META,
                        crate::rules::schema::helpers::pointer_span(req, nodes, &ptr),
                        format!("auth param `{key}` is sent but no credential or property table documents it"),
                    )
                    .with_help("add a row for it to the credential table"),
                );
            }
            // Requests in tabs share one table: a row is fine if any of them sends it.
            let sharing: Vec<_> = auth_reqs
                .iter()
                .filter(|(r, _)| {
                    property_table(doc, r, "auth.params.").map(|t| t.span.start)
                        == prop.map(|t| t.span.start)
                })
                .collect();
            for (k, cell) in &prop_rows {
                if sharing
                    .iter()
                    .any(|(_, p)| p.keys().any(|p| p.eq_ignore_ascii_case(k)))
                {
                    continue;
                }
                out.push(ctx.finding(
                    &META,
                    cell.span.clone(),
                    format!("the property table documents `auth.params.{k}`, which the request(s) above do not send"),
                ));
            }
        }
        let connector = crate::rules::schema::helpers::page_connector(ctx);
        for (n, cell) in &cred_rows {
            let sent = sent_anywhere.iter().any(|k| k.eq_ignore_ascii_case(n));
            let in_catalog = connector.is_some_and(|c| {
                c.auth
                    .iter()
                    .any(|a| a.params.iter().any(|p| p.name.eq_ignore_ascii_case(n)))
            });
            if !sent && !in_catalog {
                out.push(ctx.finding(
                    &META,
                    cell.span.clone(),
                    format!("credential `{n}` is listed but no request on the page sends it"),
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
    fn property_table_case_and_extra_rows() {
        let page = "```shell\ncurl -X POST 'https://h.x' \\\n  -d '{\"auth\": {\"params\": {\"clientId\": \"{A}\", \"secret\": \"{B}\"}}}'\n```\n\n| P | D |\n| --- | --- |\n| `auth.params.clientID` | x |\n| `auth.params.secret` | y |\n| `auth.params.host` | z |\n";
        let f = run(&CredentialTableMismatch, page);
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].line, 8);
        assert!(f[0].message.contains("`clientID`"));
        assert_eq!(f[1].line, 10);
    }

    #[test]
    fn headers_may_be_translated() {
        let page = "| 자격 증명 | 설명 |\n| --- | --- |\n| `user` | a |\n| `pass` | b |\n\n```shell\ncurl 'https://h.x' -d '{\"auth\": {\"params\": {\"user\": \"{U}\", \"pass\": \"{P}\"}}}'\n```\n";
        assert!(run(&CredentialTableMismatch, page).is_empty());
        let f = run(
            &CredentialTableMismatch,
            &page.replace("\"pass\": \"{P}\"", "\"token\": \"{P}\""),
        );
        assert_eq!(f.len(), 2, "{f:?}");
    }
}
