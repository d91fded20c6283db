//! CURL002 missing-line-continuation.

use crate::diag::{Edit, Finding, Fix, Severity};
use crate::extract::ProblemKind;
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// Reports a line of a multi-line curl command that lacks its trailing `\`.
pub struct MissingContinuation;

static META: RuleMeta = RuleMeta {
    id: "CURL002",
    name: "missing-line-continuation",
    family: "curl",
    summary: "A curl line lacks its trailing `\\`, orphaning the option lines after it",
    severity: Severity::Error,
    fix: FixKind::Sometimes,
    scope: Scope::Document,
    doc: r#"## What it checks
A multi-line curl command where one line does not end with `\`, so the lines after it (`-H …`,
`-d …`) are no longer part of the command.

## Why it matters
The shell runs `curl` without the remaining headers or body, and then tries to run `-H` as a command.
The request fails with a confusing authentication or "command not found" error.

## Example
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}'
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'x-api-key: {API_KEY}' \
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~

## Fix
`check --fix` appends ` \` to the line, replacing any trailing spaces (a `\` followed by a space
does not continue the line). No fix is offered when a comment follows the last word.
"#,
};

impl Rule for MissingContinuation {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut found = Vec::new();
        super::helpers::report_problems(
            ctx,
            &META,
            ProblemKind::MissingContinuation,
            "end the line with ` \\`",
            &mut found,
        );
        for f in found {
            out.push(match continuation_fix(ctx, f.span.end) {
                Some(fix) => f.with_fix(fix),
                None => f,
            });
        }
    }
}

/// The edit appending ` \` after the last word, which ends at file offset `word_end`, when only
/// spaces follow it on its line.
fn continuation_fix(ctx: &Context<'_>, word_end: usize) -> Option<Fix> {
    let lines = &ctx.doc.lines;
    let line_end = lines.line_range(lines.line(word_end)).end;
    let tail = ctx.doc.text.get(word_end..line_end)?;
    if !tail.trim().is_empty() {
        return None;
    }
    Some(Fix {
        title: "append ` \\` to the line".into(),
        edits: vec![Edit {
            range: word_end..line_end,
            replacement: " \\".into(),
        }],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run};

    #[test]
    fn points_at_the_line_missing_the_backslash() {
        let f = run(&MissingContinuation, "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1'\n  -H 'B: 2' \\\n  -H 'C: 3'\n```\n");
        assert_eq!(lines(&f), vec![3]);
    }

    #[test]
    fn fix_appends_the_backslash_replacing_trailing_spaces() {
        let t = "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1'  \n  -H 'B: 2'\n```\n";
        let f = run(&MissingContinuation, t);
        let fixes: Vec<_> = f.iter().filter_map(|f| f.fix.as_deref().cloned()).collect();
        assert_eq!(fixes.len(), 1);
        let out = crate::fix::apply(t, &fixes);
        assert_eq!(
            out,
            "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' \\\n  -H 'B: 2'\n```\n"
        );
        assert!(run(&MissingContinuation, &out).is_empty());
        // CRLF line endings keep their `\r`.
        let t = t.replace('\n', "\r\n");
        let f = run(&MissingContinuation, &t);
        let out = crate::fix::apply(&t, &[*f[0].fix.clone().unwrap()]);
        assert!(out.contains("-H 'A: 1' \\\r\n"), "{out:?}");
    }

    #[test]
    fn no_fix_after_a_comment() {
        let t = "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' # key\n  -H 'B: 2'\n```\n";
        let f = run(&MissingContinuation, t);
        assert_eq!(f.len(), 1);
        assert!(f[0].fix.is_none() && !f[0].fixable);
    }

    #[test]
    fn separate_commands_are_not_orphans() {
        assert!(run(
            &MissingContinuation,
            "```shell\ncurl https://a.x\ncurl https://b.x\necho done\n```\n"
        )
        .is_empty());
    }
}
