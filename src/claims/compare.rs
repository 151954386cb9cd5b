//! Pairing claims and deciding whether two of them contradict each other.
//!
//! Claims are indexed by their subject slots (unit, metric, geography,
//! aggregate, level, base and the whole set of subject terms): two claims are
//! compared only when every slot is equal, so a "business intelligence
//! analyst" never meets a "business analyst", and wages never meet
//! employment. Inside one index entry a claim is compared with the first
//! claim of every distinct statement before it, so every real pair is seen
//! and the work is bounded by the number of distinct statements, not the
//! number of claims. A pair is reported under one of five rules: period
//! mismatch, value mismatch, hedge conflict, scale mismatch and direction
//! mismatch.
//!
//! Checks against the facts file reuse [`subjects_match`], [`comparable`] and
//! [`values_compatible`] from here; the facts format is in `facts.rs`.

use rayon::prelude::*;
use serde::Serialize;

use super::bracket::names_a_quantile;
use super::compound;
use super::elision;
use super::judged::{Family, Judged, Memory, judge_group, remember};
use super::lexicon::{FastMap, Tolerances};
use super::number::{Form, Hedge, Unit};
use super::period::{Per, Period, YearPart};
use super::subject::{Metric, SubjectKey, is_measure_term, says_what_is_measured};
use super::term::{Term, Terms};
use super::{Claim, ClaimRef, ConflictKind};

/// Two claims that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// What the two claims disagree on.
    pub kind: ConflictKind,
    /// The claim the finding is reported on (the later one in document
    /// order); "here" in the message.
    pub a: ClaimRef,
    /// The other claim (related location).
    pub b: ClaimRef,
    /// How sure the match is, from 0 to 1 ([`confidence`]): findings below
    /// a rule's `min_confidence` are not reported.
    pub confidence: f64,
}

/// How sure copydesk is that two claims state the same quantity, from the
/// evidence the match rests on: it starts high for equal subject slots and
/// explicit dates, and drops for each weaker piece of evidence.
///
/// - a period read from the present tense alone ("is $61,000"): -0.2
/// - a subject of two words only: -0.1
/// - a subject held in the other, not equal (the same digits decided): -0.2
pub fn confidence(x: &Claim, y: &Claim) -> f64 {
    let mut c: f64 = 0.95;
    if x.as_of.is_some() || y.as_of.is_some() {
        c -= 0.2;
    }
    if x.subject.terms.len() + x.subject.base.len() <= 2
        || y.subject.terms.len() + y.subject.base.len() <= 2
    {
        c -= 0.1;
    }
    if x.subject.terms != y.subject.terms {
        c -= 0.2;
    }
    (c.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Plain Jaccard similarity of two term lists (no corpus weights; used for
/// the facts file).
pub(crate) fn plain_similarity(a: Terms, b: Terms) -> f64 {
    let inter = a.iter().filter(|&t| b.contains(t)).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// How closely two subjects match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SubjectMatch {
    /// Not the same thing.
    No,
    /// One side only said "the field"; its topic term is among the other's
    /// terms. Good enough for the period rule, which also needs the same figure.
    Loose,
    /// Same metric, qualifiers, base and enough shared terms.
    Strict,
}

/// The subject gate: metric, unit, qualifiers and base must be equal, then
/// the weighted term overlap decides.
pub(crate) fn subjects_match(
    x: &Claim,
    y: &Claim,
    similarity: impl FnOnce() -> f64,
    threshold: f64,
) -> SubjectMatch {
    let (a, b) = (&x.subject, &y.subject);
    if a.metric != b.metric
        || x.unit != y.unit
        || region(x) != region(y)
        || aggregate(x) != aggregate(y)
        || a.level != b.level
        || a.base != b.base
        || !same_framing(x, y)
    {
        return SubjectMatch::No;
    }
    // "China accounted for 60% of EV sales" / "China made up 45% of EV
    // sales": a share whose clause adds nothing to its base is the base.
    let base_only = |k: &SubjectKey| k.terms.is_empty() && !k.base.is_empty();
    if (base_only(a) && base_only(b)) || similarity() >= threshold {
        return SubjectMatch::Strict;
    }
    let contained = |small: &SubjectKey, big: &SubjectKey| {
        small.anaphoric
            && !small.terms.is_empty()
            && small.terms.iter().all(|t| big.terms.contains(t))
    };
    if contained(a, b) || contained(b, a) {
        SubjectMatch::Loose
    } else {
        SubjectMatch::No
    }
}

/// The region two claims must share to meet, as a key. A figure with no
/// region written is the whole country's, and the country articles leave
/// unsaid is the US: "the median teacher salary was $69,544" meets "the
/// median US teacher salary was $65,090". Not in an article whose figures
/// name other regions only ([`Claim::abroad`]).
fn region(c: &Claim) -> Region {
    static US: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
    match c.subject.geo {
        Some(g) if g == *US.get_or_init(|| Term::new("US")) => Region::Home,
        Some(g) => Region::Named(g),
        None if c.abroad => Region::Unstated,
        None => Region::Home,
    }
}

/// The aggregate two claims must share to meet. A change of the average
/// is the change of the series ("the average price of child care rose
/// 29%" is "child care prices rose 29%"); a median, a percentile or an
/// average level is its own figure.
fn aggregate(c: &Claim) -> Option<Term> {
    static AVERAGE: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
    let average = *AVERAGE.get_or_init(|| Term::new("average"));
    match c.subject.aggregate {
        Some(a) if a == average && c.subject.metric == Metric::Change => None,
        a => a,
    }
}

/// [`region`]'s key.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Region {
    /// The US, written or not.
    Home,
    /// Another region, written.
    Named(Term),
    /// None written, in an article that names other regions only.
    Unstated,
}

/// Frequencies and written forms that can describe the same quantity: a
/// salary with no frequency is a yearly salary, and a rate of a year
/// ("58% annual occupancy in 2024") is the year's rate ("64% occupancy
/// over 2024"), but a count "each year" is not a total; a "from X to Y"
/// change only meets another change.
fn same_framing(x: &Claim, y: &Claim) -> bool {
    let money = x.unit.is_money();
    let yearly_rate = x.unit == Unit::Percent && x.subject.metric == Metric::Level;
    let per = match (x.per, y.per) {
        (Some(a), Some(b)) => a == b,
        (None, None) => true,
        (None, Some(Per::Year)) | (Some(Per::Year), None) => money || yearly_rate,
        _ => false,
    };
    per && (x.form == Form::Change) == (y.form == Form::Change)
}

/// Can two claims' periods be compared for value?
pub(crate) fn comparable(p: &Period, q: &Period) -> bool {
    use Period::*;
    // Two points in time, the most common pair, first.
    if let (Point { year: a, .. }, Point { year: b, .. }) = (p, q) {
        return a == b;
    }
    let one = |p: &Period, q: &Period| -> bool {
        match (*p, *q) {
            // An undated figure may hold at any time: never compared.
            (Point { year: a, .. }, Point { year: b, .. }) => a == b,
            (Until { year: a, .. }, Until { year: b, .. }) => a == b,
            (
                Until { year, .. },
                Point {
                    year: b,
                    weak: false,
                },
            ) => year == b,
            (Until { year, from }, Span { from: a, to: b, .. }) => {
                b == year && from.is_some_and(|f| (a - f).abs() <= 1)
            }
            (
                Span {
                    from: a1,
                    to: a2,
                    fuzzy: f1,
                },
                Span {
                    from: b1,
                    to: b2,
                    fuzzy: f2,
                },
            ) => {
                let slack = i32::from(f1 || f2);
                (a1 - b1).abs() <= slack && (a2 - b2).abs() <= slack
            }
            (
                Rate {
                    per: a,
                    from: af,
                    to: at,
                },
                Rate {
                    per: b,
                    from: bf,
                    to: bt,
                },
            ) => {
                // Yearly rates over overlapping horizons are one rate.
                let overlap = match (af, at, bf, bt) {
                    (Some(a1), Some(a2), Some(b1), Some(b2)) => a1 < b2 && b1 < a2,
                    (Option::None, Option::None, _, _) | (_, _, Option::None, Option::None) => true,
                    _ => at == bt || (af.is_some() && af == bf),
                };
                a == b && overlap
            }
            // A change over one year is a year-over-year rate.
            (
                Rate {
                    per: Per::Year,
                    from,
                    to,
                },
                Span {
                    from: a,
                    to: b,
                    fuzzy,
                },
            ) => {
                let len_ok = b - a == 1 || (fuzzy && (b - a - 1).abs() <= 1);
                let in_horizon = match (from, to) {
                    (Some(f), Some(t)) => b > f && b <= t,
                    _ => true,
                };
                len_ok && in_horizon
            }
            (Duration { years }, Span { from, to, .. }) => to - from == years,
            (Duration { years: a }, Duration { years: b }) => a == b,
            _ => false,
        }
    };
    one(p, q) || one(q, p)
}

/// One side is a multi-year total and the other a per-year rate or a change
/// over one year ("up 40% year-over-year").
fn framing_conflict(p: &Period, q: &Period) -> bool {
    let one = |p: &Period, q: &Period| {
        p.cumulative_years().is_some_and(|y| y >= 2)
            && (matches!(q, Period::Rate { per: Per::Year, .. }) || q.cumulative_years() == Some(1))
    };
    one(p, q) || one(q, p) || lengths_conflict(p, q)
}

/// Two totals over lengths of time two or more years apart, one of them a
/// length written as such ("spread over six years" and "over the next
/// three years"). Two end years ("through 2030") counted from two
/// articles' dates are not lengths that can clash.
fn lengths_conflict(p: &Period, q: &Period) -> bool {
    let explicit = |p: &Period| matches!(p, Period::Duration { .. } | Period::Span { .. });
    let written = |p: &Period| matches!(p, Period::Duration { .. });
    let (Some(a), Some(b)) = (p.cumulative_years(), q.cumulative_years()) else {
        return false;
    };
    a >= 2
        && b >= 2
        && (a - b).abs() >= 2
        && (written(p) || written(q))
        && (explicit(p) || explicit(q))
}

/// Do two spans start two or more years apart and end within a year of
/// each other ("1990 to today" and "2000 to today", written a year apart)?
fn starts_apart(p: &Period, q: &Period) -> bool {
    match (*p, *q) {
        (Period::Span { from: a, to: b, .. }, Period::Span { from: c, to: d, .. }) => {
            (a - c).abs() >= 2 && (b - d).abs() <= 1
        }
        _ => false,
    }
}

/// Is `point` one named year at the end of, or inside, the span of two
/// years or more written as `span` ("in 2023" and "between 2021 and 2023")?
fn year_in_span(point: &Period, span: &Period) -> bool {
    match (*point, *span) {
        (Period::Point { year, weak: false }, Period::Span { from, to, .. }) => {
            to - from >= 2 && year > from && year <= to
        }
        _ => false,
    }
}

/// The most an exact share's tolerance can be, in points.
const SHARE_POINTS: f64 = 1.0;

/// Tolerance added on each side of a claim's interval.
///
/// An approximate figure ("about 43%") gets none: its interval already
/// carries the approximation tolerance, and widening it twice let "about
/// 43%" meet "more than half". A bound ("more than half") gets only the
/// absolute tolerance of a percentage, for rounding at its edge.
fn slack(c: &Claim, tol: &Tolerances) -> f64 {
    let percent = matches!(c.unit, Unit::Percent | Unit::Points);
    match c.hedge {
        Hedge::Approximate => 0.0,
        // A share is within a point of another, not within 5% of itself:
        // "78%" and "74.4%" of flights on time disagree, and so do an 87%
        // and an 82% occupancy rate. A change is a figure of its own two
        // ends, rounded by whoever worked it out, and keeps the relative
        // tolerance.
        Hedge::Exact if c.unit == Unit::Percent && c.subject.metric != Metric::Change => {
            (tol.rel_tol * c.value.abs()).clamp(tol.pct_abs_tol, SHARE_POINTS)
        }
        Hedge::Exact => {
            let rel = tol.rel_tol * c.value.abs();
            if percent {
                rel.max(tol.pct_abs_tol)
            } else {
                rel
            }
        }
        _ if percent => tol.pct_abs_tol,
        _ => tol.rel_tol * c.value.abs(),
    }
}

/// Do the two claims' intervals overlap once widened by the tolerances?
/// (The period rule's and the facts file's test: the same figure framed
/// two ways.)
pub(crate) fn values_compatible(x: &Claim, y: &Claim, tol: &Tolerances) -> bool {
    intervals_meet(x, y, tol, false)
}

/// [`values_compatible`] for the value rules, where an approximate figure
/// meets an exact one: "roughly 124 billion" against "112.6 billion". The
/// approximate figure's interval is the tolerance of the pair, so the exact
/// figure keeps half its own, not a second whole tolerance on top (which
/// let figures 10% apart agree). The period rule keeps both: it asks
/// whether two framings can be of one figure, not whether two figures
/// differ.
fn values_agree(x: &Claim, y: &Claim, tol: &Tolerances) -> bool {
    intervals_meet(x, y, tol, true)
}

/// Do the two claims' intervals overlap once widened by the tolerances?
/// `strict`: see [`values_agree`].
fn intervals_meet(x: &Claim, y: &Claim, tol: &Tolerances, strict: bool) -> bool {
    let overlap = |xl: f64, xh: f64, sx: f64, yl: f64, yh: f64, sy: f64| {
        xl - sx <= yh + sy && yl - sy <= xh + sx
    };
    let (mut sx, mut sy) = (slack(x, tol), slack(y, tol));
    // Two exact figures, or a figure and a bound ("less than $15"), may
    // differ by the tolerance of the larger one, not by the sum of both
    // tolerances (which doubled it).
    if x.hedge != Hedge::Approximate && y.hedge != Hedge::Approximate {
        let half = sx.max(sy) / 2.0;
        (sx, sy) = (half, half);
    } else if strict && (x.hedge == Hedge::Exact) != (y.hedge == Hedge::Exact) {
        sx /= 2.0;
        sy /= 2.0;
    }
    let ends = overlap(x.low, x.high, sx, y.low, y.high, sy);
    match (x.from, y.from) {
        (Some(a), Some(b)) => {
            let fx = tol.rel_tol * a.abs()
                + if x.unit == Unit::Percent {
                    tol.pct_abs_tol
                } else {
                    0.0
                };
            let fy = tol.rel_tol * b.abs()
                + if y.unit == Unit::Percent {
                    tol.pct_abs_tol
                } else {
                    0.0
                };
            ends && overlap(a, a, fx, b, b, fy)
        }
        _ => ends,
    }
}

/// How a count of things that happen (finishers, downloads, openings)
/// is framed, for the period rule: as one year's number or as several
/// years' total.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CountFraming {
    /// "510,000 finishers in 2024", "193,100 openings each year".
    OneYear,
    /// "510,000 finishes over 2022-2024", "41 million over the past three
    /// years".
    SeveralYears,
}

/// The [`CountFraming`] of a plain count written as one figure, or of a sum
/// of money given a year or over a length of years. A count dated by the
/// present tense alone ("the program has 510,000 members") is a state, not
/// a year's number, and has none.
fn count_framing(c: &Claim) -> Option<CountFraming> {
    let money = c.unit.is_money();
    if !(c.unit == Unit::Count || money)
        || c.form != Form::Point
        || !matches!(c.subject.metric, Metric::Level | Metric::NewCount)
    {
        return None;
    }
    match (c.per, c.period) {
        (Some(Per::Year), _) => Some(CountFraming::OneYear),
        // A sum of money of one named year is [`year_in_span`]'s.
        (None, Period::Point { weak: false, .. }) if !money => Some(CountFraming::OneYear),
        (None, Period::Span { from, to, .. }) if to - from >= 2 => Some(CountFraming::SeveralYears),
        // "$4 billion over five fiscal years" against "$4 billion a year".
        (None, Period::Duration { years }) if years >= 2 => Some(CountFraming::SeveralYears),
        _ => None,
    }
}

/// The same count given as one year's number in one place and as several
/// years' total in another.
fn count_framing_conflict(x: &Claim, y: &Claim) -> bool {
    matches!(
        (count_framing(x), count_framing(y)),
        (Some(a), Some(b)) if a != b
    )
}

/// Judges one pair of claims with the same subject slots; `y` is the later
/// claim (reported), `x` the earlier. Returns how the pair conflicts; the
/// rule of that kind words it.
fn judge(x: &Claim, y: &Claim, tol: &Tolerances) -> Option<ConflictKind> {
    // Checked first: "each year" against a total is a frequency apart, which
    // [`same_framing`] refuses.
    if count_framing_conflict(x, y) {
        return same_number(x, y, tol).then_some(ConflictKind::Period);
    }
    if !same_framing(x, y) {
        return None;
    }
    let change = y.subject.metric == Metric::Change;
    // A projection and an observation are different facts: only the same
    // figure under two framings (the period rule) can tie them.
    let same_status = x.forecast == y.forecast && same_moment(x, y);
    let across_new_year = present_across_new_year(x, y);
    let periods_comparable = same_status
        && (comparable(&x.period, &y.period)
            || latest_year(x, y)
            || latest_year(y, x)
            || across_new_year);
    let points = x.form == Form::Point && y.form == Form::Point;
    let framing_clash = points
        && if change {
            x.direction == y.direction && framing_conflict(&x.period, &y.period)
        } else {
            // "raised $420 million in 2023 alone" and "between 2021 and
            // 2023": the same sum of money for one year and for several;
            // "44.2 million albums sold in 2024" and "in the first half of
            // 2024": the same sales for a year and for part of it.
            (x.unit.is_money()
                && (year_in_span(&x.period, &y.period) || year_in_span(&y.period, &x.period)))
                || part_and_whole(x, y)
        };
    // "from 37% in 1990 to 12% today" and "from 37% in 2000 to 12%
    // today": one change told from two start years.
    let journey_clash = x.form == Form::Change
        && y.form == Form::Change
        && starts_apart(&x.period, &y.period)
        && matches!((x.from, y.from), (Some(a), Some(b)) if (a - b).abs() <= tol.rel_tol * a.abs().max(b.abs()));
    let framing_clash = framing_clash || journey_clash;
    // Most candidate pairs fail here, on their periods alone.
    if !periods_comparable && !framing_clash {
        return None;
    }
    // Figures of two years told in the present may both be current, each
    // in its year: only a gap wider than a year's drift is a contradiction.
    if periods_comparable && across_new_year && !beyond_drift(x, y) {
        return None;
    }
    if periods_comparable {
        if change && x.direction != 0 && y.direction != 0 && x.direction != y.direction {
            return Some(ConflictKind::Direction);
        }
        if values_agree(x, y, tol) {
            return None;
        }
        if is_scale_slip(x, y) {
            return Some(ConflictKind::Scale);
        }
        if x.hedge != Hedge::Exact || y.hedge != Hedge::Exact {
            return Some(ConflictKind::Hedge);
        }
        return Some(ConflictKind::Value);
    }
    (framing_clash && values_compatible(x, y, tol) && same_number(x, y, tol))
        .then_some(ConflictKind::Period)
}

/// Months apart beyond which two percentages in the present tense ("41%
/// of members are ...") describe different moments.
const PRESENT_TENSE_MONTHS: i32 = 6;

/// Months apart within which two present-tense levels in dollars or
/// counts (a median wage, a number of jobs) are told of one moment: such
/// figures are republished once a year, unlike a survey's shares.
const STANDING_FIGURE_MONTHS: i32 = 9;

/// Do two present-tense figures speak of the same moment? Their articles
/// must have been published within [`PRESENT_TENSE_MONTHS`] of each other
/// for percentages, [`STANDING_FIGURE_MONTHS`] for other figures.
/// Figures dated to two different named parts of one year ("in February
/// 2024", "in November 2024", "in Q3 2024") are not of the same moment
/// either; nor is a change over a part of a year ("rose 25% in the first
/// quarter of 2023") the change over the year.
fn same_moment(x: &Claim, y: &Claim) -> bool {
    let change = x.subject.metric == Metric::Change;
    match (x.part, y.part) {
        (Some(a), Some(b)) if a != b => return false,
        (Some(_), None) | (None, Some(_)) if change || is_flow(x) => return false,
        // "by mid-2024" is not the year's figure.
        (Some(YearPart::Stage(_)), None) | (None, Some(YearPart::Stage(_))) => return false,
        _ => {}
    }
    // A figure said to hold "now" is of its article's year as written;
    // only the present tense alone leaves the moment that open.
    let weak = |c: &Claim| matches!(c.period, Period::Point { weak: true, .. });
    match (x.as_of, y.as_of) {
        (Some(a), Some(b)) if weak(x) || weak(y) => {
            let window = if matches!(x.unit, Unit::Percent | Unit::Points) {
                PRESENT_TENSE_MONTHS
            } else {
                STANDING_FIGURE_MONTHS
            };
            (a - b).abs() <= window
        }
        _ => true,
    }
}

/// Are both figures levels (a wage, a count, a price: not a change or what
/// a year adds) dated by the present tense alone, in articles published
/// either side of a new year ("is $61,000" in November 2024 and in March
/// 2025)? Their years differ, but [`same_moment`] has found them close
/// enough to be told of one moment.
pub(crate) fn present_across_new_year(x: &Claim, y: &Claim) -> bool {
    let level = |c: &Claim| c.subject.metric == Metric::Level && c.form == Form::Point;
    level(x)
        && level(y)
        && matches!(
            (x.period, y.period),
            (Period::Point { year: a, weak: true }, Period::Point { year: b, weak: true }) if a != b
        )
}

/// How far apart (ratio) two current figures of two years must be to
/// contradict ([`present_across_new_year`]): more than a level moves in a
/// year or two.
const DRIFT_RATIO: f64 = 1.2;

/// Do two figures that do not agree lie further apart, as written, than
/// [`DRIFT_RATIO`] (and, for percentages, more than five points)?
fn beyond_drift(x: &Claim, y: &Claim) -> bool {
    if !(x.high < y.low || y.high < x.low) {
        return false;
    }
    // The figures as written: a hedge ("about $71,500") widens what a
    // figure allows, not how far the writer put it from the other.
    let (low, high) = if x.value < y.value {
        (x.value, y.value)
    } else {
        (y.value, x.value)
    };
    let points = !matches!(x.unit, Unit::Percent | Unit::Points) || high - low > 5.0;
    low > 0.0 && high / low >= DRIFT_RATIO && points
}

/// Is a claim's figure summed over its period, as sales are ("44.2 million
/// albums sold in 2024", "$2.1 billion in sales")? The sales of part of a
/// year are not the year's, while a median wage "in May 2024" is.
fn is_flow(c: &Claim) -> bool {
    static SALE: std::sync::OnceLock<Term> = std::sync::OnceLock::new();
    c.subject
        .terms
        .contains(*SALE.get_or_init(|| Term::new("sale")))
}

/// The year of a claim's sales, and whether they are of a part of it (a
/// month, a quarter, a half) or of all of it: `None` for a figure that is
/// no sales of a dated year, or of a stage of one ("by mid-2024").
fn sales_year(c: &Claim) -> Option<(i32, bool)> {
    if !is_flow(c) || c.form != Form::Point {
        return None;
    }
    let Period::Point { year, weak: false } = c.period else {
        return None;
    };
    match c.part {
        Some(YearPart::Stage(_)) => None,
        part => Some((year, part.is_some())),
    }
}

/// Are two claims the sales of one year, one of part of it and the other
/// of all of it?
fn part_and_whole(x: &Claim, y: &Claim) -> bool {
    matches!((sales_year(x), sales_year(y)), (Some((a, p)), Some((b, q))) if a == b && p != q)
}

/// Is `now` a present-tense figure ("the average salary is $112,590") and
/// `dated` one of the year before its article's date ("in 2024, the
/// average salary was ...")? A yearly statistic is published months after
/// its year ends, so the latest figure an article can state as current is
/// that of the previous year (or its own).
fn latest_year(now: &Claim, dated: &Claim) -> bool {
    match (now.as_of, dated.as_of, dated.period) {
        (Some(month), _, Period::Point { year, weak: false }) => year == month / 12 - 1,
        _ => false,
    }
}

/// Are the two figures the same number as written, within rounding? An
/// open bound ("more than 10%") allows many figures but is not the same
/// figure as any of them, which is what the period rule needs.
fn same_number(x: &Claim, y: &Claim, tol: &Tolerances) -> bool {
    let gap = (x.value - y.value).abs();
    let percent = matches!(x.unit, Unit::Percent | Unit::Points);
    let allowed = tol.rel_tol * x.value.abs().max(y.value.abs());
    gap <= if percent {
        allowed.max(tol.pct_abs_tol)
    } else {
        allowed
    }
}

/// The same digits with scale words a thousand times or more apart.
fn is_scale_slip(x: &Claim, y: &Claim) -> bool {
    (x.scale - y.scale).abs() >= 3
        && (x.mantissa - y.mantissa).abs() < 1e-9
        && x.form == Form::Point
        && y.form == Form::Point
}

impl Conflict {
    /// A conflict of `kind` reported on the later claim `a` against `b`,
    /// with the confidence of their match.
    pub(super) fn of(kind: ConflictKind, a: (ClaimRef, &Claim), b: (ClaimRef, &Claim)) -> Conflict {
        Conflict {
            kind,
            a: a.0,
            b: b.0,
            confidence: confidence(b.1, a.1),
        }
    }
}

/// The subject slots two claims must share to be compared at all.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct SlotKey {
    unit: Unit,
    metric: Metric,
    geo: Region,
    aggregate: Option<Term>,
    level: Option<Term>,
    base: u32,
    terms: u32,
}

fn slot_key(c: &Claim) -> SlotKey {
    let s = &c.subject;
    SlotKey {
        unit: c.unit,
        metric: s.metric,
        geo: region(c),
        aggregate: aggregate(c),
        level: s.level,
        base: s.base.id(),
        terms: s.terms.id(),
    }
}

/// Everything a claim states besides its subject. Two claims with equal
/// statements agree, so a claim needs comparing with only the first claim
/// of each distinct statement.
#[derive(PartialEq, Eq, Hash)]
struct Statement {
    numbers: [u64; 5],
    from: Option<u64>,
    per: Option<Per>,
    hedge: Hedge,
    form: Form,
    direction: i8,
    period: Period,
    forecast: bool,
}

fn statement(c: &Claim) -> Statement {
    Statement {
        numbers: [
            c.value.to_bits(),
            c.low.to_bits(),
            c.high.to_bits(),
            c.mantissa.to_bits(),
            c.scale as u64,
        ],
        from: c.from.map(f64::to_bits),
        per: c.per,
        hedge: c.hedge,
        form: c.form,
        direction: c.direction,
        period: c.period,
        forecast: c.forecast,
    }
}

/// The claims of `all` (as [`flatten`] lists them, by article) whose
/// aggregate is "typical", each read as a
/// median, as an average and as a figure with no aggregate written, by
/// index into `all`. Writers say "the typical household" for either (a
/// median in one report, an average in another) and "a typical dog owner
/// spent $730" for what "dog owners spent $410" says, so a typical figure
/// is a guess at each: it meets all three, and, like a completed subject
/// ([`elision`]), never another guess. Where its own article gives a
/// median or an average it agrees with ("the median annual wage was
/// $51,970 ... a typical stonemason earns a little over $50,000"), the
/// article has said which it means, and only that reading is kept. Failing
/// that, where the other articles give one of the two that it agrees with,
/// and not the other ("The typical forklift operator earns about $43,000"
/// against a median of $43,080 and a mean of $45,100), it is read as that
/// one.
fn typical_readings(all: &[(ClaimRef, &Claim)], tol: &Tolerances) -> Vec<(usize, Claim)> {
    static TERMS: std::sync::OnceLock<[Term; 3]> = std::sync::OnceLock::new();
    let [typical, median, average] = *TERMS.get_or_init(|| {
        [
            Term::new("typical"),
            Term::new("median"),
            Term::new("average"),
        ]
    });
    let mut out = Vec::new();
    // The medians and averages of the corpus by their slots, filed only
    // when there is a typical figure to read.
    let mut summaries: Option<FastMap<SlotKey, Vec<u32>>> = None;
    for (j, (_, c)) in all.iter().enumerate() {
        if c.subject.aggregate != Some(typical) {
            continue;
        }
        let summaries = summaries.get_or_insert_with(|| {
            let mut filed: FastMap<SlotKey, Vec<u32>> = FastMap::default();
            for (i, (_, other)) in all.iter().enumerate() {
                if matches!(other.subject.aggregate, Some(a) if a == median || a == average) {
                    filed.entry(slot_key(other)).or_default().push(i as u32);
                }
            }
            filed
        });
        let read = |reading: Option<Term>| {
            let mut claim = (*c).clone();
            claim.subject.aggregate = reading;
            claim
        };
        // `all` lists each article's claims together, in article order.
        let doc = all[j].0.doc;
        let article = &all
            [all.partition_point(|(r, _)| r.doc < doc)..all.partition_point(|(r, _)| r.doc <= doc)];
        let said = [median, average].into_iter().find(|&a| {
            let claim = read(Some(a));
            let key = slot_key(&claim);
            article.iter().any(|(_, other)| {
                other.subject.aggregate == Some(a)
                    && slot_key(other) == key
                    && values_agree(&claim, other, tol)
            })
        });
        // Else the one reading the rest of the corpus bears out.
        let said = said.or_else(|| {
            let borne_out = |a: Term| {
                let claim = read(Some(a));
                summaries.get(&slot_key(&claim)).is_some_and(|filed| {
                    filed.iter().any(|&i| {
                        let other = all[i as usize].1;
                        comparable(&claim.period, &other.period) && values_agree(&claim, other, tol)
                    })
                })
            };
            match (borne_out(median), borne_out(average)) {
                (true, false) => Some(median),
                (false, true) => Some(average),
                _ => None,
            }
        });
        match said {
            Some(a) => out.push((j, read(Some(a)))),
            None => {
                for reading in [Some(median), Some(average), None] {
                    out.push((j, read(reading)));
                }
            }
        }
    }
    out
}

/// The claims of `all` that give a sum of money for a thing without
/// saying what the sum measures ("the average gutter replacement ran
/// $1,900", "- **Gutter replacement, national average**: $1,450"), each
/// read as what the thing costs and as its price, by index into `all`. A
/// sum said of a thing is what buying it takes unless a word says
/// otherwise (revenue, a budget, someone's pay), so the readings meet the
/// figures that write "cost" or "price" ("the national average for full
/// board was $725 a month" and "the average price for full board was
/// $650"); like a completed subject ([`elision`]) each is a guess, and
/// never meets another.
fn costed_readings(all: &[(ClaimRef, &Claim)]) -> Vec<(usize, Claim)> {
    static WORDS: std::sync::OnceLock<[Term; 2]> = std::sync::OnceLock::new();
    let words = *WORDS.get_or_init(|| [Term::new("cost"), Term::new("price")]);
    // The subjects written with "cost" or "price", filed by their other
    // words: a reading no claim writes meets nothing, and is not made.
    let mut written: FastMap<(SlotKey, Term), ()> = FastMap::default();
    for (_, c) in all {
        if !c.unit.is_money() {
            continue;
        }
        for word in words {
            if c.subject.terms.contains(word) {
                let key = SlotKey {
                    terms: c.subject.terms.without(word).id(),
                    ..slot_key(c)
                };
                written.insert((key, word), ());
            }
        }
    }
    let mut out = Vec::new();
    for (j, (_, c)) in all.iter().enumerate() {
        if !c.unit.is_money()
            || c.subject.metric != Metric::Level
            || c.subject
                .terms
                .iter()
                .any(|t| says_what_is_measured(t.as_str()))
            || !specific(c)
        {
            continue;
        }
        let key = slot_key(c);
        for word in words {
            if written.contains_key(&(key, word)) {
                let mut claim = (*c).clone();
                claim.subject.terms = c.subject.terms.with(word);
                out.push((j, claim));
            }
        }
    }
    out
}

/// Drops, from conflicts sorted by claim, those of a figure an article
/// restates ("$93,600" in its text and again in its summary list) after
/// the first: the article states one figure, whose conflict with another
/// claim is reported once, where the article first gives it.
fn drop_restated(out: &mut Vec<Conflict>, docs: &[Vec<Claim>]) {
    let claim = |r: ClaimRef| &docs[r.doc][r.claim];
    let mut seen: FastMap<(usize, Statement, SlotKey, ClaimRef), ()> = FastMap::default();
    out.retain(|c| {
        let (a, b) = (claim(c.a), claim(c.b));
        let as_a = (c.a.doc, restated(a), slot_key(a), c.b);
        let as_b = (c.b.doc, restated(b), slot_key(b), c.a);
        if seen.contains_key(&as_a) || seen.contains_key(&as_b) {
            return false;
        }
        seen.insert(as_a, ());
        seen.insert(as_b, ());
        true
    });
}

/// What a claim states, as its restatements in the same article state it:
/// "As of 2024, roughly 3,400 centers operate" and, in its summary list,
/// "- **Centers in operation**: about 3,400" (told in the present) are one
/// figure of one year, whether the tense or a date places it.
fn restated(c: &Claim) -> Statement {
    let mut s = statement(c);
    if let Period::Point { year, .. } = s.period {
        s.period = Period::Point { year, weak: false };
    }
    s
}

/// The other claims of `r`'s article that restate its figure (the figure
/// in the text and again in a summary list or a table), in document order.
/// A finding reported once ([`drop_restated`]) names them too: a writer who
/// corrects the figure corrects it everywhere. A restatement gives the same
/// number for the same period, of the same kind of figure, and its subject
/// says no more or no less than the other's words: "- Median pay: $51,200"
/// in a list restates "glaziers earned a median wage of $51,200 a year".
pub fn restatements(docs: &[Vec<Claim>], r: ClaimRef) -> impl Iterator<Item = ClaimRef> + '_ {
    let c = &docs[r.doc][r.claim];
    let said = restated(c);
    let held = |a: &Claim, b: &Claim| a.subject.terms.iter().all(|t| b.subject.terms.contains(t));
    docs[r.doc]
        .iter()
        .enumerate()
        .filter(move |&(i, other)| {
            let s = restated(other);
            i != r.claim
                && other.sentence != c.sentence
                && other.unit == c.unit
                && s.numbers[0] == said.numbers[0]
                && s.period == said.period
                && s.form == said.form
                && s.direction == said.direction
                && (s.per == said.per || s.per.is_none() || said.per.is_none())
                && other.subject.metric == c.subject.metric
                && aggregate(other) == aggregate(c)
                && other.subject.base == c.subject.base
                && region(other) == region(c)
                && (held(other, c) || held(c, other))
        })
        .map(move |(i, _)| ClaimRef {
            doc: r.doc,
            claim: i,
        })
}

/// Every claim of `docs` with its reference, in document order.
fn flatten(docs: &[Vec<Claim>]) -> Vec<(ClaimRef, &Claim)> {
    docs.iter()
        .enumerate()
        .flat_map(|(d, claims)| {
            claims
                .iter()
                .enumerate()
                .map(move |(c, claim)| (ClaimRef { doc: d, claim: c }, claim))
        })
        .collect()
}

/// The claims of `all` grouped by subject slots, each group in claim order.
fn index(all: &[(ClaimRef, &Claim)]) -> Vec<Vec<u32>> {
    index_where(all, |_| true)
}

/// [`index`] building only the groups whose slots `wanted` accepts (a
/// partial run needs only the groups of its focused claims).
fn index_where(all: &[(ClaimRef, &Claim)], wanted: impl Fn(&SlotKey) -> bool) -> Vec<Vec<u32>> {
    let mut slots: FastMap<SlotKey, u32> = FastMap::default();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (j, (_, c)) in all.iter().enumerate() {
        if !specific(c) {
            continue;
        }
        let key = slot_key(c);
        if !wanted(&key) {
            continue;
        }
        let g = *slots.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            (groups.len() - 1) as u32
        });
        groups[g as usize].push(j as u32);
    }
    // In document order: a completed claim ([`elision`]) comes after
    // every written one in `all`.
    groups.par_iter_mut().for_each(|members| {
        members.sort_by_key(|&j| all[j as usize].0);
        drop_unresolved_parallels(all, members);
    });
    groups
}

/// Drops the claims of a group that share their sentence and period with
/// another claim of the group: "Linux and macOS are used by 66% and 53%
/// respectively" gives both figures one subject, which is wrong for at
/// least one of them, so neither can be compared with anything.
/// Members are in claim order, so the claims of one sentence are next to
/// each other.
fn drop_unresolved_parallels(all: &[(ClaimRef, &Claim)], members: &mut Vec<u32>) {
    let place = |j: u32| {
        let (r, c) = all[j as usize];
        (r.doc, c.sentence)
    };
    if !members.windows(2).any(|w| place(w[0]) == place(w[1])) {
        return;
    }
    let mut drop: Vec<u32> = Vec::new();
    for run in members.chunk_by(|&a, &b| place(a) == place(b)) {
        for (k, &a) in run.iter().enumerate() {
            // "$56,800, or $27.31 an hour": one figure at two frequencies
            // is no pair of parallel figures.
            let (period, per) = (all[a as usize].1.period, all[a as usize].1.per);
            let twin = run.iter().enumerate().any(|(m, &b)| {
                m != k && all[b as usize].1.period == period && all[b as usize].1.per == per
            });
            if twin {
                drop.push(a);
            }
        }
    }
    drop.sort_unstable();
    members.retain(|j| drop.binary_search(j).is_err());
}

/// Is the claim's subject specific enough to meet another article's? One
/// word ("Linux", "satisfied", "majority") names a topic, not a quantity:
/// a subject needs a measure and whose it is, so two words at least,
/// counting the base of a share and the place ("unemployment · US"), and
/// not counting a place in a distribution ("25th percentile: $28,900" says
/// where, not of what). A range ("salaries range from $X to $Y") is a
/// spread, not one figure, and an undated figure may hold at any time:
/// neither is compared.
fn specific(c: &Claim) -> bool {
    let terms = c
        .subject
        .terms
        .iter()
        .filter(|t| !names_a_quantile(t.as_str()))
        .count();
    terms + c.subject.base.len() + usize::from(c.subject.geo.is_some()) >= 2
        && c.form != Form::Range
        && !matches!(c.period, Period::None | Period::Unresolved)
}

/// Two figures of one sentence or one table row are parallel statements,
/// and so are two figures of one article that both stand on its topic
/// ([`SubjectKey::topical`]): "a median wage of $48,600" under one heading
/// and "Median pay: about $69,000" under another.
fn same_sentence(a: (ClaimRef, &Claim), b: (ClaimRef, &Claim)) -> bool {
    a.0.doc == b.0.doc
        && (a.1.sentence == b.1.sentence || (a.1.subject.topical && b.1.subject.topical))
}

/// Where a claim meets others within its group: two claims can break a
/// rule only if one's [`Meeting::queries`] share a key with the other's
/// [`Meeting::keys`]. The keys are a superset of what [`judge`] accepts
/// ([`comparable`], [`latest_year`], [`framing_conflict`]), so a claim is
/// judged against a handful of candidates instead of its whole group,
/// and no pair the judge would flag is missed.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum MeetKey {
    /// Ends in this year: points, until-years and spans by their last year.
    /// A present-tense figure also carries the half-year its article
    /// appeared in ([`same_moment`]); a dated one carries none. Projections
    /// and observations are filed apart.
    Year {
        year: i32,
        half: Option<i32>,
        forecast: bool,
    },
    /// A per-period rate, or a span short enough to be one.
    Rate { forecast: bool },
    /// A span or duration of this many years.
    Length { years: i32, forecast: bool },
    /// A change or a count over several years (meets [`MeetKey::Yearly`]).
    Multi,
    /// A change or a count over one year or per year (meets [`MeetKey::Multi`]).
    Yearly,
    /// A change written from one figure to another ("from 37% in 1990 to
    /// 12% today"): meets the same change told from another start year.
    Journey,
    /// A change over a length of years written as such ("over six years"):
    /// meets [`MeetKey::Multi`] both ways, and few claims are filed here.
    Written,
    /// Sales of part of this year ("in the first half of 2024"): meets the
    /// same sales of the whole year ([`part_and_whole`]).
    PartOfYear(i32),
    /// Sales of this whole year: meets [`MeetKey::PartOfYear`].
    WholeYear(i32),
}

/// The keys a claim is filed under and the keys it looks up.
#[derive(Default)]
struct Meeting {
    keys: Vec<MeetKey>,
    queries: Vec<MeetKey>,
}

impl Meeting {
    fn of(c: &Claim, out: &mut Meeting) {
        out.keys.clear();
        out.queries.clear();
        let forecast = c.forecast;
        let dated = |year: i32| MeetKey::Year {
            year,
            half: None,
            forecast,
        };
        let present = |year: i32, half: i32| MeetKey::Year {
            year,
            half: Some(half),
            forecast,
        };
        // The present-tense figures of a year, from either of its halves.
        let halves = |year: i32| [present(year, 2 * year), present(year, 2 * year + 1)];
        match (c.period, c.as_of) {
            (Period::Point { year, weak: true }, Some(month)) => {
                let half = month.div_euclid(6);
                out.keys.push(present(year, half));
                // Six months apart at most: this half-year or a neighbour.
                // A neighbouring half-year may be of the year before or after.
                out.queries
                    .extend((half - 1..=half + 1).map(|h| present(h.div_euclid(2), h)));
                out.queries.push(dated(year));
                // A present-tense figure may be the previous year's.
                out.queries.push(dated(year - 1));
            }
            (Period::Point { year, .. } | Period::Until { year, .. }, as_of) => {
                out.keys.push(dated(year));
                out.queries.push(dated(year));
                out.queries.extend(halves(year));
                out.queries.extend(halves(year + 1));
                // Said to hold now ("right now"): the latest figure may be
                // the previous year's ([`latest_year`]).
                if as_of.is_some() {
                    out.queries.push(dated(year - 1));
                }
            }
            (Period::Span { from, to, fuzzy }, _) => {
                let slack = i32::from(fuzzy);
                for year in to - slack..=to + slack {
                    out.keys.push(dated(year));
                    out.queries.push(dated(year));
                }
                let length = MeetKey::Length {
                    years: to - from,
                    forecast,
                };
                out.keys.push(length);
                out.queries.push(length);
                if (to - from - 1).abs() <= slack {
                    out.keys.push(MeetKey::Rate { forecast });
                    out.queries.push(MeetKey::Rate { forecast });
                }
            }
            (Period::Rate { .. }, _) => {
                out.keys.push(MeetKey::Rate { forecast });
                out.queries.push(MeetKey::Rate { forecast });
            }
            (Period::Duration { years }, _) => {
                let length = MeetKey::Length { years, forecast };
                out.keys.push(length);
                out.queries.push(length);
            }
            (Period::None | Period::Unresolved, _) => {}
        }
        match sales_year(c) {
            Some((year, true)) => {
                out.keys.push(MeetKey::PartOfYear(year));
                out.queries.push(MeetKey::WholeYear(year));
            }
            Some((year, false)) => {
                out.keys.push(MeetKey::WholeYear(year));
                out.queries.push(MeetKey::PartOfYear(year));
            }
            None => {}
        }
        match count_framing(c) {
            Some(CountFraming::SeveralYears) => {
                out.keys.push(MeetKey::Multi);
                out.queries.push(MeetKey::Yearly);
            }
            Some(CountFraming::OneYear) => {
                out.keys.push(MeetKey::Yearly);
                out.queries.push(MeetKey::Multi);
            }
            None => {}
        }
        if c.form == Form::Change && c.from.is_some() && matches!(c.period, Period::Span { .. }) {
            out.keys.push(MeetKey::Journey);
            out.queries.push(MeetKey::Journey);
        }
        // A sum of money of one named year meets the same sum over
        // several years ([`year_in_span`]).
        let money_level = c.subject.metric != Metric::Change
            && c.unit.is_money()
            && matches!(
                c.period,
                Period::Point { weak: false, .. } | Period::Span { .. }
            );
        if (c.subject.metric == Metric::Change || money_level) && c.form == Form::Point {
            let yearly = matches!(c.period, Period::Rate { per: Per::Year, .. })
                || c.period.cumulative_years() == Some(1)
                || (money_level && matches!(c.period, Period::Point { .. }));
            if c.period.cumulative_years().is_some_and(|y| y >= 2) {
                out.keys.push(MeetKey::Multi);
                out.queries.push(MeetKey::Yearly);
                // A length written as such ("over six years") meets totals
                // over other lengths ([`lengths_conflict`]).
                out.queries.push(MeetKey::Written);
                if matches!(c.period, Period::Duration { .. }) {
                    out.keys.push(MeetKey::Written);
                    out.queries.push(MeetKey::Multi);
                }
            } else if yearly {
                out.keys.push(MeetKey::Yearly);
                out.queries.push(MeetKey::Multi);
            }
        }
    }
}

/// The first claims of one [`MeetKey`] of a group, arranged so that a
/// claim finds the few it can conflict with without looking at the many
/// it cannot.
///
/// Two figures whose intervals overlap agree (tolerances only widen them),
/// so unless their directions are opposed they break no rule of a
/// comparable period: only the first claims whose interval lies wholly
/// below or wholly above a claim's need judging. Framing keys
/// ([`MeetKey::Multi`], [`MeetKey::Yearly`]) look for the *same* figure
/// instead ([`same_number`]): only those with a value close to the claim's.
#[derive(Default)]
struct Bucket {
    /// Judged whatever their figures.
    always: Vec<u32>,
    /// By direction (-1, 0, +1): (upper end, claim) sorted by upper end.
    by_high: [Vec<(f64, u32)>; 3],
    /// By direction: (lower end, claim) sorted by lower end.
    by_low: [Vec<(f64, u32)>; 3],
    /// Framing keys: (value, claim) sorted by value.
    by_value: Vec<(f64, u32)>,
}

impl Bucket {
    fn file(&mut self, key: MeetKey, j: u32, c: &Claim) {
        if c.low.is_nan() || c.high.is_nan() || c.value.is_nan() {
            self.always.push(j);
        } else if matches!(
            key,
            MeetKey::Multi
                | MeetKey::Yearly
                | MeetKey::Written
                | MeetKey::Journey
                | MeetKey::PartOfYear(_)
                | MeetKey::WholeYear(_)
        ) {
            self.by_value.push((c.value, j));
        } else {
            let d = (c.direction.signum() + 1) as usize;
            self.by_high[d].push((c.high, j));
            self.by_low[d].push((c.low, j));
        }
    }

    fn sort(&mut self) {
        let lists = self.by_high.iter_mut().chain(self.by_low.iter_mut());
        for list in lists.chain(std::iter::once(&mut self.by_value)) {
            list.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
    }

    /// Pushes onto `out` the claims before `j` that `y` must be judged
    /// against.
    fn candidates(&self, j: u32, y: &Claim, tol: &Tolerances, out: &mut Vec<u32>) {
        let before = |&(_, i): &(f64, u32)| (i < j).then_some(i);
        out.extend(self.always.iter().copied().filter(|&i| i < j));
        let odd = y.low.is_nan() || y.high.is_nan() || y.value.is_nan();
        // |x - y| <= rel * max(|x|, |y|) implies |x - y| <= rel / (1 - rel)
        // * |y|, at most 2 rel |y| while rel <= 1/2.
        if odd || tol.rel_tol > 0.5 {
            out.extend(self.by_value.iter().filter_map(before));
        } else {
            let reach = 2.0 * tol.rel_tol * y.value.abs() + tol.pct_abs_tol.max(0.0);
            let from = self.by_value.partition_point(|e| e.0 < y.value - reach);
            let to = self.by_value.partition_point(|e| e.0 <= y.value + reach);
            out.extend(self.by_value[from..to.max(from)].iter().filter_map(before));
        }
        let change = y.subject.metric == Metric::Change;
        for d in 0..3 {
            let direction = d as i8 - 1;
            // Opposed directions break the direction rule at any figure; a
            // "from X to Y" pair compares its starts too.
            let opposed = change && direction != 0 && y.direction != 0 && direction != y.direction;
            if opposed || y.from.is_some() || odd {
                out.extend(self.by_high[d].iter().filter_map(before));
                continue;
            }
            let below = self.by_high[d].partition_point(|e| e.0 < y.low);
            out.extend(self.by_high[d][..below].iter().filter_map(before));
            let above = self.by_low[d].partition_point(|e| e.0 <= y.high);
            out.extend(self.by_low[d][above..].iter().filter_map(before));
        }
    }
}

/// The conflicts of one group (claim indices in order): each claim against
/// the first claim of every distinct statement before it that it can meet
/// ([`Meeting`]) and disagree with ([`Bucket`]). Every distinct conflict is
/// reported once: a claim that repeats an earlier statement word for word
/// meets the same figures and is reported against them too, but never
/// against its own twin. Claims of `all` from `written` on are completed
/// subjects ([`elision`]), which meet only claims as written.
fn group_conflicts(
    all: &[(ClaimRef, &Claim)],
    written: usize,
    members: &[u32],
    tolerances: &Tolerances,
) -> Vec<Conflict> {
    let mut buckets: FastMap<MeetKey, Bucket> = FastMap::default();
    let mut seen: FastMap<Statement, ()> = FastMap::default();
    let mut meeting = Meeting::default();
    // Each member's queries, end to end: `ends[m]` closes member m's.
    let mut queries: Vec<MeetKey> = Vec::new();
    let mut ends: Vec<usize> = Vec::with_capacity(members.len());
    for &j in members {
        let y = all[j as usize].1;
        Meeting::of(y, &mut meeting);
        queries.extend_from_slice(&meeting.queries);
        ends.push(queries.len());
        if seen.insert(statement(y), ()).is_none() {
            for &k in &meeting.keys {
                buckets.entry(k).or_default().file(k, j, y);
            }
        }
    }
    buckets.values_mut().for_each(Bucket::sort);
    let mut candidates: Vec<u32> = Vec::new();
    let mut out = Vec::new();
    let guessed = |k: u32| k as usize >= written;
    for (m, &j) in members.iter().enumerate() {
        let (rj, y) = all[j as usize];
        let start = if m == 0 { 0 } else { ends[m - 1] };
        candidates.clear();
        for q in &queries[start..ends[m]] {
            if let Some(bucket) = buckets.get(q) {
                bucket.candidates(j, y, tolerances, &mut candidates);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        out.extend(candidates.iter().filter_map(|&i| {
            let (ri, x) = all[i as usize];
            // Two completed subjects are two guesses: neither is evidence
            // against the other.
            if same_sentence((ri, x), (rj, y)) || (guessed(i) && guessed(j)) {
                return None;
            }
            // A completed claim comes after every written one in `all`:
            // judge it in document order all the same.
            let ((ri, x), (rj, y)) = if ri < rj {
                ((ri, x), (rj, y))
            } else {
                ((rj, y), (ri, x))
            };
            judge(x, y, tolerances).map(|kind| Conflict::of(kind, (rj, y), (ri, x)))
        }));
    }
    out
}

/// The digits of a figure as an index key: unit, metric, qualifiers and
/// the mantissa ("1.8" of "$1.8 trillion"), the scale word left out.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct FigureKey {
    unit: Unit,
    metric: Metric,
    geo: Region,
    aggregate: Option<Term>,
    level: Option<Term>,
    mantissa: i64,
}

/// Claims whose digits alone can make a finding: a change written as one
/// figure (the period rule) or an amount with a scale word (the scale rule).
fn repeats_digits(c: &Claim) -> bool {
    c.form == Form::Point && (c.subject.metric == Metric::Change || c.scale >= 3)
}

/// The claims of `all` that [`repeats_digits`], grouped by [`FigureKey`].
fn index_figures(all: &[(ClaimRef, &Claim)]) -> Vec<Vec<u32>> {
    index_figures_where(all, |_| true)
}

/// The [`FigureKey`] of a claim that [`repeats_digits`].
fn figure_key(c: &Claim) -> FigureKey {
    let s = &c.subject;
    FigureKey {
        unit: c.unit,
        metric: s.metric,
        // The same digits are the evidence here: a region the clause did
        // not write cannot keep them apart, and a dollar figure placed by
        // its article is read as unplaced, which [`region`] reads as US.
        geo: region(c),
        aggregate: aggregate(c),
        level: s.level,
        mantissa: (c.mantissa * 100.0).round() as i64,
    }
}

/// [`index_figures`] building only the groups whose keys `wanted` accepts.
fn index_figures_where(
    all: &[(ClaimRef, &Claim)],
    wanted: impl Fn(&FigureKey) -> bool,
) -> Vec<Vec<u32>> {
    let mut keys: FastMap<FigureKey, u32> = FastMap::default();
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for (j, (_, c)) in all.iter().enumerate() {
        if !repeats_digits(c) {
            continue;
        }
        let key = figure_key(c);
        if !wanted(&key) {
            continue;
        }
        let g = *keys.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            (groups.len() - 1) as u32
        });
        groups[g as usize].push(j as u32);
    }
    groups.retain(|g| g.len() > 1);
    groups
}

/// Is one subject held in the other, so that the same digits can be the
/// same figure? The smaller side's terms must all be in the larger one:
/// "chargers" and "EV chargers". For the period rule the smaller side must
/// also be "the field" read as the article's topic (`anaphoric`), or name
/// both what is measured and whose it is ([`measured_whose`]): any other
/// missing word may be the measure ("postings" against "people working").
fn subject_held(a: &SubjectKey, b: &SubjectKey, kind: ConflictKind) -> bool {
    let (small, big) = if a.terms.len() <= b.terms.len() {
        (a, b)
    } else {
        (b, a)
    };
    a.base == b.base
        && !small.terms.is_empty()
        && small.terms.iter().all(|t| big.terms.contains(t))
        && (kind == ConflictKind::Scale || small.anaphoric || measured_whose(small))
}

/// Does a subject name what is measured and whose it is ("technician
/// employment": "job" and "technician")? Held in a fuller subject with
/// the same digits ("employment of automotive service technicians"), it
/// is a shortened name of the same series: "grow 4% from 2023 to 2033"
/// and "4% a year through 2033" are one projection framed two ways.
fn measured_whose(k: &SubjectKey) -> bool {
    k.names_measure_and_whose(is_measure_term)
}

/// A change whose subject may be a shortened name of a fuller one's
/// ([`measured_whose`]): the period rule may tie it to a fuller subject.
fn is_shortened_change(c: &Claim) -> bool {
    c.subject.metric == Metric::Change && measured_whose(&c.subject)
}

/// The period and scale conflicts between claims that repeat the same
/// digits under overlapping but unequal subjects (equal subjects are judged
/// by [`group_conflicts`]). The same digits are strong evidence of the same
/// figure, so the subject may be looser here, and only these two rules,
/// which need the same digits, can fire.
fn figure_conflicts(
    all: &[(ClaimRef, &Claim)],
    members: &[u32],
    tolerances: &Tolerances,
) -> Vec<Conflict> {
    // Only two kinds of pair can make a finding here: one side is "the
    // field" (the period rule), or the scales are 1000x apart (the scale
    // rule). First claims are kept apart by that, so a claim meets only
    // the first claims that can matter.
    let mut anaphoric: Vec<u32> = Vec::new();
    // Changes whose subject names a measure and whose it is can be held in
    // a fuller subject ([`subject_held`]): first claims are filed by each
    // of their words, and shortened ones by their first word, so that a
    // claim looks up only the subjects that hold it or that it holds.
    let mut by_word: FastMap<Term, Vec<u32>> = FastMap::default();
    let mut shortened_by_first: FastMap<Term, Vec<u32>> = FastMap::default();
    let mut by_scale: Vec<(i32, Vec<u32>)> = Vec::new();
    let mut seen: FastMap<(u32, Statement), ()> = FastMap::default();
    let mut out = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    let terms_of = |i: u32| all[i as usize].1.subject.terms;
    for &j in members {
        let (rj, y) = all[j as usize];
        let words = y.subject.terms;
        let shortened = is_shortened_change(y);
        candidates.clear();
        candidates.extend_from_slice(&anaphoric);
        for (scale, firsts) in &by_scale {
            if y.subject.anaphoric || (scale - y.scale).abs() >= 3 {
                candidates.extend_from_slice(firsts);
            }
        }
        // A shortened change meets the fuller subjects holding all its
        // words, found from its rarest word.
        if shortened
            && let Some(filed) = words
                .iter()
                .map(|t| by_word.get(&t).map_or(&[][..], |v| v.as_slice()))
                .min_by_key(|v| v.len())
        {
            candidates.extend(
                filed
                    .iter()
                    .copied()
                    .filter(|&i| words.iter().all(|t| terms_of(i).contains(t))),
            );
        }
        // Any change meets the shortened subjects it holds.
        for t in words.iter() {
            if let Some(filed) = shortened_by_first.get(&t) {
                candidates.extend(
                    filed
                        .iter()
                        .copied()
                        .filter(|&i| terms_of(i).iter().all(|w| words.contains(w))),
                );
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        out.extend(candidates.iter().filter_map(|&i| {
            let (ri, x) = all[i as usize];
            if same_sentence((ri, x), (rj, y))
                || x.subject.terms == y.subject.terms
                || !(specific(x) || specific(y))
            {
                return None;
            }
            judge(x, y, tolerances)
                .filter(|kind| matches!(kind, ConflictKind::Period | ConflictKind::Scale))
                .filter(|&kind| subject_held(&x.subject, &y.subject, kind))
                .map(|kind| Conflict::of(kind, (rj, y), (ri, x)))
        }));
        if seen
            .insert((y.subject.terms.id(), statement(y)), ())
            .is_none()
        {
            if y.subject.anaphoric {
                anaphoric.push(j);
            } else {
                if let Some((_, firsts)) = by_scale.iter_mut().find(|(s, _)| *s == y.scale) {
                    firsts.push(j);
                } else {
                    by_scale.push((y.scale, vec![j]));
                }
                if y.subject.metric == Metric::Change {
                    for t in words.iter() {
                        by_word.entry(t).or_default().push(j);
                    }
                    if shortened && let Some(first) = words.iter().next() {
                        shortened_by_first.entry(first).or_default().push(j);
                    }
                }
            }
        }
    }
    out
}

/// Finds contradicting pairs among the claims of all documents (within one
/// document and across documents). Output is sorted and deterministic; each
/// unordered pair appears at most once.
///
/// A claim is reported against the first claim of every distinct statement
/// it contradicts, so one wrong figure shows all the places it disagrees
/// with. Groups are judged in parallel.
pub fn compare(docs: &[Vec<Claim>], tolerances: &Tolerances) -> Vec<Conflict> {
    compare_in(docs, None, tolerances, None).0
}

/// [`compare`] reusing the conflicts of groups an earlier run judged
/// (see `judged.rs`); also returns this run's groups, for the next run.
/// `memory.identities` holds the content hash of each document's article.
pub fn compare_remembering(
    docs: &[Vec<Claim>],
    memory: Memory<'_>,
    tolerances: &Tolerances,
) -> (Vec<Conflict>, Judged) {
    compare_in(docs, None, tolerances, Some(memory))
}

/// The pairs [`compare`] would find that involve a document marked in
/// `focus` (indexed like `docs`), for partial runs: only the groups that
/// hold a focused claim are judged, the same way as in a full run.
pub fn compare_focused(
    docs: &[Vec<Claim>],
    focus: &[bool],
    tolerances: &Tolerances,
) -> Vec<Conflict> {
    compare_in(docs, Some(focus), tolerances, None).0
}

/// [`compare`] (no `focus`) or [`compare_focused`], with or without memory.
fn compare_in(
    docs: &[Vec<Claim>],
    focus: Option<&[bool]>,
    tolerances: &Tolerances,
    memory: Option<Memory<'_>>,
) -> (Vec<Conflict>, Judged) {
    let focused = |doc: usize| focus.is_none_or(|f| f.get(doc).copied().unwrap_or(false));
    // "round trip" meets "round-trip" and "roundtrip" (compound.rs).
    let respelled = compound::respell(docs, &compound::compounds(docs));
    let mut all = flatten(docs);
    if !respelled.is_empty() {
        let starts: Vec<usize> = docs
            .iter()
            .scan(0, |n, claims| {
                let start = *n;
                *n += claims.len();
                Some(start)
            })
            .collect();
        for (r, claim) in &respelled {
            all[starts[r.doc] + r.claim].1 = claim;
        }
    }
    // "hygienists" meets "dental hygienists" when its article writes
    // "dental" (elision.rs).
    let completing = crate::timings::phase("compare: elision");
    let completed = elision::complete(&all, |c| {
        specific(c).then(|| SlotKey {
            terms: 0,
            ..slot_key(c)
        })
    });
    // "the cremation rate reached 61.8%" meets "59.4% of deaths" when
    // every share of those words is of deaths (elision.rs).
    let based = elision::complete_base(&all, |c| {
        specific(c).then(|| SlotKey {
            terms: 0,
            base: 0,
            metric: Metric::Share,
            ..slot_key(c)
        })
    });
    completing.end();
    // "the typical floral designer made $38,900" meets both the median and
    // the average floral designer's pay.
    let typical = typical_readings(&all, tolerances);
    // "the average gutter replacement ran $1,900" meets "the average cost
    // of a gutter replacement was $1,450", and a price the same way.
    let costed = costed_readings(&all);
    // A completed claim is filed under both subjects: it still meets the
    // claims that shorten the same way. The figure index has no subject
    // terms, so it takes each claim once.
    let written = all.len();
    for (j, claim) in completed
        .iter()
        .chain(&based)
        .chain(&typical)
        .chain(&costed)
    {
        all.push((all[*j].0, claim));
    }
    let holds_focus = |members: &&Vec<u32>| {
        focus.is_none() || members.iter().any(|&j| focused(all[j as usize].0.doc))
    };
    let touches_focus = |c: &Conflict| focused(c.a.doc) || focused(c.b.doc);
    let (groups, figure_groups) = match focus {
        None => rayon::join(|| index(&all), || index_figures(&all[..written])),
        // Only the groups of focused claims are built: with one article in
        // focus among thousands (an editor), grouping everything would cost
        // most of the comparison.
        Some(_) => {
            let mine = all.iter().filter(|(r, _)| focused(r.doc)).map(|(_, c)| *c);
            let slots: FastMap<SlotKey, ()> = mine
                .clone()
                .filter(|c| specific(c))
                .map(|c| (slot_key(c), ()))
                .collect();
            let figures: FastMap<FigureKey, ()> = mine
                .filter(|c| repeats_digits(c))
                .map(|c| (figure_key(c), ()))
                .collect();
            (
                index_where(&all, |k| slots.contains_key(k)),
                index_figures_where(&all[..written], |k| figures.contains_key(k)),
            )
        }
    };
    let judged: Vec<_> = groups
        .par_iter()
        .filter(holds_focus)
        .map(|members| {
            judge_group(Family::Slots, &all, members, memory, || {
                group_conflicts(&all, written, members, tolerances)
            })
        })
        .chain(figure_groups.par_iter().filter(holds_focus).map(|members| {
            judge_group(Family::Figures, &all, members, memory, || {
                figure_conflicts(&all, members, tolerances)
            })
        }))
        .collect();
    let mut out: Vec<Conflict> = Vec::new();
    let mut prints = Vec::new();
    for (conflicts, print) in judged {
        out.extend(conflicts.into_iter().filter(touches_focus));
        prints.extend(print);
    }
    // Stable: a pair found in both kinds of group keeps its first finding.
    out.sort_by_key(|c| (c.a, c.b));
    out.dedup_by_key(|c| (c.a, c.b));
    drop_restated(&mut out, docs);
    (out, remember(prints))
}

#[cfg(test)]
mod focused_tests {
    use super::*;
    use crate::claims::{Lexicon, extract_prose};

    #[test]
    fn compare_focused_agrees_with_compare() {
        let lexicon = Lexicon::builtin();
        let texts = [
            "Ransomware attacks rose 18% in 2023. The median nurse salary is $98,000.",
            "Ransomware attacks declined by 18% in 2023.",
            "The median nurse salary is $131,000. Ransomware attacks rose 30% in 2023.",
            "The median nurse salary is about $70,000, and ransomware attacks fell 18% in 2023.",
            "Remote work: 40% of accountants work remotely. The median nurse salary is $99,000.",
            "About 20% of accountants work remotely, and ransomware attacks rose 18% in 2023.",
        ];
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let docs: Vec<Vec<Claim>> = texts
            .iter()
            .map(|t| extract_prose(t, date, &lexicon))
            .collect();
        let tol = Tolerances::default();
        let full = compare(&docs, &tol);
        assert!(full.len() >= 3, "{full:?}");
        for d in 0..docs.len() {
            let focus: Vec<bool> = (0..docs.len()).map(|i| i == d).collect();
            let expected: Vec<&Conflict> = full
                .iter()
                .filter(|c| c.a.doc == d || c.b.doc == d)
                .collect();
            let got = compare_focused(&docs, &focus, &tol);
            assert_eq!(got.iter().collect::<Vec<_>>(), expected, "focus on {d}");
        }
        assert!(compare_focused(&docs, &[], &tol).is_empty());
    }

    #[test]
    fn compare_remembering_agrees_with_compare() {
        let lexicon = Lexicon::builtin();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let extract = |texts: &[&str]| -> Vec<Vec<Claim>> {
            texts
                .iter()
                .map(|t| extract_prose(t, date, &lexicon))
                .collect()
        };
        // An article's identity stands for its bytes: here, its text.
        let identities = |texts: &[&str]| -> Vec<u64> {
            texts
                .iter()
                .map(|t| xxhash_rust::xxh3::xxh3_64(t.as_bytes()))
                .collect()
        };
        let tol = Tolerances::default();
        let before = [
            "The median nurse salary is $98,000 in 2024. Ransomware attacks rose 18% in 2023.",
            "Ransomware attacks declined by 18% in 2023.",
            "The median nurse salary is $131,000 in 2024.",
            "The median nurse salary is $99,000 in 2024, and ransomware attacks rose 18% in 2023.",
        ];
        // One article edited, one removed (renumbering those after it), one added.
        let after = [
            "The median nurse salary is $98,000 in 2024. Ransomware attacks rose 18% in 2023.",
            "The median nurse salary is $98,000 in 2024.",
            "The median nurse salary is $99,000 in 2024, and ransomware attacks rose 18% in 2023.",
            "Ransomware attacks rose 25% in 2023.",
        ];
        let (docs, ids) = (extract(&before), identities(&before));
        let none = Judged::default();
        let memory = |earlier| Memory {
            identities: &ids,
            earlier,
        };
        let (cold, judged) = compare_remembering(&docs, memory(&none), &tol);
        assert_eq!(cold, compare(&docs, &tol));
        assert!(cold.len() >= 3, "{cold:?}");
        assert!(!judged.is_empty());
        let (warm, again) = compare_remembering(&docs, memory(&judged), &tol);
        assert_eq!(warm, cold);
        assert_eq!(again, judged);
        // Remembered groups are not judged again: under tolerances that
        // forgive every difference (which the cache key rules out), the
        // remembered conflicts still come back.
        let loose = Tolerances {
            rel_tol: 0.9,
            pct_abs_tol: 100.0,
            ..tol
        };
        assert!(compare(&docs, &loose).len() < cold.len());
        assert_eq!(compare_remembering(&docs, memory(&judged), &loose).0, cold);
        let (docs2, ids2) = (extract(&after), identities(&after));
        let memory2 = Memory {
            identities: &ids2,
            earlier: &judged,
        };
        let (edited, _) = compare_remembering(&docs2, memory2, &tol);
        assert_eq!(edited, compare(&docs2, &tol));
        assert_ne!(edited, cold);
    }

    /// [`group_conflicts`] without the index: every claim against every
    /// earlier first claim of a distinct statement.
    fn every_pair(docs: &[Vec<Claim>], tol: &Tolerances) -> Vec<Conflict> {
        let all = flatten(docs);
        let mut out = Vec::new();
        for members in index(&all) {
            let mut firsts: Vec<u32> = Vec::new();
            let mut seen: FastMap<Statement, ()> = FastMap::default();
            for &j in &members {
                let (rj, y) = all[j as usize];
                for &i in &firsts {
                    let (ri, x) = all[i as usize];
                    if !same_sentence((ri, x), (rj, y)) {
                        out.extend(judge(x, y, tol).map(|k| Conflict::of(k, (rj, y), (ri, x))));
                    }
                }
                if seen.insert(statement(y), ()).is_none() {
                    firsts.push(j);
                }
            }
        }
        for members in index_figures(&all) {
            out.extend(figure_conflicts(&all, &members, tol));
        }
        out.sort_by_key(|c| (c.a, c.b));
        out.dedup_by_key(|c| (c.a, c.b));
        out
    }

    /// The index ([`Meeting`], [`Bucket`]) skips only pairs the judge would
    /// pass: on many periods, dates, hedges, directions and figures, it
    /// finds exactly what judging every pair finds.
    #[test]
    fn the_index_finds_every_conflict_of_every_pair() {
        let lexicon = Lexicon::builtin();
        let values = ["5", "5.2", "8", "40", "41"];
        let years = [2022, 2023, 2024];
        let mut texts: Vec<String> = Vec::new();
        for v in values {
            texts.push(format!(
                "The median salary of drone pilots in the US is ${v},000."
            ));
            texts.push(format!(
                "The median salary of drone pilots in the US is about ${v},000."
            ));
            texts.push(format!("Jobs for drone pilots grew {v}% year-over-year."));
            for y in years {
                texts.push(format!(
                    "In {y}, the median salary of drone pilots in the US was ${v},000."
                ));
                texts.push(format!(
                    "The median salary of drone pilots in the US was more than ${v},000 in {y}."
                ));
                texts.push(format!(
                    "Jobs for drone pilots grew {v}% between {} and {y}.",
                    y - 3
                ));
                texts.push(format!(
                    "Jobs for drone pilots grew {v}% between {} and {y}.",
                    y - 1
                ));
                texts.push(format!("Jobs for drone pilots fell {v}% in {y}."));
                texts.push(format!(
                    "Jobs for drone pilots are expected to grow {v}% each year through {}.",
                    y + 8
                ));
                texts.push(format!(
                    "Jobs for drone pilots will grow {v}% by {}.",
                    y + 6
                ));
                texts.push(format!(
                    "Jobs for drone pilots grew {v}% over the decade to {y}."
                ));
            }
        }
        let dates = [
            (2023, 1, 15),
            (2023, 8, 1),
            (2024, 3, 1),
            (2024, 11, 1),
            (2025, 2, 1),
        ];
        let docs: Vec<Vec<Claim>> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let (y, m, d) = dates[k % dates.len()];
                extract_prose(t, chrono::NaiveDate::from_ymd_opt(y, m, d), &lexicon)
            })
            .collect();
        let tol = Tolerances::default();
        let expected = every_pair(&docs, &tol);
        assert!(expected.len() > 100, "{}", expected.len());
        let kinds: std::collections::BTreeSet<String> =
            expected.iter().map(|c| format!("{:?}", c.kind)).collect();
        assert!(kinds.len() >= 4, "{kinds:?}");
        assert_eq!(compare(&docs, &tol), expected);
    }
}

#[cfg(test)]
mod real_prose_tests {
    use super::*;
    use crate::claims::{Lexicon, extract};

    /// The rules of the conflicts found among `texts` (one article each,
    /// Markdown, published on 2024-05-01 unless a text says otherwise).
    fn rules(texts: &[&str]) -> Vec<ConflictKind> {
        let lexicon = Lexicon::builtin();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let docs: Vec<Vec<Claim>> = texts
            .iter()
            .map(|t| {
                let blocks: Vec<std::ops::Range<usize>> = t
                    .split_inclusive('\n')
                    .scan(0, |at, line| {
                        let start = *at;
                        *at += line.len();
                        Some(start..start + line.trim_end().len())
                    })
                    .filter(|r| !r.is_empty())
                    .collect();
                let input = crate::claims::ProseInput {
                    text: t,
                    blocks: &blocks,
                    masked: &[],
                    publish_date: date,
                    topic: &[],
                    title: None,
                };
                extract(&input, &lexicon)
            })
            .collect();
        compare(&docs, &Tolerances::default())
            .iter()
            .map(|c| c.kind)
            .collect()
    }

    /// A period conflict between the two texts of `clash`, and none
    /// between the two of `agree`.
    fn period_clash_only(clash: [&str; 2], agree: [&str; 2]) {
        assert_eq!(rules(&clash), [ConflictKind::Period]);
        let found = rules(&agree);
        assert!(found.is_empty(), "{found:?}");
    }

    /// The same sum of money for one year and for several is a period
    /// conflict; a rise in money ("raised") is an amount, not a change.
    /// "There are roughly 950 glass studios right now" in 2024 meets the
    /// count of 2023, as a figure in the present tense does.
    #[test]
    fn a_figure_said_to_hold_now_may_be_last_year_s() {
        let found = rules(&[
            "In 2023 there were 1,320 glass studios in the United States.",
            "There are roughly 950 glass studios in the United States right now.",
        ]);
        assert_eq!(found, [ConflictKind::Hedge], "{found:?}");
    }

    /// How often the people counted do a thing says which people: the
    /// weekly listeners are not the monthly ones.
    #[test]
    fn how_often_a_share_does_something_is_part_of_its_subject() {
        let weekly = "In 2024, about 34% of U.S. adults listened to podcasts weekly.";
        let found = rules(&[
            weekly,
            "In 2024, about 47% of U.S. adults listened to podcasts monthly.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            weekly,
            "In 2024, about 47% of U.S. adults listened to podcasts weekly.",
        ]);
        assert_eq!(found, [ConflictKind::Hedge], "{found:?}");
    }

    #[test]
    fn one_years_money_against_several_years() {
        period_clash_only(
            [
                "Coastal battery startups raised $420 million in 2023 alone.",
                "Between 2021 and 2023, coastal battery startups raised $420 million.",
            ],
            [
                "Coastal battery startups raised $420 million in 2023 alone.",
                "Between 2021 and 2023, coastal battery startups raised $950 million.",
            ],
        );
    }

    /// The same sum of money a year and over several years is a period
    /// conflict; the sum a year against a larger total agrees.
    #[test]
    fn a_yearly_sum_against_a_total_over_years() {
        period_clash_only(
            [
                "Harbor county governments spend about $4.1 billion a year on ferry subsidies.",
                "Harbor county governments spent about $4.1 billion on ferry subsidies between 2019 and 2023.",
            ],
            [
                "Harbor county governments spend about $4.1 billion a year on ferry subsidies.",
                "Harbor county governments spent about $20 billion on ferry subsidies between 2019 and 2023.",
            ],
        );
    }

    /// The same change over six years and over the next three is a period
    /// conflict; over six years and over 2024-2029 agree.
    #[test]
    fn one_change_over_two_lengths_of_time() {
        period_clash_only(
            [
                "Harbor dockworker wages rise 62% over six years.",
                "Harbor dockworker wages rise 62% over the next three years.",
            ],
            [
                "Harbor dockworker wages rise 62% over six years.",
                "Harbor dockworker wages rise 62% over 2024-2029.",
            ],
        );
    }

    /// One change told from two start years is a period conflict; from
    /// the same start year it agrees.
    #[test]
    fn one_change_from_two_start_years() {
        period_clash_only(
            [
                "Norland's share of textile output slid from 41% in 1985 to about 9% today.",
                "Norland's share of textile output fell from 41% in 2000 to roughly 9% today.",
            ],
            [
                "Norland's share of textile output slid from 41% in 1985 to about 9% today.",
                "Norland's share of textile output fell from 41% in 1985 to roughly 9% today.",
            ],
        );
    }

    #[test]
    fn equal_subjects_with_different_figures_conflict() {
        let found = rules(&[
            "The average salary of a wind technician in the US is $61,000.",
            "The average salary for a wind technician in the US is $75,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn the_sales_of_part_of_a_year_are_not_the_year_s() {
        for part in ["the first half of 2024", "Q1 2024", "March 2024"] {
            let found = rules(&[
                "US vinyl album sales reached 44.2 million units in 2024.",
                &format!("US vinyl album sales reached 21.0 million units in {part}."),
            ]);
            assert!(found.is_empty(), "{part}: {found:?}");
        }
        // The same sales for the year and for half of it: a period slip.
        let found = rules(&[
            "US vinyl album sales reached 44.2 million units in 2024.",
            "US vinyl album sales reached 44.2 million units in the first half of 2024.",
        ]);
        assert_eq!(found, [ConflictKind::Period]);
    }

    #[test]
    fn a_figure_restated_in_the_present_is_reported_once() {
        let found = rules(&[
            "As of 2024, roughly 3,400 bowling centers operate in the United States.\n\n- **US bowling centers**: about 3,400\n",
            "There were 3,850 bowling centers operating in the U.S. in 2024.",
        ]);
        assert_eq!(found, [ConflictKind::Hedge]);
    }

    #[test]
    fn what_buyers_spend_is_what_sellers_take_in() {
        let found = rules(&[
            "US shoppers spent $1.8 billion on kombucha in 2023.",
            "US kombucha sales reached $2.1 billion in 2023.",
            "The US kombucha market was worth $2.6 billion in 2023.",
        ]);
        assert_eq!(found.len(), 3, "{found:?}");
        // Counts of what was sold and of what a market holds stay apart.
        let found = rules(&[
            "US shoppers spent $1.8 billion on kombucha in 2023.",
            "US stores sold 180 million bottles of kombucha in 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    /// A rate given as a percentage is within a point of another, as a
    /// share is: 87% and 82% occupancy disagree; a change keeps the
    /// relative tolerance (41% and 42.5% growth agree).
    #[test]
    fn two_percentages_five_points_apart_disagree() {
        let found = rules(&[
            "The average wet-slip occupancy rate at marinas was 87% in 2024.",
            "The average wet-slip occupancy rate at marinas stood at 82% in 2024.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        let found = rules(&[
            "Marina slip rents rose 41% from 2019 to 2024.",
            "Marina slip rents rose 42.5% from 2019 to 2024.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_parts_of_one_year_are_two_moments() {
        let found = rules(&[
            "In February 2024, the jobless rate in Ohio was 3.9%.",
            "In November 2024, the jobless rate in Ohio was 4.3%.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // The same month, or a month and its year, are compared.
        let found = rules(&[
            "In February 2024, the jobless rate in Ohio was 3.9%.",
            "The jobless rate in Ohio was 4.6% in February 2024.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        let found = rules(&[
            "In May 2023, the median wage of Ohio welders was $48,000.",
            "The median wage of Ohio welders was $55,000 in 2023.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // A change over a quarter is not the change over the year.
        let found = rules(&[
            "Sales of electric cars in Ohio rose 40% in 2023.",
            "Sales of electric cars in Ohio rose 25% in the first quarter of 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn one_entity_named_elsewhere_or_by_its_model_is_not_another() {
        // "the company" of two articles with no topic: about what the
        // clause cannot name.
        let found = rules(&[
            "The company's revenue rose 8% in 2023.",
            "The company's revenue rose 5% in 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "The team won 62% of its games in 2023.",
            "The team won 48% of its games in 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "The Model Y sold 1.2 million units in 2023.",
            "The Model 3 sold 0.5 million units in 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "The Model Y sold 1.2 million units in 2023.",
            "The Model Y sold 0.9 million units in 2023.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn baselines_are_not_claims_and_restatements_are() {
        // "up from X in Y and Z in W": earlier values of the change, not
        // changes of their own.
        let found = rules(&[
            "The median wage in Ohio was $52,000 in 2023, up from $48,000 in 2021 and $45,000 in 2019.",
            "The median wage in Ohio rose 4% in 2019.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // "$743 billion, or 14.5% of sales" says one thing twice: the
        // figure is a claim, not one of a list of parallel figures.
        let found = rules(&[
            "In 2023, returns cost US retailers $743 billion, or 14.5% of sales.",
            "Returns cost US retailers $610 billion in 2023.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn a_capitalised_name_is_a_subject_word_even_if_listed_as_a_stop_word() {
        // "spark" and "drive" are verbs the lexicon drops; "Spark" and
        // "Drive" inside a sentence are products.
        let found = rules(&[
            "In 2024, 38% of data engineers in Ohio use Spark at work.",
            "In 2024, 52% of data engineers in Ohio use Drive at work.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "In 2024, 38% of data engineers in Ohio use Spark at work.",
            "In 2024, 52% of data engineers in Ohio use Spark at work.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn what_a_share_s_predicate_says_is_part_of_its_subject() {
        // A threshold in the predicate sorts the base.
        let found = rules(&[
            "In 2023, 42% of adults in Ohio earned less than $35,000.",
            "In 2023, 30% of adults in Ohio earned less than $25,000.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // "with" completes the verb.
        let found = rules(&[
            "In 2023, 60% of adults in Ohio paid with a card.",
            "In 2023, 20% of adults in Ohio paid with cash.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "In 2023, 42% of adults in Ohio earned less than $35,000.",
            "In 2023, 47% of adults in Ohio earned less than $35,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn a_longer_subject_is_another_quantity() {
        // A business intelligence analyst is not a business analyst.
        let found = rules(&[
            "The average salary of a business analyst in the US is $85,000.",
            "The average salary of a business intelligence analyst in the US is $98,000.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // Wages and employment of the same people are two series.
        let found = rules(&[
            "Wages for registered nurses climbed 17% between 2018 and 2023.",
            "Employment of registered nurses grew 24% between 2018 and 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn figures_of_one_sentence_or_list_are_parallel() {
        let found = rules(&[
            "Among mobile testers, the share using Android devices is 66% and the share using Android devices at work is 53%.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "Tooling use in 2024:\n\n- 41% of backend teams use container builds daily\n- 12% of backend teams use container builds daily in staging\n",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn parallel_figures_that_share_a_subject_are_not_compared() {
        // Both figures of each sentence get one subject: wrong for one of
        // them, so neither meets the other article's.
        let found = rules(&[
            "Linux and macOS laptops are used by 66% and 53% of drone pilots respectively.",
            "Linux and macOS laptops are used by 70% and 49% of drone pilots respectively.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "In 2024 drone pilots used Linux, macOS or Windows laptops: 66%, 53% or 12% of them.",
            "In 2024 drone pilots used Linux, macOS or Windows laptops: 70%, 49% or 30% of them.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_figure_with_no_place_is_national_and_the_nation_is_the_us_unless_another_is_named() {
        // The first article speaks of the US: its unplaced dollars are US dollars.
        let found = rules(&[
            "Wind technicians in the US earn $58,000 at entry level. The average salary of a wind technician is $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // A figure with no place in an article that names none is the
        // whole country's, and the country left unsaid is the US.
        let found = rules(&[
            "The average salary of a wind technician is $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // Nor does naming the world alone say where the other figures are.
        let found = rules(&[
            "Worldwide, wind capacity rose 10% in 2024. The average salary of a wind technician is $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // Nor does one that counts in pounds or euros.
        let found = rules(&[
            "Tenants pay £850 a month on average for a flat. Average apartment rents rose 9% in 2024.",
            "Average apartment rents in the US rose 3% in 2024.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // An article that names another country, never the US, leaves its
        // unplaced figures unplaced: a Canadian guide's salary is no US one.
        let found = rules(&[
            "Wind technicians in Canada earn $58,000 at entry level. The average salary of a wind technician is $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_present_tense_figure_is_this_or_last_year_s() {
        // Published 2024-05-01: "is" may state the 2023 figure as current.
        let found = rules(&[
            "In 2023, the average salary of a wind technician in the US was $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // Two years back is history, not the current figure.
        let found = rules(&[
            "In 2022, the average salary of a wind technician in the US was $61,000.",
            "The average salary of a wind technician in the US is $75,000.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn current_levels_told_either_side_of_a_new_year_are_compared_beyond_drift() {
        let lexicon = Lexicon::builtin();
        let kinds = |texts: [(&str, (i32, u32)); 2]| -> Vec<ConflictKind> {
            let docs: Vec<Vec<Claim>> = texts
                .iter()
                .map(|(t, (y, m))| {
                    crate::claims::extract_prose(
                        t,
                        chrono::NaiveDate::from_ymd_opt(*y, *m, 1),
                        &lexicon,
                    )
                })
                .collect();
            compare(&docs, &Tolerances::default())
                .iter()
                .map(|c| c.kind)
                .collect()
        };
        let median = "The median salary of a US tugboat captain is";
        let share = "Of US tugboat captains, the share who work 12-hour shifts is";
        let at = |text: &str, figure: &str| format!("{text} {figure}.");
        use ConflictKind::{Hedge, Value};
        // (why, first article and its month, second article and its month,
        // the findings).
        // An article's text and the month it was published.
        type Article = (String, (i32, u32));
        let cases: [(&str, Article, Article, &[ConflictKind]); 7] = [
            (
                "four months apart, across a new year: one moment, two figures",
                (at(median, "$74,000"), (2024, 11)),
                (at(median, "$92,000"), (2025, 3)),
                &[Value],
            ),
            (
                "the figures as written decide, not the hedge's reach",
                (at(median, "about $74,000"), (2024, 11)),
                (at(median, "$89,500"), (2025, 3)),
                &[Hedge],
            ),
            (
                "a year's drift apart is no contradiction",
                (at(median, "$74,000"), (2024, 11)),
                (at(median, "$78,000"), (2025, 3)),
                &[],
            ),
            (
                "ten months apart: two moments",
                (at(median, "$74,000"), (2024, 5)),
                (at(median, "$92,000"), (2025, 3)),
                &[],
            ),
            (
                "eight months apart in one year: a wage republished once a year is the same figure",
                (at(median, "$74,000"), (2025, 1)),
                (at(median, "$92,000"), (2025, 9)),
                &[Value],
            ),
            (
                "but a survey's share has moved on in eight months",
                (at(share, "41%"), (2025, 1)),
                (at(share, "58%"), (2025, 9)),
                &[],
            ),
            (
                "and not in three",
                (at(share, "41%"), (2025, 1)),
                (at(share, "58%"), (2025, 4)),
                &[Value],
            ),
        ];
        for (why, (a, a_month), (b, b_month), expected) in cases {
            assert_eq!(kinds([(&a, a_month), (&b, b_month)]), expected, "{why}");
        }
    }

    #[test]
    fn a_projection_does_not_contradict_an_observation() {
        let found = rules(&[
            "Demand for drone pilots rose 8.7% in 2023.",
            "Demand for drone pilots is expected to rise 2.7% each year through 2030.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_bare_year_over_year_is_the_article_s_year() {
        // Published 2024-05-01: "year-over-year" is the change over 2024.
        let found = rules(&[
            "Orders for heat pumps rose 7.1% in 2022 alone.",
            "Orders for heat pumps rose 8.8% year-over-year.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "Orders for heat pumps rose 7.1% in 2024 alone.",
            "Orders for heat pumps rose 8.8% year-over-year.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
    }

    #[test]
    fn a_change_from_the_year_before_is_the_change_over_the_sentence_s_year() {
        // Published 2024-05-01: the sentence's 2022, not the article's
        // year, is the year of the change; a source between them is passed.
        let found = rules(&[
            "Craft production fell to 23.1 million barrels in 2022, per the trade group, down 1% from the year before.",
            "Craft production rose 2% in 2022.",
        ]);
        assert_eq!(found, [ConflictKind::Direction]);
        let found = rules(&[
            "Craft production fell to 23.1 million barrels in 2022, per the trade group, down 1% from the year before.",
            "Craft production rose 2% in 2023.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_yearly_count_is_not_a_total() {
        let found = rules(&[
            "Analysts expect 65,000 new jobs in drone piloting each year through 2031.",
            "Analysts expect 900,000 new jobs in drone piloting through 2031.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn an_open_bound_is_not_the_same_figure_for_the_period_rule() {
        let found = rules(&[
            "Demand for drone pilots is expected to rise 37% through 2032.",
            "Demand for drone pilots is expected to rise more than 10% each year through 2032.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "Demand for drone pilots is expected to rise 37% through 2032.",
            "Demand for drone pilots rose 37% year-over-year.",
        ]);
        assert_eq!(found, [ConflictKind::Period]);
    }

    #[test]
    fn an_approximate_figure_carries_the_tolerance_against_an_exact_one() {
        // About 10% apart: the approximate figure's 5% and the exact one's
        // 5% no longer add up to let them agree.
        let found = rules(&[
            "Total mail volume was 112.6 billion pieces in 2024.",
            "Total mail volume was roughly 124 billion pieces in 2024.",
        ]);
        assert_eq!(found, [ConflictKind::Hedge]);
        // Within the approximate figure's own tolerance, they agree.
        let found = rules(&[
            "Total mail volume was 118.9 billion pieces in 2024.",
            "Total mail volume was roughly 124 billion pieces in 2024.",
        ]);
        assert!(found.is_empty(), "{found:?}");
        // The period rule still reads "about 26%" and "24.8%" as one figure.
        let found = rules(&[
            "Demand for drone pilots is expected to grow about 26% through 2032.",
            "Demand for drone pilots is expected to grow 24.8% each year through 2032.",
        ]);
        assert_eq!(found, [ConflictKind::Period]);
    }

    #[test]
    fn one_word_subjects_ranges_and_undated_figures_are_not_compared() {
        let found = rules(&["Linux: 66%.", "Linux: 40%."]);
        assert!(found.is_empty(), "{found:?}");
        let found = rules(&[
            "Drone pilot salaries range from $40,000 to $60,000 per year.",
            "Drone pilot salaries range from $70,000 to $90,000 per year.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn link_text_and_asides_stay_in_the_clause() {
        let lexicon = Lexicon::builtin();
        let text = "The [average salary](https://example.org/x) of a drone pilot in the United States (USA) across all industries is $61,000.";
        let at = text.find("(https").unwrap();
        let destination = at + 1..text.find(')').unwrap();
        let whole = 0..text.len();
        let input = crate::claims::ProseInput {
            text,
            blocks: std::slice::from_ref(&whole),
            masked: std::slice::from_ref(&destination),
            publish_date: chrono::NaiveDate::from_ymd_opt(2024, 5, 1),
            topic: &[],
            title: None,
        };
        let claims = extract(&input, &lexicon);
        assert_eq!(claims.len(), 1);
        assert_eq!(
            claims[0].subject.display(),
            "average pay · drone pilot · US"
        );
    }

    /// A typical figure meets the median, the average and the figure with
    /// no aggregate of its subject; a median and an average still do not
    /// meet each other through it.
    #[test]
    fn a_typical_figure_is_a_median_or_an_average() {
        let typical = "The typical glassblower earned $41,200 a year in 2023.";
        for other in [
            "Glassblowers earned a median annual wage of $36,300 in 2023.",
            "Glassblowers earned an average of $36,300 a year in 2023.",
            "Glassblowers earned $36,300 a year in 2023.",
        ] {
            assert_eq!(rules(&[typical, other]), [ConflictKind::Value], "{other}");
        }
        // The figure another article gives as the average, and not as the
        // median, is the average: it meets neither.
        for texts in [
            [
                "Glassblowers earned a median annual wage of $36,300 in 2023.",
                "The typical glassblower earned $41,200 a year in 2023.",
                "Glassblowers earned an average of $41,200 a year in 2023.",
            ],
            [
                "Glassblowers earned a median annual wage of $43,080 in 2023.",
                "The typical glassblower earned about $43,000 a year in 2023.",
                "Glassblowers earned a mean annual wage of $45,100 in 2023.",
            ],
        ] {
            let found = rules(&texts);
            assert!(found.is_empty(), "{texts:?}: {found:?}");
        }
        // Borne out by neither, it is still read as both.
        let found = rules(&[
            "Glassblowers earned a median annual wage of $36,300 in 2023.",
            "The typical glassblower earned $41,200 a year in 2023.",
            "Glassblowers earned an average of $47,900 a year in 2023.",
        ]);
        assert_eq!(
            found,
            [ConflictKind::Value, ConflictKind::Value],
            "{found:?}"
        );
    }

    /// A sum of money said of a thing with no measure word is what the
    /// thing costs: it meets the figure that writes "cost", but not one
    /// that writes another measure ("revenue").
    #[test]
    fn a_sum_said_of_a_thing_is_its_cost() {
        let idiom = "A standard chimney relining runs about $2,900 on average in 2024.";
        assert_eq!(
            rules(&[
                "The average cost of a standard chimney relining was $2,300 in 2024.",
                idiom
            ]),
            [ConflictKind::Hedge]
        );
        let found = rules(&[
            "The average revenue of a standard chimney relining was $2,300 in 2024.",
            idiom,
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    /// "Shops" and "stores" are one kind of business, and a conjunction
    /// ("although") is no word of a subject.
    #[test]
    fn shops_are_stores() {
        assert_eq!(
            rules(&[
                "There were about 6,400 bait and tackle stores operating in 2024.",
                "Although margins are thin, there were roughly 5,100 bait and tackle shops in 2024.",
            ]),
            [ConflictKind::Hedge]
        );
    }

    /// An article that restates its figure (in its text, then in its
    /// summary) contradicts another article's once, where it first says it.
    #[test]
    fn a_restated_figure_conflicts_once() {
        let found = rules(&[
            "Glassblowers earned a median annual wage of $36,300 in 2023.\n\nSo glassblowers earned a median annual wage of $36,300 in 2023, as said.",
            "Glassblowers earned a median annual wage of $41,200 in 2023.",
        ]);
        assert_eq!(found, [ConflictKind::Value]);
        // Two figures of one article that differ are two conflicts.
        let found = rules(&[
            "Glassblowers earned a median annual wage of $36,300 in 2023.\n\nSo glassblowers earned a median annual wage of $31,000 in 2023, as said.",
            "Glassblowers earned a median annual wage of $41,200 in 2023.",
        ]);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    /// A thing's sum with no measure word meets its written price too.
    #[test]
    fn a_sum_said_of_a_thing_is_its_price() {
        assert_eq!(
            rules(&[
                "The average price of a chimney relining was $2,300 in 2024.",
                "A chimney relining ran $2,900 on average in 2024.",
            ]),
            [ConflictKind::Value]
        );
    }
}
