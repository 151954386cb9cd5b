//! What a rule implementation is to the engine: a [`Built`] rule made by a
//! [`Registry`] from a catalogue entry and its options. The built-in
//! registry lives with the rules (`crate::rules::registry`).

use super::{CorpusRule, DocumentRule};
use crate::catalog::RuleSpec;
use serde::de::DeserializeOwned;
use serde_yaml::Mapping;

/// A rule ready to run.
pub enum Built {
    /// Runs per article.
    Document(Box<dyn DocumentRule>),
    /// Runs over the corpus.
    Corpus(Box<dyn CorpusRule>),
}

/// Constructor of a built-in rule from its options.
pub type Constructor = fn(Mapping) -> Result<Built, String>;

/// Builds the implementation of a catalogue entry from its options:
/// `Ok(None)` for an entry with no implementation.
pub type Builder = fn(&RuleSpec, Mapping) -> Result<Option<Built>, String>;

/// The rule implementations an [`Engine`](super::Engine) is built from. The
/// engine knows rules only through this (the built-in set is
/// `crate::rules::registry::REGISTRY`), so it never names a rule itself.
#[derive(Clone, Copy)]
pub struct Registry {
    /// Builds the rule of a catalogue entry.
    pub build: Builder,
    /// The rules that report one claim against another article's claim: a
    /// figure where every one of them is disabled by a suppression comment
    /// is withdrawn from the comparison, so it raises no finding elsewhere.
    pub claim_rules: &'static [&'static str],
}

/// Deserialise a rule's options into its typed struct (which should deny
/// unknown fields).
pub fn options<T: DeserializeOwned>(options: Mapping) -> Result<T, String> {
    serde_yaml::from_value(serde_yaml::Value::Mapping(options)).map_err(|e| e.to_string())
}
