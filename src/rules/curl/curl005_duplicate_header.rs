//! CURL005 duplicate-header.

// Looked up only, never iterated: FxHash, not SipHash (issue 8).
use rustc_hash::FxHashMap as HashMap;

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a header given twice in one curl command.
pub struct DuplicateHeader;

static META: RuleMeta = RuleMeta {
    id: "CURL005",
    name: "duplicate-header",
    family: "curl",
    summary: "The same header is set twice in one curl command",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Two `-H` arguments with the same header name (compared case-insensitively) in one curl command.

## Why it matters
Servers treat repeated headers differently (first wins, last wins, or a 400). A duplicate usually means
a line was pasted twice or a translation re-inserted a header with another value.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -H 'X-Api-Key: {API_KEY}'
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

impl Rule for DuplicateHeader {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for req in ctx.requests {
            let mut seen: HashMap<String, usize> = HashMap::default();
            for h in &req.headers {
                let key = h.name.to_ascii_lowercase();
                if let Some(first) = seen.get(&key) {
                    out.push(
                        ctx.finding(
                            &META,
                            h.span.clone(),
                            format!("header `{}` is already set on line {first}", h.name),
                        )
                        .with_help("remove one of the two headers"),
                    );
                } else {
                    seen.insert(key, h.line);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn second_occurrence_is_reported() {
        let f = run(
            &DuplicateHeader,
            "```shell\ncurl https://h.x \\\n  -H 'A: 1' \\\n  -H 'B: 1' \\\n  -H 'a: 2'\n```\n",
        );
        assert_eq!(lines(&f), vec![5]);
        assert!(f[0].message.contains("line 3"));
    }
}
