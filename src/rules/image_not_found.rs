//! `image-not-found`: a relative image path that exists neither beside the
//! article nor in a static folder.

use super::image_url::{Reference, classify, image_refs};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::{Built, options};
use crate::engine::{Context, DocumentRule};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Rule id.
pub const ID: &str = "image-not-found";

/// Options of `image-not-found`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageNotFound {
    /// Front-matter fields holding image paths.
    pub fields: Vec<String>,
    /// Folders, relative to the config's folder, where `/img/x.png` is looked up.
    pub static_dirs: Vec<String>,
}

/// Build from options.
pub fn build(o: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(options::<ImageNotFound>(o)?)))
}

impl DocumentRule for ImageNotFound {
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        if doc.source.path.as_os_str() == "-" {
            return;
        }
        let article_dir = doc.source.path.parent().unwrap_or(Path::new("."));
        // One look on disk per distinct path: an article may show one image
        // many times (and a hostile one, one image 80,000 times).
        let mut exists: HashMap<PathBuf, bool> = HashMap::new();
        for r in image_refs(doc, &self.fields) {
            if classify(&r.value) != Reference::Path {
                continue;
            }
            let raw = r.value.split(['?', '#']).next().unwrap_or_default();
            let decoded = raw.replace("%20", " ");
            let rel = decoded.trim_start_matches('/');
            let mut candidates = Vec::new();
            if !decoded.starts_with('/') {
                candidates.push(article_dir.join(rel));
            }
            candidates.extend(self.static_dirs.iter().map(|d| ctx.root.join(d).join(rel)));
            let found = candidates
                .iter()
                .any(|c| *exists.entry(c.clone()).or_insert_with(|| c.exists()));
            if found {
                continue;
            }
            let looked: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    r.span,
                    format!("{} `{}` does not exist", r.origin, r.value),
                )
                .with_label("file not found")
                .with_help(format!(
                    "looked in: {}; fix the path or add the file",
                    looked.join(", ")
                )),
            );
        }
    }
}
