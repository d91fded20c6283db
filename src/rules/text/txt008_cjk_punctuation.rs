//! TXT008 cjk-punctuation.

use super::helpers::MASK;
use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;

/// Reports half-width punctuation in Chinese or Japanese text.
pub struct CjkPunctuation;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT008",
    name: "cjk-punctuation",
    family: "text",
    summary: "Half-width punctuation (`,` `:` `;` `!` `?` `.`) in Chinese or Japanese text",
    severity: Severity::Info,
    fix: FixKind::Always,
    scope: Scope::Document,
    doc: r#"## What it checks
On Chinese and Japanese pages, a half-width `,` `;` `:` `!` `?` that ends a clause written in Han or
kana: the character before it is Han/kana (or a `[!DNL]` term right after Han text), and what follows
is Han/kana text, inline code or the end of the sentence. A half-width `.` is reported only between
a Han character and the end of the line or more Han text. Numbers, URLs, code and Latin-script
phrases (`Node.js`, `v1.0`) are not affected. Korean uses half-width punctuation and is not checked.

## Why it matters
Chinese typography uses full-width punctuation; half-width marks squeezed between ideographs look
broken and are a sign of text pasted from the English source.

## Example
~~~markdown
<!-- locale: zh-Hans -->
连接规范ID为: `cc6a4487`,请保存此值.
~~~

## Use instead
~~~markdown
<!-- locale: zh-Hans -->
连接规范ID为：`cc6a4487`，请保存此值。
~~~

## Fix
The mark is replaced by its full-width form (`，` `；` `：` `！` `？` `。`).
"#,
};

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '!' => '！',
        '?' => '？',
        '.' => '。',
        _ => return None,
    })
}

impl Rule for CjkPunctuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        if !matches!(primary_language(&ctx.doc.locale), "zh" | "ja") {
            return;
        }
        let mask = char::from(MASK);
        for seg in ctx.segments().iter() {
            let m = &seg.masked;
            let chars: Vec<(usize, char)> = m.char_indices().collect();
            for (k, &(i, c)) in chars.iter().enumerate() {
                let Some(fw) = full_width(c) else { continue };
                let Some(&(_, prev)) = k.checked_sub(1).and_then(|p| chars.get(p)) else {
                    continue;
                };
                let mut n = k + 1;
                while chars.get(n).is_some_and(|x| x.1 == ' ') {
                    n += 1;
                }
                let next = chars.get(n).map(|x| x.1);
                let chinese_before =
                    is_cjk(prev) || (prev == ']' && term_after_cjk(ctx, seg.at(i)));
                let ok_after = match c {
                    '.' => next.is_none_or(is_cjk) && next != Some('.'),
                    _ => next.is_none_or(|x| is_cjk(x) || x == mask),
                };
                if c == '.' && !is_cjk(prev) {
                    continue;
                }
                if !chinese_before || !ok_after {
                    continue;
                }
                let at = seg.at(i);
                out.push(
                    ctx.finding(
                        &META,
                        at..at + 1,
                        format!("half-width `{c}` in Chinese text: use `{fw}`"),
                    )
                    .with_fix(Fix {
                        title: format!("replace `{c}` with `{fw}`"),
                        edits: vec![Edit {
                            range: at..at + 1,
                            replacement: fw.to_string(),
                        }],
                    }),
                );
            }
        }
    }
}

/// Whether a `[!DNL …]` term ends at `end` and Han text comes right before it.
fn term_after_cjk(ctx: &Context<'_>, end: usize) -> bool {
    ctx.doc.terms.iter().any(|t| {
        t.span.end == end
            && ctx.doc.text[..t.span.start]
                .trim_end_matches(' ')
                .chars()
                .next_back()
                .is_some_and(is_cjk)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;
    use crate::rules::text::helpers::{apply_fixes, run_locale};

    #[test]
    fn half_width_marks_in_chinese_clauses() {
        let s = "连接规范ID为: `cc6a`,请保存.\n\n以下请求会为 [!DNL S3]:\n\n使用 Node.js v1.0, API: `x` 和 https://a.b/c?d=1。\n";
        let f = run_locale(&CjkPunctuation, s, "zh-Hans");
        assert_eq!(lines(&f), vec![1, 1, 3], "{f:?}");
        assert!(apply_fixes(s, &f)
            .starts_with("连接规范ID为： `cc6a`,请保存。\n\n以下请求会为 [!DNL S3]："));
        assert!(run_locale(&CjkPunctuation, s, "ko-KR").is_empty());
    }
}
