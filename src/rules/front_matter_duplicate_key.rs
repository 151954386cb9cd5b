//! `front-matter-duplicate-key`: a key written twice in the front matter.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::document::front_matter::Field;
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};
use std::collections::HashMap;

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
        // The first field of each key, looked up, not searched for: a block
        // of 60,000 keys took seconds (issue 13).
        let mut firsts: HashMap<&str, &Field> = HashMap::with_capacity(fm.fields.len());
        for field in &fm.fields {
            let first = *firsts.entry(field.key.as_str()).or_insert(field);
            if !std::ptr::eq(first, field) {
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
