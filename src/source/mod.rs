//! Where article text comes from: finding files ([`walk`]) and turning their
//! bytes into UTF-8 text while remembering how to write them back ([`decode`]),
//! reading no more than a limit, and only regular files ([`read`]), with
//! the stat data and hash that tell whether a file changed ([`stamp`]).
//! Every article a run checks is read through [`read::read_article`] and
//! numbered by [`Sources`].

pub mod decode;
pub mod git;
pub mod read;
pub mod stamp;
pub mod walk;

pub use decode::{Decoded, Encoding, LineEnding, decode, decode_vec};
pub use read::{
    Article, DEFAULT_MAX_ARTICLE_BYTES, ReadError, SourceError, read_article, read_bounded,
};
pub use stamp::{Stamp, content_hash};
pub use walk::{WalkError, WalkOptions, walk};

use serde::Serialize;
use std::path::{Path, PathBuf};

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

impl SourceFile {
    /// The file `id` of a run, read from `path`, shown as [`display_path`].
    pub fn new(id: FileId, path: PathBuf, decoded: Decoded) -> SourceFile {
        SourceFile {
            id,
            display: display_path(&path),
            path,
            decoded,
        }
    }
}

/// The files of a run, numbered in the order they are added: the one place
/// a [`FileId`] is given.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

impl Sources {
    /// Adds the file read from `path` and returns its id.
    pub fn push(&mut self, path: PathBuf, decoded: Decoded) -> FileId {
        let id = FileId(self.files.len() as u32);
        self.files.push(SourceFile::new(id, path, decoded));
        id
    }

    /// How many files there are.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The files, by id.
    pub fn into_files(self) -> Vec<SourceFile> {
        self.files
    }
}

/// How a path is shown in reports: relative to the current folder when it
/// lies inside it (a corpus set in the config is absolute, and annotations
/// of CI services only land on relative paths), as given otherwise.
pub fn display_path(path: &Path) -> String {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| std::env::current_dir().ok());
    let relative = cwd
        .as_deref()
        .filter(|_| path.is_absolute())
        .and_then(|cwd| pathdiff::diff_paths(path, cwd))
        .filter(|rel| !rel.starts_with(".."));
    relative
        .as_deref()
        .unwrap_or(path)
        .strip_prefix("./")
        .unwrap_or(relative.as_deref().unwrap_or(path))
        .display()
        .to_string()
}

/// Whether `path` is one of the (canonical) `focus` paths. The file name is
/// compared first: resolving every path of a large corpus costs system calls.
pub fn is_focus(path: &Path, focus: &std::collections::HashSet<PathBuf>) -> bool {
    let name = path.file_name();
    focus.iter().any(|f| f.file_name() == name) && focus.contains(&canonical(path))
}

/// A path in one spelling, so `./a.md` and `content/../a.md` compare equal.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
