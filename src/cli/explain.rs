//! `locdoc explain RULE`: a rule's documentation, straight from its `RuleMeta` (the only source).

use std::io::Write;

use crate::rules::{self, FixKind, RuleMeta, Scope, RULES};

/// Arguments of `explain`.
#[derive(clap::Args, Debug)]
pub struct ExplainArgs {
    /// Rule id (`CURL001`) or name (`unterminated-quote`).
    #[arg(value_name = "RULE")]
    pub rule: String,
}

/// The explanation of `m`.
pub fn render(m: &RuleMeta) -> String {
    let fix = match m.fix {
        FixKind::None => "no",
        FixKind::Sometimes => "sometimes (`locdoc check --fix`)",
        FixKind::Always => "always (`locdoc check --fix`)",
    };
    let scope = match m.scope {
        Scope::Document => "each page on its own",
        Scope::Pair => "each translation together with its source page",
        Scope::Load => "files as they are read",
        Scope::Catalog => "the Fluent catalogs (`.ftl`)",
    };
    format!(
        "# {} {}\n\n{}\n\nFamily: {}\nChecks: {}\nDefault severity: {}\nFixable: {}\n\n{}\n",
        m.id,
        m.name,
        m.summary,
        m.family,
        scope,
        m.severity.as_str(),
        fix,
        m.doc.trim_end()
    )
}

/// Why `key` names no rule, with the closest match.
pub fn unknown(key: &str) -> String {
    let family: Vec<&str> = RULES
        .iter()
        .map(|r| r.meta())
        .filter(|m| m.family.eq_ignore_ascii_case(key))
        .map(|m| m.id)
        .collect();
    if !family.is_empty() {
        return format!(
            "`{key}` is a family of rules; explain one of: {}",
            family.join(", ")
        );
    }
    match crate::settings::suggest(key) {
        Some(s) => format!("unknown rule `{key}`; did you mean `{s}`?"),
        None => format!("unknown rule `{key}`; `locdoc rules` lists them"),
    }
}

/// Runs `explain`.
pub fn run(args: &ExplainArgs) -> u8 {
    let Some(rule) = rules::find(args.rule.trim()) else {
        eprintln!("locdoc: error: {}", unknown(args.rule.trim()));
        return 2;
    };
    let out = render(rule.meta());
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("locdoc: error: cannot write output: {e}");
            2
        }
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_input_the_rule_reads() {
        let pair = rules::find("PAR002").unwrap().meta();
        assert!(render(pair).contains("\nChecks: each translation together with its source page\n"));
        let ftl = rules::find("FTL001").unwrap().meta();
        assert!(render(ftl).contains("Checks: the Fluent catalogs"));
    }
}
