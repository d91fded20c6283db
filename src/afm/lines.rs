//! Byte offset → 1-based line and character column.

/// Line starts of a text, for turning byte offsets into positions.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    text_len: usize,
    /// Kept so columns can be counted in characters, not bytes.
    text: std::sync::Arc<str>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: std::sync::Arc<str>) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(&text));
        LineIndex {
            starts,
            text_len: text.len(),
            text,
        }
    }

    /// 1-based line number of `offset` (clamped to the text).
    pub fn line(&self, offset: usize) -> usize {
        let offset = offset.min(self.text_len);
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// 1-based (line, column); the column counts characters.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text_len);
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// Byte range of 1-based `line`, without its line terminator.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text_len);
        let mut end = self.starts.get(line).copied().unwrap_or(self.text_len);
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        start..end
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text_len)
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.text_len == 0
    }
}

/// Offsets just after each `\n` (SIMD search: this runs over every byte of every file).
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let idx = LineIndex::new("ab\n한국어 x\n".into());
        assert_eq!(idx.position(0), (1, 1));
        assert_eq!(idx.position(3), (2, 1));
        // "한국어 " is 10 bytes, 4 chars: 'x' is column 5.
        assert_eq!(idx.position(13), (2, 5));
        assert_eq!(idx.line_range(2), 3..14);
        assert_eq!(idx.position(999), (3, 1));
    }
}
