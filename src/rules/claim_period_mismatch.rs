//! `claim-period-mismatch`: the same figure framed as a multi-year total in
//! one place and as a yearly rate in another.

use super::claim_conflict::{self, Wording};
use crate::claims::{Claim, ConflictKind};
use crate::engine::registry::Built;

/// Rule id.
pub const ID: &str = "claim-period-mismatch";

/// Build from options (`min_confidence`).
pub fn build(options: serde_yaml::Mapping) -> Result<Built, String> {
    claim_conflict::build(ID, ConflictKind::Period, WORDING, options)
}

/// "same figure `40%` is cumulative through 2027 here but a year-over-year
/// rate in `b.md`"; "same figure `193,100` is over 2023-2033 here but
/// `193,100 per year` in 2024 in `b.md`".
const WORDING: Wording = |here: &Claim, there: &Claim, place: &str, out: &mut String| {
    out.push_str("same figure `");
    here.write_figure(out);
    out.push_str("` is ");
    here.write_period(out);
    out.push_str(" here but ");
    // "each year" lives in the figure, not its period: show it.
    if here.per != there.per {
        out.push('`');
        there.write_figure(out);
        out.push_str("` ");
    }
    there.write_period(out);
    out.push(' ');
    out.push_str(place);
};
