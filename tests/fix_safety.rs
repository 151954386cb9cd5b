//! Issue 13: `--fix` never loses or misplaces bytes. It does not write through
//! symlinks that leave the checked folders, writes each real file once, keeps
//! owner, group, mode and hard links, never converts a file it is not fixing
//! for its encoding, and never writes U+FFFD, NUL or a character reference
//! that was not there. Each input is written out in its test.

use assert_cmd::Command;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// `copydesk check --fix ARGS...` in `dir`, short format.
fn fix(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir)
        .args([
            "check",
            "--today",
            "2026-01-01",
            "--no-cache",
            "--format",
            "short",
            "--fix",
        ])
        .args(args)
        .output()
        .expect("copydesk runs")
}

fn text(output: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// An article with one safe fix (mojibake `â€™` for `’`).
const MOJIBAKE: &str =
    "---\ntitle: Notes\npublish_date: 2025-01-02\n---\nDon\u{e2}\u{20ac}\u{2122}t panic.\n";
const REPAIRED: &str = "---\ntitle: Notes\npublish_date: 2025-01-02\n---\nDon\u{2019}t panic.\n";

/// A UTF-8 article holding `body`, as bytes.
fn article(body: &[u8]) -> Vec<u8> {
    let mut bytes = b"---\ntitle: Notes\npublish_date: 2025-01-02\n---\n".to_vec();
    bytes.extend_from_slice(body);
    bytes
}

#[test]
fn issue_13_symlink_out_of_the_checked_folder_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t")).unwrap();
    fs::create_dir_all(dir.path().join("o")).unwrap();
    fs::write(dir.path().join("o/s.md"), MOJIBAKE).unwrap();
    std::os::unix::fs::symlink("../o/s.md", dir.path().join("t/l.md")).unwrap();
    let out = fix(dir.path(), &["t"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("o/s.md")).unwrap(),
        MOJIBAKE
    );
    let said = text(&out);
    assert!(
        said.contains("not fixed") && said.contains("outside the checked folders"),
        "{said}"
    );
    assert_eq!(out.status.code(), Some(1), "{said}");
    // Named by its own folder, the same file is fixed.
    fix(dir.path(), &["o"]);
    assert_eq!(
        fs::read_to_string(dir.path().join("o/s.md")).unwrap(),
        REPAIRED
    );
}

#[test]
fn issue_13_a_file_reached_by_several_paths_is_fixed_once() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    fs::write(&a, MOJIBAKE).unwrap();
    std::os::unix::fs::symlink("a.md", dir.path().join("soft.md")).unwrap();
    fs::hard_link(&a, dir.path().join("hard.md")).unwrap();
    let out = fix(dir.path(), &[]);
    let said = text(&out);
    assert!(!said.contains("changed on disk"), "{said}");
    assert_eq!(out.status.code(), Some(0), "{said}");
    assert!(said.contains("applied 1 fix in 1 file"), "{said}");
    assert_eq!(fs::read_to_string(&a).unwrap(), REPAIRED);
    assert_eq!(
        fs::read_to_string(dir.path().join("hard.md")).unwrap(),
        REPAIRED
    );
}

#[test]
fn issue_13_hard_links_stay_linked() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t")).unwrap();
    let a = dir.path().join("t/a.md");
    let other = dir.path().join("elsewhere.md");
    fs::write(&a, MOJIBAKE).unwrap();
    fs::hard_link(&a, &other).unwrap();
    let inode = fs::metadata(&a).unwrap().ino();
    let out = fix(dir.path(), &["t"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let meta = fs::metadata(&a).unwrap();
    assert_eq!((meta.ino(), meta.nlink()), (inode, 2));
    assert_eq!(fs::read_to_string(&other).unwrap(), REPAIRED);
}

#[test]
fn issue_13_extended_attributes_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    fs::write(&a, MOJIBAKE).unwrap();
    // Not every file system takes user attributes; there is nothing to keep.
    if xattr::set(&a, "user.copydesk.test", b"kept").is_err() {
        eprintln!("skipped: this file system takes no user attributes");
        return;
    }
    let inode = fs::metadata(&a).unwrap().ino();
    let out = fix(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&a).unwrap(), REPAIRED);
    let kept = xattr::get(&a, "user.copydesk.test").unwrap();
    assert_eq!(kept.as_deref(), Some(&b"kept"[..]));
    // Atomic where it could be: a new inode, the attributes carried over.
    assert_ne!(fs::metadata(&a).unwrap().ino(), inode);
}

#[test]
fn issue_13_owner_group_and_mode_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    fs::write(&a, MOJIBAKE).unwrap();
    fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    // Giving a file away needs root; as another user the owner is one's own
    // and the group one of one's own, which the test still checks.
    let (uid, gid) = match std::os::unix::fs::chown(&a, Some(4321), Some(4322)) {
        Ok(()) => (4321, 4322),
        Err(_) => {
            let meta = fs::metadata(&a).unwrap();
            (meta.uid(), meta.gid())
        }
    };
    let out = fix(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(fs::read_to_string(&a).unwrap(), REPAIRED);
    let meta = fs::metadata(&a).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (uid, gid));
    assert_eq!(meta.mode() & 0o7777, 0o640);
    assert_eq!(meta.nlink(), 1);
}

#[test]
fn issue_13_bom_and_stray_cp1252_bytes_are_repaired() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(article(
        b"Coffee costs \xA33 at the caf\xE9 \xe2\x80\x94 cheap.\n",
    ));
    fs::write(&a, &bytes).unwrap();
    let out = fix(dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut want = b"\xEF\xBB\xBF".to_vec();
    want.extend(article("Coffee costs £3 at the café — cheap.\n".as_bytes()));
    assert_eq!(fs::read(&a).unwrap(), want);
}

/// UTF-16LE bytes with a BOM for `text`.
fn utf16le(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    text.encode_utf16()
        .for_each(|u| bytes.extend_from_slice(&u.to_le_bytes()));
    bytes
}

/// Runs `--fix` over a file holding `bytes`; asserts the file is unchanged
/// and returns what copydesk said.
fn unchanged_by_fix(bytes: &[u8], args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.md");
    fs::write(&a, bytes).unwrap();
    let out = fix(dir.path(), args);
    let said = text(&out);
    assert_eq!(fs::read(&a).unwrap(), bytes, "{said}");
    assert_eq!(out.status.code(), Some(1), "a finding remains: {said}");
    said
}

#[test]
fn issue_13_utf16_with_a_nul_is_not_converted() {
    let said = unchanged_by_fix(&utf16le("---\ntitle: A\u{0}B\n---\nBody.\n"), &[]);
    assert!(said.contains("encoding-not-utf8"), "{said}");
    assert!(!said.contains("binary"), "{said}");
}

#[test]
fn issue_13_malformed_utf16_is_not_converted() {
    // A lone high surrogate.
    let mut lone = utf16le("---\ntitle: A\n---\nBody ");
    lone.extend_from_slice(&[0x3D, 0xD8, b'x', 0, b'\n', 0]);
    unchanged_by_fix(&lone, &[]);
    // An odd number of bytes.
    let mut odd = utf16le("---\ntitle: A\n---\nBody.\n");
    odd.push(b'x');
    unchanged_by_fix(&odd, &[]);
    // A mojibake fix must not write it back either (U+FFFD would be written).
    let mut mixed = utf16le(MOJIBAKE);
    mixed.extend_from_slice(&[0x3D, 0xD8]);
    unchanged_by_fix(&mixed, &[]);
}

#[test]
fn issue_13_a_file_that_is_only_a_bom_stays() {
    unchanged_by_fix(&[0xFF, 0xFE], &[]);
}

#[test]
fn issue_13_cut_utf8_sequence_is_not_a_legacy_encoding() {
    for body in [
        &b"Plain text, cut at the end \xE2\x80"[..],
        b"cut \xe2\x82 x\n",
    ] {
        let said = unchanged_by_fix(&article(body), &[]);
        assert!(said.contains("not valid UTF-8"), "{said}");
        assert!(!said.contains("detected"), "{said}");
    }
    // With a mojibake fix elsewhere in the file, still nothing is written.
    let mut both = MOJIBAKE.as_bytes().to_vec();
    both.extend_from_slice(b"cut \xe2\x82 x\n");
    unchanged_by_fix(&both, &[]);
}

/// `copydesk.yaml` turning `encoding-not-utf8` off, in `dir`.
fn encoding_off(dir: &Path) {
    fs::write(
        dir.join("copydesk.yaml"),
        "rules:\n  encoding-not-utf8: off\n",
    )
    .unwrap();
}

/// Japanese prose, enough for the encoding to be detected.
const JAPANESE: &str = "日本語の文章です。東京と大阪の天気は晴れでした。新しい仕事を探しています。\
     会社の説明会に参加しました。来週も続きます。";

#[test]
fn issue_13_legacy_file_keeps_its_encoding_when_encoding_rule_is_off() {
    let dir = tempfile::tempdir().unwrap();
    encoding_off(dir.path());
    let head = "---\ntitle: Notes\npublish_date: 2025-01-02\nheroImage: http://cdn.example.com/a.png\n---\n";
    let doc = format!("{head}{JAPANESE}\n");
    let (euc, _, _) = encoding_rs::EUC_JP.encode(&doc);
    let a = dir.path().join("a.md");
    fs::write(&a, &euc).unwrap();
    let out = fix(dir.path(), &["--unsafe-fixes", "a.md"]);
    let want = encoding_rs::EUC_JP
        .encode(&doc.replace("http://", "https://"))
        .0
        .into_owned();
    assert_eq!(fs::read(&a).unwrap(), want, "{}", text(&out));
}

#[test]
fn issue_13_legacy_file_that_does_not_round_trip_is_not_written() {
    // `8F B0 A1` is 丂 in EUC-JP's JIS X 0212 part, which decodes but does
    // not encode back: once written it became `&#19970;`.
    let head = "---\ntitle: Notes\npublish_date: 2025-01-02\nheroImage: http://cdn.example.com/a.png\n---\n";
    let mut euc = encoding_rs::EUC_JP
        .encode(&format!("{head}{JAPANESE}"))
        .0
        .into_owned();
    euc.extend_from_slice(b"\x8F\xB0\xA1\n");
    let dir = tempfile::tempdir().unwrap();
    encoding_off(dir.path());
    let a = dir.path().join("a.md");
    fs::write(&a, &euc).unwrap();
    let out = fix(dir.path(), &["--unsafe-fixes", "a.md"]);
    let said = text(&out);
    assert_eq!(fs::read(&a).unwrap(), euc, "{said}");
    assert!(said.contains("not fixed"), "{said}");
    // With the rule on, it is not converted either.
    fs::remove_file(dir.path().join("copydesk.yaml")).unwrap();
    let said = unchanged_by_fix(&euc, &[]);
    assert!(said.contains("EUC-JP"), "{said}");
}

#[test]
fn issue_13_a_fix_the_legacy_encoding_cannot_hold_is_refused() {
    // windows-1252 prose holding UTF-8 Cyrillic read as windows-1252: the
    // repair (`привет`) has no windows-1252 bytes.
    let doc = "---\ntitle: Caf\u{e9} notes\npublish_date: 2025-01-02\n---\n\
               D\u{e9}j\u{e0} vu \u{e0} la cr\u{e8}me br\u{fb}l\u{e9}e: \
               \u{d0}\u{bf}\u{d1}\u{20ac}\u{d0}\u{b8}\u{d0}\u{b2}\u{d0}\u{b5}\u{d1}\u{201a}.\n";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(doc);
    assert!(!unmappable);
    let dir = tempfile::tempdir().unwrap();
    encoding_off(dir.path());
    let a = dir.path().join("a.md");
    fs::write(&a, &bytes).unwrap();
    let out = fix(dir.path(), &[]);
    let said = text(&out);
    assert_eq!(fs::read(&a).unwrap(), bytes.as_ref(), "{said}");
    assert!(said.contains("cannot be written in windows-1252"), "{said}");
}

#[test]
fn issue_13_stray_bytes_are_not_converted_when_encoding_rule_is_off() {
    let mut bytes = MOJIBAKE.as_bytes().to_vec();
    bytes.extend_from_slice(b"Caf\xC3\xA9 it\x92s.\n");
    let dir = tempfile::tempdir().unwrap();
    encoding_off(dir.path());
    let a = dir.path().join("a.md");
    fs::write(&a, &bytes).unwrap();
    let said = text(&fix(dir.path(), &[]));
    assert_eq!(fs::read(&a).unwrap(), bytes, "{said}");
    assert!(said.contains("not fixed"), "{said}");
}

#[test]
fn issue_13_fix_stdin_passes_undecodable_input_through_unchanged() {
    for input in [
        article(b"cut \xe2\x82 x\n"),
        utf16le("---\ntitle: A\u{0}B\n---\n"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["fix", "--stdin"])
            .current_dir(tempfile::tempdir().unwrap().path())
            .write_stdin(input.clone())
            .output()
            .unwrap();
        assert_eq!(out.stdout, input);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    }
}

#[test]
fn issue_13_diff_names_the_files_fix_would_not_write() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("t")).unwrap();
    fs::create_dir_all(dir.path().join("o")).unwrap();
    fs::write(dir.path().join("o/s.md"), MOJIBAKE).unwrap();
    std::os::unix::fs::symlink("../o/s.md", dir.path().join("t/l.md")).unwrap();
    let mut cut = MOJIBAKE.as_bytes().to_vec();
    cut.extend_from_slice(b"cut \xe2\x82 x\n");
    fs::write(dir.path().join("t/cut.md"), &cut).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir.path())
        .args(["check", "--no-cache", "--diff", "t"])
        .output()
        .unwrap();
    let said = text(&out);
    assert!(said.contains("t/l.md: would not be fixed"), "{said}");
    assert!(said.contains("t/cut.md: would not be fixed"), "{said}");
    assert!(!said.contains("+++"), "{said}");
    assert_eq!(out.status.code(), Some(0), "{said}");
}
