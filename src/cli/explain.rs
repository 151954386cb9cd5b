//! `copydesk explain RULE`: a rule's documentation from its YAML.

use super::io_result;
use crate::catalog::{Catalog, FixKind};
use clap::Args;
use std::fmt::Write as _;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `copydesk explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// Rule id.
    pub rule: String,
}

/// Run `copydesk explain`.
pub fn run(args: ExplainArgs) -> miette::Result<ExitCode> {
    let catalog = Catalog::builtin()?;
    let Some(r) = catalog.get(&args.rule) else {
        let help = format!(
            "run `copydesk rules` to list the rule ids{}",
            catalog.suggestion(&args.rule)
        );
        return Err(miette::miette!(
            code = "copydesk::cli::unknown_rule",
            help = help,
            "unknown rule `{}`",
            args.rule
        ));
    };
    let mut s = String::new();
    let fix = match r.fix {
        FixKind::Never => "no",
        FixKind::Sometimes => "sometimes",
        FixKind::Always => "yes",
    };
    let _ = writeln!(s, "{} ({})\n", r.id, r.name);
    let _ = writeln!(
        s,
        "category: {}   default severity: {}   fixable: {}\n",
        r.category, r.severity, fix
    );
    let _ = writeln!(s, "{}\n", r.summary);
    let _ = writeln!(s, "{}", r.explanation.trim_end());
    for (i, ex) in r.examples.iter().enumerate() {
        let n = if r.examples.len() > 1 {
            format!(" {}", i + 1)
        } else {
            String::new()
        };
        for (label, docs) in [("Bad", &ex.bad), ("Good", &ex.good)] {
            let _ = writeln!(s, "\n{label} example{n}:");
            for doc in docs.documents() {
                for line in doc.lines() {
                    let _ = writeln!(s, "    {line}");
                }
                let _ = writeln!(s);
            }
        }
    }
    if !r.options.is_empty() {
        let _ = writeln!(s, "\nOptions:");
        for (name, o) in &r.options {
            let default = serde_yaml::to_string(&o.default).unwrap_or_default();
            let _ = writeln!(
                s,
                "  {name} ({}, default: {}): {}",
                o.kind,
                default.trim(),
                o.doc
            );
        }
    }
    io_result(std::io::stdout().lock().write_all(s.as_bytes()))?;
    Ok(ExitCode::SUCCESS)
}
