//! PAR001 stale-translation.

use std::collections::BTreeMap;

use super::align::Section;
use super::git::Freshness;
use super::helpers::{line, paired, quote};
use crate::afm::{BlockKind, Document};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a translation that follows an older (or other) revision of its source page.
pub struct StaleTranslation;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR001",
    name: "stale-translation",
    family: "parity",
    summary: "The translation follows another revision of its source page",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Pair,
    doc: r#"## What it checks
Whether a translation still matches its source page:

- when the source page is in a git repository, the translation's `source-git-commit` must be the
  source file's latest commit (or a later one). One `git log` runs per repository, not per file;
- the structure must match: every section (aligned by heading level, `{#id}` anchor and the code,
  terms and links it holds) and every block in it (paragraph, list, table, code block, alert) must
  have a counterpart.

Everything that changed is summarized in **one** finding on the first line of the front matter
(`source-git-commit` when present), e.g. "2 sections of the source are missing here".

## Why it matters
A translation made from an older revision silently lacks new steps and keeps removed ones. Other
parity rules compare only what lines up, so this rule is where drift shows.

## Example
~~~markdown
# Créer une connexion

## Prise en main

Lisez le [guide](../guide.md).
~~~

## Source page
~~~markdown
# Create a connection

## Getting started

Read the [guide](../guide.md).

## Create a base connection

Send a request to `/connections`.
~~~

## Use instead
~~~markdown
# Créer une connexion

## Prise en main

Lisez le [guide](../guide.md).

## Créer une connexion de base

Envoyez une requête à `/connections`.
~~~
"#,
};

fn heading_text<'a>(doc: &'a Document, s: &Section) -> &'a str {
    s.heading
        .and_then(|h| doc.blocks.get(h))
        .and_then(|b| doc.headings.iter().find(|x| x.span.start == b.span.start))
        .map_or("(introduction)", |h| h.text.as_str())
}

fn list_sections(doc: &Document, secs: &[Section], idx: &[usize], what: &str) -> String {
    let mut names: Vec<String> = idx
        .iter()
        .take(3)
        .filter_map(|&i| secs.get(i))
        .map(|s| {
            format!(
                "“{}” ({what}line {})",
                quote(heading_text(doc, s)),
                line(doc, s.span.start)
            )
        })
        .collect();
    if idx.len() > 3 {
        names.push(format!("and {} more", idx.len() - 3));
    }
    names.join(", ")
}

fn kind_name(k: &BlockKind) -> &'static str {
    match k {
        BlockKind::Paragraph => "paragraph",
        BlockKind::List { .. } => "list",
        BlockKind::Table { .. } => "table",
        BlockKind::Code { .. } => "code block",
        BlockKind::Alert { .. } => "alert",
        BlockKind::Quote => "quote",
        BlockKind::Heading { .. } => "heading",
        BlockKind::Html => "HTML block",
        BlockKind::Rule => "rule",
    }
}

fn count_blocks(doc: &Document, idx: &[usize]) -> String {
    let mut by: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in idx {
        if let Some(b) = doc.blocks.get(i) {
            *by.entry(kind_name(&b.kind)).or_default() += 1;
        }
    }
    by.iter()
        .map(|(k, n)| {
            if *n == 1 {
                format!("1 {k}")
            } else {
                format!("{n} {k}s")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl Rule for StaleTranslation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        let fm = ctx.doc.front_matter.as_ref();
        let commit_field = fm.and_then(|f| f.field("source-git-commit"));
        let mut parts = Vec::new();
        if let Some(field) = commit_field {
            if let Some(Freshness::Stale { latest }) =
                ctx.corpus.revisions.freshness(&src.doc.path, &field.value)
            {
                let short = |s: &str| s.chars().take(10).collect::<String>();
                parts.push(format!(
                    "source-git-commit {} is not the latest commit of {} ({})",
                    short(&field.value),
                    src.doc.display,
                    short(&latest)
                ));
            }
        }
        let src_only = a.src_only_sections();
        if !src_only.is_empty() {
            parts.push(format!(
                "{} section(s) of the source are missing here: {}",
                src_only.len(),
                list_sections(src.doc, &a.src_sections, &src_only, "source ")
            ));
        }
        let tr_only = a.tr_only_sections();
        if !tr_only.is_empty() {
            parts.push(format!(
                "{} section(s) here are not in the source: {}",
                tr_only.len(),
                list_sections(ctx.doc, &a.tr_sections, &tr_only, "")
            ));
        }
        if !a.src_only_blocks.is_empty() {
            parts.push(format!(
                "aligned sections lack {} of the source (first at source line {})",
                count_blocks(src.doc, &a.src_only_blocks),
                a.src_only_blocks
                    .first()
                    .and_then(|&i| src.doc.blocks.get(i))
                    .map_or(0, |b| line(src.doc, b.span.start))
            ));
        }
        if !a.tr_only_blocks.is_empty() {
            parts.push(format!(
                "aligned sections have {} the source does not (first at line {})",
                count_blocks(ctx.doc, &a.tr_only_blocks),
                a.tr_only_blocks
                    .first()
                    .and_then(|&i| ctx.doc.blocks.get(i))
                    .map_or(0, |b| line(ctx.doc, b.span.start))
            ));
        }
        if parts.is_empty() {
            return;
        }
        let span = commit_field
            .map(|f| f.span.clone())
            .or_else(|| fm.map(|f| f.span.start..f.span.start + 3))
            .or_else(|| ctx.doc.headings.first().map(|h| h.span.clone()))
            .unwrap_or(0..0);
        out.push(
            ctx.finding(
                &META,
                span,
                format!("translation is stale: {}", parts.join("; ")),
            )
            .with_help(format!(
                "update the translation from the current {}",
                src.doc.display
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    const SRC: &str = "# T\n\n## A\n\nSee `a1`.\n\n## B\n\nUse `b1`.\n\n```shell\ncurl -X GET https://x.y/b\n```\n";

    #[test]
    fn missing_section_is_one_finding() {
        let tr =
            "---\ntitle: T\nsource-git-commit: 0123456789abcdef\n---\n# T\n\n## A\n\nVoir `a1`.\n";
        let f = run_pair(&StaleTranslation, tr, Some(SRC));
        assert_eq!(lines(&f), vec![3]);
        assert!(
            f[0].message
                .contains("1 section(s) of the source are missing here: “B” (source line 7)"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn same_structure_is_current() {
        let tr = "# T\n\n## A\n\nVoir `a1`.\n\n## B\n\nUtiliser `b1`.\n\n```shell\ncurl -X GET https://x.y/b\n```\n";
        assert!(run_pair(&StaleTranslation, tr, Some(SRC)).is_empty());
    }
}
