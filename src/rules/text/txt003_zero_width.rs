//! TXT003 zero-width-character.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports invisible zero-width characters.
pub struct ZeroWidth;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT003",
    name: "zero-width-character",
    family: "text",
    summary: "Invisible zero-width character (U+200B, U+2060, U+FEFF, stray U+200C/U+200D)",
    severity: Severity::Warning,
    fix: FixKind::Always,
    scope: Scope::Document,
    doc: concat!(
        r#"## What it checks
Zero-width space (U+200B), word joiner (U+2060) and a byte-order mark (U+FEFF) anywhere but at the
start of the file; zero-width joiners and non-joiners (U+200C, U+200D) unless they sit between
characters of a script or emoji sequence that uses them. Code is checked too: an invisible character
in a command breaks it when copied.

## Why it matters
The characters cannot be seen, yet they split words for search, break anchors and make a copied
`curl` command or header name fail. Translation tools insert them around moved markup.

## Example
~~~markdown
Use the Flow Service"#,
        "\u{200b}",
        r#" API.
~~~

## Use instead
~~~markdown
Use the Flow Service API.
~~~

## Fix
The characters are removed.
"#
    ),
};

fn joins_here(prev: Option<char>, next: Option<char>) -> bool {
    let uses = |c: Option<char>| {
        c.is_some_and(|c| {
            matches!(c as u32, 0x0600..=0x06FF | 0x0900..=0x0DFF | 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F)
        })
    };
    uses(prev) || uses(next)
}

impl Rule for ZeroWidth {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let text: &str = &ctx.doc.text;
        // Only these five characters are ever reported and most pages have none of them. Their
        // UTF-8 starts with 0xE2 or 0xEF, rare lead bytes even in CJK text: one memchr2 pass
        // (`str::contains(char)` searches for the last byte, a continuation byte CJK is full of).
        let has_any = memchr::memchr2_iter(0xe2, 0xef, text.as_bytes()).any(|i| {
            text.get(i..).is_some_and(|r| {
                ['\u{200b}', '\u{2060}', '\u{feff}', '\u{200c}', '\u{200d}']
                    .iter()
                    .any(|&c| r.starts_with(c))
            })
        });
        if !has_any {
            return;
        }
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut run: Option<(usize, usize)> = None;
        let flush = |run: &mut Option<(usize, usize)>, out: &mut Vec<Finding>| {
            if let Some((s, e)) = run.take() {
                let what: Vec<String> = text[s..e]
                    .chars()
                    .map(|c| format!("U+{:04X}", c as u32))
                    .collect();
                out.push(
                    ctx.finding(
                        &META,
                        s..e,
                        format!("invisible zero-width character {}", what.join(" ")),
                    )
                    .with_fix(Fix {
                        title: "remove the zero-width characters".into(),
                        edits: vec![Edit {
                            range: s..e,
                            replacement: String::new(),
                        }],
                    }),
                );
            }
        };
        for (k, &(i, c)) in chars.iter().enumerate() {
            let bad = match c {
                '\u{200b}' | '\u{2060}' => true,
                '\u{feff}' => i != 0,
                '\u{200c}' | '\u{200d}' => {
                    let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|x| x.1);
                    let next = chars.get(k + 1).map(|x| x.1);
                    !joins_here(prev, next)
                }
                _ => false,
            };
            if bad {
                let end = i + c.len_utf8();
                run = match run {
                    Some((s, e)) if e == i => Some((s, end)),
                    other => {
                        let mut o = other;
                        flush(&mut o, out);
                        Some((i, end))
                    }
                };
            } else if run.is_some() {
                flush(&mut run, out);
            }
        }
        flush(&mut run, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};
    use crate::rules::text::helpers::apply_fixes;

    #[test]
    fn zero_width_characters_are_removed() {
        let s = "\u{feff}A\u{200b}\u{200b}B\n\n`x\u{2060}y`\n\nemoji 👩\u{200d}💻 ok\n";
        let f = run(&ZeroWidth, s);
        assert_eq!(lines(&f), vec![1, 3]);
        assert_eq!(
            apply_fixes(s, &f),
            "\u{feff}AB\n\n`xy`\n\nemoji 👩\u{200d}💻 ok\n"
        );
    }
}
