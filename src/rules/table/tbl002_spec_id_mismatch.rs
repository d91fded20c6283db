//! TBL002 spec-id-mismatch.

use super::helpers::{name_rows, property_table, uuids};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::openapi::is_placeholder;

/// Reports a connection spec id stated in prose or a table that differs from the request's.
pub struct SpecIdMismatch;

static META: RuleMeta = RuleMeta {
    id: "TBL002",
    name: "spec-id-mismatch",
    family: "tbl",
    summary: "The connection spec id stated in prose or a table differs from the request body's",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
For each request whose body has a `connectionSpec.id`, the ids stated around it:
- the `` `connectionSpec.id` `` row of its property table (the first table after the request);
- ids in code spans in the prose of its section (after the last heading before the request), when
  the id is a connection spec id of the catalog, or is the only id of its paragraph and appears in
  no code block of the page (an id the page never uses anywhere else is a statement, not a sample
  value).

Each must equal the body's id. The finding points at the stated id. Language-independent: it
reads ids and code spans, not words.

## Why it matters
The reader sees two ids and must guess; picking the prose one creates a connection to another
source.

## Example
~~~markdown
## Create a connection

The connection spec id for [!DNL HubSpot] is `221c7626-58f6-4eec-8ee2-042b0226f03b`.

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {}, "connectionSpec": {"id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806"}}'
```
~~~

## Use instead
~~~markdown
## Create a connection

The connection spec id for [!DNL HubSpot] is `cc6a4487-9e91-433e-a3a3-9cf6626c1806`.

```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -d '{"auth": {}, "connectionSpec": {"id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806"}}'
```
~~~
"#,
};

impl Rule for SpecIdMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let doc = ctx.doc;
        let code_text: Vec<&str> = doc.code_blocks.iter().map(|b| b.text.as_str()).collect();
        for req in ctx.requests {
            let Some(id) = crate::rules::schema::helpers::body_str(req, "/connectionSpec/id")
            else {
                continue;
            };
            if is_placeholder(id) {
                continue;
            }
            let mut report = |span: crate::afm::Span, stated: &str, where_: &str| {
                let whose = ctx
                    .schema
                    .catalog
                    .by_spec_id(stated)
                    .map(|c| format!(" ({}'s)", c.name))
                    .unwrap_or_default();
                out.push(
                    ctx.finding(&META, span, format!("{where_} states connection spec id `{stated}`{whose}, but the request body sends `{id}`"))
                        .with_help("make the prose, the table and the request use the same id"),
                );
            };
            if let Some(t) = property_table(doc, req, "connectionSpec.id") {
                for (n, cell) in name_rows(doc, t) {
                    if n != "connectionSpec.id" {
                        continue;
                    }
                    let Some(row) = t
                        .rows
                        .iter()
                        .find(|r| r.cells.first().is_some_and(|c| c.span == cell.span))
                    else {
                        continue;
                    };
                    let text = doc.slice(&row.span);
                    for (at, u) in uuids(text) {
                        if !u.eq_ignore_ascii_case(id) {
                            report(
                                row.span.start + at..row.span.start + at + u.len(),
                                u,
                                "the property table",
                            );
                        }
                    }
                }
            }
            // Prose of the request's section.
            let start = doc.heading_before(req.span.start).map_or(0, |h| h.span.end);
            for block in doc
                .blocks
                .iter()
                .filter(|b| b.span.start >= start && b.span.end <= req.span.start)
            {
                if !matches!(
                    block.kind,
                    crate::afm::BlockKind::Paragraph | crate::afm::BlockKind::Alert { .. }
                ) {
                    continue;
                }
                let spans: Vec<_> = doc
                    .code_spans
                    .iter()
                    .filter(|c| block.span.contains(&c.span.start))
                    .collect();
                let found: Vec<_> = spans
                    .iter()
                    .flat_map(|c| uuids(&c.code).into_iter().map(move |(_, u)| (c, u)))
                    .collect();
                for (c, u) in &found {
                    if u.eq_ignore_ascii_case(id) {
                        continue;
                    }
                    let known = ctx.schema.catalog.by_spec_id(u).is_some();
                    let lone = found.len() == 1 && !code_text.iter().any(|t| t.contains(u));
                    if known || lone {
                        report(c.span.clone(), u, "the prose");
                    }
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
    fn table_row_and_sample_ids() {
        let req = "```shell\ncurl 'https://h.x' -d '{\"connectionSpec\": {\"id\": \"cc6a4487-9e91-433e-a3a3-9cf6626c1806\"}}'\n```\n";
        let table = "\n| P | D |\n| --- | --- |\n| `connectionSpec.id` | The id: `d771e9c1-4f26-40dc-8617-ce58c4b53702` |\n";
        let f = run(&SpecIdMismatch, &format!("# T\n\n{req}{table}"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 9);
        // A sample id that the page uses in a response is not a statement.
        let sample =
            "# T\n\nThe base connection `3e908d3f-c390-482b-9f44-43d3d4f2eb82` is used.\n\n";
        let resp = "\n```json\n{\"id\": \"3e908d3f-c390-482b-9f44-43d3d4f2eb82\"}\n```\n";
        assert!(run(&SpecIdMismatch, &format!("{sample}{req}{resp}")).is_empty());
        assert_eq!(run(&SpecIdMismatch, &format!("{sample}{req}")).len(), 1);
    }
}
