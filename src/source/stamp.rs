//! What decides whether a cached article must be read again: its stat data
//! (size, modification and change times, inode) and, when those cannot be
//! trusted, a hash of its bytes.
//!
//! Stat data are trusted only for files last modified well before the run
//! that wrote the cache started, as git does for its index ("racy git"): a
//! file written in the same clock tick as it was read could change again
//! without its modification time moving, so its bytes are hashed instead.

use serde::{Deserialize, Serialize};
use std::fs::Metadata;
use std::time::{SystemTime, UNIX_EPOCH};

/// How long before the cache's start time a modification must be for the
/// stat data to be trusted: the coarsest common timestamp granularity (FAT
/// keeps two seconds).
const RACY_NS: u64 = 2_000_000_000;

/// A file's stat data, compared as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Length in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: u64,
    /// Status change time (Unix), nanoseconds since the Unix epoch: moves
    /// even when an editor or `touch` puts the modification time back.
    pub ctime_ns: u64,
    /// Inode number (Unix): a file replaced by a rename is another file.
    pub inode: u64,
}

impl Stamp {
    /// A stamp no file has: an entry recorded with it is always checked.
    pub const UNKNOWN: Stamp = Stamp {
        size: u64::MAX,
        mtime_ns: u64::MAX,
        ctime_ns: u64::MAX,
        inode: u64::MAX,
    };

    /// The stamp of a file's metadata.
    pub fn of(meta: &Metadata) -> Stamp {
        let (ctime_ns, inode) = unix_parts(meta);
        Stamp {
            size: meta.len(),
            mtime_ns: meta.modified().map(nanos).unwrap_or(0),
            ctime_ns,
            inode,
        }
    }

    /// Whether the file was last changed at least [`RACY_NS`] before
    /// `started_ns`, so equal stat data mean equal contents.
    pub fn settled_before(&self, started_ns: u64) -> bool {
        self.mtime_ns.max(self.ctime_ns).saturating_add(RACY_NS) < started_ns
    }
}

#[cfg(unix)]
fn unix_parts(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let ctime = u64::try_from(meta.ctime()).unwrap_or(0);
    let ns = u64::try_from(meta.ctime_nsec()).unwrap_or(0);
    (
        ctime.saturating_mul(1_000_000_000).saturating_add(ns),
        meta.ino(),
    )
}

#[cfg(not(unix))]
fn unix_parts(_: &Metadata) -> (u64, u64) {
    (0, 0)
}

fn nanos(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Now, in nanoseconds since the Unix epoch.
pub fn now_ns() -> u64 {
    nanos(SystemTime::now())
}

/// Hash of a file's bytes: XXH3, fast and the same in every run and build.
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(mtime_ns: u64) -> Stamp {
        Stamp {
            size: 10,
            mtime_ns,
            ctime_ns: mtime_ns,
            inode: 1,
        }
    }

    #[test]
    fn recent_files_are_not_settled() {
        let started = 100 * RACY_NS;
        assert!(stamp(started - RACY_NS - 1).settled_before(started));
        assert!(!stamp(started - RACY_NS).settled_before(started));
        assert!(!stamp(started).settled_before(started));
        assert!(!stamp(started + 5).settled_before(started));
    }

    #[test]
    fn a_real_file_has_a_stamp_and_a_stable_hash() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "hello").unwrap();
        let s = Stamp::of(&std::fs::metadata(&path).unwrap());
        assert_eq!(s.size, 5);
        assert!(s.mtime_ns > 0);
        assert!(!s.settled_before(now_ns()));
        assert_eq!(content_hash(b"hello"), content_hash(b"hello"));
        assert_ne!(content_hash(b"hello"), content_hash(b"hellp"));
    }
}
