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
#[derive(Debug, Clone)]
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

    /// The `[!DNL]`/`[!UICONTROL]` terms of a page's raw text, outside fenced code blocks and
    /// inline code: a scan without a Markdown parse, so the glossary of a whole tree can be built
    /// before any page is checked, at the cost of one regex pass over the source pages.
    pub fn scan_terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut fence: Option<(u8, usize)> = None;
        for line in text.lines() {
            let trimmed = line.trim_start();
            let marker = trimmed.bytes().next().filter(|b| *b == b'`' || *b == b'~');
            if let Some(m) = marker {
                let run = trimmed.bytes().take_while(|b| *b == m).count();
                if run >= 3 {
                    match fence {
                        None => fence = Some((m, run)),
                        Some((fm, fr))
                            if fm == m && run >= fr && trimmed[run..].trim().is_empty() =>
                        {
                            fence = None
                        }
                        Some(_) => {}
                    }
                    continue;
                }
            }
            if fence.is_some() || !line.contains("[!") {
                continue;
            }
            for m in crate::afm::terms::term_matches(line) {
                // Inside an inline code span when an odd number of backticks precede it.
                if line[..m.whole.start].bytes().filter(|b| *b == b'`').count() % 2 == 1 {
                    continue;
                }
                out.push(line.get(m.text).unwrap_or("").trim().to_string());
            }
        }
        out
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

    #[test]
    fn scan_terms_skips_code() {
        let t = "Use [!DNL Flow Service] and `[!DNL Code]`.\n\n```shell\n[!DNL Inside]\n```\n\n[!UICONTROL Save] [!DNL Platform]\n";
        assert_eq!(
            Glossary::scan_terms(t),
            vec!["Flow Service", "Save", "Platform"]
        );
    }
}
