//! Statistical claims: extraction of numeric claims from article prose, their
//! normalisation (value interval, unit, hedge, period, subject) and the
//! search for contradictions within and across articles, plus checks against
//! a canonical facts file.
//!
//! This file holds the public API and the claim record. The pieces live in
//! their own files: `token.rs` (tokens), `sentence.rs` (sentences, clauses,
//! markup blanking), `number.rs` (the number grammar), `period.rs` (time
//! qualifiers), `subject.rs` (subject keys), `lexicon.rs` (the data),
//! `extract.rs` (the pipeline), `compare.rs` (finding the five [`ConflictKind`]s),
//! `facts.rs` (the facts file) and `term.rs` (interned subject words). Nothing here reads files, knows about rules'
//! severities or renders diagnostics: the rule engine does that.
//!
//! Usage:
//!
//! ```
//! use copydesk::claims::{compare, extract, Lexicon, ProseInput, Tolerances};
//!
//! let lexicon = Lexicon::builtin();
//! let texts = [
//!     "Ransomware attacks rose 18% in 2023.",
//!     "Ransomware attacks declined by 18% in 2023.",
//! ];
//! let docs: Vec<_> = texts
//!     .iter()
//!     .map(|t| {
//!         let blocks = [0..t.len()];
//!         extract(&ProseInput { text: t, blocks: &blocks, masked: &[], publish_date: None, topic: &[], title: None }, &lexicon)
//!     })
//!     .collect();
//! let conflicts = compare(&docs, &Tolerances::default());
//! assert_eq!(conflicts[0].kind, copydesk::claims::ConflictKind::Direction);
//! ```

/// Declares `fn $name(word: &str) -> bool` over a fixed word list. A `matches!`
/// on string literals compiles to a dispatch on length and bytes, much faster
/// than scanning a slice of words for every token.
macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident: [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub(crate) fn $name(word: &str) -> bool {
            matches!(word, $($word)|*)
        }
    };
}

mod bracket;
mod compare;
mod compound;
mod elision;
mod extract;
mod facts;
mod judged;
mod lexicon;
mod number;
mod period;
mod sentence;
mod subject;
mod term;
mod token;

use std::ops::Range;

use serde::Serialize;

pub use crate::diagnostic::ClaimRef;
pub(crate) use compare::present_across_new_year;
pub use compare::{Conflict, compare, compare_focused, compare_remembering, restatements};
pub use extract::{extract, extract_prose};
pub use facts::{Fact, FactConflict, Facts, FactsError, check_facts};
pub use judged::{Judged, Memory};
pub use lexicon::{Lexicon, LexiconSpec, Tolerances, TolerancesSpec};
pub use number::{Form, Hedge, Unit};
pub use period::{Per, Period, Stage, YearPart};
pub use subject::{Metric, SubjectKey};
pub use term::{Term, Terms};

/// Why two claims cannot both hold. The claims engine finds conflicts;
/// each kind is reported by its own rule (`src/rules/claim_*.rs`), which
/// owns the rule id and the wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// The same figure framed as cumulative in one place and as a yearly
    /// rate in another.
    Period,
    /// Same subject and period, figures that differ beyond tolerance.
    Value,
    /// A hedged figure whose interval excludes the other figure.
    Hedge,
    /// The same digits with scale words a factor of 1000 or more apart.
    Scale,
    /// The same change reported as a rise in one place and a fall in another.
    Direction,
}

/// Where prose lives in one file (computed by the document model).
#[derive(Debug, Clone, Copy)]
pub struct ProseInput<'a> {
    /// The whole decoded file, front matter included.
    pub text: &'a str,
    /// Byte ranges of prose blocks: paragraphs, list items, table cells,
    /// block-quote paragraphs (source text including inline markup). Headings
    /// and code blocks are not included.
    pub blocks: &'a [Range<usize>],
    /// Byte ranges inside blocks that are not prose: inline code, link
    /// destinations, image syntax, raw HTML. Their text is ignored, so no
    /// claim can overlap them.
    pub masked: &'a [Range<usize>],
    /// The article's publish date (or its created date when the publish date
    /// is missing or invalid), used to resolve "now", "last year", "over the
    /// next five years".
    pub publish_date: Option<chrono::NaiveDate>,
    /// Where the front matter's title, subtitle and description values are
    /// written: the article's topic, read only when a clause says "the
    /// field" or "the industry".
    pub topic: &'a [Range<usize>],
    /// Where the front matter's title value is written: a place it names
    /// ("Nurse Pay in Texas") is the scope of the article's figures.
    pub title: Option<&'a Range<usize>>,
}

/// One numeric claim, normalised. It owns no strings (a corpus holds
/// hundreds of thousands): the figure and clause as written are read back
/// from the file's text with [`Claim::figure`] and [`Claim::quote`], and the
/// subject's words are interned.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    /// Byte range of the figure itself, hedge included ("north of $70,000").
    pub span: Range<usize>,
    /// Byte range of the clause the claim was read from.
    pub context: Range<usize>,
    /// Central value in base units (percent as 40.0, money in currency units,
    /// counts as counts).
    pub value: f64,
    /// Lower end of the interval the claim allows (hedge and rounding applied).
    pub low: f64,
    /// Upper end of the interval (infinite for "more than").
    pub high: f64,
    /// Unit.
    pub unit: Unit,
    /// Frequency of a level ("$165,000 a year" -> year), if written.
    pub per: Option<Per>,
    /// Hedge.
    pub hedge: Hedge,
    /// Written form (point, range, change...).
    pub form: Form,
    /// Start value of a "from X to Y" change.
    pub from: Option<f64>,
    /// Digits as written without the scale ("1.8" in "$1.8 trillion").
    pub mantissa: f64,
    /// Power of ten of the scale word (12 for trillion).
    pub scale: i32,
    /// +1 rise, -1 fall, 0 when not a change.
    pub direction: i8,
    /// When the claim holds.
    pub period: Period,
    /// What the claim measures.
    pub subject: SubjectKey,
    /// Where the claim's sentence starts (for a table cell: its row's line),
    /// as a byte offset in the file. Figures of one sentence or one table row
    /// are parallel statements ("66% use Linux and 53% macOS"), never
    /// contradictions of each other, so they are never compared.
    pub sentence: usize,
    /// True when the claim is a projection (future tense, or a period that
    /// ends after the article's date): a projection and an observed figure
    /// are different facts, even for the same series and years.
    pub forecast: bool,
    /// For a figure dated only by the present tense: the month the article
    /// was published (year * 12 + month - 1). "Now" in two articles
    /// published far apart is two different moments.
    pub as_of: Option<i32>,
    /// The part of the period's year, when the clause names one ("in
    /// February 2024", "in Q1 2024"): figures of two different parts of one
    /// year are two different facts.
    pub part: Option<YearPart>,
    /// True when the claim's region was not written in its clause but
    /// taken from its article ([`extract`]), for readers of the JSON: the
    /// comparison reads the US and no region written alike.
    pub placed_by_article: bool,
    /// True when the claim names no region and its article's figures name
    /// other countries or count in pounds or euros, never the US ("in
    /// Canada", "£850 a month"): such a figure is not read as the US figure
    /// an unplaced one otherwise is.
    pub abroad: bool,
}

impl Claim {
    /// Text of the clause the claim was read from (source text, markup
    /// included, trimmed). `text` is the file the claim was extracted from.
    pub fn quote<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.context.clone()).unwrap_or_default().trim()
    }

    /// Text of the figure as written. `text` is the file the claim was
    /// extracted from.
    pub fn figure<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.span.clone()).unwrap_or_default()
    }

    /// The figure normalised, with its hedge: "more than 50%", "$1.8 trillion",
    /// "$80,000-$95,000".
    pub fn figure_text(&self) -> String {
        let mut out = String::new();
        self.write_figure(&mut out);
        out
    }

    /// Appends [`Claim::figure_text`] to `out`.
    pub(crate) fn write_figure(&self, out: &mut String) {
        match self.form {
            Form::Range | Form::Figures => {
                self.unit.write(out, self.raw_low());
                out.push('-');
                self.unit.write(out, self.raw_high());
            }
            Form::Change => {
                if let Some(f) = self.from {
                    self.unit.write(out, f);
                    out.push_str(" to ");
                }
                self.unit.write(out, self.value);
            }
            // "two-thirds" is 66.7%, not 66.6667%: a fraction in words is
            // never more precise than that.
            Form::Fraction => {
                out.push_str(self.hedge.label());
                self.unit.write(out, (self.value * 10.0).round() / 10.0);
            }
            _ => {
                out.push_str(self.hedge.label());
                if self.direction < 0 && self.subject.metric == Metric::Change {
                    out.push('-');
                }
                // "fell by two-thirds" is -66.7%, as a fraction's share is.
                let value = if self.form == Form::Multiplier {
                    (self.value * 10.0).round() / 10.0
                } else {
                    self.value
                };
                self.unit.write(out, value);
            }
        }
        if let Some(p) = self.per {
            out.push_str(" per ");
            out.push_str(p.noun());
        }
    }

    /// Appends the figure in backticks and its framing: "`40%` cumulative
    /// through 2027", the way messages quote a claim.
    pub(crate) fn write_framed(&self, out: &mut String) {
        out.push('`');
        self.write_figure(out);
        out.push('`');
        if self.period != Period::None {
            out.push(' ');
            self.write_period(out);
        }
    }

    /// The period's framing with its part of the year when one was named:
    /// "in February 2024", "in Q1 2024", "cumulative through 2027".
    pub fn period_text(&self) -> String {
        let mut out = String::new();
        self.write_period(&mut out);
        out
    }

    /// Appends [`Claim::period_text`] to `out`.
    pub(crate) fn write_period(&self, out: &mut String) {
        // A share is a state, never a running total: "more than half of
        // schools were understaffed heading into 2023" holds by 2023.
        if let (Period::Until { year, .. }, Metric::Share) = (self.period, self.subject.metric) {
            out.push_str("by ");
            if let Some(part) = self.part {
                part.write(out);
                out.push(part.separator());
            }
            out.push_str(&year.to_string());
            return;
        }
        let framed = match (self.period, self.part) {
            (Period::Point { year, weak: false }, Some(part)) => Some(("in ", part, year)),
            // "by March 2025": the month is the end, not the year.
            (Period::Until { year, .. }, Some(part)) => Some(("cumulative through ", part, year)),
            // "rose 3% in March 2024": a change within the part named.
            (Period::Span { from, to, .. }, Some(part)) if to == from + 1 => {
                Some(("a change in ", part, to))
            }
            _ => None,
        };
        match framed {
            Some((words, part, year)) => {
                out.push_str(words);
                part.write(out);
                out.push(part.separator());
                out.push_str(&year.to_string());
            }
            None => self.period.write_framing(out),
        }
    }

    /// The low end of a range as written, before rounding and hedge widen
    /// it: a range's value is its midpoint and its mantissa and scale are
    /// those of its high end ("1.5 to 2 million": 1.75 million, 2 and 6).
    fn raw_low(&self) -> f64 {
        match self.form {
            Form::Range => 2.0 * self.value - self.raw_high(),
            Form::Figures => self.low,
            _ => self.low.max(0.0).min(self.value),
        }
    }

    /// The high end of a range as written ([`Claim::raw_low`]).
    fn raw_high(&self) -> f64 {
        if self.form == Form::Range {
            self.mantissa * 10f64.powi(self.scale)
        } else if self.high.is_finite() {
            self.high
        } else {
            self.value
        }
    }

    /// Short human framing: "40% cumulative through 2027", "$128,000 in 2024
    /// (present tense)", "more than 50%".
    pub fn describe(&self) -> String {
        let mut out = String::new();
        self.write_figure(&mut out);
        if self.period != Period::None {
            out.push(' ');
            self.write_period(&mut out);
        }
        out
    }
}

/// The topic text of a snippet that may open with front matter (a test, a
/// facts file entry): its title, subtitle and description lines, joined by
/// newlines. Articles get theirs from the document model
/// ([`ProseInput::topic`]).
pub(crate) fn snippet_topic_text(text: &str) -> String {
    let mut out = String::new();
    let Some(rest) = text.strip_prefix("---") else {
        return out;
    };
    for line in rest.lines().skip(1) {
        if line.trim_end() == "---" || line.trim_end() == "..." {
            break;
        }
        for key in ["title:", "subtitle:", "description:"] {
            if let Some(v) = line.strip_prefix(key) {
                out.push_str(v.trim().trim_matches(|c| c == '"' || c == '\''));
                out.push('\n');
            }
        }
    }
    out
}
