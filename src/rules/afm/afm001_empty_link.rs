//! AFM001 empty-link.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports links with no text or no destination.
pub struct EmptyLink;

static META: RuleMeta = RuleMeta {
    id: "AFM001",
    name: "empty-link",
    family: "afm",
    summary: "A link has empty text or an empty destination",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Links written as `[](url)` (nothing to click) or `[text]()` (nowhere to go). Images are checked for
an empty destination only.

## Why it matters
An empty link renders as nothing, so the reference silently disappears from the page. Machine
translation often moves the link text out of the brackets, leaving `[](url)text`.

## Example
~~~markdown
See this [](https://example.com/docs) guide.
~~~

## Use instead
~~~markdown
See this [guide](https://example.com/docs).
~~~
"#,
};

impl Rule for EmptyLink {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for link in &ctx.doc.links {
            if link.url.trim().is_empty() {
                out.push(
                    ctx.finding(&META, link.span.clone(), "link has an empty destination")
                        .with_help("add the URL between the parentheses"),
                );
            } else if !link.image && link.text.trim().is_empty() {
                out.push(
                    ctx.finding(
                        &META,
                        link.span.clone(),
                        format!("link to `{}` has no text", link.url),
                    )
                    .with_help("move the words the link should cover inside the brackets"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn empty_text_and_empty_url() {
        let f = run(
            &EmptyLink,
            "a [](https://x.y)b\n\nc [d]()\n\n![](img.png) [ok](https://z)\n",
        );
        assert_eq!(lines(&f), vec![1, 3]);
    }
}
