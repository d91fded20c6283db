//! SCH012 placeholder-reuse.

use std::collections::HashMap;

use crate::afm::Span;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::schema::openapi::is_placeholder;
use crate::schema::routes::UrlParts;

/// Reports one placeholder standing for two different headers, query params or sibling fields.
pub struct PlaceholderReuse;

static META: RuleMeta = RuleMeta {
    id: "SCH012",
    name: "placeholder-reuse",
    family: "sch",
    summary: "One placeholder is used for two different values",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
A whole-value placeholder (`{API_KEY}`) must stand for one thing on a page. Reported: the same
placeholder as the value of two different headers or query parameters anywhere on the page
(`x-api-key: {API_KEY}` and `x-gw-ims-org-id: {API_KEY}`), or of two different keys of one JSON
object. Values under different JSON objects are not compared (`id` and `baseConnectionId` may
rightly hold the same id). The finding points at the second use.

## Why it matters
A reader who fills the placeholder in once sends the same value for both, and the call fails
with an authentication error that the example seems to explain away.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {API_KEY}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~
"#,
};

impl Rule for PlaceholderReuse {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        // placeholder → (slot name, kind) of its first use on the page.
        let mut slots: HashMap<String, (String, &'static str)> = HashMap::new();
        let mut check =
            |ph: &str, slot: String, kind: &'static str, span: Span, out: &mut Vec<Finding>| {
                match slots.get(ph) {
                    Some((first, k)) if !first.eq_ignore_ascii_case(&slot) => out.push(
                        ctx.finding(
                            &META,
                            span,
                            format!(
                                "`{ph}` is used for {kind} `{slot}` and already for {k} `{first}`"
                            ),
                        )
                        .with_help("give each value its own placeholder"),
                    ),
                    Some(_) => {}
                    None => {
                        slots.insert(ph.to_string(), (slot, kind));
                    }
                }
            };
        for req in ctx.requests {
            for h in &req.headers {
                let v = h.value.trim_start_matches("Bearer ").trim();
                if is_placeholder(v) {
                    check(v, h.name.clone(), "header", h.span.clone(), out);
                }
            }
            if let Some(url) = &req.url {
                for (n, v, at) in UrlParts::split(url).query_params() {
                    if is_placeholder(v) {
                        let span =
                            super::helpers::url_span(ctx, req, at..at + n.len() + 1 + v.len());
                        check(v, n.to_string(), "query parameter", span, out);
                    }
                }
            }
        }
        // Sibling keys of one JSON object.
        for req in ctx.requests {
            let Some(body) = &req.body else { continue };
            let nodes = req.body_nodes();
            let mut stack = vec![(String::new(), body)];
            while let Some((ptr, v)) = stack.pop() {
                match v {
                    serde_json::Value::Object(m) => {
                        let mut seen: HashMap<&str, &str> = HashMap::new();
                        for (k, x) in m {
                            let child = format!("{ptr}/{}", crate::schema::refs::escape(k));
                            if let Some(s) = x.as_str().filter(|s| is_placeholder(s)) {
                                if let Some(first) = seen.get(s) {
                                    out.push(ctx.finding(
                                        &META,
                                        super::helpers::pointer_span(req, nodes, &child),
                                        format!("`{s}` is used for `{k}` and already for `{first}` in the same object"),
                                    ).with_help("give each value its own placeholder"));
                                } else {
                                    seen.insert(s, k);
                                }
                            }
                            stack.push((child, x));
                        }
                    }
                    serde_json::Value::Array(a) => {
                        for (i, x) in a.iter().enumerate() {
                            stack.push((format!("{ptr}/{i}"), x));
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::run;

    #[test]
    fn same_object_only_for_json() {
        let f = run(
            &PlaceholderReuse,
            "```shell\ncurl 'https://h.x' -d '{\"id\": \"{X}\", \"a\": {\"baseConnectionId\": \"{X}\"}, \"b\": {\"p\": \"{Y}\",\n \"q\": \"{Y}\"}}'\n```\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].line, 3);
    }
}
