//! `locdoc extract`: the extraction stage's output as JSON (the `extract` contract).

use serde::Serialize;
use std::io::Write;

use super::InputArgs;
use crate::engine::{self, Page};
use crate::extract::{extract_tables, ExtractedTable, Request};

/// Arguments of `extract`.
#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format (only JSON).
    #[arg(long, value_enum, default_value = "json")]
    pub format: ExtractFormat,
}

/// Formats of `extract`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ExtractFormat {
    /// JSON.
    Json,
}

#[derive(Serialize)]
struct Output<'a> {
    documents: Vec<DocOut<'a>>,
}

#[derive(Serialize)]
struct DocOut<'a> {
    file: &'a str,
    locale: &'a str,
    exl_id: Option<&'a str>,
    title: Option<&'a str>,
    requests: &'a [Request],
    tables: Vec<ExtractedTable>,
}

fn doc_out(p: &Page) -> DocOut<'_> {
    DocOut {
        file: &p.doc.display,
        locale: &p.doc.locale,
        exl_id: p.doc.exl_id(),
        title: p.doc.title(),
        requests: &p.requests,
        tables: extract_tables(&p.doc),
    }
}

/// Runs `extract`.
pub fn run(args: &ExtractArgs) -> u8 {
    let ExtractFormat::Json = args.format;
    let ws = match engine::load(&args.input.settings()) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            return 2;
        }
    };
    for f in &ws.load_findings {
        eprintln!("locdoc: {}: {}", f.file, f.message);
    }
    let out = Output {
        documents: ws.pages.iter().map(doc_out).collect(),
    };
    let mut s = match serde_json::to_string_pretty(&out) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            return 2;
        }
    };
    s.push('\n');
    match std::io::stdout().lock().write_all(s.as_bytes()) {
        Ok(()) => u8::from(!ws.load_findings.is_empty()) * 2,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            eprintln!("locdoc: error: {e}");
            2
        }
    }
}
