//! OpenAPI 3.0/3.1 loader: servers (with variables), path templates, operations per method,
//! header/query/path parameters, request-body media types and their compiled JSON Schemas.
//!
//! Why `serde_json::Value` and not an OpenAPI model crate: `openapiv3` models 3.0 only and `oas3`
//! 3.1 only, both reject the small irregularities real specs carry, and neither gives positions.
//! locdoc needs only a few fields, the raw schema value for `jsonschema` anyway, and its own `$ref`
//! resolution ([`super::refs`]) with cycle detection; errors point at the file, line and column
//! ([`super::position`]). Body validators are compiled here, once per run.
//!
//! Longer than the house 400 lines on purpose: the model types and the loader that fills them are
//! read together; `$ref` handling, URL templates and positions already live in their own files.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::refs::{self, escape, RefError};
use super::routes::{trim_slash, Template, UrlParts, Variable};
use super::{position, yaml, SchemaError};

/// HTTP methods an OpenAPI path item may hold.
pub const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A loaded OpenAPI document.
#[derive(Debug, Clone)]
pub struct OpenApi {
    /// The file it came from.
    pub file: PathBuf,
    /// `openapi` version string.
    pub version: String,
    /// `info.title`.
    pub title: String,
    /// Servers (a lone `/` when the document has none).
    pub servers: Vec<Server>,
    /// Path items; items differing only by a trailing `/` are merged.
    pub paths: Vec<PathItem>,
}

/// One `servers` entry.
#[derive(Debug, Clone)]
pub struct Server {
    /// URL as written.
    pub url: String,
    /// Scheme when written (`https`); None for scheme-relative (`//host`) or relative URLs.
    pub scheme: Option<String>,
    /// Host template; None for a relative server URL (`/v1`).
    pub host: Option<Template>,
    /// Host names with every variable expanded (empty when a variable has no enum).
    pub hosts: Vec<String>,
    /// Base path template.
    pub base: Template,
    /// Base path with defaults substituted.
    pub base_path: String,
    /// Variables.
    pub variables: Vec<Variable>,
}

/// A path template and its operations.
#[derive(Debug, Clone)]
pub struct PathItem {
    /// Template as written (without a trailing `/`).
    pub template: String,
    matcher: Template,
    /// Number of literal segments (more literal = more specific).
    pub literal_segments: usize,
    /// Operations.
    pub operations: Vec<Operation>,
}

/// One operation.
#[derive(Debug, Clone)]
pub struct Operation {
    /// Upper-case method.
    pub method: String,
    /// `operationId`.
    pub id: Option<String>,
    /// Parameters (path-level merged in).
    pub parameters: Vec<Parameter>,
    /// Request body.
    pub body: Option<RequestBody>,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parameter {
    /// Name.
    pub name: String,
    /// `header`, `query`, `path` or `cookie`.
    pub location: String,
    /// Whether required.
    pub required: bool,
}

/// A request body.
#[derive(Debug, Clone)]
pub struct RequestBody {
    /// Whether required.
    pub required: bool,
    /// Media types in document order.
    pub media_types: Vec<MediaType>,
}

/// A media type of a request body.
#[derive(Debug, Clone)]
pub struct MediaType {
    /// `application/json`, `application/*`, …
    pub name: String,
    /// Compiled schema, when one is given.
    pub schema: Option<Arc<BodySchema>>,
}

/// A bundled body schema with its compiled validator.
pub struct BodySchema {
    /// The self-contained JSON Schema.
    pub schema: Value,
    validator: jsonschema::Validator,
}

impl std::fmt::Debug for BodySchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodySchema")
            .field("schema", &self.schema)
            .finish()
    }
}

/// What is wrong with a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyErrorKind {
    /// A required property is missing (pointer: the missing property).
    Missing,
    /// A property the schema forbids (pointer: the property).
    Unknown,
    /// Anything else (pointer: the offending value).
    Invalid,
}

/// One body validation error.
#[derive(Debug, Clone)]
pub struct BodyError {
    /// Kind.
    pub kind: BodyErrorKind,
    /// JSON pointer in the body.
    pub pointer: String,
    /// Message.
    pub message: String,
}

/// Whether `s` is a whole placeholder such as `{ACCESS_TOKEN}` (it stands for any value).
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim();
    t.len() > 2 && t.starts_with('{') && t.ends_with('}') && !t[1..].contains('{')
}

impl BodySchema {
    /// Validation errors of `body`; values that are whole placeholders are not judged.
    pub fn errors(&self, body: &Value) -> Vec<BodyError> {
        use jsonschema::error::ValidationErrorKind as K;
        let mut out = Vec::new();
        for e in self.validator.iter_errors(body) {
            let at = e.instance_path().to_string();
            match e.kind() {
                K::Required { property } => {
                    let p = property.as_str().unwrap_or_default();
                    out.push(BodyError {
                        kind: BodyErrorKind::Missing,
                        pointer: format!("{at}/{}", escape(p)),
                        message: format!(
                            "required property `{p}` is missing at `{}`",
                            if at.is_empty() { "/" } else { &at }
                        ),
                    });
                }
                K::AdditionalProperties { unexpected }
                | K::UnevaluatedProperties { unexpected } => {
                    for p in unexpected {
                        out.push(BodyError {
                            kind: BodyErrorKind::Unknown,
                            pointer: format!("{at}/{}", escape(p)),
                            message: format!("property `{at}/{p}` is not allowed by the schema"),
                        });
                    }
                }
                _ => {
                    if e.instance().as_str().is_some_and(is_placeholder) {
                        continue;
                    }
                    out.push(BodyError {
                        kind: BodyErrorKind::Invalid,
                        pointer: at.clone(),
                        message: format!("`{}`: {e}", if at.is_empty() { "/" } else { &at }),
                    });
                }
            }
        }
        out
    }
}

impl RequestBody {
    /// The media type matching a `Content-Type` value (parameters ignored, wildcards honoured).
    pub fn media_type(&self, content_type: &str) -> Option<&MediaType> {
        let ct = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        let (t, _) = ct.split_once('/').unwrap_or((&ct, ""));
        self.media_types.iter().find(|m| {
            let n = m.name.to_ascii_lowercase();
            n == ct || n == "*/*" || n.strip_suffix("/*").is_some_and(|p| p == t)
        })
    }

    /// The media type to validate with when the request names none: JSON first.
    pub fn default_media_type(&self) -> Option<&MediaType> {
        self.media_types
            .iter()
            .find(|m| m.name.to_ascii_lowercase().contains("json"))
            .or_else(|| self.media_types.first())
    }
}

impl Operation {
    /// The parameter `name` in `location` (header names case-insensitive).
    pub fn parameter(&self, location: &str, name: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| {
            p.location == location
                && if location == "header" {
                    p.name.eq_ignore_ascii_case(name)
                } else {
                    p.name == name
                }
        })
    }
}

impl PathItem {
    /// Whether `path` (relative to a server base) matches this template.
    pub fn matches(&self, path: &str) -> bool {
        self.matcher.match_len(trim_slash(path)).is_some()
    }

    /// The operation for `method` (case-insensitive).
    pub fn operation(&self, method: &str) -> Option<&Operation> {
        self.operations
            .iter()
            .find(|o| o.method.eq_ignore_ascii_case(method))
    }
}

impl Server {
    /// The path after this server's base path, when `url` is on this server. A relative server
    /// (no host) matches any host.
    pub fn rest<'u>(&self, url: &UrlParts<'u>) -> Option<(&'u str, usize)> {
        if let Some(h) = &self.host {
            h.match_len(url.host)?;
        }
        let n = self.base.match_len(url.path)?;
        Some((&url.path[n..], url.path_offset + n))
    }

    /// Whether the host matches this server's host with variables unconstrained.
    pub fn host_matches_loosely(&self, host: &str) -> bool {
        self.host.as_ref().is_some_and(|h| h.matches_loosely(host))
    }
}

impl OpenApi {
    /// Whether a parsed value is an OpenAPI document.
    pub fn looks_like(value: &Value) -> bool {
        value.get("openapi").is_some() || value.get("swagger").is_some()
    }

    /// Path items matching `path`, most specific (most literal segments) first.
    pub fn path_items(&self, path: &str) -> Vec<&PathItem> {
        let mut v: Vec<&PathItem> = self.paths.iter().filter(|p| p.matches(path)).collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.literal_segments));
        v
    }

    /// The operation for `method` on `path`: the most specific matching item that has it.
    pub fn operation(&self, path: &str, method: &str) -> Option<(&PathItem, &Operation)> {
        self.path_items(path)
            .into_iter()
            .find_map(|p| p.operation(method).map(|o| (p, o)))
    }

    /// Parses and compiles an OpenAPI document.
    pub fn parse(file: &Path, text: &str) -> Result<OpenApi, SchemaError> {
        let doc = yaml::parse(file, text)?;
        let at = |pointer: &str, message: String| {
            let mut e = SchemaError::new(file, message);
            if let Some((l, c)) = position::position(text, pointer) {
                e.line = Some(l);
                e.column = Some(c);
            }
            e
        };
        let ref_err = |e: RefError| at(&e.pointer, e.message);
        let version = match doc.get("openapi") {
            Some(Value::String(v)) if v.starts_with("3.") => v.clone(),
            Some(v) => {
                return Err(at(
                    "/openapi",
                    format!("unsupported OpenAPI version {v} (3.0 or 3.1 expected)"),
                ))
            }
            None => {
                return Err(at(
                    "/swagger",
                    "Swagger 2.0 documents are not supported; convert to OpenAPI 3".into(),
                ))
            }
        };
        let openapi30 = version.starts_with("3.0");
        let title = doc
            .pointer("/info/title")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let servers = parse_servers(doc.get("servers"), "/servers").map_err(|(p, m)| at(&p, m))?;
        let mut compiler = Compiler::new(openapi30);
        let mut paths: Vec<PathItem> = Vec::new();
        let Some(map) = doc.get("paths").and_then(Value::as_object) else {
            return Err(at("/paths", "`paths` must be a mapping".into()));
        };
        for (template, item) in map {
            let ptr = format!("/paths/{}", escape(template));
            if !template.starts_with('/') {
                return Err(at(&ptr, format!("path `{template}` must start with `/`")));
            }
            let (item, item_ptr) = refs::deref(&doc, item, &ptr).map_err(ref_err)?;
            let Some(item) = item.as_object() else {
                return Err(at(
                    &item_ptr,
                    format!("path item `{template}` must be a mapping"),
                ));
            };
            let shared = match item.get("parameters") {
                Some(p) => parse_params(&doc, p, &format!("{item_ptr}/parameters")),
                None => Ok(Vec::new()),
            }
            .map_err(|(p, m)| at(&p, m))?;
            let mut ops = Vec::new();
            for m in METHODS {
                let Some(op) = item.get(*m) else { continue };
                let op_ptr = format!("{item_ptr}/{m}");
                if !op.is_object() {
                    return Err(at(
                        &op_ptr,
                        format!("operation `{m} {template}` must be a mapping"),
                    ));
                }
                let mut params = match op.get("parameters") {
                    Some(p) => parse_params(&doc, p, &format!("{op_ptr}/parameters")),
                    None => Ok(Vec::new()),
                }
                .map_err(|(p, m)| at(&p, m))?;
                for s in &shared {
                    if !params
                        .iter()
                        .any(|p| p.name == s.name && p.location == s.location)
                    {
                        params.push(s.clone());
                    }
                }
                let body = match op.get("requestBody") {
                    Some(b) => Some(
                        compiler
                            .body(&doc, b, &format!("{op_ptr}/requestBody"))
                            .map_err(|(p, m)| at(&p, m))?,
                    ),
                    None => None,
                };
                ops.push(Operation {
                    method: m.to_ascii_uppercase(),
                    id: op
                        .get("operationId")
                        .and_then(Value::as_str)
                        .map(String::from),
                    parameters: params,
                    body,
                });
            }
            let norm = trim_slash(template).to_string();
            // `/a/{id}` and `/a/{id}/` are one route for locdoc (tutorials never rely on the slash).
            if let Some(existing) = paths.iter_mut().find(|p| p.template == norm) {
                for o in ops {
                    if existing.operation(&o.method).is_none() {
                        existing.operations.push(o);
                    }
                }
                continue;
            }
            let literal_segments = norm
                .split('/')
                .filter(|s| !s.is_empty() && !s.contains('{'))
                .count();
            paths.push(PathItem {
                matcher: Template::new(&norm, &[], false, true),
                template: norm,
                literal_segments,
                operations: ops,
            });
        }
        Ok(OpenApi {
            file: file.to_path_buf(),
            version,
            title,
            servers,
            paths,
        })
    }
}

type Fail = (String, String);

fn parse_servers(v: Option<&Value>, ptr: &str) -> Result<Vec<Server>, Fail> {
    let list = match v {
        None => return Ok(vec![server("/", Vec::new())]),
        Some(Value::Array(a)) if a.is_empty() => return Ok(vec![server("/", Vec::new())]),
        Some(Value::Array(a)) => a,
        Some(_) => return Err((ptr.into(), "`servers` must be a list".into())),
    };
    let mut out = Vec::new();
    for (i, s) in list.iter().enumerate() {
        let p = format!("{ptr}/{i}");
        let Some(url) = s.get("url").and_then(Value::as_str) else {
            return Err((p, "server without a `url`".into()));
        };
        let mut vars = Vec::new();
        if let Some(m) = s.get("variables").and_then(Value::as_object) {
            for (name, var) in m {
                let Some(default) = var.get("default").and_then(scalar) else {
                    return Err((
                        format!("{p}/variables/{}", escape(name)),
                        format!("server variable `{name}` has no `default`"),
                    ));
                };
                let allowed = var
                    .get("enum")
                    .and_then(Value::as_array)
                    .map(|a| a.iter().filter_map(scalar).collect())
                    .unwrap_or_default();
                vars.push(Variable {
                    name: name.clone(),
                    default,
                    allowed,
                });
            }
        }
        for name in template_vars(url) {
            if !vars.iter().any(|v| v.name == name) {
                return Err((
                    format!("{p}/url"),
                    format!("server URL uses `{{{name}}}` but declares no such variable"),
                ));
            }
        }
        out.push(server(url, vars));
    }
    Ok(out)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn template_vars(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(o) = rest.find('{') {
        let Some(c) = rest[o..].find('}') else { break };
        out.push(rest[o + 1..o + c].to_string());
        rest = &rest[o + c + 1..];
    }
    out
}

fn server(url: &str, vars: Vec<Variable>) -> Server {
    let parts = UrlParts::split(url);
    let relative = parts.scheme.is_none() && !url.starts_with("//");
    let (host, path) = if relative {
        ("", url)
    } else {
        (parts.host, parts.path)
    };
    let base_text = trim_slash(path).trim_end_matches('/').to_string();
    let expand = |t: &str, all: bool| -> Vec<String> {
        let mut acc = vec![t.to_string()];
        for v in &vars {
            let key = format!("{{{}}}", v.name);
            let values: Vec<&String> = if all && !v.allowed.is_empty() {
                v.allowed.iter().collect()
            } else {
                vec![&v.default]
            };
            let mut next = Vec::new();
            for a in &acc {
                for x in &values {
                    next.push(a.replace(&key, x));
                }
            }
            acc = next;
        }
        acc
    };
    let open_host = vars
        .iter()
        .any(|v| v.allowed.is_empty() && host.contains(&format!("{{{}}}", v.name)));
    Server {
        url: url.to_string(),
        scheme: parts.scheme.map(str::to_ascii_lowercase),
        host: (!relative).then(|| Template::new(host, &vars, true, true)),
        hosts: if relative || open_host {
            Vec::new()
        } else {
            expand(host, true)
        },
        base: Template::new(&base_text, &vars, false, false),
        base_path: expand(&base_text, false)
            .into_iter()
            .next()
            .unwrap_or_default(),
        variables: vars,
    }
}

fn parse_params(doc: &Value, v: &Value, ptr: &str) -> Result<Vec<Parameter>, Fail> {
    let Some(list) = v.as_array() else {
        return Err((ptr.into(), "`parameters` must be a list".into()));
    };
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let (p, pp) =
            refs::deref(doc, p, &format!("{ptr}/{i}")).map_err(|e| (e.pointer, e.message))?;
        let name = p.get("name").and_then(Value::as_str);
        let location = p.get("in").and_then(Value::as_str);
        let (Some(name), Some(location)) = (name, location) else {
            return Err((pp, "parameter needs `name` and `in`".into()));
        };
        out.push(Parameter {
            name: name.to_string(),
            location: location.to_string(),
            required: p
                .get("required")
                .and_then(Value::as_bool)
                .unwrap_or(location == "path"),
        });
    }
    Ok(out)
}

/// Compiles body schemas, sharing one validator per distinct schema.
struct Compiler {
    openapi30: bool,
    cache: Vec<(Value, Arc<BodySchema>)>,
}

impl Compiler {
    fn new(openapi30: bool) -> Compiler {
        Compiler {
            openapi30,
            cache: Vec::new(),
        }
    }

    fn body(&mut self, doc: &Value, b: &Value, ptr: &str) -> Result<RequestBody, Fail> {
        let (b, bp) = refs::deref(doc, b, ptr).map_err(|e| (e.pointer, e.message))?;
        let mut media_types = Vec::new();
        if let Some(content) = b.get("content").and_then(Value::as_object) {
            for (name, m) in content {
                let mp = format!("{bp}/content/{}", escape(name));
                let schema = match m.get("schema") {
                    Some(s) => Some(self.compile(doc, s, &format!("{mp}/schema"))?),
                    None => None,
                };
                media_types.push(MediaType {
                    name: name.clone(),
                    schema,
                });
            }
        }
        Ok(RequestBody {
            required: b.get("required").and_then(Value::as_bool).unwrap_or(false),
            media_types,
        })
    }

    fn compile(&mut self, doc: &Value, s: &Value, ptr: &str) -> Result<Arc<BodySchema>, Fail> {
        if let Some((_, c)) = self.cache.iter().find(|(k, _)| k == s) {
            return Ok(c.clone());
        }
        let bundled =
            refs::bundle(doc, s, ptr, self.openapi30).map_err(|e| (e.pointer, e.message))?;
        let draft = if self.openapi30 {
            jsonschema::Draft::Draft4
        } else {
            jsonschema::Draft::Draft202012
        };
        let validator = jsonschema::options()
            .with_draft(draft)
            .build(&bundled)
            .map_err(|e| (ptr.to_string(), format!("invalid schema: {e}")))?;
        let c = Arc::new(BodySchema {
            schema: bundled,
            validator,
        });
        self.cache.push((s.clone(), c.clone()));
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn builtin() -> OpenApi {
        OpenApi::parse(
            Path::new("schema/flow-service.yaml"),
            super::super::BUILTIN_OPENAPI,
        )
        .unwrap()
    }

    #[test]
    fn loads_the_builtin_spec() {
        let s = builtin();
        assert_eq!(s.servers.len(), 1);
        assert_eq!(
            s.servers[0].hosts,
            ["platform.adobe.io", "platform-stage.adobe.io"]
        );
        let (item, op) = s.operation("/connections", "post").unwrap();
        assert_eq!(item.template, "/connections");
        assert!(op.parameter("header", "authorization").unwrap().required);
        let body = op.body.as_ref().unwrap();
        let mt = body.media_type("application/json; charset=utf-8").unwrap();
        let errs = mt
            .schema
            .as_ref()
            .unwrap()
            .errors(&json!({"auth": {"specName": 1}}));
        assert!(errs
            .iter()
            .any(|e| e.kind == BodyErrorKind::Missing && e.pointer == "/connectionSpec"));
        assert!(
            errs.iter().any(|e| e.pointer == "/auth/specName"),
            "{errs:?}"
        );
        assert!(s.operation("/connections/{X}", "delete").is_some());
        assert!(s.operation("/connections/{X}/", "patch").is_some());
        assert!(s.operation("/connections", "patch").is_none());
    }

    #[test]
    fn malformed_specs_name_file_and_position() {
        let e = OpenApi::parse(
            Path::new("s.yaml"),
            "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - in: query\n",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(6), "{e}");
        assert!(e.column.is_some());
        let e = OpenApi::parse(Path::new("s.yaml"), "openapi: 3.0.0\npaths:\n  /a:\n    post:\n      requestBody:\n        $ref: '#/components/requestBodies/X'\n").unwrap_err();
        assert_eq!(e.line, Some(6), "{e}");
        let e = OpenApi::parse(Path::new("s.yaml"), "swagger: '2.0'\npaths: {}\n").unwrap_err();
        assert!(e.to_string().starts_with("s.yaml:1:1: "), "{e}");
        let cyc = "openapi: 3.1.0\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/A'}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/A'}\n";
        let e = OpenApi::parse(Path::new("s.yaml"), cyc).unwrap_err();
        assert!(e.message.contains("cycle"), "{e}");
    }

    #[test]
    fn loads_the_upstream_spec() {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schema/flow-service.yaml");
        let Ok(text) = std::fs::read_to_string(&p) else {
            return;
        };
        let s = OpenApi::parse(&p, &text).unwrap();
        assert!(s.servers[0].scheme.is_none());
        assert_eq!(s.servers[0].base_path, "/data/foundation/flowservice");
        assert!(s.operation("/connections/abc", "PATCH").is_some());
        assert!(s.operation("/connections/abc/", "GET").is_some());
        assert!(
            s.operation("/connections/search", "POST").is_some()
                || s.path_items("/connections/search").len() == 2
        );
        assert!(s.paths.len() > 25);
    }
}
