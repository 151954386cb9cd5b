//! The shared development corpus (`../shared/corpus/dev`) against its answer
//! key, `EXPECTED.yaml`: every planted front-matter defect must be reported
//! by the right rule on the right line, and the document rules must report
//! nothing else there. The mojibake part waits for the `mojibake` rule.
//!
//! The corpus lives outside the repository; without it these tests say so
//! and pass, so a checkout elsewhere still builds green.

mod common;

use assert_cmd::Command;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Document rules that existed when the answer key was written: within the
/// dev corpus they may only report the planted defects.
const DOCUMENT_RULES: &[&str] = &[
    "date-in-future",
    "date-invalid",
    "date-order",
    "encoding-not-utf8",
    "field-missing",
    "front-matter-duplicate-key",
    "front-matter-invalid",
    "image-alt-missing",
    "image-not-found",
    "image-url-insecure",
    "image-url-invalid",
    "mojibake",
    "read-time-invalid",
    "read-time-mismatch",
    "replacement-character",
];

#[derive(Debug, Deserialize)]
struct Expected {
    front_matter_defects: Vec<Defect>,
    mojibake: Vec<Mojibake>,
}

#[derive(Debug, Deserialize)]
struct Defect {
    file: String,
    line: u64,
    field: String,
    kind: String,
    value: String,
    #[serde(default)]
    problems: Vec<String>,
    #[serde(default)]
    expected_minutes: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Mojibake {
    file: String,
    line: u64,
    column: u64,
    text: String,
}

/// A finding from the JSON report, keyed by file name.
#[derive(Debug, Clone)]
struct Finding {
    file: String,
    line: u64,
    column: u64,
    rule: String,
    message: String,
}

fn corpus_dir() -> PathBuf {
    let dir = common::manifest_dir().join("../shared/corpus/dev");
    assert!(
        dir.join("EXPECTED.yaml").is_file(),
        "{} not found",
        dir.display()
    );
    dir
}

fn expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("EXPECTED.yaml")).expect("EXPECTED.yaml");
    serde_yaml::from_str(&text).expect("EXPECTED.yaml parses")
}

/// `copydesk check --format json --today 2026-01-01 ../shared/corpus/dev`.
fn run_check() -> Vec<Finding> {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(common::manifest_dir())
        .args([
            "check",
            "--format",
            "json",
            "--today",
            "2026-01-01",
            "../shared/corpus/dev",
        ])
        .output()
        .expect("copydesk runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "planted errors must fail the run"
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["summary"]["files"], 16, "every article is checked");
    assert_eq!(
        report["notes"],
        Value::Array(vec![]),
        "nothing skipped or unreadable"
    );
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| Finding {
            file: Path::new(d["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned(),
            line: d["line"].as_u64().unwrap(),
            column: d["column"].as_u64().unwrap(),
            rule: d["rule"].as_str().unwrap().to_string(),
            message: d["message"].as_str().unwrap().to_string(),
        })
        .collect()
}

fn rule_for(kind: &str) -> &'static str {
    match kind {
        "created_after_publish" => "date-order",
        "invalid_date" => "date-invalid",
        "malformed_image_url" => "image-url-invalid",
        "read_time_mismatch" => "read-time-mismatch",
        other => panic!("EXPECTED.yaml has a defect kind this test does not know: {other}"),
    }
}

/// The extra checks a defect's message must pass, by kind.
fn check_message(defect: &Defect, finding: &Finding) {
    let m = &finding.message;
    assert!(
        m.contains(&format!("`{}`", defect.field)) || defect.kind == "read_time_mismatch",
        "{m}"
    );
    match defect.kind.as_str() {
        "created_after_publish" | "invalid_date" | "malformed_image_url" => {
            assert!(
                m.contains(&defect.value),
                "{m} should quote {}",
                defect.value
            );
        }
        "read_time_mismatch" => {
            let stated: String = defect
                .value
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            assert!(m.contains(&format!("stated {stated} min")), "{m}");
            // "2.5-3.4 (at 265-200 wpm)": the suggestion must fall in that range, rounded.
            let range = defect
                .expected_minutes
                .as_deref()
                .expect("expected_minutes");
            let (lo, hi) = range
                .split_whitespace()
                .next()
                .unwrap()
                .split_once('-')
                .unwrap();
            let (lo, hi): (f64, f64) = (lo.parse().unwrap(), hi.parse().unwrap());
            let about: f64 = m
                .split("about ")
                .nth(1)
                .and_then(|s| s.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no `about N min` in {m}"));
            assert!(
                lo.floor() <= about && about <= hi.ceil(),
                "{m}: not in {range}"
            );
        }
        _ => {}
    }
    for p in &defect.problems {
        let keyword = if p.contains("scheme") {
            "scheme"
        } else if p.contains("extension") {
            "extension"
        } else if p.contains("whitespace") {
            "spaces"
        } else {
            panic!("unknown problem `{p}`")
        };
        assert!(m.contains(keyword), "{m} should mention {keyword}");
    }
}

#[test]
#[ignore = "needs ../shared/corpus/dev (the team's data); .ci/run runs it"]
fn every_front_matter_defect_is_reported() {
    let dir = corpus_dir();
    let expected = expected(&dir);
    assert_eq!(expected.front_matter_defects.len(), 8);
    let findings = run_check();
    for defect in &expected.front_matter_defects {
        let rule = rule_for(&defect.kind);
        let hit = findings
            .iter()
            .find(|f| f.file == defect.file && f.line == defect.line && f.rule == rule)
            .unwrap_or_else(|| {
                panic!("{defect:?} not reported as `{rule}`; findings: {findings:#?}")
            });
        check_message(defect, hit);
    }
}

#[test]
#[ignore = "needs ../shared/corpus/dev (the team's data); .ci/run runs it"]
fn document_rules_report_nothing_else() {
    let dir = corpus_dir();
    let expected = expected(&dir);
    let findings = run_check();
    let extra: Vec<&Finding> = findings
        .iter()
        .filter(|f| DOCUMENT_RULES.contains(&f.rule.as_ref()))
        .filter(|f| {
            !expected
                .front_matter_defects
                .iter()
                .any(|d| d.file == f.file && d.line == f.line && rule_for(&d.kind) == f.rule)
        })
        .filter(|f| {
            !(f.rule == "mojibake"
                && expected
                    .mojibake
                    .iter()
                    .any(|m| m.file == f.file && m.line == f.line && m.column == f.column))
        })
        .collect();
    assert!(
        extra.is_empty(),
        "findings not in EXPECTED.yaml: {extra:#?}"
    );
}

#[test]
#[ignore = "needs ../shared/corpus/dev (the team's data); .ci/run runs it"]
fn every_mojibake_occurrence_is_reported() {
    let dir = corpus_dir();
    let expected = expected(&dir);
    assert_eq!(expected.mojibake.len(), 7);
    let findings = run_check();
    let mojibake: Vec<&Finding> = findings.iter().filter(|f| f.rule == "mojibake").collect();
    for m in &expected.mojibake {
        assert!(
            mojibake
                .iter()
                .any(|f| f.file == m.file && f.line == m.line && f.column == m.column),
            "`{}` at {}:{}:{} not reported as `mojibake`; got {mojibake:#?}",
            m.text,
            m.file,
            m.line,
            m.column
        );
    }
    for f in &mojibake {
        assert!(
            expected
                .mojibake
                .iter()
                .any(|m| m.file == f.file && m.line == f.line && m.column == f.column),
            "`mojibake` finding not in EXPECTED.yaml: {f:?}"
        );
    }
}
