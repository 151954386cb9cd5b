//! `copydesk rules`: the catalogue as a table or JSON.

use super::io_result;
use crate::catalog::{Catalog, FixKind};
use clap::Args;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `copydesk rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Run `copydesk rules`.
pub fn run(args: RulesArgs) -> miette::Result<ExitCode> {
    let catalog = Catalog::builtin()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        let rows: Vec<_> = catalog
            .rules()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id, "name": r.name, "category": r.category,
                    "severity": r.severity, "fixable": r.fix != FixKind::Never, "summary": r.summary,
                })
            })
            .collect();
        io_result(writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&rows).expect("JSON of plain values")
        ))?;
        return Ok(ExitCode::SUCCESS);
    }
    let width = catalog
        .rules()
        .iter()
        .map(|r| r.id.len())
        .max()
        .unwrap_or(4);
    io_result(writeln!(
        out,
        "{:width$}  {:8}  {:3}  SUMMARY",
        "ID", "SEVERITY", "FIX"
    ))?;
    for r in catalog.rules() {
        let fix = if r.fix == FixKind::Never { "" } else { "yes" };
        io_result(writeln!(
            out,
            "{:width$}  {:8}  {:3}  {}",
            r.id,
            r.severity.to_string(),
            fix,
            r.summary
        ))?;
    }
    Ok(ExitCode::SUCCESS)
}
