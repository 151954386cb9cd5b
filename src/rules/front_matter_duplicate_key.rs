//! `front-matter-duplicate-key`: a key written twice in the front matter.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};

/// Rule id.
pub const ID: &str = "front-matter-duplicate-key";

/// The rule (no options).
pub struct FrontMatterDuplicateKey;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(FrontMatterDuplicateKey)))
}

impl DocumentRule for FrontMatterDuplicateKey {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        for (i, field) in fm.fields.iter().enumerate() {
            if let Some(first) = fm.fields[..i].iter().find(|f| f.key == field.key) {
                out.push(
                    Diagnostic::new(
                        ID,
                        doc.source.id,
                        field.key_span,
                        format!("`{}` is set twice in the front matter", field.key),
                    )
                    .with_label("set again here")
                    .with_related(doc.source.id, first.key_span, "first set here")
                    .with_help("keep one of the two values and delete the other line"),
                );
            }
        }
    }
}
