//! `--format short`: `path:line:col: severity[rule] message`, one per line,
//! for editors and grep.

use super::{Context, ReportFiles};
use std::io::{self, Write};

/// Write every finding on one line.
/// With `--max-findings`, a last line says how many were shown.
pub fn write(files: &ReportFiles, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let shown = super::shown(&files.run.diagnostics, ctx.max_findings);
    super::write_in_order(&shown, out, |_, d, buf| {
        let pos = files.line_col(d.file, d.span.start);
        writeln!(
            buf,
            "{}:{}:{}: {}[{}] {}",
            super::files::visible_name(files.path(d.file)),
            pos.line,
            pos.column,
            d.severity,
            d.rule,
            d.message
        )
    })?;
    for note in &files.run.notes {
        if !ctx.quiet || note.is_error() {
            let path = note.path.display().to_string();
            let path = super::files::visible_name(&path);
            writeln!(out, "{path}: note: {}", note.message())?;
        }
    }
    if shown.len() < files.run.diagnostics.len() && !ctx.quiet {
        writeln!(
            out,
            "copydesk: {}",
            super::capped_line(shown.len(), files.run.diagnostics.len())
        )?;
    }
    Ok(())
}
