//! The run's files as reporters see them: names, texts, and line indexes
//! built lazily, only for files that have something to report.

use crate::document::{LineCol, LineIndex, Span};
use crate::engine::RunResult;
use crate::source::FileId;
use codespan_reporting::files::{Error, Files};
use std::ops::Range;
use std::sync::OnceLock;

/// Files of a run, for reporters.
pub struct ReportFiles<'a> {
    /// The run.
    pub run: &'a RunResult,
    indexes: Vec<OnceLock<LineIndex>>,
}

impl<'a> ReportFiles<'a> {
    /// Wrap a run.
    pub fn new(run: &'a RunResult) -> Self {
        ReportFiles {
            run,
            indexes: (0..run.files.len()).map(|_| OnceLock::new()).collect(),
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

impl<'a> Files<'a> for ReportFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(&self
            .run
            .files
            .get(id.0 as usize)
            .ok_or(Error::FileMissing)?
            .display)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, Error> {
        Ok(self
            .run
            .files
            .get(id.0 as usize)
            .ok_or(Error::FileMissing)?
            .text())
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
