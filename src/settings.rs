//! `settings`: `locdoc.toml` plus the command line, resolved once into [`engine::Settings`].
//!
//! The config file is found in the working directory or above it (or named with `--config`);
//! unknown keys are errors naming the key and its line. Rule selectors (ids, names, family
//! prefixes) are resolved here against [`crate::rules::RULES`], so the engine only asks "is this rule on, at what
//! severity?" ([`RuleSelection`]) and "is this file wanted?" ([`FileFilter`]).

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::Severity;
use crate::engine;

mod filter;
mod select;

use filter::absolute;
pub use filter::{changed_files, FileFilter};
pub use select::{resolve_selector, suggest, RuleSelection};

/// The config file name.
pub const CONFIG_FILE: &str = "locdoc.toml";

/// `locdoc.toml` as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// Locale of the source pages (`en`).
    pub source_locale: Option<String>,
    /// Locales to check (besides the source locale); empty means all.
    #[serde(default)]
    pub locales: Vec<String>,
    /// Globs a file must match to be checked (relative to the config file's directory).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files never checked.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Schema files, relative to the config file's directory.
    #[serde(default)]
    pub schema: Vec<PathBuf>,
    /// Files larger than this many bytes are reported and skipped.
    pub max_file_size: Option<u64>,
    /// `[rules]`.
    #[serde(default)]
    pub rules: RulesTable,
    /// `[glossary]`.
    #[serde(default)]
    pub glossary: Glossary,
}

/// `[rules]` of `locdoc.toml`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesTable {
    /// Rules to run (default: all).
    pub select: Option<Vec<toml::Spanned<String>>>,
    /// Rules not to run.
    #[serde(default)]
    pub ignore: Vec<toml::Spanned<String>>,
    /// Severity overrides: selector → `error` | `warning` | `info`.
    #[serde(default)]
    pub severity: BTreeMap<toml::Spanned<String>, SeverityName>,
}

/// A severity written in the config file.
#[derive(Clone, Copy, Debug)]
pub struct SeverityName(pub Severity);

impl<'de> Deserialize<'de> for SeverityName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<SeverityName, D::Error> {
        let s = String::deserialize(d)?;
        Severity::parse(&s).map(SeverityName).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown severity `{s}`, expected `error`, `warning` or `info`"
            ))
        })
    }
}

/// `[glossary]`: terms the hygiene rules treat specially.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    /// Do-not-translate terms (product names) that must appear verbatim in every locale.
    #[serde(default)]
    pub dnl: Vec<String>,
}

/// A problem with the configuration (exit 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError(pub String);

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SettingsError {}

/// Where the configuration comes from.
#[derive(Clone, Debug)]
pub enum ConfigSource {
    /// `locdoc.toml` in the working directory or the nearest parent that has one.
    Discover,
    /// `--config PATH`.
    File(PathBuf),
    /// `--no-config`.
    None,
}

/// Command-line settings that override the config file.
#[derive(Clone, Debug, Default)]
pub struct Overrides {
    /// Paths to check (default `docs/`).
    pub paths: Vec<PathBuf>,
    /// `--source-locale`.
    pub source_locale: Option<String>,
    /// `--max-file-size`.
    pub max_file_size: Option<u64>,
    /// `--schema` (replaces the config's schema list).
    pub schema: Vec<PathBuf>,
    /// `--select` (replaces the config's selection).
    pub select: Vec<String>,
    /// `--ignore`.
    pub ignore: Vec<String>,
    /// `--changed-since REV`.
    pub changed_since: Option<String>,
}

/// A loaded config file and its directory.
#[derive(Debug, Default)]
pub struct LoadedConfig {
    /// The file, when one was used.
    pub path: Option<PathBuf>,
    /// Its contents.
    pub file: ConfigFile,
}

/// The nearest `locdoc.toml` in `dir` or its parents.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// Reads and parses a config file; errors name the file, line and column, and the key.
pub fn read_config(path: &Path) -> Result<ConfigFile, SettingsError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SettingsError(format!("{}: cannot read: {e}", path.display())))?;
    parse_config(&text).map_err(|(span, msg)| {
        let (line, col) = span.map_or((1, 1), |s| line_col(&text, s.start));
        SettingsError(format!("{}:{line}:{col}: {msg}", path.display()))
    })
}

/// Parses config text; an error is (span, message).
pub fn parse_config(text: &str) -> Result<ConfigFile, (Option<std::ops::Range<usize>>, String)> {
    toml::from_str::<ConfigFile>(text).map_err(|e| (e.span(), e.message().trim().to_string()))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// Loads the configuration named by `source`.
pub fn load_config(source: &ConfigSource) -> Result<LoadedConfig, SettingsError> {
    let path = match source {
        ConfigSource::None => return Ok(LoadedConfig::default()),
        ConfigSource::File(p) => {
            if !p.is_file() {
                return Err(SettingsError(format!(
                    "{}: config file not found",
                    p.display()
                )));
            }
            p.clone()
        }
        ConfigSource::Discover => match std::env::current_dir().ok().and_then(|d| {
            let found = discover(&d)?;
            // Shown relative to the working directory when it is there.
            Some(match found.strip_prefix(&d) {
                Ok(rel) => rel.to_path_buf(),
                Err(_) => found,
            })
        }) {
            Some(p) => p,
            None => return Ok(LoadedConfig::default()),
        },
    };
    let file = read_config(&path)?;
    Ok(LoadedConfig {
        path: Some(path),
        file,
    })
}

/// Resolves config + command line into engine settings.
pub fn resolve(source: &ConfigSource, over: &Overrides) -> Result<engine::Settings, SettingsError> {
    let cfg = load_config(source)?;
    resolve_with(&cfg, over)
}

/// Resolves an already loaded config + command line into engine settings.
pub fn resolve_with(
    cfg: &LoadedConfig,
    over: &Overrides,
) -> Result<engine::Settings, SettingsError> {
    let file = &cfg.file;
    let cfg_name = cfg
        .path
        .as_ref()
        .map_or_else(|| CONFIG_FILE.to_string(), |p| p.display().to_string());
    let text = cfg
        .path
        .as_ref()
        .and_then(|p| std::fs::read_to_string(p).ok())
        .unwrap_or_default();
    let base = cfg
        .path
        .as_ref()
        .and_then(|p| p.parent())
        .map(absolute)
        .unwrap_or_else(|| absolute(Path::new(".")));
    let spanned = |s: &toml::Spanned<String>| -> Result<Vec<&'static str>, SettingsError> {
        resolve_selector(s.get_ref()).map_err(|m| {
            let (line, col) = line_col(&text, s.span().start);
            SettingsError(format!("{cfg_name}:{line}:{col}: {m}"))
        })
    };
    let cli = |s: &String, flag: &str| -> Result<Vec<&'static str>, SettingsError> {
        resolve_selector(s).map_err(|m| SettingsError(format!("{flag}: {m}")))
    };
    let mut layers = Vec::new();
    let cfg_select = match &file.rules.select {
        Some(list) => Some(flatten(list.iter().map(spanned))?),
        None => None,
    };
    let cfg_ignore = flatten(file.rules.ignore.iter().map(spanned))?;
    layers.push((cfg_select, cfg_ignore));
    let cli_select = if over.select.is_empty() {
        None
    } else {
        Some(flatten(over.select.iter().map(|s| cli(s, "--select")))?)
    };
    let cli_ignore = flatten(over.ignore.iter().map(|s| cli(s, "--ignore")))?;
    layers.push((cli_select, cli_ignore));
    let mut severity = BTreeMap::new();
    for (k, v) in &file.rules.severity {
        for id in spanned(k)? {
            severity.insert(id, v.0);
        }
    }
    let rules = RuleSelection::from_layers(&layers, severity);

    let glob_set = |pats: &[String],
                    key: &str|
     -> Result<Option<globset::GlobSet>, SettingsError> {
        if pats.is_empty() {
            return Ok(None);
        }
        let mut b = globset::GlobSetBuilder::new();
        for p in pats {
            // A pattern without `/` matches a file name anywhere (as in .gitignore).
            let pat = if p.contains('/') {
                p.trim_start_matches("./").to_string()
            } else {
                format!("**/{p}")
            };
            let g = globset::GlobBuilder::new(&pat)
                .literal_separator(true)
                .build()
                .map_err(|e| SettingsError(format!("{cfg_name}: {key}: bad glob `{p}`: {e}")))?;
            b.add(g);
            // `dir/**` style patterns also match the directory's files at any depth.
        }
        b.build()
            .map(Some)
            .map_err(|e| SettingsError(format!("{cfg_name}: {key}: {e}")))
    };
    let changed = match &over.changed_since {
        Some(rev) => Some(changed_files(rev)?),
        None => None,
    };
    let filter = FileFilter {
        base: base.clone(),
        include: glob_set(&file.include, "include")?,
        exclude: glob_set(&file.exclude, "exclude")?,
        locales: file.locales.clone(),
        changed,
    };
    let schema_paths = if !over.schema.is_empty() {
        over.schema.clone()
    } else {
        let dir = cfg.path.as_ref().and_then(|p| p.parent());
        file.schema
            .iter()
            .map(|p| match dir {
                Some(d) if p.is_relative() && !d.as_os_str().is_empty() => d.join(p),
                _ => p.clone(),
            })
            .collect()
    };
    Ok(engine::Settings {
        paths: if over.paths.is_empty() {
            vec![PathBuf::from("docs")]
        } else {
            over.paths.clone()
        },
        source_locale: over
            .source_locale
            .clone()
            .or_else(|| file.source_locale.clone())
            .unwrap_or_else(|| "en".into()),
        max_file_size: over
            .max_file_size
            .or(file.max_file_size)
            .unwrap_or(engine::DEFAULT_MAX_FILE_SIZE),
        schema_paths,
        rules,
        filter,
        glossary: file.glossary.clone(),
    })
}

fn flatten<I>(items: I) -> Result<Vec<&'static str>, SettingsError>
where
    I: Iterator<Item = Result<Vec<&'static str>, SettingsError>>,
{
    let mut out = Vec::new();
    for ids in items {
        out.extend(ids?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_names_the_key_and_line() {
        let err =
            parse_config("source-locale = \"en\"\n[rules]\nselct = [\"CURL\"]\n").unwrap_err();
        assert!(err.1.contains("selct"), "{}", err.1);
        let (line, _) = line_col(
            "source-locale = \"en\"\n[rules]\nselct = [\"CURL\"]\n",
            err.0.unwrap().start,
        );
        assert_eq!(line, 3);
        let err = parse_config("colour = true\n").unwrap_err();
        assert!(err.1.contains("colour"), "{}", err.1);
    }

    #[test]
    fn full_config_parses() {
        let c = parse_config(
            "source-locale = \"en\"\nlocales = [\"fr\"]\ninclude = [\"docs/**\"]\nexclude = [\"archive/**\"]\nschema = [\"s.yaml\"]\n[rules]\nselect = [\"curl\"]\nignore = [\"CURL005\"]\n[rules.severity]\nCURL004 = \"warning\"\n[glossary]\ndnl = [\"Adobe Experience Platform\"]\n",
        )
        .unwrap();
        assert_eq!(c.locales, vec!["fr"]);
        assert_eq!(c.glossary.dnl, vec!["Adobe Experience Platform"]);
        assert_eq!(c.rules.severity.len(), 1);
        assert!(parse_config("[rules.severity]\nCURL004 = \"loud\"\n")
            .unwrap_err()
            .1
            .contains("loud"));
    }

    #[test]
    fn globs_match_relative_to_the_base() {
        let cfg = LoadedConfig {
            path: None,
            file: parse_config("exclude = [\"archive/**\", \"draft-*.md\"]\n").unwrap(),
        };
        let s = resolve_with(&cfg, &Overrides::default()).unwrap();
        assert!(!s.filter.wants(Path::new("archive/a/b.md")));
        assert!(!s.filter.wants(Path::new("./docs/draft-x.md")));
        assert!(s.filter.wants(Path::new("docs/a.md")));
    }
}
