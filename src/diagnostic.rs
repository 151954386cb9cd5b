//! Findings: what a rule reports, where, and how it could be fixed.
//! Diagnostics are values for reporters and the fixer; they are not errors.

use crate::document::Span;
use crate::source::FileId;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run unless `--fail-on info`.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: blocks publication by default.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// Whether `--fix` may apply a fix on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning; applied by `--fix`.
    Safe,
    /// May change meaning; applied only with `--unsafe-fixes`.
    Unsafe,
}

/// Replace the bytes of `span` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// What to replace, in the decoded text.
    pub span: Span,
    /// The new text.
    pub replacement: String,
}

/// A proposed repair: one or more edits applied together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the edit does, e.g. "Replace `â€“` with `–`".
    pub title: String,
    /// Non-overlapping edits.
    pub edits: Vec<Edit>,
    /// Safe or unsafe.
    pub applicability: Applicability,
    /// Whether the fix stores the file as UTF-8: a whole-file fix that
    /// changes no text, only the bytes it is written as (its edit list is
    /// empty).
    #[serde(skip)]
    pub store_as_utf8: bool,
}

impl Fix {
    /// The whole-file fix that rewrites a file's bytes as UTF-8.
    pub fn store_as_utf8(title: impl Into<String>) -> Self {
        Fix {
            title: title.into(),
            edits: Vec::new(),
            applicability: Applicability::Safe,
            store_as_utf8: true,
        }
    }

    /// A safe fix made of one edit.
    pub fn safe(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Self {
        Self::single(title, span, replacement, Applicability::Safe)
    }

    /// An unsafe fix made of one edit.
    pub fn unsafe_edit(
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
    ) -> Self {
        Self::single(title, span, replacement, Applicability::Unsafe)
    }

    fn single(
        title: impl Into<String>,
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            applicability,
            store_as_utf8: false,
        }
    }
}

/// A secondary place a finding involves, possibly in another file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Label {
    /// The file the label points into.
    pub file: FileId,
    /// Where.
    pub span: Span,
    /// What this place says.
    pub message: String,
}

/// Points at one claim of a run: `claims[doc][claim]`, the claims of
/// document `doc` in the order they were extracted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimRef {
    /// Index of the document.
    pub doc: usize,
    /// Index of the claim within the document's claims.
    pub claim: usize,
}

/// Structured detail of a finding, for machine output. Claim findings point
/// into the run's claims instead of copying them: a corpus can have hundreds
/// of thousands of findings, and the claims are serialised only when a
/// reporter asks for them.
#[derive(Debug, Clone, PartialEq)]
pub enum Data {
    /// Free-form JSON.
    Json(serde_json::Value),
    /// Two contradicting claims: the one reported on and the other one.
    ClaimPair {
        /// The claim the finding is on.
        claim: ClaimRef,
        /// The claim it contradicts.
        other: ClaimRef,
        /// How sure the match is (0 to 1).
        confidence: f64,
    },
    /// A claim that disagrees with an entry of the facts file.
    ClaimFact {
        /// The claim.
        claim: ClaimRef,
        /// Index of the fact in the facts file.
        fact: usize,
    },
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's id, e.g. `date-order` (borrowed for built-in rules: a
    /// large corpus has many findings).
    pub rule: Cow<'static, str>,
    /// Severity after configuration.
    pub severity: Severity,
    /// One sentence, offending text in backticks, no trailing period.
    pub message: String,
    /// File of the primary location.
    pub file: FileId,
    /// Primary location.
    pub span: Span,
    /// Short text under the primary underline.
    pub label: Option<String>,
    /// Other places involved (the other side of a contradiction, ...).
    pub related: Vec<Label>,
    /// How to fix it, in words.
    pub help: Option<Cow<'static, str>>,
    /// The repair, when one is known.
    pub fix: Option<Fix>,
    /// Rule-specific structured data for machine output (normalised claims, ...).
    pub data: Option<Data>,
}

impl Diagnostic {
    /// A diagnostic of `rule` at `span` of `file`; severity is set by the engine.
    pub fn new(
        rule: impl Into<Cow<'static, str>>,
        file: FileId,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule: rule.into(),
            severity: Severity::Error,
            message: visible(message.into()),
            file,
            span,
            label: None,
            related: Vec::new(),
            help: None,
            fix: None,
            data: None,
        }
    }

    /// Set the text under the primary underline.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(visible(label.into()));
        self
    }

    /// Set the help text.
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(match help.into() {
            Cow::Owned(text) => Cow::Owned(visible(text)),
            fixed => fixed,
        });
        self
    }

    /// Attach a fix.
    pub fn with_fix(mut self, mut fix: Fix) -> Self {
        fix.title = visible(fix.title);
        self.fix = Some(fix);
        self
    }

    /// Add a related location.
    pub fn with_related(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Label {
            file,
            span,
            message: visible(message.into()),
        });
        self
    }

    /// Attach structured data.
    pub fn with_data(mut self, data: Data) -> Self {
        self.data = Some(data);
        self
    }
}

/// Whether `c` changes the direction of the text around it: printed raw in
/// a message, it could reorder what the user reads (issue 13).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with bidirectional controls written as escapes (`\u{202E}`).
pub fn visible(text: String) -> String {
    // Every control is encoded from a 0xD8 or 0xE2 lead byte: most text
    // has neither, and needs no decoding (this runs on every message).
    if memchr::memchr2(0xD8, 0xE2, text.as_bytes()).is_none() || !text.chars().any(is_bidi_control)
    {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi_control(c) {
            out.push_str(&format!("\\u{{{:04X}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_escaped_and_other_text_kept() {
        // `visible` skips text without the lead bytes of the controls.
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_bidi_control(c))
        {
            let lead = c.to_string().as_bytes()[0];
            assert!(lead == 0xD8 || lead == 0xE2, "{c:?}");
            assert_eq!(
                visible(format!("a{c}b")),
                format!("a\\u{{{:04X}}}b", c as u32)
            );
        }
        let plain = "median pay · nurse — “quoted” é".to_string();
        assert_eq!(visible(plain.clone()), plain);
    }
}
