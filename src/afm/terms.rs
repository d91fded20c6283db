//! `[!DNL …]` and `[!UICONTROL …]` terms found by a hand-written scan.
//!
//! The scan is the pattern `\[!(DNL|UICONTROL)\s+([^\]\n]*)\]` without the regex
//! engine's capture machinery, which cost more than the rest of the term collection on every page
//! (issue 8). The property test below holds the two to the same matches.

use std::ops::Range;

/// One term occurrence, in byte offsets of the scanned text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermMatch {
    /// `[!DNL x]` whole.
    pub whole: Range<usize>,
    /// `DNL` (else `UICONTROL`).
    pub dnl: bool,
    /// The term text (untrimmed), regex group 2.
    pub text: Range<usize>,
}

/// The non-overlapping term occurrences of `s`, left to right.
pub fn term_matches(s: &str) -> impl Iterator<Item = TermMatch> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        // `[` by memchr, then the `!`: `str::find("[!")` sets up a two-way searcher per call.
        let b = s.as_bytes();
        while let Some(p) = memchr::memchr_iter(b'[', b.get(from..).unwrap_or(&[]))
            .map(|k| from + k)
            .find(|&k| b.get(k + 1) == Some(&b'!'))
        {
            from = p + 1;
            if let Some(m) = term_at(s, p) {
                from = m.whole.end;
                return Some(m);
            }
        }
        from = s.len();
        None
    })
}

/// The term starting at `p` (where `[!` is), if one does.
fn term_at(s: &str, p: usize) -> Option<TermMatch> {
    let rest = s.get(p + 2..)?;
    let (dnl, kw) = if rest.starts_with("DNL") {
        (true, 3)
    } else if rest.starts_with("UICONTROL") {
        (false, 9)
    } else {
        return None;
    };
    let after = rest.get(kw..)?;
    let ws: usize = after
        .chars()
        .take_while(|c| c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    if ws == 0 {
        return None;
    }
    // `\s+` is greedy and group 2 cannot cross a newline, so giving whitespace back never helps.
    let text_start = p + 2 + kw + ws;
    let tail = s.get(text_start..)?.as_bytes();
    let stop = memchr::memchr2(b']', b'\n', tail)?;
    if tail.get(stop) != Some(&b']') {
        return None;
    }
    Some(TermMatch {
        whole: p..text_start + stop + 1,
        dnl,
        text: text_start..text_start + stop,
    })
}

/// `s` with every term replaced by its text (`[!DNL x]` → `x`).
pub fn strip_terms(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for m in term_matches(s) {
        out.push_str(s.get(copied..m.whole.start).unwrap_or(""));
        out.push_str(s.get(m.text.clone()).unwrap_or(""));
        copied = m.whole.end;
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;
    use std::sync::LazyLock;

    /// The pattern the scan implements: group 1 the marker, group 2 the term.
    static TERM_RE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[!(DNL|UICONTROL)\s+([^\]\n]*)\]").unwrap());

    fn by_regex(s: &str) -> Vec<TermMatch> {
        TERM_RE
            .captures_iter(s)
            .filter_map(|c| {
                Some(TermMatch {
                    whole: c.get(0)?.range(),
                    dnl: c.get(1)?.as_str() == "DNL",
                    text: c.get(2)?.range(),
                })
            })
            .collect()
    }

    #[test]
    fn examples_match_the_pattern() {
        for s in [
            "",
            "[!DNL Adobe] and [!UICONTROL Save]",
            "[!DNL] [!DNLx] [!DNL\n x] [!DNL a\nb] [!UICONTROL  ]",
            "[![!DNL y]] [!DNL é\u{3000}] [!DNL\u{3000}z]",
            "[!DNL unterminated",
        ] {
            assert_eq!(term_matches(s).collect::<Vec<_>>(), by_regex(s), "{s:?}");
            assert_eq!(strip_terms(s), TERM_RE.replace_all(s, "$2"));
        }
    }

    proptest! {
        #[test]
        fn scan_equals_regex(parts in proptest::collection::vec(
            prop::sample::select(vec!["[", "!", "[!", "DNL", "UICONTROL", " ", "\n", "\t", "]", "x", "é", "\u{3000}"]),
            0..40,
        )) {
            let s = parts.concat();
            prop_assert_eq!(term_matches(&s).collect::<Vec<_>>(), by_regex(&s));
            prop_assert_eq!(strip_terms(&s), TERM_RE.replace_all(&s, "$2").into_owned());
        }
    }
}
