//! The seed articles (`../shared/corpus/seeds`): both were published before
//! they were "created" and state a read time twice the body's. Also: nothing
//! anywhere under `../shared/corpus` makes copydesk crash, whatever the file.
//!
//! The corpus lives outside the repository; without it these tests say so
//! and pass.

mod common;

use assert_cmd::Command;
use common::{catalog, engine, source};
use copydesk::config::Config;
use copydesk::source::decode;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn corpus_dir() -> PathBuf {
    let dir = common::manifest_dir().join("../shared/corpus");
    assert!(dir.join("seeds").is_dir(), "{} not found", dir.display());
    dir
}

fn check_json(path: &str) -> (Option<i32>, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(common::manifest_dir())
        .args(["check", "--format", "json", "--today", "2026-01-01", path])
        .output()
        .expect("copydesk runs");
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stderr:\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code(), report)
}

/// 1-based line of the first line starting with `prefix`.
fn line_of(text: &str, prefix: &str) -> u64 {
    text.lines()
        .position(|l| l.starts_with(prefix))
        .expect("field present") as u64
        + 1
}

#[test]
#[ignore = "needs ../shared/corpus (the team's data); .ci/run runs it"]
fn both_seeds_have_date_order_and_read_time_findings() {
    let dir = corpus_dir();
    let (code, report) = check_json("../shared/corpus/seeds");
    assert_eq!(code, Some(1));
    let seeds: Vec<PathBuf> = std::fs::read_dir(dir.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    assert_eq!(seeds.len(), 2);
    assert_eq!(report["summary"]["files"], 2);
    let diags = report["diagnostics"].as_array().unwrap();
    for seed in seeds {
        let name = seed.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&seed).unwrap();
        let on = |rule: &str| -> Vec<u64> {
            diags
                .iter()
                .filter(|d| d["rule"] == rule && d["path"].as_str().unwrap().ends_with(&name))
                .map(|d| d["line"].as_u64().unwrap())
                .collect()
        };
        assert_eq!(
            on("date-order"),
            vec![line_of(&text, "created_date:")],
            "{name}"
        );
        assert_eq!(
            on("read-time-mismatch"),
            vec![line_of(&text, "read_time:")],
            "{name}"
        );
    }
}

#[test]
#[ignore = "needs ../shared/corpus (the team's data); .ci/run runs it"]
fn the_cli_survives_the_whole_corpus() {
    let dir = corpus_dir();
    let (code, report) = check_json("../shared/corpus");
    assert!(matches!(code, Some(0 | 1)), "exit code {code:?}");
    let articles = walk(&dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "md" || x == "txt"))
        .count();
    assert_eq!(report["summary"]["files"], articles as u64);
}

#[test]
#[ignore = "needs ../shared/corpus (the team's data); .ci/run runs it"]
fn the_engine_survives_every_file_under_the_corpus() {
    // Every file, whatever its extension (YAML, Python, ...), with every rule.
    let dir = corpus_dir();
    let catalog = catalog();
    let engine = engine(&catalog, &Config::default(), &dir);
    let files: Vec<_> = walk(&dir)
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).unwrap();
            decode(&bytes).ok()?;
            Some((p.clone(), bytes))
        })
        .enumerate()
        .map(|(i, (p, bytes))| source(i, &p, &bytes))
        .collect();
    assert!(files.len() >= 20, "found {} files", files.len());
    let n = files.len();
    let run = engine.check_files(files);
    assert_eq!(run.files.len(), n);
    for d in &run.diagnostics {
        let text = run.file(d.file).text();
        assert!(d.span.end <= text.len() && text.is_char_boundary(d.span.start));
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}
