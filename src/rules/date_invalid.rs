//! `date-invalid`: a configured date field whose value is not a real date.

use super::field_span;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::document::dates::{self, DateError};
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "date-invalid";

/// Options of `date-invalid`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateInvalid {
    /// Front-matter fields holding dates.
    pub fields: Vec<String>,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<DateInvalid>(o)?)))
}

impl DocumentRule for DateInvalid {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        for field in &self.fields {
            let Some(value) = fm.get_text(field) else {
                continue;
            };
            let reason = match dates::parse(&value) {
                Ok(_) => continue,
                Err(DateError::NoSuchDay(why)) => format!("`{value}` is not a real date: {why}"),
                Err(DateError::NotADate) => format!("`{value}` is not a date"),
            };
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    field_span(doc, field),
                    format!("`{field}` {reason}"),
                )
                .with_label("no such date")
                .with_help("write the date as YYYY-MM-DD, and check the day exists"),
            );
        }
    }
}
