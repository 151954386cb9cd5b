//! A whole check of one article with every built-in rule at its default.
#![no_main]

mod common;

use common::{ENGINE, source_file};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(file) = source_file(data) else {
        return;
    };
    let len = file.text().len();
    let result = ENGINE.check_files(vec![file]);
    for d in &result.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= len, "{d:?}");
    }
});
