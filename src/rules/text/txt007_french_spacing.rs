//! TXT007 french-spacing.

use regex::Regex;
use std::sync::LazyLock;

use super::helpers::{sentences, MASK};
use crate::diag::{Edit, Finding, Fix, Severity};
use crate::lang::is_english_sentence;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;

/// Reports French punctuation spacing errors.
pub struct FrenchSpacing;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT007",
    name: "french-spacing",
    family: "text",
    summary:
        "French typography: no space before `:` `;` `!` `?`, or a space after an elided article",
    severity: Severity::Info,
    fix: FixKind::Always,
    scope: Scope::Document,
    doc: r#"## What it checks
On French pages: `:`, `;`, `!` and `?` must follow a (no-break) space, as in `Sources : …`; and an
elided word (`l’`, `d’`, `qu’`…) is written against the next word, never `l’ API`. Code, URLs,
header names in a header list (`x-api-key: {API_KEY}`) and sentences left in English are skipped.

## Why it matters
Machine translation keeps English spacing around markup it moved (`[Sources](url): …`) and leaves a
space where it removed a term after an apostrophe. French readers see sloppy typography on every
page.

## Example
~~~markdown
<!-- locale: fr -->
* [Sources](../home.md): permet l’ ingestion de données.
~~~

## Use instead
~~~markdown
<!-- locale: fr -->
* [Sources](../home.md) : permet l’ingestion de données.
~~~

## Fix
A no-break space (U+00A0) is inserted before the punctuation mark; the space after the apostrophe is
removed.
"#,
};

static ELISION_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r"(?:^|[^\p{L}])(?i:jusqu|lorsqu|puisqu|quoiqu|qu|[cdjlmnst])[’'ʼ]([ \t]+)").unwrap()
});
static HEADER_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"^[A-Za-z][A-Za-z0-9-]*$").unwrap()
});

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether `s` has an apostrophe (`'`, `’`, `ʼ`) followed by a space or tab: what every
/// [`ELISION_RE`] match holds, found with `memchr` so most segments skip the regex (issue 8).
fn has_apostrophe_space(s: &str) -> bool {
    let b = s.as_bytes();
    // `’` is E2 80 99 and `ʼ` is CA BC: their lead bytes, or the ASCII quote.
    memchr::memchr3_iter(b'\'', 0xe2, 0xca, b).any(|i| {
        let rest = &s[i..];
        let len = ['\'', '’', 'ʼ']
            .iter()
            .find(|q| rest.starts_with(**q))
            .map_or(0, |q| q.len_utf8());
        len > 0 && matches!(b.get(i + len), Some(b' ' | b'\t'))
    })
}

impl Rule for FrenchSpacing {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        if primary_language(&ctx.doc.locale) != "fr" {
            return;
        }
        let mask = char::from(MASK);
        for seg in ctx.segments().iter() {
            let m = &seg.masked;
            // The English sentences are only needed to drop a candidate, which most segments
            // do not have: found on first use.
            let english: std::cell::OnceCell<Vec<std::ops::Range<usize>>> =
                std::cell::OnceCell::new();
            let in_english = |i: usize| {
                english
                    .get_or_init(|| {
                        sentences(m)
                            .into_iter()
                            .filter(|r| {
                                is_english_sentence(
                                    &m[r.clone()].replace(mask, " "),
                                    &ctx.doc.locale,
                                )
                            })
                            .collect()
                    })
                    .iter()
                    .any(|r| r.contains(&i))
            };
            // Only `:`, `;`, `!` and `?` can be reported: a segment without one needs no char table.
            let marks = memchr::memchr3(b':', b';', b'!', m.as_bytes()).is_some()
                || memchr::memchr(b'?', m.as_bytes()).is_some();
            let chars: Vec<(usize, char)> = if marks {
                m.char_indices().collect()
            } else {
                Vec::new()
            };
            for (k, &(i, c)) in chars.iter().enumerate() {
                if !matches!(c, ':' | ';' | '!' | '?') {
                    continue;
                }
                let Some(&(_, prev)) = k.checked_sub(1).and_then(|p| chars.get(p)) else {
                    continue;
                };
                let next = chars.get(k + 1).map(|x| x.1);
                if is_space(prev) || prev == mask || matches!(prev, ':' | ';' | '!' | '?') {
                    continue;
                }
                let next_ok = match c {
                    '!' | '?' => {
                        next.is_none_or(|n| is_space(n) || matches!(n, ')' | '»' | '*' | '"'))
                    }
                    _ => next.is_none_or(is_space),
                };
                if !next_ok || (c == '!' && prev == '[') || in_english(i) {
                    continue;
                }
                // `* x-api-key: {API_KEY}`: a header name written in a prose list.
                if c == ':' && HEADER_RE.is_match(m[..i].trim()) {
                    continue;
                }
                let at = seg.at(i);
                out.push(
                    ctx.finding(
                        &META,
                        at..at + 1,
                        format!("no space before `{c}` (French typography)"),
                    )
                    .with_fix(Fix {
                        title: format!("insert a no-break space before `{c}`"),
                        edits: vec![Edit {
                            range: at..at,
                            replacement: "\u{a0}".into(),
                        }],
                    }),
                );
            }
            if !has_apostrophe_space(m) {
                continue;
            }
            for caps in ELISION_RE.captures_iter(m) {
                let Some(gap) = caps.get(1) else { continue };
                let next = m[gap.end()..].chars().next();
                if !next.is_some_and(|n| n.is_alphabetic() || n == '[') || in_english(gap.start()) {
                    continue;
                }
                let span = seg.at(gap.start())..seg.at(gap.end());
                out.push(
                    ctx.finding(
                        &META,
                        span.clone(),
                        "space after an elided word (`l’ API`): the apostrophe joins the next word",
                    )
                    .with_fix(Fix {
                        title: "remove the space after the apostrophe".into(),
                        edits: vec![Edit {
                            range: span,
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

    proptest::proptest! {
        /// The prefilter never hides a match of the regex it guards.
        #[test]
        fn apostrophe_prefilter_holds_every_elision(s in "[lqud’'ʼ \t\x01aé]{0,14}") {
            proptest::prop_assert!(has_apostrophe_space(&s) || !ELISION_RE.is_match(&s));
        }
    }
    use crate::rules::testing::lines;
    use crate::rules::text::helpers::{apply_fixes, run_locale};

    #[test]
    fn missing_spaces_and_elisions() {
        let s = "* [Sources](../home.md): permet l’ [!DNL Flow Service] API.\n* x-api-key: `{API_KEY}`\n\nRemarque : correct ; vraiment ! Oui\u{a0}? Voir https://a.b/c?d=1 et `a:b`.\n\nFor information on the conventions, see the section: here it is for you.\n\n> [!NOTE]\n>\n> Attention!\n";
        let f = run_locale(&FrenchSpacing, s, "fr-FR");
        assert_eq!(lines(&f), vec![1, 1, 10], "{f:?}");
        let fixed = apply_fixes(s, &f);
        assert!(
            fixed.starts_with("* [Sources](../home.md)\u{a0}: permet l’[!DNL Flow Service] API.")
        );
        assert!(run_locale(&FrenchSpacing, s, "en").is_empty());
    }
}
