//! PAR006 link-target-mismatch.

use super::align::UnitKind;
use super::helpers::{line, links_inside, links_sorted, minus, paired, unit_anchor};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::sync::ChangeKind;

/// Reports link and image targets that differ from the aligned source line.
pub struct LinkTargetMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR006",
    name: "link-target-mismatch",
    family: "parity",
    summary: "Link or image targets differ from the aligned source line",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
The targets of links and images on every aligned line, table row or heading are compared with the
source's: a target changed (another page, another anchor, `http` for `https`), dropped or added.

## Why it matters
Link targets are not translated: a different target sends readers of this locale somewhere else
than the source intends, often to a page that no longer exists.

## Example
~~~markdown
Voir [le guide](../../explore/tabular.md).
~~~

## Source page
~~~markdown
See [the guide](../../explore/crm.md).
~~~

## Use instead
~~~markdown
Voir [le guide](../../explore/crm.md).
~~~

## Fix
A changed target of a link that `locdoc sync` pairs with the source's link carries sync's repair
(the source's destination). A link missing from the translation is prose, and left for a person.
"#,
};

impl Rule for LinkTargetMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        let (t_sorted, s_sorted) = (links_sorted(ctx.doc), links_sorted(src.doc));
        for u in a.units.iter().filter(|u| u.kind != UnitKind::CodeLine) {
            let tl = links_inside(ctx.doc, t_sorted, &u.tr);
            let sl = links_inside(src.doc, s_sorted, &u.src);
            let tu: Vec<&str> = tl.iter().map(|l| l.url.as_str()).collect();
            let su: Vec<&str> = sl.iter().map(|l| l.url.as_str()).collect();
            let extra = minus(&tu, &su);
            let missing = minus(&su, &tu);
            let sline = line(src.doc, u.src.start);
            for (k, e) in extra.iter().enumerate() {
                let Some(l) = tl.iter().find(|l| l.url == *e) else {
                    continue;
                };
                let span = l.url_span.clone().unwrap_or(l.span.clone());
                let msg = match missing.get(k) {
                    Some(m) if extra.len() == missing.len() => format!(
                        "link target `{e}` differs from the source (source line {sline}: `{m}`)"
                    ),
                    _ => format!("link target `{e}` is not in the source (source line {sline})"),
                };
                let f = ctx.finding(&META, span.clone(), msg);
                let kinds = [ChangeKind::Link, ChangeKind::Image];
                out.push(super::sync_fix::with_sync_fix(ctx, f, &span, &kinds));
            }
            if extra.len() < missing.len() {
                for m in &missing[extra.len()..] {
                    out.push(ctx.finding(
                        &META,
                        unit_anchor(ctx.doc, u),
                        format!("link to `{m}` is missing (source line {sline})"),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{lines, run_pair};

    #[test]
    fn changed_and_dropped_targets() {
        let src = "# T\n\nSee [a](../a.md) and [b](https://b.example).\n\nRead [c](../c.md).\n";
        let tr = "# T\n\nVoir [a](../x.md) et [b](https://b.example).\n\nLire c.\n";
        let f = run_pair(&LinkTargetMismatch, tr, Some(src));
        assert_eq!(lines(&f), vec![3, 5], "{f:?}");
        assert!(f[0].message.contains("source line 3: `../a.md`"));
    }
}
