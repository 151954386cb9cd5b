//! Reading a file's bytes with bounds: only regular files (a symlink is
//! followed and its target checked), and never more than a size limit plus
//! one byte, so that a link to `/dev/zero`, a FIFO or a huge file cannot
//! exhaust memory or hang the run (issue 13). Decoding is [`super::decode`].

use super::decode::{Decoded, decode_vec};
use super::stamp::{Stamp, content_hash};
use std::fs::File;
use std::io::Read;
use std::path::Path;

/// The default limit on an article's size: 16 MB.
pub const DEFAULT_MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

/// The limit on a configuration or data file (copydesk.yaml, facts.yaml).
pub const MAX_CONFIG_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file's bytes were not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A folder, FIFO, socket or device (after following symlinks).
    #[error("not a regular file ({kind})")]
    NotRegular {
        /// What it is instead, e.g. "a FIFO".
        kind: &'static str,
    },
    /// Larger than the limit.
    #[error("larger than the limit of {}", human_bytes(*limit))]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The system refused.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
}

/// Why an article was not checked.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Its bytes were not read.
    #[error(transparent)]
    Unread(#[from] ReadError),
    /// Its bytes are not text.
    #[error("binary file")]
    Binary,
}

impl SourceError {
    /// Whether the user must act: the system refused to read the file. A
    /// skipped file (binary, too large, not a regular file) is information.
    pub fn is_error(&self) -> bool {
        matches!(self, SourceError::Unread(ReadError::Io(_)))
    }
}

/// An article as read from disk: its text, and what tells whether it
/// changed since (its stat data, taken before the read, and its hash).
pub struct Article {
    /// The text and how it was stored.
    pub decoded: Decoded,
    /// Stat data.
    pub stamp: Stamp,
    /// Hash of the bytes.
    pub hash: u64,
}

/// Reads the article at `path` (see [`read_bounded`] for `limit`).
pub fn read_article(path: &Path, limit: u64) -> Result<Article, SourceError> {
    let stamp = stamp_of(path)?;
    let (bytes, hash) = read_hashed(path, limit)?;
    Ok(Article {
        decoded: decode_article(bytes)?,
        stamp,
        hash,
    })
}

/// The stat data of the file at `path`.
pub fn stamp_of(path: &Path) -> Result<Stamp, SourceError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    Ok(Stamp::of(&meta))
}

/// The bytes of the file at `path` and their hash.
pub fn read_hashed(path: &Path, limit: u64) -> Result<(Vec<u8>, u64), SourceError> {
    let bytes = read_bounded(path, limit)?;
    let hash = content_hash(&bytes);
    Ok((bytes, hash))
}

/// An article's bytes as text.
pub fn decode_article(bytes: Vec<u8>) -> Result<Decoded, SourceError> {
    decode_vec(bytes).map_err(|_| SourceError::Binary)
}

/// What a file that is not a regular file is, for messages. Follows symlinks.
pub fn irregular_kind(path: &Path) -> Option<&'static str> {
    let meta = std::fs::metadata(path).ok()?;
    (!meta.is_file()).then(|| kind_of(&meta.file_type()))
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    if t.is_dir() { "a folder" } else { "not a file" }
}

/// The bytes of the regular file at `path` (symlinks followed), at most
/// `limit` of them: a longer file is [`ReadError::TooLarge`], found by
/// reading one byte past the limit, not by trusting the size the system
/// reports (which is 0 for `/proc` files and can change under us).
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Look before opening: opening a FIFO for reading waits for a writer.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta.file_type()),
        });
    }
    let file = File::open(path)?;
    // The path may have been swapped between the look and the open.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta.file_type()),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    Ok(bytes)
}

/// `n` bytes for people: `16 MB`, `300 KB`, `12 bytes`.
fn human_bytes(n: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if n >= MB && n.is_multiple_of(MB) {
        format!("{} MB", n / MB)
    } else if n >= 1024 && n.is_multiple_of(1024) {
        format!("{} KB", n / 1024)
    } else {
        format!("{n} bytes")
    }
}

/// The text of a config-sized file (copydesk.yaml, a house rule): at most
/// [`MAX_CONFIG_BYTES`], UTF-8, every failure as an I/O error for the
/// caller to name the file in.
pub fn read_config_text(path: &Path) -> std::io::Result<String> {
    let bytes = read_bounded(path, MAX_CONFIG_BYTES).map_err(|e| match e {
        ReadError::Io(e) => e,
        other => std::io::Error::other(other.to_string()),
    })?;
    String::from_utf8(bytes).map_err(|_| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_file_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, b"12345").unwrap();
        assert_eq!(read_bounded(&path, 5).unwrap(), b"12345");
        let err = read_bounded(&path, 4).unwrap_err();
        assert_eq!(err.to_string(), "larger than the limit of 4 bytes");
    }

    #[test]
    fn a_folder_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_bounded(dir.path(), 100).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a folder)");
    }

    #[cfg(unix)]
    #[test]
    fn issue_13_a_link_to_dev_zero_is_refused_without_reading() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.md");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_bounded(&link, DEFAULT_MAX_ARTICLE_BYTES).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a device)");
        assert_eq!(irregular_kind(&link), Some("a device"));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn issue_13_a_file_whose_size_lies_is_cut_at_the_limit() {
        // /proc files report size 0 but have content: the limit holds anyway.
        let err = read_bounded(Path::new("/proc/self/maps"), 8).unwrap_err();
        assert!(matches!(err, ReadError::TooLarge { limit: 8 }), "{err}");
    }
}
