//! Rule ids to implementations. Built-in rules are registered here in
//! alphabetical order; pattern rules declared in YAML need no entry, they all
//! share [`crate::rules::pattern::PatternRule`].

use super::{CorpusRule, DocumentRule};
use crate::catalog::RuleSpec;
use crate::rules;
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

/// Every built-in rule implemented in Rust: (id, constructor).
pub const BUILTINS: &[(&str, Constructor)] = &[
    (
        rules::claim_direction_mismatch::ID,
        rules::claim_direction_mismatch::build,
    ),
    (
        rules::claim_fact_mismatch::ID,
        rules::claim_fact_mismatch::build,
    ),
    (
        rules::claim_hedge_conflict::ID,
        rules::claim_hedge_conflict::build,
    ),
    (
        rules::claim_period_mismatch::ID,
        rules::claim_period_mismatch::build,
    ),
    (
        rules::claim_scale_mismatch::ID,
        rules::claim_scale_mismatch::build,
    ),
    (
        rules::claim_value_mismatch::ID,
        rules::claim_value_mismatch::build,
    ),
    (rules::date_in_future::ID, rules::date_in_future::build),
    (rules::date_invalid::ID, rules::date_invalid::build),
    (rules::date_order::ID, rules::date_order::build),
    (
        rules::encoding_not_utf8::ID,
        rules::encoding_not_utf8::build,
    ),
    (rules::field_missing::ID, rules::field_missing::build),
    (
        rules::front_matter_duplicate_key::ID,
        rules::front_matter_duplicate_key::build,
    ),
    (
        rules::front_matter_invalid::ID,
        rules::front_matter_invalid::build,
    ),
    (
        rules::image_alt_missing::ID,
        rules::image_alt_missing::build,
    ),
    (rules::image_not_found::ID, rules::image_not_found::build),
    (
        rules::image_url_insecure::ID,
        rules::image_url_insecure::build,
    ),
    (
        rules::image_url_invalid::ID,
        rules::image_url_invalid::build,
    ),
    (rules::mojibake::ID, rules::mojibake::build),
    (
        rules::read_time_invalid::ID,
        rules::read_time_invalid::build,
    ),
    (
        rules::read_time_mismatch::ID,
        rules::read_time_mismatch::build,
    ),
    (
        rules::replacement_character::ID,
        rules::replacement_character::build,
    ),
];

/// Build the implementation of `spec`. `Ok(None)` for a catalogue entry with
/// no implementation (the catalogue test forbids those among built-ins).
pub fn build(spec: &RuleSpec, options: Mapping) -> Result<Option<Built>, String> {
    if let Some(pattern) = &spec.pattern {
        let rule = rules::pattern::PatternRule::new(&spec.id, pattern)?;
        return Ok(Some(Built::Document(Box::new(rule))));
    }
    match BUILTINS.iter().find(|(id, _)| *id == spec.id) {
        Some((_, build)) => build(options).map(Some),
        None => Ok(None),
    }
}

/// Deserialise a rule's options into its typed struct (which should deny
/// unknown fields).
pub fn options<T: DeserializeOwned>(options: Mapping) -> Result<T, String> {
    serde_yaml::from_value(serde_yaml::Value::Mapping(options)).map_err(|e| e.to_string())
}
