//! Writing a fixed file without ever losing data. The file is replaced by a
//! temporary sibling and an atomic rename where that keeps everything about
//! it (one link, its owner and group, its mode, its extended attributes such
//! as ACLs and security labels); otherwise, a hard-linked file or one whose
//! owner or attributes cannot be given back, it is overwritten in place
//! (issue 13). Either way copydesk writes through symlinks to their target,
//! refuses when the file changed on disk since it was read, and refuses bytes
//! that would not read back as the fixed text: no U+FFFD, NUL or character
//! reference that was not there, no conversion the fix did not ask for.

use crate::source::{Encoding, SourceFile, decode, decode::encode};
use std::fs::{self, File};
use std::io::{Read, Seek, SeekFrom, Write};
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
    /// copydesk will not write this file: a note for the user, not a failure.
    #[error("{path}: not fixed: {reason}")]
    #[diagnostic(code(copydesk::fix::refused))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Why, in words for the user.
        reason: String,
    },
}

/// Write `text` over `file` (as UTF-8 when `to_utf8`, else in its original
/// encoding), atomically where that keeps the file's owner, mode and links.
pub fn write_atomically(file: &SourceFile, text: &str, to_utf8: bool) -> Result<(), FixError> {
    let io = |source| FixError::Io {
        path: file.path.clone(),
        source,
    };
    // Write through a symlink to its target, never replace the link.
    let target = fs::canonicalize(&file.path).map_err(io)?;
    let mut handle = File::open(&target).map_err(io)?;
    let meta = handle.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(FixError::Refused {
            path: file.path.clone(),
            reason: "it is not a regular file".into(),
        });
    }
    let mut current = Vec::new();
    handle.read_to_end(&mut current).map_err(io)?;
    drop(handle);
    let unchanged = decode(&current)
        .is_ok_and(|d| d.text == file.decoded.text && d.encoding == file.decoded.encoding);
    if !unchanged {
        return Err(FixError::ChangedOnDisk {
            path: file.path.clone(),
        });
    }
    let bytes = bytes_to_write(file, text, to_utf8).map_err(|reason| FixError::Refused {
        path: file.path.clone(),
        reason,
    })?;
    if owner::links(&meta) == 1 && replace(&target, &bytes, &meta).map_err(io)? {
        return Ok(());
    }
    overwrite(&target, &bytes, &current).map_err(io)
}

/// Whether [`write_atomically`] would write `text` over `file` (as it is in
/// memory), or why not: for `--diff`, which writes nothing.
pub fn writable(file: &SourceFile, text: &str, to_utf8: bool) -> Result<(), String> {
    bytes_to_write(file, text, to_utf8).map(drop)
}

/// The bytes to write for `text`, or why none may be written.
fn bytes_to_write(file: &SourceFile, text: &str, to_utf8: bool) -> Result<Vec<u8>, String> {
    let decoded = &file.decoded;
    if decoded.lossy {
        return Err(format!(
            "it does not read as {} without loss, and writing it would change the bytes \
             that do not decode",
            decoded.encoding.name()
        ));
    }
    let bytes = encode(text, decoded, to_utf8);
    if !to_utf8 {
        match decoded.encoding {
            Encoding::Utf8 | Encoding::Utf16(_) => {}
            // Where the stray bytes were is not kept: they can only be
            // written as UTF-8, which is converting the file.
            Encoding::MixedUtf8 { .. } => {
                return Err(
                    "its stray windows-1252 bytes can only be written as UTF-8, \
                     and converting it is not asked for (`encoding-not-utf8` is off)"
                        .into(),
                );
            }
            // An edit the encoding cannot hold would come out as a character
            // reference (`&#19970;`), and the rest must read back the same.
            Encoding::Legacy(e) => {
                let (back, had_errors) = e.decode_without_bom_handling(&bytes);
                if had_errors || back != text {
                    return Err(format!(
                        "the fixed text cannot be written in {} as it is, and converting the \
                         file is not asked for (`encoding-not-utf8` is off)",
                        e.name()
                    ));
                }
            }
        }
    }
    // What is written must read back as the fixed text: a NUL in UTF-8 makes the file
    // binary to every tool, copydesk included (issue 13).
    match decode(&bytes) {
        Err(_) => Err("the fixed file would hold a NUL byte and read as binary".into()),
        Ok(back) if back.text != text || back.lossy => {
            Err("the fixed bytes would not read back as the fixed text".into())
        }
        Ok(_) => Ok(bytes),
    }
}

/// Replace `target` by a sibling temporary file holding `bytes`, with the
/// same owner, group and mode. `Ok(false)` when that cannot keep them (the
/// owner cannot be given back, the folder is not writable): write in place.
fn replace(target: &Path, bytes: &[u8], meta: &fs::Metadata) -> std::io::Result<bool> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut tmp = match tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(dir)
    {
        Ok(tmp) => tmp,
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => return Ok(false),
        Err(e) => return Err(e),
    };
    tmp.write_all(bytes)?;
    // Owner before mode: changing the owner may clear set-id bits.
    if !owner::copy(tmp.as_file(), meta)? || !owner::copy_xattrs(target, tmp.as_file())? {
        return Ok(false);
    }
    tmp.as_file().set_permissions(meta.permissions())?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    Ok(true)
}

/// Overwrite `target` in place with `bytes`: its inode, and so its links,
/// owner and mode, stay. Not atomic; if writing fails half-way the old
/// bytes are put back.
fn overwrite(target: &Path, bytes: &[u8], old: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(target)?;
    let put = |file: &mut File, bytes: &[u8]| -> std::io::Result<()> {
        file.seek(SeekFrom::Start(0))?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    put(&mut file, bytes).inspect_err(|_| {
        let _ = put(&mut file, old);
    })
}

/// Owner, group and link count, where the system has them.
#[cfg(unix)]
mod owner {
    use std::fs::{File, Metadata};
    use std::os::unix::fs::MetadataExt;
    use std::path::Path;

    /// How many hard links the file has.
    pub fn links(meta: &Metadata) -> u64 {
        meta.nlink()
    }

    /// Give `file` the owner and group of `meta`. `Ok(false)` when not
    /// permitted (only root may give a file away).
    pub fn copy(file: &File, meta: &Metadata) -> std::io::Result<bool> {
        let now = file.metadata()?;
        if now.uid() == meta.uid() && now.gid() == meta.gid() {
            return Ok(true);
        }
        match std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Ok(false),
            Err(e) => Err(e),
        }
    }

    /// Give `file` exactly the extended attributes of the file at `from`
    /// (POSIX ACLs, security labels, user attributes), which a rename would
    /// otherwise drop. `Ok(false)` when that cannot be done (an attribute
    /// copydesk may not set, or one the new file inherited that the old one
    /// lacks): the caller then writes in place.
    pub fn copy_xattrs(from: &Path, file: &File) -> std::io::Result<bool> {
        use xattr::FileExt;
        let unsupported = |e: &std::io::Error| e.kind() == std::io::ErrorKind::Unsupported;
        let names: Vec<_> = match xattr::list(from) {
            Ok(names) => names.collect(),
            Err(e) if unsupported(&e) => return Ok(true),
            Err(e) => return Err(e),
        };
        let inherited: Vec<_> = match file.list_xattr() {
            Ok(names) => names.collect(),
            Err(e) if unsupported(&e) => Vec::new(),
            Err(e) => return Err(e),
        };
        if inherited.iter().any(|n| !names.contains(n)) {
            return Ok(false);
        }
        for name in &names {
            let Some(value) = xattr::get(from, name)? else {
                continue;
            };
            if file.get_xattr(name)?.as_deref() == Some(value.as_slice()) {
                continue;
            }
            if file.set_xattr(name, &value).is_err() {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// Owner, group and link count, where the system has them.
#[cfg(not(unix))]
mod owner {
    use std::fs::{File, Metadata};
    use std::path::Path;

    /// Extended attributes are not kept here.
    pub fn copy_xattrs(_: &Path, _: &File) -> std::io::Result<bool> {
        Ok(true)
    }

    /// How many hard links the file has (unknown: taken as one).
    pub fn links(_: &Metadata) -> u64 {
        1
    }

    /// Owners are not kept here.
    pub fn copy(_: &File, _: &Metadata) -> std::io::Result<bool> {
        Ok(true)
    }
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
    fn issue_13_never_writes_a_nul_or_a_lossy_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        // UTF-16LE `a`, NUL, `b`: as UTF-8 it would hold a NUL byte.
        let utf16 = [0xFF, 0xFE, b'a', 0, 0, 0, b'b', 0];
        fs::write(&path, utf16).unwrap();
        let file = source(&path);
        assert!(matches!(
            write_atomically(&file, "a\0b", true),
            Err(FixError::Refused { .. })
        ));
        // Written back as UTF-16 it keeps the NUL it had.
        write_atomically(&file, "a\0c", false).unwrap();
        assert_eq!(
            fs::read(&path).unwrap(),
            [0xFF, 0xFE, b'a', 0, 0, 0, b'c', 0]
        );
        // A lone surrogate: nothing may be written, in any encoding.
        let broken = [0xFF, 0xFE, b'a', 0, 0x3D, 0xD8];
        fs::write(&path, broken).unwrap();
        let file = source(&path);
        for to_utf8 in [false, true] {
            assert!(matches!(
                write_atomically(&file, "b", to_utf8),
                Err(FixError::Refused { .. })
            ));
        }
        assert_eq!(fs::read(&path).unwrap(), broken);
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
