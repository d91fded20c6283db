//! LINT001 unused-suppression.

use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};

/// A `locdoc-disable…` comment that silences nothing or names an unknown rule. Reported by the
/// suppression pass (`crate::suppress`) after the other rules ran, so `check` does nothing and the
/// scope is [`Scope::Load`] (the registry does not run its example; the tests below do).
pub struct UnusedSuppression;

/// Metadata, public so the suppression pass can build findings.
pub static META: RuleMeta = RuleMeta {
    id: "LINT001",
    name: "unused-suppression",
    family: "lint",
    summary: "A locdoc-disable comment silences no finding, or names an unknown rule",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Load,
    doc: r#"## What it checks
Inline suppression comments (`<!-- locdoc-disable-next-line RULE -->`,
`<!-- locdoc-disable RULE -->` … `<!-- locdoc-enable RULE -->`) whose rule reports nothing in the
lines they cover, and comments that name a rule locdoc does not know. Rules may be named by id
(`CURL005`), name (`duplicate-header`) or family (`curl`); no name means every rule. A comment just
before a code fence covers the whole code block.

## Why it matters
A suppression outlives the problem it hid: once the page is fixed, the stale comment would silently
hide the next real defect on that line. A misspelt rule name suppresses nothing at all.

## Example
~~~markdown
<!-- locdoc-disable-next-line CURL005 -->
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'Authorization: Bearer {ACCESS_TOKEN}' \
    -H 'x-api-key: {API_KEY}' \
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~

## Use instead
~~~markdown
```shell
curl -X GET 'https://platform.adobe.io/data/foundation/flowservice/connections' \
    -H 'Authorization: Bearer {ACCESS_TOKEN}' \
    -H 'x-api-key: {API_KEY}' \
    -H 'x-gw-ims-org-id: {ORG_ID}'
```
~~~

## Options
Turn it off with `ignore = ["LINT001"]` in `[rules]` of `locdoc.toml`. Suppressions naming only
rules switched off for the run are not reported.
"#,
};

impl Rule for UnusedSuppression {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, _ctx: &Context<'_>, _out: &mut Vec<Finding>) {}
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{page, run};
    use crate::rules::RULES;

    /// Every rule on `text`, then the suppression pass.
    fn check(text: &str) -> Vec<Finding> {
        let (doc, _) = page(text, "en");
        let mut out = Vec::new();
        for r in RULES {
            out.extend(run(*r, text));
        }
        crate::suppress::apply(&doc, out, &Default::default(), false)
    }

    fn example(heading: &str) -> String {
        let after = &META.doc[META.doc.find(heading).unwrap()..];
        let open = after.find("~~~markdown\n").unwrap() + 12;
        let close = after[open..].find("\n~~~").unwrap();
        after[open..open + close + 1].to_string()
    }

    #[test]
    fn the_documented_example_triggers_and_the_fix_is_clean() {
        let bad = check(&example("## Example"));
        assert_eq!(bad.len(), 1, "{bad:?}");
        assert_eq!((bad[0].rule, bad[0].line), ("LINT001", 1));
        assert!(check(&example("## Use instead")).is_empty());
    }

    #[test]
    fn a_used_suppression_is_silent() {
        let text = "<!-- locdoc-disable-next-line duplicate-header -->\n```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1' \\\n  -H 'A: 1'\n```\n";
        assert!(check(text).is_empty(), "{:?}", check(text));
    }
}
