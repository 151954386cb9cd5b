//! `fixtures/encodings/`: one article stored eight ways (UTF-8 with and
//! without BOM, CRLF, Latin-1, UTF-16 LE/BE with BOM). Each must decode to
//! the same text, remember how it was stored so it can be written back byte
//! for byte, parse into the same front matter, and be flagged by
//! `encoding-not-utf8` exactly when it is not UTF-8.

mod common;

use common::{catalog, engine, fixtures_dir, load, render};
use copydesk::config::Config;
use copydesk::document::Document;
use copydesk::report::Format;
use copydesk::source::decode::encode;
use copydesk::source::{LineEnding, decode};

struct Case {
    file: &'static str,
    encoding: &'static str,
    bom: bool,
    line_ending: LineEnding,
    not_utf8: bool,
}

const CASES: &[Case] = &[
    Case {
        file: "utf8.md",
        encoding: "UTF-8",
        bom: false,
        line_ending: LineEnding::Lf,
        not_utf8: false,
    },
    Case {
        file: "utf8-bom.md",
        encoding: "UTF-8",
        bom: true,
        line_ending: LineEnding::Lf,
        not_utf8: false,
    },
    Case {
        file: "utf8-crlf.md",
        encoding: "UTF-8",
        bom: false,
        line_ending: LineEnding::CrLf,
        not_utf8: false,
    },
    Case {
        file: "utf8-bom-crlf.md",
        encoding: "UTF-8",
        bom: true,
        line_ending: LineEnding::CrLf,
        not_utf8: false,
    },
    // Latin-1 is decoded with its WHATWG superset, windows-1252.
    Case {
        file: "latin1.md",
        encoding: "windows-1252",
        bom: false,
        line_ending: LineEnding::Lf,
        not_utf8: true,
    },
    Case {
        file: "latin1-crlf.md",
        encoding: "windows-1252",
        bom: false,
        line_ending: LineEnding::CrLf,
        not_utf8: true,
    },
    Case {
        file: "utf16le-bom.md",
        encoding: "UTF-16LE",
        bom: true,
        line_ending: LineEnding::Lf,
        not_utf8: true,
    },
    Case {
        file: "utf16be-bom.md",
        encoding: "UTF-16BE",
        bom: true,
        line_ending: LineEnding::Lf,
        not_utf8: true,
    },
];

const TITLE: &str = "Relocating to München for a Tech Job";

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join("encodings").join(name)).expect("fixture")
}

#[test]
fn every_file_in_the_folder_has_a_case() {
    let on_disk: Vec<String> = common::markdown_files(&fixtures_dir().join("encodings"))
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.file.to_string()).collect();
    cases.sort();
    assert_eq!(on_disk, cases);
}

#[test]
fn each_file_decodes_to_the_same_text_and_remembers_how_it_was_stored() {
    let reference = String::from_utf8(read("utf8.md")).unwrap();
    for c in CASES {
        let bytes = read(c.file);
        let d = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e:?}", c.file));
        assert_eq!(d.encoding.name(), c.encoding, "{}", c.file);
        assert_eq!(d.bom, c.bom, "{}: bom", c.file);
        assert_eq!(d.line_ending, c.line_ending, "{}: line ending", c.file);
        assert!(!d.lossy, "{}: decoded with replacement characters", c.file);
        assert!(
            !d.text.starts_with('\u{feff}'),
            "{}: BOM left in the text",
            c.file
        );
        assert_eq!(d.text.replace("\r\n", "\n"), reference, "{}", c.file);
        assert_eq!(
            encode(&d.text, &d, false),
            bytes,
            "{}: does not round-trip",
            c.file
        );
        if c.not_utf8 {
            assert_eq!(
                encode(&d.text, &d, true),
                d.text.as_bytes(),
                "{}: to UTF-8",
                c.file
            );
        }
    }
}

#[test]
fn front_matter_reads_the_same_whatever_the_storage() {
    for c in CASES {
        let file = &load(&[fixtures_dir().join("encodings").join(c.file)])[0];
        let doc = Document::parse(file);
        let fm = doc
            .front_matter
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no front matter", c.file));
        assert!(fm.problem.is_none(), "{}: {:?}", c.file, fm.problem);
        assert_eq!(fm.get_text("title").as_deref(), Some(TITLE), "{}", c.file);
        let title = fm.field("title").expect("title field");
        assert_eq!(&doc.text()[title.value_span.range()], TITLE, "{}", c.file);
        let rt = fm.field("read_time").expect("read_time field");
        assert_eq!(
            &doc.text()[rt.value_span.range()],
            "1 min",
            "{}: no `\\r` in spans",
            c.file
        );
        assert_eq!(
            doc.body.words,
            Document::parse(&load(&[fixtures_dir().join("encodings/utf8.md")])[0])
                .body
                .words,
            "{}: word count",
            c.file
        );
    }
}

#[test]
fn only_files_not_in_utf8_are_flagged() {
    let catalog = catalog();
    let dir = fixtures_dir().join("encodings");
    let engine = engine(&catalog, &Config::default(), &dir);
    let paths: Vec<_> = CASES.iter().map(|c| dir.join(c.file)).collect();
    let run = engine.check_files(load(&paths));
    for (c, file) in CASES.iter().zip(&run.files) {
        let rules: Vec<&str> = run
            .diagnostics
            .iter()
            .filter(|d| d.file == file.id)
            .map(|d| d.rule.as_ref())
            .collect();
        let expected: Vec<&str> = if c.not_utf8 {
            vec!["encoding-not-utf8"]
        } else {
            vec![]
        };
        assert_eq!(rules, expected, "{}", c.file);
    }
    insta::assert_snapshot!("encodings", render(&run, Format::Short));
}

#[test]
fn binary_bytes_are_refused() {
    let png =
        std::fs::read(fixtures_dir().join("image-not-found/images/standup-board.png")).unwrap();
    assert!(decode(&png).is_err());
}

#[test]
fn mostly_utf8_file_with_one_stray_byte_keeps_its_utf8_text() {
    // Mixed files are common (one paragraph pasted from an old document).
    // Decoding all of it as windows-1252 corrupts every valid UTF-8 sequence,
    // and converting the file "to UTF-8" would then write that mojibake back.
    let mut bytes =
        "---\ntitle: Café culture\npublish_date: 2025-01-10\n---\nThe café menu is fine. It"
            .as_bytes()
            .to_vec();
    bytes.push(0x92); // windows-1252 right single quote
    bytes.extend_from_slice(b"s one stray byte.\n");
    let d = decode(&bytes).expect("text");
    assert!(
        d.text.contains("title: Café culture"),
        "valid UTF-8 was re-decoded: {:?}",
        d.text
    );
    assert!(d.text.contains("The café menu"), "{:?}", d.text);
}
