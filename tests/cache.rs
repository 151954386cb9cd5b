//! The claims cache of partial runs (`.copydesk-cache/`): used when fresh,
//! invalidated by edits and by lexicon changes, harmless when deleted or
//! damaged, absent with `--no-cache`.
//!
//! Files written less than two seconds before a run are never trusted on
//! their stat data alone (see `src/cache/stamp.rs`), so the tests that need
//! the cache to be trusted wait that long after writing the corpus.

mod common;

use common::article;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The shared corpus, with b.md's finding moved down a paragraph: a cached
/// file's locations must come from the file, not from the cache.
fn corpus() -> tempfile::TempDir {
    let dir = common::contradictions_corpus();
    article(
        dir.path(),
        "b.md",
        "Intro line.\n\nPhishing incidents at small businesses fell 22% in 2024, as more firms ran drills.",
    );
    dir
}

/// Lets the files' change times fall out of the racy window.
fn settle() {
    std::thread::sleep(Duration::from_millis(2200));
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = common::check_short(dir, args);
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn partial(dir: &Path) -> String {
    run(dir, &["--corpus", ".", "a.md"])
}

fn cache_file(dir: &Path) -> PathBuf {
    dir.join(".copydesk-cache").join("claims.bin")
}

/// Identity of a file of the cache folder: it is replaced by a rename on
/// every write.
fn file_identity(path: &Path) -> (u64, Vec<u8>) {
    use std::os::unix::fs::MetadataExt;
    let inode = std::fs::metadata(path).expect("cache file").ino();
    (inode, std::fs::read(path).expect("cache file"))
}

/// Identity of the claims file.
fn cache_identity(dir: &Path) -> (u64, Vec<u8>) {
    file_identity(&cache_file(dir))
}

#[test]
fn the_second_run_uses_the_cache_and_reports_the_same() {
    let dir = corpus();
    settle();
    let first = partial(dir.path());
    assert!(first.contains("claim-direction-mismatch"), "{first}");
    assert!(
        first.contains("b.md:9:"),
        "line of the unnamed file: {first}"
    );
    let before = cache_identity(dir.path());
    let second = partial(dir.path());
    assert_eq!(first, second);
    // Nothing had changed: the cache was read, not rewritten.
    assert_eq!(cache_identity(dir.path()), before);
    let folder = dir.path().join(".copydesk-cache");
    assert_eq!(
        std::fs::read_to_string(folder.join(".gitignore"))
            .unwrap()
            .lines()
            .last(),
        Some("*")
    );
    assert!(folder.join("CACHEDIR.TAG").is_file());
    assert_eq!(
        first,
        run(dir.path(), &["--no-cache", "--corpus", ".", "a.md"])
    );
}

#[test]
fn an_edit_of_the_same_size_invalidates_an_unnamed_file() {
    let dir = corpus();
    let b = dir.path().join("b.md");
    let first = partial(dir.path());
    assert!(first.contains("claim-direction-mismatch"), "{first}");
    // Same size, other direction: no longer a contradiction.
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace("fell 22%", "rose 22%")).unwrap();
    let second = partial(dir.path());
    assert!(!second.contains("claim-direction-mismatch"), "{second}");
    // Back, with the modification time forced to what the cache recorded.
    let mtime = std::fs::metadata(&b).unwrap().modified().unwrap();
    std::fs::write(&b, &text).unwrap();
    let file = std::fs::File::options().write(true).open(&b).unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    let third = partial(dir.path());
    assert_eq!(third, first);
}

#[test]
fn an_edit_with_the_modification_time_put_back_is_seen_once_settled() {
    let dir = corpus();
    let b = dir.path().join("b.md");
    settle();
    let first = partial(dir.path());
    assert!(first.contains("claim-direction-mismatch"), "{first}");
    let mtime = std::fs::metadata(&b).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(&b, text.replace("fell 22%", "rose 22%")).unwrap();
    let file = std::fs::File::options().write(true).open(&b).unwrap();
    file.set_modified(mtime).unwrap();
    drop(file);
    let second = partial(dir.path());
    assert!(!second.contains("claim-direction-mismatch"), "{second}");
}

#[test]
fn a_deleted_cache_folder_is_rebuilt() {
    let dir = corpus();
    let first = partial(dir.path());
    std::fs::remove_dir_all(dir.path().join(".copydesk-cache")).unwrap();
    assert_eq!(partial(dir.path()), first);
    assert!(cache_file(dir.path()).is_file());
}

#[test]
fn a_damaged_cache_is_ignored_and_rewritten() {
    let dir = corpus();
    let first = partial(dir.path());
    let bytes = std::fs::read(cache_file(dir.path())).unwrap();
    for damaged in [
        b"not a cache".to_vec(),
        bytes[..bytes.len() / 2].to_vec(),
        Vec::new(),
    ] {
        std::fs::write(cache_file(dir.path()), &damaged).unwrap();
        assert_eq!(partial(dir.path()), first);
        assert_ne!(std::fs::read(cache_file(dir.path())).unwrap(), damaged);
    }
}

#[test]
fn no_cache_writes_nothing() {
    let dir = corpus();
    let with = run(dir.path(), &["--no-cache", "--corpus", ".", "a.md"]);
    assert!(with.contains("claim-direction-mismatch"), "{with}");
    run(dir.path(), &["--no-cache"]);
    assert!(!dir.path().join(".copydesk-cache").exists());
}

#[test]
fn cache_dir_puts_the_cache_elsewhere() {
    let dir = corpus();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("claims");
    let out = run(
        dir.path(),
        &[
            "--cache-dir",
            target.to_str().unwrap(),
            "--corpus",
            ".",
            "a.md",
        ],
    );
    assert!(out.contains("claim-direction-mismatch"), "{out}");
    assert!(target.join("claims.bin").is_file());
    assert!(!dir.path().join(".copydesk-cache").exists());
}

#[test]
fn a_full_run_fills_the_cache_for_the_next_partial_run() {
    let dir = corpus();
    settle();
    let full = run(dir.path(), &[]);
    let before = cache_identity(dir.path());
    let out = partial(dir.path());
    assert_eq!(cache_identity(dir.path()), before);
    let touching_a: Vec<&str> = full.lines().filter(|l| l.contains("a.md")).collect();
    let partial_lines: Vec<&str> = out.lines().filter(|l| l.contains("a.md")).collect();
    assert_eq!(partial_lines, touching_a);
    assert!(!touching_a.is_empty());
}

#[test]
fn a_full_run_reuses_cached_claims_and_sees_edits() {
    let dir = corpus();
    settle();
    let first = run(dir.path(), &[]);
    let before = cache_identity(dir.path());
    // Nothing changed: same report, cache left as it is.
    assert_eq!(run(dir.path(), &[]), first);
    assert_eq!(cache_identity(dir.path()), before);
    // d.md now agrees with c.md: its claims are extracted again.
    article(
        dir.path(),
        "d.md",
        "The median travel nurse salary in the US is $98,000 this year.",
    );
    let after = run(dir.path(), &[]);
    assert!(first.contains("claim-value-mismatch"), "{first}");
    assert!(!after.contains("claim-value-mismatch"), "{after}");
    assert_ne!(cache_identity(dir.path()), before);
}

/// Identity of the file of remembered comparison groups.
fn judged_identity(dir: &Path) -> (u64, Vec<u8>) {
    file_identity(&dir.join(".copydesk-cache").join("judged.bin"))
}

#[test]
fn a_full_run_reuses_judged_groups_and_sees_edits() {
    let dir = corpus();
    let first = run(dir.path(), &[]);
    let judged = judged_identity(dir.path());
    // The same articles: the groups are reused, not rewritten.
    assert_eq!(run(dir.path(), &[]), first);
    assert_eq!(judged_identity(dir.path()), judged);
    // A new article that contradicts one of them, and one moved: the report
    // is what a run without the cache gives.
    article(
        dir.path(),
        "e.md",
        "Phishing incidents at small businesses rose 40% in 2024.",
    );
    std::fs::rename(dir.path().join("a.md"), dir.path().join("z.md")).expect("rename");
    let warm = run(dir.path(), &[]);
    assert_eq!(warm, run(dir.path(), &["--no-cache"]));
    assert_ne!(warm, first);
    assert_ne!(judged_identity(dir.path()), judged);
}

#[test]
fn a_run_over_a_named_folder_fills_the_cache_too() {
    let dir = corpus();
    settle();
    run(dir.path(), &["."]);
    let before = cache_identity(dir.path());
    partial(dir.path());
    assert_eq!(
        cache_identity(dir.path()),
        before,
        "the partial run found every article cached"
    );
}

#[test]
fn a_run_over_one_file_keeps_the_rest_of_the_cache() {
    let dir = corpus();
    settle();
    run(dir.path(), &[]);
    run(dir.path(), &["c.md"]);
    let before = cache_identity(dir.path());
    let out = partial(dir.path());
    assert_eq!(
        cache_identity(dir.path()),
        before,
        "the partial run found every article cached"
    );
    assert!(
        out.contains("claim-direction-mismatch") && out.contains("b.md"),
        "{out}"
    );
}

#[test]
fn a_suppression_in_an_unnamed_cached_file_is_honoured() {
    let dir = corpus();
    let b = dir.path().join("b.md");
    let text = std::fs::read_to_string(&b).unwrap();
    std::fs::write(
        &b,
        text.replace(
            "Phishing incidents at small businesses fell",
            "<!-- copydesk-disable-next-line claim-direction-mismatch -->\nPhishing incidents at small businesses fell",
        ),
    )
    .unwrap();
    settle();
    let first = partial(dir.path());
    let second = partial(dir.path());
    assert!(!first.contains("claim-direction-mismatch"), "{first}");
    assert_eq!(first, second);
}

#[test]
fn a_lexicon_change_invalidates_the_cache() {
    let dir = corpus();
    std::fs::write(dir.path().join("copydesk.yaml"), "corpus: .\n").unwrap();
    settle();
    partial(dir.path());
    let before = cache_identity(dir.path());
    partial(dir.path());
    assert_eq!(cache_identity(dir.path()), before);
    std::fs::write(
        dir.path().join("copydesk.yaml"),
        "corpus: .\nlexicon:\n  stop_words: [insurers]\n",
    )
    .unwrap();
    let out = partial(dir.path());
    assert!(out.contains("claim-direction-mismatch"), "{out}");
    assert_ne!(cache_identity(dir.path()).0, before.0);
}

/// A full run in `dir` with `args` (today 2026-01-01 unless they say): its
/// stdout, and whether it compared the claims (else its corpus findings
/// came from the findings cache).
fn full(dir: &Path, format: &str, args: &[&str]) -> (String, bool) {
    let today = if args.contains(&"--today") {
        &[][..]
    } else {
        &["--today", "2026-01-01"][..]
    };
    let out = assert_cmd::Command::cargo_bin("copydesk")
        .expect("binary")
        .current_dir(dir)
        .env("COPYDESK_TIMINGS", "1")
        .args(["check", "--format", format])
        .args(today)
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.code().is_some_and(|c| c < 2), "{out:?}");
    let compared = String::from_utf8_lossy(&out.stderr).contains("timing compare");
    (String::from_utf8(out.stdout).expect("UTF-8"), compared)
}

fn findings_file(dir: &Path) -> PathBuf {
    dir.join(".copydesk-cache").join("findings.bin")
}

#[test]
fn a_full_run_reuses_its_findings_until_an_article_changes() {
    let dir = corpus();
    let (first, compared) = full(dir.path(), "short", &[]);
    assert!(
        compared && first.contains("claim-value-mismatch"),
        "{first}"
    );
    let (findings, claims) = (
        file_identity(&findings_file(dir.path())),
        cache_identity(dir.path()),
    );
    // Nothing changed: the findings are reused, neither file rewritten.
    assert_eq!(full(dir.path(), "short", &[]), (first.clone(), false));
    assert_eq!(file_identity(&findings_file(dir.path())), findings);
    assert_eq!(cache_identity(dir.path()), claims);
    // d.md now agrees with c.md: compared again, as without any cache.
    article(
        dir.path(),
        "d.md",
        "The median travel nurse salary in the US is $98,000 this year.",
    );
    let (after, compared) = full(dir.path(), "short", &[]);
    assert!(
        compared && !after.contains("claim-value-mismatch"),
        "{after}"
    );
    assert_eq!(after, run(dir.path(), &["--no-cache"]));
    assert_ne!(file_identity(&findings_file(dir.path())), findings);
    assert_eq!(full(dir.path(), "short", &[]), (after, false));
}

#[test]
fn a_touched_article_refreshes_the_claims_file_before_findings_are_reused() {
    let dir = corpus();
    let (first, _) = full(dir.path(), "short", &[]);
    let claims = cache_identity(dir.path());
    // Same bytes, new stat data: the claims file is rewritten (so this run
    // compares), then the next run reuses the findings.
    let a = dir.path().join("a.md");
    let bytes = std::fs::read(&a).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&a, &bytes).unwrap();
    assert_eq!(full(dir.path(), "short", &[]), (first.clone(), true));
    assert_ne!(cache_identity(dir.path()).0, claims.0);
    assert_eq!(full(dir.path(), "short", &[]), (first, false));
}

#[test]
fn another_config_or_today_does_not_reuse_the_findings() {
    let dir = corpus();
    let (first, _) = full(dir.path(), "short", &[]);
    assert!(first.contains("claim-value-mismatch"), "{first}");
    std::fs::write(
        dir.path().join("copydesk.yaml"),
        "rules:\n  claim-value-mismatch: off\n",
    )
    .unwrap();
    let (off, compared) = full(dir.path(), "short", &[]);
    assert!(compared && !off.contains("claim-value-mismatch"), "{off}");
    assert_eq!(off, run(dir.path(), &["--no-cache"]));
    std::fs::write(
        dir.path().join("copydesk.yaml"),
        "rules:\n  claim-value-mismatch:\n    min_confidence: 1.0\n",
    )
    .unwrap();
    let (strict, compared) = full(dir.path(), "short", &[]);
    assert!(compared, "another option value");
    assert_eq!(strict, run(dir.path(), &["--no-cache"]));
    std::fs::remove_file(dir.path().join("copydesk.yaml")).unwrap();
    assert_eq!(full(dir.path(), "short", &[]), (first.clone(), true));
    let (later, compared) = full(dir.path(), "short", &["--today", "2027-06-01"]);
    assert!(compared, "another today");
    let no_cache = full(
        dir.path(),
        "short",
        &["--no-cache", "--today", "2027-06-01"],
    );
    assert_eq!(later, no_cache.0);
}

#[test]
fn a_changed_facts_file_does_not_reuse_the_findings() {
    let dir = corpus();
    let facts = dir.path().join("facts.yaml");
    let fact = |figure: &str| {
        let claim = format!("The median travel nurse salary in the US was {figure} in 2025.");
        let text = format!("facts:\n  - claim: \"{claim}\"\n    source: \"A survey\"\n");
        std::fs::write(&facts, text).unwrap();
    };
    fact("$98,000");
    let (first, _) = full(dir.path(), "short", &[]);
    assert!(
        first.contains("d.md") && first.contains("claim-fact-mismatch"),
        "{first}"
    );
    assert_eq!(full(dir.path(), "short", &[]), (first.clone(), false));
    fact("$131,000");
    let (edited, compared) = full(dir.path(), "short", &[]);
    assert!(compared && edited != first, "{edited}");
    assert_eq!(edited, run(dir.path(), &["--no-cache"]));
}

#[test]
fn a_damaged_findings_file_is_ignored_and_rewritten() {
    let dir = corpus();
    let (first, _) = full(dir.path(), "short", &[]);
    let bytes = std::fs::read(findings_file(dir.path())).unwrap();
    let mut flipped = bytes.clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x01;
    for damaged in [
        flipped,
        bytes[..bytes.len() / 2].to_vec(),
        b"not findings".to_vec(),
        Vec::new(),
    ] {
        std::fs::write(findings_file(dir.path()), &damaged).unwrap();
        assert_eq!(full(dir.path(), "short", &[]), (first.clone(), true));
        assert_eq!(std::fs::read(findings_file(dir.path())).unwrap(), bytes);
    }
}

#[test]
fn reused_findings_keep_their_claims_in_the_json_report() {
    let dir = corpus();
    let cold = common::check_format(dir.path(), "json", &["--no-cache"]);
    assert!(cold.contains("\"matched\""), "{cold}");
    // Filled by a run that needs no claims, reused by one that shows them.
    full(dir.path(), "short", &[]);
    assert_eq!(full(dir.path(), "json", &[]), (cold.clone(), false));
    assert_eq!(full(dir.path(), "json", &[]), (cold, false));
}
