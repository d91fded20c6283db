//! TXT010 translated-product-name.

use super::helpers::MASK;
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;

/// Reports product names that were translated although they must stay as they are.
pub struct TranslatedProductName;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT010",
    name: "translated-product-name",
    family: "text",
    summary: "A product name that must stay in English was translated (流服务, 흐름 서비스, service de flux)",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Known machine-translated renderings of product names (the glossary: *Flow Service* as `流服务`,
`흐름 서비스` or `service de flux`, *Experience Platform* as `plate-forme d’expérience`, *HubSpot* as
`허브스팟`…) in the prose and front matter of a page in that language. The glossary is built from the
`[!DNL]` terms of the whole tree and can be extended in configuration. Renderings of one-word names
that are also ordinary words (*Platform*) are judged against the source page by `PAR007` instead.

## Why it matters
Product names are marked `[!DNL …]` because users search for them and see them in the UI in English.
A translated name is a name that does not exist.

## Example
~~~markdown
<!-- locale: zh-Hans -->
本教程使用流服务API创建基本连接。
~~~

## Use instead
~~~markdown
<!-- locale: zh-Hans -->
本教程使用[!DNL Flow Service] API创建基本连接。
~~~
"#,
};

impl Rule for TranslatedProductName {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let lang = primary_language(&ctx.doc.locale);
        // Segments and front matter fields are the page text with some bytes masked (as `MASK`),
        // so a rendering found in one of them is in the page text: the others cannot match. A
        // rendering containing `MASK` itself is kept, as it could match a masked stretch.
        let text: &str = &ctx.doc.text;
        let renderings: Vec<(&str, &str)> = ctx
            .corpus
            .glossary
            .renderings_for(lang)
            .filter(|(_, r)| r.as_bytes().contains(&MASK) || text.contains(r))
            .collect();
        if renderings.is_empty() {
            return;
        }
        let mut places: Vec<(usize, String)> = ctx
            .segments()
            .iter()
            .map(|s| (s.span.start, s.without_terms(ctx.doc, &[])))
            .collect();
        if let Some(fm) = &ctx.doc.front_matter {
            for key in ["title", "description", "keywords"] {
                if let Some(f) = fm.field(key) {
                    places.push((f.span.start, ctx.doc.slice(&f.span).to_string()));
                }
            }
        }
        // One searcher per rendering for the page, not one per rendering and segment.
        let finders: Vec<memchr::memmem::Finder<'_>> = renderings
            .iter()
            .map(|(_, r)| memchr::memmem::Finder::new(r.as_bytes()))
            .collect();
        for (base, text) in places {
            let mut taken: Vec<std::ops::Range<usize>> = Vec::new();
            for ((name, rendering), finder) in renderings.iter().zip(&finders) {
                for i in finder.find_iter(text.as_bytes()) {
                    let r = i..i + rendering.len();
                    if taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                        continue;
                    }
                    taken.push(r.clone());
                    out.push(
                        ctx.finding(&META, base + r.start..base + r.end, format!("`{rendering}` translates the product name {name}, which stays as it is"))
                            .with_help(format!("write `[!DNL {name}]` (plain `{name}` in front matter)")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::lines;
    use crate::rules::text::helpers::run_locale;

    #[test]
    fn renderings_in_prose_and_front_matter() {
        let s = "---\ntitle: 使用流服务API创建连接\n---\n\n本教程使用流量服务API。\n\n使用[!DNL Flow Service] API和`流服务`。\n";
        let mut f = run_locale(&TranslatedProductName, s, "zh-Hans");
        f.sort_by_key(|x| x.span.start);
        assert_eq!(lines(&f), vec![2, 5], "{f:?}");
        let k = "[!DNL Mixpanel]흐름 서비스 API를 사용하여 연결합니다.\n";
        assert_eq!(
            lines(&run_locale(&TranslatedProductName, k, "ko-KR")),
            vec![1]
        );
        assert!(run_locale(&TranslatedProductName, "Le service de flux.\n", "en").is_empty());
    }
}
