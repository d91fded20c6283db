//! `schema`: the canonical request schema every tutorial is checked against — the connector
//! [`catalog`] (connector ↔ connection spec id ↔ auth params) and the OpenAPI description of the API.
//!
//! Loaded and compiled once per run. The project's own schema (`schema/` in the repo) is compiled
//! into the binary, so `locdoc check` works from any directory; `--schema PATH` replaces it.

pub mod catalog;
pub mod yaml;

pub use catalog::{AuthParam, AuthSpec, Catalog, Connector};

use std::fmt;
use std::path::{Path, PathBuf};

/// The project's connector catalog, compiled in.
pub const BUILTIN_CATALOG: &str = include_str!("../../schema/connectors.yaml");
/// The project's OpenAPI description, compiled in.
pub const BUILTIN_OPENAPI: &str = include_str!("../../schema/flow-service.yaml");

/// A schema file that could not be loaded: always names the file and, when known, the position.
#[derive(Debug, Clone)]
pub struct SchemaError {
    /// The file.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
            if let Some(c) = self.column {
                write!(f, ":{c}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for SchemaError {}

impl SchemaError {
    /// An error without a position.
    pub fn new(file: &Path, message: impl Into<String>) -> SchemaError {
        SchemaError {
            file: file.to_path_buf(),
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// Everything requests and tables are checked against.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    /// Connectors.
    pub catalog: Catalog,
}

impl Schema {
    /// The project's own schema, compiled into the binary.
    pub fn builtin() -> Result<Schema, SchemaError> {
        Ok(Schema {
            catalog: Catalog::parse(Path::new("schema/connectors.yaml"), BUILTIN_CATALOG)?,
        })
    }

    /// Loads schema files: each is a connector catalog or an OpenAPI document (told apart by content).
    pub fn load(paths: &[PathBuf]) -> Result<Schema, SchemaError> {
        let mut schema = Schema::default();
        for path in paths {
            let text = std::fs::read_to_string(path)
                .map_err(|e| SchemaError::new(path, format!("cannot read schema: {e}")))?;
            let value = yaml::parse(path, &text)?;
            if Catalog::looks_like(&value) {
                let c = Catalog::parse(path, &text)?;
                schema.catalog.version = c.version;
                schema.catalog.connectors.extend(c.connectors);
            } else if value.get("openapi").is_none() {
                return Err(SchemaError::new(path, "neither a connector catalog (`connectors:`) nor an OpenAPI document (`openapi:`)"));
            }
        }
        Ok(schema)
    }
}
