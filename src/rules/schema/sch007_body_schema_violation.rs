//! SCH007 body-schema-violation.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::openapi::BodyErrorKind;

/// Reports a JSON request body that fails its operation's schema.
pub struct BodySchemaViolation;

static META: RuleMeta = RuleMeta {
    id: "SCH007",
    name: "body-schema-violation",
    family: "sch",
    summary: "A JSON request body fails the schema of its operation",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
The parsed JSON body of every curl request matched to an operation, against the JSON Schema of
the request body's media type (chosen by `Content-Type`, else the JSON one), compiled once per
run with local `$ref`s resolved: a missing required property, a value of the wrong type, a
property the schema forbids (`additionalProperties: false`), a value outside an `enum`… The
message carries the JSON pointer; the finding points at the JSON key in the file (for a missing
property, at the key of the object that lacks it). A whole-placeholder string such as
`"{LIMIT}"` stands for any value and is not judged by type or format.

A JSON Patch body (RFC 6902: an array of objects with `op` and `path`) is checked against the RFC
instead (`value` for add/replace/test, `from` for move/copy): specs describe patch documents
loosely (one object instead of an array, upper-case ops, `value` typed as an object although its
type depends on `path`), and the tutorials follow the RFC.

## Why it matters
The API answers 400 and the reader cannot see, from an example that looks complete, which field
is wrong.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Content-Type: application/json' \
  -d '{
    "name": "f",
    "sourceConnectionIds": "{SOURCE_CONNECTION_ID}"
  }'
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Content-Type: application/json' \
  -d '{
    "name": "f",
    "flowSpec": {"id": "{FLOW_SPEC_ID}", "version": "1.0"},
    "sourceConnectionIds": ["{SOURCE_CONNECTION_ID}"]
  }'
```
~~~
"#,
};

impl Rule for BodySchemaViolation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for (req, op) in super::helpers::operations(ctx) {
            let (Some(body), Some(value)) = (&op.body, &req.body) else {
                continue;
            };
            let mt = match req.header("content-type") {
                Some(h) => body.media_type(&h.value),
                None => body.default_media_type(),
            };
            let Some(schema) = mt.and_then(|m| m.schema.as_ref()) else {
                continue;
            };
            let errors = if is_json_patch(value) {
                patch_errors(value)
            } else {
                schema.errors(value)
            };
            if errors.is_empty() {
                continue;
            }
            let nodes = req.body_nodes();
            for e in errors {
                let anchor = match e.kind {
                    BodyErrorKind::Missing => e.pointer.rsplit_once('/').map_or("", |(p, _)| p),
                    _ => e.pointer.as_str(),
                };
                let span = super::helpers::pointer_span(req, nodes, anchor);
                out.push(ctx.finding(&META, span, format!("request body: {}", e.message)));
            }
        }
    }
}

const PATCH_OPS: &[&str] = &["add", "remove", "replace", "move", "copy", "test"];

/// Whether `v` is a JSON Patch document.
fn is_json_patch(v: &serde_json::Value) -> bool {
    v.as_array().is_some_and(|a| {
        !a.is_empty()
            && a.iter().all(|op| {
                op.get("path").is_some_and(serde_json::Value::is_string)
                    && op
                        .get("op")
                        .and_then(serde_json::Value::as_str)
                        .is_some_and(|o| PATCH_OPS.iter().any(|p| p.eq_ignore_ascii_case(o)))
            })
    })
}

/// RFC 6902 member checks.
fn patch_errors(v: &serde_json::Value) -> Vec<crate::schema::openapi::BodyError> {
    let mut out = Vec::new();
    for (i, op) in v.as_array().into_iter().flatten().enumerate() {
        let name = op
            .get("op")
            .and_then(serde_json::Value::as_str)
            .unwrap_or("")
            .to_ascii_lowercase();
        let need = match name.as_str() {
            "add" | "replace" | "test" => "value",
            "move" | "copy" => "from",
            _ => continue,
        };
        if op.get(need).is_none() {
            out.push(crate::schema::openapi::BodyError {
                kind: BodyErrorKind::Missing,
                pointer: format!("/{i}/{need}"),
                message: format!("JSON Patch `{name}` at `/{i}` needs `{need}`"),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn missing_property_points_at_its_parent_key() {
        let f = run(
            &BodySchemaViolation,
            "```shell\ncurl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\n    \"auth\": {\"specName\": \"x\"},\n    \"connectionSpec\": {\n      \"id\": \"abc\"\n    }\n  }'\n```\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 6);
        assert!(f[0].message.contains("/connectionSpec"), "{}", f[0].message);
    }

    #[test]
    fn json_patch_follows_the_rfc() {
        let req = |body: &str| {
            format!("```shell\ncurl -X PATCH 'https://platform.adobe.io/data/foundation/flowservice/connections/{{ID}}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{body}'\n```\n")
        };
        assert!(run(
            &BodySchemaViolation,
            &req(r#"[{"op": "replace", "path": "/name", "value": "n"}]"#)
        )
        .is_empty());
        let f = run(
            &BodySchemaViolation,
            &req(r#"[{"op": "replace", "path": "/name"}]"#),
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(f[0].message.contains("needs `value`"), "{}", f[0].message);
    }

    #[test]
    fn placeholders_stand_for_any_type() {
        let ok = "```shell\ncurl -X POST 'https://platform.adobe.io/data/foundation/flowservice/flows' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"flowSpec\": {\"id\": \"x\"}, \"sourceConnectionIds\": \"{IDS}\"}'\n```\n";
        assert!(run(&BodySchemaViolation, ok).is_empty());
        let bad = ok.replace("\"{IDS}\"", "\"abc\"");
        let f = run(&BodySchemaViolation, &bad);
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message.contains("/sourceConnectionIds"),
            "{}",
            f[0].message
        );
    }
}
