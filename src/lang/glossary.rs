//! The names that must stay as they are: every `[!DNL]` and `[!UICONTROL]` term of the tree, plus
//! known machine-translated renderings of product names (extendable by configuration).
//!
//! Built once per run after loading; rules look names up with one Aho-Corasick pass per text.

use aho_corasick::{AhoCorasick, MatchKind};
use std::collections::BTreeSet;
use std::ops::Range;

use crate::afm::Document;

/// Renderings machine translation produces for product names: (name, language, rendering).
/// Multi-word product names only: a one-word name like *Platform* is also an ordinary word, so its
/// translation is judged against the paired source page instead (`PAR007`).
pub const KNOWN_RENDERINGS: &[(&str, &str, &str)] = &[
    ("Flow Service", "zh", "流服务"),
    ("Flow Service", "zh", "流量服务"),
    ("Flow Service", "ko", "흐름 서비스"),
    ("Flow Service", "fr", "service de flux"),
    ("Flow Service", "fr", "Service de flux"),
    ("Experience Platform", "fr", "plate-forme d’expérience"),
    ("Experience Platform", "fr", "plate-forme d'expérience"),
    ("Experience Platform", "fr", "plateforme d’expérience"),
    ("Experience Platform", "ko", "경험 플랫폼"),
    ("Experience Platform", "zh", "体验平台"),
    ("HubSpot", "ko", "허브스팟"),
    ("Google Ads", "zh", "Google广告"),
    ("Google Ads", "zh", "谷歌广告"),
    ("Google Ads", "ko", "Google 광고"),
    (
        "Real-Time Customer Profile",
        "fr",
        "Profil client en temps réel",
    ),
    ("Real-Time Customer Profile", "zh", "实时客户档案"),
];

/// Terms of a tree and translated renderings to look for.
#[derive(Debug)]
pub struct Glossary {
    terms: Vec<String>,
    matcher: Option<AhoCorasick>,
    renderings: Vec<(String, String, String)>,
}

impl Default for Glossary {
    fn default() -> Glossary {
        Glossary::new(Vec::new())
    }
}

impl Glossary {
    /// A glossary of `terms` (deduplicated) with the built-in renderings.
    pub fn new(terms: impl IntoIterator<Item = String>) -> Glossary {
        let set: BTreeSet<String> = terms
            .into_iter()
            .map(|t| t.trim().to_string())
            .filter(|t| t.chars().count() >= 2)
            .collect();
        let terms: Vec<String> = set.into_iter().collect();
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&terms)
            .ok();
        Glossary {
            terms,
            matcher,
            renderings: KNOWN_RENDERINGS
                .iter()
                .map(|(n, l, r)| (n.to_string(), l.to_string(), r.to_string()))
                .collect(),
        }
    }

    /// The `[!DNL]`/`[!UICONTROL]` terms of `docs`.
    pub fn from_documents<'a>(docs: impl IntoIterator<Item = &'a Document>) -> Glossary {
        Glossary::new(
            docs.into_iter()
                .flat_map(|d| d.terms.iter().map(|t| t.text.clone())),
        )
    }

    /// Adds a rendering to look for (`name` translated as `rendering` in `lang`), e.g. from config.
    pub fn add_rendering(&mut self, name: &str, lang: &str, rendering: &str) {
        self.renderings
            .push((name.to_string(), lang.to_string(), rendering.to_string()));
    }

    /// Every term, sorted.
    pub fn terms(&self) -> &[String] {
        &self.terms
    }

    /// Renderings for pages in primary language `lang`: (name, rendering).
    pub fn renderings_for<'s>(&'s self, lang: &'s str) -> impl Iterator<Item = (&'s str, &'s str)> {
        self.renderings
            .iter()
            .filter(move |(_, l, _)| l == lang)
            .map(|(n, _, r)| (n.as_str(), r.as_str()))
    }

    /// Byte ranges of whole-word term occurrences in `text`.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let Some(m) = &self.matcher else {
            return Vec::new();
        };
        let bytes = text.as_bytes();
        m.find_iter(text)
            .filter(|hit| {
                let before = text[..hit.start()].chars().next_back();
                let after = text[hit.end()..].chars().next();
                let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
                !word(before) && !word(after) && bytes.get(hit.start()).is_some()
            })
            .map(|hit| hit.start()..hit.end())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_longest_first() {
        let g = Glossary::new([
            "Experience Platform".into(),
            "Platform".into(),
            "Ads".into(),
        ]);
        let t = "Adobe Experience Platform and Platform, not Adsense.";
        let hits: Vec<&str> = g.find(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(hits, vec!["Experience Platform", "Platform"]);
        assert!(g.renderings_for("zh").any(|(n, _)| n == "Flow Service"));
    }
}
