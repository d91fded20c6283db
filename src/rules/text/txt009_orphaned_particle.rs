//! TXT009 orphaned-particle.

use regex::Regex;
use std::sync::LazyLock;

use super::helpers::{sentence_starts, Segment};
use crate::diag::{Finding, Severity};
use crate::rules::{Context, FixKind, Rule, RuleMeta, Scope};
use crate::source::primary_language;

/// Reports Korean particles and Chinese `的` left without the word they attach to.
pub struct OrphanedParticle;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "TXT009",
    name: "orphaned-particle",
    family: "text",
    summary: "Korean particle or Chinese `的` cut off from its word (a moved [!DNL] term)",
    severity: Severity::Warning,
    fix: FixKind::None,
    scope: Scope::Document,
    doc: r#"## What it checks
Korean pages: a sentence, table cell or link text that starts with a particle (`와`, `과`, `을`,
`를`, `은`, `는`, `의`, `에`, `에서`, `에 대한`, `(으)로`, `이(가)`…); a particle standing alone after a
Korean word (`필수이며 를 사용하여`); a particle glued onto another (`요청은에 대한`). Chinese pages:
a sentence or cell starting with `的`. A particle after a term or code span with a space
(`[!DNL Flow Service] 는`) is common house style and is not reported.

## Why it matters
Particles attach to the noun before them. Machine translation that moves a `[!DNL]` term or a code
span to the end of the sentence leaves the particle with nothing to attach to, and the sentence no
longer says what it is about.

## Example
~~~markdown
<!-- locale: ko-KR -->
| `clientId` | 와 연결된 클라이언트 ID [!DNL HubSpot] 응용 프로그램. |
|---|---|
~~~

## Use instead
~~~markdown
<!-- locale: ko-KR -->
| `clientId` | [!DNL HubSpot] 응용 프로그램과 연결된 클라이언트 ID입니다. |
|---|---|
~~~
"#,
};

/// Whether `tok` is one of the Korean particles that never start a sentence or stand alone (a
/// `match`, compiled to a switch on the length: it runs on every word of a Korean page, issue 8).
fn is_ko_particle(tok: &str) -> bool {
    matches!(
        tok,
        "와" | "과"
            | "와(과)"
            | "과(와)"
            | "을"
            | "를"
            | "을(를)"
            | "를(을)"
            | "은"
            | "는"
            | "은(는)"
            | "는(은)"
            | "이(가)"
            | "가(이)"
            | "가"
            | "의"
            | "에"
            | "에서"
            | "에게"
            | "로"
            | "으로"
            | "(으)로"
            | "에서는"
            | "에는"
            | "와의"
            | "과의"
            | "로부터"
            | "에서의"
            | "에서도"
            | "에도"
    )
}

static GLUED_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)] // a literal pattern
    Regex::new(r"[가-힣](?:는|은|를|을)(에)(?:\s|$)").unwrap()
});

fn is_hangul(c: char) -> bool {
    ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

/// The first whitespace-separated token at `i`, with its end.
fn token_at(s: &str, i: usize) -> (&str, usize) {
    let rest = &s[i..];
    let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    (&rest[..len], i + len)
}

/// Where the page's links (not images) start, sorted: looked up per segment by binary search
/// rather than scanning every link for every segment (issue 8).
fn link_starts(ctx: &Context<'_>) -> Vec<usize> {
    let mut v: Vec<usize> = ctx
        .doc
        .links
        .iter()
        .filter(|l| !l.image)
        .map(|l| l.span.start)
        .collect();
    v.sort_unstable();
    v
}

/// Sentence starts in a segment: after sentence punctuation, and where a link text begins.
fn starts(seg: &Segment, links: &[usize]) -> Vec<usize> {
    let mut v = sentence_starts(&seg.masked);
    for &l in crate::afm::starting_in(links, &seg.span, |&x| x) {
        v.push(l + 1 - seg.span.start);
    }
    v.sort_unstable();
    v.dedup();
    v
}

impl Rule for OrphanedParticle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        match primary_language(&ctx.doc.locale) {
            "ko" => check_korean(ctx, out),
            "zh" => check_chinese(ctx, out),
            _ => {}
        }
    }
}

fn check_korean(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let links = link_starts(ctx);
    for seg in ctx.segments().iter() {
        let m = &seg.masked;
        let mut reported = Vec::new();
        for i in starts(seg, &links) {
            let (tok, end) = token_at(m, i);
            if is_ko_particle(tok) {
                reported.push(i);
                out.push(
                    ctx.finding(&META, seg.at(i)..seg.at(end), format!("sentence starts with the particle `{tok}`: the word it belongs to was moved"))
                        .with_help("put the term (often a [!DNL] name) back in front of the particle"),
                );
            }
        }
        // A particle standing alone after a Korean word.
        let mut pos = 0;
        let mut prev_tok: Option<&str> = None;
        for tok in m.split(' ') {
            let start = pos;
            pos += tok.len() + 1;
            if tok.is_empty() {
                continue;
            }
            let after_korean =
                prev_tok.is_some_and(|p| p.chars().next_back().is_some_and(is_hangul));
            if after_korean && is_ko_particle(tok) && !reported.contains(&start) {
                out.push(
                    ctx.finding(&META, seg.at(start)..seg.at(start + tok.len()), format!("particle `{tok}` stands alone: the word it belongs to was moved"))
                        .with_help("attach the particle to its noun, usually the term or code span moved to the end of the sentence"),
                );
            }
            prev_tok = Some(tok);
        }
        for caps in GLUED_RE.captures_iter(m) {
            let Some(p) = caps.get(1) else { continue };
            let glued = &m[p.start().saturating_sub(3)..p.end()];
            out.push(
                ctx.finding(&META, seg.at(p.start())..seg.at(p.end()), format!("particle `에` is glued onto another particle (`{glued}`): a word between them was moved"))
                    .with_help("put the moved term back between the two particles"),
            );
        }
    }
}

fn check_chinese(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let links = link_starts(ctx);
    for seg in ctx.segments().iter() {
        for i in starts(seg, &links) {
            if seg.masked[i..].starts_with('的') {
                out.push(
                    ctx.finding(
                        &META,
                        seg.at(i)..seg.at(i + '的'.len_utf8()),
                        "sentence starts with `的`: the word it qualifies was moved",
                    )
                    .with_help(
                        "move the term after `的` (often a [!DNL] name) back in front of it",
                    ),
                );
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
    fn korean_orphans() {
        let s = "| `a` | 와 연결된 클라이언트 ID [!DNL HubSpot] 응용 프로그램. |\n|---|---|\n| `b` | 고유 식별자입니다. 에 대한 연결 사양 ID [!DNL X] 는 다음과 같습니다. |\n\n이 값은 필수이며 를 사용하여 우회할 수 없습니다.\n\n다음 요청은에 대한 기본 연결을 만듭니다.\n\n* [를 사용하여 탐색합니다. [!DNL Flow Service] API](../x.md)\n\n이 자습서에서는 [!DNL Flow Service] 를 사용합니다.\n";
        let f = run_locale(&OrphanedParticle, s, "ko-KR");
        assert_eq!(lines(&f), vec![1, 3, 5, 7, 9], "{f:?}");
    }

    #[test]
    fn chinese_de() {
        let s = "| `a` | 的 [!DNL Zendesk] 来源为测试版。 |\n|---|---|\n\n>[!NOTE]\n>\n>的 [!DNL Zendesk] 来源。\n\n目标的连接规范。\n";
        let f = run_locale(&OrphanedParticle, s, "zh-Hans");
        assert_eq!(lines(&f), vec![1, 6], "{f:?}");
    }
}
