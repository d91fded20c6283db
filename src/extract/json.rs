//! Where each key and value of a request's JSON body sits: a scan of the body text into nodes
//! addressed by JSON pointer, so the `SCH*` and `TBL*` rules can point a finding at the exact key.
//!
//! Several rules ask for the nodes of the same body; [`crate::extract::Request::body_nodes`] scans
//! once per request and keeps the result (issue 8: it used to be rescanned by each rule).

// Looked up only, never iterated: FxHash, not SipHash (issue 8).
use rustc_hash::FxHashMap as HashMap;
use std::fmt::Write as _;

/// A node of a JSON text: its pointer, the span of its key (objects) and of its value, in body-text
/// byte offsets.
#[derive(Debug, Clone)]
pub struct JsonNode {
    /// JSON pointer.
    pub pointer: String,
    /// Key span including quotes (members of objects).
    pub key: Option<std::ops::Range<usize>>,
    /// Value span.
    pub value: std::ops::Range<usize>,
    /// Whether the value is a string (span includes the quotes).
    pub string: bool,
}

/// Every node of a valid JSON text, in document order.
pub fn json_nodes(text: &str) -> Vec<JsonNode> {
    let mut p = Scanner {
        b: text.as_bytes(),
        i: 0,
        path: String::new(),
        out: Vec::new(),
    };
    p.value(None);
    p.out
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    /// The pointer of the value being scanned: a segment is pushed per level and cut off after.
    path: String,
    out: Vec<JsonNode>,
}

/// Appends `/` and the pointer escape of the JSON string token `raw` (quotes included) to `path`.
fn push_segment(path: &mut String, raw: &[u8]) {
    path.push('/');
    let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or(b"");
    // What serde_json decodes to the bytes themselves: a closed token, no escape, no control byte.
    let plain =
        raw.len() >= 2 && raw.ends_with(b"\"") && inner.iter().all(|&b| b != b'\\' && b >= 0x20);
    let decoded: std::borrow::Cow<'_, str> = match std::str::from_utf8(inner) {
        // No escapes: the key is its bytes.
        Ok(s) if plain => s.into(),
        _ => serde_json::from_slice::<String>(raw)
            .unwrap_or_default()
            .into(),
    };
    for c in decoded.chars() {
        match c {
            '~' => path.push_str("~0"),
            '/' => path.push_str("~1"),
            c => path.push(c),
        }
    }
}

impl Scanner<'_> {
    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }
    fn ws(&mut self) {
        while matches!(self.peek(), b' ' | b'\n' | b'\r' | b'\t') {
            self.i += 1;
        }
    }
    fn string(&mut self) -> std::ops::Range<usize> {
        let start = self.i;
        self.i += 1;
        while self.i < self.b.len() {
            match self.peek() {
                b'\\' => self.i += 2,
                b'"' => {
                    self.i += 1;
                    break;
                }
                _ => self.i += 1,
            }
        }
        start..self.i.min(self.b.len())
    }
    fn value(&mut self, key: Option<std::ops::Range<usize>>) {
        self.ws();
        let start = self.i;
        let idx = self.out.len();
        self.out.push(JsonNode {
            pointer: self.path.clone(),
            key,
            value: start..start,
            string: self.peek() == b'"',
        });
        match self.peek() {
            b'{' => {
                self.i += 1;
                loop {
                    self.ws();
                    if self.peek() != b'"' {
                        self.i += 1;
                        break;
                    }
                    let k = self.string();
                    let len = self.path.len();
                    push_segment(&mut self.path, self.b.get(k.clone()).unwrap_or(b""));
                    self.ws();
                    self.i += 1; // ':'
                    self.value(Some(k));
                    self.path.truncate(len);
                    self.ws();
                    if self.peek() == b',' {
                        self.i += 1;
                    } else {
                        self.i += 1;
                        break;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut n = 0;
                loop {
                    self.ws();
                    if self.peek() == b']' || self.i >= self.b.len() {
                        self.i += 1;
                        break;
                    }
                    let len = self.path.len();
                    let _ = write!(self.path, "/{n}");
                    self.value(None);
                    self.path.truncate(len);
                    n += 1;
                    self.ws();
                    if self.peek() == b',' {
                        self.i += 1;
                    }
                }
            }
            b'"' => {
                self.string();
            }
            _ => {
                while self.i < self.b.len()
                    && !matches!(
                        self.peek(),
                        b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t'
                    )
                {
                    self.i += 1;
                }
            }
        }
        if let Some(n) = self.out.get_mut(idx) {
            n.value = start..self.i.min(self.b.len());
        }
    }
}

/// The nodes of one body, in document order, with an index by pointer.
#[derive(Debug, Clone, Default)]
pub struct BodyNodes {
    nodes: Vec<JsonNode>,
    by_pointer: HashMap<String, usize>,
}

impl BodyNodes {
    /// Scans `text` (a valid JSON text).
    pub fn scan(text: &str) -> BodyNodes {
        let nodes = json_nodes(text);
        let by_pointer = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.pointer.clone(), i))
            .collect();
        BodyNodes { nodes, by_pointer }
    }

    /// The node at `pointer` (the last one when a key repeats, as a JSON parser keeps).
    pub fn get(&self, pointer: &str) -> Option<&JsonNode> {
        self.by_pointer
            .get(pointer)
            .and_then(|&i| self.nodes.get(i))
    }

    /// Every node, in document order.
    pub fn iter(&self) -> std::slice::Iter<'_, JsonNode> {
        self.nodes.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_nodes_have_key_spans() {
        let t = "{\n \"a\": {\"b\": [1, \"x\"]},\n \"c\": true\n}";
        let n = BodyNodes::scan(t);
        let at = |p: &str| n.get(p).expect(p);
        assert_eq!(&t[at("/a/b").key.clone().unwrap()], "\"b\"");
        assert_eq!(&t[at("/a/b/1").value.clone()], "\"x\"");
        assert_eq!(&t[at("/c").value.clone()], "true");
        assert_eq!(&t[at("").value.clone()], t);
        let order: Vec<&str> = n.iter().map(|n| n.pointer.as_str()).collect();
        assert_eq!(order, ["", "/a", "/a/b", "/a/b/0", "/a/b/1", "/c"]);
    }

    #[test]
    fn keys_are_decoded_and_escaped_as_pointer_segments() {
        let t = r#"{"a/b": {"~x": [0, {"\u0041\"": 1}]}, "é": 2}"#;
        let order: Vec<String> = BodyNodes::scan(t)
            .iter()
            .map(|n| n.pointer.clone())
            .collect();
        assert_eq!(
            order,
            [
                "",
                "/a~1b",
                "/a~1b/~0x",
                "/a~1b/~0x/0",
                "/a~1b/~0x/1",
                "/a~1b/~0x/1/A\"",
                "/é"
            ]
        );
    }

    #[test]
    fn a_repeated_key_resolves_to_its_last_occurrence() {
        let t = r#"{"a": 1, "a": 2}"#;
        let n = BodyNodes::scan(t);
        assert_eq!(&t[n.get("/a").expect("a").value.clone()], "2");
    }
}
