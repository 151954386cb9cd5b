//! Bytes to text. UTF-8 (with or without BOM) and UTF-16 with BOM are read as
//! they are; anything else that is not binary is decoded with the legacy
//! encoding chardetng detects, and the run says so (the `encoding-not-utf8`
//! rule) instead of skipping the file. The original encoding, BOM and line
//! ending are remembered so that `--fix` writes the file back as it came.

use serde::Serialize;

/// How a file was stored on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, the expected encoding.
    Utf8,
    /// UTF-16 (little- or big-endian), recognised by its BOM.
    Utf16(&'static encoding_rs::Encoding),
    /// A legacy single- or multi-byte encoding, guessed from the bytes.
    Legacy(&'static encoding_rs::Encoding),
    /// UTF-8 with a few stray bytes that are not (typically a windows-1252
    /// `’` pasted into a UTF-8 file); the stray bytes were read as windows-1252.
    MixedUtf8 {
        /// How many stray bytes.
        stray: usize,
    },
}

impl Encoding {
    /// The WHATWG name, e.g. `UTF-8`, `UTF-16LE`, `windows-1252`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::MixedUtf8 { .. } => "UTF-8 with stray windows-1252 bytes",
            Encoding::Utf16(e) | Encoding::Legacy(e) => e.name(),
        }
    }
}

impl Serialize for Encoding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The line ending a file mostly uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum LineEnding {
    /// `\n`
    Lf,
    /// `\r\n`
    CrLf,
}

/// A decoded file: its text plus what is needed to write it back unchanged.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without BOM. Line endings are kept as they are.
    pub text: String,
    /// How the bytes were encoded.
    pub encoding: Encoding,
    /// Whether the file started with a byte order mark.
    pub bom: bool,
    /// The dominant line ending.
    pub line_ending: LineEnding,
    /// Whether the text does not stand for the bytes exactly: decoding met
    /// malformed sequences (replaced with U+FFFD), or the text encodes back
    /// to other bytes. Such a file is never rewritten.
    pub lossy: bool,
}

/// Why a file was not decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undecodable {
    /// NUL bytes or other signs of a binary file.
    Binary,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decode `bytes` as an article. Never panics; binary content is refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Undecodable> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            return Ok(match std::str::from_utf8(body) {
                Ok(s) => finish(s.to_string(), Encoding::Utf8, true, false),
                // The BOM says UTF-8: stray bytes are read as they are
                // without it, not replaced (issue 13).
                Err(_) => decode_broken_utf8(body, true).unwrap_or_else(|| {
                    finish(
                        String::from_utf8_lossy(body).into_owned(),
                        Encoding::Utf8,
                        true,
                        true,
                    )
                }),
            });
        }
        // Malformed UTF-16 (a lone surrogate, an odd length) is lossy: it
        // cannot be written back as it came.
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        return Ok(finish(
            text.into_owned(),
            Encoding::Utf16(encoding),
            true,
            had_errors,
        ));
    }
    if looks_binary(bytes) {
        return Err(Undecodable::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(finish(s.to_string(), Encoding::Utf8, false, false)),
        Err(_) => {
            if let Some(decoded) = decode_broken_utf8(bytes, false) {
                return Ok(decoded);
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
            // Some byte sequences of Shift_JIS, EUC-JP, GBK and Big5 decode
            // to text that encodes back to other bytes: such a file cannot be
            // written back, nor converted without changing it (issue 13).
            let lossy = had_errors || encoding.encode(&text).0.as_ref() != bytes;
            Ok(finish(
                text.into_owned(),
                Encoding::Legacy(encoding),
                false,
                lossy,
            ))
        }
    }
}

/// [`decode`] taking ownership: plain UTF-8 (the common case) becomes the
/// text without a copy.
pub fn decode_vec(bytes: Vec<u8>) -> Result<Decoded, Undecodable> {
    if encoding_rs::Encoding::for_bom(&bytes).is_some() || looks_binary(&bytes) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(finish(text, Encoding::Utf8, false, false)),
        Err(e) => decode(e.as_bytes()),
    }
}

/// Encode `text` back the way `decoded` was stored (BOM and encoding).
/// Legacy encodings are written as UTF-8 only when `to_utf8` is set.
pub fn encode(text: &str, decoded: &Decoded, to_utf8: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    match decoded.encoding {
        Encoding::Utf8 => {
            if decoded.bom {
                out.extend_from_slice(UTF8_BOM);
            }
            out.extend_from_slice(text.as_bytes());
        }
        // The stray bytes cannot be told apart again: always written as
        // UTF-8 (`fix/` refuses to write such a file unless it converts it).
        Encoding::MixedUtf8 { .. } => {
            if decoded.bom {
                out.extend_from_slice(UTF8_BOM);
            }
            out.extend_from_slice(text.as_bytes());
        }
        _ if to_utf8 => out.extend_from_slice(text.as_bytes()),
        Encoding::Utf16(e) => {
            let big_endian = e == encoding_rs::UTF_16BE;
            let units = text.encode_utf16();
            if big_endian {
                out.extend_from_slice(&[0xFE, 0xFF]);
                units.for_each(|u| out.extend_from_slice(&u.to_be_bytes()));
            } else {
                out.extend_from_slice(&[0xFF, 0xFE]);
                units.for_each(|u| out.extend_from_slice(&u.to_le_bytes()));
            }
        }
        Encoding::Legacy(e) => {
            let (bytes, _, _) = e.encode(text);
            out.extend_from_slice(&bytes);
        }
    }
    out
}

/// Bytes that are not valid UTF-8 but read as UTF-8 all the same: UTF-8 with
/// truncated sequences (lossy, so never rewritten), or UTF-8 with a few stray
/// windows-1252 bytes. `None` when the file looks like a legacy encoding.
fn decode_broken_utf8(bytes: &[u8], bom: bool) -> Option<Decoded> {
    // A lead byte with some but not all of its continuation bytes (`E2 80`
    // at the end of an ASCII file) is a cut UTF-8 character, not a legacy
    // encoding: read as windows-1252 or IBM866 it became `â€` or `тА`
    // (issue 13). A lone byte (`E9 `) may still be Latin-1.
    if bytes
        .utf8_chunks()
        .all(|c| c.invalid().is_empty() || c.invalid().len() >= 2)
    {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Some(finish(text, Encoding::Utf8, bom, true));
    }
    decode_mostly_utf8(bytes, bom)
        .map(|(text, stray)| finish(text, Encoding::MixedUtf8 { stray }, bom, false))
}

/// A file that is UTF-8 but for a few bytes: keep its UTF-8 as it is and read
/// each stray byte as windows-1252, instead of reading the whole file in a
/// legacy encoding (which would turn all its correct UTF-8 into mojibake).
/// It must show real UTF-8 (a multi-byte character) and at most one stray
/// byte in a hundred (or at most two), unless a BOM already says UTF-8.
fn decode_mostly_utf8(bytes: &[u8], bom: bool) -> Option<(String, usize)> {
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut multibyte = false;
    let mut stray = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte |= !chunk.valid().is_ascii();
        text.push_str(chunk.valid());
        for &b in chunk.invalid() {
            stray += 1;
            let byte = [b];
            let (c, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
            text.push_str(&c);
        }
    }
    (bom || (multibyte && (stray <= 2 || stray * 100 <= bytes.len()))).then_some((text, stray))
}

fn finish(text: String, encoding: Encoding, bom: bool, lossy: bool) -> Decoded {
    let line_ending = detect_line_ending(&text);
    Decoded {
        text,
        encoding,
        bom,
        line_ending,
        lossy,
    }
}

/// The ending of the first line stands for the file: editors write one
/// style throughout, and scanning the whole text would cost a pass.
fn detect_line_ending(text: &str) -> LineEnding {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => LineEnding::CrLf,
        _ => LineEnding::Lf,
    }
}

/// A NUL byte in the first 8 KiB marks a binary file, as git and ripgrep judge it.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(8192)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_remembered() {
        let d = decode(b"\xEF\xBB\xBFhi\r\n").unwrap();
        assert_eq!(d.text, "hi\r\n");
        assert!(d.bom);
        assert_eq!(d.line_ending, LineEnding::CrLf);
        assert_eq!(encode(&d.text, &d, false), b"\xEF\xBB\xBFhi\r\n");
    }

    #[test]
    fn utf16le_with_bom_round_trips() {
        let bytes = [0xFF, 0xFE, b'h', 0, 0xE9, 0];
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "hé");
        assert_eq!(d.encoding.name(), "UTF-16LE");
        assert_eq!(encode(&d.text, &d, false), bytes);
        assert_eq!(encode(&d.text, &d, true), "hé".as_bytes());
    }

    #[test]
    fn latin1_bytes_are_decoded_as_legacy() {
        let d = decode(b"caf\xE9 cr\xE8me br\xFBl\xE9e, d\xE9j\xE0 vu").unwrap();
        assert!(matches!(d.encoding, Encoding::Legacy(_)));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn stray_byte_in_utf8_keeps_the_utf8() {
        let d = decode(
            b"Caf\xC3\xA9 culture: it\x92s one stray byte in a longer line of text, really.",
        )
        .unwrap();
        assert_eq!(d.encoding, Encoding::MixedUtf8 { stray: 1 });
        assert!(d.text.starts_with("Café culture: it’s"));
    }

    #[test]
    fn issue_13_bom_with_stray_bytes_reads_them_as_windows_1252() {
        let d = decode(b"\xEF\xBB\xBF\xA33 caf\xE9").unwrap();
        assert_eq!(d.text, "£3 café");
        assert_eq!(d.encoding, Encoding::MixedUtf8 { stray: 2 });
        assert!(d.bom && !d.lossy);
        assert_eq!(encode(&d.text, &d, true), "\u{feff}£3 café".as_bytes());
    }

    #[test]
    fn issue_13_cut_sequence_is_lossy_utf8_not_legacy() {
        for bytes in [
            &b"ASCII, cut \xE2\x80"[..],
            b"\xe2\x82 x",
            b"caf\xC3\xA9 \xF0\x9F\x98",
        ] {
            let d = decode(bytes).unwrap();
            assert_eq!(d.encoding, Encoding::Utf8, "{bytes:?}");
            assert!(d.lossy, "{bytes:?}");
        }
        // A lone Latin-1 byte is still a legacy encoding.
        assert!(matches!(
            decode(b"caf\xE9 cr\xE8me").unwrap().encoding,
            Encoding::Legacy(_)
        ));
    }

    #[test]
    fn issue_13_legacy_text_that_does_not_encode_back_is_lossy() {
        // Shift_JIS `ED 40` (an NEC-selected IBM extension) encodes back as
        // `FA 5C`; EUC-JP `8F B0 A1` (JIS X 0212) does not encode at all.
        let mut sjis = encoding_rs::SHIFT_JIS
            .encode("日本語の文章です。東京と大阪の天気は晴れでした。")
            .0
            .into_owned();
        sjis.extend_from_slice(b"\xED\x40");
        let d = decode(&sjis).unwrap();
        assert_eq!(d.encoding, Encoding::Legacy(encoding_rs::SHIFT_JIS));
        assert!(d.lossy);
        let clean = decode(&sjis[..sjis.len() - 2]).unwrap();
        assert!(!clean.lossy);
    }

    #[test]
    fn issue_13_malformed_utf16_is_lossy() {
        assert!(decode(&[0xFF, 0xFE, b'a', 0, 0x3D, 0xD8]).unwrap().lossy);
        assert!(decode(&[0xFF, 0xFE, b'a', 0, b'b']).unwrap().lossy);
        assert!(!decode(&[0xFF, 0xFE, b'a', 0, 0, 0]).unwrap().lossy);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(
            decode(b"PK\x03\x04\x00\x00").unwrap_err(),
            Undecodable::Binary
        );
    }
}
