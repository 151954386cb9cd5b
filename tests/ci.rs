//! Where writers and CI meet copydesk: the CI output formats (snapshots of
//! every format on `tests/fixtures/ci/`, SARIF against the official schema,
//! GitHub annotation limits and escaping, JUnit and GitLab read back),
//! baselines, `init`, `--since`, completions and man pages.

use assert_cmd::Command;
use std::fs;
use std::path::{Path, PathBuf};

const TODAY: &str = "2026-01-01";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ci")
}

/// The binary, with no CI environment leaking in from the machine.
fn copydesk(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("copydesk").expect("binary built");
    cmd.current_dir(dir)
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("NO_COLOR")
        .env("CI", "true");
    cmd
}

/// Run `check content` on the fixtures in `format`; returns stdout and exit code.
fn check_fixtures(format: &str) -> (String, i32) {
    let out = copydesk(&fixtures())
        .args(["check", "content", "--today", TODAY, "--color", "never"])
        .args(["--format", format])
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

/// Keep snapshots from changing each time a rule joins the catalogue: the
/// SARIF rule list keeps only the rules that fired (indexes redacted), and
/// JUnit drops the passing test cases and the test counts.
fn stable(format: &str, stdout: String) -> String {
    match format {
        // The report is compact JSON; the snapshot is pretty for review.
        "json" => {
            let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            serde_json::to_string_pretty(&report).unwrap() + "\n"
        }
        "sarif" => {
            let mut log: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            let run = &mut log["runs"][0];
            let fired: Vec<serde_json::Value> = run["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["ruleId"].clone())
                .collect();
            let driver = &mut run["tool"]["driver"];
            driver["rules"]
                .as_array_mut()
                .unwrap()
                .retain(|r| fired.contains(&r["id"]));
            for r in run["results"].as_array_mut().unwrap() {
                r["ruleIndex"] = "[index]".into();
            }
            serde_json::to_string_pretty(&log).unwrap()
        }
        "junit" => {
            let tests = regex::Regex::new(r#" tests="\d+""#).unwrap();
            stdout
                .lines()
                .filter(|l| !(l.trim_start().starts_with("<testcase ") && l.ends_with("/>")))
                .map(|l| tests.replace(l, r#" tests="[n]""#).into_owned() + "\n")
                .collect()
        }
        _ => stdout,
    }
}

#[test]
fn every_format_snapshot() {
    for format in [
        "human", "short", "json", "sarif", "github", "junit", "gitlab",
    ] {
        let (stdout, code) = check_fixtures(format);
        assert_eq!(code, 1, "{format}: findings fail the run");
        insta::assert_snapshot!(format!("format_{format}"), stable(format, stdout));
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/sarif-schema-2.1.0.json");
    let schema: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&schema_path).unwrap()).unwrap();
    jsonschema::validator_for(&schema).expect("the SARIF schema compiles")
}

fn schema_errors(validator: &jsonschema::Validator, log: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
#[ignore = "needs ../shared/eval (the team's data); .ci/run runs it"]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_validator();
    // The fixtures (results, related locations, fixes) plus a path that does
    // not exist (a tool execution notification).
    let out = copydesk(&fixtures())
        .args(["check", "content", "missing.md", "--today", TODAY])
        .args(["--format", "sarif"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = schema_errors(&validator, &log);
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(run["invocations"][0]["executionSuccessful"], false);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 7);
    assert!(results.iter().any(|r| r.get("fixes").is_some()));
    assert!(results.iter().any(|r| r.get("relatedLocations").is_some()));
    // Each result points at its rule's metadata.
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
    // The image after "Voilà, café crème — " starts at character 21.
    let alt = results
        .iter()
        .find(|r| r["ruleId"] == "image-alt-missing")
        .unwrap();
    assert_eq!(
        alt["locations"][0]["physicalLocation"]["region"]["startColumn"],
        21
    );
    // Every catalogue rule is described, with its metadata.
    let out = copydesk(&fixtures())
        .args(["rules", "--json"])
        .output()
        .unwrap();
    let catalogue: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules.len(), catalogue.len());
    for (rule, spec) in rules.iter().zip(&catalogue) {
        assert_eq!(rule["id"], spec["id"]);
        // PascalCase, never the id (sarif-multitool SARIF1001), from the name.
        let name = rule["name"].as_str().unwrap();
        let id = rule["id"].as_str().unwrap();
        assert!(!name.eq_ignore_ascii_case(id), "{name}");
        assert!(
            name.chars().next().unwrap().is_ascii_uppercase()
                && name.chars().all(|c| c.is_alphanumeric()),
            "{name}"
        );
        let words: String = spec["name"]
            .as_str()
            .unwrap()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        assert!(
            name.to_lowercase().starts_with(&words.to_lowercase()),
            "{name} comes from {words}"
        );
        // The rule's documentation: its YAML in copydesk's repository.
        assert_eq!(
            rule["helpUri"].as_str().unwrap(),
            format!("{}/blob/main/rules/{id}.yaml", env!("CARGO_PKG_REPOSITORY"))
        );
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("rules/{id}.yaml"))
                .is_file()
        );
        assert_eq!(rule["shortDescription"]["text"], spec["summary"]);
        let level = match spec["severity"].as_str().unwrap() {
            "info" => "note",
            other => other,
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
        assert!(!rule["fullDescription"]["text"].as_str().unwrap().is_empty());
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap()
                .contains("copydesk explain")
        );
    }
    assert_eq!(
        run["tool"]["driver"]["informationUri"],
        env!("CARGO_PKG_REPOSITORY")
    );
    // A capped log (below) is valid too.
    let capped = sarif_of(flood(MAX_RESULTS + 11).path());
    let errors = schema_errors(&validator, &capped);
    assert!(errors.is_empty(), "{errors:#?}");
    // A validator that accepts anything would prove nothing.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] =
        0.into();
    assert!(!schema_errors(&validator, &broken).is_empty());
}

/// GitHub code scanning's limit on results per run.
const MAX_RESULTS: usize = 25_000;

/// A folder with `a.md`, holding `warnings` images without alt text (one
/// warning each), and `z.md`, holding one error (date-order): findings come
/// in file order, so the error is the last.
fn flood(warnings: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("copydesk.yaml"), "rules: {}\n").unwrap();
    let mut text = String::from("---\ntitle: T\npublish_date: 2024-02-01\n---\n");
    for i in 0..warnings {
        text.push_str(&format!("![](https://x.example/{i}.png)\n"));
    }
    fs::write(dir.path().join("a.md"), text).unwrap();
    fs::write(
        dir.path().join("z.md"),
        "---\ntitle: T\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\n---\nBody.\n",
    )
    .unwrap();
    dir
}

/// `check --format sarif` in `dir`, parsed. Only the two rules that fire
/// run: reading the claims of 25,000 lines would only slow the test down.
fn sarif_of(dir: &Path) -> serde_json::Value {
    let out = copydesk(dir)
        .args(["check", "--today", TODAY, "--format", "sarif"])
        .args(["--select", "date-order,image-alt-missing"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn sarif_keeps_the_most_severe_results_within_githubs_limit_and_says_so() {
    // Keeping the first 25,000 would lose the error, which comes last.
    let dir = flood(MAX_RESULTS + 11);
    let log = sarif_of(dir.path());
    let run = &log["runs"][0];
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), MAX_RESULTS);
    assert_eq!(
        results.iter().filter(|r| r["level"] == "error").count(),
        1,
        "the error is kept"
    );
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0]["level"], "warning");
    let message = notes[0]["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with("12 of 25012 results were left out (12 warnings): GitHub code scanning accepts at most 25000 results per run"),
        "{message}"
    );
    // Results stay in file order: the error, from z.md, is the last.
    assert_eq!(results[MAX_RESULTS - 1]["level"], "error");
    assert_eq!(
        results[MAX_RESULTS - 1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "z.md"
    );
    // At the limit, nothing is left out and nothing is said.
    let dir = flood(MAX_RESULTS - 1);
    let log = sarif_of(dir.path());
    let run = &log["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), MAX_RESULTS);
    assert!(
        run["invocations"][0]
            .get("toolExecutionNotifications")
            .is_none()
    );
}

/// A folder of `n` articles, each with one error (date-order) and one
/// warning (image-alt-missing).
fn many_findings(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("copydesk.yaml"), "rules: {}\n").unwrap();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("a{i:02}, 100%.md")),
            "---\ntitle: T\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\n---\n![](https://x.example/a.png)\n",
        )
        .unwrap();
    }
    dir
}

#[test]
fn github_annotations_respect_limits_and_write_the_job_summary() {
    let dir = many_findings(12);
    let elsewhere = tempfile::tempdir().unwrap();
    let summary = elsewhere.path().join("summary.md");
    fs::write(&summary, "earlier step\n").unwrap();
    let out = copydesk(dir.path())
        .args(["check", "--today", TODAY, "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let errors = stdout.lines().filter(|l| l.starts_with("::error ")).count();
    let warnings = stdout
        .lines()
        .filter(|l| l.starts_with("::warning "))
        .count();
    assert_eq!((errors, warnings), (10, 10), "{stdout}");
    assert!(
        stdout.contains("copydesk: 4 findings not shown as annotations"),
        "{stdout}"
    );
    assert!(stdout.contains("all 24 are listed in the job summary"));
    // Properties escape `,` and `%`; `:` in the title is escaped too.
    assert!(
        stdout.contains("::error file=a00%2C 100%25.md,line=3,col=15,endLine=3,endColumn=25,title=copydesk (date-order)::"),
        "{stdout}"
    );
    let table = fs::read_to_string(&summary).unwrap();
    assert!(
        table.starts_with("earlier step\n"),
        "appended, not replaced"
    );
    assert!(table.contains("### copydesk: 24 findings in 12 files"));
    assert_eq!(
        table.lines().filter(|l| l.starts_with("| error |")).count(),
        12
    );
    assert_eq!(
        table
            .lines()
            .filter(|l| l.starts_with("| warning |"))
            .count(),
        12
    );

    // Without a summary file, stdout says how to see the rest.
    let out = copydesk(dir.path())
        .args(["check", "--today", TODAY, "--format", "github"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("run with `--format human` to see them all"));

    // Under the limits nothing is omitted and no summary is written.
    let few = many_findings(3);
    let summary = elsewhere.path().join("other.md");
    let out = copydesk(few.path())
        .args(["check", "--today", TODAY, "--format", "github"])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 6, "{stdout}");
    assert!(!summary.exists());
}

#[test]
fn junit_is_well_formed_and_counts_add_up() {
    use quick_xml::events::Event;
    let (xml, _) = check_fixtures("junit");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let (mut cases, mut failures, mut suites) = (0, 0, Vec::new());
    let mut declared_failures = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let attr = |name: &str| {
                    e.try_get_attribute(name).unwrap().map(|a| {
                        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .unwrap()
                            .into_owned()
                    })
                };
                match e.name().as_ref() {
                    "testsuites" => declared_failures = attr("failures"),
                    "testsuite" => suites.push(attr("name").unwrap()),
                    "testcase" => cases += 1,
                    "failure" => failures += 1,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    assert_eq!(failures, 7);
    assert_eq!(declared_failures.as_deref(), Some("7"));
    assert_eq!(suites.len(), 4);
    assert!(suites.contains(&"content/q&a, 100%.md".to_string()));
    assert_eq!(cases % 4, 0, "one case per enabled rule in each file");
}

/// `xmllint --noout --schema XSD` on `xml`: the errors, or `None` if valid.
fn xmllint(xsd: &Path, xml: &str) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.xml");
    fs::write(&file, xml).unwrap();
    let out = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--schema")
        .arg(xsd)
        .arg(&file)
        .output()
        .expect("xmllint runs (Debian package libxml2-utils)");
    (!out.status.success()).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
#[ignore = "needs xmllint (Debian libxml2-utils) and ../shared/eval; .ci/run installs the one and runs it"]
fn junit_validates_against_the_published_schemas() {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schemas = [
        manifest.join("tests/schemas/junit.xsd"),
        manifest.join("../shared/eval/junit-10.xsd"),
    ];
    // Failures, an unreadable file (<error>) and a binary one (<skipped>).
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("copydesk.yaml"), "rules: {}\n").unwrap();
    fs::write(
        dir.path().join("a.md"),
        "---\ntitle: T\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\n---\n![](x.png) <&>\n",
    )
    .unwrap();
    fs::write(dir.path().join("b.md"), [0u8, 159, 146, 150, 0]).unwrap();
    let out = copydesk(dir.path())
        .args(["check", "a.md", "b.md", "missing.md", "--today", TODAY])
        .args(["--format", "junit"])
        .output()
        .unwrap();
    let xml = String::from_utf8(out.stdout).unwrap();
    for tag in ["<failure ", "<error ", "<skipped "] {
        assert!(xml.contains(tag), "{tag} in {xml}");
    }
    let (fixtures_xml, _) = check_fixtures("junit");
    for xsd in &schemas {
        for report in [&xml, &fixtures_xml] {
            assert_eq!(xmllint(xsd, report), None, "{}", xsd.display());
        }
        // The validator is not a rubber stamp: the attribute this report
        // used to carry is rejected.
        let old = xml.replacen("<testsuites ", "<testsuites skipped=\"0\" ", 1);
        assert!(xmllint(xsd, &old).is_some(), "{}", xsd.display());
    }
    // Ours also types the counts.
    let bad_count = xml.replacen(" tests=\"", " tests=\"x", 1);
    assert!(xmllint(&schemas[0], &bad_count).is_some());
}

#[test]
fn gitlab_code_quality_reads_back() {
    let (json, _) = check_fixtures("gitlab");
    let issues: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(issues.len(), 7);
    let mut fingerprints = std::collections::HashSet::new();
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&i["severity"].as_str().unwrap())
        );
        assert!(
            i["location"]["path"]
                .as_str()
                .unwrap()
                .starts_with("content/")
        );
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(fingerprints.insert(i["fingerprint"].as_str().unwrap().to_string()));
    }
    let alt = issues
        .iter()
        .find(|i| i["check_name"] == "image-alt-missing")
        .unwrap();
    assert_eq!(alt["severity"], "minor");
}

const ARTICLE: &str = "---\ntitle: Baseline\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\nread_time: 30 min\n---\nFirst paragraph.\n\n![](https://x.example/a.png)\n\nMiddle paragraph.\n\n![](https://x.example/a.png)\n";

fn json_findings(dir: &Path, extra: &[&str]) -> (Vec<serde_json::Value>, serde_json::Value, i32) {
    let out = copydesk(dir)
        .args(["check", "--today", TODAY, "--format", "json"])
        .args(extra)
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        report["diagnostics"].as_array().unwrap().clone(),
        report["summary"].clone(),
        out.status.code().unwrap(),
    )
}

#[test]
fn baseline_hides_known_findings_when_lines_move_and_reports_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("copydesk.yaml"), "rules: {}\n").unwrap();
    fs::create_dir(root.join("posts")).unwrap();
    let article = root.join("posts/a.md");
    fs::write(&article, ARTICLE).unwrap();
    let (before, _, code) = json_findings(root, &[]);
    assert_eq!(code, 1);
    assert_eq!(
        before.len(),
        4,
        "date-order, read-time, two identical images"
    );

    let out = copydesk(root)
        .args([
            "check",
            "--today",
            TODAY,
            "--write-baseline",
            "ci/baseline.json",
        ])
        .output();
    // The folder must exist: a clear error, exit 2.
    assert_eq!(out.unwrap().status.code(), Some(2));
    fs::create_dir(root.join("ci")).unwrap();
    copydesk(root)
        .args([
            "check",
            "--today",
            TODAY,
            "--write-baseline",
            "ci/baseline.json",
        ])
        .assert()
        .code(0)
        .stderr(predicates::str::contains("recorded 4 findings"));
    let written = fs::read_to_string(root.join("ci/baseline.json")).unwrap();
    let baseline: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!(baseline["version"], 1);
    let entries = baseline["findings"].as_array().unwrap();
    assert!(entries.iter().all(|e| e["path"] == "posts/a.md"));
    assert!(!written.contains("\"line\""), "no line numbers");
    // Stable: the same findings give the same bytes, from another folder too.
    copydesk(&root.join("posts"))
        .args(["check", ".", "--today", TODAY])
        .args(["--write-baseline", "../ci/baseline.json"])
        .assert()
        .code(0);
    assert_eq!(
        fs::read_to_string(root.join("ci/baseline.json")).unwrap(),
        written
    );

    let with_baseline = ["--baseline", "ci/baseline.json"];
    let (after, summary, code) = json_findings(root, &with_baseline);
    assert_eq!((after.len(), code), (0, 0));
    assert_eq!(summary["baseline_hidden"], 4);

    // Lines move: a field above the dates, paragraphs above the images.
    let moved = ARTICLE
        .replace("title: Baseline\n", "title: Baseline\nauthor: Ana\n")
        .replace(
            "First paragraph.\n",
            "A new opening paragraph.\n\nFirst paragraph, reworded a little.\n",
        );
    fs::write(&article, &moved).unwrap();
    let (after, _, code) = json_findings(root, &with_baseline);
    assert!(after.is_empty(), "{after:#?}");
    assert_eq!(code, 0);
    copydesk(root)
        .args(["check", "--today", TODAY, "--color", "never"])
        .args(with_baseline)
        .assert()
        .code(0)
        .stdout(predicates::str::contains(
            "no new problems found (4 known from the baseline, not shown)",
        ));

    // Changing the offending text makes the finding new; a third identical
    // image is new too (its occurrence number was not recorded).
    let changed = moved.replace("created_date: 2024-02-02", "created_date: 2024-02-03")
        + "\n![](https://x.example/a.png)\n";
    fs::write(&article, changed).unwrap();
    let (after, summary, code) = json_findings(root, &with_baseline);
    let rules: Vec<&str> = after.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["date-order", "image-alt-missing"], "{after:#?}");
    assert_eq!(after[1]["line"], 18, "the third image is the new one");
    assert_eq!(summary["baseline_hidden"], 3);
    assert_eq!(code, 1);
}

#[test]
fn missing_or_invalid_baseline_is_an_error() {
    let dir = many_findings(1);
    copydesk(dir.path())
        .args(["check", "--baseline", "nope.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read baseline nope.json"));
    fs::write(dir.path().join("bad.json"), "{\"findings\": []}").unwrap();
    copydesk(dir.path())
        .args(["check", "--baseline", "bad.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a copydesk baseline"));
    fs::write(
        dir.path().join("v9.json"),
        "{\"version\": 9, \"findings\": []}",
    )
    .unwrap();
    copydesk(dir.path())
        .args(["check", "--baseline", "v9.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("version 9 is not supported"));
}

#[test]
fn init_maps_the_fields_articles_use_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("posts")).unwrap();
    for (name, minutes) in [("a", 1), ("b", 1), ("c", 25)] {
        fs::write(
            root.join(format!("posts/{name}.md")),
            format!(
                "---\ntitle: {name}\ndate: 2024-03-0{n}\nupdated: 2024-03-09\nreadingTime: {minutes} min\ncover: https://x.example/{name}.png\n---\nA short body.\n",
                n = if name == "b" { 1 } else { 2 }
            ),
        )
        .unwrap();
    }
    copydesk(root)
        .arg("init")
        .assert()
        .code(0)
        .stderr(predicates::str::contains("wrote copydesk.yaml"));
    let config = fs::read_to_string(root.join("copydesk.yaml")).unwrap();
    for expected in [
        "  date-invalid:\n    # severity: error\n    fields: [date, updated]\n",
        "  date-order:\n    # severity: error\n    pairs: [[date, updated]]\n",
        "  date-in-future:\n    # severity: warning\n    fields: [date]\n",
        "  field-missing:\n    # severity: error\n    required: [title, date]\n",
        "  read-time-mismatch:\n    # severity: error\n    field: readingTime\n",
        "  read-time-invalid:\n    # severity: warning\n    field: readingTime\n",
        "  image-url-invalid:\n    # severity: error\n    fields: [cover]\n",
        "  # replacement-character: error  — ",
        "  # encoding-not-utf8: error  — Articles must be stored as UTF-8.\n",
    ] {
        assert!(
            config.contains(expected),
            "missing {expected:?} in\n{config}"
        );
    }
    // The config loads, and the mapping is what the rules now read:
    // `readingTime: 25 min` on a three-word body is reported.
    let (found, _, code) = json_findings(root, &[]);
    assert_eq!(code, 1, "{found:#?}");
    let rules: Vec<&str> = found.iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["read-time-mismatch"]);
    assert_eq!(found[0]["path"], "posts/c.md");

    // An existing config is kept unless --force.
    copydesk(root)
        .arg("init")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
    copydesk(root).args(["init", "--force"]).assert().code(0);
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn since_checks_only_articles_changed_on_the_branch() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bad = "---\ntitle: T\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\n---\nBody.\n";
    fs::write(root.join("copydesk.yaml"), "rules: {}\n").unwrap();
    for name in ["old.md", "edited.md", "committed.md"] {
        fs::write(root.join(name), bad).unwrap();
    }
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    git(root, &["checkout", "-qb", "topic"]);
    fs::write(root.join("committed.md"), format!("{bad}More.\n")).unwrap();
    git(root, &["commit", "-qam", "on the branch"]);
    fs::write(root.join("edited.md"), format!("{bad}Edited.\n")).unwrap();
    fs::write(root.join("new.md"), bad).unwrap();
    fs::write(root.join("notes.txt.bak"), bad).unwrap();
    let out = copydesk(root)
        .args([
            "check", "--since", "main", "--format", "short", "--today", TODAY,
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(files, ["committed.md", "edited.md", "new.md"], "{stdout}");

    copydesk(root)
        .args(["check", "--since", "no-such-ref"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("git merge-base"));
}

#[test]
fn completions_and_man_pages_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        copydesk(dir.path())
            .args(["completions", shell])
            .assert()
            .code(0)
            .stdout(predicates::str::contains("copydesk"));
    }
    copydesk(dir.path())
        .args(["completions", "bash"])
        .assert()
        .stdout(predicates::str::contains("--write-baseline"));
    copydesk(dir.path())
        .arg("man")
        .assert()
        .code(0)
        .stdout(predicates::str::starts_with(".ie"))
        .stdout(predicates::str::contains(".TH copydesk"));
    copydesk(dir.path())
        .args(["man", "--out", "man"])
        .assert()
        .code(0);
    for page in ["copydesk.1", "copydesk-check.1", "copydesk-init.1"] {
        assert!(dir.path().join("man").join(page).is_file(), "{page}");
    }
}

/// `copydesk init` then `copydesk check` on a consistent repository of
/// `articles` (name, text): the findings' rule ids, and the config written.
fn init_then_check(articles: &[(&str, String)]) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (name, text) in articles {
        fs::write(root.join(name), text).unwrap();
    }
    copydesk(root).arg("init").assert().code(0);
    let config = fs::read_to_string(root.join("copydesk.yaml")).unwrap();
    let (found, _, _) = json_findings(root, &[]);
    let rules = found
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect();
    (rules, config)
}

#[test]
fn init_fits_month_first_dates_and_repositories_without_dates() {
    // Microsoft Learn style: `ms.date` in MM/DD/YYYY.
    let articles: Vec<(&str, String)> = ["a.md", "b.md", "c.md"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let text = format!(
                "---\ntitle: Page {i}\nms.date: 0{}/1{i}/2024\n---\nA short body.\n",
                i + 1
            );
            (*name, text)
        })
        .collect();
    let (rules, config) = init_then_check(&articles);
    assert!(rules.is_empty(), "{rules:?}\n{config}");
    assert!(config.contains("required: [title, ms.date]"), "{config}");
    assert!(config.contains("\ncorpus: .\n"), "{config}");
    // TOML front matter with no date field: only the title is required.
    let articles: Vec<(&str, String)> = ["a.md", "b.md"]
        .iter()
        .map(|name| {
            (
                *name,
                format!("+++\ntitle = \"{name}\"\n+++\nA short body.\n"),
            )
        })
        .collect();
    let (rules, config) = init_then_check(&articles);
    assert!(rules.is_empty(), "{rules:?}\n{config}");
    assert!(config.contains("required: [title]"), "{config}");
}

#[test]
fn staged_checks_the_staged_articles_against_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let bad = "---\ntitle: T\ncreated_date: 2024-02-02\npublish_date: 2024-02-01\n---\nBody.\n";
    let article = |body: &str| format!("---\ntitle: T\npublish_date: 2024-05-01\n---\n{body}\n");
    fs::write(root.join("old.md"), bad).unwrap();
    fs::write(
        root.join("figures.md"),
        article("The average salary of a drone pilot in the US is $61,000."),
    )
    .unwrap();
    git(root, &["init", "-q"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "base"]);
    // Staged: a contradiction with a committed article; unstaged: a defect.
    fs::write(
        root.join("new.md"),
        article("The average salary for a drone pilot in the US is $75,000."),
    )
    .unwrap();
    git(root, &["add", "new.md"]);
    fs::write(root.join("unstaged.md"), bad).unwrap();
    let short = |root: &Path| {
        let out = copydesk(root)
            .args([
                "check",
                "--staged",
                "--no-cache",
                "--format",
                "short",
                "--today",
                TODAY,
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let out = short(root);
    let files: Vec<&str> = out.lines().map(|l| l.split(':').next().unwrap()).collect();
    assert_eq!(files, ["new.md"], "{out}");
    assert!(
        out.contains("claim-value-mismatch") && out.contains("figures.md"),
        "{out}"
    );
    // Nothing staged (`pre-commit run --all-files`): every article.
    git(root, &["commit", "-qm", "new"]);
    let out = short(root);
    let all = copydesk(root)
        .args(["check", "--no-cache", "--format", "short", "--today", TODAY])
        .output()
        .unwrap();
    assert_eq!(out, String::from_utf8(all.stdout).unwrap());
    assert!(
        out.contains("old.md") && out.contains("unstaged.md"),
        "{out}"
    );
}
