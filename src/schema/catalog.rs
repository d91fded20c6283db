//! The connector catalog: which connection spec id and auth params each connector has.
//!
//! Data, not code: `schema/connectors.yaml` in the repo (see its header for the format and where
//! each fact came from).

use serde::{Deserialize, Serialize};
use std::path::Path;

use super::{yaml, SchemaError};

/// One auth parameter.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AuthParam {
    /// Key in `auth.params`.
    pub name: String,
    /// Whether the request must send it.
    #[serde(default = "yes")]
    pub required: bool,
    /// Whether it is a secret (never shown in examples).
    #[serde(default)]
    pub secret: bool,
    /// Short description (English).
    #[serde(default)]
    pub summary: String,
}

fn yes() -> bool {
    true
}

/// One way to authenticate (`auth.specName`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AuthSpec {
    /// `auth.specName` value.
    pub spec_name: String,
    /// Params.
    #[serde(default)]
    pub params: Vec<AuthParam>,
}

/// A connector (source).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Connector {
    /// Slug (the tutorial's file stem).
    pub id: String,
    /// Display name as used in `[!DNL]`.
    pub name: String,
    /// Other spellings.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Category folder.
    #[serde(default)]
    pub category: String,
    /// Connection spec id.
    pub connection_spec_id: String,
    /// Connection spec version.
    #[serde(default)]
    pub connection_spec_version: Option<String>,
    /// Auth specs.
    #[serde(default)]
    pub auth: Vec<AuthSpec>,
}

impl Connector {
    /// Whether `name` is this connector's name or an alias (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    }

    /// The auth spec named `spec_name` (case-insensitive).
    pub fn auth_spec(&self, spec_name: &str) -> Option<&AuthSpec> {
        self.auth
            .iter()
            .find(|a| a.spec_name.eq_ignore_ascii_case(spec_name))
    }
}

/// All connectors.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Format version (1).
    pub version: u32,
    /// Connectors in file order.
    pub connectors: Vec<Connector>,
}

impl Catalog {
    /// Parses a catalog file's text.
    pub fn parse(file: &Path, text: &str) -> Result<Catalog, SchemaError> {
        let value = yaml::parse(file, text)?;
        let catalog: Catalog = serde_json::from_value(value)
            .map_err(|e| SchemaError::new(file, format!("not a connector catalog: {e}")))?;
        if catalog.version != 1 {
            return Err(SchemaError::new(
                file,
                format!("unsupported catalog version {}", catalog.version),
            ));
        }
        Ok(catalog)
    }

    /// Whether a parsed YAML/JSON value looks like a catalog (vs an OpenAPI document).
    pub fn looks_like(value: &serde_json::Value) -> bool {
        value.get("connectors").is_some()
    }

    /// The connector with this connection spec id.
    pub fn by_spec_id(&self, id: &str) -> Option<&Connector> {
        self.connectors
            .iter()
            .find(|c| c.connection_spec_id.eq_ignore_ascii_case(id))
    }

    /// The connector with this slug.
    pub fn by_id(&self, id: &str) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.id == id)
    }

    /// The connector with this name or alias.
    pub fn by_name(&self, name: &str) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.is_named(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalog_loads() {
        let c = Catalog::parse(
            Path::new("schema/connectors.yaml"),
            super::super::BUILTIN_CATALOG,
        )
        .unwrap();
        assert!(c.connectors.len() >= 12);
        let h = c.by_id("hubspot").unwrap();
        assert_eq!(h.connection_spec_id, "cc6a4487-9e91-433e-a3a3-9cf6626c1806");
        assert!(c
            .by_spec_id("CC6A4487-9E91-433E-A3A3-9CF6626C1806")
            .is_some());
        assert!(h.auth_spec("basic authentication").is_some());
    }

    #[test]
    fn unknown_keys_are_errors_naming_the_file() {
        let e = Catalog::parse(
            Path::new("x.yaml"),
            "version: 1\nconnectors:\n  - id: a\n    nmae: A\n    connection_spec_id: b\n",
        )
        .unwrap_err();
        assert!(e.to_string().starts_with("x.yaml"), "{e}");
        assert!(e.message.contains("nmae"), "{}", e.message);
    }
}
