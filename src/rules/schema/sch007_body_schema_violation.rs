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
            let errors = schema.errors(value);
            if errors.is_empty() {
                continue;
            }
            let nodes = super::helpers::body_nodes(req);
            for e in errors {
                let anchor = match e.kind {
                    BodyErrorKind::Missing => e.pointer.rsplit_once('/').map_or("", |(p, _)| p),
                    _ => e.pointer.as_str(),
                };
                let span = super::helpers::pointer_span(req, &nodes, anchor);
                out.push(ctx.finding(&META, span, format!("request body: {}", e.message)));
            }
        }
    }
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
