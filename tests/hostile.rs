//! Hostile input (issue 13, the checking half): files that are not regular
//! files, oversized articles, YAML bombs in front matter and configuration,
//! pathological documents that made a pass quadratic, and message defects.
//! Every input is written by the test; none is large on disk.

mod common;

use assert_cmd::Command;
use copydesk::claims::{Lexicon, ProseInput, extract};
use copydesk::config::Config;
use copydesk::engine::RunResult;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `copydesk check --today 2026-01-01 --format short ARGS...` in `dir`.
fn check(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["check", "--today", "2026-01-01", "--format", "short"])
        .args(args);
    cmd
}

/// Stdout and stderr of a run, together.
fn output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

const CLEAN: &str = "---\ntitle: Clean\npublish_date: 2024-02-01\n---\nA short body.\n";

/// Check in-memory articles `(name, text)` with the default config.
fn run(articles: &[(&str, &str)]) -> RunResult {
    let catalog = common::catalog();
    let engine = common::engine(&catalog, &Config::default(), Path::new("."));
    let files = articles
        .iter()
        .enumerate()
        .map(|(i, (name, text))| common::source(i, &PathBuf::from(name), text.as_bytes()))
        .collect();
    engine.check_files(files)
}

/// The findings of rule `id` on file `name`, as their messages.
fn messages(result: &RunResult, id: &str, name: &str) -> Vec<String> {
    result
        .diagnostics
        .iter()
        .filter(|d| d.rule.as_ref() == id && result.file(d.file).display == name)
        .map(|d| d.message.clone())
        .collect()
}

// ------------------------------------------------------- bounded reading

#[cfg(unix)]
#[test]
fn issue_13_a_link_to_dev_zero_in_a_folder_is_a_note_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\npublish_date: 2024-02-01\n---\nBody.\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    let out = check(dir.path(), &["."])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert!(
        text.contains("zero.md") && text.contains("not a regular file (a device)"),
        "{text}"
    );
    // a.md has no title: an error finding, so exit 1 (not 2: the link is information).
    assert!(text.contains("field-missing"), "{text}");
    assert_eq!(out.status.code(), Some(1), "{text}");
}

#[cfg(unix)]
#[cfg(unix)]
#[test]
fn issue_13_init_skips_a_link_to_dev_zero() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ntitle: A\npubDate: 2024-01-02\n---\nBody.\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir.path())
        .args(["init", "--stdout"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", output(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("pubDate"));
}

#[cfg(unix)]
#[test]
fn issue_13_a_baseline_linked_to_dev_zero_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("base.json")).unwrap();
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    let out = check(dir.path(), &["--baseline", "base.json", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output(&out));
    assert!(
        output(&out).contains("not a regular file"),
        "{}",
        output(&out)
    );
}

#[test]
fn issue_13_a_link_to_dev_zero_named_on_the_command_line_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.md")).unwrap();
    let out = check(dir.path(), &["zero.md"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("not a regular file (a device)"), "{text}");
}

#[cfg(unix)]
#[test]
fn issue_13_a_fifo_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.md"))
        .status()
        .unwrap();
    assert!(made.success());
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    // Named: an error, at once (reading would wait for a writer forever).
    let out = check(dir.path(), &["pipe.md"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("not a regular file (a FIFO)"), "{text}");
    // Found by the walk: a note, and the other article is checked.
    let out = check(dir.path(), &["."])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(
        text.contains("pipe.md") && text.contains("not a regular file (a FIFO)"),
        "{text}"
    );
}

#[test]
fn issue_13_an_article_over_the_size_limit_is_skipped_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.yaml"), "max_article_bytes: 100\n").unwrap();
    std::fs::write(dir.path().join("small.md"), CLEAN).unwrap();
    std::fs::write(
        dir.path().join("big.md"),
        format!("{CLEAN}{}", "Word. ".repeat(40)),
    )
    .unwrap();
    let out = check(dir.path(), &["."]).output().unwrap();
    let text = output(&out);
    assert!(
        text.contains("big.md") && text.contains("larger than the limit of 100 bytes"),
        "{text}"
    );
    assert!(!text.contains("small.md"), "{text}");
    assert_eq!(out.status.code(), Some(0), "{text}");
}

#[test]
fn issue_13_a_config_path_that_is_a_folder_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("copydesk.yaml")).unwrap();
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    let out = check(dir.path(), &["a.md"]).output().unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("not a regular file (a folder)"), "{text}");
    let out = check(dir.path(), &["--config", "copydesk.yaml", "a.md"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", output(&out));
}

#[cfg(unix)]
#[test]
fn issue_13_a_config_linked_to_dev_zero_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("copydesk.yaml")).unwrap();
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    for args in [&["a.md"][..], &["--config", "copydesk.yaml", "a.md"]] {
        let out = check(dir.path(), args)
            .timeout(Duration::from_secs(20))
            .output()
            .unwrap();
        let text = output(&out);
        assert_eq!(out.status.code(), Some(2), "{text}");
        assert!(text.contains("not a regular file (a device)"), "{text}");
    }
}

// ---------------------------------------------------------- bounded YAML

/// A 10,000-item list aliased 10,000 times (about 100 KB of text).
fn alias_bomb() -> String {
    let mut yaml = String::from("a: &a [");
    yaml.push_str(&"x,".repeat(10_000));
    yaml.push_str("x]\nb: [");
    yaml.push_str(&"*a,".repeat(10_000));
    yaml.push_str("*a]\n");
    yaml
}

/// Merge keys nesting aliases: each level merges the previous one six
/// times (under 3 KB of text).
fn merge_bomb() -> String {
    let mut yaml = String::from("m0: &m0\n  k: v\n");
    for k in 1..12 {
        yaml.push_str(&format!("m{k}: &m{k}\n"));
        for j in 0..6 {
            yaml.push_str(&format!("  k{j}:\n    <<: *m{}\n", k - 1));
        }
    }
    yaml
}

#[test]
fn issue_13_yaml_bombs_in_front_matter_are_findings_and_the_run_goes_on() {
    let bombs = [
        ("alias.md", alias_bomb()),
        ("merge.md", merge_bomb()),
        (
            "flow.md",
            format!("a: {}{}\n", "[".repeat(40_000), "]".repeat(40_000)),
        ),
    ];
    let articles: Vec<(String, String)> = bombs
        .iter()
        .map(|(name, yaml)| {
            (
                name.to_string(),
                format!("---\ntitle: T\n{yaml}---\nBody.\n"),
            )
        })
        .chain([("clean.md".to_string(), CLEAN.to_string())])
        .collect();
    let refs: Vec<(&str, &str)> = articles
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let start = Instant::now();
    let result = run(&refs);
    let took = start.elapsed();
    for (name, _) in &bombs {
        let found = messages(&result, "front-matter-invalid", name);
        assert_eq!(found.len(), 1, "{name}: {found:?}");
        assert!(
            found[0].contains("too large or complex"),
            "{name}: {found:?}"
        );
    }
    assert!(messages(&result, "front-matter-invalid", "clean.md").is_empty());
    assert_eq!(result.files.len(), 4);
    // Debug build, loaded machine: generous, but an expansion takes minutes.
    assert!(took < Duration::from_secs(10), "{took:?}");
}

#[test]
fn issue_13_deep_nesting_gets_no_advice_about_quoting() {
    let text = format!("---\ntitle: T\na: {}\n---\nBody.\n", "[".repeat(300));
    let result = run(&[("deep.md", &text)]);
    let d = result
        .diagnostics
        .iter()
        .find(|d| d.rule.as_ref() == "front-matter-invalid")
        .expect("a finding");
    assert!(
        d.message.contains("nested more than 100 deep"),
        "{}",
        d.message
    );
    let help = d.help.as_deref().unwrap_or_default();
    assert!(!help.contains("quote values"), "{help}");
}

#[test]
fn issue_13_an_alias_bomb_in_the_config_lexicon_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = alias_bomb()
        .replace("a: &a", "  a: &a")
        .replace("\nb: ", "\n  b: ");
    std::fs::write(
        dir.path().join("copydesk.yaml"),
        format!("lexicon:\n{bomb}"),
    )
    .unwrap();
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    let out = check(dir.path(), &["a.md"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("too large or complex"), "{text}");
}

#[test]
fn issue_13_an_alias_bomb_in_facts_yaml_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.yaml"), "rules: {}\n").unwrap();
    std::fs::write(dir.path().join("facts.yaml"), merge_bomb()).unwrap();
    std::fs::write(dir.path().join("a.md"), CLEAN).unwrap();
    let out = check(dir.path(), &["a.md"])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("too large or complex"), "{text}");
}

// --------------------------------------------------------- linear passes

/// The least of three timings of `f`.
fn fastest(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .expect("three runs")
}

/// Checks that `time(4n) / time(n)` stays well under the 16 of a quadratic
/// pass (linear is 4; the margin covers a loaded machine).
fn assert_linear(what: &str, make: impl Fn(usize) -> String, n: usize) {
    let small = make(n);
    let large = make(4 * n);
    let t_small = fastest(|| drop(run(&[("a.md", &small)])));
    let t_large = fastest(|| drop(run(&[("a.md", &large)])));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-4);
    assert!(
        ratio < 9.0,
        "{what}: {n} took {t_small:?}, {} took {t_large:?} (x{ratio:.1})",
        4 * n
    );
}

/// Claims extraction alone on one paragraph of `n` images after a sentence
/// with a figure, the images masked as the document model masks them.
fn extract_images(n: usize) {
    const IMAGE: &str = "![a](b.png) ";
    let lead = "Costs rose 5% in 2024. ";
    let text = format!("{lead}{}", IMAGE.repeat(n));
    let masked: Vec<_> = (0..n)
        .map(|i| {
            let start = lead.len() + i * IMAGE.len();
            start..start + IMAGE.len() - 1
        })
        .collect();
    // One block: the whole paragraph.
    let blocks = [text.len()].map(|end| 0..end);
    let input = ProseInput {
        text: &text,
        blocks: &blocks,
        masked: &masked,
        publish_date: None,
        topic: &[],
        title: None,
    };
    extract(&input, &Lexicon::builtin());
}

#[test]
fn issue_13_claims_of_a_paragraph_of_many_images_take_linear_time() {
    let n = 10_000;
    let t_small = fastest(|| extract_images(n));
    let t_large = fastest(|| extract_images(4 * n));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-4);
    assert!(
        ratio < 9.0,
        "{n} images took {t_small:?}, {} took {t_large:?} (x{ratio:.1})",
        4 * n
    );
}

#[test]
fn issue_13_a_paragraph_of_figures_with_no_full_stop_is_checked_in_linear_time() {
    // One "sentence" of thousands of figures: every figure used to scan the
    // whole sentence for each of its words (cubic: 100 KB took 100 s).
    for unit in [
        "between 10% and 20% ",
        "1,234.5 ",
        "sales rose 12% in 2024 to $4.5 billion, ",
    ] {
        assert_linear(
            unit,
            |n| {
                format!(
                    "---\ntitle: T\npublish_date: 2024-02-01\n---\n{}\n",
                    unit.repeat(n)
                )
            },
            1_000,
        );
    }
}

#[test]
fn issue_13_a_paragraph_of_many_images_is_checked_in_linear_time() {
    assert_linear(
        "images in one paragraph",
        |n| {
            format!(
                "{CLEAN}Costs rose 5% in 2024. {}\n",
                "![a](b.png) ".repeat(n)
            )
        },
        5_000,
    );
}

#[test]
fn issue_13_many_front_matter_keys_are_checked_in_linear_time() {
    assert_linear(
        "duplicate keys",
        |n| {
            let keys: String = (0..n).map(|i| format!("k{}: v\n", i % (n / 2))).collect();
            format!("---\ntitle: T\n{keys}---\nBody.\n")
        },
        5_000,
    );
}

// -------------------------------------------------------------- messages

#[test]
fn issue_13_huge_read_times_are_invalid_not_infinite() {
    // Unquoted, 2^64 and -2^64 are beyond serde_yaml's integers: read as
    // their digits, so the front matter stays valid and the field is judged.
    for value in [
        "9".repeat(10_000),
        "18446744073709551616".to_string(),
        "-18446744073709551616".to_string(),
        "'18446744073709551616'".to_string(),
        "18446744073709551616 min".to_string(),
    ] {
        let text =
            format!("---\ntitle: T\npublish_date: 2024-02-01\nread_time: {value}\n---\nBody.\n");
        let result = run(&[("a.md", &text)]);
        let all: Vec<_> = result
            .diagnostics
            .iter()
            .map(|d| (d.rule.to_string(), d.message.clone()))
            .collect();
        assert_eq!(
            messages(&result, "read-time-invalid", "a.md").len(),
            1,
            "{value}: {all:?}"
        );
        assert!(messages(&result, "read-time-mismatch", "a.md").is_empty());
        assert!(messages(&result, "front-matter-invalid", "a.md").is_empty());
        assert!(
            result
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("inf min"))
        );
        assert!(result.diagnostics.iter().all(|d| d.message.len() < 200));
    }
}

#[test]
fn issue_13_a_syntax_error_after_a_huge_integer_points_into_the_text() {
    // Found by the check_article fuzz target: the position serde_yaml gave
    // after the integer was quoted fell inside a two-byte character.
    let mut bytes =
        b"---\ntitle: T\npublish_date: 2024-01-02\nread_time: 99000000000000000000\n----01-00\nr"
            .to_vec();
    bytes.extend_from_slice(&[0xe4]);
    bytes.extend_from_slice(b"ead_time: 9999999999999998@999\n---\nBody.\n");
    let file = common::source(0, Path::new("a.md"), &bytes);
    let catalog = common::catalog();
    let engine = common::engine(&catalog, &Config::default(), Path::new("."));
    let result = engine.check_files(vec![file]);
    let found = messages(&result, "front-matter-invalid", "a.md");
    assert_eq!(found.len(), 1, "{found:?}");
    let text = "---\ntitle: T\nread_time: 99999999999999999999\nx: [ü\n---\nBody.\n";
    let result = run(&[("a.md", text)]);
    assert_eq!(messages(&result, "front-matter-invalid", "a.md").len(), 1);
}

#[test]
fn issue_13_day_zero_is_said_not_to_exist() {
    let text = "---\ntitle: T\npublish_date: 2024-01-00\n---\nBody.\n";
    let result = run(&[("a.md", text)]);
    let found = messages(&result, "date-invalid", "a.md");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("there is no day 0"), "{found:?}");
    assert!(!found[0].contains("31 days"), "{found:?}");
}

#[test]
fn issue_13_cr_only_line_endings_are_recognised() {
    let dir = tempfile::tempdir().unwrap();
    let text = "---\rtitle: Old Mac\rpublish_date: 2024-01-00\r---\rBody.\r";
    std::fs::write(dir.path().join("a.md"), text).unwrap();
    let out = check(dir.path(), &["a.md"]).output().unwrap();
    let text = output(&out);
    assert!(!text.contains("no front matter"), "{text}");
    assert!(text.contains("a.md:3:15: error[date-invalid]"), "{text}");
}

#[test]
fn issue_13_bidi_controls_are_escaped_in_messages() {
    let text =
        "---\ntitle: T\npublish_date: 2024-02-01\nread_time: \"8 \u{202E}snim\"\n---\nBody.\n";
    let result = run(&[("a.md", text)]);
    let found = messages(&result, "read-time-invalid", "a.md");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("8 \\u{202E}snim"), "{found:?}");
    for d in &result.diagnostics {
        let texts = [
            Some(d.message.as_str()),
            d.label.as_deref(),
            d.help.as_deref(),
        ];
        for t in texts.into_iter().flatten() {
            assert!(!t.contains('\u{202E}'), "{t}");
        }
    }
}

#[test]
fn issue_13_bidi_controls_are_not_printed_raw_in_snippets_or_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a\u{202E}dm.md";
    let text = "---\ntitle: T\npublish_date: 2024-13-01\n---\nBody \u{202E}x â€“ y.\n";
    std::fs::write(dir.path().join(name), text).unwrap();
    std::fs::create_dir(dir.path().join("b\u{202E}")).unwrap();
    std::fs::write(dir.path().join("b\u{202E}/c.md"), vec![0u8, 159, 146, 150]).unwrap();
    for format in ["human", "short"] {
        let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .args(["check", "--no-cache", "--format", format, "."])
            .output()
            .unwrap();
        let text = output(&out);
        assert!(!text.contains('\u{202E}'), "{format}: {text}");
        assert!(text.contains("a\\u{202E}dm.md"), "{format}: {text}");
        assert!(text.contains("b\\u{202E}"), "{format}: {text}");
    }
}

/// Columns of `n` findings spread over one line of `n` images.
fn columns_on_one_line(n: usize) {
    let text = "![](b.png) ".repeat(n);
    let index = copydesk::document::LineIndex::new(&text);
    let mut sum = 0;
    for k in 0..n {
        sum += index.line_col(&text, k * 11).column;
    }
    assert!(sum > 0);
}

#[test]
fn issue_13_columns_of_many_findings_on_one_line_take_linear_time() {
    let n = 2_000;
    let t_small = fastest(|| columns_on_one_line(n));
    let t_large = fastest(|| columns_on_one_line(4 * n));
    let ratio = t_large.as_secs_f64() / t_small.as_secs_f64().max(1e-4);
    assert!(
        ratio < 9.0,
        "{n} columns took {t_small:?}, {} took {t_large:?} (x{ratio:.1})",
        4 * n
    );
}

#[test]
fn issue_13_stdin_is_read_up_to_the_limit_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("copydesk.yaml"), "max_article_bytes: 50\n").unwrap();
    let out = check(dir.path(), &["--stdin"])
        .write_stdin(CLEAN.repeat(3))
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let text = output(&out);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("larger than the limit of 50 bytes"), "{text}");
}
