//! `sync`'s repair as the fix of a parity finding.
//!
//! A `PAR*` finding whose subject `locdoc sync` repairs (code blocks, placeholders in code, anchors,
//! link targets, `[!DNL]` terms, code spans, `exl-id`) carries the planned sync edits that touch it
//! ([`crate::sync::PairPlan::fix_within`]), so it is fixable exactly when sync would repair it and
//! `check --fix` writes what `sync` writes. The plan is computed lazily, once per translated page
//! per run and then only for the blocks findings ask about ([`LazyPairPlan`]), in the
//! [`SyncPlanCell`] the engine puts into each [`crate::rules::SourcePage`].

use crate::afm::{Document, Span};
use crate::diag::{Finding, Fix};
use crate::rules::Context;
use crate::sync::{ChangeKind, LazyPairPlan, PageUnits, SyncOptions};

/// What the rules of one translated page share, each computed on first use: the sync plan and
/// the parity alignment. Owned by the page's check, so nothing can outlive or alias the pair.
#[derive(Debug, Default)]
pub struct SyncPlanCell(
    std::cell::OnceCell<LazyPairPlan>,
    std::cell::OnceCell<std::rc::Rc<super::align::Alignment>>,
);

impl SyncPlanCell {
    /// An empty cell (nothing planned yet).
    pub fn new() -> SyncPlanCell {
        SyncPlanCell::default()
    }

    /// The plan of translation `tr` from `src` (whose units `src_units` keeps) with the default
    /// options (no row insertion or pruning: those are `sync` flags, not repairs), computed once.
    pub fn plan(&self, src: &Document, src_units: &PageUnits, tr: &Document) -> &LazyPairPlan {
        self.0
            .get_or_init(|| LazyPairPlan::new(src, src_units, tr, &SyncOptions::default()))
    }

    /// The parity alignment of translation `tr` with `src` (whose sections `src_sections` keeps),
    /// computed once.
    pub fn alignment(
        &self,
        tr: &Document,
        src: &Document,
        src_sections: &super::align::PageSections,
    ) -> std::rc::Rc<super::align::Alignment> {
        self.1
            .get_or_init(|| std::rc::Rc::new(super::align::align_with(tr, src, src_sections)))
            .clone()
    }

    /// Whether the plan has been computed (for tests of the once-per-page contract).
    pub fn is_planned(&self) -> bool {
        self.0.get().is_some()
    }
}

/// The sync edits of `kinds` that touch `span` of the checked translation, as one fix.
pub fn sync_fix(ctx: &Context<'_>, span: &Span, kinds: &[ChangeKind]) -> Option<Fix> {
    let src = ctx.source?;
    src.sync_plan
        .plan(src.doc, src.units, ctx.doc)
        .fix_within_kinds(src.doc, ctx.doc, span, kinds)
}

/// Attaches `fix` (one sync repair covering them all) to every finding of `found`.
pub fn attach_all(found: &mut [Finding], fix: Option<Fix>) {
    let Some(fix) = fix else { return };
    for f in found {
        f.fixable = true;
        f.fix = Some(Box::new(fix.clone()));
    }
}

/// Attaches [`sync_fix`] for `span` to `f`, when sync repairs it.
pub fn with_sync_fix(ctx: &Context<'_>, f: Finding, span: &Span, kinds: &[ChangeKind]) -> Finding {
    match sync_fix(ctx, span, kinds) {
        Some(fix) => f.with_fix(fix),
        None => f,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::page;
    use crate::rules::{parity, Context, SourcePage, RULES};
    use crate::rules::{FixKind, Scope};

    const SRC: &str = "# T {#t}\n\nSee [a](../a.md) and `GET /x`.\n\n```shell\ncurl -X GET 'https://h.x/c' -H 'x-api-key: {API_KEY}'\n```\n";

    /// Runs every pair rule on one page with one plan cell; returns the findings and whether the
    /// plan was computed.
    fn run_all(tr: &str) -> (Vec<crate::diag::Finding>, bool) {
        let (sd, sr) = page(SRC, "en");
        let (td, trq) = page(tr, "fr");
        let schema = crate::schema::Schema::builtin().expect("schema");
        let corpus = parity::CorpusInfo::default();
        let cell = super::SyncPlanCell::new();
        let units = crate::sync::PageUnits::default();
        let sections = parity::align::PageSections::default();
        let page_cache = crate::rules::PageCache::default();
        let ctx = Context {
            cache: &page_cache,
            doc: &td,
            requests: &trq,
            source: Some(SourcePage {
                doc: &sd,
                requests: &sr,
                sync_plan: &cell,
                units: &units,
                sections: &sections,
            }),
            schema: &schema,
            corpus: &corpus,
        };
        let mut out = Vec::new();
        for r in RULES.iter().filter(|r| r.meta().scope == Scope::Pair) {
            r.check(&ctx, &mut out);
        }
        (out, cell.is_planned())
    }

    #[test]
    fn a_clean_pair_never_plans() {
        let tr = "# T {#t}\n\nVoir [a](../a.md) et `GET /x`.\n\n```shell\ncurl -X GET 'https://h.x/c' -H 'x-api-key: {API_KEY}'\n```\n";
        let (f, planned) = run_all(tr);
        assert!(f.is_empty(), "{f:?}");
        assert!(!planned);
    }

    #[test]
    fn drift_sync_repairs_is_fixable_with_syncs_edits() {
        let tr = "# T {#tt}\n\nVoir [a](../b.md) et `GET /y`.\n\n```shell\ncurl -X GET 'http://h.x/c' -H 'x-api-key: {CLE}'\n```\n";
        let (f, planned) = run_all(tr);
        assert!(planned);
        let rules: Vec<&str> = f.iter().map(|x| x.rule).collect();
        for id in ["PAR002", "PAR005", "PAR006", "PAR010"] {
            assert!(rules.contains(&id), "{id}: {f:?}");
        }
        assert!(f.iter().all(|x| x.fixable), "{f:?}");
        let fixes: Vec<crate::diag::Fix> =
            f.iter().filter_map(|x| x.fix.as_deref().cloned()).collect();
        let by_fix = crate::fix::apply(tr, &fixes);
        let (sd, _) = page(SRC, "en");
        let (td, _) = page(tr, "fr");
        let plan = crate::sync::plan_pair(&sd, &td, &Default::default());
        let edits: Vec<_> = plan.edits.iter().map(|e| e.edit.clone()).collect();
        assert_eq!(by_fix, crate::fix::apply_edits(tr, &edits));
        assert!(
            by_fix.contains("Voir [a](../a.md) et `GET /x`."),
            "{by_fix}"
        );
    }

    #[test]
    fn renamed_placeholders_in_code_are_fixable() {
        let tr = "# T {#t}\n\nVoir [a](../a.md) et `GET /x`.\n\n```shell\ncurl -X GET 'https://h.x/c' -H 'x-api-key: {CLE}'\n```\n";
        let (f, _) = run_all(tr);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!((f[0].rule, f[0].fixable), ("PAR003", true));
        let fixed = crate::fix::apply(tr, &[*f[0].fix.clone().expect("fix")]);
        assert!(fixed.contains("-H 'x-api-key: {API_KEY}'"), "{fixed}");
        assert!(run_all(&fixed).0.is_empty());
    }

    #[test]
    fn fix_kinds_of_the_rules_sync_repairs() {
        for id in [
            "PAR002", "PAR003", "PAR005", "PAR006", "PAR007", "PAR010", "PAR011",
        ] {
            let r = crate::rules::find(id).expect("rule");
            assert_eq!(r.meta().fix, FixKind::Sometimes, "{id}");
            assert!(r.meta().doc.contains("## Fix"), "{id}");
        }
    }

    #[test]
    fn prose_differences_carry_no_fix() {
        // A link dropped from the prose: sync cannot add it back.
        let tr = "# T {#t}\n\nVoir a et `GET /x`.\n\n```shell\ncurl -X GET 'https://h.x/c' -H 'x-api-key: {API_KEY}'\n```\n";
        let (f, _) = run_all(tr);
        let par006: Vec<_> = f.iter().filter(|x| x.rule == "PAR006").collect();
        assert_eq!(par006.len(), 1, "{f:?}");
        assert!(!par006[0].fixable);
    }
}
