//! The shell tokenizer and curl extraction on arbitrary code-block content.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let t = locdoc::extract::shell::tokenize(text);
    for c in &t.commands {
        for w in &c.words {
            assert!(w.span.end <= text.len());
            assert_eq!(w.map.len(), w.value.len());
        }
    }
    let page = format!("```shell\ncurl {text}\n```\n");
    let doc = locdoc::afm::parse(Path::new("f.md"), "f.md", page.as_str().into());
    for r in locdoc::extract::extract_requests(&doc) {
        assert!(r.span.end <= page.len());
        for p in &r.problems {
            assert!(p.span.end <= page.len());
        }
    }
});
