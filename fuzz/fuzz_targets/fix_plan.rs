//! Fix planning in memory (`fix_source`, safe and unsafe fixes): it ends,
//! and the fixed text is checked again without panic.
#![no_main]

mod common;

use common::{ENGINE, source_file};
use copydesk::fix::{FixOptions, fix_source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (unsafe_fixes, bytes) = match data.split_first() {
        Some((flag, rest)) => (flag & 1 == 1, rest),
        None => return,
    };
    let Some(mut file) = source_file(bytes) else {
        return;
    };
    let fixed = fix_source(&ENGINE, &file, FixOptions { unsafe_fixes });
    file.decoded.text = fixed.text;
    let _ = ENGINE.check_document(&file);
});
