//! The Fluent catalog loader: parse, report syntax errors at positions inside the text, build a
//! bundle and format every message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file = locdoc::render::catalog::FtlFile::parse(Path::new("locales/fr/page.ftl"), "locales/fr/page.ftl", text.to_string());
    if let Some(e) = file.syntax_error() {
        let _ = e.to_string();
    }
    let _ = file.position(text.len());
    if let Ok(bundle) = locdoc::render::catalog::bundle("fr", &[&file]) {
        for id in ["title", "intro", "missing"] {
            let _ = locdoc::render::catalog::format(&bundle, id, &fluent_bundle::FluentArgs::new());
        }
    }
});
