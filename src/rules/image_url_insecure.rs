//! `image-url-insecure`: an image loaded over plain `http:`.

use super::image_url::{Reference, classify, image_refs};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Span};
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;

/// Rule id.
pub const ID: &str = "image-url-insecure";

/// Options of `image-url-insecure`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageUrlInsecure {
    /// Front-matter fields holding image URLs.
    pub fields: Vec<String>,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<ImageUrlInsecure>(o)?)))
}

impl DocumentRule for ImageUrlInsecure {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        for r in image_refs(doc, &self.fields) {
            if classify(&r.value) != Reference::Url
                || !r
                    .value
                    .trim_start()
                    .to_ascii_lowercase()
                    .starts_with("http://")
            {
                continue;
            }
            let text = &doc.text()[r.span.range()];
            let mut d = Diagnostic::new(
                ID,
                doc.source.id,
                r.span,
                format!("{} `{}` is loaded over `http:`", r.origin, r.value),
            )
            .with_label("not https")
            .with_help(
                "use `https://`; browsers block or warn about insecure images on secure pages",
            );
            if text.to_ascii_lowercase().starts_with("http://") {
                // Whether the host serves https is unknown offline: unsafe.
                d = d.with_fix(Fix::unsafe_edit(
                    "Replace `http://` with `https://`",
                    Span::new(r.span.start, r.span.start + 7),
                    "https://",
                ));
            }
            out.push(d);
        }
    }
}
