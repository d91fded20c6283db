//! PAR011 exl-id-mismatch.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

use super::sync_fix::sync_fix;

/// Reports a translation whose `exl-id` is missing or differs from its source page's.
pub struct ExlIdMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR011",
    name: "exl-id-mismatch",
    family: "parity",
    summary: "The front-matter `exl-id` is missing or differs from the source page's",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
The `exl-id` front-matter key identifies a page across locales; a translation must carry its source
page's value. Reported: a different value, or no `exl-id` while the source has one.

## Why it matters
Publishing, search and the language switcher find a page's translations by `exl-id`. Without it (or
with another page's) the translation is orphaned or linked to the wrong page.

## Example
~~~markdown
---
title: Créer une connexion
exl-id: 11111111-2222-3333-4444-555555555555
---
# Créer une connexion
~~~

## Source page
~~~markdown
---
title: Create a connection
exl-id: a3e64215-a82d-4aa7-8e6a-48c84c056201
---
# Create a connection
~~~

## Use instead
~~~markdown
---
title: Créer une connexion
exl-id: a3e64215-a82d-4aa7-8e6a-48c84c056201
---
# Créer une connexion
~~~

## Fix
The value is replaced by (or added as) the source's: the edit `locdoc sync` makes. A page without
front matter (or with broken front matter) is left for a person.
"#,
};

impl Rule for ExlIdMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(src) = ctx.source else { return };
        let Some(want) = src.doc.exl_id() else { return };
        let src_line = src
            .doc
            .front_matter
            .as_ref()
            .and_then(|f| f.field("exl-id"))
            .map_or(1, |f| src.doc.lines.line(f.span.start));
        let fm = ctx.doc.front_matter.as_ref();
        match fm.and_then(|f| f.field("exl-id")) {
            Some(field) if field.value != want => out.push(
                ctx.finding(
                    &META,
                    field.span.clone(),
                    format!(
                        "exl-id `{}` differs from the source (source line {src_line}: `{want}`)",
                        field.value
                    ),
                )
                .with_fix(
                    sync_fix(ctx, &field.span, &[ChangeKind::ExlId]).unwrap_or(Fix {
                        title: format!("use exl-id {want}"),
                        edits: vec![Edit {
                            range: field.span.clone(),
                            replacement: format!("exl-id: {want}"),
                        }],
                    }),
                ),
            ),
            Some(_) => {}
            None => {
                let f = match fm {
                    Some(fm) if fm.error.is_none() => {
                        let at = fm.body_span.end;
                        ctx.finding(
                            &META,
                            fm.span.start..fm.span.start + 3,
                            format!("no exl-id; the source has `{want}` (source line {src_line})"),
                        )
                        .with_fix(
                            sync_fix(ctx, &fm.span, &[ChangeKind::ExlId]).unwrap_or(Fix {
                                title: format!("add exl-id {want}"),
                                edits: vec![Edit {
                                    range: at..at,
                                    replacement: format!("exl-id: {want}\n"),
                                }],
                            }),
                        )
                    }
                    _ => ctx.finding(
                        &META,
                        0..0,
                        format!("no exl-id; the source has `{want}` (source line {src_line})"),
                    ),
                };
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};
    use crate::rules::text::helpers::apply_fixes;

    #[test]
    fn missing_and_different_ids() {
        let src = "---\ntitle: T\nexl-id: abc\n---\n# T\n";
        let f = run_pair(
            &ExlIdMismatch,
            "---\ntitle: T\nexl-id: xyz\n---\n# T\n",
            Some(src),
        );
        assert_eq!(lines(&f), vec![3]);
        let tr = "---\ntitle: T\n---\n# T\n";
        let f = run_pair(&ExlIdMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![1]);
        assert_eq!(
            apply_fixes(tr, &f),
            "---\ntitle: T\nexl-id: abc\n---\n# T\n"
        );
    }
}
