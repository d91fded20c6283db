//! Language-neutral features (a code span, a link target, a code token…) as 64-bit fingerprints.
//!
//! The aligners of `sync` and of the parity rules compare pages by multisets of such features. As
//! strings (`format!("c:{code}")`) they cost an allocation each and a `memcmp` per comparison, which
//! made feature building and alignment the largest part of a check (issue 8). A fingerprint is a
//! hash of a tag byte and the text, built without allocating and compared as an integer. Only
//! equality matters (Dice and Jaccard similarity count shared features, whatever their order), and
//! a 64-bit collision between two features of one page pair is vanishingly unlikely.

use std::hash::Hasher;

/// A feature fingerprint.
pub type Feature = u64;

/// Builds a fingerprint from a tag and text pieces. Pieces are not a byte stream: `("a", "bc")` and
/// `("ab", "c")` may differ, so a feature must always be fed the same way.
#[derive(Default)]
pub struct FeatureHasher(rustc_hash::FxHasher);

impl FeatureHasher {
    /// A hasher for a feature of kind `tag`.
    pub fn new(tag: u8) -> FeatureHasher {
        let mut h = FeatureHasher::default();
        h.0.write_u8(tag);
        h
    }

    /// Feeds text.
    pub fn str(&mut self, s: &str) -> &mut FeatureHasher {
        self.bytes(s.as_bytes())
    }

    /// Feeds text given as bytes (the same as [`FeatureHasher::str`] of that text).
    pub fn bytes(&mut self, b: &[u8]) -> &mut FeatureHasher {
        self.0.write(b);
        self
    }

    /// Feeds a number.
    pub fn num(&mut self, n: usize) -> &mut FeatureHasher {
        self.0.write_usize(n);
        self
    }

    /// Feeds another fingerprint (a feature of a feature: "this section holds that link").
    pub fn feature(&mut self, f: Feature) -> &mut FeatureHasher {
        self.0.write_u64(f);
        self
    }

    /// The fingerprint.
    pub fn finish(&self) -> Feature {
        self.0.finish()
    }
}

/// The fingerprint of `text` as a feature of kind `tag`.
pub fn feature(tag: u8, text: &str) -> Feature {
    feature_of_bytes(tag, text.as_bytes())
}

/// [`feature`] of text given as bytes (equal to `feature(tag, s)` when `bytes` is `s.as_bytes()`).
pub fn feature_of_bytes(tag: u8, bytes: &[u8]) -> Feature {
    FeatureHasher::new(tag)
        .bytes(bytes)
        .num(bytes.len())
        .finish()
}

/// The next maximal non-empty run of `bytes` at or after `*i` whose bytes all satisfy `keep`;
/// `*i` moves past it. The one stepping loop behind [`word_runs`] and [`digit_runs`].
fn next_run<'a>(bytes: &'a [u8], i: &mut usize, keep: impl Fn(u8) -> bool) -> Option<&'a [u8]> {
    while bytes.get(*i).is_some_and(|&b| !keep(b)) {
        *i += 1;
    }
    let start = *i;
    while bytes.get(*i).is_some_and(|&b| keep(b)) {
        *i += 1;
    }
    (*i > start).then(|| &bytes[start..*i])
}

/// The maximal non-empty runs of `bytes` whose bytes all satisfy `keep`, in order: what
/// `bytes.split(|b| !keep(*b)).filter(|r| !r.is_empty())` gives (a test holds it to that),
/// without an empty slice for every separator. The reference the specialized runs are tested
/// against.
#[cfg(test)]
pub fn runs(bytes: &[u8], keep: impl Fn(u8) -> bool) -> impl Iterator<Item = &[u8]> {
    let mut i = 0;
    std::iter::from_fn(move || next_run(bytes, &mut i, &keep))
}

/// Which bytes are ASCII letters, digits or `_` (a code token's bytes), as a table: one load per
/// byte instead of three range tests.
const WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// The maximal runs of ASCII letters, digits and `_`: the tokens of code.
pub fn word_runs(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut i = 0;
    std::iter::from_fn(move || next_run(bytes, &mut i, |b| WORD_BYTE[usize::from(b)]))
}

/// The maximal runs of ASCII digits. Prose has few digits, so 16-byte blocks without one are
/// skipped whole (the block test has no early exit, so it compiles to vector code).
pub fn digit_runs(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some(block) = bytes.get(i..i + 16) {
            if block.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
                break;
            }
            i += 16;
        }
        next_run(bytes, &mut i, |b| b.is_ascii_digit())
    })
}

/// `s.trim()`, with the ASCII whitespace around it (code indentation, nearly all of it) skipped
/// byte by byte; `str::trim` decodes and classifies every char (issue 8).
pub fn trim(s: &str) -> &str {
    // The ASCII chars `char::is_whitespace` accepts.
    let ws = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let b = s.as_bytes();
    let start = b.iter().take_while(|c| ws(c)).count();
    let end = b.len() - b[start..].iter().rev().take_while(|c| ws(c)).count();
    // Both ends are ASCII bytes, so char boundaries.
    let mid = s.get(start..end).unwrap_or("");
    let non_ascii = |c: Option<&u8>| c.is_some_and(|c| !c.is_ascii());
    if non_ascii(mid.as_bytes().first()) || non_ascii(mid.as_bytes().last()) {
        // A non-ASCII char at an end may be Unicode whitespace.
        mid.trim()
    } else {
        mid
    }
}

/// The fingerprint of `text` with every `{UPPER_CASE}` placeholder read as `{}`, so renamed
/// placeholders do not hide an otherwise equal token. Texts without a brace (nearly all) are hashed
/// as they are, without building the normalized copy.
pub fn feature_placeholders_normalized(tag: u8, text: &str) -> Feature {
    if memchr::memchr(b'{', text.as_bytes()).is_some() {
        feature(
            tag,
            &crate::rules::parity::align::normalize_placeholders(text),
        )
    } else {
        feature(tag, text)
    }
}

/// Sorts and returns features (the aligners compare sorted multisets).
pub fn sorted(mut feats: Vec<Feature>) -> Vec<Feature> {
    feats.sort_unstable();
    feats
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::parity::align::normalize_placeholders;

    proptest::proptest! {
        #[test]
        fn word_runs_are_runs_of_word_bytes(s in "[a-zA-Z0-9_ .:/\x22{}é-]{0,30}") {
            let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            let want: Vec<&[u8]> = runs(s.as_bytes(), keep).collect();
            proptest::prop_assert_eq!(word_runs(s.as_bytes()).collect::<Vec<_>>(), want);
        }

        #[test]
        fn digit_runs_are_runs_of_digits(s in "([a-z ]{0,20}[0-9]{0,3}){0,6}") {
            let want: Vec<&[u8]> = runs(s.as_bytes(), |b| b.is_ascii_digit()).collect();
            proptest::prop_assert_eq!(digit_runs(s.as_bytes()).collect::<Vec<_>>(), want);
        }

        #[test]
        fn trim_is_str_trim(s in "[a \t\n\r\u{b}\u{c}\u{85}\u{a0}\u{3000}é]{0,12}") {
            proptest::prop_assert_eq!(trim(&s), s.trim());
        }

        #[test]
        fn runs_are_the_non_empty_pieces_of_split(s in "[a1_ .9-]{0,30}") {
            let keep = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
            let want: Vec<&[u8]> = s.as_bytes().split(|b| !keep(*b)).filter(|r| !r.is_empty()).collect();
            proptest::prop_assert_eq!(runs(s.as_bytes(), keep).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn normalized_fingerprint_equals_fingerprint_of_normalized_text() {
        for s in [
            "",
            "{",
            "plain",
            "{ID}",
            "GET /connections/{CONNECTION_ID}?x={Y_2}",
            "{lower} {A} {A b} {} {ABC",
            "é{X}é",
            "{{X}}",
        ] {
            assert_eq!(
                feature_placeholders_normalized(b'k', s),
                feature(b'k', &normalize_placeholders(s)),
                "{s}"
            );
        }
    }

    #[test]
    fn tags_and_texts_separate_features() {
        assert_ne!(feature(b'c', "x"), feature(b'u', "x"));
        assert_ne!(feature(b'c', "x"), feature(b'c', "y"));
        assert_eq!(feature(b'c', "x"), feature(b'c', "x"));
    }
}
