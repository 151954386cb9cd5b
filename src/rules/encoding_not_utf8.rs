//! `encoding-not-utf8`: a file stored in a legacy encoding or UTF-16. The
//! transcoding itself is a whole-file fix done by `fix/` when `--fix` is given.

use crate::diagnostic::{Diagnostic, Fix};
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
        let first_line_end = doc.text().find('\n').unwrap_or(doc.text().len());
        let first_line = doc.text()[..first_line_end].trim_end_matches('\r');
        let span = Span::new(0, first_line.len());
        let how = match decoded.encoding {
            Encoding::Utf8 if decoded.lossy => {
                // Issue 13: no fix, the malformed bytes would become U+FFFD.
                out.push(
                    Diagnostic::new(
                        ID,
                        doc.source.id,
                        span,
                        "file is not valid UTF-8: it holds malformed or cut byte sequences",
                    )
                    .with_help(
                        "find the bad bytes (e.g. `grep -naxv '.*' FILE`) and retype those \
                         characters; copydesk does not rewrite the file, that would lose them",
                    ),
                );
                return;
            }
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
        let diagnostic = Diagnostic::new(
            ID,
            doc.source.id,
            span,
            format!("file is encoded as {how}, not UTF-8"),
        );
        // Converting must keep every character as it is: never write U+FFFD
        // or a NUL that was not in the file (issue 13).
        let refusal = if decoded.lossy {
            Some(
                "it does not decode without loss (malformed sequences, or bytes that do not read back the same)",
            )
        } else if doc.text().contains('\0') {
            Some("it holds a NUL character, and tools would take the UTF-8 file for a binary one")
        } else if doc.text().is_empty() {
            Some("it holds no text")
        } else {
            None
        };
        out.push(match refusal {
            Some(why) => diagnostic.with_help(format!(
                "copydesk does not convert this file: {why}; re-save it as UTF-8 in an editor"
            )),
            None => diagnostic
                .with_help(
                    "run `copydesk check --fix` to convert it to UTF-8, or re-save it as UTF-8",
                )
                .with_fix(Fix::store_as_utf8("Rewrite the file as UTF-8")),
        });
    }
}
