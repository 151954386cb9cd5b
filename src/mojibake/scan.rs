//! Candidate scanning: finds, for one code page at a time, the "units" of a line — a character
//! that is a UTF-8 lead byte in that code page followed by characters that are the right
//! number of continuation bytes, together forming valid UTF-8 — and the lossy sequences where
//! one continuation byte was replaced by U+FFFD or `?`.
//!
//! Also holds the cheap per-line pre-check that lets clean text skip everything else.

use super::chars::is_forbidden;
use super::codepage::{CodePage, DIRECT_LIMIT, NCP, is_cont, lead_len, tables};
use std::sync::OnceLock;

/// One line of the input, with its characters and their bytes in every code page.
pub(crate) struct Line {
    /// Byte offset of each character in the whole text, plus one entry for the line's end.
    pub offs: Vec<usize>,
    pub chars: Vec<char>,
    pub rows: Vec<[u8; NCP]>,
    /// Indices of the characters that are not ASCII, in order: only they can start a unit or
    /// a lossy sequence.
    pub non_ascii: Vec<usize>,
}

impl Line {
    /// Splits `line` (which starts at byte `base` of the text) into characters.
    pub(crate) fn new(line: &str, base: usize) -> Line {
        let mut out = Line {
            offs: Vec::new(),
            chars: Vec::new(),
            rows: Vec::new(),
            non_ascii: Vec::new(),
        };
        out.refill(line, base);
        out
    }

    /// Makes this the split of `line` (at byte `base`), reusing the buffers: a text's suspect
    /// lines are analysed one after another with the same `Line`.
    pub(crate) fn refill(&mut self, line: &str, base: usize) {
        let t = tables();
        self.offs.clear();
        self.chars.clear();
        self.rows.clear();
        self.non_ascii.clear();
        self.offs.reserve(line.len() + 1);
        self.chars.reserve(line.len());
        self.rows.reserve(line.len());
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII in bulk, then one other character.
            let run = skip_ascii(bytes, i);
            let ascii = &bytes[i..run];
            self.offs.extend(base + i..base + run);
            self.chars.extend(ascii.iter().map(|&b| char::from(b)));
            self.rows.extend(ascii.iter().map(|&b| [b; NCP]));
            i = run;
            if i < bytes.len() {
                let (cp, len) = decode_at(bytes, i);
                let c = char::from_u32(cp).expect("decoded from valid UTF-8");
                self.non_ascii.push(self.chars.len());
                self.offs.push(base + i);
                self.chars.push(c);
                self.rows.push(t.row(c));
                i += len;
            }
        }
        self.offs.push(base + line.len());
    }

    /// Number of characters.
    pub(crate) fn len(&self) -> usize {
        self.chars.len()
    }
}

/// A character sequence that re-encodes to one valid UTF-8 (or CESU-8) character.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    pub start: usize,
    pub end: usize,
    pub decoded: char,
    /// Length of the UTF-8 sequence in bytes (6 for a CESU-8 surrogate pair).
    pub nbytes: u8,
    /// An ASCII space stood for byte 0xA0 (an NBSP that some step turned into a space).
    pub lossy_space: bool,
    /// Any character of the unit is a C1 control.
    pub has_c1: bool,
    /// Any character of the unit is one of windows-1252's printable 0x80–0x9F characters.
    pub has_cp1252_special: bool,
}

fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

/// The bytes of the UTF-8 sequence whose lead byte is character `i` in code
/// page `cp`, and how many continuation bytes it needs: each following
/// character must be a continuation byte in that code page, except at most
/// one that `stand_in` accepts in place of one (its position is returned,
/// its byte left 0 for the caller to fill). `None` when `i` is no lead byte
/// or the text ends or breaks the sequence first.
#[inline]
fn sequence_at(
    chars: &[char],
    rows: &[[u8; NCP]],
    i: usize,
    cp: CodePage,
    stand_in: impl Fn(char) -> bool,
) -> Option<([u8; 4], usize, Option<usize>)> {
    let col = cp.index();
    let b0 = rows[i][col];
    let need = lead_len(b0)?;
    if i + need >= chars.len() {
        // Not enough characters left for the continuation bytes.
        return None;
    }
    let mut buf = [b0, 0, 0, 0];
    let mut stood_in = None;
    for (k, slot) in buf.iter_mut().enumerate().take(need + 1).skip(1) {
        let j = i + k;
        let b = rows[j][col];
        if is_cont(b) {
            *slot = b;
        } else if stood_in.is_none() && stand_in(chars[j]) {
            stood_in = Some(k);
        } else {
            return None;
        }
    }
    Some((buf, need, stood_in))
}

/// The unit starting at character `i` in code page `cp`, if any. `allow_space` lets one
/// ASCII space stand for a continuation byte 0xA0.
pub(crate) fn unit_at(
    chars: &[char],
    rows: &[[u8; NCP]],
    cp: CodePage,
    i: usize,
    allow_space: bool,
) -> Option<Unit> {
    let (mut buf, need, stand_in) = sequence_at(chars, rows, i, cp, |c| allow_space && c == ' ')?;
    // The space stands for the no-break space (0xA0) a conversion lost.
    let lossy_space = stand_in.is_some();
    if let Some(k) = stand_in {
        buf[k] = 0xA0;
    }
    let b0 = buf[0];
    let col = cp.index();
    let bytes = &buf[..=need];
    let mut end = i + need + 1;
    let mut nbytes = bytes.len() as u8;
    let decoded = match std::str::from_utf8(bytes) {
        Ok(s) => s.chars().next()?,
        Err(_) if !lossy_space && b0 == 0xED && (0xA0..=0xAF).contains(&buf[1]) => {
            // CESU-8: a UTF-16 surrogate pair written as two 3-byte sequences.
            if end + 3 > chars.len() {
                return None;
            }
            let (c0, c1, c2) = (rows[end][col], rows[end + 1][col], rows[end + 2][col]);
            if c0 != 0xED || !(0xB0..=0xBF).contains(&c1) || !is_cont(c2) {
                return None;
            }
            let hi = 0xD000 | (u32::from(buf[1] & 0x3F) << 6) | u32::from(buf[2] & 0x3F);
            let lo = 0xD000 | (u32::from(c1 & 0x3F) << 6) | u32::from(c2 & 0x3F);
            let cpv = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            end += 3;
            nbytes = 6;
            char::from_u32(cpv)?
        }
        Err(_) => return None,
    };
    let span = &chars[i..end];
    Some(Unit {
        start: i,
        end,
        decoded,
        nbytes,
        lossy_space,
        has_c1: span.iter().any(|&c| is_c1(c)),
        has_cp1252_special: cp == CodePage::Windows1252
            && span
                .iter()
                .any(|&c| !is_c1(c) && matches!(tables().encode(cp, c), Some(0x80..=0x9F))),
    })
}

/// All units of `cp` in the line, found greedily from left to right. A unit starts with a
/// lead byte, never ASCII, so only the non-ASCII characters are tried.
pub(crate) fn units(line: &Line, cp: CodePage, allow_space: bool) -> Vec<Unit> {
    let (chars, rows, col) = (&line.chars, &line.rows, cp.index());
    let mut out = Vec::new();
    let mut free = 0;
    for &i in &line.non_ascii {
        if i < free || lead_len(rows[i][col]).is_none() {
            continue;
        }
        if let Some(u) = unit_at(chars, rows, cp, i, allow_space) {
            free = u.end;
            out.push(u);
        }
    }
    out
}

/// Decodes `chars` completely as mojibake of one code page: every character must belong to a
/// unit. Returns the decoded text and the code page, preferring the least odd result.
pub(crate) fn decode_full(chars: &[char]) -> Option<(Vec<char>, CodePage)> {
    if chars.is_empty() || chars.iter().any(|c| c.is_ascii()) {
        return None;
    }
    let t = tables();
    let rows: Vec<[u8; NCP]> = chars.iter().map(|&c| t.row(c)).collect();
    let mut best: Option<(Vec<char>, CodePage, f32)> = None;
    for cp in CodePage::ALL {
        let mut out = Vec::with_capacity(chars.len() / 2);
        let mut i = 0;
        let mut ok = true;
        while i < chars.len() {
            match unit_at(chars, &rows, cp, i, false) {
                Some(u) => {
                    out.push(u.decoded);
                    i = u.end;
                }
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if !ok {
            continue;
        }
        let w = super::chars::weirdness(&out)
            + if out.iter().any(|&c| is_forbidden(c)) {
                10.0
            } else {
                0.0
            };
        if best.as_ref().is_none_or(|b| w < b.2) {
            best = Some((out, cp, w));
        }
    }
    best.map(|(v, cp, _)| (v, cp))
}

/// A sequence with one continuation byte lost (shown as U+FFFD or `?`), and the characters it
/// could have been.
#[derive(Debug, Clone)]
pub(crate) struct Lossy {
    pub start: usize,
    pub end: usize,
    pub options: Vec<char>,
    /// The lost byte is shown as `?` rather than U+FFFD.
    pub question_mark: bool,
    /// The code page whose hole the lost byte was.
    pub cp: CodePage,
}

/// The lossy sequence starting at `i`, if any, trying each code page that has holes.
pub(crate) fn lossy_at(chars: &[char], rows: &[[u8; NCP]], i: usize) -> Option<Lossy> {
    CodePage::ALL
        .iter()
        .filter(|cp| !cp.holes().is_empty())
        .find_map(|&cp| lossy_at_in(chars, rows, i, cp))
}

fn lossy_at_in(chars: &[char], rows: &[[u8; NCP]], i: usize, cp: CodePage) -> Option<Lossy> {
    let (mut buf, need, marker) = sequence_at(chars, rows, i, cp, |c| c == '\u{fffd}' || c == '?')?;
    let k = marker?;
    let question_mark = chars[i + k] == '?';
    if question_mark {
        // `?` is ordinary punctuation: take it as a lost byte only beside a real continuation
        // character (`â€?`, `â?¬`), or inside a word (`ItÃ?Â`).
        let mid_word = i > 0
            && super::chars::is_letter(chars[i - 1])
            && chars
                .get(i + 2)
                .is_some_and(|&c| !c.is_whitespace() && !c.is_ascii_punctuation());
        if need == 1 && !mid_word {
            return None;
        }
        // And only when what is left is odd on its own (`â€`, `Ã`): `»?` after a Cyrillic
        // `а` is correct punctuation, not `а` + `»` + a lost byte.
        let visible: Vec<char> = chars[i..=i + need]
            .iter()
            .copied()
            .filter(|&c| c != '?')
            .collect();
        if super::chars::weirdness(&visible) < 1.0 {
            return None;
        }
    }
    let mut options = Vec::new();
    for &h in cp.holes() {
        buf[k] = h;
        if let Ok(s) = std::str::from_utf8(&buf[..=need])
            && let Some(c) = s.chars().next()
            && !is_forbidden(c)
        {
            options.push(c);
        }
    }
    if options.is_empty() {
        return None;
    }
    Some(Lossy {
        start: i,
        end: i + need + 1,
        options,
        question_mark,
        cp,
    })
}

/// Per-character facts the pre-check needs, packed in a `u32` (see [`Prefilter`]): bit `k`
/// of each 9-bit field stands for code page `CodePage::ALL[k]`.
const LEAD: u32 = 0;
/// The character is a UTF-8 continuation byte (0x80–0xBF) in the code page.
const CONT: u32 = NCP as u32;
/// The character is a 3-byte lead (0xE0–0xEF) in the code page.
const LEAD3: u32 = 2 * NCP as u32;
/// Mask of one 9-bit field.
const FIELD: u32 = (1 << NCP) - 1;
/// The character is a 2-byte lead (0xC2–0xDF) in some code page.
const LEAD2_ANY: u32 = 1 << (3 * NCP);
/// The character is alphabetic.
const ALPHA: u32 = 1 << (3 * NCP + 1);
/// A C1 control or U+FFFD: the line may hold mojibake whatever surrounds it.
const ALWAYS: u32 = 1 << (3 * NCP + 2);

/// The flags of the pre-check for every character, looked up without building rows: a direct
/// table below [`DIRECT_LIMIT`] and a short sorted list above it. ASCII characters are handled
/// by the scanner itself.
struct Prefilter {
    direct: Vec<u32>,
    high: Vec<(u32, u32)>,
}

impl Prefilter {
    fn build() -> Prefilter {
        let t = tables();
        let flags = |c: char, row: [u8; NCP]| -> u32 {
            if is_c1(c) || c == '\u{fffd}' {
                return ALWAYS;
            }
            let mut f = 0;
            for (k, &b) in row.iter().enumerate() {
                if lead_len(b).is_some() {
                    f |= 1 << (LEAD + k as u32);
                }
                if is_cont(b) {
                    f |= 1 << (CONT + k as u32);
                }
                if (0xE0..=0xEF).contains(&b) {
                    f |= 1 << (LEAD3 + k as u32);
                }
                if (0xC2..=0xDF).contains(&b) {
                    f |= LEAD2_ANY;
                }
            }
            if c.is_alphabetic() {
                f |= ALPHA;
            }
            f
        };
        let direct = (0..DIRECT_LIMIT as u32)
            .map(|cp| match char::from_u32(cp) {
                Some(c) if cp >= 0x80 => flags(c, t.row(c)),
                _ => 0,
            })
            .collect();
        let mut high: Vec<(u32, u32)> = t
            .high()
            .iter()
            .map(|&(c, row)| (c as u32, flags(c, row)))
            .collect();
        high.push((0xFFFD, ALWAYS));
        high.sort_unstable();
        Prefilter { direct, high }
    }

    /// The flags of the character with code point `cp` (not ASCII).
    #[inline]
    fn get(&self, cp: u32) -> u32 {
        match self.direct.get(cp as usize) {
            Some(&f) => f,
            None => match self.high.binary_search_by_key(&cp, |&(k, _)| k) {
                Ok(i) => self.high[i].1,
                Err(_) => 0,
            },
        }
    }
}

fn prefilter() -> &'static Prefilter {
    static PREFILTER: OnceLock<Prefilter> = OnceLock::new();
    PREFILTER.get_or_init(Prefilter::build)
}

/// The first position at or after `i` that is not ASCII (or `bytes.len()`), eight bytes at a
/// time.
#[inline]
fn skip_ascii(bytes: &[u8], mut i: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 16) {
        let (a, b) = chunk.split_at(8);
        let a = u64::from_le_bytes(a.try_into().expect("8 bytes"));
        let b = u64::from_le_bytes(b.try_into().expect("8 bytes"));
        if (a | b) & HIGH != 0 {
            break;
        }
        i += 16;
    }
    while i < bytes.len() && bytes[i] < 0x80 {
        i += 1;
    }
    i
}

/// Decodes the (non-ASCII) character starting at byte `i` of valid UTF-8: its code point and
/// length.
#[inline]
fn decode_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let b0 = u32::from(bytes[i]);
    let cont = |k: usize| u32::from(bytes[i + k] & 0x3F);
    if b0 < 0xE0 {
        (((b0 & 0x1F) << 6) | cont(1), 2)
    } else if b0 < 0xF0 {
        (((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3)
    } else {
        (
            ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
            4,
        )
    }
}

/// The cheap per-line pre-check, run over `text` from byte `from` (a line start): the byte
/// position of the first place where some line may contain mojibake, if any.
///
/// A line may contain mojibake when some character is a lead byte in a code page and the next
/// is a continuation byte (or a space, U+FFFD or `?`) in the same code page, or when it has a
/// C1 control or U+FFFD. Every test looks at two or three adjacent characters and none of them
/// is a newline, so scanning the whole text at once answers for each of its lines. Runs of
/// ASCII are skipped eight bytes at a time: only the first character of a run takes part.
pub(crate) fn find_suspect(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let pf = prefilter();
    // Flags of the previous character when it is not ASCII (else 0), and of the character
    // before a space when that space follows a non-ASCII character.
    let mut prev: u32 = 0;
    let mut before_space: u32 = 0;
    let mut i = skip_ascii(bytes, from);
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            before_space = 0;
            if b == b' ' {
                // `Ã le`: a 2-byte lead letter whose NBSP became a space; `â € `: a 3-byte
                // lead whose middle byte did.
                if prev & ALPHA != 0 && prev & LEAD2_ANY != 0 {
                    return Some(i);
                }
                before_space = prev;
            } else if b == b'?' && prev & ALPHA != 0 && (prev >> LEAD) & FIELD != 0 {
                return Some(i);
            }
            prev = 0;
            i += 1;
            if bytes.get(i).is_some_and(|&b| b < 0x80) {
                before_space = 0;
                i = skip_ascii(bytes, i);
            }
            continue;
        }
        let (cp, len) = decode_at(bytes, i);
        let f = pf.get(cp);
        if f & ALWAYS != 0
            || (prev >> LEAD) & (f >> CONT) & FIELD != 0
            || (before_space >> LEAD3) & (f >> CONT) & FIELD != 0
        {
            return Some(i);
        }
        before_space = 0;
        prev = f;
        i += len;
    }
    None
}

/// Cheap test: could this line contain mojibake at all? True when some character is a lead
/// byte in a code page and the next is a continuation byte (or a space, U+FFFD or `?`) in the
/// same code page, or when the line has a C1 control. See [`find_suspect`].
pub(crate) fn line_may_have_mojibake(line: &str) -> bool {
    find_suspect(line, 0).is_some()
}

/// The pre-check as first written, character by character: the reference that
/// [`find_suspect`] must agree with.
#[cfg(test)]
pub(crate) fn line_may_have_mojibake_reference(line: &str) -> bool {
    let t = tables();
    // Row and letterhood of the previous character, and the row of the one before a space.
    let mut prev: Option<([u8; NCP], bool)> = None;
    let mut before_space: Option<[u8; NCP]> = None;
    for c in line.chars() {
        if c.is_ascii() {
            before_space = None;
            if let Some((p, letter)) = prev {
                if c == ' ' {
                    if letter && p.iter().any(|&b| (0xC2..=0xDF).contains(&b)) {
                        return true;
                    }
                    before_space = Some(p);
                } else if c == '?' && letter && p.iter().any(|&b| lead_len(b).is_some()) {
                    return true;
                }
            }
            prev = None;
            continue;
        }
        if is_c1(c) || c == '\u{fffd}' {
            return true;
        }
        let row = t.row(c);
        if let Some((p, _)) = prev
            && p.iter()
                .zip(row.iter())
                .any(|(&a, &b)| lead_len(a).is_some() && is_cont(b))
        {
            return true;
        }
        if let Some(p) = before_space.take()
            && p.iter()
                .zip(row.iter())
                .any(|(&a, &b)| (0xE0..=0xEF).contains(&a) && is_cont(b))
        {
            return true;
        }
        prev = Some((row, c.is_alphabetic()));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(s: &str) -> Line {
        Line::new(s, 0)
    }

    #[test]
    fn finds_windows_1252_units() {
        let l = line("cafÃ© â€“");
        let u = units(&l, CodePage::Windows1252, false);
        assert_eq!(u.len(), 2);
        assert_eq!(u[0].decoded, 'é');
        assert_eq!(u[1].decoded, '–');
        assert!(u[1].has_cp1252_special);
    }

    #[test]
    fn finds_cesu_pairs() {
        let l = line("í\u{a0}½í¸\u{8d}");
        let u = units(&l, CodePage::Windows1252, false);
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].decoded, '😍');
    }

    #[test]
    fn space_as_nbsp_only_when_allowed() {
        let l = line("Ã le");
        assert!(units(&l, CodePage::Windows1252, false).is_empty());
        let u = units(&l, CodePage::Windows1252, true);
        assert_eq!(u[0].decoded, 'à');
        assert!(u[0].lossy_space);
    }

    #[test]
    fn lossy_options() {
        let l = line("â€\u{fffd}");
        let lossy = lossy_at(&l.chars, &l.rows, 0).expect("lossy sequence");
        assert_eq!(lossy.options.len(), 5);
        assert!(lossy.options.contains(&'”'));
    }

    #[test]
    fn full_decode_of_a_layer() {
        let chars: Vec<char> = "Ã©".chars().collect();
        let (out, cp) = decode_full(&chars).expect("decodes");
        assert_eq!(out, vec!['é']);
        assert_eq!(cp, CodePage::Windows1252);
    }

    #[test]
    fn precheck() {
        assert!(!line_may_have_mojibake("plain café, “quoted” – text"));
        // `é – ` could be a 3-byte sequence whose NBSP byte became a space.
        assert!(line_may_have_mojibake("café – text"));
        assert!(line_may_have_mojibake("cafÃ©"));
        assert!(line_may_have_mojibake("x\u{85}"));
    }

    use crate::mojibake::test_rng::Lcg;

    #[test]
    fn precheck_agrees_with_the_reference() {
        // Characters around every branch: ASCII runs of both lengths, spaces and `?` after
        // leads, 2-, 3- and 4-byte leads and continuations in several code pages, C1, U+FFFD,
        // characters in no code page and above the direct table.
        let pool: Vec<char> = "a  ??\n.Zé’“”–—…€™©®°·Â Ã¢œž¤¦ÐÑÎÏÅÄ×Øâäåçèéêëíîïðñ√ƒ≈∆¬«»─┼╨┐Рвёђ\u{a0}\u{fffd}\u{81}\u{85}\u{9d}í½¸😀中ÜßΞΟβЯжﬁ\u{f8ff}ŁąŠ"
            .chars()
            .collect();
        let mut rng = Lcg(3);
        for _ in 0..200_000 {
            let len = 1 + rng.next(40);
            let s: String = (0..len).map(|_| pool[rng.next(pool.len())]).collect();
            let reference = s.split('\n').any(line_may_have_mojibake_reference);
            assert_eq!(find_suspect(&s, 0).is_some(), reference, "{s:?}");
        }
        // Every character that some code page maps, next to every other, directly, across a
        // space and across a `?`: the pre-check only ever looks at such windows.
        let t = tables();
        let mut mapped: Vec<char> = (0x80..DIRECT_LIMIT as u32)
            .filter_map(char::from_u32)
            .filter(|&c| t.row(c) != [0; NCP])
            .collect();
        mapped.extend(t.high().iter().map(|&(c, _)| c));
        mapped.extend(['\u{fffd}', '中', 'ŉ', 'x', ' ', '?']);
        for &a in &mapped {
            for sep in ["", " ", "?", "  "] {
                for &c in &mapped {
                    let s = format!("{a}{sep}{c}");
                    assert_eq!(
                        find_suspect(&s, 0).is_some(),
                        line_may_have_mojibake_reference(&s),
                        "{s:?}"
                    );
                }
            }
        }
    }
}
