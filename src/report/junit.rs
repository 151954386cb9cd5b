//! `--format junit`: JUnit XML, as GitLab (`artifacts:reports:junit`) and
//! Jenkins read test results.
//!
//! One `<testsuite>` per checked file, named by its path; in it one
//! `<testcase>` per rule that ran (name = rule id, classname = path). A rule
//! that found something has one `<failure>` whose `type` is the highest
//! severity and whose text lists every finding, one per line; findings of
//! every severity count as failures (the exit code, not this report, decides
//! whether the job fails). A file that could not be read is a suite with an
//! `<error>`; a skipped binary file a suite with a `<skipped>` case.
//!
//! The report is valid against the published JUnit schema of Jenkins (the
//! xunit plugin's junit-10.xsd) and `tests/schemas/junit.xsd`: skipped
//! tests are counted per `<testsuite>`, never on `<testsuites>`, which has
//! no such attribute (issue 15). Written by hand rather than with
//! `quick-junit`, which always writes `<testsuites skipped=…>`: the escaping
//! is in `report::xml`.

use super::xml::{attr, text};
use super::{Context, ReportFiles};
use crate::diagnostic::{Diagnostic, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

/// Write the JUnit report.
pub fn write(files: &ReportFiles, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let run = files.run;
    let mut per_file: Vec<BTreeMap<&str, Vec<&Diagnostic>>> =
        vec![BTreeMap::new(); run.files.len()];
    for d in &run.diagnostics {
        per_file[d.file.0 as usize]
            .entry(d.rule.as_ref())
            .or_default()
            .push(d);
    }
    let mut suites = String::new();
    let (mut tests, mut failures, mut errors) = (0, 0, 0);
    for (file, by_rule) in run.files.iter().zip(&per_file) {
        let path = files.path(file.id);
        // The rules that ran, plus any that fired without being listed
        // (a library caller may pass no list).
        let mut rules: Vec<&str> = ctx.enabled.iter().map(String::as_str).collect();
        rules.extend(by_rule.keys().copied());
        rules.sort_unstable();
        rules.dedup();
        let mut cases = String::new();
        for rule in &rules {
            let _ = write!(
                cases,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" time=\"0\"",
                attr(rule),
                attr(path),
                attr(path)
            );
            match by_rule.get(rule) {
                None => cases.push_str("/>\n"),
                Some(found) => {
                    let worst = found
                        .iter()
                        .map(|d| d.severity)
                        .max()
                        .unwrap_or(Severity::Info);
                    let message = if found.len() == 1 {
                        found[0].message.clone()
                    } else {
                        format!("{} (and {} more)", found[0].message, found.len() - 1)
                    };
                    let mut body = String::new();
                    for d in found {
                        let pos = files.line_col(d.file, d.span.start);
                        let _ = writeln!(
                            body,
                            "{path}:{}:{}: {}[{}] {}",
                            pos.line, pos.column, d.severity, d.rule, d.message
                        );
                        if let Some(help) = &d.help {
                            let _ = writeln!(body, "  help: {help}");
                        }
                    }
                    let _ = write!(
                        cases,
                        ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
                        attr(&message),
                        worst,
                        text(&body)
                    );
                }
            }
        }
        let failed = by_rule.len();
        tests += rules.len();
        failures += failed;
        let _ = write!(
            suites,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failed}\" errors=\"0\" skipped=\"0\" time=\"0\">\n{cases}  </testsuite>\n",
            attr(path),
            rules.len(),
        );
    }
    for note in &run.notes {
        let path = match note.path.display().to_string() {
            p if p.is_empty() => "copydesk".to_string(),
            p => p,
        };
        let (tag, e, s) = if note.is_error() {
            ("error", 1, 0)
        } else {
            ("skipped", 0, 1)
        };
        tests += 1;
        errors += e;
        let _ = write!(
            suites,
            "  <testsuite name=\"{p}\" tests=\"1\" failures=\"0\" errors=\"{e}\" skipped=\"{s}\" time=\"0\">\n    <testcase name=\"read\" classname=\"{p}\" file=\"{p}\" time=\"0\">\n      <{tag} message=\"{m}\"/>\n    </testcase>\n  </testsuite>\n",
            p = attr(&path),
            m = attr(&note.message()),
        );
    }
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" time=\"0\">\n{suites}</testsuites>\n"
    )
}
