//! The workspace's claims, held for the whole session: one entry per
//! article found by the walk (plus open articles that are not on disk), by
//! absolute path. It keeps claims and content hashes only, never article
//! text, so memory grows with the claims, not the corpus.

use crate::engine::Engine;
use crate::engine::workspace::WorkspaceClaims;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Claims of every article of the workspace.
#[derive(Debug, Default)]
pub struct Index {
    paths: Vec<PathBuf>,
    slots: HashMap<PathBuf, usize>,
    /// By slot, like `paths`.
    pub claims: WorkspaceClaims,
}

impl Index {
    /// Indexes `paths` (absolute) through the claims cache in `cache_dir`.
    pub fn build(engine: &Engine, paths: Vec<PathBuf>, cache_dir: Option<&Path>) -> Index {
        let claims = engine.index_claims(&paths, cache_dir);
        let slots = paths
            .iter()
            .enumerate()
            .map(|(i, p)| (p.clone(), i))
            .collect();
        Index {
            paths,
            slots,
            claims,
        }
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.paths.len()
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// Number of claims held.
    pub fn claim_count(&self) -> usize {
        self.claims.claims.iter().map(Vec::len).sum()
    }

    /// The path of slot `i`.
    pub fn path(&self, i: usize) -> &Path {
        &self.paths[i]
    }

    /// The paths by slot, and the claims to check an article against.
    pub fn split(&mut self) -> (&[PathBuf], &mut WorkspaceClaims) {
        (&self.paths, &mut self.claims)
    }

    /// The slot of `path`, if indexed.
    pub fn slot(&self, path: &Path) -> Option<usize> {
        self.slots.get(path).copied()
    }

    /// The slot of `path`, made (empty) when the article is new.
    pub fn slot_or_insert(&mut self, path: &Path) -> usize {
        if let Some(i) = self.slot(path) {
            return i;
        }
        self.paths.push(path.to_path_buf());
        let slot = self.claims.push_empty();
        self.slots.insert(path.to_path_buf(), slot);
        slot
    }

    /// Reads `path` again from disk (created, changed or deleted): a deleted
    /// article keeps its slot with no claims, so slots never move.
    pub fn refresh(&mut self, engine: &Engine, path: &Path) {
        let slot = self.slot_or_insert(path);
        let fresh = engine.index_claims(&[path.to_path_buf()], None);
        self.claims.replace(slot, fresh);
    }
}
