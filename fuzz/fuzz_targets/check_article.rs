//! A whole check of one article with every built-in rule at its default.
#![no_main]

use copydesk::catalog::Catalog;
use copydesk::config::Config;
use copydesk::engine::{Context, Engine};
use copydesk::rules::registry::REGISTRY;
use copydesk::source::{FileId, SourceFile, decode};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let catalog = Catalog::builtin().expect("built-in catalogue");
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
        root: std::env::temp_dir(),
        ..Default::default()
    };
    Engine::new(&catalog, &REGISTRY, &Config::default(), context).expect("default config")
});

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    let file = SourceFile {
        id: FileId(0),
        path: PathBuf::from("fuzz.md"),
        display: "fuzz.md".into(),
        decoded,
    };
    let len = file.text().len();
    let result = ENGINE.check_files(vec![file]);
    for d in &result.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= len, "{d:?}");
    }
});
