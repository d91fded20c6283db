//! Is this prose still in English? Two independent signals must agree.
//!
//! For Latin-script locales a sentence is English when whatlang's trigram model (restricted to English
//! and the page's language) says so *and* English function words clearly outnumber the page
//! language's. On Chinese, Japanese and Korean pages translated prose is not Latin script, so a run of
//! Latin-script words with English function words in it is English left behind.

use std::ops::Range;

use crate::source::primary_language;

/// English function words: frequent, short, and never product names on their own.
const EN_FUNCTION: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "is",
    "are",
    "for",
    "you",
    "your",
    "with",
    "by",
    "that",
    "this",
    "these",
    "be",
    "from",
    "will",
    "can",
    "which",
    "must",
    "it",
    "its",
    "when",
    "how",
    "has",
    "have",
    "into",
    "in",
    "following",
    "using",
    "see",
    "about",
    "provides",
    "allows",
    "should",
    "was",
    "were",
];

/// French function words (after splitting elisions: `l’aide` gives `l` and `aide`).
const FR_FUNCTION: &[&str] = &[
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "est",
    "pour",
    "dans",
    "vous",
    "votre",
    "vos",
    "avec",
    "sur",
    "par",
    "que",
    "qui",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "sont",
    "à",
    "en",
    "pas",
    "ne",
    "plus",
    "peut",
    "son",
    "sa",
    "ses",
    "leur",
    "d",
    "l",
    "qu",
    "s",
    "n",
    "c",
    "être",
    "également",
    "afin",
    "lors",
];

/// Function words of the page's language, when known.
fn target_function_words(lang: &str) -> &'static [&'static str] {
    match lang {
        "fr" => FR_FUNCTION,
        _ => &[],
    }
}

/// Whether `locale` is written without Latin script (Chinese, Japanese, Korean).
pub fn is_cjk_locale(locale: &str) -> bool {
    matches!(primary_language(locale), "zh" | "ja" | "ko")
}

/// Lowercased Latin-script words of `text` (letters only; apostrophes and digits split words).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !is_latin_letter(c))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (c.is_alphabetic() && ('\u{c0}'..='\u{24f}').contains(&c))
}

fn count_in(words: &[String], list: &[&str]) -> usize {
    words.iter().filter(|w| list.contains(&w.as_str())).count()
}

fn whatlang_lang(lang: &str) -> Option<whatlang::Lang> {
    Some(match lang {
        "fr" => whatlang::Lang::Fra,
        "de" => whatlang::Lang::Deu,
        "es" => whatlang::Lang::Spa,
        "it" => whatlang::Lang::Ita,
        "pt" => whatlang::Lang::Por,
        "nl" => whatlang::Lang::Nld,
        "sv" => whatlang::Lang::Swe,
        "da" => whatlang::Lang::Dan,
        "pl" => whatlang::Lang::Pol,
        "cs" => whatlang::Lang::Ces,
        "tr" => whatlang::Lang::Tur,
        "fi" => whatlang::Lang::Fin,
        "hu" => whatlang::Lang::Hun,
        "ro" => whatlang::Lang::Ron,
        "nb" | "no" => whatlang::Lang::Nob,
        _ => return None,
    })
}

/// Whether `sentence` (code, URLs and product names already removed) is English on a page whose
/// language is `locale` (a Latin-script locale other than English).
pub fn is_english_sentence(sentence: &str, locale: &str) -> bool {
    let lang = primary_language(locale);
    if lang == "en" || is_cjk_locale(locale) {
        return false;
    }
    let ws = words(sentence);
    let letters: usize = ws.iter().map(|w| w.chars().count()).sum();
    if ws.len() < 5 || letters < 25 {
        return false;
    }
    let en = count_in(&ws, EN_FUNCTION);
    let target = count_in(&ws, target_function_words(lang));
    if en < 2 || en * 10 < ws.len() * 2 || target * 3 > en {
        return false;
    }
    let Some(page_lang) = whatlang_lang(lang) else {
        // No trigram model for the page language: the function words alone are not enough.
        return false;
    };
    let detector = whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, page_lang]);
    detector
        .detect(sentence)
        .is_some_and(|i| i.lang() == whatlang::Lang::Eng && i.confidence() >= 0.3)
}

/// Byte ranges of `text` that are runs of English words on a CJK page. A run is a stretch of
/// Latin-script words, spaces and light punctuation with no CJK character in it; it counts as
/// English when it has at least three words, two of them English function words, or when it is a
/// lone copula (`is`, `are`), the typical remnant of a machine-translated sentence.
pub fn english_runs_in_cjk(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let run = &text[s..e];
        let ws = words(run);
        let en = count_in(&ws, EN_FUNCTION);
        let copula = ws.len() == 1 && matches!(ws[0].as_str(), "is" | "are");
        if (ws.len() >= 3 && en >= 2 && en * 5 >= ws.len()) || copula {
            let trimmed_start = s + (run.len() - run.trim_start().len());
            let trimmed_end = s + run.trim_end().len();
            out.push(trimmed_start..trimmed_end);
        }
    };
    for (i, c) in text.char_indices() {
        let runnable = is_latin_letter(c)
            || c.is_ascii_digit()
            || c == ' '
            || matches!(
                c,
                ',' | '.' | '\'' | '’' | ':' | ';' | '-' | '(' | ')' | '/' | '"'
            );
        match (runnable, start) {
            (true, None) if is_latin_letter(c) => start = Some(i),
            (false, Some(s)) => {
                push(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_sentences() {
        assert!(is_english_sentence(
            "The following sections provide additional information that you will need to know in order to connect.",
            "fr-FR"
        ));
        assert!(!is_english_sentence(
            "Les sections suivantes fournissent des informations supplémentaires dont vous aurez besoin pour vous connecter.",
            "fr-FR"
        ));
        // French with many English technical words stays French.
        assert!(!is_english_sentence(
            "Toutes les requêtes qui contiennent un payload (POST, PUT, PATCH) nécessitent un en-tête Content-Type.",
            "fr"
        ));
        assert!(!is_english_sentence("Access token based", "fr"));
    }

    #[test]
    fn runs_on_cjk_pages() {
        let t = "에 대한 연결 사양 ID \u{1}\u{1} is: \u{1}\u{1}.";
        let r = english_runs_in_cjk(t);
        assert_eq!(r.len(), 1);
        assert_eq!(&t[r[0].clone()], "is:");
        let t = "The endpoint of the \u{1} server.";
        assert_eq!(english_runs_in_cjk(t).len(), 1);
        assert!(english_runs_in_cjk("使用Experience Platform API创建连接").is_empty());
        assert!(english_runs_in_cjk("OAuth 2.0 인증을 사용합니다. Client ID와 Secret").is_empty());
    }
}
