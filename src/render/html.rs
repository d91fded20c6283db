//! AFM → HTML in Experience League's markup, from pulldown-cmark events plus AFM preprocessing.
//!
//! `>[!NOTE]` alerts become `<div class="extension note" data-label="NOTE">`, `{#id}` anchors
//! heading ids, `[!DNL x]` plain `x`, `[!UICONTROL x]` `<span class="uicontrol">x</span>`. Safety:
//! raw HTML in the source is escaped (comments dropped), link and image URLs outside http(s),
//! mailto and relative paths become `#`, and heading attributes other than id/class are dropped, so
//! no event handler or `javascript:` URL can come from a page. Relative `.md` links point to `.html`.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd};
use regex::Regex;
use std::path::Path;
use std::sync::LazyLock;

pub use super::switcher::{autonym, sibling_links, switcher_links, LocaleLink};
use super::template::{Slot, Slots, Template};
use super::RenderError;
use crate::afm::{self, AlertKind};

static ALERT_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"^\s*\[!([A-Z]+)\]\s*").unwrap()
});

/// The built-in page shell (`templates/page.html`), used by `locdoc html`.
pub const BUILTIN_PAGE: &str = include_str!("../../templates/page.html");

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// A whole page: `template` filled with the body of `markdown`, its title and the switcher.
pub fn page(
    template: &Template,
    markdown: &str,
    locale: &str,
    links: &[LocaleLink],
    switcher_label: &str,
) -> Result<String, RenderError> {
    let doc = afm::parse(Path::new("page.md"), "page.md", markdown.into());
    let fm = doc.front_matter.as_ref();
    let md = markdown.get(fm.map_or(0, |f| f.span.end)..).unwrap_or("");
    let title = fm
        .and_then(|f| f.get("title").map(str::to_string))
        .or_else(|| first_heading(md))
        .unwrap_or_default();
    let description = fm
        .and_then(|f| f.get("description").map(str::to_string))
        .unwrap_or_default();
    let mut nav = String::new();
    for l in links {
        if l.current {
            nav.push_str(&format!(
                "<li><span aria-current=\"page\" lang=\"{}\">{}</span></li>",
                escape(&l.locale),
                escape(&l.label)
            ));
        } else {
            nav.push_str(&format!(
                "<li><a href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></li>",
                escape(&l.href),
                escape(&l.locale),
                escape(&l.locale),
                escape(&l.label)
            ));
        }
    }
    let mut slots = PageShell {
        lang: escape(locale),
        title: escape(&afm::strip_terms(&title)),
        description: escape(&afm::strip_terms(&description)),
        switcher_label: escape(switcher_label),
        switcher: nav,
        body: body(md),
    };
    template.expand(&mut slots)
}

fn first_heading(md: &str) -> Option<String> {
    let mut in_h = false;
    let mut s = String::new();
    for ev in Parser::new_ext(md, afm::options()) {
        match ev {
            Event::Start(Tag::Heading { .. }) => in_h = true,
            Event::End(TagEnd::Heading(_)) if in_h => return Some(s),
            Event::Text(t) | Event::Code(t) if in_h => s.push_str(&t),
            _ => {}
        }
    }
    None
}

struct PageShell {
    lang: String,
    title: String,
    description: String,
    switcher_label: String,
    switcher: String,
    body: String,
}

impl Slots for PageShell {
    fn value(&mut self, slot: &Slot) -> Result<String, String> {
        Ok(match slot.name.as_str() {
            "$lang" => self.lang.clone(),
            "$title" => self.title.clone(),
            "$description" => self.description.clone(),
            "$switcherLabel" => self.switcher_label.clone(),
            "$switcher" => self.switcher.clone(),
            "$body" => self.body.clone(),
            other => return Err(format!("unknown page slot `{other}`")),
        })
    }
    fn items(&mut self, list: &Slot) -> Result<usize, String> {
        Err(format!("no list `{}` in a page shell", list.name))
    }
    fn enter(&mut self, _: &str, _: Option<usize>) {}
}

/// The HTML of a Markdown body (front matter already removed, or absent).
pub fn body(md: &str) -> String {
    let events = sanitize(Parser::new_ext(md, afm::options()));
    let events = alerts(merge_text(events));
    let events = terms(events);
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

/// Removes `<!-- … -->` comments (an unclosed one runs to the end).
fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find("<!--") {
        out.push_str(&rest[..i]);
        match rest[i + 4..].find("-->") {
            Some(j) => rest = &rest[i + 4 + j + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// `#` for URLs that could run script or embed content; `.md` → `.html` for relative links.
pub fn safe_url(url: &str) -> String {
    let squeezed: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    let scheme_end = squeezed.find(':');
    let has_scheme = scheme_end.is_some_and(|i| {
        let s = &squeezed[..i];
        !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if has_scheme {
        let scheme = squeezed[..scheme_end.unwrap_or(0)].to_ascii_lowercase();
        return if matches!(scheme.as_str(), "http" | "https" | "mailto") {
            url.to_string()
        } else {
            "#".into()
        };
    }
    if url.starts_with("//") {
        return url.to_string();
    }
    let cut = url.find(['#', '?']).unwrap_or(url.len());
    let (path, rest) = url.split_at(cut);
    match path.strip_suffix(".md") {
        Some(stem) if !stem.is_empty() => format!("{stem}.html{rest}"),
        _ => url.to_string(),
    }
}

fn sanitize<'a>(parser: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for ev in parser {
        match ev {
            Event::Start(Tag::HtmlBlock) => block = Some(String::new()),
            Event::End(TagEnd::HtmlBlock) => {
                let raw = block.take().unwrap_or_default();
                let visible = strip_comments(&raw);
                if !visible.trim().is_empty() {
                    out.push(Event::Html("<p class=\"raw-html\">".into()));
                    out.push(Event::Text(visible.trim_end().to_string().into()));
                    out.push(Event::Html("</p>\n".into()));
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => match block.as_mut() {
                Some(b) => b.push_str(&h),
                None => {
                    let v = strip_comments(&h);
                    if !v.is_empty() {
                        out.push(Event::Text(v.into()));
                    }
                }
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push(Event::Start(Tag::Link {
                link_type,
                dest_url: safe_url(&dest_url).into(),
                title,
                id,
            })),
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => out.push(Event::Start(Tag::Image {
                link_type,
                dest_url: safe_url(&dest_url).into(),
                title,
                id,
            })),
            Event::Start(Tag::Heading {
                level, id, classes, ..
            }) => out.push(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs: Vec::new(),
            })),
            other => out.push(other),
        }
    }
    out
}

fn merge_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for ev in events {
        if let Event::Text(t) = &ev {
            if let Some(Event::Text(prev)) = out.last_mut() {
                let joined = format!("{prev}{t}");
                *prev = CowStr::from(joined);
                continue;
            }
        }
        out.push(ev);
    }
    out
}

/// Block quotes that open with `[!KIND]` become `<div class="extension kind" data-label="KIND">`.
fn alerts(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut stack: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::BlockQuote(_)) => {
                let marker = match (events.get(i + 1), events.get(i + 2)) {
                    (Some(Event::Start(Tag::Paragraph)), Some(Event::Text(t))) => {
                        ALERT_RE.captures(t).and_then(|c| {
                            Some((c.get(0)?.end(), AlertKind::parse(c.get(1)?.as_str())?))
                        })
                    }
                    _ => None,
                };
                let Some((end, kind)) = marker else {
                    stack.push(false);
                    out.push(events[i].clone());
                    i += 1;
                    continue;
                };
                stack.push(true);
                let k = kind.as_str();
                out.push(Event::Html(
                    format!(
                        "<div class=\"extension {}\" data-label=\"{k}\">\n",
                        k.to_ascii_lowercase()
                    )
                    .into(),
                ));
                let rest = match &events[i + 2] {
                    Event::Text(t) => t[end..].to_string(),
                    _ => String::new(),
                };
                // Skip the marker paragraph when nothing else is in it.
                let mut j = i + 3;
                while matches!(events.get(j), Some(Event::SoftBreak | Event::HardBreak))
                    && rest.is_empty()
                {
                    j += 1;
                }
                if rest.is_empty() && matches!(events.get(j), Some(Event::End(TagEnd::Paragraph))) {
                    i = j + 1;
                } else {
                    out.push(Event::Start(Tag::Paragraph));
                    if !rest.is_empty() {
                        out.push(Event::Text(rest.into()));
                    }
                    i = j;
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                if stack.pop() == Some(true) {
                    out.push(Event::Html("</div>\n".into()));
                } else {
                    out.push(events[i].clone());
                }
                i += 1;
            }
            _ => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// `[!DNL x]` → `x`, `[!UICONTROL x]` → `<span class="uicontrol">x</span>`, outside code blocks.
fn terms(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_code = false;
    for ev in events {
        match ev {
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                out.push(ev);
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                out.push(ev);
            }
            Event::Text(t) if !in_code && afm::terms::term_matches(&t).next().is_some() => {
                let mut last = 0;
                for m in afm::terms::term_matches(&t) {
                    if m.whole.start > last {
                        out.push(Event::Text(t[last..m.whole.start].to_string().into()));
                    }
                    let inner = t.get(m.text.clone()).unwrap_or("").trim();
                    if m.dnl {
                        out.push(Event::Text(inner.to_string().into()));
                    } else {
                        out.push(Event::InlineHtml(
                            format!("<span class=\"uicontrol\">{}</span>", escape(inner)).into(),
                        ));
                    }
                    last = m.whole.end;
                }
                if last < t.len() {
                    out.push(Event::Text(t[last..].to_string().into()));
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn afm_markup_becomes_experience_league_html() {
        let h = body("# Use [!DNL HubSpot] {#use}\n\n>[!NOTE]\n>\n>Click [!UICONTROL Save <now>].\n\n| A | B |\n| --- | --- |\n| `x` | y |\n\n```shell\ncurl [!DNL x]\n```\n");
        assert!(h.contains("<h1 id=\"use\">Use HubSpot</h1>"), "{h}");
        assert!(
            h.contains("<div class=\"extension note\" data-label=\"NOTE\">\n<p>Click <span class=\"uicontrol\">Save &lt;now&gt;</span>.</p>\n</div>"),
            "{h}"
        );
        assert!(h.contains("<table>"), "{h}");
        assert!(
            h.contains("<code class=\"language-shell\">curl [!DNL x]\n</code>"),
            "{h}"
        );
    }

    #[test]
    fn alert_text_on_the_marker_line_is_kept() {
        let h = body(">[!TIP] Use it.\n\n> plain quote\n");
        assert!(
            h.contains("<div class=\"extension tip\" data-label=\"TIP\">\n<p>Use it.</p>"),
            "{h}"
        );
        assert!(h.contains("<blockquote>"), "{h}");
    }

    #[test]
    fn raw_html_and_dangerous_urls_are_neutralized() {
        let h = body("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there.\n\n<!-- markdownlint-disable -->\n\n[a](javascript:alert(1)) [b]( JaVa\tScRiPt:x) [c](data:text/html,x) ![i](data:image/png;base64,x) [d](other.md#top) [e](https://x.y/a.md)\n\n# H {#h onclick=\"alert(1)\"}\n");
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img src=\"x\""), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
        assert!(!h.contains("markdownlint"), "{h}");
        assert!(!h.contains("javascript:"), "{h}");
        assert!(!h.to_ascii_lowercase().contains("href=\"data:"), "{h}");
        assert!(!h.contains("src=\"data:"), "{h}");
        assert!(!h.contains("onclick"), "{h}");
        assert!(!h.contains("<img src=x"), "{h}");
        assert!(h.contains("&lt;img src=x onerror=alert(1)&gt;"), "{h}");
        assert!(h.contains("href=\"other.html#top\""), "{h}");
        assert!(h.contains("href=\"https://x.y/a.md\""), "{h}");
    }

    #[test]
    fn page_has_switcher_title_and_lang() {
        let t = Template::parse("page.html", BUILTIN_PAGE).unwrap();
        let links = switcher_links(&["en".into(), "fr".into()], "fr", "hubspot", |l| {
            autonym(l).to_string()
        });
        let p = page(
            &t,
            "---\ntitle: Créer [!DNL X] <b>\n---\n# T\n",
            "fr",
            &links,
            "Langues",
        )
        .unwrap();
        assert!(p.contains("<html lang=\"fr\">"), "{p}");
        assert!(p.contains("<title>Créer X &lt;b&gt;</title>"), "{p}");
        assert!(
            p.contains("<a href=\"../en/hubspot.html\" hreflang=\"en\" lang=\"en\">English</a>"),
            "{p}"
        );
        assert!(
            p.contains("aria-current=\"page\" lang=\"fr\">Français<"),
            "{p}"
        );
    }
}
