//! rustc-style diagnostics via codespan-reporting: `error[ID]: message`, `--> file:line:col`, the
//! source line with a caret, `= help: …`.

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor, Chars, Config};
use std::collections::HashMap;

use super::Summary;
use crate::diag::{Finding, Severity};

/// Writes findings to `w`. `texts` gives the file texts (by display path) for snippets; a finding
/// whose file has no text is printed without a snippet.
pub fn render(
    w: &mut dyn WriteColor,
    findings: &[Finding],
    texts: &HashMap<String, std::sync::Arc<str>>,
    files: usize,
) -> std::io::Result<()> {
    let mut store = SimpleFiles::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    for f in findings {
        let id = match ids.get(&*f.file) {
            Some(id) => *id,
            None => {
                let text = texts.get(&*f.file).map_or(String::new(), |t| t.to_string());
                let id = store.add(f.file.to_string(), text);
                ids.insert(&f.file, id);
                id
            }
        };
        let mut d = match f.severity {
            Severity::Error => Diagnostic::error(),
            Severity::Warning => Diagnostic::warning(),
            Severity::Info => Diagnostic::note(),
        }
        .with_code(f.rule)
        .with_message(&f.message);
        let has_text = texts.contains_key(&*f.file);
        if has_text {
            d = d.with_labels(vec![Label::primary(id, f.span.clone())]);
        } else {
            d = d.with_notes(vec![format!("at {}:{}:{}", f.file, f.line, f.column)]);
        }
        if let Some(h) = &f.help {
            d.notes.push(format!("help: {h}"));
        }
        if term::emit(w, &config, &store, &d).is_err() {
            writeln!(
                w,
                "{}[{}]: {} ({}:{}:{})",
                f.severity.as_str(),
                f.rule,
                f.message,
                f.file,
                f.line,
                f.column
            )?;
        }
    }
    let s = Summary::new(findings, files);
    writeln!(
        w,
        "{} file{} checked: {} error{}, {} warning{}",
        s.files,
        plural(s.files),
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings)
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
