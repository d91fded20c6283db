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
#[derive(Clone, Debug, Default)]
pub struct Command {
    /// Words in order.
    pub words: Vec<Word>,
}

/// Result of tokenizing a block.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// Commands in order.
    pub commands: Vec<Command>,
    /// Syntax errors found.
    pub errors: Vec<ShellError>,
}

/// Splits `input` into commands and words.
pub fn tokenize(input: &str) -> Tokens {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Vec<String>> {
        tokenize(s)
            .commands
            .into_iter()
            .map(|c| c.words.into_iter().map(|w| w.value).collect())
            .collect()
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
