//! The built-in rules by id: each rule implemented in Rust is registered
//! here in alphabetical order. Pattern rules declared in YAML need no entry,
//! they all share [`super::pattern::PatternRule`]. The engine is given
//! [`REGISTRY`]; it never names a rule itself.

use crate::catalog::RuleSpec;
use crate::engine::registry::{Built, Constructor, Registry};
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

/// Every built-in rule implemented in Rust: (id, constructor).
pub const BUILTINS: &[(&str, Constructor)] = &[
    (
        super::claim_direction_mismatch::ID,
        super::claim_direction_mismatch::build,
    ),
    (
        super::claim_fact_mismatch::ID,
        super::claim_fact_mismatch::build,
    ),
    (
        super::claim_hedge_conflict::ID,
        super::claim_hedge_conflict::build,
    ),
    (
        super::claim_period_mismatch::ID,
        super::claim_period_mismatch::build,
    ),
    (
        super::claim_scale_mismatch::ID,
        super::claim_scale_mismatch::build,
    ),
    (
        super::claim_value_mismatch::ID,
        super::claim_value_mismatch::build,
    ),
    (super::date_in_future::ID, super::date_in_future::build),
    (super::date_invalid::ID, super::date_invalid::build),
    (super::date_order::ID, super::date_order::build),
    (
        super::encoding_not_utf8::ID,
        super::encoding_not_utf8::build,
    ),
    (super::field_missing::ID, super::field_missing::build),
    (
        super::front_matter_duplicate_key::ID,
        super::front_matter_duplicate_key::build,
    ),
    (
        super::front_matter_invalid::ID,
        super::front_matter_invalid::build,
    ),
    (
        super::image_alt_missing::ID,
        super::image_alt_missing::build,
    ),
    (super::image_not_found::ID, super::image_not_found::build),
    (
        super::image_url_insecure::ID,
        super::image_url_insecure::build,
    ),
    (
        super::image_url_invalid::ID,
        super::image_url_invalid::build,
    ),
    (super::mojibake::ID, super::mojibake::build),
    (
        super::read_time_invalid::ID,
        super::read_time_invalid::build,
    ),
    (
        super::read_time_mismatch::ID,
        super::read_time_mismatch::build,
    ),
    (
        super::replacement_character::ID,
        super::replacement_character::build,
    ),
];

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
