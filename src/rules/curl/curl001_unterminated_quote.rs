//! CURL001 unterminated-quote.

use crate::diag::{Finding, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a `'` or `"` in a curl command that is never closed.
pub struct UnterminatedQuote;

static META: RuleMeta = RuleMeta {
    id: "CURL001",
    name: "unterminated-quote",
    family: "curl",
    summary: "A quote in a curl command is opened and never closed",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A shell quote (`'` or `"`) in a curl example that is still open at the end of the code block.

## Why it matters
The shell keeps reading until it finds the closing quote, so a reader who pastes the command gets a
`>` continuation prompt instead of a request. Machine translation and hand edits often drop the
quote that closes a multi-line JSON body. locdoc still recovers the body to check it.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo"
    }
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo"
    }'
```
~~~
"#,
};

impl Rule for UnterminatedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::UnterminatedQuote,
            "close the quote where the argument ends (usually after the JSON body's last `}`)",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn reports_the_opening_quote_line() {
        let f = run(
            &UnterminatedQuote,
            "Intro\n\n```shell\ncurl -X POST \\\n  -H 'A: b' \\\n  -d '{\"a\": 1}\n```\n",
        );
        assert_eq!(lines(&f), vec![6]);
        assert_eq!(f[0].rule, "CURL001");
    }

    #[test]
    fn double_quotes_and_clean_commands() {
        assert_eq!(
            lines(&run(&UnterminatedQuote, "```bash\ncurl -H \"A: b\n```\n")),
            vec![2]
        );
        assert!(run(&UnterminatedQuote, "```bash\ncurl -H \"A: b\" 'x'\n```\n").is_empty());
    }
}
