//! Line starts of a text, to turn byte offsets into 1-based lines and
//! character columns when a diagnostic is reported (never earlier).

/// 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

/// Byte offsets at which each line of a text starts.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// Characters starting before byte `k * CHECKPOINT` of the text, for
    /// each `k`: a column is then counted from the nearest checkpoint, not
    /// from its line's start, which made many findings on one long line
    /// (a paragraph of 80,000 images) quadratic (issue 13).
    checkpoints: Vec<usize>,
}

/// Bytes between two character-count checkpoints.
const CHECKPOINT: usize = 4096;

impl LineIndex {
    /// Index the line starts of `text` (`\n` ends a line; a `\r` before it
    /// belongs to the line's terminator; a `\r` alone ends a line too, as in
    /// files saved with old Mac line endings, issue 13).
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| i + 1),
        );
        let mut checkpoints = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut chars = 0;
        checkpoints.push(0);
        for chunk in bytes.chunks(CHECKPOINT) {
            chars += char_starts(chunk);
            checkpoints.push(chars);
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// Characters starting before byte `offset` of `text` (the text indexed).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHECKPOINT;
        self.checkpoints[k] + char_starts(&text.as_bytes()[k * CHECKPOINT..offset])
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// Byte offset where 0-based `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Number of lines (a text always has at least one).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and character column of byte `offset` in `text`.
    /// An offset inside a multi-byte character counts as that character.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = offset.min(text.len());
        let line = self.line_of(offset);
        let start = self.starts[line];
        // Characters starting before `offset` (one inside a character
        // counts that character).
        let column = if offset - start <= CHECKPOINT {
            char_starts(&text.as_bytes()[start..offset]) + 1
        } else {
            self.chars_before(text, offset) - self.chars_before(text, start) + 1
        };
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// How many characters start in `bytes`: every byte that is not a UTF-8
/// continuation byte (`10xxxxxx`) starts one. Eight bytes at a time, since
/// reports ask this for every finding on lines that are whole paragraphs.
fn char_starts(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuations = 0;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        // High bit set and the next bit clear, in each byte.
        continuations += (x & !(x << 1) & HIGH).count_ones() as usize;
    }
    continuations += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xC0 == 0x80)
        .count();
    bytes.len() - continuations
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_13_a_lone_cr_ends_a_line() {
        let text = "a\rb\r\nc\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(idx.line_col(text, 2), LineCol { line: 2, column: 1 });
        assert_eq!(idx.line_col(text, 5), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_col(text, 7), LineCol { line: 4, column: 1 });
    }

    #[test]
    fn issue_13_columns_on_a_long_line_use_checkpoints() {
        let text = format!("é{}\nb", "aé".repeat(10_000));
        let idx = LineIndex::new(&text);
        for offset in [0, 2, 3, 5000, 5001, 4096, 8192, 20_000, 30_002] {
            let expected = text.as_bytes()[..offset]
                .iter()
                .filter(|&&b| b & 0xC0 != 0x80)
                .count()
                + 1;
            assert_eq!(idx.line_col(&text, offset).column, expected, "{offset}");
        }
        assert_eq!(
            idx.line_col(&text, text.len()),
            LineCol { line: 2, column: 2 }
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "ab\nçé x\r\nz";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), LineCol { line: 2, column: 4 });
        let z = text.find('z').unwrap();
        assert_eq!(idx.line_col(text, z), LineCol { line: 3, column: 1 });
        assert_eq!(idx.line_count(), 3);
    }

    #[test]
    fn characters_are_counted_across_eight_byte_chunks() {
        for text in [
            "",
            "abc",
            "héllo wörld, ça va — “oui” 🎉 ok",
            &"é€🎉a".repeat(9),
        ] {
            for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(
                    char_starts(&text.as_bytes()[..end]),
                    text[..end].chars().count()
                );
            }
        }
    }

    #[test]
    fn an_offset_inside_a_character_counts_that_character() {
        let text = "ab\nçé x";
        let idx = LineIndex::new(text);
        let e = text.find('é').unwrap();
        // Second byte of `é`: column of `é` itself is 2, so inside it is 3.
        assert_eq!(idx.line_col(text, e + 1), LineCol { line: 2, column: 3 });
        assert_eq!(idx.line_col(text, e), LineCol { line: 2, column: 2 });
        assert_eq!(idx.line_col(text, text.len() + 5).line, 2);
    }
}
