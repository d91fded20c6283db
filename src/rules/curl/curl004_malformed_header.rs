//! CURL004 malformed-header.

use crate::diag::{Finding, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports `-H` arguments that are not `name: value`.
pub struct MalformedHeader;

static META: RuleMeta = RuleMeta {
    id: "CURL004",
    name: "malformed-header",
    family: "curl",
    summary: "A `-H` header has no `name: value` colon",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl `-H`/`--header` argument without a colon separating the header name from its value.

## Why it matters
curl sends nothing useful for such a header, so the API answers 401 or 415. It often happens when
translation replaces the colon with a full-width `：` or drops it.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key {API_KEY}'
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

impl Rule for MalformedHeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::MalformedHeader,
            "write the header as `Name: value`",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn full_width_colon_is_malformed() {
        assert_eq!(
            lines(&run(
                &MalformedHeader,
                "```shell\ncurl https://h.x \\\n  -H 'x-api-key：{API_KEY}'\n```\n"
            )),
            vec![3]
        );
        assert!(run(
            &MalformedHeader,
            "```shell\ncurl https://h.x -H 'A: b'\n```\n"
        )
        .is_empty());
    }
}
