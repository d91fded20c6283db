//! YAML (or JSON) text → `serde_json::Value`, with errors positioned in the file.
//!
//! One YAML crate (yaml-rust2) for the whole project; converting to `serde_json::Value` lets the
//! schema code use serde and `jsonschema` on one value type.

use serde_json::{Map, Number, Value};
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

use super::SchemaError;

/// Parses YAML (JSON is YAML) into a JSON value.
pub fn parse(file: &Path, text: &str) -> Result<Value, SchemaError> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| SchemaError {
        file: file.to_path_buf(),
        line: Some(e.marker().line()),
        column: Some(e.marker().col() + 1),
        message: e.info().to_string(),
    })?;
    let Some(doc) = docs.into_iter().next() else {
        return Err(SchemaError::new(file, "the file is empty"));
    };
    to_json(&doc).map_err(|m| SchemaError::new(file, m))
}

fn to_json(y: &Yaml) -> Result<Value, String> {
    Ok(match y {
        Yaml::Null | Yaml::BadValue => Value::Null,
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Integer(i) => Value::Number((*i).into()),
        Yaml::Real(s) => s
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or_else(|| Value::String(s.clone()), Value::Number),
        Yaml::String(s) => Value::String(s.clone()),
        Yaml::Array(a) => Value::Array(a.iter().map(to_json).collect::<Result<_, _>>()?),
        Yaml::Hash(h) => {
            let mut m = Map::new();
            for (k, v) in h {
                let key = match k {
                    Yaml::String(s) | Yaml::Real(s) => s.clone(),
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    other => return Err(format!("unsupported mapping key {other:?}")),
                };
                m.insert(key, to_json(v)?);
            }
            Value::Object(m)
        }
        Yaml::Alias(_) => return Err("YAML aliases are not supported".into()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_positions_errors() {
        let v = parse(Path::new("a.yaml"), "a: 1\nb: [x, 2.5]\n\"200\": ok\n").unwrap();
        assert_eq!(v["a"], 1);
        assert_eq!(v["b"][1], 2.5);
        assert_eq!(v["200"], "ok");
        let e = parse(Path::new("a.yaml"), "a: 1\nb: [x\n").unwrap_err();
        assert_eq!(e.file, Path::new("a.yaml"));
        assert!(e.line.is_some());
    }
}
