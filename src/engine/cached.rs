//! Runs that use the claims cache (`crate::cache`).
//!
//! A partial run (named files or `--since`, with a corpus) needs the claims
//! of every article but runs the document rules on the named files only. It
//! takes the claims of unchanged articles from the cache, reads and parses
//! only the named files and the articles that changed, compares the named
//! files' claims with all the others ([`claims::compare_focused`]), and then
//! reads the few unchanged articles a finding points at, so that their
//! locations, snippets and suppression comments are right. Articles whose
//! claims came from the cache and appear in no finding are never read: in
//! the run's result they are present (so file ids and counts match a full
//! run) with empty text.
//!
//! A full run parses everything anyway; it only records the claims, so that
//! the first partial run after it is fast.

use super::run::{Engine, Note, RunResult, display_path, is_focus};
use super::suppress::Suppressions;
use super::{Corpus, claims_pass::ClaimsPass};
use crate::cache::{self, ClaimsCache, Record, Stamp, content_hash, now_ns};
use crate::claims::{self, Claim};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::source::{Decoded, Encoding, FileId, LineEnding, SourceFile, decode_vec, read_bounded};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many times a partial run re-compares when an article changed on disk
/// between the look at its stat data and the read for reporting.
const ROUNDS: usize = 3;

/// One article as a partial run first sees it.
enum Probe {
    /// Could not be read (or is binary).
    Failed(Note),
    /// Unchanged since the cache recorded entry `entry`: not read.
    Cached { entry: usize, stamp: Stamp },
    /// Read: the same bytes as entry `entry`, so the same claims.
    Same {
        entry: usize,
        stamp: Stamp,
        hash: u64,
    },
    /// Read and decoded, to be parsed.
    Read(Read),
}

/// A file read from disk, with what the cache records about it.
struct Read {
    decoded: Decoded,
    stamp: Stamp,
    hash: u64,
}

/// Stat data (taken first), then bytes and their hash, then the decoding.
fn read_stamped(path: &Path, limit: u64) -> Result<Read, Note> {
    let cannot = |e: std::io::Error| Note::unreadable(path, &e);
    let stamp = Stamp::of(&std::fs::metadata(path).map_err(cannot)?);
    let bytes = read_bounded(path, limit).map_err(|e| Note::unread(path, &e))?;
    let hash = content_hash(&bytes);
    decoded(path, stamp, bytes, hash)
}

/// The [`Read`] of bytes already read and hashed.
fn decoded(path: &Path, stamp: Stamp, bytes: Vec<u8>, hash: u64) -> Result<Read, Note> {
    let decoded = decode_vec(bytes).map_err(|_| Note::binary(path))?;
    Ok(Read {
        decoded,
        stamp,
        hash,
    })
}

/// Looks at one article of a partial run: trusts the cache when the stat
/// data allow, else reads and hashes the file, and decodes it only when
/// its bytes are new (or it is a named file, which the document rules need).
fn probe(path: &Path, key: &Path, focused: bool, cache: &ClaimsCache, limit: u64) -> Probe {
    let entry = if focused { None } else { cache.position(key) };
    let read = match entry {
        None => read_stamped(path, limit),
        Some(entry) => {
            let cannot = |e: std::io::Error| Note::unreadable(path, &e);
            let stamp = match std::fs::metadata(path) {
                Ok(meta) => Stamp::of(&meta),
                Err(e) => return Probe::Failed(cannot(e)),
            };
            if cache.unchanged(entry, &stamp) {
                return Probe::Cached { entry, stamp };
            }
            let bytes = match read_bounded(path, limit) {
                Ok(bytes) => bytes,
                Err(e) => return Probe::Failed(Note::unread(path, &e)),
            };
            let hash = content_hash(&bytes);
            if hash == cache.entry(entry).hash {
                return Probe::Same { entry, stamp, hash };
            }
            // Changed: the bytes just read are decoded, not read again.
            decoded(path, stamp, bytes, hash)
        }
    };
    match read {
        Ok(read) => Probe::Read(read),
        Err(note) => Probe::Failed(note),
    }
}

/// Text for an article that was not read.
fn unread() -> Decoded {
    Decoded {
        text: String::new(),
        encoding: Encoding::Utf8,
        bom: false,
        line_ending: LineEnding::Lf,
        lossy: false,
    }
}

/// What the cache will record about a file of the run.
#[derive(Clone, Copy)]
struct Seen {
    stamp: Stamp,
    hash: u64,
}

impl Engine {
    /// The claims cache in `dir` for this engine (see [`ClaimsCache::load`];
    /// the default, no cache, when no claim rule is enabled). Loading can
    /// run while the corpus is walked.
    pub fn open_claims_cache(&self, dir: &Path) -> ClaimsCache {
        match &self.claims {
            Some(pass) => ClaimsCache::load(dir, pass.cache_key),
            None => ClaimsCache::default(),
        }
    }

    /// A partial run (see [`Engine::check_paths_focused`]) that takes the
    /// claims of unchanged articles from `cache` (see
    /// [`Engine::open_claims_cache`]) and updates it; with
    /// `ClaimsCache::default()`, no cache is read or written (every article
    /// is then read and parsed).
    ///
    /// Findings are those of a full run that touch a file of `focus`: the
    /// comparison meets the same pairs ([`claims::compare_focused`]). They
    /// can differ only where a full run would report something this run
    /// cannot see: a finding between two unnamed files is dropped by design.
    pub fn check_paths_focused_cached(
        &self,
        paths: &[PathBuf],
        focus: &HashSet<PathBuf>,
        mut cache: ClaimsCache,
    ) -> RunResult {
        let Some(pass) = &self.claims else {
            // No claim rule: the other articles play no part.
            let named: Vec<PathBuf> = paths
                .iter()
                .filter(|p| is_focus(p, focus))
                .cloned()
                .collect();
            return self.check_paths(&named);
        };
        let started = now_ns();
        let cwd = std::env::current_dir().unwrap_or_default();
        let keys: Vec<PathBuf> = paths.iter().map(|p| cache::absolute(p, &cwd)).collect();
        let focused: Vec<bool> = paths.par_iter().map(|p| is_focus(p, focus)).collect();
        let probes: Vec<Probe> = paths
            .par_iter()
            .zip(&keys)
            .zip(&focused)
            .map(|((path, key), &f)| probe(path, key, f, &cache, self.max_article_bytes))
            .collect();

        // Number the files that could be read, as `read_files` would.
        let mut run = Gathered::default();
        let mut notes = Vec::new();
        for (i, probe) in probes.into_iter().enumerate() {
            let was_read = matches!(probe, Probe::Read(_));
            let (decoded, file_claims, s) = match probe {
                Probe::Failed(note) => {
                    if focused[i] {
                        notes.push(note);
                    }
                    continue;
                }
                Probe::Cached { entry, stamp } => {
                    let hash = cache.entry(entry).hash;
                    (unread(), cache.take_claims(entry), Seen { stamp, hash })
                }
                Probe::Same { entry, stamp, hash } => {
                    run.dirty = true;
                    (unread(), cache.take_claims(entry), Seen { stamp, hash })
                }
                Probe::Read(read) => {
                    // A named file is always read; only a changed unnamed
                    // one makes the cache worth rewriting.
                    run.dirty |= !focused[i];
                    let s = Seen {
                        stamp: read.stamp,
                        hash: read.hash,
                    };
                    (read.decoded, Vec::new(), s)
                }
            };
            let path = paths[i].clone();
            run.files.push(SourceFile {
                id: FileId(run.files.len() as u32),
                display: display_path(&path),
                path,
                decoded,
            });
            run.claims.push(file_claims);
            run.seen.push(s);
            run.keys.push(&keys[i]);
            run.in_focus.push(focused[i]);
            run.loaded.push(was_read);
            run.suppressions.push(Suppressions::default());
        }
        // What was read is parsed, and checked if named.
        let parsed: Vec<(usize, Vec<Diagnostic>, Suppressions, Vec<Claim>)> = run
            .files
            .par_iter()
            .enumerate()
            .filter(|(i, _)| run.loaded[*i])
            .map(|(i, file)| {
                let doc = Document::parse(file);
                let (diagnostics, suppressions) = if run.in_focus[i] {
                    self.run_document_rules(&doc)
                } else {
                    (Vec::new(), Suppressions::of(&doc))
                };
                (i, diagnostics, suppressions, pass.extract(&doc))
            })
            .collect();
        let mut diagnostics = Vec::new();
        for (i, d, s, c) in parsed {
            diagnostics.extend(d);
            run.suppressions[i] = s;
            run.claims[i] = c;
        }

        let conflicts = run.compare_and_load(pass, self.max_article_bytes);
        let fact_conflicts = match &pass.facts {
            Some(facts) => {
                let named: Vec<Vec<Claim>> = run
                    .claims
                    .iter()
                    .zip(&run.in_focus)
                    .map(|(c, &f)| if f { c.clone() } else { Vec::new() })
                    .collect();
                claims::check_facts(&named, facts)
            }
            None => Vec::new(),
        };
        let corpus = Corpus {
            files: &run.files,
            claims: &run.claims,
            conflicts: &conflicts,
            facts: pass.facts.as_ref(),
            fact_conflicts: &fact_conflicts,
        };
        self.run_corpus_rules(&corpus, &mut diagnostics);
        self.finish(&mut diagnostics, |d| &run.suppressions[d.file.0 as usize]);
        let touches = |id: FileId| run.in_focus[id.0 as usize];
        diagnostics.retain(|d| touches(d.file) || d.related.iter().any(|l| touches(l.file)));

        if cache.is_enabled() && (run.dirty || cache.is_empty()) {
            let records = records(run.keys.iter().copied().zip(&run.seen), &run.claims);
            // A cache that cannot be written only makes the next run slower.
            let _ = cache.save(started, &records);
        }
        RunResult {
            files: run.files,
            diagnostics,
            notes,
            claims: run.claims,
            facts: pass.facts.clone(),
        }
    }

    /// A run over whole files (not a focused partial run) that takes the
    /// claims of articles whose bytes the claims cache in `cache_dir` already
    /// knows (same content hash) instead of extracting them again, and
    /// records every article's claims there for the next run, keeping the
    /// entries of articles it did not read. The cache is not rewritten when
    /// nothing in it changed.
    pub fn check_paths_caching(&self, paths: &[PathBuf], cache_dir: &Path) -> RunResult {
        if self.claims.is_none() {
            return self.check_paths(paths);
        }
        let started = now_ns();
        let cwd = std::env::current_dir().unwrap_or_default();
        let reading = crate::timings::phase("read");
        // The cache loads while the files are read.
        let (read, mut cache) = rayon::join(
            || {
                paths
                    .par_iter()
                    .map(|p| read_stamped(p, self.max_article_bytes))
                    .collect::<Vec<Result<Read, Note>>>()
            },
            || self.open_claims_cache(cache_dir),
        );
        reading.end();
        let mut files = Vec::with_capacity(paths.len());
        let mut seen = Vec::with_capacity(paths.len());
        let mut known = Vec::with_capacity(paths.len());
        let mut notes = Vec::new();
        let mut dirty = false;
        for (path, r) in paths.iter().zip(read) {
            match r {
                Ok(read) => {
                    let key = cache::absolute(path, &cwd);
                    let entry = cache
                        .position(&key)
                        .filter(|&i| cache.entry(i).hash == read.hash);
                    dirty |= entry.is_none_or(|i| cache.entry(i).stamp != read.stamp);
                    known.push(entry.map(|i| cache.take_claims(i)));
                    seen.push((
                        key,
                        Seen {
                            stamp: read.stamp,
                            hash: read.hash,
                        },
                    ));
                    files.push(SourceFile {
                        id: FileId(files.len() as u32),
                        display: display_path(path),
                        path: path.clone(),
                        decoded: read.decoded,
                    });
                }
                Err(note) => notes.push(note),
            }
        }
        let mut result = self.check(files, known);
        result.notes = notes;
        let saving = crate::timings::phase("save cache");
        if dirty && result.claims.len() == seen.len() {
            let read = seen.iter().map(|(p, s)| (p.as_path(), s));
            let mut records = records(read, &result.claims);
            // A run over part of the corpus keeps what the cache knows of
            // the rest.
            let checked: HashSet<&Path> = seen.iter().map(|(p, _)| p.as_path()).collect();
            records.extend(
                cache
                    .carried_over()
                    .filter(|(path, _, _)| !checked.contains(path))
                    .map(|(path, stamp, entry)| Record {
                        path,
                        stamp,
                        hash: entry.hash,
                        claims: &entry.claims,
                    }),
            );
            // A cache that cannot be written only makes the next run slower.
            let _ = cache.save(started, &records);
        }
        saving.end();
        result
    }
}

/// The cache records of articles read in this run.
fn records<'a>(
    read: impl Iterator<Item = (&'a Path, &'a Seen)>,
    claims: &'a [Vec<Claim>],
) -> Vec<Record<'a>> {
    read.zip(claims)
        .map(|((path, s), claims)| Record {
            path,
            stamp: s.stamp,
            hash: s.hash,
            claims,
        })
        .collect()
}

/// The files of a partial run and what is known of each, by [`FileId`].
#[derive(Default)]
struct Gathered<'k> {
    files: Vec<SourceFile>,
    claims: Vec<Vec<Claim>>,
    seen: Vec<Seen>,
    /// Paths as the cache knows them.
    keys: Vec<&'k Path>,
    in_focus: Vec<bool>,
    /// Whether the file's text was read (else it is empty).
    loaded: Vec<bool>,
    suppressions: Vec<Suppressions>,
    /// Whether the cache is worth rewriting.
    dirty: bool,
}

impl Gathered<'_> {
    /// Compares the named files' claims with all others, then reads the
    /// unread articles a conflict points at. If one of them changed since
    /// its claims were recorded, its fresh claims replace them and the
    /// comparison runs again (at most [`ROUNDS`] times; after that, the
    /// conflicts with articles still unread are dropped).
    fn compare_and_load(&mut self, pass: &ClaimsPass, limit: u64) -> Vec<claims::Conflict> {
        for _ in 0..ROUNDS {
            let conflicts = claims::compare_focused(&self.claims, &self.in_focus, &pass.tolerances);
            let mut wanted: Vec<usize> = conflicts
                .iter()
                .flat_map(|c| [c.a.doc, c.b.doc])
                .filter(|&d| !self.loaded[d])
                .collect();
            wanted.sort_unstable();
            wanted.dedup();
            if wanted.is_empty() || !self.load(&wanted, pass, limit) {
                return conflicts;
            }
        }
        let mut conflicts = claims::compare_focused(&self.claims, &self.in_focus, &pass.tolerances);
        conflicts.retain(|c| self.loaded[c.a.doc] && self.loaded[c.b.doc]);
        conflicts
    }

    /// Reads files `wanted` for reporting. Returns whether any of them
    /// changed since its claims were taken.
    fn load(&mut self, wanted: &[usize], pass: &ClaimsPass, limit: u64) -> bool {
        let read: Vec<(usize, Result<Read, Note>)> = wanted
            .par_iter()
            .map(|&i| (i, read_stamped(&self.files[i].path, limit)))
            .collect();
        let mut changed = false;
        for (i, r) in read {
            self.loaded[i] = true;
            match r {
                Ok(read) => {
                    let fresh = read.hash != self.seen[i].hash;
                    self.seen[i] = Seen {
                        stamp: read.stamp,
                        hash: read.hash,
                    };
                    self.files[i].decoded = read.decoded;
                    let doc = Document::parse(&self.files[i]);
                    self.suppressions[i] = Suppressions::of(&doc);
                    if fresh {
                        self.claims[i] = pass.extract(&doc);
                        changed = true;
                    }
                }
                Err(_) => {
                    // Gone or unreadable since it was looked at: its claims
                    // can no longer be shown, nor trusted next time.
                    self.claims[i].clear();
                    self.seen[i].stamp = Stamp::UNKNOWN;
                    changed = true;
                }
            }
        }
        self.dirty |= changed;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMIT: u64 = crate::source::DEFAULT_MAX_ARTICLE_BYTES;

    /// A cache whose only entry has `path`'s current stat data and `hash`,
    /// written as if its run had started at `started_ns`.
    fn cache_claiming(dir: &Path, path: &Path, hash: u64, started_ns: u64) -> ClaimsCache {
        let stamp = Stamp::of(&std::fs::metadata(path).unwrap());
        let record = Record {
            path,
            stamp,
            hash,
            claims: &[],
        };
        cache::save(dir, 1, started_ns, &[record]).unwrap();
        ClaimsCache::load(dir, 1)
    }

    #[test]
    fn equal_stat_data_are_trusted_only_once_settled() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "Phishing rose 22% in 2024.\n").unwrap();
        let cache_dir = dir.path().join("cache");
        // Written just now: the same stat data could hide an edit, so the
        // file is read, and its hash (not the cached one) decides.
        let racy = cache_claiming(&cache_dir, &path, 0, now_ns());
        assert!(matches!(
            probe(&path, &path, false, &racy, LIMIT),
            Probe::Read(_)
        ));
        let hash = content_hash(&std::fs::read(&path).unwrap());
        let racy_same = cache_claiming(&cache_dir, &path, hash, now_ns());
        assert!(matches!(
            probe(&path, &path, false, &racy_same, LIMIT),
            Probe::Same { .. }
        ));
        // Changed long before the cache's run started: trusted unread.
        let settled = cache_claiming(&cache_dir, &path, 0, now_ns() + 10_000_000_000);
        assert!(matches!(
            probe(&path, &path, false, &settled, LIMIT),
            Probe::Cached { .. }
        ));
        // A named file is always read.
        assert!(matches!(
            probe(&path, &path, true, &settled, LIMIT),
            Probe::Read(_)
        ));
    }
}
