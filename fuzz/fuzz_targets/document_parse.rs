//! The document model: front matter split, Markdown body, spans in bounds.
#![no_main]

use copydesk::document::Document;
use copydesk::source::{FileId, SourceFile, decode};
use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;

fuzz_target!(|data: &[u8]| {
    let Ok(decoded) = decode(data) else { return };
    let file = SourceFile {
        id: FileId(0),
        path: PathBuf::from("fuzz.md"),
        display: "fuzz.md".into(),
        decoded,
    };
    let doc = Document::parse(&file);
    let len = file.text().len();
    for span in doc.body.prose.iter().chain(&doc.body.masked) {
        assert!(span.start <= span.end && span.end <= len);
    }
});
