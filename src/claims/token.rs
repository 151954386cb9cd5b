//! Splits a stretch of prose into word, number and symbol tokens, each with its
//! byte span in the file.
//!
//! Only the surface shape is decided here (a number is digits with optional
//! thousands separators and decimals; "95k" splits into a number and a glued
//! scale; "10-15" splits into two numbers and a dash; "GPT-4", "12-month" and
//! "3-2-1" stay single words so they can never become quantities). What the
//! tokens mean is decided in `number.rs`, `period.rs` and `subject.rs`.

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenKind {
    /// Letters, possibly with digits, hyphens or apostrophes inside.
    Word,
    /// Digits with optional `,` thousands groups and one `.` decimal part.
    Number,
    /// One punctuation or symbol character.
    Symbol,
}

/// One token of prose. The lowercased text borrows from the prose when it is
/// already lowercase (most tokens), so tokenizing rarely allocates.
#[derive(Debug, Clone)]
pub(crate) struct Token<'a> {
    /// Shape.
    pub kind: TokenKind,
    /// Byte offset of the first byte in the file.
    pub start: usize,
    /// Byte offset one past the last byte in the file.
    pub end: usize,
    /// Lowercased text.
    pub lower: Cow<'a, str>,
    /// True when no whitespace separates it from the previous token.
    pub glued: bool,
    /// True when the original text starts with an uppercase letter.
    pub capitalized: bool,
    /// True when its first two letters are uppercase ("CAGR", "US").
    pub acronym: bool,
    /// True when any of its letters is uppercase ("iOS", "GPT-4", "Paris"):
    /// a word written as a name.
    pub cased: bool,
}

impl Token<'_> {
    /// The lowercased text when this token is a word, else "".
    pub fn word(&self) -> &str {
        if self.kind == TokenKind::Word {
            &self.lower
        } else {
            ""
        }
    }

    /// True when this token is the symbol `c`.
    pub fn is_symbol(&self, c: char) -> bool {
        self.kind == TokenKind::Symbol
            && self.lower.starts_with(c)
            && self.lower.len() == c.len_utf8()
    }
}

use std::borrow::Cow;

/// Scale suffixes that may be glued to digits ("95k", "1.2M", "3bn") plus the
/// multiplier suffix "x" ("10x").
const GLUED_SUFFIXES: &[&str] = &["k", "m", "mn", "bn", "b", "tn", "x"];

/// Tokenizes `text[range]`; `base` is added to every offset so spans refer to
/// the file. `range` must lie on char boundaries of `text`.
pub(crate) fn tokenize(text: &str, range: std::ops::Range<usize>, base: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, None, range, base, &mut out);
    out
}

/// Is `b` whitespace as [`char::is_whitespace`] sees an ASCII byte?
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// [`tokenize`] into a reused buffer (cleared first). When `original` is
/// given, `text` is that text with its ASCII letters lowercased (same length,
/// so same offsets): ASCII words borrow their lowercase form from `text`
/// instead of allocating one, and case is read from `original`.
pub(crate) fn tokenize_into<'a>(
    text: &'a str,
    original: Option<&'a str>,
    range: std::ops::Range<usize>,
    base: usize,
    out: &mut Vec<Token<'a>>,
) {
    out.clear();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let original = original.and_then(|o| o.get(range.clone()));
    let offset = range.start;
    let bytes = slice.as_bytes();
    // Char at byte `k` and its length; ASCII without decoding.
    let char_at = |k: usize| -> Option<(char, usize)> {
        let b = *bytes.get(k)?;
        if b < 0x80 {
            Some((b as char, 1))
        } else {
            slice.get(k..)?.chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    let mut k = 0;
    let mut last_end: Option<usize> = None;
    while k < bytes.len() {
        let b = bytes[k];
        let (c, len) = if b < 0x80 {
            if is_ascii_space(b) {
                k += 1;
                continue;
            }
            (b as char, 1)
        } else {
            match char_at(k) {
                Some(x) => x,
                None => break,
            }
        };
        if c.is_whitespace() {
            k += len;
            continue;
        }
        let glued = last_end == Some(k);
        if !c.is_alphanumeric() {
            out.push(Token {
                kind: TokenKind::Symbol,
                start: base + offset + k,
                end: base + offset + k + len,
                lower: Cow::Borrowed(&slice[k..k + len]),
                glued,
                capitalized: false,
                acronym: false,
                cased: false,
            });
            k += len;
            last_end = Some(k);
            continue;
        }
        let start = k;
        let mut ascii = len == 1;
        // The two chars before the current position inside the word, for the
        // abbreviation test ("U.S.").
        let mut prev = c;
        let mut prev_was_start = true;
        let mut before_prev_is_dot = false;
        k += len;
        loop {
            // ASCII letters and digits continue the word without decoding.
            while k < bytes.len() && bytes[k].is_ascii_alphanumeric() {
                before_prev_is_dot = prev == '.';
                prev = bytes[k] as char;
                prev_was_start = false;
                k += 1;
            }
            let Some((d, dlen)) = char_at(k) else {
                break;
            };
            if d.is_alphanumeric() {
                ascii &= dlen == 1;
                before_prev_is_dot = prev == '.';
                prev = d;
                prev_was_start = false;
                k += dlen;
                continue;
            }
            if d == '('
                && bytes[start..k].iter().all(u8::is_ascii_digit)
                && is_letter_in_brackets(bytes, k)
            {
                prev = ')';
                prev_was_start = false;
                before_prev_is_dot = false;
                k += 3;
                continue;
            }
            let next = char_at(k + dlen).map(|(n, _)| n);
            let joins = match d {
                '-' | '\'' | '’' | '/' => {
                    next.is_some_and(char::is_alphanumeric) && !(d == '/' && prev.is_ascii_digit())
                }
                '.' => {
                    let decimal = prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit());
                    let single_letter =
                        prev.is_alphabetic() && (prev_was_start || before_prev_is_dot);
                    let abbreviation =
                        single_letter && (next.is_some_and(char::is_alphabetic) || !prev_was_start);
                    decimal || abbreviation
                }
                ',' => {
                    prev.is_ascii_digit()
                        && (1..=3).all(|i| bytes.get(k + i).is_some_and(u8::is_ascii_digit))
                        && !bytes.get(k + 4).is_some_and(u8::is_ascii_digit)
                }
                _ => false,
            };
            if !joins {
                break;
            }
            ascii &= dlen == 1;
            before_prev_is_dot = prev == '.';
            prev = d;
            prev_was_start = false;
            k += dlen;
        }
        let word = match original {
            Some(o) if ascii => Word::Lowered {
                lower: &slice[start..k],
                capitalized: o.as_bytes()[start].is_ascii_uppercase(),
                acronym: o.as_bytes()[start].is_ascii_uppercase()
                    && o.as_bytes()
                        .get(start + 1)
                        .is_some_and(u8::is_ascii_uppercase),
                cased: o.as_bytes()[start..k].iter().any(u8::is_ascii_uppercase),
            },
            Some(o) => Word::Original(&o[start..k]),
            None => Word::Original(&slice[start..k]),
        };
        push_word(out, word, base + offset + start, glued);
        last_end = Some(k);
    }
}

/// Is a letter in brackets written at `k`, as in "401(k)" and "7(a)"?
/// After digits it names a section of a law: one word, not a number and
/// an aside.
pub(crate) fn is_letter_in_brackets(bytes: &[u8], k: usize) -> bool {
    bytes.get(k) == Some(&b'(')
        && bytes.get(k + 1).is_some_and(u8::is_ascii_alphabetic)
        && bytes.get(k + 2) == Some(&b')')
}

/// Is a word the name of a section of a law, digits and a letter in
/// brackets ("401(k)")?
pub(crate) fn is_section_name(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() > 3
        && b[..b.len() - 3].iter().all(u8::is_ascii_digit)
        && is_letter_in_brackets(b, b.len() - 3)
}

fn is_numeric(s: &str) -> bool {
    s.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// A word run as the tokenizer found it.
enum Word<'a> {
    /// Already lowercase (ASCII), with the case of its first letters.
    Lowered {
        lower: &'a str,
        capitalized: bool,
        acronym: bool,
        cased: bool,
    },
    /// As written.
    Original(&'a str),
}

/// Classifies one word run and pushes one to three tokens for it.
fn push_word<'a>(out: &mut Vec<Token<'a>>, word: Word<'a>, start: usize, glued: bool) {
    let (lower, capitalized, acronym, cased) = match word {
        Word::Lowered {
            lower,
            capitalized,
            acronym,
            cased,
        } => (Cow::Borrowed(lower), capitalized, acronym, cased),
        Word::Original(text) => lowercase(text),
    };
    if !lower.as_bytes()[0].is_ascii_digit() {
        // Only words starting with a digit can be numbers: most words end here.
        out.push(Token {
            kind: TokenKind::Word,
            start,
            end: start + lower.len(),
            lower,
            glued,
            capitalized,
            acronym,
            cased,
        });
        return;
    }
    let make = |kind, s: usize, e: usize, glued| Token {
        kind,
        start: start + s,
        end: start + e,
        lower: match &lower {
            Cow::Borrowed(b) => Cow::Borrowed(&b[s..e]),
            Cow::Owned(o) => Cow::Owned(o[s..e].to_string()),
        },
        glued,
        capitalized: capitalized && s == 0,
        acronym: acronym && s == 0,
        cased: cased && s == 0,
    };
    if is_numeric(&lower) {
        out.push(make(TokenKind::Number, 0, lower.len(), glued));
        return;
    }
    // "10-15" and "2022-2032": a numeric range written with a hyphen.
    if let Some((a, b)) = lower.split_once('-')
        && is_numeric(a)
        && is_numeric(b)
    {
        out.push(make(TokenKind::Number, 0, a.len(), glued));
        out.push(make(TokenKind::Symbol, a.len(), a.len() + 1, true));
        out.push(make(TokenKind::Number, a.len() + 1, lower.len(), true));
        return;
    }
    // "95k", "1.2m", "3bn", "10x".
    let digits = lower
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    if digits > 0
        && digits < lower.len()
        && GLUED_SUFFIXES.contains(&&lower[digits..])
        && is_numeric(&lower[..digits])
    {
        out.push(make(TokenKind::Number, 0, digits, glued));
        out.push(make(TokenKind::Word, digits, lower.len(), true));
        return;
    }
    out.push(make(TokenKind::Word, 0, lower.len(), glued));
}

/// Lowercase form of a word (borrowed when already lowercase), whether it
/// starts with an uppercase letter, whether its first two are, and whether
/// any is.
fn lowercase(text: &str) -> (Cow<'_, str>, bool, bool, bool) {
    let cased = text.chars().any(char::is_uppercase);
    let lower = if cased {
        Cow::Owned(text.to_lowercase())
    } else {
        Cow::Borrowed(text)
    };
    let mut chars = text.chars();
    let capitalized = chars.next().is_some_and(char::is_uppercase);
    let acronym = capitalized && chars.next().is_some_and(char::is_uppercase);
    (lower, capitalized, acronym, cased)
}

/// Does a frequency follow token `at` ("an hour", "per week", "every month",
/// "hourly")?
pub(crate) fn names_a_frequency(toks: &[Token<'_>], at: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    let unit = |w: &str| matches!(w, "hour" | "day" | "week" | "month" | "year");
    matches!(
        word(at),
        "hourly" | "weekly" | "monthly" | "annually" | "yearly"
    ) || (matches!(word(at), "a" | "an" | "per" | "each" | "every") && unit(word(at + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(s: &str) -> Vec<(TokenKind, String)> {
        tokenize(s, 0..s.len(), 0)
            .into_iter()
            .map(|t| (t.kind, t.lower.into_owned()))
            .collect()
    }

    #[test]
    fn numbers_words_and_symbols() {
        use TokenKind::*;
        assert_eq!(
            shapes("$1,200.50 in the U.S. rose 10-15%"),
            vec![
                (Symbol, "$".into()),
                (Number, "1,200.50".into()),
                (Word, "in".into()),
                (Word, "the".into()),
                (Word, "u.s.".into()),
                (Word, "rose".into()),
                (Number, "10".into()),
                (Symbol, "-".into()),
                (Number, "15".into()),
                (Symbol, "%".into()),
            ]
        );
        assert_eq!(shapes("GPT-4 and 12-month")[0], (Word, "gpt-4".into()));
        // A digit and a letter in brackets is a name: "401(k)", "7(a)".
        assert_eq!(shapes("a 401(k) plan")[1], (Word, "401(k)".into()));
        assert_eq!(shapes("2024 (a)")[0], (Number, "2024".into()));
        assert_eq!(shapes("$95k")[2], (Word, "k".into()));
        assert_eq!(shapes("one, two")[1], (Symbol, ",".into()));
        assert_eq!(shapes("don’t")[0], (Word, "don’t".into()));
    }

    #[test]
    fn spans_are_file_offsets() {
        let toks = tokenize("ab 12%", 3..6, 100);
        assert_eq!((toks[0].start, toks[0].end), (103, 105));
    }
}
