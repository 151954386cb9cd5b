//! `claim-hedge-conflict`: a hedged figure ("about 40%", "more than half")
//! whose range excludes the other claim's figure.

use super::claim_conflict::{self, Wording};
use crate::claims::{Claim, ConflictKind, Hedge};
use crate::engine::registry::Built;

/// Rule id.
pub const ID: &str = "claim-hedge-conflict";

/// Build from options (`min_confidence`).
pub fn build(options: serde_yaml::Mapping) -> Result<Built, String> {
    claim_conflict::build(ID, ConflictKind::Hedge, WORDING, options)
}

/// "hedged `about 40%` here excludes `55%` in `b.md`", the hedged claim
/// first wherever it is.
const WORDING: Wording = |here: &Claim, there: &Claim, place: &str, out: &mut String| {
    let (hedged, who, other, other_place) = if here.hedge != Hedge::Exact {
        (here, "here", there, place)
    } else {
        (there, place, here, "here")
    };
    out.push_str("hedged ");
    hedged.write_framed(out);
    out.push(' ');
    out.push_str(who);
    out.push_str(" excludes ");
    other.write_framed(out);
    out.push(' ');
    out.push_str(other_place);
};
