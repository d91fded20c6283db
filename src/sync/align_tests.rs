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

/// The score as first written, on whole units: the oracle of [`score_sig`].
fn score(a: &Unit, b: &Unit) -> Option<f64> {
    if a.class != b.class {
        return None;
    }
    if let (Some(x), Some(y)) = (&a.hard, &b.hard) {
        if x != y {
            return None;
        }
    }
    let sim = dice(&a.feats, &b.feats);
    let key = match (&a.key, &b.key) {
        (Some(x), Some(y)) if x == y => 2.0,
        (Some(_), Some(_)) => -0.5,
        (None, None) => 0.0,
        _ => -0.25,
    };
    let mut base = if matches!(a.class, Class::Heading(_)) {
        2.0
    } else {
        1.0
    };
    if sim == 0.0 && !(a.feats.is_empty() && b.feats.is_empty()) {
        base *= 0.3;
    }
    Some((base + key + 3.0 * sim).max(0.05))
}

fn arb_unit() -> impl proptest::strategy::Strategy<Value = Unit> {
    use proptest::prelude::*;
    let class = prop_oneof![
        Just(Class::Paragraph),
        Just(Class::Heading(2)),
        Just(Class::Heading(3)),
        Just(Class::Alert("NOTE")),
        Just(Class::Alert("TIP")),
        Just(Class::Code),
    ];
    let word = || proptest::option::of(prop_oneof![Just("a".to_string()), Just("b".to_string())]);
    (
        class,
        word(),
        word(),
        proptest::collection::vec(0u64..6, 0..5),
        proptest::collection::vec(proptest::num::u64::ANY, 0..6),
    )
        .prop_map(|(class, key, hard, shared, own)| {
            // Small numbers spread over the top bits, shared between units; large ones rarely are.
            let mut feats: Vec<u64> = shared.iter().map(|x| x.rotate_right(7)).collect();
            feats.extend(own);
            Unit {
                class,
                key,
                hard,
                feats: crate::feature::sorted(feats),
            }
        })
}

proptest::proptest! {
    /// The merge counts what a multiset intersection holds.
    #[test]
    fn common_is_the_multiset_intersection(
        a in proptest::collection::vec(0u8..8, 0..12),
        b in proptest::collection::vec(0u8..8, 0..12),
    ) {
        let (a, b) = (crate::feature::sorted(a.into_iter().map(u64::from).collect()),
            crate::feature::sorted(b.into_iter().map(u64::from).collect()));
        let want: usize = (0..8u64)
            .map(|v| a.iter().filter(|&&x| x == v).count().min(b.iter().filter(|&&x| x == v).count()))
            .sum();
        proptest::prop_assert_eq!(common(&a, &b), want);
    }

    /// Signatures and masks only change how the score is computed, not what it is.
    #[test]
    fn signature_score_is_the_unit_score(
        src in proptest::collection::vec(arb_unit(), 1..5),
        tr in proptest::collection::vec(arb_unit(), 1..5),
    ) {
        let (ss, ts) = signatures(&src, &tr);
        for (i, a) in src.iter().enumerate() {
            for (j, b) in tr.iter().enumerate() {
                let want = score(a, b).map(f64::to_bits);
                let got = score_sig(&ss[i], &a.feats, &ts[j], &b.feats).map(f64::to_bits);
                proptest::prop_assert_eq!(got, want);
            }
        }
    }
}
