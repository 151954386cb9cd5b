//! The rule engine: the two kinds of rule ([`DocumentRule`] sees one article,
//! [`CorpusRule`] sees every article at once), the registry that maps rule
//! ids to implementations, suppression comments, and the run itself.

pub mod claims_pass;
mod gather;
pub mod note;
pub mod registry;
pub mod run;
pub mod suppress;
pub mod workspace;

pub use gather::{CacheUse, read_articles};
pub use note::{Note, NoteKind};
pub use run::{Engine, Plan, RunResult};

use crate::claims::{Claim, Conflict, FactConflict, Facts};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::source::SourceFile;
use chrono::NaiveDate;
use std::path::PathBuf;

/// What every rule may know about the run.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// "Today", for future-date checks (`--today` pins it).
    pub today: NaiveDate,
    /// The folder the config lives in (or the current folder): relative static
    /// folders are resolved against it.
    pub root: PathBuf,
    /// Every rule id and alias of the catalogue the engine was built from,
    /// sorted (set by [`Engine::new`]): what a suppression comment may name.
    pub rule_ids: Vec<String>,
}

/// A rule that checks one article at a time. Runs in parallel across files.
pub trait DocumentRule: Send + Sync {
    /// Append this rule's findings on `doc` to `out`.
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>);
}

/// What corpus rules see: every checked file, and what was gathered from
/// each document while it was parsed (documents themselves are not kept).
/// The cross-article comparison runs once, for all claim rules.
pub struct Corpus<'a> {
    /// All files, indexed by `FileId`.
    pub files: &'a [SourceFile],
    /// Statistical claims of each file, indexed by `FileId`.
    pub claims: &'a [Vec<Claim>],
    /// Pairs of claims that contradict each other.
    pub conflicts: &'a [Conflict],
    /// The canonical facts file, when there is one.
    pub facts: Option<&'a Facts>,
    /// Claims that disagree with the facts file.
    pub fact_conflicts: &'a [FactConflict],
}

/// A rule that compares articles with each other.
pub trait CorpusRule: Send + Sync {
    /// Append this rule's findings on the whole corpus to `out`.
    fn check(&self, corpus: &Corpus, ctx: &Context, out: &mut Vec<Diagnostic>);
}
