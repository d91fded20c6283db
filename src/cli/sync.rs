//! `locdoc sync`: make the untranslatable parts of every translation equal to its source page's.

use std::io::Write;

use super::InputArgs;
use crate::engine;
use crate::sync::{self, report, SyncOptions};

/// Arguments of `sync`.
#[derive(clap::Args, Debug)]
pub struct SyncArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Print a unified diff of the pending changes and write nothing.
    #[arg(long, conflicts_with = "format")]
    pub diff: bool,
    /// Write nothing; exit 1 when a change is pending (the CI mode).
    #[arg(long)]
    pub check: bool,
    /// Insert table rows that only the source has (in the source language, marked untranslated).
    #[arg(long)]
    pub insert_missing: bool,
    /// Delete table rows that only the translation has.
    #[arg(long)]
    pub prune: bool,
    /// Output format of the report.
    #[arg(long, value_enum, default_value = "human")]
    pub format: SyncFormat,
}

/// Report formats of `sync`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SyncFormat {
    /// A summary for people.
    Human,
    /// The version-1 JSON contract.
    Json,
}

/// Runs `sync`: 0 done (or nothing pending), 1 changes pending under `--check`, 2 usage or I/O error.
pub fn run(args: &SyncArgs, verbose: bool) -> u8 {
    let ws = match engine::load(&args.input.settings()) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            return 2;
        }
    };
    let mut io_error = false;
    for f in &ws.load_findings {
        eprintln!("locdoc: error: {}: {}", f.file, f.message);
        io_error = true;
    }
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
    let opts = SyncOptions {
        insert_missing: args.insert_missing,
        prune: args.prune,
    };
    let syncs = sync::sync_workspace(&ws, &opts);
    let rep = report::build(&ws, &syncs);
    let write = !args.check && !args.diff;
    if write {
        for s in syncs.iter().filter(|s| s.changed(&ws)) {
            let Some(p) = ws.pages.get(s.page) else {
                continue;
            };
            if let Err(e) = crate::fsutil::write_atomic(&p.doc.path, s.new_text.as_bytes()) {
                eprintln!("locdoc: error: cannot write {}: {e}", p.doc.display);
                io_error = true;
            }
        }
    }
    let out = if args.diff {
        report::diff(&ws, &syncs)
    } else {
        match args.format {
            SyncFormat::Json => report::json(&rep),
            SyncFormat::Human => report::human(&rep, write),
        }
    };
    if let Err(e) = std::io::stdout().lock().write_all(out.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("locdoc: error: cannot write output: {e}");
            return 2;
        }
    }
    if io_error {
        2
    } else {
        u8::from(args.check && rep.summary.changes > 0)
    }
}
