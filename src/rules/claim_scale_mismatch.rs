//! `claim-scale-mismatch`: the same digits with scale words a thousand
//! times or more apart ("$1.8 million" against "$1.8 billion").

use super::claim_conflict::{self, Wording};
use crate::claims::{Claim, ConflictKind};
use crate::engine::registry::Built;

/// Rule id.
pub const ID: &str = "claim-scale-mismatch";

/// Build from options (`min_confidence`).
pub fn build(options: serde_yaml::Mapping) -> Result<Built, String> {
    claim_conflict::build(ID, ConflictKind::Scale, WORDING, options)
}

/// "`$1.8 million` here but `$1.8 billion` in `b.md`: the same digits with
/// scale words 1000x apart".
const WORDING: Wording = |here: &Claim, there: &Claim, place: &str, out: &mut String| {
    here.write_framed(out);
    out.push_str(" here but ");
    there.write_framed(out);
    out.push(' ');
    out.push_str(place);
    out.push_str(": the same digits with scale words ");
    match (there.scale - here.scale).abs() {
        3 => out.push_str("1000"),
        6 => out.push_str("a million"),
        9 => out.push_str("a billion"),
        gap => {
            out.push_str("10^");
            out.push_str(&gap.to_string());
        }
    }
    out.push_str("x apart");
};
