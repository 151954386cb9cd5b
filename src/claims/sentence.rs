//! Prose blocks to sentences and clauses: blanks out inline markup and masked
//! ranges (keeping every byte offset), splits sentences while protecting
//! abbreviations and decimals, and cuts a sentence's tokens into clause
//! segments at commas, semicolons, colons, dashes and parentheses.
//!
//! Which segment a claim's subject and time come from is decided in
//! `extract.rs`; nothing here knows about numbers beyond not splitting
//! "34.80" or "1,200".

use std::ops::Range;

use super::lexicon::ends_in_plural_s;
use super::number::year_of;
use super::period::month_number;
use super::token::{Token, TokenKind};

/// Copies `text[block]` with masked ranges and inline markup characters
/// replaced by spaces, so the copy has the same length and the same byte
/// offsets (relative to `block.start`). `masked` must be sorted by start.
#[cfg(test)]
pub(crate) fn clean_block(text: &str, block: &Range<usize>, masked: &[Range<usize>]) -> String {
    let mut out = String::new();
    clean_block_into(text, block, masked, &mut out);
    out
}

/// [`clean_block`] into a reused buffer.
#[cfg(test)]
fn clean_block_into(text: &str, block: &Range<usize>, masked: &[Range<usize>], out: &mut String) {
    // Markup characters are ASCII and masked ranges lie on char boundaries, so
    // blanking works on bytes and the result stays valid UTF-8.
    let mut bytes = std::mem::take(out).into_bytes();
    bytes.clear();
    bytes.extend_from_slice(&text.as_bytes()[block.clone()]);
    for b in bytes.iter_mut() {
        if is_markup(*b) {
            *b = b' ';
        }
    }
    let mut blanks = Vec::new();
    blank_ranges(text, block, masked, &mut blanks);
    for r in blanks {
        bytes[r].fill(b' ');
    }
    *out = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Inline markup characters, blanked before sentences and tokens are read.
pub(crate) fn is_markup(b: u8) -> bool {
    matches!(
        b,
        b'*' | b'_' | b'`' | b'[' | b']' | b'<' | b'>' | b'|' | b'\\'
    )
}

/// The parts of masked ranges that fall in `block`, relative to the block
/// (only those whose ends are char boundaries). `masked` must be sorted by start.
pub(crate) fn blank_ranges(
    text: &str,
    block: &Range<usize>,
    masked: &[Range<usize>],
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    let first = masked.partition_point(|m| m.end <= block.start);
    let bytes = text.as_bytes();
    for m in masked[first..].iter().take_while(|m| m.start < block.end) {
        let mut start = m.start.max(block.start);
        let mut end = m.end.min(block.end);
        // A link's destination goes with its parentheses, so that
        // "[average salary](url) of a data scientist" stays one clause.
        if start >= block.start + 2
            && end < block.end
            && bytes[start - 1] == b'('
            && bytes[start - 2] == b']'
            && bytes[end] == b')'
        {
            start -= 1;
            end += 1;
        }
        if start < end && text.is_char_boundary(start) && text.is_char_boundary(end) {
            out.push(start - block.start..end - block.start);
        }
    }
}

/// A prose block read as if markup and masked ranges were blanked to
/// spaces, without copying it.
struct Cleaned<'a> {
    raw: &'a [u8],
    blanks: &'a [Range<usize>],
}

impl Cleaned<'_> {
    fn at(&self, p: usize) -> u8 {
        let b = self.raw[p];
        // `blanks` is sorted and disjoint (see `hint_sentences`): a binary
        // search, not a scan, or a paragraph of many images is quadratic
        // (issue 13).
        let blank = || {
            let i = self.blanks.partition_point(|r| r.end <= p);
            self.blanks.get(i).is_some_and(|r| r.start <= p)
        };
        if is_markup(b) || (!self.blanks.is_empty() && blank()) {
            b' '
        } else {
            b
        }
    }

    fn starts_with_at(&self, j: usize, pattern: &[u8]) -> bool {
        j + pattern.len() <= self.raw.len()
            && pattern
                .iter()
                .enumerate()
                .all(|(i, &c)| self.at(j + i) == c)
    }

    /// If the `.`, `!` or `?` at `k` ends a sentence, where the sentence ends
    /// (after closing quotes and parentheses).
    fn sentence_end(&self, k: usize) -> Option<usize> {
        const RIGHT_DOUBLE: &[u8] = "”".as_bytes();
        const RIGHT_SINGLE: &[u8] = "’".as_bytes();
        let n = self.raw.len();
        let c = self.at(k);
        if !matches!(c, b'.' | b'!' | b'?') {
            return None;
        }
        // A full stop ends a sentence only when followed by whitespace (after
        // optional closing quotes or parentheses) and not by an abbreviation.
        let mut j = k + 1;
        loop {
            if j < n && matches!(self.at(j), b'"' | b'\'' | b')') {
                j += 1;
            } else if self.starts_with_at(j, RIGHT_DOUBLE) || self.starts_with_at(j, RIGHT_SINGLE) {
                j += 3;
            } else {
                break;
            }
        }
        if j < n && !self.at(j).is_ascii_whitespace() {
            return None;
        }
        if c == b'.' {
            let word_start = (0..k)
                .rev()
                .find(|&p| {
                    let ch = self.at(p);
                    ch.is_ascii_whitespace() || ch == b'('
                })
                .map_or(0, |p| p + 1);
            let word = word_start..k;
            let dotted = word.clone().any(|p| self.at(p) == b'.')
                && word.clone().all(|p| {
                    let ch = self.at(p);
                    ch.is_ascii_alphabetic() || ch == b'.'
                });
            let abbreviation = word.len() <= 6 && {
                let mut w = [0u8; 6];
                for (slot, p) in w.iter_mut().zip(word.clone()) {
                    *slot = self.at(p);
                }
                is_abbreviation(&w[..word.len()])
            };
            let next_lower = (j.min(n)..n)
                .map(|p| self.at(p))
                .find(|ch| !ch.is_ascii_whitespace())
                .is_some_and(|ch| ch.is_ascii_lowercase());
            if dotted || abbreviation || next_lower {
                return None;
            }
        }
        Some(j.min(n))
    }
}

/// The sentences of `text[block]` that may hold a quantity, as ranges
/// relative to the block, in order: sentences split as in [`sentences`] on
/// the block as [`clean_block`] would blank it, kept when they hold a digit
/// or a hint word that can be read as a figure there ([`HINT_WORDS`],
/// [`reads_as_figure`]). `lower`
/// is `text[block]` with ASCII letters lowercased (where hint words are
/// looked for). `blanks` receives the block's [`blank_ranges`]. `block` must
/// lie on char boundaries of `text`.
///
/// Most prose holds no figure, so the hints are found first (a vectorised
/// digit scan and a multi-pattern search) and sentence ends are only looked
/// for around them: whether a `.`, `!` or `?` ends a sentence depends only
/// on the bytes near it, so the sentence around a hint is the one a scan
/// from the start of the block would find.
pub(crate) fn hint_sentences(
    text: &str,
    block: &Range<usize>,
    masked: &[Range<usize>],
    lower: &[u8],
    blanks: &mut Vec<Range<usize>>,
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    blank_ranges(text, block, masked, blanks);
    let raw = &text.as_bytes()[block.clone()];
    debug_assert_eq!(raw.len(), lower.len());
    // Sorted and merged, so that `Cleaned::at` can search them.
    let merged = merge_ranges(blanks);
    let view = Cleaned {
        raw,
        blanks: &merged,
    };
    let n = raw.len();
    let mut hints = Hints::new(lower, &view);
    // Every sentence before `from` is done; `from` starts one.
    let mut from = 0;
    while let Some(p) = hints.next_from(from) {
        // The last sentence end before the hint starts its sentence (ends
        // are in increasing order of their full stops).
        let start = memchr::memrchr3_iter(b'.', b'!', b'?', &raw[from..p])
            .find_map(|k| view.sentence_end(from + k))
            .unwrap_or(from);
        let end = memchr::memchr3_iter(b'.', b'!', b'?', &raw[p..])
            .find_map(|k| view.sentence_end(p + k))
            .unwrap_or(n);
        out.push(start..end);
        from = end;
    }
}

/// The hints of a lowercased block in order: digits, and [`HINT_WORDS`] at
/// the start of a word where they can be read as a figure (see
/// [`reads_as_figure`]). Remembers the next of each kind, so that no byte is
/// searched twice.
struct Hints<'a> {
    lower: &'a [u8],
    /// The block as its sentences are read (markup and masked ranges blank).
    view: &'a Cleaned<'a>,
    digit: Option<usize>,
    word: Option<usize>,
    /// Where the searches for each kind have reached.
    digit_from: usize,
    word_from: usize,
}

impl<'a> Hints<'a> {
    fn new(lower: &'a [u8], view: &'a Cleaned<'a>) -> Hints<'a> {
        Hints {
            lower,
            view,
            digit: None,
            word: None,
            digit_from: 0,
            word_from: 0,
        }
    }

    /// The first hint at or after `from` (`from` never decreases).
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let n = self.lower.len();
        if self.digit.is_none_or(|d| d < from) && self.digit_from < n {
            self.digit = next_digit(self.lower, from.max(self.digit_from));
            self.digit_from = self.digit.map_or(n, |d| d + 1);
        }
        while self.word.is_none_or(|w| w < from) && self.word_from < n {
            let found = next_hint_word(self.lower, from.max(self.word_from));
            self.word_from = found.map_or(n, |(p, _)| p + 1);
            self.word = found
                .filter(|&(p, hint)| reads_as_figure(self.view, p, hint))
                .map(|(p, _)| p);
        }
        let digit = self.digit.filter(|&d| d >= from);
        let word = self.word.filter(|&w| w >= from);
        match (digit, word) {
            (Some(d), Some(w)) => Some(d.min(w)),
            (d, w) => d.or(w),
        }
    }
}

/// Can the hint at `p` be read as a figure? A denominator ("a third",
/// "three quarters") is one only before "of" (not "every quarter",
/// "quarterly", "the third time"), and a number word only before "in" or
/// "out of" and a number ("one in five"; not "the one in the corner"): what
/// the quantity parser accepts, loosened so that it never drops a sentence
/// the parser would read (any bytes but letters and digits may stand
/// between the words).
fn reads_as_figure(view: &Cleaned<'_>, p: usize, hint: Hint) -> bool {
    let n = view.raw.len();
    let at = |q: usize| view.at(q).to_ascii_lowercase();
    // The end of the letters from `q` on, and the start of the next word
    // from `k` on.
    let letters_end = |q: usize| (q..n).find(|&e| !at(e).is_ascii_lowercase()).unwrap_or(n);
    let next_word = |k: usize| (k..n).find(|&q| at(q).is_ascii_alphanumeric());
    let is = |q: usize, word: &[u8]| {
        letters_end(q) == q + word.len() && word.iter().enumerate().all(|(i, &c)| at(q + i) == c)
    };
    match hint {
        Hint::Word(word @ ("third" | "quarter" | "fifth")) => {
            let after = p + word.len();
            let rest = letters_end(after);
            if rest > after + 1 || (rest == after + 1 && at(after) != b's') {
                return false;
            }
            next_word(rest).is_some_and(|q| is(q, b"of"))
        }
        Hint::Word(_) => true,
        // "The average wait for a mount is about six months": the parser
        // reads a length of time as a figure only beside an aggregate.
        Hint::Duration => {
            // The sentence so far, at most DURATION_REACH bytes back, copied
            // through the view (blanks read as spaces) into a stack buffer.
            let mut before = [0u8; DURATION_REACH];
            let mut len = 0;
            for q in (p.saturating_sub(DURATION_REACH)..p).rev() {
                let b = at(q);
                if matches!(b, b'.' | b'!' | b'?' | b'\n') {
                    break;
                }
                len += 1;
                before[DURATION_REACH - len] = b;
            }
            let before = &before[DURATION_REACH - len..];
            ["average", "median", "mean "]
                .iter()
                .any(|w| memchr::memmem::find(before, w.as_bytes()).is_some())
        }
        Hint::Counted(number) => {
            let after = p + number.len();
            if letters_end(after) != after || (after < n && at(after).is_ascii_digit()) {
                return false;
            }
            let q = match next_word(after) {
                Some(q) if is(q, b"in") => q + 2,
                Some(q) if is(q, b"out") => match next_word(q + 3) {
                    Some(of) if is(of, b"of") => of + 2,
                    _ => return false,
                },
                _ => return false,
            };
            next_word(q)
                .is_some_and(|d| at(d).is_ascii_digit() || is_number_word(&at, d, letters_end(d)))
        }
    }
}

/// Are the letters `q..end` a number word ("five", "twenty")?
fn is_number_word(at: &impl Fn(usize) -> u8, q: usize, end: usize) -> bool {
    let mut head = [0u8; 9];
    if end - q > head.len() {
        return false;
    }
    for (slot, k) in head.iter_mut().zip(q..end) {
        *slot = at(k);
    }
    std::str::from_utf8(&head[..end - q]).is_ok_and(|w| super::number::number_word(w).is_some())
}

/// The first ASCII digit of `raw` at or after `from`, sixteen bytes at a
/// time (the compiler vectorises the fixed-size test).
fn next_digit(raw: &[u8], from: usize) -> Option<usize> {
    let mut k = from;
    while k + 16 <= raw.len() {
        let chunk: &[u8; 16] = raw[k..k + 16].try_into().expect("sixteen bytes");
        if chunk.iter().fold(false, |any, b| any | b.is_ascii_digit()) {
            break;
        }
        k += 16;
    }
    raw[k..].iter().position(u8::is_ascii_digit).map(|i| k + i)
}

/// Words that can carry a figure without digits ("one million", "half of",
/// "doubled", "six figures", "five per cent"), matched as prefixes of a
/// lowercased word ("millions", "doubled").
const HINT_WORDS: [&str; 16] = [
    "million",
    "billion",
    "trillion",
    "thousand",
    "third",
    "triple",
    "trebled",
    "half",
    "halved",
    "quarter",
    "quadrupled",
    "fifth",
    "figure",
    "double",
    "percent",
    "per cent",
];

/// Numerators of "one in five", "three out of four". Each is looked for
/// with the word after it ("one in", "one out"), or "one" and "ten" would
/// match all prose.
const COUNTED: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// What a search pattern finds.
#[derive(Clone, Copy)]
enum Hint {
    /// One of [`HINT_WORDS`].
    Word(&'static str),
    /// One of [`COUNTED`], as the start of a fraction.
    Counted(&'static str),
    /// One of [`COUNTED`] before a unit of time ("six months"), a figure
    /// only as an average or median length of time.
    Duration,
}

/// Units of time a number word may count ([`Hint::Duration`]): only the
/// plurals of months and weeks, as "two years", "one day" and the like are
/// everywhere in prose and seldom an average (searching for them too cost
/// about 2% of a cold check).
const TIME_UNITS: [&str; 2] = [" months", " weeks"];

/// How far back in its sentence a length of time written in words looks
/// for the "average" or "median" that makes it a figure.
const DURATION_REACH: usize = 120;

/// The first hint in lowercased `raw` at or after `from` that starts a
/// word, and what it is. (Searching a lowercased copy, not ignoring case,
/// lets the search use its vectorised prefilter.)
fn next_hint_word(raw: &[u8], from: usize) -> Option<(usize, Hint)> {
    static SEARCH: std::sync::LazyLock<(aho_corasick::AhoCorasick, Vec<Hint>)> =
        std::sync::LazyLock::new(|| {
            let mut patterns: Vec<String> = HINT_WORDS.iter().map(|w| w.to_string()).collect();
            let mut hints: Vec<Hint> = HINT_WORDS.iter().map(|&w| Hint::Word(w)).collect();
            for number in COUNTED {
                // Not "**one** in five": markup after the number word is
                // not looked for (twice the patterns, and a slower search).
                for next in [" in", " out"] {
                    patterns.push(format!("{number}{next}"));
                    hints.push(Hint::Counted(number));
                }
                for unit in TIME_UNITS {
                    patterns.push(format!("{number}{unit}"));
                    hints.push(Hint::Duration);
                }
            }
            let search = aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(&patterns)
                .expect("fixed patterns build");
            (search, hints)
        });
    let (search, hints) = &*SEARCH;
    let mut at = from;
    while at < raw.len() {
        let found = search.find(aho_corasick::Input::new(raw).span(at..raw.len()))?;
        let p = found.start();
        // "someone in", "behalf": not at the start of a word. The search
        // goes on from the next byte, so a match inside this one is seen.
        if p == 0 || !joins_word(raw[p - 1]) {
            return Some((p, hints[found.pattern().as_usize()]));
        }
        at = p + 1;
    }
    None
}

/// Does a word that follows byte `b` continue it? After a letter or digit
/// it does; `_` is emphasis markup, blanked before tokens are read ("_half_
/// of"), so a word starts after it.
fn joins_word(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Where the sentence that starts at `from` in `raw` (a block, with its
/// [`blank_ranges`] `blanks`) ends: after its `.`, `!` or `?`, or at the
/// end of the block.
pub(crate) fn sentence_end_after(raw: &[u8], blanks: &[Range<usize>], from: usize) -> usize {
    let merged = merge_ranges(blanks);
    let view = Cleaned {
        raw,
        blanks: &merged,
    };
    memchr::memchr3_iter(b'.', b'!', b'?', raw.get(from..).unwrap_or_default())
        .find_map(|k| view.sentence_end(from + k))
        .unwrap_or(raw.len())
}

/// `ranges` sorted by start, overlapping and touching ones joined.
fn merge_ranges(ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for r in sorted {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Is `word` (the bytes before a period) an abbreviation that does not end
/// a sentence ("e.g", "Inc", "approx")? ASCII case is ignored.
fn is_abbreviation(word: &[u8]) -> bool {
    if word.is_empty() || word.len() > 6 {
        return false;
    }
    let mut lower = [0u8; 6];
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    matches!(
        &lower[..word.len()],
        b"e.g"
            | b"i.e"
            | b"etc"
            | b"vs"
            | b"dr"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"no"
            | b"inc"
            | b"jr"
            | b"sr"
            | b"st"
            | b"approx"
            | b"fig"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"est"
            | b"avg"
    )
}

/// Sentence byte ranges inside `text` (relative offsets).
#[cfg(test)]
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    sentences_into(text, &mut out);
    out
}

/// [`sentences`] into a reused buffer (cleared first).
#[cfg(test)]
fn sentences_into(text: &str, out: &mut Vec<Range<usize>>) {
    const RIGHT_DOUBLE: &[u8] = "”".as_bytes();
    const RIGHT_SINGLE: &[u8] = "’".as_bytes();
    out.clear();
    let b = text.as_bytes();
    let mut start = 0;
    let mut k = 0;
    while let Some(offset) = b[k..].iter().position(|&c| matches!(c, b'.' | b'!' | b'?')) {
        k += offset;
        let c = b[k];
        // A full stop ends a sentence only when followed by whitespace (after
        // optional closing quotes or parentheses) and not by an abbreviation.
        let mut j = k + 1;
        loop {
            if j < b.len() && matches!(b[j], b'"' | b'\'' | b')') {
                j += 1;
            } else if b[j.min(b.len())..].starts_with(RIGHT_DOUBLE)
                || b[j.min(b.len())..].starts_with(RIGHT_SINGLE)
            {
                j += 3;
            } else {
                break;
            }
        }
        k += 1;
        let at_end = j >= b.len();
        if !at_end && !b[j].is_ascii_whitespace() {
            continue;
        }
        if c == b'.' {
            let dot = k - 1;
            let word_start = b[..dot]
                .iter()
                .rposition(|&ch| ch.is_ascii_whitespace() || ch == b'(')
                .map_or(0, |p| p + 1);
            let word = &b[word_start..dot];
            let dotted = word.contains(&b'.')
                && word
                    .iter()
                    .all(|ch| ch.is_ascii_alphabetic() || *ch == b'.');
            let next_lower = b[j.min(b.len())..]
                .iter()
                .find(|ch| !ch.is_ascii_whitespace())
                .is_some_and(u8::is_ascii_lowercase);
            if dotted || is_abbreviation(word) || next_lower {
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
}

/// Is this token a clause boundary?
fn is_boundary(tok: &Token<'_>) -> bool {
    if tok.kind == TokenKind::Word {
        // "11% vs 20%": each side of a comparison is its own statement.
        return matches!(tok.lower.as_ref(), "vs" | "versus");
    }
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

/// Is the comma at `k` inside a list of plural nouns ("the median wage for
/// airline pilots, copilots and flight engineers was $219,140"), which names
/// one population and so cuts no clause? The word before is a plural noun
/// and one to three more words end in "and" or "or" and a further word.
/// A comma before "and" (", and flight engineers") is a list's only when
/// the list's first comma was (`in_list`): else it may join two clauses.
fn in_noun_list(toks: &[Token<'_>], k: usize, in_list: bool) -> bool {
    let plural = |t: &Token<'_>| !t.capitalized && ends_in_plural_s(t.word());
    let lower_word = |at: usize| {
        toks.get(at)
            .is_some_and(|t| t.kind == TokenKind::Word && !t.capitalized)
    };
    // The first word of a sentence is capitalised whatever it is.
    let opens_list =
        |at: usize| plural(&toks[at]) || (at == 0 && ends_in_plural_s(toks[at].word()));
    if k == 0 || !opens_list(k - 1) || !lower_word(k + 1) {
        return false;
    }
    let joins = |at: usize| matches!(toks[at].word(), "and" | "or");
    if joins(k + 1) {
        return in_list && lower_word(k + 2);
    }
    // Items of one to three words follow, each a plural, up to "and" or
    // ", and" (a serial comma) and a last item: "buses, trains, ferries
    // and vans".
    // An item may be a mass noun ("lifeguards, ski patrol and other
    // recreational protective service workers") when the list ends in "and
    // other": a list of kinds of one thing.
    let mut mass_item = false;
    let mut at = k + 1;
    for _ in 0..MAX_LIST_ITEMS {
        let end = (at..(at + 3).min(toks.len()))
            .find(|&j| !lower_word(j) || joins(j))
            .unwrap_or((at + 3).min(toks.len()));
        // "balances, because law, medical and other programs ...": a
        // conjunction opens a clause, not an item.
        if end == at || end >= toks.len() || opens_a_clause(toks[at].word()) {
            return false;
        }
        mass_item |= !plural(&toks[end - 1]);
        let next = if toks[end].is_symbol(',') {
            end + 1
        } else {
            end
        };
        // The last item may be a name or an initialism ("phones,
        // consoles and PCs").
        if next < toks.len() && joins(next) {
            let last = toks.get(next + 1);
            return last.is_some_and(|t| t.kind == TokenKind::Word)
                && (!mass_item || last.is_some_and(|t| t.word() == "other"));
        }
        if !toks[end].is_symbol(',') {
            return false;
        }
        at = end + 1;
    }
    false
}

word_set!(
    /// Words that open a clause rather than a noun.
    opens_a_clause: [
    "because", "while", "whereas", "which", "who", "when", "where", "although", "though", "as",
    "since", "after", "before", "but", "so", "if", "that", "unless", "until",
]
);

/// The most items [`in_noun_list`] walks before giving up on a list.
const MAX_LIST_ITEMS: usize = 6;

/// Cuts a sentence's tokens into clause segments (token index ranges),
/// boundaries excluded. Empty segments are dropped.
pub(crate) fn segments(toks: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // The segment runs through a list of nouns whose commas were kept.
    let mut joined_list = false;
    for (k, tok) in toks.iter().enumerate() {
        // A dash glued on the left but spaced on the right ("2022 - 2032" is
        // rare; "growth - up 20%" is a clause dash) counts as a boundary too.
        let spaced_dash =
            (tok.is_symbol('-') || tok.is_symbol('–')) && toks.get(k + 1).is_some_and(|n| !n.glued);
        // "over 2022, 2023 and 2024": a comma inside a list of years.
        let year_at = |at: usize| toks.get(at).and_then(year_of).is_some();
        let between_years = tok.is_symbol(',')
            && k > 0
            && year_of(&toks[k - 1]).is_some()
            && (year_at(k + 1)
                || (toks.get(k + 1).is_some_and(|t| t.word() == "and") && year_at(k + 2)));
        // "as of December 1, 2024": the comma of a date.
        let in_date = tok.is_symbol(',')
            && k >= 2
            && year_at(k + 1)
            && toks[k - 1].kind == TokenKind::Number
            && month_number(toks[k - 2].word()).is_some();
        let listing = tok.is_symbol(',') && in_noun_list(toks, k, joined_list);
        joined_list = listing || (joined_list && !is_boundary(tok));
        if (is_boundary(tok) || spaced_dash) && !between_years && !in_date && !listing {
            if k > start {
                out.push(start..k);
            }
            start = k + 1;
        } else if tok.word() == "when" && k > start && year_of(&toks[k - 1]).is_some() {
            // "since 2019 when the average was $600": a clause of that
            // time opens at "when", comma or not.
            out.push(start..k);
            start = k;
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

    /// A list of plural nouns is one population, not clauses; commas
    /// between clauses still cut, ", and" only inside a list.
    #[test]
    fn segments_keep_dates_whole() {
        let text = "Capacity reached 12.4 billion bushels as of December 1, 2024, up 3% on 2023";
        let toks = tokenize(text, 0..text.len(), 0);
        let words: Vec<Vec<&str>> = segments(&toks)
            .into_iter()
            .map(|r| toks[r].iter().map(|t| t.lower.as_ref()).collect())
            .collect();
        assert_eq!(words.len(), 2, "{words:?}");
        assert_eq!(words[0].last(), Some(&"2024"));
    }

    #[test]
    fn segments_keep_lists_of_nouns_whole() {
        let cases = [
            (
                "the wage for airline pilots, copilots and flight engineers was $1",
                1,
            ),
            ("welders, cutters, and solderers earned $1", 1),
            (
                "riders took trips on buses, trains, ferries and vans in 2024",
                1,
            ),
            ("prices rose in most regions, and wages fell 2%", 2),
            ("In Texas, nurses and aides earn $1", 2),
            ("sales rose 5% in the regions, prices 3% and wages 2%", 2),
            // A mass noun among kinds of one thing, ending in "and other".
            (
                "the wage for lifeguards, ski patrol and other protective workers was $1",
                1,
            ),
            (
                "the wage for lifeguards, ski patrol and pool staff was $1",
                2,
            ),
            ("debts, because law, medical and other programs cost $1", 3),
        ];
        for (s, n) in cases {
            let toks = tokenize(s, 0..s.len(), 0);
            assert_eq!(segments(&toks).len(), n, "{s}");
        }
    }

    /// `hint_sentences` splits sentences as the two-pass pipeline (blanked
    /// copy, sentences) does, and leaves out only sentences that hold no
    /// quantity.
    #[test]
    fn hint_sentences_drop_only_sentences_without_quantities() {
        let pieces = [
            "Pay",
            " rose",
            " 3.5%",
            " in",
            " 2023",
            ".",
            " ",
            "  ",
            "e.g.",
            " U.S.",
            "!",
            "?",
            "\"",
            "'",
            ")",
            "(",
            "”",
            "’",
            " one in ",
            " Seven out of ",
            " quarter",
            " of",
            "s",
            " every",
            " five",
            "-",
            " the",
            "million",
            "Half",
            "PERCENT",
            "behalf",
            "_half",
            "*",
            "**",
            "`",
            "[",
            "]",
            "<",
            ">",
            "|",
            "\\",
            "\n",
            "é",
            "Inc.",
            " approx.",
            " it",
            " Next",
            "x1",
            "a.",
            " B.",
            "\t",
            "twelve",
            " per cent",
            "—",
        ];
        let mut rng = 11u64;
        let mut next = |n: usize| {
            rng = rng
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (rng >> 33) as usize % n
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(30) {
                text.push_str(pieces[next(pieces.len())]);
            }
            let boundaries: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let pick = |r: usize| boundaries[r % boundaries.len()];
            let (a, b) = (pick(next(1000)), pick(next(1000)));
            let block = a.min(b)..a.max(b);
            let mut masked = Vec::new();
            // Masked ranges (code spans, URLs, HTML) start and end at
            // markup, never inside a word.
            let bytes = text.as_bytes();
            let splits_word = |k: usize| {
                k > 0
                    && k < bytes.len()
                    && bytes[k - 1].is_ascii_alphanumeric()
                    && bytes[k].is_ascii_alphanumeric()
            };
            for _ in 0..next(3) {
                let (x, y) = (next(text.len() + 1), next(text.len() + 1));
                if !splits_word(x) && !splits_word(y) {
                    masked.push(x.min(y)..x.max(y));
                }
            }
            masked.sort_by_key(|r| r.start);
            let raw = &text[block.clone()];
            // Markup right after the numerator of a fraction ("**one** in
            // five") is a known gap of the hints.
            let lower = raw.to_ascii_lowercase();
            if COUNTED.iter().any(|number| {
                lower.match_indices(number).any(|(i, _)| {
                    lower
                        .as_bytes()
                        .get(i + number.len())
                        .is_some_and(|&b| is_markup(b))
                })
            }) {
                continue;
            }
            let cleaned = clean_block(&text, &block, &masked);
            let mut blanks = Vec::new();
            let mut got = Vec::new();
            hint_sentences(
                &text,
                &block,
                &masked,
                lower.as_bytes(),
                &mut blanks,
                &mut got,
            );
            let non_blank = |s: &Range<usize>| !cleaned[s.clone()].trim().is_empty();
            let got: Vec<_> = got.into_iter().filter(non_blank).collect();
            // Every sentence it leaves out holds no quantity.
            let mut left = got.iter().peekable();
            for s in sentences(&cleaned).into_iter().filter(non_blank) {
                if left.peek() == Some(&&s) {
                    left.next();
                    continue;
                }
                let toks = super::super::token::tokenize(&cleaned, s.clone(), 0);
                assert!(
                    super::super::number::find_quantities(&toks).is_empty(),
                    "{text:?} {block:?} {masked:?}: {s:?} dropped"
                );
            }
            assert_eq!(left.next(), None, "{text:?} {block:?} {masked:?}");
        }
    }

    #[test]
    fn number_words_are_hints_only_where_they_read_as_figures() {
        let kept = |t: &str| {
            let (mut blanks, mut out) = (Vec::new(), Vec::new());
            let lower = t.to_ascii_lowercase();
            hint_sentences(
                t,
                &(0..t.len()),
                &[],
                lower.as_bytes(),
                &mut blanks,
                &mut out,
            );
            !out.is_empty()
        };
        for t in [
            "one million new jobs",
            "roughly one in five",
            "Three out of\nfour adults",
            "a quarter of adults",
            "two-thirds of voters",
            "_half_ of them",
            "five per cent",
            "costs 3 dollars",
        ] {
            assert!(kept(t), "{t:?}");
        }
        for t in [
            "no numbers here... well, none",
            "someone in the office",
            "the one in the corner",
            "it grew every quarter",
            "the third time",
            "quarterly reports",
            "per year",
        ] {
            assert!(!kept(t), "{t:?}");
        }
    }
}
