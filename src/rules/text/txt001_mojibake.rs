//! TXT001 mojibake.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports UTF-8 text that was decoded as Windows-1252 or Latin-1, and U+FFFD.
pub struct Mojibake;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT001",
    name: "mojibake",
    family: "text",
    summary: "Text garbled by a wrong character encoding (`â€™`, `Ã©`, U+FFFD)",
    severity: Severity::Error,
    fix: FixKind::Sometimes,
    scope: Scope::Document,
    doc: r#"## What it checks
Character sequences that are UTF-8 bytes read as Windows-1252 or Latin-1, such as `â€™` for `’`,
`Ã©` for `é`, `Ã ` for `à` or `í•œ` for `한`, and the replacement character U+FFFD (`�`) that a
decoder leaves where bytes were lost. Code blocks and inline code are not checked.

## Why it matters
Readers see garbage instead of an apostrophe or an accented letter, and search no longer finds the
word. It happens when a file passes through a tool that assumes the wrong encoding.

## Example
~~~markdown
The connection specification returns a sourceâ€™s connector properties.
~~~

## Use instead
~~~markdown
The connection specification returns a source’s connector properties.
~~~

## Fix
A garbled sequence is re-encoded as Windows-1252 and decoded as UTF-8 (`â€™` becomes `’`). U+FFFD
cannot be repaired automatically: the original bytes are gone.
"#,
};

/// The Windows-1252 byte of `c`, when it has one above 0x7F (Latin-1 for the five undefined bytes).
fn cp1252_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xFF).contains(&u) {
        return u8::try_from(u).ok();
    }
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8A,
        '‹' => 0x8B,
        'Œ' => 0x8C,
        'Ž' => 0x8E,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9A,
        '›' => 0x9B,
        'œ' => 0x9C,
        'ž' => 0x9E,
        'Ÿ' => 0x9F,
        _ => return None,
    })
}

/// Whether a decoded character is one text plausibly contains (so the garbling is real).
fn plausible(c: char, len: usize) -> bool {
    let u = c as u32;
    match len {
        2 => matches!(u, 0x80..=0x17F | 0x370..=0x3FF | 0x400..=0x4FF),
        3 => matches!(u,
            0x1E00..=0x1EFF | 0x2000..=0x206F | 0x20A0..=0x20CF | 0x2100..=0x23FF
            | 0x3000..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7A3 | 0xFF00..=0xFFEF),
        4 => (0x1F000..=0x1FAFF).contains(&u),
        _ => false,
    }
}

/// The byte a char stood for when it can start a garbled UTF-8 sequence (0xC2..=0xF4).
fn lead_byte(c: char) -> Option<u8> {
    cp1252_byte(c).filter(|b| (0xC2..=0xF4).contains(b))
}

/// Where the next lead char (one [`lead_byte`] accepts) at or after `pos` starts. Those chars are
/// U+00C2..=U+00F4, encoded `C3 82`..=`C3 B4`: found by `memchr` on the bytes, not by decoding
/// every char of French prose, where `é` and `à` put a `C3` byte in most words (issue 8).
fn next_lead(s: &str, pos: usize) -> Option<usize> {
    let b = s.as_bytes();
    memchr::memchr_iter(0xC3, b.get(pos..)?)
        .map(|k| pos + k)
        .find(|&i| b.get(i + 1).is_some_and(|n| (0x82..=0xB4).contains(n)))
}

/// Garbled runs of `text` from `from` to `to`: (start, end, repaired text).
pub fn garbled_runs(text: &str, from: usize, to: usize) -> Vec<(usize, usize, String)> {
    let piece = text.get(from..to).unwrap_or("");
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    // Only U+00C2..=U+00F4 can start a run, and each is encoded as 0xC3 and one more byte: a
    // piece without a 0xC3 byte has none (one memchr pass).
    if memchr::memchr(0xC3, piece.as_bytes()).is_none() {
        return out;
    }
    // Offset in `piece` from which to look for the next lead char. The chars a run consumes are
    // never lead chars, so jumping from lead to lead sees every start a char-by-char walk would.
    let mut pos = 0;
    while let Some(i) = next_lead(piece, pos) {
        let mut it = piece.get(i..).unwrap_or("").chars();
        let Some((c, lead)) = it.next().and_then(|c| Some((c, lead_byte(c)?))) else {
            break;
        };
        let need = if lead < 0xE0 {
            1
        } else if lead < 0xF0 {
            2
        } else {
            3
        };
        let mut bytes = [lead, 0, 0, 0];
        let mut n = 1;
        let mut end = i + c.len_utf8();
        for ch in it {
            if n > need {
                break;
            }
            let b = match cp1252_byte(ch) {
                Some(b) if (0x80..=0xBF).contains(&b) => b,
                // A no-break space (0xA0) often became a plain space: `Ã ` for `à`.
                None if ch == ' ' && need == 1 && lead == 0xC3 => 0xA0,
                _ => break,
            };
            if let Some(slot) = bytes.get_mut(n) {
                *slot = b;
            }
            n += 1;
            end += ch.len_utf8();
        }
        let decoded = bytes
            .get(..n)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| {
                let mut it = s.chars();
                let ch = it.next()?;
                (it.next().is_none() && plausible(ch, n)).then_some(ch)
            });
        match decoded {
            Some(ch) if n == need + 1 => {
                let (start, stop) = (from + i, from + end);
                match out.last_mut() {
                    Some(last) if last.1 == start => {
                        last.1 = stop;
                        last.2.push(ch);
                    }
                    _ => out.push((start, stop, ch.to_string())),
                }
                pos = end;
            }
            _ => pos = i + c.len_utf8(),
        }
    }
    out
}

impl Rule for Mojibake {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let text: &str = &ctx.doc.text;
        // Skip code: walk the text between code blocks and spans.
        let mut code: Vec<std::ops::Range<usize>> = ctx
            .doc
            .code_blocks
            .iter()
            .map(|c| c.span.clone())
            .chain(ctx.doc.code_spans.iter().map(|c| c.span.clone()))
            .collect();
        code.sort_by_key(|r| r.start);
        let mut pieces = Vec::new();
        let mut pos = 0;
        for r in code {
            if r.start > pos {
                pieces.push(pos..r.start);
            }
            pos = pos.max(r.end);
        }
        pieces.push(pos..text.len());
        for p in pieces {
            if !text.is_char_boundary(p.start) || !text.is_char_boundary(p.end) {
                continue;
            }
            for (s, e, fixed) in garbled_runs(text, p.start, p.end) {
                let bad = &text[s..e];
                out.push(
                    ctx.finding(
                        &META,
                        s..e,
                        format!("`{bad}` is mojibake (UTF-8 read as Windows-1252) for `{fixed}`"),
                    )
                    .with_help("save the file as UTF-8 and replace the garbled characters")
                    .with_fix(Fix {
                        title: format!("replace `{bad}` with `{fixed}`"),
                        edits: vec![Edit {
                            range: s..e,
                            replacement: fixed,
                        }],
                    }),
                );
            }
            for (i, _) in text[p.clone()].match_indices('\u{fffd}') {
                let s = p.start + i;
                out.push(
                    ctx.finding(
                        &META,
                        s..s + '\u{fffd}'.len_utf8(),
                        "replacement character U+FFFD: bytes were lost when the file was decoded",
                    )
                    .with_help("restore the original character from the source page"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};
    use crate::rules::text::helpers::apply_fixes;

    proptest::proptest! {
        /// The byte search stops where the char-by-char search (`find` with [`lead_byte`]) did.
        #[test]
        fn next_lead_is_the_char_search(s in "[aéàÂÃÁÄÔõÿ€’Ã©\u{c1}\u{c2}\u{f4}\u{f5} ]{0,20}", pos in 0usize..24) {
            let pos = (0..=pos.min(s.len())).rev().find(|&p| s.is_char_boundary(p)).unwrap_or(0);
            let want = s[pos..].find(|c| lead_byte(c).is_some()).map(|off| pos + off);
            proptest::prop_assert_eq!(next_lead(&s, pos), want);
        }
    }

    #[test]
    fn garbled_sequences_are_found_and_fixed() {
        let s = "A sourceâ€™s value.\n\nCafÃ© Ã  la carte, í•œêµ\u{AD}ì–´.\n\nLost \u{fffd} byte and `codeâ€™s`.\n";
        let f = run(&Mojibake, s);
        assert_eq!(lines(&f), vec![1, 3, 3, 3, 5]);
        assert_eq!(
            apply_fixes(s, &f),
            "A source’s value.\n\nCafé à la carte, 한국어.\n\nLost \u{fffd} byte and `codeâ€™s`.\n"
        );
    }

    #[test]
    fn real_accents_are_not_mojibake() {
        let s = "Créez à l’aide de l’API. Ça marche. Über Ærø. São Paulo. Â la.\n";
        assert!(run(&Mojibake, s).is_empty());
    }
}
