//! `locdoc html FILE`: one AFM page as Experience League-style HTML on stdout.

use std::io::Write;
use std::path::PathBuf;

use crate::render::{html, template::Template};

/// Arguments of `html`.
#[derive(clap::Args, Debug)]
pub struct HtmlArgs {
    /// The AFM page.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Locale of the source pages (listed first in the locale switcher).
    #[arg(long, default_value = "en", value_name = "LOCALE")]
    pub source_locale: String,
}

/// Runs `html`: 0 printed, 2 failure.
pub fn run(args: &HtmlArgs) -> u8 {
    let text = match crate::source::read_source(&args.file, crate::engine::DEFAULT_MAX_FILE_SIZE) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("locdoc: error: {}: {e}", args.file.display());
            return 2;
        }
    };
    let (mut locale, links) = html::sibling_links(&args.file, &args.source_locale);
    if locale.is_empty() {
        locale = crate::engine::load_page(&args.file, text.clone())
            .doc
            .locale;
    }
    let result = Template::parse("templates/page.html", html::BUILTIN_PAGE)
        .and_then(|t| html::page(&t, &text, &locale, &links, "Languages"));
    match result {
        Ok(page) => match std::io::stdout().lock().write_all(page.as_bytes()) {
            Ok(()) => 0,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
            Err(e) => {
                eprintln!("locdoc: error: cannot write output: {e}");
                2
            }
        },
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            2
        }
    }
}
