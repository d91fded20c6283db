//! `cli`: the command-line interface (clap definitions), one file per subcommand.
//!
//! Each subcommand returns an [`ExitCode`]-like `u8`: 0 clean, 1 error-level findings, 2 usage or I/O
//! failure. `main.rs` only calls [`run`].

use clap::{Parser, Subcommand};
use std::path::PathBuf;

mod check;
mod completions;
mod explain;
mod extract;
mod html;
mod render;
mod rules;
mod schema;
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
    /// Configuration, output and terminal options.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The subcommand.
    #[command(subcommand)]
    pub command: Command,
}

/// When to color terminal output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorWhen {
    /// When writing to a terminal (and `NO_COLOR` is unset).
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Options every command accepts.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct GlobalArgs {
    /// Config file to use instead of the nearest `locdoc.toml` (working directory or above).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore `locdoc.toml` files.
    #[arg(long, global = true, conflicts_with = "config")]
    pub no_config: bool,
    /// Print findings only: no summary, progress bar or fix report.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    /// Color output.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorWhen,
}

impl GlobalArgs {
    /// Where the configuration comes from.
    pub fn config_source(&self) -> crate::settings::ConfigSource {
        match (&self.config, self.no_config) {
            (_, true) => crate::settings::ConfigSource::None,
            (Some(p), false) => crate::settings::ConfigSource::File(p.clone()),
            (None, false) => crate::settings::ConfigSource::Discover,
        }
    }
}

/// Options shared by commands that read a docs tree.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories (default: `docs/`).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Locale of the source pages that translations follow [default: `en`, or `source-locale` in locdoc.toml].
    #[arg(long, value_name = "LOCALE")]
    pub source_locale: Option<String>,
    /// Files larger than this many bytes are reported and skipped [default: 10 MB].
    #[arg(long, value_name = "BYTES")]
    pub max_file_size: Option<u64>,
    /// Schema file, an OpenAPI document or a connector catalog (told apart by content); repeatable.
    ///
    /// Replacement is per kind: OpenAPI files given replace the built-in OpenAPI spec, catalogs
    /// given replace the built-in connector catalog, and a kind not given keeps its built-in part.
    #[arg(long = "schema", value_name = "FILE")]
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
            source_locale: self.source_locale.clone().unwrap_or_else(|| "en".into()),
            max_file_size: self
                .max_file_size
                .unwrap_or(crate::engine::DEFAULT_MAX_FILE_SIZE),
            schema_paths: self.schema.clone(),
            ..Default::default()
        }
    }

    /// These arguments as overrides of `locdoc.toml` (see [`crate::settings::resolve`]).
    pub fn overrides(&self) -> crate::settings::Overrides {
        crate::settings::Overrides {
            paths: self.paths.clone(),
            source_locale: self.source_locale.clone(),
            max_file_size: self.max_file_size,
            schema: self.schema.clone(),
            ..Default::default()
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
    /// Regenerate the localized tutorials from the catalogs, templates and schema.
    Render(render::RenderArgs),
    /// Print one AFM page as HTML (Experience League markup).
    Html(html::HtmlArgs),
    /// Work with the canonical request schema (`schema infer PATH...`).
    Schema(schema::SchemaArgs),
    /// List every rule (id, name, family, severity, fixable, summary).
    Rules(rules::RulesArgs),
    /// Explain a rule: what it checks, why, an example and the fixed version.
    Explain(explain::ExplainArgs),
    /// Print a shell completion script (bash, zsh, fish, …).
    Completions(completions::CompletionsArgs),
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
        Command::Check(args) => check::run(&args, cli.verbose, &cli.global),
        Command::Extract(args) => extract::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Html(args) => html::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Completions(args) => completions::run(&args),
        Command::Sync(args) => sync::run(&args, cli.verbose),
    }
}
