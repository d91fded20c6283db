//! `rules`: every check locdoc runs, one file per rule, registered in [`RULES`].
//!
//! A rule is a unit struct implementing [`Rule`]: static [`RuleMeta`] (id, name, severity, scope and
//! its documentation, the single source for `locdoc rules`, `locdoc explain` and SARIF) plus
//! `check`, which reads the model through a [`Context`] and pushes [`Finding`]s. Rules never parse
//! Markdown or options themselves. To add a rule: create `<family>/<id>_<slug>.rs`, add it to the
//! family's `mod.rs` and to [`RULES`] (kept in id order; a test checks it).

use crate::afm::{Document, Span};
use crate::diag::{Finding, Severity};
use crate::extract::Request;

pub mod afm;
pub mod curl;
pub mod ftl;
pub mod io;
pub mod lint;
pub mod parity;
pub mod schema;
pub mod table;
pub mod text;

/// What input a rule needs, which tells the engine when to run it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// Runs on every document alone.
    Document,
    /// Runs on a translated document together with its source page.
    Pair,
    /// Reported by the loader (files that could not be read); `check` is never called.
    Load,
    /// Runs once on all Fluent catalogs (`.ftl`) of a run, through [`Rule::check_catalogs`].
    Catalog,
}

/// Whether and how a rule's findings can be fixed automatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    /// No automatic fix.
    None,
    /// Some findings carry a safe fix.
    Sometimes,
    /// Every finding carries a safe fix.
    Always,
}

/// Static description of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable id, e.g. `CURL001`.
    pub id: &'static str,
    /// Kebab-case name, e.g. `unterminated-quote`; accepted wherever an id is.
    pub name: &'static str,
    /// Family (folder): `curl`, `afm`, `io`, …
    pub family: &'static str,
    /// One line.
    pub summary: &'static str,
    /// Default severity.
    pub severity: Severity,
    /// Fix availability.
    pub fix: FixKind,
    /// When it runs.
    pub scope: Scope,
    /// Full documentation (Markdown) with the headings `## What it checks`, `## Why it matters`,
    /// `## Example`, `## Use instead`; examples are `~~~markdown` blocks that tests run.
    pub doc: &'static str,
}

/// The translation's source page, for [`Scope::Pair`] rules.
#[derive(Clone, Copy)]
pub struct SourcePage<'a> {
    /// The source document.
    pub doc: &'a Document,
    /// Its requests.
    pub requests: &'a [Request],
    /// The `sync` plan of the pair, computed on first use (shared by the rules of one page).
    pub sync_plan: &'a parity::SyncPlanCell,
    /// The source's `sync` units, built once for all its translations.
    pub units: &'a crate::sync::PageUnits,
    /// The source's sections and their parity tokens, built once for all its translations.
    pub sections: &'a parity::align::PageSections,
}

/// What a rule sees.
pub struct Context<'a> {
    /// The document checked.
    pub doc: &'a Document,
    /// Its extracted requests.
    pub requests: &'a [Request],
    /// The source page, when `doc` is a paired translation.
    pub source: Option<SourcePage<'a>>,
    /// The canonical request schema (loaded once per run).
    pub schema: &'a crate::schema::Schema,
    /// Facts about the page that several rules need, computed on first use.
    pub cache: &'a PageCache,
    /// Run-wide facts: product-name glossary, git history of source pages (built once per run).
    pub corpus: &'a parity::CorpusInfo,
}

/// Per-page facts shared by the rules of one page (each computed once, on first use).
#[derive(Debug, Default)]
pub struct PageCache {
    segments: std::cell::OnceCell<Vec<text::helpers::Segment>>,
    /// The page's display path and locale, shared by all its findings.
    names: std::cell::OnceCell<(std::sync::Arc<str>, std::sync::Arc<str>)>,
}

impl Context<'_> {
    /// The page's prose segments (see [`text::helpers::segments`]), computed once per page.
    pub fn segments(&self) -> &[text::helpers::Segment] {
        self.cache
            .segments
            .get_or_init(|| text::helpers::segments(self.doc))
    }

    /// A finding of `meta` at `span` of the checked document.
    pub fn finding(
        &self,
        meta: &'static RuleMeta,
        span: Span,
        message: impl Into<String>,
    ) -> Finding {
        let (file, locale) = self.cache.names.get_or_init(|| {
            (
                self.doc.display.as_str().into(),
                self.doc.locale.as_str().into(),
            )
        });
        let mut f = Finding::new(meta, file.clone(), &self.doc.lines, span, message);
        f.locale = Some(locale.clone());
        f
    }
}

/// A check.
pub trait Rule: Sync {
    /// Its metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Pushes findings for `ctx` into `out`.
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>);
    /// Pushes findings for the run's Fluent catalogs ([`Scope::Catalog`] rules only).
    fn check_catalogs(&self, _ctx: &ftl::CatalogContext<'_>, _out: &mut Vec<Finding>) {}
}

/// Every rule, in id order.
pub static RULES: &[&dyn Rule] = &[
    &afm::afm001_empty_link::EmptyLink,
    &afm::afm002_front_matter_error::FrontMatterError,
    &curl::curl001_unterminated_quote::UnterminatedQuote,
    &curl::curl002_missing_continuation::MissingContinuation,
    &curl::curl003_invalid_json_body::InvalidJsonBody,
    &curl::curl004_malformed_header::MalformedHeader,
    &curl::curl005_duplicate_header::DuplicateHeader,
    &curl::curl006_dangling_continuation::DanglingContinuation,
    &ftl::ftl001_syntax_error::SyntaxError,
    &ftl::ftl002_missing_message::MissingMessage,
    &ftl::ftl003_obsolete_message::ObsoleteMessage,
    &ftl::ftl004_unknown_variable::UnknownVariable,
    &ftl::ftl005_missing_variable::MissingVariable,
    &ftl::ftl006_unbalanced_markup::UnbalancedMarkup,
    &io::io001_unreadable_file::UnreadableFile,
    &lint::lint001_unused_suppression::UnusedSuppression,
    &parity::par001_stale_translation::StaleTranslation,
    &parity::par002_request_mismatch::RequestMismatch,
    &parity::par003_placeholder_mismatch::PlaceholderMismatch,
    &parity::par004_table_rows_mismatch::TableRowsMismatch,
    &parity::par005_anchor_mismatch::AnchorMismatch,
    &parity::par006_link_target_mismatch::LinkTargetMismatch,
    &parity::par007_dnl_term_mismatch::DnlTermMismatch,
    &parity::par008_uicontrol_count::UicontrolCount,
    &parity::par009_alert_kind_mismatch::AlertKindMismatch,
    &parity::par010_code_span_mismatch::CodeSpanMismatch,
    &parity::par011_exl_id_mismatch::ExlIdMismatch,
    &schema::sch001_unknown_server::UnknownServer,
    &schema::sch002_unknown_path::UnknownPath,
    &schema::sch003_method_not_allowed::MethodNotAllowed,
    &schema::sch004_missing_required_parameter::MissingRequiredParameter,
    &schema::sch005_undocumented_header::UndocumentedHeader,
    &schema::sch006_content_type_mismatch::ContentTypeMismatch,
    &schema::sch007_body_schema_violation::BodySchemaViolation,
    &schema::sch008_connection_spec_mismatch::ConnectionSpecMismatch,
    &schema::sch009_auth_params_mismatch::AuthParamsMismatch,
    &schema::sch010_insecure_scheme::InsecureScheme,
    &schema::sch011_malformed_placeholder::MalformedPlaceholder,
    &schema::sch012_placeholder_reuse::PlaceholderReuse,
    &table::tbl001_credential_table_mismatch::CredentialTableMismatch,
    &table::tbl002_spec_id_mismatch::SpecIdMismatch,
    &text::txt001_mojibake::Mojibake,
    &text::txt002_html_entity::HtmlEntity,
    &text::txt003_zero_width::ZeroWidth,
    &text::txt004_untranslated_text::UntranslatedText,
    &text::txt005_broken_inline_markup::BrokenInlineMarkup,
    &text::txt006_link_spacing::LinkSpacing,
    &text::txt007_french_spacing::FrenchSpacing,
    &text::txt008_cjk_punctuation::CjkPunctuation,
    &text::txt009_orphaned_particle::OrphanedParticle,
    &text::txt010_translated_product_name::TranslatedProductName,
];

/// Looks a rule up by id (`CURL001`, case-insensitive) or name (`unterminated-quote`).
pub fn find(key: &str) -> Option<&'static dyn Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.meta().id.eq_ignore_ascii_case(key) || r.meta().name == key)
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for rule tests: run one rule on a snippet.
    use super::*;
    use crate::afm::parse;
    use crate::extract::extract_requests;
    use std::path::Path;

    /// Parses `text` as a page of `locale`.
    pub fn page(text: &str, locale: &str) -> (Document, Vec<Request>) {
        let mut doc = parse(Path::new("t.md"), "t.md", text.into());
        doc.locale = locale.to_string();
        let reqs = extract_requests(&doc);
        (doc, reqs)
    }

    /// Findings of `rule` on `text` (an English page).
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<Finding> {
        run_pair(rule, text, None)
    }

    /// Findings of `rule` on translation `text` whose source page is `source`.
    pub fn run_pair(rule: &dyn Rule, text: &str, source: Option<&str>) -> Vec<Finding> {
        let locale = locale_hint(text).unwrap_or(if source.is_some() { "fr" } else { "en" });
        let (doc, reqs) = page(text, locale);
        let src = source.map(|s| page(s, "en"));
        let schema = crate::schema::Schema::builtin().expect("builtin schema");
        let corpus = parity::CorpusInfo::default();
        let plan = parity::SyncPlanCell::new();
        let units = crate::sync::PageUnits::default();
        let sections = parity::align::PageSections::default();
        let page_cache = crate::rules::PageCache::default();
        let ctx = Context {
            cache: &page_cache,
            corpus: &corpus,
            schema: &schema,
            doc: &doc,
            requests: &reqs,
            source: src.as_ref().map(|(d, r)| SourcePage {
                doc: d,
                requests: r,
                sync_plan: &plan,
                units: &units,
                sections: &sections,
            }),
        };
        let mut out = Vec::new();
        rule.check(&ctx, &mut out);
        out
    }

    /// The locale named by a first line `<!-- locale: ko -->` (lets rule docs show locale-specific examples).
    pub fn locale_hint(text: &str) -> Option<&str> {
        let rest = text.trim_start().strip_prefix("<!-- locale:")?;
        Some(rest[..rest.find("-->")?].trim())
    }

    /// Lines of the findings.
    pub fn lines(f: &[Finding]) -> Vec<usize> {
        f.iter().map(|f| f.line).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `~~~markdown` block after `heading` in a rule doc.
    fn example(doc: &str, heading: &str) -> Option<String> {
        let after = &doc[doc.find(heading)? + heading.len()..];
        let open = after.find("~~~markdown\n")? + "~~~markdown\n".len();
        let close = after[open..].find("\n~~~")?;
        Some(after[open..open + close + 1].to_string())
    }

    #[test]
    fn registry_is_sorted_unique_and_documented() {
        let ids: Vec<_> = RULES.iter().map(|r| r.meta().id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted, "RULES must be in id order with unique ids");
        for r in RULES {
            let m = r.meta();
            for h in [
                "## What it checks",
                "## Why it matters",
                "## Example",
                "## Use instead",
            ] {
                assert!(m.doc.contains(h), "{} doc lacks {h}", m.id);
            }
            assert!(
                m.id.starts_with(&m.family.to_ascii_uppercase())
                    || (m.family, &m.id[..3]) == ("text", "TXT")
                    || (m.family, &m.id[..3]) == ("parity", "PAR"),
                "{} not in family {}",
                m.id,
                m.family
            );
            assert!(find(m.name).is_some());
        }
    }

    #[test]
    fn every_example_triggers_and_every_fix_is_clean() {
        for r in RULES {
            let m = r.meta();
            // Catalog rules' examples are FTL: rules/ftl/mod.rs runs them.
            if m.scope == Scope::Load || m.scope == Scope::Catalog {
                continue;
            }
            let bad =
                example(m.doc, "## Example").unwrap_or_else(|| panic!("{}: no example", m.id));
            let good = example(m.doc, "## Use instead")
                .unwrap_or_else(|| panic!("{}: no fixed example", m.id));
            let (bad_out, good_out) = if m.scope == Scope::Pair {
                let src = example(m.doc, "## Source page")
                    .unwrap_or_else(|| panic!("{}: no source page", m.id));
                (
                    testing::run_pair(*r, &bad, Some(&src)),
                    testing::run_pair(*r, &good, Some(&src)),
                )
            } else {
                (testing::run(*r, &bad), testing::run(*r, &good))
            };
            assert!(!bad_out.is_empty(), "{}: example does not trigger", m.id);
            assert!(
                good_out.is_empty(),
                "{}: fixed example still triggers: {:?}",
                m.id,
                good_out
            );
        }
    }
}
