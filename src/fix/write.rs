//! Writing a fixed file without ever losing data: through a temporary file in
//! the same folder and an atomic rename, keeping permissions, writing through
//! symlinks to their target, and refusing when the file changed on disk since
//! it was read.

use crate::source::{SourceFile, decode, decode::encode};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a fixed file was not written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum FixError {
    /// The file changed after copydesk read it.
    #[error("{path}: changed on disk since it was read; not written (run again)")]
    #[diagnostic(code(copydesk::fix::changed_on_disk))]
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
    /// Reading or writing failed.
    #[error("{path}: cannot write the fix: {source}")]
    #[diagnostic(code(copydesk::fix::io))]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

/// Write `text` over `file` (as UTF-8 when `to_utf8`, else in its original
/// encoding), atomically.
pub fn write_atomically(file: &SourceFile, text: &str, to_utf8: bool) -> Result<(), FixError> {
    let io = |source| FixError::Io {
        path: file.path.clone(),
        source,
    };
    // Write through a symlink to its target, never replace the link.
    let target = fs::canonicalize(&file.path).map_err(io)?;
    let current = fs::read(&target).map_err(io)?;
    let unchanged = decode(&current)
        .is_ok_and(|d| d.text == file.decoded.text && d.encoding == file.decoded.encoding);
    if !unchanged {
        return Err(FixError::ChangedOnDisk {
            path: file.path.clone(),
        });
    }
    let bytes = encode(text, &file.decoded, to_utf8);
    let dir = target.parent().unwrap_or(Path::new("."));
    let permissions = fs::metadata(&target).map_err(io)?.permissions();
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(&bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    fs::set_permissions(tmp.path(), permissions).map_err(io)?;
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::FileId;

    fn source(path: &Path) -> SourceFile {
        SourceFile {
            id: FileId(0),
            path: path.to_path_buf(),
            display: path.display().to_string(),
            decoded: decode(&fs::read(path).unwrap()).unwrap(),
        }
    }

    #[test]
    fn keeps_bom_line_endings_and_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, b"\xEF\xBB\xBFone\r\ntwo\r\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let file = source(&path);
        write_atomically(&file, "uno\r\ntwo\r\n", false).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"\xEF\xBB\xBFuno\r\ntwo\r\n");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn refuses_when_changed_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        let file = source(&path);
        fs::write(&path, "edited meanwhile\n").unwrap();
        assert!(matches!(
            write_atomically(&file, "two\n", false),
            Err(FixError::ChangedOnDisk { .. })
        ));
        assert_eq!(fs::read_to_string(&path).unwrap(), "edited meanwhile\n");
    }

    #[test]
    fn writes_through_symlinks() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        let link = dir.path().join("link.md");
        fs::write(&real, "one\n").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let file = source(&link);
        write_atomically(&file, "two\n", false).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "two\n");
    }
}
