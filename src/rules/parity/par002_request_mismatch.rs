//! PAR002 request-mismatch.

use serde_json::Value;

use super::align::normalize_placeholders;
use super::helpers::{line, paired};
use super::sync_fix::{attach_all, sync_fix};
use crate::afm::BlockKind;
use crate::diag::{Finding, Severity};
use crate::extract::Request;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

/// Reports a curl request that differs from the same request of the source page.
pub struct RequestMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR002",
    name: "request-mismatch",
    family: "parity",
    summary: "A curl request differs from the source page's (method, URL, headers, JSON body)",
    severity: Severity::Error,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
Each curl request of an aligned code block is compared with the source's as a parsed request: the
method, the URL, header names and values, and the JSON body (key by key). Shell comments may be
translated, whitespace and quoting may differ. Placeholder names (`{ORG_ID}` against `{IMS_ORG}`)
are `PAR003`'s concern and are ignored here.

## Why it matters
A request is code: translating a header name, changing `https` to `http` or a body value makes the
example fail for every reader of that locale, while the English page works.

## Example
~~~markdown
```shell
curl -X POST 'http://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -d '{"name": "connexion pour hubspot"}'
```
~~~

## Source page
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -d '{"name": "connection for HubSpot"}'
```
~~~

## Use instead
~~~markdown
```shell
# Créer la connexion
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -d '{"name": "connection for HubSpot"}'
```
~~~

## Fix
When `locdoc sync` aligns the code block with the source's, every finding on the request carries
sync's repair: the request's lines are copied from the source page (`check --fix` and `sync` write
the same bytes). A block sync cannot align is left for a person.
"#,
};

fn norm(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(normalize_placeholders(s).into_owned()),
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), norm(v))).collect()),
        other => other.clone(),
    }
}

/// First differences between two JSON values: (path, last key, source value, translated value).
fn diff(
    path: &str,
    key: &str,
    s: &Value,
    t: &Value,
    out: &mut Vec<(String, String, String, String)>,
) {
    if out.len() >= 3 {
        return;
    }
    match (s, t) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                match b.get(k) {
                    Some(w) => diff(&p, k, v, w, out),
                    None => out.push((p, key.to_string(), v.to_string(), "(missing)".into())),
                }
            }
            for (k, w) in b {
                if !a.contains_key(k) {
                    let p = if path.is_empty() {
                        k.clone()
                    } else {
                        format!("{path}.{k}")
                    };
                    out.push((p, k.clone(), "(none)".into(), w.to_string()));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}[{i}]"), key, v, w, out);
            }
        }
        _ if s != t => out.push((
            path.to_string(),
            key.to_string(),
            s.to_string(),
            t.to_string(),
        )),
        _ => {}
    }
}

fn compare(
    ctx: &Context<'_>,
    src_doc: &crate::afm::Document,
    s: &Request,
    t: &Request,
    out: &mut Vec<Finding>,
) {
    let first = out.len();
    let tline = ctx.doc.lines.line_range(t.line);
    let sl =
        |span: &Option<crate::afm::Span>| span.as_ref().map_or(s.line, |x| line(src_doc, x.start));
    if !s.method.eq_ignore_ascii_case(&t.method) {
        let span = t.method_span.clone().unwrap_or(tline.clone());
        out.push(ctx.finding(
            &META,
            span,
            format!(
                "method {} differs from the source (source line {}: {})",
                t.method,
                sl(&s.method_span),
                s.method
            ),
        ));
    }
    let (su, tu) = (
        s.url.as_deref().unwrap_or(""),
        t.url.as_deref().unwrap_or(""),
    );
    if normalize_placeholders(su) != normalize_placeholders(tu) {
        let span = t.url_span.clone().unwrap_or(tline.clone());
        out.push(ctx.finding(
            &META,
            span,
            format!(
                "URL `{tu}` differs from the source (source line {}: `{su}`)",
                sl(&s.url_span)
            ),
        ));
    }
    for sh in &s.headers {
        match t.header(&sh.name) {
            None => out.push(
                ctx.finding(
                    &META,
                    tline.clone(),
                    format!(
                        "header `{}` is missing (source line {}: `{}: {}`)",
                        sh.name, sh.line, sh.name, sh.value
                    ),
                )
                .with_help("copy the header from the source request"),
            ),
            Some(th) if normalize_placeholders(&th.value) != normalize_placeholders(&sh.value) => {
                out.push(ctx.finding(
                    &META,
                    th.span.clone(),
                    format!(
                        "header `{}` has value `{}`; source line {} has `{}`",
                        th.name, th.value, sh.line, sh.value
                    ),
                ))
            }
            Some(_) => {}
        }
    }
    for th in &t.headers {
        if s.header(&th.name).is_none() {
            out.push(ctx.finding(
                &META,
                th.span.clone(),
                format!(
                    "header `{}` is not in the source request (source line {})",
                    th.name, s.line
                ),
            ));
        }
    }
    if let (Some(sb), Some(tb)) = (&s.body, &t.body) {
        let mut d = Vec::new();
        diff("", "", &norm(sb), &norm(tb), &mut d);
        for (path, key, sv, tv) in d {
            let span = t
                .body_key_span(&key)
                .filter(|_| !key.is_empty())
                .or_else(|| t.body_span.clone())
                .unwrap_or(tline.clone());
            let sline = s
                .body_key_span(&key)
                .filter(|_| !key.is_empty())
                .or_else(|| s.body_span.clone());
            out.push(ctx.finding(
                &META,
                span,
                format!("request body differs at `{path}`: {tv} here, {sv} in the source (source line {})", sl(&sline)),
            ));
        }
    }
    if out.len() > first {
        let fix = sync_fix(ctx, &t.span, &[ChangeKind::Code]);
        attach_all(out.get_mut(first..).unwrap_or_default(), fix);
    }
}

impl Rule for RequestMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        for &(x, y) in &a.blocks {
            let (Some(BlockKind::Code { index: ti }), Some(BlockKind::Code { index: si })) = (
                ctx.doc.blocks.get(x).map(|b| &b.kind),
                src.doc.blocks.get(y).map(|b| &b.kind),
            ) else {
                continue;
            };
            let tr: Vec<&Request> = ctx
                .requests
                .iter()
                .filter(|r| r.code_block == *ti)
                .collect();
            let sr: Vec<&Request> = src
                .requests
                .iter()
                .filter(|r| r.code_block == *si)
                .collect();
            if tr.len() != sr.len() {
                continue;
            }
            for (t, s) in tr.into_iter().zip(sr) {
                compare(ctx, src.doc, s, t, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    const SRC: &str = "# T\n\n```shell\ncurl -X POST 'https://h.x/c' \\\n  -H 'x-api-key: {API_KEY}' \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"name\": \"A\", \"auth\": {\"id\": \"{ID}\"}}'\n```\n";

    #[test]
    fn differences_are_reported_on_the_translated_token() {
        let tr = "# T\n\n```shell\ncurl -X POST 'http://h.x/c' \\\n  -H 'x-api-key: {KEY}' \\\n  -H 'Content-Type: text/plain' \\\n  -d '{\"name\": \"B\", \"auth\": {\"id\": \"{ID}\"}}'\n```\n";
        let f = run_pair(&RequestMismatch, tr, Some(SRC));
        let mut l = lines(&f);
        l.sort();
        assert_eq!(l, vec![4, 6, 7], "{f:?}");
        assert!(f.iter().any(|x| x.message.contains("source line 7")));
    }

    #[test]
    fn comments_quotes_and_placeholders_do_not_count() {
        let tr = "# T\n\n```shell\n# commentaire\ncurl -X POST \"https://h.x/c\" \\\n  -H \"x-api-key: {CLE}\" \\\n  -H 'Content-Type: application/json' \\\n  -d '{\"name\": \"A\",\n  \"auth\": {\"id\": \"{ID}\"}}'\n```\n";
        assert!(run_pair(&RequestMismatch, tr, Some(SRC)).is_empty());
    }
}
