//! TXT006 link-spacing.

use regex::Regex;
use std::sync::LazyLock;

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::lang::is_cjk_locale;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports link markup damaged by spacing: padded text, `] (`, a link glued to a word.
pub struct LinkSpacing;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT006",
    name: "link-spacing",
    family: "text",
    summary: "Link text padded with spaces, `[text] (url)`, or a link glued to the next word",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Document,
    doc: r#"## What it checks
- link text that starts or ends with a space: `[ Présentation ](url)`;
- a space between `]` and `(`, which stops `[text] (url)` from being a link at all;
- on pages in space-separated languages, a link glued to the following (or preceding) word:
  `[Didacticiel](url)sur l’éditeur`, the mark of words moved out of the link text. Chinese,
  Japanese and Korean pages are not checked for this (particles attach to links there).

## Why it matters
Padded text underlines the spaces; `[text] (url)` renders as brackets and a raw URL; a glued link
reads as one word and its text no longer says where it goes.

## Example
~~~markdown
Consultez la [ Présentation des sources ](../home.md) et le [guide] (../guide.md).
~~~

## Use instead
~~~markdown
Consultez la [Présentation des sources](../home.md) et le [guide](../guide.md).
~~~

## Fix
Padding inside the brackets and the space before `(` are removed. A glued link needs a person: the
words that belong in the link text have to be moved back.
"#,
};

static SPACED_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r"\[([^\]\n!][^\]\n]*)\]([ \t]+)\((?:https?://|\.\.?/|/|#)[^)\s]*\)").unwrap()
});

/// Whether `s` has a `]` followed by a space or tab: what every [`SPACED_RE`] match holds, found
/// with `memchr` so most segments skip a captures search, which allocates even when it finds
/// nothing (issue 8).
fn has_bracket_blank(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b']', b).any(|i| matches!(b.get(i + 1), Some(b' ' | b'\t')))
}

/// A letter of a space-separated script (not CJK, not an apostrophe-like modifier letter such as `ʼ`).
fn is_word_letter(c: char) -> bool {
    c.is_alphabetic() && !is_cjk_char(c) && !matches!(c, 'ʼ' | 'ʻ' | 'ʹ' | 'ˈ')
}

fn is_cjk_char(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
}

impl Rule for LinkSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let text: &str = &ctx.doc.text;
        let spaced_words = !is_cjk_locale(&ctx.doc.locale);
        for link in &ctx.doc.links {
            let Some(raw) = text.get(link.span.clone()) else {
                continue;
            };
            let open = usize::from(link.image) + 1;
            if !raw[open.min(raw.len())..].is_empty() && raw.as_bytes().get(open - 1) == Some(&b'[')
            {
                if let Some(close) = raw.rfind("](") {
                    let inner = &raw[open..close.max(open)];
                    let trimmed = inner.trim();
                    if !trimmed.is_empty() && trimmed.len() != inner.len() {
                        let s = link.span.start + open;
                        out.push(
                            ctx.finding(
                                &META,
                                s..s + inner.len(),
                                format!("link text “{inner}” is padded with spaces"),
                            )
                            .with_fix(Fix {
                                title: "remove the spaces inside the brackets".into(),
                                edits: vec![Edit {
                                    range: s..s + inner.len(),
                                    replacement: trimmed.to_string(),
                                }],
                            }),
                        );
                    }
                }
            }
            if !spaced_words || link.image {
                continue;
            }
            let after = text[link.span.end..].chars().next();
            if let Some(c) = after.filter(|c| is_word_letter(*c)) {
                let word: String = text[link.span.end..]
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '’' || *c == '\'' || *c == '-')
                    .collect();
                let _ = c;
                out.push(
                    ctx.finding(
                        &META,
                        link.span.clone(),
                        format!("link is glued to the next word “{word}”: words were probably moved out of the link text"),
                    )
                    .with_help("put the words the link stands for inside the brackets and a space after it"),
                );
                continue;
            }
            let before = text[..link.span.start].chars().next_back();
            if before.is_some_and(is_word_letter) {
                out.push(
                    ctx.finding(
                        &META,
                        link.span.clone(),
                        "link is glued to the previous word",
                    )
                    .with_help("add a space before the link"),
                );
            }
        }
        for seg in ctx.segments().iter() {
            let raw = text.get(seg.span.clone()).unwrap_or("");
            if !has_bracket_blank(raw) {
                continue;
            }
            for caps in SPACED_RE.captures_iter(raw) {
                let (Some(m), Some(gap)) = (caps.get(0), caps.get(2)) else {
                    continue;
                };
                let start = seg.at(m.start());
                if ctx.doc.in_code(start) || ctx.doc.links.iter().any(|l| l.span.contains(&start)) {
                    continue;
                }
                let g = seg.at(gap.start())..seg.at(gap.end());
                out.push(
                    ctx.finding(
                        &META,
                        start..seg.at(m.end()),
                        "space between `]` and `(`: this is not a link",
                    )
                    .with_fix(Fix {
                        title: "remove the space between `]` and `(`".into(),
                        edits: vec![Edit {
                            range: g,
                            replacement: String::new(),
                        }],
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;
    use crate::rules::text::helpers::{apply_fixes, run_locale};

    proptest::proptest! {
        /// The prefilter never hides a match of the regex it guards.
        #[test]
        fn bracket_prefilter_holds_every_spaced_link(
            s in "(\\[a|\\]|\\] \\(|\\]\t|\\(\\./|\\(#|\\)|a| |!){0,8}"
        ) {
            proptest::prop_assert!(has_bracket_blank(&s) || !SPACED_RE.is_match(&s));
        }
    }

    #[test]
    fn padded_spaced_and_glued_links() {
        let s = "La [ Présentation ](../a.md) ici.\n\nLe [guide] (../g.md) ici.\n\n* [Système](../x.md)de modèle\n\nFine [ok](../o.md), [[!DNL X]](../y.md) : [!DNL Y] (voir) lʼ[API](../z.md).\n";
        let mut f = run_locale(&LinkSpacing, s, "fr");
        f.sort_by_key(|x| x.span.start);
        assert_eq!(lines(&f), vec![1, 3, 5], "{f:?}");
        let fixed = apply_fixes(s, &f);
        assert!(fixed.starts_with("La [Présentation](../a.md) ici.\n\nLe [guide](../g.md) ici."));
    }

    #[test]
    fn particles_after_links_are_fine_in_korean() {
        let s = "[HubSpot 문서](https://x.y)를 참조하십시오.\n";
        assert!(run_locale(&LinkSpacing, s, "ko-KR").is_empty());
    }
}
