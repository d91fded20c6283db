//! Shell-word tokenizer with spans, tolerant of the quoting errors machine translation introduces.

use std::ops::Range;

/// One shell word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word after quote removal.
    pub value: String,
    /// Span in the input, quotes included.
    pub span: Range<usize>,
    /// For each byte of `value`, its offset in the input (for mapping JSON errors back).
    pub map: Vec<usize>,
}

/// Something wrong with the shell syntax.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShellError {
    /// A quote (`'` or `"`) opened at this offset is never closed.
    UnterminatedQuote {
        /// Offset of the opening quote.
        at: usize,
        /// The quote character.
        quote: char,
    },
    /// A backslash at the very end of the input, or a line continuation with nothing after it.
    DanglingBackslash {
        /// Offset of the backslash.
        at: usize,
    },
}

/// A command: the words up to an unquoted, uncontinued newline (or `;`, `&&`, `|`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Command {
    /// Words in order.
    pub words: Vec<Word>,
}

/// Result of tokenizing a block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokens {
    /// Commands in order.
    pub commands: Vec<Command>,
    /// Syntax errors found.
    pub errors: Vec<ShellError>,
}

/// Splits `input` into commands and words.
///
/// Works on bytes: every character with a meaning to the shell is ASCII, so the runs between them are
/// copied whole (they start and end on character boundaries) instead of one `char` at a time.
pub fn tokenize(input: &str) -> Tokens {
    let mut t = Tokenizer {
        input,
        out: Tokens::default(),
        cmd: Command::default(),
        cur: None,
    };
    t.run();
    t.out
}

/// State of one [`tokenize`] call.
struct Tokenizer<'a> {
    input: &'a str,
    out: Tokens,
    cmd: Command,
    /// The word being built, if one has started.
    cur: Option<Word>,
}

/// Bytes that end an unquoted run inside a word.
fn ends_unquoted_run(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t' | b'\r' | b'\n' | b';' | b'\\' | b'\'' | b'"'
    )
}

impl Tokenizer<'_> {
    fn run(&mut self) {
        let b = self.input.as_bytes();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\r' => {
                    self.end_word(i);
                    i += 1;
                }
                b'\n' | b';' => {
                    self.end_word(i);
                    self.end_command();
                    i += 1;
                }
                b'&' | b'|' if self.cur.is_none() => {
                    self.end_command();
                    i += 1;
                    if matches!(b.get(i), Some(b'&' | b'|')) {
                        i += 1;
                    }
                }
                // Comment to end of line (the newline still ends the command).
                b'#' if self.cur.is_none() => {
                    i = memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k);
                }
                b'\\' => i = self.backslash(i),
                b'\'' => {
                    self.start_word(i);
                    match memchr::memchr(b'\'', &b[i + 1..]) {
                        Some(k) => {
                            self.push_run(i + 1, i + 1 + k);
                            i += k + 2;
                        }
                        None => {
                            self.push_run(i + 1, b.len());
                            self.out
                                .errors
                                .push(ShellError::UnterminatedQuote { at: i, quote: '\'' });
                            i = b.len();
                        }
                    }
                }
                b'"' => i = self.double_quoted(i),
                _ => {
                    self.start_word(i);
                    // Every stop byte is ASCII, so `end` is a character boundary; `&`, `|` and `#`
                    // inside a word are literal, so the run may start with one.
                    let end = b[i..]
                        .iter()
                        .position(|&c| ends_unquoted_run(c))
                        .map_or(b.len(), |k| i + k);
                    self.push_run(i, end);
                    i = end;
                }
            }
        }
        self.end_word(b.len());
        self.end_command();
    }

    /// A backslash outside quotes at `i`: a line continuation or an escaped character.
    fn backslash(&mut self, i: usize) -> usize {
        let b = self.input.as_bytes();
        match b.get(i + 1) {
            Some(b'\n') => {
                self.end_word(i);
                // A continuation with nothing but blank lines after it continues into nothing.
                if self.input[i + 2..].trim().is_empty() {
                    self.out
                        .errors
                        .push(ShellError::DanglingBackslash { at: i });
                }
                i + 2
            }
            Some(b'\r') if b.get(i + 2) == Some(&b'\n') => {
                self.end_word(i);
                i + 3
            }
            Some(_) => {
                self.start_word(i);
                let end = next_boundary(self.input, i + 2);
                self.push_run(i + 1, end);
                end
            }
            None => {
                self.out
                    .errors
                    .push(ShellError::DanglingBackslash { at: i });
                i + 1
            }
        }
    }

    /// A double-quoted string opening at `i`; returns the offset after it.
    fn double_quoted(&mut self, i: usize) -> usize {
        let b = self.input.as_bytes();
        self.start_word(i);
        let mut j = i + 1;
        while let Some(k) = memchr::memchr2(b'"', b'\\', &b[j..]) {
            let at = j + k;
            self.push_run(j, at);
            if b[at] == b'"' {
                return at + 1;
            }
            match b.get(at + 1) {
                Some(b'"' | b'\\' | b'$' | b'`') => {
                    self.push_run(at + 1, at + 2);
                    j = at + 2;
                }
                Some(b'\n') => j = at + 2,
                _ => {
                    self.push_run(at, at + 1);
                    j = at + 1;
                }
            }
        }
        self.push_run(j, b.len());
        self.out
            .errors
            .push(ShellError::UnterminatedQuote { at: i, quote: '"' });
        b.len()
    }

    fn start_word(&mut self, at: usize) {
        self.cur.get_or_insert_with(|| Word {
            value: String::new(),
            span: at..at,
            map: Vec::new(),
        });
    }

    /// Appends `input[from..to]` to the current word; every byte of a character maps to its first byte.
    fn push_run(&mut self, from: usize, to: usize) {
        let Some(w) = self.cur.as_mut() else {
            return;
        };
        let run = &self.input[from..to];
        w.value.push_str(run);
        if run.is_ascii() {
            w.map.extend(from..to);
        } else {
            let mut start = from;
            for (k, &c) in run.as_bytes().iter().enumerate() {
                if c & 0xC0 != 0x80 {
                    start = from + k;
                }
                w.map.push(start);
            }
        }
    }

    fn end_word(&mut self, end: usize) {
        if let Some(mut w) = self.cur.take() {
            w.span.end = end;
            self.cmd.words.push(w);
        }
    }

    fn end_command(&mut self) {
        if !self.cmd.words.is_empty() {
            self.out.commands.push(std::mem::take(&mut self.cmd));
        }
    }
}

/// The first character boundary of `s` at or after `i` (clamped to its length).
fn next_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char tokenizer this module had first: the oracle the byte scanner is held to.
    fn reference_tokenize(input: &str) -> Tokens {
        let mut out = Tokens::default();
        let mut cmd = Command::default();
        let mut cur: Option<Word> = None;
        let bytes = input.as_bytes();
        let mut chars = input.char_indices().peekable();

        fn push(cur: &mut Option<Word>, c: char, at: usize, start: usize) {
            let w = cur.get_or_insert_with(|| Word {
                value: String::new(),
                span: start..start,
                map: Vec::new(),
            });
            let mut buf = [0u8; 4];
            for _ in 0..c.encode_utf8(&mut buf).len() {
                w.map.push(at);
            }
            w.value.push(c);
        }
        fn end_word(cur: &mut Option<Word>, cmd: &mut Command, end: usize) {
            if let Some(mut w) = cur.take() {
                w.span.end = end;
                cmd.words.push(w);
            }
        }
        fn start_word(cur: &mut Option<Word>, at: usize) {
            cur.get_or_insert_with(|| Word {
                value: String::new(),
                span: at..at,
                map: Vec::new(),
            });
        }

        while let Some((i, c)) = chars.next() {
            match c {
                ' ' | '\t' | '\r' => end_word(&mut cur, &mut cmd, i),
                '\n' | ';' => {
                    end_word(&mut cur, &mut cmd, i);
                    if !cmd.words.is_empty() {
                        out.commands.push(std::mem::take(&mut cmd));
                    }
                }
                '&' | '|' if cur.is_none() => {
                    if !cmd.words.is_empty() {
                        out.commands.push(std::mem::take(&mut cmd));
                    }
                    if matches!(chars.peek(), Some((_, '&' | '|'))) {
                        chars.next();
                    }
                }
                '#' if cur.is_none() => {
                    // Comment to end of line.
                    while let Some((_, n)) = chars.peek() {
                        if *n == '\n' {
                            break;
                        }
                        chars.next();
                    }
                }
                '\\' => match chars.next() {
                    Some((_, '\n')) => {
                        end_word(&mut cur, &mut cmd, i);
                        // A continuation with nothing but blank lines after it continues into nothing.
                        if input[i + 2..].trim().is_empty() {
                            out.errors.push(ShellError::DanglingBackslash { at: i });
                        }
                    }
                    Some((_, '\r')) if matches!(chars.peek(), Some((_, '\n'))) => {
                        chars.next();
                        end_word(&mut cur, &mut cmd, i);
                    }
                    Some((j, n)) => {
                        start_word(&mut cur, i);
                        push(&mut cur, n, j, i);
                    }
                    None => out.errors.push(ShellError::DanglingBackslash { at: i }),
                },
                '\'' => {
                    start_word(&mut cur, i);
                    let mut closed = false;
                    for (j, n) in chars.by_ref() {
                        if n == '\'' {
                            closed = true;
                            break;
                        }
                        push(&mut cur, n, j, i);
                    }
                    if !closed {
                        out.errors
                            .push(ShellError::UnterminatedQuote { at: i, quote: '\'' });
                    }
                }
                '"' => {
                    start_word(&mut cur, i);
                    let mut closed = false;
                    while let Some((j, n)) = chars.next() {
                        match n {
                            '"' => {
                                closed = true;
                                break;
                            }
                            '\\' => match chars.peek().copied() {
                                Some((k, e @ ('"' | '\\' | '$' | '`'))) => {
                                    chars.next();
                                    push(&mut cur, e, k, i);
                                }
                                Some((_, '\n')) => {
                                    chars.next();
                                }
                                _ => push(&mut cur, '\\', j, i),
                            },
                            _ => push(&mut cur, n, j, i),
                        }
                    }
                    if !closed {
                        out.errors
                            .push(ShellError::UnterminatedQuote { at: i, quote: '"' });
                    }
                }
                _ => {
                    start_word(&mut cur, i);
                    push(&mut cur, c, i, i);
                }
            }
        }
        end_word(&mut cur, &mut cmd, bytes.len());
        if !cmd.words.is_empty() {
            out.commands.push(cmd);
        }
        out
    }

    fn words(s: &str) -> Vec<Vec<String>> {
        tokenize(s)
            .commands
            .into_iter()
            .map(|c| c.words.into_iter().map(|w| w.value).collect())
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn byte_scanner_matches_the_reference(s in "[ a-c\\\\'\"\n\r\t;&|#$`é中\\-]{0,40}") {
            proptest::prop_assert_eq!(tokenize(&s), reference_tokenize(&s));
        }
    }

    #[test]
    fn byte_scanner_matches_the_reference_on_curl_examples() {
        for s in [
            "curl -X POST 'https://é.example/x' \\\n -H \"x-api-key: {KEY}\" -d '{\"a\": \"中\"}'\n",
            "a\\é \"b\\中\" c#d # e\n&& f | g; h \\\r\n i \\\r j",
            "\"unterminated \\\" é",
            "'open",
            "\\",
        ] {
            assert_eq!(tokenize(s), reference_tokenize(s), "{s:?}");
        }
    }

    #[test]
    fn quotes_continuations_and_commands() {
        assert_eq!(
            words("curl -X POST \\\n  'https://a b' -H \"A: \\\"x\\\"\"\necho hi # c\n"),
            vec![
                vec!["curl", "-X", "POST", "https://a b", "-H", "A: \"x\""],
                vec!["echo", "hi"]
            ]
        );
    }

    #[test]
    fn spans_and_maps_point_into_the_input() {
        let s = "curl -d '{\"a\":1}'";
        let t = tokenize(s);
        let w = &t.commands[0].words[2];
        assert_eq!(&s[w.span.clone()], "'{\"a\":1}'");
        assert_eq!(w.map[0], 9);
    }

    #[test]
    fn unterminated_quote_keeps_the_rest_as_one_word() {
        let s = "curl -d '{\n  \"a\": 1\n}\n";
        let t = tokenize(s);
        assert_eq!(
            t.errors,
            vec![ShellError::UnterminatedQuote { at: 8, quote: '\'' }]
        );
        assert_eq!(t.commands[0].words[2].value, "{\n  \"a\": 1\n}\n");
    }

    #[test]
    fn trailing_continuation_is_dangling() {
        assert_eq!(
            tokenize("curl x \\\n").errors,
            vec![ShellError::DanglingBackslash { at: 7 }]
        );
        assert!(tokenize("curl x \\\n  -H y\n").errors.is_empty());
    }
}
