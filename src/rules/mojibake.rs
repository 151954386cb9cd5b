//! `mojibake`: UTF-8 text that went through a wrong single-byte decoding
//! (`â€“` for `–`). Detection and repair live in [`crate::mojibake`]; this
//! rule keeps Markdown in mind: code, raw HTML and link destinations are left
//! alone, prose, headings, link text, alt text and front-matter values are
//! checked and repaired.

use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Span};
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};
use std::borrow::Cow;

/// Rule id.
pub const ID: &str = "mojibake";

/// The rule (no options).
pub struct Mojibake;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(Mojibake)))
}

/// Whether a span is text a writer wrote as prose (not code, HTML or a URL).
fn is_prose(doc: &Document, span: Span) -> bool {
    !(doc.body.span.contains(span) && doc.body.is_masked(span))
}

/// The text with code, raw HTML and URLs blanked to spaces of the same byte
/// length: mojibake shown on purpose in code must neither be repaired nor
/// count as evidence for repairing the prose around it.
fn prose_text<'a>(doc: &Document<'a>) -> Cow<'a, str> {
    let text = doc.text();
    if doc.body.masked.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for m in &doc.body.masked {
        if let Some(range) = bytes.get_mut(m.range()) {
            range.fill(b' ');
        }
    }
    // Masked spans start and end on character boundaries, so this holds.
    String::from_utf8(bytes).map_or(Cow::Borrowed(text), Cow::Owned)
}

impl DocumentRule for Mojibake {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        if !crate::mojibake::may_contain(doc.text()) {
            return;
        }
        let prose = prose_text(doc);
        let text: &str = &prose;
        let (repairs, lost_runs) = crate::mojibake::analyse(text);
        for repair in repairs {
            let span = Span::from(repair.range.clone());
            if !is_prose(doc, span) {
                continue;
            }
            let (was, should) = (&repair.original, &repair.replacement);
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    span,
                    format!("`{was}` is mojibake for `{should}`"),
                )
                .with_label(format!("should read `{should}`"))
                .with_help(format!(
                    "the text was decoded wrongly ({}); `--fix` repairs it (or the `copydesk-fix` hook)",
                    repair.path
                ))
                .with_fix(Fix::safe(
                    format!("Replace `{was}` with `{should}`"),
                    span,
                    should.clone(),
                )),
            );
        }
        for lost in lost_runs {
            let span = Span::from(lost.range.clone());
            if !is_prose(doc, span) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    span,
                    format!(
                        "`{}` is mojibake that cannot be repaired safely",
                        lost.original
                    ),
                )
                .with_label("damaged text")
                .with_help(format!("{}; retype it from the original", lost.reason)),
            );
        }
    }
}
