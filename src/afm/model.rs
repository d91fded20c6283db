//! The document model: front matter, top-level blocks, and flat indexes of the inline elements rules need.
//!
//! Every element keeps its byte range in the original file text (`Span`), so findings and fixes can
//! point at exact positions. Collections are flat (rumdl's "lint context" idea): a rule asks for
//! `doc.links` rather than walking a tree.

use serde::Serialize;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use super::{FrontMatter, LineIndex};

/// A byte range in the file text.
pub type Span = Range<usize>;

/// A parsed AFM document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Path as reachable from the working directory.
    pub path: PathBuf,
    /// `path` as displayed in findings.
    pub display: String,
    /// Locale tag (`en`, `ko-KR`, `zh-Hans`, …), from the path or detected from the text.
    pub locale: String,
    /// Whether `locale` came from a path segment (true) or from the text (false).
    pub locale_from_path: bool,
    /// The whole file text.
    pub text: Arc<str>,
    /// Line index of `text`.
    pub lines: LineIndex,
    /// YAML front matter, when the file starts with `---`.
    pub front_matter: Option<FrontMatter>,
    /// Top-level blocks in document order.
    pub blocks: Vec<Block>,
    /// Every heading (any depth).
    pub headings: Vec<Heading>,
    /// Every fenced or indented code block (any depth).
    pub code_blocks: Vec<CodeBlock>,
    /// Every table.
    pub tables: Vec<Table>,
    /// Every link and image.
    pub links: Vec<Link>,
    /// Every inline code span.
    pub code_spans: Vec<CodeSpan>,
    /// `[!DNL …]` and `[!UICONTROL …]` terms outside code.
    pub terms: Vec<Term>,
    /// Alerts (`>[!NOTE]` …).
    pub alerts: Vec<Alert>,
    /// Prose text runs (outside code), for language and typography rules.
    pub texts: Vec<TextRun>,
    /// Raw HTML (blocks and inline), e.g. suppression comments.
    pub html: Vec<Html>,
}

impl Document {
    /// The `exl-id` front-matter value.
    pub fn exl_id(&self) -> Option<&str> {
        self.front_matter.as_ref()?.get("exl-id")
    }

    /// The `title` front-matter value, else the first heading's text.
    pub fn title(&self) -> Option<&str> {
        self.front_matter
            .as_ref()
            .and_then(|fm| fm.get("title"))
            .or_else(|| self.headings.first().map(|h| h.text.as_str()))
    }

    /// Source text of `span` (empty when out of range or not on char boundaries).
    pub fn slice(&self, span: &Span) -> &str {
        self.text.get(span.clone()).unwrap_or("")
    }

    /// The nearest heading before `offset`.
    pub fn heading_before(&self, offset: usize) -> Option<&Heading> {
        self.headings.iter().rev().find(|h| h.span.start < offset)
    }

    /// Whether `offset` lies inside a code block or inline code span.
    pub fn in_code(&self, offset: usize) -> bool {
        self.in_code_block(offset) || covers(&self.code_spans, offset, |c| &c.span)
    }

    /// Whether `offset` lies inside a fenced or indented code block.
    pub fn in_code_block(&self, offset: usize) -> bool {
        covers(&self.code_blocks, offset, |c| &c.span)
    }
}

/// The items of a collection in file order (`code_blocks`, `code_spans`, `terms`: not `links`, which
/// are pushed when they close) that start inside `span`, by binary search: per-block and per-line
/// lookups stay logarithmic instead of scanning the page's items each time (issue 8).
pub fn starting_in<'a, T>(items: &'a [T], span: &Span, start: impl Fn(&T) -> usize) -> &'a [T] {
    let lo = items.partition_point(|t| start(t) < span.start);
    let hi = items.partition_point(|t| start(t) < span.end);
    items.get(lo..hi.max(lo)).unwrap_or(&[])
}

/// Whether one of `items` (non-overlapping spans in file order) contains `offset`: only the last
/// one starting at or before it can.
fn covers<T>(items: &[T], offset: usize, span: impl Fn(&T) -> &Span) -> bool {
    let i = items.partition_point(|t| span(t).start <= offset);
    i.checked_sub(1)
        .and_then(|i| items.get(i))
        .is_some_and(|t| span(t).contains(&offset))
}

/// The kind of a top-level block; the unit `sync` aligns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum BlockKind {
    /// `#`…`######`; `anchor` is the `{#id}` if any.
    Heading {
        /// 1–6.
        level: u8,
        /// The `{#id}` anchor.
        anchor: Option<String>,
    },
    /// A paragraph.
    Paragraph,
    /// A bullet or ordered list.
    List {
        /// Whether numbered.
        ordered: bool,
    },
    /// A GFM table (index into `Document::tables`).
    Table {
        /// Index into `Document::tables`.
        index: usize,
    },
    /// A code block (index into `Document::code_blocks`).
    Code {
        /// Index into `Document::code_blocks`.
        index: usize,
    },
    /// An AFM alert (`>[!NOTE]`).
    Alert {
        /// `NOTE`, `TIP`, …
        kind: AlertKind,
    },
    /// A plain block quote.
    Quote,
    /// Raw HTML block.
    Html,
    /// `---` / `***`.
    Rule,
}

/// A top-level block.
#[derive(Clone, Debug, Serialize)]
pub struct Block {
    /// What it is.
    #[serde(flatten)]
    pub kind: BlockKind,
    /// Byte range in the file.
    pub span: Span,
}

/// A heading.
#[derive(Clone, Debug, Serialize)]
pub struct Heading {
    /// 1–6.
    pub level: u8,
    /// Plain text of the heading (without the anchor).
    pub text: String,
    /// `{#id}` anchor text and its span (the whole `{#id}`).
    pub anchor: Option<(String, Span)>,
    /// The heading's byte range.
    pub span: Span,
}

/// A code block; `text` is the content with container indentation removed.
#[derive(Clone, Debug, Serialize)]
pub struct CodeBlock {
    /// Info string (`shell`, `json`, …), empty for indented blocks.
    pub info: String,
    /// Content.
    pub text: String,
    /// Whole block, fences included.
    pub span: Span,
    /// Pieces mapping `text` offsets to file offsets: (text offset, file offset, length).
    #[serde(skip)]
    pub pieces: Vec<(usize, usize, usize)>,
}

impl CodeBlock {
    /// The language: the first word of the info string, lowercased.
    pub fn lang(&self) -> String {
        self.info
            .split(|c: char| c.is_whitespace() || c == ',' || c == '{')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
    }

    /// File offset of byte `offset` of `text` (clamped to the block).
    pub fn file_offset(&self, offset: usize) -> usize {
        // The last piece starting at or before `offset`: pieces are appended in text order, so a
        // binary search (curl extraction asks this for every word of a block, issue 8).
        let k = self.pieces.partition_point(|p| p.0 <= offset);
        match k.checked_sub(1).and_then(|k| self.pieces.get(k)) {
            Some(&(t, f, len)) => f + (offset - t).min(len),
            None => self.span.start,
        }
    }

    /// File span of a `text` range.
    pub fn file_span(&self, range: Range<usize>) -> Span {
        let start = self.file_offset(range.start);
        let end = self.file_offset(range.end).max(start);
        start..end
    }

    /// File offset where the content starts.
    pub fn content_start(&self) -> usize {
        self.pieces.first().map_or(self.span.start, |p| p.1)
    }
}

/// A table cell.
#[derive(Clone, Debug, Serialize)]
pub struct Cell {
    /// Cell text with inline code unwrapped and markup removed.
    pub text: String,
    /// Cell byte range.
    pub span: Span,
}

/// A table row.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    /// Cells in order.
    pub cells: Vec<Cell>,
    /// Row byte range.
    pub span: Span,
}

/// A GFM table.
#[derive(Clone, Debug, Serialize)]
pub struct Table {
    /// Header row.
    pub header: Row,
    /// Body rows.
    pub rows: Vec<Row>,
    /// Whole table.
    pub span: Span,
}

/// A link or image.
#[derive(Clone, Debug, Serialize)]
pub struct Link {
    /// Whether `![…](…)`.
    pub image: bool,
    /// Link text (plain).
    pub text: String,
    /// Destination URL as written.
    pub url: String,
    /// Whole link.
    pub span: Span,
    /// Span of the destination inside the link, when it could be located.
    pub url_span: Option<Span>,
}

/// An inline code span.
#[derive(Clone, Debug, Serialize)]
pub struct CodeSpan {
    /// Code without backticks.
    pub code: String,
    /// Span including backticks.
    pub span: Span,
}

/// Which AFM term marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TermKind {
    /// `[!DNL …]`: do not translate.
    Dnl,
    /// `[!UICONTROL …]`: a UI label.
    Uicontrol,
}

/// A `[!DNL …]` or `[!UICONTROL …]` term.
#[derive(Clone, Debug, Serialize)]
pub struct Term {
    /// Marker kind.
    pub kind: TermKind,
    /// The term text.
    pub text: String,
    /// Whole `[!DNL …]`.
    pub span: Span,
    /// Span of the term text.
    pub text_span: Span,
}

/// AFM alert kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
#[allow(missing_docs)]
pub enum AlertKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
    Availability,
    Prerequisites,
    Error,
    Success,
    Info,
    Morelikethis,
}

impl AlertKind {
    /// Parses the marker text (`NOTE`, …).
    pub fn parse(s: &str) -> Option<AlertKind> {
        Some(match s {
            "NOTE" => AlertKind::Note,
            "TIP" => AlertKind::Tip,
            "IMPORTANT" => AlertKind::Important,
            "WARNING" => AlertKind::Warning,
            "CAUTION" => AlertKind::Caution,
            "AVAILABILITY" => AlertKind::Availability,
            "PREREQUISITES" => AlertKind::Prerequisites,
            "ERROR" => AlertKind::Error,
            "SUCCESS" => AlertKind::Success,
            "INFO" => AlertKind::Info,
            "MORELIKETHIS" => AlertKind::Morelikethis,
            _ => return None,
        })
    }

    /// The marker text.
    pub fn as_str(self) -> &'static str {
        match self {
            AlertKind::Note => "NOTE",
            AlertKind::Tip => "TIP",
            AlertKind::Important => "IMPORTANT",
            AlertKind::Warning => "WARNING",
            AlertKind::Caution => "CAUTION",
            AlertKind::Availability => "AVAILABILITY",
            AlertKind::Prerequisites => "PREREQUISITES",
            AlertKind::Error => "ERROR",
            AlertKind::Success => "SUCCESS",
            AlertKind::Info => "INFO",
            AlertKind::Morelikethis => "MORELIKETHIS",
        }
    }
}

/// An alert block.
#[derive(Clone, Debug, Serialize)]
pub struct Alert {
    /// Kind.
    pub kind: AlertKind,
    /// Whole block quote.
    pub span: Span,
    /// Span of `[!KIND]`.
    pub marker_span: Span,
}

/// A run of prose text (a pulldown-cmark text event outside code).
#[derive(Clone, Debug, Serialize)]
pub struct TextRun {
    /// Decoded text (entities decoded by the parser).
    pub text: String,
    /// Source span (the raw text, entities not decoded).
    pub span: Span,
    /// Index of the top-level block holding it.
    pub block: usize,
    /// Whether inside a table cell.
    pub in_table: bool,
}

/// Raw HTML.
#[derive(Clone, Debug, Serialize)]
pub struct Html {
    /// The HTML text.
    pub text: String,
    /// Span.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The binary search finds the piece the backward scan it replaced found.
        #[test]
        fn file_offset_is_the_last_piece_at_or_before(
            steps in proptest::collection::vec((0usize..5, 0usize..50, 0usize..6), 0..8),
            offset in 0usize..30,
        ) {
            let mut t = 0;
            let pieces: Vec<(usize, usize, usize)> = steps
                .iter()
                .map(|&(dt, f, len)| {
                    t += dt;
                    (t, f, len)
                })
                .collect();
            let scan = pieces
                .iter()
                .rev()
                .find(|p| offset >= p.0)
                .map_or(7, |&(t, f, len)| f + (offset - t).min(len));
            let c = CodeBlock { info: String::new(), text: String::new(), span: 7..9, pieces };
            proptest::prop_assert_eq!(c.file_offset(offset), scan);
        }
    }

    #[test]
    fn code_lookups_agree_with_a_scan() {
        let text = "# T\n\nA `x` b `yy`.\n\n```sh\ncode\n```\n\n    indented\n\n- `z`\n";
        let doc = crate::afm::parse(std::path::Path::new("t.md"), "t.md", text.into());
        assert_eq!((doc.code_blocks.len(), doc.code_spans.len()), (2, 3));
        for offset in 0..=text.len() + 1 {
            let block = doc.code_blocks.iter().any(|c| c.span.contains(&offset));
            let span = doc.code_spans.iter().any(|c| c.span.contains(&offset));
            assert_eq!(doc.in_code_block(offset), block, "{offset}");
            assert_eq!(doc.in_code(offset), block || span, "{offset}");
        }
        for span in [0..0, 0..text.len(), 6..12, 8..9, 20..60] {
            let scan: Vec<usize> = (doc.code_spans.iter())
                .filter(|c| span.contains(&c.span.start))
                .map(|c| c.span.start)
                .collect();
            let found: Vec<usize> = starting_in(&doc.code_spans, &span, |c| c.span.start)
                .iter()
                .map(|c| c.span.start)
                .collect();
            assert_eq!(found, scan, "{span:?}");
        }
    }
}
