//! `claim-value-mismatch`: two claims about the same quantity and period
//! whose figures differ beyond tolerance.

use super::claim_conflict::{self, Wording};
use crate::claims::{Claim, ConflictKind};
use crate::engine::registry::Built;

/// Rule id.
pub const ID: &str = "claim-value-mismatch";

/// Build from options (`min_confidence`).
pub fn build(options: serde_yaml::Mapping) -> Result<Built, String> {
    claim_conflict::build(ID, ConflictKind::Value, WORDING, options)
}

/// "`$48,000` in 2023 here contradicts `$61,590` in 2023 in `b.md`".
const WORDING: Wording = |here: &Claim, there: &Claim, place: &str, out: &mut String| {
    here.write_framed(out);
    out.push_str(" here contradicts ");
    there.write_framed(out);
    out.push(' ');
    out.push_str(place);
};
