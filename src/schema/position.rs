//! JSON pointer → line and column in a YAML (or JSON) file, for positioned schema errors.
//!
//! Only used on the error path: the document is parsed a second time with yaml-rust2's event
//! parser, which carries a marker on every node, and the first node at the pointer wins.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;

/// 1-based (line, column) of the node at JSON `pointer` (`/paths/~1connections/post`) in `text`.
pub fn position(text: &str, pointer: &str) -> Option<(usize, usize)> {
    let mut r = Receiver {
        target: pointer.to_string(),
        stack: Vec::new(),
        found: None,
        best: None,
    };
    let mut parser = Parser::new_from_str(text);
    let _ = parser.load(&mut r, false);
    r.found.or(r.best.map(|(_, p)| p))
}

enum Frame {
    Map { ptr: String, key: Option<String> },
    Seq { ptr: String, index: usize },
}

struct Receiver {
    target: String,
    stack: Vec<Frame>,
    found: Option<(usize, usize)>,
    /// Deepest ancestor of the target seen so far (pointer length, position).
    best: Option<(usize, (usize, usize))>,
}

fn escape(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

impl Receiver {
    /// Pointer of the node that starts now (a key or a value), if any.
    fn node_pointer(&self) -> Option<String> {
        match self.stack.last()? {
            Frame::Map { ptr, key: Some(k) } => Some(format!("{ptr}/{}", escape(k))),
            Frame::Map { .. } => None,
            Frame::Seq { ptr, index } => Some(format!("{ptr}/{index}")),
        }
    }

    fn record(&mut self, ptr: &str, mark: Marker) {
        if self.found.is_some() {
            return;
        }
        let pos = (mark.line(), mark.col() + 1);
        if ptr == self.target {
            self.found = Some(pos);
        } else if self.target.starts_with(&format!("{ptr}/"))
            && self.best.is_none_or(|(len, _)| ptr.len() > len)
        {
            self.best = Some((ptr.len(), pos));
        }
    }

    /// A value finished: move the parent on.
    fn advance(&mut self) {
        match self.stack.last_mut() {
            Some(Frame::Map { key, .. }) => *key = None,
            Some(Frame::Seq { index, .. }) => *index += 1,
            None => {}
        }
    }

    fn start_container(&mut self, mark: Marker, seq: bool) {
        let ptr = if self.stack.is_empty() {
            String::new()
        } else {
            self.node_pointer().unwrap_or_default()
        };
        if !ptr.is_empty() {
            self.record(&ptr, mark);
        }
        self.stack.push(if seq {
            Frame::Seq { ptr, index: 0 }
        } else {
            Frame::Map { ptr, key: None }
        });
    }
}

impl MarkedEventReceiver for Receiver {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        match ev {
            Event::Scalar(s, ..) => {
                if let Some(Frame::Map { ptr, key }) = self.stack.last_mut() {
                    if key.is_none() {
                        let p = format!("{ptr}/{}", escape(&s));
                        *key = Some(s);
                        self.record(&p, mark);
                        return;
                    }
                }
                if let Some(p) = self.node_pointer() {
                    self.record(&p, mark);
                }
                self.advance();
            }
            Event::Alias(_) => self.advance(),
            Event::MappingStart(..) => self.start_container(mark, false),
            Event::SequenceStart(..) => self.start_container(mark, true),
            Event::MappingEnd | Event::SequenceEnd => {
                self.stack.pop();
                self.advance();
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_items() {
        let t = "a: 1\npaths:\n  /x:\n    get:\n      p: [1, 2]\n";
        assert_eq!(position(t, "/paths/~1x/get"), Some((4, 5)));
        assert_eq!(position(t, "/paths/~1x/get/p/1"), Some((5, 14)));
        // Missing node: the deepest ancestor.
        assert_eq!(position(t, "/paths/~1x/post"), Some((3, 3)));
    }
}
