//! `--format short`: `path:line:col: severity[rule] message`, one per line,
//! for editors and grep.

use super::ReportFiles;
use std::io::{self, Write};

/// Write every finding on one line.
pub fn write(files: &ReportFiles, out: &mut dyn Write) -> io::Result<()> {
    for d in &files.run.diagnostics {
        let pos = files.line_col(d.file, d.span.start);
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            files.path(d.file),
            pos.line,
            pos.column,
            d.severity,
            d.rule,
            d.message
        )?;
    }
    for note in &files.run.notes {
        writeln!(out, "{}: note: {}", note.path.display(), note.message)?;
    }
    Ok(())
}
