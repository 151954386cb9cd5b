//! Partial runs (pre-commit passes only staged files): with a corpus given,
//! copydesk reads every article for the cross-article rules but reports only
//! findings that touch a named file.

mod common;

use assert_cmd::Command;
use common::article;
use std::path::Path;

fn corpus() -> tempfile::TempDir {
    common::contradictions_corpus()
}

fn short(dir: &Path, args: &[&str]) -> String {
    String::from_utf8(common::check_short(dir, args).stdout).expect("UTF-8")
}

#[test]
fn a_contradiction_with_an_unnamed_file_is_reported() {
    let dir = corpus();
    let out = short(dir.path(), &["--corpus", ".", "a.md"]);
    assert!(out.contains("claim-direction-mismatch"), "{out}");
    assert!(out.contains("a.md") && out.contains("b.md"), "{out}");
}

#[test]
fn a_contradiction_between_two_unnamed_files_is_not_reported() {
    let dir = corpus();
    let out = short(dir.path(), &["--corpus", ".", "a.md"]);
    assert!(
        !out.contains("nurse") && !out.contains("c.md") && !out.contains("$98,000"),
        "{out}"
    );
}

#[test]
fn without_a_corpus_only_the_named_files_are_compared() {
    let dir = corpus();
    let out = short(dir.path(), &["a.md"]);
    assert!(!out.contains("claim-"), "{out}");
}

#[test]
fn corpus_from_the_config_works_the_same() {
    let dir = corpus();
    std::fs::write(dir.path().join("copydesk.yaml"), "corpus: .\n").expect("config");
    let out = short(dir.path(), &["d.md"]);
    assert!(
        out.contains("claim-value-mismatch") && out.contains("c.md"),
        "{out}"
    );
    assert!(!out.contains("a.md"), "{out}");
}

#[test]
fn after_fix_the_remaining_findings_still_see_the_corpus() {
    let dir = corpus();
    // Mojibake to repair, and a contradiction with b.md that --fix cannot.
    article(
        dir.path(),
        "a.md",
        "Phishing incidents at small businesses rose 22% in 2024 \u{e2}\u{20ac}\u{201c} insurers say.",
    );
    let out = Command::cargo_bin("copydesk")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "check",
            "--fix",
            "--format",
            "short",
            "--today",
            "2026-01-01",
        ])
        .args(["--corpus", ".", "a.md"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let fixed = std::fs::read_to_string(dir.path().join("a.md")).expect("read");
    assert!(fixed.contains("2024 \u{2013} insurers"), "{fixed}");
    assert!(!stdout.contains("mojibake"), "{stdout}");
    assert!(
        stdout.contains("claim-direction-mismatch") && stdout.contains("b.md"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn a_corpus_from_the_config_is_shown_relative_to_the_current_folder() {
    let dir = corpus();
    std::fs::write(dir.path().join("copydesk.yaml"), "corpus: .\n").expect("config");
    let out = short(dir.path(), &["d.md"]);
    let root = dir.path().display().to_string();
    assert!(!out.contains(&root), "absolute paths in:\n{out}");
    assert!(out.lines().any(|l| l.starts_with("d.md:")), "{out}");
    for format in ["github", "gitlab", "sarif", "json"] {
        let out = common::check_format(dir.path(), format, &["d.md"]);
        assert!(!out.contains(&root), "absolute paths in {format}:\n{out}");
    }
}

#[test]
fn the_summary_of_a_partial_run_counts_the_named_files() {
    let dir = corpus();
    let out = common::check_format(dir.path(), "human", &["--corpus", ".", "a.md"]);
    assert!(out.contains("\n1 file checked:"), "{out}");
}
