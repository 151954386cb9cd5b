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

use rayon::prelude::*;
use serde::Serialize;

use super::lexicon::{FastMap, Tolerances};
use super::number::{Form, Hedge, Unit};
use super::period::{Per, Period};
use super::subject::{Metric, SubjectKey};
use super::term::{Term, Terms};
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
}

/// How many earlier claims of a bucket each claim is compared with. Bounds
/// the work on corpora where thousands of claims share one subject.
const PER_BUCKET: usize = 16;
/// How many of a claim's rarest terms it is bucketed under.
const BUCKET_TERMS: usize = 2;

/// Subject terms numbered in order of first appearance over the corpus
/// (claims in order, each claim's terms in text order), with inverse claim
/// frequency weights over the whole corpus, so common words ("job",
/// "market") weigh little and one distinctive term must match. Claims share
/// interned term lists, so each distinct list is numbered and sorted once.
struct TermTable {
    weights: Vec<f64>,
    /// Per claim (in flattened order): index into `lists`.
    list_of: Vec<u32>,
    /// Per distinct list: its local ids, sorted, as a range of `flat`.
    lists: Vec<(u32, u32)>,
    /// Per distinct list: its rarest ids (bucket terms), as a range of `rarest`.
    rarest_of: Vec<(u32, u32)>,
    flat: Vec<u32>,
    rarest: Vec<u32>,
}

impl TermTable {
    fn new(claims: &[(ClaimRef, &Claim)]) -> TermTable {
        const NONE: u32 = u32::MAX;
        // Global term index -> local id.
        let mut local: Vec<u32> = Vec::new();
        let mut df: Vec<usize> = Vec::new();
        let mut list_index: FastMap<u32, u32> = FastMap::default();
        let mut list_of = Vec::with_capacity(claims.len());
        let mut lists: Vec<(u32, u32)> = Vec::new();
        let mut flat: Vec<u32> = Vec::new();
        for (_, c) in claims {
            let terms = c.subject.terms;
            for t in terms.iter() {
                let g = t.index();
                if g >= local.len() {
                    local.resize(g + 1, NONE);
                }
                if local[g] == NONE {
                    local[g] = df.len() as u32;
                    df.push(0);
                }
                df[local[g] as usize] += 1;
            }
            let slot = *list_index.entry(terms.id()).or_insert_with(|| {
                let start = flat.len();
                flat.extend(terms.iter().map(|t| local[t.index()]));
                flat[start..].sort_unstable();
                lists.push((start as u32, (flat.len() - start) as u32));
                (lists.len() - 1) as u32
            });
            list_of.push(slot);
        }
        let n = claims.len() as f64;
        let weights: Vec<f64> = df.iter().map(|&d| (1.0 + n / d as f64).ln()).collect();
        // A claim's bucket terms: its rarest terms, ties to the earliest id.
        let mut rarest = Vec::new();
        let mut rarest_of = Vec::with_capacity(lists.len());
        let mut ids: Vec<u32> = Vec::new();
        for &(start, len) in &lists {
            ids.clear();
            ids.extend_from_slice(&flat[start as usize..(start + len) as usize]);
            ids.sort_by(|a, b| {
                weights[*b as usize]
                    .total_cmp(&weights[*a as usize])
                    .then(a.cmp(b))
            });
            let from = rarest.len();
            rarest.extend(ids.iter().take(BUCKET_TERMS));
            rarest_of.push((from as u32, (rarest.len() - from) as u32));
        }
        TermTable {
            weights,
            list_of,
            lists,
            rarest_of,
            flat,
            rarest,
        }
    }

    /// Sorted local term ids of claim `i`.
    fn ids(&self, i: usize) -> &[u32] {
        let (start, len) = self.lists[self.list_of[i] as usize];
        &self.flat[start as usize..(start + len) as usize]
    }

    /// The bucket terms of claim `i`.
    fn rarest(&self, i: usize) -> &[u32] {
        let (start, len) = self.rarest_of[self.list_of[i] as usize];
        &self.rarest[start as usize..(start + len) as usize]
    }

    /// Weighted Jaccard similarity of claims `i` and `j`.
    fn similarity(&self, i: usize, j: usize) -> f64 {
        let (a, b) = (self.ids(i), self.ids(j));
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
        || a.geo != b.geo
        || a.aggregate != b.aggregate
        || a.level != b.level
        || a.base != b.base
        || !per_compatible(x.per, y.per)
        || (x.form == Form::Change) != (y.form == Form::Change)
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
    // Two points in time, the most common pair, first.
    if let (Point { year: a, .. }, Point { year: b, .. }) = (p, q) {
        return a == b;
    }
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
///
/// An approximate figure ("about 43%") gets none: its interval already
/// carries the approximation tolerance, and widening it twice let "about
/// 43%" meet "more than half". A bound ("more than half") gets only the
/// absolute tolerance of a percentage, for rounding at its edge.
fn slack(c: &Claim, tol: &Tolerances) -> f64 {
    let percent = matches!(c.unit, Unit::Percent | Unit::Points);
    match c.hedge {
        Hedge::Approximate => 0.0,
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
    let mut out = String::new();
    write_framed(&mut out, c);
    out
}

/// Appends [`framed`] to `out`.
pub(crate) fn write_framed(out: &mut String, c: &Claim) {
    out.push('`');
    c.write_figure(out);
    out.push('`');
    if c.period != Period::None {
        out.push(' ');
        c.period.write_framing(out);
    }
}

/// Builds a message from pieces: text, framed claims, the subject.
enum Piece<'a> {
    Text(&'a str),
    Framed(&'a Claim),
    Figure(&'a Claim),
    Framing(&'a Period),
}

/// Concatenates `pieces`, then " (subject)".
fn message(pieces: &[Piece<'_>], subject: &SubjectKey) -> String {
    let mut out = String::with_capacity(256);
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Framed(c) => write_framed(&mut out, c),
            Piece::Figure(c) => c.write_figure(&mut out),
            Piece::Framing(p) => p.write_framing(&mut out),
        }
    }
    out.push_str(" (");
    subject.write_display(&mut out);
    out.push(')');
    out
}

/// Judges one pair; `y` is the later claim (reported), `x` the earlier.
/// Returns the rule the pair breaks; [`Conflict::message`] words it.
fn judge(
    x: &Claim,
    y: &Claim,
    similarity: impl FnOnce() -> f64,
    tol: &Tolerances,
) -> Option<&'static str> {
    let change = y.subject.metric == Metric::Change;
    let periods_comparable = comparable(&x.period, &y.period);
    let framing_clash = change
        && x.direction == y.direction
        && x.form == Form::Point
        && y.form == Form::Point
        && framing_conflict(&x.period, &y.period);
    // Most candidate pairs fail here, on their periods alone.
    if !periods_comparable && !framing_clash {
        return None;
    }
    let same_figure = values_compatible(x, y, tol);
    let period_rule = framing_clash && same_figure;
    if !periods_comparable && !period_rule {
        return None;
    }
    let m = subjects_match(x, y, similarity, tol.subject_threshold);
    if m == SubjectMatch::No {
        return None;
    }
    if m == SubjectMatch::Strict && periods_comparable {
        if change && x.direction != 0 && y.direction != 0 && x.direction != y.direction {
            return Some(RULE_DIRECTION);
        }
        if same_figure {
            return None;
        }
        if is_scale_slip(x, y) {
            return Some(RULE_SCALE);
        }
        if x.hedge != Hedge::Exact || y.hedge != Hedge::Exact {
            return Some(RULE_HEDGE);
        }
        return Some(RULE_VALUE);
    }
    period_rule.then_some(RULE_PERIOD)
}

/// The same digits with scale words a thousand times or more apart.
fn is_scale_slip(x: &Claim, y: &Claim) -> bool {
    (x.scale - y.scale).abs() >= 3
        && (x.mantissa - y.mantissa).abs() < 1e-9
        && x.form == Form::Point
        && y.form == Form::Point
}

impl Conflict {
    /// One sentence, no trailing period, figures in backticks: what the two
    /// claims say and why they cannot both hold. `docs` is the slice given
    /// to [`compare`]; `other_place` says where the other claim is from the
    /// reported claim's point of view ("in `b.md`"); within one article it
    /// is not used.
    pub fn message(&self, docs: &[Vec<Claim>], other_place: &str) -> String {
        use Piece::{Figure, Framed, Framing, Text};
        let (y, x) = (
            &docs[self.a.doc][self.a.claim],
            &docs[self.b.doc][self.b.claim],
        );
        let place = if self.a.doc == self.b.doc {
            "elsewhere in this article"
        } else {
            other_place
        };
        let subject = &y.subject;
        match self.rule {
            RULE_DIRECTION => {
                let word = |d: i8| if d > 0 { "a rise" } else { "a fall" };
                message(
                    &[
                        Framed(y),
                        Text(" is "),
                        Text(word(y.direction)),
                        Text(" here but "),
                        Framed(x),
                        Text(" is "),
                        Text(word(x.direction)),
                        Text(" "),
                        Text(place),
                    ],
                    subject,
                )
            }
            RULE_SCALE => {
                let factor = scaled_factor((x.scale - y.scale).abs());
                message(
                    &[
                        Framed(y),
                        Text(" here but "),
                        Framed(x),
                        Text(" "),
                        Text(place),
                        Text(": the same digits with scale words "),
                        Text(&factor),
                        Text("x apart"),
                    ],
                    subject,
                )
            }
            RULE_HEDGE => {
                let y_hedged = y.hedge != Hedge::Exact;
                let (hedged, who, other, other_place) = if y_hedged {
                    (y, "here", x, place)
                } else {
                    (x, place, y, "here")
                };
                message(
                    &[
                        Text("hedged "),
                        Framed(hedged),
                        Text(" "),
                        Text(who),
                        Text(" excludes "),
                        Framed(other),
                        Text(" "),
                        Text(other_place),
                    ],
                    subject,
                )
            }
            RULE_PERIOD => message(
                &[
                    Text("same figure `"),
                    Figure(y),
                    Text("` is "),
                    Framing(&y.period),
                    Text(" here but "),
                    Framing(&x.period),
                    Text(" "),
                    Text(place),
                ],
                subject,
            ),
            _ => message(
                &[
                    Framed(y),
                    Text(" here contradicts "),
                    Framed(x),
                    Text(" "),
                    Text(place),
                ],
                subject,
            ),
        }
    }
}

fn scaled_factor(gap: i32) -> std::borrow::Cow<'static, str> {
    match gap {
        3 => "1000".into(),
        6 => "a million".into(),
        9 => "a billion".into(),
        g => format!("10^{g}").into(),
    }
}

/// Bucket key: qualifiers plus one distinctive term (a local term id, the
/// empty-subject marker or a change figure).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct BucketKey {
    unit: Unit,
    metric: Metric,
    geo: Option<Term>,
    aggregate: Option<Term>,
    level: Option<Term>,
    base: u32,
    term: u64,
}

fn bucket_key(c: &Claim, term: u64) -> BucketKey {
    let s = &c.subject;
    BucketKey {
        unit: c.unit,
        metric: s.metric,
        geo: s.geo,
        aggregate: s.aggregate,
        level: s.level,
        base: s.base.id(),
        term,
    }
}

/// The latest claims of a bucket, as a ring: only the last [`PER_BUCKET`]
/// members are ever compared.
#[derive(Default)]
struct Bucket {
    recent: [u32; PER_BUCKET],
    len: usize,
}

impl Bucket {
    /// The claims `j` is compared with: the bucket's latest members.
    fn candidates(&self) -> &[u32] {
        &self.recent[..self.len.min(PER_BUCKET)]
    }

    /// Claim `j` joins the bucket, pushing out its oldest member when full.
    fn push(&mut self, j: usize) {
        self.recent[self.len % PER_BUCKET] = j as u32;
        self.len += 1;
    }
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

/// How many claims are bucketed (sequentially) before their candidates are
/// judged (in parallel).
const CHUNK: usize = 8192;

/// Finds contradicting pairs among the claims of all documents (within one
/// document and across documents). Output is sorted and deterministic; each
/// unordered pair appears at most once.
///
/// A claim is reported at most once, against the first contradicting claim
/// among its candidates: a writer fixes the figure and the next run shows
/// any other conflict. Bucketing depends on claim order and runs
/// sequentially; judging the candidates, the costly part, runs in parallel.
pub fn compare(docs: &[Vec<Claim>], tolerances: &Tolerances) -> Vec<Conflict> {
    let all = flatten(docs);
    let table = TermTable::new(&all);
    let mut buckets: FastMap<BucketKey, Bucket> = FastMap::default();
    let mut out = Vec::new();
    // Candidates of the claims of one chunk, flattened and unsorted: those
    // of the chunk's k-th claim are `flat[offsets[k]..offsets[k + 1]]`.
    let mut flat: Vec<u32> = Vec::new();
    let mut offsets: Vec<usize> = Vec::new();
    for lo in (0..all.len()).step_by(CHUNK) {
        let hi = (lo + CHUNK).min(all.len());
        // Keys do not depend on the buckets: they are found in parallel.
        let keys: Vec<Vec<BucketKey>> = (lo..hi)
            .into_par_iter()
            .map(|j| {
                let mut keys = Vec::new();
                bucket_keys(&table, j, all[j].1, &mut keys);
                keys
            })
            .collect();
        flat.clear();
        offsets.clear();
        offsets.push(0);
        for (j, keys) in (lo..hi).zip(&keys) {
            for key in keys {
                let bucket = buckets.entry(*key).or_default();
                flat.extend_from_slice(bucket.candidates());
                bucket.push(j);
            }
            offsets.push(flat.len());
        }
        let found: Vec<Option<Conflict>> = (lo..hi)
            .into_par_iter()
            .map_init(Vec::new, |candidates, j| {
                candidates.clear();
                candidates.extend_from_slice(&flat[offsets[j - lo]..offsets[j - lo + 1]]);
                first_conflict(&all, &table, j, candidates, tolerances)
            })
            .collect();
        // Claims are in (doc, claim) order, so `out` stays sorted by `a`.
        out.extend(found.into_iter().flatten());
    }
    out
}

/// The conflict claim `j` reports: with the first of its `candidates`
/// (sorted and deduplicated here, so the first is the earliest claim) that
/// it contradicts. [`compare`] and [`compare_focused`] both decide here.
fn first_conflict(
    all: &[(ClaimRef, &Claim)],
    table: &TermTable,
    j: usize,
    candidates: &mut Vec<u32>,
    tolerances: &Tolerances,
) -> Option<Conflict> {
    candidates.sort_unstable();
    candidates.dedup();
    let (rj, y) = all[j];
    candidates.iter().find_map(|&i| {
        let (ri, x) = all[i as usize];
        let sim = || table.similarity(i as usize, j);
        judge(x, y, sim, tolerances).map(|rule| Conflict { rule, a: rj, b: ri })
    })
}

/// The pairs [`compare`] would find that involve a document marked in
/// `focus` (indexed like `docs`), for partial runs: the same buckets, filled
/// in the same order, so a claim meets the same earlier claims as in a full
/// run and carries the same first conflict; only the judging is skipped
/// where no focused claim can be involved, which is what makes it cheap.
/// Claims of documents outside `focus` are needed all the same: they decide
/// the term weights and which claims a bucket still holds.
///
/// Mirrors the bucketing loop of [`compare`]; a change to how that loop
/// buckets must be made here too (`compare_focused_agrees_with_compare`
/// checks that both agree). Picking the conflict is shared:
/// [`first_conflict`].
pub fn compare_focused(
    docs: &[Vec<Claim>],
    focus: &[bool],
    tolerances: &Tolerances,
) -> Vec<Conflict> {
    let focused = |doc: usize| focus.get(doc).copied().unwrap_or(false);
    let all = flatten(docs);
    let table = TermTable::new(&all);
    let mut keys: Vec<BucketKey> = Vec::new();
    // Only buckets a focused claim goes into, and the other buckets of the
    // claims that share one with a focused claim, decide what is reported;
    // the others are not kept. `terms` filters keys before any hashing.
    let mut focus_keys: FastMap<BucketKey, ()> = FastMap::default();
    let mut focus_terms = KeyTerms::new(&table);
    for (j, (rj, y)) in all.iter().enumerate() {
        if focused(rj.doc) {
            bucket_keys(&table, j, y, &mut keys);
            for key in &keys {
                focus_keys.insert(*key, ());
                focus_terms.insert(key.term);
            }
        }
    }
    let mut relevant = vec![false; all.len()];
    let mut buckets: FastMap<BucketKey, Bucket> = FastMap::default();
    let mut bucket_terms = KeyTerms::new(&table);
    for (j, (rj, y)) in all.iter().enumerate() {
        bucket_keys(&table, j, y, &mut keys);
        let shares = |k: &BucketKey| focus_terms.contains(k.term) && focus_keys.contains_key(k);
        if focused(rj.doc) || keys.iter().any(shares) {
            relevant[j] = true;
            for key in &keys {
                buckets.entry(*key).or_default();
                bucket_terms.insert(key.term);
            }
        }
    }
    let mut out = Vec::new();
    let mut candidates: Vec<u32> = Vec::new();
    for (j, (rj, y)) in all.iter().enumerate() {
        bucket_keys(&table, j, y, &mut keys);
        candidates.clear();
        for key in &keys {
            if !bucket_terms.contains(key.term) {
                continue;
            }
            let Some(bucket) = buckets.get_mut(key) else {
                continue;
            };
            if relevant[j] {
                candidates.extend_from_slice(bucket.candidates());
            }
            bucket.push(j);
        }
        if !relevant[j] {
            continue;
        }
        let y_focused = focused(rj.doc);
        if !y_focused && !candidates.iter().any(|&i| focused(all[i as usize].0.doc)) {
            continue;
        }
        // As in `compare`: the claim's first conflict is the one it reports,
        // even when that one does not involve a focused document.
        if let Some(conflict) = first_conflict(&all, &table, j, &mut candidates, tolerances)
            && (y_focused || focused(conflict.b.doc))
        {
            out.push(conflict);
        }
    }
    out.sort_by_key(|c| (c.a, c.b));
    out
}

/// A set of bucket-key terms: a bit per local term id, and a short list for
/// the rest (the empty-subject marker, change figures).
struct KeyTerms {
    bits: Vec<u64>,
    others: FastMap<u64, ()>,
}

impl KeyTerms {
    fn new(table: &TermTable) -> KeyTerms {
        KeyTerms {
            bits: vec![0; table.weights.len().div_ceil(64)],
            others: FastMap::default(),
        }
    }

    fn insert(&mut self, term: u64) {
        match self.bits.get_mut((term / 64) as usize) {
            Some(word) => *word |= 1 << (term % 64),
            None => {
                self.others.insert(term, ());
            }
        }
    }

    fn contains(&self, term: u64) -> bool {
        match self.bits.get((term / 64) as usize) {
            Some(word) => word & (1 << (term % 64)) != 0,
            None => self.others.contains_key(&term),
        }
    }
}

/// The buckets claim `j` (`y`) goes into: its rarest terms (or the
/// empty-subject marker), plus, for changes, the figure itself so "the field
/// grew 40%" can meet "demand grew 40%".
fn bucket_keys(table: &TermTable, j: usize, y: &Claim, keys: &mut Vec<BucketKey>) {
    keys.clear();
    let rarest = table.rarest(j);
    keys.extend(rarest.iter().map(|&t| bucket_key(y, u64::from(t))));
    if rarest.is_empty() {
        keys.push(bucket_key(y, u64::MAX));
    }
    if y.subject.metric == Metric::Change && y.form == Form::Point {
        keys.push(bucket_key(
            y,
            (y.value * 100.0).round() as i64 as u64 ^ 0xf1f1_0000_0000_0000,
        ));
    }
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
}
