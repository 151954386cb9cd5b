//! Writing a run's findings out: `human` (codespan-reporting snippets),
//! `short` (one line each) and `json` (a stable, documented schema). Only this
//! module and `cli` write to the terminal.

pub mod files;
pub mod human;
pub mod json;
pub mod short;

pub use files::ReportFiles;

use crate::diagnostic::Severity;
use crate::engine::RunResult;
use std::io::{self, Write};

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the offending text underlined, and a summary.
    Human,
    /// `path:line:col: severity[rule] message`, one per line.
    Short,
    /// One JSON document (see README for the schema).
    Json,
}

/// Options that shape output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

/// Write `run` in `format` to `out`.
pub fn write(run: &RunResult, format: Format, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let files = ReportFiles::new(run);
    match format {
        Format::Human => human::write(&files, style, out),
        Format::Short => short::write(&files, out),
        Format::Json => json::write(&files, out),
    }
}

/// Counts of findings by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Infos.
    pub infos: usize,
    /// Findings with a fix.
    pub fixable: usize,
}

impl Counts {
    /// Count the findings of `run`.
    pub fn of(run: &RunResult) -> Counts {
        let mut c = Counts::default();
        for d in &run.diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Info => c.infos += 1,
            }
            if d.fix.is_some() {
                c.fixable += 1;
            }
        }
        c
    }
}

/// "3 errors", "1 warning".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
