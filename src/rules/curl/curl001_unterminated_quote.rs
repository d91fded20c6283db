//! CURL001 unterminated-quote.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a `'` or `"` in a curl command that is never closed.
pub struct UnterminatedQuote;

static META: RuleMeta = RuleMeta {
    id: "CURL001",
    name: "unterminated-quote",
    family: "curl",
    summary: "A quote in a curl command is opened and never closed",
    severity: Severity::Error,
    fix: FixKind::Sometimes,
    scope: Scope::Document,
    doc: r#"## What it checks
A shell quote (`'` or `"`) in a curl example that is still open at the end of the code block.

## Why it matters
The shell keeps reading until it finds the closing quote, so a reader who pastes the command gets a
`>` continuation prompt instead of a request. Machine translation and hand edits often drop the
quote that closes a multi-line JSON body. locdoc still recovers the body to check it.

## Example
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo"
    }
```
~~~

## Use instead
~~~markdown
```shell
curl -X POST 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -d '{
        "name": "demo"
    }'
```
~~~

## Fix
`check --fix` inserts the missing quote where the argument ends: after the bracket that closes a
JSON body opened right after the quote, or else at the end of the quote's line (before a trailing
`\`). No fix is offered when the quote has nothing after it on its line (the missing quote is
then probably the *opening* one) or when a JSON body's brackets do not balance.
"#,
};

impl Rule for UnterminatedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut found = Vec::new();
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::UnterminatedQuote,
            "close the quote where the argument ends (usually after the JSON body's last `}`)",
            &mut found,
        );
        for f in found {
            out.push(match closing_quote_fix(ctx, f.span.start) {
                Some(fix) => f.with_fix(fix),
                None => f,
            });
        }
    }
}

/// The edit inserting the quote opened at file offset `at`, when where it belongs is clear.
fn closing_quote_fix(ctx: &Context<'_>, at: usize) -> Option<Fix> {
    let text: &str = &ctx.doc.text;
    let quote = text.get(at..)?.chars().next()?;
    let block = ctx.doc.code_blocks.iter().find(|c| c.span.contains(&at))?;
    let end = block.file_offset(block.text.len()).max(at + 1);
    let rest = text.get(at + 1..end)?;
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let line = rest.get(..line_end)?;
    let insert = if quote == '\'' && matches!(line.trim_start().chars().next(), Some('{' | '[')) {
        // A JSON body: after its closing bracket, if only a continuation follows on that line.
        let close = json_end(rest)?;
        let after = rest.get(close..)?;
        let tail = after.get(..after.find('\n').unwrap_or(after.len()))?;
        if !matches!(tail.trim(), "" | "\\") {
            return None;
        }
        at + 1 + close
    } else {
        // A one-line argument: at the end of the line, before a trailing ` \`.
        let trimmed = line.trim_end();
        let trimmed = trimmed.strip_suffix('\\').map_or(trimmed, str::trim_end);
        if trimmed.trim().is_empty() {
            return None;
        }
        at + 1 + trimmed.len()
    };
    Some(Fix {
        title: format!("insert the closing `{quote}`"),
        edits: vec![Edit {
            range: insert..insert,
            replacement: quote.to_string(),
        }],
    })
}

/// Offset just past the bracket closing the JSON value that starts `s` (after whitespace);
/// JSON strings are skipped. `None` when the brackets do not balance.
fn json_end(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_str = false;
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if in_str {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_str = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_str = true,
            '{' | '[' => depth += 1,
            '}' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn reports_the_opening_quote_line() {
        let f = run(
            &UnterminatedQuote,
            "Intro\n\n```shell\ncurl -X POST \\\n  -H 'A: b' \\\n  -d '{\"a\": 1}\n```\n",
        );
        assert_eq!(lines(&f), vec![6]);
        assert_eq!(f[0].rule, "CURL001");
    }

    #[test]
    fn double_quotes_and_clean_commands() {
        assert_eq!(
            lines(&run(&UnterminatedQuote, "```bash\ncurl -H \"A: b\n```\n")),
            vec![2]
        );
        assert!(run(&UnterminatedQuote, "```bash\ncurl -H \"A: b\" 'x'\n```\n").is_empty());
    }

    fn fixed(text: &str) -> Option<String> {
        let f = run(&UnterminatedQuote, text);
        let fixes: Vec<_> = f.iter().filter_map(|f| f.fix.as_deref().cloned()).collect();
        (!fixes.is_empty()).then(|| crate::fix::apply(text, &fixes))
    }

    #[test]
    fn fix_closes_a_json_body_after_its_last_bracket() {
        let t = "```shell\ncurl -X POST 'https://h.x' \\\n  -d '{\n    \"a\": \"}\"\n  }\n```\n";
        let out = fixed(t).unwrap();
        assert_eq!(
            out,
            "```shell\ncurl -X POST 'https://h.x' \\\n  -d '{\n    \"a\": \"}\"\n  }'\n```\n"
        );
        assert!(run(&UnterminatedQuote, &out).is_empty());
        // In a list item, with indentation.
        let t = "1. Run:\n\n   ```shell\n   curl -d '{\"a\": 1}\n   ```\n";
        assert_eq!(
            fixed(t).unwrap(),
            "1. Run:\n\n   ```shell\n   curl -d '{\"a\": 1}'\n   ```\n"
        );
    }

    #[test]
    fn fix_closes_a_one_line_argument_before_the_continuation() {
        let t = "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'x-api-key: {API_KEY} \\\n  -H 'x-gw-ims-org-id: {ORG_ID}'\n```\n";
        // The second quote of line 3 closes line 2's, so the open one is line 3's last: no fix.
        assert_eq!(fixed(t), None);
        let t = "```shell\ncurl -X GET \"https://h.x \\\n  -H 'A: b'\n```\n";
        assert_eq!(
            fixed(t).unwrap(),
            "```shell\ncurl -X GET \"https://h.x\" \\\n  -H 'A: b'\n```\n"
        );
    }

    #[test]
    fn no_fix_when_unclear() {
        // Unbalanced JSON.
        assert_eq!(fixed("```shell\ncurl -d '{\"a\": [1}\n```\n"), None);
        // Nothing after the quote: it is the opening one that is missing.
        assert_eq!(fixed("```shell\ncurl -H x-api-key: {K}'\n```\n"), None);
        // Text after the closing bracket.
        assert_eq!(fixed("```shell\ncurl -d '{\"a\": 1} | jq\n```\n"), None);
    }
}
