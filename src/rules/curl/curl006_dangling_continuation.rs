//! CURL006 dangling-continuation.

use crate::diag::{Finding, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a `\` line continuation on the last line of a command.
pub struct DanglingContinuation;

static META: RuleMeta = RuleMeta {
    id: "CURL006",
    name: "dangling-continuation",
    family: "curl",
    summary: "The last line of a curl command ends with `\\`, continuing into nothing",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl command whose final line still ends with the `\` line continuation.

## Why it matters
Pasted into a terminal, the shell waits for another line instead of running the request; pasted into a
script, the next line of the script becomes part of the curl command. It usually means the last
option (often the body) was deleted or moved.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}'
```
~~~
"#,
};

impl Rule for DanglingContinuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::DanglingBackslash,
            "remove the trailing `\\`, or restore the option that should follow it",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn trailing_backslash_at_the_end_of_the_block() {
        assert_eq!(
            lines(&run(
                &DanglingContinuation,
                "```shell\ncurl https://h.x \\\n  -H 'A: 1' \\\n```\n"
            )),
            vec![3]
        );
        assert!(run(
            &DanglingContinuation,
            "```shell\ncurl https://h.x \\\n  -H 'A: 1'\n```\n"
        )
        .is_empty());
    }
}
