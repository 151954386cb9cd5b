//! Figures that say which part of a population a statistic is about:
//! "adults aged 18 to 49", "people over 65", "households earning over
//! $100,000", "companies with more than 500 employees". Such a figure is not
//! a claim; it belongs to the subject, so that the vaccination rate of adults
//! aged 18 to 49 never meets that of adults aged 65 and over.
//!
//! A bracket is recognised by its syntax, not by topic words: an age word
//! before the figure ("aged", "ages") or an age's bound after it ("60 or
//! older"), a threshold after a plural noun ("people
//! over 65"), an income participle with a threshold ("earning over"), or
//! "with" plus a threshold and a noun after a plural noun ("firms with fewer
//! than 50 staff"), a rank word before a percentage ("the top 10% of"), or
//! an ordinal before "percentile" ("the 90th percentile"). Its term names
//! the kind and the bounds ("aged 18–49", "aged 65+", "earning under
//! $50000", "with 500+ employee").

use super::lexicon::normalise_cow;
use super::number::{
    Form, Hedge, Quantity, Unit, digits_value, hedge_after, hedge_before, is_hedge_end,
};
use super::term::Term;
use super::token::{Token, TokenKind};

/// A bracket: where its words are (figure and bound words) and its term.
pub(crate) struct Bracket {
    /// Token range of the figure with its hedge and trailing bound words.
    pub tokens: std::ops::Range<usize>,
    /// The subject term that stands for it.
    pub term: Term,
}

word_set!(
    /// Words before an age: "aged 18 to 49", "ages 25-34".
    is_age_word: ["aged", "ages", "age"]
);

word_set!(
    /// Words that pick the end of a distribution: "the top 10% of earners".
    is_rank_word: [
    "top", "bottom", "richest", "poorest", "wealthiest", "highest-paid", "lowest-paid",
    "best-paid", "worst-paid", "highest-earning", "lowest-earning", "upper", "lower",
]
);

word_set!(
    /// Words after an ordinal that make it a place in a distribution: "the
    /// 90th percentile", "the bottom quartile".
    is_quantile_word: ["percentile", "quartile", "quintile", "decile"]
);

/// Does a subject term name a place in a distribution ("90th percentile",
/// "percentile", "top quartile") rather than what is measured or whose?
pub(crate) fn names_a_quantile(term: &str) -> bool {
    term.rsplit(' ').next().is_some_and(is_quantile_word)
}

/// Is `word` an ordinal written in digits ("90th", "1st", "22nd", "3rd")?
fn is_digit_ordinal(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&word[digits..], "st" | "nd" | "rd" | "th")
}

word_set!(
    /// Participles and nouns before an income threshold: "households
    /// earning over $100,000", "incomes below $30,000", "roles paying more
    /// than $150,000".
    is_income_word: ["earning", "making", "incomes", "income", "paying", "salaried"]
);

word_set!(
    /// Participles before a price threshold: "homes priced above $1
    /// million", "cars costing under $30,000".
    is_price_word: ["priced", "costing", "worth", "valued", "selling", "charging", "spending"]
);

word_set!(
    /// Verbs after which a participle or "worth" is the predicate, not a
    /// threshold that sorts a noun ("was worth over", "are earning over").
    is_copula: [
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "stay", "stays",
    "stayed", "now", "currently", "still",
]
);

/// Which way a bracket is open.
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    /// The figure itself, or a written range.
    Closed,
    /// "over 65", "65 and older", "500 or more".
    AndOver,
    /// "under 30", "30 or younger", "50 or fewer".
    AndUnder,
}

/// The bound words after a figure: a hedge ("or more", "+") or an age's
/// ("and over", "or younger"); their number of tokens and the bound.
fn trailing_bound(toks: &[Token<'_>], at: usize) -> (usize, Option<Bound>) {
    if let Some((hedge, end)) = hedge_after(toks, at) {
        return (end - at, hedge_bound(hedge));
    }
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    if !matches!(word(at), "and" | "or") {
        return (0, None);
    }
    match word(at + 1) {
        "over" | "older" | "above" | "more" | "up" | "greater" => (2, Some(Bound::AndOver)),
        "under" | "younger" | "below" | "less" | "fewer" => (2, Some(Bound::AndUnder)),
        _ => (0, None),
    }
}

/// Is the figure's own hedge a threshold? "more than", "over", "at least"
/// open it upwards; "under", "less than", "up to" downwards.
fn hedge_bound(hedge: Hedge) -> Option<Bound> {
    match hedge {
        Hedge::Above | Hedge::AtLeast | Hedge::JustOver => Some(Bound::AndOver),
        Hedge::Below | Hedge::UpTo | Hedge::Nearly => Some(Bound::AndUnder),
        Hedge::Exact | Hedge::Approximate => None,
    }
}

/// A plural noun ("adults", "firms"), read from its shape: a word of four
/// letters or more ending in "s" that is not a verb form of "be" or "have",
/// one of the irregular plurals of people, or "those".
fn is_plural_noun(t: &Token<'_>) -> bool {
    let w = t.word();
    // "those over 65": the pronoun stands for the people.
    if matches!(w, "people" | "children" | "men" | "women" | "those") {
        return true;
    }
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !matches!(
            w,
            "does" | "goes" | "was" | "has" | "this" | "thus" | "plus" | "less"
        )
}

/// A figure that may be a bracket: a quantity, or a bare number the
/// quantity finder does not keep ("aged 18 to 49": small counts are no claims).
struct Figure {
    /// First token (the hedge's, if any) and one past the last.
    start: usize,
    end: usize,
    unit: Unit,
    scale: i32,
    value: f64,
    /// The written range, if the figure is one.
    range: Option<(f64, f64)>,
    /// Its hedge as a threshold.
    bound: Option<Bound>,
}

impl Figure {
    fn of(q: &Quantity) -> Figure {
        Figure {
            start: q.hedge_first,
            end: q.last,
            unit: q.unit,
            scale: q.scale,
            value: q.value,
            range: (q.form == Form::Range).then_some((q.lo, q.hi)),
            bound: hedge_bound(q.hedge),
        }
    }

    /// The bare number at `k` with the hedge before it and the range it
    /// opens ("more than 500", "18 to 49", "25-34").
    fn at(toks: &[Token<'_>], k: usize) -> Option<Figure> {
        let value = digits_value(&toks[k])?;
        let (hedge, start) = hedge_before(toks, k);
        let joins = toks.get(k + 1).is_some_and(|t| {
            t.is_symbol('-') || t.is_symbol('–') || matches!(t.word(), "to" | "and")
        });
        let range = joins
            .then(|| toks.get(k + 2).and_then(digits_value))
            .flatten()
            .filter(|&hi| hi > value);
        Some(Figure {
            start,
            end: if range.is_some() { k + 3 } else { k + 1 },
            unit: Unit::Count,
            scale: 0,
            value,
            range: range.map(|hi| (value, hi)),
            bound: hedge_bound(hedge),
        })
    }

    /// The figure's bounds as a bracket term writes them: "18–49", "65+",
    /// "under $50000".
    fn bounds(&self, threshold: Option<Bound>) -> String {
        match (self.range, threshold.unwrap_or(Bound::Closed)) {
            (Some((lo, hi)), _) => format!("{}–{}", self.amount(lo), self.amount(hi)),
            (None, Bound::AndOver) => format!("{}+", self.amount(self.value)),
            (None, Bound::AndUnder) => format!("under {}", self.amount(self.value)),
            (None, Bound::Closed) => self.amount(self.value),
        }
    }

    /// The number as a bracket term writes it: "$100000", "65", "12.5%".
    fn amount(&self, v: f64) -> String {
        let digits = if v.fract() == 0.0 && v.abs() < 1e15 {
            format!("{}", v as i64)
        } else {
            format!("{v}")
        };
        match self.unit {
            Unit::Usd => format!("${digits}"),
            Unit::Gbp => format!("£{digits}"),
            Unit::Eur => format!("€{digits}"),
            Unit::Percent => format!("{digits}%"),
            _ => digits,
        }
    }
}

/// How many words before a money figure name its threshold: the income or
/// price word right before it ("earning over"), or before "of" ("incomes
/// of over").
fn money_lead(before: &str, before2: &str) -> Option<usize> {
    let names = |w: &str| is_income_word(w) || is_price_word(w);
    if names(before) {
        Some(1)
    } else if before == "of" && names(before2) {
        Some(2)
    } else {
        None
    }
}

/// The bracket `f` is, if it is one.
fn bracket_of(toks: &[Token<'_>], f: &Figure) -> Option<Bracket> {
    let word = |k: Option<usize>| k.and_then(|k| toks.get(k)).map_or("", |t| t.word());
    let before = f.start.checked_sub(1);
    let before2 = f.start.checked_sub(2);
    let (trail, trailing) = trailing_bound(toks, f.end);
    let threshold = f.bound.or(trailing);
    let small_count = f.unit == Unit::Count && f.scale == 0 && f.value > 0.0 && f.value < 130.0;
    // The words that name the bracket ("aged", "earning", "with") go with it.
    let lead = |n: usize| f.start - n;
    let mut to = f.end + trail;
    let (from, prefix, suffix) = if small_count
        && (is_age_word(word(before))
            || (matches!(word(before), "between" | "of") && is_age_word(word(before2))))
    {
        // "aged 65", "ages 25-34", "between the ages of 18 and 49" (read
        // as "ages of").
        let n = if is_age_word(word(before)) { 1 } else { 2 };
        (lead(n), "aged", String::new())
    } else if small_count && trail == 2 && matches!(word(Some(f.end + 1)), "older" | "younger") {
        // "are 60 or older", "30 and younger": only an age is older.
        (f.start, "aged", String::new())
    } else if small_count
        && threshold.is_some()
        && before.and_then(|k| toks.get(k)).is_some_and(is_plural_noun)
        // "dogs over 70 pounds", "trips under 30 miles": the noun after the
        // figure says what is measured, and it is not an age.
        && !toks
            .get(to)
            .is_some_and(|t| is_plural_noun(t) && t.word() != "years")
    {
        // "adults over 65", "workers under 30": a threshold right after the
        // people it sorts reads as their age (the people join below).
        (f.start, "aged", String::new())
    } else if matches!(f.unit, Unit::Usd | Unit::Gbp | Unit::Eur)
        && threshold.is_some()
        && let Some(n) = money_lead(word(before), word(before2))
        // "homes priced above $1 million" sorts homes; "the market was
        // worth more than $1 billion" states what it was worth.
        && !is_copula(word(f.start.checked_sub(n + 1)))
    {
        let kind = if is_income_word(word(f.start.checked_sub(n))) {
            "earning"
        } else {
            "priced"
        };
        (lead(n), kind, String::new())
    } else if f.unit == Unit::Count
        && f.scale == 0
        && threshold.is_some()
        && word(before) == "with"
        && before2
            .and_then(|k| toks.get(k))
            .is_some_and(is_plural_noun)
        && toks.get(to).is_some_and(|t| t.kind == TokenKind::Word)
    {
        // "companies with more than 500 employees": the noun after the figure
        // says what is counted.
        let noun = toks[to].word();
        to += 1;
        (lead(1), "with", format!(" {}", normalise_cow(noun)))
    } else if f.unit == Unit::Percent
        && f.range.is_none()
        && is_rank_word(word(before))
        && word(before2) == "the"
    {
        // "the top 10% of households", "the richest 1%" (not "to top 10%").
        (lead(1), word(before), String::new())
    } else {
        return None;
    };
    // The people or things the bracket sorts ("adults aged 65+", "firms with
    // 50+ staff") belong to it, so that "among adults aged 65 and over, the
    // rate" and "the rate among adults aged 65 and over" read alike.
    let (from, whom) = match from.checked_sub(1).map(|k| &toks[k]) {
        Some(t) if is_plural_noun(t) => (from - 1, format!("{} ", normalise_cow(t.word()))),
        _ => (from, String::new()),
    };
    let bounds = f.bounds(threshold);
    Some(Bracket {
        tokens: from..to,
        term: Term::new(&format!("{whom}{prefix} {bounds}{suffix}")),
    })
}

word_set!(
    /// Words between a share and a later figure that make the later figure
    /// a statement of its own (a baseline, a comparison, another clause).
    is_own_statement_word: [
    "and", "but", "or", "while", "whereas", "than", "from", "compared", "versus", "vs", "to",
    "up", "down", "which", "who", "when",
]
);

/// A threshold in the predicate of a share ("42% of adults earn less than
/// $35,000", "a third of households have more than $10,000 saved") says
/// which part of the base the share counts: the bound ("under $35000")
/// belongs to the share's subject, with the verb before it. Read as a claim of
/// its own it would be a figure nobody stated ("adults earn under $35,000").
fn share_threshold(toks: &[Token<'_>], share: &Quantity, q: &Quantity) -> Option<Bracket> {
    let f = Figure::of(q);
    let (trail, trailing) = trailing_bound(toks, f.end);
    let threshold = f.bound.or(trailing)?;
    let is_share =
        share.unit == Unit::Percent && toks.get(share.last).is_some_and(|t| t.word() == "of");
    // The words between: the base and a verb, nothing that starts another
    // statement.
    let between = toks.get(share.last..f.start)?;
    let plain = between.len() <= 10
        && between
            .iter()
            .all(|t| t.kind == TokenKind::Word && !is_own_statement_word(t.word()));
    if !is_share || !plain || f.start <= share.last + 2 {
        return None;
    }
    Some(Bracket {
        tokens: f.start..f.end + trail,
        term: Term::new(&f.bounds(Some(threshold))),
    })
}

/// Splits `quantities` into the claims and the brackets among them, and
/// adds the brackets written as bare numbers no quantity holds.
pub(crate) fn split_brackets(
    toks: &[Token<'_>],
    quantities: Vec<Quantity>,
) -> (Vec<Quantity>, Vec<Bracket>) {
    let held: Vec<std::ops::Range<usize>> =
        quantities.iter().map(|q| q.hedge_first..q.last).collect();
    let free = |r: std::ops::Range<usize>| !held.iter().any(|h| h.start < r.end && r.start < h.end);
    let mut claims: Vec<Quantity> = Vec::with_capacity(quantities.len());
    let mut brackets = Vec::new();
    for q in quantities {
        let found = bracket_of(toks, &Figure::of(&q)).or_else(|| {
            claims
                .last()
                .and_then(|share| share_threshold(toks, share, &q))
        });
        match found {
            Some(b) => brackets.push(b),
            None => claims.push(q),
        }
    }
    let mut k = 0;
    while k < toks.len() {
        // A bare number opens a bracket only after an age word, a hedge
        // ("over 65", "more than 500") or "with" ("with 5+ years"), or
        // before an age's bound ("60 or older"): most numbers ("in 2024")
        // are passed over without being read.
        let word = |k: usize| toks.get(k).map_or("", |t| t.word());
        let opens = toks[k].kind == TokenKind::Number
            && (k.checked_sub(1).is_some_and(|p| {
                let w = toks[p].word();
                is_age_word(w) || is_hedge_end(w) || matches!(w, "between" | "with")
            }) || (matches!(word(k + 1), "or" | "and")
                && matches!(word(k + 2), "older" | "younger")));
        let found = if opens && free(k..k + 1) {
            Figure::at(toks, k)
                .filter(|f| free(f.start..f.end))
                .and_then(|f| bracket_of(toks, &f))
        } else {
            None
        };
        match found {
            Some(b) => {
                k = b.tokens.end;
                brackets.push(b);
            }
            None => k += 1,
        }
    }
    // "the 90th percentile", "the 3rd quartile": a place in a distribution.
    for k in 0..toks.len().saturating_sub(1) {
        if is_digit_ordinal(toks[k].word()) && is_quantile_word(toks[k + 1].word()) {
            let term = format!("{} {}", toks[k].word(), toks[k + 1].word());
            brackets.push(Bracket {
                tokens: k..k + 2,
                term: Term::new(&term),
            });
        }
    }
    brackets.sort_by_key(|b| b.tokens.start);
    (claims, brackets)
}

#[cfg(test)]
mod tests {
    use super::super::number::find_quantities;
    use super::super::token::tokenize;
    use super::*;

    fn brackets(text: &str) -> (usize, Vec<String>) {
        let toks = tokenize(text, 0..text.len(), 0);
        let (claims, brackets) = split_brackets(&toks, find_quantities(&toks));
        let terms = brackets
            .iter()
            .map(|b| b.term.as_str().to_string())
            .collect();
        (claims.len(), terms)
    }

    #[test]
    fn ages_incomes_and_sizes_are_brackets() {
        let cases = [
            (
                "The rate among adults aged 18 to 49 was 38% in 2024.",
                "adult aged 18–49",
            ),
            ("Adults aged 65 and over: 71% in 2024.", "adult aged 65+"),
            ("Among people over 65, 71% got the shot.", "people aged 65+"),
            (
                "Among those under 30, 28% own a home.",
                "those aged under 30",
            ),
            (
                "Some 28% of licensed surveyors are 60 or older.",
                "aged 60+",
            ),
            (
                "Households earning over $100,000 grew 4% in 2023.",
                "household earning $100000+",
            ),
            (
                "The 90th percentile of shoppers spent more than $4,000.",
                "90th percentile",
            ),
            (
                "The top 10% of households held 67% of wealth in 2024.",
                "top 10%",
            ),
            (
                "Among companies with more than 500 employees, 62% offered it.",
                "company with 500+ employee",
            ),
            (
                "Go developers with 5+ years of experience: 67%.",
                "developer with 5+ year",
            ),
            (
                "In 2024, 42% of adults earned less than $35,000.",
                "under $35000",
            ),
            ("About 18% of households have $500 or more saved.", "$500+"),
            (
                "Homes priced above $1 million made up 9% of sales.",
                "home priced $1000000+",
            ),
            (
                "Roles paying more than $150,000 were 14% of postings.",
                "role earning $150000+",
            ),
        ];
        for (text, term) in cases {
            assert_eq!(brackets(text), (1, vec![term.to_string()]), "{text}");
        }
    }

    #[test]
    fn claims_that_look_like_brackets_stay_claims() {
        // A salary is a claim, even after "earn" with a hedge.
        assert_eq!(
            brackets("Analysts earn more than $80,000 a year.").1.len(),
            0
        );
        // An exact income after a participle is what they earn.
        assert_eq!(brackets("Nurses earning $80,000 a year say so.").1.len(), 0);
        // What something is worth, or earns, after a copula is a figure.
        assert_eq!(
            brackets("The market was worth more than $1.1 billion in 2020.")
                .1
                .len(),
            0
        );
        assert_eq!(
            brackets("Nurses are earning over $90,000 a year.").1.len(),
            0
        );
        // The average age is a figure, not a bracket.
        assert_eq!(brackets("The average age is 42.").1.len(), 0);
        // "with 300 new jobs": no threshold.
        assert_eq!(brackets("Hiring grew 4%, with 300 new jobs.").1.len(), 0);
        // A percentage after a plural noun is not an age.
        assert_eq!(brackets("Salaries rose over 60% in 2024.").1.len(), 0);
        // A share's baseline or another clause's figure is a claim.
        assert_eq!(
            brackets("42% of adults earn it, up from over 30% in 2020.")
                .1
                .len(),
            0
        );
        assert_eq!(
            brackets("42% of adults agree and prices rose over 5%.")
                .1
                .len(),
            0
        );
        // "top" as a verb.
        assert_eq!(
            brackets("Growth is expected to top 10% in 2026.").1.len(),
            0
        );
        // A weight, not an age: the noun after the figure says what it is.
        assert_eq!(
            brackets("Owners of dogs over 70 pounds spend 30% more on food.")
                .1
                .len(),
            0
        );
    }
}
