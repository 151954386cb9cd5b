//! `front-matter-invalid`: a front-matter block that cannot be read.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Format, Problem, Span};
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};

/// Rule id.
pub const ID: &str = "front-matter-invalid";

/// The rule (no options).
pub struct FrontMatterInvalid;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(FrontMatterInvalid)))
}

impl DocumentRule for FrontMatterInvalid {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(fm) = &doc.front_matter else { return };
        let Some(problem) = &fm.problem else { return };
        let (lang, delim) = match fm.format {
            Format::Yaml => ("YAML", "---"),
            Format::Toml => ("TOML", "+++"),
        };
        let text = doc.text();
        let d = match problem {
            Problem::Unterminated => Diagnostic::new(
                ID,
                doc.source.id,
                fm.opening,
                format!("front matter opened with `{delim}` is never closed"),
            )
            .with_label("opened here")
            .with_help(format!("add a `{delim}` line after the last field")),
            Problem::Syntax { message, at } if message.contains("duplicate entry") => {
                // Reported with its key by `front-matter-duplicate-key`.
                let _ = at;
                return;
            }
            Problem::TooComplex { message, at } => Diagnostic::new(
                ID,
                doc.source.id,
                *at,
                format!("front matter is too large or complex to read: {message}"),
            )
            .with_label("here")
            .with_help("keep front matter to plain fields; move large data out of the article"),
            Problem::Syntax { message, at } if message.contains("recursion limit") => {
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    *at,
                    format!("front matter is not valid {lang}: {message}"),
                )
                .with_label("parser stopped here")
                .with_help("nest lists and mappings fewer levels deep")
            }
            Problem::Syntax { message, at } => {
                let end = text[at.start..]
                    .chars()
                    .next()
                    .map_or(at.start, |c| at.start + c.len_utf8());
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    Span::new(at.start, end),
                    format!("front matter is not valid {lang}: {message}"),
                )
                .with_label("parser stopped here")
                .with_help("quote values that contain `: `, `#` or start with a special character")
            }
            Problem::NotMapping => Diagnostic::new(
                ID,
                doc.source.id,
                fm.content,
                "front matter is not a list of `key: value` fields",
            )
            .with_help("write one `key: value` per line"),
        };
        out.push(d);
    }
}
