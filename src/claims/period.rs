//! Time qualifiers: finds "by 2027", "from 2022 to 2032", "year-over-year",
//! "a year", "now", "over the next five years" and the like in a clause, and
//! resolves them against the article's publish date into a [`Period`].
//!
//! Rate markers ("year-over-year", "annually", "CAGR") make a growth rate only
//! for change claims; for levels they are the unit's frequency ("earn $165,000
//! a year" is a salary per year, not a growth rate). Which periods can be
//! compared is decided in `compare.rs`.

use serde::Serialize;

use super::number::{number_word, year_of};
use super::subject::{is_down_word, is_up_word};
use super::token::{Token, TokenKind};

/// A frequency or rate granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    /// Per year, year-over-year, CAGR.
    Year,
    /// Per quarter.
    Quarter,
    /// Per month.
    Month,
    /// Per week.
    Week,
    /// Per day.
    Day,
    /// Per hour.
    Hour,
}

impl Per {
    /// "year", "month"...
    pub fn noun(self) -> &'static str {
        match self {
            Per::Year => "year",
            Per::Quarter => "quarter",
            Per::Month => "month",
            Per::Week => "week",
            Per::Day => "day",
            Per::Hour => "hour",
        }
    }
}

/// A part of a year a figure is dated to ("in February 2024", "in the
/// first quarter of 2024", "in H2 2023"): figures of two different parts of
/// one year are two different facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(tag = "kind", content = "number", rename_all = "snake_case")]
pub enum YearPart {
    /// A month, 1-12.
    Month(u8),
    /// A quarter, 1-4.
    Quarter(u8),
    /// A half, 1-2.
    Half(u8),
    /// The months from the first to the second, 1-12 ("between January and
    /// March 2024").
    Months(u8, u8),
    /// "early 2024", "mid-2024", "late 2024": a stage of the year, not all
    /// of it.
    Stage(Stage),
}

/// The stage of a year a date names ([`YearPart::Stage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// "early 2024".
    Early,
    /// "mid-2024", "the middle of 2024".
    Mid,
    /// "late 2024".
    Late,
}

impl YearPart {
    /// What stands between the part and its year: "February 2024",
    /// "mid-2024".
    pub(crate) fn separator(self) -> char {
        match self {
            YearPart::Stage(_) => '-',
            _ => ' ',
        }
    }

    /// Appends the part as a reader writes it before its year: "February",
    /// "Q1", "H2".
    pub(crate) fn write(self, out: &mut String) {
        match self {
            YearPart::Month(m) => write_month(out, m),
            YearPart::Months(a, b) => {
                write_month(out, a);
                out.push('–');
                write_month(out, b);
            }
            YearPart::Quarter(q) => {
                out.push('Q');
                out.push(char::from(b'0' + q));
            }
            YearPart::Half(h) => {
                out.push('H');
                out.push(char::from(b'0' + h));
            }
            YearPart::Stage(stage) => out.push_str(match stage {
                Stage::Early => "early",
                Stage::Mid => "mid",
                Stage::Late => "late",
            }),
        }
    }
}

/// The stage of the year written with the year at `k`: in its own word
/// ("mid-2024") or right before it ("late 2024", "mid 2024").
fn stage_of(toks: &[Token<'_>], k: usize) -> Option<Stage> {
    let stage = |w: &str| match w {
        "early" => Some(Stage::Early),
        "mid" | "mid-" | "middle" => Some(Stage::Mid),
        "late" => Some(Stage::Late),
        _ => None,
    };
    if let Some((part, _)) = toks[k].lower.rsplit_once('-')
        && let Some(s) = stage(part)
    {
        return Some(s);
    }
    let mut p = k.checked_sub(1)?;
    // "mid 2024", "mid - 2024", "the middle of 2024".
    if is_dash(&toks[p]) || toks[p].word() == "of" {
        p = p.checked_sub(1)?;
    }
    stage(toks[p].word())
}

/// Appends month `m` (1-12) capitalised as written in prose: "February".
fn write_month(out: &mut String, m: u8) {
    let name = MONTHS.get(usize::from(m).wrapping_sub(1)).unwrap_or(&"?");
    let mut letters = name.chars();
    out.extend(letters.next().map(|c| c.to_ascii_uppercase()));
    out.push_str(letters.as_str());
}

/// When a claim holds, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Period {
    /// No time information ("AI can cut timelines by 40%").
    None,
    /// Relative time words ("over the next five years") in an article with no
    /// usable publish date: never compared.
    Unresolved,
    /// A state at a year. `weak` when inferred from present tense alone.
    Point {
        /// The year.
        year: i32,
        /// Inferred from the publish date only.
        weak: bool,
    },
    /// A cumulative amount accumulated up to `year` ("by 2030").
    Until {
        /// The end year.
        year: i32,
        /// Where the accumulation starts, when known (the publish year).
        from: Option<i32>,
    },
    /// A change over an explicit span of years.
    Span {
        /// First year.
        from: i32,
        /// Last year.
        to: i32,
        /// "early"/"mid"/"late" loosen the ends by up to a year.
        fuzzy: bool,
    },
    /// A per-period rate (growth per year, CAGR), with an optional horizon.
    Rate {
        /// Granularity.
        per: Per,
        /// Horizon start.
        from: Option<i32>,
        /// Horizon end.
        to: Option<i32>,
    },
    /// A span of known length but unknown position ("decade-long").
    Duration {
        /// Length in years.
        years: i32,
    },
}

impl Period {
    /// The change over year `y`: the span from the year before to `y`.
    pub(crate) fn over_year(y: i32) -> Period {
        Period::Span {
            from: y - 1,
            to: y,
            fuzzy: false,
        }
    }

    /// Length in years when this is a cumulative span or until-year, used to
    /// tell a one-year change (comparable with an annual rate) from a
    /// multi-year total.
    pub(crate) fn cumulative_years(&self) -> Option<i32> {
        match *self {
            Period::Span { from, to, .. } => Some(to - from),
            Period::Until {
                year,
                from: Some(f),
            } => Some(year - f),
            Period::Until { .. } => Some(2),
            Period::Duration { years } => Some(years),
            _ => None,
        }
    }

    /// Short framing used in messages: "cumulative through 2027",
    /// "a year-over-year rate", "in 2024".
    pub fn framing(&self) -> String {
        let mut out = String::new();
        self.write_framing(&mut out);
        out
    }

    /// Appends [`Period::framing`] to `out`.
    pub(crate) fn write_framing(&self, out: &mut String) {
        use std::fmt::Write as _;
        // Writing to a String cannot fail.
        let _ = match *self {
            Period::None => write!(out, "undated"),
            Period::Unresolved => write!(out, "relative to an unknown date"),
            Period::Point { year, weak: false } => write!(out, "in {year}"),
            Period::Point { year, weak: true } => write!(out, "in {year} (present tense)"),
            Period::Until { year, .. } => write!(out, "cumulative through {year}"),
            Period::Span { from, to, .. } if to - from == 1 => {
                write!(out, "year-over-year in {to}")
            }
            Period::Span { from, to, .. } => write!(out, "over {from}-{to}"),
            Period::Rate {
                per, to: Some(to), ..
            } => write!(out, "a {} rate through {to}", rate_word(per)),
            Period::Rate { per, .. } => write!(out, "a {} rate", rate_word(per)),
            Period::Duration { years } => write!(out, "over {years} years"),
        };
    }
}

fn rate_word(per: Per) -> &'static str {
    match per {
        Per::Year => "year-over-year",
        Per::Quarter => "quarter-over-quarter",
        Per::Month => "month-over-month",
        Per::Week => "weekly",
        Per::Day => "daily",
        Per::Hour => "hourly",
    }
}

/// Raw time facts found in a clause, before resolution.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TimeFacts {
    until: Option<i32>,
    point: Option<i32>,
    /// The part of the year named with the last point or until year ("in
    /// February 2024", "by the third quarter of 2025"), with that year.
    part: Option<(i32, YearPart)>,
    span: Option<(i32, i32, bool)>,
    since: Option<i32>,
    rate: Option<Per>,
    yoy: bool,
    now: bool,
    offset_point: Option<i32>,
    /// The offset is the year a change is measured from ("up 7% from the
    /// year before"): the year before the figure's own, wherever the
    /// sentence names it.
    from_year_before: bool,
    /// "a year earlier", "a year later": a year counted from a time the
    /// text told before, which need not be the article's ("ago" counts
    /// from the article's present).
    from_told_time: bool,
    /// "that year", "the same year": the year the text told last, in an
    /// earlier sentence ([`TimeFacts::in_told_year`]).
    that_year: bool,
    ahead: Option<i32>,
    back: Option<i32>,
    duration: Option<i32>,
    /// The duration was written as a length ("over five years"), not as
    /// an adjective ("a ten-year average").
    length_written: bool,
    decade_end: bool,
}

impl TimeFacts {
    /// Does the clause say its figure holds now ("right now", "today",
    /// "currently")?
    pub(crate) fn says_now(&self) -> bool {
        self.now
    }

    /// The facts of one figure's own stretch of a clause that holds several
    /// ("turnover was 22.5% in 2022 and 18.4% in 2023"): its own dates when
    /// it has any, with the clause's rates; else the clause's facts.
    pub(crate) fn narrowed(own: TimeFacts, clause: TimeFacts) -> TimeFacts {
        // "$3.1 billion that year and ... $8.9 billion by 2032": "that
        // year" dates its own figure ([`TimeFacts::in_told_year`]), not the
        // clause's other date.
        if !own.dated() && !own.that_year {
            return clause;
        }
        TimeFacts {
            rate: own.rate.or(clause.rate),
            yoy: own.yoy || clause.yoy,
            now: own.now || clause.now,
            ..own
        }
    }

    /// A change measured from "the year before" with no year of its own
    /// ("..., up 7% from the year before"), or from a year with no end: the
    /// sentence's year is its year.
    pub(crate) fn wants_sentence_year(&self) -> bool {
        // "318 million visits in 2024, up 2.8% from 2023": a change since
        // a year runs to the sentence's year.
        let open_since = self.since.is_some()
            && self.point.is_none()
            && self.until.is_none()
            && self.span.is_none();
        (self.from_year_before && !self.dated()) || open_since
    }

    /// The single year these facts name, if any.
    pub(crate) fn point_year(&self) -> Option<i32> {
        self.point
    }

    /// Do these facts say "that year" with no date of their own?
    pub(crate) fn says_that_year(&self) -> bool {
        self.that_year && !self.dated()
    }

    /// Only the single year of these facts, with its part of the year;
    /// `None` when they name no single year.
    pub(crate) fn year_only(&self) -> Option<TimeFacts> {
        self.point.map(|year| TimeFacts {
            point: Some(year),
            part: self.part,
            ..TimeFacts::default()
        })
    }

    /// Do these facts date the figure: a year, an end year, a span or a start?
    fn dated(&self) -> bool {
        self.point.is_some() || self.until.is_some() || self.span.is_some() || self.since.is_some()
    }

    /// These facts ending in the year of `year` when they name none
    /// ("from the year before", "from 2023" with no end of their own).
    pub(crate) fn ending(mut self, year: TimeFacts) -> TimeFacts {
        if self.point.is_none() {
            self.point = year.point;
            self.part = self.part.or(year.part);
        }
        self
    }

    /// These facts dated by `told`, the year the text told last, when they
    /// say "that year" and name no date of their own: "In 2018 Americans
    /// generated 292 million tons of waste. Landfills took in 146 million
    /// tons that year." With no year told before, "that year" stays unknown.
    pub(crate) fn in_told_year(mut self, told: Option<i32>) -> TimeFacts {
        if self.that_year && !self.dated() {
            self.point = told;
        }
        self
    }

    /// Fills what `self` lacks from `other` (an introductory phrase).
    pub(crate) fn or(mut self, other: TimeFacts) -> TimeFacts {
        if !self.dated() {
            self.point = self.point.or(other.point);
            self.part = self.part.or(other.part);
            self.until = self.until.or(other.until);
            self.span = self.span.or(other.span);
            self.since = self.since.or(other.since);
            if self.offset_point.is_none() {
                self.offset_point = other.offset_point;
                self.from_told_time = other.from_told_time;
            }
            self.that_year |= other.that_year;
        }
        self.now |= other.now;
        self
    }

    /// [`TimeFacts::or`] for an `other` that only dates (a year and its
    /// part, no "now"), read only when these facts name no date: reading
    /// it costs a scan.
    pub(crate) fn or_else(self, other: impl FnOnce() -> TimeFacts) -> TimeFacts {
        if self.dated() { self } else { self.or(other()) }
    }

    /// These facts with `other`'s rate when they have none: "Each year,
    /// 3.5 million children are treated ..." is a yearly count.
    pub(crate) fn rate_or(mut self, other: TimeFacts) -> TimeFacts {
        if self.rate.is_none() {
            self.rate = other.rate;
            self.yoy = other.yoy;
        }
        self
    }

    /// The part of the year of a resolved period, when the clause named one
    /// with the year the period was read from ("in February 2024" is not "in
    /// November 2024", though both are in 2024).
    pub(crate) fn part_of(&self, period: &Period) -> Option<YearPart> {
        let (named, part) = self.part?;
        let year = match *period {
            Period::Point { year, weak: false } | Period::Until { year, .. } => year,
            Period::Span { from, to, .. } if to - from == 1 => to,
            _ => return None,
        };
        (year == named).then_some(part)
    }
}

/// The length in "the three years since 2021" (the year at `year_at`).
fn years_before_since(toks: &[Token<'_>], year_at: usize) -> Option<i32> {
    let at = year_at.checked_sub(4)?;
    let words = [
        word_at(toks, at),
        word_at(toks, at + 2),
        word_at(toks, at + 3),
    ];
    if words != ["the", "years", "since"] {
        return None;
    }
    small_number(&toks[at + 1]).filter(|n| (2..=50).contains(n))
}

fn small_number(tok: &Token<'_>) -> Option<i32> {
    match tok.kind {
        TokenKind::Number => tok
            .lower
            .parse::<i32>()
            .ok()
            .filter(|n| (1..=50).contains(n)),
        TokenKind::Word => match tok.lower.as_ref() {
            "a" | "an" => Some(1),
            "couple" => Some(2),
            "few" => Some(3),
            w => number_word(w).map(|v| v as i32),
        },
        TokenKind::Symbol => None,
    }
}

pub(crate) fn is_dash(t: &Token<'_>) -> bool {
    t.is_symbol('-') || t.is_symbol('–') || t.is_symbol('—')
}

/// The end year of a range of years written with its last two digits
/// after a dash: "2023-33" is 2023 to 2033, "1995-05" 1995 to 2005. Not
/// "2022-23", a school, fiscal or sports year, read by its first year as
/// before.
fn short_year_after(from: i32, t: &Token<'_>) -> Option<i32> {
    if t.kind != TokenKind::Number || t.lower.len() != 2 {
        return None;
    }
    let digits: i32 = t.lower.parse().ok()?;
    let mut to = from - from.rem_euclid(100) + digits;
    if to <= from {
        to += 100;
    }
    (2..=30).contains(&(to - from)).then_some(to)
}

/// Skips "early", "mid", "late", "the end of", "the start of" before a year;
/// returns the index of the year token and whether a fuzz word was seen.
fn year_after(toks: &[Token<'_>], mut k: usize) -> Option<(usize, bool)> {
    let mut fuzzy = false;
    loop {
        let t = toks.get(k)?;
        match t.word() {
            "early" | "mid" | "late" | "mid-" => {
                fuzzy = true;
                k += 1;
            }
            // "between fall 2019 and fall 2022": a season names its year.
            w if is_season_name(w) && toks.get(k + 1).is_some_and(|n| year_of(n).is_some()) => {
                k += 1;
            }
            "the"
                if matches!(
                    toks.get(k + 1).map(|t| t.word()),
                    Some("end" | "start" | "beginning" | "close")
                ) =>
            {
                if toks.get(k + 2).map(|t| t.word()) == Some("of") {
                    k += 3;
                    // "the start of the 2023-24 school year"
                    if toks.get(k).map(|t| t.word()) == Some("the")
                        && toks.get(k + 1).is_some_and(|t| year_of(t).is_some())
                    {
                        k += 1;
                    }
                } else {
                    return None;
                }
            }
            _ => break,
        }
    }
    year_of(toks.get(k)?).map(|_| (k, fuzzy))
}

word_set!(
    /// The seasons, which name a year's part in "fall 2022" or "the 2023/24
    /// winter".
    is_season_name: ["fall", "spring", "summer", "winter", "autumn"]
);

/// Word before the year, skipping fuzz words ("by the end of 2027" -> "by").
fn preposition_before<'t>(toks: &'t [Token<'_>], year_at: usize) -> &'t str {
    let mut k = year_at;
    while k > 0 {
        k -= 1;
        let w = toks[k].word();
        let skipped = matches!(
            w,
            "early"
                | "mid"
                | "late"
                | "the"
                | "its"
                | "their"
                | "end"
                | "start"
                | "beginning"
                | "close"
                | "of"
        ) || is_season_name(w);
        if !skipped {
            return &toks[k].lower;
        }
        let of_a_part = matches!(
            toks.get(k.wrapping_sub(1)).map(|t| t.word()),
            Some("end" | "start" | "beginning" | "close")
        );
        if w == "of" && !of_a_part {
            return "of";
        }
    }
    ""
}

/// The months, in order.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month a lowercase word names, 1-12: its full name or first three
/// letters, with or without a period ("february", "feb."), or "sept".
/// "may" and "march" are months only next to a year, which is where the
/// claims code asks, and in a capitalised name ([`super::subject`]).
pub(crate) fn month_number(w: &str) -> Option<u8> {
    let w = w.strip_suffix('.').unwrap_or(w);
    let i = MONTHS.iter().position(|m| {
        *m == w || (w.len() == 3 && m.starts_with(w)) || (w == "sept" && *m == "september")
    })?;
    Some(i as u8 + 1)
}

/// The ordinal of a quarter or half: "first", "1st", "last".
fn ordinal(w: &str, last: u8) -> Option<u8> {
    match w {
        "first" | "1st" => Some(1),
        "second" | "2nd" => Some(2),
        "third" | "3rd" => Some(3),
        "fourth" | "4th" => Some(4),
        "last" | "final" => Some(last),
        _ => None,
    }
    .filter(|&n| n <= last)
}

/// "q1", "h2": a quarter or half written as a code.
pub(crate) fn coded_part(w: &str) -> Option<YearPart> {
    let (kind, n) = w.split_at_checked(1)?;
    let n: u8 = n.parse().ok()?;
    match kind {
        "q" if (1..=4).contains(&n) => Some(YearPart::Quarter(n)),
        "h" if (1..=2).contains(&n) => Some(YearPart::Half(n)),
        _ => None,
    }
}

/// Where a date written before the year at `year_at` begins, with the part
/// of the year it names: "February 2024", "Feb. 2024", "February of 2024",
/// "February 12, 2024", "12 February 2024", "the first quarter of 2024",
/// "the second half of 2023", "the last three months of 2024", "Q3 2024".
fn part_before(toks: &[Token<'_>], year_at: usize) -> Option<(usize, YearPart)> {
    let word = |k: usize| toks[k].word();
    let mut at = year_at.checked_sub(1)?;
    if toks[at].is_symbol(',') || word(at) == "of" {
        at = at.checked_sub(1)?;
    }
    // "the first quarter of", "the second half of".
    if word(year_at - 1) == "of" && matches!(word(at), "quarter" | "half") && at > 0 {
        let last = if word(at) == "quarter" { 4 } else { 2 };
        let n = ordinal(word(at - 1), last)?;
        let part = if last == 4 {
            YearPart::Quarter(n)
        } else {
            YearPart::Half(n)
        };
        let start = if at >= 2 && word(at - 2) == "the" {
            at - 2
        } else {
            at - 1
        };
        return Some((start, part));
    }
    // "the last three months of 2024", "the first six months of 2023": a
    // quarter or a half in other words.
    if word(year_at - 1) == "of" && word(at) == "months" && at >= 2 {
        let part = match (word(at - 2), word(at - 1)) {
            ("first", "three") => Some(YearPart::Quarter(1)),
            ("last" | "final", "three") => Some(YearPart::Quarter(4)),
            ("first", "six") => Some(YearPart::Half(1)),
            ("last" | "final", "six") => Some(YearPart::Half(2)),
            _ => None,
        };
        if let Some(part) = part {
            let start = if at >= 3 && word(at - 3) == "the" {
                at - 3
            } else {
                at - 2
            };
            return Some((start, part));
        }
    }
    if let Some(part) = coded_part(word(at)) {
        return Some((at, part));
    }
    let is_day = |t: &Token<'_>| {
        t.kind == TokenKind::Number && t.lower.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
    };
    if is_day(&toks[at]) {
        at = at.checked_sub(1)?;
    }
    if toks[at].is_symbol('.') {
        at = at.checked_sub(1)?;
    }
    let month = YearPart::Month(month_number(word(at))?);
    // "12 February 2024": the day before the month is part of the date.
    if at > 0 && is_day(&toks[at - 1]) {
        return Some((at - 1, month));
    }
    Some((at, month))
}

/// A date that closes a span of months of one year ("between January and
/// March 2024", "from April to June 2024", "January–March 2024"), given
/// where its last month `part` begins: where the span begins and its part.
/// Anything else is returned as it was.
fn months_span(toks: &[Token<'_>], at: usize, part: YearPart) -> (usize, YearPart) {
    let span = || {
        let YearPart::Month(last) = part else {
            return None;
        };
        let joiner = at.checked_sub(1)?;
        let dash = is_dash(&toks[joiner]);
        if !(dash
            || matches!(
                word_at(toks, joiner),
                "and" | "to" | "through" | "thru" | "until"
            ))
        {
            return None;
        }
        let first_at = joiner.checked_sub(1)?;
        let first = month_number(word_at(toks, first_at)).filter(|&m| m < last)?;
        let opener = first_at
            .checked_sub(1)
            .filter(|&o| matches!(word_at(toks, o), "between" | "from"));
        match opener {
            Some(o) => Some((o, YearPart::Months(first, last))),
            None if dash => Some((first_at, YearPart::Months(first, last))),
            None => None,
        }
    };
    span().unwrap_or((at, part))
}

/// The last year, and where it is written, of a list of consecutive years
/// starting with `first` at `k` ("2022, 2023 and 2024"), when it names
/// three years or more.
fn listed_years(toks: &[Token<'_>], k: usize, first: i32) -> Option<(i32, usize)> {
    let (mut last, mut at, mut count) = (first, k, 1);
    loop {
        let mut next = at + 1;
        while toks
            .get(next)
            .is_some_and(|t| t.is_symbol(',') || t.word() == "and")
        {
            next += 1;
        }
        match toks.get(next).and_then(year_of) {
            Some(y) if next > at + 1 && y == last + 1 => {
                (last, at, count) = (y, next, count + 1);
            }
            _ => break,
        }
    }
    (count >= 3).then_some((last, at))
}

fn word_at<'t>(toks: &'t [Token<'_>], k: usize) -> &'t str {
    toks.get(k).map_or("", |t| t.word())
}

/// A number that may be a year (four characters), or a year written as
/// one word ("FY2024", "mid-2024").
fn may_be_time(t: &Token<'_>) -> bool {
    (t.kind == TokenKind::Number && t.lower.len() == 4)
        || (t.kind == TokenKind::Word && year_of(t).is_some())
}

word_set!(
    /// Every word [`scan`] acts on (besides years and "-year" adjectives).
    is_time_word: [
    "from", "between", "year-over-year", "yoy", "y/y", "year-on-year", "year", "annually", "annual",
    "annualized", "annualised", "cagr", "yearly", "annum", "month-over-month", "monthly", "mom",
    "quarter-over-quarter", "quarterly", "qoq", "weekly", "daily", "hourly", "a", "an", "per",
    "each", "every", "now", "today", "currently", "nowadays", "presently", "this", "that", "same", "last", "next",
    "coming", "past", "within", "previous", "decade", "decade's", "decade-long", "the", "over", "across",
]
);

word_set!(
    /// Nouns a year modifies when it dates a point of comparison.
    is_yardstick: ["level", "levels", "peak", "peaks", "baseline", "baselines", "high", "highs", "low", "lows"]
);

/// How many tokens after "to" a "from YEAR to ... today" may run.
const NOW_REACH: usize = 5;

/// Scans a clause for time qualifiers.
pub(crate) fn scan(toks: &[Token<'_>]) -> TimeFacts {
    let mut f = TimeFacts::default();
    // A rate written as "a month", "per week" ([`unit_per`]).
    let mut rate_written = false;
    let mut k = 0;
    while k < toks.len() {
        let t = &toks[k];
        let w = t.word();
        // Most tokens say nothing about time: skip them with one test.
        if !(may_be_time(t) || is_time_word(w) || w.ends_with("-year")) {
            k += 1;
            continue;
        }
        // Spans: "from Y1 to Y2", "between Y1 and Y2", "Y1-Y2".
        if matches!(w, "from" | "between")
            && let Some((y1_at, fz1)) = year_after(toks, k + 1)
        {
            let joiner = word_at(toks, y1_at + 1);
            let joins = matches!(joiner, "to" | "through" | "until" | "and" | "thru")
                || toks.get(y1_at + 1).is_some_and(is_dash);
            if joins && let Some((y2_at, fz2)) = year_after(toks, y1_at + 2) {
                let (a, b) = (year_of(&toks[y1_at]), year_of(&toks[y2_at]));
                if let (Some(a), Some(b)) = (a, b)
                    && b > a
                {
                    f.span = Some((a, b, fz1 || fz2));
                }
                k = y2_at + 1;
                continue;
            }
        }
        // "over the 2023 to 2033 decade", "for 2024 through 2030": a span
        // with no "from".
        if let Some(a) = year_of(t)
            && matches!(
                word_at(toks, k.wrapping_sub(1)),
                "the" | "over" | "during" | "across" | "for" | "whole" | "entire"
            )
            && matches!(word_at(toks, k + 1), "to" | "through" | "thru")
            && let Some(b) = toks.get(k + 2).and_then(year_of)
            && b > a
        {
            f.span = Some((a, b, false));
            k += 3;
            continue;
        }
        if let Some(y) = year_of(t) {
            // "from 37% in 1990 to about 12% today": from that year to now.
            let from_before = (k.saturating_sub(4)..k).any(|j| toks[j].word() == "from");
            let to_now = word_at(toks, k + 1) == "to"
                && (k + 2..(k + 2 + NOW_REACH).min(toks.len()))
                    .any(|j| matches!(toks[j].word(), "today" | "now"));
            if from_before && to_now {
                f.since = Some(y);
                f.now = true;
                k += 2;
                continue;
            }
            // Not when the figure holds: the year of a yardstick ("95% of
            // its 2019 level"), or the year compared with ("fell 18% in
            // 2023 after a record 2022", "a 3.5% increase from 2022").
            let after = (1..=3).any(|d| {
                k >= d
                    && word_at(toks, k - d) == "after"
                    && toks[k - d + 1..k].iter().all(|t| t.kind == TokenKind::Word)
            });
            let changed_from = |w: &str| is_up_word(w) || is_down_word(w) || w == "change";
            // "rose 2.8% from 2023", "up $1.20 from 2022": the change
            // word may stand before the figure.
            let changed_since = preposition_before(toks, k) == "from"
                && (2..=6).any(|d| k >= d && changed_from(word_at(toks, k - d)));
            // "fell 9% from the 2021 peak": a yardstick a change is told
            // from is where the change starts.
            if (is_yardstick(word_at(toks, k + 1)) && !changed_since) || after {
                k += 1;
                continue;
            }
            // "up 2.8% from 2023" is the change since 2023: to the year the
            // sentence names, or else to the article's present.
            if changed_since {
                f.since = f.since.or(Some(y));
                k += 1;
                continue;
            }
            // "2023-2033", "2023-33", and "The Bureau's 2023 to 2033
            // projections": two years joined by a dash, or by "to" or
            // "through", are a span.
            let dashed = toks.get(k + 1).is_some_and(is_dash);
            let worded = matches!(word_at(toks, k + 1), "to" | "through" | "thru");
            if (dashed || worded)
                && let Some(y2) = toks.get(k + 2).and_then(|t| {
                    year_of(t).or_else(|| dashed.then(|| short_year_after(y, t)).flatten())
                })
                && y2 > y
            {
                f.span = Some((y, y2, false));
                k += 3;
                continue;
            }
            // "over 2022, 2023 and 2024": three years or more in a row,
            // listed after a preposition of duration, are one span ("rose
            // 4% in 2022, 2023 and 2024" is each year's).
            if matches!(
                preposition_before(toks, k),
                "over" | "across" | "during" | "throughout"
            ) && let Some((last, at)) = listed_years(toks, k, y)
            {
                f.span = Some((y, last, false));
                k = at + 1;
                continue;
            }
            // "by March 2025": the preposition is before the whole date.
            let date = part_before(toks, k).map(|(at, part)| months_span(toks, at, part));
            let named = date
                .map(|(_, part)| (y, part))
                .or_else(|| stage_of(toks, k).map(|s| (y, YearPart::Stage(s))));
            let prep_at = date.map_or(k, |(at, _)| at);
            let preposition = preposition_before(toks, prep_at);
            // "according to the 2024 survey": the year of a source.
            let source = preposition == "to"
                && (0..prep_at)
                    .rev()
                    .take(4)
                    .any(|i| word_at(toks, i) == "according");
            match preposition {
                "by" | "through" | "thru" | "until" | "till" | "to" | "before" | "into"
                    if !source =>
                {
                    f.until = Some(y);
                    f.part = named.or(f.part);
                }
                // "over the three years since 2021" is 2021-2024.
                "since" => match years_before_since(toks, k) {
                    Some(n) => f.span = Some((y, y + n, false)),
                    None => f.since = Some(y),
                },
                _ => {
                    f.point = Some(y);
                    f.part = named.or(f.part);
                }
            }
            k += 1;
            continue;
        }
        // Rate markers.
        let next = word_at(toks, k + 1);
        let next2 = word_at(toks, k + 2);
        match w {
            "year-over-year" | "yoy" | "y/y" | "year-on-year" => {
                f.rate = Some(Per::Year);
                f.yoy = true;
            }
            "year" if matches!(next, "over" | "on") && next2 == "year" => {
                f.rate = Some(Per::Year);
                f.yoy = true;
                k += 3;
                continue;
            }
            "annually" | "annual" | "annualized" | "annualised" | "cagr" | "yearly" | "annum" => {
                f.rate = Some(Per::Year);
            }
            "month-over-month" | "mom" => f.rate = Some(Per::Month),
            "quarter-over-quarter" | "qoq" => f.rate = Some(Per::Quarter),
            // "$165 a month for weekly pool service": an adjective of how
            // often says which service, once "a month" has said the rate.
            "monthly" | "quarterly" | "weekly" | "daily" | "hourly" if !rate_written => {
                f.rate = Some(match w {
                    "monthly" => Per::Month,
                    "quarterly" => Per::Quarter,
                    "weekly" => Per::Week,
                    "daily" => Per::Day,
                    _ => Per::Hour,
                });
            }
            // "on an average day", "in a typical year": how often.
            "a" | "an" | "any" if let Some(p) = typical_unit(toks, k + 1) => {
                f.rate = Some(p);
                k += 3;
                continue;
            }
            "a" | "an" | "per" | "each" | "every" => {
                let per = unit_per(next);
                // "a year ago", "a year earlier" are points, not rates.
                // Not "$58,000 a year before taxes".
                let before_what = next2 == "before" && !word_at(toks, k + 3).is_empty();
                if next == "year"
                    && matches!(next2, "ago" | "earlier" | "before" | "later")
                    && !before_what
                {
                    f.offset_point = Some(if next2 == "later" { 1 } else { -1 });
                    // "up 4% from a year earlier", "from the same quarter a
                    // year earlier": a change over the year to the
                    // figure's own time, which is the present when nothing
                    // else dates it.
                    let baseline = (k.saturating_sub(4)..k).any(|i| {
                        matches!(
                            word_at(toks, i),
                            "from" | "than" | "over" | "since" | "with" | "vs" | "versus"
                        )
                    });
                    f.from_told_time = next2 != "ago" && !baseline;
                    k += 3;
                    continue;
                }
                // "a quarter of adults" is a fraction, not a rate.
                if let Some(p) = per.filter(|_| next2 != "of") {
                    f.rate = Some(p);
                    rate_written = true;
                    k += 2;
                    continue;
                }
            }
            // "down 2% from the year before", "up 7% over the previous
            // year": like "a year earlier", the year a change is measured
            // from. Not "a 6.5% jump the year before", which dates the jump
            // by a year this clause may not name.
            "the"
                if ((next == "year" && matches!(next2, "before" | "earlier"))
                    || (matches!(next, "previous" | "prior" | "preceding") && next2 == "year"))
                    && k > 0
                    && matches!(
                        word_at(toks, k - 1),
                        "from" | "over" | "than" | "to" | "with" | "vs" | "versus"
                    ) =>
            {
                f.offset_point = Some(-1);
                f.from_year_before = true;
                k += 3;
                continue;
            }
            "now" | "today" | "currently" | "nowadays" | "presently" => f.now = true,
            "this" if next == "year" => {
                f.now = true;
                k += 2;
                continue;
            }
            // "that year", "that same year", "the same year".
            "that" | "same" if next == "year" || (next == "same" && next2 == "year") => {
                f.that_year = true;
                k += if next == "year" { 2 } else { 3 };
                continue;
            }
            "last" | "next" | "coming" if next == "year" => {
                f.offset_point = Some(if w == "last" { -1 } else { 1 });
                k += 2;
                continue;
            }
            // "over the past year" is the last twelve months, up to now.
            "past" if next == "year" => {
                f.back = Some(1);
                k += 2;
                continue;
            }
            "decade-long" => f.duration = Some(10),
            _ => {}
        }
        // "over the next five years", "in the last decade", "within 3 years".
        if matches!(
            w,
            "next" | "coming" | "past" | "last" | "within" | "previous"
        ) {
            let (n, unit_at) = if word_at(toks, k + 1) == "decade" {
                (Some(1), k + 1)
            } else {
                (toks.get(k + 1).and_then(small_number), k + 2)
            };
            let unit = word_at(toks, unit_at);
            let years = match unit {
                "year" | "years" => n,
                "decade" | "decades" => n.map(|n| n * 10),
                _ => None,
            };
            if let Some(years) = years {
                if matches!(w, "next" | "coming" | "within") {
                    f.ahead = Some(years);
                } else {
                    f.back = Some(years);
                }
                k = unit_at + 1;
                continue;
            }
        }
        // "by the end of the decade", "by decade's end".
        if w == "decade"
            && (word_at(toks, k.wrapping_sub(1)) == "the"
                && word_at(toks, k.wrapping_sub(2)) == "of")
            || w == "decade's" && next == "end"
        {
            f.decade_end = true;
        }
        // "a 62% raise spread over six years", "$5 billion over five
        // fiscal years": a length with no start.
        if matches!(w, "over" | "across")
            && let Some(n) = toks.get(k + 1).and_then(small_number)
            && (2..=50).contains(&n)
        {
            let kind = usize::from(matches!(
                word_at(toks, k + 2),
                "fiscal" | "calendar" | "school" | "academic"
            ));
            if matches!(word_at(toks, k + 2 + kind), "year" | "years") {
                f.duration = Some(n);
                f.length_written = true;
            }
        }
        // "ten-year", "10-year" as a duration adjective.
        if let Some(head) = w.strip_suffix("-year") {
            let n = number_word(head)
                .map(|v| v as i32)
                .or_else(|| head.parse::<i32>().ok());
            if let Some(n) = n.filter(|n| (2..=50).contains(n)) {
                f.duration = Some(n);
            }
        }
        k += 1;
    }
    f
}

/// Resolves raw facts for a claim. `change` is true for growth/decline claims,
/// where rate markers make a rate; otherwise they are returned as the unit's
/// frequency.
pub(crate) fn resolve(
    f: &TimeFacts,
    change: bool,
    future: bool,
    publish_year: Option<i32>,
) -> (Period, Option<Per>) {
    let p = publish_year;
    // "A year earlier the rate stood at 19.6%" after a sentence on the
    // fourth quarter of 2024: the year before that, not before the
    // article's. A clause that names no year of its own leaves it unknown.
    if (f.from_told_time || f.that_year)
        && f.point.is_none()
        && f.span.is_none()
        && f.since.is_none()
        && f.until.is_none()
    {
        return (Period::None, if change { None } else { f.rate });
    }
    let needs_pub =
        f.ahead.is_some() || f.back.is_some() || f.offset_point.is_some() || f.decade_end;
    if needs_pub && p.is_none() {
        return (Period::Unresolved, None);
    }
    let until = f
        .until
        .or_else(|| f.ahead.and_then(|n| p.map(|p| p + n)))
        .or_else(|| f.decade_end.then(|| p.map(|p| (p / 10 + 1) * 10)).flatten());
    let span = f
        .span
        .or_else(|| {
            // "since 2023" runs to the year the clause names ("up 2.8% in
            // 2024 from 2023"), else to the article's present.
            f.since.and_then(|s| {
                f.point
                    .or(f.until)
                    .filter(|&e| e > s)
                    .or(p.filter(|p| *p > s))
                    .map(|e| (s, e, false))
            })
        })
        .or_else(|| f.back.and_then(|n| p.map(|p| (p - n, p, false))));
    let point = match (f.point, f.offset_point) {
        // "20.4% in 2024, up from 19.6% a year earlier".
        (Some(y), Some(o)) if f.from_told_time => Some(y + o),
        (Some(y), _) => Some(y),
        (None, o) => o.and_then(|o| p.map(|p| p + o)),
    };
    if change {
        if let Some(per) = f.rate {
            // "up 5% year-over-year" is the change over one year: the
            // year named, else the article's own year ("a projected 40%
            // year-over-year" is a yearly rate, not a change already seen).
            let own_year = if future { None } else { p };
            if f.yoy
                && span.is_none()
                && until.is_none()
                && let Some(y) = point.or(own_year)
            {
                return (Period::over_year(y), None);
            }
            let (from, to) = match (span, until) {
                (Some((a, b, _)), _) => (Some(a), Some(b)),
                (None, Some(u)) => (p, Some(u)),
                (None, None) => (None, None),
            };
            return (Period::Rate { per, from, to }, None);
        }
        if let Some((from, to, fuzzy)) = span {
            return (Period::Span { from, to, fuzzy }, None);
        }
        if let Some(year) = until {
            return (Period::Until { year, from: p }, None);
        }
        if let Some(y) = point {
            // A change "in 2023" is the change over 2023.
            return (Period::over_year(y), None);
        }
        if let Some(years) = f.duration {
            return (Period::Duration { years }, None);
        }
        return (Period::None, None);
    }
    let period = if let Some(year) = point {
        Period::Point { year, weak: false }
    } else if let Some(year) = until {
        Period::Until { year, from: p }
    } else if let Some((from, to, fuzzy)) = span {
        Period::Span { from, to, fuzzy }
    } else if let Some(years) = f.duration.filter(|_| f.length_written) {
        // "$5 billion over five years": a sum over that many years (not
        // "the ten-year average", one year's figure).
        Period::Duration { years }
    } else if let Some(year) = p {
        Period::Point { year, weak: !f.now }
    } else {
        Period::None
    };
    (period, f.rate)
}

/// The frequency of "on an average day", "in a typical year", "in any
/// given month", read at its "average", "typical", "given" or "normal": a
/// time unit taken as any one, which says how often, not an average.
pub(crate) fn typical_unit(toks: &[Token<'_>], at: usize) -> Option<Per> {
    let typical = at > 0
        && matches!(word_at(toks, at - 1), "a" | "an" | "any")
        && matches!(
            word_at(toks, at),
            "average" | "typical" | "given" | "normal"
        );
    typical.then(|| unit_per(word_at(toks, at + 1))).flatten()
}

/// The frequency a time unit names: "day" is [`Per::Day`].
fn unit_per(word: &str) -> Option<Per> {
    match word {
        "year" => Some(Per::Year),
        "month" => Some(Per::Month),
        "quarter" => Some(Per::Quarter),
        "week" => Some(Per::Week),
        "day" => Some(Per::Day),
        "hour" => Some(Per::Hour),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn period(s: &str, change: bool) -> (Period, Option<Per>) {
        let toks = tokenize(s, 0..s.len(), 0);
        resolve(&scan(&toks), change, false, Some(2024))
    }

    #[test]
    fn the_year_of_a_source_after_according_to_is_no_end_year() {
        let point = Period::Point {
            year: 2024,
            weak: false,
        };
        assert_eq!(
            period(
                "According to the 2024 Dive Industry Compensation Survey, instructors took home $36,900.",
                false
            )
            .0,
            point
        );
        assert!(matches!(
            period("Employment is expected to grow 5% to 2030.", true).0,
            Period::Until { year: 2030, .. }
        ));
    }

    #[test]
    fn a_span_needs_no_from() {
        assert_eq!(
            period(
                "Jobs should increase 8% over the 2023 to 2033 decade.",
                true
            ),
            period("Jobs should increase 8% from 2023 to 2033.", true)
        );
        assert_eq!(
            period(
                "Jobs should increase 8% over the whole 2023 to 2033 period.",
                true
            ),
            period("Jobs should increase 8% from 2023 to 2033.", true)
        );
        // A year and a figure after "to" are no span.
        assert!(!matches!(
            period("The share rose from 12% in 2019 to 20% in 2024.", true).0,
            Period::Span { from: 2019, .. }
        ));
    }

    #[test]
    fn a_written_rate_outranks_an_adjective_of_how_often() {
        // "weekly" says which service; "a month" says the rate.
        let per = |s: &str| period(s, false).1;
        assert_eq!(
            per("Homeowners pay an average of $165 a month for weekly pool service in 2024."),
            Some(Per::Month)
        );
        assert_eq!(
            per("The law capped interest at 28% a year plus a monthly maintenance fee."),
            Some(Per::Year)
        );
        assert_eq!(
            per("Weekly pool service costs $165 a month."),
            Some(Per::Month)
        );
        assert_eq!(
            per("The median hourly wage was $23.25 in 2024."),
            Some(Per::Hour)
        );
    }

    #[test]
    fn a_fiscal_year_or_a_part_of_a_year_written_as_one_word_is_a_year() {
        for text in [
            "It spent $3.2 billion in FY2024.",
            "It spent $3.2 billion in FY24.",
            "It had 1.4 million policies at year-end-2024.",
            "It had 1.4 million policies in mid-2024.",
        ] {
            assert_eq!(
                period(text, false).0,
                Period::Point {
                    year: 2024,
                    weak: false
                },
                "{text}"
            );
        }
        assert_eq!(
            period("It spent $9.6 billion from FY2022 through FY2024.", false).0,
            Period::Span {
                from: 2022,
                to: 2024,
                fuzzy: false
            }
        );
    }

    #[test]
    fn a_year_earlier_counts_from_the_time_the_text_told() {
        // No year of its own: not the year before the article's.
        assert_eq!(
            period("A year earlier the rate stood at 16.9%.", false).0,
            Period::None
        );
        // The clause's own year.
        assert_eq!(
            period("It was 18.2% in 2023, against 16.9% a year earlier.", false).0,
            Period::Point {
                year: 2022,
                weak: false
            }
        );
        // From a year earlier: a change over one year, dated.
        assert!(matches!(
            period("Prices were up 4% from a year earlier.", true).0,
            Period::Span { .. }
        ));
        // "a year before taxes" is a yearly sum.
        assert_eq!(
            period("She earns $58,000 a year before taxes.", false).1,
            Some(Per::Year)
        );
    }

    #[test]
    fn cumulative_spans_and_rates() {
        let span = |from, to, fuzzy| Period::Span { from, to, fuzzy };
        let until = |year, from| Period::Until { year, from };
        let rate = |from, to| Period::Rate {
            per: Per::Year,
            from,
            to,
        };
        let cases = [
            ("a 40% surge through 2027", until(2027, Some(2024))),
            ("rose 74% year-over-year in 2024", span(2023, 2024, false)),
            (
                "increased by 36% from early 2023 to 2024",
                span(2023, 2024, true),
            ),
            ("grow 60% between 2022 and 2032", span(2022, 2032, false)),
            // The end year by its last two digits; not a school year.
            ("projected to grow 5% over 2023-33", span(2023, 2033, false)),
            ("grew 4% in 2022-23", Period::over_year(2022)),
            ("growing 25% a year", rate(None, None)),
            ("a CAGR of 9.5% through 2030", rate(Some(2024), Some(2030))),
            (
                "a compound annual growth rate of 14.2% from 2024 to 2030",
                rate(Some(2024), Some(2030)),
            ),
            ("grow 10% over the next five years", until(2029, Some(2024))),
            (
                "a 20% increase over the three years since 2021",
                span(2021, 2024, false),
            ),
            ("rose 30% since 2020", span(2020, 2024, false)),
            (
                "slid from 37% in 1990 to about 12% today",
                span(1990, 2024, false),
            ),
            (
                "a 62% raise spread over six years",
                Period::Duration { years: 6 },
            ),
            // A change from a year runs to the year the clause names, or
            // else to the article's present.
            ("rose 2.8% in 2024 from 2023", Period::over_year(2024)),
            ("rose 9% from 2019", span(2019, 2024, false)),
            (
                "that decade-long 23% growth",
                Period::Duration { years: 10 },
            ),
            ("grew 12% from 2022-2024", span(2022, 2024, false)),
            (
                "the Bureau's 2023 to 2033 projections show jobs rising 9% over the decade",
                span(2023, 2033, false),
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(period(text, true).0, expected, "{text}");
        }
    }

    #[test]
    fn frequency_is_a_unit_for_levels() {
        assert_eq!(
            period("earn an average of $165,000 a year", false),
            (
                Period::Point {
                    year: 2024,
                    weak: true
                },
                Some(Per::Year)
            )
        );
        assert_eq!(
            period("was $61,770 in 2023", false).0,
            Period::Point {
                year: 2023,
                weak: false
            }
        );
        assert_eq!(
            period("now work from home on roughly 40%", false).0,
            Period::Point {
                year: 2024,
                weak: false
            }
        );
        assert_eq!(period("use AI assistants daily", false).1, Some(Per::Day));
        assert_eq!(
            period("reach $187 billion by 2030", false).0,
            Period::Until {
                year: 2030,
                from: Some(2024)
            }
        );
        assert_eq!(
            period("rose 5% last year", true).0,
            Period::Span {
                from: 2022,
                to: 2023,
                fuzzy: false
            }
        );
    }

    #[test]
    fn a_named_part_of_the_year_dates_the_figure() {
        let month = |s: &str, change: bool| {
            let toks = tokenize(s, 0..s.len(), 0);
            let facts = scan(&toks);
            let (period, _) = resolve(&facts, change, false, Some(2024));
            (period, facts.part_of(&period))
        };
        let point = |year| Period::Point { year, weak: false };
        assert_eq!(
            month("was 3.9% in February 2024", false),
            (point(2024), Some(YearPart::Month(2)))
        );
        // A season names its year: "between fall 2019 and fall 2022".
        assert_eq!(
            month(
                "enrollment fell 10.1% between fall 2019 and fall 2022",
                true
            )
            .0,
            Period::Span {
                from: 2019,
                to: 2022,
                fuzzy: false
            }
        );
        // A stage of the year is a part of it too.
        for text in ["about 5.6 million by mid-2024", "rates peaked in mid 2024"] {
            assert_eq!(
                month(text, false).1,
                Some(YearPart::Stage(Stage::Mid)),
                "{text}"
            );
        }
        assert_eq!(
            month("in late 2024 it was 7%", false),
            (point(2024), Some(YearPart::Stage(Stage::Late)))
        );
        assert_eq!(
            month("as of Sept. 2023, 41%", false),
            (point(2023), Some(YearPart::Month(9)))
        );
        assert_eq!(
            month("on March 12, 2024, it hit 7%", false),
            (point(2024), Some(YearPart::Month(3)))
        );
        assert_eq!(
            month("in 12 May 2022 it was 7%", false),
            (point(2022), Some(YearPart::Month(5)))
        );
        assert_eq!(
            month("prices rose 3% in June of 2024", true),
            (Period::over_year(2024), Some(YearPart::Month(6)))
        );
        // The preposition is read before the whole date.
        assert_eq!(
            month("will reach $5 billion by March 2027", false),
            (
                Period::Until {
                    year: 2027,
                    from: Some(2024)
                },
                Some(YearPart::Month(3))
            )
        );
        assert_eq!(
            month("sales rose 25% in the first quarter of 2023", true),
            (Period::over_year(2023), Some(YearPart::Quarter(1)))
        );
        assert_eq!(
            month("in Q3 2024 it was 7%", false),
            (point(2024), Some(YearPart::Quarter(3)))
        );
        assert_eq!(
            month("during the second half of 2023, 41%", false),
            (point(2023), Some(YearPart::Half(2)))
        );
        assert_eq!(
            month(
                "balances fell by $45 billion in the last three months of 2024",
                true
            ),
            (Period::over_year(2024), Some(YearPart::Quarter(4)))
        );
        assert_eq!(
            month("in the first six months of 2023, 41%", false),
            (point(2023), Some(YearPart::Half(1)))
        );
        // A span of months of one year is its own part.
        assert_eq!(
            month("sales rose 8% between January and March 2024", true),
            (Period::over_year(2024), Some(YearPart::Months(1, 3)))
        );
        assert_eq!(
            month("sales rose 8% from April to June 2024", true).1,
            Some(YearPart::Months(4, 6))
        );
        assert_eq!(
            month("sales rose 8% in January–March 2024", true).1,
            Some(YearPart::Months(1, 3))
        );
        // A year alone, or a span, has no part.
        assert_eq!(month("was 3.9% in 2024", false), (point(2024), None));
        assert_eq!(month("rose 9% from May 2022 to 2024", true).1, None);
    }

    #[test]
    fn relative_periods_need_a_date() {
        let toks = tokenize("over the next five years", 0..24, 0);
        assert_eq!(
            resolve(&scan(&toks), true, false, None).0,
            Period::Unresolved
        );
        let toks = tokenize("grew 4%", 0..7, 0);
        assert_eq!(resolve(&scan(&toks), false, false, None).0, Period::None);
    }
}
