//! `--format github`: GitHub Actions workflow commands, which the runner turns
//! into annotations on the pull request's files:
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
//! (`warning` and `notice` for the other severities).
//!
//! GitHub displays at most 10 annotations of each kind per step, so no more
//! are written. When some are left out, every finding goes, as a Markdown
//! table, to the job summary (the file `$GITHUB_STEP_SUMMARY` names,
//! appended to) and a plain line on stdout says how many were left out.

use super::{Context, ReportFiles, plural};
use crate::diagnostic::Severity;
use std::io::{self, Write};

/// Annotations GitHub displays per kind (error, warning, notice) and step.
pub const LIMIT: usize = 10;

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Write annotations, and the job summary when some were left out.
pub fn write(files: &ReportFiles, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let run = files.run;
    // Budgets in the order error, warning, notice.
    let mut used = [0usize; 3];
    let slot = |s: Severity| match s {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let mut omitted = 0;
    // Unreadable files first: they make the run fail with exit code 2.
    for note in run.notes.iter().filter(|n| n.is_error()) {
        if used[0] < LIMIT {
            used[0] += 1;
            // Walk errors may have no path.
            let path = note.path.display().to_string();
            let file = if path.is_empty() {
                String::new()
            } else {
                format!("file={},", property(&path))
            };
            writeln!(
                out,
                "::error {file}title={}::{}",
                property("copydesk"),
                data(&note.message())
            )?;
        } else {
            omitted += 1;
        }
    }
    for d in &run.diagnostics {
        let k = slot(d.severity);
        if used[k] >= LIMIT {
            omitted += 1;
            continue;
        }
        used[k] += 1;
        let (s, e) = files.span_pos(d.file, d.span);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            command(d.severity),
            property(files.path(d.file)),
            s.line,
            s.column,
            e.line,
            e.column,
            property(&format!("copydesk ({})", d.rule)),
            data(&message)
        )?;
    }
    for note in run.notes.iter().filter(|n| !n.is_error()) {
        writeln!(out, "copydesk: {}: {}", note.path.display(), note.message())?;
    }
    if omitted > 0 {
        let total = run.diagnostics.len() + run.notes.iter().filter(|n| n.is_error()).count();
        let where_ = match ctx.step_summary {
            Some(path) => match append_summary(files, path) {
                Ok(()) => format!("all {total} are listed in the job summary"),
                Err(e) => format!(
                    "the job summary could not be written ({e}); run with `--format human` to see them all"
                ),
            },
            None => "run with `--format human` to see them all".to_string(),
        };
        writeln!(
            out,
            "copydesk: {} not shown as annotations (GitHub shows {LIMIT} errors, {LIMIT} warnings and {LIMIT} notices per step); {where_}",
            plural(omitted, "finding"),
        )?;
    }
    if let Some(n) = ctx.baseline_hidden {
        writeln!(
            out,
            "copydesk: {} known from the baseline, not shown",
            plural(n, "finding")
        )?;
    }
    Ok(())
}

/// Append every finding to the job summary as a Markdown table.
fn append_summary(files: &ReportFiles, path: &std::path::Path) -> io::Result<()> {
    let run = files.run;
    let mut s = String::new();
    let shown: Vec<_> = run.notes.iter().filter(|n| n.is_error()).collect();
    s.push_str(&format!(
        "### copydesk: {} in {}\n\n",
        plural(run.diagnostics.len() + shown.len(), "finding"),
        plural(run.files.len(), "file"),
    ));
    s.push_str("| Severity | File | Line | Rule | Message |\n| --- | --- | --- | --- | --- |\n");
    for note in shown {
        s.push_str(&format!(
            "| error | {} |  |  | {} |\n",
            cell(&format!("`{}`", note.path.display())),
            cell(&note.message())
        ));
    }
    for d in &run.diagnostics {
        let pos = files.line_col(d.file, d.span.start);
        s.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            d.severity,
            cell(&format!("`{}`", files.path(d.file))),
            pos.line,
            cell(&format!("`{}`", d.rule)),
            cell(&d.message)
        ));
    }
    s.push('\n');
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(s.as_bytes())
}

/// A Markdown table cell: pipes escaped (also needed inside code spans),
/// line breaks as `<br>`, HTML's `<` and `&` neutralised.
fn cell(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// Escape a command's message (GitHub's `escapeData`).
pub fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a command property value (GitHub's `escapeProperty`).
pub fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_actions_toolkit() {
        assert_eq!(data("50% off\r\nnext: a, b"), "50%25 off%0D%0Anext: a, b");
        assert_eq!(property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
    }

    #[test]
    fn unreadable_paths_are_errors_and_a_missing_path_is_left_out() {
        use crate::engine::{Note, RunResult};
        let denied = || std::io::Error::new(std::io::ErrorKind::PermissionDenied, "denied");
        let note =
            |path: &str| Note::source(path.into(), crate::source::ReadError::Io(denied()).into());
        let run = RunResult {
            notes: vec![note(""), note("a,b.md")],
            ..RunResult::default()
        };
        let catalog = crate::catalog::Catalog::default();
        let ctx = Context::new(&catalog, &[]);
        let mut out = Vec::new();
        write(&ReportFiles::new(&run), &ctx, &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error title=copydesk::cannot read: denied\n\
             ::error file=a%2Cb.md,title=copydesk::cannot read: denied\n"
        );
    }

    #[test]
    fn table_cells_keep_one_row() {
        assert_eq!(cell("a|b\nc <d>"), "a\\|b<br>c &lt;d>");
    }
}
