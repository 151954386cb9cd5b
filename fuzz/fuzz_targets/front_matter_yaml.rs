//! Front-matter YAML: the limits' pre-scan, then the split and parse. The
//! run's memory and time limits catch any expansion the pre-scan lets by.
#![no_main]

use copydesk::document::FrontMatter;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(yaml) = std::str::from_utf8(data) else {
        return;
    };
    let _ = copydesk::document::yaml_limits::check(yaml, 1 << 20);
    let text = format!("---\n{yaml}\n---\nBody.\n");
    if let Some((fm, body)) = FrontMatter::split(&text) {
        assert!(body <= text.len());
        for f in &fm.fields {
            assert!(
                text.is_char_boundary(f.key_span.start) && text.is_char_boundary(f.value_span.end)
            );
        }
    }
});
