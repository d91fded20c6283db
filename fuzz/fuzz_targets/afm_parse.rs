//! The whole per-file pipeline: parse, extract, run every rule. Any input must not panic, and every
//! finding must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::LazyLock;

/// Loaded once: the fuzzer measures the per-file pipeline, not schema compilation.
static SCHEMA: LazyLock<Option<locdoc::schema::Schema>> = LazyLock::new(|| locdoc::schema::Schema::builtin().ok());

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Some(schema) = SCHEMA.as_ref() else { return };
    let page = locdoc::engine::load_page(Path::new("fuzz/en/page.md"), text.to_string());
    let ws = locdoc::engine::Workspace {
        pages: vec![page],
        load_findings: Vec::new(),
        pairing: locdoc::source::Pairing { source: vec![None], unpaired: Vec::new() },
        ..Default::default()
    };
    for f in locdoc::engine::run_rules(&ws, schema) {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
    }
});
