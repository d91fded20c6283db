//! pulldown-cmark events (with offsets) → [`Document`].
//!
//! One pass over the event stream fills every collection of the model. The AFM extensions that
//! CommonMark does not know are recognised from the source text at the spans pulldown-cmark gives.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use regex::Regex;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use super::front_matter;
use super::model::*;
use super::LineIndex;

/// The pulldown-cmark options locdoc parses with (the one place they are set).
pub fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

static ANCHOR_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"\{#([^}\s]+)\}\s*$").unwrap()
});
static ALERT_RE: LazyLock<Regex> = LazyLock::new(|| {
    #[allow(clippy::unwrap_used)]
    Regex::new(r"^[ \t]*>[ \t]*\[!([A-Z]+)\]").unwrap()
});

enum Open {
    Heading {
        level: u8,
        start: usize,
        text: String,
    },
    Link {
        image: bool,
        url: String,
        start: usize,
        text: String,
    },
    Cell {
        start: usize,
        text: String,
    },
}

/// Parses `text` (the file content) into a [`Document`]. `locale` is filled in by `source`.
pub fn parse(path: &Path, display: &str, text: Arc<str>) -> Document {
    let (front_matter, md_start) = front_matter::split(&text);
    let lines = LineIndex::new(text.clone());
    let mut doc = Document {
        path: path.to_path_buf(),
        display: display.to_string(),
        locale: String::new(),
        locale_from_path: false,
        text: text.clone(),
        lines,
        front_matter,
        blocks: Vec::new(),
        headings: Vec::new(),
        code_blocks: Vec::new(),
        tables: Vec::new(),
        links: Vec::new(),
        code_spans: Vec::new(),
        terms: Vec::new(),
        alerts: Vec::new(),
        texts: Vec::new(),
        html: Vec::new(),
    };
    // A byte-order mark is not content (front_matter::split skips it too).
    let md_start = if md_start == 0 && text.starts_with('\u{feff}') {
        3
    } else {
        md_start
    };
    let md = &text[md_start..];

    let mut depth = 0usize;
    let mut block_start = 0usize;
    let mut block_kind: Option<BlockKind> = None;
    let mut open: Vec<Open> = Vec::new();
    let mut code: Option<CodeBlock> = None;
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut in_head = false;

    for (event, range) in Parser::new_ext(md, options()).into_offset_iter() {
        let range = range.start + md_start..range.end + md_start;
        let block_index = doc.blocks.len();
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    block_start = range.start;
                    block_kind = top_level_kind(&tag, &text, &range, &doc);
                }
                depth += 1;
                match tag {
                    Tag::Heading { level, .. } => open.push(Open::Heading {
                        level: level as u8,
                        start: range.start,
                        text: String::new(),
                    }),
                    Tag::Link { dest_url, .. } => open.push(Open::Link {
                        image: false,
                        url: dest_url.into_string(),
                        start: range.start,
                        text: String::new(),
                    }),
                    Tag::Image { dest_url, .. } => open.push(Open::Link {
                        image: true,
                        url: dest_url.into_string(),
                        start: range.start,
                        text: String::new(),
                    }),
                    Tag::CodeBlock(kind) => {
                        let info = match kind {
                            CodeBlockKind::Fenced(info) => info.into_string(),
                            CodeBlockKind::Indented => String::new(),
                        };
                        code = Some(CodeBlock {
                            info,
                            text: String::new(),
                            span: range.clone(),
                            pieces: Vec::new(),
                        });
                    }
                    Tag::Table(_) => {
                        table = Some(Table {
                            header: Row {
                                cells: Vec::new(),
                                span: range.clone(),
                            },
                            rows: Vec::new(),
                            span: range.clone(),
                        })
                    }
                    Tag::TableHead => {
                        in_head = true;
                        row = Some(Row {
                            cells: Vec::new(),
                            span: range.clone(),
                        });
                    }
                    Tag::TableRow => {
                        row = Some(Row {
                            cells: Vec::new(),
                            span: range.clone(),
                        })
                    }
                    Tag::TableCell => open.push(Open::Cell {
                        start: range.start,
                        text: String::new(),
                    }),
                    Tag::BlockQuote(_) => {
                        if let Some(alert) = alert_at(&text, &range) {
                            doc.alerts.push(alert);
                        }
                    }
                    _ => {}
                }
            }
            Event::End(tag_end) => {
                depth = depth.saturating_sub(1);
                match tag_end {
                    TagEnd::Heading(_) => {
                        if let Some(Open::Heading {
                            level,
                            start,
                            text: t,
                        }) = pop_kind(&mut open, |o| matches!(o, Open::Heading { .. }))
                        {
                            let span = start..range.end;
                            let anchor = anchor_in(&text, &span);
                            doc.headings.push(Heading {
                                level,
                                text: super::terms::strip_terms(t.trim()),
                                anchor,
                                span,
                            });
                        }
                    }
                    TagEnd::Link | TagEnd::Image => {
                        if let Some(Open::Link {
                            image,
                            url,
                            start,
                            text: t,
                        }) = pop_kind(&mut open, |o| matches!(o, Open::Link { .. }))
                        {
                            let span = start..range.end;
                            let url_span = locate_url(&text, &span, &url);
                            doc.links.push(Link {
                                image,
                                text: t,
                                url,
                                span,
                                url_span,
                            });
                        }
                    }
                    TagEnd::CodeBlock => {
                        if let Some(mut c) = code.take() {
                            c.span = c.span.start..range.end;
                            doc.code_blocks.push(c);
                        }
                    }
                    TagEnd::TableCell => {
                        if let Some(Open::Cell { start, text: t }) =
                            pop_kind(&mut open, |o| matches!(o, Open::Cell { .. }))
                        {
                            if let Some(r) = row.as_mut() {
                                r.cells.push(Cell {
                                    text: super::terms::strip_terms(t.trim()),
                                    span: start..range.end,
                                });
                            }
                        }
                    }
                    TagEnd::TableHead => {
                        in_head = false;
                        if let (Some(mut r), Some(t)) = (row.take(), table.as_mut()) {
                            r.span = r.span.start..range.end;
                            t.header = r;
                        }
                    }
                    TagEnd::TableRow => {
                        if let (Some(mut r), Some(t)) = (row.take(), table.as_mut()) {
                            r.span = r.span.start..range.end;
                            t.rows.push(r);
                        }
                    }
                    TagEnd::Table => {
                        if let Some(mut t) = table.take() {
                            t.span = t.span.start..range.end;
                            doc.tables.push(t);
                        }
                    }
                    _ => {}
                }
                if depth == 0 {
                    if let Some(kind) = block_kind.take() {
                        let kind = finish_kind(kind, &doc);
                        doc.blocks.push(Block {
                            kind,
                            span: block_start..range.end,
                        });
                    }
                }
            }
            Event::Text(t) => {
                if let Some(c) = code.as_mut() {
                    c.pieces.push((c.text.len(), range.start, t.len()));
                    c.text.push_str(&t);
                    continue;
                }
                for o in open.iter_mut() {
                    match o {
                        Open::Heading { text, .. }
                        | Open::Link { text, .. }
                        | Open::Cell { text, .. } => text.push_str(&t),
                    }
                }
                doc.texts.push(TextRun {
                    text: t.into_string(),
                    span: range,
                    block: block_index,
                    in_table: table.is_some(),
                });
            }
            Event::Code(t) => {
                for o in open.iter_mut() {
                    match o {
                        Open::Heading { text, .. }
                        | Open::Link { text, .. }
                        | Open::Cell { text, .. } => text.push_str(&t),
                    }
                }
                doc.code_spans.push(CodeSpan {
                    code: t.into_string(),
                    span: range,
                });
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                if depth == 0 {
                    doc.blocks.push(Block {
                        kind: BlockKind::Html,
                        span: range.clone(),
                    });
                }
                doc.html.push(Html {
                    text: t.into_string(),
                    span: range,
                });
            }
            Event::SoftBreak | Event::HardBreak => {
                for o in open.iter_mut() {
                    match o {
                        Open::Heading { text, .. }
                        | Open::Link { text, .. }
                        | Open::Cell { text, .. } => text.push(' '),
                    }
                }
            }
            Event::Rule if depth == 0 => doc.blocks.push(Block {
                kind: BlockKind::Rule,
                span: range,
            }),
            _ => {}
        }
    }
    let _ = in_head;
    collect_terms(&mut doc);
    doc
}

fn pop_kind(open: &mut Vec<Open>, pred: impl Fn(&Open) -> bool) -> Option<Open> {
    let i = open.iter().rposition(pred)?;
    Some(open.remove(i))
}

fn top_level_kind(
    tag: &Tag<'_>,
    text: &str,
    range: &std::ops::Range<usize>,
    doc: &Document,
) -> Option<BlockKind> {
    Some(match tag {
        Tag::Heading { level, .. } => BlockKind::Heading {
            level: *level as u8,
            anchor: None,
        },
        Tag::Paragraph => BlockKind::Paragraph,
        Tag::List(start) => BlockKind::List {
            ordered: start.is_some(),
        },
        Tag::Table(_) => BlockKind::Table {
            index: doc.tables.len(),
        },
        Tag::CodeBlock(_) => BlockKind::Code {
            index: doc.code_blocks.len(),
        },
        Tag::BlockQuote(_) => match alert_at(text, range) {
            Some(a) => BlockKind::Alert { kind: a.kind },
            None => BlockKind::Quote,
        },
        Tag::HtmlBlock => BlockKind::Html,
        _ => return None,
    })
}

/// Fills in what is only known at the end of a block (the heading anchor).
fn finish_kind(kind: BlockKind, doc: &Document) -> BlockKind {
    match kind {
        BlockKind::Heading { level, .. } => BlockKind::Heading {
            level,
            anchor: doc
                .headings
                .last()
                .and_then(|h| h.anchor.as_ref().map(|a| a.0.clone())),
        },
        other => other,
    }
}

fn alert_at(text: &str, range: &std::ops::Range<usize>) -> Option<Alert> {
    let s = text.get(range.clone())?;
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let first_line = text[line_start..].lines().next().unwrap_or("");
    let caps = ALERT_RE
        .captures(first_line)
        .or_else(|| ALERT_RE.captures(s.lines().next().unwrap_or("")))?;
    let kind = AlertKind::parse(caps.get(1)?.as_str())?;
    let m = caps.get(0)?;
    let base = if ALERT_RE.is_match(first_line) {
        line_start
    } else {
        range.start
    };
    let marker_start = base + m.as_str().find('[').unwrap_or(0);
    Some(Alert {
        kind,
        span: range.clone(),
        marker_span: marker_start..base + m.end(),
    })
}

fn anchor_in(text: &str, span: &std::ops::Range<usize>) -> Option<(String, Span)> {
    let s = text.get(span.clone())?;
    let first = s.lines().next()?;
    let caps = ANCHOR_RE.captures(first)?;
    let whole = caps.get(0)?;
    let id = caps.get(1)?;
    let trimmed = whole.as_str().trim_end();
    Some((
        id.as_str().to_string(),
        span.start + whole.start()..span.start + whole.start() + trimmed.len(),
    ))
}

fn locate_url(text: &str, span: &std::ops::Range<usize>, url: &str) -> Option<Span> {
    let s = text.get(span.clone())?;
    // `memmem` rather than `str::rfind`/`find`: these run once per link, and the standard
    // two-way searcher's set-up costs more than the search itself on strings this short.
    let open = memchr::memmem::rfind(s.as_bytes(), b"](")? + 2;
    if url.is_empty() {
        return Some(span.start + open..span.start + open);
    }
    let rest = &s.as_bytes()[open..];
    let at = if rest.starts_with(url.as_bytes()) {
        0
    } else {
        memchr::memmem::find(rest, url.as_bytes())?
    };
    let start = span.start + open + at;
    Some(start..start + url.len())
}

fn collect_terms(doc: &mut Document) {
    let md_start = doc.front_matter.as_ref().map_or(0, |f| f.span.end);
    let mut terms = Vec::new();
    let body = doc.text.get(md_start..).unwrap_or("");
    for m in super::terms::term_matches(body) {
        let start = md_start + m.whole.start;
        if doc.in_code(start) {
            continue;
        }
        terms.push(Term {
            kind: if m.dnl {
                TermKind::Dnl
            } else {
                TermKind::Uicontrol
            },
            text: body.get(m.text.clone()).unwrap_or("").trim().to_string(),
            span: start..md_start + m.whole.end,
            text_span: md_start + m.text.start..md_start + m.text.end,
        });
    }
    doc.terms = terms;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(s: &str) -> Document {
        parse(Path::new("t.md"), "t.md", s.into())
    }

    #[test]
    fn model_has_spans_for_everything() {
        let s = "---\ntitle: T\n---\n# Make a [!DNL Thing] {#make}\n\n>[!NOTE]\n>\n>Careful.\n\n| A | B |\n|---|---|\n| `x` | [!UICONTROL Save] |\n\n```shell\ncurl -X POST \\\n  'https://e.x'\n```\n\nSee [docs](https://d.x) and `code`.\n";
        let d = doc(s);
        assert_eq!(d.headings.len(), 1);
        let h = &d.headings[0];
        assert_eq!(h.text, "Make a Thing");
        let (id, span) = h.anchor.clone().unwrap();
        assert_eq!(id, "make");
        assert_eq!(&s[span], "{#make}");
        assert_eq!(d.alerts.len(), 1);
        assert_eq!(d.alerts[0].kind, AlertKind::Note);
        assert_eq!(&s[d.alerts[0].marker_span.clone()], "[!NOTE]");
        assert_eq!(d.tables.len(), 1);
        assert_eq!(d.tables[0].rows[0].cells[0].text, "x");
        assert_eq!(d.tables[0].rows[0].cells[1].text, "Save");
        assert_eq!(d.code_blocks.len(), 1);
        let c = &d.code_blocks[0];
        assert_eq!(c.lang(), "shell");
        assert_eq!(&s[c.file_span(0..4)], "curl");
        assert_eq!(d.links.len(), 1);
        assert_eq!(&s[d.links[0].url_span.clone().unwrap()], "https://d.x");
        assert_eq!(d.terms.len(), 2);
        assert_eq!(d.terms[0].kind, TermKind::Dnl);
        assert_eq!(&s[d.terms[0].text_span.clone()], "Thing");
        let kinds: Vec<_> = d.blocks.iter().map(|b| format!("{:?}", b.kind)).collect();
        assert_eq!(kinds.len(), 5, "{kinds:?}");
        assert!(matches!(
            d.blocks[0].kind,
            BlockKind::Heading {
                level: 1,
                anchor: Some(_)
            }
        ));
        assert!(matches!(
            d.blocks[1].kind,
            BlockKind::Alert {
                kind: AlertKind::Note
            }
        ));
        assert_eq!(d.exl_id(), None);
        assert_eq!(d.title(), Some("T"));
    }

    #[test]
    fn indented_code_in_list_maps_offsets() {
        let s = "1. Step\n\n   ```shell\n   curl -X GET \\\n     'https://a.b'\n   ```\n";
        let d = doc(s);
        let c = &d.code_blocks[0];
        let at = c.text.find("'https").unwrap();
        let span = c.file_span(at..at + 13);
        assert_eq!(&s[span], "'https://a.b'");
    }
}
