//! `schema`: the canonical request schema every tutorial is checked against — the connector
//! [`catalog`] (connector ↔ connection spec id ↔ auth params) and the OpenAPI description of the API.
//!
//! Loaded and compiled once per run. The project's own schema (`schema/` in the repo) is compiled
//! into the binary, so `locdoc check` works from any directory; `--schema PATH` replaces it.

pub mod catalog;
pub mod infer;
pub mod lookup;
pub mod openapi;
pub mod position;
pub mod refs;
pub mod routes;
pub mod yaml;

pub use catalog::{AuthParam, AuthSpec, Catalog, Connector};
pub use lookup::{NearMiss, Route};
pub use openapi::OpenApi;

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
    /// OpenAPI documents (compiled once per run).
    pub openapi: Vec<OpenApi>,
}

impl Schema {
    /// The project's own schema, compiled into the binary.
    pub fn builtin() -> Result<Schema, SchemaError> {
        Ok(Schema {
            catalog: Catalog::parse(Path::new("schema/connectors.yaml"), BUILTIN_CATALOG)?,
            openapi: vec![OpenApi::parse(
                Path::new("schema/flow-service.yaml"),
                BUILTIN_OPENAPI,
            )?],
        })
    }

    /// Loads schema files: each is a connector catalog or an OpenAPI document (told apart by content).
    ///
    /// Replacement is per kind: OpenAPI files given replace the built-in OpenAPI document and
    /// catalogs given replace the built-in catalog; a kind not named keeps its built-in part, so
    /// `--schema spec.yaml` still checks connection spec ids against the project's catalog. (To run
    /// without a catalog, pass an empty one: `version: 1` / `connectors: []`; catalog rules then
    /// find nothing to compare with and stay silent.)
    pub fn load(paths: &[PathBuf]) -> Result<Schema, SchemaError> {
        let mut schema = Schema::default();
        let (mut any_catalog, mut any_openapi) = (false, false);
        for path in paths {
            let text = std::fs::read_to_string(path)
                .map_err(|e| SchemaError::new(path, format!("cannot read schema: {e}")))?;
            let value = yaml::parse(path, &text)?;
            if Catalog::looks_like(&value) {
                let c = Catalog::parse(path, &text)?;
                schema.catalog.version = c.version;
                schema.catalog.connectors.extend(c.connectors);
                any_catalog = true;
            } else if OpenApi::looks_like(&value) {
                schema.openapi.push(OpenApi::parse(path, &text)?);
                any_openapi = true;
            } else {
                return Err(SchemaError::new(path, "neither a connector catalog (`connectors:`) nor an OpenAPI document (`openapi:`)"));
            }
        }
        if !any_catalog || !any_openapi {
            let builtin = Schema::builtin()?;
            if !any_catalog {
                schema.catalog = builtin.catalog;
            }
            if !any_openapi {
                schema.openapi = builtin.openapi;
            }
        }
        Ok(schema)
    }
}
