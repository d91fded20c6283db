//! Sequence alignment for `sync`: which block, row or inline item of a translation stands for which
//! one of its source page.
//!
//! Three tools, all plain dynamic programming over short sequences (a page has tens of blocks):
//! [`align_units`] (Needleman–Wunsch over typed units scored by language-neutral content),
//! [`align_keyed`] (LCS over keys, then equal-sized gaps paired by position) and [`match_items`]
//! (the same anchors, then order-free exact matches, then equal-count leftovers paired).

use std::cmp::Ordering;

use crate::feature::Feature;

/// What kind of thing a unit is; only units of the same class can be aligned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Class {
    /// A heading of this level.
    Heading(u8),
    /// A paragraph.
    Paragraph,
    /// A list (ordered or not).
    List(bool),
    /// A table.
    Table,
    /// A code block.
    Code,
    /// An alert of this kind (`NOTE`, …).
    Alert(&'static str),
    /// A plain block quote.
    Quote,
    /// Raw HTML.
    Html,
    /// A thematic break.
    Rule,
}

impl Class {
    /// The name used in reports.
    pub fn name(&self) -> &'static str {
        match self {
            Class::Heading(_) => "heading",
            Class::Paragraph => "paragraph",
            Class::List(_) => "list",
            Class::Table => "table",
            Class::Code => "code",
            Class::Alert(_) => "alert",
            Class::Quote => "quote",
            Class::Html => "html",
            Class::Rule => "rule",
        }
    }
}

/// An alignable unit: its class, a strong key (heading anchor, code language) and the multiset of
/// language-neutral features (code spans, link targets, DNL terms, numbers, code tokens…), sorted.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Class.
    pub class: Class,
    /// Anchor of a heading, language of a code block.
    pub key: Option<String>,
    /// A key that must agree when both sides have one (the HTTP method of a request example).
    pub hard: Option<String>,
    /// Sorted feature fingerprints.
    pub feats: Vec<Feature>,
}

/// How many elements two sorted multisets share (one merge pass). Branch-free steps: the
/// elements are hashes, so which side advances is a coin toss a branch predictor always loses.
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        common += usize::from(x == y);
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    common
}

/// Dice similarity of two sorted multisets, in `[0, 1]` (0 when either is empty).
pub fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    (2 * common(a, b)) as f64 / (a.len() + b.len()) as f64
}

/// Content similarity under which a pair is only kept when it sits between two aligned neighbours.
const CONFIDENT: f64 = 0.5;

/// Longest stretch (blocks on one side between two strong pairs) in which a block that is the only
/// one of its kind on both sides is still paired without shared content.
const SHORT: usize = 4;

/// What scoring needs of a unit, as numbers: two units' classes (keys, hard keys) are equal exactly
/// when their numbers are, so the DP compares integers, not enums and strings (issue 8).
#[derive(Clone, Copy, Debug)]
struct Sig {
    class: u32,
    /// 0 for no key.
    key: u32,
    /// 0 for no hard key.
    hard: u32,
    /// One bit per feature, chosen by its top six bits: two units whose masks share no bit share
    /// no feature, so their [`dice`] is 0 without a merge.
    mask: u64,
    heading: bool,
}

/// The [`Sig`]s of both sides, numbered together.
fn signatures(src: &[Unit], tr: &[Unit]) -> (Vec<Sig>, Vec<Sig>) {
    fn number<T: PartialEq + Clone>(seen: &mut Vec<T>, x: &T) -> u32 {
        let k = seen.iter().position(|c| c == x).unwrap_or_else(|| {
            seen.push(x.clone());
            seen.len() - 1
        });
        k as u32 + 1
    }
    let (mut classes, mut keys, mut hards) = (Vec::new(), Vec::new(), Vec::new());
    let mut sig = |u: &Unit| Sig {
        class: number(&mut classes, &u.class),
        key: u.key.as_ref().map_or(0, |k| number(&mut keys, k)),
        hard: u.hard.as_ref().map_or(0, |k| number(&mut hards, k)),
        mask: u.feats.iter().fold(0, |m, f| m | 1 << (f >> 58)),
        heading: matches!(u.class, Class::Heading(_)),
    };
    let a = src.iter().map(&mut sig).collect();
    let b = tr.iter().map(&mut sig).collect();
    (a, b)
}

/// The score of pairing two units (by their signatures and features), `None` when they cannot
/// pair: same class, no conflicting hard key; then heading weight, key agreement and shared
/// content.
fn score_sig(a: &Sig, af: &[Feature], b: &Sig, bf: &[Feature]) -> Option<f64> {
    if a.class != b.class || (a.hard != 0 && b.hard != 0 && a.hard != b.hard) {
        return None;
    }
    let sim = if a.mask & b.mask == 0 {
        0.0
    } else {
        dice(af, bf)
    };
    let key = match (a.key, b.key) {
        (0, 0) => 0.0,
        (0, _) | (_, 0) => -0.25,
        (x, y) if x == y => 2.0,
        _ => -0.5,
    };
    // Headings are the page's skeleton: they outweigh a paragraph.
    let mut base = if a.heading { 2.0 } else { 1.0 };
    // Content on either side and none in common: only a positional guess, weakly preferred.
    if sim == 0.0 && !(af.is_empty() && bf.is_empty()) {
        base *= 0.3;
    }
    Some((base + key + 3.0 * sim).max(0.05))
}

/// One aligned pair of a unit alignment, with how sure the alignment is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pair {
    /// Source index.
    pub src: usize,
    /// Translation index.
    pub tr: usize,
    /// Content similarity (Dice of the features).
    pub sim: f64,
}

/// Result of [`align_units`].
#[derive(Clone, Debug, Default)]
pub struct UnitAlignment {
    /// Aligned pairs, in order.
    pub pairs: Vec<Pair>,
    /// Source units with no counterpart.
    pub src_only: Vec<usize>,
    /// Translation units with no counterpart.
    pub tr_only: Vec<usize>,
    /// Pairs the DP proposed but rejected as guesses (shared no content and were not held in place
    /// by aligned neighbours): `(src, tr)`.
    pub rejected: Vec<(usize, usize)>,
}

/// Needleman–Wunsch alignment (gaps cost nothing, matches score by class, key and content), then
/// a confidence filter: a pair is kept when its content is similar or its keys agree (strong), when
/// both units are featureless (nothing to sync), or when it lies in a stretch between strong pairs
/// where both sides have the same number of blocks, all paired in order, or (in a short stretch)
/// where each is the only block of its kind. O(n·m).
pub fn align_units(src: &[Unit], tr: &[Unit]) -> UnitAlignment {
    let (n, m) = (src.len(), tr.len());
    let (src_sig, tr_sig) = signatures(src, tr);
    let score =
        |i: usize, j: usize| score_sig(&src_sig[i], &src[i].feats, &tr_sig[j], &tr[j].feats);
    // best[i * w + j]: best score aligning src[i..] with tr[j..].
    let w = m + 1;
    let mut best = vec![0.0f64; (n + 1) * w];
    // Row by row over slices whose lengths the compiler knows, so the hot loop has no bounds
    // checks; scores are never NaN, so a plain comparison is the maximum (issue 8).
    let (tr_sig, tr_units) = (&tr_sig[..m], &tr[..m]);
    let max = |x: f64, y: f64| if x >= y { x } else { y };
    for i in (0..n).rev() {
        let (a, af) = (&src_sig[i], &src[i].feats);
        let (row, below) = best[i * w..].split_at_mut(w);
        let (row, below) = (&mut row[..w], &below[..w]);
        let mut right = 0.0f64; // row[j + 1]
        for j in (0..m).rev() {
            let mut b = max(below[j], right);
            // Most pairs are of different classes: tested here, so the hot loop makes no call for
            // them (through `score` the compiler does not inline it: 2 % more instructions).
            if a.class == tr_sig[j].class {
                if let Some(s) = score_sig(a, af, &tr_sig[j], &tr_units[j].feats) {
                    b = max(b, s + below[j + 1]);
                }
            }
            row[j] = b;
            right = b;
        }
    }
    let mut raw = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut out = UnitAlignment::default();
    while i < n && j < m {
        let here = best[i * w + j];
        let diag = score(i, j).map(|s| s + best[(i + 1) * w + j + 1]);
        if diag.is_some_and(|d| (d - here).abs() < 1e-9) {
            raw.push((i, j));
            i += 1;
            j += 1;
        } else if (best[(i + 1) * w + j] - here).abs() < 1e-9 {
            out.src_only.push(i);
            i += 1;
        } else {
            out.tr_only.push(j);
            j += 1;
        }
    }
    out.src_only.extend(i..n);
    out.tr_only.extend(j..m);
    // Strong pairs share content (or an anchor); the others are positional guesses, kept only when
    // they are harmless (nothing to sync) or sit in a stretch between two strong pairs (or the page
    // ends) where both sides have the same blocks one to one (the structure did not drift there),
    // or where each is the only block of its kind on its side.
    let strong: Vec<bool> = raw
        .iter()
        .map(|&(i, j)| {
            let (a, b) = (&src[i], &tr[j]);
            let keys_agree = a.key.is_some() && a.key == b.key && a.class != Class::Code;
            keys_agree || dice(&a.feats, &b.feats) >= CONFIDENT
        })
        .collect();
    let mut k = 0;
    while k < raw.len() {
        if strong[k] {
            let (i, j) = raw[k];
            let sim = dice(&src[i].feats, &tr[j].feats);
            out.pairs.push(Pair { src: i, tr: j, sim });
            k += 1;
            continue;
        }
        // The stretch of weak pairs raw[k..e] between strong neighbours (or the page ends).
        let e = (k..raw.len()).find(|&x| strong[x]).unwrap_or(raw.len());
        let (ps, pt) = if k == 0 {
            (None, None)
        } else {
            (Some(raw[k - 1].0), Some(raw[k - 1].1))
        };
        let (ns, nt) = raw.get(e).map_or((n, m), |&(a, b)| (a, b));
        let gap_s = ns - ps.map_or(0, |x| x + 1);
        let gap_t = nt - pt.map_or(0, |x| x + 1);
        let diagonal = gap_s == e - k && gap_t == e - k;
        let (s0, t0) = (ps.map_or(0, |x| x + 1), pt.map_or(0, |x| x + 1));
        let count = |units: &[Unit], from: usize, to: usize, c: &Class| {
            units
                .get(from..to)
                .map_or(0, |u| u.iter().filter(|x| x.class == *c).count())
        };
        for &(i, j) in &raw[k..e] {
            let (a, b) = (&src[i], &tr[j]);
            let sim = dice(&a.feats, &b.feats);
            let featureless = a.feats.is_empty() && b.feats.is_empty();
            // The only block of its kind on both sides of a short stretch: no other candidate.
            let unique = gap_s <= SHORT
                && gap_t <= SHORT
                && count(src, s0, ns, &a.class) == 1
                && count(tr, t0, nt, &b.class) == 1;
            if featureless || diagonal || unique {
                out.pairs.push(Pair { src: i, tr: j, sim });
            } else {
                out.rejected.push((i, j));
                out.src_only.push(i);
                out.tr_only.push(j);
            }
        }
        k = e;
    }
    out.src_only.sort_unstable();
    out.tr_only.sort_unstable();
    out
}

/// Longest common subsequence of two key sequences (`None` never matches): index pairs in order.
fn lcs<T: PartialEq>(a: &[Option<T>], b: &[Option<T>]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut len = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            len[i][j] = match (&a[i], &b[j]) {
                (Some(x), Some(y)) if x == y => len[i + 1][j + 1] + 1,
                _ => len[i + 1][j].max(len[i][j + 1]),
            };
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        match (&a[i], &b[j]) {
            (Some(x), Some(y)) if x == y && len[i][j] == len[i + 1][j + 1] + 1 => {
                out.push((i, j));
                i += 1;
                j += 1;
            }
            _ if len[i + 1][j] >= len[i][j + 1] => i += 1,
            _ => j += 1,
        }
    }
    out
}

/// Result of [`align_keyed`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KeyedAlignment {
    /// `(src, tr)` pairs in order.
    pub pairs: Vec<(usize, usize)>,
    /// Source indexes left over.
    pub src_only: Vec<usize>,
    /// Translation indexes left over.
    pub tr_only: Vec<usize>,
}

/// Aligns two sequences by their keys (LCS of equal keys), then pairs the items of every gap
/// between two anchors by position when both sides of the gap have the same length. Used for table
/// rows (key: the first cell's code).
pub fn align_keyed<T: PartialEq>(src: &[Option<T>], tr: &[Option<T>]) -> KeyedAlignment {
    let anchors = lcs(src, tr);
    let mut out = KeyedAlignment::default();
    let (mut pi, mut pj) = (0, 0);
    let bounds = anchors
        .iter()
        .copied()
        .chain(std::iter::once((src.len(), tr.len())));
    for (ai, aj) in bounds {
        let (gs, gt) = (ai - pi, aj - pj);
        if gs == gt {
            out.pairs.extend((0..gs).map(|k| (pi + k, pj + k)));
        } else {
            out.src_only.extend(pi..ai);
            out.tr_only.extend(pj..aj);
        }
        if ai < src.len() && aj < tr.len() {
            out.pairs.push((ai, aj));
        }
        pi = ai + 1;
        pj = aj + 1;
    }
    out
}

/// Result of [`match_items`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemMatching {
    /// `(src, tr)` pairs whose values differ: the translation's item takes the source's value.
    pub restore: Vec<(usize, usize)>,
    /// Source items with no counterpart.
    pub src_only: Vec<usize>,
    /// Translation items with no counterpart.
    pub tr_only: Vec<usize>,
}

/// Character-bigram Dice similarity of two strings.
fn string_sim(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    dice(&x, &y)
}

/// Matches the inline items (link targets, DNL terms, code spans) of two aligned blocks.
///
/// Equal values are matched first in order (LCS), then regardless of order (translations reorder
/// words); what is left is restored only when both sides have the same number of leftovers, paired
/// by string similarity and then by order, and (when there are several) each pair has something in
/// common. Otherwise the leftovers are reported, never guessed.
pub fn match_items(src: &[&str], tr: &[&str]) -> ItemMatching {
    let a: Vec<Option<&str>> = src.iter().map(|s| Some(*s)).collect();
    let b: Vec<Option<&str>> = tr.iter().map(|s| Some(*s)).collect();
    let mut used_s = vec![false; src.len()];
    let mut used_t = vec![false; tr.len()];
    for (i, j) in lcs(&a, &b) {
        used_s[i] = true;
        used_t[j] = true;
    }
    for j in 0..tr.len() {
        if used_t[j] {
            continue;
        }
        if let Some(i) = (0..src.len()).find(|&i| !used_s[i] && src[i] == tr[j]) {
            used_s[i] = true;
            used_t[j] = true;
        }
    }
    let left_s: Vec<usize> = (0..src.len()).filter(|&i| !used_s[i]).collect();
    let left_t: Vec<usize> = (0..tr.len()).filter(|&j| !used_t[j]).collect();
    let mut out = ItemMatching::default();
    if left_s.len() != left_t.len() {
        out.src_only = left_s;
        out.tr_only = left_t;
        return out;
    }
    // Greedy by similarity; ties go to the earliest translation item, then the earliest source item,
    // so unrelated values pair by order.
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (tj, &j) in left_t.iter().enumerate() {
        for (si, &i) in left_s.iter().enumerate() {
            cands.push((string_sim(src[i], tr[j]), tj, si));
        }
    }
    cands.sort_by(|x, y| {
        y.0.partial_cmp(&x.0)
            .unwrap_or(Ordering::Equal)
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
    });
    let mut taken_s = vec![false; left_s.len()];
    let mut taken_t = vec![false; left_t.len()];
    let mut unrelated = false;
    for (sim, tj, si) in cands {
        if taken_t[tj] || taken_s[si] {
            continue;
        }
        taken_t[tj] = true;
        taken_s[si] = true;
        unrelated |= sim == 0.0;
        if let (Some(&i), Some(&j)) = (left_s.get(si), left_t.get(tj)) {
            out.restore.push((i, j));
        }
    }
    // One substitution is safe to undo; several where some share nothing at all is a guess.
    if unrelated && out.restore.len() > 1 {
        out.restore.clear();
        out.src_only = left_s;
        out.tr_only = left_t;
        return out;
    }
    out.restore.sort_by_key(|p| p.1);
    out
}

#[cfg(test)]
#[path = "align_tests.rs"]
mod tests;
