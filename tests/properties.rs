//! Property tests (issue 9): any input → no panic, spans inside the text on char boundaries, and the
//! same findings every time. Bounded case counts keep `cargo test` fast.

use locdoc::engine::{load_page, run_rules, Workspace};
use locdoc::source::Pairing;
use proptest::prelude::*;
use std::path::Path;

/// Text built from the pieces that stress the parser and the curl tokenizer.
fn afm_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("---\n".to_string()),
        Just("title: x\n".to_string()),
        Just("```shell\n".to_string()),
        Just("```\n".to_string()),
        Just("curl -X POST \\\n".to_string()),
        Just("  -H 'A: b' \\\n".to_string()),
        Just("  -d '{\"a\": [1, {\"b\": \"c\"}]".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("\\".to_string()),
        Just("> [!NOTE]\n".to_string()),
        Just(">".to_string()),
        Just("| a | b |\n|---|---|\n| `c` | d |\n".to_string()),
        Just("[!DNL 한국어]".to_string()),
        Just("[!UICONTROL 保存]".to_string()),
        Just("[text](https://x.y)".to_string()),
        Just("[](".to_string()),
        Just("## Heading {#id}\n".to_string()),
        Just("`code`".to_string()),
        Just("\r\n".to_string()),
        Just("\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("é€™".to_string()),
        Just("- ".to_string()),
        Just("1. ".to_string()),
        Just("    ".to_string()),
        "[a-z \\[\\]{}()#:`'\"\\\\|>*_-]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) -> Vec<String> {
    let page = load_page(Path::new("prop/en/page.md"), text.to_string());
    for f in [
        &page
            .doc
            .headings
            .iter()
            .map(|h| h.span.clone())
            .collect::<Vec<_>>(),
        &page.doc.links.iter().map(|l| l.span.clone()).collect(),
    ] {
        for s in f {
            assert!(
                s.start <= s.end && s.end <= text.len(),
                "span {s:?} outside the text"
            );
        }
    }
    for r in &page.requests {
        for p in &r.problems {
            assert!(
                p.span.end <= text.len(),
                "problem span {:?} outside the text",
                p.span
            );
        }
    }
    let ws = Workspace {
        pages: vec![page],
        load_findings: Vec::new(),
        pairing: Pairing {
            source: vec![None],
            unpaired: Vec::new(),
        },
        ..Workspace::default()
    };
    let schema = locdoc::schema::Schema::builtin().unwrap();
    run_rules(&ws, &schema)
        .into_iter()
        .map(|f| {
            assert!(
                f.span.start <= f.span.end && f.span.end <= text.len(),
                "{f:?}"
            );
            assert!(
                text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end),
                "{f:?}"
            );
            assert!(
                f.line >= 1 && f.column >= 1 && f.end_line >= f.line,
                "{f:?}"
            );
            format!("{}:{}:{}:{}", f.rule, f.line, f.column, f.message)
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Whatever the pages, `check`'s lazy sync fixes are the full plan's (and no block's edit
    /// leaves its block: a debug assertion in the lazy plan).
    #[test]
    fn lazy_sync_fixes_equal_the_full_plan_on_any_pair(src in afm_text(), tr in afm_text()) {
        let s = load_page(Path::new("prop/en/page.md"), src.clone());
        // The source with a link target, an anchor and a header changed, then more text: sync
        // has something to repair and the alignment something to pair.
        let drifted = src
            .replace("x.y", "z.w")
            .replace("{#id}", "{#other}")
            .replace("'A: b'", "'A: c'");
        let t = load_page(Path::new("prop/fr-FR/page.md"), format!("{drifted}{tr}"));
        crate::common::lazy_plan_agrees(&s, &t.doc);
    }

    #[test]
    fn any_input_is_checked_without_panic_and_deterministically(text in afm_text()) {
        let first = check(&text);
        let second = check(&text);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn shell_tokens_stay_inside_the_input(text in "[a-z '\"\\\\\n{}:-]{0,80}") {
        let t = locdoc::extract::shell::tokenize(&text);
        for c in &t.commands {
            for w in &c.words {
                prop_assert!(w.span.end <= text.len());
                prop_assert_eq!(w.map.len(), w.value.len());
                prop_assert!(w.map.iter().all(|&o| o < text.len()));
            }
        }
    }
}

/// Found by the property test above: a JSON error at a multi-byte character must not give a span
/// ending inside that character.
#[test]
fn json_error_at_a_multibyte_character_keeps_char_boundaries() {
    let text = "```shell\ncurl https://h.x -d '{\"a\": 1 é€™}'\n```\n";
    check(text);
}
