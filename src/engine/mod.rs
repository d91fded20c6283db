//! The pipeline driver: `source` → `afm` → `extract` → `rules` → sorted findings.
//!
//! Files are loaded and checked in parallel (rayon) and the findings sorted at the end, so the output
//! is the same whatever the thread count.

mod stream;

pub use stream::{check_streaming, StreamReport};

use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

use crate::afm::{self, Document};
use crate::diag::{sort_findings, Finding};
use crate::extract::{extract_requests, Request};
use crate::rules::{self, Context, Scope, SourcePage, RULES};
use crate::schema::Schema;
use crate::source::{self, PairInput, Pairing};

/// Default maximum file size (10 MB).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// Resolved options for a run.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Paths to check.
    pub paths: Vec<PathBuf>,
    /// Locale of the source pages (`en`).
    pub source_locale: String,
    /// Files larger than this are reported and skipped.
    pub max_file_size: u64,
    /// Schema files (OpenAPI documents and connector catalogs); empty means the built-in schema.
    pub schema_paths: Vec<PathBuf>,
    /// Which rules run, at what severity (config `[rules]` + `--select`/`--ignore`).
    pub rules: crate::settings::RuleSelection,
    /// Which files are checked (include/exclude globs, locales, `--changed-since`).
    pub filter: crate::settings::FileFilter,
    /// `[glossary]` of `locdoc.toml` (do-not-translate terms).
    pub glossary: crate::settings::Glossary,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            paths: vec![PathBuf::from("docs")],
            source_locale: "en".into(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            schema_paths: Vec::new(),
            rules: Default::default(),
            filter: Default::default(),
            glossary: Default::default(),
        }
    }
}

/// A parsed page with its requests.
#[derive(Debug)]
pub struct Page {
    /// The document.
    pub doc: Document,
    /// Its curl requests.
    pub requests: Vec<Request>,
    /// Its `sync` units, built when it is first the source of a pair and kept for the others.
    pub sync_units: crate::sync::PageUnits,
    /// Its sections with their parity tokens, kept the same way.
    pub parity_sections: rules::parity::align::PageSections,
}

/// Everything loaded for a run.
#[derive(Debug, Default)]
pub struct Workspace {
    /// Parsed pages, sorted by path.
    pub pages: Vec<Page>,
    /// Findings from loading (unreadable files).
    pub load_findings: Vec<Finding>,
    /// Translation pairing over `pages`.
    pub pairing: Pairing,
    /// Fluent catalogs (`.ftl` files), checked by the `Scope::Catalog` rules.
    pub catalogs: Vec<crate::render::catalog::FtlFile>,
    /// The source locale the catalogs are compared with.
    pub source_locale: String,
}

/// A failure that stops the run (exit 2).
#[derive(Debug)]
pub enum RunError {
    /// A path given on the command line does not exist or cannot be walked.
    Path(PathBuf, String),
    /// A schema file is missing or malformed.
    Schema(crate::schema::SchemaError),
}

impl std::fmt::Display for RunError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RunError::Path(p, e) => write!(f, "{}: {e}", p.display()),
            RunError::Schema(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Displays a path the way the user can reach it (relative paths kept as given).
pub fn display_path(p: &std::path::Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_string()
}

/// Parses one file's text into a page with its locale resolved.
pub fn load_page(path: &std::path::Path, text: String) -> Page {
    let display = display_path(path);
    let mut doc = afm::parse(path, &display, Arc::from(text));
    match source::locale_from_path(path) {
        Some((_, tag)) => {
            doc.locale = tag;
            doc.locale_from_path = true;
        }
        None => doc.locale = source::detect_locale(&prose_sample(&doc)),
    }
    let requests = extract_requests(&doc);
    Page {
        doc,
        requests,
        sync_units: Default::default(),
        parity_sections: Default::default(),
    }
}

/// The page's prose with `[!DNL]`/`[!UICONTROL]` terms removed (they stay in the source language).
fn prose_sample(doc: &Document) -> String {
    let mut s = String::new();
    for t in &doc.texts {
        s.push_str(&t.text);
        s.push(' ');
    }
    let s = afm::strip_terms(&s);
    let terms: std::collections::HashSet<&str> =
        doc.terms.iter().map(|t| t.text.as_str()).collect();
    let mut out = s;
    for t in terms {
        out = out.replace(t, " ");
    }
    out
}

/// Discovers, reads and parses every file.
pub fn load(settings: &Settings) -> Result<Workspace, RunError> {
    let mut found = source::discover(&settings.paths, true);
    if let Some((p, e)) = found.errors.into_iter().next() {
        return Err(RunError::Path(p, e));
    }
    found.files.retain(|p| settings.filter.wants(p));
    let is_ftl = |p: &PathBuf| p.extension().is_some_and(|e| e == "ftl");
    let ftl: Vec<PathBuf> = found.files.iter().filter(|p| is_ftl(p)).cloned().collect();
    found.files.retain(|p| !is_ftl(p));
    let results: Vec<Result<Page, Box<Finding>>> = found
        .files
        .par_iter()
        .map(
            |path| match source::read_source(path, settings.max_file_size) {
                Ok(text) => Ok(load_page(path, text)),
                Err(e) => Err(Box::new(unreadable(path, &e))),
            },
        )
        .collect();
    let mut ws = Workspace {
        source_locale: settings.source_locale.clone(),
        ..Workspace::default()
    };
    for path in &ftl {
        match source::read_source(path, settings.max_file_size) {
            Ok(text) => ws.catalogs.push(crate::render::catalog::FtlFile::parse(
                path,
                &display_path(path),
                text,
            )),
            Err(e) => ws.load_findings.push(unreadable(path, &e)),
        }
    }
    for r in results {
        match r {
            Ok(p) => ws.pages.push(p),
            Err(f) => ws.load_findings.push(*f),
        }
    }
    ws.pair(&settings.source_locale);
    Ok(ws)
}

impl Workspace {
    /// (Re)computes the translation pairing over the pages (after loading, or after fixes changed
    /// pages).
    pub fn pair(&mut self, source_locale: &str) {
        let inputs: Vec<PairInput<'_>> = self
            .pages
            .iter()
            .map(|p| PairInput {
                path: &p.doc.path,
                locale: &p.doc.locale,
                exl_id: p.doc.exl_id(),
            })
            .collect();
        self.pairing = source::pair_documents(&inputs, source_locale);
    }
}

pub(crate) fn unreadable(path: &std::path::Path, e: &source::ReadError) -> Finding {
    let meta = &rules::io::io001_unreadable_file::META;
    let (line, column) = match e {
        source::ReadError::NotUtf8 { offset } => match std::fs::read(path) {
            Ok(bytes) => {
                let before = &bytes[..(*offset).min(bytes.len())];
                let line = before.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = before
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |i| i + 1);
                let col = String::from_utf8_lossy(&before[line_start..])
                    .chars()
                    .count()
                    + 1;
                (line, col)
            }
            Err(_) => (1, 1),
        },
        _ => (1, 1),
    };
    Finding {
        rule: meta.id,
        severity: meta.severity,
        file: display_path(path).into(),
        line,
        column,
        end_line: line,
        end_column: column,
        message: e.to_string(),
        help: Some("save the file as UTF-8 text".into()),
        locale: None,
        fixable: false,
        span: 0..0,
        fix: None,
    }
}

/// Result of `check`.
#[derive(Debug, Default)]
pub struct Report {
    /// Sorted findings.
    pub findings: Vec<Finding>,
    /// Number of files considered (read or not).
    pub files: usize,
}

/// Loads the schema named by the settings (the built-in one when none is named).
pub fn load_schema(settings: &Settings) -> Result<Schema, RunError> {
    if settings.schema_paths.is_empty() {
        return Schema::builtin().map_err(RunError::Schema);
    }
    Schema::load(&settings.schema_paths).map_err(RunError::Schema)
}

/// Runs every rule on a loaded workspace (all rules, every page).
pub fn run_rules(ws: &Workspace, schema: &Schema) -> Vec<Finding> {
    run_rules_with(ws, schema, &Settings::default(), &|| {})
}

/// Runs the selected rules on the selected pages, then applies severity overrides and inline
/// suppressions; `tick` is called once per page (progress).
pub fn run_rules_with(
    ws: &Workspace,
    schema: &Schema,
    settings: &Settings,
    tick: &(dyn Fn() + Sync),
) -> Vec<Finding> {
    let wanted = settings.filter.pages_to_check(ws, &settings.source_locale);
    let sel = &settings.rules;
    let corpus = rules::parity::CorpusInfo::build(ws, &settings.glossary.dnl);
    let mut findings: Vec<Finding> = ws
        .pages
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, page)| {
            if !wanted.get(i).copied().unwrap_or(false) {
                tick();
                return Vec::new();
            }
            let source = ws
                .pairing
                .source
                .get(i)
                .copied()
                .flatten()
                .and_then(|(s, _)| ws.pages.get(s));
            let out = check_page(page, source, schema, &corpus, sel, RuleSet::All);
            tick();
            out
        })
        .collect();
    if !ws.catalogs.is_empty() {
        let ctx = rules::ftl::CatalogContext {
            files: &ws.catalogs,
            source_locale: &ws.source_locale,
            schema,
        };
        for rule in RULES
            .iter()
            .filter(|r| r.meta().scope == Scope::Catalog && sel.is_enabled(r.meta().id))
        {
            rule.check_catalogs(&ctx, &mut findings);
        }
    }
    findings.extend(
        ws.load_findings
            .iter()
            .filter(|f| {
                sel.is_enabled(f.rule)
                    && settings
                        .filter
                        .wants_unreadable(std::path::Path::new(&*f.file))
            })
            .cloned(),
    );
    for f in &mut findings {
        if let Some(s) = sel.severity(f.rule) {
            f.severity = s;
        }
        // `fixable` means exactly "carries a fix `check --fix` applies".
        f.fixable = f.fix.is_some();
    }
    sort_findings(&mut findings);
    findings
}

/// Which of a page's rules to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleSet {
    /// Document and (when paired) pair rules.
    All,
    /// Only the pair rules (a page whose document rules already ran unpaired).
    PairOnly,
}

/// Runs the selected rules on one page (pair rules when `source` is given) and applies its inline
/// suppressions. The one place rules are invoked on a page, shared by every driver.
pub fn check_page(
    page: &Page,
    source: Option<&Page>,
    schema: &Schema,
    corpus: &rules::parity::CorpusInfo,
    sel: &crate::settings::RuleSelection,
    set: RuleSet,
) -> Vec<Finding> {
    let sync_plan = rules::parity::SyncPlanCell::new();
    let page_cache = crate::rules::PageCache::default();
    let ctx = Context {
        cache: &page_cache,
        doc: &page.doc,
        requests: &page.requests,
        source: source.map(|s| SourcePage {
            doc: &s.doc,
            requests: &s.requests,
            sync_plan: &sync_plan,
            units: &s.sync_units,
            sections: &s.parity_sections,
        }),
        schema,
        corpus,
    };
    let mut out = Vec::new();
    for rule in RULES {
        if !sel.is_enabled(rule.meta().id) {
            continue;
        }
        match (rule.meta().scope, set) {
            (Scope::Document, RuleSet::All) => rule.check(&ctx, &mut out),
            (Scope::Pair, _) if ctx.source.is_some() => rule.check(&ctx, &mut out),
            _ => {}
        }
    }
    let out = crate::suppress::apply(&page.doc, out, sel, ctx.source.is_some());
    match set {
        RuleSet::All => out,
        // Unused-suppression findings were decided when the document rules ran.
        RuleSet::PairOnly => out.into_iter().filter(|f| f.rule != "LINT001").collect(),
    }
}

/// Number of files a run over `ws` checks (selected pages plus unreadable files).
pub fn files_checked(ws: &Workspace, settings: &Settings) -> usize {
    let pages = settings
        .filter
        .pages_to_check(ws, &settings.source_locale)
        .into_iter()
        .filter(|w| *w)
        .count();
    pages
        + ws.load_findings
            .iter()
            .filter(|f| {
                settings
                    .filter
                    .wants_unreadable(std::path::Path::new(&*f.file))
            })
            .count()
        + ws.catalogs.len()
}

/// Loads and checks.
pub fn check(settings: &Settings) -> Result<(Report, Workspace), RunError> {
    let schema = load_schema(settings)?;
    let ws = load(settings)?;
    let findings = run_rules_with(&ws, &schema, settings, &|| {});
    let report = Report {
        findings,
        files: files_checked(&ws, settings),
    };
    Ok((report, ws))
}
