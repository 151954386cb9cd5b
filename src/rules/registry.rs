//! The built-in rules by id: the rules implemented in Rust ([`BUILTINS`],
//! declared in `rules/mod.rs`) and the pattern rules declared in YAML, which
//! need no entry: they all share [`super::pattern::PatternRule`]. The engine
//! is given [`REGISTRY`]; it never names a rule itself.

use crate::catalog::RuleSpec;
use crate::engine::registry::{Built, Registry};
use serde_yaml::Mapping;

/// The built-in rules, for [`crate::engine::Engine::new`].
pub const REGISTRY: Registry = Registry {
    build,
    claim_rules: &[
        super::claim_period_mismatch::ID,
        super::claim_value_mismatch::ID,
        super::claim_hedge_conflict::ID,
        super::claim_scale_mismatch::ID,
        super::claim_direction_mismatch::ID,
    ],
};

pub use super::BUILTINS;

/// Build the implementation of `spec`. `Ok(None)` for a catalogue entry with
/// no implementation (the catalogue test forbids those among built-ins).
pub fn build(spec: &RuleSpec, options: Mapping) -> Result<Option<Built>, String> {
    if let Some(pattern) = &spec.pattern {
        let rule = super::pattern::PatternRule::new(&spec.id, pattern)?;
        return Ok(Some(Built::Document(Box::new(rule))));
    }
    match BUILTINS.iter().find(|(id, _)| *id == spec.id) {
        Some((_, build)) => build(options).map(Some),
        None => Ok(None),
    }
}
