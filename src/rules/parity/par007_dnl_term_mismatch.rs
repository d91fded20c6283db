//! PAR007 dnl-term-mismatch.

use super::align::UnitKind;
use super::helpers::{line, minus, paired, starting_inside, unit_anchor};
use super::sync_fix::with_sync_fix;
use crate::afm::TermKind;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;
use crate::sync::ChangeKind;

/// Reports `[!DNL]` terms of the source missing, unmarked or different in the translation.
pub struct DnlTermMismatch;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "PAR007",
    name: "dnl-term-mismatch",
    family: "parity",
    summary: "A `[!DNL]` term of the source is missing, unmarked or replaced on the aligned line",
    severity: Severity::Warning,
    fix: FixKind::Sometimes,
    scope: Scope::Pair,
    doc: r#"## What it checks
Every `[!DNL …]` (do not translate) term of an aligned source line must be on the translated line,
marked and unchanged. Reported: a term written without its marker, a term gone (translated or
dropped: `흐름 서비스` for `[!DNL Flow Service]`, `平台` for `[!DNL Platform]`), and a term the
source line does not have (`[!DNL AdWords]` on a Salesforce line).

## Why it matters
`[!DNL]` marks product and feature names. Translated, they name things that do not exist; replaced,
they name the wrong product; unmarked, the next translation round will translate them.

## Example
~~~markdown
Ce didacticiel utilise l’API de flux.
~~~

## Source page
~~~markdown
This tutorial uses the [!DNL Flow Service] API.
~~~

## Use instead
~~~markdown
Ce didacticiel utilise l’API [!DNL Flow Service].
~~~

## Fix
A `[!DNL …]` term whose text `locdoc sync` restores from the aligned source term carries sync's
repair. A term that lost its `[!DNL]` marking is prose to sync, and left for a person.
"#,
};

impl Rule for DnlTermMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((src, a)) = paired(ctx) else { return };
        let lang = primary_language(&ctx.doc.locale).to_string();
        let mut extras: std::collections::BTreeMap<String, Vec<(crate::afm::Span, String)>> =
            Default::default();
        for u in a
            .units
            .iter()
            .filter(|u| !matches!(u.kind, UnitKind::CodeLine))
        {
            fn terms<'d>(
                doc: &'d crate::afm::Document,
                span: &crate::afm::Span,
            ) -> Vec<(&'d str, &'d crate::afm::Span)> {
                starting_inside(&doc.terms, span, |t| t.span.start)
                    .iter()
                    .filter(|t| t.kind == TermKind::Dnl && !doc.in_code(t.span.start))
                    .map(|t| (t.text.as_str(), &t.span))
                    .collect()
            }
            let tt = terms(ctx.doc, &u.tr);
            let st = terms(src.doc, &u.src);
            let tn: Vec<&str> = tt.iter().map(|t| t.0).collect();
            let sn: Vec<&str> = st.iter().map(|t| t.0).collect();
            let mut missing = minus(&sn, &tn);
            let mut extra = minus(&tn, &sn);
            // The same terms on both sides (nearly every unit): nothing to report.
            if missing.is_empty() && extra.is_empty() {
                continue;
            }
            // Variants of one name (`Platform` / `Experience Platform`, `Real-time` / `Real-Time`).
            missing.retain(|m| {
                let ml = m.to_lowercase();
                match extra.iter().position(|e| {
                    let el = e.to_lowercase();
                    el.contains(&ml) || ml.contains(&el)
                }) {
                    Some(k) => {
                        extra.remove(k);
                        false
                    }
                    None => true,
                }
            });
            let sline = line(src.doc, u.src.start);
            let text = ctx.doc.slice(&u.tr);
            // The translated text with every term blanked: is a missing term there unmarked?
            let mut plain = text.to_string();
            for t in starting_inside(&ctx.doc.terms, &u.tr, |t| t.span.start) {
                let r = t.span.start - u.tr.start..(t.span.end - u.tr.start).min(plain.len());
                if plain.is_char_boundary(r.start) && plain.is_char_boundary(r.end) {
                    plain.replace_range(r.clone(), &" ".repeat(r.len()));
                }
            }
            for m in &missing {
                // A known translated rendering is reported by TXT010 already.
                if ctx
                    .corpus
                    .glossary
                    .renderings_for(&lang)
                    .any(|(n, r)| n == *m && text.contains(r))
                {
                    continue;
                }
                let msg = if plain.contains(m) {
                    format!("`{m}` is not marked [!DNL]; source line {sline} has `[!DNL {m}]`")
                } else {
                    format!("`[!DNL {m}]` of source line {sline} is missing here (translated or dropped)")
                };
                let span = unit_anchor(ctx.doc, u);
                let f = ctx
                    .finding(&META, span.clone(), msg)
                    .with_help(format!("write `[!DNL {m}]` as in the source"));
                out.push(with_sync_fix(ctx, f, &span, &[ChangeKind::Dnl]));
            }
            for e in &extra {
                let Some(&(_, span)) = tt.iter().find(|t| t.0 == *e) else {
                    continue;
                };
                let src_text = src.doc.slice(&u.src);
                let src_words: Vec<String> = crate::lang::words(src_text);
                if src_text.contains(e)
                    || crate::lang::words(e).iter().all(|w| src_words.contains(w))
                {
                    continue; // the source says it in plain words; marking it here is not wrong
                }
                let had = if st.is_empty() {
                    String::new()
                } else {
                    format!(
                        ", which has {}",
                        st.iter()
                            .map(|t| format!("`[!DNL {}]`", t.0))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                extras.entry(e.to_string()).or_default().push((
                    span.clone(),
                    format!("`[!DNL {e}]` is not in the source (source line {sline}{had})"),
                ));
            }
        }
        // The same term added on many lines is one systematic difference (a renamed product).
        for (term, hits) in extras {
            if hits.len() >= 3 {
                let span = hits[0].0.clone();
                let f = ctx.finding(
                    &META,
                    span.clone(),
                    format!(
                        "`[!DNL {term}]` is not in the source on {} aligned lines (first here): the source names it differently",
                        hits.len()
                    ),
                );
                out.push(with_sync_fix(ctx, f, &span, &[ChangeKind::Dnl]));
            } else {
                for (span, msg) in hits {
                    let f = ctx.finding(&META, span.clone(), msg);
                    out.push(with_sync_fix(ctx, f, &span, &[ChangeKind::Dnl]));
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
    fn missing_unmarked_and_wrong_terms() {
        let src = "# T\n\nUse the [!DNL Flow Service] API.\n\nConnect [!DNL HubSpot].\n\nThe [!DNL Salesforce] spec ID.\n";
        let tr = "# T\n\nUtilisez l’API du flux.\n\nConnectez HubSpot.\n\nL’ID de spec [!DNL AdWords].\n";
        let f = run_pair(&DnlTermMismatch, tr, Some(src));
        let mut l = lines(&f);
        l.sort();
        assert_eq!(l, vec![3, 5, 7, 7], "{f:?}");
        assert!(f
            .iter()
            .any(|x| x.message.contains("`HubSpot` is not marked")));
        assert!(f
            .iter()
            .any(|x| x.message.contains("`[!DNL AdWords]` is not in the source")));
    }
}
