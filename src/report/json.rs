//! `--format json`: one JSON document with a stable schema (`version: 1`),
//! described in README.md. The wire types live here, apart from the internal
//! ones, so internal changes do not break consumers.

use super::{Context, Counts, ReportFiles};
use crate::claims::{ClaimRef, Hedge, Period, Unit};
use crate::diagnostic::{Applicability, Data, Diagnostic, Severity};
use crate::document::Span;
use crate::engine::RunResult;
use crate::source::FileId;
use serde::Serialize;
use std::io::{self, Write};

/// Version of the JSON schema.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Summary {
    files: usize,
    #[serde(flatten)]
    counts: Counts,
    /// Present only with `--baseline`.
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_hidden: Option<usize>,
}

/// A position range in a file.
#[derive(Serialize)]
pub struct Location<'a> {
    /// Display path.
    pub path: &'a str,
    /// 1-based start line.
    pub line: usize,
    /// 1-based start column, in characters.
    pub column: usize,
    /// 1-based end line.
    pub end_line: usize,
    /// 1-based end column (exclusive), in characters.
    pub end_column: usize,
    /// Byte offsets in the decoded text.
    pub byte_start: usize,
    /// End byte offset (exclusive).
    pub byte_end: usize,
}

impl<'a> Location<'a> {
    /// Location of `span` in `file`.
    pub fn new(files: &'a ReportFiles, file: FileId, span: Span) -> Self {
        let (s, e) = files.span_pos(file, span);
        Location {
            path: files.path(file),
            line: s.line,
            column: s.column,
            end_line: e.line,
            end_column: e.column,
            byte_start: span.start,
            byte_end: span.end,
        }
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    #[serde(flatten)]
    location: Location<'a>,
    help: Option<&'a str>,
    fix: Option<JsonFix<'a>>,
    related: Vec<JsonRelated<'a>>,
    data: Option<DataRef<'a>>,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    #[serde(flatten)]
    location: Location<'a>,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    #[serde(flatten)]
    location: Location<'a>,
    message: &'a str,
}

/// A diagnostic's data, resolved against the run's claims only when written.
struct DataRef<'a> {
    run: &'a RunResult,
    data: &'a Data,
}

/// The normalised form of one claim, as an editor needs it to see why two
/// figures were compared: what was written, the value as an interval, the
/// unit, the period and the subject.
#[derive(Serialize)]
struct ClaimSummary<'a> {
    text: &'a str,
    figure: String,
    value: f64,
    low: f64,
    /// `null` when the interval is open above ("more than 50%").
    high: Option<f64>,
    unit: &'a Unit,
    hedge: &'a Hedge,
    direction: i8,
    period: &'a Period,
    period_text: String,
    subject: String,
}

impl<'a> ClaimSummary<'a> {
    fn of(run: &'a RunResult, r: ClaimRef) -> Option<ClaimSummary<'a>> {
        let claim = run.claims.get(r.doc)?.get(r.claim)?;
        let text = run.files.get(r.doc)?.text();
        Some(ClaimSummary {
            text: claim.quote(text),
            figure: claim.figure_text(),
            value: claim.value,
            low: claim.low,
            high: claim.high.is_finite().then_some(claim.high),
            unit: &claim.unit,
            hedge: &claim.hedge,
            direction: claim.direction,
            period: &claim.period,
            period_text: claim.period_text(),
            subject: claim.subject.display(),
        })
    }
}

impl Serialize for DataRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let claim = |r: ClaimRef| ClaimSummary::of(self.run, r);
        match self.data {
            Data::Json(v) => v.serialize(s),
            Data::ClaimPair {
                claim: a,
                other: b,
                confidence,
            } => {
                let mut m = s.serialize_map(Some(4))?;
                m.serialize_entry("claim", &claim(*a))?;
                m.serialize_entry("other", &claim(*b))?;
                m.serialize_entry("confidence", confidence)?;
                let (x, y) = (
                    &self.run.claims[a.doc][a.claim],
                    &self.run.claims[b.doc][b.claim],
                );
                let clause = x.quote(self.run.files[a.doc].text());
                let (measure, entity) = x.subject.measure_and_entity();
                m.serialize_entry(
                    "matched",
                    &serde_json::json!({
                        "subject": x.subject.display_in(clause),
                        "measure": measure,
                        "entity": entity,
                        "aggregate": x.subject.aggregate,
                        "level": x.subject.level,
                        "geo": x.subject.geo,
                        "period": x.period_text(),
                        "other_period": y.period_text(),
                    }),
                )?;
                m.end()
            }
            Data::ClaimFact { claim: a, fact } => {
                let fact = self.run.facts.as_ref().and_then(|f| f.facts.get(*fact));
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("claim", &claim(*a))?;
                m.serialize_entry(
                    "fact",
                    &fact.map(|f| serde_json::json!({ "statement": f.statement, "source": f.source, "url": f.url })),
                )?;
                m.end()
            }
        }
    }
}

#[derive(Serialize)]
struct JsonNote {
    path: String,
    message: String,
}

/// Write the report.
pub fn write(files: &ReportFiles, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
    let run = files.run;
    let summary = Summary {
        files: run.files.len(),
        counts: Counts::of(run),
        baseline_hidden: ctx.baseline_hidden,
    };
    let notes: Vec<JsonNote> = run
        .notes
        .iter()
        .map(|n| JsonNote {
            path: n.path.display().to_string(),
            message: n.message(),
        })
        .collect();
    // Compact: a large corpus can have many findings (`jq .` pretty-prints).
    // The document is `{"version", "summary", "diagnostics", "notes"}`; the
    // diagnostics, a hundred thousand on a large corpus, are serialised in
    // parallel chunks and written in order, a bounded group at a time.
    write!(out, "{{\"version\":{SCHEMA_VERSION},\"summary\":")?;
    serde_json::to_writer(&mut *out, &summary)?;
    out.write_all(b",\"diagnostics\":[")?;
    super::write_in_order(&run.diagnostics, out, |i, d, buf| {
        if i > 0 {
            buf.push(b',');
        }
        serde_json::to_writer(buf, &json_diagnostic(files, d))
    })?;
    out.write_all(b"],\"notes\":")?;
    serde_json::to_writer(&mut *out, &notes)?;
    out.write_all(b"}\n")
}

fn json_diagnostic<'a>(files: &'a ReportFiles<'a>, d: &'a Diagnostic) -> JsonDiagnostic<'a> {
    let run = files.run;
    JsonDiagnostic {
        rule: &d.rule,
        severity: d.severity,
        message: &d.message,
        location: Location::new(files, d.file, d.span),
        help: d.help.as_deref(),
        fix: d.fix.as_ref().map(|f| JsonFix {
            title: &f.title,
            applicability: f.applicability,
            edits: f
                .edits
                .iter()
                .map(|e| JsonEdit {
                    location: Location::new(files, d.file, e.span),
                    replacement: &e.replacement,
                })
                .collect(),
        }),
        related: d
            .related
            .iter()
            .map(|l| JsonRelated {
                location: Location::new(files, l.file, l.span),
                message: &l.message,
            })
            .collect(),
        data: d.data.as_ref().map(|data| DataRef { run, data }),
    }
}
