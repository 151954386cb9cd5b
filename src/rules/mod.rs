//! Built-in rule implementations, one file per rule named after its id, plus
//! the shared pieces several rules use ([`image_url`], [`pattern`],
//! [`claim_conflict`]) and the [`registry`] that names them all.
//! What each rule means for a writer is documented in `rules/<id>.yaml`.

pub mod image_url;
pub mod pattern;
pub mod registry;

pub mod claim_conflict;

/// Declares the built-in rules implemented in Rust: a module per rule, named
/// after its id, each with `ID` and `build`, and [`BUILTINS`] listing them.
/// Adding a rule is its file and one line in the list below (plus its
/// `rules/<id>.yaml` and `fixtures/<id>/`: see CONTRIBUTING.md).
macro_rules! builtin_rules {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every built-in rule implemented in Rust: (id, constructor), in
        /// alphabetical order.
        pub const BUILTINS: &[(&str, crate::engine::registry::Constructor)] =
            &[$(($module::ID, $module::build)),*];
    };
}

builtin_rules! {
    claim_direction_mismatch,
    claim_fact_mismatch,
    claim_hedge_conflict,
    claim_period_mismatch,
    claim_scale_mismatch,
    claim_value_mismatch,
    date_in_future,
    date_invalid,
    date_order,
    encoding_not_utf8,
    field_missing,
    front_matter_duplicate_key,
    front_matter_invalid,
    image_alt_missing,
    image_not_found,
    image_url_insecure,
    image_url_invalid,
    mojibake,
    read_time_invalid,
    read_time_mismatch,
    replacement_character,
    suppression_rule_unknown,
}

use crate::document::{Document, Span};

/// Where to point for front-matter field `key`: its value, else its key,
/// else the opening delimiter, else the start of the file.
pub fn field_span(doc: &Document, key: &str) -> Span {
    match &doc.front_matter {
        Some(fm) => match fm.field(key) {
            Some(f) if !f.value_span.is_empty() => f.value_span,
            Some(f) => f.key_span,
            None => fm.opening,
        },
        None => Span::new(0, 0),
    }
}
