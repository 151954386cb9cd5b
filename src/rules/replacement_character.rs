//! `replacement-character`: U+FFFD in the text, the mark of characters a
//! bad conversion already lost. Nothing can restore them automatically.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Span};
use crate::engine::registry::Built;
use crate::engine::{Context, DocumentRule};

/// Rule id.
pub const ID: &str = "replacement-character";

/// The rule (no options).
pub struct ReplacementCharacter;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(ReplacementCharacter)))
}

impl DocumentRule for ReplacementCharacter {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let mut runs: Vec<Span> = Vec::new();
        for (i, _) in text.match_indices('\u{FFFD}') {
            match runs.last_mut() {
                Some(last) if last.end == i => last.end = i + 3,
                _ => runs.push(Span::new(i, i + 3)),
            }
        }
        for run in runs {
            if doc.body.span.contains(run) && doc.body.is_masked(run) {
                continue;
            }
            let n = run.len() / 3;
            let what = if n == 1 {
                "a character".to_string()
            } else {
                format!("{n} characters")
            };
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    run,
                    format!("`\u{FFFD}` marks {what} lost in a bad encoding conversion"),
                )
                .with_label("lost text")
                .with_help("retype the missing text from the original source"),
            );
        }
    }
}
