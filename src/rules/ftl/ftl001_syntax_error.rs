//! FTL001 syntax-error.

use crate::diag::{Finding, Severity};
use crate::rules::ftl::CatalogContext;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports Fluent syntax errors, positioned where the parser stopped.
pub struct SyntaxError;

static META: RuleMeta = RuleMeta {
    id: "FTL001",
    name: "syntax-error",
    family: "ftl",
    summary: "A Fluent catalog does not parse",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Catalog,
    doc: r#"## What it checks
Every `.ftl` file is parsed with the Fluent syntax parser; each error it reports (an unclosed
placeable, a variant list without a default, a line that is neither an entry nor a comment) is a
finding at the byte where the parser stopped.

## Why it matters
The parser skips a broken entry as junk. The message is then missing at run time and `render`
refuses to produce the page, or, in another tool, the user sees the raw message id.

## Example
~~~ftl
intro = Connect { $connector to the platform.
~~~

## Use instead
~~~ftl
intro = Connect { $connector } to the platform.
~~~
"#,
};

impl Rule for SyntaxError {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}

    fn check_catalogs(&self, ctx: &CatalogContext<'_>, out: &mut Vec<Finding>) {
        for file in ctx.files {
            for e in &file.errors {
                let start = e.pos.start.min(file.text.len());
                let end = e.pos.end.clamp(start, file.text.len());
                out.push(
                    ctx.finding(&META, file, start..end, file.syntax_message(e))
                        .with_help("the entry is skipped until it parses; see https://projectfluent.org/fluent/guide/"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::ftl::testing::run;

    #[test]
    fn error_is_positioned_on_its_line() {
        let f = run(&SyntaxError, "a = ok\nb = { $x\nc = fine\n", None);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].rule, "FTL001");
        assert_eq!(f[0].line, 3);
        assert!(
            f[0].message.contains("starts on line 2"),
            "{}",
            f[0].message
        );
        assert!(run(&SyntaxError, "a = ok\n", None).is_empty());
    }

    #[test]
    fn missing_default_variant_is_an_error() {
        let f = run(
            &SyntaxError,
            "a = { $n ->\n    [one] one\n    [other] many\n}\n",
            None,
        );
        assert_eq!(f.len(), 1, "{f:?}");
    }
}
