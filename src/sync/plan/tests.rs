//! Unit tests of the planner on small pages (source in `en/`, translation in `fr/`).

use std::path::Path;

use crate::afm::Document;
use crate::diag::Edit;
use crate::fix::apply_edits;
use crate::sync::{edit_is_allowed, plan_pair, ChangeKind, PairPlan, SyncOptions};

fn doc(path: &str, s: &str) -> Document {
    crate::engine::load_page(Path::new(path), s.to_string()).doc
}

/// Syncs `tr` from `src`; checks every edit is allowed and a second sync changes nothing.
fn sync_with(src: &str, tr: &str, opts: SyncOptions) -> (String, PairPlan) {
    let s = doc("en/a.md", src);
    let t = doc("fr/a.md", tr);
    let plan = plan_pair(&s, &t, &opts);
    for e in &plan.edits {
        assert!(edit_is_allowed(&t, e, &opts), "{e:?}");
    }
    let edits: Vec<Edit> = plan.edits.iter().map(|e| e.edit.clone()).collect();
    let out = apply_edits(&t.text, &edits);
    let again = plan_pair(&s, &doc("fr/a.md", &out), &opts);
    assert!(again.edits.is_empty(), "not idempotent: {:?}", again.edits);
    (out, plan)
}

fn sync(src: &str, tr: &str) -> (String, PairPlan) {
    sync_with(src, tr, SyncOptions::default())
}

fn kinds(p: &PairPlan) -> Vec<ChangeKind> {
    p.edits.iter().map(|e| e.kind).collect()
}

#[test]
fn code_block_and_info_string_take_the_source_text() {
    let src = "# T\n\nRun it:\n\n```shell\ncurl -X GET \\\n  -H 'x-gw-ims-org-id: {IMS_ORG}' \\\n  'https://a.example/x'\n```\n";
    let tr = "# T\n\nLancez-le :\n\n```bash\ncurl -X GET \\\n  -H 'x-gw-ims-org-id: {ORG_ID}' \\\n  'https://a.example/x'\n```\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "# T\n\nLancez-le :\n\n```shell\ncurl -X GET \\\n  -H 'x-gw-ims-org-id: {IMS_ORG}' \\\n  'https://a.example/x'\n```\n"
    );
    assert_eq!(kinds(&p), vec![ChangeKind::CodeInfo, ChangeKind::Code]);
    // Only the changed line is replaced.
    assert_eq!(
        p.edits[1].edit.replacement,
        "  -H 'x-gw-ims-org-id: {IMS_ORG}' \\\n"
    );
}

#[test]
fn nested_code_keeps_the_translation_indentation() {
    let src = "1. Send:\n\n   ```shell\n   curl -X GET 'https://a.example/new'\n   ```\n";
    let tr = "1. Envoyez :\n\n   ```shell\n   curl -X GET 'https://a.example/old'\n   ```\n";
    let (out, _) = sync(src, tr);
    assert_eq!(
        out,
        "1. Envoyez :\n\n   ```shell\n   curl -X GET 'https://a.example/new'\n   ```\n"
    );
}

#[test]
fn link_and_image_targets_follow_but_link_text_does_not() {
    let src = "See [the guide](https://a.example/new) and ![shot](img/new.png).\n";
    let tr = "Voir [le guide](https://a.example/old) et ![capture](img/old.png).\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "Voir [le guide](https://a.example/new) et ![capture](img/new.png).\n"
    );
    assert_eq!(kinds(&p), vec![ChangeKind::Link, ChangeKind::Image]);
}

#[test]
fn dnl_terms_are_restored_uicontrol_and_reordering_are_left_alone() {
    let src = "Use [!DNL Flow Service] with [!DNL HubSpot], then [!UICONTROL Save].\n";
    // Reordered terms and a translated UI label: nothing to do.
    let tr = "Avec [!DNL HubSpot], utilisez [!DNL Flow Service], puis [!UICONTROL Enregistrer].\n";
    let (out, p) = sync(src, tr);
    assert_eq!(out, tr);
    assert!(p.edits.is_empty() && p.unaligned.is_empty(), "{p:?}");
    // A translated term is restored.
    let tr =
        "Avec [!DNL HubSpot], utilisez [!DNL Service de flux], puis [!UICONTROL Enregistrer].\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "Avec [!DNL HubSpot], utilisez [!DNL Flow Service], puis [!UICONTROL Enregistrer].\n"
    );
    assert_eq!(kinds(&p), vec![ChangeKind::Dnl]);
}

#[test]
fn different_counts_are_reported_not_guessed() {
    let src = "Use [!DNL A] and [!DNL B] with `x` and `y`.\n";
    let tr = "Utilisez [!DNL A], [!DNL C] et [!DNL D] avec `z`.\n";
    let (out, p) = sync(src, tr);
    assert_eq!(out, tr);
    let k: Vec<&str> = p.unaligned.iter().map(|u| u.kind).collect();
    assert_eq!(k, vec!["code-span", "dnl"], "{p:?}");
    assert!(p.unaligned[1].reason.contains("`B`"), "{p:?}");
}

#[test]
fn several_unrelated_leftovers_are_not_paired() {
    let src = "Connect [!DNL Experience Platform] to [!DNL Amazon] S3.\n";
    let tr = "Connectez [!DNL Amazon S3] (« [!DNL S3] »).\n";
    let (out, p) = sync(src, tr);
    assert_eq!(out, tr);
    assert_eq!(p.unaligned.len(), 1, "{p:?}");
}

#[test]
fn code_spans_take_the_source_code_even_with_other_backticks() {
    let src = "Call `/connections` with ``a`b c``.\n";
    let tr = "Appelez `/connection` avec `ab c`.\n";
    let (out, p) = sync(src, tr);
    assert_eq!(out, "Appelez `/connections` avec ``a`b c``.\n");
    assert_eq!(kinds(&p), vec![ChangeKind::CodeSpan, ChangeKind::CodeSpan]);
}

#[test]
fn heading_anchors_are_replaced_or_added() {
    let src = "## Set up {#set-up}\n\nText.\n\n## Use {#use}\n\nMore.\n";
    let tr = "## Configurer {#configurer}\n\nTexte.\n\n## Utiliser\n\nPlus.\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "## Configurer {#set-up}\n\nTexte.\n\n## Utiliser {#use}\n\nPlus.\n"
    );
    assert_eq!(kinds(&p), vec![ChangeKind::Anchor, ChangeKind::Anchor]);
}

#[test]
fn exl_id_follows_the_source_and_nothing_else_in_front_matter_does() {
    let src = "---\ntitle: T\nexl-id: aaaa-1111\n---\n# T\n";
    let tr = "---\ntitle: Titre\nexl-id: bbbb-2222\nsource-git-commit: 0123abc\n---\n# Titre\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "---\ntitle: Titre\nexl-id: aaaa-1111\nsource-git-commit: 0123abc\n---\n# Titre\n"
    );
    assert_eq!(kinds(&p), vec![ChangeKind::ExlId]);
    let tr = "---\ntitle: Titre\nsource-git-commit: 0123abc\n\n---\n# Titre\n";
    let (out, _) = sync(src, tr);
    assert_eq!(
        out,
        "---\ntitle: Titre\nsource-git-commit: 0123abc\n\nexl-id: aaaa-1111\n---\n# Titre\n"
    );
}

const TABLE_SRC: &str = "| Key | Meaning |\n| --- | --- |\n| `clientId` | The [!DNL Widget] client, e.g. `abc`. |\n| `secret` | The secret. |\n| `region` | The region. |\n";
const TABLE_TR: &str = "| Clé | Sens |\n| --- | --- |\n| `clientId` | Le client [!DNL Widget], p. ex. `abd`. |\n| `scope` | La portée. |\n| `secret` | Le secret. |\n";

#[test]
fn table_rows_align_by_key_and_cells_take_the_source_code() {
    let (out, p) = sync(TABLE_SRC, TABLE_TR);
    assert_eq!(out, TABLE_TR.replace("`abd`", "`abc`"));
    assert_eq!(kinds(&p), vec![ChangeKind::CodeSpan]);
    let rows: Vec<(usize, &str)> = p.unaligned.iter().map(|u| (u.line, u.kind)).collect();
    assert_eq!(rows, vec![(4, "row"), (6, "row")], "{p:?}");
    assert!(p.unaligned[0].reason.contains("`scope`"));
    assert!(p.unaligned[1].reason.contains("`region`"));
}

#[test]
fn insert_missing_and_prune_change_rows() {
    let opts = SyncOptions {
        insert_missing: true,
        prune: true,
    };
    let (out, p) = sync_with(TABLE_SRC, TABLE_TR, opts);
    assert_eq!(
        out,
        "| Clé | Sens |\n| --- | --- |\n| `clientId` | Le client [!DNL Widget], p. ex. `abc`. |\n| `secret` | Le secret. |\n| `region` | The region. <!-- locdoc:untranslated --> |\n"
    );
    assert_eq!(
        kinds(&p),
        vec![
            ChangeKind::CodeSpan,
            ChangeKind::DeleteRow,
            ChangeKind::InsertRow
        ]
    );
    // Without the options, the same edits are refused.
    let t = doc("fr/a.md", TABLE_TR);
    let none = SyncOptions::default();
    assert!(p
        .edits
        .iter()
        .filter(|e| matches!(e.kind, ChangeKind::InsertRow | ChangeKind::DeleteRow))
        .all(|e| !edit_is_allowed(&t, e, &none)));
}

#[test]
fn a_section_added_to_the_source_shifts_nothing() {
    let src = "## One\n\nSee [a](https://a.example/1).\n\n## New\n\nSee [n](https://a.example/new) and `n`.\n\n## Two\n\nSee [b](https://a.example/2) and `b`.\n";
    let tr = "## Un\n\nVoir [a](https://a.example/1).\n\n## Deux\n\nVoir [b](https://a.example/two) et `b`.\n";
    let (out, p) = sync(src, tr);
    assert_eq!(
        out,
        "## Un\n\nVoir [a](https://a.example/1).\n\n## Deux\n\nVoir [b](https://a.example/2) et `b`.\n"
    );
    let un: Vec<(usize, &str)> = p.unaligned.iter().map(|u| (u.line, u.kind)).collect();
    assert_eq!(un, vec![(5, "heading"), (5, "paragraph")], "{p:?}");
}

#[test]
fn lists_with_the_same_items_sync_item_by_item() {
    let src = "* [!DNL Experience Platform] uses [!DNL Platform] services.\n* [!DNL Experience Platform] splits a [!DNL Platform] instance.\n";
    let tr = "* [!DNL Experience Platform] utilise les services [!DNL Experience Platform].\n* [!DNL Experience Platform] divise une instance [!DNL Experience Platform].\n";
    let (out, _) = sync(src, tr);
    assert_eq!(
        out,
        "* [!DNL Experience Platform] utilise les services [!DNL Platform].\n* [!DNL Experience Platform] divise une instance [!DNL Platform].\n"
    );
}

#[test]
fn a_paragraph_in_a_drifted_stretch_is_not_guessed_at() {
    let src = "# T [!DNL X]\n\nSee [a](https://a.example/a).\n\n## End [!DNL Y]\n";
    let tr = "# T [!DNL X]\n\nVoir [z](https://z.example/z).\n\nAutre [y](https://y.example/y).\n\n## Fin [!DNL Y]\n";
    let (out, p) = sync(src, tr);
    assert_eq!(out, tr);
    assert_eq!(p.unaligned.len(), 2, "{p:?}");
}

#[test]
fn the_guard_refuses_an_edit_on_prose() {
    let t = doc("fr/a.md", "Du texte avec [un lien](https://a.example).\n");
    let prose = crate::sync::PlannedEdit {
        edit: Edit {
            range: 0..2,
            replacement: "Le".into(),
        },
        kind: ChangeKind::Link,
        source_span: 0..0,
    };
    assert!(!edit_is_allowed(&t, &prose, &SyncOptions::default()));
    let url = t.links[0].url_span.clone().unwrap();
    let ok = crate::sync::PlannedEdit {
        edit: Edit {
            range: url,
            replacement: "https://b.example".into(),
        },
        ..prose
    };
    assert!(edit_is_allowed(&t, &ok, &SyncOptions::default()));
}

#[test]
fn fix_within_gives_the_edits_of_a_finding_span() {
    let src = "See [a](https://a.example/new) and `x`.\n";
    let tr = "Voir [a](https://a.example/old) et `y`.\n";
    let t = doc("fr/a.md", tr);
    let plan = plan_pair(&doc("en/a.md", src), &t, &SyncOptions::default());
    let url = t.links[0].url_span.clone().unwrap();
    let fix = plan.fix_within(&url).unwrap();
    assert_eq!(fix.edits.len(), 1);
    assert_eq!(fix.edits[0].replacement, "https://a.example/new");
    assert!(plan.fix_within(&(0..4)).is_none());
}

/// A translation's units built with the source's code tokens copied (for the code blocks equal to
/// the source's at the same index) are the units built from scratch: equal blocks, a block whose
/// code changed, one whose language changed, and one the source does not have.
#[test]
fn translation_units_reusing_source_tokens_are_the_units_from_scratch() {
    let src = doc(
        "en/a.md",
        "# A\n\n```shell\ncurl -X GET 'https://h.x/a' -H 'k: {K}'\n```\n\nText.\n\n```json\n{\"a\": 1}\n```\n\n```json\n{\"b\": 2}\n```\n",
    );
    let tr = doc(
        "fr/a.md",
        "# A\n\n```shell\ncurl -X GET 'https://h.x/a' -H 'k: {K}'\n```\n\nTexte.\n\n```json\n{\"a\": 9}\n```\n\n```text\n{\"b\": 2}\n```\n\n```json\n{\"c\": 3}\n```\n",
    );
    let cell = super::PageUnits::default();
    let reused = cell.translation_units(&src, &tr);
    let scratch = super::page_units(&tr, &super::code_token_lists(&tr));
    assert_eq!(format!("{reused:?}"), format!("{scratch:?}"));
    assert_eq!(reused.len(), 6);
}
