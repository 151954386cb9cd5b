//! The first step of a run: finding out, for every article, its text or
//! claims already known, through the claims cache (`crate::cache`) when
//! there is one.
//!
//! A full run reads every article; the cache only spares extracting the
//! claims of articles whose bytes it already knows (same hash). A partial
//! run (named files or `--since`, with a corpus) needs the claims of every
//! article but the text of the named files only: it trusts the cache's stat
//! data for unchanged articles and reads the others. After the comparison
//! it reads the few unread articles a finding points at
//! ([`Gathered::compare_and_load`]), so that their locations, snippets and
//! suppression comments are right. Articles never read are present in the
//! run's result (so file ids and counts match a full run) with empty text.
//!
//! A full run also looks for the corpus findings of a run with the same key
//! (`cache/findings.rs`, [`Gathered::key`]): while the articles are read it
//! reads only the start of the claims file, and decodes the claims after
//! the reads only if the findings are not reusable (or the caller wants the
//! claims).

use super::claims_pass::ClaimsPass;
use super::note::Note;
use super::suppress::Suppressions;
use crate::cache::findings::{self, StoredFindings};
use crate::cache::{self, ClaimsCache, ClaimsFile, Record, Stamp, now_ns};
use crate::claims::{self, Claim};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::source::read::{decode_article, read_hashed, stamp_of};
use crate::source::{
    Decoded, Encoding, LineEnding, SourceError, SourceFile, Sources, read_article,
};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many times a partial run re-compares when an article changed on disk
/// between the look at its stat data and the read for reporting.
const ROUNDS: usize = 3;

/// One article as a run first sees it.
pub(super) enum Probe {
    /// Could not be read (or is binary).
    Failed(SourceError),
    /// Unchanged since the cache recorded entry `entry`: not read.
    Cached { entry: usize, stamp: Stamp },
    /// Read: the same bytes as entry `entry`, so the same claims.
    Same {
        entry: usize,
        stamp: Stamp,
        hash: u64,
    },
    /// Read and decoded.
    Read(crate::source::Article),
}

impl Probe {
    /// Reads the article at `path`.
    fn read(path: &Path, limit: u64) -> Probe {
        match read_article(path, limit) {
            Ok(article) => Probe::Read(article),
            Err(e) => Probe::Failed(e),
        }
    }

    /// Looks at an unnamed article of a partial run: trusts the cache when
    /// the stat data allow, else reads and hashes the file, and decodes it
    /// only when its bytes are new.
    pub(super) fn look(path: &Path, key: &Path, cache: &ClaimsCache, limit: u64) -> Probe {
        let Some(entry) = cache.position(key) else {
            return Probe::read(path, limit);
        };
        let looked = stamp_of(path).and_then(|stamp| {
            if cache.unchanged(entry, &stamp) {
                return Ok(Probe::Cached { entry, stamp });
            }
            let (bytes, hash) = read_hashed(path, limit)?;
            if hash == cache.entry(entry).hash {
                return Ok(Probe::Same { entry, stamp, hash });
            }
            // Changed: the bytes just read are decoded, not read again.
            Ok(Probe::Read(crate::source::Article {
                decoded: decode_article(bytes)?,
                stamp,
                hash,
            }))
        });
        looked.unwrap_or_else(Probe::Failed)
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

/// The files of a run and what is known of each, by `FileId`.
#[derive(Default)]
pub(super) struct Gathered {
    pub files: Vec<SourceFile>,
    /// Claims known without extracting them (from the cache).
    pub claims: Vec<Vec<Claim>>,
    /// Whether the file's claims must be extracted from its text.
    pub extract: Vec<bool>,
    /// Whether the file's text was read (else it is empty).
    pub loaded: Vec<bool>,
    /// Whether the file's findings are wanted.
    pub in_focus: Vec<bool>,
    /// Whether every file is in focus (a full run).
    pub whole: bool,
    pub suppressions: Vec<Suppressions>,
    pub notes: Vec<Note>,
    /// Paths as the cache knows them, and what it will record of each.
    keys: Vec<PathBuf>,
    seen: Vec<Seen>,
    cache: ClaimsCache,
    /// When the run started, for the cache's stat-data trust.
    started: u64,
    /// Whether the cache is worth rewriting.
    dirty: bool,
    /// The groups a full run with a cache judged, when they differ from
    /// those it remembered.
    judged: Option<claims::Judged>,
    /// The findings cache's key, in a full run with a cache folder.
    findings_key: Option<u64>,
    /// The corpus rules' findings, when the findings cache had them.
    pub findings: Option<Vec<Diagnostic>>,
}

/// The claims cache of a full run: decoded, or read and left for later.
enum Loading {
    Decoded(ClaimsCache),
    Pending(ClaimsFile),
}

/// The claims `cache` knows for an article read with `seen`, and whether
/// the cache needs a rewrite for it (new bytes, or new stat data).
fn take_known(cache: &mut ClaimsCache, key: &Path, seen: Seen) -> (Option<Vec<Claim>>, bool) {
    let entry = cache
        .position(key)
        .filter(|&e| cache.entry(e).hash == seen.hash);
    let dirty = entry.is_none_or(|e| cache.entry(e).stamp != seen.stamp);
    (entry.map(|e| cache.take_claims(e)), dirty)
}

/// The keys of the caches a run may use.
#[derive(Clone, Copy)]
pub(super) struct Keys {
    /// The claims cache's ([`crate::cache::key`]).
    pub claims: u64,
    /// The engine's part of the findings cache's key; `None`: no findings cache.
    pub findings: Option<u64>,
    /// Whether the run's result must hold the claims.
    pub claims_needed: bool,
}

impl Keys {
    /// For a run that uses no cache.
    pub const NONE: Keys = Keys {
        claims: 0,
        findings: None,
        claims_needed: true,
    };
}

/// Where a run's claims cache comes from.
pub enum CacheUse<'a> {
    /// No cache.
    Off,
    /// The cache in this folder, loaded by the run.
    Dir(&'a Path),
    /// A cache already loaded (see `Engine::open_claims_cache`).
    Loaded(ClaimsCache),
}

impl Gathered {
    /// Files already decoded (stdin, tests): all read, all in focus.
    pub fn of_files(files: Vec<SourceFile>) -> Gathered {
        let n = files.len();
        Gathered {
            files,
            claims: vec![Vec::new(); n],
            extract: vec![true; n],
            loaded: vec![true; n],
            in_focus: vec![true; n],
            whole: true,
            suppressions: std::iter::repeat_with(Suppressions::default)
                .take(n)
                .collect(),
            ..Gathered::default()
        }
    }

    /// Looks at every article of `paths` (see the module doc). `focus`
    /// names the articles whose findings are wanted (`None`: all); `keys`
    /// say which claims cache may be used, and whether a full run may use
    /// the findings cache.
    pub fn gather(
        paths: &[PathBuf],
        focus: Option<&HashSet<PathBuf>>,
        cache: CacheUse,
        keys: Keys,
        limit: u64,
    ) -> Gathered {
        let started = now_ns();
        let focused: Vec<bool> = match focus {
            Some(focus) => paths
                .par_iter()
                .map(|p| crate::source::is_focus(p, focus))
                .collect(),
            None => vec![true; paths.len()],
        };
        let cwd = std::env::current_dir().unwrap_or_default();
        // Paths as the cache knows them, made once, beside each probe.
        let key = |p: &Path, keyed: bool| {
            if keyed {
                cache::absolute(p, &cwd)
            } else {
                PathBuf::new()
            }
        };
        type Loaded = (Loading, Option<StoredFindings>);
        let (probes, (mut cache, stored)): (Vec<(PathBuf, Probe)>, Loaded) = match cache {
            // Every article is read anyway: the cache loads meanwhile.
            CacheUse::Dir(dir) if focus.is_none() => rayon::join(
                || {
                    paths
                        .par_iter()
                        .map(|p| (key(p, true), Probe::read(p, limit)))
                        .collect()
                },
                || {
                    let findings = keys.findings.and_then(|_| StoredFindings::read(dir));
                    let Some(findings) = findings else {
                        return (Loading::Decoded(ClaimsCache::load(dir, keys.claims)), None);
                    };
                    let file = ClaimsFile::peek(dir, keys.claims);
                    // The claims are decoded only when the findings cannot
                    // spare them (computed with another claims file) or the
                    // caller wants them.
                    let usable = file.id().is_some_and(|id| findings.matches_claims(id));
                    let loading = if usable && !keys.claims_needed {
                        Loading::Pending(file)
                    } else {
                        Loading::Decoded(file.decode())
                    };
                    (loading, Some(findings))
                },
            ),
            cache => {
                let cache = match cache {
                    CacheUse::Off => ClaimsCache::default(),
                    CacheUse::Dir(dir) => ClaimsCache::load(dir, keys.claims),
                    CacheUse::Loaded(cache) => cache,
                };
                let keyed = cache.is_enabled();
                let probes = paths
                    .par_iter()
                    .zip(&focused)
                    .map(|(p, &named)| {
                        let key = key(p, keyed);
                        let probe = if named {
                            Probe::read(p, limit)
                        } else {
                            Probe::look(p, &key, &cache, limit)
                        };
                        (key, probe)
                    })
                    .collect();
                (probes, (Loading::Decoded(cache), None))
            }
        };

        let mut run = Gathered {
            whole: focus.is_none(),
            started,
            ..Gathered::default()
        };
        let mut sources = Sources::default();
        for ((path, (key, probe)), named) in paths.iter().zip(probes).zip(focused) {
            let (decoded, known, seen) = match (probe, &mut cache) {
                (Probe::Failed(e), _) => {
                    if named {
                        run.notes.push(Note::source(path.clone(), e));
                    }
                    continue;
                }
                (Probe::Cached { entry, stamp }, Loading::Decoded(cache)) => {
                    let hash = cache.entry(entry).hash;
                    (None, Some(cache.take_claims(entry)), Seen { stamp, hash })
                }
                (Probe::Same { entry, stamp, hash }, Loading::Decoded(cache)) => {
                    run.dirty = true;
                    (None, Some(cache.take_claims(entry)), Seen { stamp, hash })
                }
                (Probe::Cached { .. } | Probe::Same { .. }, Loading::Pending(_)) => {
                    unreachable!("a run that looks at cache entries has decoded the cache")
                }
                (Probe::Read(article), cache) => {
                    let seen = Seen {
                        stamp: article.stamp,
                        hash: article.hash,
                    };
                    // A named file of a partial run is read every time: only
                    // the other articles make the cache worth rewriting.
                    let counts = run.whole || !named;
                    let known = match cache {
                        Loading::Decoded(cache) => {
                            let (known, dirty) = take_known(cache, &key, seen);
                            run.dirty |= counts && dirty;
                            known
                        }
                        // Taken once the findings cache has answered.
                        Loading::Pending(_) => None,
                    };
                    (Some(article.decoded), known, seen)
                }
            };
            run.loaded.push(decoded.is_some());
            run.extract.push(known.is_none());
            run.claims.push(known.unwrap_or_default());
            sources.push(path.clone(), decoded.unwrap_or_else(unread));
            run.in_focus.push(named);
            run.keys.push(key);
            run.seen.push(seen);
            run.suppressions.push(Suppressions::default());
        }
        run.files = sources.into_files();
        let enabled = match &cache {
            Loading::Decoded(cache) => cache.is_enabled(),
            Loading::Pending(_) => true,
        };
        if run.whole && enabled && !run.files.is_empty() {
            // A full run with a cache folder: keyed by every article.
            run.findings_key = keys.findings.map(|base| run.key(base, &cwd));
        }
        let claims_id = match &cache {
            Loading::Decoded(cache) => cache.file_id(),
            Loading::Pending(file) => file.id(),
        };
        let found = stored
            .zip(run.findings_key)
            .zip(claims_id)
            .filter(|((stored, key), id)| {
                stored.matches_key(*key) && stored.matches_claims(*id) && !run.dirty
            })
            .and_then(|((stored, _), _)| stored.diagnostics(&run.files));
        run.cache = match cache {
            Loading::Decoded(cache) => cache,
            Loading::Pending(_) if found.is_some() => {
                // The findings are known: no claim is needed, none extracted.
                run.extract.fill(false);
                ClaimsCache::default()
            }
            Loading::Pending(file) => {
                let mut cache = file.decode();
                for i in 0..run.files.len() {
                    let (known, dirty) = take_known(&mut cache, &run.keys[i], run.seen[i]);
                    run.dirty |= dirty;
                    run.extract[i] = known.is_none();
                    run.claims[i] = known.unwrap_or_default();
                }
                cache
            }
        };
        run.findings = found;
        run
    }

    /// The findings cache's key for this full run: `base` (the engine's
    /// part), the current folder (paths are shown relative to it), and each
    /// article in order with its cache path, stat data and hash, so that a
    /// hit also means the claims file needs no rewrite.
    fn key(&self, base: u64, cwd: &Path) -> u64 {
        let mut bytes = Vec::with_capacity(64 + self.files.len() * 128);
        bytes.extend(base.to_le_bytes());
        let push_path = |bytes: &mut Vec<u8>, p: &Path| {
            let p = p.as_os_str().as_encoded_bytes();
            bytes.extend((p.len() as u64).to_le_bytes());
            bytes.extend(p);
        };
        push_path(&mut bytes, cwd);
        for ((file, key), seen) in self.files.iter().zip(&self.keys).zip(&self.seen) {
            push_path(&mut bytes, &file.path);
            push_path(&mut bytes, key);
            let s = seen.stamp;
            for n in [seen.hash, s.size, s.mtime_ns, s.ctime_ns, s.inode] {
                bytes.extend(n.to_le_bytes());
            }
        }
        cache::content_hash(&bytes)
    }

    /// Compares the named files' claims with all others, reading the unread
    /// articles a conflict points at (see [`compare_loading`]).
    pub fn compare_and_load(&mut self, pass: &ClaimsPass, limit: u64) -> Vec<claims::Conflict> {
        if self.whole {
            if !self.cache.is_enabled() {
                return claims::compare(&self.claims, &pass.tolerances);
            }
            let identities: Vec<u64> = self.seen.iter().map(|s| s.hash).collect();
            let earlier = self.cache.load_judged();
            let memory = claims::Memory {
                identities: &identities,
                earlier: &earlier,
            };
            let (conflicts, judged) =
                claims::compare_remembering(&self.claims, memory, &pass.tolerances);
            self.judged = (judged != earlier).then_some(judged);
            return conflicts;
        }
        let Gathered {
            files,
            claims,
            loaded,
            in_focus,
            suppressions,
            seen,
            dirty,
            ..
        } = self;
        compare_loading(claims, in_focus, loaded, pass, |wanted, claims| {
            let changed = load(files, suppressions, seen, claims, wanted, pass, limit);
            *dirty |= changed;
            changed
        })
    }

    /// The claims of the files in focus, for the facts check (all of them
    /// in a full run).
    pub fn focus_claims(&self) -> std::borrow::Cow<'_, [Vec<Claim>]> {
        if self.whole {
            return std::borrow::Cow::Borrowed(&self.claims);
        }
        let named = self
            .claims
            .iter()
            .zip(&self.in_focus)
            .map(|(c, &f)| if f { c.clone() } else { Vec::new() })
            .collect();
        std::borrow::Cow::Owned(named)
    }

    /// Records every article's claims in the cache for the next run, keeping
    /// the entries of articles this run did not see, and the groups a full
    /// run judged. Neither file is rewritten when nothing in it changed.
    /// Returns the [`ClaimsFile::id`] of the claims file now in the folder,
    /// if known.
    pub fn save_cache(&self) -> Option<u64> {
        let cache = &self.cache;
        if let Some(judged) = &self.judged {
            // Like the claims, only a shortcut for the next run.
            let _ = cache.save_judged(judged);
        }
        if !cache.is_enabled() || !(self.dirty || cache.is_empty()) {
            return cache.file_id();
        }
        let mut records: Vec<Record> = self
            .keys
            .iter()
            .zip(&self.seen)
            .zip(&self.claims)
            .map(|((path, s), claims)| Record {
                path,
                stamp: s.stamp,
                hash: s.hash,
                claims,
            })
            .collect();
        let checked: HashSet<&Path> = self.keys.iter().map(PathBuf::as_path).collect();
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
        cache.save(self.started, &records).ok().flatten()
    }

    /// [`Gathered::save_cache`], and in a full run with a cache folder, the
    /// corpus rules' findings `found` for the next run, with the id of the
    /// claims file they go with. One after the other: encoding both at once
    /// saved little on two cores and raised the peak memory by 20 MB.
    pub fn save_caches(&self, found: &[Diagnostic]) {
        let claims = self.save_cache();
        let (Some(key), Some(claims), Some(dir)) = (self.findings_key, claims, self.cache.dir())
        else {
            return;
        };
        // Like the claims, only a shortcut for the next run.
        let _ = findings::write(dir, key, claims, findings::encode(found).as_deref());
    }
}

/// Compares the claims of the articles in focus with all others
/// ([`claims::compare_focused`]), then asks `load` to read the articles a
/// conflict points at that were not `loaded`. `load` replaces the claims of
/// those that changed since their claims were taken and says whether any
/// did; then the comparison runs again (at most [`ROUNDS`] times; after
/// that, the conflicts with articles still unread are dropped). A partial
/// run and the editor's check of one article both compare this way.
pub(super) fn compare_loading(
    claims: &mut [Vec<Claim>],
    in_focus: &[bool],
    loaded: &mut [bool],
    pass: &ClaimsPass,
    mut load: impl FnMut(&[usize], &mut [Vec<Claim>]) -> bool,
) -> Vec<claims::Conflict> {
    let mut conflicts = claims::compare_focused(claims, in_focus, &pass.tolerances);
    for _ in 0..ROUNDS {
        let mut wanted: Vec<usize> = conflicts
            .iter()
            .flat_map(|c| [c.a.doc, c.b.doc])
            .filter(|&d| !loaded[d])
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        if wanted.is_empty() {
            return conflicts;
        }
        for &d in &wanted {
            loaded[d] = true;
        }
        if !load(&wanted, claims) {
            return conflicts;
        }
        conflicts = claims::compare_focused(claims, in_focus, &pass.tolerances);
    }
    conflicts.retain(|c| loaded[c.a.doc] && loaded[c.b.doc]);
    conflicts
}

/// Reads files `wanted` of a partial run for reporting: their text and
/// suppressions, and fresh claims for those whose bytes changed since their
/// claims were taken. Returns whether any changed.
fn load(
    files: &mut [SourceFile],
    suppressions: &mut [Suppressions],
    seen: &mut [Seen],
    claims: &mut [Vec<Claim>],
    wanted: &[usize],
    pass: &ClaimsPass,
    limit: u64,
) -> bool {
    let read: Vec<(usize, Result<crate::source::Article, SourceError>)> = wanted
        .par_iter()
        .map(|&i| (i, read_article(&files[i].path, limit)))
        .collect();
    let mut changed = false;
    for (i, r) in read {
        match r {
            Ok(article) => {
                let fresh = article.hash != seen[i].hash;
                seen[i] = Seen {
                    stamp: article.stamp,
                    hash: article.hash,
                };
                files[i].decoded = article.decoded;
                let doc = Document::parse(&files[i]);
                suppressions[i] = Suppressions::of(&doc);
                if fresh {
                    claims[i] = pass.extract(&doc);
                    changed = true;
                }
            }
            Err(_) => {
                // Gone or unreadable since it was looked at: its claims
                // can no longer be shown, nor trusted next time.
                claims[i].clear();
                seen[i].stamp = Stamp::UNKNOWN;
                changed = true;
            }
        }
    }
    changed
}

/// The articles of `paths` that can be read, and a note for each other:
/// what `copydesk claims` lists.
pub fn read_articles(paths: &[PathBuf], limit: u64) -> (Vec<SourceFile>, Vec<Note>) {
    let run = Gathered::gather(paths, None, CacheUse::Off, Keys::NONE, limit);
    (run.files, run.notes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::content_hash;

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
            Probe::look(&path, &path, &racy, LIMIT),
            Probe::Read(_)
        ));
        let hash = content_hash(&std::fs::read(&path).unwrap());
        let racy_same = cache_claiming(&cache_dir, &path, hash, now_ns());
        assert!(matches!(
            Probe::look(&path, &path, &racy_same, LIMIT),
            Probe::Same { .. }
        ));
        // Changed long before the cache's run started: trusted unread.
        let settled = cache_claiming(&cache_dir, &path, 0, now_ns() + 10_000_000_000);
        assert!(matches!(
            Probe::look(&path, &path, &settled, LIMIT),
            Probe::Cached { .. }
        ));
    }
}
