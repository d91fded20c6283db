//! SCH006 content-type-mismatch.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a request body sent without a Content-Type the operation accepts.
pub struct ContentTypeMismatch;

static META: RuleMeta = RuleMeta {
    id: "SCH006",
    name: "content-type-mismatch",
    family: "sch",
    summary: "A request body's Content-Type is not a media type of the operation's request body",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A curl request that sends a body (`-d`, `--data*`, `--json`) to an operation whose `requestBody`
lists media types: its `Content-Type` header must match one of them (parameters such as
`; charset=utf-8` are ignored, `application/*` ranges honoured). A missing header is reported at
the body, since curl then sends `application/x-www-form-urlencoded` (except with `--json`); a
wrong one at the header.

## Why it matters
The API rejects the body with 415 or misreads it, although the JSON in the example is correct.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Content-Type: text/plain' \
  -d '{"name": "f", "flowSpec": {"id": "x", "version": "1.0"}}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Content-Type: application/json' \
  -d '{"name": "f", "flowSpec": {"id": "x", "version": "1.0"}}'
```
~~~
"#,
};

impl Rule for ContentTypeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for (req, op) in super::helpers::operations(ctx) {
            let Some(body) = &op.body else { continue };
            if req.body_text.is_none() || body.media_types.is_empty() {
                continue;
            }
            let names: Vec<&str> = body.media_types.iter().map(|m| m.name.as_str()).collect();
            let help = format!("the operation accepts: {}", names.join(", "));
            let json_flag = ctx.doc.slice(&req.span).contains("--json");
            match req.header("content-type") {
                Some(h) if body.media_type(&h.value).is_none() => out.push(
                    ctx.finding(
                        &META,
                        h.span.clone(),
                        format!(
                            "Content-Type `{}` is not a media type of this request body",
                            h.value
                        ),
                    )
                    .with_help(help),
                ),
                None if !json_flag
                    && body
                        .media_type("application/x-www-form-urlencoded")
                        .is_none() =>
                {
                    let span = req.body_span.clone().unwrap_or(req.span.clone());
                    out.push(
                        ctx.finding(
                            &META,
                            span.start..span.start + 1,
                            "the request sends a body without a Content-Type header (curl then sends application/x-www-form-urlencoded)",
                        )
                        .with_help(format!("add `-H 'Content-Type: {}'`", names.first().copied().unwrap_or("application/json"))),
                    );
                }
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn missing_header_points_at_the_body() {
        let f = run(
            &ContentTypeMismatch,
            "```shell\ncurl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \\\n  -d '{}'\n```\n",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].line, 3);
        let ok = "```shell\ncurl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \\\n  -H 'content-type: application/json; charset=utf-8' -d '{}'\n```\n";
        assert!(run(&ContentTypeMismatch, ok).is_empty());
    }
}
