//! Where each key and value of a request's JSON body sits: a scan of the body text into nodes
//! addressed by JSON pointer, so the `SCH*` and `TBL*` rules can point a finding at the exact key.
//!
//! Several rules ask for the nodes of the same body; [`crate::extract::Request::body_nodes`] scans
//! once per request and keeps the result (issue 8: it used to be rescanned by each rule).

use std::collections::HashMap;

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
        out: Vec::new(),
    };
    p.value(String::new(), None);
    p.out
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    out: Vec<JsonNode>,
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
    fn value(&mut self, pointer: String, key: Option<std::ops::Range<usize>>) {
        self.ws();
        let start = self.i;
        let idx = self.out.len();
        self.out.push(JsonNode {
            pointer: pointer.clone(),
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
                    let name =
                        serde_json::from_slice::<String>(self.b.get(k.clone()).unwrap_or(b""))
                            .unwrap_or_default();
                    self.ws();
                    self.i += 1; // ':'
                    let child = format!("{pointer}/{}", crate::schema::refs::escape(&name));
                    self.value(child, Some(k));
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
                    self.value(format!("{pointer}/{n}"), None);
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
    fn a_repeated_key_resolves_to_its_last_occurrence() {
        let t = r#"{"a": 1, "a": 2}"#;
        let n = BodyNodes::scan(t);
        assert_eq!(&t[n.get("/a").expect("a").value.clone()], "2");
    }
}
