//! FTL006 unbalanced-markup.

use crate::diag::{Finding, Severity};
use crate::render::catalog::{FtlEntry, FtlFile};
use crate::rules::ftl::{id_span, CatalogContext};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports `[!DNL …]` / `[!UICONTROL …]` markup that is not closed or not well formed in a message.
pub struct UnbalancedMarkup;

static META: RuleMeta = RuleMeta {
    id: "FTL006",
    name: "unbalanced-markup",
    family: "ftl",
    summary: "[!DNL …] or [!UICONTROL …] markup in a message is not closed",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
Inside every message (each select variant separately), each `[!DNL` and `[!UICONTROL` must be
followed by a space and closed by `]` on the same line. Placeables count as text, so
`[!DNL { $connector }]` is balanced.

## Why it matters
An unclosed marker swallows the rest of the sentence: the AFM publisher shows the raw
`[!DNL` text, and the term is translated by machine or left unprotected.

## Example
~~~ftl
intro = Connect [!DNL { $connector } to [!DNL Experience Platform].
~~~

## Use instead
~~~ftl
intro = Connect [!DNL { $connector }] to [!DNL Experience Platform].
~~~
"#,
};

impl Rule for UnbalancedMarkup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        for file in ctx.files {
            for e in &file.entries {
                let mut problems: Vec<(&str, &str)> = Vec::new();
                for t in &e.texts {
                    for p in problems_in(t) {
                        if !problems.contains(&p) {
                            problems.push(p);
                        }
                    }
                }
                for (kind, what) in problems {
                    let span = marker_span(file, e, kind);
                    out.push(
                        ctx.finding(&META, file, span, format!("`[!{kind}` in `{}` {what}", e.id))
                            .with_help(format!("write `[!{kind} term]` with a space after `{kind}` and `]` after the term")),
                    );
                }
            }
        }
    }
}

/// (kind, what is wrong) for each bad marker of a flattened message text.
fn problems_in(t: &str) -> Vec<(&'static str, &'static str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = t[from..].find("[!") {
        let at = from + i + 2;
        let rest = &t[at..];
        let kind = if rest.starts_with("DNL") {
            "DNL"
        } else if rest.starts_with("UICONTROL") {
            "UICONTROL"
        } else {
            from = at;
            continue;
        };
        let after = &rest[kind.len()..];
        if !after.starts_with(|c: char| c.is_whitespace()) {
            out.push((kind, "is not followed by a space"));
            from = at;
            continue;
        }
        match after.find([']', '[', '\n']) {
            Some(j) if after[j..].starts_with(']') && !after[..j].trim().is_empty() => {
                from = at + kind.len() + j + 1;
            }
            Some(j) if after[j..].starts_with(']') => {
                out.push((kind, "has no term"));
                from = at + kind.len() + j + 1;
            }
            _ => {
                out.push((kind, "is not closed by `]`"));
                from = at;
            }
        }
    }
    out
}

fn marker_span(file: &FtlFile, e: &FtlEntry, kind: &str) -> crate::afm::Span {
    let text = file.text.get(e.span.clone()).unwrap_or("");
    let needle = format!("[!{kind}");
    match text.find(&needle) {
        Some(i) => e.span.start + i..e.span.start + i + needle.len(),
        None => id_span(&e.span, &e.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ftl::testing::run;

    #[test]
    fn unclosed_markup_in_a_variant_is_found() {
        let f = run(
            &UnbalancedMarkup,
            "ok = [!DNL { $x }] and [!UICONTROL Save]\nbad =\n    { $n ->\n        [one] [!DNL X]\n       *[other] [!UICONTROL Y\n    }\n",
            None,
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 5);
        assert!(f[0].message.contains("UICONTROL"));
    }

    #[test]
    fn marker_without_space_or_term() {
        assert_eq!(
            problems_in("[!DNLX]"),
            [("DNL", "is not followed by a space")]
        );
        assert_eq!(problems_in("[!DNL ]"), [("DNL", "has no term")]);
        assert!(problems_in("[!NOTE] [!DNL \u{FFFC}] [link](x)").is_empty());
    }
}
