//! `read-time-invalid`: a read-time value copydesk cannot understand, and the
//! parser of read-time values shared with `read-time-mismatch`.

use super::field_span;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;
use std::sync::LazyLock;

/// Rule id.
pub const ID: &str = "read-time-invalid";

/// Options of `read-time-invalid`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadTimeInvalid {
    /// The read-time field.
    pub field: String,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<ReadTimeInvalid>(o)?)))
}

impl DocumentRule for ReadTimeInvalid {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(value) = doc.field_text(&self.field) else {
            return;
        };
        if parse_minutes(&value).is_none() {
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    field_span(doc, &self.field),
                    format!(
                        "`{}` value `{}` is not a reading time",
                        self.field,
                        shortened(&value)
                    ),
                )
                .with_label("not understood")
                .with_help("write minutes, e.g. `8 mins`, `8 min read`, `8` or `PT8M`"),
            );
        }
    }
}

/// `value`, or its start and an ellipsis when it is long (a 10,000-digit
/// value made a 10,000-character message).
fn shortened(value: &str) -> String {
    const MAX: usize = 40;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_string(),
    }
}

static MINUTES: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minute|minutes)?\.?(?:\s+(?:read|reading|to read|read time))?$")
        .expect("static regex")
});
static ISO: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"(?i)^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$").expect("static regex")
});

/// Minutes stated by a read-time value: `8 mins`, `8 min read`, `8 minutes`,
/// `8`, `PT8M`. `None` when it is not one of those forms or not positive.
pub fn parse_minutes(value: &str) -> Option<f64> {
    let value = value.trim();
    let minutes = if let Some(c) = MINUTES.captures(value) {
        c[1].parse::<f64>().ok()?
    } else if let Some(c) = ISO.captures(value) {
        let part = |i: usize| c.get(i).map_or(Ok(0.0), |m| m.as_str().parse::<f64>());
        if c.get(1).is_none() && c.get(2).is_none() && c.get(3).is_none() {
            return None;
        }
        part(1).ok()? * 60.0 + part(2).ok()? + part(3).ok()? / 60.0
    } else {
        return None;
    };
    // A 10,000-digit value parses as infinity and 2^64 as a number no
    // article takes to read: neither is a reading time (issue 13).
    (minutes > 0.0 && minutes <= MAX_MINUTES).then_some(minutes)
}

/// The longest reading time taken at face value: a week, around the clock.
const MAX_MINUTES: f64 = 7.0 * 24.0 * 60.0;

#[cfg(test)]
mod tests {
    use super::parse_minutes;

    #[test]
    fn common_spellings_parse() {
        for v in [
            "8 mins",
            "8 min read",
            "8 minutes",
            "8",
            "PT8M",
            "8min",
            "8 Min Read",
        ] {
            assert_eq!(parse_minutes(v), Some(8.0), "{v}");
        }
        assert_eq!(parse_minutes("PT1H30M"), Some(90.0));
        assert_eq!(parse_minutes("about eight"), None);
        assert_eq!(parse_minutes("0 mins"), None);
    }

    #[test]
    fn issue_13_huge_values_are_not_reading_times() {
        assert_eq!(parse_minutes(&"9".repeat(10_000)), None);
        assert_eq!(parse_minutes("18446744073709551616"), None);
        assert_eq!(parse_minutes("18446744073709551616 min"), None);
        assert_eq!(parse_minutes("PT18446744073709551616M"), None);
        assert_eq!(parse_minutes("10080"), Some(10080.0));
        assert_eq!(parse_minutes("10081"), None);
    }
}
