//! AFM002 front-matter-error.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports front matter that is not valid YAML.
pub struct FrontMatterError;

static META: RuleMeta = RuleMeta {
    id: "AFM002",
    name: "front-matter-error",
    family: "afm",
    summary: "The YAML front matter does not parse",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
The `---` block at the top of the page: it must be closed and be valid YAML mapping keys to values.

## Why it matters
The publishing pipeline reads `title`, `description` and `exl-id` from it; a broken block loses the
page's metadata and its link to the source page it translates.

## Example
~~~markdown
---
title: "Create a connection
exl-id: 0000
---
# Create a connection
~~~

## Use instead
~~~markdown
---
title: "Create a connection"
exl-id: 0000
---
# Create a connection
~~~
"#,
};

impl Rule for FrontMatterError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fm) = &ctx.doc.front_matter else {
            return;
        };
        if let Some(err) = &fm.error {
            out.push(
                ctx.finding(
                    &META,
                    err.offset..err.offset,
                    format!("front matter: {}", err.message),
                )
                .with_help(
                    "quote values that contain `:` or `#`, and close every quote and bracket",
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn positions_the_yaml_error() {
        let f = run(
            &FrontMatterError,
            "---\ntitle: a\nkeywords: [x, y\n---\n# T\n",
        );
        assert_eq!(f.len(), 1);
        assert!(f[0].line >= 3 && f[0].line <= 4, "{}", f[0].line);
        assert!(run(&FrontMatterError, "---\ntitle: a\n---\n").is_empty());
    }
}
