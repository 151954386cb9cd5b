//! The run's files as reporters see them: names, texts, and line indexes
//! built lazily, only for files that have something to report.

use crate::diagnostic::{is_bidi_control, visible};
use crate::document::{LineCol, LineIndex, Span};
use crate::engine::RunResult;
use crate::source::FileId;
use codespan_reporting::files::{Error, Files};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

/// Files of a run, for reporters.
pub struct ReportFiles<'a> {
    /// The run.
    pub run: &'a RunResult,
    indexes: Vec<OnceLock<LineIndex>>,
    /// Each file's text as snippets show it, when that differs from the
    /// text ([`mask_bidi`]): looked at once per file, since a snippet asks
    /// for the source several times and a report may hold thousands of
    /// snippets of one long file.
    masked: Vec<OnceLock<Option<String>>>,
}

impl<'a> ReportFiles<'a> {
    /// Wrap a run.
    pub fn new(run: &'a RunResult) -> Self {
        ReportFiles {
            run,
            indexes: (0..run.files.len()).map(|_| OnceLock::new()).collect(),
            masked: (0..run.files.len()).map(|_| OnceLock::new()).collect(),
        }
    }

    fn index(&self, id: FileId) -> &LineIndex {
        self.indexes[id.0 as usize].get_or_init(|| LineIndex::new(self.run.file(id).text()))
    }

    /// The display path of a file.
    pub fn path(&self, id: FileId) -> &str {
        &self.run.file(id).display
    }

    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, id: FileId, offset: usize) -> LineCol {
        self.index(id).line_col(self.run.file(id).text(), offset)
    }

    /// Start and end positions of a span.
    pub fn span_pos(&self, id: FileId, span: Span) -> (LineCol, LineCol) {
        (self.line_col(id, span.start), self.line_col(id, span.end))
    }
}

/// Snippets are printed to a terminal, where a bidirectional control in a
/// file name or a quoted line would reorder what the user reads (issue 13):
/// names show them as escapes, source lines as a visible mark of the same
/// length in bytes, so that every offset stays right.
impl<'a> Files<'a> for ReportFiles<'a> {
    type FileId = FileId;
    type Name = Cow<'a, str>;
    type Source = Cow<'a, str>;

    fn name(&'a self, id: FileId) -> Result<Cow<'a, str>, Error> {
        let file = self
            .run
            .files
            .get(id.0 as usize)
            .ok_or(Error::FileMissing)?;
        Ok(visible_name(&file.display))
    }

    fn source(&'a self, id: FileId) -> Result<Cow<'a, str>, Error> {
        let file = self
            .run
            .files
            .get(id.0 as usize)
            .ok_or(Error::FileMissing)?;
        let masked = self.masked[id.0 as usize].get_or_init(|| match mask_bidi(file.text()) {
            Cow::Owned(masked) => Some(masked),
            Cow::Borrowed(_) => None,
        });
        Ok(Cow::Borrowed(masked.as_deref().unwrap_or(file.text())))
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        Ok(self.index(id).line_of(byte_index))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        let idx = self.index(id);
        let text = self.run.file(id).text();
        let start = idx.line_start(line_index).ok_or(Error::LineTooLarge {
            given: line_index,
            max: idx.line_count() - 1,
        })?;
        let end = idx.line_start(line_index + 1).unwrap_or(text.len());
        Ok(start..end)
    }
}

/// A path as a terminal report shows it: bidirectional controls escaped.
pub fn visible_name(name: &str) -> Cow<'_, str> {
    if name.chars().any(is_bidi_control) {
        Cow::Owned(visible(name.to_string()))
    } else {
        Cow::Borrowed(name)
    }
}

/// `text` with each bidirectional control replaced by a visible character
/// of the same length in bytes (U+FFFD for the three-byte ones, `¤` for the
/// two-byte Arabic letter mark).
fn mask_bidi(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_bidi_control) {
        return Cow::Borrowed(text);
    }
    let masked = text
        .chars()
        .map(|c| match c {
            c if !is_bidi_control(c) => c,
            c if c.len_utf8() == 3 => '\u{FFFD}',
            _ => '\u{A4}',
        })
        .collect();
    Cow::Owned(masked)
}

#[cfg(test)]
mod bidi_tests {
    use super::*;

    #[test]
    fn issue_13_bidi_controls_are_masked_without_moving_offsets() {
        let text = "a\u{202E}b\u{061C}c\u{2066}d";
        let masked = mask_bidi(text);
        assert_eq!(masked, "a\u{FFFD}b\u{A4}c\u{FFFD}d");
        assert_eq!(masked.len(), text.len());
        assert_eq!(visible_name("x\u{202E}.md"), "x\\u{202E}.md");
        assert!(matches!(mask_bidi("plain"), Cow::Borrowed(_)));
    }
}
