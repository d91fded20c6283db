//! Tests of the alignment primitives.
use super::*;

fn unit(class: Class, feats: &[&str]) -> Unit {
    let f = feats
        .iter()
        .map(|s| crate::feature::feature(b'x', s))
        .collect();
    Unit {
        class,
        key: None,
        hard: None,
        feats: crate::feature::sorted(f),
    }
}

#[test]
fn inserted_section_shifts_nothing() {
    let src = vec![
        unit(Class::Heading(2), &[]),
        unit(Class::Paragraph, &["u:a"]),
        unit(Class::Code, &["curl", "x", "y"]),
        unit(Class::Heading(2), &[]),
        unit(Class::Paragraph, &["u:new"]),
        unit(Class::Code, &["curl", "new", "z"]),
        unit(Class::Heading(2), &[]),
        unit(Class::Paragraph, &["u:b"]),
        unit(Class::Code, &["curl", "p", "q"]),
    ];
    let tr = vec![
        unit(Class::Heading(2), &[]),
        unit(Class::Paragraph, &["u:a"]),
        unit(Class::Code, &["curl", "x", "y"]),
        unit(Class::Heading(2), &[]),
        unit(Class::Paragraph, &["u:b"]),
        unit(Class::Code, &["curl", "p", "q"]),
    ];
    let a = align_units(&src, &tr);
    let pairs: Vec<_> = a.pairs.iter().map(|p| (p.src, p.tr)).collect();
    assert!(pairs.contains(&(7, 4)), "{pairs:?}");
    assert!(pairs.contains(&(8, 5)), "{pairs:?}");
    assert!(a.src_only.contains(&4) && a.src_only.contains(&5), "{a:?}");
    assert!(a.tr_only.is_empty(), "{a:?}");
}

#[test]
fn a_changed_link_in_place_is_kept_but_a_guess_is_not() {
    let src = vec![
        unit(Class::Paragraph, &["d:X"]),
        unit(Class::Paragraph, &["u:a"]),
        unit(Class::Paragraph, &["d:Y"]),
    ];
    let tr = vec![
        unit(Class::Paragraph, &["d:X"]),
        unit(Class::Paragraph, &["u:changed"]),
        unit(Class::Paragraph, &["d:Y"]),
    ];
    assert_eq!(align_units(&src, &tr).pairs.len(), 3);
    // The translation drops a paragraph and adds another elsewhere: no guessing.
    let tr = vec![
        unit(Class::Paragraph, &["d:X"]),
        unit(Class::Paragraph, &["d:Y"]),
        unit(Class::Paragraph, &["u:other"]),
        unit(Class::Paragraph, &["u:more"]),
    ];
    let a = align_units(&src, &tr);
    assert!(a.pairs.iter().all(|p| p.sim > 0.0), "{a:?}");
    assert_eq!(a.src_only, vec![1]);
}

#[test]
fn keyed_rows_fill_equal_gaps() {
    fn k<'a>(s: &[Option<&'a str>]) -> Vec<Option<&'a str>> {
        s.to_vec()
    }
    let a = align_keyed(
        &k(&[Some("a"), Some("b"), Some("c")]),
        &k(&[Some("a"), Some("B"), Some("c")]),
    );
    assert_eq!(a.pairs, vec![(0, 0), (1, 1), (2, 2)]);
    let a = align_keyed(
        &k(&[Some("a"), Some("b"), Some("c")]),
        &k(&[Some("a"), Some("c")]),
    );
    assert_eq!(a.pairs, vec![(0, 0), (2, 1)]);
    assert_eq!(a.src_only, vec![1]);
    let a = align_keyed(&k(&[Some("a"), Some("b")]), &k(&[None, None]));
    assert_eq!(a.pairs, vec![(0, 0), (1, 1)]);
}

#[test]
fn items_match_out_of_order_then_restore_equal_leftovers() {
    // Reordered terms are not touched.
    let m = match_items(&["HubSpot", "Flow Service"], &["Flow Service", "HubSpot"]);
    assert!(m.restore.is_empty() && m.src_only.is_empty() && m.tr_only.is_empty());
    // Two changed terms, reordered: paired by similarity.
    let m = match_items(&["HubSpot", "Flow Service"], &["Flow Servixe", "HubSpxt"]);
    assert_eq!(m.restore, vec![(1, 0), (0, 1)]);
    // Different counts: reported.
    let m = match_items(&["a", "b"], &["a", "c", "d"]);
    assert!(m.restore.is_empty());
    assert_eq!(m.src_only, vec![1]);
    assert_eq!(m.tr_only, vec![1, 2]);
}

proptest::proptest! {
    /// The mask only skips merges that would find nothing: the score is the one of the plain Dice.
    #[test]
    fn masked_score_is_the_plain_score(
        a in proptest::collection::vec(proptest::num::u64::ANY, 0..12),
        b in proptest::collection::vec(proptest::num::u64::ANY, 0..12),
        shared in proptest::collection::vec(proptest::num::u64::ANY, 0..4),
    ) {
        let mk = |mut f: Vec<u64>| {
            f.extend(&shared);
            Unit { class: Class::Paragraph, key: None, hard: None, feats: crate::feature::sorted(f) }
        };
        let (x, y) = (mk(a), mk(b));
        let plain = score_with(&x, &y, dice(&x.feats, &y.feats));
        let masked = score_masked(&x, feature_mask(&x), &y, feature_mask(&y));
        proptest::prop_assert_eq!(masked.map(f64::to_bits), plain.map(f64::to_bits));
    }
}
