//! `--fix`: plan fixes in memory as edits over byte spans, re-check the fixed
//! text until it stops changing, then write each file atomically. Correct
//! text is never touched: only the bytes under a fix's edits change, and the
//! file keeps its BOM, line endings and permissions.

pub mod plan;
pub mod target;
pub mod write;

pub use plan::apply_fixes;
pub use target::Targets;
pub use write::{FixError, writable, write_atomically};

use crate::diagnostic::{Applicability, Diagnostic};
use crate::engine::Engine;
use crate::source::{Encoding, SourceFile};
use std::collections::BTreeMap;

/// How far `--fix` may go.
#[derive(Debug, Clone, Copy, Default)]
pub struct FixOptions {
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
}

/// Rounds of check-and-fix before giving up; each round only applies fixes
/// the previous text still asks for, so real documents settle in one or two.
pub const MAX_ROUNDS: usize = 8;

/// The result of fixing one file in memory.
#[derive(Debug, Clone)]
pub struct Fixed {
    /// The fixed text.
    pub text: String,
    /// How many fixes each rule applied.
    pub applied: BTreeMap<String, usize>,
    /// Whether the file is to be written as UTF-8 although it was not.
    pub transcode: bool,
}

impl Fixed {
    /// Whether anything changes on disk.
    pub fn changes(&self, original: &SourceFile) -> bool {
        self.transcode || self.text != original.text()
    }

    /// Total number of fixes.
    pub fn count(&self) -> usize {
        self.applied.values().sum()
    }
}

/// Fix `file` in memory with the document rules of `engine`.
pub fn fix_source(engine: &Engine, file: &SourceFile, options: FixOptions) -> Fixed {
    fix_checked(engine, file, None, options)
}

/// [`fix_source`] for a file a run has just checked: `found` holds that
/// run's findings with a fix on `file` as it is, which spare checking it
/// again for the first round (only document rules offer fixes, so they are
/// what `Engine::check_document` would give).
pub fn fix_checked(
    engine: &Engine,
    file: &SourceFile,
    mut found: Option<Vec<&Diagnostic>>,
    options: FixOptions,
) -> Fixed {
    let mut current = file.clone();
    let mut applied: BTreeMap<String, usize> = BTreeMap::new();
    let mut transcode = false;
    for _ in 0..MAX_ROUNDS {
        let checked: Vec<Diagnostic>;
        let diagnostics: Vec<&Diagnostic> = match found.take() {
            Some(found) => found,
            None => {
                checked = engine.check_document(&current);
                checked.iter().collect()
            }
        };
        // Only a finding that offers the fix converts the file: the rule
        // withholds it when converting would lose or add characters.
        let store_as_utf8 = diagnostics
            .iter()
            .find(|d| d.fix.as_ref().is_some_and(|f| f.store_as_utf8));
        if let Some(d) = store_as_utf8.filter(|_| current.decoded.encoding != Encoding::Utf8) {
            // Transcoding is a whole-file fix: it changes no text, only the
            // bytes the text is stored as.
            transcode = true;
            *applied.entry(d.rule.to_string()).or_default() += 1;
            current.decoded.encoding = Encoding::Utf8;
            current.decoded.bom = false;
        }
        let fixes: Vec<(&str, &crate::diagnostic::Fix)> = diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref().map(|f| (d.rule.as_ref(), f)))
            .filter(|(_, f)| options.unsafe_fixes || f.applicability == Applicability::Safe)
            .collect();
        if fixes.is_empty() {
            break;
        }
        let (text, accepted) = apply_fixes(current.text(), fixes.iter().map(|(_, f)| *f));
        if text == current.text() {
            break;
        }
        for i in accepted {
            *applied.entry(fixes[i].0.to_string()).or_default() += 1;
        }
        current.decoded.text = text;
    }
    Fixed {
        text: current.decoded.text,
        applied,
        transcode,
    }
}
