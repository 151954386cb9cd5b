//! Which real files `--fix` may write: only those inside the checked folders
//! (a symlink that leads out of them is not followed), and each one once
//! however many paths lead to it (issue 13). Writing itself is in `write`.

use super::FixError;
use crate::source::SourceFile;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The checked folders and the real files already claimed for writing.
#[derive(Debug)]
pub struct Targets {
    /// Canonical folders a written file must lie in.
    roots: Vec<PathBuf>,
    /// Each claimed file (by device and inode) and the path that claimed it.
    seen: HashMap<FileKey, String>,
}

/// What makes a file the same file whatever the path to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum FileKey {
    /// Device and inode.
    #[cfg(unix)]
    Inode(u64, u64),
    /// The canonical path, where there are no inodes.
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl Targets {
    /// The folders of a run over `roots` (files and folders as named on the
    /// command line). A folder stands for itself; a named file for the folder
    /// it is named in, so that `copydesk fix t/link.md` does not write
    /// through `link.md` to a file outside `t/` either. Roots that cannot be
    /// resolved are left out (their files were not read).
    pub fn new(roots: &[PathBuf]) -> Targets {
        let roots = roots
            .iter()
            .filter_map(|root| {
                if root.is_dir() {
                    fs::canonicalize(root).ok()
                } else {
                    let parent = root.parent().filter(|p| !p.as_os_str().is_empty());
                    fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()
                }
            })
            .collect();
        Targets {
            roots,
            seen: HashMap::new(),
        }
    }

    /// Claim the real file behind `file` for writing. Refused when it lies
    /// outside the checked folders or was claimed through another path.
    pub fn claim(&mut self, file: &SourceFile) -> Result<(), FixError> {
        let io = |source| FixError::Io {
            path: file.path.clone(),
            source,
        };
        let target = fs::canonicalize(&file.path).map_err(io)?;
        if !self.roots.iter().any(|root| target.starts_with(root)) {
            return Err(FixError::Refused {
                path: file.path.clone(),
                reason: format!(
                    "it is a symlink to `{}`, outside the checked folders; \
                     fix that file where it lives",
                    target.display()
                ),
            });
        }
        let key = key(&target).map_err(io)?;
        if let Some(first) = self.seen.get(&key) {
            return Err(FixError::Refused {
                path: file.path.clone(),
                reason: format!("it is the same file as `{first}`, fixed once through that path"),
            });
        }
        self.seen.insert(key, file.display.clone());
        Ok(())
    }
}

#[cfg(unix)]
fn key(target: &Path) -> std::io::Result<FileKey> {
    use std::os::unix::fs::MetadataExt;
    let meta = fs::metadata(target)?;
    Ok(FileKey::Inode(meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn key(target: &Path) -> std::io::Result<FileKey> {
    Ok(FileKey::Path(target.to_path_buf()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, decode};

    fn source(path: &Path, display: &str) -> SourceFile {
        SourceFile {
            id: FileId(0),
            path: path.to_path_buf(),
            display: display.into(),
            decoded: decode(b"text\n").unwrap(),
        }
    }

    #[test]
    fn refuses_links_out_of_the_roots_and_claims_each_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let (t, o) = (dir.path().join("t"), dir.path().join("o"));
        fs::create_dir_all(&t).unwrap();
        fs::create_dir_all(&o).unwrap();
        fs::write(o.join("s.md"), "text\n").unwrap();
        fs::write(t.join("a.md"), "text\n").unwrap();
        std::os::unix::fs::symlink("../o/s.md", t.join("out.md")).unwrap();
        std::os::unix::fs::symlink("a.md", t.join("in.md")).unwrap();
        let mut targets = Targets::new(std::slice::from_ref(&t));
        assert!(targets.claim(&source(&t.join("a.md"), "t/a.md")).is_ok());
        let again = targets.claim(&source(&t.join("in.md"), "t/in.md"));
        assert!(
            matches!(&again, Err(FixError::Refused { reason, .. }) if reason.contains("`t/a.md`")),
            "{again:?}"
        );
        let out = targets.claim(&source(&t.join("out.md"), "t/out.md"));
        assert!(
            matches!(&out, Err(FixError::Refused { reason, .. }) if reason.contains("outside")),
            "{out:?}"
        );
        // A file named on the command line stands for its folder.
        let mut named = Targets::new(&[t.join("out.md")]);
        assert!(named.claim(&source(&t.join("out.md"), "t/out.md")).is_err());
        let mut whole = Targets::new(&[dir.path().to_path_buf()]);
        assert!(whole.claim(&source(&t.join("out.md"), "t/out.md")).is_ok());
    }
}
