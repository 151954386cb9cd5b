//! Correct multilingual text must come out of the mojibake engine byte for byte unchanged,
//! with nothing reported. The fixture deliberately holds characters that look like mojibake
//! to a naive detector: Portuguese `SÃO`, French `pâte`, `€`, `™`, `Â` as a letter, Icelandic
//! `Ð`, Cyrillic, Greek, CJK, emoji, curly quotes, dashes and NBSPs.

use std::borrow::Cow;
use std::path::Path;

use copydesk::mojibake::{find, find_unrepairable, fix};

fn fixture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean-text/multilingual.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

#[test]
fn clean_fixture_is_unchanged() {
    let text = fixture();
    assert!(
        text.lines().count() >= 250,
        "the fixture should stay substantial"
    );
    let found = find(&text);
    assert!(
        found.is_empty(),
        "repairs proposed on correct text: {found:#?}"
    );
    assert!(
        matches!(fix(&text), Cow::Borrowed(_)),
        "fix changed correct text"
    );
    let lossy = find_unrepairable(&text);
    assert!(
        lossy.is_empty(),
        "lossy runs reported on correct text: {lossy:#?}"
    );
}

#[test]
fn clean_fixture_lines_are_unchanged_one_by_one() {
    // Line by line as well, so a line never depends on its neighbours to survive.
    for line in fixture().lines() {
        assert_eq!(fix(line), line);
    }
}

/// The whole `--fix` pipeline (every rule's safe fixes, repeated until stable,
/// then encoded back) leaves the file byte for byte as it was.
#[test]
fn clean_fixture_survives_the_fix_pipeline_byte_for_byte() {
    use copydesk::catalog::Catalog;
    use copydesk::config::Config;
    use copydesk::engine::{Context, Engine};
    use copydesk::fix::{FixOptions, fix_source};
    use copydesk::rules::registry::REGISTRY;
    use copydesk::source::{FileId, SourceFile, decode, decode::encode};

    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean-text/multilingual.md");
    let bytes = std::fs::read(&path).expect("fixture");
    let file = SourceFile {
        id: FileId(0),
        path: path.clone(),
        display: "multilingual.md".into(),
        decoded: decode(&bytes).expect("text"),
    };
    let catalog = Catalog::builtin().expect("catalogue");
    let context = Context {
        today: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).expect("date"),
        root: path.parent().expect("folder").to_path_buf(),
        ..Default::default()
    };
    let engine = Engine::new(&catalog, &REGISTRY, &Config::default(), context).expect("engine");
    let fixed = fix_source(&engine, &file, FixOptions::default());
    assert!(
        fixed.applied.is_empty(),
        "fixes applied to clean text: {:?}",
        fixed.applied
    );
    assert_eq!(encode(&fixed.text, &file.decoded, fixed.transcode), bytes);
}
