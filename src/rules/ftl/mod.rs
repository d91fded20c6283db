//! Family `ftl`: lint of the Fluent catalogs `render` formats (`locales/<locale>/*.ftl`).
//!
//! These are [`Scope::Catalog`](super::Scope::Catalog) rules: the engine loads every `.ftl` file
//! of the run into [`FtlFile`]s and calls [`Rule::check_catalogs`](super::Rule::check_catalogs)
//! once with all of them, so a rule can compare a translation with the source locale's catalog
//! under the same root directory. Messages named `param-…` describe connector auth params; their
//! English text is the connector catalog's summary, so they are checked against the schema instead
//! of the source locale's `.ftl` files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::afm::Span;
use crate::diag::Finding;
use crate::render::catalog::FtlFile;
use crate::schema::Schema;

use super::RuleMeta;

pub mod ftl001_syntax_error;
pub mod ftl002_missing_message;
pub mod ftl003_obsolete_message;
pub mod ftl004_unknown_variable;
pub mod ftl005_missing_variable;
pub mod ftl006_unbalanced_markup;

/// Prefix of the schema-backed param description messages.
pub const PARAM_PREFIX: &str = "param-";

/// Variables `render` passes to a `param-…` message.
pub const PARAM_VARIABLES: &[&str] = &[
    "connector",
    "connectorId",
    "specId",
    "specName",
    "specSlug",
    "authCount",
    "paramCount",
];

/// What a catalog rule sees: every `.ftl` file of the run.
pub struct CatalogContext<'a> {
    /// All loaded catalog files, sorted by path.
    pub files: &'a [FtlFile],
    /// The source locale (`en`).
    pub source_locale: &'a str,
    /// The schema (for `param-…` messages).
    pub schema: &'a Schema,
}

/// The files of one locale under one root, with the source locale's files beside them.
pub struct LocaleGroup<'a> {
    /// Locale tag.
    pub locale: &'a str,
    /// This locale's files.
    pub files: Vec<&'a FtlFile>,
    /// The source locale's files under the same root.
    pub sources: Vec<&'a FtlFile>,
}

impl LocaleGroup<'_> {
    /// The locale's file named like `source` (`page.ftl`), else its first file.
    pub fn counterpart(&self, source: &FtlFile) -> Option<&FtlFile> {
        self.files
            .iter()
            .find(|f| f.name() == source.name())
            .or_else(|| self.files.first())
            .copied()
    }

    /// Every entry of the locale, with its file.
    pub fn entries(&self) -> impl Iterator<Item = (&FtlFile, &crate::render::catalog::FtlEntry)> {
        self.files
            .iter()
            .flat_map(|f| f.entries.iter().map(move |e| (*f, e)))
    }

    /// The source entry with this id.
    pub fn source_entry(&self, id: &str) -> Option<&crate::render::catalog::FtlEntry> {
        self.sources.iter().find_map(|f| f.entry(id))
    }

    /// Whether the locale defines `id`.
    pub fn defines(&self, id: &str) -> bool {
        self.files.iter().any(|f| f.entry(id).is_some())
    }
}

impl<'a> CatalogContext<'a> {
    /// A finding of `meta` at `span` of `file`.
    pub fn finding(
        &self,
        meta: &'static RuleMeta,
        file: &FtlFile,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        let mut f = Finding::new(meta, file.display.as_str(), &file.lines, span, message);
        f.locale = Some(file.locale.as_str().into());
        f
    }

    /// Translation locales (not the source locale) that have source files under the same root.
    pub fn translations(&self) -> Vec<LocaleGroup<'a>> {
        let mut groups: BTreeMap<(&Path, &str), Vec<&'a FtlFile>> = BTreeMap::new();
        for f in self.files {
            groups
                .entry((f.root.as_path(), f.locale.as_str()))
                .or_default()
                .push(f);
        }
        let mut out = Vec::new();
        for ((root, locale), files) in &groups {
            if *locale == self.source_locale {
                continue;
            }
            let Some(sources) = groups.get(&(*root, self.source_locale)) else {
                continue;
            };
            out.push(LocaleGroup {
                locale,
                files: files.clone(),
                sources: sources.clone(),
            });
        }
        out
    }

    /// Every `param-<connector>-<param>` and `param-<param>` id the schema gives a meaning to.
    pub fn param_ids(&self) -> BTreeSet<String> {
        let mut ids = BTreeSet::new();
        for c in &self.schema.catalog.connectors {
            for a in &c.auth {
                for p in &a.params {
                    ids.insert(format!("{PARAM_PREFIX}{}-{}", c.id, p.name));
                    ids.insert(format!("{PARAM_PREFIX}{}", p.name));
                }
            }
        }
        ids
    }
}

/// Span of the first `$name` in the entry's source text, else the entry's start.
pub fn variable_span(file: &FtlFile, entry_span: &Span, name: &str) -> Span {
    let text = file.text.get(entry_span.clone()).unwrap_or("");
    let needle = format!("${name}");
    let mut from = 0;
    while let Some(i) = text[from..].find(&needle) {
        let at = from + i;
        let end = at + needle.len();
        let boundary = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'));
        if boundary {
            return entry_span.start + at..entry_span.start + end;
        }
        from = end;
    }
    id_span(entry_span, "")
}

/// Span of the entry id (`id` length from the entry start).
pub fn id_span(entry_span: &Span, id: &str) -> Span {
    entry_span.start..entry_span.start + id.len()
}

#[cfg(test)]
pub(crate) mod testing {
    //! Run one catalog rule on FTL snippets.
    use super::*;
    use crate::rules::Rule;

    /// Findings of `rule` on a translation `fr` (at `locales/fr/page.ftl`) and an optional source
    /// catalog (`locales/en/page.ftl`); without a source the snippet itself is the English catalog.
    pub fn run(rule: &dyn Rule, text: &str, source: Option<&str>) -> Vec<Finding> {
        let mut files = Vec::new();
        match source {
            Some(src) => {
                files.push(file("locales/en/page.ftl", src));
                files.push(file("locales/fr/page.ftl", text));
            }
            None => files.push(file("locales/en/page.ftl", text)),
        }
        let schema = Schema::builtin().expect("builtin schema");
        let ctx = CatalogContext {
            files: &files,
            source_locale: "en",
            schema: &schema,
        };
        let mut out = Vec::new();
        rule.check_catalogs(&ctx, &mut out);
        out
    }

    /// Parses a snippet as the file at `path`.
    pub fn file(path: &str, text: &str) -> FtlFile {
        FtlFile::parse(Path::new(path), path, text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Scope, RULES};

    /// The `~~~ftl` block after `heading`.
    fn block(doc: &str, heading: &str) -> Option<String> {
        let after = &doc[doc.find(heading)? + heading.len()..];
        let open = after.find("~~~ftl\n")? + "~~~ftl\n".len();
        let close = after[open..].find("\n~~~")?;
        Some(after[open..open + close + 1].to_string())
    }

    #[test]
    fn every_catalog_rule_example_triggers_and_its_fix_is_clean() {
        let mut seen = 0;
        for r in RULES.iter().filter(|r| r.meta().scope == Scope::Catalog) {
            let m = r.meta();
            seen += 1;
            let bad = block(m.doc, "## Example").unwrap_or_else(|| panic!("{}: no example", m.id));
            let good = block(m.doc, "## Use instead")
                .unwrap_or_else(|| panic!("{}: no fixed example", m.id));
            let src = block(m.doc, "## Source catalog");
            let bad_out = testing::run(*r, &bad, src.as_deref());
            let good_out = testing::run(*r, &good, src.as_deref());
            assert!(!bad_out.is_empty(), "{}: example does not trigger", m.id);
            assert!(bad_out.iter().all(|f| f.rule == m.id), "{}", m.id);
            assert!(
                good_out.is_empty(),
                "{}: fixed example still triggers: {good_out:?}",
                m.id
            );
        }
        assert_eq!(seen, 6);
    }
}
