//! TXT004 untranslated-text.

use super::helpers::{sentences, MASK};
use crate::diag::{Finding, Severity};
use crate::lang::{english_runs_in_cjk, is_cjk_locale, is_english_sentence};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;

/// Reports prose of a translated page still in the source language (English).
pub struct UntranslatedText;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT004",
    name: "untranslated-text",
    family: "text",
    summary: "Prose of a translated page left in English",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Sentences of a translated page (any locale but English) that are still English, judged per sentence
of every paragraph, list item, heading and table cell. Code, URLs, `[!DNL]`/`[!UICONTROL]` terms and
the product names of the glossary are ignored. On Latin-script pages a sentence is English only when
two methods agree: whatlang's trigram model (English against the page's language) and a clear excess
of English function words. On Chinese, Japanese and Korean pages it is a run of Latin-script words
containing English function words, or a lone `is`/`are` left in a translated sentence.

A line carrying the `<!-- locdoc:untranslated -->` marker (a table row copied from the source page
by `locdoc sync --insert-missing`) is reported once at the marker, whatever its language: the row is
still in the source language until someone translates it and removes the marker.

## Why it matters
Machine translation skips segments it cannot align, so whole paragraphs or the end of a sentence
stay English. Readers of the locale hit a language switch in the middle of a procedure.

## Example
~~~markdown
<!-- locale: fr -->
Ce guide nécessite une compréhension des composants suivants.

The following sections provide additional information that you will need to know in order to connect.
~~~

## Use instead
~~~markdown
<!-- locale: fr -->
Ce guide nécessite une compréhension des composants suivants.

Les sections suivantes fournissent les informations supplémentaires nécessaires à la connexion.
~~~
"#,
};

fn excerpt(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if c as u32 == u32::from(MASK) {
                '…'
            } else {
                c
            }
        })
        .collect();
    let mut clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    while clean.contains("……") {
        clean = clean.replace("……", "…");
    }
    if clean.chars().count() > 60 {
        let cut: String = clean.chars().take(57).collect();
        format!("{cut}…")
    } else {
        clean
    }
}

/// Reports every `<!-- locdoc:untranslated -->` marker outside code; returns the marked lines
/// (their sentences are not judged again).
fn marked_lines(ctx: &Context<'_>, out: &mut Vec<Finding>) -> Vec<usize> {
    let marker = crate::sync::UNTRANSLATED_MARKER;
    let mut lines = Vec::new();
    for at in memchr::memmem::find_iter(ctx.doc.text.as_bytes(), marker) {
        if ctx.doc.in_code(at) {
            continue;
        }
        lines.push(ctx.doc.lines.line(at));
        out.push(
            ctx.finding(
                &META,
                at..at + marker.len(),
                "row inserted by `locdoc sync --insert-missing` is still in the source language",
            )
            .with_help("translate the row, then remove the `<!-- locdoc:untranslated -->` marker"),
        );
    }
    lines
}

impl Rule for UntranslatedText {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let locale = ctx.doc.locale.as_str();
        let src_lang = ctx.source.map_or("en", |s| primary_language(&s.doc.locale));
        if primary_language(locale) == src_lang || src_lang != "en" || locale.is_empty() {
            return;
        }
        let marked = marked_lines(ctx, out);
        let cjk = is_cjk_locale(locale);
        for seg in ctx.segments().iter() {
            if !marked.is_empty() && marked.contains(&ctx.doc.lines.line(seg.span.start)) {
                continue;
            }
            let names: Vec<_> = ctx
                .corpus
                .glossary
                .find(&seg.masked)
                .into_iter()
                .map(|r| seg.at(r.start)..seg.at(r.end))
                .collect();
            let text = seg.without_terms(ctx.doc, &names);
            if cjk {
                for r in english_runs_in_cjk(&text) {
                    let shown = excerpt(&text[r.clone()]);
                    out.push(
                        ctx.finding(
                            &META,
                            seg.at(r.start)..seg.at(r.end),
                            format!("English left untranslated: “{shown}”"),
                        )
                        .with_help("translate the words, or mark product names with [!DNL …]"),
                    );
                }
                continue;
            }
            // Masks and link/emphasis punctuation read as spaces. All are ASCII, so replaced byte
            // for byte (the text stays valid UTF-8, with the same offsets).
            let mut bytes = text.as_bytes().to_vec();
            for b in &mut bytes {
                if *b == MASK || matches!(*b, b'[' | b']' | b'(' | b')' | b'*' | b'_') {
                    *b = b' ';
                }
            }
            let plain = String::from_utf8(bytes).unwrap_or_default();
            let mut current: Option<std::ops::Range<usize>> = None;
            let mut flagged = Vec::new();
            for r in sentences(&plain) {
                if is_english_sentence(&plain[r.clone()], locale) {
                    current = Some(match current.take() {
                        Some(c) => c.start..r.end,
                        None => r,
                    });
                } else if let Some(c) = current.take() {
                    flagged.push(c);
                }
            }
            flagged.extend(current);
            for r in flagged {
                let shown = excerpt(&text[r.clone()]);
                out.push(
                    ctx.finding(
                        &META,
                        seg.at(r.start)..seg.at(r.end),
                        format!("English left untranslated: “{shown}”"),
                    )
                    .with_help("translate the sentence"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;
    use crate::rules::text::helpers::run_locale;

    #[test]
    fn french_page_with_english_sentences() {
        let s = "# Prise en main\n\nCe didacticiel utilise l’API pour vous guider à travers les étapes. For information on the conventions used in documentation for sample API calls, see the section on [how to read example API calls](../x.md).\n\n* Toutes les requêtes qui contiennent un payload (POST, PUT, PATCH) nécessitent un en-tête.\n* x-api-key: `{API_KEY}`\n";
        let f = run_locale(&UntranslatedText, s, "fr-FR");
        assert_eq!(lines(&f), vec![3], "{f:?}");
        assert!(
            f[0].message.contains("For information on"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn korean_and_chinese_pages() {
        let s = "| `connectionSpec.id` | 에 대한 연결 사양 ID [!DNL HubSpot] is: `cc6a`. |\n|---|---|\n| `auth.params.host` | The endpoint of the [!DNL Shopify] server. |\n\nOAuth 2.0 인증을 사용하는 [!DNL Flow Service] API입니다.\n";
        let f = run_locale(&UntranslatedText, s, "ko-KR");
        assert_eq!(lines(&f), vec![1, 3], "{f:?}");
        let z = "以下请求为[!DNL HubSpot]创建基本连接，使用 Experience Platform API 和 `curl`。\n";
        assert!(run_locale(&UntranslatedText, z, "zh-Hans").is_empty());
    }

    #[test]
    fn rows_marked_untranslated_by_sync_are_reported_once() {
        let s = "| Champ | Description |\n|---|---|\n| `id` | L’identifiant de la connexion. |\n| `auth.params.token` | The access token of the account. <!-- locdoc:untranslated --> |\n| `x` | Valeur x <!-- locdoc:untranslated --> |\n\n```shell\necho '<!-- locdoc:untranslated -->'\n```\n";
        let f = run_locale(&UntranslatedText, s, "fr-FR");
        assert_eq!(lines(&f), vec![4, 5], "{f:?}");
        assert!(f
            .iter()
            .all(|x| x.message.contains("still in the source language")));
        let at = s.find("<!--").unwrap();
        assert_eq!(f[0].span, at..at + crate::sync::UNTRANSLATED_MARKER.len());
        // On the source page the marker means nothing.
        assert!(run_locale(&UntranslatedText, s, "en").is_empty());
    }

    #[test]
    fn english_pages_are_not_checked() {
        let s = "The following sections provide additional information that you will need.\n";
        assert!(run_locale(&UntranslatedText, s, "en").is_empty());
    }
}
