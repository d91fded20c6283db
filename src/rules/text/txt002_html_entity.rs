//! TXT002 html-entity.

use regex::Regex;
use std::sync::LazyLock;

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports HTML character references left in prose by a translation tool.
pub struct HtmlEntity;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT002",
    name: "html-entity",
    family: "text",
    summary: "HTML entity in prose (`&#39;`, `&quot;`, `&amp;`, `&#x200B;`)",
    severity: Severity::Warning,
    fix: FixKind::Always,
    scope: Scope::Document,
    doc: r#"## What it checks
Character references such as `&#39;`, `&quot;`, `&amp;`, `&rsquo;` or `&#x200B;` in prose, table
cells, headings and link text. Code blocks and inline code are not prose and are left alone, and so
are references that escape Markdown syntax on purpose (`&lt;`, `&gt;`, `&#42;`, `&nbsp;`).

## Why it matters
Translation memories store text as HTML and sometimes write the escaped form back into Markdown.
The page usually still renders, but the source is hard to read and edit, search misses the words,
and other tools (and the next translation round) see `&#39;` instead of an apostrophe.

## Example
~~~markdown
Aide au développement d&#39;applications &quot;numériques&quot;.
~~~

## Use instead
~~~markdown
Aide au développement d'applications "numériques".
~~~

## Fix
The reference is replaced by the character it stands for; a zero-width space (`&#x200B;`) is
removed.
"#,
};

static ENTITY_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});").unwrap()
});

/// What an entity stands for, or `None` when it is not one or escapes Markdown on purpose.
pub fn decode(entity: &str) -> Option<String> {
    let inner = entity.strip_prefix('&')?.strip_suffix(';')?;
    let c = if let Some(num) = inner.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n)?
    } else {
        match inner {
            "quot" => '"',
            "amp" => '&',
            "apos" => '\'',
            "rsquo" => '’',
            "lsquo" => '‘',
            "rdquo" => '”',
            "ldquo" => '“',
            "laquo" => '«',
            "raquo" => '»',
            "hellip" => '…',
            "mdash" => '—',
            "ndash" => '–',
            "eacute" => 'é',
            "egrave" => 'è',
            "agrave" => 'à',
            "ccedil" => 'ç',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "zwsp" => '\u{200b}',
            "zwj" => '\u{200d}',
            "zwnj" => '\u{200c}',
            _ => return None,
        }
    };
    // Escapes of Markdown/HTML syntax and deliberate no-break spaces are not defects.
    if matches!(
        c,
        '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '\\' | '!' | '\u{a0}'
    ) || c.is_control()
    {
        return None;
    }
    Some(match c {
        '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => String::new(),
        c => c.to_string(),
    })
}

impl Rule for HtmlEntity {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for seg in ctx.segments().iter() {
            // Every entity starts with `&`: a segment without one has none.
            if memchr::memchr(b'&', seg.masked.as_bytes()).is_none() {
                continue;
            }
            for m in ENTITY_RE.find_iter(&seg.masked) {
                let Some(rep) = decode(m.as_str()) else {
                    continue;
                };
                // `&amp;lt;` shows `&lt;` on purpose: replacing it would change the text.
                if rep == "&"
                    && seg.masked[m.end()..]
                        .split(|c: char| !c.is_ascii_alphanumeric() && c != '#')
                        .next()
                        .is_some_and(|w| {
                            !w.is_empty() && seg.masked[m.end() + w.len()..].starts_with(';')
                        })
                {
                    continue;
                }
                let span = seg.at(m.start())..seg.at(m.end());
                let shown = if rep.is_empty() {
                    "nothing (it is a zero-width character)".to_string()
                } else {
                    format!("`{rep}`")
                };
                out.push(
                    ctx.finding(
                        &META,
                        span.clone(),
                        format!("HTML entity `{}` in prose: write {shown}", m.as_str()),
                    )
                    .with_fix(Fix {
                        title: format!("replace `{}` with {shown}", m.as_str()),
                        edits: vec![Edit {
                            range: span,
                            replacement: rep,
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
    use crate::rules::testing::{lines, run};
    use crate::rules::text::helpers::apply_fixes;

    #[test]
    fn entities_in_prose_cells_and_links() {
        let s = "Le d&#39;accès.\n\n| a | l&#39;ID &quot;x&quot; |\n|---|---|\n\n[par &#x200B;](https://x.y) A &amp; B\n";
        let f = run(&HtmlEntity, s);
        assert_eq!(lines(&f), vec![1, 3, 3, 3, 6, 6]);
        assert_eq!(
            apply_fixes(s, &f),
            "Le d'accès.\n\n| a | l'ID \"x\" |\n|---|---|\n\n[par ](https://x.y) A & B\n"
        );
    }

    #[test]
    fn code_and_markdown_escapes_are_left_alone() {
        let s = "Use `&#39;` and &lt;tag&gt; or &#42;literal&#42; or 10&nbsp;%.\n\n```shell\necho &quot;\n```\n\nA &amp;lt; B\n";
        assert!(run(&HtmlEntity, s).is_empty());
    }
}
