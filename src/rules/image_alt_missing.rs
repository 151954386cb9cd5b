//! `image-alt-missing`: a body image with no alt text.

use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};

/// Rule id.
pub const ID: &str = "image-alt-missing";

/// The rule (no options).
pub struct ImageAltMissing;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(ImageAltMissing)))
}

impl DocumentRule for ImageAltMissing {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for img in &doc.body.images {
            if img.alt.trim().is_empty() {
                out.push(
                    Diagnostic::new(
                        ID,
                        doc.source.id,
                        img.span,
                        format!("image `{}` has no alt text", img.dest),
                    )
                    .with_label("empty alt text")
                    .with_help("describe the image between the brackets: `![what it shows](...)`"),
                );
            }
        }
    }
}
