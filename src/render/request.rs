//! The request a page shows, built from the schema: never typed by hand, so it cannot drift.
//!
//! Method, server URL, path and header names come from the OpenAPI document
//! (`schema/flow-service.yaml`); the example value of each header and the body's labels come from
//! `templates/request.yaml`; spec id, `auth.specName` and param names from the connector catalog.
//! The OpenAPI document is read minimally here (server URL with its variable defaults, the
//! operation's `in: header` parameters with `$ref`s resolved); once `schema::openapi` exists, build
//! [`Endpoint`] from its loaded document instead (see [`Endpoint::from_openapi`]).

use serde_json::{json, Map, Value};
use std::path::Path;

use super::RenderError;
use crate::schema::{AuthSpec, Connector};

/// One operation of the API as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// Upper-case method.
    pub method: String,
    /// Path (`/connections`).
    pub path: String,
    /// Full URL (server URL with variable defaults + path).
    pub url: String,
    /// Header parameter names in the document's order (path-level first).
    pub headers: Vec<String>,
}

/// `templates/request.yaml`: which operation, example header values, body labels.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestSpec {
    /// Operation shown.
    pub operation: Operation,
    /// Example value per header name (matched case-insensitively).
    pub headers: Map<String, Value>,
    /// `name` and `description` of the body, with `{{connector}}` / `{{specName}}` filled in.
    pub body: BodyLabels,
}

/// `operation:` of `request.yaml`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// `post`.
    pub method: String,
    /// `/connections`.
    pub path: String,
}

/// `body:` of `request.yaml`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodyLabels {
    /// Connection name.
    pub name: String,
    /// Connection description.
    pub description: String,
}

impl RequestSpec {
    /// Parses `request.yaml`.
    pub fn parse(file: &Path, text: &str) -> Result<RequestSpec, RenderError> {
        let v = crate::schema::yaml::parse(file, text).map_err(RenderError::from_schema)?;
        serde_json::from_value(v).map_err(|e| {
            RenderError::file(
                &file.display().to_string(),
                format!("not a request spec: {e}"),
            )
        })
    }
}

impl Endpoint {
    /// Reads `op` from an OpenAPI document's text.
    pub fn from_openapi(file: &Path, text: &str, op: &Operation) -> Result<Endpoint, RenderError> {
        let shown = file.display().to_string();
        let err = |m: String| RenderError::file(&shown, m);
        let doc = crate::schema::yaml::parse(file, text).map_err(RenderError::from_schema)?;
        let server = doc
            .pointer("/servers/0")
            .ok_or_else(|| err("no `servers` entry".into()))?;
        let mut url = server
            .get("url")
            .and_then(Value::as_str)
            .ok_or_else(|| err("`servers[0].url` is missing".into()))?
            .to_string();
        if let Some(vars) = server.get("variables").and_then(Value::as_object) {
            for (k, v) in vars {
                if let Some(d) = v.get("default").and_then(Value::as_str) {
                    url = url.replace(&format!("{{{k}}}"), d);
                }
            }
        }
        let path_item = doc
            .get("paths")
            .and_then(|p| p.get(&op.path))
            .ok_or_else(|| err(format!("no path `{}`", op.path)))?;
        let method = op.method.to_ascii_lowercase();
        let operation = path_item
            .get(&method)
            .ok_or_else(|| err(format!("no `{method}` operation on `{}`", op.path)))?;
        let mut headers = Vec::new();
        for params in [path_item.get("parameters"), operation.get("parameters")]
            .into_iter()
            .flatten()
            .filter_map(Value::as_array)
        {
            for p in params {
                let p = resolve(&doc, p).ok_or_else(|| err(format!("unresolved `$ref` {p}")))?;
                if p.get("in").and_then(Value::as_str) == Some("header") {
                    if let Some(n) = p.get("name").and_then(Value::as_str) {
                        if !headers.iter().any(|h: &String| h.eq_ignore_ascii_case(n)) {
                            headers.push(n.to_string());
                        }
                    }
                }
            }
        }
        Ok(Endpoint {
            method: op.method.to_ascii_uppercase(),
            path: op.path.clone(),
            url: format!("{}{}", url.trim_end_matches('/'), op.path),
            headers,
        })
    }
}

fn resolve<'a>(doc: &'a Value, v: &'a Value) -> Option<&'a Value> {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => doc.pointer(r.strip_prefix('#')?),
        None => Some(v),
    }
}

/// `clientId` → `CLIENT_ID`, `s3AccessKey` → `S3_ACCESS_KEY`, `clientCustomerID` → `CLIENT_CUSTOMER_ID`.
pub fn placeholder(param: &str) -> String {
    let chars: Vec<char> = param.chars().collect();
    let mut s = String::new();
    for (i, c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j));
        let next = chars.get(i + 1);
        if c.is_ascii_uppercase() && i > 0 {
            let after_lower = prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit());
            let acronym_end = prev.is_some_and(char::is_ascii_uppercase)
                && next.is_some_and(char::is_ascii_lowercase);
            if after_lower || acronym_end {
                s.push('_');
            }
        }
        if c.is_ascii_alphanumeric() {
            s.push(c.to_ascii_uppercase());
        } else {
            s.push('_');
        }
    }
    s
}

/// Single-quotes `s` for a POSIX shell.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

fn pretty(v: &Value) -> String {
    use serde::Serialize;
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    // Serializing a Value into a Vec cannot fail.
    let _ = v.serialize(&mut ser);
    String::from_utf8(buf).unwrap_or_default()
}

fn fill(label: &str, connector: &Connector, auth: &AuthSpec) -> String {
    label
        .replace("{{connector}}", &connector.name)
        .replace("{{specName}}", &auth.spec_name)
}

/// The request body for `auth` of `connector`: required params as placeholders.
pub fn body(spec: &RequestSpec, connector: &Connector, auth: &AuthSpec) -> Value {
    let mut params = Map::new();
    for p in auth.params.iter().filter(|p| p.required) {
        params.insert(
            p.name.clone(),
            Value::String(format!("{{{}}}", placeholder(&p.name))),
        );
    }
    json!({
        "name": fill(&spec.body.name, connector, auth),
        "description": fill(&spec.body.description, connector, auth),
        "auth": { "specName": auth.spec_name, "params": params },
        "connectionSpec": {
            "id": connector.connection_spec_id,
            "version": connector.connection_spec_version.as_deref().unwrap_or("1.0"),
        }
    })
}

/// The curl command (no fences): one option per line, `\` continuations, 4-space indents.
pub fn curl(
    endpoint: &Endpoint,
    spec: &RequestSpec,
    connector: &Connector,
    auth: &AuthSpec,
) -> Result<String, String> {
    let mut lines = vec![
        format!("curl -X {}", endpoint.method),
        format!("    {}", shell_quote(&endpoint.url)),
    ];
    for h in &endpoint.headers {
        let value = spec
            .headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(h))
            .and_then(|(_, v)| v.as_str())
            .ok_or_else(|| {
                format!("header `{h}` of the API has no example value in request.yaml `headers`")
            })?;
        lines.push(format!("    -H {}", shell_quote(&format!("{h}: {value}"))));
    }
    let json = pretty(&body(spec, connector, auth)).replace('\n', "\n    ");
    lines.push(format!("    -d {}", shell_quote(&json)));
    Ok(lines.join(" \\\n"))
}

/// A deterministic UUID (RFC 9562 version 8, "custom") for `name` in `namespace`: the same input
/// always gives the same id, so every locale of a page shares its `exl-id`.
pub fn stable_uuid(namespace: &str, name: &str) -> String {
    let input = format!("locdoc:{namespace}:{name}");
    let a = fnv1a64(input.as_bytes(), 0xcbf2_9ce4_8422_2325);
    let b = fnv1a64(input.as_bytes(), a ^ 0x9e37_79b9_7f4a_7c15);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&a.to_be_bytes());
    bytes[8..].copy_from_slice(&b.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

fn fnv1a64(data: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    for b in data {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The example response of `POST /connections` for `connector`.
pub fn response(connector: &Connector) -> String {
    let id = stable_uuid("connection", &connector.id);
    let etag = stable_uuid("etag", &connector.id);
    pretty(&json!({ "id": id, "etag": format!("\"{etag}\"") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixtures() -> (Endpoint, RequestSpec, crate::schema::Schema) {
        let spec = RequestSpec::parse(
            Path::new("request.yaml"),
            "operation: {method: post, path: /connections}\nheaders:\n  Authorization: \"Bearer {ACCESS_TOKEN}\"\n  x-api-key: \"{API_KEY}\"\n  x-gw-ims-org-id: \"{ORG_ID}\"\n  x-sandbox-name: \"{SANDBOX_NAME}\"\n  content-type: application/json\nbody: {name: \"{{connector}} base connection\", description: \"{{connector}}, {{specName}}\"}\n",
        )
        .unwrap();
        let ep = Endpoint::from_openapi(
            Path::new("schema/flow-service.yaml"),
            crate::schema::BUILTIN_OPENAPI,
            &spec.operation,
        )
        .unwrap();
        (ep, spec, crate::schema::Schema::builtin().unwrap())
    }

    #[test]
    fn endpoint_comes_from_the_openapi_document() {
        let (ep, _, _) = fixtures();
        assert_eq!(ep.method, "POST");
        assert_eq!(
            ep.url,
            "https://platform.adobe.io/data/foundation/flowservice/connections"
        );
        assert_eq!(
            ep.headers,
            [
                "Authorization",
                "x-api-key",
                "x-gw-ims-org-id",
                "x-sandbox-name",
                "Content-Type"
            ]
        );
    }

    #[test]
    fn curl_is_well_formed_and_parses_back() {
        let (ep, spec, schema) = fixtures();
        let hub = schema.catalog.by_id("hubspot").unwrap();
        let c = curl(&ep, &spec, hub, &hub.auth[0]).unwrap();
        assert!(c.starts_with("curl -X POST \\\n    'https://platform.adobe.io/"));
        assert!(c.contains("    -H 'Content-Type: application/json' \\\n"));
        assert!(c.contains("\"clientId\": \"{CLIENT_ID}\""));
        assert!(c.ends_with("    }'"));
        let page = format!("```shell\n{c}\n```\n");
        let (doc, reqs) = crate::rules::testing::page(&page, "en");
        assert_eq!(reqs.len(), 1, "{:?}", doc.code_blocks);
        assert!(reqs[0].problems.is_empty(), "{:?}", reqs[0].problems);
        assert_eq!(reqs[0].headers.len(), 5);
        let body = reqs[0].body.as_ref().unwrap();
        assert_eq!(
            body["connectionSpec"]["id"],
            "cc6a4487-9e91-433e-a3a3-9cf6626c1806"
        );
        assert_eq!(body["auth"]["specName"], "Basic Authentication");
    }

    #[test]
    fn placeholders_and_ids() {
        assert_eq!(placeholder("clientId"), "CLIENT_ID");
        assert_eq!(placeholder("s3AccessKey"), "S3_ACCESS_KEY");
        assert_eq!(placeholder("clientCustomerID"), "CLIENT_CUSTOMER_ID");
        assert_eq!(placeholder("host"), "HOST");
        let a = stable_uuid("exl", "hubspot");
        assert_eq!(a, stable_uuid("exl", "hubspot"));
        assert_ne!(a, stable_uuid("exl", "paypal"));
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8");
        assert_eq!(shell_quote("it's"), "'it'\\''s'");
    }
}
