//! Findings counted per rule: `check --statistics` prints them instead of
//! the findings (a table, or JSON with `--format json`), and the `human`
//! report ends with the same table.

use crate::diagnostic::Severity;
use crate::engine::RunResult;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};

/// The findings of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount<'a> {
    /// The rule id.
    pub rule: &'a str,
    /// How many findings.
    pub count: usize,
    /// Their severity (the highest, should a rule report at several).
    pub severity: Severity,
    /// How many come with a fix.
    pub fixable: usize,
}

/// Findings per rule, the most frequent first (ties by id).
pub fn per_rule(run: &RunResult) -> Vec<RuleCount<'_>> {
    let mut by_rule: HashMap<&str, RuleCount> = HashMap::new();
    for d in &run.diagnostics {
        let c = by_rule.entry(d.rule.as_ref()).or_insert(RuleCount {
            rule: d.rule.as_ref(),
            count: 0,
            severity: d.severity,
            fixable: 0,
        });
        c.count += 1;
        c.severity = c.severity.max(d.severity);
        c.fixable += usize::from(d.fix.is_some());
    }
    let mut counts: Vec<RuleCount> = by_rule.into_values().collect();
    counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.rule.cmp(b.rule)));
    counts
}

/// The table: a header, then `count  severity  fixable  rule` per rule.
pub fn write_table(counts: &[RuleCount], out: &mut dyn Write) -> io::Result<()> {
    let width = counts
        .iter()
        .map(|c| c.count.to_string().len())
        .max()
        .unwrap_or(0)
        .max("count".len());
    writeln!(out, "{:>width$}  severity  fixable  rule", "count")?;
    for c in counts {
        writeln!(
            out,
            "{:>width$}  {:<8}  {:>7}  {}",
            c.count,
            c.severity.to_string(),
            c.fixable,
            c.rule
        )?;
    }
    Ok(())
}

/// `--statistics`: the table, or a JSON array of `{rule, count, severity,
/// fixable}` when `json`.
pub fn write(run: &RunResult, json: bool, out: &mut dyn Write) -> io::Result<()> {
    let counts = per_rule(run);
    if json {
        serde_json::to_writer(&mut *out, &counts)?;
        writeln!(out)
    } else {
        write_table(&counts, out)
    }
}
