//! `date-order`: dates that must come in order (created ≤ published ≤ updated).

use super::field_span;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::document::dates;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "date-order";

/// Options of `date-order`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateOrder {
    /// `[earlier, later]` field pairs.
    pub pairs: Vec<[String; 2]>,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<DateOrder>(o)?)))
}

impl DocumentRule for DateOrder {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        let date = |f: &str| fm.get_text(f).and_then(|v| dates::parse(&v).ok());
        for [earlier, later] in &self.pairs {
            let (Some(a), Some(b)) = (date(earlier), date(later)) else {
                continue;
            };
            if a <= b {
                continue;
            }
            let gap = (a - b).num_days();
            let days = if gap == 1 {
                "1 day".to_string()
            } else {
                format!("{gap} days")
            };
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    field_span(doc, earlier),
                    format!("`{earlier}` {a} is {days} after `{later}` {b}"),
                )
                .with_label(format!("{days} after {later}"))
                .with_related(
                    doc.source.id,
                    field_span(doc, later),
                    format!("`{later}` is {b}"),
                )
                .with_help(format!(
                    "`{earlier}` must be on or before `{later}`; correct whichever date is wrong"
                )),
            );
        }
    }
}
