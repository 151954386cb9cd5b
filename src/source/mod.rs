//! Where article text comes from: finding files ([`walk`]) and turning their
//! bytes into UTF-8 text while remembering how to write them back ([`decode`]),
//! reading no more than a limit, and only regular files ([`read`]).

pub mod decode;
pub mod git;
pub mod read;
pub mod walk;

pub use decode::{Decoded, Encoding, LineEnding, decode, decode_vec};
pub use read::{DEFAULT_MAX_ARTICLE_BYTES, ReadError, read_bounded};
pub use walk::{WalkError, WalkOptions, walk};

use serde::Serialize;
use std::path::PathBuf;

/// Index of a file in a run's list of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct FileId(pub u32);

/// One article as read from disk (or stdin), decoded.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Its index in the run.
    pub id: FileId,
    /// Path on disk (`-` for standard input).
    pub path: PathBuf,
    /// Path as shown to the user.
    pub display: String,
    /// Decoded text and how it was stored.
    pub decoded: Decoded,
}

impl SourceFile {
    /// The decoded UTF-8 text, without any BOM.
    pub fn text(&self) -> &str {
        &self.decoded.text
    }
}
