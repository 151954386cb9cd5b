//! The document model: a decoded file split into front matter and a Markdown
//! body, with every position a [`Span`] into the whole file.

pub mod body;
pub mod dates;
pub mod front_matter;
pub mod line_index;
pub mod span;
pub mod yaml_limits;

pub use body::{Body, Image};
pub use front_matter::{Field, Format, FrontMatter, Problem};
pub use line_index::{LineCol, LineIndex};
pub use span::Span;

use crate::source::SourceFile;

/// One article, parsed.
#[derive(Debug)]
pub struct Document<'a> {
    /// The file it came from.
    pub source: &'a SourceFile,
    /// Its front matter, if it opens with one.
    pub front_matter: Option<FrontMatter>,
    /// Its body.
    pub body: Body,
}

impl<'a> Document<'a> {
    /// Split and parse `source`.
    pub fn parse(source: &'a SourceFile) -> Self {
        let text = source.text();
        let (front_matter, body_start) = match FrontMatter::split(text) {
            Some((fm, start)) => (Some(fm), start),
            None => (None, 0),
        };
        let body = Body::parse(text, body_start);
        Document {
            source,
            front_matter,
            body,
        }
    }

    /// The whole decoded text.
    pub fn text(&self) -> &'a str {
        self.source.text()
    }

    /// A front-matter scalar as text.
    pub fn field_text(&self, key: &str) -> Option<String> {
        self.front_matter.as_ref()?.get_text(key)
    }
}
