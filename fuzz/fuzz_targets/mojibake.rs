//! Mojibake detection and repair: repairs lie on char boundaries and the
//! repaired text is valid; a repair never brings in private-use characters.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (repairs, _) = copydesk::mojibake::analyse(text);
    let fixed = copydesk::mojibake::fix(text);
    if !repairs.is_empty() {
        let before = text.chars().filter(|&c| private_use(c)).count();
        let after = fixed.chars().filter(|&c| private_use(c)).count();
        assert!(
            after <= before,
            "repair added private-use characters: {text:?} -> {fixed:?}"
        );
    }
});
