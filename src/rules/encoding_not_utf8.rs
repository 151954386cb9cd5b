//! `encoding-not-utf8`: a file stored in a legacy encoding or UTF-16. The
//! transcoding itself is a whole-file fix done by `fix/` when `--fix` is given.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::{Document, Span};
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};
use crate::source::Encoding;

/// Rule id.
pub const ID: &str = "encoding-not-utf8";

/// The rule (no options).
pub struct EncodingNotUtf8;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(EncodingNotUtf8)))
}

impl DocumentRule for EncodingNotUtf8 {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let decoded = &doc.source.decoded;
        let how = match decoded.encoding {
            Encoding::Utf8 => return,
            Encoding::Utf16(e) => format!("{} (byte order mark)", e.name()),
            Encoding::Legacy(e) => format!("{} (detected)", e.name()),
            Encoding::MixedUtf8 { stray } => {
                let bytes = if stray == 1 {
                    "1 stray byte".to_string()
                } else {
                    format!("{stray} stray bytes")
                };
                format!("UTF-8 with {bytes} of windows-1252")
            }
        };
        let first_line_end = doc.text().find('\n').unwrap_or(doc.text().len());
        let first_line = doc.text()[..first_line_end].trim_end_matches('\r');
        out.push(
            Diagnostic::new(
                ID,
                doc.source.id,
                Span::new(0, first_line.len()),
                format!("file is encoded as {how}, not UTF-8"),
            )
            .with_help("run `copydesk check --fix` to convert it to UTF-8, or re-save it as UTF-8")
            // The edit list is empty: the fix rewrites the file's bytes, not its text.
            .with_fix(Fix {
                title: "Rewrite the file as UTF-8".into(),
                edits: Vec::new(),
                applicability: Applicability::Safe,
            }),
        );
    }
}
