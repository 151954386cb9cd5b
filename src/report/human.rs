//! `--format human`: codespan-reporting snippets with the offending text
//! underlined (secondary labels across files for corpus findings), then the
//! findings counted per rule, a line saying how many were shown when
//! `--max-findings` capped them, and a summary line.

use super::excerpt::Excerpts;
use super::{Context, Counts, ReportFiles, Style, plural};
use crate::diagnostic::{Diagnostic, Severity};
use codespan_reporting::diagnostic::{Diagnostic as Snippet, Label, Severity as SnippetSeverity};
use codespan_reporting::term::{self, Config, termcolor};
use std::io::{self, Write};

/// Write snippets and a summary.
pub fn write(
    files: &ReportFiles,
    style: Style,
    ctx: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    let config = Config::default();
    let shown = super::shown(&files.run.diagnostics, ctx.max_findings);
    // Rendering a snippet is the costly part of a large report: in parallel.
    super::write_in_order(&shown, out, |_, d, buf| {
        render(files, style, &config, d, buf)
    })?;
    let mut unreadable = 0;
    for note in &files.run.notes {
        let kind = if note.is_error() {
            unreadable += 1;
            "error"
        } else {
            "note"
        };
        // Quiet keeps what makes the run fail: unreadable files.
        if !ctx.quiet || note.is_error() {
            let path = note.path.display().to_string();
            let path = super::files::visible_name(&path);
            writeln!(out, "{kind}: {path}: {}", note.message())?;
        }
    }
    if ctx.quiet {
        return Ok(());
    }
    if ctx.rule_counts && !files.run.diagnostics.is_empty() {
        super::statistics::write_table(&super::statistics::per_rule(files.run), out)?;
    }
    if shown.len() < files.run.diagnostics.len() {
        writeln!(
            out,
            "{}",
            super::capped_line(shown.len(), files.run.diagnostics.len())
        )?;
    }
    let c = Counts::of(files.run);
    let checked = plural(ctx.checked.unwrap_or(files.run.files.len()), "file");
    let hidden = match ctx.baseline_hidden {
        Some(n) => format!(" ({n} known from the baseline, not shown)"),
        None => String::new(),
    };
    if c.errors + c.warnings + c.infos == 0 && unreadable > 0 {
        // Nothing was found, but not everything was read: no "no problems".
        writeln!(
            out,
            "{checked} checked: {} could not be read",
            plural(unreadable, "path")
        )?;
    } else if c.errors + c.warnings + c.infos == 0 {
        let new = if ctx.baseline_hidden.is_some() {
            "new "
        } else {
            ""
        };
        writeln!(out, "{checked} checked: no {new}problems found{hidden}")?;
    } else {
        let mut parts = vec![plural(c.errors, "error"), plural(c.warnings, "warning")];
        if c.infos > 0 {
            parts.push(plural(c.infos, "info"));
        }
        let fixable = if c.safe_fixable > 0 {
            format!(
                " ({} with a fix; `--fix` applies the {} safe)",
                c.fixable, c.safe_fixable
            )
        } else if c.fixable > 0 {
            format!(
                " ({} with a fix that only `--unsafe-fixes` applies)",
                c.fixable
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "{checked} checked: {}{fixable}{hidden}",
            parts.join(", ")
        )?;
    }
    Ok(())
}

/// One finding as a codespan-reporting snippet, appended to `buf`.
fn render(
    files: &ReportFiles,
    style: Style,
    config: &Config,
    d: &Diagnostic,
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    let severity = match d.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
        Severity::Info => SnippetSeverity::Note,
    };
    let mut labels = vec![
        Label::primary(d.file, d.span.range()).with_message(d.label.clone().unwrap_or_default()),
    ];
    labels.extend(
        d.related
            .iter()
            .map(|l| Label::secondary(l.file, l.span.range()).with_message(l.message.clone())),
    );
    let mut notes = Vec::new();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    if let Some(fix) = &d.fix {
        let how = match fix.applicability {
            crate::diagnostic::Applicability::Safe => "fix (--fix)",
            crate::diagnostic::Applicability::Unsafe => "fix (--unsafe-fixes)",
        };
        notes.push(format!("{how}: {}", fix.title));
    }
    let snippet = Snippet::new(severity)
        .with_message(&d.message)
        .with_code(d.rule.as_ref())
        .with_labels(labels)
        .with_notes(notes);
    let files = Excerpts::of(files, d);
    let result = if style.color {
        term::emit_to_write_style(
            &mut termcolor::Ansi::new(&mut *buf),
            config,
            &files,
            &snippet,
        )
    } else {
        term::emit_to_io_write(&mut *buf, config, &files, &snippet)
    };
    result.map_err(|e| match e {
        codespan_reporting::files::Error::Io(io) => io,
        other => io::Error::other(other.to_string()),
    })
}
