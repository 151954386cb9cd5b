//! Suppressions and the claims rules: a figure where every claim rule is
//! disabled takes no part in comparisons, so it raises no finding in another
//! article either.

use assert_cmd::Command;

const ARTICLE: &str = "---\ntitle: Drone pilots\npublish_date: 2024-05-01\n---\n\n";

/// The claim findings of `copydesk check --format short` over `files`.
fn claim_findings(files: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in files {
        // A body that brings its own front matter is written as it is.
        let text = if body.starts_with("---") {
            format!("{body}\n")
        } else {
            format!("{ARTICLE}{body}\n")
        };
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args([
            "check",
            "--format",
            "short",
            "--no-cache",
            "--today",
            "2026-01-01",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.contains("[claim-"))
        .map(String::from)
        .collect()
}

const A: &str = "The average salary of a drone pilot in the US is $61,000.";
const B: &str = "The average salary for a drone pilot in the US is $75,000.";

#[test]
fn conflicting_figures_are_reported() {
    let found = claim_findings(&[("a.md", A), ("b.md", B)]);
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_disabled_article_s_figures_meet_no_other_article() {
    let disabled = format!("<!-- copydesk-disable -->\n\n{B}");
    assert_eq!(
        claim_findings(&[("a.md", A), ("b.md", &disabled)]),
        Vec::<String>::new()
    );
    let rules = format!(
        "<!-- copydesk-disable claim-value-mismatch claim-hedge-conflict claim-period-mismatch claim-scale-mismatch claim-direction-mismatch -->\n\n{B}"
    );
    assert_eq!(
        claim_findings(&[("a.md", A), ("b.md", &rules)]),
        Vec::<String>::new()
    );
    let front =
        format!("---\ntitle: Drones\npublish_date: 2024-05-01\ncopydesk-disable: true\n---\n\n{B}");
    assert_eq!(
        claim_findings(&[("a.md", A), ("b.md", &front)]),
        Vec::<String>::new()
    );
    // One claim rule off is not all of them: the figure still counts.
    let one = format!("<!-- copydesk-disable claim-hedge-conflict -->\n\n{B}");
    assert_eq!(claim_findings(&[("a.md", A), ("b.md", &one)]).len(), 1);
}

/// `copydesk check --format json` over two conflicting articles, with
/// `config` as copydesk.yaml: the claim findings' `data`.
fn claim_data(config: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    for (name, body) in [("a.md", A), ("b.md", B)] {
        std::fs::write(dir.path().join(name), format!("{ARTICLE}{body}\n")).unwrap();
    }
    std::fs::write(dir.path().join("copydesk.yaml"), config).unwrap();
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .current_dir(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--no-cache",
            "--today",
            "2026-01-01",
            ".",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("claim-"))
        .map(|d| d["data"].clone())
        .collect()
}

#[test]
fn findings_carry_their_confidence_and_why_they_matched() {
    let data = claim_data("rules: {}\n");
    assert_eq!(data.len(), 1, "{data:?}");
    // Present tense only (-0.2) from 0.95.
    assert_eq!(data[0]["confidence"], 0.75);
    assert_eq!(
        data[0]["matched"]["subject"],
        "average pay · drone pilot · US"
    );
    // A rule's min_confidence above it hides the finding.
    let data = claim_data("rules:\n  claim-value-mismatch:\n    min_confidence: 0.8\n");
    assert!(data.is_empty(), "{data:?}");
}
