//! Turning the paths on the command line into the list of articles to check:
//! directories are walked with the `ignore` crate (honouring .gitignore and
//! skipping hidden entries), in parallel; named files are taken whatever
//! their extension, but honour the config's `include` and `exclude`.

use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Which files a walk takes.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    /// File extensions (without dot) taken by default.
    pub extensions: Vec<String>,
    /// Extra globs a path must match (when non-empty, replaces the extension test).
    pub include: Vec<String>,
    /// Globs of paths to skip.
    pub exclude: Vec<String>,
}

impl Default for WalkOptions {
    fn default() -> Self {
        WalkOptions {
            extensions: ["md", "markdown", "mdx", "txt"].map(String::from).to_vec(),
            include: Vec::new(),
            exclude: Vec::new(),
        }
    }
}

/// A path that could not be walked.
#[derive(Debug)]
pub struct WalkError {
    /// The path, when known.
    pub path: Option<PathBuf>,
    /// What went wrong.
    pub message: String,
}

/// Paths to check, sorted, plus the errors met on the way.
pub fn walk(
    roots: &[PathBuf],
    options: &WalkOptions,
) -> Result<(Vec<PathBuf>, Vec<WalkError>), globset::Error> {
    let include = build_set(&options.include)?;
    let exclude = build_set(&options.exclude)?;
    let files = Mutex::new(Vec::new());
    let errors = Mutex::new(Vec::new());
    for root in roots {
        // A FIFO, socket or device (or a link to one) named on the command
        // line is an error: reading it could hang or never end (issue 13).
        if let Some(kind) = super::read::irregular_kind(root).filter(|_| !root.is_dir()) {
            errors.lock().expect("walk mutex").push(WalkError {
                path: Some(root.clone()),
                message: format!("not a regular file ({kind})"),
            });
            continue;
        }
        if root.is_file() {
            // A file named on the command line is checked whatever its
            // extension, unless the config excludes it or names the files it
            // includes (a hook that passes README.md must not fail on it).
            let rel = strip_dot(root);
            if !exclude.is_match(rel) && (options.include.is_empty() || include.is_match(rel)) {
                files.lock().expect("walk mutex").push(root.clone());
            }
            continue;
        }
        if !root.exists() {
            errors.lock().expect("walk mutex").push(WalkError {
                path: Some(root.clone()),
                message: "no such file or directory".into(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .hidden(true)
            .git_ignore(true)
            .require_git(false)
            .build_parallel();
        walker.run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e) => {
                        // Only a symlink can name a folder here: a plain
                        // file needs no further system call. FIFOs, devices
                        // and links to them are taken too, so that reading
                        // says why they are skipped (issue 13).
                        let file = e.file_type().is_some_and(|t| {
                            t.is_file() || !(t.is_dir() || (t.is_symlink() && e.path().is_dir()))
                        });
                        if file {
                            let path = e.path();
                            if wanted(path, options, &include, &exclude) {
                                files.lock().expect("walk mutex").push(path.to_path_buf());
                            }
                        }
                    }
                    Err(err) => errors.lock().expect("walk mutex").push(WalkError {
                        path: None,
                        message: err.to_string(),
                    }),
                }
                ignore::WalkState::Continue
            })
        });
    }
    let mut files = files.into_inner().expect("walk mutex");
    // The order of `Path`'s `Ord` (by components), but comparing `Path`s
    // parses their components on every comparison: with thousands of files
    // the sort took longer than a partial run's other work together.
    files.sort_by_cached_key(|p| sort_key(p));
    files.dedup();
    Ok((files, errors.into_inner().expect("walk mutex")))
}

fn wanted(path: &Path, options: &WalkOptions, include: &GlobSet, exclude: &GlobSet) -> bool {
    let rel = strip_dot(path);
    if exclude.is_match(rel) {
        return false;
    }
    if !options.include.is_empty() {
        return include.is_match(rel);
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| options.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Bytes that order like `Path`'s components: per component, a tag for
/// its kind (in the order of `std::path::Component`) and its text ended by
/// a NUL, which no file name contains.
fn sort_key(path: &Path) -> Vec<u8> {
    use std::path::Component;
    let mut key = Vec::with_capacity(path.as_os_str().len() + 8);
    for c in path.components() {
        let (tag, text) = match c {
            Component::Prefix(p) => (0, p.as_os_str()),
            Component::RootDir => (1, "".as_ref()),
            Component::CurDir => (2, "".as_ref()),
            Component::ParentDir => (3, "".as_ref()),
            Component::Normal(s) => (4, s),
        };
        key.push(tag);
        key.extend_from_slice(text.as_encoded_bytes());
        key.push(0);
    }
    key
}

fn strip_dot(path: &Path) -> &Path {
    path.strip_prefix("./").unwrap_or(path)
}

fn build_set(globs: &[String]) -> Result<GlobSet, globset::Error> {
    let mut builder = GlobSetBuilder::new();
    for g in globs {
        builder.add(Glob::new(g)?);
        // `drafts/` style globs also match everything below the folder.
        if !g.contains('*') {
            builder.add(Glob::new(&format!("{}/**", g.trim_end_matches('/')))?);
        }
    }
    builder.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_key_orders_like_paths() {
        let mut paths: Vec<PathBuf> = [
            "a/b",
            "a-b",
            "a/b/c",
            "a",
            "./x",
            "-foo",
            "content/z.md",
            "./content/a.md",
            "/abs/a.md",
            "/abs-b.md",
            "../up.md",
            "a/b.md",
            "a/b-c.md",
            "a/b/a.md",
            "é/a.md",
            "A/a.md",
            "a.md",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let mut by_key = paths.clone();
        paths.sort();
        by_key.sort_by_cached_key(|p| sort_key(p));
        assert_eq!(by_key, paths);
    }
}
