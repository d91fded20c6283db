//! PAR004 table-rows-mismatch.

use super::align::is_key_like;
use super::helpers::{line, paired};
use crate::afm::{BlockKind, Table};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports table rows (keyed by their first column) that differ from the source table.
pub struct TableRowsMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR004",
    name: "table-rows-mismatch",
    family: "parity",
    summary: "A table's rows (keyed by the first column) differ from the source table",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Pair,
    doc: r#"## What it checks
Aligned tables are compared row by row, keyed by the first column when the source's keys are
identifiers (`` `auth.params.clientId` ``, `connectionSpec.id`): a key translated (`ID client` for
`clientId`), a row dropped or a row the source does not have. Tables whose first column is prose
may be translated freely and are not compared.

## Why it matters
Property and credential tables document the request body field by field. A translated key names a
field that does not exist; a missing row leaves a required value undocumented.

## Example
~~~markdown
| Propriété | Description |
| --- | --- |
| ID client | L’ID client de votre application. |
~~~

## Source page
~~~markdown
| Property | Description |
| --- | --- |
| `clientId` | The client ID of your application. |
~~~

## Use instead
~~~markdown
| Propriété | Description |
| --- | --- |
| `clientId` | L’ID client de votre application. |
~~~
"#,
};

fn raw_key<'a>(doc: &'a crate::afm::Document, t: &Table, i: usize) -> &'a str {
    t.rows
        .get(i)
        .and_then(|r| r.cells.first())
        .map_or("", |c| doc.slice(&c.span).trim().trim_matches('|').trim())
}

fn key(t: &Table, i: usize) -> String {
    t.rows
        .get(i)
        .and_then(|r| r.cells.first())
        .map_or(String::new(), |c| c.text.trim().to_string())
}

impl Rule for TableRowsMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for &(x, y) in &a.blocks {
            let (Some(BlockKind::Table { index: ti }), Some(BlockKind::Table { index: si })) = (
                ctx.doc.blocks.get(x).map(|b| &b.kind),
                src.doc.blocks.get(y).map(|b| &b.kind),
            ) else {
                continue;
            };
            let (Some(tt), Some(st)) = (ctx.doc.tables.get(*ti), src.doc.tables.get(*si)) else {
                continue;
            };
            let skeys: Vec<String> = (0..st.rows.len()).map(|i| key(st, i)).collect();
            let tkeys: Vec<String> = (0..tt.rows.len()).map(|i| key(tt, i)).collect();
            let key_like: Vec<bool> = (0..st.rows.len())
                .map(|i| is_key_like(raw_key(src.doc, st, i)))
                .collect();
            // Only tables whose keys are identifiers (most of them) are compared.
            if key_like.iter().filter(|k| **k).count() * 2 <= st.rows.len() {
                continue;
            }
            let sline = |i: usize| st.rows.get(i).map_or(0, |r| line(src.doc, r.span.start));
            if tt.rows.len() == st.rows.len() {
                for i in 0..tt.rows.len() {
                    if key_like[i]
                        && tkeys[i] != skeys[i]
                        && !tkeys.contains(&skeys[i])
                        && !is_key_like(raw_key(ctx.doc, tt, i))
                    {
                        let span = tt.rows[i]
                            .cells
                            .first()
                            .map_or(tt.rows[i].span.clone(), |c| c.span.clone());
                        out.push(
                            ctx.finding(
                                &META,
                                span,
                                format!(
                                    "row key `{}` differs from the source (source line {}: `{}`)",
                                    tkeys[i],
                                    sline(i),
                                    skeys[i]
                                ),
                            )
                            .with_help("row keys are field names: keep them as in the source"),
                        );
                    }
                }
                if (0..tt.rows.len())
                    .all(|i| tkeys[i] == skeys[i] || !is_key_like(raw_key(ctx.doc, tt, i)))
                {
                    continue;
                }
            }
            let missing: Vec<usize> = (0..st.rows.len())
                .filter(|&i| key_like[i] && !tkeys.contains(&skeys[i]))
                .collect();
            if !missing.is_empty() {
                let names: Vec<String> = missing
                    .iter()
                    .map(|&i| format!("`{}` (source line {})", skeys[i], sline(i)))
                    .collect();
                out.push(ctx.finding(
                    &META,
                    tt.header.span.clone(),
                    format!(
                        "the source table has rows this table lacks: {}",
                        names.join(", ")
                    ),
                ));
            }
            let extra: Vec<usize> = (0..tt.rows.len())
                .filter(|&i| is_key_like(raw_key(ctx.doc, tt, i)) && !skeys.contains(&tkeys[i]))
                .collect();
            if let Some(&first) = extra.first() {
                let names: Vec<String> = extra.iter().map(|&i| format!("`{}`", tkeys[i])).collect();
                let span = tt.rows[first]
                    .cells
                    .first()
                    .map_or(tt.rows[first].span.clone(), |c| c.span.clone());
                out.push(ctx.finding(
                    &META,
                    span,
                    format!(
                        "rows not in the source table (source line {}): {}",
                        line(src.doc, st.span.start),
                        names.join(", ")
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    const SRC: &str = "# T\n\n| Property | Description |\n| --- | --- |\n| `clientId` | The id. |\n| `clientSecret` | The secret. |\n| `connectionSpec.id` | The spec. |\n";

    #[test]
    fn translated_keys_and_missing_rows() {
        let tr = "# T\n\n| Propriété | Description |\n| --- | --- |\n| ID client | L’id. |\n| `clientSecret` | Le secret. |\n| `connectionSpec.id` | La spec. |\n";
        let f = run_pair(&TableRowsMismatch, tr, Some(SRC));
        assert_eq!(lines(&f), vec![5], "{f:?}");
        assert!(f[0].message.contains("source line 5: `clientId`"));
        let tr = "# T\n\n| Propriété | Description |\n| --- | --- |\n| `clientId` | L’id. |\n| `clientSecret` | Le secret. |\n";
        let f = run_pair(&TableRowsMismatch, tr, Some(SRC));
        assert_eq!(lines(&f), vec![3]);
        assert!(f[0].message.contains("`connectionSpec.id` (source line 7)"));
    }
}
