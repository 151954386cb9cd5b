//! Baselines: today's findings recorded in a file (`check --write-baseline`)
//! so that later runs (`check --baseline`) report and fail only on new ones.
//! Also the finding fingerprints the CI formats share (SARIF
//! `partialFingerprints`, GitLab `fingerprint`).
//!
//! A fingerprint never involves a line number, so findings survive lines
//! moving: it is the rule id, the file's path, the text under the primary
//! span with its whitespace collapsed, and an occurrence counter that tells
//! identical findings in one file apart (in position order). Editing an
//! unrelated paragraph leaves all of these unchanged; rewording the
//! offending text makes the finding new.

use crate::engine::RunResult;
use crate::source::SourceFile;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Version of the baseline file format.
pub const VERSION: u32 = 1;

/// The largest baseline file read: a million findings fit.
pub const MAX_BASELINE_BYTES: u64 = 512 * 1024 * 1024;

/// Longest offending text kept, for reading, in a baseline entry (the
/// fingerprint always covers the whole text).
const TEXT_KEEP: usize = 120;

/// Why a baseline could not be read or written.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum BaselineError {
    /// The file could not be read or written.
    #[error("cannot {action} baseline {path}")]
    #[diagnostic(
        code(copydesk::baseline::io),
        help("write one with `copydesk check --write-baseline FILE`")
    )]
    Io {
        /// `read` or `write`.
        action: &'static str,
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not a baseline this copydesk understands.
    #[error("invalid baseline {path}: {message}")]
    #[diagnostic(
        code(copydesk::baseline::invalid),
        help("regenerate it with `copydesk check --write-baseline FILE`")
    )]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// File path, relative to the project root (the config's folder, else
    /// the current one), with `/` separators.
    pub path: String,
    /// Rule id.
    pub rule: String,
    /// The offending text, whitespace collapsed (shortened past 120 characters).
    pub text: String,
    /// 0-based index among findings of this rule with the same text in this file.
    pub occurrence: usize,
    /// Hash of path, rule, whole text and occurrence: what matching uses.
    pub fingerprint: String,
}

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// Recorded findings, sorted.
    pub findings: Vec<Entry>,
}

impl Baseline {
    /// Record every finding of `run`, with paths relative to `base` (the
    /// project root: the config's folder, else the current one).
    pub fn from_run(run: &RunResult, base: &Path) -> Baseline {
        let base = absolute(base);
        let mut findings = entries(run, |f| path_key(&f.path, &base));
        findings.sort();
        Baseline {
            version: VERSION,
            findings,
        }
    }

    /// Read a baseline file (at most [`MAX_BASELINE_BYTES`]).
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        // Bounded like every file copydesk reads: `--baseline /dev/zero`
        // must end (issue 13).
        let bytes = crate::source::read_bounded(path, MAX_BASELINE_BYTES).map_err(|e| {
            let source = match e {
                crate::source::ReadError::Io(e) => e,
                other => std::io::Error::other(other.to_string()),
            };
            BaselineError::Io {
                action: "read",
                path: path.display().to_string(),
                source,
            }
        })?;
        let text = String::from_utf8(bytes).map_err(|_| BaselineError::Invalid {
            path: path.display().to_string(),
            message: "not UTF-8 text".into(),
        })?;
        let invalid = |message: String| BaselineError::Invalid {
            path: path.display().to_string(),
            message,
        };
        let value: serde_json::Value =
            serde_json::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => {
                return Err(invalid(format!(
                    "format version {v} is not supported (this copydesk writes version {VERSION})"
                )));
            }
            None => {
                return Err(invalid(
                    "no `version` field: not a copydesk baseline".into(),
                ));
            }
        }
        serde_json::from_value(value).map_err(|e| invalid(e.to_string()))
    }

    /// Write the baseline to `path` (pretty JSON, one finding per object,
    /// sorted), through a temporary file beside it and a rename.
    pub fn save(&self, path: &Path) -> Result<(), BaselineError> {
        let io = |source| BaselineError::Io {
            action: "write",
            path: path.display().to_string(),
            source,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
        serde_json::to_writer_pretty(&mut tmp, self).map_err(|e| io(e.into()))?;
        tmp.write_all(b"\n").map_err(io)?;
        tmp.persist(path).map_err(|e| io(e.error))?;
        Ok(())
    }

    /// Remove from `run` the findings this baseline knows (paths taken
    /// relative to `base`, as when it was written). Returns how many.
    pub fn filter(&self, run: &mut RunResult, base: &Path) -> usize {
        let base = absolute(base);
        let known: HashSet<&str> = self
            .findings
            .iter()
            .map(|e| e.fingerprint.as_str())
            .collect();
        let keep: Vec<bool> = entries(run, |f| path_key(&f.path, &base))
            .iter()
            .map(|e| !known.contains(e.fingerprint.as_str()))
            .collect();
        let before = run.diagnostics.len();
        let mut flags = keep.into_iter();
        run.diagnostics
            .retain(|_| flags.next().expect("one flag per diagnostic"));
        before - run.diagnostics.len()
    }
}

/// Fingerprints of `run.diagnostics`, in order, with each file's path given
/// by `path_of`.
pub fn fingerprints(run: &RunResult, path_of: impl Fn(&SourceFile) -> String) -> Vec<String> {
    entries(run, path_of)
        .into_iter()
        .map(|e| e.fingerprint)
        .collect()
}

/// One entry per diagnostic of `run`, in the same order.
fn entries(run: &RunResult, path_of: impl Fn(&SourceFile) -> String) -> Vec<Entry> {
    let mut paths: HashMap<crate::source::FileId, String> = HashMap::new();
    let mut seen: HashMap<(String, String, String), usize> = HashMap::new();
    // Occurrences are counted in position order, so that identical findings
    // keep their numbers when the lines around them move.
    let mut order: Vec<usize> = (0..run.diagnostics.len()).collect();
    order.sort_by_key(|&i| {
        let d = &run.diagnostics[i];
        (d.file, d.span.start, d.span.end)
    });
    let mut out: Vec<Option<Entry>> = vec![None; run.diagnostics.len()];
    for i in order {
        let d = &run.diagnostics[i];
        let path = paths
            .entry(d.file)
            .or_insert_with(|| path_of(run.file(d.file)))
            .clone();
        let text = run
            .file(d.file)
            .text()
            .get(d.span.range())
            .map(normalise)
            .unwrap_or_default();
        let n = seen
            .entry((d.rule.to_string(), path.clone(), text.clone()))
            .or_insert(0);
        let occurrence = *n;
        *n += 1;
        let fingerprint = hash(&[&d.rule, &path, &text, &occurrence.to_string()]);
        out[i] = Some(Entry {
            text: shorten(&text),
            path,
            rule: d.rule.to_string(),
            occurrence,
            fingerprint,
        });
    }
    out.into_iter()
        .map(|e| e.expect("every diagnostic got an entry"))
        .collect()
}

/// Collapse runs of whitespace to one space and trim.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn shorten(text: &str) -> String {
    match text.char_indices().nth(TEXT_KEEP) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// `path` relative to `base` (both made absolute), with `/` separators; the
/// absolute path when it is not below `base`.
pub fn path_key(path: &Path, base: &Path) -> String {
    let abs = absolute(path);
    match abs.strip_prefix(base) {
        Ok(rel) => rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/"),
        Err(_) => abs.to_string_lossy().replace('\\', "/"),
    }
}

/// The canonical path when it exists, else the lexically absolute one.
fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// 128-bit FNV-1a over the parts (each followed by a NUL), as 32 hex digits.
/// Hand-written so that fingerprints never change with a dependency.
fn hash(parts: &[&str]) -> String {
    const OFFSET: u128 = 0x6c62272e07bb014262b821756295c58d;
    const PRIME: u128 = 0x0000000001000000000000000000013B;
    let mut h = OFFSET;
    for part in parts {
        for b in part.bytes().chain([0]) {
            h ^= u128::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    format!("{h:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalise("  a \n\t b  "), "a b");
    }

    #[test]
    fn hash_is_stable_and_separates_parts() {
        assert_eq!(hash(&["a", "b"]), hash(&["a", "b"]));
        assert_ne!(hash(&["ab", ""]), hash(&["a", "b"]));
        // Pinned: a change here breaks every stored baseline.
        assert_eq!(hash(&[]), "6c62272e07bb014262b821756295c58d");
    }

    #[test]
    fn long_text_is_shortened_for_reading_only() {
        let long = "x".repeat(200);
        assert_eq!(shorten(&long).chars().count(), TEXT_KEEP + 1);
        assert_eq!(shorten("short"), "short");
    }

    #[test]
    fn path_key_is_relative_with_slashes() {
        let base = std::env::temp_dir();
        let base = absolute(&base);
        assert_eq!(path_key(&base.join("a").join("b.md"), &base), "a/b.md");
    }
}
