//! IO001 unreadable-file.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// A file that could not be read as UTF-8 text. Reported by the loader (`Scope::Load`): the other
/// files are still checked.
pub struct UnreadableFile;

/// Metadata, public so the loader can build findings.
pub static META: RuleMeta = RuleMeta {
    id: "IO001",
    name: "unreadable-file",
    family: "io",
    summary: "A file could not be read as UTF-8 text (unreadable, binary, not UTF-8 or too large)",
    severity: Severity::Error,
    fix: FixKind::None,
    scope: Scope::Load,
    doc: r#"## What it checks
Every file locdoc is asked to check must be readable UTF-8 text under the size limit. Files that are
not (permission denied, binary, Latin-1 or UTF-16 encoded, larger than the limit) are named in a
finding with the reason and the byte offset of the first invalid sequence; all other files are still
checked.

## Why it matters
A page saved in the wrong encoding is published as mojibake, and a page nobody can read is a page
nobody checks.

## Example
~~~markdown
(a file saved as Windows-1252: `Cr\xe9ation d'une connexion`)
~~~

## Use instead
~~~markdown
Création d'une connexion
~~~
"#,
};

impl Rule for UnreadableFile {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
