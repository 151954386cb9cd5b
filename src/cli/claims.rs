//! `copydesk claims [PATHS]`: the inventory of every statistical claim
//! copydesk extracted, grouped by subject, as a table, JSON or CSV. It is how
//! an editor audits figures before a release and sees what the checker
//! understood.

use super::io_result;
use crate::claims::Claim;
use crate::document::LineIndex;
use crate::engine::claims_pass::extract_claims;
use crate::engine::read_articles;
use crate::session::Session;
use crate::source::walk;
use clap::Args;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output formats of `copydesk claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    /// A table grouped by subject.
    Table,
    /// One JSON document.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Arguments of `copydesk claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Files and folders (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    pub format: ClaimsFormat,
    /// Config file (default: nearest copydesk.yaml or .copydesk.yaml upwards).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// One row of the inventory.
#[derive(Serialize)]
struct Row<'a> {
    subject: String,
    path: &'a str,
    line: usize,
    column: usize,
    figure: String,
    value: f64,
    unit: String,
    period: String,
    quote: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    claim: Option<&'a Claim>,
}

/// Run `copydesk claims`.
pub fn run(args: ClaimsArgs) -> miette::Result<ExitCode> {
    let setup = Session::open(args.config.as_deref(), None, &[], &[])?;
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let (paths, _) = walk(&roots, &setup.walk_options())
        .map_err(|e| miette::miette!("invalid include/exclude glob: {e}"))?;
    let (files, notes) = read_articles(&paths, setup.config.max_article_bytes());
    for note in &notes {
        eprintln!("note: {}: {}", note.path.display(), note.message());
    }
    let claims = extract_claims(
        &files,
        &crate::rules::registry::REGISTRY,
        &setup.config,
        &setup.engine.context().root,
    )?;
    let mut rows: Vec<Row> = Vec::new();
    for (file, file_claims) in files.iter().zip(&claims) {
        let index = LineIndex::new(file.text());
        for c in file_claims {
            let pos = index.line_col(file.text(), c.span.start);
            rows.push(Row {
                subject: c.subject.display(),
                path: &file.display,
                line: pos.line,
                column: pos.column,
                figure: c.figure_text(),
                value: c.value,
                unit: format!("{:?}", c.unit).to_lowercase(),
                period: c.period_text(),
                quote: c.quote(file.text()),
                claim: matches!(args.format, ClaimsFormat::Json).then_some(c),
            });
        }
    }
    rows.sort_by(|a, b| (&a.subject, a.path, a.line).cmp(&(&b.subject, b.path, b.line)));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match args.format {
        ClaimsFormat::Json => {
            let mut groups: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
            for r in &rows {
                groups.entry(r.subject.as_str()).or_default().push(r);
            }
            let doc = serde_json::json!({ "version": 1, "claims": rows.len(), "subjects": groups });
            io_result(writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&doc).expect("JSON of plain values")
            ))?;
        }
        ClaimsFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for r in &rows {
                w.serialize(r)
                    .map_err(|e| miette::miette!("cannot write CSV: {e}"))?;
            }
            io_result(w.flush())?;
        }
        ClaimsFormat::Table => io_result(write_table(&mut out, &rows))?,
    }
    io_result(out.flush())?;
    Ok(ExitCode::SUCCESS)
}

fn write_table(out: &mut impl Write, rows: &[Row]) -> std::io::Result<()> {
    let mut current = None;
    for r in rows {
        if current != Some(r.subject.as_str()) {
            let subject = if r.subject.is_empty() {
                "(no subject)"
            } else {
                r.subject.as_str()
            };
            writeln!(out, "\n{subject}")?;
            current = Some(r.subject.as_str());
        }
        writeln!(
            out,
            "  {}:{}:{}  {}  {}  «{}»",
            r.path,
            r.line,
            r.column,
            r.figure,
            r.period,
            one_line(r.quote)
        )?;
    }
    let subjects = rows
        .iter()
        .map(|r| r.subject.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    writeln!(out, "\n{} claims, {} subjects", rows.len(), subjects)
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
