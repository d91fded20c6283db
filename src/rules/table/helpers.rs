//! Shared by the `TBL*` rules: tables found by content (translated pages translate the header
//! cells, never the code spans in the first column), and the requests they describe.

use crate::afm::{Cell, Document, Table};
use crate::extract::Request;

/// The code span that makes up the whole cell, if any (`` `auth.params.host` `` → `auth.params.host`).
pub fn name_cell<'d>(doc: &'d Document, cell: &Cell) -> Option<&'d str> {
    let spans: Vec<_> = doc
        .code_spans
        .iter()
        .filter(|c| cell.span.contains(&c.span.start))
        .collect();
    match spans.as_slice() {
        [one] if cell.text.trim() == one.code.trim() => Some(one.code.trim()),
        _ => None,
    }
}

/// `(name, cell)` for each body row whose first cell is a name cell.
pub fn name_rows<'d>(doc: &'d Document, t: &'d Table) -> Vec<(&'d str, &'d Cell)> {
    t.rows
        .iter()
        .filter_map(|r| r.cells.first())
        .filter_map(|c| name_cell(doc, c).map(|n| (n, c)))
        .collect()
}

/// Whether `s` is a bare identifier (a credential name).
pub fn is_ident(s: &str) -> bool {
    let mut c = s.chars();
    c.next().is_some_and(|f| f.is_ascii_alphabetic())
        && c.all(|x| x.is_ascii_alphanumeric() || x == '_')
}

/// The property table of `req`: the first table after its code block, before the next heading,
/// when it has a name cell starting with `prefix` (`auth.params.`). Requests in tabs share the
/// table that follows the last tab.
pub fn property_table<'d>(doc: &'d Document, req: &Request, prefix: &str) -> Option<&'d Table> {
    let end = doc
        .code_blocks
        .get(req.code_block)
        .map_or(req.span.end, |b| b.span.end);
    let next_heading = doc
        .headings
        .iter()
        .map(|h| h.span.start)
        .filter(|s| *s >= end)
        .min()
        .unwrap_or(usize::MAX);
    doc.tables
        .iter()
        .find(|t| t.span.start >= end)
        .filter(|t| t.span.start < next_heading)
        .filter(|t| name_rows(doc, t).iter().any(|(n, _)| n.starts_with(prefix)))
}

/// Every key anywhere in a JSON value.
pub fn all_keys(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m {
                out.push(k.clone());
                all_keys(x, out);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| all_keys(x, out)),
        _ => {}
    }
}

/// Connection-spec-looking ids (8-4-4-4-12 hex) in `s`, with byte offsets.
pub fn uuids(s: &str) -> Vec<(usize, &str)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let groups = [8, 4, 4, 4, 12];
    let mut i = 0;
    while i + 36 <= b.len() {
        let mut j = i;
        let mut ok = i == 0 || !b.get(i - 1).is_some_and(u8::is_ascii_hexdigit);
        for (g, n) in groups.iter().enumerate() {
            if !ok {
                break;
            }
            ok = b
                .get(j..j + n)
                .is_some_and(|x| x.iter().all(u8::is_ascii_hexdigit));
            j += n;
            if g < 4 {
                ok = ok && b.get(j) == Some(&b'-');
                j += 1;
            }
        }
        if ok && !b.get(j).is_some_and(u8::is_ascii_hexdigit) {
            if let Some(u) = s.get(i..j) {
                out.push((i, u));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_uuids() {
        let s = "id `cc6a4487-9e91-433e-a3a3-9cf6626c1806`, not 123";
        assert_eq!(uuids(s), [(4, "cc6a4487-9e91-433e-a3a3-9cf6626c1806")]);
        assert!(is_ident("clientId") && !is_ident("auth.params.x"));
    }
}
