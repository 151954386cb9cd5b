//! Built-in rule implementations, one file per rule named after its id, plus
//! the shared pieces several rules use ([`image_url`], [`pattern`],
//! [`claim_conflict`]) and the [`registry`] that names them all.
//! What each rule means for a writer is documented in `rules/<id>.yaml`.

pub mod image_url;
pub mod pattern;
pub mod registry;

pub mod claim_conflict;
pub mod claim_direction_mismatch;
pub mod claim_fact_mismatch;
pub mod claim_hedge_conflict;
pub mod claim_period_mismatch;
pub mod claim_scale_mismatch;
pub mod claim_value_mismatch;
pub mod date_in_future;
pub mod date_invalid;
pub mod date_order;
pub mod encoding_not_utf8;
pub mod field_missing;
pub mod front_matter_duplicate_key;
pub mod front_matter_invalid;
pub mod image_alt_missing;
pub mod image_not_found;
pub mod image_url_insecure;
pub mod image_url_invalid;
pub mod mojibake;
pub mod read_time_invalid;
pub mod read_time_mismatch;
pub mod replacement_character;

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
