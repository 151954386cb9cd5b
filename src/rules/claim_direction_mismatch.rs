//! `claim-direction-mismatch`: the same change reported as a rise in one
//! place and a fall in another.

use super::claim_conflict::{self, Wording};
use crate::claims::{Claim, ConflictKind};
use crate::engine::registry::Built;

/// Rule id.
pub const ID: &str = "claim-direction-mismatch";

/// Build from options (`min_confidence`).
pub fn build(options: serde_yaml::Mapping) -> Result<Built, String> {
    claim_conflict::build(ID, ConflictKind::Direction, WORDING, options)
}

/// "`18%` in 2023 is a rise here but `-18%` in 2023 is a fall in `b.md`".
const WORDING: Wording = |here: &Claim, there: &Claim, place: &str, out: &mut String| {
    let word = |d: i8| if d > 0 { "a rise" } else { "a fall" };
    here.write_framed(out);
    out.push_str(" is ");
    out.push_str(word(here.direction));
    out.push_str(" here but ");
    there.write_framed(out);
    out.push_str(" is ");
    out.push_str(word(there.direction));
    out.push(' ');
    out.push_str(place);
};
