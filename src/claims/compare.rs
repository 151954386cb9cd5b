//! Pairing claims and deciding whether two of them contradict each other.
//!
//! Claims are bucketed by their strongest subject terms (and qualifiers), so
//! only claims that share a distinctive term are ever paired: the work stays
//! linear in practice. Inside a bucket each claim is compared with a bounded
//! number of earlier ones. A pair is reported under one of five rules:
//! period mismatch, value mismatch, hedge conflict, scale mismatch and
//! direction mismatch. The subject gate comes first and is strict.
//!
//! Checks against the facts file reuse [`subjects_match`], [`comparable`] and
//! [`values_compatible`] from here; the facts format is in `facts.rs`.

use serde::Serialize;

use super::lexicon::{FastMap, Tolerances, WordHasher};
use super::number::{Form, Hedge, Unit};
use super::period::{Per, Period};
use super::subject::{Metric, SubjectKey};
use super::{Claim, RULE_DIRECTION, RULE_HEDGE, RULE_PERIOD, RULE_SCALE, RULE_VALUE};

/// Points at one claim: `docs[doc][claim]` in the slice given to [`compare`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct ClaimRef {
    /// Index of the document.
    pub doc: usize,
    /// Index of the claim within the document's claims.
    pub claim: usize,
}

/// Two claims that cannot both be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// Rule id, one of the `claim-*` ids.
    pub rule: &'static str,
    /// The claim the finding is reported on (the later one in document
    /// order); "here" in the message.
    pub a: ClaimRef,
    /// The other claim (related location).
    pub b: ClaimRef,
    /// One sentence, no trailing period, figures in backticks.
    pub message: String,
}

/// How many earlier claims of a bucket each claim is compared with. Bounds
/// the work on corpora where thousands of claims share one subject.
const PER_BUCKET: usize = 16;
/// How many findings one claim may carry as the reported side.
const PER_CLAIM: usize = 2;
/// How many of a claim's rarest terms it is bucketed under.
const BUCKET_TERMS: usize = 2;

/// Subject terms interned to ids, with inverse claim frequency weights over
/// the whole corpus, so common words ("job", "market") weigh little and one
/// distinctive term must match.
struct TermTable {
    weights: Vec<f64>,
    /// Per claim (in flattened order): sorted term ids.
    ids: Vec<Vec<u32>>,
}

impl TermTable {
    fn new(claims: &[(ClaimRef, &Claim)]) -> TermTable {
        let mut index: FastMap<&str, u32> = FastMap::default();
        let mut df: Vec<usize> = Vec::new();
        let mut ids = Vec::with_capacity(claims.len());
        for (_, c) in claims {
            let mut v: Vec<u32> = c
                .subject
                .terms
                .iter()
                .map(|t| {
                    let next = index.len() as u32;
                    let id = *index.entry(t.as_str()).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    id
                })
                .collect();
            v.sort_unstable();
            v.dedup();
            ids.push(v);
        }
        let n = claims.len() as f64;
        let weights = df.iter().map(|&d| (1.0 + n / d as f64).ln()).collect();
        TermTable { weights, ids }
    }

    /// Weighted Jaccard similarity of claims `i` and `j`.
    fn similarity(&self, i: usize, j: usize) -> f64 {
        let (a, b) = (&self.ids[i], &self.ids[j]);
        let (mut x, mut y) = (0, 0);
        let (mut inter, mut union) = (0.0, 0.0);
        while x < a.len() && y < b.len() {
            let (p, q) = (a[x], b[y]);
            if p == q {
                inter += self.weights[p as usize];
                union += self.weights[p as usize];
                x += 1;
                y += 1;
            } else if p < q {
                union += self.weights[p as usize];
                x += 1;
            } else {
                union += self.weights[q as usize];
                y += 1;
            }
        }
        union += a[x..]
            .iter()
            .chain(&b[y..])
            .map(|&t| self.weights[t as usize])
            .sum::<f64>();
        if union == 0.0 { 0.0 } else { inter / union }
    }
}

/// Plain Jaccard similarity of two sorted term lists (no corpus weights; used
/// for the facts file).
pub(crate) fn plain_similarity(a: &[String], b: &[String]) -> f64 {
    let inter = a.iter().filter(|t| b.binary_search(t).is_ok()).count();
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
        || a.geo != b.geo
        || a.aggregate != b.aggregate
        || a.level != b.level
        || a.base != b.base
        || !per_compatible(x.per, y.per)
        || (x.form == Form::Change) != (y.form == Form::Change)
    {
        return SubjectMatch::No;
    }
    if similarity() >= threshold {
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

/// A salary with no frequency is a yearly salary; other frequencies must be equal.
fn per_compatible(a: Option<Per>, b: Option<Per>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        (None, None) | (None, Some(Per::Year)) | (Some(Per::Year), None) => true,
        _ => false,
    }
}

/// Can two claims' periods be compared for value?
pub(crate) fn comparable(p: &Period, q: &Period) -> bool {
    use Period::*;
    let one = |p: &Period, q: &Period| -> bool {
        match (*p, *q) {
            (None, None) => true,
            (None, Point { weak: true, .. }) => true,
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
                let overlap = match (af.or(at), bf.or(bt)) {
                    (Some(_), Some(_)) => at == bt || (af.is_some() && af == bf),
                    _ => true,
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

/// One side is a multi-year total and the other a per-year rate.
fn framing_conflict(p: &Period, q: &Period) -> bool {
    let one = |p: &Period, q: &Period| {
        p.cumulative_years().is_some_and(|y| y >= 2)
            && matches!(q, Period::Rate { per: Per::Year, .. })
    };
    one(p, q) || one(q, p)
}

/// Tolerance added on each side of a claim's interval.
fn slack(c: &Claim, tol: &Tolerances) -> f64 {
    let rel = tol.rel_tol * c.value.abs();
    if matches!(c.unit, Unit::Percent | Unit::Points) {
        rel.max(tol.pct_abs_tol)
    } else {
        rel
    }
}

/// Do the two claims' intervals overlap once widened by the tolerances?
pub(crate) fn values_compatible(x: &Claim, y: &Claim, tol: &Tolerances) -> bool {
    let overlap = |xl: f64, xh: f64, sx: f64, yl: f64, yh: f64, sy: f64| {
        xl - sx <= yh + sy && yl - sy <= xh + sx
    };
    let (sx, sy) = (slack(x, tol), slack(y, tol));
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

/// "`40%` cumulative through 2027".
pub(crate) fn framed(c: &Claim) -> String {
    match c.period {
        Period::None => format!("`{}`", c.figure_text()),
        p => format!("`{}` {}", c.figure_text(), p.framing()),
    }
}

/// Where the other claim is, from the reported claim's point of view.
fn elsewhere(same_doc: bool) -> &'static str {
    if same_doc {
        "elsewhere in this article"
    } else {
        "in the other article"
    }
}

/// Judges one pair; `y` is the later claim (reported), `x` the earlier.
fn judge(
    x: &Claim,
    y: &Claim,
    same_doc: bool,
    similarity: impl FnOnce() -> f64,
    tol: &Tolerances,
) -> Option<(&'static str, String)> {
    let m = subjects_match(x, y, similarity, tol.subject_threshold);
    if m == SubjectMatch::No {
        return None;
    }
    let place = elsewhere(same_doc);
    let subject = &y.subject.display;
    let change = y.subject.metric == Metric::Change;
    let same_figure = values_compatible(x, y, tol);
    if m == SubjectMatch::Strict && comparable(&x.period, &y.period) {
        if change && x.direction != 0 && y.direction != 0 && x.direction != y.direction {
            let word = |d: i8| if d > 0 { "a rise" } else { "a fall" };
            return Some((
                RULE_DIRECTION,
                format!(
                    "{} is {} here but {} is {} {place} ({subject})",
                    framed(y),
                    word(y.direction),
                    framed(x),
                    word(x.direction)
                ),
            ));
        }
        if same_figure {
            return None;
        }
        let scale_gap = (x.scale - y.scale).abs();
        if scale_gap >= 3
            && (x.mantissa - y.mantissa).abs() < 1e-9
            && x.form == Form::Point
            && y.form == Form::Point
        {
            return Some((
                RULE_SCALE,
                format!(
                    "{} here but {} {place}: the same digits with scale words {}x apart ({subject})",
                    framed(y),
                    framed(x),
                    scaled_factor(scale_gap)
                ),
            ));
        }
        if x.hedge != Hedge::Exact || y.hedge != Hedge::Exact {
            let (hedged, other) = if y.hedge != Hedge::Exact {
                (y, x)
            } else {
                (x, y)
            };
            let who = if std::ptr::eq(hedged, y) {
                "here"
            } else {
                place
            };
            return Some((
                RULE_HEDGE,
                format!(
                    "hedged {} {who} excludes {} {} ({subject})",
                    framed(hedged),
                    framed(other),
                    if std::ptr::eq(other, y) {
                        "here"
                    } else {
                        place
                    }
                ),
            ));
        }
        return Some((
            RULE_VALUE,
            format!(
                "{} here contradicts {} {place} ({subject})",
                framed(y),
                framed(x)
            ),
        ));
    }
    let same_direction = x.direction == y.direction;
    if change
        && same_figure
        && same_direction
        && x.form == Form::Point
        && y.form == Form::Point
        && framing_conflict(&x.period, &y.period)
    {
        return Some((
            RULE_PERIOD,
            format!(
                "same figure `{}` is {} here but {} {place} ({subject})",
                y.figure_text(),
                y.period.framing(),
                x.period.framing()
            ),
        ));
    }
    None
}

fn scaled_factor(gap: i32) -> String {
    match gap {
        3 => "1000".to_string(),
        6 => "a million".to_string(),
        9 => "a billion".to_string(),
        g => format!("10^{g}"),
    }
}

/// Bucket key: qualifiers plus one distinctive term, hashed. A collision only
/// costs a comparison: every pair is judged in full.
fn bucket_key(c: &Claim, term: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let s = &c.subject;
    let mut h = WordHasher::default();
    (c.unit, s.metric, &s.geo, &s.aggregate, &s.level, &s.base).hash(&mut h);
    h.write_u64(term);
    h.finish()
}

/// Finds contradicting pairs among the claims of all documents (within one
/// document and across documents). Output is sorted and deterministic; each
/// unordered pair appears at most once.
pub fn compare(docs: &[Vec<Claim>], tolerances: &Tolerances) -> Vec<Conflict> {
    let all: Vec<(ClaimRef, &Claim)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, claims)| {
            claims
                .iter()
                .enumerate()
                .map(move |(c, claim)| (ClaimRef { doc: d, claim: c }, claim))
        })
        .collect();
    let table = TermTable::new(&all);
    let mut buckets: FastMap<u64, Vec<u32>> = FastMap::default();
    let mut out = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (j, (rj, y)) in all.iter().enumerate() {
        // Keys: the claim's rarest terms (or its base), plus, for changes, the
        // figure itself so "the field grew 40%" can meet "demand grew 40%".
        keys.clear();
        let mut ids = table.ids[j].clone();
        ids.sort_by(|a, b| {
            table.weights[*b as usize]
                .total_cmp(&table.weights[*a as usize])
                .then(a.cmp(b))
        });
        keys.extend(
            ids.iter()
                .take(BUCKET_TERMS)
                .map(|&t| bucket_key(y, u64::from(t))),
        );
        if ids.is_empty() {
            keys.push(bucket_key(y, u64::MAX));
        }
        if y.subject.metric == Metric::Change && y.form == Form::Point {
            keys.push(bucket_key(
                y,
                (y.value * 100.0).round() as i64 as u64 ^ 0xf1f1_0000_0000_0000,
            ));
        }
        candidates.clear();
        for key in &keys {
            let members = buckets.entry(*key).or_default();
            let lo = members.len().saturating_sub(PER_BUCKET);
            candidates.extend_from_slice(&members[lo..]);
            members.push(j as u32);
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut reported = 0;
        for &i in candidates.iter() {
            if reported >= PER_CLAIM {
                break;
            }
            let (ri, x) = all[i as usize];
            let sim = || table.similarity(i as usize, j);
            if let Some((rule, message)) = judge(x, y, ri.doc == rj.doc, sim, tolerances) {
                reported += 1;
                out.push(Conflict {
                    rule,
                    a: *rj,
                    b: ri,
                    message,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.a, c.b));
    out
}
