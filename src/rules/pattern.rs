//! House-style rules declared in YAML with a `pattern:` block: a regex, a
//! message with capture groups, a scope, and optionally a replacement. One
//! Rust type serves them all, as Vale's checks do.

use crate::catalog::{PatternScope, PatternSpec};
use crate::diagnostic::{Diagnostic, Fix};
use crate::document::{Document, Span};
use crate::engine::{Context, DocumentRule};
use regex::Regex;

/// A compiled pattern rule.
pub struct PatternRule {
    id: String,
    regex: Regex,
    message: String,
    scope: PatternScope,
    replacement: Option<String>,
    safe: bool,
}

impl PatternRule {
    /// Compile the rule `id` from its YAML pattern (once per run, not per file).
    pub fn new(id: &str, spec: &PatternSpec) -> Result<Self, String> {
        let regex = regex::RegexBuilder::new(&spec.regex)
            .case_insensitive(spec.ignore_case)
            .build()
            .map_err(|e| format!("bad regex: {e}"))?;
        Ok(PatternRule {
            id: id.to_string(),
            regex,
            message: spec.message.clone(),
            scope: spec.scope.clone(),
            replacement: spec.replacement.clone(),
            safe: spec.safe,
        })
    }

    fn regions(&self, doc: &Document) -> Vec<Span> {
        match &self.scope {
            PatternScope::Body => doc.body.text.clone(),
            PatternScope::Headings => doc.body.headings.clone(),
            PatternScope::Field(name) => doc
                .front_matter
                .as_ref()
                .and_then(|fm| fm.field(name))
                .map(|f| vec![f.value_span])
                .unwrap_or_default(),
        }
    }
}

impl DocumentRule for PatternRule {
    fn check(&self, doc: &Document, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        for region in self.regions(doc) {
            let slice = &text[region.range()];
            for caps in self.regex.captures_iter(slice) {
                let m = caps.get(0).expect("group 0 always matches");
                if m.is_empty() {
                    continue;
                }
                let span = Span::new(region.start + m.start(), region.start + m.end());
                if matches!(self.scope, PatternScope::Headings) && doc.body.is_masked(span) {
                    continue;
                }
                let mut message = String::new();
                caps.expand(&self.message, &mut message);
                let mut d = Diagnostic::new(self.id.clone(), doc.source.id, span, message);
                if let Some(rep) = &self.replacement {
                    let mut replacement = String::new();
                    caps.expand(rep, &mut replacement);
                    let title = format!("Replace `{}` with `{replacement}`", m.as_str());
                    d = d.with_fix(if self.safe {
                        Fix::safe(title, span, replacement)
                    } else {
                        Fix::unsafe_edit(title, span, replacement)
                    });
                }
                out.push(d);
            }
        }
    }
}
