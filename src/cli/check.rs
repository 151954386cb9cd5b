//! `copydesk check`: lint files and folders and gate on the findings.

use super::{ColorChoice, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, io_result};
use crate::baseline::Baseline;
use crate::diagnostic::Severity;
use crate::engine::{Engine, RunResult};
use crate::fix::{FixError, FixOptions};
use crate::report::{self, Format, Style};
use crate::session::{PlannedFix, Request, Session};
use crate::source::{FileId, SourceFile};
use chrono::NaiveDate;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `copydesk check`.
#[derive(Debug, Default, Args)]
pub struct CheckArgs {
    /// Files and folders to check (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Config file (default: nearest copydesk.yaml or .copydesk.yaml upwards).
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    /// Date to treat as today (YYYY-MM-DD), for reproducible runs.
    #[arg(long, value_parser = parse_today)]
    pub today: Option<NaiveDate>,
    /// When to use colours.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Apply safe fixes in place, then report what remains.
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Also apply unsafe fixes (with --fix or --diff).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of the fixes and write nothing (exit 1 if any).
    #[arg(long)]
    pub diff: bool,
    /// Report and fail only on findings this baseline file does not know.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in FILE (JSON) for later `--baseline` runs, and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// The whole corpus, for cross-article rules when only some files are
    /// checked (named files, --since): findings are reported only when they
    /// touch a checked file. Overrides `corpus:` in the config.
    #[arg(long, value_name = "DIR")]
    pub corpus: Option<PathBuf>,
    /// Check only articles changed since REF: on this branch since its merge
    /// base with REF, staged or not, plus untracked files (git needed).
    #[arg(long, value_name = "REF")]
    pub since: Option<String>,
    /// Check the staged articles (`git diff --cached`) against the whole
    /// corpus; with nothing staged, check every article. What the pre-commit
    /// hooks run: one run that pre-commit cannot split (git needed).
    #[arg(long, conflicts_with = "since")]
    pub staged: bool,
    /// Neither read nor write the claims cache (see --cache-dir).
    #[arg(long)]
    pub no_cache: bool,
    /// Where to keep the claims cache, which makes partial runs fast (default:
    /// .copydesk-cache in the project root; safe to delete).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
    /// Run only these rules: ids, or prefixes ending in `*` (`claim-*`);
    /// comma-separated, repeatable. Wins over the config.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules (ids or `prefix*`, comma-separated,
    /// repeatable), even if selected.
    #[arg(long, value_name = "RULE,...", value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 0 even when findings reach the failure level (errors such as an
    /// unreadable file or a bad config still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Print the findings and nothing else: no summary, per-rule counts or
    /// notes on skipped files; no progress or fix messages on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Print one line per rule (findings, severity, how many have a fix)
    /// instead of the findings; JSON with `--format json`. Report files
    /// (`--output-format`) are still written in full.
    #[arg(long)]
    pub statistics: bool,
    /// Also write the report in format F to the file PATH, e.g.
    /// `sarif=copydesk.sarif`; repeatable, so one run writes several reports.
    /// `--format` still sets what goes to stdout.
    #[arg(long = "output-format", value_name = "F=PATH", value_parser = parse_report_file)]
    pub output_formats: Vec<ReportFile>,
    /// Show at most N findings on stdout in the `human` and `short` formats,
    /// the most severe first (the report says "showing N of M").
    #[arg(long, value_name = "N")]
    pub max_findings: Option<usize>,
    /// Check one document read from stdin (for editors, `git show :PATH |`).
    #[arg(long, conflicts_with_all = ["paths", "fix", "diff", "since", "write_baseline", "corpus"])]
    pub stdin: bool,
    /// The path of the stdin document: the name in reports, and where
    /// relative image paths are resolved from.
    #[arg(long, value_name = "PATH", requires = "stdin")]
    pub stdin_filename: Option<PathBuf>,
}

/// One `--output-format F=PATH`: a report written to a file.
#[derive(Debug, Clone)]
pub struct ReportFile {
    /// The format.
    pub format: Format,
    /// The file.
    pub path: PathBuf,
}

fn parse_report_file(s: &str) -> Result<ReportFile, String> {
    use clap::ValueEnum;
    let names = || {
        Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Some((format, path)) = s.split_once('=') else {
        return Err(format!(
            "expected FORMAT=PATH (e.g. `sarif=copydesk.sarif`), not `{s}`"
        ));
    };
    let format = Format::from_str(format.trim(), true)
        .map_err(|_| format!("unknown format `{format}` (formats: {})", names()))?;
    if path.is_empty() {
        return Err(format!("no file after `{}=`", s.trim_end_matches('=')));
    }
    Ok(ReportFile {
        format,
        path: PathBuf::from(path),
    })
}

/// The `--fail-on` levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Only errors fail.
    Error,
    /// Warnings and errors fail.
    Warning,
    /// Any finding fails.
    Info,
    /// No finding fails (as `--exit-zero`).
    Never,
}

impl FailOn {
    /// The lowest severity that fails the run; `None` for `never`.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }
}

fn parse_today(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("`{s}` is not a YYYY-MM-DD date: {e}"))
}

/// Run `copydesk check`.
pub fn run(args: CheckArgs) -> miette::Result<ExitCode> {
    let session = Session::open(
        args.config.as_deref(),
        args.today,
        &args.select,
        &args.ignore,
    )?;
    let Session {
        config,
        catalog,
        engine,
    } = &session;
    // Read the baseline before the run, so a bad file fails fast.
    let known = args.baseline.as_deref().map(Baseline::load).transpose()?;
    // Likewise the report files: a path that cannot be written fails before
    // a long run, not after it.
    let mut report_files = args
        .output_formats
        .iter()
        .map(|r| {
            std::fs::File::create(&r.path)
                .map(|f| (r.format, r.path.clone(), f))
                .map_err(|e| miette::miette!("cannot write report file {}: {e}", r.path.display()))
        })
        .collect::<miette::Result<Vec<_>>>()?;
    // Baseline paths are relative to the project root, so that the file
    // matches whatever folder copydesk is started from.
    let root = engine.context().root.clone();
    let (mut result, fix_failed, had_walk_errors, checked) = if args.stdin {
        (
            check_stdin(engine, args.stdin_filename.as_deref())?,
            false,
            false,
            None,
        )
    } else {
        match check_tree(&args, &session, &root)? {
            Tree::Diff(code) => return Ok(code),
            Tree::Checked {
                result,
                fix_failed,
                had_walk_errors,
                checked,
            } => (result, fix_failed, had_walk_errors, checked),
        }
    };
    if let Some(file) = &args.write_baseline {
        let recorded = Baseline::from_run(&result, &root);
        recorded.save(file)?;
        if !args.quiet {
            eprintln!(
                "copydesk: recorded {} in {}",
                report::plural(recorded.findings.len(), "finding"),
                file.display()
            );
        }
        let io_errors = had_walk_errors || result.notes.iter().any(|n| n.is_error());
        return Ok(ExitCode::from(if io_errors {
            EXIT_ERROR
        } else {
            EXIT_CLEAN
        }));
    }
    let baseline_hidden = known.map(|b| b.filter(&mut result, &root));
    let enabled: Vec<String> = catalog
        .rules()
        .iter()
        .filter(|r| engine.is_enabled(&r.id))
        .map(|r| r.id.clone())
        .collect();
    let step_summary = report::step_summary_from_env();
    // GitHub's job summary is written once, by the first `github` report.
    let summary_on_stdout = args.format == Format::Github && !args.statistics;
    let ctx = report::Context {
        baseline_hidden,
        step_summary: step_summary.as_deref().filter(|_| summary_on_stdout),
        quiet: args.quiet,
        max_findings: args.max_findings,
        rule_counts: true,
        checked,
        ..report::Context::new(catalog, &enabled)
    };
    let style = Style {
        color: args.color.enabled(),
    };
    let reporting = crate::timings::phase("report");
    let mut summary_given = summary_on_stdout;
    for (format, path, file) in report_files.drain(..) {
        let file_ctx = report::Context {
            step_summary: step_summary
                .as_deref()
                .filter(|_| format == Format::Github && !summary_given),
            quiet: false,
            max_findings: None,
            ..ctx
        };
        summary_given |= format == Format::Github;
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file);
        report::write(&result, format, Style { color: false }, &file_ctx, &mut out)
            .and_then(|()| out.flush())
            .map_err(|e| miette::miette!("cannot write report file {}: {e}", path.display()))?;
    }
    // Stdout is line-buffered: a report of many lines needs its own buffer.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if args.statistics {
        report::statistics::write(&result, args.format == Format::Json, &mut stdout)
    } else {
        report::write(&result, args.format, style, &ctx, &mut stdout)
    };
    io_result(written.and_then(|()| stdout.flush()))?;
    reporting.end();
    let threshold = match args.fail_on {
        Some(level) => level.threshold(),
        None => Some(config.fail_on.unwrap_or(Severity::Error)),
    };
    let io_errors = fix_failed || had_walk_errors || result.notes.iter().any(|n| n.is_error());
    let failed = !args.exit_zero
        && threshold.is_some_and(|t| result.diagnostics.iter().any(|d| d.severity >= t));
    // The process ends right after this: freeing the run's hundreds of
    // thousands of allocations one by one would only add to the wall time.
    std::mem::forget(result);
    Ok(ExitCode::from(if failed {
        EXIT_FINDINGS
    } else if io_errors {
        EXIT_ERROR
    } else {
        EXIT_CLEAN
    }))
}

/// `--stdin`: check one document read from standard input, named
/// `filename` (or `<stdin>`) in reports. Rules that compare articles see
/// only this one.
fn check_stdin(engine: &Engine, filename: Option<&Path>) -> miette::Result<RunResult> {
    let bytes = super::read_stdin(engine.max_article_bytes())?;
    let decoded = crate::source::decode_vec(bytes)
        .map_err(|_| miette::miette!("stdin is not text (it looks like a binary file)"))?;
    let (path, display) = match filename {
        Some(p) => (
            p.to_path_buf(),
            p.strip_prefix("./").unwrap_or(p).display().to_string(),
        ),
        None => (PathBuf::from("-"), "<stdin>".to_string()),
    };
    Ok(engine.check_files(vec![SourceFile {
        id: FileId(0),
        path,
        display,
        decoded,
    }]))
}

/// What a run over files and folders gave.
enum Tree {
    /// `--diff` printed the pending fixes: the exit code.
    Diff(ExitCode),
    /// The findings.
    Checked {
        /// The run (after `--fix`, of the fixed files).
        result: RunResult,
        /// Whether a fixed file could not be written.
        fix_failed: bool,
        /// Whether the walk met errors (they are in `result.notes`).
        had_walk_errors: bool,
        /// How many files were asked for, when a partial run read the
        /// whole corpus besides them.
        checked: Option<usize>,
    },
}

/// Walk the paths (or the changed files of `--since`), check them (a partial
/// run when a corpus is known), and apply or show fixes.
fn check_tree(args: &CheckArgs, session: &Session, root: &Path) -> miette::Result<Tree> {
    let request = Request {
        paths: args.paths.clone(),
        since: args.since.clone(),
        staged: args.staged,
        corpus: args.corpus.clone(),
        cache_dir: (!args.no_cache).then(|| {
            args.cache_dir
                .clone()
                .unwrap_or_else(|| root.join(crate::cache::FOLDER))
        }),
        // Report files were created before the walk: they are not articles.
        not_articles: args.output_formats.iter().map(|r| r.path.clone()).collect(),
        // Only the JSON report shows the claims of a finding.
        findings_only: args.format != Format::Json
            && args.output_formats.iter().all(|r| r.format != Format::Json),
    };
    let walking = crate::timings::phase("walk");
    let selection = session.select(&request)?;
    walking.end();
    let progress = (!args.quiet).then(|| {
        super::progress::Progress::start(format!(
            "checking {}",
            report::plural(selection.paths.len(), "file")
        ))
    });
    let mut result = session.run(&selection)?;
    if let Some(progress) = progress {
        progress.finish();
    }
    let roots = &selection.roots;
    let fix_options = FixOptions {
        unsafe_fixes: args.unsafe_fixes,
    };
    if args.diff {
        let changed = io_result_bool(print_diffs(session, &result, roots, fix_options))?;
        return Ok(Tree::Diff(ExitCode::from(if changed {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        })));
    }
    let mut fix_failed = false;
    if args.fix {
        let fixing = apply_fixes_in_place(session, &result, roots, fix_options, args.quiet);
        fix_failed = fixing.failed;
        // Report what remains, from the files as they are now.
        result = session.run(&selection)?;
        result.notes.extend(fixing.refused);
    }
    let had_walk_errors = !selection.walk_errors.is_empty();
    let checked = selection.checked();
    for e in selection.walk_errors {
        result.notes.push(crate::engine::Note {
            path: e.path.unwrap_or_default(),
            kind: crate::engine::NoteKind::Walk(e.message),
        });
    }
    Ok(Tree::Checked {
        result,
        fix_failed,
        had_walk_errors,
        checked,
    })
}

/// What `--fix` did besides writing.
struct Fixing {
    /// Whether any file could not be written.
    failed: bool,
    /// Files copydesk would not write, and why (notes, not errors).
    refused: Vec<crate::engine::Note>,
}

/// `--fix`: write the fixed files and say on stderr what changed in each.
/// Only files inside `roots` are written, each real file once.
fn apply_fixes_in_place(
    session: &Session,
    result: &RunResult,
    roots: &[PathBuf],
    options: FixOptions,
    quiet: bool,
) -> Fixing {
    let mut failed = false;
    let mut refused = Vec::new();
    let mut total = 0;
    let mut written = 0;
    let planned = session.plan_fixes(result, options);
    let outcomes = session.write_fixes(&planned, roots);
    for (PlannedFix { file, fixed }, outcome) in planned.iter().zip(outcomes) {
        match outcome {
            Err(FixError::Refused { reason, .. }) => refused.push(crate::engine::Note {
                path: file.path.clone(),
                kind: crate::engine::NoteKind::NotFixed(reason),
            }),
            Ok(()) => {
                written += 1;
                total += fixed.count();
                let rules: Vec<String> = fixed
                    .applied
                    .iter()
                    .map(|(r, n)| format!("{r} ×{n}"))
                    .collect();
                if !quiet {
                    eprintln!("fixed {}: {}", file.display, rules.join(", "));
                }
            }
            Err(e) => {
                failed = true;
                eprintln!("{:?}", miette::Report::new(e));
            }
        }
    }
    if total > 0 && !quiet {
        eprintln!(
            "applied {} in {}",
            report::plural(total, "fix"),
            report::plural(written, "file")
        );
    }
    Fixing { failed, refused }
}

/// `--diff`: print what `--fix` would change. Returns whether anything would.
/// Files `--fix` would not write are named with the reason instead of a diff.
fn print_diffs(
    session: &Session,
    result: &RunResult,
    roots: &[PathBuf],
    options: FixOptions,
) -> std::io::Result<bool> {
    let planned = session.plan_fixes(result, options);
    let refusals = session.refusals(&planned, roots);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut any = false;
    for (PlannedFix { file, fixed }, refused) in planned.iter().zip(refusals) {
        if let Some(reason) = refused {
            writeln!(out, "# {}: would not be fixed: {reason}", file.display)?;
            continue;
        }
        any = true;
        let diff = similar::TextDiff::from_lines(file.text(), fixed.text.as_str());
        let a = format!("a/{}", file.display.trim_start_matches('/'));
        let b = format!("b/{}", file.display.trim_start_matches('/'));
        write!(
            out,
            "{}",
            diff.unified_diff().context_radius(2).header(&a, &b)
        )?;
        if fixed.transcode {
            writeln!(
                out,
                "# {}: would be rewritten as UTF-8 (was {})",
                file.display,
                file.decoded.encoding.name()
            )?;
        }
    }
    out.flush()?;
    Ok(any)
}

fn io_result_bool(r: std::io::Result<bool>) -> miette::Result<bool> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(true),
        other => other.map_err(|e| miette::miette!("cannot write output: {e}")),
    }
}
