//! `date-in-future`: a publish date after today on an article not marked as a draft.

use super::field_span;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::document::dates;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "date-in-future";

/// Options of `date-in-future`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateInFuture {
    /// Fields holding the publication date.
    pub fields: Vec<String>,
    /// Field that marks a draft when `true`.
    pub draft_field: String,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<DateInFuture>(o)?)))
}

impl DocumentRule for DateInFuture {
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        if fm.get(&self.draft_field).and_then(|v| v.as_bool()) == Some(true) {
            return;
        }
        for field in &self.fields {
            let Some(date) = fm.get_text(field).and_then(|v| dates::parse(&v).ok()) else {
                continue;
            };
            if date <= ctx.today {
                continue;
            }
            let days = (date - ctx.today).num_days();
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    field_span(doc, field),
                    format!(
                        "`{field}` {date} is {days} days in the future (today is {})",
                        ctx.today
                    ),
                )
                .with_label("in the future")
                .with_help(format!(
                    "correct the date, or mark the article `{}: true` until it is due",
                    self.draft_field
                )),
            );
        }
    }
}
