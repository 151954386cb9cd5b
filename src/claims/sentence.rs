//! Prose blocks to sentences and clauses: blanks out inline markup and masked
//! ranges (keeping every byte offset), splits sentences while protecting
//! abbreviations and decimals, and cuts a sentence's tokens into clause
//! segments at commas, semicolons, colons, dashes and parentheses.
//!
//! Which segment a claim's subject and time come from is decided in
//! `extract.rs`; nothing here knows about numbers beyond not splitting
//! "34.80" or "1,200".

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::token::{Token, TokenKind};

/// Byte offsets (relative to `text`) where a quantity may start: every
/// digit run, and every word that can carry a figure without digits ("one
/// million", "half of", "doubled", "six figures", "one in five"). Empty means
/// the text can be skipped. One pass over the text.
pub(crate) fn quantity_hints(text: &str) -> Vec<usize> {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i-u)\b(?:million|billion|trillion|thousand|half|thirds?|quarters?|fifths?|doubled|tripled|trebled|quadrupled|halved|double|triple|percent|figures?|(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:in|out of) )",
        )
        .expect("static regex compiles")
    });
    let b = text.as_bytes();
    let mut out: Vec<usize> = Vec::new();
    let mut k = 0;
    while k < b.len() {
        if b[k].is_ascii_digit() {
            out.push(k);
            while k < b.len() && b[k].is_ascii_digit() {
                k += 1;
            }
        } else {
            k += 1;
        }
    }
    let digits = out.len();
    out.extend(WORDS.find_iter(text).map(|m| m.start()));
    if digits > 0 && out.len() > digits {
        out.sort_unstable();
    }
    out
}

/// Copies `text[block]` with masked ranges and inline markup characters
/// replaced by spaces, so the copy has the same length and the same byte
/// offsets (relative to `block.start`). `masked` must be sorted by start.
pub(crate) fn clean_block(text: &str, block: &Range<usize>, masked: &[Range<usize>]) -> String {
    // Markup characters are ASCII and masked ranges lie on char boundaries, so
    // blanking works on bytes and the result stays valid UTF-8.
    let mut bytes = text.as_bytes()[block.clone()].to_vec();
    for b in bytes.iter_mut() {
        if matches!(
            *b,
            b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'>' | b'|' | b'\\'
        ) {
            *b = b' ';
        }
    }
    let first = masked.partition_point(|m| m.end <= block.start);
    for m in masked[first..].iter().take_while(|m| m.start < block.end) {
        let start = m.start.max(block.start);
        let end = m.end.min(block.end);
        if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
            bytes[start - block.start..end - block.start].fill(b' ');
        }
    }
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Abbreviations that end with a period but do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "no", "inc", "jr", "sr", "st", "approx",
    "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "corp", "co", "ltd", "est", "avg",
];

/// Sentence byte ranges inside `text` (relative offsets).
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..b.len() {
        let c = b[k];
        if !matches!(c, b'.' | b'!' | b'?') {
            continue;
        }
        // A full stop ends a sentence only when followed by whitespace (after
        // optional closing quotes or parentheses) and not by an abbreviation.
        let mut j = k + 1;
        loop {
            if j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                j += 1;
            } else if text[j.min(b.len())..].starts_with('”')
                || text[j.min(b.len())..].starts_with('’')
            {
                j += 3;
            } else {
                break;
            }
        }
        let at_end = j >= b.len();
        if !at_end && !b[j].is_ascii_whitespace() {
            continue;
        }
        if c == b'.' {
            let word_start = b[..k]
                .iter()
                .rposition(|&ch| ch.is_ascii_whitespace() || ch == b'(')
                .map_or(0, |p| p + 1);
            let word = &b[word_start..k];
            let dotted = word.contains(&b'.')
                && word
                    .iter()
                    .all(|ch| ch.is_ascii_alphabetic() || *ch == b'.');
            let abbreviation = word.len() <= 6
                && ABBREVIATIONS
                    .iter()
                    .any(|a| a.as_bytes().eq_ignore_ascii_case(word));
            let next_lower = b[j.min(b.len())..]
                .iter()
                .find(|ch| !ch.is_ascii_whitespace())
                .is_some_and(u8::is_ascii_lowercase);
            if dotted || abbreviation || next_lower {
                continue;
            }
        }
        let end = j.min(b.len());
        if end > start {
            out.push(start..end);
        }
        start = end;
    }
    if start < b.len() && !text[start..].trim().is_empty() {
        out.push(start..b.len());
    }
    out
}

/// Is this token a clause boundary?
fn is_boundary(tok: &Token<'_>) -> bool {
    if tok.kind != TokenKind::Symbol {
        return false;
    }
    match tok.lower.as_ref() {
        "," | ";" | ":" | "(" | ")" | "—" | "." | "!" | "?" => true,
        // A dash between spaces separates clauses; glued it joins a range.
        "-" | "–" => !tok.glued,
        _ => false,
    }
}

/// Cuts a sentence's tokens into clause segments (token index ranges),
/// boundaries excluded. Empty segments are dropped.
pub(crate) fn segments(toks: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, tok) in toks.iter().enumerate() {
        // A dash glued on the left but spaced on the right ("2022 - 2032" is
        // rare; "growth - up 20%" is a clause dash) counts as a boundary too.
        let spaced_dash =
            (tok.is_symbol('-') || tok.is_symbol('–')) && toks.get(k + 1).is_some_and(|n| !n.glued);
        if is_boundary(tok) || spaced_dash {
            if k > start {
                out.push(start..k);
            }
            start = k + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    #[test]
    fn sentences_protect_abbreviations_and_decimals() {
        let t = "Pay in the U.S. rose 3.5% in 2023. It fell e.g. in Ohio. Next one!";
        let s: Vec<&str> = sentences(t).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            s,
            vec![
                "Pay in the U.S. rose 3.5% in 2023.",
                "It fell e.g. in Ohio.",
                "Next one!"
            ]
        );
    }

    #[test]
    fn markup_is_blanked_keeping_offsets() {
        let text = "xx **Bold** see `code 12` and [link](http://a.b/12)";
        let block = 3..text.len();
        let code = text.find('`').expect("has code");
        let dest = text.find("(http").expect("has link");
        let cleaned = clean_block(text, &block, &[code..code + 9, dest..text.len()]);
        assert_eq!(cleaned.len(), block.len());
        assert!(!cleaned.contains("12"));
        assert!(cleaned.contains("Bold"));
    }

    #[test]
    fn segments_split_at_commas_not_inside_numbers() {
        let s = "In 2024, 28% of days were remote, far above 2019 - but $80,000-$95,000 is a range";
        let toks = tokenize(s, 0..s.len(), 0);
        let segs = segments(&toks);
        assert_eq!(segs.len(), 4);
        assert_eq!(toks[segs[3].start].lower, "but");
    }

    #[test]
    fn prefilter_finds_words_and_digits() {
        assert_eq!(quantity_hints("one million new jobs"), vec![4]);
        assert!(!quantity_hints("roughly one in five").is_empty());
        assert_eq!(quantity_hints("costs 3 dollars or 45"), vec![6, 19]);
        assert!(quantity_hints("no numbers here... well, none").is_empty());
        assert!(quantity_hints("someone in the office").is_empty());
    }
}
