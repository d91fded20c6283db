//! GitHub Actions workflow commands: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,
//! title=RULE::message` line per finding (`warning` / `notice` by severity), which GitHub shows as
//! annotations on the pull request. Escaping follows GitHub's toolkit: `%`, `\r`, `\n` everywhere,
//! and `:` and `,` in property values too.

use crate::diag::{Finding, Severity};

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=…`, `title=…`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// One line for `f` (without the newline).
pub fn line(f: &Finding) -> String {
    let mut msg = f.message.clone();
    if let Some(h) = &f.help {
        msg.push_str("\nhelp: ");
        msg.push_str(h);
    }
    format!(
        "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        command(f.severity),
        escape_property(&f.file),
        f.line,
        f.column,
        f.end_line,
        f.end_column,
        escape_property(f.rule),
        escape_data(&msg)
    )
}

/// All findings, one line each.
pub fn render(findings: &[Finding]) -> String {
    let mut out = String::new();
    for f in findings {
        out.push_str(&line(f));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
