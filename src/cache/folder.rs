//! The cache folder: created on first use with a `.gitignore` (so it is
//! never committed) and a `CACHEDIR.TAG` (so backup tools skip it), and its
//! files replaced atomically, so a reader sees the old file or the new one,
//! never half of one.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// The standard cache directory tag (<https://bford.info/cachedir/>).
const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by copydesk.\n\
# For information about cache directory tags see https://bford.info/cachedir/\n";

const GITIGNORE: &str = "# Created by copydesk: the claims cache, safe to delete.\n*\n";

/// Creates `dir` and its marker files when missing.
pub fn prepare(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    for (name, text) in [(".gitignore", GITIGNORE), ("CACHEDIR.TAG", CACHEDIR_TAG)] {
        let path = dir.join(name);
        if !path.exists() {
            fs::write(path, text)?;
        }
    }
    Ok(())
}

/// Replaces `dir/name` with `bytes` through a temporary file in `dir` and a
/// rename. Not synced to disk: after a crash the cache may be lost or
/// damaged, and a damaged cache is ignored and rebuilt.
pub fn replace(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".claims-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(dir.join(name)).map_err(|e| e.error)?;
    Ok(())
}
