//! YAML front matter: arbitrary bytes between `---` fences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else { return };
    let page = format!("---\n{yaml}\n---\n# T\n");
    let doc = locdoc::afm::parse(Path::new("f.md"), "f.md", page.as_str().into());
    if let Some(fm) = &doc.front_matter {
        assert!(fm.span.end <= page.len());
        if let Some(e) = &fm.error {
            assert!(e.offset <= page.len());
        }
    }
    let _ = locdoc::schema::yaml::parse(Path::new("f.yaml"), yaml);
});
