//! `locdoc schema infer PATH...`: derive a connector catalog from a docs tree and print it as YAML.
//!
//! Disagreements between pages (a param some bodies send and others do not, two auth spec names,
//! one spec id on two pages) are printed to stderr as `file:line: message`; they do not change the
//! exit code (0), which is 2 only when the paths cannot be read.

use std::io::Write;

use super::InputArgs;
use crate::engine;
use crate::schema::infer;

/// Arguments of `schema`.
#[derive(clap::Args, Debug)]
pub struct SchemaArgs {
    /// The schema subcommand.
    #[command(subcommand)]
    pub command: SchemaCommand,
}

/// `schema` subcommands.
#[derive(clap::Subcommand, Debug)]
pub enum SchemaCommand {
    /// Derive a connector catalog (connector ↔ spec id ↔ auth params) from a docs tree, as YAML.
    Infer(InferArgs),
}

/// Arguments of `schema infer`.
#[derive(clap::Args, Debug)]
pub struct InferArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
}

/// Runs `schema`.
pub fn run(args: &SchemaArgs) -> u8 {
    let SchemaCommand::Infer(a) = &args.command;
    let settings = a.input.settings();
    let ws = match engine::load(&settings) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            return 2;
        }
    };
    let (catalog, disagreements) = infer::infer(&ws, &settings.source_locale);
    for d in &disagreements {
        eprintln!("locdoc: disagreement: {}:{}: {}", d.file, d.line, d.message);
    }
    match std::io::stdout()
        .lock()
        .write_all(infer::to_yaml(&catalog).as_bytes())
    {
        Ok(()) => 0,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            2
        }
    }
}
