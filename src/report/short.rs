//! `--format short`: `path:line:col: severity[rule] message`, one per line,
//! for editors and grep.

use super::ReportFiles;
use std::io::{self, Write};

/// Write every finding on one line.
pub fn write(files: &ReportFiles, out: &mut dyn Write) -> io::Result<()> {
    super::write_in_order(&files.run.diagnostics, out, |_, d, buf| {
        let pos = files.line_col(d.file, d.span.start);
        writeln!(
            buf,
            "{}:{}:{}: {}[{}] {}",
            files.path(d.file),
            pos.line,
            pos.column,
            d.severity,
            d.rule,
            d.message
        )
    })?;
    for note in &files.run.notes {
        writeln!(out, "{}: note: {}", note.path.display(), note.message)?;
    }
    Ok(())
}
