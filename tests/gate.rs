//! The CI gate a maintainer expects (issue 15), end to end: `--select` and
//! `--ignore`, `--exit-zero`, `--quiet`, `--statistics`, report files from
//! one run (`--output-format F=PATH`), `--max-findings`, `check --stdin`,
//! the per-rule counts that end the human report, and `copydesk schema`.
//!
//! Runs on `tests/fixtures/ci/content/` (7 findings: 6 errors, 1 warning),
//! copied to a temporary folder when a test writes files.

use assert_cmd::Command;
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-01-01";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci")
}

/// The fixtures in a temporary folder (config and `content/`).
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        fixtures().join("copydesk.yaml"),
        dir.path().join("copydesk.yaml"),
    )
    .unwrap();
    fs::create_dir(dir.path().join("content")).unwrap();
    for entry in fs::read_dir(fixtures().join("content")).unwrap() {
        let entry = entry.unwrap();
        fs::copy(
            entry.path(),
            dir.path().join("content").join(entry.file_name()),
        )
        .unwrap();
    }
    dir
}

/// `copydesk check --today … --color never ARGS` in `dir`, no CI
/// environment leaking in.
fn check(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR")
        .env("CI", "true")
        .args(["check", "--today", TODAY, "--color", "never"])
        .args(args)
        .output()
        .unwrap()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// The rule ids of the JSON report's findings, sorted.
fn rules_found(out: &std::process::Output) -> Vec<String> {
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut rules: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    rules.sort();
    rules
}

#[test]
fn select_runs_only_the_named_rules() {
    let out = check(
        &fixtures(),
        &["content", "--format", "json", "--select", "date-order"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(rules_found(&out), ["date-order"; 3]);
    // A prefix with `*`, and a list split on commas or repeated.
    let out = check(
        &fixtures(),
        &["content", "--format", "json", "--select", "image-*"],
    );
    assert_eq!(
        rules_found(&out),
        [
            "image-alt-missing",
            "image-url-invalid",
            "image-url-invalid"
        ]
    );
    let out = check(
        &fixtures(),
        &[
            "content",
            "--format",
            "json",
            "--select",
            "date-order,image-alt-missing",
            "--select",
            "read-time-mismatch",
        ],
    );
    assert_eq!(
        rules_found(&out),
        [
            "date-order",
            "date-order",
            "date-order",
            "image-alt-missing",
            "read-time-mismatch"
        ]
    );
}

#[test]
fn select_wins_over_the_config_and_keeps_its_options() {
    let dir = workspace();
    fs::write(
        dir.path().join("copydesk.yaml"),
        "rules:\n  date-order: off\n  image-alt-missing: error\n",
    )
    .unwrap();
    let out = check(dir.path(), &["content", "--format", "json"]);
    assert!(!rules_found(&out).contains(&"date-order".to_string()));
    let out = check(
        dir.path(),
        &[
            "content",
            "--format",
            "json",
            "--select",
            "date-order,image-alt-missing",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found = report["diagnostics"].as_array().unwrap();
    // Turned off in the file, selected on the command line: on, at its
    // default severity; the file's severity for the other one still holds.
    assert_eq!(found.len(), 4, "{found:#?}");
    for d in found {
        assert_eq!(d["severity"], "error", "{d}");
    }
}

#[test]
fn ignore_turns_rules_off_even_when_selected() {
    let out = check(
        &fixtures(),
        &[
            "content",
            "--format",
            "json",
            "--ignore",
            "date-order,image-url-invalid",
        ],
    );
    assert_eq!(
        rules_found(&out),
        ["image-alt-missing", "read-time-mismatch"]
    );
    let out = check(
        &fixtures(),
        &[
            "content",
            "--format",
            "json",
            "--select",
            "date-order",
            "--ignore",
            "date-*",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(rules_found(&out).is_empty());
}

#[test]
fn an_unknown_rule_in_select_or_ignore_is_an_error_with_a_suggestion() {
    let out = check(&fixtures(), &["content", "--select", "date-ordr"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("unknown rule `date-ordr` in --select"),
        "{err}"
    );
    assert!(err.contains("did you mean `date-order`?"), "{err}");
    assert!(stdout(&out).is_empty());

    let out = check(&fixtures(), &["content", "--ignore", "mojibak,zzz"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown rule `mojibak` in --ignore"), "{err}");
    assert!(err.contains("did you mean `mojibake`?"), "{err}");

    // Nothing near: no suggestion; a prefix that matches nothing is wrong too.
    let out = check(&fixtures(), &["content", "--select", "spelling"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains("did you mean"), "{}", stderr(&out));
    let out = check(&fixtures(), &["content", "--select", "zzz-*"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown rule `zzz-*`"));
}

#[test]
fn exit_zero_passes_with_findings_but_not_with_errors() {
    let out = check(
        &fixtures(),
        &["content", "--format", "short", "--exit-zero"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out).lines().count(), 7, "findings still reported");
    // An unreadable path is an error copydesk could not work around.
    let out = check(&fixtures(), &["content", "missing.md", "--exit-zero"]);
    assert_eq!(out.status.code(), Some(2));
    // `--fail-on never` says the same, and wins over the config's level.
    let dir = workspace();
    fs::write(dir.path().join("copydesk.yaml"), "fail_on: info\n").unwrap();
    assert_eq!(check(dir.path(), &["content"]).status.code(), Some(1));
    let out = check(dir.path(), &["content", "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("6 errors, 1 warning"));
}

#[test]
fn quiet_prints_the_findings_and_nothing_else() {
    let dir = workspace();
    // A binary article: a note, not a finding.
    fs::write(
        dir.path().join("content/export.md"),
        [0u8, 159, 146, 150, 0],
    )
    .unwrap();
    let loud = stdout(&check(dir.path(), &["content"]));
    assert!(loud.contains("skipped: binary file"));
    assert!(loud.contains("4 files checked"));
    for flag in ["-q", "--quiet"] {
        let out = check(dir.path(), &["content", flag]);
        assert_eq!(out.status.code(), Some(1));
        let text = stdout(&out);
        assert_eq!(text.matches("error[").count(), 6, "{text}");
        assert_eq!(text.matches("warning[").count(), 1, "{text}");
        for absent in ["files checked", "skipped: binary", "count  severity"] {
            assert!(!text.contains(absent), "{absent} in {text}");
        }
        assert!(stderr(&out).is_empty());
    }
    let short = stdout(&check(dir.path(), &["content", "-q", "--format", "short"]));
    assert_eq!(short.lines().count(), 7, "{short}");
    // Quiet keeps what fails the run: an unreadable path.
    let out = check(
        dir.path(),
        &["content", "missing.md", "-q", "--format", "short"],
    );
    assert!(stdout(&out).contains("missing.md: note: no such file"));
}

#[test]
fn statistics_count_findings_per_rule() {
    let out = check(&fixtures(), &["content", "--statistics"]);
    assert_eq!(out.status.code(), Some(1), "the exit code is unchanged");
    assert_eq!(
        stdout(&out),
        "count  severity  fixable  rule\n    \
             3  error           0  date-order\n    \
             2  error           0  image-url-invalid\n    \
             1  warning         0  image-alt-missing\n    \
             1  error           1  read-time-mismatch\n"
    );
    let out = check(
        &fixtures(),
        &["content", "--statistics", "--format", "json"],
    );
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[3],
        serde_json::json!({"rule": "read-time-mismatch", "count": 1, "severity": "error", "fixable": 1})
    );
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(total, 7);
    // Nothing found: only the header.
    let out = check(&fixtures(), &["content/clean.md", "--statistics"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "count  severity  fixable  rule\n");
}

#[test]
fn one_run_writes_several_report_files() {
    let dir = workspace();
    let args = [
        "content",
        "--format",
        "github",
        "--output-format",
        "sarif=copydesk.sarif",
        "--output-format",
        "junit=reports/junit.xml",
        "--output-format",
        "JSON=content/report.txt",
    ];
    let out = check(dir.path(), &args);
    // `reports/` does not exist: a clear error before the run.
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot write report file reports/junit.xml"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).is_empty());
    fs::create_dir(dir.path().join("reports")).unwrap();
    let out = check(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    // Stdout has the format of --format.
    let annotations = stdout(&out);
    assert_eq!(
        annotations.lines().filter(|l| l.starts_with("::")).count(),
        7
    );
    let sarif: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("copydesk.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 7);
    let junit = fs::read_to_string(dir.path().join("reports/junit.xml")).unwrap();
    assert!(junit.starts_with("<?xml"));
    assert_eq!(junit.matches("<failure ").count(), 7);
    // A report written inside the checked folder is not taken for an article.
    let json: Value =
        serde_json::from_str(&fs::read_to_string(dir.path().join("content/report.txt")).unwrap())
            .unwrap();
    assert_eq!(json["summary"]["files"], 4);
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 7);
    // Each file holds what a run with that --format prints.
    fs::remove_file(dir.path().join("content/report.txt")).unwrap();
    let alone = check(dir.path(), &["content", "--format", "sarif"]);
    let written = fs::read_to_string(dir.path().join("copydesk.sarif")).unwrap();
    assert!(
        written == stdout(&alone),
        "the SARIF file differs from stdout"
    );
}

#[test]
fn a_bad_output_format_is_a_usage_error() {
    for (arg, expected) in [
        ("sarif", "expected FORMAT=PATH"),
        ("pdf=x.pdf", "unknown format `pdf`"),
        ("sarif=", "no file after `sarif=`"),
    ] {
        let out = check(&fixtures(), &["content", "--output-format", arg]);
        assert_eq!(out.status.code(), Some(2), "{arg}");
        assert!(stderr(&out).contains(expected), "{arg}: {}", stderr(&out));
    }
}

#[test]
fn max_findings_shows_the_most_severe_and_says_so() {
    let out = check(&fixtures(), &["content", "--max-findings", "6"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.matches("error[").count(), 6, "{text}");
    assert_eq!(
        text.matches("warning[").count(),
        0,
        "the warning goes first"
    );
    assert!(
        text.contains("showing 6 of 7 findings, the most severe first (--max-findings 6)"),
        "{text}"
    );
    // The counts and the summary still cover every finding.
    assert!(text.contains("    1  warning         0  image-alt-missing"));
    assert!(text.ends_with("4 files checked: 6 errors, 1 warning (1 with a fix that only `--unsafe-fixes` applies)\n"), "{text}");

    let out = check(
        &fixtures(),
        &["content", "--format", "short", "--max-findings", "1"],
    );
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.contains("content/guide.md:3:15: error[date-order]"),
        "{text}"
    );
    assert!(text.ends_with(
        "copydesk: showing 1 of 7 findings, the most severe first (--max-findings 1)\n"
    ));
    // Under the cap, or without it, no such line.
    for args in [&["content", "--max-findings", "7"][..], &["content"][..]] {
        assert!(!stdout(&check(&fixtures(), args)).contains("showing"));
    }
}

#[test]
fn the_human_report_ends_with_counts_per_rule() {
    let text = stdout(&check(&fixtures(), &["content"]));
    let tail: Vec<&str> = text.lines().rev().take(6).collect();
    assert_eq!(
        tail,
        [
            "4 files checked: 6 errors, 1 warning (1 with a fix that only `--unsafe-fixes` applies)",
            "    1  error           1  read-time-mismatch",
            "    1  warning         0  image-alt-missing",
            "    2  error           0  image-url-invalid",
            "    3  error           0  date-order",
            "count  severity  fixable  rule",
        ]
    );
    // A clean run has nothing to count.
    let clean = stdout(&check(&fixtures(), &["content/clean.md"]));
    assert_eq!(clean, "1 file checked: no problems found\n");
}

/// `check --stdin ARGS` in `dir` with `input` on stdin.
fn check_stdin(dir: &Path, input: &[u8], args: &[&str]) -> std::process::Output {
    Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir)
        .env("CI", "true")
        .args(["check", "--today", TODAY, "--stdin", "--format", "short"])
        .args(args)
        .write_stdin(input)
        .output()
        .unwrap()
}

#[test]
fn stdin_is_checked_under_the_name_given() {
    let launch = fs::read(fixtures().join("content/launch.md")).unwrap();
    let out = check_stdin(
        &fixtures(),
        &launch,
        &["--stdin-filename", "content/launch.md"],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.starts_with("content/launch.md:3:15: error[date-order]"),
        "{text}"
    );
    let out = check_stdin(&fixtures(), &launch, &[]);
    assert!(stdout(&out).starts_with("<stdin>:3:15: error[date-order]"));
    // Relative image paths are resolved from the name's folder.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("copydesk.yaml"), "rules: {}\n").unwrap();
    fs::create_dir_all(dir.path().join("posts/img")).unwrap();
    fs::write(dir.path().join("posts/img/a.png"), b"\x89PNG").unwrap();
    let article = b"---\ntitle: T\npublish_date: 2024-01-01\n---\n![A chart](img/a.png)\n";
    let out = check_stdin(dir.path(), article, &["--stdin-filename", "posts/a.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let out = check_stdin(dir.path(), article, &["--stdin-filename", "drafts/a.md"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("drafts/a.md:5:12: error[image-not-found]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn stdin_errors_are_clear() {
    // Binary input.
    let out = check_stdin(&fixtures(), &[0, 159, 146, 150, 0, 1], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("stdin is not text"),
        "{}",
        stderr(&out)
    );
    // Paths or --fix with --stdin, or a name without --stdin: usage errors.
    let out = check_stdin(&fixtures(), b"x", &["content"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot be used with"),
        "{}",
        stderr(&out)
    );
    let out = check_stdin(&fixtures(), b"x", &["--fix"]);
    assert_eq!(out.status.code(), Some(2));
    let out = check(&fixtures(), &["--stdin-filename", "a.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--stdin"), "{}", stderr(&out));
}

#[test]
fn every_flag_is_in_check_help() {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "--help"])
        .output()
        .unwrap();
    let help = stdout(&out);
    for flag in [
        "--select <RULE,...>",
        "--ignore <RULE,...>",
        "--exit-zero",
        "-q, --quiet",
        "--statistics",
        "--output-format <F=PATH>",
        "--max-findings <N>",
        "--stdin",
        "--stdin-filename <PATH>",
    ] {
        assert!(help.contains(flag), "{flag} missing from check --help");
    }
}

/// `copydesk schema`, compiled as a validator.
fn config_schema() -> (Value, jsonschema::Validator) {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    (schema, validator)
}

/// Whether `yaml` is valid against the schema (YAML read as JSON, as
/// yaml-language-server does).
fn schema_accepts(validator: &jsonschema::Validator, yaml: &str) -> bool {
    let value: Value = serde_yaml::from_str(yaml).unwrap();
    validator.is_valid(&value)
}

#[test]
fn schema_describes_the_config_file() {
    let (schema, validator) = config_schema();
    assert_eq!(schema["title"], "copydesk.yaml");
    // The README's example config, and each rule level.
    let readme_example = r#"
include: ["content/**/*.md"]
exclude: ["drafts/"]
extensions: [md, txt]
rule_dirs: [styles/]
fail_on: warning
corpus: content/
facts: facts.yaml
lexicon:
  synonyms: { pay: [salary, wage] }
  tolerances: { rel_tol: 0.05 }
rules:
  date-in-future: off
  mojibake: false
  image-alt-missing: info
  read-time-mismatch:
    severity: warning
    words_per_minute: 200
  field-missing:
    required: [title, publish_date, author]
  house-utilize: warning
"#;
    assert!(schema_accepts(&validator, readme_example));
    // What copydesk itself accepts, the schema accepts.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("copydesk.yaml"),
        readme_example.replace("  house-utilize: warning\n", ""),
    )
    .unwrap();
    fs::create_dir(dir.path().join("styles")).unwrap();
    fs::write(dir.path().join("facts.yaml"), "facts: []\n").unwrap();
    let out = check(dir.path(), &["--statistics"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // What copydesk rejects, the schema rejects.
    for bad in [
        "bogus: 1\n",
        "fail_on: fatal\n",
        "include: content\n",
        "rules:\n  date-order: fatal\n",
        "rules:\n  read-time-mismatch:\n    words_per_minut: 200\n",
        "rules:\n  read-time-mismatch:\n    words_per_minute: fast\n",
    ] {
        assert!(!schema_accepts(&validator, bad), "{bad}");
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("copydesk.yaml"), bad).unwrap();
        fs::write(
            dir.path().join("a.md"),
            "---\ntitle: T\npublish_date: 2024-01-01\n---\nBody.\n",
        )
        .unwrap();
        assert_eq!(check(dir.path(), &[]).status.code(), Some(2), "{bad}");
    }
    // Every rule is there, with its summary and options.
    let catalogue: Vec<Value> = serde_json::from_slice(
        &Command::cargo_bin("copydesk")
            .unwrap()
            .args(["rules", "--json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let rules = &schema["properties"]["rules"]["properties"];
    for spec in &catalogue {
        let id = spec["id"].as_str().unwrap();
        let description = rules[id]["description"].as_str().unwrap_or_default();
        assert!(
            description.starts_with(spec["summary"].as_str().unwrap()),
            "{id}: {description}"
        );
    }
    assert_eq!(
        rules["read-time-mismatch"]["anyOf"][1]["properties"]["words_per_minute"]["default"],
        230
    );
}
