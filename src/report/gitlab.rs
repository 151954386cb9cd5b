//! `--format gitlab`: a GitLab Code Quality report (`artifacts:reports:codequality`),
//! a JSON array of issues in the subset of the Code Climate format GitLab reads.
//!
//! Severities map as info → `info`, warning → `minor`, error → `major`
//! (`critical` and `blocker` are left for security tools). The fingerprint is
//! the baseline's line-independent one, so GitLab sees a finding as the same
//! issue across commits even when lines move, and as resolved when it goes.

use super::ReportFiles;
use crate::baseline;
use crate::diagnostic::Severity;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    categories: [&'static str; 1],
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// GitLab's name for a severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warning => "minor",
        Severity::Error => "major",
    }
}

/// Write the report.
pub fn write(files: &ReportFiles, out: &mut dyn Write) -> io::Result<()> {
    let run = files.run;
    let fingerprints = baseline::fingerprints(run, |f| f.display.clone());
    let issues: Vec<Issue> = run
        .diagnostics
        .iter()
        .zip(fingerprints)
        .map(|(d, fingerprint)| {
            let (s, e) = files.span_pos(d.file, d.span);
            Issue {
                kind: "issue",
                description: &d.message,
                check_name: &d.rule,
                fingerprint,
                severity: severity(d.severity),
                categories: ["Style"],
                location: Location {
                    path: files.path(d.file),
                    lines: Lines {
                        begin: s.line,
                        end: e.line.max(s.line),
                    },
                },
            }
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
