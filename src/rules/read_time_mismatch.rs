//! `read-time-mismatch`: a stated reading time far from what the body's word
//! count gives at the configured reading speed.

use super::field_span;
use super::read_time_invalid::parse_minutes;
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::Document;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "read-time-mismatch";

/// Options of `read-time-mismatch`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadTimeMismatch {
    /// The read-time field.
    pub field: String,
    /// Reading speed.
    pub words_per_minute: f64,
    /// Minimum gap, in minutes, to report.
    pub tolerance_minutes: f64,
    /// Minimum gap, as a fraction of the measured time, to report.
    pub tolerance_ratio: f64,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    let rule = options::<ReadTimeMismatch>(o)?;
    if rule.words_per_minute <= 0.0 {
        return Err("`words_per_minute` must be positive".into());
    }
    Ok(Built::Document(Box::new(rule)))
}

impl DocumentRule for ReadTimeMismatch {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(value) = doc.field_text(&self.field) else {
            return;
        };
        let Some(stated) = parse_minutes(&value) else {
            return;
        };
        let words = doc.body.words;
        let measured = words as f64 / self.words_per_minute;
        let gap = (stated - measured).abs();
        if gap <= self.tolerance_minutes || gap <= self.tolerance_ratio * measured {
            return;
        }
        let about = measured.round().max(1.0) as u64;
        let wpm = self.words_per_minute;
        let span = field_span(doc, &self.field);
        let replacement = rewrite(&value, about);
        let mut d = Diagnostic::new(
            ID,
            doc.source.id,
            span,
            format!(
                "read time is off: stated {} min, {words} words, about {about} min at {wpm} wpm",
                fmt_minutes(stated)
            ),
        )
        .with_label(format!("about {about} min"))
        .with_help(format!(
            "set `{}` to about {about} min, or check the body is complete",
            self.field
        ));
        if let Some(r) = replacement {
            d = d.with_fix(Fix::unsafe_edit(
                format!("Replace `{value}` with `{r}`"),
                span,
                r,
            ));
        }
        out.push(d);
    }
}

fn fmt_minutes(m: f64) -> String {
    if m.fract() == 0.0 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    }
}

/// The value rewritten with `minutes`, keeping its spelling (`8 mins` →
/// `3 mins`). `None` for ISO durations with hours, which we do not rewrite.
fn rewrite(value: &str, minutes: u64) -> Option<String> {
    let trimmed = value.trim();
    let digits_end = trimmed.find(|c: char| !(c.is_ascii_digit() || c == '.'));
    if trimmed.to_ascii_uppercase().starts_with("PT") {
        return (!trimmed.to_ascii_uppercase().contains('H')).then(|| format!("PT{minutes}M"));
    }
    let rest = digits_end.map_or("", |i| &trimmed[i..]);
    let rest = match (minutes, rest) {
        (1, r) if r.trim_start().starts_with("mins") => r.replacen("mins", "min", 1),
        (1, r) if r.trim_start().starts_with("minutes") => r.replacen("minutes", "minute", 1),
        (_, r) if minutes != 1 && r.trim_start() == "minute" => r.replacen("minute", "minutes", 1),
        (_, r) => r.to_string(),
    };
    Some(format!("{minutes}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn rewrite_keeps_the_spelling() {
        assert_eq!(rewrite("8 mins", 3).as_deref(), Some("3 mins"));
        assert_eq!(rewrite("8 min read", 3).as_deref(), Some("3 min read"));
        assert_eq!(rewrite("14 mins", 1).as_deref(), Some("1 min"));
        assert_eq!(rewrite("PT8M", 2).as_deref(), Some("PT2M"));
        assert_eq!(rewrite("8", 2).as_deref(), Some("2"));
    }
}
