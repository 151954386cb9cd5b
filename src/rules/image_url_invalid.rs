//! `image-url-invalid`: an image URL that is malformed or does not point at an image.

use super::image_url::{Reference, classify, extension_problem, image_refs, url_problems};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "image-url-invalid";

/// Options of `image-url-invalid`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageUrlInvalid {
    /// Front-matter fields holding image URLs.
    pub fields: Vec<String>,
    /// Accepted image extensions.
    pub extensions: Vec<String>,
    /// Report URLs with no extension (and no query string).
    pub require_extension: bool,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<ImageUrlInvalid>(o)?)))
}

impl DocumentRule for ImageUrlInvalid {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for r in image_refs(doc, &self.fields) {
            let problems = match classify(&r.value) {
                Reference::Url => url_problems(&r.value, &self.extensions, self.require_extension),
                Reference::Path => {
                    let mut p = Vec::new();
                    if r.value.chars().any(char::is_whitespace) {
                        p.push(
                            "contains spaces (encode them as `%20` or rename the file)".to_string(),
                        );
                    }
                    p.extend(extension_problem(&r.value, &self.extensions, false));
                    p
                }
                Reference::Skip => continue,
            };
            if problems.is_empty() {
                continue;
            }
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    r.span,
                    format!("{} `{}` {}", r.origin, r.value, problems.join("; ")),
                )
                .with_label(problems[0].clone())
                .with_help("use a full `https://` URL to an image file (.jpg, .png, .webp, ...)"),
            );
        }
    }
}
