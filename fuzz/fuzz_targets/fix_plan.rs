//! Fix planning in memory (`fix_source`, safe and unsafe fixes): it ends,
//! and the fixed text is checked again without panic.
#![no_main]

use copydesk::catalog::Catalog;
use copydesk::config::Config;
use copydesk::engine::{Context, Engine};
use copydesk::fix::{FixOptions, fix_source};
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
    let (unsafe_fixes, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => return,
    };
    let Ok(decoded) = decode(bytes) else { return };
    let mut file = SourceFile {
        id: FileId(0),
        path: PathBuf::from("fuzz.md"),
        display: "fuzz.md".into(),
        decoded,
    };
    let fixed = fix_source(&ENGINE, &file, FixOptions { unsafe_fixes });
    file.decoded.text = fixed.text;
    let _ = ENGINE.check_document(&file);
});
