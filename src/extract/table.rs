//! Tables as the `extract` command reports them: header, rows of plain cell text, the heading above.

use serde::Serialize;

use crate::afm::Document;

/// A table with positions resolved to lines.
#[derive(Clone, Debug, Serialize)]
pub struct ExtractedTable {
    /// 1-based line of the header row.
    pub line: usize,
    /// Text of the nearest heading above the table.
    pub heading: Option<String>,
    /// Header cells.
    pub header: Vec<String>,
    /// Body rows (cell text, inline code unwrapped).
    pub rows: Vec<Vec<String>>,
    /// 1-based line of every body row.
    pub row_lines: Vec<usize>,
}

/// Every table in the document.
pub fn extract_tables(doc: &Document) -> Vec<ExtractedTable> {
    doc.tables
        .iter()
        .map(|t| ExtractedTable {
            line: doc.lines.line(t.span.start),
            heading: doc.heading_before(t.span.start).map(|h| h.text.clone()),
            header: t.header.cells.iter().map(|c| c.text.clone()).collect(),
            rows: t
                .rows
                .iter()
                .map(|r| r.cells.iter().map(|c| c.text.clone()).collect())
                .collect(),
            row_lines: t
                .rows
                .iter()
                .map(|r| doc.lines.line(r.span.start))
                .collect(),
        })
        .collect()
}
