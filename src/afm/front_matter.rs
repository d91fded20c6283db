//! YAML front matter: the `---` block at the top of an AFM page.
//!
//! Parsed with yaml-rust2 (maintained; reports line/column on errors). A malformed block never aborts
//! the parse: it becomes a [`FrontMatterError`] the `AFM002` rule reports, and the Markdown after it is
//! still parsed.

use serde::Serialize;
use yaml_rust2::{Yaml, YamlLoader};

use super::Span;

/// A parsed front-matter block.
#[derive(Clone, Debug, Serialize)]
pub struct FrontMatter {
    /// The whole block, both `---` lines included.
    pub span: Span,
    /// The YAML between the fences.
    pub body_span: Span,
    /// Top-level scalar fields in order (`key: value`).
    pub fields: Vec<FrontMatterField>,
    /// The parse error, if the YAML is malformed.
    pub error: Option<FrontMatterError>,
}

/// One `key: value` entry.
#[derive(Clone, Debug, Serialize)]
pub struct FrontMatterField {
    /// Key.
    pub key: String,
    /// Value rendered as a string.
    pub value: String,
    /// Span of the line holding the key.
    pub span: Span,
}

/// A YAML error positioned in the file.
#[derive(Clone, Debug, Serialize)]
pub struct FrontMatterError {
    /// The YAML parser's message.
    pub message: String,
    /// Byte offset in the file.
    pub offset: usize,
}

impl FrontMatter {
    /// Value of field `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
    }

    /// The field entry for `key`.
    pub fn field(&self, key: &str) -> Option<&FrontMatterField> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// Finds and parses front matter at the start of `text` (after an optional BOM).
/// Returns the block and the offset where Markdown begins.
pub fn split(text: &str) -> (Option<FrontMatter>, usize) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_len = match rest.find('\n') {
        Some(i) => i + 1,
        None => return (None, 0),
    };
    if rest[..first_len].trim_end() != "---" {
        return (None, 0);
    }
    let body_start = start + first_len;
    // Find the closing fence: a line that is exactly `---` (or `...`).
    let mut pos = body_start;
    let mut close = None;
    while pos < text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        let line = text[pos..line_end].trim_end();
        if line == "---" || line == "..." {
            close = Some((pos, line_end));
            break;
        }
        pos = line_end;
    }
    let Some((body_end, block_end)) = close else {
        let fm = FrontMatter {
            span: start..text.len(),
            body_span: body_start..text.len(),
            fields: Vec::new(),
            error: Some(FrontMatterError {
                message: "front matter opened with `---` is never closed".into(),
                offset: start,
            }),
        };
        // Parse the whole file as Markdown so nothing is lost; the error says what happened.
        return (Some(fm), 0);
    };
    let body = &text[body_start..body_end];
    let (fields, error) = parse_body(body, body_start);
    let fm = FrontMatter {
        span: start..block_end,
        body_span: body_start..body_end,
        fields,
        error,
    };
    (Some(fm), block_end)
}

fn parse_body(body: &str, base: usize) -> (Vec<FrontMatterField>, Option<FrontMatterError>) {
    match YamlLoader::load_from_str(body) {
        Err(e) => {
            let m = e.marker();
            let offset = line_col_offset(body, m.line(), m.col()) + base;
            (
                Vec::new(),
                Some(FrontMatterError {
                    message: e.info().to_string(),
                    offset,
                }),
            )
        }
        Ok(docs) => {
            let mut fields = Vec::new();
            match docs.first() {
                None | Some(Yaml::Null) => {}
                Some(Yaml::Hash(map)) => {
                    for (k, v) in map {
                        let key = scalar(k);
                        let span = key_line_span(body, &key, base);
                        fields.push(FrontMatterField {
                            value: scalar(v),
                            key,
                            span,
                        });
                    }
                }
                Some(_) => {
                    return (
                        fields,
                        Some(FrontMatterError {
                            message: "front matter is not a mapping of `key: value` pairs".into(),
                            offset: base,
                        }),
                    )
                }
            }
            (fields, None)
        }
    }
}

fn scalar(y: &Yaml) -> String {
    match y {
        Yaml::Real(s) | Yaml::String(s) => s.clone(),
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => String::new(),
        Yaml::Array(items) => items.iter().map(scalar).collect::<Vec<_>>().join(", "),
        _ => String::new(),
    }
}

/// Offset of (1-based line, 0-based char column) in `body`.
fn line_col_offset(body: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in body.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset
                + l.char_indices()
                    .nth(col)
                    .map_or(l.trim_end_matches('\n').len(), |(b, _)| b);
        }
        offset += l.len();
    }
    body.len()
}

fn key_line_span(body: &str, key: &str, base: usize) -> Span {
    let mut offset = 0;
    for l in body.split_inclusive('\n') {
        if let Some(rest) = l.strip_prefix(key) {
            if rest.trim_start().starts_with(':') {
                let end = offset + l.trim_end().len();
                return base + offset..base + end;
            }
        }
        offset += l.len();
    }
    base..base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_body_offset() {
        let text = "---\ntitle: Hello\nexl-id: abc\n---\n# Hi\n";
        let (fm, md) = split(text);
        let fm = fm.unwrap();
        assert_eq!(fm.get("title"), Some("Hello"));
        assert_eq!(fm.get("exl-id"), Some("abc"));
        assert_eq!(
            &text[fm.field("exl-id").unwrap().span.clone()],
            "exl-id: abc"
        );
        assert_eq!(&text[md..], "# Hi\n");
        assert!(fm.error.is_none());
    }

    #[test]
    fn malformed_yaml_is_an_error_with_position() {
        let text = "---\ntitle: [unclosed\nother: x\n---\nbody\n";
        let (fm, _) = split(text);
        let err = fm.unwrap().error.unwrap();
        assert!(err.offset >= 4 && err.offset <= text.len());
    }

    #[test]
    fn unclosed_front_matter() {
        let (fm, md) = split("---\ntitle: x\n");
        assert!(fm.unwrap().error.is_some());
        assert_eq!(md, 0);
    }
}
