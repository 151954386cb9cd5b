//! copydesk.yaml parsing: errors, never panics or unbounded work.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = copydesk::config::Config::parse(text, Path::new("copydesk.yaml"));
});
