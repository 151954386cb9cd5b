//! Claims extraction on prose: spans on char boundaries, descriptions built.
#![no_main]

use copydesk::claims::{Lexicon, extract_prose};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::builtin);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let date = chrono::NaiveDate::from_ymd_opt(2024, 2, 29);
    for claim in extract_prose(text, date, &LEXICON) {
        assert!(text.is_char_boundary(claim.span.start) && text.is_char_boundary(claim.span.end));
        let _ = claim.describe();
    }
});
