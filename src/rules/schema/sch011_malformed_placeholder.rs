//! SCH011 malformed-placeholder.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports placeholders such as `{ACCESS_TOKEN` or `{{X}}` in a request.
pub struct MalformedPlaceholder;

static META: RuleMeta = RuleMeta {
    id: "SCH011",
    name: "malformed-placeholder",
    family: "sch",
    summary: "A placeholder in a request is malformed",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Placeholders in the URL, the header values and the JSON string values of curl requests. The
convention is `{UPPER_SNAKE}`. Reported: a placeholder that is never closed (`{ACCESS_TOKEN`) or
never opened (`ACCESS_TOKEN}`), doubled braces (`{{SANDBOX}}`), and braces around words with
spaces (`{access token}`). JSON structure itself is never inspected, only string contents. The
finding points at the placeholder.

## Why it matters
Readers replace placeholders by search or by eye; a broken one is left in the request or eats a
neighbouring character, and the call fails with a confusing error.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Authorization: Bearer {ACCESS_TOKEN'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/flows' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}'
```
~~~
"#,
};

/// Malformed placeholders in `s`: (byte range, description).
pub fn malformed(s: &str) -> Vec<(std::ops::Range<usize>, &'static str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let is_name = |c: u8| c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_';
    let mut i = 0;
    while i < b.len() {
        let c = b.get(i).copied().unwrap_or(0);
        if c == b'{' && b.get(i + 1) == Some(&b'{') {
            if let Some(close) = s[i..].find("}}") {
                let inner = &s[i + 2..i + close];
                if !inner.is_empty() && inner.bytes().all(|c| is_name(c) || c.is_ascii_lowercase())
                {
                    out.push((i..i + close + 2, "doubled braces"));
                    i += close + 2;
                    continue;
                }
            }
        }
        if c == b'{' {
            let mut j = i + 1;
            while j < b.len() && b.get(j).is_some_and(|c| is_name(*c)) {
                j += 1;
            }
            let name_len = j - i - 1;
            let next = b.get(j).copied();
            if name_len >= 2
                && next != Some(b'}')
                && b.get(i + 1).is_some_and(u8::is_ascii_uppercase)
            {
                let words = next.is_some_and(|c| c == b' ' || c.is_ascii_lowercase());
                match s[j..].find('}') {
                    Some(k)
                        if words
                            && s[j..j + k]
                                .bytes()
                                .all(|c| c == b' ' || c.is_ascii_alphanumeric() || c == b'_') =>
                    {
                        out.push((i..j + k + 1, "words with spaces between braces"));
                        i = j + k + 1;
                    }
                    _ if !next.is_some_and(|c| c.is_ascii_lowercase()) => {
                        out.push((i..j, "never closed"));
                        i = j;
                    }
                    _ => i = j,
                }
                continue;
            }
            if b.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
                if let Some(k) = s[i..].find('}') {
                    let inner = &s[i + 1..i + k];
                    if inner.contains(' ')
                        && inner
                            .bytes()
                            .all(|c| c == b' ' || c.is_ascii_alphanumeric() || c == b'_')
                    {
                        out.push((i..i + k + 1, "words with spaces between braces"));
                        i += k + 1;
                        continue;
                    }
                }
            }
            // A well-formed placeholder: skip it whole.
            if next == Some(b'}') {
                i = j + 1;
                continue;
            }
        }
        if c == b'}' {
            let mut j = i;
            while j > 0 && b.get(j - 1).is_some_and(|c| is_name(*c)) {
                j -= 1;
            }
            let opened = j > 0 && b.get(j - 1) == Some(&b'{');
            if !opened && i - j >= 3 && b.get(j).is_some_and(u8::is_ascii_uppercase) {
                out.push((j..i + 1, "never opened"));
            }
        }
        i += 1;
    }
    out
}

impl Rule for MalformedPlaceholder {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut report = |span: crate::afm::Span, text: &str, what: &str| {
            out.push(
                ctx.finding(
                    &META,
                    span,
                    format!("malformed placeholder `{text}`: {what}"),
                )
                .with_help("write placeholders as `{NAME}` in upper snake case"),
            );
        };
        for req in ctx.requests {
            if let Some(url) = &req.url {
                for (r, what) in malformed(url) {
                    let span = super::helpers::url_span(ctx, req, r.clone());
                    report(span, &url[r], what);
                }
            }
            for h in &req.headers {
                let word = ctx.doc.slice(&h.span);
                let Some(at) = word.find(&h.value).filter(|_| !h.value.is_empty()) else {
                    continue;
                };
                for (r, what) in malformed(&h.value) {
                    let start = h.span.start + at + r.start;
                    report(start..start + r.len(), &h.value[r], what);
                }
            }
            let Some(text) = &req.body_text else { continue };
            if req.body.is_none() {
                continue;
            }
            for n in req.body_nodes().iter().filter(|n| n.string) {
                let raw = text.get(n.value.clone()).unwrap_or("");
                for (r, what) in malformed(raw) {
                    let abs = n.value.start + r.start..n.value.start + r.end;
                    if let Some(span) = super::helpers::body_span(req, abs) {
                        report(span, &raw[r], what);
                    }
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
    fn detects_each_shape_and_spares_good_ones() {
        fn kinds(s: &str) -> Vec<(&str, &'static str)> {
            malformed(s).into_iter().map(|(r, w)| (&s[r], w)).collect()
        }
        assert_eq!(
            kinds("Bearer {ACCESS_TOKEN"),
            [("{ACCESS_TOKEN", "never closed")]
        );
        assert_eq!(
            kinds("x ACCESS_TOKEN}"),
            [("ACCESS_TOKEN}", "never opened")]
        );
        assert_eq!(kinds("{{SANDBOX}}"), [("{{SANDBOX}}", "doubled braces")]);
        assert_eq!(
            kinds("{access token}"),
            [("{access token}", "words with spaces between braces")]
        );
        assert!(kinds("jdbc://{ACCOUNT_NAME}.x/?user={USERNAME}&db={DB}").is_empty());
        assert!(kinds("{id} {BASE_CONNECTION_ID} {\"a\": 1} A}").is_empty());
    }

    #[test]
    fn points_into_the_body_string() {
        let f = run(
            &MalformedPlaceholder,
            "```shell\ncurl 'https://h.x' -d '{\n  \"a\": \"{ACCESS_TOKEN\"\n}'\n```\n",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].line, f[0].column), (3, 9));
    }
}
