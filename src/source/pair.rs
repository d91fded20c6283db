//! Translation pairing: which source-language page each translated page follows.
//!
//! First by path (the same relative path under the source-locale directory), else by the `exl-id`
//! front-matter key; both lookups are hash maps, so pairing is linear in the number of files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::locale::{locale_from_path, primary_language};

/// How a pair was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PairedBy {
    /// Same relative path under the source-locale directory.
    Path,
    /// Same `exl-id`.
    ExlId,
}

/// What pairing needs to know of a document.
#[derive(Clone, Debug)]
pub struct PairInput<'a> {
    /// Path.
    pub path: &'a Path,
    /// Locale tag.
    pub locale: &'a str,
    /// `exl-id`.
    pub exl_id: Option<&'a str>,
}

/// Result of pairing: for each document index, its source document index.
#[derive(Clone, Debug, Default)]
pub struct Pairing {
    /// `source[i]` is the index of the source page of document `i`.
    pub source: Vec<Option<(usize, PairedBy)>>,
    /// Translated documents left unpaired, with the reason.
    pub unpaired: Vec<(usize, String)>,
}

/// Pairs documents; `source_locale` is e.g. `en`.
pub fn pair_documents(docs: &[PairInput<'_>], source_locale: &str) -> Pairing {
    let src_lang = primary_language(source_locale);
    let is_source = |d: &PairInput<'_>| primary_language(d.locale) == src_lang;
    let mut by_path: HashMap<PathBuf, usize> = HashMap::new();
    let mut by_exl: HashMap<&str, usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if is_source(d) {
            by_path.insert(d.path.to_path_buf(), i);
            if let Some(id) = d.exl_id {
                by_exl.entry(id).or_insert(i);
            }
        }
    }
    let mut out = Pairing {
        source: vec![None; docs.len()],
        unpaired: Vec::new(),
    };
    for (i, d) in docs.iter().enumerate() {
        if is_source(d) {
            continue;
        }
        let mut candidate_paths = Vec::new();
        if let Some((idx, _)) = locale_from_path(d.path) {
            let comps: Vec<_> = d.path.components().collect();
            let parent: PathBuf = comps[..idx].iter().collect();
            let rest: PathBuf = comps[idx + 1..].iter().collect();
            // The source directory may be `en` or a regional form like `en-US`.
            for tag in [source_locale.to_string(), src_lang.to_string()] {
                candidate_paths.push(parent.join(&tag).join(&rest));
            }
        }
        let by_p = candidate_paths.iter().find_map(|p| by_path.get(p).copied());
        if let Some(s) = by_p {
            out.source[i] = Some((s, PairedBy::Path));
        } else if let Some(s) = d.exl_id.and_then(|id| by_exl.get(id).copied()) {
            out.source[i] = Some((s, PairedBy::ExlId));
        } else {
            let reason = unpaired_reason(candidate_paths.first().map(PathBuf::as_path), d.exl_id);
            out.unpaired.push((i, reason));
        }
    }
    out
}

/// Why a translation has no source page: `candidate` is the path its source would have (none when
/// its path has no locale directory).
pub fn unpaired_reason(candidate: Option<&Path>, exl_id: Option<&str>) -> String {
    match (candidate, exl_id) {
        (Some(p), Some(id)) => format!(
            "no source page at {} and none with exl-id {id}",
            p.display()
        ),
        (Some(p), None) => format!("no source page at {} and no exl-id", p.display()),
        (None, Some(id)) => {
            format!("no locale directory in the path and no source page with exl-id {id}")
        }
        (None, None) => "no locale directory in the path and no exl-id".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_by_path_then_exl_id() {
        let docs = [
            PairInput {
                path: Path::new("d/en/a.md"),
                locale: "en",
                exl_id: Some("X"),
            },
            PairInput {
                path: Path::new("d/ko-KR/a.md"),
                locale: "ko-KR",
                exl_id: None,
            },
            PairInput {
                path: Path::new("s/001.txt"),
                locale: "zh-Hans",
                exl_id: Some("X"),
            },
            PairInput {
                path: Path::new("s/002.txt"),
                locale: "fr",
                exl_id: None,
            },
        ];
        let p = pair_documents(&docs, "en");
        assert_eq!(p.source[1], Some((0, PairedBy::Path)));
        assert_eq!(p.source[2], Some((0, PairedBy::ExlId)));
        assert_eq!(p.source[3], None);
        assert_eq!(p.unpaired.len(), 1);
        assert_eq!(p.unpaired[0].0, 3);
    }
}
