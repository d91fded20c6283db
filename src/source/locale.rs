//! Locale of a file: a language-tag path segment, else the script and language of its prose.
//!
//! Hangul means Korean, Han without kana Chinese (Simplified unless traditional-only characters
//! dominate), kana Japanese; Latin-script text is identified with whatlang's trigram models restricted
//! to the languages docs sites publish, which separates French from English on a few sentences.

use std::path::Path;

/// ISO 639-1 codes accepted as the primary subtag of a locale path segment. A fixed list keeps
/// ordinary folder names (`api`, `ui`, `help`) from being mistaken for languages.
const LANGUAGES: &[&str] = &[
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hi", "hr", "hu", "id",
    "it", "ja", "ko", "lt", "lv", "ms", "nb", "nl", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sv",
    "th", "tr", "uk", "vi", "zh",
];

/// Whether `seg` is a language tag such as `en`, `en-US`, `zh-Hans`, `zh-Hant-TW`, `pt_BR`.
pub fn is_language_tag(seg: &str) -> bool {
    let mut parts = seg.split(['-', '_']);
    let Some(lang) = parts.next() else {
        return false;
    };
    if !LANGUAGES.contains(&lang) {
        return false;
    }
    parts.all(|p| {
        (p.len() == 4
            && p.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && p[1..].chars().all(|c| c.is_ascii_lowercase()))
            || (p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase()))
            || (p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
    })
}

/// The last path segment (directory) that is a language tag, with its index among the components.
pub fn locale_from_path(path: &Path) -> Option<(usize, String)> {
    let comps: Vec<_> = path.components().collect();
    let dirs = comps.len().saturating_sub(1);
    comps[..dirs].iter().enumerate().rev().find_map(|(i, c)| {
        let s = c.as_os_str().to_str()?;
        is_language_tag(s).then(|| (i, s.to_string()))
    })
}

/// The primary language subtag: `ko-KR` → `ko`.
pub fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// Script counts of a text.
#[derive(Default, Debug, Clone, Copy)]
pub struct ScriptCounts {
    /// Hangul syllables and jamo.
    pub hangul: usize,
    /// CJK ideographs.
    pub han: usize,
    /// Hiragana and katakana.
    pub kana: usize,
    /// Latin letters.
    pub latin: usize,
}

/// Counts letters by script.
pub fn script_counts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars() {
        match ch as u32 {
            0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F => c.hangul += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF => c.han += 1,
            0x3040..=0x30FF => c.kana += 1,
            _ if ch.is_alphabetic() && (ch.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&ch)) => {
                c.latin += 1
            }
            _ => {}
        }
    }
    c
}

/// Latin-script languages considered by the trigram identifier.
const LATIN_LANGS: &[whatlang::Lang] = &[
    whatlang::Lang::Eng,
    whatlang::Lang::Fra,
    whatlang::Lang::Deu,
    whatlang::Lang::Spa,
    whatlang::Lang::Ita,
    whatlang::Lang::Por,
    whatlang::Lang::Nld,
];

/// Identifies the language of a Latin-script text; `None` when too short or unsure.
pub fn identify_latin(text: &str) -> Option<&'static str> {
    let opts = whatlang::Detector::with_allowlist(LATIN_LANGS.to_vec());
    let info = opts.detect(text)?;
    Some(match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Nld => "nl",
        _ => return None,
    })
}

/// Detects the locale of prose `text` (code and product names already removed by the caller).
pub fn detect_locale(text: &str) -> String {
    let c = script_counts(text);
    let cjk = c.hangul + c.han + c.kana;
    // CJK characters carry ~2–3 Latin letters' worth of text each; a page is CJK if they are a
    // real share of its letters (DNL product names stay in Latin script on every locale).
    if cjk * 3 >= c.latin / 4 && cjk > 20 {
        if c.hangul >= c.han.max(c.kana) {
            return "ko".into();
        }
        if c.kana * 10 > c.han {
            return "ja".into();
        }
        return "zh-Hans".into();
    }
    identify_latin(text).unwrap_or("en").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_tags() {
        assert_eq!(
            locale_from_path(Path::new("c/ko-KR/help/api/x.md"))
                .unwrap()
                .1,
            "ko-KR"
        );
        assert_eq!(
            locale_from_path(Path::new("docs/zh-Hans/a.md")).unwrap().1,
            "zh-Hans"
        );
        assert_eq!(
            locale_from_path(Path::new("docs/en/fr/x.md")).unwrap().1,
            "fr"
        );
        assert!(locale_from_path(Path::new("help/api/ui/x.md")).is_none());
        assert!(locale_from_path(Path::new("en.md")).is_none());
        assert!(!is_language_tag("EN"));
        assert!(is_language_tag("pt_BR"));
    }

    #[test]
    fn content_detection() {
        assert_eq!(
            detect_locale(
                "이 문서는 기본 연결을 만드는 방법을 설명합니다. 자격 증명이 필요합니다."
            ),
            "ko"
        );
        assert_eq!(
            detect_locale("本教程介绍如何使用流服务接口创建基本连接，并提供所需的凭据和请求示例。"),
            "zh-Hans"
        );
        assert_eq!(
            detect_locale("Ce didacticiel explique comment créer une connexion de base et fournit les informations d'identification nécessaires."),
            "fr"
        );
        assert_eq!(
            detect_locale("This tutorial explains how to create a base connection and lists the credentials you need."),
            "en"
        );
    }
}
