//! Files changed since a git ref, for `check --since REF`, asked of the `git`
//! command line (no library: whatever git the user has configured applies).
//!
//! "Changed since REF" means: changed between the merge base of REF and
//! `HEAD` and the working tree (committed on this branch, staged or not),
//! plus untracked files that are not ignored. Deleted files are left out.
//! This is what a writer means by "what I touched on this branch", whether
//! committed yet or not; in CI the working tree is the commit.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Why the changed files could not be listed.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum GitError {
    /// git could not be run at all.
    #[error("cannot run git: {0}")]
    #[diagnostic(
        code(copydesk::git::missing),
        help("--since needs the `git` command on PATH")
    )]
    Spawn(std::io::Error),
    /// git ran and failed (not a repository, unknown ref, ...).
    #[error("`git {args}` failed: {stderr}")]
    #[diagnostic(
        code(copydesk::git::failed),
        help(
            "--since takes a ref git knows, e.g. `origin/main`; in CI, fetch enough history (`fetch-depth: 0`)"
        )
    )]
    Failed {
        /// The arguments.
        args: String,
        /// What git said.
        stderr: String,
    },
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(GitError::Spawn)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

fn nul_separated(bytes: &[u8]) -> impl Iterator<Item = String> + '_ {
    bytes
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
}

/// Absolute, canonical paths of the files changed since `reference`, seen
/// from the repository holding `dir`.
pub fn changed_since(dir: &Path, reference: &str) -> Result<HashSet<PathBuf>, GitError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let base = git(dir, &["merge-base", reference, "HEAD"])?;
    let base = String::from_utf8_lossy(&base).trim().to_string();
    let diff = git(
        &top,
        &[
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--diff-filter=d",
            &base,
            "--",
        ],
    )?;
    let untracked = git(&top, &["ls-files", "-z", "--others", "--exclude-standard"])?;
    Ok(nul_separated(&diff)
        .chain(nul_separated(&untracked))
        .map(|p| {
            let p = top.join(p);
            std::fs::canonicalize(&p).unwrap_or(p)
        })
        .collect())
}

/// Absolute, canonical paths of the files staged for the next commit
/// (added, copied, modified or renamed; not deleted), in the repository
/// holding `dir`.
pub fn staged(dir: &Path) -> Result<HashSet<PathBuf>, GitError> {
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&top).trim_end_matches(['\n', '\r']));
    let diff = git(
        &top,
        &["diff", "--cached", "--name-only", "-z", "--diff-filter=d"],
    )?;
    Ok(nul_separated(&diff)
        .map(|p| {
            let p = top.join(p);
            std::fs::canonicalize(&p).unwrap_or(p)
        })
        .collect())
}

/// Keep the `paths` (as walked) that are in `changed`.
pub fn retain_changed(paths: &mut Vec<PathBuf>, changed: &HashSet<PathBuf>) {
    paths.retain(|p| {
        let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        changed.contains(&abs)
    });
}
