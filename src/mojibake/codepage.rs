//! Single-byte code pages that mojibake passes through: a 256-entry decode table per code page
//! (built once from encoding_rs, plus the hand-written IBM437 upper half) and the inverted
//! table that tells, for any character, which byte it is in every code page at once.
//!
//! encoding_rs follows WHATWG, so a few facts shape this file: there is no ISO-8859-1 (the
//! label maps to windows-1252), so the Latin-1 reading is folded into the windows-1252 encoder
//! (C1 controls U+0080–U+009F encode as the byte with the same number); windows-1252's five
//! undefined bytes already decode to the C1 code point with the same number; the few bytes
//! that windows-1253 and windows-1257 leave unmapped are filled with the same code point; and
//! encoding_rs has no IBM437, so its upper half is written out below. `Encoding::encode` is
//! never used, because it writes `&#NNN;` for characters it cannot map.

use std::sync::OnceLock;

/// Number of code pages the engine knows.
pub(crate) const NCP: usize = 9;

/// A single-byte code page that UTF-8 bytes may have been wrongly decoded with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum CodePage {
    /// windows-1252, whose encoder also accepts C1 controls (the Latin-1 reading).
    Windows1252,
    Windows1251,
    Windows1250,
    Iso8859_2,
    Windows1253,
    Windows1254,
    Windows1257,
    MacRoman,
    Ibm437,
}

impl CodePage {
    /// Every code page, in tie-break priority order (most common mojibake first).
    pub(crate) const ALL: [CodePage; NCP] = [
        CodePage::Windows1252,
        CodePage::Windows1251,
        CodePage::Windows1250,
        CodePage::Iso8859_2,
        CodePage::Windows1253,
        CodePage::Windows1254,
        CodePage::Windows1257,
        CodePage::MacRoman,
        CodePage::Ibm437,
    ];

    /// Position in [`CodePage::ALL`] and in the columns of the inverted table.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// The name used in repair paths.
    pub(crate) fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "windows-1252",
            CodePage::Windows1251 => "windows-1251",
            CodePage::Windows1250 => "windows-1250",
            CodePage::Iso8859_2 => "iso-8859-2",
            CodePage::Windows1253 => "windows-1253",
            CodePage::Windows1254 => "windows-1254",
            CodePage::Windows1257 => "windows-1257",
            CodePage::MacRoman => "mac-roman",
            CodePage::Ibm437 => "ibm437",
        }
    }

    fn encoding(self) -> Option<&'static encoding_rs::Encoding> {
        match self {
            CodePage::Windows1252 => Some(encoding_rs::WINDOWS_1252),
            CodePage::Windows1251 => Some(encoding_rs::WINDOWS_1251),
            CodePage::Windows1250 => Some(encoding_rs::WINDOWS_1250),
            CodePage::Iso8859_2 => Some(encoding_rs::ISO_8859_2),
            CodePage::Windows1253 => Some(encoding_rs::WINDOWS_1253),
            CodePage::Windows1254 => Some(encoding_rs::WINDOWS_1254),
            CodePage::Windows1257 => Some(encoding_rs::WINDOWS_1257),
            CodePage::MacRoman => Some(encoding_rs::MACINTOSH),
            CodePage::Ibm437 => None,
        }
    }

    /// Bytes that this code page leaves undefined in the vendor tables, so a strict decoder
    /// (Python's, Windows') drops them or writes U+FFFD. WHATWG maps most of them to C1
    /// controls instead, which the decode tables keep.
    pub(crate) fn holes(self) -> &'static [u8] {
        match self {
            CodePage::Windows1252 => &[0x81, 0x8D, 0x8F, 0x90, 0x9D],
            CodePage::Windows1250 => &[0x81, 0x83, 0x88, 0x90, 0x98],
            CodePage::Windows1251 => &[0x98],
            CodePage::Windows1253 => &[
                0x81, 0x88, 0x8A, 0x8C, 0x8D, 0x8E, 0x8F, 0x90, 0x98, 0x9A, 0x9C, 0x9D, 0x9E, 0x9F,
                0xAA, 0xD2, 0xFF,
            ],
            CodePage::Windows1254 => &[0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E],
            CodePage::Windows1257 => &[
                0x81, 0x83, 0x88, 0x8A, 0x8C, 0x90, 0x98, 0x9A, 0x9C, 0x9F, 0xA1, 0xA5,
            ],
            _ => &[],
        }
    }
}

/// Upper half (bytes 0x80–0xFF) of IBM code page 437, the original PC character set.
const IBM437_HIGH: [char; 128] = [
    'Ç', 'ü', 'é', 'â', 'ä', 'à', 'å', 'ç', 'ê', 'ë', 'è', 'ï', 'î', 'ì', 'Ä', 'Å', //
    'É', 'æ', 'Æ', 'ô', 'ö', 'ò', 'û', 'ù', 'ÿ', 'Ö', 'Ü', '¢', '£', '¥', '₧', 'ƒ', //
    'á', 'í', 'ó', 'ú', 'ñ', 'Ñ', 'ª', 'º', '¿', '⌐', '¬', '½', '¼', '¡', '«', '»', //
    '░', '▒', '▓', '│', '┤', '╡', '╢', '╖', '╕', '╣', '║', '╗', '╝', '╜', '╛', '┐', //
    '└', '┴', '┬', '├', '─', '┼', '╞', '╟', '╚', '╔', '╩', '╦', '╠', '═', '╬', '╧', //
    '╨', '╤', '╥', '╙', '╘', '╒', '╓', '╫', '╪', '┘', '┌', '█', '▄', '▌', '▐', '▀', //
    'α', 'ß', 'Γ', 'π', 'Σ', 'σ', 'µ', 'τ', 'Φ', 'Θ', 'Ω', 'δ', '∞', 'φ', 'ε', '∩', //
    '≡', '±', '≥', '≤', '⌠', '⌡', '÷', '≈', '°', '∙', '·', '√', 'ⁿ', '²', '■', '\u{a0}',
];

/// Characters below this bound are looked up through a direct index; the few above it
/// (Mac Roman's ligatures and Apple logo) go through a short sorted list.
pub(crate) const DIRECT_LIMIT: usize = 0x2600;

/// Decode tables and their inversion.
pub(crate) struct Tables {
    /// `decode[cp][b - 0x80]` is the character byte `b` stands for in code page `cp`.
    decode: [[char; 128]; NCP],
    /// For characters below [`DIRECT_LIMIT`]: index into `entries`, 0 meaning "in no code page".
    direct: Vec<u16>,
    /// Rows of bytes, one column per code page; 0 means "not in that code page".
    entries: Vec<[u8; NCP]>,
    /// Characters at or above [`DIRECT_LIMIT`], sorted, with their rows.
    high: Vec<(char, [u8; NCP])>,
}

impl Tables {
    fn build() -> Tables {
        let mut decode = [['\0'; 128]; NCP];
        for cp in CodePage::ALL {
            let row = &mut decode[cp.index()];
            for (i, slot) in row.iter_mut().enumerate() {
                let byte = 0x80 + i as u8;
                *slot = match cp.encoding() {
                    Some(enc) => enc
                        .decode_without_bom_handling_and_without_replacement(&[byte])
                        .and_then(|s| s.chars().next())
                        // Unmapped bytes (windows-1253, windows-1257) read as the same code point.
                        .unwrap_or(char::from(byte)),
                    None => IBM437_HIGH[i],
                };
            }
        }
        let mut rows: std::collections::BTreeMap<char, [u8; NCP]> = Default::default();
        for cp in CodePage::ALL {
            for (i, &c) in decode[cp.index()].iter().enumerate() {
                let row = rows.entry(c).or_insert([0; NCP]);
                // Keep the first byte if a code page maps two bytes to one character.
                if row[cp.index()] == 0 {
                    row[cp.index()] = 0x80 + i as u8;
                }
            }
        }
        // The Latin-1 reading: C1 controls encode as themselves in the windows-1252 column.
        for b in 0x80u8..0xA0 {
            let row = rows.entry(char::from(b)).or_insert([0; NCP]);
            if row[CodePage::Windows1252.index()] == 0 {
                row[CodePage::Windows1252.index()] = b;
            }
        }
        let mut direct = vec![0u16; DIRECT_LIMIT];
        let mut entries = vec![[0u8; NCP]];
        let mut high = Vec::new();
        for (c, row) in rows {
            if (c as usize) < DIRECT_LIMIT {
                direct[c as usize] =
                    u16::try_from(entries.len()).expect("fewer than 65536 mapped characters");
                entries.push(row);
            } else {
                high.push((c, row));
            }
        }
        Tables {
            decode,
            direct,
            entries,
            high,
        }
    }

    /// The character that `byte` (0x80–0xFF) stands for in `cp`.
    pub(crate) fn decode(&self, cp: CodePage, byte: u8) -> char {
        if byte < 0x80 {
            char::from(byte)
        } else {
            self.decode[cp.index()][usize::from(byte - 0x80)]
        }
    }

    /// The byte of `c` in every code page (0 where it has none). ASCII maps to itself.
    #[inline]
    pub(crate) fn row(&self, c: char) -> [u8; NCP] {
        let cp = c as usize;
        if cp < 0x80 {
            return [cp as u8; NCP];
        }
        if cp < DIRECT_LIMIT {
            return self.entries[usize::from(self.direct[cp])];
        }
        match self.high.binary_search_by_key(&c, |&(k, _)| k) {
            Ok(i) => self.high[i].1,
            Err(_) => [0; NCP],
        }
    }

    /// The characters at or above [`DIRECT_LIMIT`] that some code page maps, sorted, with
    /// their rows.
    pub(crate) fn high(&self) -> &[(char, [u8; NCP])] {
        &self.high
    }

    /// The byte of `c` in `cp`, if it has one.
    pub(crate) fn encode(&self, cp: CodePage, c: char) -> Option<u8> {
        match self.row(c)[cp.index()] {
            0 if c != '\0' => None,
            b => Some(b),
        }
    }
}

/// The tables, built on first use.
pub(crate) fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(Tables::build)
}

/// Whether `b` can start a multi-byte UTF-8 sequence, and how many continuation bytes follow.
pub(crate) fn lead_len(b: u8) -> Option<usize> {
    match b {
        0xC2..=0xDF => Some(1),
        0xE0..=0xEF => Some(2),
        0xF0..=0xF4 => Some(3),
        _ => None,
    }
}

/// Whether `b` is a UTF-8 continuation byte.
pub(crate) fn is_cont(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_round_trips_including_holes() {
        let t = tables();
        let cp = CodePage::Windows1252;
        assert_eq!(t.decode(cp, 0x80), '€');
        assert_eq!(t.decode(cp, 0x9D), '\u{9d}');
        for b in 0x80..=0xFFu8 {
            assert_eq!(t.encode(cp, t.decode(cp, b)), Some(b), "byte {b:#x}");
        }
        // Latin-1 reading: C1 controls that windows-1252 maps elsewhere still encode.
        assert_eq!(t.encode(cp, '\u{80}'), Some(0x80));
        assert_eq!(t.encode(cp, '\u{99}'), Some(0x99));
    }

    #[test]
    fn every_code_page_round_trips() {
        let t = tables();
        for cp in CodePage::ALL {
            for b in 0x80..=0xFFu8 {
                let c = t.decode(cp, b);
                let back = t.encode(cp, c).expect("decoded char encodes");
                assert_eq!(t.decode(cp, back), c, "{} byte {b:#x}", cp.name());
            }
        }
    }

    #[test]
    fn spot_checks() {
        let t = tables();
        assert_eq!(t.decode(CodePage::Windows1251, 0xD0), 'Р');
        assert_eq!(t.decode(CodePage::Windows1250, 0x9C), 'ś');
        assert_eq!(t.decode(CodePage::Iso8859_2, 0xA1), 'Ą');
        assert_eq!(t.decode(CodePage::Windows1253, 0xCE), 'Ξ');
        assert_eq!(t.decode(CodePage::Windows1253, 0xAA), '\u{aa}');
        assert_eq!(t.decode(CodePage::Windows1254, 0xDD), 'İ');
        assert_eq!(t.decode(CodePage::Windows1257, 0xC5), 'Å');
        assert_eq!(t.decode(CodePage::MacRoman, 0xC3), '√');
        assert_eq!(t.decode(CodePage::Ibm437, 0xC3), '├');
        assert_eq!(t.encode(CodePage::Windows1252, 'я'), None);
        assert_eq!(t.encode(CodePage::MacRoman, 'ﬁ'), Some(0xDE));
    }
}
