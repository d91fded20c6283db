//! CURL003 invalid-json-body.

use crate::diag::{Finding, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a curl body that should be JSON but does not parse.
pub struct InvalidJsonBody;

static META: RuleMeta = RuleMeta {
    id: "CURL003",
    name: "invalid-json-body",
    family: "curl",
    summary: "A curl request body that should be JSON does not parse",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
The `-d`/`--data*`/`--json` argument of a curl example that starts with `{` or `[` (or is sent with a
JSON `Content-Type`) and is not valid JSON. The finding points at the exact line and column inside the
body where the JSON parser stopped.

## Why it matters
The API rejects the request with a 400, and readers copy the mistake (a trailing comma, a missing
comma, a comment) into their own code.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo",
        "description": "demo",
    }'
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo",
        "description": "demo"
    }'
```
~~~
"#,
};

impl Rule for InvalidJsonBody {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::InvalidJson,
            "fix the JSON at this position (trailing or missing commas are the usual cause)",
            out,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn maps_the_parser_position_to_the_file() {
        let f = run(
            &InvalidJsonBody,
            "# T\n\n```shell\ncurl https://h.x -d '{\n  \"a\": 1\n  \"b\": 2\n}'\n```\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].line, f[0].column), (6, 3));
        assert!(f[0].message.contains("expected"), "{}", f[0].message);
    }

    #[test]
    fn non_json_bodies_are_left_alone() {
        assert!(run(
            &InvalidJsonBody,
            "```shell\ncurl https://h.x -d 'a=1&b=2'\n```\n"
        )
        .is_empty());
    }
}
