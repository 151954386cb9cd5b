//! Character classes for plausibility scoring: script, letter case, punctuation role, and a
//! hand-chosen rarity cost saying how unusual a character is in correct running text.
//!
//! The costs are coarse tiers by Unicode block, written for this engine from general
//! knowledge of which blocks ordinary text uses; they are not frequency tables. What matters
//! is the order: common letters and punctuation cost nothing, letters from historic or
//! phonetic blocks cost a lot, and code points no text should contain are rejected outright.

use std::sync::OnceLock;

/// Writing system of a letter, coarse enough to tell "a letter of another script".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    /// Han ideographs and kana: mixed freely in Chinese and Japanese.
    Cjk,
    Hangul,
    /// Anything else, identified by its 128-code-point block.
    Other(u32),
}

/// What role a character plays next to its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// ASCII space, ASCII punctuation, NBSP and other separators: say nothing either way.
    Neutral,
    Digit,
    Letter {
        script: Script,
        upper: bool,
        lower: bool,
        ascii: bool,
    },
    /// Punctuation that opens: it is natural before a word, odd right after a letter.
    Open,
    /// Punctuation and marks that naturally follow a word: `”`, `…`, `—`, `™`, `®`.
    Close,
    /// The curly apostrophe, natural inside words.
    Apostrophe,
    /// Box drawing and block elements, which come in runs in line art.
    Box,
    /// A combining mark: natural after a letter or digit only.
    Combining,
    /// C1 control characters.
    Control,
    /// Any other non-ASCII symbol.
    Symbol,
}

/// The script of a letter.
pub(crate) fn script(c: char) -> Script {
    let cp = c as u32;
    match cp {
        0..=0x024F | 0x0250..=0x02AF | 0x1D00..=0x1D7F | 0x1E00..=0x1EFF | 0x2C60..=0x2C7F => {
            Script::Latin
        }
        0xA720..=0xA7FF | 0xFB00..=0xFB06 | 0xFF21..=0xFF5A => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0530..=0x058F => Script::Armenian,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF => Script::Arabic,
        0xFE70..=0xFEFE => Script::Arabic,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7FF => Script::Hangul,
        0x2E80..=0x2FFF | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF => Script::Cjk,
        0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3FFFF => Script::Cjk,
        _ => Script::Other(cp >> 7),
    }
}

/// Characters below this bound have their [`Kind`] in a table built on first use: the
/// scorer asks for the kind of the same few characters over and over.
const KIND_TABLE_LIMIT: usize = 0x2600;

/// The role of `c` among its neighbours.
pub(crate) fn kind(c: char) -> Kind {
    static TABLE: OnceLock<Vec<Kind>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..KIND_TABLE_LIMIT as u32)
            .map(|cp| char::from_u32(cp).map_or(Kind::Symbol, compute_kind))
            .collect()
    });
    match table.get(c as usize) {
        Some(&k) => k,
        None => compute_kind(c),
    }
}

/// [`kind`], computed.
fn compute_kind(c: char) -> Kind {
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Kind::Letter {
                script: Script::Latin,
                upper: c.is_ascii_uppercase(),
                lower: c.is_ascii_lowercase(),
                ascii: true,
            }
        } else if c.is_ascii_digit() {
            Kind::Digit
        } else {
            Kind::Neutral
        };
    }
    match c {
        '\u{80}'..='\u{9f}' => Kind::Control,
        '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{3000}' => Kind::Neutral,
        '’' => Kind::Apostrophe,
        '“' | '‘' | '„' | '‚' | '«' | '‹' | '¿' | '¡' | '「' | '『' | '（' | '【' => {
            Kind::Open
        }
        '”' | '»' | '›' | '…' | '—' | '–' | '™' | '®' | '©' | '°' | '´' | '¨' | '‰' | '′' | '″'
        | '•' | '·' | '」' | '』' | '）' | '】' | '、' | '。' | '，' => Kind::Close,
        'ª' | 'º' | 'µ' | '¹' | '²' | '³' | '¼' | '½' | '¾' => Kind::Symbol,
        '\u{2500}'..='\u{259f}' => Kind::Box,
        '\u{300}'..='\u{36f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}' => Kind::Combining,
        _ if c.is_alphabetic() => Kind::Letter {
            script: script(c),
            upper: c.is_uppercase(),
            lower: c.is_lowercase(),
            ascii: false,
        },
        _ if c.is_numeric() => Kind::Digit,
        _ if c.is_whitespace() => Kind::Neutral,
        _ => Kind::Symbol,
    }
}

/// Whether `c` is a letter (by [`kind`]).
pub(crate) fn is_letter(c: char) -> bool {
    matches!(kind(c), Kind::Letter { .. })
}

/// Code points that no repaired text should contain: C1 controls, private use, noncharacters
/// and unassigned code points (issue 14: a reading that lands there is a coincidence).
pub(crate) fn is_forbidden(c: char) -> bool {
    let cp = c as u32;
    matches!(cp, 0x80..=0x9F | 0xE000..=0xF8FF | 0xFDD0..=0xFDEF | 0xF0000..)
        || cp & 0xFFFE == 0xFFFE
        || !super::assigned::is_assigned(c)
}

/// Latin Extended-A letters that only a few small orthographies use.
const RARE_EXT_A: &str = "ĈĉĜĝĤĥĴĵŜŝŬŭĠġĦħĸĿŀŉŊŋŖŗŦŧŶŷŴŵſĲĳĔĕĬĭŎŏĨĩŨũŔŕĹĺ";

/// How unusual `c` is in correct text, as a cost (0 = ordinary).
pub(crate) fn cost(c: char) -> f32 {
    let cp = c as u32;
    match cp {
        0..=0x7F => 0.0,
        // C1 controls cost what their windows-1252 reading costs (a lone one is repaired through
        // that reading anyway); the five undefined bytes have no such reading.
        0x81 | 0x8D | 0x8F | 0x90 | 0x9D => 5.0,
        0x80..=0x9F => 0.5,
        0xA0 => 1.0,
        0xA1..=0xBF => match c {
            '¤' | '¦' | '¯' | '¸' | '\u{ad}' => 1.0,
            '¥' | 'µ' | '¶' | '¹' | '¼' | '¾' | 'ª' | 'º' | '¬' | '¨' | '¢' => 0.5,
            _ => 0.0,
        },
        0xC0..=0xFF => match c {
            // Ã and Â are the lead characters of the most common mojibake and rare letters
            // otherwise (Portuguese and Vietnamese capitals, Romanian and French capitals).
            'Ã' => 2.5,
            'Â' => 1.5,
            'Ð' | 'Þ' => 0.6,
            _ if c.is_uppercase() => 0.3,
            _ => 0.0,
        },
        0x100..=0x17F => {
            // `Ÿ` is windows-1252's 0x9F, the continuation byte of `ş`, `ğ` and many more;
            // correct text has it only in a few French words in capitals.
            if c == 'Ÿ' || RARE_EXT_A.contains(c) {
                1.5
            } else {
                0.4
            }
        }
        0x180..=0x24F => match c {
            'Ơ' | 'ơ' | 'Ư' | 'ư' | 'Ș' | 'ș' | 'Ț' | 'ț' => 0.4,
            'ǎ' | 'ǐ' | 'ǒ' | 'ǔ' | 'ǚ' | 'ǜ' | 'Ə' | 'ƒ' => 1.0,
            _ => 2.0,
        },
        0x259 => 1.0,
        0x250..=0x2AF => 3.0,
        0x2B0..=0x2FF => match c {
            'ˆ' | 'ˇ' | '˘' | '˙' | '˚' | '˛' | '˜' | '˝' | 'ʼ' => 1.0,
            _ => 2.0,
        },
        0x300..=0x36F => 1.0,
        0x386..=0x3CE => 0.0,
        0x370..=0x3FF => 1.5,
        0x401..=0x45F => match c {
            'ѕ' | 'ђ' | 'ѓ' | 'ќ' | 'ћ' | 'џ' | 'љ' | 'њ' | 'Ђ' | 'Ѓ' | 'Ќ' | 'Ћ' | 'Џ' | 'Љ'
            | 'Њ' | 'Ѕ' | 'ј' | 'Ј' => 0.5,
            'ґ' | 'Ґ' | 'є' | 'Є' | 'і' | 'І' | 'ї' | 'Ї' | 'ў' | 'Ў' => 0.3,
            _ => 0.0,
        },
        0x400..=0x4FF => 1.5,
        0x500..=0x52F => 3.0,
        0x530..=0x58F => 1.0,
        0x5D0..=0x5EA => 0.0,
        0x5F0..=0x5F4 => 0.5,
        0x590..=0x5FF => 2.5,
        0x620..=0x64A => 0.0,
        0x64B..=0x65F => 1.0,
        0x660..=0x669 => 0.5,
        0x67E | 0x686 | 0x698 | 0x6A9 | 0x6AF | 0x6CC => 0.3,
        0x600..=0x6FF => 1.0,
        0x700..=0x8FF => 3.0,
        0x900..=0xDFF => 0.3,
        0xE00..=0xE7F => 0.3,
        0xE80..=0xEFF => 1.0,
        0xF00..=0xFFF => 1.5,
        0x1000..=0x10FF => 1.0,
        0x1100..=0x11FF => 2.0,
        0x1200..=0x139F => 1.5,
        0x1780..=0x17FF => 1.0,
        0x13A0..=0x1CFF => 2.5,
        0x1D00..=0x1DFF => 3.0,
        0x1E00..=0x1EFF => 0.3,
        0x1F00..=0x1FFF => 1.5,
        0x2000..=0x206F => match c {
            '–' | '—' | '‘' | '’' | '‚' | '“' | '”' | '„' | '†' | '‡' | '•' | '…' | '‰' | '′'
            | '″' | '‹' | '›' | '‐' | '‑' | '⁄' => 0.0,
            '\u{2000}'..='\u{200a}' => 1.5,
            '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202f}' => 2.0,
            '\u{2060}'..='\u{206f}' => 3.0,
            _ => 1.0,
        },
        0x2070..=0x209F => 1.5,
        0x20AC => 0.0,
        0x20B9 | 0x20BD | 0x20BA | 0x20A9 | 0x20AB | 0x20B1 | 0x20AA | 0x20B4 | 0x20A6 => 0.5,
        0x20A0..=0x20CF => 1.0,
        0x2122 | 0x2116 => 0.0,
        0x2103 | 0x2109 | 0x2113 | 0x2126 | 0x212E => 0.5,
        0x2100..=0x214F => 1.5,
        0x2150..=0x218F => 1.0,
        0x2190..=0x22FF => 0.5,
        0x2300..=0x23FF => 1.0,
        0x2400..=0x243F => 3.0,
        0x2440..=0x24FF => 1.5,
        0x2500..=0x259F => 0.3,
        0x25A0..=0x25FF => 0.5,
        0x2600..=0x27BF => 0.0,
        0x27C0..=0x27FF => 1.5,
        0x2800..=0x28FF => 1.0,
        0x2900..=0x2BFF => 1.0,
        0x2C00..=0x2DFF => 3.0,
        0x2E00..=0x2E7F => 1.5,
        0x2E80..=0x2FDF => 2.0,
        0x3000..=0x30FF => 0.0,
        0x3100..=0x312F => 1.0,
        0x3130..=0x31FF => 1.5,
        0x3200..=0x33FF => 1.0,
        0x3400..=0x4DBF => 1.5,
        0x4DC0..=0x4DFF => 2.0,
        0x4E00..=0x9FFF => 0.0,
        0xA000..=0xA6FF => 3.0,
        0xA700..=0xA7FF => 2.5,
        0xA800..=0xABFF => 3.0,
        0xAC00..=0xD7A3 => 0.0,
        0xD7A4..=0xDFFF => 3.0,
        0xE000..=0xF8FF => 5.0,
        0xF900..=0xFAFF => 1.5,
        0xFB00..=0xFB06 => 0.5,
        0xFB07..=0xFB4F => 2.0,
        0xFB50..=0xFDFF => 1.5,
        0xFE00..=0xFE0F => 0.5,
        0xFE10..=0xFE2F => 2.0,
        0xFE30..=0xFEFE => 1.5,
        0xFEFF => 1.0,
        0xFF00..=0xFFEF => 0.3,
        0xFFFD => 1.0,
        0xFFF0..=0xFFFF => 3.0,
        0x1F1E6..=0x1F1FF => 0.0,
        0x1F100..=0x1F1FF => 0.5,
        0x1F200..=0x1FAFF => 0.0,
        0x20000..=0x3134F => 1.5,
        0xE0000..=0xE01EF => 2.0,
        0xF0000.. => 5.0,
        _ => 2.5,
    }
}

/// Whether two scripts mix in ordinary text without looking odd.
pub(crate) fn scripts_compatible(a: Script, b: Script) -> bool {
    script_clash(a, b) < 1.0
}

/// Cost of two letters of different scripts side by side.
fn script_clash(a: Script, b: Script) -> f32 {
    use Script::*;
    match (a, b) {
        _ if a == b => 0.0,
        // Greek letters inside Latin words are normal in science (IL2Rγc, TGF-β).
        (Latin, Greek) | (Greek, Latin) => 0.5,
        (Cjk, Hangul) | (Hangul, Cjk) => 0.5,
        _ => 2.0,
    }
}

/// How unusual it is for `b` to follow `a` directly in correct text.
pub(crate) fn pair_cost(a: char, b: char) -> f32 {
    use Kind::*;
    // `Â»`, `Â°`: `Â` is the lead of every Latin-1 symbol's mojibake and almost never stands
    // before one in correct text (no word ends in `Â`), so the pair is odd on its own.
    if a == 'Â' && ('\u{a1}'..='\u{bf}').contains(&b) {
        return 1.0;
    }
    let (ka, kb) = (kind(a), kind(b));
    if kb == Combining {
        return match ka {
            Letter { .. } | Digit | Combining => 0.0,
            _ => 1.5,
        };
    }
    match (ka, kb) {
        (Neutral, _) | (_, Neutral) | (Control, _) | (_, Control) => 0.0,
        (
            Letter {
                script: sa,
                lower: la,
                ascii: aa,
                ..
            },
            Letter {
                script: sb,
                upper: ub,
                ascii: ab,
                ..
            },
        ) => {
            let clash = script_clash(sa, sb);
            if clash > 0.0 {
                clash
            } else if la && ub && !ab {
                // `fÃ©`, `viÅ³`: a lowercase letter straight before an accented capital.
                2.0
            } else if la && ub && !aa {
                0.5
            } else {
                0.0
            }
        }
        (Letter { .. }, Symbol) => 1.2,
        (Letter { .. }, Open) | (Letter { .. }, Box) => 1.0,
        (Symbol, Letter { .. }) => 0.7,
        (Close, Letter { .. }) => 0.5,
        (Box, Letter { .. }) => 1.0,
        (Symbol, Symbol) => 1.0,
        (Box, Box) => 0.0,
        (Symbol, Open | Close | Apostrophe | Box) | (Open | Close | Apostrophe | Box, Symbol) => {
            0.6
        }
        (Box, _) | (_, Box) => 0.6,
        // `™«`, `“”`: a closing mark straight before an opening one, or the reverse.
        (Close, Open) | (Open, Close) => 0.8,
        (Open, Open) => 0.5,
        (Open | Close | Apostrophe, Open | Close | Apostrophe) => 0.2,
        (Digit, Symbol) | (Symbol, Digit) => 0.3,
        _ => 0.0,
    }
}

/// Whether `c` may sit between two letters without looking odd (apostrophes, hyphens, dots).
fn word_internal(c: char) -> bool {
    matches!(c, '’' | '\'' | '-' | '·' | '‐' | '.')
}

/// Total oddness of a short window of text: rarity of each character, oddness of each
/// adjacent pair, and a penalty for a symbol wedged inside a word.
pub(crate) fn weirdness(window: &[char]) -> f32 {
    let mut total: f32 = window.iter().map(|&c| cost(c)).sum();
    for w in window.windows(2) {
        total += pair_cost(w[0], w[1]);
    }
    for w in window.windows(3) {
        // `ÄÆdomu`: two capitals, at least one accented, then a lowercase letter.
        if !w[0].is_ascii() && w[0].is_uppercase() && w[1].is_uppercase() && w[2].is_lowercase() {
            total += 1.0;
        }
        let wordish = |c: char| matches!(kind(c), Kind::Letter { .. } | Kind::Digit);
        let wedged = matches!(
            kind(w[1]),
            Kind::Symbol | Kind::Close | Kind::Open | Kind::Box
        );
        if wordish(w[0]) && wedged && !word_internal(w[1]) && wordish(w[2]) {
            total += 1.5;
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(script('п'), Script::Cyrillic);
        assert_eq!(script('γ'), Script::Greek);
        assert_eq!(script('é'), Script::Latin);
        assert_eq!(kind('’'), Kind::Apostrophe);
        assert_eq!(kind('\u{0301}'), Kind::Combining);
        for c in (0..0x3000u32).filter_map(char::from_u32) {
            assert_eq!(kind(c), compute_kind(c), "{c:?}");
        }
        assert!(is_forbidden('\u{9d}'));
        assert!(is_forbidden('\u{fffe}'));
        assert!(!is_forbidden('\u{fffd}'));
        assert!(is_forbidden('\u{378}'), "unassigned");
    }

    #[test]
    fn mojibake_is_weirder_than_its_repair() {
        let bad: Vec<char> = "fÃ©s".chars().collect();
        let good: Vec<char> = "fés".chars().collect();
        assert!(weirdness(&bad) > weirdness(&good) + 2.0);
    }
}
