//! PAR003 placeholder-mismatch.

use super::helpers::{line, minus, paired, placeholder_ranges, placeholders, unit_anchor};
use super::sync_fix::with_sync_fix;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

/// What sync rewrites that can hold a placeholder (prose is never rewritten).
const SYNCED: &[ChangeKind] = &[
    ChangeKind::Code,
    ChangeKind::CodeSpan,
    ChangeKind::Link,
    ChangeKind::Image,
];

/// Reports `{PLACEHOLDER}`s that differ from the aligned source line.
pub struct PlaceholderMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR003",
    name: "placeholder-mismatch",
    family: "parity",
    summary: "Placeholders (`{API_KEY}`) differ from the aligned source line",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
The `{UPPER_CASE}` placeholders of every aligned line, table row and code line (or block, when the
lines of a block do not pair up) must be the same set as in the source: none renamed, added or lost.

## Why it matters
Readers replace placeholders with their own values. A translation that says `{ORG_ID}` where the
source says `{IMS_ORG}` no longer matches the prose that explains the value, and one that lost a
placeholder hard-codes an example value.

## Example
~~~markdown
* x-gw-ims-org-id: `{ORG_ID}`
~~~

## Source page
~~~markdown
* x-gw-ims-org-id: `{IMS_ORG}`
~~~

## Use instead
~~~markdown
* x-gw-ims-org-id: `{IMS_ORG}`
~~~

## Fix
A placeholder inside a code block, a code span or a link that `locdoc sync` restores carries sync's
repair (the source's text for that span). Placeholders in prose are left for a person.
"#,
};

impl Rule for PlaceholderMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for u in &a.units {
            let tt = ctx.doc.slice(&u.tr);
            let st = src.doc.slice(&u.src);
            // The same text (most code lines), or the same placeholders in the same order (nearly
            // always none): nothing to compare.
            if tt == st
                || placeholder_ranges(tt)
                    .map(|r| &tt[r])
                    .eq(placeholder_ranges(st).map(|r| &st[r]))
            {
                continue;
            }
            let tp: Vec<&str> = placeholders(tt).into_iter().map(|p| p.1).collect();
            let sp: Vec<&str> = placeholders(st).into_iter().map(|p| p.1).collect();
            let mut tset = tp.clone();
            tset.sort_unstable();
            tset.dedup();
            let mut sset = sp.clone();
            sset.sort_unstable();
            sset.dedup();
            let extra = minus(&tset, &sset);
            let missing = minus(&sset, &tset);
            if extra.is_empty() && missing.is_empty() {
                continue;
            }
            // In code, only a renamed placeholder in an otherwise equal line (or a single rename in
            // a block whose lines do not pair up) is this rule's business; other changes are drift.
            let code = ctx.doc.in_code_block(u.tr.start);
            if code {
                let same_line = super::align::normalize_placeholders(tt.trim())
                    == super::align::normalize_placeholders(st.trim());
                let single_rename = extra.len() == 1 && missing.len() == 1;
                let ok = match u.kind {
                    super::align::UnitKind::CodeLine => same_line,
                    _ => single_rename,
                };
                if !ok {
                    continue;
                }
            }
            let sline = line(src.doc, u.src.start);
            let had = if missing.is_empty() {
                String::new()
            } else {
                format!(
                    " (source line {sline} has {})",
                    missing
                        .iter()
                        .map(|m| format!("`{m}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            for e in &extra {
                let Some((off, _)) = placeholders(tt).into_iter().find(|p| p.1 == *e) else {
                    continue;
                };
                let at = u.tr.start + off;
                let msg = if missing.is_empty() {
                    format!("placeholder `{e}` is not in the source (source line {sline})")
                } else {
                    format!("placeholder `{e}` differs from the source{had}")
                };
                let span = at..at + e.len();
                let f = ctx.finding(&META, span.clone(), msg);
                out.push(with_sync_fix(ctx, f, &span, SYNCED));
            }
            if extra.is_empty() {
                let span = unit_anchor(ctx.doc, u);
                let f = ctx.finding(
                    &META,
                    span.clone(),
                    format!("placeholder missing here{had}"),
                );
                out.push(with_sync_fix(ctx, f, &span, SYNCED));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn renamed_and_missing_placeholders() {
        let src = "# T\n\n* id: `{IMS_ORG}`\n* key: `{API_KEY}`\n\n```shell\ncurl -H 'x-gw-ims-org-id: {IMS_ORG}' https://x.y\n```\n";
        let tr = "# T\n\n* id: `{ORG_ID}`\n* clé: `abc`\n\n```shell\ncurl -H 'x-gw-ims-org-id: {IMS_ORG}' https://x.y\n```\n";
        let f = run_pair(&PlaceholderMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![3, 4], "{f:?}");
        assert!(
            f[0].message.contains("source line 3 has `{IMS_ORG}`"),
            "{}",
            f[0].message
        );
    }
}
