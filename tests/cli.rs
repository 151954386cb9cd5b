//! The `copydesk` binary end to end where a test reads better as code than
//! as a case file in tests/cmd/: every output format, colour control,
//! `rules` and `explain`, skipped and unreadable files, and suppression
//! comments.
//!
//! Each test copies the fixtures it needs into a fresh temporary folder and
//! runs there with relative paths, so output is stable and no `copydesk.yaml`
//! from the repository or above it is picked up.

mod common;

use assert_cmd::Command;
use common::catalog;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const TODAY: &str = "2026-01-01";

/// A temporary folder holding copies of fixtures: `(destination, source)`
/// pairs, the source relative to `fixtures/`.
fn workspace(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (dest, src) in files {
        let to = dir.path().join(dest);
        std::fs::create_dir_all(to.parent().expect("has a parent")).expect("mkdir");
        std::fs::copy(common::manifest_dir().join("fixtures").join(src), &to)
            .unwrap_or_else(|e| panic!("copy {src}: {e}"));
    }
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// `copydesk` run in `dir`, with a clean colour environment.
fn copydesk(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
    cmd
}

/// `copydesk check --today 2026-01-01 ARGS...` in `dir`.
fn check(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = copydesk(dir);
    cmd.args(["check", "--today", TODAY]).args(args);
    cmd
}

fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr")
}

fn json(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is one JSON document")
}

/// `(path, line, rule)` of every diagnostic in a JSON report.
fn findings(report: &Value) -> Vec<(String, u64, String)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_string(),
                d["line"].as_u64().expect("line"),
                d["rule"].as_str().expect("rule").to_string(),
            )
        })
        .collect()
}

// Exit codes, `--fail-on`, config errors and `explain`'s suggestions are
// case files in tests/cmd/ (tests/cmd.rs).

// ------------------------------------------------------------------- formats

/// A small mixed corpus: one clean article and several findings, one fixable.
fn mixed() -> TempDir {
    workspace(&[
        ("articles/clean.md", "clean/pairing-across-time-zones.md"),
        ("articles/dates.md", "date-order/bad.md"),
        ("articles/read-time.md", "read-time-mismatch/bad.md"),
        ("articles/insecure.md", "image-url-insecure/bad.md"),
        ("articles/dup.md", "front-matter-duplicate-key/bad.md"),
    ])
}

#[test]
fn short_format() {
    let ws = mixed();
    let out = check(ws.path(), &["--format", "short", "articles"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    insta::assert_snapshot!("short", stdout(&out));
}

#[test]
fn human_format() {
    let ws = mixed();
    let out = check(
        ws.path(),
        &["--format", "human", "--color", "never", "articles"],
    )
    .assert()
    .code(1)
    .get_output()
    .clone();
    insta::assert_snapshot!("human", stdout(&out));
}

/// Articles keep a paragraph on one line: a snippet shows the sentence that
/// holds the figure, with the file's own line and column in its header.
#[test]
fn human_snippets_cut_long_lines_to_the_sentence() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paragraph = |salary: &str| {
        format!(
            "Travel contracts changed a great deal over the last decade, and many agencies \
             moved their whole hiring process online for good. The median travel nurse salary \
             in the US is {salary} this year. Agencies in every state now compete for the same \
             small pool of experienced staff, which keeps offers high."
        )
    };
    common::article(dir.path(), "c.md", &paragraph("$98,000"));
    common::article(dir.path(), "d.md", &paragraph("$131,000"));
    let out = check(dir.path(), &["--format", "human", "--color", "never", "."])
        .output()
        .expect("runs");
    let text = stdout(&out);
    let column = paragraph("$131,000").find("$131,000").expect("figure") + 1;
    assert!(text.contains(&format!("d.md:7:{column}")), "{text}");
    assert!(
        text.contains("7 │ The median travel nurse salary in the US is $131,000 this year.\n"),
        "{text}"
    );
    assert!(
        text.contains("7 │ The median travel nurse salary in the US is $98,000 this year.\n"),
        "{text}"
    );
    assert!(!text.contains("Travel contracts changed"), "{text}");
    assert!(!text.contains("small pool"), "{text}");
}

#[test]
fn human_is_the_default_format() {
    let ws = mixed();
    let default = check(ws.path(), &["articles"]).output().expect("runs");
    let human = check(ws.path(), &["--format", "human", "articles"])
        .output()
        .expect("runs");
    assert_eq!(stdout(&default), stdout(&human));
}

#[test]
fn json_format_snapshot() {
    let ws = mixed();
    let out = check(ws.path(), &["--format", "json", "articles"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    // The report is compact JSON; the snapshot is pretty for review.
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    insta::assert_snapshot!("json", serde_json::to_string_pretty(&report).expect("JSON"));
}

fn assert_location(v: &Value, what: &str) {
    assert!(v["path"].is_string(), "{what}: path");
    for key in [
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
    ] {
        assert!(
            v[key]
                .as_u64()
                .is_some_and(|n| n >= 1 || key.starts_with("byte")),
            "{what}: {key} in {v}"
        );
    }
    assert!(
        (v["line"].as_u64(), v["column"].as_u64())
            <= (v["end_line"].as_u64(), v["end_column"].as_u64()),
        "{what}: start after end in {v}"
    );
}

#[test]
fn json_format_follows_the_schema() {
    let ws = mixed();
    let out = check(
        ws.path(),
        &["--format", "json", "articles", "articles/missing.md"],
    )
    .assert()
    .code(1)
    .get_output()
    .clone();
    let report = json(&out);
    assert_eq!(report["version"], 1);
    let summary = &report["summary"];
    assert_eq!(summary["files"], 5);
    let diags = report["diagnostics"].as_array().expect("diagnostics");
    let count = |sev: &str| diags.iter().filter(|d| d["severity"] == sev).count() as u64;
    assert_eq!(summary["errors"].as_u64(), Some(count("error")));
    assert_eq!(summary["warnings"].as_u64(), Some(count("warning")));
    assert_eq!(summary["infos"].as_u64(), Some(count("info")));
    let fixable = diags.iter().filter(|d| !d["fix"].is_null()).count() as u64;
    assert_eq!(summary["fixable"].as_u64(), Some(fixable));
    assert!(fixable >= 1, "the mixed corpus has fixable findings");

    let keys = [
        "rule",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "help",
        "fix",
        "related",
        "data",
    ];
    for d in diags {
        let obj = d.as_object().expect("diagnostic object");
        for k in keys {
            assert!(obj.contains_key(k), "missing `{k}` in {d}");
        }
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        assert!(catalog().get(d["rule"].as_str().unwrap()).is_some());
        assert!(d["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(d["help"].is_string() || d["help"].is_null());
        assert_location(d, "diagnostic");
        for r in d["related"].as_array().expect("related array") {
            assert_location(r, "related");
            assert!(r["message"].is_string());
        }
        if !d["fix"].is_null() {
            let fix = &d["fix"];
            assert!(fix["title"].is_string());
            assert!(["safe", "unsafe"].contains(&fix["applicability"].as_str().unwrap()));
            let edits = fix["edits"].as_array().expect("edits");
            assert!(!edits.is_empty());
            for e in edits {
                assert_location(e, "edit");
                assert!(e["replacement"].is_string());
            }
        }
    }
    // date-order points back at the other date.
    let order = diags
        .iter()
        .find(|d| d["rule"] == "date-order")
        .expect("date-order finding");
    assert_eq!(order["related"][0]["line"], 4);

    let notes = report["notes"].as_array().expect("notes");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["path"], "articles/missing.md");
    assert!(notes[0]["message"].is_string());
}

#[test]
fn json_positions_match_the_text() {
    // Columns count characters, not bytes: check against a line with `é`
    // and `’` before the finding.
    let ws = workspace(&[]);
    write(
        ws.path(),
        "a.md",
        "---\ntitle: Café ’s\npublish_date: 2025-01-10\nheroImage: http://cdn.example.com/a.png\n---\nBody.\n",
    );
    write(
        ws.path(),
        "b.md",
        "---\ntitle: Café\npublish_date: 2025-01-10\n---\nNaïve “quotes” ![](https://cdn.example.com/x.png)\n",
    );
    let out = check(ws.path(), &["--format", "json", "a.md", "b.md"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let report = json(&out);
    let diags = report["diagnostics"].as_array().unwrap();
    let alt = diags
        .iter()
        .find(|d| d["rule"] == "image-alt-missing")
        .expect("alt finding");
    assert_eq!(
        (alt["line"].as_u64(), alt["column"].as_u64()),
        (Some(5), Some(16))
    );
    assert_eq!(
        alt["end_column"],
        16 + "![](https://cdn.example.com/x.png)".len() as u64
    );
    let text = std::fs::read_to_string(ws.path().join("b.md")).unwrap();
    let start = alt["byte_start"].as_u64().unwrap() as usize;
    let end = alt["byte_end"].as_u64().unwrap() as usize;
    assert_eq!(&text[start..end], "![](https://cdn.example.com/x.png)");
    let insecure = diags
        .iter()
        .find(|d| d["rule"] == "image-url-insecure")
        .expect("insecure");
    assert_eq!(
        (insecure["line"].as_u64(), insecure["column"].as_u64()),
        (Some(4), Some(12))
    );
    let edit = &insecure["fix"]["edits"][0];
    assert_eq!(
        (edit["column"].as_u64(), edit["end_column"].as_u64()),
        (Some(12), Some(19))
    );
    assert_eq!(edit["replacement"], "https://");
}

// -------------------------------------------------------------------- colour

fn has_ansi(s: &str) -> bool {
    s.contains('\u{1b}')
}

#[test]
fn color_never_and_always() {
    let ws = mixed();
    let never = check(ws.path(), &["--color", "never", "articles"])
        .output()
        .unwrap();
    assert!(!has_ansi(&stdout(&never)));
    let always = check(ws.path(), &["--color", "always", "articles"])
        .output()
        .unwrap();
    assert!(
        has_ansi(&stdout(&always)),
        "--color always must colour even into a pipe"
    );
    let no_color_env = check(ws.path(), &["articles"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!has_ansi(&stdout(&no_color_env)));
}

/// Run `copydesk ARGS` in `dir` under a pseudo-terminal (util-linux
/// `script`), so `--color auto` sees a terminal. `None` when unavailable.
fn under_tty(dir: &Path, args: &[&str], no_color: bool) -> Option<String> {
    let script = Path::new("/usr/bin/script");
    if !script.exists() {
        eprintln!("skipped: /usr/bin/script is not available");
        return None;
    }
    let bin = env!("CARGO_BIN_EXE_copydesk");
    let command = std::iter::once(bin)
        .chain(args.iter().copied())
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut cmd = std::process::Command::new(script);
    cmd.args(["-qec", &command, "/dev/null"])
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color");
    if no_color {
        cmd.env("NO_COLOR", "1");
    }
    let out = cmd.output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn no_color_turns_off_colour_on_a_terminal() {
    let ws = mixed();
    let args = ["check", "--today", TODAY, "articles"];
    let Some(coloured) = under_tty(ws.path(), &args, false) else {
        return;
    };
    assert!(
        has_ansi(&coloured),
        "auto colours on a terminal (control):\n{coloured}"
    );
    let plain = under_tty(ws.path(), &args, true).expect("ran once already");
    assert!(plain.contains("error[date-order]"), "{plain}");
    assert!(!has_ansi(&plain), "NO_COLOR must disable colours:\n{plain}");
    let never = under_tty(
        ws.path(),
        &["check", "--today", TODAY, "--color", "never", "articles"],
        false,
    )
    .expect("ran once already");
    assert!(!has_ansi(&never), "--color never on a terminal:\n{never}");
}

#[test]
fn no_color_also_applies_to_errors() {
    let ws = workspace(&[]);
    write(ws.path(), "copydesk.yaml", "bogus: 1\n");
    let Some(out) = under_tty(ws.path(), &["check", "."], true) else {
        return;
    };
    assert!(out.contains("bogus"), "{out}");
    assert!(
        !has_ansi(&out),
        "NO_COLOR must disable colours in errors:\n{out}"
    );
}

// ---------------------------------------------------------- rules, explain

#[test]
fn rules_lists_every_id() {
    let ws = workspace(&[]);
    let out = copydesk(ws.path())
        .arg("rules")
        .assert()
        .code(0)
        .get_output()
        .clone();
    let text = stdout(&out);
    let listed: Vec<&str> = text
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    let ids: Vec<String> = catalog().rules().iter().map(|r| r.id.clone()).collect();
    assert_eq!(listed, ids, "one line per rule, sorted by id:\n{text}");
    for r in catalog().rules() {
        let line = text
            .lines()
            .find(|l| l.starts_with(&format!("{} ", r.id)))
            .unwrap();
        assert!(line.contains(&r.summary), "{line}");
        assert!(line.contains(&r.severity.to_string()), "{line}");
    }
}

#[test]
fn rules_json_lists_every_id() {
    let ws = workspace(&[]);
    let out = copydesk(ws.path())
        .args(["rules", "--json"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let expected: Vec<String> = catalog().rules().iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids, expected);
    let rt = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "read-time-mismatch")
        .unwrap();
    assert_eq!(rt["fixable"], true);
    assert_eq!(rt["severity"], "error");
}

#[test]
fn explain_shows_bad_and_good_examples() {
    let ws = workspace(&[]);
    let out = copydesk(ws.path())
        .args(["explain", "read-time-mismatch"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let text = stdout(&out);
    let catalog = catalog();
    let spec = catalog.get("read-time-mismatch").unwrap();
    assert!(
        text.starts_with("read-time-mismatch (Read time does not match the body)"),
        "{text}"
    );
    assert!(text.contains(&spec.summary));
    let bad_at = text.find("Bad example").expect("a bad example");
    let good_at = text.find("Good example").expect("a good example");
    assert!(bad_at < good_at);
    let example = &spec.examples[0];
    for doc in example.bad.documents() {
        for line in doc.lines() {
            assert!(
                text[bad_at..good_at].contains(&format!("    {line}\n")),
                "bad line {line:?}"
            );
        }
    }
    for doc in example.good.documents() {
        for line in doc.lines() {
            assert!(
                text[good_at..].contains(&format!("    {line}\n")),
                "good line {line:?}"
            );
        }
    }
    assert!(
        text.contains("words_per_minute (number, default: 230)"),
        "{text}"
    );
}

// ------------------------------------------------- skipped and unreadable

#[test]
fn a_binary_file_is_skipped_with_a_note() {
    let ws = workspace(&[
        ("site/hero.png", "image-not-found/images/standup-board.png"),
        ("site/dates.md", "date-order/bad.md"),
    ]);
    // A binary file with an article extension, found by walking.
    let mut bytes = b"---\ntitle: x\n---\n".to_vec();
    bytes.extend_from_slice(&[0, 159, 146, 150, 0, 1, 2]);
    std::fs::write(ws.path().join("site/export.md"), bytes).unwrap();
    let out = check(ws.path(), &["--format", "short", "site", "site/hero.png"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = stdout(&out);
    assert!(
        text.contains("site/export.md: note: skipped: binary file"),
        "{text}"
    );
    assert!(
        text.contains("site/hero.png: note: skipped: binary file"),
        "{text}"
    );
    assert!(
        text.contains("site/dates.md:5:15: error[date-order]"),
        "{text}"
    );
    // A skipped binary is information, not an error.
    let only_binary = check(ws.path(), &["site/hero.png"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    assert!(stdout(&only_binary).contains("note: site/hero.png: skipped: binary file"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_run_goes_on() {
    // A dangling symlink cannot be read even by root, unlike a chmod 000 file.
    let ws = workspace(&[("site/dates.md", "date-order/bad.md")]);
    std::os::unix::fs::symlink("gone.md", ws.path().join("site/broken.md")).unwrap();
    let out = check(ws.path(), &["--format", "json", "site"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let report = json(&out);
    assert_eq!(
        findings(&report),
        vec![("site/dates.md".into(), 5, "date-order".into())]
    );
    let notes = report["notes"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["path"], "site/broken.md");
    assert!(
        notes[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("cannot read"),
        "{notes:?}"
    );
    // Without findings, the unreadable file alone makes the run exit 2.
    std::fs::remove_file(ws.path().join("site/dates.md")).unwrap();
    check(ws.path(), &["site"]).assert().code(2);
}

#[cfg(unix)]
#[test]
fn a_file_without_read_permission_is_reported_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let ws = workspace(&[
        ("site/dates.md", "date-order/bad.md"),
        ("site/locked.md", "clean/negotiating-first-offer.md"),
    ]);
    let locked = ws.path().join("site/locked.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: running as root, chmod 000 does not stop reads");
        return;
    }
    let out = check(ws.path(), &["--format", "short", "site"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let text = stdout(&out);
    assert!(text.contains("site/locked.md: note: cannot read"), "{text}");
    assert!(
        text.contains("site/dates.md:5:15: error[date-order]"),
        "{text}"
    );
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

// -------------------------------------------------------------- suppression

#[test]
fn suppression_comments_work_end_to_end() {
    let ws = workspace(&[
        ("next-line.md", "suppressions/next-line.md"),
        ("region.md", "suppressions/region.md"),
        ("front-matter.md", "suppressions/front-matter.md"),
    ]);
    let out = check(ws.path(), &["--format", "json", "."])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let mut got = findings(&json(&out));
    got.sort();
    let expected: Vec<(String, u64, String)> = vec![
        // created after published; the read time is off too, but
        // `copydesk-disable: [read-time-mismatch]` silences that rule only.
        ("front-matter.md".into(), 5, "date-order".into()),
        // line 13 is suppressed by disable-next-line; the comment above
        // line 22 names another rule.
        ("next-line.md".into(), 17, "image-alt-missing".into()),
        ("next-line.md".into(), 22, "image-alt-missing".into()),
        // lines 14 and 16 sit inside the disable/enable region.
        ("region.md".into(), 22, "image-alt-missing".into()),
    ];
    assert_eq!(got, expected);
}

#[test]
fn suppressed_findings_come_back_without_the_comments() {
    // Control for the test above: the same files with the directives removed.
    let ws = workspace(&[]);
    for name in ["next-line.md", "region.md", "front-matter.md"] {
        let text = std::fs::read_to_string(
            common::manifest_dir()
                .join("fixtures/suppressions")
                .join(name),
        )
        .unwrap();
        let stripped: String = text
            .lines()
            .filter(|l| !l.contains("copydesk-"))
            .map(|l| format!("{l}\n"))
            .collect();
        write(ws.path(), name, &stripped);
    }
    let out = check(ws.path(), &["--format", "json", "."])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let got = findings(&json(&out));
    let count = |file: &str, rule: &str| {
        got.iter()
            .filter(|(f, _, r)| f == file && r == rule)
            .count()
    };
    assert_eq!(count("next-line.md", "image-alt-missing"), 3);
    assert_eq!(count("region.md", "image-alt-missing"), 3);
    assert_eq!(count("front-matter.md", "read-time-mismatch"), 1);
}

#[test]
fn enabling_one_rule_keeps_the_others_disabled() {
    let ws = workspace(&[]);
    write(
        ws.path(),
        "a.md",
        "---\ntitle: Gallery\npublish_date: 2025-01-10\n---\n<!-- copydesk-disable -->\n\n\
         ![](https://cdn.example.com/a.png)\n\n<!-- copydesk-enable date-order -->\n\n\
         ![](https://cdn.example.com/b.png)\n",
    );
    let out = check(ws.path(), &["--format", "json", "a.md"])
        .output()
        .unwrap();
    assert_eq!(
        findings(&json(&out)),
        vec![],
        "image-alt-missing was never re-enabled"
    );
}

#[test]
fn plural_words_ending_in_x_take_es() {
    assert_eq!(copydesk::report::plural(4, "fix"), "4 fixes");
    assert_eq!(copydesk::report::plural(1, "fix"), "1 fix");
    assert_eq!(copydesk::report::plural(2, "path"), "2 paths");
}

#[test]
fn named_files_honour_the_config_s_include_and_exclude() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("posts")).unwrap();
    write(dir.path(), "posts/a.md", "---\nauthor: Ana\n---\nBody.\n");
    write(
        dir.path(),
        "README.md",
        "# Project\n\nNo front matter here.\n",
    );
    write(dir.path(), "notes.md", "# Notes\n");
    // Without include or exclude, a named file is checked whatever it is.
    let out = check(dir.path(), &["--format", "short", "README.md"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("README.md"), "{}", stdout(&out));
    write(
        dir.path(),
        "copydesk.yaml",
        "include: [\"posts/**\"]\nexclude: [notes.md]\n",
    );
    let out = check(
        dir.path(),
        &["--format", "short", "README.md", "notes.md", "posts/a.md"],
    )
    .output()
    .unwrap();
    let text = stdout(&out);
    assert!(
        !text.contains("README.md") && !text.contains("notes.md"),
        "{text}"
    );
    assert!(text.contains("posts/a.md"), "{text}");
}

#[test]
fn config_errors_follow_the_color_choice() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "copydesk.yaml", "fial_on: warning\n");
    write(dir.path(), "a.md", "---\ntitle: A\n---\nBody.\n");
    let err = |color: &str| {
        let out = check(dir.path(), &["--color", color, "a.md"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        stderr(&out)
    };
    assert!(
        err("always").contains('\u{1b}'),
        "no colour with --color always"
    );
    assert!(
        !err("never").contains('\u{1b}'),
        "colour with --color never"
    );
}

/// A contradicted figure that its article gives twice (in the text and in a
/// summary list) is one finding, whose related locations name both places.
#[test]
fn a_restated_figure_is_named_in_every_place_it_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a.md",
        "---\ntitle: Glaziers\npublish_date: 2025-03-01\n---\n\n\
         - Median pay (May 2024): $51,200\n\n\
         Glaziers earned a median annual wage of $51,200 in May 2024, \
         according to federal data.\n",
    );
    write(
        dir.path(),
        "b.md",
        "---\ntitle: Glazier pay\npublish_date: 2025-06-01\n---\n\n\
         The median annual wage for glaziers was $58,900 in May 2024.\n",
    );
    let out = check(dir.path(), &["--format", "json", "--no-cache", "."])
        .output()
        .expect("runs");
    let report: Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let findings: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"].as_str().is_some_and(|r| r.starts_with("claim-")))
        .collect();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let lines: Vec<(String, u64)> = findings[0]["related"]
        .as_array()
        .expect("related")
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap_or_default().to_string(),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    // The figure compared first, then the same figure again.
    assert_eq!(
        lines,
        [("a.md".to_string(), 8), ("a.md".to_string(), 6)],
        "{lines:?}"
    );
    let again = findings[0]["related"][1]["message"]
        .as_str()
        .unwrap_or_default();
    assert!(again.contains("again (in a.md)"), "{again}");
}
