//! `cli`: the command-line interface (clap definitions), one file per subcommand.
//!
//! Each subcommand returns an [`ExitCode`]-like `u8`: 0 clean, 1 error-level findings, 2 usage or I/O
//! failure. `main.rs` only calls [`run`].

use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod check;
mod extract;
mod sync;

/// Check, render and repair localized API tutorials (Adobe Flavored Markdown).
#[derive(Parser, Debug)]
#[command(name = "locdoc", version, about, long_about = None)]
pub struct Cli {
    /// Worker threads (default: all cores).
    #[arg(long, global = true, value_name = "N")]
    pub threads: Option<usize>,
    /// Print more about what was done (e.g. unpaired translations).
    #[arg(long, short, global = true)]
    pub verbose: bool,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by commands that read a docs tree.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories (default: `docs/`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Locale of the source pages that translations follow.
    #[arg(long, default_value = "en", value_name = "LOCALE")]
    pub source_locale: String,
    /// Files larger than this many bytes are reported and skipped.
    #[arg(long, default_value_t = crate::engine::DEFAULT_MAX_FILE_SIZE, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Schema file (OpenAPI document or connector catalog); repeatable; replaces the built-in schema.
    #[arg(long = "schema", value_name = "PATH")]
    pub schema: Vec<PathBuf>,
}

impl InputArgs {
    /// Engine settings for these arguments.
    pub fn settings(&self) -> crate::engine::Settings {
        crate::engine::Settings {
            paths: if self.paths.is_empty() {
                vec![PathBuf::from("docs")]
            } else {
                self.paths.clone()
            },
            source_locale: self.source_locale.clone(),
            max_file_size: self.max_file_size,
            schema_paths: self.schema.clone(),
        }
    }
}

/// Subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check tutorials and report findings (exit 1 on error-level findings).
    Check(check::CheckArgs),
    /// Print the requests and tables extracted from files.
    Extract(extract::ExtractArgs),
    /// Copy code, link targets, [!DNL] terms, code spans, anchors and exl-id from each source page
    /// into its translations, leaving prose alone.
    Sync(sync::SyncArgs),
}

/// Runs the parsed command line; returns the process exit code.
pub fn run(cli: Cli) -> u8 {
    if let Some(n) = cli.threads {
        if let Err(e) = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global()
        {
            eprintln!("locdoc: cannot set up {n} threads: {e}");
            return 2;
        }
    }
    match cli.command {
        Command::Check(args) => check::run(&args, cli.verbose),
        Command::Extract(args) => extract::run(&args),
        Command::Sync(args) => sync::run(&args, cli.verbose),
    }
}
