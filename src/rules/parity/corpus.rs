//! Facts about the whole run that rules need: the product-name glossary and the git history of
//! source pages. Built once after loading ([`CorpusInfo::build`]) and shared by every rule.

use crate::engine::Workspace;
use crate::lang::Glossary;

use super::git::Revisions;

/// Run-wide facts.
#[derive(Debug, Default)]
pub struct CorpusInfo {
    /// `[!DNL]`/`[!UICONTROL]` terms of every page, and known translated renderings.
    pub glossary: Glossary,
    /// Git history of the source pages that translations follow.
    pub revisions: Revisions,
}

impl CorpusInfo {
    /// Collects the glossary (the source pages' `[!DNL]`/`[!UICONTROL]` terms and the configured
    /// `[glossary] dnl` terms) and, when translations name a `source-git-commit`, the source pages'
    /// git history (one git run per repository).
    pub fn build(ws: &Workspace, configured: &[String]) -> CorpusInfo {
        // The glossary is what the source pages mark `[!DNL]` (plus configuration): the same
        // definition the streaming check uses, which never holds the whole tree in memory.
        let src = crate::source::primary_language(&ws.source_locale);
        let terms = ws
            .pages
            .iter()
            .filter(|p| crate::source::primary_language(&p.doc.locale) == src)
            .flat_map(|p| Glossary::scan_terms(&p.doc.text));
        let glossary = Glossary::new(terms.chain(configured.iter().cloned()));
        let mut sources = Vec::new();
        for (i, src) in ws.pairing.source.iter().enumerate() {
            let (Some((s, _)), Some(page)) = (src, ws.pages.get(i)) else {
                continue;
            };
            let has_commit = page
                .doc
                .front_matter
                .as_ref()
                .and_then(|f| f.get("source-git-commit"))
                .is_some();
            if let (true, Some(sp)) = (has_commit, ws.pages.get(*s)) {
                sources.push(sp.doc.path.as_path());
            }
        }
        sources.sort();
        sources.dedup();
        let revisions = if sources.is_empty() {
            Revisions::default()
        } else {
            Revisions::read(&sources)
        };
        CorpusInfo {
            glossary,
            revisions,
        }
    }
}
