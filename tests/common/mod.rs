//! Shared pieces of the integration tests: loading fixtures as the engine
//! sees them, running the engine with a pinned "today", rendering reports to
//! strings, and applying fixes the simple way (a reverse-order splice) until
//! the fixer in `src/fix/` can be called instead.
//!
//! Each test crate uses only part of this module, hence the `dead_code` allow.
#![allow(dead_code)]

use chrono::NaiveDate;
use copydesk::Diagnostic;
use copydesk::catalog::{Catalog, RuleSpec};
use copydesk::config::Config;
use copydesk::engine::{Context, Engine, RunResult};
use copydesk::report::{self, Format, Style};
use copydesk::rules::registry::REGISTRY;
use copydesk::source::{FileId, SourceFile, decode};
use std::path::{Path, PathBuf};

/// The date every test treats as today, so `date-in-future` is reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date")
}

/// The package root (cargo runs integration tests from there too).
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `fixtures/`, relative to the package root.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from("fixtures")
}

/// The built-in catalogue.
pub fn catalog() -> Catalog {
    Catalog::builtin().expect("built-in catalogue loads")
}

/// The catalogue entry `id`.
pub fn spec<'a>(catalog: &'a Catalog, id: &str) -> &'a RuleSpec {
    catalog
        .get(id)
        .unwrap_or_else(|| panic!("no rule `{id}` in the catalogue"))
}

/// A source file from bytes, as `Engine::check` would build it.
pub fn source(id: usize, path: &Path, bytes: &[u8]) -> SourceFile {
    SourceFile {
        id: FileId(id as u32),
        path: path.to_path_buf(),
        display: path.display().to_string().replace('\\', "/"),
        decoded: decode(bytes)
            .unwrap_or_else(|e| panic!("{} does not decode: {e:?}", path.display())),
    }
}

/// Read `paths` (relative to the package root) as source files.
pub fn load(paths: &[PathBuf]) -> Vec<SourceFile> {
    paths
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()));
            source(i, p, &bytes)
        })
        .collect()
}

/// An engine over the built-in catalogue with `config`, today pinned, and
/// `root` as the folder static image paths are resolved against.
pub fn engine(catalog: &Catalog, config: &Config, root: &Path) -> Engine {
    let context = Context {
        today: today(),
        root: root.to_path_buf(),
        ..Default::default()
    };
    Engine::new(catalog, &REGISTRY, config, context).expect("config is valid")
}

/// The config of a fixture folder: its `copydesk.yaml`, or the defaults.
pub fn folder_config(dir: &Path) -> Config {
    let path = dir.join("copydesk.yaml");
    if path.is_file() {
        Config::load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    } else {
        Config::default()
    }
}

/// A run rendered in `format`, without colour.
pub fn render(run: &RunResult, format: Format) -> String {
    let mut out = Vec::new();
    let catalog = Catalog::builtin().expect("catalogue");
    let enabled: Vec<String> = catalog.rules().iter().map(|r| r.id.clone()).collect();
    let ctx = report::Context::new(&catalog, &enabled);
    report::write(run, format, Style { color: false }, &ctx, &mut out).expect("write to memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The diagnostics of rule `id`.
pub fn of_rule<'a>(run: &'a RunResult, id: &str) -> Vec<&'a Diagnostic> {
    run.diagnostics.iter().filter(|d| d.rule == id).collect()
}

/// The `.md` files of a folder, sorted.
pub fn markdown_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    files
}

/// File name without extension.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .expect("UTF-8 file name")
        .to_string()
}

/// Writes a one-sentence article `name` into `dir`, with the front matter
/// the claims need (a publish date).
pub fn article(dir: &Path, name: &str, sentence: &str) {
    let text = format!(
        "---\ntitle: \"{name}\"\npublish_date: 2025-02-03\nread_time: 1 min\n---\n\n{sentence}\n"
    );
    std::fs::write(dir.join(name), text).expect("write article");
}

/// Four articles: a.md and b.md report the same change as a rise and as a
/// fall, c.md and d.md two salaries for the same subject and year.
pub fn contradictions_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = [
        (
            "a.md",
            "Phishing incidents at small businesses rose 22% in 2024, insurers say.",
        ),
        (
            "b.md",
            "Phishing incidents at small businesses fell 22% in 2024, as more firms ran drills.",
        ),
        (
            "c.md",
            "The median travel nurse salary in the US is $98,000 this year.",
        ),
        (
            "d.md",
            "The median travel nurse salary in the US is $131,000 this year.",
        ),
    ];
    for (name, sentence) in articles {
        article(dir.path(), name, sentence);
    }
    dir
}

/// Runs `copydesk check --format short` with a pinned today in `dir`.
pub fn check_short(dir: &Path, args: &[&str]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("copydesk")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", "short", "--today", "2026-01-01"])
        .args(args)
        .output()
        .expect("runs")
}

/// `copydesk check --format FORMAT ARGS...` in `dir`: its stdout.
pub fn check_format(dir: &Path, format: &str, args: &[&str]) -> String {
    let out = assert_cmd::Command::cargo_bin("copydesk")
        .expect("binary")
        .current_dir(dir)
        .args(["check", "--format", format, "--today", "2026-01-01"])
        .args(args)
        .output()
        .expect("runs");
    String::from_utf8(out.stdout).expect("UTF-8")
}
