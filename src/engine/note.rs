//! What a run tells the user besides findings: files it skipped or could
//! not read, folders the walk could not enter, files `--fix` left alone.

use crate::source::{ReadError, SourceError};
use std::path::PathBuf;

/// Something the user should know that is not a finding.
#[derive(Debug)]
pub struct Note {
    /// The path concerned (empty when the walk could not name one).
    pub path: PathBuf,
    /// What happened.
    pub kind: NoteKind,
}

/// What a [`Note`] is about.
#[derive(Debug)]
pub enum NoteKind {
    /// An article was not read (an error) or skipped (information).
    Source(SourceError),
    /// The walk could not read a folder or entry (an error).
    Walk(String),
    /// `--fix` left the file unchanged, and why (information).
    NotFixed(String),
}

impl Note {
    /// An article that was not read or was skipped.
    pub fn source(path: PathBuf, error: SourceError) -> Note {
        Note {
            path,
            kind: NoteKind::Source(error),
        }
    }

    /// Whether it is an error (the run failed to see something) rather than
    /// information.
    pub fn is_error(&self) -> bool {
        match &self.kind {
            NoteKind::Source(e) => e.is_error(),
            NoteKind::Walk(_) => true,
            NoteKind::NotFixed(_) => false,
        }
    }

    /// What happened, in a sentence for the report (bidirectional controls
    /// escaped, as in findings).
    pub fn message(&self) -> String {
        let message = match &self.kind {
            NoteKind::Source(SourceError::Unread(e @ ReadError::Io(_))) => e.to_string(),
            NoteKind::Source(SourceError::Unread(e @ ReadError::TooLarge { .. })) => {
                format!("skipped: {e} (`max_article_bytes` in copydesk.yaml)")
            }
            NoteKind::Source(e) => format!("skipped: {e}"),
            NoteKind::Walk(message) => message.clone(),
            NoteKind::NotFixed(reason) => format!("not fixed: {reason}"),
        };
        crate::diagnostic::visible(message)
    }
}
