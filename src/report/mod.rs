//! Writing a run's findings out: `human` (codespan-reporting snippets),
//! `short` (one line each), `json` (a stable, documented schema) and the CI
//! formats `sarif`, `github`, `junit` and `gitlab` (see docs/ci.md). Only this
//! module and `cli` write to the terminal.

mod excerpt;
pub mod files;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod short;
pub mod statistics;
mod xml;

pub use files::ReportFiles;

use crate::catalog::Catalog;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::RunResult;
use std::io::{self, Write};
use std::path::PathBuf;

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Snippets with the offending text underlined, and a summary.
    #[default]
    Human,
    /// `path:line:col: severity[rule] message`, one per line.
    Short,
    /// One JSON document (see README for the schema).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// JUnit XML, for GitLab and Jenkins test reports.
    Junit,
    /// GitLab Code Quality JSON.
    Gitlab,
}

/// Options that shape output.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
}

/// What reporters may need besides the run: the rule catalogue (SARIF rule
/// metadata), the enabled rules (JUnit test cases), the baseline's effect,
/// and where GitHub wants the job summary.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The catalogue, house rules included.
    pub catalog: &'a Catalog,
    /// Ids of the rules that ran, sorted.
    pub enabled: &'a [String],
    /// Findings hidden because the baseline knows them (`None`: no baseline).
    pub baseline_hidden: Option<usize>,
    /// `$GITHUB_STEP_SUMMARY`: where `github` writes the full table when it
    /// had to leave findings out of the annotations.
    pub step_summary: Option<&'a std::path::Path>,
    /// `--quiet`: `human` and `short` print the findings and nothing else
    /// (no summary, per-rule counts, or notes on skipped files).
    pub quiet: bool,
    /// `--max-findings`: `human` and `short` show at most this many, the
    /// most severe.
    pub max_findings: Option<usize>,
    /// Whether `human` ends with the findings counted per rule, as the CLI's
    /// report does; off by default, so a rendering of a few findings (the
    /// rule snapshots) is only the findings and the summary.
    pub rule_counts: bool,
    /// How many files the user asked to check, when a partial run read more
    /// (the whole corpus, for the cross-article rules): the summaries count
    /// these, not every file read.
    pub checked: Option<usize>,
}

impl<'a> Context<'a> {
    /// A context with no baseline and no step summary.
    pub fn new(catalog: &'a Catalog, enabled: &'a [String]) -> Self {
        Context {
            catalog,
            enabled,
            baseline_hidden: None,
            step_summary: None,
            quiet: false,
            max_findings: None,
            rule_counts: false,
            checked: None,
        }
    }
}

/// The `$GITHUB_STEP_SUMMARY` file, when GitHub Actions sets one.
pub fn step_summary_from_env() -> Option<PathBuf> {
    std::env::var_os("GITHUB_STEP_SUMMARY")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Write `run` in `format` to `out`.
pub fn write(
    run: &RunResult,
    format: Format,
    style: Style,
    ctx: &Context,
    out: &mut dyn Write,
) -> io::Result<()> {
    let files = ReportFiles::new(run);
    match format {
        Format::Human => human::write(&files, style, ctx, out),
        Format::Short => short::write(&files, ctx, out),
        Format::Json => json::write(&files, ctx, out),
        Format::Sarif => sarif::write(&files, ctx, out),
        Format::Github => github::write(&files, ctx, out),
        Format::Junit => junit::write(&files, ctx, out),
        Format::Gitlab => gitlab::write(&files, out),
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
    /// Findings with a fix that `--fix` applies (the others need
    /// `--unsafe-fixes`).
    pub safe_fixable: usize,
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
            if let Some(fix) = &d.fix {
                c.fixable += 1;
                if fix.applicability == crate::diagnostic::Applicability::Safe {
                    c.safe_fixable += 1;
                }
            }
        }
        c
    }
}

/// The findings a report capped at `max` shows: all of them, or the `max`
/// most severe (errors, then warnings, then infos; the earliest first among
/// equals), in their usual order.
pub(crate) fn shown(diagnostics: &[Diagnostic], max: Option<usize>) -> Vec<&Diagnostic> {
    kept(diagnostics, max)
        .into_iter()
        .map(|i| &diagnostics[i])
        .collect()
}

/// The positions in `diagnostics` of the findings [`shown`] keeps.
pub(crate) fn kept(diagnostics: &[Diagnostic], max: Option<usize>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    if let Some(max) = max.filter(|&m| m < diagnostics.len()) {
        order.sort_by_key(|&i| std::cmp::Reverse(diagnostics[i].severity));
        order.truncate(max);
        order.sort_unstable();
    }
    order
}

/// "showing 10 of 412 findings, the most severe first (--max-findings)".
pub(crate) fn capped_line(shown: usize, total: usize) -> String {
    format!(
        "showing {shown} of {}, the most severe first (--max-findings {shown})",
        plural(total, "finding")
    )
}

/// Findings rendered per parallel task by [`write_in_order`].
const CHUNK: usize = 512;

/// Renders `items` in parallel, in chunks, and writes them to `out` in their
/// order: a corpus can have a hundred thousand findings, and rendering one
/// (a snippet, a JSON object) costs far more than writing it. A bounded
/// group of chunks is held in memory at a time. `render` gets each item's
/// index in `items`.
pub(crate) fn write_in_order<T, E>(
    items: &[T],
    out: &mut dyn Write,
    render: impl Fn(usize, &T, &mut Vec<u8>) -> Result<(), E> + Sync,
) -> io::Result<()>
where
    T: Sync,
    E: Into<io::Error> + Send,
{
    use rayon::prelude::*;
    let group = CHUNK * rayon::current_num_threads() * 4;
    for (g, items) in items.chunks(group).enumerate() {
        let rendered: Vec<Vec<u8>> = items
            .par_chunks(CHUNK)
            .enumerate()
            .map(|(c, chunk)| {
                let mut buf = Vec::with_capacity(chunk.len() * 512);
                for (i, item) in chunk.iter().enumerate() {
                    render(g * group + c * CHUNK + i, item, &mut buf)?;
                }
                Ok(buf)
            })
            .collect::<Result<_, E>>()
            .map_err(Into::into)?;
        for buf in rendered {
            out.write_all(&buf)?;
        }
    }
    Ok(())
}

/// "3 errors", "1 warning".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{n} {word}es")
    } else {
        format!("{n} {word}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;
    use crate::source::FileId;

    fn finding(severity: Severity, start: usize) -> Diagnostic {
        let mut d = Diagnostic::new("date-order", FileId(0), Span::new(start, start + 1), "m");
        d.severity = severity;
        d
    }

    #[test]
    fn a_cap_keeps_the_most_severe_in_their_order() {
        let all = [
            finding(Severity::Info, 0),
            finding(Severity::Warning, 1),
            finding(Severity::Error, 2),
            finding(Severity::Warning, 3),
            finding(Severity::Error, 4),
        ];
        assert_eq!(kept(&all, Some(3)), [1, 2, 4]);
        assert_eq!(kept(&all, Some(0)), Vec::<usize>::new());
        assert_eq!(kept(&all, Some(9)), [0, 1, 2, 3, 4]);
        assert_eq!(kept(&all, None), [0, 1, 2, 3, 4]);
    }
}
