//! `locdoc check`.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use super::InputArgs;
use crate::diag::Severity;
use crate::engine;
use crate::report::{self, Format};

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
}

/// Runs `check`.
pub fn run(args: &CheckArgs, verbose: bool) -> u8 {
    let settings = args.input.settings();
    let (report, ws) = match engine::check(&settings) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            return 2;
        }
    };
    if verbose {
        for (i, reason) in &ws.pairing.unpaired {
            if let Some(p) = ws.pages.get(*i) {
                eprintln!(
                    "locdoc: {} ({}) is unpaired: {reason}",
                    p.doc.display, p.doc.locale
                );
            }
        }
    }
    let result = match args.format {
        Format::Json => {
            let out = report::json::render(&report.findings, report.files);
            std::io::stdout().lock().write_all(out.as_bytes())
        }
        Format::Human => {
            let texts: HashMap<String, std::sync::Arc<str>> = ws
                .pages
                .iter()
                .map(|p| (p.doc.display.clone(), p.doc.text.clone()))
                .collect();
            let choice = if std::io::stdout().is_terminal() {
                termcolor::ColorChoice::Auto
            } else {
                termcolor::ColorChoice::Never
            };
            let mut out = termcolor::BufferedStandardStream::stdout(choice);
            report::human::render(&mut out, &report.findings, &texts, report.files)
                .and_then(|_| out.flush())
        }
    };
    if let Err(e) = result {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("locdoc: error: cannot write output: {e}");
            return 2;
        }
    }
    u8::from(
        report
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error),
    )
}
