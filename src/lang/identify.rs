//! Is this prose still in English? Two independent signals must agree.
//!
//! For Latin-script locales a sentence is English when whatlang's trigram model (restricted to English
//! and the page's language) says so *and* English function words clearly outnumber the page
//! language's. On Chinese, Japanese and Korean pages translated prose is not Latin script, so a run of
//! Latin-script words with English function words in it is English left behind.

use std::ops::Range;

use crate::source::primary_language;

/// English function words: frequent, short, and never product names on their own (a `match`,
/// not a list scan: this runs for every word of every sentence of a translated page).
fn is_en_function(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "of"
            | "to"
            | "and"
            | "is"
            | "are"
            | "for"
            | "you"
            | "your"
            | "with"
            | "by"
            | "that"
            | "this"
            | "these"
            | "be"
            | "from"
            | "will"
            | "can"
            | "which"
            | "must"
            | "it"
            | "its"
            | "when"
            | "how"
            | "has"
            | "have"
            | "into"
            | "in"
            | "following"
            | "using"
            | "see"
            | "about"
            | "provides"
            | "allows"
            | "should"
            | "was"
            | "were"
    )
}

/// French function words (after splitting elisions: `l’aide` gives `l` and `aide`).
fn is_fr_function(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "de"
            | "des"
            | "du"
            | "un"
            | "une"
            | "et"
            | "est"
            | "pour"
            | "dans"
            | "vous"
            | "votre"
            | "vos"
            | "avec"
            | "sur"
            | "par"
            | "que"
            | "qui"
            | "au"
            | "aux"
            | "ce"
            | "cette"
            | "ces"
            | "sont"
            | "à"
            | "en"
            | "pas"
            | "ne"
            | "plus"
            | "peut"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "d"
            | "l"
            | "qu"
            | "s"
            | "n"
            | "c"
            | "être"
            | "également"
            | "afin"
            | "lors"
    )
}

/// Function words of the page's language, when known.
fn target_function_words(lang: &str) -> fn(&str) -> bool {
    match lang {
        "fr" => is_fr_function,
        _ => |_| false,
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

/// The maximal runs of Latin letters in `text`: what `text.split(|c| !is_latin_letter(c))` gives
/// without the empty pieces. ASCII bytes are classified as bytes and only the lead bytes of
/// U+00C0..U+024F are decoded: a Latin letter outside ASCII is one of those two-byte chars, and
/// CJK text is all three-byte chars (issue 8).
fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let (latin, width) = char_class(text, i);
            if latin {
                break;
            }
            i += width;
        }
        if i >= text.len() {
            return None;
        }
        let start = i;
        while i < text.len() {
            let (latin, width) = char_class(text, i);
            if !latin {
                break;
            }
            i += width;
        }
        text.get(start..i)
    })
}

/// Whether the char at byte `i` of `text` (a char boundary) is a Latin letter, and its length.
fn char_class(text: &str, i: usize) -> (bool, usize) {
    let lead = text.as_bytes()[i];
    match lead {
        0..=0x7f => (lead.is_ascii_alphabetic(), 1),
        0xc3..=0xc9 => text[i..]
            .chars()
            .next()
            .map_or((false, 1), |c| (is_latin_letter(c), c.len_utf8())),
        _ => (false, utf8_width(lead)),
    }
}

/// Length of the UTF-8 sequence a lead byte starts.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

fn is_latin_letter(c: char) -> bool {
    // The range test first: `is_alphabetic` is a table lookup, and CJK text is all outside it.
    c.is_ascii_alphabetic() || (('\u{c0}'..='\u{24f}').contains(&c) && c.is_alphabetic())
}

/// What the sentence tests need to know about the [`words`] of a text, counted without building
/// the list.
#[derive(Default)]
struct WordStats {
    /// Number of words.
    words: usize,
    /// Characters of the lowercased words.
    letters: usize,
    /// English function words.
    en: usize,
    /// Function words of the page's language.
    target: usize,
    /// Whether the first word is `is` or `are`.
    first_is_copula: bool,
}

/// Counts the [`words`] of `text` as `words(text)` would give them. An ASCII word is lowercased in a
/// stack buffer (ASCII lowercasing keeps its length, and no function word is longer than 16 bytes);
/// any other word goes through `str::to_lowercase`, exactly as in [`words`].
fn word_stats(text: &str, is_target: fn(&str) -> bool) -> WordStats {
    let mut st = WordStats::default();
    let mut buf = [0u8; 16];
    for w in latin_words(text) {
        let mut tally = |lower: &str| {
            if st.words == 0 {
                st.first_is_copula = matches!(lower, "is" | "are");
            }
            st.words += 1;
            st.en += usize::from(is_en_function(lower));
            st.target += usize::from(is_target(lower));
        };
        if w.is_ascii() {
            st.letters += w.len();
            if !w.bytes().any(|b| b.is_ascii_uppercase()) {
                tally(w);
            } else if let Some(b) = buf.get_mut(..w.len()) {
                b.copy_from_slice(w.as_bytes());
                b.make_ascii_lowercase();
                tally(std::str::from_utf8(b).unwrap_or_default());
            } else {
                // Too long to be a function word (nor `is`/`are`): only its place in the count.
                tally("");
            }
        } else {
            let lower = w.to_lowercase();
            st.letters += lower.chars().count();
            tally(&lower);
        }
    }
    st
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
    // Fewer than 25 bytes cannot hold 25 letters (a lowercased letter is never longer in chars
    // than the letter is in bytes): no need to count.
    if sentence.len() < 25 {
        return false;
    }
    let st = word_stats(sentence, target_function_words(lang));
    if st.words < 5 || st.letters < 25 {
        return false;
    }
    let (en, target) = (st.en, st.target);
    if en < 2 || en * 10 < st.words * 2 || target * 3 > en {
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
    // Every English function word (and copula) is ASCII: a line without an ASCII letter, which
    // most CJK lines are once code and terms are masked, has no run to find (issue 8).
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    runs_of(text, run_classes(text))
}

/// Each char of `text` as (offset, may be part of a run, is a Latin letter), classified from the
/// bytes (see `char_class`): CJK chars are never decoded.
fn run_classes(text: &str) -> impl Iterator<Item = (usize, bool, bool)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        let at = i;
        let lead = *text.as_bytes().get(at)?;
        let (latin, width) = char_class(text, at);
        let runnable = latin
            || match lead {
                b'0'..=b'9'
                | b' '
                | b','
                | b'.'
                | b'\''
                | b':'
                | b';'
                | b'-'
                | b'('
                | b')'
                | b'/'
                | b'"' => true,
                0xe2 => text[at..].starts_with('’'),
                _ => false,
            };
        i += width;
        Some((at, runnable, latin))
    })
}

/// The English runs of `text` from its [`run_classes`]: a run starts at a Latin letter and goes on
/// while chars may be part of one.
fn runs_of(text: &str, classes: impl Iterator<Item = (usize, bool, bool)>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| {
        let run = &text[s..e];
        let st = word_stats(run, |_| false);
        let (n, en) = (st.words, st.en);
        let copula = n == 1 && st.first_is_copula;
        if (n >= 3 && en >= 2 && en * 5 >= n) || copula {
            let trimmed_start = s + (run.len() - run.trim_start().len());
            let trimmed_end = s + run.trim_end().len();
            out.push(trimmed_start..trimmed_end);
        }
    };
    for (at, runnable, latin) in classes {
        match (runnable, start) {
            (true, None) if latin => start = Some(at),
            (false, Some(s)) => {
                push(s, at, &mut out);
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

    /// The chars of `text` classified as `english_runs_in_cjk` first did, decoding every char:
    /// the oracle of [`run_classes`].
    fn run_classes_by_chars(text: &str) -> Vec<(usize, bool, bool)> {
        text.char_indices()
            .map(|(i, c)| {
                let runnable = is_latin_letter(c)
                    || c.is_ascii_digit()
                    || matches!(
                        c,
                        ' ' | ',' | '.' | '\'' | '’' | ':' | ';' | '-' | '(' | ')' | '/' | '"'
                    );
                (i, runnable, is_latin_letter(c))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn latin_words_are_the_split_pieces(s in "[a-zA-Z éÀɏɐªº’'中한 .,0-9\u{1}]{0,24}") {
            let want: Vec<&str> = s.split(|c: char| !is_latin_letter(c)).filter(|w| !w.is_empty()).collect();
            proptest::prop_assert_eq!(latin_words(&s).collect::<Vec<_>>(), want);
        }

        #[test]
        fn english_runs_match_the_char_scan(
            s in "(the|of|is|are|to|connection|éte|中文|연결|’|'|[ .,:;()/\x22-]|[0-9]|\u{1}|ɐ){0,16}"
        ) {
            proptest::prop_assert_eq!(run_classes(&s).collect::<Vec<_>>(), run_classes_by_chars(&s));
            let oracle = runs_of(&s, run_classes_by_chars(&s).into_iter());
            proptest::prop_assert_eq!(english_runs_in_cjk(&s), oracle);
        }
    }

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
    fn word_stats_agree_with_words() {
        for t in [
            "The FOLLOWING Sections ARE for you, à l’aide de l'API: Être ÉGALEMENT là.",
            "İs İS Ⱥre ÀÉÎ Straße d’un qu'il IS an Extraordinarilylongwordwithcaps of the",
            "Are",
            "",
            "123 -- x",
        ] {
            let ws = words(t);
            let st = word_stats(t, is_fr_function);
            assert_eq!(st.words, ws.len(), "{t}");
            let letters: usize = ws.iter().map(|w| w.chars().count()).sum();
            assert_eq!(st.letters, letters, "{t}");
            assert_eq!(st.en, ws.iter().filter(|w| is_en_function(w)).count());
            assert_eq!(st.target, ws.iter().filter(|w| is_fr_function(w)).count());
            assert_eq!(
                st.first_is_copula,
                ws.first().is_some_and(|w| w == "is" || w == "are")
            );
        }
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
