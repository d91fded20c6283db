//! `render`: regenerate the localized tutorials from Fluent catalogs, page templates and the schema.
//!
//! Stages: [`catalog`] loads `locales/<locale>/*.ftl` (one bundle per locale), [`template`] parses
//! `templates/connector.md`, [`request`] builds the curl example and response from the schema,
//! [`markdown`] expands the template for one connector and locale, [`html`] turns AFM into
//! Experience League-style HTML, and [`drift`] compares the result with the output directory
//! (`--check`) or writes it atomically. Everything is rendered in memory before anything is written,
//! so a broken catalog or template stops the run with its file and position and leaves `docs/` alone.

pub mod catalog;
pub mod drift;
pub mod html;
pub mod markdown;
pub mod request;
pub mod switcher;
pub mod template;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::schema::{Schema, SchemaError};
use catalog::FtlFile;
pub use drift::Output;

/// Why rendering stopped: always names the file and, when known, the position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderError {
    /// The file at fault (catalog, template, schema), when there is one.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl RenderError {
    /// An error at `file:line:column`.
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> RenderError {
        RenderError {
            file: Some(file.to_string()),
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    /// An error about a whole file.
    pub fn file(file: &str, message: impl Into<String>) -> RenderError {
        RenderError {
            file: Some(file.to_string()),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// An error with no file.
    pub fn plain(message: impl Into<String>) -> RenderError {
        RenderError {
            file: None,
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// A schema loading error.
    pub fn from_schema(e: SchemaError) -> RenderError {
        RenderError {
            file: Some(e.file.display().to_string()),
            line: e.line,
            column: e.column,
            message: e.message,
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{file}")?;
            if let Some(l) = self.line {
                write!(f, ":{l}")?;
                if let Some(c) = self.column {
                    write!(f, ":{c}")?;
                }
            }
            write!(f, ": ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for RenderError {}

/// Output format of `render`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// AFM Markdown (`docs/<locale>/<connector>.md`).
    Md,
    /// Standalone HTML pages (`docs/<locale>/<connector>.html`).
    Html,
}

impl Format {
    /// File extension.
    pub fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// Resolved options of a render run.
#[derive(Clone, Debug)]
pub struct Options {
    /// Output directory (`docs`).
    pub out: PathBuf,
    /// Locales to render; empty means every locale with a catalog.
    pub locales: Vec<String>,
    /// Output format.
    pub format: Format,
    /// Catalog directory (`locales`).
    pub catalogs: PathBuf,
    /// Template directory (`templates`).
    pub templates: PathBuf,
    /// The source locale (`en`): its pages take English param descriptions from the catalog.
    pub source_locale: String,
    /// The OpenAPI document's path (for messages) and text.
    pub openapi: (PathBuf, String),
}

impl Options {
    /// Defaults relative to the current directory, with the built-in OpenAPI document.
    pub fn new() -> Options {
        Options {
            out: PathBuf::from("docs"),
            locales: Vec::new(),
            format: Format::Md,
            catalogs: PathBuf::from("locales"),
            templates: PathBuf::from("templates"),
            source_locale: "en".into(),
            openapi: (
                PathBuf::from("schema/flow-service.yaml"),
                crate::schema::BUILTIN_OPENAPI.to_string(),
            ),
        }
    }
}

impl Default for Options {
    fn default() -> Options {
        Options::new()
    }
}

/// What a run produces, before anything is written.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Every file, in a stable order.
    pub outputs: Vec<Output>,
    /// Directories the run owns, with the extension it owns there (for stale files).
    pub managed: Vec<(PathBuf, &'static str)>,
}

/// Reads and parses every `.ftl` file under `dir`; the first syntax error stops the run.
pub fn load_catalogs(dir: &Path) -> Result<Vec<FtlFile>, RenderError> {
    let found = crate::source::discover(&[dir.to_path_buf()], true);
    if let Some((p, e)) = found.errors.into_iter().next() {
        return Err(RenderError::file(
            &crate::engine::display_path(&p),
            format!("cannot read catalogs: {e}"),
        ));
    }
    let mut files = Vec::new();
    for path in found
        .files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
    {
        let display = crate::engine::display_path(path);
        let text = crate::source::read_source(path, crate::engine::DEFAULT_MAX_FILE_SIZE)
            .map_err(|e| RenderError::file(&display, e.to_string()))?;
        let f = FtlFile::parse(path, &display, text);
        if let Some(e) = f.syntax_error() {
            return Err(e);
        }
        files.push(f);
    }
    Ok(files)
}

fn read(dir: &Path, name: &str) -> Result<(String, String), RenderError> {
    let path = dir.join(name);
    let display = crate::engine::display_path(&path);
    std::fs::read_to_string(&path)
        .map(|t| (display.clone(), t))
        .map_err(|e| RenderError::file(&display, format!("cannot read template: {e}")))
}

/// Renders every connector of `schema` for the chosen locales, in memory.
pub fn render(opts: &Options, schema: &Schema) -> Result<Rendered, RenderError> {
    let files = load_catalogs(&opts.catalogs)?;
    let mut by_locale: BTreeMap<&str, Vec<&FtlFile>> = BTreeMap::new();
    for f in &files {
        by_locale.entry(f.locale.as_str()).or_default().push(f);
    }
    let catalogs_shown = crate::engine::display_path(&opts.catalogs);
    if !by_locale.contains_key(opts.source_locale.as_str()) {
        return Err(RenderError::file(
            &catalogs_shown,
            format!(
                "no catalog for the source locale `{}` (expected {catalogs_shown}/{}/*.ftl)",
                opts.source_locale, opts.source_locale
            ),
        ));
    }
    let mut bundles = BTreeMap::new();
    for (locale, fs) in &by_locale {
        bundles.insert(*locale, catalog::bundle(locale, fs)?);
    }
    // Source locale first, then the others by tag.
    let mut all: Vec<String> = by_locale.keys().map(|s| s.to_string()).collect();
    all.sort_by_key(|l| (*l != opts.source_locale, l.clone()));
    let wanted: Vec<String> = if opts.locales.is_empty() {
        all.clone()
    } else {
        for l in &opts.locales {
            if !by_locale.contains_key(l.as_str()) {
                return Err(RenderError::file(
                    &catalogs_shown,
                    format!("no catalog for locale `{l}` (expected {catalogs_shown}/{l}/*.ftl)"),
                ));
            }
        }
        all.iter()
            .filter(|l| opts.locales.contains(l))
            .cloned()
            .collect()
    };

    let (tfile, ttext) = read(&opts.templates, "connector.md")?;
    let template = template::Template::parse(&tfile, &ttext)?;
    let (rfile, rtext) = read(&opts.templates, "request.yaml")?;
    let spec = request::RequestSpec::parse(Path::new(&rfile), &rtext)?;
    let endpoint =
        request::Endpoint::from_openapi(&opts.openapi.0, &opts.openapi.1, &spec.operation)?;
    let page_template = match opts.format {
        Format::Html => {
            let (hfile, htext) = read(&opts.templates, "page.html")?;
            Some(template::Template::parse(&hfile, &htext)?)
        }
        Format::Md => None,
    };

    let mut rendered = Rendered::default();
    for locale in &wanted {
        let Some(bundle) = bundles.get(locale.as_str()) else {
            continue;
        };
        let dir = opts.out.join(locale);
        for connector in &schema.catalog.connectors {
            let input = markdown::PageInput {
                locale,
                source_locale: &opts.source_locale,
                catalogs: &catalogs_shown,
                bundle,
                connector,
                endpoint: &endpoint,
                request: &spec,
            };
            let md = markdown::render_page(&template, &input)?;
            let bytes = match &page_template {
                None => md.into_bytes(),
                Some(t) => {
                    let links = html::switcher_links(&all, locale, &connector.id, |l| {
                        bundles
                            .get(l)
                            .and_then(|b| {
                                catalog::format(b, "locale-name", &Default::default()).ok()
                            })
                            .unwrap_or_else(|| l.to_string())
                    });
                    let label =
                        catalog::format(bundle, "locale-switcher-label", &Default::default())
                            .unwrap_or_else(|_| "Languages".into());
                    html::page(t, &md, locale, &links, &label)?.into_bytes()
                }
            };
            rendered.outputs.push(Output {
                path: dir.join(format!("{}.{}", connector.id, opts.format.ext())),
                bytes,
            });
        }
        rendered.managed.push((dir, opts.format.ext()));
    }
    Ok(rendered)
}
