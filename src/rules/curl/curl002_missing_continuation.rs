//! CURL002 missing-line-continuation.

use crate::diag::{Finding, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a line of a multi-line curl command that lacks its trailing `\`.
pub struct MissingContinuation;

static META: RuleMeta = RuleMeta {
    id: "CURL002",
    name: "missing-line-continuation",
    family: "curl",
    summary: "A curl line lacks its trailing `\\`, orphaning the option lines after it",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A multi-line curl command where one line does not end with `\`, so the lines after it (`-H …`,
`-d …`) are no longer part of the command.

## Why it matters
The shell runs `curl` without the remaining headers or body, and then tries to run `-H` as a command.
The request fails with a confusing authentication or "command not found" error.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}'
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~
"#,
};

impl Rule for MissingContinuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::MissingContinuation,
            "end the line with ` \\`",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn points_at_the_line_missing_the_backslash() {
        let f = run(&MissingContinuation, "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1'\n  -H 'B: 2' \\\n  -H 'C: 3'\n```\n");
        assert_eq!(lines(&f), vec![3]);
    }

    #[test]
    fn separate_commands_are_not_orphans() {
        assert!(run(
            &MissingContinuation,
            "```shell\ncurl https://a.x\ncurl https://b.x\necho done\n```\n"
        )
        .is_empty());
    }
}
