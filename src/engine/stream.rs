//! The streaming check: the CI hot path, with memory bounded by the translation families being
//! checked, not by the size of the tree.
//!
//! A *family* is a source page and its translations: the files whose paths differ only in the
//! locale segment (`docs/en/a.md`, `docs/fr/a.md`, …), known from the paths alone. Families are read,
//! parsed, checked and dropped in parallel, so every file is read and parsed once and at most a few
//! families are in memory at a time. Before that, one cheap pass builds what rules need of the whole
//! run: the glossary (a regex scan of the source pages for `[!DNL]` terms) and the git history of
//! the source pages. Files outside any locale directory (their locale comes from their text) are
//! held in memory and paired by `exl-id` afterwards, as are translations whose path has no source
//! page; those pairs get their pair rules in a second, small pass. The findings are the same as
//! [`super::run_rules_with`] over [`super::load`] (a test checks it), sorted, so the output does not
//! depend on the thread count.

use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::{check_page, display_path, load_page, unreadable, Page, RuleSet, RunError, Settings};
use crate::diag::{sort_findings, Finding};
use crate::lang::Glossary;
use crate::rules::parity::git::Revisions;
use crate::rules::parity::CorpusInfo;
use crate::rules::{self, Scope, RULES};
use crate::schema::Schema;
use crate::source::{self, primary_language};

/// What a streaming check produced.
#[derive(Debug, Default)]
pub struct StreamReport {
    /// Sorted findings (severity overrides applied).
    pub findings: Vec<Finding>,
    /// Display paths of the files checked (pages the rules ran on, unreadable files, catalogs).
    pub checked: Vec<String>,
    /// Translations left unpaired: (display path, locale, reason).
    pub unpaired: Vec<(String, String, String)>,
    /// Texts of the files that have findings, when asked for (for source snippets).
    pub texts: HashMap<String, Arc<str>>,
}

/// Texts kept for snippets: (display path, text).
type Texts = Vec<(String, Arc<str>)>;

/// One file of a family.
struct Member {
    path: PathBuf,
    locale: String,
}

/// Outcome of one family (or one loose page).
#[derive(Default)]
struct Part {
    findings: Vec<Finding>,
    checked: Vec<String>,
    /// Translations that still need a source by `exl-id`: (path, display, locale, exl-id).
    orphans: Vec<(PathBuf, String, String, Option<String>)>,
    /// Source pages with an `exl-id`: (exl-id, path).
    sources: Vec<(String, PathBuf)>,
    texts: Texts,
}

/// Checks every file of the settings' paths without holding the tree in memory.
pub fn check_streaming(
    settings: &Settings,
    schema: &Schema,
    keep_texts: bool,
    tick: &(dyn Fn() + Sync),
) -> Result<StreamReport, RunError> {
    let mut found = source::discover(&settings.paths, true);
    if let Some((p, e)) = found.errors.into_iter().next() {
        return Err(RunError::Path(p, e));
    }
    found.files.retain(|p| settings.filter.wants(p));
    let (ftl, md): (Vec<PathBuf>, Vec<PathBuf>) = found
        .files
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "ftl"));
    let src_lang = primary_language(&settings.source_locale).to_string();
    let sel = &settings.rules;

    // Families from the paths; files with no locale directory are "loose".
    let mut families: BTreeMap<(PathBuf, PathBuf), Vec<Member>> = BTreeMap::new();
    let mut loose_paths = Vec::new();
    for path in md {
        match source::locale_from_path(&path) {
            Some((idx, locale)) => {
                let comps: Vec<_> = path.components().collect();
                let parent: PathBuf = comps[..idx].iter().collect();
                let rest: PathBuf = comps[idx + 1..].iter().collect();
                families
                    .entry((parent, rest))
                    .or_default()
                    .push(Member { path, locale });
            }
            None => loose_paths.push(path),
        }
    }
    let families: Vec<Vec<Member>> = families.into_values().collect();
    let mut load_findings = Vec::new();
    let mut loose: Vec<Page> = Vec::new();
    for r in loose_paths
        .par_iter()
        .map(|p| {
            source::read_source(p, settings.max_file_size)
                .map_err(|e| Box::new(unreadable(p, &e)))
                .map(|t| load_page(p, t))
        })
        .collect::<Vec<_>>()
    {
        match r {
            Ok(p) => loose.push(p),
            Err(f) => load_findings.push(*f),
        }
    }

    // Run-wide facts, built once: the glossary of the source pages and their git history.
    let is_source = |locale: &str| primary_language(locale) == src_lang;
    let sources: Vec<&Path> = families
        .iter()
        .filter(|f| f.iter().any(|m| !is_source(&m.locale)))
        .filter_map(|f| source_member(f, settings).map(|m| m.path.as_path()))
        .collect();
    let scanned: Vec<String> = families
        .par_iter()
        .filter_map(|f| source_member(f, settings))
        .flat_map_iter(
            |m| match source::read_source(&m.path, settings.max_file_size) {
                Ok(text) => Glossary::scan_terms(&text),
                Err(_) => Vec::new(),
            },
        )
        .collect();
    let loose_terms = loose
        .iter()
        .filter(|p| is_source(&p.doc.locale))
        .flat_map(|p| Glossary::scan_terms(&p.doc.text));
    let configured = settings.glossary.dnl.iter().cloned();
    let corpus = CorpusInfo {
        glossary: Glossary::new(scanned.into_iter().chain(loose_terms).chain(configured)),
        revisions: if sources.is_empty() {
            Revisions::default()
        } else {
            Revisions::read(&sources)
        },
    };

    // Phase 1: every family, then every loose page, on its own.
    let wanted_locale = |locale: &str| {
        let lang = primary_language(locale);
        settings.filter.locales.is_empty()
            || lang == src_lang
            || settings
                .filter
                .locales
                .iter()
                .any(|l| l == locale || primary_language(l) == lang)
    };
    // Each family's findings go straight into one vector (in completion order, which varies with
    // the threads; the final sort is a total order, so the output does not). Collecting them per
    // family and concatenating afterwards would hold every finding twice at the peak.
    let sink: Mutex<Vec<Finding>> = Mutex::new(Vec::new());
    let parts: Vec<Part> = families
        .par_iter()
        .map(|f| {
            let mut part = check_family(
                f,
                settings,
                schema,
                &corpus,
                keep_texts,
                &wanted_locale,
                tick,
            );
            // Taken, so the part kept until the end holds no capacity for them.
            let mut found = std::mem::take(&mut part.findings);
            sink.lock()
                .unwrap_or_else(|e| e.into_inner())
                .append(&mut found);
            part
        })
        .collect();
    let loose_parts: Vec<Part> = loose
        .par_iter()
        .map(|page| {
            let mut part = Part::default();
            if is_source(&page.doc.locale) {
                if let Some(id) = page.doc.exl_id() {
                    part.sources.push((id.to_string(), page.doc.path.clone()));
                }
            } else {
                part.orphans.push((
                    page.doc.path.clone(),
                    page.doc.display.clone(),
                    page.doc.locale.clone(),
                    page.doc.exl_id().map(str::to_string),
                ));
            }
            if wanted_locale(&page.doc.locale) {
                part.findings = check_page(page, None, schema, &corpus, sel, RuleSet::All);
                shed_fixes(&mut part.findings);
                part.checked.push(page.doc.display.clone());
                if keep_texts && !part.findings.is_empty() {
                    part.texts
                        .push((page.doc.display.clone(), page.doc.text.clone()));
                }
            }
            tick();
            part
        })
        .collect();

    let mut report = StreamReport {
        findings: sink.into_inner().unwrap_or_else(|e| e.into_inner()),
        ..StreamReport::default()
    };
    let mut orphans = Vec::new();
    let mut by_exl: BTreeMap<PathBuf, String> = BTreeMap::new();
    for part in parts.into_iter().chain(loose_parts) {
        report.findings.extend(part.findings);
        report.checked.extend(part.checked);
        report.texts.extend(part.texts);
        orphans.extend(part.orphans);
        for (id, path) in part.sources {
            by_exl.insert(path, id);
        }
    }
    // The first source page (in path order) with an exl-id wins, as in `source::pair_documents`.
    let mut exl_source: HashMap<String, PathBuf> = HashMap::new();
    for (path, id) in by_exl {
        exl_source.entry(id).or_insert(path);
    }

    // Phase 2: translations paired by exl-id get their pair rules.
    let mut pairs: BTreeMap<PathBuf, Vec<PathBuf>> = BTreeMap::new();
    for (path, display, locale, exl) in orphans {
        match exl.as_deref().and_then(|id| exl_source.get(id)) {
            Some(src) if wanted_locale(&locale) => pairs.entry(src.clone()).or_default().push(path),
            Some(_) => {}
            None => report.unpaired.push((
                display,
                locale,
                unpaired_reason(&path, exl.as_deref(), settings),
            )),
        }
    }
    if !pairs.is_empty() {
        let loose_by_path: HashMap<&Path, &Page> =
            loose.iter().map(|p| (p.doc.path.as_path(), p)).collect();
        let phase2_sources: Vec<&Path> = pairs.keys().map(PathBuf::as_path).collect();
        let corpus2 = CorpusInfo {
            glossary: corpus.glossary.clone(),
            revisions: Revisions::read(&phase2_sources),
        };
        let extra: Vec<(Vec<Finding>, Texts)> = pairs
            .par_iter()
            .map(|(src_path, translations)| {
                let mut findings = Vec::new();
                let mut texts = Vec::new();
                let owned_src;
                let src = match loose_by_path.get(src_path.as_path()) {
                    Some(p) => *p,
                    None => match source::read_source(src_path, settings.max_file_size) {
                        Ok(t) => {
                            owned_src = load_page(src_path, t);
                            &owned_src
                        }
                        Err(_) => return (findings, texts),
                    },
                };
                for tr_path in translations {
                    let owned_tr;
                    let tr = match loose_by_path.get(tr_path.as_path()) {
                        Some(p) => *p,
                        None => match source::read_source(tr_path, settings.max_file_size) {
                            Ok(t) => {
                                owned_tr = load_page(tr_path, t);
                                &owned_tr
                            }
                            Err(_) => continue,
                        },
                    };
                    let mut f = check_page(tr, Some(src), schema, &corpus2, sel, RuleSet::PairOnly);
                    shed_fixes(&mut f);
                    if keep_texts && !f.is_empty() {
                        texts.push((tr.doc.display.clone(), tr.doc.text.clone()));
                    }
                    findings.extend(f);
                }
                (findings, texts)
            })
            .collect();
        for (f, t) in extra {
            report.findings.extend(f);
            report.texts.extend(t);
        }
    }

    // Catalogs (small: all in memory), then unreadable files.
    let mut catalogs = Vec::new();
    for path in &ftl {
        match source::read_source(path, settings.max_file_size) {
            Ok(text) => catalogs.push(crate::render::catalog::FtlFile::parse(
                path,
                &display_path(path),
                text,
            )),
            Err(e) => load_findings.push(unreadable(path, &e)),
        }
    }
    if !catalogs.is_empty() {
        let ctx = rules::ftl::CatalogContext {
            files: &catalogs,
            source_locale: &settings.source_locale,
            schema,
        };
        let mut found = Vec::new();
        for rule in RULES
            .iter()
            .filter(|r| r.meta().scope == Scope::Catalog && sel.is_enabled(r.meta().id))
        {
            rule.check_catalogs(&ctx, &mut found);
        }
        shed_fixes(&mut found);
        report.findings.extend(found);
        report
            .checked
            .extend(catalogs.iter().map(|c| c.display.clone()));
        if keep_texts {
            report
                .texts
                .extend(catalogs.iter().map(|c| (c.display.clone(), c.text.clone())));
        }
    }
    report.findings.extend(
        load_findings
            .iter()
            .filter(|f| sel.is_enabled(f.rule))
            .cloned(),
    );
    report
        .checked
        .extend(load_findings.iter().map(|f| f.file.to_string()));
    for f in &mut report.findings {
        if let Some(s) = sel.severity(f.rule) {
            f.severity = s;
        }
    }
    sort_findings(&mut report.findings);
    report.checked.sort();
    report.unpaired.sort();
    Ok(report)
}

/// Marks findings `fixable` and drops the fix payloads (a streaming check never applies them, and a
/// sync plan's edits can be whole code blocks): memory stays proportional to the findings' text.
fn shed_fixes(findings: &mut [Finding]) {
    for f in findings {
        f.fixable = f.fix.take().is_some();
    }
}

/// The family member translations follow: the source locale's directory, else another directory of
/// the same language (`en-US` for `en`), first by path.
fn source_member<'a>(family: &'a [Member], settings: &Settings) -> Option<&'a Member> {
    let src_lang = primary_language(&settings.source_locale);
    family
        .iter()
        .find(|m| m.locale == settings.source_locale)
        .or_else(|| family.iter().find(|m| m.locale == src_lang))
}

fn unpaired_reason(path: &Path, exl: Option<&str>, settings: &Settings) -> String {
    let candidate = source::locale_from_path(path).map(|(idx, _)| {
        let comps: Vec<_> = path.components().collect();
        let parent: PathBuf = comps[..idx].iter().collect();
        let rest: PathBuf = comps[idx + 1..].iter().collect();
        parent.join(&settings.source_locale).join(rest)
    });
    source::pair::unpaired_reason(candidate.as_deref(), exl)
}

/// Reads, parses and checks one family; the pages are dropped on return.
fn check_family(
    family: &[Member],
    settings: &Settings,
    schema: &Schema,
    corpus: &CorpusInfo,
    keep_texts: bool,
    wanted_locale: &(dyn Fn(&str) -> bool + Sync),
    tick: &(dyn Fn() + Sync),
) -> Part {
    let mut part = Part::default();
    let src_lang = primary_language(&settings.source_locale);
    let source_path = source_member(family, settings).map(|m| m.path.clone());
    let mut pages: Vec<Page> = Vec::with_capacity(family.len());
    for m in family {
        let is_src = primary_language(&m.locale) == src_lang;
        if !is_src && !wanted_locale(&m.locale) {
            tick();
            continue;
        }
        match source::read_source(&m.path, settings.max_file_size) {
            Ok(text) => pages.push(load_page(&m.path, text)),
            Err(e) => {
                let f = unreadable(&m.path, &e);
                if settings.rules.is_enabled(f.rule) {
                    part.findings.push(f.clone());
                }
                part.checked.push(f.file.to_string());
                tick();
            }
        }
    }
    let src = source_path
        .as_ref()
        .and_then(|sp| pages.iter().find(|p| &p.doc.path == sp));
    for page in &pages {
        let is_src = primary_language(&page.doc.locale) == src_lang;
        let source = if is_src { None } else { src };
        if is_src {
            if let Some(id) = page.doc.exl_id() {
                part.sources.push((id.to_string(), page.doc.path.clone()));
            }
        } else if source.is_none() {
            part.orphans.push((
                page.doc.path.clone(),
                page.doc.display.clone(),
                page.doc.locale.clone(),
                page.doc.exl_id().map(str::to_string),
            ));
        }
        let mut f = check_page(page, source, schema, corpus, &settings.rules, RuleSet::All);
        shed_fixes(&mut f);
        if keep_texts && !f.is_empty() {
            part.texts
                .push((page.doc.display.clone(), page.doc.text.clone()));
        }
        part.findings.extend(f);
        part.checked.push(page.doc.display.clone());
        tick();
    }
    part
}
