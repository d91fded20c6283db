//! Local `$ref` resolution for OpenAPI documents, with cycle detection, and bundling of a request
//! body schema into one self-contained JSON Schema for `jsonschema`.
//!
//! Only local references (`#/components/...`) are followed: locdoc never reads other files or the
//! network for a spec (a remote `$ref` is a load error naming the file and the position). A chain
//! of references that comes back to itself (`A → B → A` with nothing in between) is an error;
//! recursion through `properties`/`items` is legal and kept as a reference.

use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// A resolution failure at a JSON pointer of the document.
#[derive(Debug, Clone)]
pub struct RefError {
    /// Pointer of the offending `$ref` (or node).
    pub pointer: String,
    /// What is wrong.
    pub message: String,
}

/// JSON pointer of a `$ref` string (`#/a/b` → `/a/b`), percent-decoded; None for remote refs.
pub fn local_pointer(r: &str) -> Option<String> {
    let frag = r.strip_prefix('#')?;
    Some(percent_decode(frag))
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes.get(i).copied().unwrap_or(0);
        if b == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escapes one JSON pointer segment.
pub fn escape(seg: &str) -> String {
    seg.replace('~', "~0").replace('/', "~1")
}

/// Follows `$ref`s from `value` (found at `at`) to a node that is not a reference.
/// Returns the node and its pointer.
pub fn deref<'a>(
    doc: &'a Value,
    value: &'a Value,
    at: &str,
) -> Result<(&'a Value, String), RefError> {
    let mut cur = value;
    let mut ptr = at.to_string();
    let mut seen: Vec<String> = Vec::new();
    while let Some(r) = cur.get("$ref").and_then(Value::as_str) {
        let Some(target) = local_pointer(r) else {
            return Err(RefError {
                pointer: format!("{ptr}/$ref"),
                message: format!(
                    "remote $ref `{r}` is not supported (bundle the spec into one file)"
                ),
            });
        };
        if seen.contains(&target) {
            seen.push(target);
            return Err(RefError {
                pointer: format!("{ptr}/$ref"),
                message: format!("$ref cycle: {}", seen.join(" → ")),
            });
        }
        seen.push(target.clone());
        let Some(next) = doc.pointer(&target) else {
            return Err(RefError {
                pointer: format!("{ptr}/$ref"),
                message: format!("$ref `{r}` points at nothing in this document"),
            });
        };
        cur = next;
        ptr = target;
    }
    Ok((cur, ptr))
}

/// Keys whose values are data, not schemas: never rewritten.
const DATA_KEYS: &[&str] = &[
    "example",
    "examples",
    "enum",
    "default",
    "const",
    "x-example",
];

/// Bundles the schema at `at` into a self-contained JSON Schema: every local `$ref` it reaches is
/// copied under `definitions` (draft 4) or `$defs` (2020-12) and the refs rewritten. `openapi30`
/// turns `nullable: true` into a `"null"` type.
pub fn bundle(doc: &Value, schema: &Value, at: &str, openapi30: bool) -> Result<Value, RefError> {
    let defs_key = if openapi30 { "definitions" } else { "$defs" };
    let mut b = Bundler {
        doc,
        openapi30,
        defs_key,
        names: BTreeMap::new(),
        todo: Vec::new(),
    };
    let mut root = b.rewrite(schema, at)?;
    let mut defs = Map::new();
    let mut done: HashSet<String> = HashSet::new();
    while let Some(target) = b.todo.pop() {
        if !done.insert(target.clone()) {
            continue;
        }
        let node = doc.pointer(&target).ok_or_else(|| RefError {
            pointer: target.clone(),
            message: "$ref target vanished".into(),
        })?;
        // A pure reference chain that loops is an error, not a recursive schema.
        deref(doc, node, &target)?;
        let rewritten = b.rewrite(node, &target)?;
        let name = b.names.get(&target).cloned().unwrap_or_default();
        defs.insert(name, rewritten);
    }
    if !defs.is_empty() {
        if let Value::Object(m) = &mut root {
            m.insert(defs_key.to_string(), Value::Object(defs));
        } else {
            // Boolean schema with definitions: wrap it.
            let mut m = Map::new();
            m.insert("allOf".into(), Value::Array(vec![root]));
            m.insert(defs_key.to_string(), Value::Object(defs));
            root = Value::Object(m);
        }
    }
    Ok(root)
}

struct Bundler<'a> {
    doc: &'a Value,
    openapi30: bool,
    defs_key: &'static str,
    names: BTreeMap<String, String>,
    todo: Vec<String>,
}

impl Bundler<'_> {
    fn name_for(&mut self, target: &str) -> String {
        if let Some(n) = self.names.get(target) {
            return n.clone();
        }
        let n = format!("d{}", self.names.len());
        self.names.insert(target.to_string(), n.clone());
        self.todo.push(target.to_string());
        n
    }

    fn rewrite(&mut self, v: &Value, at: &str) -> Result<Value, RefError> {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                    let Some(target) = local_pointer(r) else {
                        return Err(RefError {
                            pointer: format!("{at}/$ref"),
                            message: format!(
                                "remote $ref `{r}` is not supported (bundle the spec into one file)"
                            ),
                        });
                    };
                    if self.doc.pointer(&target).is_none() {
                        return Err(RefError {
                            pointer: format!("{at}/$ref"),
                            message: format!("$ref `{r}` points at nothing in this document"),
                        });
                    }
                    let name = self.name_for(&target);
                    let mut out = Map::new();
                    out.insert(
                        "$ref".into(),
                        Value::String(format!("#/{}/{}", self.defs_key, name)),
                    );
                    return Ok(Value::Object(out));
                }
                let mut out = Map::new();
                for (k, val) in m {
                    if DATA_KEYS.contains(&k.as_str()) || k.starts_with("x-") {
                        if k != "example" && k != "examples" && !k.starts_with("x-") {
                            out.insert(k.clone(), val.clone());
                        }
                        continue;
                    }
                    if self.openapi30 && k == "nullable" {
                        continue;
                    }
                    out.insert(
                        k.clone(),
                        self.rewrite(val, &format!("{at}/{}", escape(k)))?,
                    );
                }
                if self.openapi30 && m.get("nullable") == Some(&Value::Bool(true)) {
                    if let Some(Value::String(t)) = out.get("type").cloned() {
                        out.insert(
                            "type".into(),
                            Value::Array(vec![Value::String(t), Value::String("null".into())]),
                        );
                    }
                }
                Ok(Value::Object(out))
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .map(|(i, x)| self.rewrite(x, &format!("{at}/{i}")))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            other => Ok(other.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bundles_and_detects_cycles() {
        let doc = json!({
            "components": {"schemas": {
                "A": {"type": "object", "properties": {"b": {"$ref": "#/components/schemas/B"}}},
                "B": {"type": "string", "nullable": true, "example": "x"},
                "Tree": {"type": "object", "properties": {"kids": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}},
                "L1": {"$ref": "#/components/schemas/L2"},
                "L2": {"$ref": "#/components/schemas/L1"}
            }}
        });
        let s = json!({"$ref": "#/components/schemas/A"});
        let b = bundle(&doc, &s, "/x", true).unwrap();
        assert_eq!(b["definitions"]["d1"]["type"], json!(["string", "null"]));
        assert!(b["definitions"]["d1"].get("example").is_none());
        let t = bundle(
            &doc,
            &json!({"$ref": "#/components/schemas/Tree"}),
            "/x",
            true,
        )
        .unwrap();
        assert_eq!(t["definitions"].as_object().unwrap().len(), 1);
        let e = bundle(
            &doc,
            &json!({"$ref": "#/components/schemas/L1"}),
            "/x",
            true,
        )
        .unwrap_err();
        assert!(e.message.contains("cycle"), "{}", e.message);
        let e = bundle(&doc, &json!({"$ref": "other.yaml#/A"}), "/x", true).unwrap_err();
        assert!(e.message.contains("remote"), "{}", e.message);
        assert_eq!(local_pointer("#/a/%7Bb%7D").unwrap(), "/a/{b}");
    }
}
