//! curl commands in shell code blocks → [`Request`]s.
//!
//! Recovers as much as it can from broken commands (an unterminated `'` around the body, a missing `\`
//! that orphans option lines) and records each defect as a [`Problem`] with its file span, so the
//! request is still checked against the schema while the defect is reported.

use serde::Serialize;

use super::shell::{tokenize, ShellError, Word};
use crate::afm::{CodeBlock, Document, Span};

/// Code block languages that may hold curl commands.
pub const SHELL_LANGS: &[&str] = &[
    "shell",
    "sh",
    "bash",
    "zsh",
    "console",
    "curl",
    "shell-session",
];

/// A request header as written.
#[derive(Clone, Debug, Serialize)]
pub struct Header {
    /// Name (before the first `:`), trimmed.
    pub name: String,
    /// Value (after the first `:`), trimmed.
    pub value: String,
    /// File span of the header word (quotes included).
    #[serde(skip)]
    pub span: Span,
    /// 1-based line.
    #[serde(skip)]
    pub line: usize,
}

/// What is wrong with a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// A quote never closed.
    UnterminatedQuote,
    /// A line lacks the trailing `\`, leaving the following option lines as separate commands.
    MissingContinuation,
    /// The body looks like JSON but does not parse.
    InvalidJson,
    /// A `-H` value without `name: value`.
    MalformedHeader,
    /// A trailing `\` with nothing after it.
    DanglingBackslash,
}

/// A defect in a command, positioned in the file.
#[derive(Clone, Debug, Serialize)]
pub struct Problem {
    /// Kind.
    pub kind: ProblemKind,
    /// Human message.
    pub message: String,
    /// File span.
    #[serde(skip)]
    pub span: Span,
}

/// A curl request extracted from a code block.
#[derive(Clone, Debug, Serialize)]
pub struct Request {
    /// 1-based line of the `curl` word.
    pub line: usize,
    /// HTTP method (explicit, or implied by data options).
    pub method: String,
    /// URL, if any.
    pub url: Option<String>,
    /// Headers in order.
    pub headers: Vec<Header>,
    /// Parsed JSON body, or null.
    pub body: Option<serde_json::Value>,
    /// Raw body text.
    pub body_text: Option<String>,
    /// Defects found while extracting.
    pub problems: Vec<Problem>,
    /// File span of the whole command.
    #[serde(skip)]
    pub span: Span,
    /// File span of the method token (when explicit).
    #[serde(skip)]
    pub method_span: Option<Span>,
    /// File span of the URL token.
    #[serde(skip)]
    pub url_span: Option<Span>,
    /// File span of the body token.
    #[serde(skip)]
    pub body_span: Option<Span>,
    /// File offset of every byte of `body_text`.
    #[serde(skip)]
    pub body_map: Vec<usize>,
    /// Index of the code block in `Document::code_blocks`.
    #[serde(skip)]
    pub code_block: usize,
    /// The body's JSON nodes, scanned on first use ([`Request::body_nodes`]).
    #[serde(skip)]
    body_nodes: std::sync::OnceLock<super::json::BodyNodes>,
}

impl Request {
    /// Where each key and value of the JSON body sits (empty when the body is not JSON), scanned
    /// once and kept: several rules ask.
    pub fn body_nodes(&self) -> &super::json::BodyNodes {
        self.body_nodes
            .get_or_init(|| match (&self.body, &self.body_text) {
                (Some(_), Some(t)) => super::json::BodyNodes::scan(t),
                _ => super::json::BodyNodes::default(),
            })
    }

    /// First header named `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&Header> {
        self.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
    }

    /// File offset of byte `offset` of the body text.
    pub fn body_offset(&self, offset: usize) -> Option<usize> {
        self.body_map
            .get(offset)
            .copied()
            .or_else(|| self.body_map.last().map(|o| o + 1))
    }

    /// File span of the JSON key `key` (quoted) in the body, searching from the start of the body.
    pub fn body_key_span(&self, key: &str) -> Option<Span> {
        let text = self.body_text.as_ref()?;
        let needle = format!("\"{key}\"");
        let at = text.find(&needle)?;
        let start = self.body_offset(at)?;
        let end = self.body_offset(at + needle.len() - 1)? + 1;
        Some(start..end)
    }
}

/// All requests in the document's shell code blocks.
pub fn extract_requests(doc: &Document) -> Vec<Request> {
    let mut out = Vec::new();
    for (index, block) in doc.code_blocks.iter().enumerate() {
        if !SHELL_LANGS.contains(&block.lang().as_str())
            && !block.text.trim_start().starts_with("curl ")
        {
            continue;
        }
        extract_block(doc, index, block, &mut out);
    }
    out
}

fn extract_block(doc: &Document, index: usize, block: &CodeBlock, out: &mut Vec<Request>) {
    let tokens = tokenize(&block.text);
    let mut commands: Vec<(Vec<Word>, Vec<Problem>)> = Vec::new();
    for mut cmd in tokens.commands {
        // Console prompts.
        if cmd.words.first().is_some_and(|w| w.value == "$") {
            cmd.words.remove(0);
        }
        let Some(first) = cmd.words.first() else {
            continue;
        };
        if first.value == "curl" {
            commands.push((cmd.words, Vec::new()));
        } else if looks_orphaned(&first.value) {
            // A missing `\` on the previous line split the command: rejoin it and report.
            if let Some((words, problems)) = commands.last_mut() {
                if let Some(last) = words.last() {
                    let end = block.file_offset(last.span.end);
                    let start = block.file_offset(last.span.start);
                    problems.push(Problem {
                        kind: ProblemKind::MissingContinuation,
                        message: format!(
                            "line continuation `\\` missing: `{}` on the next line becomes a separate command",
                            truncate(&first.value, 40)
                        ),
                        span: start..end,
                    });
                }
                words.extend(cmd.words);
            }
        }
    }
    for error in &tokens.errors {
        let (at, problem) = match *error {
            ShellError::UnterminatedQuote { at, quote } => (
                at,
                Problem {
                    kind: ProblemKind::UnterminatedQuote,
                    message: format!("quote `{quote}` opened here is never closed"),
                    span: block.file_span(at..at + 1),
                },
            ),
            ShellError::DanglingBackslash { at } => (
                at,
                Problem {
                    kind: ProblemKind::DanglingBackslash,
                    message: "`\\` at the end of the block continues into nothing".into(),
                    span: block.file_span(at..at + 1),
                },
            ),
        };
        // Attach to the command containing the offset (or the last one before it).
        let target = commands
            .iter_mut()
            .rev()
            .find(|(w, _)| w.first().is_some_and(|f| f.span.start <= at));
        if let Some((_, problems)) = target {
            problems.push(problem);
        }
    }
    for (words, problems) in commands {
        out.push(build_request(doc, index, block, &words, problems));
    }
}

fn looks_orphaned(word: &str) -> bool {
    word.starts_with('-') && word.len() > 1
        || word.starts_with("http://")
        || word.starts_with("https://")
}

fn truncate(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Options that take a value (so the next word is not the URL).
const VALUE_OPTS: &[&str] = &[
    "-X",
    "--request",
    "-H",
    "--header",
    "-d",
    "--data",
    "--data-raw",
    "--data-binary",
    "--data-ascii",
    "--data-urlencode",
    "--json",
    "-u",
    "--user",
    "-F",
    "--form",
    "-o",
    "--output",
    "-A",
    "--user-agent",
    "-e",
    "--referer",
    "-b",
    "--cookie",
    "-c",
    "--cookie-jar",
    "--url",
    "-T",
    "--upload-file",
    "-m",
    "--max-time",
    "--connect-timeout",
    "-x",
    "--proxy",
    "-w",
    "--write-out",
    "--cacert",
    "--cert",
    "-E",
    "--key",
    "--retry",
    "-r",
    "--range",
    "-K",
    "--config",
];

fn build_request(
    doc: &Document,
    index: usize,
    block: &CodeBlock,
    words: &[Word],
    mut problems: Vec<Problem>,
) -> Request {
    let span_of = |w: &Word| block.file_span(w.span.clone());
    let start = words
        .first()
        .map_or(block.span.start, |w| block.file_offset(w.span.start));
    let end = words
        .last()
        .map_or(start, |w| block.file_offset(w.span.end));
    let mut req = Request {
        line: doc.lines.line(start),
        method: String::new(),
        url: None,
        headers: Vec::new(),
        body: None,
        body_text: None,
        problems: Vec::new(),
        span: start..end,
        method_span: None,
        url_span: None,
        body_span: None,
        body_map: Vec::new(),
        code_block: index,
        body_nodes: std::sync::OnceLock::new(),
    };
    let mut method: Option<String> = None;
    let mut has_data = false;
    let mut get = false;
    let mut head = false;
    let mut i = 1;
    while i < words.len() {
        let w = &words[i];
        let (opt, attached) = split_option(&w.value);
        let takes_value = VALUE_OPTS.contains(&opt);
        let value: Option<(&Word, String, usize)> = if takes_value {
            match attached {
                Some(v) => Some((w, v.to_string(), w.value.len() - v.len())),
                None => {
                    i += 1;
                    words.get(i).map(|n| (n, n.value.clone(), 0))
                }
            }
        } else {
            None
        };
        match (opt, value) {
            ("-X" | "--request", Some((vw, v, _))) => {
                req.method_span = Some(span_of(vw));
                method = Some(v.to_ascii_uppercase());
            }
            ("-H" | "--header", Some((vw, v, skip))) => {
                let span = span_of(vw);
                let line = doc.lines.line(span.start);
                match v.split_once(':') {
                    Some((name, value)) if !name.trim().is_empty() => req.headers.push(Header {
                        name: name.trim().to_string(),
                        value: value.trim().to_string(),
                        span,
                        line,
                    }),
                    _ => {
                        let _ = skip;
                        problems.push(Problem {
                            kind: ProblemKind::MalformedHeader,
                            message: format!(
                                "header `{}` has no `name: value` colon",
                                truncate(&v, 60)
                            ),
                            span: span.clone(),
                        });
                        req.headers.push(Header {
                            name: v.trim().to_string(),
                            value: String::new(),
                            span,
                            line,
                        });
                    }
                }
            }
            (
                "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii"
                | "--data-urlencode" | "--json",
                Some((vw, v, skip)),
            ) => {
                has_data = true;
                req.body_span = Some(span_of(vw));
                req.body_map = vw
                    .map
                    .iter()
                    .skip(skip)
                    .map(|&o| block.file_offset(o))
                    .collect();
                req.body_text = Some(v);
            }
            ("--url", Some((vw, v, _))) => {
                req.url_span = Some(span_of(vw));
                req.url = Some(v);
            }
            ("-G" | "--get", _) => get = true,
            ("-I" | "--head", _) => head = true,
            (o, _) if o.starts_with('-') && o.len() > 1 => {}
            _ => {
                if req.url.is_none() {
                    req.url_span = Some(span_of(w));
                    req.url = Some(w.value.clone());
                }
            }
        }
        i += 1;
    }
    req.method = method.unwrap_or_else(|| {
        if head {
            "HEAD".into()
        } else if get {
            "GET".into()
        } else if has_data {
            "POST".into()
        } else {
            "GET".into()
        }
    });
    parse_body(&mut req, &mut problems, &doc.text);
    req.problems = problems;
    req
}

/// `-XPOST` → (`-X`, `POST`); `--request` → (`--request`, None).
fn split_option(word: &str) -> (&str, Option<&str>) {
    if word.starts_with("--") || !word.starts_with('-') || word.len() <= 2 {
        return (word, None);
    }
    let cut = word.char_indices().nth(2).map_or(word.len(), |(i, _)| i);
    let (opt, rest) = word.split_at(cut);
    if VALUE_OPTS.contains(&opt) {
        (opt, Some(rest))
    } else {
        (word, None)
    }
}

/// Parses a JSON-looking body; `file_text` is the whole file (for the width of the character at the error).
fn parse_body(req: &mut Request, problems: &mut Vec<Problem>, file_text: &str) {
    let Some(text) = req.body_text.as_deref() else {
        return;
    };
    let trimmed = text.trim_start();
    let json_type = req
        .header("content-type")
        .is_some_and(|h| h.value.to_ascii_lowercase().contains("json"));
    if !(trimmed.starts_with('{')
        || trimmed.starts_with('[')
        || json_type && !trimmed.starts_with('@'))
    {
        return;
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(v) => req.body = Some(v),
        Err(e) => {
            let offset = offset_of(text, e.line(), e.column());
            let at = req.body_offset(offset).unwrap_or(req.span.start);
            problems.push(Problem {
                kind: ProblemKind::InvalidJson,
                message: format!("request body is not valid JSON: {}", json_message(&e)),
                // One character wide, whatever its UTF-8 length (spans stay on char boundaries).
                span: at..at
                    + file_text
                        .get(at..)
                        .and_then(|t| t.chars().next())
                        .map_or(0, char::len_utf8),
            });
        }
    }
}

fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Byte offset of serde_json's (1-based line, 1-based byte column) in `text`; column 0 means "before
/// the line" (end of the previous one).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return (offset + column.saturating_sub(1)).min(text.len().saturating_sub(1));
        }
        offset += l.len();
    }
    text.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::afm::parse;
    use std::path::Path;

    fn reqs(s: &str) -> (Document, Vec<Request>) {
        let d = parse(Path::new("t.md"), "t.md", s.into());
        let r = extract_requests(&d);
        (d, r)
    }

    #[test]
    fn full_request() {
        let s = "```shell\ncurl -X POST \\\n  'https://h.x/p' \\\n  -H 'A: 1' \\\n  -H \"Content-Type: application/json\" \\\n  -d '{\"a\": {\"b\": 1}}'\n```\n";
        let (d, r) = reqs(s);
        assert_eq!(r.len(), 1);
        let r = &r[0];
        assert_eq!(r.method, "POST");
        assert_eq!(r.url.as_deref(), Some("https://h.x/p"));
        assert_eq!(r.headers.len(), 2);
        assert_eq!(r.headers[1].value, "application/json");
        assert_eq!(r.body.as_ref().unwrap()["a"]["b"], 1);
        assert!(r.problems.is_empty());
        assert_eq!(r.line, 2);
        assert_eq!(d.lines.line(r.body_key_span("b").unwrap().start), 6);
    }

    #[test]
    fn unterminated_body_quote_still_yields_json() {
        let s = "```shell\ncurl -X POST 'https://h.x' \\\n  -d '{\n  \"a\": 1\n}\n```\n";
        let (d, r) = reqs(s);
        assert_eq!(r[0].body.as_ref().unwrap()["a"], 1);
        assert_eq!(r[0].problems.len(), 1);
        assert_eq!(r[0].problems[0].kind, ProblemKind::UnterminatedQuote);
        assert_eq!(d.lines.line(r[0].problems[0].span.start), 3);
    }

    #[test]
    fn missing_continuation_is_rejoined() {
        let s = "```shell\ncurl -X GET 'https://h.x' \\\n  -H 'A: 1'\n  -H 'B: 2'\n```\n";
        let (d, r) = reqs(s);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].headers.len(), 2);
        let p = &r[0].problems[0];
        assert_eq!(p.kind, ProblemKind::MissingContinuation);
        assert_eq!(d.lines.line(p.span.start), 3);
    }

    #[test]
    fn invalid_json_points_into_the_file() {
        let s = "```shell\ncurl 'https://h.x' -d '{\n  \"a\": 1,\n  \"b\": 2,\n}'\n```\n";
        let (d, r) = reqs(s);
        let p = &r[0].problems[0];
        assert_eq!(p.kind, ProblemKind::InvalidJson);
        assert_eq!(d.lines.line(p.span.start), 5);
        assert_eq!(r[0].method, "POST");
    }

    #[test]
    fn malformed_header_and_attached_options() {
        let s = "```bash\ncurl -XPUT -H 'NoColon' https://h.x\n```\n";
        let (_, r) = reqs(s);
        assert_eq!(r[0].method, "PUT");
        assert_eq!(r[0].url.as_deref(), Some("https://h.x"));
        assert_eq!(r[0].problems[0].kind, ProblemKind::MalformedHeader);
    }
}
