//! `field-missing`: required front-matter fields that are absent or empty.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Span};
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "field-missing";

/// Options of `field-missing`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldMissing {
    /// Fields every article must have.
    pub required: Vec<String>,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<FieldMissing>(o)?)))
}

impl DocumentRule for FieldMissing {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        if self.required.is_empty() {
            return;
        }
        let Some(fm) = &doc.front_matter else {
            let list = self
                .required
                .iter()
                .map(|f| format!("`{f}`"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    Span::new(0, 0),
                    format!("article has no front matter, so it lacks {list}"),
                )
                .with_help("start the file with a `---` block holding the required fields"),
            );
            return;
        };
        let Some(mapping) = &fm.mapping else { return };
        for field in &self.required {
            let present = mapping.get(field.as_str()).is_some_and(|v| match v {
                serde_yaml::Value::Null => false,
                serde_yaml::Value::String(s) => !s.trim().is_empty(),
                _ => true,
            });
            if !present {
                let span = fm.field(field).map_or(fm.opening, |f| f.key_span);
                out.push(
                    Diagnostic::new(
                        ID,
                        doc.source.id,
                        span,
                        format!("required field `{field}` is missing or empty"),
                    )
                    .with_help(format!("add `{field}: ...` to the front matter")),
                );
            }
        }
    }
}
