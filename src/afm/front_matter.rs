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
    match parse_simple(body, base) {
        Some(fields) => (fields, None),
        None => parse_yaml(body, base),
    }
}

/// The front matter of nearly every page: `key: value` lines, nothing else. Read without the YAML
/// parser (a tenth of a page's parse time went there, issue 8), giving exactly what
/// [`parse_yaml`] gives (a property test and the corpus hold it to that); `None` for anything
/// else (indentation, lists, comments, flow syntax, escapes, a repeated or non-string key), which
/// yaml-rust2 then reads.
fn parse_simple(body: &str, base: usize) -> Option<Vec<FrontMatterField>> {
    let mut fields: Vec<FrontMatterField> = Vec::new();
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let l = line.strip_suffix('\n').unwrap_or(line);
        if l.is_empty() {
            continue;
        }
        let colon = l.find(": ")?;
        let (key, value) = (&l[..colon], l[colon + 2..].trim_matches(' '));
        let mut kb = key.bytes();
        let key_ok = kb.next().is_some_and(|b| b.is_ascii_alphabetic())
            && kb.all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        if !key_ok || value.is_empty() || value.chars().any(|c| c.is_control() || c == '\u{feff}') {
            return None;
        }
        let Yaml::String(key) = Yaml::from_str(key) else {
            return None;
        };
        let inner = |q: char| value.strip_prefix(q).and_then(|v| v.strip_suffix(q));
        let value = if let Some(v) = inner('\'') {
            // Single-quoted, with no quote (nor its `''` escape) inside.
            (!v.contains('\'')).then(|| v.to_string())?
        } else if let Some(v) = inner('"') {
            (!v.contains(['"', '\\'])).then(|| v.to_string())?
        } else {
            // A plain scalar: no indicator first, nothing that ends it early or starts a comment
            // or a flow collection.
            let first = value.chars().next()?;
            if "-?:,[]{}#&*!|>'\"%@`".contains(first)
                || value.contains(": ")
                || value.ends_with(':')
                || value.contains(" #")
                || value.contains(['[', ']', '{', '}'])
            {
                return None;
            }
            scalar(&Yaml::from_str(value))
        };
        if fields.iter().any(|f| f.key == key) {
            return None;
        }
        let end = start + l.trim_end().len();
        fields.push(FrontMatterField {
            key,
            value,
            span: base + start..base + end,
        });
    }
    Some(fields)
}

/// Whether the fast reading of a front-matter body agrees with yaml-rust2: `Ok(true)` when it
/// applied and gave the same fields, `Ok(false)` when it left the body to yaml-rust2, `Err` with
/// both readings when they differ. For the tests that hold the two together.
#[doc(hidden)]
pub fn simple_reading_agrees(body: &str) -> Result<bool, String> {
    let Some(fast) = parse_simple(body, 0) else {
        return Ok(false);
    };
    let (slow, error) = parse_yaml(body, 0);
    let view = |f: &[FrontMatterField]| -> Vec<(String, String, Span)> {
        f.iter()
            .map(|x| (x.key.clone(), x.value.clone(), x.span.clone()))
            .collect()
    };
    if error.is_none() && view(&fast) == view(&slow) {
        Ok(true)
    } else {
        Err(format!(
            "{body:?}: fast {:?}, yaml {:?} ({error:?})",
            view(&fast),
            view(&slow)
        ))
    }
}

/// The front matter read by yaml-rust2.
fn parse_yaml(body: &str, base: usize) -> (Vec<FrontMatterField>, Option<FrontMatterError>) {
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

    proptest::proptest! {
        /// Bodies made of the pieces front matter is made of, tricky ones included: wherever the
        /// fast reading applies, it gives what yaml-rust2 gives.
        #[test]
        fn simple_reading_is_the_yaml_reading(
            lines in proptest::collection::vec(
                (
                    proptest::prop_oneof![
                        9 => proptest::string::string_regex(r"[a-zA-Z][a-z0-9_-]{0,4}").unwrap(),
                        1 => proptest::string::string_regex(r"true|True|null|inf|nan|[0-9]a|-a| a").unwrap(),
                    ],
                    proptest::prop_oneof![
                        9 => proptest::strategy::Just(": ".to_string()),
                        1 => proptest::string::string_regex(r":  |:|: \t| : ").unwrap(),
                    ],
                    proptest::prop_oneof![
                        6 => proptest::string::string_regex(r"[a-zA-Z0-9é’%][a-zA-Z0-9 é’%.-]{0,12}").unwrap(),
                        2 => proptest::string::string_regex(r"[a-zA-Z0-9 é’'\x22#:%.-]{0,12}").unwrap(),
                        1 => proptest::string::string_regex(
                            r"[a-zA-Z0-9 '\x22#:,%&*!\[\]{}\-éœ’.~|>@`\\\u{7}\u{feff}\u{85}]{0,10}",
                        )
                        .unwrap(),
                    ],
                    proptest::prop_oneof![
                        12 => proptest::strategy::Just(String::new()),
                        1 => proptest::strategy::Just("\n".to_string()),
                        1 => proptest::strategy::Just("\r".to_string()),
                    ],
                ),
                0..6,
            )
        ) {
            let body: String = lines
                .iter()
                .map(|(k, sep, v, extra)| format!("{k}{sep}{v}{extra}\n"))
                .collect();
            if let Err(e) = simple_reading_agrees(&body) {
                proptest::prop_assert!(false, "{}", e);
            }
        }
    }

    #[test]
    fn simple_reading_applies_to_plain_and_quoted_values() {
        let body = "title: Création d’une connexion\nexl-id: 452b-x\n\nwc: '468'\nq: \"a: b\"\nn: 51%\nv: 12\n";
        assert_eq!(simple_reading_agrees(body), Ok(true));
        let fields = parse_simple(body, 0).unwrap();
        assert_eq!(fields[2].value, "468");
        assert_eq!(fields[3].value, "a: b");
        assert_eq!(fields[5].value, "12");
        // Left to yaml-rust2: a list, a comment, a repeated key.
        for body in ["k:\n  - a\n", "# c\nk: v\n", "k: a\nk: b\n", "k: v # c\n"] {
            assert_eq!(parse_simple(body, 0).map(|f| f.len()), None, "{body:?}");
        }
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
