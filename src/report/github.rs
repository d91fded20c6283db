//! GitHub Actions workflow commands: one `::error file=…,line=…,col=…,endLine=…,endColumn=…,
//! title=RULE::message` line per finding (`warning` / `notice` by severity), which GitHub shows as
//! annotations on the pull request. Escaping follows GitHub's toolkit: `%`, `\r`, `\n` everywhere,
//! and `:` and `,` in property values too.

use std::io::{self, Write};

use crate::diag::{Finding, Severity};

/// The command for a severity.
pub fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Writes `s` escaped as a message (`property` false) or a property value, without building
/// escaped copies: a 40,000-file run has hundreds of thousands of findings (issue 8).
fn write_escaped(out: &mut impl Write, s: &str, property: bool) -> io::Result<()> {
    let mut rest = 0;
    for (i, b) in s.bytes().enumerate() {
        let code = match b {
            b'%' => "%25",
            b'\r' => "%0D",
            b'\n' => "%0A",
            b':' if property => "%3A",
            b',' if property => "%2C",
            _ => continue,
        };
        out.write_all(&s.as_bytes()[rest..i])?;
        out.write_all(code.as_bytes())?;
        rest = i + 1;
    }
    out.write_all(&s.as_bytes()[rest..])
}

/// Writes the line for `f` (without the newline).
fn write_line(out: &mut impl Write, f: &Finding) -> io::Result<()> {
    write!(out, "::{} file=", command(f.severity))?;
    write_escaped(out, &f.file, true)?;
    write!(
        out,
        ",line={},col={},endLine={},endColumn={},title=",
        f.line, f.column, f.end_line, f.end_column
    )?;
    write_escaped(out, f.rule, true)?;
    out.write_all(b"::")?;
    write_escaped(out, &f.message, false)?;
    if let Some(h) = &f.help {
        out.write_all(b"%0Ahelp: ")?;
        write_escaped(out, h, false)?;
    }
    Ok(())
}

/// Writes all findings, one line each, as they are formatted: the output is never held whole in
/// memory (it was the largest allocation of a 40,000-file run, issue 8).
pub fn write(out: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        write_line(out, f)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A command's message escaped as the toolkit does it (chained replaces): the reference the
    /// streaming writer is held to.
    fn escape_data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }

    /// A property value (`file=…`, `title=…`).
    fn escape_property(s: &str) -> String {
        escape_data(s).replace(':', "%3A").replace(',', "%2C")
    }

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    proptest::proptest! {
        /// The streaming writer escapes exactly as the toolkit's string functions do.
        #[test]
        fn streamed_escaping_equals_the_string_functions(s in "[a%:,\\r\\n한]{0,30}|(?s).{0,40}", property: bool) {
            let mut out = Vec::new();
            write_escaped(&mut out, &s, property).unwrap();
            let want = if property { escape_property(&s) } else { escape_data(&s) };
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
