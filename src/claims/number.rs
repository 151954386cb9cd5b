//! The number grammar: finds quantities in a token stream and normalises them
//! (value with its written precision, unit, scale, hedge interval).
//!
//! Covered: digits with separators and decimals, spelled-out numbers, scale
//! words and glued scales ("1.2M", "$95k"), currencies, percent and percentage
//! points, fractions ("one in five", "two-thirds of", "half of"), multipliers
//! ("doubled", "3x"), "six figures", ranges ("between X and Y", "X-Y") and
//! changes ("from X to Y"). Things that look numeric but are not claims (years,
//! list and rank numbers, sample sizes, durations, compound modifiers, small
//! bare counts) are rejected here. Time qualifiers are in `period.rs`; what the
//! quantity is about is in `subject.rs`.

use serde::Serialize;

use super::lexicon::ends_in_plural_s;
use super::subject::{is_down_word, is_up_word};
use super::token::{Token, TokenKind};

/// What a figure measures.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize, PartialOrd, Ord,
)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Percent (40 % -> 40.0).
    Percent,
    /// Percentage points, never compared with percent.
    Points,
    /// US dollars.
    Usd,
    /// Euros.
    Eur,
    /// Pounds sterling.
    Gbp,
    /// A plain count of things (jobs, people, positions).
    Count,
    /// A ratio such as "3x" or "three times".
    Times,
    /// A length of time, in minutes ("26.8 minutes", "4 h 37 min").
    Minutes,
    /// A length of time, in days ("a 4.5-day hospital stay", "44 days").
    Days,
    /// A length of time, in years ("12.6 years", "18 months").
    Years,
}

impl Unit {
    /// Is this a currency: dollars, euros or pounds?
    pub fn is_money(self) -> bool {
        matches!(self, Unit::Usd | Unit::Eur | Unit::Gbp)
    }

    /// Formats `v` in this unit the way an article would write it.
    pub fn format(self, v: f64) -> String {
        let mut out = String::new();
        self.write(&mut out, v);
        out
    }

    /// Appends [`Unit::format`] to `out`.
    pub(crate) fn write(self, out: &mut String, v: f64) {
        match self {
            Unit::Percent => {
                trim_float(out, v);
                out.push('%');
            }
            Unit::Points => {
                trim_float(out, v);
                out.push_str(" points");
            }
            Unit::Times => {
                trim_float(out, v);
                out.push('x');
            }
            Unit::Minutes => write_duration(out, v),
            // Weeks were read as days: "38.2 weeks" is shown as written.
            Unit::Days if v >= 14.0 && is_whole(v / 7.0 * 10.0) => {
                trim_float(out, (v / 7.0 * 10.0).round() / 10.0);
                out.push_str(" weeks");
            }
            Unit::Days => {
                trim_float(out, (v * 100.0).round() / 100.0);
                out.push_str(if v == 1.0 { " day" } else { " days" });
            }
            Unit::Years => {
                trim_float(out, (v * 100.0).round() / 100.0);
                out.push_str(if v == 1.0 { " year" } else { " years" });
            }
            // "16.5 cents", as it was written.
            Unit::Usd if v > 0.0 && v < 1.0 => {
                trim_float(out, (v * 1e6).round() / 1e4);
                out.push_str(" cents");
            }
            Unit::Usd | Unit::Eur | Unit::Gbp | Unit::Count => {
                out.push_str(match self {
                    Unit::Usd => "$",
                    Unit::Eur => "€",
                    Unit::Gbp => "£",
                    _ => "",
                });
                // "$36.90", not "$36.9": money below a million keeps its cents.
                let cents = (v.abs() * 100.0).round() as u64 % 100;
                if self != Unit::Count && v.abs() < 1e6 && cents != 0 {
                    use std::fmt::Write as _;
                    if v < 0.0 && v > -1.0 {
                        out.push('-');
                    }
                    scaled(out, v.trunc());
                    let _ = write!(out, ".{cents:02}");
                } else {
                    scaled(out, v);
                }
            }
        }
    }
}

/// Is `x` a whole number, within a floating-point error?
fn is_whole(x: f64) -> bool {
    (x - x.round()).abs() < 1e-6
}

/// "26.8 min", "4 h 37 min", "40 h".
fn write_duration(out: &mut String, minutes: f64) {
    let whole = minutes.trunc();
    if minutes.abs() < 60.0 || (minutes - whole).abs() > 1e-9 {
        trim_float(out, minutes);
        out.push_str(" min");
        return;
    }
    let hours = (whole / 60.0).trunc();
    let rest = whole - hours * 60.0;
    trim_float(out, hours);
    out.push_str(" h");
    if rest != 0.0 {
        out.push(' ');
        trim_float(out, rest);
        out.push_str(" min");
    }
}

/// "1.8 trillion", "4.8 million", "128,000".
fn scaled(out: &mut String, v: f64) {
    let a = v.abs();
    for (limit, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if a >= limit {
            trim_float(out, v / limit);
            out.push(' ');
            out.push_str(word);
            return;
        }
    }
    let rounded = v.round();
    if (v - rounded).abs() < 1e-9 && a < 1e15 {
        if v < 0.0 {
            out.push('-');
        }
        let mut digits = [0u8; 20];
        let n = write_digits(&mut digits, rounded.abs() as u64);
        for (i, &d) in digits[..n].iter().enumerate() {
            if i > 0 && (n - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(char::from(d));
        }
        return;
    }
    trim_float(out, v);
}

/// Writes the decimal digits of `n` at the start of `buf`; returns how many.
fn write_digits(buf: &mut [u8; 20], mut n: u64) -> usize {
    let mut tmp = [0u8; 20];
    let mut len = 0;
    loop {
        tmp[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for i in 0..len {
        buf[i] = tmp[len - 1 - i];
    }
    len
}

/// `v` with at most four decimals and no trailing zeros ("34.8", "1.25").
fn trim_float(out: &mut String, v: f64) {
    // Fast path for what figures usually are: positive, with few decimals.
    // `v * 1e4` is then within a rounding error of an integer `m`, and `{:.4}`
    // would print exactly `m / 1e4`.
    if v > 0.0 && v < 1e11 {
        let scaled = v * 1e4;
        let m = scaled.round();
        if (scaled - m).abs() < 1e-3 {
            let m = m as u64;
            let mut digits = [0u8; 20];
            let n = write_digits(&mut digits, m / 10_000);
            out.extend(digits[..n].iter().map(|&d| char::from(d)));
            let mut frac = m % 10_000;
            if frac != 0 {
                out.push('.');
                let mut places = 4;
                while frac.is_multiple_of(10) {
                    frac /= 10;
                    places -= 1;
                }
                let n = write_digits(&mut digits, frac);
                for _ in n..places {
                    out.push('0');
                }
                out.extend(digits[..n].iter().map(|&d| char::from(d)));
            }
            return;
        }
    }
    let s = format!("{:.4}", v);
    out.push_str(s.trim_end_matches('0').trim_end_matches('.'));
}

/// How a hedge word turns a figure into an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// No hedge: the figure up to its rounding.
    Exact,
    /// about, around, roughly, an estimated: v ± approx_tol.
    Approximate,
    /// more than, over, north of: (v, +inf).
    Above,
    /// at least, or more: [v, +inf).
    AtLeast,
    /// just over, slightly more than: (v, 1.1 v].
    JustOver,
    /// nearly, almost, just shy of: [0.9 v, v).
    Nearly,
    /// under, less than, below: [0, v).
    Below,
    /// up to, as many as, at most: [0, v]; a maximum, not a central value.
    UpTo,
}

impl Hedge {
    /// The words used when describing a hedged figure.
    pub fn label(self) -> &'static str {
        match self {
            Hedge::Exact => "",
            Hedge::Approximate => "about ",
            Hedge::Above => "more than ",
            Hedge::AtLeast => "at least ",
            Hedge::JustOver => "just over ",
            Hedge::Nearly => "nearly ",
            Hedge::Below => "less than ",
            Hedge::UpTo => "up to ",
        }
    }
}

/// Written forms of a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// One figure.
    Point,
    /// "between X and Y", "X-Y": an interval.
    Range,
    /// "from X to Y": one change claim.
    Change,
    /// "one in five", "two-thirds": a fraction written as words.
    Fraction,
    /// "six figures": an order of magnitude.
    Figures,
    /// "doubled", "halved": a change written as a multiplier verb.
    Multiplier,
}

/// A quantity found in a token stream, before subject and period are known.
#[derive(Debug, Clone)]
pub(crate) struct Quantity {
    /// Token index of the first token (currency or number).
    pub first: usize,
    /// Token index one past the last token (unit or scale included).
    pub last: usize,
    /// Central value.
    pub value: f64,
    /// Written interval before hedging (equal to value for points).
    pub lo: f64,
    /// Upper end of the written interval.
    pub hi: f64,
    /// Half a unit of the last written digit, capped, in value units.
    pub rounding: f64,
    /// Unit.
    pub unit: Unit,
    /// The digits as written, scale removed ("1.8" for "$1.8 trillion").
    pub mantissa: f64,
    /// Power of ten of the scale word (12 for trillion, 0 when none).
    pub scale: i32,
    /// Start value of a "from X to Y" change.
    pub from: Option<f64>,
    /// Written form.
    pub form: Form,
    /// Hedge applied by the surrounding words.
    pub hedge: Hedge,
    /// Token index of the first hedge token (equals `first` when none).
    pub hedge_first: usize,
    /// Direction implied by the form itself (doubled +1, halved -1).
    pub implied_direction: i8,
}

/// Value of a spelled-out number ("seven", "twenty-five"), if it is one.
pub(crate) fn number_word(word: &str) -> Option<f64> {
    if word.len() > 3 && word.as_bytes()[3..].contains(&b'-') {
        let (tens, ones) = word.split_once('-')?;
        let t = lookup_small(tens)?;
        let o = lookup_small(ones)?;
        return ((20.0..100.0).contains(&t) && t % 10.0 == 0.0 && o < 10.0).then_some(t + o);
    }
    lookup_small(word)
}

fn lookup_small(word: &str) -> Option<f64> {
    if !(3..=9).contains(&word.len())
        || !matches!(
            word.as_bytes()[0],
            b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'h'
        )
    {
        return None;
    }
    // A match compiles to a length-then-bytes dispatch: this runs on every
    // token of every sentence that holds a digit.
    let v = match word {
        "zero" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        _ => return None,
    };
    Some(v)
}

/// Power of ten of a scale word, if `word` is one. `glued` allows the short
/// forms that are only scales when written against the digits ("1.2m").
fn scale_word(word: &str, glued: bool, currency: bool) -> Option<i32> {
    match word {
        "thousand" => Some(3),
        "million" | "mln" | "mn" => Some(6),
        "billion" | "bn" | "bln" => Some(9),
        "trillion" | "tn" | "tln" => Some(12),
        "k" if glued || currency => Some(3),
        "m" if glued || currency => Some(6),
        "b" if glued || currency => Some(9),
        _ => None,
    }
}

/// Denominators of fractions written as words.
fn denominator_word(word: &str) -> Option<f64> {
    match word {
        "half" | "halves" => Some(2.0),
        "third" | "thirds" => Some(3.0),
        "quarter" | "quarters" | "fourth" | "fourths" => Some(4.0),
        "fifth" | "fifths" => Some(5.0),
        "tenth" | "tenths" => Some(10.0),
        _ => None,
    }
}

/// A parsed numeral: value, decimals written, and whether it came from words.
#[derive(Debug, Clone, Copy)]
struct Numeral {
    value: f64,
    /// Half a unit of the last written digit.
    rounding: f64,
    words: bool,
}

/// The value of a number written in digits ("1,200", "3.5").
pub(crate) fn digits_value(tok: &Token<'_>) -> Option<f64> {
    (tok.kind == TokenKind::Number)
        .then(|| parse_numeral(tok))
        .flatten()
        .map(|n| n.value)
}

fn parse_numeral(tok: &Token<'_>) -> Option<Numeral> {
    match tok.kind {
        TokenKind::Number => {
            // Number tokens are ASCII digits, commas and dots; drop the commas
            // on the stack when they fit.
            let mut buf = [0u8; 48];
            let owned: String;
            let lower: &str = &tok.lower;
            let plain: &str = if !lower.as_bytes().contains(&b',') {
                lower
            } else if lower.len() <= buf.len() {
                let mut n = 0;
                for &b in lower.as_bytes().iter().filter(|&&b| b != b',') {
                    buf[n] = b;
                    n += 1;
                }
                std::str::from_utf8(&buf[..n]).ok()?
            } else {
                owned = lower.chars().filter(|c| *c != ',').collect();
                &owned
            };
            let value: f64 = plain.parse().ok()?;
            let rounding = match plain.split_once('.') {
                Some((_, dec)) => 0.5 * 10f64.powi(-(dec.len() as i32)),
                None => {
                    // Trailing zeros of an integer are read as rounding: 128,000 is
                    // "128 thousand" give or take 500.
                    let zeros = plain.len() - plain.trim_end_matches('0').len();
                    let zeros = zeros.min(plain.len().saturating_sub(1));
                    0.5 * 10f64.powi(zeros as i32)
                }
            };
            Some(Numeral {
                value,
                rounding,
                words: false,
            })
        }
        TokenKind::Word => number_word(&tok.lower).map(|value| Numeral {
            value,
            rounding: 0.5,
            words: true,
        }),
        TokenKind::Symbol => None,
    }
}

pub(crate) fn currency_symbol(tok: &Token<'_>) -> Option<Unit> {
    if tok.is_symbol('$') {
        Some(Unit::Usd)
    } else if tok.is_symbol('€') {
        Some(Unit::Eur)
    } else if tok.is_symbol('£') {
        Some(Unit::Gbp)
    } else {
        match tok.word() {
            "usd" | "us$" => Some(Unit::Usd),
            "eur" => Some(Unit::Eur),
            "gbp" => Some(Unit::Gbp),
            _ => None,
        }
    }
}

/// A magnitude with its unit, before ranges and hedges.
#[derive(Debug, Clone, Copy)]
struct Simple {
    first: usize,
    last: usize,
    numeral: Numeral,
    scale: i32,
    unit: Option<Unit>,
    has_currency: bool,
}

impl Simple {
    fn value(&self) -> f64 {
        self.numeral.value * 10f64.powi(self.scale)
    }
}

/// The scale of an amount in cents: a hundredth of the currency unit.
const CENTS: i32 = -2;

/// `[currency] numeral [scale] [unit]` starting at `i`.
fn parse_simple(toks: &[Token<'_>], i: usize) -> Option<Simple> {
    let mut k = i;
    let mut unit = None;
    let mut has_currency = false;
    if let Some(c) = toks.get(k).and_then(currency_symbol) {
        unit = Some(c);
        has_currency = true;
        k += 1;
    }
    let tok = toks.get(k)?;
    let (numeral, mut next) = if matches!(tok.word(), "a" | "an") {
        // "a million", "half a million"
        let scale_tok = toks.get(k + 1)?;
        scale_word(scale_tok.word(), false, has_currency)?;
        (
            Numeral {
                value: 1.0,
                rounding: 0.5,
                words: true,
            },
            k + 1,
        )
    } else if tok.word() == "half" && toks.get(k + 1).is_some_and(|t| t.word() == "a") {
        let scale_tok = toks.get(k + 2)?;
        scale_word(scale_tok.word(), false, has_currency)?;
        (
            Numeral {
                value: 0.5,
                rounding: 0.05,
                words: true,
            },
            k + 2,
        )
    } else {
        (parse_numeral(tok)?, k + 1)
    };
    let mut scale = 0;
    if let Some(s) = toks
        .get(next)
        .and_then(|t| scale_word(t.word(), t.glued, has_currency))
    {
        scale = s;
        next += 1;
        // "1.2 million" written as "1.2 million" keeps rounding of the mantissa.
    }
    if let Some(t) = toks.get(next) {
        if t.is_symbol('%') || matches!(t.word(), "percent" | "pct") {
            unit = Some(Unit::Percent);
            next += 1;
        } else if t.word() == "per" && toks.get(next + 1).is_some_and(|n| n.word() == "cent") {
            unit = Some(Unit::Percent);
            next += 2;
        } else if t.word() == "percentage"
            && toks
                .get(next + 1)
                .is_some_and(|n| matches!(n.word(), "point" | "points"))
        {
            unit = Some(Unit::Points);
            next += 2;
        } else if matches!(t.word(), "pp" | "ppt" | "ppts") {
            unit = Some(Unit::Points);
            next += 1;
        } else if unit.is_none() && scale == 0 && matches!(t.word(), "cents" | "cent") {
            // "16.5 cents per kilowatt-hour" is $0.165.
            unit = Some(Unit::Usd);
            scale = CENTS;
            next += 1;
        } else if unit.is_none() && matches!(t.word(), "dollars" | "usd") {
            unit = Some(Unit::Usd);
            next += 1;
        } else if unit.is_none() && matches!(t.word(), "euros" | "eur") {
            unit = Some(Unit::Eur);
            next += 1;
        }
    }
    Some(Simple {
        first: i,
        last: next,
        numeral,
        scale,
        unit,
        has_currency,
    })
}

/// The word `back` tokens before `q` and its hedge, lowercased ("" before
/// the sentence).
fn word_before<'t>(toks: &'t [Token<'_>], q: &Quantity, back: usize) -> &'t str {
    q.hedge_first
        .checked_sub(back)
        .and_then(|k| toks.get(k))
        .map_or("", |t| t.lower.as_ref())
}

/// "143 rural hospitals closed in 2023", "- **Clinics closed since 2010**:
/// 143": a whole number in the hundreds, written in figures and counting
/// the things named after it (or closing a list item's label), in a
/// sentence that names a year. Undated, such numbers are more often ranks,
/// list sizes and examples ("the 500 largest companies").
fn is_dated_hundreds(toks: &[Token<'_>], q: &Quantity, after: &str) -> bool {
    let first = &toks[q.first];
    // "143 rural emergency departments", "230 accredited entry-level
    // occupational therapy programs": a plural noun within a few words
    // ("the S&P 500 returned", "its 504 program" name one thing).
    let counts_things = toks[q.last..]
        .iter()
        .take(COUNTED_NOUN_REACH)
        .take_while(|t| t.kind == TokenKind::Word)
        .any(|t| ends_in_plural_s(&t.lower) || is_plural_without_s(&t.lower))
        || (after.is_empty() && q.hedge_first > 0 && toks[q.hedge_first - 1].lower == ":");
    // "a total of 143 hospitals" counts them; "one of 143 hospitals" names one.
    let before = match word_before(toks, q, 1) {
        // "an average of 129 guests" counts them too.
        "of" if matches!(
            word_before(toks, q, 2),
            "total" | "average" | "median" | "mean"
        ) =>
        {
            ""
        }
        word => word,
    };
    // "There are roughly 40 commercial battery recycling facilities in the
    // United States": said to exist across the nation, even a count in the
    // tens is a statistic.
    let digits = first.lower.len();
    let national_tens = digits == 2 && says_there_are(toks, q) && names_the_nation(toks);
    q.form == Form::Point
        && q.last == q.first + 1
        && (digits == 3 || national_tens)
        && first.lower.bytes().all(|b| b.is_ascii_digit())
        // "911 calls", "the 988 line": phone codes (N11 and 988) are names
        // of what follows them; "711 jets" is a count.
        && !((first.lower.ends_with("11") || first.lower == "988") && is_phone_service(after))
        && counts_things
        && !matches!(
            before,
            "the" | "top" | "these" | "those" | "all" | "of" | "most" | "its" | "their" | "our" | "each" | "every"
        )
        && (toks.iter().any(|t| year_of(t).is_some()) || says_there_are(toks, q))
}

/// Does a sentence say its figure is the whole country's ("nationwide", "in
/// the United States", "across the country")?
fn names_the_nation(toks: &[Token<'_>]) -> bool {
    toks.iter().enumerate().any(|(k, t)| {
        let before = k.checked_sub(1).map_or("", |p| toks[p].word());
        match t.word() {
            "nationwide" | "nationally" => true,
            "states" => before == "united",
            "country" => before == "the",
            _ => false,
        }
    })
}

/// The most words from a count in the hundreds to the plural noun it counts.
const COUNTED_NOUN_REACH: usize = 6;

/// "There are roughly 950 cideries in the country", "there were about 400
/// accredited programs": a count that a sentence says exists is the
/// number of those things, a statistic with no year written. Not "one of
/// the 500 largest companies", which the determiner test above refuses.
fn says_there_are(toks: &[Token<'_>], q: &Quantity) -> bool {
    let mut back = 1;
    // "there are now about 950", "there are currently 400".
    while matches!(
        word_before(toks, q, back),
        "now" | "currently" | "still" | "today"
    ) {
        back += 1;
    }
    matches!(word_before(toks, q, back), "are" | "were" | "is" | "was")
        && word_before(toks, q, back + 1) == "there"
}

word_set!(
    /// What a phone code names: "911 calls", "the 988 line".
    is_phone_service: [
        "call", "calls", "line", "lines", "service", "services", "request", "requests",
        "operator", "operators", "dispatcher", "dispatchers", "center", "centers", "centre",
        "centres", "system", "number", "hotline"
    ]
);

word_set!(
    /// Plural nouns that do not end in "s": "766 aircraft", "300 people".
    is_plural_without_s: [
        "aircraft", "people", "staff", "personnel", "children", "men", "women",
        "cattle", "livestock", "sheep", "fish", "deer", "geese", "mice", "teeth", "feet"
    ]
);

/// The base of a rate whose figure ends at token `end`: the number after
/// "per" or "for every" within a few words ("450 burglaries per 100,000
/// residents" -> 100,000). Only a base of 100 or more written in digits,
/// so "per 2 hours" and "per person" are no rates.
pub(crate) fn rate_base(toks: &[Token<'_>], end: usize) -> Option<f64> {
    // "**6.1.** Mishandled bags for every 1,000 carried": a figure told by
    // the clause after its colon.
    let end = end + usize::from(toks.get(end).is_some_and(|t| t.is_symbol(':')));
    for (k, t) in toks.get(end..)?.iter().take(RATE_REACH).enumerate() {
        let at = end + k;
        let opens_base =
            t.word() == "per" || (t.word() == "every" && k > 0 && toks[at - 1].word() == "for");
        if opens_base {
            let base = toks.get(at + 1).and_then(digits_value)?;
            return (base >= 100.0).then_some(base);
        }
        if t.kind != TokenKind::Word {
            return None;
        }
    }
    None
}

/// How many tokens after a figure "per" may come for its base to make it a
/// rate ("6.1 mishandled bags per 1,000").
const RATE_REACH: usize = 5;

/// Is `tok` a year: four digits (1900-2100, no separators), a fiscal year
/// ("FY2024", "FY24") or a part of a year ("mid-2024") written as one word?
pub(crate) fn year_of(tok: &Token<'_>) -> Option<i32> {
    // "FY2024", "FY24": a fiscal year, written as one word; "mid-2024",
    // "late-2023": a part of a year, written as one word.
    if tok.kind == TokenKind::Word {
        // Most words end in a letter: one test.
        if !tok.lower.as_bytes().last().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        if let Some((part, digits)) = tok.lower.rsplit_once('-')
            && matches!(
                part,
                "mid" | "late" | "early" | "end" | "yearend" | "year-end"
            )
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            return digits.parse().ok().filter(|y| (1900..=2100).contains(y));
        }
        let digits = tok.lower.strip_prefix("fy")?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return match digits.len() {
            2 => digits.parse::<i32>().ok().map(|y| 2000 + y),
            4 => digits.parse().ok().filter(|y| (1900..=2100).contains(y)),
            _ => None,
        };
    }
    if tok.kind != TokenKind::Number || tok.lower.len() != 4 {
        return None;
    }
    let y: i32 = tok.lower.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// Multi-word hedges, matched right before the quantity (longest first).
const HEDGES_BEFORE: &[(&[&str], Hedge)] = &[
    (&["slightly", "more", "than"], Hedge::JustOver),
    (&["a", "little", "over"], Hedge::JustOver),
    (&["a", "little", "more", "than"], Hedge::JustOver),
    (&["just", "north", "of"], Hedge::JustOver),
    (&["just", "over"], Hedge::JustOver),
    (&["just", "above"], Hedge::JustOver),
    (&["slightly", "over"], Hedge::JustOver),
    (&["just", "shy", "of"], Hedge::Nearly),
    (&["just", "under"], Hedge::Nearly),
    (&["just", "below"], Hedge::Nearly),
    (&["not", "quite"], Hedge::Nearly),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["well", "over"], Hedge::Above),
    (&["well", "above"], Hedge::Above),
    (&["more", "than"], Hedge::Above),
    (&["greater", "than"], Hedge::Above),
    (&["north", "of"], Hedge::Above),
    (&["upwards", "of"], Hedge::Above),
    (&["upward", "of"], Hedge::Above),
    (&["in", "excess", "of"], Hedge::Above),
    (&["over"], Hedge::Above),
    (&["above"], Hedge::Above),
    (&["exceeding"], Hedge::Above),
    (&["exceed"], Hedge::Above),
    (&["exceeds"], Hedge::Above),
    (&["surpass"], Hedge::Above),
    (&["surpassing"], Hedge::Above),
    (&["at", "least"], Hedge::AtLeast),
    (&["no", "fewer", "than"], Hedge::AtLeast),
    (&["no", "less", "than"], Hedge::AtLeast),
    (&["a", "minimum", "of"], Hedge::AtLeast),
    (&["less", "than"], Hedge::Below),
    (&["fewer", "than"], Hedge::Below),
    (&["under"], Hedge::Below),
    (&["below"], Hedge::Below),
    (&["up", "to"], Hedge::UpTo),
    (&["as", "many", "as"], Hedge::UpTo),
    (&["as", "much", "as"], Hedge::UpTo),
    (&["as", "high", "as"], Hedge::UpTo),
    (&["at", "most"], Hedge::UpTo),
    (&["no", "more", "than"], Hedge::UpTo),
    (&["a", "maximum", "of"], Hedge::UpTo),
    (&["an", "estimated"], Hedge::Approximate),
    (&["close", "to"], Hedge::Approximate),
    (&["closer", "to"], Hedge::Approximate),
    (&["in", "the", "region", "of"], Hedge::Approximate),
    (&["on", "the", "order", "of"], Hedge::Approximate),
    (&["about"], Hedge::Approximate),
    (&["around"], Hedge::Approximate),
    (&["roughly"], Hedge::Approximate),
    (&["approximately"], Hedge::Approximate),
    (&["approx"], Hedge::Approximate),
    (&["some"], Hedge::Approximate),
    (&["circa"], Hedge::Approximate),
    (&["near"], Hedge::Approximate),
    (&["~"], Hedge::Approximate),
];

word_set!(
    /// One-word hedges of a rough figure that may stand inside a phrase of
    /// change ("by roughly two-thirds", "to about 12%").
    is_rough_hedge: ["about", "roughly", "around", "nearly", "almost", "approximately"]
);

word_set!(
    /// Words that are only emphasis between a hedge and its figure ("a healthy").
    is_filler: ["a", "an", "impressive", "healthy", "whopping", "staggering", "estimated", "astounding"]
);

word_set!(
    /// The last word of every entry of [`HEDGES_BEFORE`].
    is_hedge_end: [
    "than", "over", "of", "above", "under", "below", "quite", "nearly", "almost", "exceeding", "exceed",
    "exceeds", "surpass", "surpassing", "least", "to", "as", "most", "estimated", "about", "around",
    "roughly", "approximately", "approx", "some", "circa", "near", "~",
]
);

/// The hedge written right before token `first` ("more than", "up to")
/// and the index of its first token (`first` when there is none).
pub(crate) fn hedge_before(toks: &[Token<'_>], first: usize) -> (Hedge, usize) {
    // Skip emphasis words ("by an impressive 36%") before looking for a hedge.
    let mut end = first;
    while end > 0 && is_filler(toks[end - 1].word()) && first - end < 2 {
        if toks[end - 1].word() == "estimated" {
            return (Hedge::Approximate, end - 1);
        }
        end -= 1;
    }
    // Every hedge ends with one of a few words: most figures stop here.
    if end == 0 || !is_hedge_end(&toks[end - 1].lower) {
        return (Hedge::Exact, first);
    }
    for (words, hedge) in HEDGES_BEFORE {
        let n = words.len();
        if end < n {
            continue;
        }
        let matches = words
            .iter()
            .enumerate()
            .all(|(j, w)| toks[end - n + j].lower == *w);
        // "Airbus handed over 711 jets": "over" finishes a verb there.
        let particle = words == &["over"] && end >= 2 && is_verb_taking_over(toks[end - 2].word());
        if matches && !particle {
            return (*hedge, end - n);
        }
    }
    (Hedge::Exact, first)
}

word_set!(
    /// Verbs that "over" completes ("handed over", "turned over", "signed
    /// over"), so that "over" before a figure is no hedge. Not "paid",
    /// "held" or "took": "paid over $50 billion" is more than that.
    is_verb_taking_over: [
        "hand", "hands", "handed", "handing", "turn", "turns", "turned", "turning", "sign",
        "signs", "signed", "signing", "fork", "forks", "forked", "forking"
    ]
);

/// The hedge written right after a figure that ends before `last` ("or
/// more", "+"), with the index one past it.
pub(crate) fn hedge_after(toks: &[Token<'_>], last: usize) -> Option<(Hedge, usize)> {
    let t = toks.get(last)?;
    if t.is_symbol('+') || t.word() == "plus" {
        return Some((Hedge::AtLeast, last + 1));
    }
    let n = toks.get(last + 1).map(|t| t.word());
    match (t.word(), n) {
        ("or", Some("more")) | ("or", Some("higher")) | ("or", Some("above")) => {
            Some((Hedge::AtLeast, last + 2))
        }
        ("or", Some("so")) => Some((Hedge::Approximate, last + 2)),
        ("or", Some("less")) | ("or", Some("fewer")) | ("or", Some("below")) => {
            Some((Hedge::UpTo, last + 2))
        }
        _ => None,
    }
}

word_set!(
    /// Words before a number that make it a label, rank or version, not a claim.
    is_label_word: [
    "step", "steps", "tip", "tips", "no", "no.", "number", "#", "version", "v", "chapter", "part", "phase", "level",
    "tier", "grade", "class", "type", "model", "rank", "ranked", "top", "page", "section", "item", "rule", "figure",
    "table", "round", "day", "week", "season", "series", "iphone", "windows", "python", "gen", "generation", "web",
]
);

word_set!(
    /// Words that, right before "of", mean the number after is a sample size.
    is_sample_noun: [
    "survey", "poll", "study", "sample", "census", "panel", "questionnaire", "analysis", "review", "interviews",
]
);
word_set!(
    /// Verbs whose object is a sample size.
    is_sample_verb: ["surveyed", "polled", "interviewed", "sampled", "questioned", "asked", "surveying", "polling"]
);
word_set!(
    /// Nouns after a number that mark it as a sample size.
    is_sample_after: ["respondents", "participants", "interviewees"]
);
word_set!(
    /// Nouns after a bare number that make it a duration or an age, not a claim.
    is_time_unit: [
    "year", "years", "month", "months", "week", "weeks", "day", "days", "hour", "hours", "minute", "minutes", "second",
    "seconds", "decade", "decades", "am", "pm", "a.m.", "p.m.", "o'clock",
]
);

word_set!(
    /// Units of measure of energy, power, mass, area, volume, data and data
    /// speed, as written after an amount ("6.8 gigawatts", "12 GWh", "40
    /// tonnes", "19 GB", "300 Mbps").
    is_measure_unit: [
    "kw", "kwh", "mw", "mwh", "gw", "gwh", "tw", "twh", "kilowatt", "kilowatts", "megawatt", "megawatts",
    "gigawatt", "gigawatts", "terawatt", "terawatts", "kilowatt-hours", "megawatt-hours", "gigawatt-hours",
    "terawatt-hours", "ton", "tons", "tonne", "tonnes", "acre", "acres", "hectare", "hectares", "barrel",
    "barrels", "gallon", "gallons", "liter", "liters", "litre", "litres", "kb", "mb", "gb", "tb", "pb",
    "kilobyte", "kilobytes", "megabyte", "megabytes", "gigabyte", "gigabytes", "terabyte", "terabytes",
    "mbps", "gbps", "kbps",
]
);

/// Can a quantity start at this token? A cheap necessary condition for
/// [`parse_at`] to find one (a number, a currency, a number word, "a", "half",
/// "between", a multiplier verb, or a hyphenated word such as "two-thirds"
/// or "six-figure"), checked before the full grammar runs.
fn may_start_quantity(tok: &Token<'_>) -> bool {
    match tok.kind {
        TokenKind::Number => true,
        TokenKind::Symbol => tok.is_symbol('$') || tok.is_symbol('€') || tok.is_symbol('£'),
        TokenKind::Word => {
            let w: &str = &tok.lower;
            matches!(
                w,
                "a" | "an"
                    | "half"
                    | "halves"
                    | "between"
                    | "usd"
                    | "us$"
                    | "eur"
                    | "gbp"
                    | "doubled"
                    | "tripled"
                    | "trebled"
                    | "quadrupled"
                    | "halved"
                    | "double"
                    | "triple"
                    | "quadruple"
            ) || w.as_bytes().contains(&b'-')
                || lookup_small(w).is_some()
        }
    }
}

/// Scans `toks` and returns every quantity that may be a claim.
pub(crate) fn find_quantities(toks: &[Token<'_>]) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    // Where the last earlier value of a change ended ("up from $48,000 in
    // 2021"), while the next figure may continue its list.
    let mut baseline_end: Option<usize> = None;
    let mut i = 0;
    while i < toks.len() {
        if !may_start_quantity(&toks[i]) {
            i += 1;
            continue;
        }
        match parse_at(toks, i) {
            Some(q) => {
                i = q.last.max(i + 1);
                if is_baseline(toks, &q)
                    || baseline_end.is_some_and(|e| continues_list(toks, e, &q))
                {
                    baseline_end = Some(q.last);
                    continue;
                }
                baseline_end = None;
                if keep(toks, &q) {
                    out.push(q);
                }
            }
            None => i += 1,
        }
    }
    out
}

/// "up from 5%": the earlier value of a change, not a claim of its own.
fn is_baseline(toks: &[Token<'_>], q: &Quantity) -> bool {
    q.form == Form::Point
        && q.hedge_first
            .checked_sub(1)
            .is_some_and(|k| toks[k].word() == "from")
}

/// Is `q` the next item of a list of earlier values that ended at token
/// `end` ("up from $48,000 in 2021 and $45,000 in 2019")? Only their
/// years, "in" and the joining words may stand between.
fn continues_list(toks: &[Token<'_>], end: usize, q: &Quantity) -> bool {
    let between = toks.get(end..q.hedge_first).unwrap_or_default();
    let joined = between
        .iter()
        .any(|t| matches!(t.word(), "and" | "or") || t.is_symbol(','));
    joined
        && q.form == Form::Point
        && between.iter().all(|t| {
            matches!(t.word(), "and" | "or" | "in" | "by")
                || t.is_symbol(',')
                || year_of(t).is_some()
        })
}

/// Tries every quantity form at token `i`.
fn parse_at(toks: &[Token<'_>], i: usize) -> Option<Quantity> {
    let tok = &toks[i];
    let w = tok.word();
    // Multiplier verbs.
    let multiplier = match w {
        "doubled" => Some((100.0, 1)),
        "tripled" | "trebled" => Some((200.0, 1)),
        "quadrupled" => Some((300.0, 1)),
        "halved" => Some((50.0, -1)),
        "double" | "triple" | "quadruple"
            if i > 0
                && matches!(
                    toks[i - 1].word(),
                    "will" | "to" | "could" | "would" | "may" | "might" | "should"
                ) =>
        {
            let v = match w {
                "double" => 100.0,
                "triple" => 200.0,
                _ => 300.0,
            };
            Some((v, 1))
        }
        _ => None,
    };
    if let Some((v, dir)) = multiplier {
        return Some(finish(
            toks,
            i,
            i + 1,
            v,
            v,
            v,
            0.5,
            Unit::Percent,
            v,
            0,
            None,
            Form::Multiplier,
            dir,
        ));
    }
    // "fell by roughly two-thirds", "cut by half": a change by a fraction.
    if let Some((v, last)) = fraction_after_by(toks, i) {
        return Some(finish(
            toks,
            i,
            last,
            v,
            v,
            v,
            0.5,
            Unit::Percent,
            v,
            0,
            None,
            Form::Multiplier,
            0,
        ));
    }
    // "six figures", "six-figure", "seven-figure".
    if let Some(q) = parse_figures(toks, i) {
        return Some(q);
    }
    // "between X and Y"
    if w == "between" {
        let a = parse_simple(toks, i + 1)?;
        if toks.get(a.last).map(|t| t.word()) != Some("and") {
            return None;
        }
        // "between $80,000 and over $200,000": the upper end may be hedged.
        let mut upper = a.last + 1;
        while toks.get(upper).is_some_and(|t| {
            matches!(
                t.word(),
                "over"
                    | "about"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "under"
                    | "more"
                    | "less"
                    | "than"
            )
        }) {
            upper += 1;
        }
        let b = parse_simple(toks, upper)?;
        if year_like(toks, &a) || year_like(toks, &b) {
            return None;
        }
        return range_of(toks, i, a, b, Form::Range);
    }
    // Fractions: "one in five", "1 in 4", "three out of four", "two-thirds of",
    // "a third of", "half of".
    if let Some(q) = parse_fraction(toks, i) {
        return Some(q);
    }
    let a = parse_simple(toks, i)?;
    if a.numeral.words && a.scale == 0 && a.unit.is_none() && duration(toks, &a).is_none() {
        // "three", "ten": spelled-out small numbers are not quantities alone
        // ("eight and a half hours" is a length of time, kept when measured).
        return None;
    }
    if year_like(toks, &a) {
        return None;
    }
    // "Nx", "N-fold", "N times".
    if a.unit.is_none()
        && a.scale == 0
        && let Some(t) = toks.get(a.last)
        && ((t.word() == "x" && t.glued) || t.word() == "times" || t.word() == "fold")
    {
        let v = a.numeral.value;
        return Some(finish(
            toks,
            i,
            a.last + 1,
            v,
            v,
            v,
            a.numeral.rounding,
            Unit::Times,
            v,
            0,
            None,
            Form::Point,
            0,
        ));
    }
    // "26.8 minutes", "4 hours 48 minutes", "4 h 37 min", "12.6 years".
    if a.unit.is_none()
        && a.scale == 0
        && let Some((length, last, rounding, unit)) = duration(toks, &a)
    {
        return Some(finish(
            toks,
            i,
            last,
            length,
            length,
            length,
            rounding,
            unit,
            length,
            0,
            None,
            Form::Point,
            0,
        ));
    }
    // "The median age of a nurse was 46", "**Average age** of a player:
    // 36": the value of an average age is in years.
    if a.unit.is_none()
        && a.scale == 0
        && !a.numeral.words
        && is_age_value(toks, i, a.numeral.value)
    {
        let v = a.numeral.value;
        return Some(finish(
            toks,
            i,
            a.last,
            v,
            v,
            v,
            a.numeral.rounding,
            Unit::Years,
            v,
            0,
            None,
            Form::Point,
            0,
        ));
    }
    // "from X to Y" is one change; "X to Y" or "X-Y" without "from" is a
    // range, and so are "ranges from X to Y" and "fees run from X to Y" (a
    // spread, not a movement).
    // "Cloud Run from 10% to 17%": a name, not the verb.
    let spread = i > 1
        && !toks[i - 2].capitalized
        && matches!(
            toks[i - 2].word(),
            "range"
                | "ranges"
                | "ranged"
                | "ranging"
                | "vary"
                | "varies"
                | "varied"
                | "varying"
                | "run"
                | "runs"
                | "span"
                | "spans"
        );
    let from_before = i > 0 && toks[i - 1].word() == "from" && !spread;
    // "from 59% in 2012 to 54% in 2022": the start's year sits between.
    let joint = if from_before
        && toks.get(a.last).is_some_and(|t| t.word() == "in")
        && toks.get(a.last + 1).is_some_and(|t| year_of(t).is_some())
        && toks.get(a.last + 2).is_some_and(|t| t.word() == "to")
    {
        a.last + 2
    } else {
        a.last
    };
    if let Some(t) = toks.get(joint) {
        // A spaced em dash breaks the clause ("Acer Aspire 5 — $549"); only
        // one written tight joins a range ("1990—2000").
        let tight = t.glued && toks.get(joint + 1).is_some_and(|n| n.glued);
        let dash = t.is_symbol('-') || t.is_symbol('–') || (t.is_symbol('—') && tight);
        // "from 37% in 1990 to about 12% today": the end may be hedged.
        let hedged = from_before
            && t.word() == "to"
            && toks
                .get(joint + 1)
                .is_some_and(|h| is_rough_hedge(h.word()));
        if (dash || t.word() == "to")
            && let Some(b) = parse_simple(toks, joint + 1 + usize::from(hedged))
        {
            let both_numbers = !(b.numeral.words && b.scale == 0 && b.unit.is_none());
            if both_numbers && !year_like(toks, &b) {
                let form = if from_before {
                    Form::Change
                } else {
                    Form::Range
                };
                if let Some(q) = range_of(toks, i, a, b, form) {
                    return Some(q);
                }
            }
        }
    }
    let unit = a.unit.unwrap_or(Unit::Count);
    let v = a.value();
    let rounding = a.numeral.rounding * 10f64.powi(a.scale);
    Some(finish(
        toks,
        i,
        a.last,
        v,
        v,
        v,
        rounding,
        unit,
        a.numeral.value,
        a.scale,
        None,
        Form::Point,
        0,
    ))
}

/// A bare 4-digit number in the year range, with no currency, unit or scale.
fn year_like(toks: &[Token<'_>], s: &Simple) -> bool {
    s.unit.is_none() && s.scale == 0 && !s.has_currency && year_of(&toks[s.first]).is_some()
}

fn range_of(
    toks: &[Token<'_>],
    start: usize,
    a: Simple,
    b: Simple,
    form: Form,
) -> Option<Quantity> {
    // A magnitude written on one side applies to both: "1-2 million", "10-15%",
    // "$80,000-95,000".
    let scale_a = if a.scale == 0 { b.scale } else { a.scale };
    let scale_b = if b.scale == 0 { a.scale } else { b.scale };
    // "awarded $12.4 million to 690 communities": a bare number ten times
    // the first one's digits does not take its scale; it counts something
    // else.
    if b.scale == 0 && a.scale != 0 && b.unit.is_none() && b.numeral.value > 10.0 * a.numeral.value
    {
        return None;
    }
    // A unit written after the number goes on the last side of a range
    // ("10-15%") or on both; on the first side only, the second number is
    // something else: "attendance climbed 6% to 41,000".
    if b.unit.is_none() && matches!(a.unit, Some(Unit::Percent | Unit::Points)) {
        return None;
    }
    let unit = b.unit.or(a.unit);
    let unit_a = a.unit.or(unit);
    if unit_a != unit {
        return None;
    }
    let lo = a.numeral.value * 10f64.powi(scale_a);
    let hi = b.numeral.value * 10f64.powi(scale_b);
    let unit = unit.unwrap_or(Unit::Count);
    let rounding = b.numeral.rounding * 10f64.powi(scale_b);
    let q = if form == Form::Change {
        finish(
            toks,
            start,
            b.last,
            hi,
            hi,
            hi,
            rounding,
            unit,
            b.numeral.value,
            scale_b,
            Some(lo),
            form,
            0,
        )
    } else {
        if lo > hi {
            return None;
        }
        let mid = (lo + hi) / 2.0;
        finish(
            toks,
            start,
            b.last,
            mid,
            lo,
            hi,
            rounding,
            unit,
            b.numeral.value,
            scale_b,
            None,
            form,
            0,
        )
    };
    Some(q)
}

fn parse_figures(toks: &[Token<'_>], i: usize) -> Option<Quantity> {
    let w = toks[i].word();
    let (digits, last) = if let Some(head) = w.strip_suffix("-figure") {
        (number_word(head)?, i + 1)
    } else {
        let n = number_word(w)?;
        let next = toks.get(i + 1)?.word();
        if next != "figures" && next != "figure" {
            return None;
        }
        (n, i + 2)
    };
    if !(4.0..=10.0).contains(&digits) {
        return None;
    }
    let lo = 10f64.powf(digits - 1.0);
    let hi = 10f64.powf(digits) - 1.0;
    Some(finish(
        toks,
        i,
        last,
        lo,
        lo,
        hi,
        0.0,
        Unit::Usd,
        lo,
        0,
        None,
        Form::Figures,
        0,
    ))
}

fn parse_fraction(toks: &[Token<'_>], i: usize) -> Option<Quantity> {
    let tok = &toks[i];
    let w = tok.word();
    let numerator_of = |t: &Token<'_>| -> Option<f64> {
        match t.kind {
            TokenKind::Number => t.lower.parse::<f64>().ok(),
            TokenKind::Word => {
                number_word(&t.lower).or(matches!(t.lower.as_ref(), "a" | "an").then_some(1.0))
            }
            TokenKind::Symbol => None,
        }
    };
    // "one in five", "three out of four"
    if let Some(n) = numerator_of(tok) {
        let (den_at, _) = match (
            toks.get(i + 1).map(|t| t.word()),
            toks.get(i + 2).map(|t| t.word()),
        ) {
            (Some("in"), _) => (i + 2, ()),
            (Some("out"), Some("of")) => (i + 3, ()),
            _ => (usize::MAX, ()),
        };
        if let Some(den_tok) = toks.get(den_at)
            && let Some(d) = numerator_of(den_tok).filter(|d| *d >= 2.0 && *d <= 100.0 && n < *d)
            && tok.word() != "a"
            && tok.word() != "an"
        {
            return Some(fraction(toks, i, den_at + 1, n, d));
        }
    }
    // "two-thirds of", "three-quarters of"
    if let Some((num, den)) = w.split_once('-')
        && let (Some(n), Some(d)) = (number_word(num), denominator_word(den))
        && of_at(toks, i + 1).is_some()
        && n < d
    {
        return Some(fraction(toks, i, i + 1, n, d));
    }
    // "half of", "a third of", "one quarter of", "two thirds of"
    let (n, den_at) = if denominator_word(w) == Some(2.0) {
        (1.0, i)
    } else if let Some(n) = numerator_of(tok) {
        (n, i + 1)
    } else {
        return None;
    };
    let d = denominator_word(toks.get(den_at)?.word())?;
    let of = of_at(toks, den_at + 1)?;
    if n >= d {
        return None;
    }
    // "the first half of 2024" is a time, not a share.
    let the_period = toks.get(of + 1).is_some_and(|t| t.word() == "the")
        && toks.get(of + 2).is_some_and(|t| {
            matches!(
                t.word(),
                "year" | "decade" | "month" | "century" | "quarter"
            )
        });
    if toks.get(of + 1).and_then(year_of).is_some() || the_period {
        return None;
    }
    Some(fraction(toks, i, den_at + 1, n, d))
}

/// Where the "of" after a fraction's noun at `at` is: right there ("a
/// quarter of adults"), or past a bracket that restates the fraction ("a
/// quarter (24%) of adults", "half (50%) of renters").
fn of_at(toks: &[Token<'_>], at: usize) -> Option<usize> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    if word(at) == "of" {
        return Some(at);
    }
    if !toks.get(at).is_some_and(|t| t.is_symbol('(')) {
        return None;
    }
    let close = (at + 1..(at + 5).min(toks.len())).find(|&k| toks[k].is_symbol(')'))?;
    (word(close + 1) == "of").then_some(close + 1)
}

/// A fraction in words after "by" ("by half", "by a third", "by roughly
/// two-thirds", not "by half of them"): the size of a change, as a
/// percentage, and the token after it.
fn fraction_after_by(toks: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let word = |at: usize| toks.get(at).map_or("", |t| t.word());
    let by = i >= 1
        && (word(i - 1) == "by" || (i >= 2 && word(i - 2) == "by" && is_rough_hedge(word(i - 1))));
    if !by {
        return None;
    }
    let w = word(i);
    let (n, d, last) = if let Some((num, den)) = w.split_once('-') {
        (number_word(num)?, denominator_word(den)?, i + 1)
    } else if w == "half" {
        (1.0, 2.0, i + 1)
    } else {
        let n = if matches!(w, "a" | "one") {
            1.0
        } else {
            number_word(w)?
        };
        (n, denominator_word(word(i + 1))?, i + 2)
    };
    (n < d && word(last) != "of").then_some((100.0 * n / d, last))
}

/// "one in five", "two-thirds of": a share of `n / d`, as a percentage.
fn fraction(toks: &[Token<'_>], first: usize, last: usize, n: f64, d: f64) -> Quantity {
    let v = 100.0 * n / d;
    finish(
        toks,
        first,
        last,
        v,
        v,
        v,
        0.0,
        Unit::Percent,
        v,
        0,
        None,
        Form::Fraction,
        0,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish(
    toks: &[Token<'_>],
    first: usize,
    last: usize,
    value: f64,
    lo: f64,
    hi: f64,
    rounding: f64,
    unit: Unit,
    mantissa: f64,
    scale: i32,
    from: Option<f64>,
    form: Form,
    implied_direction: i8,
) -> Quantity {
    let (mut hedge, hedge_first) = if form == Form::Range {
        (Hedge::Exact, first)
    } else {
        hedge_before(toks, first)
    };
    let mut last = last;
    if hedge == Hedge::Exact
        && form != Form::Range
        && let Some((h, end)) = hedge_after(toks, last)
    {
        hedge = h;
        last = end;
    }
    // Rounding is capped at 5 % of the value: "one million" is read as about a
    // million, not anything from half a million to one and a half.
    let rounding = rounding.min(value.abs() * 0.05);
    Quantity {
        first,
        last,
        value,
        lo,
        hi,
        rounding,
        unit,
        mantissa,
        scale,
        from,
        form,
        hedge,
        hedge_first,
        implied_direction,
    }
}

/// Is a small count an average of things counted: written to a decimal
/// before its plural noun ("classrooms averaged 22.6 students", "2.5 people
/// per household"), or said to be an average or median ("had 23 students
/// on average")? Whole things come one at a time, so a count with a
/// fraction is a mean.
fn is_average_count(toks: &[Token<'_>], q: &Quantity, after: &str) -> bool {
    let plural = after == "people" || super::lexicon::ends_in_plural_s(after);
    if q.form != Form::Point || !plural {
        return false;
    }
    // Not a version ("Python 3.11 users"), nor a sample ("an average
    // across 604 organizations in 16 countries").
    let named_or_sample = q.hedge_first.checked_sub(1).is_some_and(|p| {
        toks[p].cased
            || matches!(
                toks[p].word(),
                "version"
                    | "v"
                    | "release"
                    | "across"
                    | "in"
                    | "from"
                    | "among"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "over"
                    | "between"
            )
    });
    if named_or_sample {
        return false;
    }
    let decimal = q.value.fract() != 0.0;
    let near = |k: usize| is_aggregate_word(toks[k].word());
    decimal || aggregate_before(toks, q) || (q.last + 1..(q.last + 4).min(toks.len())).any(near)
}

/// Does "average", "median" or "mean" stand shortly before the figure
/// ("the average commute took 27 minutes", "an average of 62 guests")?
fn aggregate_before(toks: &[Token<'_>], q: &Quantity) -> bool {
    let near = q.hedge_first.saturating_sub(AGGREGATE_REACH);
    if (near..q.hedge_first).any(|k| is_aggregate_word(toks[k].word())) {
        return true;
    }
    // "The average wait for a deer shoulder mount is about six months":
    // further back, with no other figure or clause between.
    // No other figure and no clause break ("**Median time**: 43 days" keeps
    // its label's colon near the figure).
    let one_clause = |k: usize| {
        toks[k].kind != TokenKind::Number && !toks[k].is_symbol(',') && !toks[k].is_symbol(';')
    };
    let far = q.hedge_first.saturating_sub(AGGREGATE_FAR_REACH);
    (near..q.hedge_first).all(one_clause)
        && (far..near)
            .rev()
            .take_while(|&k| one_clause(k) && !toks[k].is_symbol(':'))
            .any(|k| is_aggregate_word(toks[k].word()))
}

word_set!(
    /// Words that say a figure sums a group up.
    is_aggregate_word: ["average", "median", "mean", "averaged"]
);

/// How many words before a duration "average" or "median" may stand:
/// "the average commute took 27 minutes".
const AGGREGATE_REACH: usize = 6;

/// How far "average" or "median" may stand when only words of one clause
/// lie between ([`aggregate_before`]).
const AGGREGATE_FAR_REACH: usize = 12;

/// Minutes per unit of time written after a number, for durations.
fn minutes_per(word: &str) -> Option<f64> {
    match word {
        "minute" | "minutes" | "min" | "mins" => Some(1.0),
        "hour" | "hours" | "hr" | "hrs" | "h" => Some(60.0),
        _ => None,
    }
}

/// The unit and its size of a length of time counted in days or years
/// ("4.5 days", "18 months", "12.6 years"). Weeks are days and months
/// are years, so "six weeks" meets "42 days" and "18 months" "1.5 years".
fn calendar_unit(word: &str) -> Option<(Unit, f64)> {
    match word {
        "day" | "days" => Some((Unit::Days, 1.0)),
        "week" | "weeks" => Some((Unit::Days, 7.0)),
        "month" | "months" => Some((Unit::Years, 1.0 / 12.0)),
        "year" | "years" => Some((Unit::Years, 1.0)),
        _ => None,
    }
}

/// Is the bare number `value` at token `i` what an average, median or
/// mean age is said to be ("the average age of a farmer is 58", "median
/// age: 41")? The age is a few words before, with no other number and
/// no comma between.
fn is_age_value(toks: &[Token<'_>], i: usize, value: f64) -> bool {
    if !(1.0..=120.0).contains(&value) {
        return false;
    }
    let between = |k: usize| {
        !(toks[k].kind == TokenKind::Number || toks[k].is_symbol(',') || toks[k].is_symbol(';'))
    };
    (i.saturating_sub(AGE_REACH)..i)
        .rev()
        .take_while(|&k| between(k))
        .any(|k| {
            toks[k].word() == "age"
                && k > 0
                && matches!(toks[k - 1].word(), "average" | "median" | "mean")
        })
}

/// How many tokens an age value may follow "average age".
const AGE_REACH: usize = 14;

/// A duration starting at the number `a`: its length in its unit, the
/// token after it, its rounding and its unit. "4 hours 48 minutes" and "3
/// hours and 50 minutes" are one duration.
fn duration(toks: &[Token<'_>], a: &Simple) -> Option<(f64, usize, f64, Unit)> {
    // "eight and a half hours": the half is part of the number.
    let word_at = |k: usize| toks.get(k).map_or("", |t| t.word());
    let half =
        word_at(a.last) == "and" && word_at(a.last + 1) == "a" && word_at(a.last + 2) == "half";
    let (value, unit_at, numeral_rounding) = if half {
        (a.numeral.value + 0.5, a.last + 3, 0.25)
    } else {
        (a.numeral.value, a.last, a.numeral.rounding)
    };
    let word = toks.get(unit_at)?.word();
    if let Some((unit, size)) = calendar_unit(word) {
        return Some((value * size, unit_at + 1, numeral_rounding * size, unit));
    }
    let per = minutes_per(word)?;
    let mut minutes = value * per;
    let mut rounding = numeral_rounding * per;
    let mut last = unit_at + 1;
    if per == 60.0 {
        let and = usize::from(toks.get(last).is_some_and(|t| t.word() == "and"));
        let more = toks.get(last + and).filter(|t| t.kind == TokenKind::Number);
        let unit = toks.get(last + and + 1).and_then(|t| minutes_per(t.word()));
        if let (Some(n), Some(1.0)) = (more, unit)
            && let Ok(m) = n.lower.parse::<f64>()
            && m < 60.0
        {
            minutes += m;
            rounding = 0.5;
            last += and + 2;
        }
    }
    Some((minutes, last, rounding, Unit::Minutes))
}

/// Does `word` put the length of time after it in the calendar ("over
/// the next 2.5 years", "after 90 days")? "In" does so unless the length
/// is measured to a decimal ("pays for itself in 8.5 years").
fn is_time_preposition(word: &str) -> bool {
    matches!(
        word,
        "within"
            | "over"
            | "for"
            | "after"
            | "before"
            | "next"
            | "past"
            | "last"
            | "than"
            | "under"
            | "to"
            | "from"
            | "every"
            | "per"
            | "first"
            | "least"
    )
}

/// Rejects readings that are numeric but not claims.
/// Is the word before the figure "number" as a verb, after the plural
/// it counts ("hobbyist beekeepers now number roughly 210,000")? Not a
/// label ("number 5").
fn counts_as_verb(toks: &[Token<'_>], q: &Quantity) -> bool {
    let before = |back: usize| word_before(toks, q, back);
    let counter = if matches!(before(2), "now" | "still" | "currently" | "together") {
        before(3)
    } else {
        before(2)
    };
    before(1) == "number" && ends_in_plural_s(counter)
}

fn keep(toks: &[Token<'_>], q: &Quantity) -> bool {
    let first = &toks[q.first];
    let before = |back: usize| word_before(toks, q, back);
    let after = toks.get(q.last).map_or("", |t| t.lower.as_ref());
    // Labels, ranks, versions: "Step 3", "No. 2", "top 10", "Python 3.12";
    // but money and percentages are amounts ("to top $8 trillion").
    if (is_label_word(before(1)) && q.unit == Unit::Count && !counts_as_verb(toks, q))
        || before(1) == "#"
    {
        return false;
    }
    // A number written against letters or inside an identifier.
    if first.glued
        && q.hedge_first == q.first
        && q.first > 0
        && toks[q.first - 1].kind == TokenKind::Word
    {
        return false;
    }
    // The base of a rate: "450 burglaries per 100,000 residents", "for
    // every 1,000 births".
    if before(1) == "per" || (before(1) == "every" && matches!(before(2), "for" | "in" | "of")) {
        return false;
    }
    // Sample sizes: "a survey of 1,200 hiring managers", "we polled 400 recruiters".
    if (before(1) == "of" && is_sample_noun(before(2)))
        || is_sample_verb(before(1))
        || (before(1) == "=" && before(2) == "n")
    {
        return false;
    }
    let next_two = toks.get(q.last + 1).map_or("", |t| t.lower.as_ref());
    // "1,200 respondents" is a sample size; "54% of respondents reuse a
    // password" is what the sample said.
    let share = q.unit == Unit::Percent && after == "of";
    if is_sample_after(after) || (is_sample_after(next_two) && !share) {
        return false;
    }
    match q.unit {
        Unit::Count => {
            // Durations and ages: "three to five years", "30 minutes".
            if is_time_unit(after) {
                return false;
            }
            // "6.8 gigawatts", "3.2 million tons": an amount of a unit of
            // measure, however small the number.
            if is_measure_unit(after) {
                return true;
            }
            // Bare counts must be large or carry a scale word: small bare numbers
            // are list items, ages, team sizes and the like. But a rate is a
            // statistic however small ("6.1 mishandled bags per 1,000
            // checked"), and so is a dated count in the hundreds ("143
            // rural emergency departments closed in 2023").
            if q.scale == 0 && q.value.abs() < 1000.0 {
                return rate_base(toks, q.last).is_some()
                    || is_dated_hundreds(toks, q, after)
                    || is_average_count(toks, q, after);
            }
            // "1,200" style counts need a thousands separator or a scale word; a
            // bare "15000" is more often an identifier or a postcode.
            if q.scale == 0 && q.form == Form::Point {
                let formatted = first.lower.contains(',');
                if !formatted {
                    return false;
                }
            }
            true
        }
        Unit::Times => q.value > 1.0 && q.value <= 100.0,
        // A length of time is a statistic when it is measured: written to
        // a decimal or in hours and minutes ("26.8 minutes", "4 h 37
        // min"), or said to be an average or median. "Takes 30 minutes"
        // and "within 24 hours" are not.
        Unit::Minutes | Unit::Days | Unit::Years => {
            let decimal = toks[q.first].lower.contains('.');
            let measured =
                decimal || (q.first + 1..q.last).any(|k| toks[k].kind == TokenKind::Number);
            let aggregate = aggregate_before(toks, q);
            // "over the next 2.5 years", "within 30 days": when, not how long.
            // "rose to 13.6 years", "crept up to 13.6 years": the level a
            // change reached, not a time in the calendar.
            let reached = before(1) == "to" && (is_up_word(before(2)) || is_down_word(before(2)));
            // "two years ago", "about two years later": when, counted back
            // or on from another time.
            let counted_from = matches!(after, "ago" | "later" | "earlier" | "before" | "after");
            let when = counted_from
                || q.unit != Unit::Minutes
                    && !reached
                    && (is_time_preposition(before(1)) || (before(1) == "in" && !decimal));
            let age = is_age_value(toks, q.first, q.value);
            (measured || aggregate || reached || age) && !when
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn quantities(s: &str) -> Vec<Quantity> {
        let toks = tokenize(s, 0..s.len(), 0);
        find_quantities(&toks)
    }

    fn one(s: &str) -> Quantity {
        let q = quantities(s);
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        q.into_iter().next().expect("one quantity")
    }

    #[test]
    fn percentages_and_precision() {
        let q = one("34.80% of developers");
        assert_eq!(q.unit, Unit::Percent);
        assert!((q.value - 34.8).abs() < 1e-9);
        assert!((q.rounding - 0.005).abs() < 1e-9);
        assert_eq!(one("twelve percent of firms").value, 12.0);
        assert_eq!(one("rose 3 percentage points").unit, Unit::Points);
    }

    #[test]
    fn measured_durations_are_figures_in_minutes() {
        let q = one("the average commute was 26.8 minutes");
        assert_eq!((q.unit, q.value), (Unit::Minutes, 26.8));
        assert_eq!(one("women averaged 4 hours 48 minutes").value, 288.0);
        assert_eq!(one("spent 3 hours and 50 minutes a day").value, 230.0);
        assert_eq!(one("| 4 h 37 min |").value, 277.0);
        assert_eq!(one("adults averaged 6.6 hours of sleep").value, 396.0);
        assert_eq!(Unit::Minutes.format(277.0), "4 h 37 min");
        assert_eq!(Unit::Minutes.format(26.8), "26.8 min");
        // Not measured: how long something takes.
        assert!(quantities("it takes 30 minutes to set up").is_empty());
        assert!(quantities("refunds arrive within 24 hours").is_empty());
    }

    #[test]
    fn measured_durations_in_days_and_years() {
        let q = one("the average age of cars reached 12.6 years");
        assert_eq!((q.unit, q.value), (Unit::Years, 12.6));
        assert_eq!(one("a median tenure of 18 months").value, 1.5);
        assert_eq!(one("the average stay lasted 4.5 days").unit, Unit::Days);
        assert_eq!(one("a median wait of 38.2 weeks").unit, Unit::Days);
        assert_eq!(one("pays for itself in about 8.5 years").value, 8.5);
        // When, not how long: a length of time in the calendar.
        assert!(quantities("the loan is repaid over the next 2.5 years").is_empty());
        assert!(quantities("the plant closed in 5 years").is_empty());
        assert!(quantities("the fund closed within 10 years").is_empty());
        assert!(quantities("workers have 18 months to decide").is_empty());
        // Spelled out, with a half: measured when an average is named.
        let q = one("the average teen spent eight and a half hours a day online");
        assert_eq!((q.unit, q.value), (Unit::Minutes, 510.0));
        assert!(quantities("she spent eight hours on it").is_empty());
        // The level a change reached, and a total of time.
        assert_eq!(one("the average age rose to 13.6 years").value, 13.6);
        assert_eq!(one("had crept up to 13.6 years").value, 13.6);
    }

    #[test]
    fn rates_are_figures_with_their_base() {
        assert_eq!(
            one("airlines mishandled 6.1 bags per 1,000 checked").value,
            6.1
        );
        assert_eq!(
            one("450 burglaries for every 100,000 residents").value,
            450.0
        );
        let s = "6.1 bags per 1,000 checked";
        assert_eq!(rate_base(&tokenize(s, 0..s.len(), 0), 1), Some(1000.0));
        // "per person", "per 2 hours": no base of a rate.
        let s = "6.1 bags per person";
        assert_eq!(rate_base(&tokenize(s, 0..s.len(), 0), 1), None);
        assert!(quantities("3 deaths for every 10 crashes").is_empty());
    }

    #[test]
    fn dated_counts_in_the_hundreds() {
        assert_eq!(one("143 rural clinics closed in 2023").value, 143.0);
        assert_eq!(
            one("a total of 143 rural clinics closed in 2023").value,
            143.0
        );
        assert_eq!(one("- Clinics closed since 2010: 143").value, 143.0);
        assert_eq!(
            one("there are 230 accredited entry-level occupational therapy programs").value,
            230.0
        );
        // Undated, named, ranked or a phone code: no figure.
        assert!(quantities("143 rural clinics closed").is_empty());
        // Tens said to exist across the country are counted; other tens not.
        assert_eq!(
            one("there are roughly 40 commercial kiln recycling plants in the United States").value,
            40.0
        );
        assert!(quantities("there are roughly 40 kiln recycling plants in our region").is_empty());
        assert!(quantities("roughly 40 kiln recycling plants opened nationwide").is_empty());
        assert!(
            quantities("the S&P 500 returned 25% in 2024")
                .iter()
                .all(|q| q.value != 500.0)
        );
        assert!(quantities("its 504 program in 2024").is_empty());
        assert!(quantities("the top 500 companies in 2024").is_empty());
        assert!(quantities("rural 911 calls in 2023").is_empty());
    }

    #[test]
    fn money_and_scales() {
        let q = one("reached $1.8 trillion in 2023");
        assert_eq!(q.unit, Unit::Usd);
        assert!((q.value - 1.8e12).abs() < 1.0);
        assert_eq!((q.mantissa, q.scale), (1.8, 12));
        assert_eq!(one("earn $95k a year").value, 95_000.0);
        assert_eq!(one("paid $122,060 on average").value, 122_060.0);
        assert_eq!(one("one million new jobs").value, 1e6);
        assert_eq!(one("1.2M users").value, 1.2e6);
        assert_eq!(one("half a million workers").value, 5e5);
        let six = one("routinely earn six figures");
        assert_eq!(
            (six.lo, six.hi, six.form),
            (100_000.0, 999_999.0, Form::Figures)
        );
    }

    #[test]
    fn fractions_and_multipliers() {
        assert_eq!(one("one in five purchases").value, 20.0);
        let half = one("More than half of remote workers");
        assert_eq!((half.value, half.hedge), (50.0, Hedge::Above));
        assert!((one("two-thirds of employers").value - 66.666).abs() < 0.01);
        let d = one("postings doubled since 2020");
        assert_eq!(
            (d.value, d.form, d.implied_direction),
            (100.0, Form::Multiplier, 1)
        );
        // A change by a fraction takes its direction from its verb.
        let third = one("transits fell by roughly two-thirds in 2024");
        assert!((third.value - 66.666).abs() < 0.01);
        assert_eq!((third.form, third.implied_direction), (Form::Multiplier, 0));
        assert_eq!(one("costs were cut by half").value, 50.0);
        // An average age is in years; a bare number elsewhere is no figure.
        let age = one("the median age of a registered nurse was 46 in 2024");
        assert_eq!((age.value, age.unit), (46.0, Unit::Years));
        assert_eq!(one("**Average age** of a player: 36").unit, Unit::Years);
        assert!(quantities("the age of 36 players").is_empty());
        // "over" that finishes a verb is no hedge; N11 is a phone code only
        // before what a phone line offers.
        let jets = one("Airbus handed over 711 jets in 2024");
        assert_eq!((jets.value, jets.hedge), (711.0, Hedge::Exact));
        assert_eq!(one("over 711 jets left in 2024").hedge, Hedge::Above);
        assert!(quantities("911 calls rose in 2024").is_empty());
        assert_eq!(one("Airbus delivered 766 aircraft in 2024").value, 766.0);
        assert_eq!(one("costs rose by a third").value, 100.0 / 3.0);
        assert!(
            quantities("cut by half of that")
                .iter()
                .all(|q| q.form != Form::Multiplier)
        );
    }

    #[test]
    fn ranges_and_changes_are_one_quantity() {
        let r = one("earn between $80,000 and $95,000");
        assert_eq!((r.lo, r.hi, r.form), (80_000.0, 95_000.0, Form::Range));
        let r = one("1-2 million users");
        assert_eq!((r.lo, r.hi), (1e6, 2e6));
        let c = one("went from 5% to 19% between 2019 and 2024");
        assert_eq!((c.from, c.value, c.form), (Some(5.0), 19.0, Form::Change));
        // A spaced em dash is a break, not a range.
        let q = quantities("Acer Aspire 5 — $549 at most stores");
        assert_eq!((q[0].value, q[0].form), (549.0, Form::Point));
        // A spread told with "run from": not a movement.
        let s = one("adoption fees run from $50 to $350");
        assert_eq!((s.lo, s.hi, s.form), (50.0, 350.0, Form::Range));
        assert_eq!(one("10-15% of teams").unit, Unit::Percent);
        assert_eq!(one("$80,000 to 95,000 a year").lo, 80_000.0);
        assert_eq!(one("$12 to 15 million a year").lo, 12e6);
        // A bare number far past the first one's digits counts something else.
        let q = quantities("it awarded $12.4 million to 690 communities");
        assert_eq!((q[0].value, q[0].form), (12.4e6, Form::Point));
        // A percentage then a bare number: a change and the level it reached.
        let q = quantities("attendance climbed 6% to 41,000 in 2024");
        let shown: Vec<(f64, Unit, Form)> = q.iter().map(|q| (q.value, q.unit, q.form)).collect();
        assert_eq!(
            shown,
            [
                (6.0, Unit::Percent, Form::Point),
                (41_000.0, Unit::Count, Form::Point)
            ]
        );
    }

    #[test]
    fn hedges_become_intervals() {
        assert_eq!(one("north of $70,000").hedge, Hedge::Above);
        assert_eq!(one("roughly $4.9 million").hedge, Hedge::Approximate);
        assert_eq!(one("by up to 20%").hedge, Hedge::UpTo);
        assert_eq!(one("just shy of 2 million").hedge, Hedge::Nearly);
        assert_eq!(one("an estimated 3 million").hedge, Hedge::Approximate);
        assert_eq!(one("by an impressive 36%").hedge, Hedge::Exact);
        assert_eq!(one("10,000 or more").hedge, Hedge::AtLeast);
        assert_eq!(
            one("rates ended the year near 7%").hedge,
            Hedge::Approximate
        );
    }

    #[test]
    fn non_claims_are_rejected() {
        for s in [
            "by 2027",
            "Between 2023 and 2025, demand grew",
            "In a survey of 850 hiring managers",
            "In a poll of 1,200 hiring managers",
            "a four-day week",
            "a 30-minute call",
            "the 3-2-1 backup rule",
            "Python 3.12 and Windows 11",
            "Step 3 is easy",
            "three to five years of experience",
            "two or three anchor days",
            "at least one clinical workflow",
            "GPT-4 and Web3",
            "the top 10 skills",
            "FY2023 and Q2 2025",
            "2024-05-01",
            "24/7 support",
            "7 tips",
            "the 1990s",
            "up from 11% in 2019",
            "up from $48,000 in 2021 and $45,000 in 2019",
            "down from 4.6%, 5.1% and 5.9%",
            "deaths per 100,000 residents",
            "for every 1,000 births",
            "ticket number 1,204",
        ] {
            assert!(quantities(s).is_empty(), "{s}: {:?}", quantities(s));
        }
        // "Number" as the verb of the plural it counts is no label.
        assert_eq!(
            quantities("Hobbyist beekeepers now number roughly 210,000.").len(),
            1
        );
        assert_eq!(quantities("US marinas number about 10,500.").len(), 1);
        // A figure after the list of earlier values is a claim again.
        let after = quantities("up from 11% in 2019, and sales grew 7%");
        assert_eq!(after.len(), 1);
        assert_eq!(after[0].value, 7.0);
    }

    #[test]
    fn trim_float_matches_format() {
        let mut values = vec![
            0.0,
            -0.0,
            1.0,
            20.5,
            34.8,
            0.5,
            0.05,
            0.00005,
            0.00004,
            1.23456,
            99.99995,
            1e10,
            123456.7891,
            66.66666666,
            1e11,
            2.5e11,
            -3.25,
            f64::INFINITY,
            f64::NAN,
            1e-9,
        ];
        let mut x = 0.001_f64;
        while x < 1e12 {
            values.push(x);
            values.push(x * 1.37);
            values.push((x * 1e4).round() / 1e4);
            x *= 1.91;
        }
        for k in 0..20_000 {
            values.push(f64::from(k) / 100.0);
            values.push(f64::from(k) * 0.1);
            values.push(f64::from(k) / 3.0);
        }
        for v in values {
            let mut fast = String::new();
            trim_float(&mut fast, v);
            let s = format!("{:.4}", v);
            assert_eq!(fast, s.trim_end_matches('0').trim_end_matches('.'), "{v}");
        }
    }

    #[test]
    fn hedge_end_words_cover_every_hedge() {
        for (words, _) in HEDGES_BEFORE {
            assert!(is_hedge_end(words[words.len() - 1]), "{words:?}");
        }
    }

    #[test]
    fn units_format_like_prose() {
        assert_eq!(Unit::Usd.format(1.8e12), "$1.8 trillion");
        assert_eq!(Unit::Usd.format(128_000.0), "$128,000");
        assert_eq!(Unit::Usd.format(36.9), "$36.90");
        assert_eq!(Unit::Usd.format(1_234.5), "$1,234.50");
        assert_eq!(Unit::Usd.format(0.165), "16.5 cents");
        assert_eq!(Unit::Years.format(12.6), "12.6 years");
        assert_eq!(Unit::Days.format(44.0), "44 days");
        assert_eq!(Unit::Days.format(38.2 * 7.0), "38.2 weeks");
        assert_eq!(Unit::Percent.format(34.8), "34.8%");
        assert_eq!(Unit::Count.format(1e6), "1 million");
    }
}
