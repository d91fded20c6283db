//! The whole per-file pipeline: parse, extract, run every rule. Any input must not panic, and every
//! finding must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let page = locdoc::engine::load_page(Path::new("fuzz/en/page.md"), text.to_string());
    let ws = locdoc::engine::Workspace {
        pages: vec![page],
        load_findings: Vec::new(),
        pairing: locdoc::source::Pairing { source: vec![None], unpaired: Vec::new() },
        ..Default::default()
    };
    let Ok(schema) = locdoc::schema::Schema::builtin() else { return };
    for f in locdoc::engine::run_rules(&ws, &schema) {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start));
    }
});
