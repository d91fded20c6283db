//! `locdoc rules`: the rule catalog from [`RULES`], as a table or JSON.

use serde::Serialize;
use std::io::Write;

use crate::rules::{FixKind, RuleMeta, Scope, RULES};

/// Arguments of `rules`.
#[derive(clap::Args, Debug)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: RulesFormat,
}

/// Formats of `rules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesFormat {
    /// An aligned table.
    Human,
    /// A JSON array, one object per rule.
    Json,
}

/// One rule in `rules --format json`.
#[derive(Serialize)]
pub struct RuleInfo {
    /// `CURL001`.
    pub id: &'static str,
    /// `unterminated-quote`.
    pub name: &'static str,
    /// Family (folder): `curl`.
    pub family: &'static str,
    /// Same as `family` (the word for it).
    pub category: &'static str,
    /// Default severity.
    pub severity: &'static str,
    /// Whether `check --fix` can repair some or all findings.
    pub fixable: bool,
    /// `none`, `sometimes` or `always`.
    pub fix: FixKind,
    /// `document`, `pair`, `load` or `catalog`.
    pub scope: Scope,
    /// One line.
    pub summary: &'static str,
}

impl RuleInfo {
    /// The catalog entry of `m`.
    pub fn of(m: &'static RuleMeta) -> RuleInfo {
        RuleInfo {
            id: m.id,
            name: m.name,
            family: m.family,
            category: m.family,
            severity: m.severity.as_str(),
            fixable: m.fix != FixKind::None,
            fix: m.fix,
            scope: m.scope,
            summary: m.summary,
        }
    }
}

/// The catalog as text.
pub fn render(format: RulesFormat) -> String {
    let infos: Vec<RuleInfo> = RULES.iter().map(|r| RuleInfo::of(r.meta())).collect();
    if format == RulesFormat::Json {
        let mut s = serde_json::to_string_pretty(&infos).unwrap_or_else(|e| format!("\"{e}\""));
        s.push('\n');
        return s;
    }
    let w_name = infos.iter().map(|i| i.name.len()).max().unwrap_or(4).max(4);
    let w_fam = infos
        .iter()
        .map(|i| i.family.len())
        .max()
        .unwrap_or(6)
        .max(6);
    let mut s = format!(
        "{:<8} {:<w_name$} {:<w_fam$} {:<8} {:<3} SUMMARY\n",
        "ID", "NAME", "FAMILY", "SEVERITY", "FIX"
    );
    for i in &infos {
        s.push_str(&format!(
            "{:<8} {:<w_name$} {:<w_fam$} {:<8} {:<3} {}\n",
            i.id,
            i.name,
            i.family,
            i.severity,
            if i.fixable { "yes" } else { "-" },
            i.summary
        ));
    }
    s
}

/// Runs `rules`.
pub fn run(args: &RulesArgs) -> u8 {
    let out = render(args.format);
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("locdoc: error: cannot write output: {e}");
            2
        }
        _ => 0,
    }
}
