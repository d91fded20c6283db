//! `locdoc check`: resolve settings, load, run the rules (and `--fix` them), report, exit 0/1/2.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};

use super::{ColorWhen, GlobalArgs, InputArgs};
use crate::diag::{Finding, Severity};
use crate::engine::{self, Workspace};
use crate::fix::{self, FixOutcome};
use crate::report::{self, Format};
use crate::settings;

/// Arguments of `check`.
#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// What to read.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Run only these rules: ids, names or families (`CURL001`, `unterminated-quote`, `curl`),
    /// comma-separated or repeated; replaces `select`/`ignore` of locdoc.toml.
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub select: Vec<String>,
    /// Do not run these rules (added to the selection above).
    #[arg(long, value_delimiter = ',', value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Apply safe fixes in place (atomically, keeping file modes), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes `--fix` would make as a unified diff and write nothing (exit 1 if any).
    #[arg(long)]
    pub diff: bool,
    /// Check only files changed since this git revision, plus their translations or sources.
    #[arg(long, value_name = "REV")]
    pub changed_since: Option<String>,
}

/// Runs `check`.
pub fn run(args: &CheckArgs, verbose: bool, global: &GlobalArgs) -> u8 {
    let mut over = args.input.overrides();
    over.select = args.select.clone();
    over.ignore = args.ignore.clone();
    over.changed_since = args.changed_since.clone();
    let settings = match settings::resolve(&global.config_source(), &over) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let schema = match engine::load_schema(&settings) {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let streaming = !(args.fix || args.diff || settings.filter.changed.is_some());
    let result = if streaming {
        streamed(&settings, &schema, args.format, verbose, global)
    } else {
        in_memory(args, &settings, &schema, verbose, global)
    };
    let run = match result {
        Ok(r) => r,
        Err(code) => return code,
    };
    if let Err(e) = output(args.format, &run, global) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("locdoc: error: cannot write output: {e}");
            return 2;
        }
    }
    u8::from(run.findings.iter().any(|f| f.severity == Severity::Error))
}

/// What a check produced, whichever driver ran it.
struct Outcome {
    findings: Vec<Finding>,
    /// Display paths of the files checked.
    checked: Vec<String>,
    /// Texts of the files with findings (for snippets).
    texts: HashMap<String, std::sync::Arc<str>>,
}

/// The CI path: families streamed through the rules, memory bounded (see `engine::stream`).
fn streamed(
    settings: &engine::Settings,
    schema: &crate::schema::Schema,
    format: Format,
    verbose: bool,
    global: &GlobalArgs,
) -> Result<Outcome, u8> {
    let bar = progress_bar(global.quiet, None);
    let tick = || bar.inc(1);
    let r = engine::check_streaming(settings, schema, format == Format::Human, &tick)
        .map_err(|e| fail(&e))?;
    bar.finish_and_clear();
    if verbose {
        for (file, locale, reason) in &r.unpaired {
            eprintln!("locdoc: {file} ({locale}) is unpaired: {reason}");
        }
    }
    Ok(Outcome {
        findings: r.findings,
        checked: r.checked,
        texts: r.texts,
    })
}

/// `--fix`, `--diff` and `--changed-since` need the whole workspace (re-checks, pairs of changed
/// files), so they load it into memory.
fn in_memory(
    args: &CheckArgs,
    settings: &engine::Settings,
    schema: &crate::schema::Schema,
    verbose: bool,
    global: &GlobalArgs,
) -> Result<Outcome, u8> {
    let mut ws = engine::load(settings).map_err(|e| fail(&e))?;
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
    let bar = progress_bar(global.quiet, Some(ws.pages.len()));
    let tick = || bar.inc(1);
    let check = |w: &Workspace| {
        bar.set_position(0);
        engine::run_rules_with(w, schema, settings, &tick)
    };
    let (findings, outcome) = if args.fix || args.diff {
        let o = fix::fix_workspace(&mut ws, &settings.source_locale, &check);
        (o.findings.clone(), Some(o))
    } else {
        (check(&ws), None)
    };
    bar.finish_and_clear();
    if let Some(o) = &outcome {
        if args.diff {
            return Err(print_diff(o, global.quiet));
        }
        write_fixes(o, global.quiet)?;
    }
    Ok(Outcome {
        findings,
        checked: checked_files(&ws, settings),
        texts: snippet_texts(&ws),
    })
}

fn fail(e: &dyn std::fmt::Display) -> u8 {
    eprintln!("locdoc: error: {e}");
    2
}

/// A progress bar on stderr, drawn only when stderr is a terminal and `--quiet` is off.
/// `len` is the number of files when known up front (the streaming check learns it as it goes, so
/// it shows a counter instead of a bar).
fn progress_bar(quiet: bool, len: Option<usize>) -> indicatif::ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        len.map(|n| n as u64),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let template = match len {
        Some(_) => "{spinner} checking {pos}/{len} files {wide_bar}",
        None => "{spinner} checked {pos} files",
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

fn print_diff(o: &FixOutcome, quiet: bool) -> u8 {
    let mut out = std::io::stdout().lock();
    for f in &o.files {
        if let Err(e) = out.write_all(fix::unified_diff(f).as_bytes()) {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return fail(&format!("cannot write output: {e}"));
            }
        }
    }
    if !quiet {
        eprintln!(
            "locdoc: would fix {} finding{} in {} file{}",
            o.fixes(),
            plural(o.fixes()),
            o.files.len(),
            plural(o.files.len())
        );
    }
    u8::from(!o.files.is_empty())
}

fn write_fixes(o: &FixOutcome, quiet: bool) -> Result<(), u8> {
    for f in &o.files {
        if let Err(e) = crate::fsutil::write_atomic(&f.path, f.fixed.as_bytes()) {
            return Err(fail(&format!("{}: cannot write fixes: {e}", f.display)));
        }
    }
    if !quiet && !o.files.is_empty() {
        eprintln!(
            "locdoc: fixed {} finding{} in {} file{}",
            o.fixes(),
            plural(o.fixes()),
            o.files.len(),
            plural(o.files.len())
        );
    }
    if !o.converged {
        eprintln!(
            "locdoc: warning: fixes still changed the text after {} rounds; stopped",
            fix::MAX_ROUNDS
        );
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn output(format: Format, run: &Outcome, global: &GlobalArgs) -> std::io::Result<()> {
    let findings = &run.findings;
    if format == Format::Human {
        return human(findings, &run.texts, run.checked.len(), global);
    }
    // Every machine format streams into one buffered writer: a 40,000-file report is never held
    // whole in memory (issue 8).
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    match format {
        Format::Json => report::json::write(&mut out, findings, run.checked.len())?,
        Format::Sarif => report::sarif::write(&mut out, findings)?,
        Format::Github => report::github::write(&mut out, findings)?,
        Format::Junit => report::junit::write(&mut out, findings, &run.checked)?,
        Format::Human => unreachable!("handled above"),
    }
    out.flush()
}

/// Display paths of the files this run checked.
fn checked_files(ws: &Workspace, settings: &engine::Settings) -> Vec<String> {
    let wanted = settings.filter.pages_to_check(ws, &settings.source_locale);
    let mut files: Vec<String> = ws
        .pages
        .iter()
        .zip(wanted)
        .filter(|(_, w)| *w)
        .map(|(p, _)| p.doc.display.clone())
        .collect();
    files.extend(
        ws.load_findings
            .iter()
            .filter(|f| {
                settings
                    .filter
                    .wants_unreadable(std::path::Path::new(&*f.file))
            })
            .map(|f| f.file.to_string()),
    );
    files.extend(ws.catalogs.iter().map(|c| c.display.clone()));
    files.sort();
    files
}

fn human(
    findings: &[Finding],
    texts: &HashMap<String, std::sync::Arc<str>>,
    files: usize,
    global: &GlobalArgs,
) -> std::io::Result<()> {
    let choice = match global.color {
        ColorWhen::Always => termcolor::ColorChoice::Always,
        ColorWhen::Never => termcolor::ColorChoice::Never,
        ColorWhen::Auto if std::io::stdout().is_terminal() => termcolor::ColorChoice::Auto,
        ColorWhen::Auto => termcolor::ColorChoice::Never,
    };
    let writer = termcolor::BufferWriter::stdout(choice);
    let mut buf = writer.buffer();
    report::human::render(&mut buf, findings, texts, files)?;
    if global.quiet {
        // The summary is the last line the human renderer writes.
        let bytes = buf.as_slice();
        let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        let keep = body.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
        let kept = bytes.get(..keep).unwrap_or(&[]).to_vec();
        buf.clear();
        buf.write_all(&kept)?;
    }
    writer.print(&buf)
}

/// The texts findings point into, by display path: Markdown pages and Fluent catalogs, so FTL
/// findings get a source snippet with a caret like page findings do.
fn snippet_texts(ws: &Workspace) -> HashMap<String, std::sync::Arc<str>> {
    let pages = ws
        .pages
        .iter()
        .map(|p| (p.doc.display.clone(), p.doc.text.clone()));
    let catalogs = ws
        .catalogs
        .iter()
        .map(|c| (c.display.clone(), c.text.clone()));
    pages.chain(catalogs).collect()
}
