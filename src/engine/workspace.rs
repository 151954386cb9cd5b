//! Entry points for a long-running caller that keeps the claims of a whole
//! workspace in memory and checks one article at a time against them (the
//! language server, `crate::server`). Built only on the run's stable parts:
//! the document rules, the claims pass, [`claims::compare_focused`], the
//! corpus rules and `Engine::finish`. Nothing here keeps article text: the
//! caller holds claims, and the few articles a finding points at are read
//! when it is reported.

use super::gather::{Probe, compare_loading};
use super::run::Engine;
use super::suppress::Suppressions;
use crate::cache::{ClaimsCache, Record, Stamp, now_ns};
use crate::claims::{self, Claim, ClaimRef, Conflict};
use crate::diagnostic::{Data, Diagnostic};
use crate::document::Document;
use crate::source::{FileId, SourceFile};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Where an article's claims come from while indexing.
enum Found {
    /// The claims cache's entry, unchanged.
    Cached(usize),
    /// Extracted now (none when unreadable).
    Fresh(Vec<Claim>),
}

/// The claims of every article of a workspace, by article (the caller
/// keeps the paths). Claims and hashes are kept apart so that the
/// comparison can borrow the claim lists as they are.
#[derive(Debug, Clone, Default)]
pub struct WorkspaceClaims {
    /// Each article's claims (none when it could not be read).
    pub claims: Vec<Vec<Claim>>,
    /// Hash of the bytes each article's claims came from ([`crate::source::content_hash`];
    /// 0 when unread or when the claims come from an editor's text).
    pub hashes: Vec<u64>,
}

impl WorkspaceClaims {
    /// Adds an article with no claims; returns its index.
    pub fn push_empty(&mut self) -> usize {
        self.claims.push(Vec::new());
        self.hashes.push(0);
        self.claims.len() - 1
    }

    /// Replaces article `i`'s claims with `other`'s only article.
    pub fn replace(&mut self, i: usize, other: WorkspaceClaims) {
        if let (Some(c), Some(h)) = (other.claims.into_iter().next(), other.hashes.first()) {
            self.claims[i] = c;
            self.hashes[i] = *h;
        }
    }
}

/// The result of checking one open article against the workspace.
#[derive(Debug, Default)]
pub struct OpenCheck {
    /// Findings touching the open article (`FileId(0)`), as primary or
    /// related location; other ids point into `files`.
    pub diagnostics: Vec<Diagnostic>,
    /// The open article (`FileId(0)`) and the other articles the findings
    /// point at, read for reporting.
    pub files: Vec<SourceFile>,
    /// The open article's claims, fresh from its text.
    pub claims: Vec<Claim>,
}

impl Engine {
    /// Whether any claim rule is enabled (else the workspace plays no part).
    pub fn claims_enabled(&self) -> bool {
        self.claims.is_some()
    }

    /// The claims of each of `paths` (absolute), taken from the claims cache
    /// in `cache_dir` when an article is unchanged, else read and extracted
    /// in parallel; the cache is then saved for the next start. An article
    /// that cannot be read has no claims.
    pub fn index_claims(&self, paths: &[PathBuf], cache_dir: Option<&Path>) -> WorkspaceClaims {
        let Some(pass) = &self.claims else {
            return WorkspaceClaims {
                claims: vec![Vec::new(); paths.len()],
                hashes: vec![0; paths.len()],
            };
        };
        let started = now_ns();
        let mut cache = cache_dir.map_or_else(ClaimsCache::default, |d| self.open_claims_cache(d));
        let limit = self.max_article_bytes;
        let found: Vec<(Found, u64, Stamp, bool)> = paths
            .par_iter()
            .map(|path| match Probe::look(path, path, &cache, limit) {
                Probe::Failed(_) => (Found::Fresh(Vec::new()), 0, Stamp::UNKNOWN, true),
                Probe::Cached { entry, stamp } => {
                    (Found::Cached(entry), cache.entry(entry).hash, stamp, false)
                }
                Probe::Same { entry, stamp, hash } => (Found::Cached(entry), hash, stamp, true),
                Probe::Read(article) => {
                    let file = source_file(path, article.decoded);
                    let claims = pass.extract(&Document::parse(&file));
                    (Found::Fresh(claims), article.hash, article.stamp, true)
                }
            })
            .collect();
        let dirty = found.iter().any(|f| f.3) || cache.is_empty();
        // Claims are moved out of the cache, not copied: the index never
        // holds them twice.
        let mut claims = Vec::with_capacity(found.len());
        let mut hashes = Vec::with_capacity(found.len());
        let mut stamps = Vec::with_capacity(found.len());
        for (f, hash, stamp, _) in found {
            claims.push(match f {
                Found::Cached(i) => cache.take_claims(i),
                Found::Fresh(c) => c,
            });
            hashes.push(hash);
            stamps.push(stamp);
        }
        if cache.is_enabled() && dirty {
            let records: Vec<Record> = paths
                .iter()
                .zip(&claims)
                .zip(hashes.iter().zip(&stamps))
                .map(|((path, claims), (hash, stamp))| Record {
                    path,
                    stamp: *stamp,
                    hash: *hash,
                    claims,
                })
                .collect();
            // A cache that cannot be written only makes the next start slower.
            let _ = cache.save(started, &records);
        }
        WorkspaceClaims { claims, hashes }
    }

    /// Checks one open article: every document rule and (with
    /// `with_claims`) its claims against the workspace's. `workspace` holds
    /// the claims of every article; the open article's entry, `focus` (the caller appends
    /// one for an article not on disk), is replaced by its fresh claims.
    /// `load` reads another article by index, with the hash of the bytes
    /// read ([`crate::source::content_hash`]; 0 for the text of an article open in the
    /// editor): only those a conflict points at are loaded. An article
    /// whose text no longer matches its indexed claims is re-indexed and the
    /// comparison runs again (twice at most; then its conflicts are dropped).
    pub fn check_open(
        &self,
        file: &SourceFile,
        workspace: &mut WorkspaceClaims,
        focus: usize,
        with_claims: bool,
        load: impl Fn(usize) -> Option<(SourceFile, u64)>,
    ) -> OpenCheck {
        let file = SourceFile {
            id: FileId(0),
            ..file.clone()
        };
        let documents = crate::timings::phase("document rules");
        let doc = Document::parse(&file);
        let (mut diagnostics, suppressions) = self.run_document_rules(&doc);
        documents.end();
        let pass = self.claims.as_ref().filter(|_| with_claims);
        let Some(pass) = pass else {
            self.finish(&mut diagnostics, |_| &suppressions);
            return OpenCheck {
                diagnostics,
                files: vec![file],
                claims: Vec::new(),
            };
        };
        let extracting = crate::timings::phase("extract");
        let fresh = pass.extract(&doc);
        drop(doc);
        extracting.end();
        workspace.claims[focus] = fresh.clone();
        workspace.hashes[focus] = 0;
        let WorkspaceClaims {
            claims: lists,
            hashes,
        } = workspace;
        let mut in_focus = vec![false; lists.len()];
        in_focus[focus] = true;
        let mut loaded: HashMap<usize, (SourceFile, Suppressions)> = HashMap::new();
        let mut read = vec![false; lists.len()];
        read[focus] = true;
        let comparing = crate::timings::phase("compare and load");
        let conflicts = compare_loading(lists, &in_focus, &mut read, pass, |wanted, lists| {
            let mut stale = false;
            for &d in wanted {
                let Some((other, hash)) = load(d) else {
                    // Gone since it was indexed: its claims go with it.
                    lists[d].clear();
                    hashes[d] = 0;
                    stale = true;
                    continue;
                };
                let doc = Document::parse(&other);
                if hash != hashes[d] {
                    // Changed on disk since it was indexed.
                    lists[d] = pass.extract(&doc);
                    hashes[d] = hash;
                    stale = true;
                }
                let s = Suppressions::of(&doc);
                drop(doc);
                loaded.insert(d, (other, s));
            }
            stale
        });
        comparing.end();

        // A small corpus: the open article first, then the others the
        // conflicts name, with the conflicts renumbered to match.
        let mut order: Vec<usize> = vec![focus];
        let mut position: HashMap<usize, usize> = HashMap::from([(focus, 0)]);
        for c in &conflicts {
            for d in [c.a.doc, c.b.doc] {
                position.entry(d).or_insert_with(|| {
                    order.push(d);
                    order.len() - 1
                });
            }
        }
        let renumber = |r: ClaimRef| ClaimRef {
            doc: position[&r.doc],
            claim: r.claim,
        };
        let small_conflicts: Vec<Conflict> = conflicts
            .iter()
            .map(|c| Conflict {
                a: renumber(c.a),
                b: renumber(c.b),
                ..c.clone()
            })
            .collect();
        let mut files = vec![file];
        let mut small_suppressions = vec![suppressions];
        for &d in &order[1..] {
            let (mut other, s) = loaded
                .remove(&d)
                .expect("every article a conflict names is loaded");
            other.id = FileId(files.len() as u32);
            files.push(other);
            small_suppressions.push(s);
        }
        let small_claims: Vec<Vec<Claim>> = order.iter().map(|&d| lists[d].clone()).collect();
        let fact_conflicts = match &pass.facts {
            Some(facts) => {
                let only_open: Vec<Vec<Claim>> = small_claims
                    .iter()
                    .enumerate()
                    .map(|(i, c)| if i == 0 { c.clone() } else { Vec::new() })
                    .collect();
                claims::check_facts(&only_open, facts)
            }
            None => Vec::new(),
        };
        let corpus = super::Corpus {
            files: &files,
            claims: &small_claims,
            conflicts: &small_conflicts,
            facts: pass.facts.as_ref(),
            fact_conflicts: &fact_conflicts,
        };
        let corpus_rules = crate::timings::phase("corpus rules");
        self.run_corpus_rules(&corpus, &mut diagnostics);
        self.finish(&mut diagnostics, |d| &small_suppressions[d.file.0 as usize]);
        let touches = |id: FileId| id.0 == 0;
        diagnostics.retain(|d| touches(d.file) || d.related.iter().any(|l| touches(l.file)));
        // A contradiction the rule reports on the other article says "here"
        // of that article; shown in this one, it is worded from here.
        let mirrored: Vec<Conflict> = small_conflicts
            .iter()
            .filter(|c| c.b.doc == 0 && c.a.doc != 0)
            .map(|c| Conflict {
                a: c.b,
                b: c.a,
                ..c.clone()
            })
            .collect();
        if !mirrored.is_empty() {
            let mut from_here = Vec::new();
            let corpus = super::Corpus {
                conflicts: &mirrored,
                fact_conflicts: &[],
                ..corpus
            };
            self.run_corpus_rules(&corpus, &mut from_here);
            reword_from_here(&mut diagnostics, &from_here);
        }
        corpus_rules.end();
        OpenCheck {
            diagnostics,
            files,
            claims: fresh,
        }
    }
}

/// Gives each finding whose primary place is another article the message
/// its rule words for the same pair seen from the open article
/// (`from_here`: the rules run on the mirrored conflicts).
fn reword_from_here(diagnostics: &mut [Diagnostic], from_here: &[Diagnostic]) {
    for d in diagnostics.iter_mut().filter(|d| d.file.0 != 0) {
        let Some(Data::ClaimPair { claim, other, .. }) = d.data else {
            continue;
        };
        let mirror = from_here.iter().find(|m| {
            m.rule == d.rule
                && matches!(m.data, Some(Data::ClaimPair { claim: c, other: o, .. }) if c == other && o == claim)
        });
        if let Some(m) = mirror {
            d.message.clone_from(&m.message);
        }
    }
}

/// A [`SourceFile`] for an article read by path (its id is set by whoever
/// numbers the files).
pub fn source_file(path: &Path, decoded: crate::source::Decoded) -> SourceFile {
    SourceFile {
        id: FileId(0),
        display: display(path),
        path: path.to_path_buf(),
        decoded,
    }
}

/// How an article is named in messages: relative to the current folder
/// (the workspace root) when it lies inside, as `check` run from there
/// shows it. Read each time: a server may change folders between runs.
fn display(path: &Path) -> String {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
        .display()
        .to_string()
}

/// Reads and decodes one article, with the hash of its bytes (`None` when it cannot be read or is not
/// text), as the workspace loads the articles a finding points at.
pub fn read_article(path: &Path, limit: u64) -> Option<(SourceFile, u64)> {
    let article = crate::source::read_article(path, limit).ok()?;
    Some((source_file(path, article.decoded), article.hash))
}
