//! TXT005 broken-inline-markup.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports emphasis markers and backticks that did not pair up and show as literal characters.
pub struct BrokenInlineMarkup;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT005",
    name: "broken-inline-markup",
    family: "text",
    summary: "Bold markers or backticks that do not pair up (`** text`, a lone backtick)",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
`**` and `` ` `` that the Markdown parser could not pair, so they are shown as literal characters:
a space after the opening `**` (`** marketing**`), a closing marker moved away by translation, an odd
number of backticks. Escaped characters (`\*\*`, `` \` ``) are deliberate and not reported.

## Why it matters
The page shows stray asterisks or backticks, the UI label that should be bold is not, and a code
value loses its formatting. Machine translation often inserts a space inside the markers or moves
one of them to the other end of the reordered sentence.

## Example
~~~markdown
Sous la catégorie ** Automatisation marketing**, sélectionnez **HubSpot**.
~~~

## Use instead
~~~markdown
Sous la catégorie **Automatisation marketing**, sélectionnez **HubSpot**.
~~~
"#,
};

impl Rule for BrokenInlineMarkup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let text: &str = &ctx.doc.text;
        for run in &ctx.doc.texts {
            let Some(raw) = text.get(run.span.clone()) else {
                continue;
            };
            let bytes = raw.as_bytes();
            let escaped = |i: usize| {
                let abs = run.span.start + i;
                abs > 0 && text.as_bytes().get(abs - 1) == Some(&b'\\')
            };
            // Only `*` and `` ` `` can start a finding: jump from one to the next (issue 8).
            let mut i = 0;
            while let Some(k) = memchr::memchr2(b'*', b'`', &bytes[i..]) {
                i += k;
                let at = run.span.start + i;
                if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'*') && !escaped(i) {
                    let mut j = i;
                    while bytes.get(j) == Some(&b'*') {
                        j += 1;
                    }
                    out.push(
                        ctx.finding(
                            &META,
                            at..run.span.start + j,
                            "`**` is shown as literal asterisks: it does not open or close bold",
                        )
                        .with_help("remove the space after the opening `**`, or restore the missing marker"),
                    );
                    i = j;
                    continue;
                }
                if bytes[i] == b'`' && !escaped(i) {
                    out.push(
                        ctx.finding(
                            &META,
                            at..at + 1,
                            "lone backtick: this code span is never closed",
                        )
                        .with_help("add the missing backtick or remove this one"),
                    );
                }
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn literal_markers_are_reported() {
        let s = "Sous la catégorie d’automatisation ** marketing, sélectionnez **HubSpot** ok.\n\nUse `a and b.\n\nFine **bold** and `code` and \\*\\* and \\`.\n\n```\n** code `\n```\n";
        let f = run(&BrokenInlineMarkup, s);
        assert_eq!(lines(&f), vec![1, 3], "{f:?}");
    }
}
