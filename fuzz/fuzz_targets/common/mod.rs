//! What several fuzz targets share: an engine with every built-in rule at
//! its default, and an input's bytes as a source file.
#![allow(dead_code)] // each target uses part of it

use copydesk::catalog::Catalog;
use copydesk::config::Config;
use copydesk::engine::{Context, Engine};
use copydesk::rules::registry::REGISTRY;
use copydesk::source::{FileId, SourceFile, decode};
use std::path::PathBuf;
use std::sync::LazyLock;

/// Every built-in rule at its default, "today" pinned.
pub static ENGINE: LazyLock<Engine> = LazyLock::new(|| {
    let catalog = Catalog::builtin().expect("built-in catalogue");
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("a date"),
        root: std::env::temp_dir(),
        ..Default::default()
    };
    Engine::new(&catalog, &REGISTRY, &Config::default(), context).expect("default config")
});

/// The input as the article `fuzz.md`, unless it does not decode.
pub fn source_file(data: &[u8]) -> Option<SourceFile> {
    Some(SourceFile {
        id: FileId(0),
        path: PathBuf::from("fuzz.md"),
        display: "fuzz.md".into(),
        decoded: decode(data).ok()?,
    })
}
