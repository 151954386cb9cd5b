//! The document model: front matter split, Markdown body, spans in bounds.
#![no_main]

mod common;

use common::source_file;
use copydesk::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(file) = source_file(data) else {
        return;
    };
    let doc = Document::parse(&file);
    let len = file.text().len();
    for span in doc.body.prose.iter().chain(&doc.body.masked) {
        assert!(span.start <= span.end && span.end <= len);
    }
});
