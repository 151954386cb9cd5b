//! The subject of a claim: what is being measured. Builds a [`SubjectKey`]
//! from the clause around a quantity: the metric (level, change, share, new
//! count, comparison) and its direction, the base of a share ("of remote
//! workers"), the qualifier slots (geography, aggregate, career level) and a
//! set of canonical terms mapped through the lexicon.
//!
//! Deciding whether two keys describe the same thing is in `compare.rs`; the
//! number grammar is in `number.rs`; time words are skipped here because
//! `period.rs` reads them.

use std::ops::Range;

use serde::Serialize;

use std::borrow::Cow;

use super::bracket::Bracket;
use super::lexicon::{Entry, Lexicon, Slot, ends_in_plural_s, normalise_cow};
use super::number::{
    Form, Quantity, Unit, currency_symbol, is_sample_after, is_sample_noun, is_sample_verb,
    number_word, year_of,
};
use super::period::{is_season_name, month_number, typical_unit};
use super::term::{Term, Terms};
use super::token::{Token, TokenKind, is_section_name, names_a_frequency};

/// What kind of measurement a claim is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// A state: "the average salary is $128,000".
    Level,
    /// A growth or decline: "postings rose 74%".
    Change,
    /// A share of a base: "43% of remote workers would quit".
    Share,
    /// Things created: "add one million new jobs".
    NewCount,
    /// A difference against something else: "earn 15% more than".
    Comparative,
}

impl Metric {
    /// Lowercase name used in displays.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Level => "level",
            Metric::Change => "change",
            Metric::Share => "share",
            Metric::NewCount => "new count",
            Metric::Comparative => "comparison",
        }
    }
}

/// The normalised subject of a claim. Words are interned ([`Term`]), so the
/// key is small, `Copy`, and compared by integers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SubjectKey {
    /// Kind of measurement.
    pub metric: Metric,
    /// Canonical terms of the clause, sorted and deduplicated.
    pub terms: Terms,
    /// For shares: canonical terms of the base ("remote worker").
    pub base: Terms,
    /// Region ("US", "WORLD"), when named.
    pub geo: Option<Term>,
    /// "average" or "median", when named.
    pub aggregate: Option<Term>,
    /// Career level ("entry", "mid", "senior"), when named.
    pub level: Option<Term>,
    /// True when the clause only said "the field"/"the industry" and the
    /// article's topic stood in for it.
    pub anaphoric: bool,
    /// True when the terms came from the previous clause of the sentence.
    pub inherited: bool,
    /// True when the article's topic stood in for what a figure of measure
    /// words alone ("a median wage of $48,600") did not name: two such
    /// figures of one article may be about two of its sections.
    pub topical: bool,
    /// The terms written as proper names ("Texas", "Twitch", the place a
    /// title names): a name says which one is meant, so a shortened subject
    /// never takes one back (elision.rs).
    pub names: Terms,
    /// True when the clause says its group is whole ("all insulation
    /// workers", "nurses as a whole"): never a shortened name of a narrower
    /// group (elision.rs).
    pub whole: bool,
}

impl SubjectKey {
    /// Does the subject name both what is measured (a term `measure`
    /// accepts) and whose it is (a term it does not): "technician
    /// employment", "off-premise dollar sales"?
    pub(crate) fn names_measure_and_whose(&self, measure: impl Fn(&str) -> bool) -> bool {
        self.terms.iter().any(|t| measure(t.as_str()))
            && self.terms.iter().any(|t| !measure(t.as_str()))
    }

    /// Short human-readable form, for inventories and messages: "share of
    /// accountant: remote work", "change in US pay".
    pub fn display(&self) -> String {
        let mut out = String::new();
        self.write_display(&mut out);
        out
    }

    /// Leaves out of a share's terms the words its base already says,
    /// unless nothing else would be left ("Remote job postings made up 8% of
    /// all job postings" is 8% of job postings: remote).
    pub(crate) fn drop_base_words(&mut self) {
        let base = self.base;
        if self.metric == Metric::Share && self.terms.iter().any(|t| !base.contains(t)) {
            let kept = self.terms.iter().filter(|t| !base.contains(*t));
            self.terms = Terms::from_unsorted(kept.collect());
        }
    }

    /// The subject's terms split into what is measured ("pay", "posting")
    /// and whose or of what it is (the rest: "data scientist"), each sorted.
    pub fn measure_and_entity(&self) -> (Vec<Term>, Vec<Term>) {
        self.terms.iter().partition(|t| is_measure_term(t.as_str()))
    }

    /// Appends [`SubjectKey::display`] to `out`: the measure with its
    /// aggregate and level, whose it is, and where, apart ("average pay ·
    /// data scientist · US"; "change in posting · US").
    pub(crate) fn write_display(&self, out: &mut String) {
        self.write_display_in("", out);
    }

    /// [`SubjectKey::display`] with the words of whose it is in the order
    /// `clause` (the claim's own, [`super::Claim::quote`]) has them, as a
    /// reader wrote them ("travel nurse", not the sorted "nurse travel").
    pub fn display_in(&self, clause: &str) -> String {
        let mut out = String::new();
        self.write_display_in(clause, &mut out);
        out
    }

    /// Appends [`SubjectKey::display_in`] (sorted words for an empty clause).
    pub(crate) fn write_display_in(&self, clause: &str, out: &mut String) {
        let (measure, mut entity) = self.measure_and_entity();
        if entity.len() > 1 && !clause.is_empty() {
            let lower = clause.to_lowercase();
            entity.sort_by_key(|t| word_position(&lower, t.as_str()).unwrap_or(usize::MAX));
        }
        let prefix = match self.metric {
            // "share of : ..." would read as a slip: a share with no base
            // written is just a share.
            Metric::Share if self.base.is_empty() => "share: ".to_string(),
            Metric::Share => {
                let mut base = String::new();
                self.base.join_into(&mut base, " ");
                format!("share of {base}: ")
            }
            Metric::Change => "change in ".to_string(),
            Metric::NewCount => "new ".to_string(),
            Metric::Comparative | Metric::Level => String::new(),
        };
        // Without a measure word, the aggregate and level go with whose it is.
        let qualifiers = [self.aggregate, self.level].into_iter().flatten();
        let (head, whose): (Vec<Term>, Vec<Term>) = if measure.is_empty() {
            (qualifiers.chain(entity).collect(), Vec::new())
        } else {
            (qualifiers.chain(measure).collect(), entity)
        };
        let words = |terms: &[Term]| {
            terms
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        let parts = [
            format!("{prefix}{}", words(&head)),
            words(&whose),
            self.geo.map(|g| g.as_str().to_string()).unwrap_or_default(),
        ];
        let shown = parts
            .iter()
            .map(|p| p.trim_end())
            .filter(|p| !p.trim_end_matches(':').is_empty());
        for (i, part) in shown.enumerate() {
            if i > 0 {
                out.push_str(" · ");
            }
            out.push_str(part);
        }
        if self.metric == Metric::Comparative {
            out.push_str(" (relative)");
        }
    }
}

/// Where the first word of `text` (lowercase) that starts with `term`
/// begins ("nurse" in "travel nurses"), if any.
fn word_position(text: &str, term: &str) -> Option<usize> {
    text.match_indices(term).map(|(i, _)| i).find(|&i| {
        text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

word_set!(
    /// The measures of the money changing hands in a market, from either
    /// side of it.
    is_money_flow_word: ["sale", "revenue", "spending", "market"]
);

word_set!(
    /// Nouns of a state of being in use, after "in": "in service", "in
    /// operation", "in use", "in circulation", "in existence".
    is_state_noun: ["service", "operation", "use", "circulation", "existence"]
);

word_set!(
    /// Whoever buys in a market, named as no group of people in particular.
    is_buyer_word: ["shopper", "consumer", "customer", "buyer", "purchaser"]
);

word_set!(
    /// Canonical terms that name what is measured: a subject's other terms
    /// say whose it is or of what. For display only: matching uses all terms.
    is_measure_term: [
    "pay", "job", "posting", "opening", "hire", "hiring", "gap", "demand", "market", "revenue",
    "sale", "cost", "price", "spending", "budget", "growth", "investment", "debt", "rate", "share",
    "size", "value", "range", "use", "return", "turnover", "retention", "satisfaction", "adoption",
]
);

impl Serialize for SubjectKey {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("SubjectKey", 12)?;
        let (measure, entity) = self.measure_and_entity();
        st.serialize_field("metric", &self.metric)?;
        st.serialize_field("terms", &self.terms)?;
        st.serialize_field("measure", &measure)?;
        st.serialize_field("entity", &entity)?;
        st.serialize_field("base", &self.base)?;
        st.serialize_field("geo", &self.geo)?;
        st.serialize_field("aggregate", &self.aggregate)?;
        st.serialize_field("level", &self.level)?;
        st.serialize_field("anaphoric", &self.anaphoric)?;
        st.serialize_field("inherited", &self.inherited)?;
        st.serialize_field("topical", &self.topical)?;
        st.serialize_field("display", &self.display())?;
        st.end()
    }
}

/// Result of analysing a claim's clause.
#[derive(Debug, Clone)]
pub(crate) struct Analysis {
    pub key: SubjectKey,
    /// +1 rise, -1 fall, 0 not a change.
    pub direction: i8,
}

/// Everything `analyse` needs about one quantity in its sentence.
pub(crate) struct SubjectContext<'a> {
    /// Tokens of the whole sentence.
    pub toks: &'a [Token<'a>],
    /// Per token: its lexicon form and entry ([`Words::new`]).
    pub words: &'a Words<'a>,
    /// The clause segment holding the quantity.
    pub segment: Range<usize>,
    /// The previous segment of the sentence, if any.
    pub previous: Option<Range<usize>>,
    /// An introductory phrase ("Worldwide,", "In 2024,"): qualifiers only.
    pub intro: Option<Range<usize>>,
    /// The quantity.
    pub quantity: &'a Quantity,
    /// Every quantity of the sentence, this one included.
    pub all: &'a [Quantity],
    /// Token ranges of every quantity of the sentence (never subject words).
    pub quantities: &'a [Range<usize>],
    /// Per token of the sentence: whether a quantity holds it (the same as
    /// `quantities`, looked up in constant time).
    pub in_figure: &'a [bool],
    /// The population brackets of the sentence ("aged 18–49"): those in the
    /// clause or its introduction join the subject.
    pub brackets: &'a [Bracket],
    /// The lexicon.
    pub lexicon: &'a Lexicon,
    /// The figure is the value of a "Label: value" list item, and
    /// `previous` is the label: it says what the figure counts.
    pub labelled: bool,
    /// The name an "It" opening the sentence stands for, from the sentence
    /// before ("DoorDash is far ahead. It accounted for 62% of ..."), or the
    /// subject of that sentence's figure; empty when there is none.
    pub antecedent: &'a [Term],
    /// The place of the figure "It" stands for, when it is that figure's
    /// subject ("The US kiln market was worth ... It is expected to grow").
    pub antecedent_geo: Option<Term>,
    /// True when `previous` is a noun set off from the figure's clause by a
    /// relative clause or a connective, and the figure's clause opens with
    /// that noun's verb ("zookeepers, who work with land animals, earned a
    /// median of ...", "bus drivers, for example, had a median wage of").
    pub after_aside: bool,
    /// True when the figure's clause opens with a participle after a comma
    /// ([`opens_with_participle`]).
    pub participle: bool,
    /// The whole text of the article: whether it writes a word anywhere.
    pub article: &'a ArticleText<'a>,
}

/// The whole text of an article, asked whether it writes a word
/// ([`writes_word`]); each answer is kept, since the figures of one article
/// ask about the same few words.
pub(crate) struct ArticleText<'a> {
    text: &'a str,
    answers: std::cell::RefCell<Vec<(Term, bool)>>,
}

impl<'a> ArticleText<'a> {
    pub(crate) fn new(text: &'a str) -> ArticleText<'a> {
        ArticleText {
            text,
            answers: Default::default(),
        }
    }

    /// Does the article write `word` ([`writes_word`])?
    fn writes(&self, word: Term) -> bool {
        if let Some(&(_, known)) = self.answers.borrow().iter().find(|(w, _)| *w == word) {
            return known;
        }
        let found = writes_word(self.text, word.as_str());
        self.answers.borrow_mut().push((word, found));
        found
    }
}

word_set!(
    /// Words of a rise.
    is_up_word: [
    "rise", "rises", "rose", "risen", "rising", "jumping", "grow", "grows", "grew", "grown", "growing", "growth", "increase",
    "increases", "increased", "increasing", "jump", "jumps", "jumped", "climb", "climbs", "climbed", "climbing", "surge",
    "surges", "surged", "surging", "soar", "soars", "soared", "soaring", "expand", "expands", "expanded", "expanding",
    "expansion", "boost", "boosts", "boosted", "gain", "gains", "gained", "spike", "spiked", "up", "cagr", "skyrocketed",
    "rocketed", "swelled", "accelerated", "raise", "raised", "raises",
]
);
word_set!(
    /// Words of a fall.
    is_down_word: [
    "fall", "falls", "fell", "fallen", "falling", "decline", "declines", "declined", "declining", "drop", "drops",
    "dropped", "dropping", "slide", "slid", "slides", "shrink", "shrinks", "shrank", "shrunk", "shrinking", "decrease",
    "decreases", "decreased", "decreasing", "cut", "cuts", "reduce", "reduces", "reduced", "reduction", "plunge",
    "plunged", "plunges", "dip", "dipped", "dips", "down", "slump", "slumped", "contracted", "contraction",
    "lower", "lowered", "lose", "lost", "loses", "losing", "tumbled", "sank", "slipped", "slips", "eased", "sagged",
]
);
word_set!(
    /// Nouns of a change, which a figure after "a" states ("a 12% increase").
    is_change_noun: [
    "increase", "rise", "jump", "gain", "growth", "boost", "surge", "climb", "spike", "hike",
    "raise", "rebound", "uptick", "decrease", "decline", "drop", "fall", "dip", "slide", "plunge",
    "cut", "reduction", "loss", "slump", "improvement", "speedup", "slowdown",
]
);
word_set!(
    is_create_word: [
    "add", "adds", "added", "adding", "create", "creates", "created", "creating", "generate", "generates", "generated",
    "generating", "open", "opens", "opened", "support", "supports",
]
);
word_set!(
    /// Verbs of becoming, before a figure of how much more or less a thing
    /// became ("got 3.1% more expensive", "became 5% cheaper").
    is_becoming_verb: ["got", "get", "gets", "gotten", "became", "become", "becomes", "grew", "grown"]
);
word_set!(
    is_comparative_up: ["more", "higher", "faster", "greater", "larger", "bigger", "premium", "above"]
);
word_set!(
    is_comparative_down: ["less", "lower", "fewer", "slower", "smaller", "cheaper", "below"]
);
word_set!(
    /// Prepositions that follow a noun ("Job counts in nursing").
    is_preposition: [
    "in", "on", "at", "for", "of", "from", "by", "with", "across", "over", "under", "during",
    "between", "per", "since", "through", "among",
]
);
word_set!(
    /// Verbs by which someone states a figure of their own reckoning.
    is_stating_verb: [
    "projects", "projected", "estimates", "estimated", "expects", "expected", "forecasts",
    "forecast", "predicts", "predicted", "reports", "reported", "says", "said", "counts",
    "counted", "tallies", "tallied", "calculates", "calculated", "puts", "pegs", "pegged",
    "places",
]
);
word_set!(
    /// Verbs that tell who says or expects a figure, not what it measures.
    is_reporting_verb: [
    "expect", "expects", "project", "projects", "predict", "predicts", "forecast", "forecasts", "estimate",
    "estimates", "say", "says", "said", "suggest", "suggests", "show", "shows", "describe", "describes", "point",
    "points", "anticipate", "anticipates", "note", "notes", "believe", "believes", "report", "reports", "warn",
    "warns", "see", "sees", "find", "finds", "found", "calculate", "calculates", "put", "puts", "count", "counts",
    "tally", "tallies", "pegs", "records", "showed", "revealed", "indicated", "indicate", "indicates", "call", "calls",
    "counted", "tallied", "pegged", "calculated", "valued", "values", "place", "places",
]
);
word_set!(
    /// Verbs of keeping a count or giving a figure, read as a frame only
    /// after an institution's name ([`named_institution_before`]): "The
    /// Health & Fitness Association counted 68 million members", but
    /// "public libraries in Vermont logged 4.2 million visits".
    is_keeping_verb: [
    "counted", "tallied", "logged", "recorded", "registered", "received", "pegged", "gives", "gave",
    "estimated", "reported",
]
);
word_set!(
    /// Past forms of verbs of saying, read as a frame only before "that".
    is_past_reporting_verb: [
    "reported", "stated", "noted", "estimated", "projected", "predicted", "showed", "shows", "revealed",
    "reveals", "suggested", "concluded", "claimed", "announced", "explained", "wrote", "writes",
    "read", "learned", "learnt", "heard", "discovered",
]
);
word_set!(
    is_frame_word: [
    "industry", "market", "wall", "street", "most", "many", "some", "the", "analysts", "forecasters", "experts",
    "researchers", "economists", "studies", "study", "surveys", "reports", "estimates", "research", "recent", "new",
    "our", "latest", "several", "leading", "independent", "observers", "insiders", "same", "one", "a", "an", "this",
    "report", "survey", "analysis", "forecast", "firm", "widely", "often", "cited", "quoted",
]
);
word_set!(
    is_determiner: ["the", "this", "that", "these", "its", "their", "our", "whole", "entire", "same", "a"]
);
word_set!(
    is_auxiliary: [
    "is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "may", "might", "should", "must",
    "be", "been", "continues", "continue",
]
);

/// Collected slots and terms.
#[derive(Debug, Default)]
struct Collected {
    terms: Vec<Term>,
    geo: Option<Term>,
    aggregate: Option<Term>,
    level: Option<Term>,
    anaphoric: bool,
    /// True when the anaphor is one entity ("the company"), not an area
    /// ("the field"): without a topic to stand for it, the claim is about
    /// something this clause cannot name.
    names_one_entity: bool,
    /// Leave out a role noun after an occupation ([`classifies_occupation`]):
    /// for levels ("the nurse role pays $80,000"), not shares or changes,
    /// where the job may be what is counted ("52% found a developer job").
    drop_role_nouns: bool,
    /// An industry or a sector named with what it is of ("the U.S.
    /// voice-over industry"): its business, which a measure may leave
    /// unsaid ("is expected to grow 7% a year").
    industry: bool,
}

/// The tokens of a sentence as the lexicon sees them, computed once per
/// sentence for all its quantities.
pub(crate) struct Words<'a> {
    /// Normalised form of each token ("" for symbols and numbers).
    norms: Vec<Cow<'a, str>>,
    /// Lexicon entry of each normalised form.
    entries: Vec<Option<&'a Entry>>,
    /// The first token of the sentence itself: those before it are a table
    /// cell's column header and row label, spliced in as context.
    prose_from: usize,
    /// The tokens of that context that are the row's label: they say which
    /// row, as a name does.
    row_label: Range<usize>,
}

impl<'a> Words<'a> {
    /// The `terms` written as names in `toks` from `first` on: capitalised
    /// where a sentence or a label does not start ("rose in Texas", not
    /// "Texas rose" or "Median: ..."). The words before `first` are a table
    /// header's, capitalised as headers are.
    pub(crate) fn names(&self, toks: &[Token<'_>], first: usize, terms: Terms) -> Terms {
        if terms.is_empty() {
            return Terms::default();
        }
        let mut names: Vec<Term> = Vec::new();
        // "| 2 | Massachusetts | $21,300 |": the row's label says which row.
        for norm in self.row_label_words() {
            names.extend(terms.iter().filter(|t| t.as_str() == norm));
        }
        for i in first + 1..toks.len().min(self.norms.len()) {
            if !toks[i].capitalized || toks[i - 1].is_symbol(':') {
                continue;
            }
            let norm: &str = &self.norms[i];
            names.extend(terms.iter().filter(|t| t.as_str() == norm));
        }
        Terms::from_unsorted(names)
    }

    pub(crate) fn new(toks: &'a [Token<'a>], lex: &'a Lexicon) -> Words<'a> {
        let norms = normalised(toks);
        let entries = norms
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if w.is_empty() {
                    None
                } else if names_a_kind_of_year(w, toks.get(k + 1))
                    || is_season_of_year(toks, k)
                    || is_yardstick_of_year(toks, k)
                {
                    // "the 2024-25 school year", "from the 2021 peak": part
                    // of the date, read as the stop word it is there.
                    lex.entry("the")
                } else {
                    lex.entry(w)
                }
            })
            .collect();
        Words {
            norms,
            entries,
            prose_from: 0,
            row_label: 0..0,
        }
    }

    /// The normalised words of a table row's label ([`Words::with_context`]).
    fn row_label_words(&self) -> impl Iterator<Item = &str> {
        self.norms[self.row_label.clone()]
            .iter()
            .map(|w| w.as_ref())
    }

    /// Marks the tokens before `row_label.end` as a table cell's context
    /// (its column header, then from `row_label.start` its row's label),
    /// not prose: a label right before its cell's figure ("| Fire and
    /// lightning | $88,000 |") is no verb, and its words name the row.
    pub(crate) fn with_context(mut self, row_label: Range<usize>) -> Words<'a> {
        self.prose_from = row_label.end;
        self.row_label = row_label;
        self
    }

    /// Does `range` hold no word but stop words ("however", "in turn")? Such
    /// a segment is an aside, not a clause with a subject of its own.
    pub(crate) fn only_stop_words(&self, range: Range<usize>) -> bool {
        range
            .into_iter()
            .all(|k| self.norms[k].is_empty() || self.entries[k].is_some_and(|e| e.stop))
    }
}

/// Is `word`, before `next`, the kind of a year ("school year", "fiscal
/// year", "fiscal 2024", "FY 2024", "the 2024 model year"), which dates a figure and
/// says nothing of what it measures?
fn names_a_kind_of_year(word: &str, next: Option<&Token<'_>>) -> bool {
    matches!(
        word,
        "school" | "academic" | "fiscal" | "calendar" | "financial" | "model" | "tax" | "fy"
    ) && next.is_some_and(|t| {
        matches!(t.word(), "year" | "years")
            || (matches!(word, "fiscal" | "fy") && year_of(t).is_some())
    })
}

/// Is the word at `k` a yardstick right after its year, ending its noun
/// phrase ("from the 2021 peak through 2024", "its 2019 level")? It says
/// when, not what is measured ("2024 high school teachers" is no yardstick).
/// After "of" it is what a share is of ("40% of the 2021 peak").
fn is_yardstick_of_year(toks: &[Token<'_>], k: usize) -> bool {
    if !super::period::is_yardstick(toks[k].word()) {
        return false;
    }
    let mut before = k.saturating_sub(2);
    while before > 0 && matches!(toks[before].word(), "the" | "its" | "their") {
        before -= 1;
    }
    if k >= 2 && toks[before].word() == "of" {
        return false;
    }
    let ends_phrase = toks.get(k + 1).is_none_or(|n| {
        n.kind != TokenKind::Word
            || is_preposition(n.word())
            || matches!(n.word(), "and" | "or" | "before" | "after" | "to" | "until")
    });
    ends_phrase
        && k.checked_sub(1)
            .and_then(|p| toks.get(p))
            .and_then(year_of)
            .is_some()
}

/// Is the word at `k` a season right after its year ("the 2023/24 season",
/// "the 2024 summer", "during the 2022-23 winter")? It dates the figure.
fn is_season_of_year(toks: &[Token<'_>], k: usize) -> bool {
    // Not "fall", which after a year is more often the verb.
    let w = toks[k].word();
    let season = matches!(w, "season" | "seasons") || (is_season_name(w) && w != "fall");
    let year_at = |i: Option<usize>| i.and_then(|i| toks.get(i)).and_then(year_of).is_some();
    // "2023/24", "2023-24": the year, a slash or dash, its last two digits.
    let short_after_year = || {
        k.checked_sub(1)
            .is_some_and(|p| toks[p].kind == TokenKind::Number && toks[p].lower.len() == 2)
            && k.checked_sub(2)
                .is_some_and(|p| toks[p].is_symbol('/') || super::period::is_dash(&toks[p]))
            && year_at(k.checked_sub(3))
    };
    season && (year_at(k.checked_sub(1)) || short_after_year())
}

/// [`norm`] of every token ("" for symbols and numbers).
fn normalised<'t>(toks: &'t [Token<'_>]) -> Vec<Cow<'t, str>> {
    toks.iter()
        .enumerate()
        .map(|(k, t)| {
            if t.kind != TokenKind::Word {
                Cow::Borrowed("")
            } else if is_the_country(toks, k) {
                // "The country had 11,700 florists": the whole country, as
                // "nationwide" says.
                Cow::Borrowed("national")
            } else {
                norm(t)
            }
        })
        .collect()
}

/// Is the word at `k` "country" or "nation" after "the" ("the country",
/// "the nation's")?
fn is_the_country(toks: &[Token<'_>], k: usize) -> bool {
    let word = |back: usize| k.checked_sub(back).map_or("", |p| toks[p].word());
    matches!(without_possessive(&toks[k].lower), "country" | "nation")
        && (word(1) == "the" || (matches!(word(1), "entire" | "whole") && word(2) == "the"))
}

/// Normalised form of a word token for lexicon lookups; "" for the pronoun
/// "us" (only an uppercase "US" is a country).
fn norm<'t>(tok: &'t Token<'_>) -> Cow<'t, str> {
    if tok.lower == "us" && !(tok.capitalized && tok.end - tok.start == 2) {
        return Cow::Borrowed("");
    }
    // "Texas", "Kansas", "Las Vegas": a name in "-as" is no plural (but
    // "Areas" opening a sentence is read as one).
    if tok.capitalized && tok.lower.len() > 4 && tok.lower.ends_with("as") {
        return Cow::Borrowed(&tok.lower);
    }
    normalise_cow(&tok.lower)
}

/// Is the word at `at` a verb in the past tense: "-ed" or a common
/// irregular form, followed by no noun it could modify (a figure, a
/// determiner, a preposition, an adverb)? "drivers netted just $10.40",
/// "solar installed in 2024"; not "registered nurses", "qualified
/// applications".
fn is_past_verb(toks: &[Token<'_>], at: usize) -> bool {
    let t = &toks[at];
    let w: &str = &t.lower;
    let past = (w.len() >= 5 && w.ends_with("ed") && !w.ends_with("eed")) || is_irregular_past(w);
    // "were uninsured", "unemployed", "unvaccinated": a participle with
    // "un-" is an adjective, what they are.
    let negated_adjective = w.len() >= 7
        && w.starts_with("un")
        && !w.starts_with("under")
        && !matches!(w, "united" | "unified" | "unionized" | "unionised");
    // "were self-employed", "college-educated adults": a word made of a
    // noun or an adverb and a participle is an adjective, what they are
    // ("re-elected", "co-founded" are verbs with a prefix).
    let compound_adjective = w
        .split_once('-')
        .is_some_and(|(head, _)| !matches!(head, "re" | "co" | "pre" | "de" | "mis" | "un"));
    if t.kind != TokenKind::Word
        || t.capitalized
        || !past
        || negated_adjective
        || compound_adjective
    {
        return false;
    }
    toks.get(at + 1)
        .is_none_or(|next| next.kind != TokenKind::Word || is_after_a_verb(next.word()))
}

/// Is the verb at `at` right after a counted noun ("about 10.8 million red
/// cell units transfused in 2021", "700,000 units outdated")? What the
/// counted things did or underwent is what is counted: units transfused
/// and units outdated are two counts.
fn tells_what_is_counted(toks: &[Token<'_>], words: &Words<'_>, at: usize) -> bool {
    // "8.28 million people worked in construction": what people do is
    // where they count, not which people.
    let people = at > 0 && is_people_word(&normalise_cow(&toks[at - 1].lower));
    // "13.8 million children lived in households ...": a verb of where
    // things are says nothing of which they are, as "working in" does not.
    if is_state_verb(toks[at].word()) {
        return false;
    }
    for (nouns, k) in (0..at).rev().take(5).enumerate() {
        let t = &toks[k];
        if t.kind == TokenKind::Number || is_scale_word(t.word()) {
            // Not a fraction's "1 in 4 people commented".
            let fraction = k > 0 && toks[k - 1].word() == "in";
            return nouns > 0 && !people && !fraction;
        }
        if t.kind != TokenKind::Word || words.entries[k].is_some_and(|e| e.stop) {
            return false;
        }
    }
    false
}

word_set!(
    /// Verbs in the past that say where or how things were, not what
    /// happened to them ([`tells_what_is_counted`]).
    is_state_verb: [
    "lived", "resided", "worked", "stayed", "remained", "sat", "stood", "operated", "existed",
]
);

word_set!(
    /// Words that scale a number ("2.3 million").
    is_scale_word: ["hundred", "thousand", "million", "billion", "trillion"]
);

word_set!(
    /// Verbs of going on with what the next word does: "keep growing",
    /// "continues expanding".
    is_going_on_verb: [
    "keep", "keeps", "kept", "keeping", "continue", "continues", "continued", "continuing",
]
);

/// Is the word at `at` a verb of going on before an -ing form ("expect
/// the market to keep growing at 6.5% a year")? It says the figure goes
/// on, not of what.
fn goes_on_doing(toks: &[Token<'_>], at: usize) -> bool {
    is_going_on_verb(toks[at].word())
        && toks
            .get(at + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && is_ing_form(&t.lower))
}

/// Is `w` the "-ing" form of a verb, long enough not to be "king" or
/// "thing" ("renting", "reporting", "operating")?
fn is_ing_form(w: &str) -> bool {
    w.len() >= 6 && w.ends_with("ing")
}

/// The noun for someone who does the work an "-ing" word names
/// ("catering" → "caterer", "diving" → "diver", "roasting" → "roaster"),
/// for a word that is no measure ("spending", "hiring"). English forms
/// some otherwise ("nursing" → "nurse", "glazing" → "glazier"): the caller
/// takes the noun only when the article writes it.
fn agent_of_work(w: &str) -> Option<String> {
    let stem = w.strip_suffix("ing").filter(|_| is_ing_form(w))?;
    (!is_measure_word(w) && !is_measure_term(w)).then(|| format!("{stem}er"))
}

/// Does `text` write `word` or its plural in "s" as a whole word, its first
/// letter in either case ("caterers", "Caterers")?
fn writes_word(text: &str, word: &str) -> bool {
    // Found by the word less its first letter, which may be a capital.
    let Some(first) = word.bytes().next() else {
        return false;
    };
    let rest = &word[1..];
    let bytes = text.as_bytes();
    let letter = |k: usize| bytes.get(k).is_some_and(|b| b.is_ascii_alphanumeric());
    memchr::memmem::find_iter(bytes, rest.as_bytes()).any(|at| {
        let mut end = at + rest.len();
        if matches!(bytes.get(end), Some(b's' | b'S')) {
            end += 1;
        }
        at >= 1
            && bytes[at - 1].eq_ignore_ascii_case(&first)
            && (at < 2 || !letter(at - 2))
            && !letter(end)
    })
}

/// Is `w` an "-ed" form, long enough not to be "red" or "bed" ("worked",
/// "earned")? A past verb or a participle: the caller tells which.
pub(crate) fn is_ed_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed")
}

/// Does `segment` open with a participle after a comma, before the figure
/// at `figure` and with no verb of its own ("Glass producers set a record
/// in 2020, turning out 211 million panes")? Such a clause goes on from
/// the clause before: its subject did what the participle says, at the
/// time that clause gives, and the participle is no word of the subject.
/// Not "including 4,800 in California", a part of what the clause before
/// names, nor a participle of saying ("citing 25,400 injuries"): what is
/// cited is not what the clause before did.
pub(crate) fn opens_with_participle(
    toks: &[Token<'_>],
    segment: &Range<usize>,
    figure: usize,
) -> bool {
    let start = segment.start;
    start > 0
        && toks[start - 1].is_symbol(',')
        && is_ing_form(toks[start].word())
        && !is_participle_of_saying(toks[start].word())
        && !toks[start + 1..figure.max(start + 1)]
            .iter()
            .any(|t| is_auxiliary(t.word()) || is_ed_form(&t.lower))
}

word_set!(
    /// Participles that cite, part out or argue ([`opens_with_participle`]).
    is_participle_of_saying: [
    "including", "excluding", "citing", "quoting", "noting", "saying", "adding", "warning",
    "reporting", "arguing", "suggesting", "pointing", "claiming", "estimating",
]
);

/// Is the word at `at` the "-ing" form of a verb after a form of "be"
/// ("13% of households were renting a unit", "are using")? Like "rented",
/// it says what they did, not who they are.
fn is_progressive(toks: &[Token<'_>], at: usize) -> bool {
    let t = &toks[at];
    t.kind == TokenKind::Word
        && !t.capitalized
        && is_ing_form(&t.lower)
        && at.checked_sub(1).is_some_and(|p| {
            let before = toks[p].word();
            // "7.6% of adults reported attending a concert": what they
            // said they did, like "attended"; not "reported staffing
            // gaps", a noun's modifier.
            matches!(before, "is" | "are" | "was" | "were" | "be" | "been")
                || (matches!(
                    before,
                    "reported" | "reports" | "report" | "recalled" | "admitted"
                ) && toks.get(at + 1).is_some_and(|n| is_after_a_verb(n.word())))
        })
}

/// Is the word at `at` a participle that tells where the plural noun
/// before it does what it does ("40,100 coffee shops operating in the
/// U.S.", "3.3 million registered nurses working in the United States")?
/// It says what the things do there, not which things they are.
fn is_participle_after_noun(toks: &[Token<'_>], at: usize) -> bool {
    let t = &toks[at];
    let w: &str = &t.lower;
    if t.kind != TokenKind::Word || t.capitalized || !is_ing_form(w) {
        return false;
    }
    let plural_before = at.checked_sub(1).is_some_and(|p| {
        let prev = &toks[p];
        prev.kind == TokenKind::Word && ends_in_plural_s(&prev.lower) && !prev.lower.ends_with("'s")
    });
    // Only where they do it: "students graduating with debt" are some
    // students.
    plural_before
        && toks.get(at + 1).is_some_and(|n| {
            matches!(
                n.word(),
                "in" | "at"
                    | "across"
                    | "throughout"
                    | "nationwide"
                    | "statewide"
                    | "worldwide"
                    | "today"
                    | "now"
            )
        })
}

/// Is the word at `at` the verb of a relative clause right after the
/// noun it restricts ("2023 graduates who borrowed", "households that
/// switched")?
fn restricts_a_noun(toks: &[Token<'_>], at: usize) -> bool {
    at >= 2
        && matches!(toks[at - 1].word(), "who" | "that")
        && toks[at - 2].kind == TokenKind::Word
        && ends_in_plural_s(&toks[at - 2].lower)
}

/// Is the word at `at` an adverb of manner, degree or frequency
/// ("commonly", "regularly", "widely", "dramatically")? It says how, not
/// what or whose, and two writers of one figure put in different ones.
/// Read by the "-ly" English derives them with, less the words that end so
/// without being adverbs ("family", "supply", "elderly", "monthly") and
/// "nationally", which says whose figure it is. Not
/// one before a participle or an adjective in "-ed" ("privately insured",
/// "newly minted"): there it tells which ones.
fn is_ly_adverb(toks: &[Token<'_>], at: usize) -> bool {
    let w = toks[at].word();
    w.len() >= 6
        && w.ends_with("ly")
        && !w.ends_with("ply")
        && !w.ends_with("family")
        && !is_ly_adjective(w)
        && !is_national_word(w)
        && !names_a_frequency(toks, at)
        && !toks.get(at + 1).is_some_and(|n| {
            n.kind == TokenKind::Word
                && (is_ed_form(n.word()) || is_irregular_past(n.word()))
                && !opens_an_object(toks, at + 2)
        })
}

/// Does the token at `at` open what a verb acts on ("earned a median",
/// "reported 41%")? After a past form it makes the form a verb ("commonly
/// earned a median wage"), not an adjective that picks which ones
/// ("privately insured adults").
fn opens_an_object(toks: &[Token<'_>], at: usize) -> bool {
    toks.get(at).is_some_and(|t| {
        t.kind == TokenKind::Number
            || is_determiner(t.lower.as_ref())
            || (is_figure_hedge(t.word()) && t.word() != "an")
    })
}

word_set!(
    /// Words in "-ly" that are adjectives or nouns, not adverbs
    /// ([`is_ly_adverb`]).
    is_ly_adjective: [
    "elderly", "friendly", "costly", "likely", "unlikely", "timely", "lonely", "deadly",
    "lively", "orderly", "nightly", "quarterly", "biweekly", "bimonthly", "assembly", "monopoly",
    "anomaly", "butterfly", "bodily", "homely", "scholarly", "grizzly", "chilly", "woolly",
    "manly", "worldly", "kindly", "silly", "hilly", "bully", "heavenly", "leisurely",
]
);

word_set!(
    /// "Shed" as the verb of losing, read so only right before its figure.
    is_shed: ["shed", "sheds", "shedding"]
);

/// Is the word at `at` a verb in the present tense or a participle that
/// hands over its figure: a lowercase "-s" or "-ing" word right before the
/// figure or its hedge ("the average borrower owes about $45,000", "the
/// program sends $5 billion a year", "leaving 9,418 structures
/// destroyed")? A noun is followed by its verb or a preposition, not by a
/// figure.
fn is_verb_before_figure(toks: &[Token<'_>], at: usize) -> bool {
    let t = &toks[at];
    let w: &str = &t.lower;
    let third_person = w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !w.ends_with("'s");
    let participle = is_ing_form(w);
    // "The herd shed 8.1 million head": so does the verb of losing.
    let moves = is_shed(w);
    if t.kind != TokenKind::Word
        || t.capitalized
        || !(third_person || participle || moves)
        || is_adverb_in_s(w)
    {
        return false;
    }
    // "the remaining $2.5 billion", "five adults 65 and older": after a
    // determiner or a number the word is an adjective or a noun.
    if at.checked_sub(1).is_some_and(|p| {
        let prev = &toks[p];
        prev.kind == TokenKind::Number
            || is_determiner(prev.word())
            || number_word(prev.word()).is_some()
    }) {
        return false;
    }
    let mut next = at + 1;
    // "brings in $780,000", "takes home $42,000": a verb with its particle,
    // before a sum (not "visits in 2023").
    let sum_after = |from: usize| {
        let hedges = toks[from.min(toks.len())..]
            .iter()
            .take(2)
            .take_while(|t| is_figure_hedge(t.word()))
            .count();
        toks.get(from + hedges)
            .is_some_and(|n| currency_symbol(n).is_some())
    };
    if toks
        .get(next)
        .is_some_and(|n| matches!(n.word(), "in" | "home" | "out" | "back"))
        && sum_after(next + 1)
    {
        next += 1;
    }
    let start = next;
    while next < toks.len() && next - start <= 1 && is_figure_hedge(toks[next].word()) {
        next += 1;
    }
    let figure = toks
        .get(next)
        .is_some_and(|n| n.kind == TokenKind::Number || currency_symbol(n).is_some());
    // "adults 65 and older", "children 5 to 17": an age bracket after its
    // noun.
    let bracket = toks.get(next + 1).is_some_and(|n| {
        matches!(n.word(), "and" | "to" | "or") || n.is_symbol('-') || n.is_symbol('–')
    }) && toks.get(next + 2).is_some_and(|n| {
        n.kind == TokenKind::Number
            || matches!(
                n.word(),
                "older" | "over" | "up" | "above" | "younger" | "under"
            )
    });
    figure && !bracket
}

word_set!(
    /// Adverbs that end in "-s" like a verb ("sometimes 50% more").
    is_adverb_in_s: [
    "sometimes", "perhaps", "always", "towards", "besides", "nowadays", "afterwards", "regardless",
    "whereas", "nevertheless", "overseas", "indoors", "outdoors", "backwards", "forwards",
]
);

word_set!(
    /// Hedging words between a verb and its figure ("owes about $45,000").
    is_figure_hedge: [
    "about", "around", "roughly", "nearly", "almost", "some", "just", "only", "approximately", "an",
    "estimated",
]
);

word_set!(
    /// Common irregular past tenses that say what was done with a figure.
    is_irregular_past: [
    "paid", "sold", "spent", "made", "took", "brought", "left", "lost", "won", "built", "bought",
    "kept", "held", "drew", "gave", "put", "got", "came", "stood", "ran", "went",
]
);

word_set!(
    /// Words that follow a verb but never a noun's modifier: determiners,
    /// prepositions, particles and hedging adverbs ("paid an average",
    /// "installed in 2024", "netted just $10.40", "turned away").
    is_after_a_verb: [
    "a", "an", "the", "its", "their", "his", "her", "our", "in", "on", "at", "for", "to", "from",
    "by", "with", "within", "into", "across", "over", "under", "about", "around", "roughly",
    "nearly", "almost", "just", "only", "some", "more", "less", "up", "down", "out", "off", "away",
    "back", "during", "between", "per", "than", "as", "after", "before", "since", "through",
    "until",
]
);

/// Is the phrase of `n` tokens at `at` a past-tense verb ("experienced")
/// followed by a number or a determiner ("experienced 27 disasters",
/// "experienced a record year")?
fn is_verb_use(toks: &[Token<'_>], at: usize, n: usize) -> bool {
    let last = &toks[at + n - 1];
    last.kind == TokenKind::Word
        && last.lower.ends_with("ed")
        && toks.get(at + n).is_some_and(|next| {
            next.kind == TokenKind::Number
                || matches!(
                    next.word(),
                    "a" | "an" | "the" | "its" | "their" | "record" | "more"
                )
        })
}

/// Collects terms and slots from `toks[range]`, skipping tokens for which
/// `skip` is true.
fn collect(
    toks: &[Token<'_>],
    words: &Words<'_>,
    range: Range<usize>,
    skip: &dyn Fn(usize) -> bool,
    out: &mut Collected,
) {
    let mut k = range.start;
    while k < range.end {
        // A run of consecutive word tokens not skipped.
        let run_start = k;
        while k < range.end && toks[k].kind == TokenKind::Word && !skip(k) {
            k += 1;
        }
        let refs = &words.norms[run_start..k];
        let mut i = 0;
        // The token after the last one that gave a term.
        let mut after_term = None;
        while i < refs.len() {
            let entry = words.entries[run_start + i];
            if out.drop_role_nouns
                && after_term == Some(run_start + i)
                && classifies_occupation(toks, words, run_start + i, k)
            {
                after_term = Some(run_start + i + 1);
                i += 1;
                continue;
            }
            // "the company's revenue", "the team won 62%": one entity named
            // elsewhere in the article; like "the field", it stands for the
            // article's topic, and two articles' "the company" are not one.
            if is_entity_noun(without_possessive(&toks[run_start + i].lower))
                && (run_start + i)
                    .checked_sub(1)
                    .is_some_and(|p| matches!(toks[p].word(), "the" | "this" | "its" | "our"))
            {
                out.anaphoric = true;
                out.names_one_entity = true;
                i += 1;
                continue;
            }
            // "5.07 million head of sheep", "totaled 86.7 million head": a
            // head right after a count is how livestock is counted.
            // Not a head baker ("a $48,000 head baker").
            if toks[run_start + i].word() == "head"
                && (run_start + i).checked_sub(1).is_some_and(|p| {
                    toks[p].kind == TokenKind::Number
                        || matches!(toks[p].word(), "thousand" | "million" | "billion")
                })
                && ends_noun_phrase(toks, run_start + i)
            {
                i += 1;
                continue;
            }
            // "860,000 elevators in service", "buses in operation": a state
            // of being in use says the things exist, not which ones.
            if is_state_noun(toks[run_start + i].word())
                && (run_start + i)
                    .checked_sub(1)
                    .is_some_and(|p| toks[p].word() == "in")
                && ends_noun_phrase(toks, run_start + i)
            {
                i += 1;
                continue;
            }
            // "The BLS median for glass cutters": an agency's acronym before
            // how a figure is summed up, or before its figures ("Census
            // data", "the BLS's May 2023 numbers"), says who reports it, not
            // whose it is.
            if is_agency_acronym(&toks[run_start + i])
                && toks[run_start + i + 1..]
                    .iter()
                    .find(|t| !is_year_or_month(t))
                    .is_some_and(|n| {
                        let n = n.word();
                        matches!(n, "median" | "average" | "mean" | "estimate")
                            || is_kept_figures(n)
                    })
            {
                i += 1;
                continue;
            }
            // "Florida has no income tax, and its sales tax rate is 6%": with
            // no name before it in the clause ("Texas raised its minimum
            // wage"), "its" is one entity named elsewhere, like "the
            // company"; `analyse` looks for the name in the clause before.
            if unnamed_its(toks, range.start, run_start + i) {
                out.anaphoric = true;
                out.names_one_entity = true;
                i += 1;
                continue;
            }
            // "21% of flights arrived late", "78% arrived on time": how,
            // not when ("in late 2024", "early May" are read as dates).
            if let Some(manner) = manner_of_time(toks, run_start + i) {
                out.terms.push(Term::new(manner));
                i += 1;
                continue;
            }
            // "adults who do not smoke", "people without insurance": a
            // negated group is the other group, not the same one.
            if is_negation(&refs[i]) {
                out.terms.push(Term::new("not"));
                i += 1;
                continue;
            }
            // "12.6 years old" is an age: "the average car is 12.6 years
            // old" and "the average age of cars is 12.6 years" meet.
            if toks[run_start + i].word() == "old"
                && (run_start + i)
                    .checked_sub(1)
                    .is_some_and(|p| matches!(toks[p].word(), "years" | "year" | "months"))
            {
                out.terms.push(Term::new("age"));
                after_term = Some(run_start + i + 1);
                i += 1;
                continue;
            }
            // "on a given day", "at any given moment", "at the start of the
            // school year": when, not what.
            if is_any_such_time(toks, run_start + i)
                || is_point_in_a_period(toks, run_start + i)
                || is_way_into_a_period(toks, run_start + i)
                || is_the_whole_country(toks, run_start + i)
            {
                i += 1;
                continue;
            }
            // "the third quarter of 2024", "the first half of 2024": the
            // period reads the part of the year.
            let next = toks.get(run_start + i + 1).map_or("", |t| t.word());
            if matches!(next, "quarter" | "half")
                && matches!(&*refs[i], "first" | "second" | "third" | "fourth" | "final")
            {
                i += 2;
                continue;
            }
            if let Some((slot, n)) = entry.and_then(|e| e.match_phrase(refs, i)) {
                // "moved from Texas to California" is not the move from
                // California to Texas: the names keep their direction.
                let name = match slot {
                    Slot::Term(t) | Slot::Geo(t) => Some(*t),
                    _ => None,
                };
                if let Some((dir, t)) =
                    name.and_then(|t| Some((direction(toks, &range, run_start + i)?, t)))
                {
                    out.terms
                        .push(Term::new(&format!("{dir} {}", t.as_str().to_lowercase())));
                    after_term = Some(run_start + i + n);
                    i += n;
                    continue;
                }
                match slot {
                    Slot::Term(t) => {
                        match condition(toks, &range, run_start + i) {
                            Some(when) => out
                                .terms
                                .push(Term::new(&format!("{when} {}", t.as_str().to_lowercase()))),
                            None => out.terms.push(*t),
                        }
                        after_term = Some(run_start + i + n);
                    }
                    Slot::Geo(g) => {
                        out.geo.get_or_insert(*g);
                    }
                    // "on an average day" is a frequency, not an average.
                    Slot::Aggregate(_) if typical_unit(toks, run_start + i).is_some() => {}
                    // "The typical (median) household": the aggregate
                    // that says which is meant wins over "typical".
                    Slot::Aggregate(a) => {
                        if out.aggregate.is_none_or(|t| t.as_str() == "typical") {
                            out.aggregate = Some(*a);
                        }
                    }
                    // "The U.S. experienced 27 disasters": before a figure or
                    // a determiner, "experienced" is the verb, not a level.
                    Slot::Level(_) if is_verb_use(toks, run_start + i, n) => {}
                    Slot::Level(l) => {
                        out.level.get_or_insert(*l);
                    }
                    Slot::Stop => {}
                }
                i += n;
                continue;
            }
            let w: &str = &refs[i];
            let tok_index = run_start + i;
            i += 1;
            if w.chars().nth(1).is_none()
                || (entry.is_some_and(|e| e.stop) && !names_a_thing(toks, tok_index))
                || number_word(w).is_some()
                || (w.bytes().any(|b| b.is_ascii_digit()) && !is_model_name(&toks[tok_index]))
                || !(w.chars().next().is_some_and(char::is_alphabetic)
                    || is_model_name(&toks[tok_index]))
            {
                continue;
            }
            if entry.is_some_and(|e| e.generic) {
                // "the median wage for all U.S. occupations": every one of
                // the kind, not the article's own.
                let every = (tok_index.saturating_sub(3)..tok_index)
                    .any(|k| matches!(toks[k].word(), "all" | "every" | "other"));
                if every {
                    out.terms.push(Term::new(&format!("all {w}")));
                    after_term = Some(tok_index + 1);
                    continue;
                }
                let prev = tok_index.checked_sub(1).map(|p| &toks[p]);
                let alone = tok_index == range.start
                    || prev.is_some_and(|p| {
                        p.kind != TokenKind::Word || is_determiner(p.lower.as_ref())
                    });
                if alone {
                    out.anaphoric = true;
                } else if matches!(w, "industry" | "sector") {
                    out.industry = true;
                }
                continue;
            }
            // "Model Y", "Model 3", "Windows 11": a name with its letter or
            // number is one thing, and not the other models.
            if let Some(id) =
                name_identifier(toks, tok_index, range.end).filter(|_| !skip(tok_index + 1))
            {
                out.terms
                    .push(Term::new(&format!("{w} {}", toks[tok_index + 1].lower)));
                if id == TokenKind::Word {
                    i += 1;
                }
                after_term = Some(tok_index + 2);
                continue;
            }
            match direction(toks, &range, tok_index).or_else(|| condition(toks, &range, tok_index))
            {
                Some(dir) => out.terms.push(Term::new(&format!("{dir} {w}"))),
                // "Homeowners paid an average of $2,110", "solar installed
                // in 2024 cost ...": a verb says what happened, not whose
                // figure.
                // "graduates who borrowed": the verb of a relative clause
                // after its noun says which ones.
                None if (is_past_verb(toks, tok_index)
                    && !tells_what_is_counted(toks, words, tok_index)
                    && !restricts_a_noun(toks, tok_index))
                    || is_participle_after_noun(toks, tok_index)
                    || is_ly_adverb(toks, tok_index)
                    || goes_on_doing(toks, tok_index)
                    || (tok_index >= words.prose_from
                        && !is_measure_term(w)
                        && (is_verb_before_figure(toks, tok_index)
                            || is_progressive(toks, tok_index))) =>
                {
                    continue;
                }
                None => out.terms.push(Term::new(w)),
            }
            after_term = Some(tok_index + 1);
        }
        if k == run_start {
            k += 1;
        }
    }
}

/// What the lead-in of a list ("Median salaries for registered nurses in
/// 2023:") says of every "Label: value" item under it: its subject words
/// and qualifiers. The item's label ("Ohio") names only which one.
#[derive(Debug, Default)]
pub(crate) struct LeadIn(Collected);

impl LeadIn {
    /// Reads the lead-in's tokens.
    pub(crate) fn read(toks: &[Token<'_>], lexicon: &Lexicon) -> LeadIn {
        let words = Words::new(toks, lexicon);
        let mut out = Collected::default();
        collect(toks, &words, 0..toks.len(), &|_| false, &mut out);
        LeadIn(out)
    }

    /// True when the lead-in says nothing of a subject ("Here they are:").
    pub(crate) fn is_empty(&self) -> bool {
        let c = &self.0;
        c.terms.is_empty() && c.geo.is_none() && c.aggregate.is_none() && c.level.is_none()
    }

    /// `key` with the lead-in's qualifiers where the item has none, and
    /// with its words when `with_words`.
    pub(crate) fn apply(&self, key: &mut SubjectKey, with_words: bool) {
        let c = &self.0;
        if with_words {
            let mut terms: Vec<Term> = key.terms.iter().chain(c.terms.iter().copied()).collect();
            terms.sort();
            terms.dedup();
            key.terms = Terms::new(&terms);
        }
        key.geo = key.geo.or(c.geo);
        key.aggregate = key.aggregate.or(c.aggregate);
        key.level = key.level.or(c.level);
    }
}

/// Is the word at `at` a proper name though the lexicon lists it as a stop
/// word ("use Spark", "store files in Drive")? Capitalised inside a
/// sentence, after another word, and not a month or a day; not written
/// in capitals only ("a CAGR of 9.5%" is the abbreviation, not a name).
fn names_a_thing(toks: &[Token<'_>], at: usize) -> bool {
    let t = &toks[at];
    // Most stop words are lowercase: that test first.
    if !t.capitalized || t.acronym || at == 0 {
        return false;
    }
    let word = without_possessive(&t.lower);
    word.len() >= 4
        && toks[at - 1].kind == TokenKind::Word
        && !toks[at - 1].capitalized
        && month_number(word).is_none()
        && !is_weekday(word)
}

/// "late", "early" or "on time" when the word at `at` says how something
/// happened ("arrived late", "paid on time"), not when: not after a
/// preposition or article ("in late 2024", "the early years") and not
/// before a date ("late May", "early 2025").
fn manner_of_time(toks: &[Token<'_>], at: usize) -> Option<&'static str> {
    let word = toks[at].word();
    let prev = at.checked_sub(1).map_or("", |p| toks[p].word());
    if word == "time" && prev == "on" {
        return Some("on time");
    }
    if !matches!(word, "late" | "early") {
        return None;
    }
    let dated = toks.get(at + 1).is_some_and(is_year_or_month);
    // "" is the clause's start or a symbol before it.
    let after_preposition = matches!(
        prev,
        "" | "in"
            | "by"
            | "until"
            | "till"
            | "from"
            | "since"
            | "through"
            | "of"
            | "the"
            | "during"
            | "before"
            | "after"
            | "as"
            | "mid"
            | "very"
            | "too"
            | "its"
            | "their"
    );
    let manner = if word == "late" { "late" } else { "early" };
    (!dated && !after_preposition).then_some(manner)
}

/// Is the word at `at` the "given" of "on a given day", "at any given
/// moment", "in a normal year": a word that picks no particular time,
/// between an indefinite article and a unit of time?
fn is_any_such_time(toks: &[Token<'_>], at: usize) -> bool {
    matches!(toks[at].word(), "given" | "normal" | "ordinary" | "usual")
        && at
            .checked_sub(1)
            .is_some_and(|p| matches!(toks[p].word(), "a" | "an" | "any"))
        && toks.get(at + 1).is_some_and(|t| {
            matches!(
                t.word(),
                "day"
                    | "weekday"
                    | "night"
                    | "week"
                    | "weekend"
                    | "month"
                    | "year"
                    | "season"
                    | "morning"
                    | "evening"
                    | "afternoon"
                    | "moment"
                    | "time"
            )
        })
}

/// Is the word at `at` the "start" of "at the start of the school year",
/// "the close of 2023", "the middle of the decade": a point in a period,
/// between "the" and "of"?
fn is_point_in_a_period(toks: &[Token<'_>], at: usize) -> bool {
    matches!(
        toks[at].word(),
        "start" | "beginning" | "outset" | "close" | "middle" | "end" | "height"
    ) && at.checked_sub(1).is_some_and(|p| toks[p].word() == "the")
        && toks.get(at + 1).is_some_and(|t| t.word() == "of")
}

/// Is the word at `at` the "heading" of "heading into the 2023-24 school
/// year": at the period's start?
fn is_way_into_a_period(toks: &[Token<'_>], at: usize) -> bool {
    matches!(toks[at].word(), "heading" | "headed" | "going" | "moving")
        && toks.get(at + 1).is_some_and(|t| t.word() == "into")
}

/// Is the word at `at` the "country" of "across the country", "in the
/// nation": the whole country, as a figure with no place already is
/// ([`super::compare`] reads it as the article's country)?
fn is_the_whole_country(toks: &[Token<'_>], at: usize) -> bool {
    matches!(toks[at].word(), "country" | "nation")
        && at.checked_sub(1).is_some_and(|p| toks[p].word() == "the")
        && at.checked_sub(2).is_some_and(|p| {
            matches!(
                toks[p].word(),
                "across" | "around" | "throughout" | "in" | "nationwide"
            )
        })
}

/// `word` without a possessive "'s" ("company's" -> "company").
pub(crate) fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word)
}

word_set!(
    /// Words that negate what follows them in a subject.
    is_negation: [
    "not", "no", "without", "never", "don't", "doesn't", "didn't", "won't", "can't", "cannot",
    "isn't", "aren't", "wasn't", "weren't", "haven't", "hasn't", "hadn't", "wouldn't", "couldn't",
    "shouldn't", "non", "lack", "lacks", "lacking",
]
);

word_set!(
    /// Days of the week, capitalised in English wherever they stand.
    is_weekday: ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
);

/// The kind of the token that names which one of a capitalised name at
/// `at` is meant ("Model Y", "iPhone 15", "Python 3.12"): a lone capital
/// letter, or a short number that is not a year.
fn name_identifier(toks: &[Token<'_>], at: usize, end: usize) -> Option<TokenKind> {
    let name = &toks[at];
    let next = toks.get(at + 1).filter(|_| at + 1 < end)?;
    // "iOS 17", and "Node.js 20" whose name ends after a dot.
    let dotted = name.glued
        && at >= 2
        && toks[at - 1].is_symbol('.')
        && toks[at - 1].glued
        && toks[at - 2].cased;
    if next.glued || !(name.cased || dotted) {
        return None;
    }
    let len = next.end - next.start;
    match next.kind {
        TokenKind::Word if next.capitalized && len == 1 => Some(TokenKind::Word),
        // "Python 3.12", "Ubuntu 22.04": a release number, not a year.
        TokenKind::Number
            if (len <= 4 || (len <= 6 && next.lower.contains('.')))
                && next.lower.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && year_of(next).is_none() =>
        {
            Some(TokenKind::Number)
        }
        _ => None,
    }
}

/// "from" or "to" when the name at `at` is one end of a movement between
/// two names in `range` ("from Texas to California", "from the UK to
/// Canada"): the word before it (past "the") is "from" with a "to" later,
/// or "to" with a "from" earlier.
fn direction(toks: &[Token<'_>], range: &Range<usize>, at: usize) -> Option<&'static str> {
    if !toks[at].cased {
        return None;
    }
    let p = word_before(toks, range, at)?;
    let other_end = |k: &usize| {
        toks.get(k + 1).is_some_and(|t| t.cased)
            || (toks.get(k + 1).is_some_and(|t| t.word() == "the")
                && toks.get(k + 2).is_some_and(|t| t.cased))
    };
    match toks[p].word() {
        "from" => (p + 1..range.end)
            .filter(|&k| toks[k].word() == "to")
            .any(|k| other_end(&k))
            .then_some("from"),
        "to" => (range.start..p)
            .filter(|&k| toks[k].word() == "from")
            .any(|k| other_end(&k))
            .then_some("to"),
        _ => None,
    }
}

/// The index of the word before the noun at `at`, past a "the" ("from
/// the UK", "before the pandemic"), when it lies in `range`: where
/// [`direction`] and [`condition`] read their preposition.
fn word_before(toks: &[Token<'_>], range: &Range<usize>, at: usize) -> Option<usize> {
    let mut p = at.checked_sub(1)?;
    if toks[p].word() == "the" {
        p = p.checked_sub(1)?;
    }
    (p >= range.start).then_some(p)
}

/// "after" or "before" when the noun at `at` is what a figure is measured
/// after or before ("earns $52,000 after taxes", "sales before the
/// pandemic"): pay after tax is not pay before it, though both words are
/// stop words on their own.
fn condition(toks: &[Token<'_>], range: &Range<usize>, at: usize) -> Option<&'static str> {
    match toks[word_before(toks, range, at)?].word() {
        "after" => Some("after"),
        "before" => Some("before"),
        _ => None,
    }
}

/// Is a word with digits a name ("GPT-4", "COVID-19", "H-1B", "Web3")?
/// Written with a capital, starting with a letter, and not a time
/// ("Q1", "H2", "FY2024", "Mid-2024"), which `period.rs` reads. Digits
/// with a letter in brackets name a section of a law ("401(k)", "7(a)").
fn is_model_name(tok: &Token<'_>) -> bool {
    let w: &str = &tok.lower;
    if is_section_name(w) {
        return true;
    }
    let time = match w.as_bytes() {
        [b'q', b'1'..=b'4'] | [b'h', b'1' | b'2'] => true,
        _ => {
            w.starts_with("fy")
                || w.as_bytes()
                    .windows(4)
                    .any(|d| d.iter().all(u8::is_ascii_digit) && matches!(&d[..2], b"19" | b"20"))
        }
    };
    tok.cased && w.starts_with(|c: char| c.is_alphabetic()) && !time
}

word_set!(
    /// Nouns that, singular and definite ("the company"), refer to one
    /// organisation or place the article names elsewhere.
    is_entity_noun: [
    "company", "firm", "team", "club", "city", "town", "brand", "startup", "school", "university",
    "hospital", "retailer", "bank", "store",
]
);

word_set!(
    /// Nouns that name a job itself, in the singular.
    is_role_noun: ["job", "role", "position", "occupation", "profile", "title"]
);

/// Does a word read as an adjective that says which job ("primary job",
/// "remote role", "full-time position"), not whose: by its ending, or one of
/// the short adjectives that often do.
fn looks_adjective(w: &str) -> bool {
    const ENDINGS: [&str; 9] = [
        "ary", "al", "ive", "ous", "ful", "less", "able", "ible", "time",
    ];
    ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        || matches!(
            w,
            "main" | "new" | "first" | "second" | "current" | "remote" | "dream" | "day" | "side"
        )
}

/// Is the word at `k` a role noun that only classifies the occupation named
/// before it ("an AI specialist job profile", "the nurse role pays")? It
/// ends the noun phrase (the next word of the run, before `end`, is another
/// role noun or none): "software developer job growth" and "developer jobs"
/// (counted) keep "job" as what is measured.
fn classifies_occupation(toks: &[Token<'_>], words: &Words<'_>, k: usize, end: usize) -> bool {
    if !is_role_noun(&toks[k].lower) || k == 0 || looks_adjective(&toks[k - 1].lower) {
        return false;
    }
    let next = k + 1;
    next >= end || is_role_noun(&toks[next].lower) || words.entries[next].is_some_and(|e| e.stop)
}

/// Tokens of an attribution frame at the start of a segment, as a range to
/// skip: "Analysts expect", "Industry analysts point to", "The Bureau of
/// Labor Statistics counts". Whoever reports a figure is not what it
/// measures. Words before a reporting verb are a frame when they are all
/// frame words, or when they name a source (a source noun such as "survey",
/// or a capitalised name inside the clause); "Nurses say they earn" keeps
/// "nurses".
fn frame(toks: &[Token<'_>], segment: &Range<usize>, figure: usize) -> Range<usize> {
    // "I read that the Fed's report showed balances fell": a frame may
    // open another.
    let first = one_frame(toks, segment, figure);
    if first.is_empty() {
        return first;
    }
    let rest = first.end..segment.end;
    segment.start..one_frame(toks, &rest, figure).end.max(first.end)
}

word_set!(
    /// Figures someone keeps: "federal data show", "projections call for".
    is_kept_figures: [
    "data", "figures", "statistics", "numbers", "projections", "estimates", "forecasts",
]
);

/// How many tokens a frame may run before its verb: a report's name can be
/// long ("The 2024 Public Sector & Public Interest Attorney Salary Report
/// found ...").
const FRAME_REACH: usize = 12;

/// The first attribution frame at the start of `segment` ([`frame`]).
fn one_frame(toks: &[Token<'_>], segment: &Range<usize>, figure: usize) -> Range<usize> {
    let limit = (segment.start + FRAME_REACH).min(segment.end).min(figure);
    let owner_end = possessive_name_end(toks, segment.start, limit);
    let mut all_frame_words = true;
    let mut names_source = false;
    for k in segment.start..limit {
        let tok = &toks[k];
        // "Health & Fitness Association": a name runs on past "&", and "the
        // 2024 Online Habits Survey found" past its year.
        let year = year_of(tok).is_some();
        // "The Guild of Organists' survey put ...": a plural possessive.
        let apostrophe = k < owner_end && is_apostrophe(tok);
        if tok.kind != TokenKind::Word && !tok.is_symbol('&') && !year && !apostrophe {
            break;
        }
        let w = tok.word();
        let next = toks.get(k + 1).map_or("", |t| t.word());
        // "Job counts rose 5%": a noun, not a reporting verb.
        // "The mutation is found in 12% of patients": a passive after an
        // auxiliary says where, not who reports.
        let passive = k > segment.start && is_auxiliary(toks[k - 1].word());
        // "Shelter Animals Count data show ...": a capitalised word inside
        // the clause is part of a name, not a verb.
        let in_name = k > segment.start && tok.capitalized;
        // "Job counts rose 5%": a noun before the verb of the change; but
        // "the study projects growth of 3.8%": a verb before a noun that
        // can only be one.
        let change_verb_next = (is_up_word(next) || is_down_word(next))
            && !matches!(next, "growth" | "expansion" | "contraction" | "cagr");
        let verb = (is_reporting_verb(w) && !in_name
            || named_institution_before(toks, segment.start, k))
            && !passive
            && !change_verb_next
            && !is_auxiliary(next);
        // "Indeed reported that ...": a verb of saying with "that" frames
        // the clause whoever says it.
        let says_that = next == "that" && (verb || is_past_reporting_verb(w));
        // "Industry forecasts call for ...": a plural of figures someone
        // keeps, before a verb of saying, is that verb's subject; so is
        // a noun that could be such a verb ("the same report projects").
        let data_says = (is_kept_figures(w) || is_reporting_verb(w)) && is_reporting_verb(next);
        if (verb && !data_says && k > segment.start && (all_frame_words || names_source))
            || (says_that && k > segment.start)
        {
            let mut end = k + 1;
            // "projections call for revenue to grow": "for" is the verb's.
            let particle = |t: &Token<'_>| {
                matches!(t.word(), "to" | "that")
                    || (matches!(w, "call" | "calls") && t.word() == "for")
            };
            if toks.get(end).is_some_and(particle) {
                end += 1;
            }
            return segment.start..end;
        }
        // "..., and it projects employment to decline": a conjunction
        // opening the clause joins it to the one before.
        let joins = k == segment.start && matches!(w, "and" | "but" | "so" | "yet");
        all_frame_words &=
            is_frame_word(w) || joins || matches!(w, "it" | "they" | "we") || k < owner_end;
        // "Brewline projects ...", "Zillow estimates ...": one capitalised
        // word opening the clause, no plural, before a verb that states a
        // figure, is a name.
        // Not when the clause speaks of the name's own ("Uber said it had
        // 6.9 million drivers", "... earned on its app").
        // "Job counts in nursing rose": a noun before a preposition.
        let after_verb = toks.get(k + 2).map_or("", |t| t.word());
        names_source |= k == segment.start
            && tok.capitalized
            && !w.ends_with('s')
            && is_stating_verb(next)
            && !is_preposition(after_verb)
            && !toks[k + 1..segment.end]
                .iter()
                .any(|t| matches!(t.word(), "it" | "its" | "itself"));
        // "Federal data show ...", "federal projections call for ...": the
        // figures someone keeps, right before a verb of saying, are a
        // source too.
        // "BLS reported ...", "The ESA found ...": an acronym before a
        // verb of saying is who says it.
        names_source |= is_source_noun(without_possessive(w))
            || data_says
            || (k > segment.start && tok.capitalized)
            || is_agency_acronym(tok);
    }
    segment.start..segment.start
}

/// The names of the surveys in `segment` that its respondents were asked
/// for: "people surveyed for the 2024 Coastal Anglers Survey", "adults
/// polled by the Pew Research Center". Where an answer comes from is not
/// what it says.
fn survey_names(toks: &[Token<'_>], segment: &Range<usize>) -> Vec<Range<usize>> {
    let mut names = Vec::new();
    for k in segment.start + 1..segment.end {
        if !matches!(toks[k].word(), "for" | "by" | "in") || !is_sample_verb(toks[k - 1].word()) {
            continue;
        }
        let mut end = k + 1;
        while end < segment.end {
            let t = &toks[end];
            let inside = matches!(t.word(), "the" | "of" | "on" | "and" | "its")
                || t.is_symbol('&')
                || year_of(t).is_some();
            let name = t.kind == TokenKind::Word && t.capitalized;
            if !(name || inside) {
                break;
            }
            end += 1;
        }
        if (k + 1..end).any(|i| toks[i].capitalized) {
            names.push(k..end);
        }
    }
    names
}

/// Where the clause says, after its figure, who gave it: the agent of an
/// estimate in the passive ("was estimated at $60.7 billion in 2024 by
/// industry analysts") or a survey, report, study, poll, census or set of
/// estimates it is read in, named in a short phrase with no preposition
/// ("earned a median of $21.40 in the most recent BLS wage survey"): a
/// document, not a field ("working in financial analysis"). Whoever
/// reports a figure is not what it measures.
fn sources_after(toks: &[Token<'_>], segment: &Range<usize>, q: &Quantity) -> Range<usize> {
    let estimated = (segment.start..q.hedge_first).any(|k| {
        is_keeping_verb(toks[k].word())
            || matches!(toks[k].word(), "valued" | "projected" | "put" | "placed")
    });
    for k in q.last..segment.end {
        let w = toks[k].word();
        let agent = w == "by" && estimated;
        if !(agent || matches!(w, "in" | "from")) {
            continue;
        }
        // The noun phrase after the preposition, to the end of the clause
        // or the next figure.
        let phrase_end = (k + 1..segment.end)
            .find(|&e| toks[e].kind != TokenKind::Word)
            .unwrap_or(segment.end);
        if phrase_end == k + 1 {
            continue;
        }
        if agent {
            return k..phrase_end;
        }
        if is_document_noun(toks[phrase_end - 1].word())
            && phrase_end - k <= 7
            && !toks[k + 1..phrase_end]
                .iter()
                .any(|t| is_preposition(t.word()) || matches!(t.word(), "since" | "among"))
        {
            return k..phrase_end;
        }
    }
    0..0
}

/// Does the noun at `k` end its noun phrase: nothing, a symbol or a
/// preposition follows ("860,000 elevators in service in 2023", "27.9
/// million head."), not another noun ("a head baker")?
fn ends_noun_phrase(toks: &[Token<'_>], k: usize) -> bool {
    toks.get(k + 1)
        .is_none_or(|n| n.kind != TokenKind::Word || is_preposition(n.word()))
}

/// The people a survey named in the sentence is of ("survey of 5,012
/// students at 88 colleges": "students").
fn surveyed_population(toks: &[Token<'_>]) -> Option<Range<usize>> {
    let k = (0..toks.len().saturating_sub(2))
        .find(|&k| is_sample_noun(&normalise_cow(toks[k].word())) && toks[k + 1].word() == "of")?;
    let mut start = k + 2;
    if toks[start].kind == TokenKind::Number {
        start += 1;
    }
    let end = (start..toks.len())
        .find(|&e| {
            let t = &toks[e];
            t.kind != TokenKind::Word
                || is_preposition(t.word())
                || matches!(t.word(), "who" | "that" | "and")
        })
        .unwrap_or(toks.len());
    (end > start).then_some(start..end)
}

/// Is `t` an agency's initials ("BLS", "FBI", "ESA"), three letters or
/// more and not a country's ("USA", "U.S.")?
fn is_agency_acronym(t: &Token<'_>) -> bool {
    let w = without_possessive(&t.lower);
    t.acronym && w.len() >= 3 && w.bytes().all(|b| b.is_ascii_alphabetic()) && w != "usa"
}

/// Where a name opening the clause in the possessive ends: "The American
/// Guild of Organists' 2024 survey put ...", "Zillow's latest report
/// finds ...". The name owns the source, so its words are the frame's, not
/// the subject's. `start` when the clause opens with no such name.
fn possessive_name_end(toks: &[Token<'_>], start: usize, limit: usize) -> usize {
    let first = start + usize::from(toks.get(start).is_some_and(|t| t.word() == "the"));
    for k in first..limit {
        let t = &toks[k];
        // "Organists' ": the apostrophe alone, after a plural.
        if is_apostrophe(t) && k > first && toks[k - 1].lower.ends_with('s') {
            return k + 1;
        }
        let inside = matches!(t.word(), "of" | "for" | "and" | "on") && k > first;
        if t.kind != TokenKind::Word || !(t.capitalized || inside) {
            return start;
        }
        let plural_possessive = t.lower.ends_with("s'") || t.lower.ends_with("s’");
        if plural_possessive || t.lower != without_possessive(&t.lower) {
            return k + 1;
        }
    }
    start
}

/// Is `t` an apostrophe standing alone (a plural's possessive)?
fn is_apostrophe(t: &Token<'_>) -> bool {
    t.is_symbol('\'') || t.is_symbol('’')
}

/// Is the word at `verb` a verb of keeping a count ([`is_keeping_verb`])
/// right after an institution's name, read back from it: capitalised
/// words and the small words inside names ("Bureau of Labor Statistics",
/// "Health & Fitness Association", "the FBI's Internet Crime Complaint
/// Center"), one of them a source noun ("Bureau", "Association")?
fn named_institution_before(toks: &[Token<'_>], start: usize, verb: usize) -> bool {
    if !is_keeping_verb(toks[verb].word()) {
        return false;
    }
    let mut k = verb;
    let mut institution = false;
    while k > start {
        k -= 1;
        let t = &toks[k];
        let inside = t.is_symbol('&') || matches!(t.word(), "of" | "for" | "and" | "on");
        if t.kind == TokenKind::Word && t.capitalized {
            // "BLS reported", "the FBI's ... Center logged".
            institution |= is_source_noun(without_possessive(&t.lower)) || is_agency_acronym(t);
        } else if !inside {
            break;
        }
    }
    institution
}

/// Does a canonical term say what is measured ("pay", "cost", "worker"),
/// by either list ([`is_measure_term`], [`is_measure_word`])?
pub(crate) fn says_what_is_measured(term: &str) -> bool {
    is_measure_term(term) || is_measure_word(term)
}

word_set!(
    /// Canonical terms that say what is measured but not of whom or what.
    is_measure_word: [
    "pay", "job", "posting", "worker", "people", "company", "specialist", "demand", "market", "start", "starting",
    "package", "hire", "hiring", "opening", "revenue", "sale", "cost", "price", "spending", "budget", "growth",
    "tuition", "fee", "rent", "premium", "user", "subscriber", "customer",
]
);

word_set!(
    /// Words of the time a duration measures: "spent", "took", "lasted".
    is_duration_verb: [
    "spending", "take", "takes", "took", "taken", "taking", "lasted", "lasting", "lasts",
]
);

word_set!(
    /// "Make" as in income: "makes $52,000 a year".
    is_make_verb: ["make", "makes", "made", "making"]
);

word_set!(
    /// Canonical terms that say a figure is the whole country's.
    is_national_word: ["national", "nationally", "nationwide", "countrywide"]
);

word_set!(
    /// Canonical terms that name people in general, not a group.
    is_people_word: ["worker", "people", "person", "individual", "staffer", "member"]
);

word_set!(
    /// Nouns that name where a figure comes from.
    is_source_noun: [
    "survey", "surveys", "study", "studies", "report", "poll", "census", "bureau", "department", "agency",
    "association", "institute", "office", "analysis", "firm", "consultancy", "index", "tracker", "database",
    "researchers", "analysts", "economists", "government", "ministry", "commission", "council", "center", "centre",
    "university", "federation", "foundation", "board", "panel", "regulator", "authority", "authorities",
    "administration", "profile", "outlook", "tally", "scorecard", "barometer", "officials", "experts",
    "executives", "spokesperson", "spokesman", "spokeswoman",
]
);

/// The population a list item's label opens on, when its value is a
/// percentage of it: "**Firms reporting difficulty filling craft
/// positions**: 88%", "**Schools with a vacancy**: 45%". A plural noun,
/// with up to two words before it, then what its members do or have (a
/// verb in "-ing", "with", "without", "who", "that"); the link follows the
/// returned range.
fn population_label(ctx: &SubjectContext) -> Option<Range<usize>> {
    if !ctx.labelled {
        return None;
    }
    let toks = ctx.toks;
    let label = ctx.previous.clone()?;
    let start = (label.start..label.end).find(|&k| toks[k].kind != TokenKind::Symbol)?;
    let link = (start..label.end.min(start + 4)).find(|&k| is_population_link(&toks[k]))?;
    let plural =
        |t: &Token<'_>| ends_in_plural_s(&t.lower) || matches!(t.word(), "people" | "children");
    let words_only = toks[start..link]
        .iter()
        .all(|t| t.kind == TokenKind::Word && !ctx.lexicon.is_stop(&normalise_cow(&t.lower)));
    let in_figure = (start..=link).any(|k| ctx.in_figure.get(k).copied().unwrap_or(false));
    (link > start && words_only && !in_figure && plural(&toks[link - 1])).then_some(start..link)
}

/// Words that set members of a population apart: "firms *reporting*
/// delays", "schools *with* a vacancy", "adults *who* vape".
fn is_population_link(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && (matches!(t.word(), "with" | "without" | "who" | "that") || is_ing_form(&t.lower))
}

/// The base noun phrase of a share ("of remote workers" -> "remote workers").
fn base_range(toks: &[Token<'_>], q: &Quantity, lex: &Lexicon) -> Option<Range<usize>> {
    // The base follows "of": after the figure ("60% of workers"), or in a
    // "share of" before it ("DoorDash's share of U.S. meal-delivery sales
    // was 67%"); or it follows a fraction directly ("one in four adults").
    let next = toks.get(q.last);
    let (mut k, of) = if next.is_some_and(|t| t.word() == "of") {
        (q.last + 1, true)
    } else if let Some(of) = share_of_before(toks, q) {
        (of + 1, true)
    } else if q.form == Form::Fraction && next.is_some_and(|t| t.kind == TokenKind::Word) {
        (q.last, false)
    } else {
        return None;
    };
    // "27% of 2024 passengers": the year dates the base, which follows it.
    let dated_base = |k: usize| {
        toks.get(k).and_then(year_of).is_some()
            && k.checked_sub(1)
                .is_some_and(|p| toks[p].word() == "of" || is_determiner(toks[p].word()))
            && toks.get(k + 1).is_some_and(|n| {
                n.kind == TokenKind::Word && !lex.is_stop(&normalise_cow(&n.lower))
            })
    };
    while toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && lex.is_stop(&normalise_cow(&t.lower)))
        || dated_base(k)
    {
        if dated_base(k) {
            k += 1;
            continue;
        }
        // "54% of respondents reuse a password": a share of those asked,
        // whose answer is the clause; they are the base, and name no group.
        if is_sample_after(toks[k].word()) {
            return Some(k..k + 1);
        }
        k += 1;
    }
    let start = k;
    // "about three in four (75%) completed the series", "one in four said
    // they had delayed a repair": a fraction with no "of" followed by a
    // verb in the past has no base written. "Four in five mortgaged
    // homeowners" has a noun after its participle.
    let past = |t: &Token<'_>| is_ed_form(&t.lower);
    let verb = toks.get(start).is_some_and(past)
        && (start > q.last
            || toks.get(start + 1).is_none_or(|n| {
                n.kind != TokenKind::Word || lex.is_stop(&normalise_cow(&n.lower))
            }));
    if !of && verb {
        return None;
    }
    // Words joined by "and" do not count towards the base's length.
    let mut joined = 0;
    while k < toks.len() && k - start < 4 + 2 * joined {
        let t = &toks[k];
        if t.kind != TokenKind::Word {
            break;
        }
        let n = normalise_cow(&t.lower);
        // "of ski and snowboard instructors": words joined by "and" before
        // the plural noun they both modify.
        let joins_modifiers = matches!(t.word(), "and" | "or")
            && k > start
            && toks.get(k + 1).is_some_and(|w| {
                w.kind == TokenKind::Word && !lex.is_stop(&normalise_cow(&w.lower))
            })
            && (k + 1..(k + 3).min(toks.len())).any(|j| {
                toks[j].kind == TokenKind::Word
                    && !toks[j].capitalized
                    && ends_in_plural_s(&toks[j].lower)
            });
        if joins_modifiers {
            joined += 1;
            k += 1;
            continue;
        }
        if lex.is_stop(&n) && !(t.lower == "us" && t.capitalized) {
            break;
        }
        // "of the US workforce worked remotely": a verb in the past after
        // the base's noun ends it ("of insured pets" opens with one, and
        // "of randomly sampled respondents" has its adverb first).
        if k > start && is_ed_form(&t.lower) && !toks[k - 1].lower.ends_with("ly") {
            break;
        }
        k += 1;
        // "of Kansas growers": a name before a plural noun modifies it.
        let names_next = t.capitalized
            && toks.get(k).is_some_and(|n| {
                n.kind == TokenKind::Word && !n.capitalized && ends_in_plural_s(&n.lower)
            });
        // "of bachelor's degrees": a possessive is no plural, its noun follows.
        let possessive = t.lower.ends_with("'s") || t.lower.ends_with("\u{2019}s");
        if ends_in_plural_s(&t.lower) && !names_next && !possessive {
            break;
        }
    }
    if k == start {
        return None;
    }
    // "of riders in Chicago" is "of Chicago riders": a place named right
    // after the base narrows it.
    if toks
        .get(k)
        .is_some_and(|t| matches!(t.word(), "in" | "across"))
    {
        let mut names = k + 1;
        if toks.get(names).is_some_and(|t| t.word() == "the") {
            names += 1;
        }
        let mut end = names;
        while toks.get(end).is_some_and(is_name) && end - names < 3 {
            end += 1;
        }
        if end > names {
            k = end;
        }
    }
    Some(start..k)
}

/// Does the clause at `start` have "it" for its subject: "It is expected
/// to grow 4.5% a year", or the thing a forecast is about, "Analysts
/// expect it to expand 3.8% a year", "They project that it will grow ..."?
pub(crate) fn opens_on_it(toks: &[Token<'_>], start: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    if word(start) == "it" {
        return true;
    }
    (start..start + 3).any(|k| {
        is_forecast_verb(word(k))
            && (word(k + 1) == "it" || (word(k + 1) == "that" && word(k + 2) == "it"))
    })
}

word_set!(
    /// Verbs whose object is the thing a forecast is about.
    is_forecast_verb: [
        "expect", "expects", "project", "projects", "forecast", "forecasts", "predict",
        "predicts", "estimate", "estimates"
    ]
);

/// A year ("2023") or a month ("May").
fn is_year_or_month(t: &Token<'_>) -> bool {
    super::number::year_of(t).is_some() || month_number(t.word()).is_some()
}

/// A singular noun for someone by their work: "electrician", "plumber",
/// "translator", "therapist".
pub(crate) fn is_agent_noun(w: &str) -> bool {
    w.len() > 4
        && ["ian", "er", "or", "ist"]
            .iter()
            .any(|end| w.ends_with(end))
}

/// Does a clause open by pointing at the figure before as its subject:
/// "That works out to 71% of ...", "This is 6% of ...", "It equals ..."?
pub(crate) fn restates_the_figure_before(toks: &[Token<'_>]) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    matches!(word(0), "that" | "this" | "it") && is_verb_of_equalling(word(1))
}

word_set!(
    /// Verbs that set a figure equal to another ("That works out to ...",
    /// "This represents ...").
    is_verb_of_equalling: [
    "is", "was", "works", "worked", "equals", "equaled", "represents", "represented", "amounts",
    "amounted", "comes", "came", "means", "makes",
]
);

/// The "of" of a "share of" written before a percentage in its clause
/// ("DoorDash's share of U.S. meal-delivery sales was 67%", "the share of
/// sales held by DoorDash reached 64%"): the words after it are the base.
fn share_of_before(toks: &[Token<'_>], q: &Quantity) -> Option<usize> {
    if q.unit != Unit::Percent {
        return None;
    }
    let mut k = q.hedge_first;
    while k > 1 && q.hedge_first - k < SHARE_OF_REACH {
        k -= 1;
        let t = &toks[k];
        // A label's colon and its date in brackets may stand between:
        // "**DoorDash's share of sales (2024)**: 67%".
        let passable = [':', '(', ')', '-', '.', '\'']
            .iter()
            .any(|&c| t.is_symbol(c))
            || year_of(t).is_some();
        if t.kind != TokenKind::Word && !passable {
            return None;
        }
        if t.word() == "of"
            && matches!(
                toks[k - 1].word(),
                "share" | "shares" | "proportion" | "percentage" | "portion"
            )
        {
            return Some(k);
        }
    }
    None
}

/// How many tokens before a percentage its "share of" may stand.
const SHARE_OF_REACH: usize = 12;

/// Metric and direction from the words around the quantity.
fn metric_of(ctx: &SubjectContext, has_base: bool) -> (Metric, i8) {
    let q = ctx.quantity;
    let toks = ctx.toks;
    match q.form {
        Form::Change => {
            let from = q.from.unwrap_or(q.value);
            return (Metric::Change, if q.value >= from { 1 } else { -1 });
        }
        // "fell by half" says its direction in the verb, as "fell by 50%".
        Form::Multiplier if q.implied_direction != 0 => {
            return (Metric::Change, q.implied_direction);
        }
        _ => {}
    }
    // "community colleges lost 10.1% of their students between fall 2019
    // and fall 2022": a share lost once is a fall of the whole. Lost every
    // month or year ("clubs lose 3.9% of their members every month") it is
    // a churn rate, a share of them.
    let verb_before = q.hedge_first.checked_sub(1).map_or("", |k| toks[k].word());
    if has_base && matches!(q.unit, Unit::Percent) {
        let recurring = (q.last..ctx.segment.end.max(q.last)).any(|k| names_a_frequency(toks, k));
        if matches!(
            verb_before,
            "lost" | "lose" | "loses" | "losing" | "shed" | "sheds"
        ) && !recurring
        {
            return (Metric::Change, -1);
        }
        return (Metric::Share, 0);
    }
    // "The national herd shed 8.1 million head": a fall of the count. A
    // shed elsewhere is more often a building.
    if is_shed(verb_before) {
        return (Metric::Change, -1);
    }
    let after = toks.get(q.last).map_or("", |t| t.word());
    // "Generics got 3.1% more expensive in 2023": a thing that became
    // more or less than it was, with nothing it is set against, changed.
    let became = || {
        let before = q.hedge_first.checked_sub(1).map_or("", |k| toks[k].word());
        is_becoming_verb(before)
            && !toks[q.last..ctx.segment.end.max(q.last)]
                .iter()
                .any(|t| t.word() == "than")
    };
    let comparative = if is_comparative_up(after) {
        1
    } else if is_comparative_down(after) {
        -1
    } else {
        0
    };
    // "ran about 50% below 2023 levels": set against a year, a figure is
    // the change since that year.
    let against_year = toks.get(q.last + 1).and_then(year_of).is_some();
    if comparative != 0 {
        let metric = if became() || against_year {
            Metric::Change
        } else {
            Metric::Comparative
        };
        return (metric, comparative);
    }
    // Change words shortly after ("a 40% surge", "a 74% year-over-year
    // increase"); not when the figure is the subject of a verb ("22% had
    // cut their hours": 22% of them).
    let subject_of_verb = is_auxiliary(after);
    for (k, t) in toks
        .iter()
        .enumerate()
        .take(if subject_of_verb { 0 } else { ctx.segment.end })
        .skip(q.last)
        .take(3)
    {
        let w = t.word();
        if is_season(toks, k) {
            continue;
        }
        if is_up_word(w) {
            return (Metric::Change, 1);
        }
        if is_down_word(w) {
            return (Metric::Change, -1);
        }
    }
    // "- **Increase in contractor labor rates since 2020**: 22%": a label
    // that opens with a change says what its value is; so does one whose
    // head, its last noun, is a change ("- Projected job growth (2023-33):
    // 13%").
    if ctx.labelled
        && let Some(label) = &ctx.previous
        && let words = &toks[label.clone()]
        && let Some(w) = [
            words.iter().map(|t| t.word()).find(|w| {
                !matches!(
                    *w,
                    "the" | "a" | "an" | "annual" | "yearly" | "total" | "overall"
                )
            }),
            words
                .iter()
                .take_while(|t| !t.is_symbol('('))
                .filter(|t| t.kind == TokenKind::Word)
                .last()
                .map(|t| t.word()),
        ]
        .into_iter()
        .flatten()
        .find(|w| is_change_noun(w))
    {
        // Not "Down payment" nor "Reduced fare": only a noun of change.
        let falls = is_down_word(w) || matches!(w, "loss" | "slowdown");
        return (Metric::Change, if falls { -1 } else { 1 });
    }
    // ... or before, nearest first, within a short window of the segment.
    let window_start = q.hedge_first.saturating_sub(7).max(ctx.segment.start);
    // "coverage fell to 92.7%", "rose by 5% to 20%": the figure after "to"
    // is the level reached, not the size of the change.
    let reached = q.hedge_first > window_start && toks[q.hedge_first - 1].word() == "to";
    for k in (window_start..q.hedge_first).rev() {
        let w = toks[k].word();
        if is_season(toks, k) {
            continue;
        }
        // "startups raised $1.8 billion": money raised is an amount, not
        // a rise.
        if q.unit.is_money()
            && k + 1 == q.hedge_first
            && matches!(w, "raise" | "raised" | "raises" | "raising")
        {
            return (Metric::Level, 0);
        }
        // "ringing up at the register cost $3,380", "racked up $2
        // million", "turned down": a particle of another verb. Only right
        // before the figure, after no verb, is it a change ("were up 12%",
        // "up by 12%").
        let particle = || {
            let verb_before = k.checked_sub(1).is_some_and(|p| {
                let v = if p >= ctx.words.prose_from {
                    toks[p].word()
                } else {
                    ""
                };
                // "made up 27% of passengers", "took up 40% of the space".
                let phrasal = is_make_verb(v) || matches!(v, "take" | "takes" | "took");
                phrasal || v.len() > 4 && (v.ends_with("ed") || v.ends_with("ing"))
            });
            let at_figure =
                k + 1 == q.hedge_first || (k + 2 == q.hedge_first && toks[k + 1].word() == "by");
            verb_before || !at_figure
        };
        if matches!(w, "up" | "down") && particle() {
            continue;
        }
        if (is_up_word(w) || is_down_word(w)) && !modifies_a_noun(toks, ctx.words, k) {
            if reached {
                return (Metric::Level, 0);
            }
            return (Metric::Change, if is_up_word(w) { 1 } else { -1 });
        }
    }
    if q.unit == Unit::Count {
        let creates_before = (window_start..q.hedge_first).any(|k| is_create_word(toks[k].word()));
        if after == "new" || after == "additional" || creates_before {
            return (Metric::NewCount, 0);
        }
    }
    (Metric::Level, 0)
}

word_set!(
    /// Documents a figure is read in ([`sources_after`]).
    is_document_noun: [
    "survey", "surveys", "report", "reports", "study", "poll", "census", "estimates",
]
);

word_set!(
    /// Words after "workforce" that give its size: verbs ("the workforce
    /// numbers 215,000", "stood at", "totaled") and "of" ("a workforce of
    /// 215,000").
    is_sizing_verb: [
    "numbers", "numbered", "number", "totals", "totaled", "totalled", "total", "is", "was",
    "stands", "stood", "reached", "reaches", "of",
]
);

/// Does the figure at `figure` follow a verb of taking money in ("brought
/// in", "took in", "pulls in", "raked in") inside the clause from `start`?
fn takes_in(toks: &[Token<'_>], start: usize, figure: usize) -> bool {
    figure >= start + 2
        && toks[figure - 1].word() == "in"
        && is_taking_verb(toks[figure - 2].word())
}

word_set!(
    /// Verbs that take money in with "in" ([`takes_in`]).
    is_taking_verb: [
    "bring", "brings", "brought", "bringing", "take", "takes", "took", "taken", "taking", "pull",
    "pulls", "pulled", "pulling", "rake", "rakes", "raked", "raking",
]
);

/// Is the "-ing" word at `k` said of the noun after it ("US climbing gym
/// revenue was $1.2 billion", "a growing market worth $5 billion")? Such a
/// word names a kind of thing; it tells of no change the figure measures,
/// as "revenue climbing 5%" or "growing by 5%" does.
fn modifies_a_noun(toks: &[Token<'_>], words: &Words<'_>, k: usize) -> bool {
    let next = k + 1;
    is_ing_form(&toks[k].lower)
        && toks.get(next).is_some_and(|t| t.kind == TokenKind::Word)
        && !words.entries[next].is_some_and(|e| e.stop)
        && !is_ly_adverb(toks, next)
        && number_word(&toks[next].lower).is_none()
}

/// "fall 2023", "in the fall": the season, not a decline.
fn is_season(toks: &[Token<'_>], k: usize) -> bool {
    toks[k].word() == "fall"
        && (toks
            .get(k + 1)
            .is_some_and(|t| super::number::year_of(t).is_some())
            || k.checked_sub(1)
                .is_some_and(|p| matches!(toks[p].word(), "the" | "this" | "last" | "next")))
}

word_set!(
    /// Verbs whose "as" names a role: "worked as", "employed as".
    is_verb_of_working: [
    "work", "works", "worked", "working", "employed", "hired", "serve", "serves", "served",
    "serving", "licensed", "certified", "registered",
]
);

/// The aggregate a word right after the figure at `q` names ("$46,200
/// median", what "$46,200 (median)" reads once its brackets are blanked).
fn aggregate_after(toks: &[Token<'_>], q: &Quantity, lex: &Lexicon) -> Option<Term> {
    let word = toks.get(q.last).filter(|t| t.kind == TokenKind::Word)?;
    lex.aggregate(word.word())
}

/// Does a clause speak of an average or median for one thing of a kind
/// ("the national average for a standard home inspection")?
fn average_for_one(toks: &[Token<'_>]) -> bool {
    toks.windows(3).any(|w| {
        matches!(w[0].word(), "average" | "median")
            && w[1].word() == "for"
            && matches!(w[2].word(), "a" | "an")
    })
}

/// The noun phrase a payment at `q` was made for, when a verb of paying
/// hands over the figure ("paid an average of $325 for a standard
/// chimney sweep", "pay about $26 a month for an unlimited plan"): the
/// tokens after "for", up to the next figure or the clause's end.
fn paid_for(toks: &[Token<'_>], segment: &Range<usize>, q: &Quantity) -> Option<Range<usize>> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.word());
    // Back from the figure over "an average of", "a median of" and the
    // hedges a verb may stand apart from its figure by ("about").
    let mut k = q.hedge_first;
    while k > segment.start && {
        let w = word(k - 1);
        is_figure_hedge(w) || matches!(w, "a" | "average" | "median" | "of" | "typically")
    } {
        k -= 1;
    }
    if k == segment.start || !matches!(word(k - 1), "paid" | "pay" | "pays" | "paying") {
        return None;
    }
    // On past the figure's frequency ("a month", "per visit").
    let mut f = q.last;
    while f < segment.end && f < q.last + 3 && word(f) != "for" {
        f += 1;
    }
    if word(f) != "for" {
        return None;
    }
    let start = f + 1;
    // "a unit of apheresis platelets": "of" goes on with the noun phrase.
    let end = (start..segment.end)
        .find(|&e| {
            toks[e].kind != TokenKind::Word
                || (is_preposition(word(e)) && word(e) != "of" && e > start + 1)
        })
        .unwrap_or(segment.end);
    (end > start).then_some(start..end)
}

/// Is the figure at `figure` what something sold for ("sold for $64,900",
/// "sells for about $30")?
fn sold_for(toks: &[Token<'_>], figure: usize) -> bool {
    // "sell for an average of $265", "sold for a median of $410,000": the
    // aggregate between says which price.
    let mut at = figure;
    if at >= 4
        && toks[at - 1].word() == "of"
        && matches!(toks[at - 2].word(), "average" | "median" | "mean")
        && matches!(toks[at - 3].word(), "a" | "an" | "the")
    {
        at -= 3;
    }
    at >= 2
        && toks[at - 1].word() == "for"
        && matches!(
            toks[at - 2].word(),
            "sold" | "sells" | "sell" | "selling" | "resold" | "resells" | "retails" | "retailed"
        )
}

/// Does a count count the people of a role, named by a plural noun for
/// someone by their work, right after the figure ("roughly 31,500 air traffic
/// controllers in 2023") or as what numbered it ("Plumbers, pipefitters and
/// steamfitters numbered 432,000"), in a sentence that speaks of work
/// ("federal employment statistics", "occupational data")? A noun shaped
/// like an agent need not be one ("3,500 bowling centers"): the sentence
/// says the count is of an occupation. Workers of a kind ("79,000
/// structural iron and steel workers") say so themselves.
fn counts_a_role(
    toks: &[Token<'_>],
    words: &Words<'_>,
    segment: &Range<usize>,
    q: &Quantity,
) -> bool {
    // "8,400 workers were employed as piano tuners": workers in general
    // name no role, and the clause names it elsewhere.
    let plural_agent = |k: usize| {
        toks[k].kind == TokenKind::Word
            && ends_in_plural_s(&toks[k].lower)
            && is_agent_noun(&words.norms[k])
            && !is_people_word(&words.norms[k])
    };
    let noun =
        |k: usize| toks[k].kind == TokenKind::Word && !words.entries[k].is_some_and(|e| e.stop);
    // The noun phrase after the figure, its nouns joined by "and" or "or"
    // ("structural iron and steel workers").
    let joined = |k: usize| noun(k) || (matches!(toks[k].word(), "and" | "or") && k > q.last);
    let run: Vec<usize> = (q.last..segment.end).take_while(|&k| joined(k)).collect();
    let head = run.iter().rev().copied().find(|&k| noun(k));
    // "79,000 structural iron and steel workers": workers of a kind are a
    // role, which the noun itself says is work.
    if let Some(head) = head
        && toks[head].lower == "workers"
        && run.iter().any(|&k| k < head && noun(k))
    {
        return true;
    }
    let of_work = toks.iter().any(|t| {
        let w = t.word();
        w.starts_with("occupation")
            || w.starts_with("employment")
            || matches!(w, "employed" | "workforce" | "payroll" | "payrolls")
    });
    if !of_work {
        return false;
    }
    if let Some(head) = head {
        return plural_agent(head);
    }
    let verb = q.hedge_first.checked_sub(1).filter(|&k| k > segment.start);
    verb.is_some_and(|v| {
        matches!(
            toks[v].word(),
            "numbered" | "number" | "totaled" | "totalled" | "total"
        ) && plural_agent(v - 1)
    })
}

/// Does a clause say its people work in a role ("worked as", "are
/// employed as") or are on payrolls ("counted 204,300 bakers on U.S.
/// payrolls": payrolls count people; "payroll" alone is money)?
fn works_as(toks: &[Token<'_>]) -> bool {
    (0..toks.len())
        .any(|k| is_as_of_a_role(toks, k) || is_on_payrolls(toks, k) || works_in_a_trade(toks, k))
}

/// Is the token at `k` the "in" or "at" after people who work ("178,000
/// people work in nurseries and greenhouses", "workers employed at
/// sawmills")? Their count is the jobs of where they work; a date after
/// it ("worked in 2023") is not a place of work.
fn works_in_a_trade(toks: &[Token<'_>], k: usize) -> bool {
    k >= 2
        && matches!(toks[k].word(), "in" | "at")
        && matches!(
            toks[k - 1].word(),
            "work" | "works" | "worked" | "working" | "employed"
        )
        && matches!(
            toks[k - 2].word(),
            "people" | "workers" | "employees" | "persons" | "individuals"
        )
        && toks.get(k + 1).is_some_and(|n| {
            n.kind == TokenKind::Word && !is_year_or_month(n)
        })
        // "people working in social work": the trade's own word for work
        // is its name, which the jobs keep.
        && !toks[k + 1..].iter().any(|t| is_verb_of_working(t.word()))
}

/// Is the token at `k` "payrolls" after "on" ("on payrolls", "on U.S.
/// payrolls")?
fn is_on_payrolls(toks: &[Token<'_>], k: usize) -> bool {
    toks[k].lower == "payrolls"
        && toks[k.saturating_sub(3)..k]
            .iter()
            .any(|t| t.word() == "on")
}

/// Is the token at `k` the "as" of a verb of working that names a role
/// ("worked as piano tuners"), not a comparison or a time ("employed as
/// recently as 2018")?
pub(crate) fn is_as_of_a_role(toks: &[Token<'_>], k: usize) -> bool {
    toks[k].word() == "as"
        && k > 0
        && is_verb_of_working(toks[k - 1].word())
        && toks.get(k + 1).is_some_and(|n| names_a_role(n.word()))
}

/// Can the word after a verb of working's "as" open the role it names
/// ("as nurses", "as a nurse"), not a comparison or time ("as recently as
/// 2018", "as much as", "as of May")?
fn names_a_role(word: &str) -> bool {
    !(word.ends_with("ly")
        || matches!(
            word,
            "much"
                | "many"
                | "well"
                | "long"
                | "of"
                | "soon"
                | "far"
                | "high"
                | "low"
                | "little"
                | "few"
                | "such"
                | "part"
                | "expected"
                | "usual"
                | "before"
                | "if"
                | "though"
        ))
}

/// Drops "national", "nationwide" and their like from `terms` when another
/// term is left: a figure with no region is already the country's.
fn drop_national_words(terms: &mut Vec<Term>) {
    if terms.iter().any(|t| !is_national_word(t.as_str())) {
        terms.retain(|t| !is_national_word(t.as_str()));
    }
}

/// Does the clause, from `opens` to the figure at `figure`, open with one
/// thing of a kind that no name sorts ("A ticket costs $25", "A night in a
/// mid-range hotel costs about $180")? Not a source ("A survey of 2,000
/// drivers found that 61% ...") nor a noun that only introduces the
/// figure ("A total of 143 clinics closed", "an average of 12 visits").
fn names_one_of_a_kind(toks: &[Token<'_>], opens: usize, figure: usize) -> bool {
    matches!(toks.get(opens).map(|t| t.word()), Some("a" | "an"))
        && opens < figure
        && !(opens + 3 == figure && toks[opens + 2].word() == "of")
        && !is_source_noun(toks[opens + 1].word())
        && !toks[opens + 1..figure].iter().any(|t| t.cased)
}

/// Is the word at `at` an "its" with no name written before it from
/// `from` on ("and its sales tax rate", not "Texas raised its minimum
/// wage")?
fn unnamed_its(toks: &[Token<'_>], from: usize, at: usize) -> bool {
    toks[at].word() == "its" && !toks[from..at].iter().any(|t| t.cased)
}

/// Where the clause of `ctx`, up to `through`, says "its" with no name
/// before it, and the names the clause before gives for it (its
/// capitalised words that are no stop word, month or figure).
fn name_of_its(ctx: &SubjectContext, through: usize) -> Option<(usize, Vec<Term>)> {
    let toks = ctx.toks;
    let at = (ctx.segment.start..through)
        .find(|&k| toks[k].word() == "its")
        .filter(|&at| unnamed_its(toks, ctx.segment.start, at))?;
    let prev = ctx.previous.as_ref()?;
    let names: Vec<Term> = (prev.start..prev.end)
        .filter(|&k| {
            toks[k].cased
                && !ctx.in_figure.get(k).copied().unwrap_or(false)
                && !ctx.words.entries[k].is_some_and(|e| e.stop)
                && month_number(toks[k].word()).is_none()
        })
        .map(|k| Term::new(&ctx.words.norms[k]))
        .collect();
    (!names.is_empty()).then_some((at, names))
}

/// The clause a figure's clause goes on from. A relative clause before
/// a clause that opens with its verb hangs on the noun before it: "School
/// bus drivers, who work a split day, had a median of $44,150" goes on
/// from "School bus drivers"; after a verb of saying, that noun is the
/// source ("Coveport, which handles thousands of cases a year, says 25% of
/// victims paid"), and the figure's clause stands alone. Any other clause
/// goes on from the relative clause itself ("..., which means that revenue
/// per player slipped, to roughly $55").
fn previous_past_relative(ctx: &SubjectContext) -> Option<Range<usize>> {
    let toks = ctx.toks;
    let prev = ctx.previous.clone()?;
    if ctx.labelled || !matches!(toks[prev.start].word(), "which" | "who" | "whose") {
        return Some(prev);
    }
    let opener = toks.get(ctx.segment.start).map_or("", |t| t.word());
    if is_reporting_verb(opener) {
        return None;
    }
    if !is_auxiliary(opener) {
        return Some(prev);
    }
    // The noun before the relative clause's comma, back to the comma or
    // the figure before it.
    let comma = prev
        .start
        .checked_sub(1)
        .filter(|&c| toks[c].is_symbol(','))?;
    let start = (0..comma)
        .rev()
        .find(|&k| toks[k].is_symbol(',') || ctx.in_figure.get(k).copied().unwrap_or(false))
        .map_or(0, |k| k + 1);
    (start < comma).then_some(start..comma)
}

/// The words of a label that is a name and nothing more: a table row's
/// label ("| New York | $85,990 |"), or a list item's label written in
/// capitals only ("- **Illinois**: $89,190"). A row labelled with a group
/// ("| Library technicians | $46,900 |") names whose figure it is.
fn label_names(ctx: &SubjectContext) -> Vec<Term> {
    let words = ctx.words;
    let group = ctx.toks[words.row_label.clone()]
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word)
        .is_some_and(|t| !t.capitalized && ends_in_plural_s(&t.lower));
    let mut out: Vec<Term> = if group {
        Vec::new()
    } else {
        words.row_label_words().map(Term::new).collect()
    };
    if ctx.labelled
        && let Some(label) = &ctx.previous
    {
        let toks = &ctx.toks[label.clone()];
        let named = toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .all(|t| t.capitalized);
        if named {
            out.extend(label.clone().map(|i| Term::new(&words.norms[i])));
        }
    }
    out
}

/// The other members of a group named with the article's topic first
/// ("Locksmiths and safe repairers held 21,400 jobs" in an article on
/// locksmiths; "court reporters and simultaneous captioners"): the
/// official name of the topic's group, which another article shortens to
/// its first member. Only plural nouns joined by "and", "or", "&" or
/// commas: empty when the clause names no such group.
fn other_members(
    toks: &[Token<'_>],
    words: &Words<'_>,
    segment: &Range<usize>,
    topic: &mut dyn FnMut() -> Vec<Term>,
) -> Range<usize> {
    let joins =
        |t: &Token<'_>| t.is_symbol(',') || t.is_symbol('&') || matches!(t.word(), "and" | "or");
    let plural = |k: usize| toks[k].kind == TokenKind::Word && toks[k].lower != words.norms[k];
    // Most clauses join no plural nouns: the topic is read only for those
    // that may.
    if !(segment.start..segment.end.saturating_sub(1)).any(|k| plural(k) && joins(&toks[k + 1])) {
        return 0..0;
    }
    let topic = topic();
    let n = topic.len();
    if n == 0 || segment.len() < n + 2 {
        return 0..0;
    }
    for at in segment.start..segment.end - n {
        let named = (0..n).all(|i| same_trade(&words.norms[at + i], topic[i].as_str()));
        let end = at + n;
        // The topic is the group's first member ("ranchers" is not in
        // "farmers, ranchers and other agricultural managers").
        // A group that opens the clause is first, whatever the comma before
        // it ends ("According to the BLS, court reporters and ...").
        let first = at == segment.start || !joins(&toks[at - 1]);
        if !named || !first || !plural(end - 1) || !joins(&toks[end]) {
            continue;
        }
        // The members run on over words, commas and "and other" to the
        // last plural noun before a word that is no part of a name.
        let mut last = None;
        let mut k = end;
        while k < segment.end {
            let t = &toks[k];
            let part = joins(t)
                || (t.kind == TokenKind::Word
                    && (matches!(t.word(), "other" | "all")
                        || !(words.entries[k].is_some_and(|e| e.stop)
                            || (is_measure_word(&words.norms[k])
                                && !ends_a_group_name(&words.norms[k]))
                            || is_past_verb(toks, k))));
            if !part {
                break;
            }
            if plural(k) {
                last = Some(k);
            }
            k += 1;
        }
        if let Some(last) = last {
            return end..last + 1;
        }
    }
    0..0
}

/// Do two words name one trade: the same word, or the trade and who plies
/// it ("plumbing" and "plumber", "welding" and "welder")?
fn same_trade(a: &str, b: &str) -> bool {
    let stem = |w: &str| -> Option<usize> {
        ["ing", "er"]
            .iter()
            .find_map(|end| w.strip_suffix(end))
            .filter(|s| s.len() >= 3)
            .map(str::len)
    };
    a == b
        || match (stem(a), stem(b)) {
            (Some(x), Some(y)) => x == y && a[..x] == b[..y],
            _ => false,
        }
}

/// Is a measure word one of people ("workers", "people", "specialists"),
/// which may end a group's name ("... and other recreational protective
/// service workers")?
fn ends_a_group_name(norm: &str) -> bool {
    is_people_word(norm) || norm == "specialist"
}

/// Analyses the clause of one quantity. Returns None when no subject can be
/// found (such a figure is not reported: precision first).
pub(crate) fn analyse(
    ctx: &SubjectContext,
    topic: &mut dyn FnMut() -> Vec<Term>,
) -> Option<Analysis> {
    let q = ctx.quantity;
    let toks = ctx.toks;
    let lex = ctx.lexicon;
    let base = if matches!(q.unit, Unit::Percent) && q.form != Form::Change {
        base_range(toks, q, lex).filter(|r| r.end <= ctx.segment.end.max(r.end))
    } else {
        None
    };
    // "- **Firms reporting difficulty filling craft positions**: 88%": a
    // label that opens on a plural noun and what sets its members apart
    // gives its percentage a base, as "88% of firms reported ..." does.
    let label_base = if base.is_none() && matches!(q.unit, Unit::Percent) {
        population_label(ctx)
    } else {
        None
    };
    let label_link = label_base.as_ref().map(|b| b.end);
    // "Among those households, 74% used an artificial tree": a percentage
    // that opens its clause after "among" is a share of the group named,
    // as "74% of those households used one" is.
    let among_base = ctx.intro.as_ref().filter(|i| {
        base.is_none()
            && matches!(q.unit, Unit::Percent)
            && q.form != Form::Change
            && q.hedge_first == ctx.segment.start
            && i.len() > 1
            && matches!(toks[i.start].word(), "among" | "amongst")
    });
    let among_base = among_base.map(|i| i.start + 1..i.end);
    let base = base.or(label_base).or(among_base);
    let (metric, direction) = metric_of(ctx, base.is_some());
    let base = if metric == Metric::Share { base } else { None };

    let own_frame = frame(toks, &ctx.segment, q.hedge_first);
    let quantities = ctx.quantities;
    let in_figure = |k: usize| ctx.in_figure.get(k).copied().unwrap_or(false);
    let base_skip = base.clone().unwrap_or(0..0);
    let of_before_base = base.as_ref().map(|b| q.last..b.start).unwrap_or(0..0);
    // "41% of adults and 77% of teens sleep too little": the other share's
    // base is its own, not a word of this one's subject.
    let other_bases: Vec<Range<usize>> = if metric == Metric::Share {
        ctx.all
            .iter()
            .filter(|o| {
                o.first != q.first
                    && o.unit == Unit::Percent
                    && o.form != Form::Change
                    && ctx.segment.contains(&o.first)
            })
            .filter_map(|o| base_range(toks, o, lex).map(|b| o.last..b.end))
            .collect()
    } else {
        Vec::new()
    };
    let survey_names = survey_names(toks, &ctx.segment);
    let sources_after = sources_after(toks, &ctx.segment, q);
    // "The Port of Los Angeles, which moved 9.2 million TEU": a relative
    // clause whose verb takes the figure as its object is about the noun
    // before its comma.
    let opens_relative = ctx.segment.start > 0
        && toks[ctx.segment.start - 1].is_symbol(',')
        && matches!(toks[ctx.segment.start].word(), "which" | "who")
        && q.hedge_first == ctx.segment.start + 2;
    let participle = ctx.participle.then_some(ctx.segment.start);
    // "50% below 2023 levels" is a fall: "below" is its direction.
    let against = (metric == Metric::Change
        && toks
            .get(q.last)
            .is_some_and(|t| matches!(t.word(), "below" | "above")))
    .then_some(q.last);
    let others = other_members(toks, ctx.words, &ctx.segment, topic);
    let skip = |k: usize| {
        in_figure(k)
            || against == Some(k)
            || others.contains(&k)
            || (q.hedge_first..q.last).contains(&k)
            || own_frame.contains(&k)
            || survey_names.iter().any(|r| r.contains(&k))
            || sources_after.contains(&k)
            || base_skip.contains(&k)
            || of_before_base.contains(&k)
            || other_bases.iter().any(|b| b.contains(&k))
            || participle == Some(k)
    };
    let drop_role_nouns = metric == Metric::Level;
    let mut main = Collected {
        drop_role_nouns,
        ..Collected::default()
    };
    let words = ctx.words;
    collect(toks, words, ctx.segment.clone(), &skip, &mut main);
    // "Massachusetts is the highest-paying state, where the median wage
    // reached $71,300": a clause opened by "where" is of the place the
    // clause before names, as "In Massachusetts, the median wage" is.
    if main.geo.is_none()
        && toks
            .get(ctx.segment.start)
            .is_some_and(|t| t.word() == "where")
        && let Some(before) = &ctx.previous
    {
        let mut place = Collected::default();
        collect(toks, words, before.clone(), &|_| false, &mut place);
        main.geo = place.geo;
        if place.geo.is_none() {
            let names = before.clone().filter(|&k| {
                toks[k].kind == TokenKind::Word
                    && toks[k].capitalized
                    && !words.entries[k].is_some_and(|e| e.stop)
            });
            main.terms.extend(names.map(|k| Term::new(&words.norms[k])));
        }
    }
    // "A ticket costs $25 at the door", "A night in a mid-range hotel costs
    // about $180": one thing of a kind, told of the article's own event or
    // place, which the clause names neither by name nor by region. Like
    // "the company", the article's topic says which, and without one the
    // figure is not compared.
    let one_of_a_kind = metric == Metric::Level
        && main.geo.is_none()
        && names_one_of_a_kind(toks, own_frame.end.max(ctx.segment.start), q.hedge_first);
    if one_of_a_kind {
        main.anaphoric = true;
        main.names_one_entity = true;
    }

    let mut base_terms = Collected::default();
    let mut geo_of_base = None;
    if let Some(b) = &base {
        collect(toks, words, b.clone(), &|_| false, &mut base_terms);
        // "In PIRG's survey of students, 65% of respondents said ...": the
        // respondents are the people the survey is of.
        let of_respondents = toks[b.clone()].iter().any(|t| is_sample_after(t.word()));
        let mut surveyed_named = false;
        if base_terms.terms.is_empty()
            && of_respondents
            && let Some(surveyed) = surveyed_population(toks)
        {
            collect(toks, words, surveyed, &|_| false, &mut base_terms);
            main.terms.retain(|t| !base_terms.terms.contains(t));
            surveyed_named = !base_terms.terms.is_empty();
        }
        // "6% of the electrician workforce" is 6% of electricians: the
        // workforce of a trade named by its worker is those workers.
        let named_by_worker = toks[b.clone()]
            .windows(2)
            .any(|w| w[1].word() == "workforce" && is_agent_noun(w[0].word()));
        if named_by_worker {
            base_terms.terms.retain(|t| t.as_str() != "worker");
        }
        geo_of_base = base_terms.geo;
        main.geo = main.geo.or(base_terms.geo.take());
        // "60% of people surveyed" is "60% of respondents": people in
        // general name no group.
        if base_terms
            .terms
            .iter()
            .all(|t| matches!(t.as_str(), "people" | "person" | "individual"))
        {
            base_terms.terms.clear();
        }
        // "Respondents" ("people surveyed") are the people of one survey,
        // named elsewhere in the article: like "the company", they stand
        // for its topic, and two surveys' respondents are not one group.
        let asked = !surveyed_named
            && (is_sample_after(toks[b.start].word())
                || (base_terms.terms.is_empty()
                    && toks.get(b.end).is_some_and(|t| is_sample_verb(t.word()))));
        if asked {
            main.anaphoric = true;
            main.names_one_entity = true;
        }
    }

    // "Frontier had the worst record, with only 64% of its flights on
    // time": "its" is the name the clause before gives.
    let through = q.hedge_first.max(base.as_ref().map_or(0, |b| b.end));
    if let Some((at, names)) = name_of_its(ctx, through) {
        // "64% of its flights": the flights are the name's.
        if at >= q.last && base.is_some() {
            base_terms.terms.extend(names);
        } else {
            main.terms.extend(names);
            main.anaphoric = false;
            main.names_one_entity = false;
        }
    }
    // "the national median wage", "acres burned nationwide": no region
    // narrower than the country, as a figure with no region says. Alone
    // ("compared with 9% nationwide") the word still sets the figure
    // against the clause before, which named a place.
    // "An asphalt roof replacement costs about $9,800 nationally": a figure
    // of the whole country tells of the kind itself, as an average does.
    let national = main.terms.iter().any(|t| is_national_word(t.as_str()));
    drop_national_words(&mut main.terms);
    // "8,400 people worked as piano tuners", "31,000 workers are employed
    // as court reporters": people counted in a role are the role's jobs.
    let counts_people = q.unit == Unit::Count || metric == Metric::Change;
    let working = |t: &Term| {
        is_people_word(t.as_str()) || is_verb_of_working(t.as_str()) || t.as_str() == "payroll"
    };
    let works_in_a_role = counts_people
        && works_as(&toks[ctx.segment.clone()])
        && main.terms.iter().any(|t| !working(t));
    if works_in_a_role {
        main.terms.retain(|t| !working(t));
    }
    // "The country had roughly 29,600 drywall tapers": the people of a
    // role, counted bare, are its jobs, as "tapers held 29,600 jobs" says.
    let counted_bare = q.unit == Unit::Count
        && metric == Metric::Level
        && counts_a_role(toks, words, &ctx.segment, q);
    // "The nursery workforce numbers about 215,000": the size of a
    // workforce is its jobs, as "nurseries employ 215,000" says. Not a
    // "workforce report", which is a source.
    let sizes_a_workforce = q.unit == Unit::Count
        && metric == Metric::Level
        && toks[ctx.segment.start..q.hedge_first]
            .windows(2)
            .any(|w| w[0].word() == "workforce" && is_sizing_verb(w[1].word()))
        && main
            .terms
            .iter()
            .all(|t| !is_measure_word(t.as_str()) || working(t));
    if sizes_a_workforce {
        main.terms.retain(|t| !working(t));
    }
    let job = Term::new("job");
    if (works_in_a_role || counted_bare || sizes_a_workforce) && !main.terms.contains(&job) {
        main.terms.push(job);
    }
    // "Homeowners paid an average of $325 for a standard chimney sweep":
    // what was paid for is priced, and who paid is not whose figure it is.
    if q.unit.is_money()
        && metric == Metric::Level
        && let Some(thing) = paid_for(toks, &ctx.segment, q)
    {
        let mut priced = Collected::default();
        collect(toks, words, thing, &|k| in_figure(k), &mut priced);
        drop_national_words(&mut priced.terms);
        if !priced.terms.is_empty() {
            // A name among who paid says which ones ("Florida homeowners").
            let mut payer = Collected::default();
            // Not a plural capitalised as a sentence opens ("Homeowners
            // paid ...").
            let named = |k: usize| {
                let opening = k == ctx.segment.start && ends_in_plural_s(&toks[k].lower);
                !toks[k].capitalized || opening || in_figure(k)
            };
            collect(
                toks,
                words,
                ctx.segment.start..q.hedge_first,
                &named,
                &mut payer,
            );
            main.terms = priced.terms;
            main.terms.extend(payer.terms);
            main.terms.push(Term::new("cost"));
            main.geo = main.geo.or(priced.geo).or(payer.geo);
        }
    }
    // "The national average for a standard home inspection is $343": an
    // average sum for one thing of a kind, with no measure written, is
    // what that thing costs, as "buyers paid $410 for a standard home
    // inspection" is.
    if q.unit.is_money()
        && metric == Metric::Level
        && !main.terms.iter().any(|t| is_measure_word(t.as_str()))
        && average_for_one(&toks[ctx.segment.clone()])
        && !ctx.intro.iter().chain([&ctx.segment]).any(|r| {
            toks[r.clone()]
                .iter()
                .any(|t| matches!(t.word(), "price" | "prices" | "cost" | "costs"))
        })
    {
        main.terms.push(Term::new("cost"));
    }
    // "The average new boat sold for $64,900", "the median sale price":
    // what a thing sells for is its price, not its sales.
    let sale_price = main.terms.iter().any(|t| t.as_str() == "price");
    if q.unit.is_money() && (sold_for(toks, q.hedge_first) || sale_price) {
        let sale = Term::new("sale");
        let price = Term::new("price");
        if main.terms.contains(&sale) {
            main.terms.retain(|t| *t != sale);
            if !main.terms.contains(&price) {
                main.terms.push(price);
            }
        }
    }
    // "For a standard lockout, the national average comes to $150": alone
    // after an introduction that picks what the figure is of, and names no
    // place, the word only says the figure is the country's.
    let picks_no_place = |i: &Range<usize>| {
        let t = &toks[i.clone()];
        matches!(t.first().map(|t| t.word()), Some("for" | "among"))
            && !t[1..].iter().any(|t| t.capitalized)
    };
    if !main.terms.is_empty()
        && main.terms.iter().all(|t| is_national_word(t.as_str()))
        && ctx.intro.as_ref().is_some_and(picks_no_place)
    {
        main.terms.clear();
    }
    let mut inherited = false;
    // "..., while senior staff earn closer to $150,000": people in general
    // stand for the previous clause's subject.
    let only_people = main.terms.iter().all(|t| is_people_word(t.as_str()));
    let names_nothing = main.terms.is_empty() && base_terms.terms.is_empty();
    // "..., with an average salary of $105,000": a "with" phrase of measure
    // words only is about the subject of the clause it hangs from.
    // "Harbor Point was the busiest park, with 2.9 million visits": a
    // "with" phrase that opens on its figure counts what the clause it
    // hangs from names.
    let opens_with = toks
        .get(ctx.segment.start)
        .is_some_and(|t| t.word() == "with");
    let with_measure = opens_with
        && (main.terms.iter().all(|t| is_measure_word(t.as_str()))
            || q.hedge_first <= ctx.segment.start + 1);
    let previous = previous_past_relative(ctx);
    // "zookeepers, who ..., earned a median of $37,600": the clause's verb
    // is the noun's before the aside.
    let verb_of_noun = ctx.after_aside && main.terms.iter().all(|t| is_measure_word(t.as_str()));
    if (only_people
        || with_measure
        || ctx.labelled
        || opens_relative
        || verb_of_noun
        || participle.is_some())
        && !main.anaphoric
        && let Some(prev) = &previous
    {
        // "..., with a projected growth rate of 40%": the subject is the head
        // of the previous clause, up to its first verb or figure.
        // A label's bracket is part of it ("Ferry boardings (2023)").
        let first_figure = if ctx.labelled {
            quantities
                .iter()
                .map(|r| r.start)
                .filter(|s| prev.contains(s))
                .min()
        } else {
            (prev.start..prev.end).find(|&k| in_figure(k))
        };
        let head_start = frame(toks, prev, first_figure.unwrap_or(prev.end)).end;
        let mut head_end = (head_start..prev.end)
            .find(|&k| in_figure(k) || is_auxiliary(toks[k].word()))
            .unwrap_or(prev.end);
        // "Lakeview Regional Airport saw the biggest rebound, with 4.2
        // million passengers": a name of several words is the whole head.
        let name_end = (head_start..head_end)
            .find(|&k| !toks[k].cased)
            .unwrap_or(head_end);
        if opens_with && name_end >= head_start + 2 && name_end < head_end {
            head_end = name_end;
        }
        // "No city comes close to Chicago, which has 412,000 lead lines":
        // a name right before the relative clause's comma, after a
        // preposition, is what it is about, not the clause before it.
        let mut head_start = head_start;
        if opens_relative && head_end == prev.end {
            let mut n = head_end;
            while n > head_start {
                let t = &toks[n - 1];
                let name = t.kind == TokenKind::Word && t.capitalized;
                let inside = matches!(t.word(), "of" | "&") && n < head_end && n - 1 > head_start;
                if !(name || inside) {
                    break;
                }
                n -= 1;
            }
            let after_preposition = |n: usize| {
                let w = toks[n - 1].word();
                is_preposition(w) || matches!(w, "to" | "like")
            };
            if n > head_start && n < head_end && after_preposition(n) {
                head_start = n;
            }
        }
        let mut head = Collected {
            drop_role_nouns,
            ..Collected::default()
        };
        let not_figure = |k: usize| in_figure(k);
        let label_base = base.clone().filter(|_| label_link.is_some());
        let not_base = |k: usize| {
            in_figure(k)
                || label_link == Some(k)
                || label_base.as_ref().is_some_and(|b| b.contains(&k))
        };
        collect(toks, words, head_start..head_end, &not_base, &mut head);
        // "Great Smoky Mountains, which charges no fee, was the most
        // visited park, with 12.9 million visits": a clause that opens
        // with its verb goes on with the sentence's opening subject.
        if head.terms.is_empty()
            && !head.anaphoric
            && first_figure.is_none()
            && head_start == head_end
            && head_end < prev.end
        {
            let opening_end = (0..prev.start)
                .find(|&k| toks[k].is_symbol(',') || in_figure(k) || is_auxiliary(toks[k].word()))
                .unwrap_or(prev.start);
            collect(toks, words, 0..opening_end, &not_figure, &mut head);
        }
        // "X counts 600,000 people working in nursing, a figure expected to
        // rise 5%": the figure's own noun phrase is the subject.
        if head.terms.is_empty()
            && !head.anaphoric
            && let Some(figure) = first_figure
        {
            let after = quantities
                .iter()
                .find(|r| r.contains(&figure))
                .map_or(figure + 1, |r| r.end);
            collect(toks, words, after..prev.end, &not_figure, &mut head);
        }
        main.terms.extend(head.terms);
        main.anaphoric = head.anaphoric;
        main.names_one_entity = head.names_one_entity;
        // "the DJ services industry, worth about $2.6 billion": the
        // industry named before is the one worth it.
        main.industry |= head.industry;
        main.geo = main.geo.or(head.geo);
        // A label's aggregate and level are its value's, and so are the
        // clause's before a figure that names nothing itself ("The average
        // repair order was $568 in 2024, up 4.8% from 2023").
        if ctx.labelled || names_nothing {
            main.aggregate = main.aggregate.or(head.aggregate);
            main.level = main.level.or(head.level);
        }
        // "- **Roof replacement, national average**: $13,200": so do
        // the words it inherits.
        drop_national_words(&mut main.terms);
        inherited = true;
    }
    // "Among adults aged 18 to 49, ...": the bracket sorts the population
    // of the clause, or of the sentence from its introduction.
    let sorts = |r: &Range<usize>| {
        ctx.segment.contains(&r.start)
            || ctx.intro.as_ref().is_some_and(|i| i.contains(&r.start))
            || (inherited && ctx.previous.as_ref().is_some_and(|p| p.contains(&r.start)))
    };
    main.terms.extend(
        ctx.brackets
            .iter()
            .filter(|b| sorts(&b.tokens))
            .map(|b| b.term),
    );
    if let Some(intro) = &ctx.intro {
        let mut qualifiers = Collected::default();
        collect(toks, words, intro.clone(), &in_figure, &mut qualifiers);
        if !leaves_out(&toks[intro.clone()]) {
            main.geo = main.geo.or(qualifiers.geo);
        }
        main.aggregate = main.aggregate.or(qualifiers.aggregate);
        main.level = main.level.or(qualifiers.level);
        // "Among Black workers, unemployment was 6.1%": an introduction
        // that picks a group names whose figure it is.
        let own_group = toks[ctx.segment.clone()]
            .iter()
            .any(|t| matches!(t.word(), "among" | "amongst"));
        let intro_toks = &toks[intro.clone()];
        if leaves_out(intro_toks) {
            // "Outside the US, ...": the figure is of everywhere but the
            // place named, so it neither is that place's nor meets it.
            main.terms.push(Term::new("outside"));
            main.terms.extend(qualifiers.geo);
            main.terms.extend(qualifiers.terms);
        } else if (names_a_group(intro_toks) && !own_group)
            || (takes_whole(intro_toks) && main.terms.iter().all(|t| is_measure_word(t.as_str())))
        {
            main.terms.extend(qualifiers.terms);
        } else if names_a_place(intro_toks) || names_a_scope(intro_toks) {
            // "In Michigan, 47% of adults" is "47% of Michigan adults",
            // like "47% of adults in Michigan".
            let narrowed = if base_terms.terms.is_empty() {
                &mut main
            } else {
                &mut base_terms
            };
            narrowed.terms.extend(qualifiers.terms);
        }
    }
    // An average ("A new roof costs $9,500 on average", "On average, a
    // night in a hotel costs $180") tells of the kind itself, not of one
    // the article has in mind.
    if one_of_a_kind && (main.aggregate.is_some() || national) {
        main.anaphoric = false;
        main.names_one_entity = false;
    }
    // "Average salaries of $122,060" in an article about machine learning
    // are machine learning salaries: a subject of measure words only is
    // about the article's topic, and must not meet every other article's
    // "average salaries".
    // So is a subject of measure words and names only ("- **Illinois**:
    // $89,190 average annual wage", "| New York | $85,990 |"): the name
    // says which one, not of what.
    let vague = !main.terms.is_empty()
        && base_terms.terms.is_empty()
        && (main.terms.iter().all(|t| is_measure_word(t.as_str())) || {
            let labels = label_names(ctx);
            main.terms
                .iter()
                .all(|t| is_measure_word(t.as_str()) || labels.contains(t))
        });
    let mut topical = false;
    if main.anaphoric || vague {
        let topic = topic();
        if !topic.is_empty() {
            main.terms.extend(topic);
            topical = true;
        } else if main.names_one_entity {
            return None;
        }
    }
    // "Entry-level data analysts average $58,000 a year": a career level
    // tells of workers, and what a worker gets in dollars with no measure
    // named is their pay. So is money someone "makes" by the hour or the
    // year ("The median childcare worker makes $13.90 an hour"), as if the
    // clause said "earns"; a company's or a store's takings are not (the
    // subject names what is measured). No one's pay reaches a million.
    let names_no_measure = !main
        .terms
        .iter()
        .any(|t| is_measure_word(t.as_str()) && !is_people_word(t.as_str()));
    let a_level_earns = main.level.is_some()
        && q.unit == Unit::Usd
        && metric == Metric::Level
        && !main.terms.is_empty();
    let someone_makes = q.unit.is_money()
        && q.hedge_first > 0
        && is_make_verb(toks[q.hedge_first - 1].word())
        && names_a_frequency(toks, q.last);
    // "The median for pest control workers was $40,100": a median or an
    // average of money over workers is what they are paid.
    let workers_summed = main.aggregate.is_some()
        && q.unit == Unit::Usd
        && metric == Metric::Level
        && main.terms.iter().any(|t| matches!(t.as_str(), "worker" | "staffer"))
        // Not a price of a unit ("$62.28 a ton").
        && (names_a_frequency(toks, q.last)
            || !toks
                .get(q.last)
                .is_some_and(|t| matches!(t.word(), "a" | "an" | "per")));
    if q.value.abs() < 1e6 && names_no_measure && (a_level_earns || someone_makes || workers_summed)
    {
        main.terms.push(Term::new("pay"));
    }
    // "Junk hauling was roughly an $8.1 billion business": a sum that
    // sizes a business, an industry or a market is what that trade takes
    // in, not a count of companies.
    if q.unit.is_money()
        && toks
            .get(q.last)
            .is_some_and(|t| matches!(t.word(), "business" | "industry" | "market" | "sector"))
    {
        main.terms.retain(|t| t.as_str() != "company");
        main.industry = true;
    }
    // "The U.S. voice-over industry is expected to grow 7% a year", "the
    // DJ services industry, worth about $2.6 billion": an industry that
    // grows or is worth a sum, with no measure named, is its market.
    if main.industry
        && (metric == Metric::Change || q.unit.is_money())
        && !main.terms.iter().any(|t| is_measure_word(t.as_str()))
    {
        main.terms.push(Term::new("market"));
    }
    // "Shoppers spent $1.8 billion on kombucha", "kombucha sales reached
    // $2.1 billion", "the kombucha market was worth $2 billion": in money,
    // what buyers spend, what sellers take in and the size of a market
    // are one sum seen from either side of the till.
    // "Sign companies brought in roughly $11.2 billion": a sum a trade
    // takes in is its sales, whether or not the writer says "revenue".
    if q.unit.is_money()
        && takes_in(toks, ctx.segment.start, q.hedge_first)
        && !main
            .terms
            .iter()
            .any(|t| is_measure_word(t.as_str()) && t.as_str() != "company")
    {
        main.terms.push(Term::new("sale"));
    }
    if q.unit.is_money() {
        let sale = Term::new("sale");
        let mut flow = false;
        for t in main
            .terms
            .iter_mut()
            .filter(|t| is_money_flow_word(t.as_str()))
        {
            *t = sale;
            flow = true;
        }
        // Whoever buys in a market is its buyers, no part of what it is.
        if flow && main.terms.len() > 2 {
            main.terms.retain(|t| !is_buyer_word(t.as_str()));
        }
    }
    // "The average certificate program costs about $16,000 in tuition":
    // what it costs is the tuition, which a reader names alone ("tuition
    // averages $10,500"), and so with fees, rent, premiums and prices.
    if q.unit.is_money()
        && main
            .terms
            .iter()
            .any(|t| matches!(t.as_str(), "tuition" | "fee" | "rent" | "premium" | "price"))
    {
        main.terms.retain(|t| t.as_str() != "cost");
    }
    // "The US hospice services market", "revenue from dog walking
    // services": a trade's sales and its market are of the trade, which
    // "services" only says is a trade ("the hospice market"). So are the
    // sales of its firms: "marine cargo handling firms generated revenue
    // of $23.5 billion" is what the industry took in. ("Business" may
    // name a field, as in "business analysis", and stays.)
    if main.terms.len() > 2
        && main
            .terms
            .iter()
            .any(|t| matches!(t.as_str(), "sale" | "market"))
    {
        let says_firms = toks[ctx.segment.clone()]
            .iter()
            .any(|t| matches!(t.word(), "firms" | "companies"))
            && !toks[ctx.segment.clone()]
                .iter()
                .any(|t| t.word().starts_with("business"));
        main.terms.retain(|t| match t.as_str() {
            "service" => false,
            "company" => !says_firms,
            _ => true,
        });
    }
    // "Employment of pest control workers", "pest control jobs": the jobs
    // are the workers', and saying so adds nothing to what is counted.
    let job = Term::new("job");
    // "About 14,500 superintendents working in the U.S.", "114,400
    // people working in accounting": people counted at work are jobs.
    let at_work = main.terms.iter().any(|t| t.as_str() == "working")
        || toks[ctx.segment.clone()]
            .iter()
            .any(|t| t.word() == "working");
    if at_work && ((q.unit == Unit::Count && metric == Metric::Level) || metric == Metric::Change) {
        main.terms.retain(|t| t.as_str() != "working");
        main.terms.push(job);
    }
    if main.terms.contains(&job) && main.terms.len() > 2 {
        main.terms
            .retain(|t| !matches!(t.as_str(), "worker" | "people"));
    }
    main.terms.sort();
    main.terms.dedup();
    // "unfilled cybersecurity positions": the gap is a count of positions,
    // and says so itself.
    if main.terms.iter().any(|&t| !lex.implied(t).is_empty()) {
        let said: Vec<Term> = main
            .terms
            .iter()
            .flat_map(|&t| lex.implied(t))
            .copied()
            .collect();
        main.terms.retain(|t| !said.contains(t));
    }
    // "14% of the nation's methane emissions" is of US methane emissions.
    drop_national_words(&mut base_terms.terms);
    base_terms.terms.sort();
    base_terms.terms.dedup();
    // "Remote job postings made up 8% of all job postings" is "8% of job
    // postings were remote": what the base already says is not said again.
    if metric == Metric::Share && main.terms.iter().any(|t| !base_terms.terms.contains(t)) {
        main.terms.retain(|t| !base_terms.terms.contains(t));
    }
    // "24% of bakers are employed by grocery stores", "56% of sonographers
    // work in hospitals": of a group of workers, where they work is the
    // share; that they work or hold jobs there says nothing more.
    let employs = |t: &Term| matches!(t.as_str(), "job" | "work");
    let workers = base_terms
        .terms
        .iter()
        .any(|t| is_agent_noun(t.as_str()) || t.as_str() == "worker");
    if metric == Metric::Share && workers && main.terms.iter().any(|t| !employs(t)) {
        main.terms.retain(|t| !employs(t));
    }
    // "DoorDash is far ahead. It accounted for 62% of U.S. meal-delivery
    // sales": "It" opening the sentence is the name the sentence before
    // opened with.
    let stands_for_antecedent =
        ctx.segment.start == ctx.words.prose_from && opens_on_it(toks, ctx.segment.start);
    if stands_for_antecedent {
        main.terms.extend(ctx.antecedent.iter().copied());
        main.terms.sort();
        main.terms.dedup();
    }
    if main.terms.is_empty() && base_terms.terms.is_empty() {
        return None;
    }
    // "It accounted for 62% of U.S. meal-delivery sales", "| Others | 2% |":
    // a share of whom the clause does not say; the place is the base's.
    // ("That works out to 71% of all U.S. households" takes its subject
    // from the figure before it, in extract.rs.)
    if metric == Metric::Share
        && main.terms.is_empty()
        && geo_of_base.is_some()
        && main.geo == geo_of_base
        && !restates_the_figure_before(&toks[ctx.segment.clone()])
    {
        return None;
    }
    // "Adults spend 3 hours 50 minutes a day on their phones", "the average
    // commute took 27.4 minutes": time spent or taken is what a duration
    // measures, not a word of its subject.
    if matches!(q.unit, Unit::Minutes | Unit::Days | Unit::Years) {
        main.terms.retain(|t| !is_duration_verb(t.as_str()));
    }
    // "data scientists across all industries" are data scientists: every
    // one of a kind said beside whose figure it is says only that the
    // figure is the overall one; alone ("the median wage for all
    // occupations") it is whose figure it is.
    let every = |t: &Term| t.as_str().starts_with("all ");
    if main
        .terms
        .iter()
        .any(|t| !every(t) && !says_what_is_measured(t.as_str()))
    {
        main.terms.retain(|t| !every(t));
    }
    // "| Store manager | $46,200 (median) |": an aggregate written right
    // after the figure is the figure's own, whatever its column says.
    if let Some(a) = aggregate_after(toks, q, lex) {
        main.aggregate = Some(a);
    }
    // "5,200 commercial diving jobs", "catering revenue reached $22.4
    // billion": a trade named by its work is the trade of those who do it
    // ("3,900 commercial divers", "caterers took in $16.9 billion"), for
    // its jobs and its sales.
    if main
        .terms
        .iter()
        .any(|t| matches!(t.as_str(), "job" | "sale" | "market"))
    {
        // Not a word that says which kind of a noun after it ("bowling
        // centers" are not bowlers).
        let kind_of_noun = |w: &str| {
            (ctx.segment.start..ctx.segment.end.saturating_sub(1)).any(|k| {
                ctx.words.norms[k] == w
                    && toks[k + 1].kind == TokenKind::Word
                    && main.terms.iter().any(|t| {
                        t.as_str() == ctx.words.norms[k + 1] && !is_measure_word(t.as_str())
                    })
            })
        };
        let agents: Vec<(usize, Term)> = main
            .terms
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let agent = Term::new(&agent_of_work(t.as_str())?);
                (!kind_of_noun(t.as_str()) && ctx.article.writes(agent)).then_some((i, agent))
            })
            .collect();
        for (i, agent) in agents {
            main.terms[i] = agent;
        }
    }
    // The place of the figure "it" stands for is its place, when the clause
    // names none.
    let place_before = ctx
        .antecedent_geo
        .filter(|_| stands_for_antecedent && main.geo.is_none());
    Some(Analysis {
        key: SubjectKey {
            metric,
            terms: Terms::new(&main.terms),
            base: Terms::new(&base_terms.terms),
            geo: main.geo.or(place_before),
            aggregate: main.aggregate,
            level: main.level,
            anaphoric: main.anaphoric,
            inherited: inherited || place_before.is_some(),
            topical,
            names: Terms::default(),
            whole: says_whole_group(toks, ctx.words, &main.terms),
        },
        direction,
    })
}

/// Does a sentence say the group of `terms` is whole: "all" right before
/// one of their words ("all insulation workers", "all of the nurses"), or
/// "as a whole"?
fn says_whole_group(toks: &[Token<'_>], words: &Words<'_>, terms: &[Term]) -> bool {
    let names_term = |k: usize| {
        words
            .norms
            .get(k)
            .is_some_and(|n| terms.iter().any(|t| t.as_str() == n.as_ref()))
    };
    toks.iter().enumerate().any(|(k, t)| match t.word() {
        "all" => (k + 1..(k + 4).min(toks.len()))
            .take_while(|&j| toks[j].kind == TokenKind::Word)
            .any(names_term),
        "whole" => k >= 2 && toks[k - 1].word() == "a" && toks[k - 2].word() == "as",
        _ => false,
    })
}

word_set!(
    /// Words after an opening "For" that make it a link between sentences
    /// ("For example,", "For all the headlines, ..."), not a group.
    is_linking_after_for: [
    "example", "instance", "comparison", "context", "reference", "now", "one", "this", "that",
    "these", "those", "starters", "perspective", "the", "a", "an", "more", "most", "many", "some",
    "years", "decades", "all", "every", "each", "both", "any", "its", "their", "our", "your", "his",
    "her", "my",
]
);

/// Does an introduction pick a group ("Among Black workers,", "For
/// nurses in Ohio,")? "For example," and the like only link sentences.
fn names_a_group(intro: &[Token<'_>]) -> bool {
    let word = |k: usize| intro.get(k).map_or("", |t| t.word());
    match word(0) {
        "among" | "amongst" => true,
        "for" => !is_linking_after_for(word(1)),
        _ => false,
    }
}

/// Does an introduction take a population whole ("Across all security
/// guards,")? It says whose a figure is when the clause names only what
/// is measured ("..., the median wage was $34,120"); otherwise it only
/// says the figure is the overall one ("Across all causes, the average
/// homeowners claim ...").
fn takes_whole(intro: &[Token<'_>]) -> bool {
    let word = |k: usize| intro.get(k).map_or("", |t| t.word());
    word(0) == "across"
        && matches!(word(1), "all" | "every")
        && !intro.iter().any(|t| t.word() == "of")
}

/// A capitalised word that is not a possessive ("Chicago", not "Indeed's").
fn is_name(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word && t.capitalized && !t.word().ends_with("'s")
}

/// Does an introduction name the place of the clause ("In Oregon,",
/// "Across Southeast Asia,")? A preposition of place, then proper names
/// only: "In fact," and "In Indeed's data," set no place.
fn names_a_place(intro: &[Token<'_>]) -> bool {
    let Some((first, rest)) = intro.split_first() else {
        return false;
    };
    if !is_place_preposition(first.word()) {
        return false;
    }
    let mut named = false;
    for t in rest {
        let w = t.word();
        if matches!(w, "the" | "and" | "of") {
            continue;
        }
        let letters = w
            .bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b'-' || b >= 0x80);
        if !(is_name(t) && letters) {
            return false;
        }
        named = true;
    }
    named
}

/// Does an introduction say where the clause holds, by a preposition of
/// scope and a noun phrase ("In healthcare,", "At Google,", "On mobile,",
/// "Within the public sector,")? Then its words narrow the subject: the
/// clause is about that sector, company or channel, not all of them. Phrases
/// that link sentences ("In fact,", "On the other hand,"), refer to the text
/// or a source ("In this guide,", "In our survey,", "In Indeed's data,") or
/// hold a number are not a scope.
fn names_a_scope(intro: &[Token<'_>]) -> bool {
    let Some((first, rest)) = intro.split_first() else {
        return false;
    };
    let w = first.word();
    if !(is_place_preposition(w) || matches!(w, "at" | "on" | "within" | "inside" | "under")) {
        return false;
    }
    let mut content = false;
    for t in rest {
        let w = t.word();
        if t.kind != TokenKind::Word {
            if t.is_symbol('-') || t.is_symbol('&') || t.is_symbol('.') {
                continue;
            }
            return false;
        }
        if matches!(w, "the" | "a" | "an" | "and" | "of") {
            continue;
        }
        if is_text_reference(w)
            || is_pronoun(w)
            || is_linking_noun(w)
            || is_source_noun(w)
            || is_quantifier(w)
            || w.ends_with("'s")
            || w.ends_with("’s")
            || w.bytes().any(|b| b.is_ascii_digit())
        {
            return false;
        }
        content = true;
    }
    content
}

word_set!(
    /// Words that count or sum what follows them: "Across thousands of
    /// royalty statements,", "Across all industries," gather a sample or the
    /// whole, and narrow nothing.
    is_quantifier: [
    "all", "every", "each", "many", "several", "multiple", "various", "numerous", "most", "some",
    "dozens", "hundreds", "thousands", "millions", "billions", "tens",
]
);

/// Does an introduction leave a place or group out ("Outside the US,",
/// "Excluding China,", "Beyond Europe,")?
fn leaves_out(intro: &[Token<'_>]) -> bool {
    let word = |k: usize| intro.get(k).map_or("", |t| t.word());
    let object = match (word(0), word(1)) {
        ("outside" | "beyond" | "excluding" | "except", _) => 1,
        ("apart" | "aside", "from") => 2,
        _ => return false,
    };
    // "Beyond that," links sentences: a pronoun leaves nothing out.
    intro[object..].iter().any(|t| {
        t.kind == TokenKind::Word
            && !matches!(t.word(), "the" | "a" | "an")
            && !is_pronoun(t.word())
    })
}

word_set!(
    /// Prepositions before a place ("in Oregon", "across Southeast Asia",
    /// "throughout Texas").
    is_place_preposition: ["in", "across", "throughout"]
);

word_set!(
    /// Pronouns that can end an introduction ("Beyond that,", "At that
    /// point,"): they point back, and name no scope.
    is_pronoun: ["that", "this", "those", "these", "it", "them", "which", "what", "all", "everything", "anything"]
);

word_set!(
    /// Words by which a text points at itself or its author ("In this
    /// guide,", "In our experience,"): no scope of a figure.
    is_text_reference: ["this", "these", "our", "my", "your", "their", "its", "his", "her", "we"]
);

word_set!(
    /// Nouns of phrases that link sentences or frame an argument ("In fact,",
    /// "In addition,", "On the other hand,", "In most cases,").
    is_linking_noun: [
    "fact", "addition", "general", "particular", "practice", "contrast", "short", "summary", "turn",
    "reality", "theory", "words", "hand", "meantime", "response", "conclusion", "effect", "light",
    "view", "case", "cases", "sense", "brief", "essence", "principle", "order", "fairness", "truth",
    "aggregate", "average", "median", "sum", "total", "spite", "regard", "terms",
    "article", "guide", "post", "piece", "section", "chapter", "data", "figures", "numbers",
    "meanwhile", "comparison", "other", "whole", "balance", "top", "bottom", "upside", "downside",
    "surface", "side", "end", "outset", "start", "beginning", "moment", "past", "future", "present",
    "recent", "years", "months", "weeks", "days", "decade", "decades", "least", "most", "first", "last",
    "times", "time", "glance", "scale", "level", "basis", "paper", "example", "instance", "hood",
    "behalf", "note", "way", "point", "stage", "rate", "contrary", "plus", "minus", "hindsight",
    "chart", "table", "graph", "image", "list", "below", "above",
]
);

/// Reads an article's topic from its title, subtitle and description: the
/// lexicon term named most often there, else the most frequent content
/// word. Where that word is written more than once with the same
/// neighbour ("Hearing Aids" in the title and "hearing aids" in the
/// description), the topic is the compound, its words grown one neighbour
/// at a time up to [`MAX_TOPIC_WORDS`]: "hearing" alone is what a hearing
/// aid and a hearing specialist have in common. A title that names its
/// topic once ("Food Truck Cook Salary Guide") is read against the body:
/// the topic is the title's word the body names most, grown by the
/// title's neighbours the body writes next to it ([`topic_in_body`]).
/// Used only for "the field"-style subjects; empty when nothing recurs.
pub(crate) fn topic_of(front: &str, body: &str, lex: &Lexicon) -> Vec<Term> {
    let units = content_units(front, lex);
    let mut counts: Vec<(&str, usize, bool)> = Vec::new();
    for (term, known) in units.iter().flatten() {
        match counts.iter_mut().find(|e| e.0 == term) {
            Some(e) => e.1 += 1,
            None => counts.push((term, 1, *known)),
        }
    }
    // Ties go to the earliest word, hence the reversed scans.
    let best_known = counts.iter().rev().filter(|e| e.2).max_by_key(|e| e.1);
    let best_any = counts.iter().rev().max_by_key(|e| e.1).filter(|e| e.1 >= 2);
    // A front matter that names nothing twice says little of which of its
    // words is the topic ("Fewer Shops, Bigger Weddings" in a title on the
    // florist industry): the body says more.
    if best_known.or(best_any).is_none_or(|e| e.1 < 2) {
        let topic = topic_in_body(&units, body, lex);
        if !topic.is_empty() {
            return topic;
        }
    }
    let Some(&(best, _, _)) = best_known.or(best_any) else {
        return Vec::new();
    };
    // Pairs of neighbouring units, with how often each is written.
    let mut pairs: Vec<((&str, &str), usize)> = Vec::new();
    for pair in units.windows(2) {
        if let [Some((a, _)), Some((b, _))] = pair
            && a != b
            && !is_measure_word(a)
            && !is_measure_word(b)
        {
            let key = (a.as_str(), b.as_str());
            match pairs.iter_mut().find(|e| e.0 == key) {
                Some(e) => e.1 += 1,
                None => pairs.push((key, 1)),
            }
        }
    }
    // The compound grows from the topic word by neighbours it is written
    // with more than once ("school bus driver"), to three words at most.
    let mut compound: Vec<&str> = vec![best];
    while compound.len() < MAX_TOPIC_WORDS {
        let last = compound[compound.len() - 1];
        let first = compound[0];
        let after = pairs
            .iter()
            .find(|e| e.1 >= 2 && e.0.0 == last && !compound.contains(&e.0.1))
            .map(|e| e.0.1);
        let before = pairs
            .iter()
            .find(|e| e.1 >= 2 && e.0.1 == first && !compound.contains(&e.0.0))
            .map(|e| e.0.0);
        match (after, before) {
            (Some(w), _) => compound.push(w),
            (None, Some(w)) => compound.insert(0, w),
            (None, None) => break,
        }
    }
    compound.into_iter().map(Term::new).collect()
}

/// The content units of `text` in order, as a topic is read: a lexicon
/// term (`true`) or a word; `None` between two units that are not next to
/// each other.
fn content_units(text: &str, lex: &Lexicon) -> Vec<Option<(String, bool)>> {
    let toks = super::token::tokenize(text, 0..text.len(), 0);
    let mut units: Vec<Option<(String, bool)>> = Vec::new();
    let words = normalised(&toks);
    let refs: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    let mut i = 0;
    while i < refs.len() {
        if let Some((slot, n)) = lex.match_phrase(&refs, i) {
            // "What Northwind Bikes sold and earned": what a title says
            // is measured (sales, pay) is not whose figures they are.
            let unit = match slot {
                Slot::Term(t) if !lex.is_title_stop(t.as_str()) && !is_measure_word(t.as_str()) => {
                    Some((t.as_str().to_string(), true))
                }
                _ => None,
            };
            units.push(unit);
            i += n;
            continue;
        }
        let w = refs[i];
        i += 1;
        let content = w.len() > 2
            && w.chars().all(char::is_alphabetic)
            && !lex.is_title_stop(w)
            && !lex.is_generic(w);
        units.push(content.then(|| (w.to_string(), false)));
    }
    units
}

/// The most words an article's topic compound has ("school bus driver").
const MAX_TOPIC_WORDS: usize = 3;

/// How often the body must name a title's word for it to be the topic
/// when the front matter names nothing twice.
const MIN_TOPIC_MENTIONS: usize = 3;

/// The topic of a front matter that names nothing twice: of the content
/// units it names (`units`), the one the body names most often, at least
/// [`MIN_TOPIC_MENTIONS`] times, grown by a neighbour of the title that
/// the body writes next to it more than once ("Food Truck Cook Salary
/// Guide" over a body about food truck cooks: "food truck cook"). A title
/// word the body hardly uses ("Guide", "Really") is no topic. The body is
/// read as the title is, so "shops" there is the "store" of "Bike Shop".
fn topic_in_body(units: &[Option<(String, bool)>], body: &str, lex: &Lexicon) -> Vec<Term> {
    if body.is_empty() || units.iter().flatten().next().is_none() {
        return Vec::new();
    }
    let said = content_units(body, lex);
    let word = |i: usize| units.get(i).and_then(|u| u.as_ref()).map(|u| u.0.as_str());
    // How often the body writes the title's units `first..=last` in a row.
    let mentions = |first: usize, last: usize| -> usize {
        let Some(phrase) = (first..=last).map(word).collect::<Option<Vec<&str>>>() else {
            return 0;
        };
        said.windows(phrase.len())
            .filter(|w| {
                w.iter()
                    .zip(&phrase)
                    .all(|(u, p)| u.as_ref().is_some_and(|u| u.0 == *p))
            })
            .count()
    };
    let mut best: Option<(usize, usize)> = None;
    for i in 0..units.len() {
        let n = mentions(i, i);
        if n >= MIN_TOPIC_MENTIONS && best.is_none_or(|(_, m)| n > m) {
            best = Some((i, n));
        }
    }
    let Some((at, _)) = best else {
        return Vec::new();
    };
    let (mut first, mut last) = (at, at);
    while last + 1 - first < MAX_TOPIC_WORDS {
        if mentions(first, last + 1) >= 2 {
            last += 1;
        } else if first > 0 && mentions(first - 1, last) >= 2 {
            first -= 1;
        } else {
            break;
        }
    }
    (first..=last).filter_map(word).map(Term::new).collect()
}

/// The place a title names ([`title_scope`]).
pub(crate) enum Scope {
    /// A region of the lexicon ("in Germany").
    Geo(Term),
    /// Any other name, as the words a clause would give ("in New York":
    /// "new", "york").
    Words(Vec<Term>),
}

impl Scope {
    /// Places a figure with no region of its own.
    pub(crate) fn apply(&self, key: &mut SubjectKey) {
        if key.geo.is_some() {
            return;
        }
        match self {
            Scope::Geo(g) => key.geo = Some(*g),
            // "38% of adults in Michigan" in an article on Michigan names it already.
            Scope::Words(words)
                if words
                    .iter()
                    .any(|&w| key.terms.contains(w) || key.base.contains(w)) => {}
            Scope::Words(words) => {
                let mut terms: Vec<Term> = key.terms.iter().chain(words.iter().copied()).collect();
                terms.sort();
                terms.dedup();
                key.terms = Terms::new(&terms);
                let names = key.names.iter().chain(words.iter().copied()).collect();
                key.names = Terms::from_unsorted(names);
            }
        }
    }
}

word_set!(
    /// Words title case may capitalise that end a name ("Jobs in Texas And
    /// Ohio", "Moving to Ohio From Texas").
    is_title_function_word: [
    "and", "or", "of", "for", "with", "the", "a", "an", "vs", "from", "to", "in", "at", "on", "by", "is", "are",
]
);

/// The place a title names after "in", "to", "across" or "throughout":
/// up to three capitalised words that are not a month or a stop word
/// ("Jobs in Texas", "Moving to New York", "Flights to Japan"), when
/// `in_text` finds the text writing it as a place too ("in Texas", "across
/// Texas"; it is given the name): title case capitalises every word, the
/// text only names.
pub(crate) fn title_scope(
    title: &str,
    in_text: &dyn Fn(&str) -> bool,
    lex: &Lexicon,
) -> Option<Scope> {
    let toks = super::token::tokenize(title, 0..title.len(), 0);
    for k in 0..toks.len() {
        if !(is_place_preposition(toks[k].word()) || toks[k].word() == "to") {
            continue;
        }
        let start = k + 1;
        let mut end = start;
        while end < toks.len()
            && end - start < 3
            && toks[end].kind == TokenKind::Word
            && toks[end].capitalized
            && month_number(toks[end].word()).is_none()
            && !is_title_function_word(toks[end].word())
        {
            end += 1;
        }
        if end == start {
            continue;
        }
        let name = &title[toks[start].start..toks[end - 1].end];
        if !in_text(name) {
            continue;
        }
        let words: Vec<Cow<'_, str>> = toks[start..end].iter().map(norm).collect();
        if let Some((Slot::Geo(g), n)) = lex.match_phrase(&words, 0)
            && n == words.len()
        {
            return Some(Scope::Geo(*g));
        }
        // The words a clause naming the place would give ("New Mexico": "mexico").
        let terms: Vec<Term> = words
            .iter()
            .filter(|w| !lex.entry(w).is_some_and(|e| e.stop))
            .map(|w| Term::new(w))
            .collect();
        if !terms.is_empty() {
            return Some(Scope::Words(terms));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{Lexicon, extract_prose};

    /// The subject display of each claim of `text`.
    fn subjects(text: &str) -> Vec<String> {
        extract_prose(text, None, &Lexicon::builtin())
            .iter()
            .map(|c| c.subject.display())
            .collect()
    }

    #[test]
    fn a_bare_count_of_a_role_s_people_is_its_jobs_when_the_sentence_speaks_of_work() {
        // Three writers, one quantity: the jobs of a role.
        for text in [
            "Glaziers held about 58,000 jobs in 2023.",
            "Federal employment figures put the occupation at roughly 58,000 glaziers in 2023.",
            "Glaziers numbered roughly 58,000 in 2023, according to occupational data.",
        ] {
            assert_eq!(subjects(text), ["job · glazier"], "{text}");
        }
        // Workers of a kind are a role, joined names and all.
        assert_eq!(
            subjects("There were roughly 58,000 flat glass and mirror workers in 2023."),
            subjects("Flat glass and mirror workers held roughly 58,000 jobs in 2023."),
        );
        // A noun shaped like an agent's need not be one: without work in
        // the sentence, a count is of what it names.
        assert_eq!(
            subjects("There are about 3,500 bowling centers in the country."),
            ["bowling center"]
        );
    }

    #[test]
    fn the_sales_of_an_industry_s_firms_are_the_industry_s() {
        assert_eq!(
            subjects("US canoe outfitting firms generated revenue of $2.5 billion in 2022."),
            subjects(
                "The US canoe outfitting industry brought in $2.5 billion in revenue in 2022."
            ),
        );
        // A field named with "business" keeps its word.
        assert_ne!(
            subjects("Business analysis companies generated revenue of $2.5 billion in 2022."),
            subjects("Analysis companies generated revenue of $2.5 billion in 2022."),
        );
    }

    #[test]
    fn who_gave_a_figure_after_it_is_its_source() {
        assert_eq!(
            subjects(
                "The US canoe rental market was estimated at $2.5 billion in 2024 by industry analysts."
            ),
            subjects("The US canoe rental market was estimated at $2.5 billion in 2024."),
        );
        assert_eq!(
            subjects(
                "Canoe guides earned a median of $21.40 an hour in the latest BLS wage survey."
            ),
            subjects("Canoe guides earned a median of $21.40 an hour."),
        );
        // Nor is a change in something since a survey.
        assert_eq!(
            subjects(
                "This year's survey shows a 21% decrease in fears about canoe safety since the last survey."
            ),
            subjects("This year's survey shows a 21% decrease in fears about canoe safety."),
        );
        // A field is no document.
        assert_ne!(
            subjects("The BLS counts 420,800 people working in financial analysis."),
            subjects("The BLS counts 420,800 people working."),
        );
    }

    #[test]
    fn a_trade_named_by_its_work_is_the_trade_of_those_who_do_it() {
        // In an article that writes "divers" and "caterers".
        assert_eq!(
            subjects(
                "Divers are in demand: there are some 5,200 commercial diving jobs in the US."
            ),
            subjects("Divers are in demand: commercial divers held some 5,200 jobs in the US."),
        );
        assert_eq!(
            subjects("Caterers are busy. US catering revenue reached $22.4 billion in 2024."),
            subjects("Caterers are busy. US caterers took in $22.4 billion in 2024."),
        );
        // A word that says which kind of a noun stays ("bowling centers"
        // are no bowlers).
        assert_eq!(
            subjects("Bowlers love them: bowling centers employ 64,800 people."),
            ["job · bowling center"]
        );
        // English forms some such nouns otherwise ("nursing", "nurses"): an
        // article that never writes "nurser" keeps "nursing".
        assert_eq!(
            subjects("Nurses are in demand: there are 3.3 million nursing jobs in the US."),
            ["job · nursing · US"]
        );
        // Not for other figures, nor for a word of what is measured.
        assert_ne!(
            subjects("The median catering manager earns $61,000."),
            subjects("The median caterer manager earns $61,000."),
        );
        assert_eq!(
            subjects("Caterers are busy. US spending on catering reached $22.4 billion in 2024."),
            ["sale · caterer · US"]
        );
    }

    #[test]
    fn a_sum_a_trade_takes_in_is_its_sales() {
        for text in [
            "US canoe outfitters brought in roughly $2.5 billion in 2022.",
            "US canoe outfitters took in about $2.5 billion in 2022.",
            "US canoe outfitters pulled in $2.5 billion in 2022.",
        ] {
            assert_eq!(
                subjects(text),
                subjects("US canoe outfitter revenue was about $2.5 billion in 2022."),
                "{text}"
            );
        }
        // So is what its companies take in.
        assert_eq!(
            subjects("US canoe outfitting companies took in about $2.5 billion in 2022."),
            subjects("US canoe outfitting revenue was about $2.5 billion in 2022."),
        );
        // A sum brought in by a named measure keeps its measure.
        assert_ne!(
            subjects("US canoe guides brought in median pay of $41,000 in 2022."),
            subjects("US canoe guides brought in $41,000 in 2022."),
        );
    }

    #[test]
    fn what_a_thing_costs_in_tuition_is_its_tuition() {
        assert_eq!(
            subjects("The average pilot training program costs about $16,000 in tuition."),
            subjects("Tuition for a pilot training program averages roughly $16,000."),
        );
    }

    #[test]
    fn data_that_indicate_a_figure_are_its_source() {
        assert_eq!(
            subjects(
                "National survey data indicate that about 11% of U.S. adults saw a podiatrist in 2024."
            ),
            subjects("About 11% of U.S. adults saw a podiatrist in 2024."),
        );
    }

    #[test]
    fn open_for_business_is_operating() {
        assert_eq!(
            subjects("More than 1,200 cideries were open for business at the close of 2023."),
            subjects("More than 1,200 cideries operated at the close of 2023."),
        );
    }

    #[test]
    fn a_word_of_scope_says_all_of_it_not_which() {
        assert_eq!(
            subjects(
                "The broader glass manufacturing sector employed roughly 270,000 workers in 2023."
            ),
            subjects("The glass manufacturing sector employed roughly 270,000 workers in 2023."),
        );
        assert_eq!(
            subjects("The wider used furniture market is forecast to reach $9 billion by 2029."),
            subjects("The used furniture market is forecast to reach $9 billion by 2029."),
        );
    }

    #[test]
    fn a_sum_that_sizes_an_industry_is_its_market() {
        assert_eq!(
            subjects("The US glazing industry, worth about $9 billion in 2024, keeps growing."),
            ["sale · glazing · US"]
        );
        assert_eq!(
            subjects("Window repair was roughly a $2 billion business in 2024."),
            ["sale · repair window"]
        );
    }

    #[test]
    fn the_services_of_a_trade_are_the_trade() {
        for text in [
            "The window repair services market was worth $2 billion in 2024.",
            "Window repair services brought in $2 billion in revenue in 2024.",
            "The window repair market was worth $2 billion in 2024.",
        ] {
            assert_eq!(subjects(text)[0], "sale · repair window", "{text}");
        }
        assert_eq!(
            subjects(
                "The window repair services market is expected to grow 5% a year through 2030."
            )[0],
            "change in market · repair window"
        );
        // Not what the trade's workers are called.
        assert!(
            subjects("Food service managers earned a median of $65,310 in May 2023.")[0]
                .contains("service")
        );
    }

    #[test]
    fn short_forms_and_spellings_are_one_word() {
        for (a, b) in [
            (
                "Dental lab technicians earned a median of $50,020 in May 2023.",
                "Dental laboratory technicians earned a median of $50,020 in May 2023.",
            ),
            (
                "The U.S. had about 24,500 donut shops in 2024.",
                "The U.S. had about 24,500 doughnut shops in 2024.",
            ),
            (
                "The U.S. had about 52,000 self-storage facilities in 2024.",
                "The U.S. had about 52,000 self-storage locations in 2024.",
            ),
            (
                "Automotive service technicians earned a median of $47,770 in May 2023.",
                "Auto technicians earned a median of $47,770 in May 2023.",
            ),
            (
                "Pharmacy techs earned a median of $40,300 in May 2023.",
                "Pharmacy technicians earned a median of $40,300 in May 2023.",
            ),
            (
                "Radio DJs earned a median of $38,100 in May 2023.",
                "Radio disc jockeys earned a median of $38,100 in May 2023.",
            ),
            (
                "ASL interpreters earned a median of $57,200 in May 2023.",
                "Sign language interpreters earned a median of $57,200 in May 2023.",
            ),
            (
                "Ag pilots earned a median of $77,400 in May 2023.",
                "Agricultural pilots earned a median of $77,400 in May 2023.",
            ),
        ] {
            assert_eq!(subjects(a), subjects(b), "{a}");
        }
    }

    #[test]
    fn reflexive_pronouns_name_nothing() {
        assert_eq!(
            subjects("About 38% of glaziers work for themselves."),
            subjects("About 38% of glaziers work.")
        );
        assert_eq!(
            subjects("The glazing market itself was worth $9 billion in 2024."),
            subjects("The glazing market was worth $9 billion in 2024.")
        );
    }

    #[test]
    fn a_word_of_change_said_of_a_noun_is_no_change() {
        assert_eq!(
            subjects("US climbing gym revenue was $1.2 billion in 2024."),
            ["sale · gym · US"]
        );
        assert_eq!(
            subjects("The growing piano market is worth $5 billion."),
            ["sale · piano"]
        );
        assert_eq!(
            subjects("Piano sales are climbing 5% a year."),
            ["change in sale · piano"]
        );
    }

    #[test]
    fn a_stretch_of_time_is_when_not_what() {
        assert_eq!(
            subjects("Interpreter jobs should grow 9% over the whole 2023-2033 stretch."),
            subjects("Interpreter jobs should grow 9% over 2023-2033.")
        );
        assert_eq!(
            subjects("Interpreter jobs should grow 9% over the entire 2023-2033 span."),
            ["change in job · interpreter"]
        );
    }

    #[test]
    fn expenditures_are_spending() {
        assert_eq!(
            subjects("U.S. pet industry expenditures totaled $129.5 billion in 2023."),
            subjects("Americans spent $129.5 billion on their pets in 2023.")
        );
    }

    #[test]
    fn a_compound_participle_is_what_a_share_is() {
        assert_eq!(
            subjects("About 60% of photographers were self-employed in 2023."),
            ["share of photographer: selfemployed"]
        );
    }

    #[test]
    fn working_remotely_is_working_from_home() {
        assert_eq!(
            subjects("About 42% of medical transcriptionists work remotely."),
            subjects("About 42% of medical transcriptionists work from home.")
        );
    }

    #[test]
    fn a_share_base_takes_the_modifiers_joined_before_its_noun() {
        assert_eq!(
            subjects("Women make up about 33% of ski and snowboard instructors."),
            ["share of instructor ski snowboard: woman"]
        );
        // Two shares, each of its own base.
        assert_eq!(
            subjects("About 45% of adults and 30% of teens said yes."),
            ["share of adult: yes", "share of teen: yes"]
        );
    }

    #[test]
    fn a_clause_opened_by_where_is_of_the_place_before_it() {
        assert_eq!(
            subjects(
                "Texas is the top state, where the median wage for welders reached $61,300 in May 2023."
            ),
            subjects("In Texas, the median wage for welders reached $61,300 in May 2023.")
        );
    }

    #[test]
    fn the_jobs_of_workers_are_the_jobs() {
        assert_eq!(
            subjects(
                "Employment of pest control workers is projected to grow 4% from 2023 to 2033."
            ),
            subjects("Pest control jobs are projected to grow 4% from 2023 to 2033.")
        );
        // "Cumulative" says how a change is summed, not of what.
        assert_eq!(
            subjects(
                "The US mold remediation market grew a cumulative 5.8% between 2019 and 2024."
            ),
            ["change in market · mold remediation · US"]
        );
    }

    #[test]
    fn an_industry_that_grows_is_its_market() {
        assert_eq!(
            subjects(
                "The U.S. voice-over industry is expected to grow about 7% a year through 2030."
            ),
            subjects(
                "The U.S. voice-over market is expected to grow about 7% a year through 2030."
            )
        );
        // Ad spending is advertising spending.
        assert_eq!(
            subjects("Podcast ad spending in the U.S. came to about $1.4 billion in 2023."),
            subjects("U.S. podcast advertising revenue came to about $1.4 billion in 2023.")
        );
    }

    #[test]
    fn the_entire_country_is_the_country() {
        assert_eq!(
            subjects(
                "About 19,400 people were employed as bicycle repairers across the entire country in 2023."
            ),
            subjects("About 19,400 people were employed as bicycle repairers nationwide in 2023.")
        );
    }

    #[test]
    fn people_working_in_a_trade_are_its_jobs() {
        assert_eq!(
            subjects(
                "There are about 14,500 golf course superintendents working in the U.S. in 2024."
            ),
            subjects("Golf course superintendents held about 14,500 jobs in the U.S. in 2024.")
        );
        // "Put ... at" is a verb of estimating, not part of what is counted.
        assert_eq!(
            subjects("The BLS put employment of tile setters at roughly 68,900 in 2023."),
            subjects("Employment of tile setters was roughly 68,900 in 2023.")
        );
        // People who work in or at a kind of place hold its jobs, and so
        // does a workforce that numbers so many.
        for text in [
            "Roughly 52,000 people work at bowling centers.",
            "Roughly 52,000 workers are employed in bowling centers.",
            "The bowling center workforce numbers roughly 52,000.",
        ] {
            assert_eq!(
                subjects(text),
                subjects("Bowling centers employ roughly 52,000 people."),
                "{text}"
            );
        }
        // A trade named with "work" keeps its name; a workforce report is
        // a source, not a workforce.
        assert_eq!(
            subjects("A workforce report counts 2.5 million people working in social work."),
            ["job · social work"]
        );
    }

    #[test]
    fn selling_for_an_average_is_an_average_price() {
        assert_eq!(
            subjects("Reactive bowling balls sell for an average of $265 at retail."),
            subjects("The average retail price of reactive bowling balls is $265.")
        );
    }

    #[test]
    fn going_on_growing_is_growing() {
        assert_eq!(
            subjects(
                "Analysts expect the global piano market to keep growing at 3.5% a year through 2030."
            ),
            subjects(
                "Analysts expect the global piano market to grow at 3.5% a year through 2030."
            )
        );
        assert_eq!(
            subjects("The piano market continues expanding at 3.5% a year."),
            subjects("The piano market is expanding at 3.5% a year.")
        );
    }

    #[test]
    fn a_noun_that_could_be_a_verb_of_saying_opens_its_frame() {
        // "report" and "projects" are both verbs of saying: the first is the
        // noun that does the saying, and neither is what is measured.
        assert_eq!(
            subjects(
                "The same report projects the global mushroom market to grow 9.7% a year \
                 through 2030."
            ),
            subjects(
                "Analysts project the global mushroom market to grow 9.7% a year through 2030."
            )
        );
        // "projects growth of": a verb before a noun of change, unlike
        // "job counts rose", a noun before a verb of change.
        assert!(
            subjects("The same study projects growth of 3.8% a year through 2032.").is_empty(),
            "no subject is written"
        );
        assert_eq!(subjects("Job counts grew 5% in 2024."), ["change in job"]);
        // "valued ... at" states a figure; "the most widely cited estimate"
        // is who states it.
        assert_eq!(
            subjects("Market researchers valued global smart-lock sales at $3.1 billion in 2024."),
            subjects("Global smart-lock sales were $3.1 billion in 2024.")
        );
        assert_eq!(
            subjects(
                "The most widely cited estimate valued the global mushroom market at $50.3 \
                 billion in 2023."
            ),
            subjects("The global mushroom market was worth $50.3 billion in 2023.")
        );
    }

    #[test]
    fn a_name_in_the_possessive_owns_the_source() {
        // The guild and its "American" are whose survey it is, not whose pay.
        assert_eq!(
            subjects(
                "The American Guild of Organists' 2024 compensation survey put the median \
                 salary for full-time organists at $51,000."
            ),
            ["median pay · fulltime organist"]
        );
        assert_eq!(
            subjects(
                "The Guild of Organists' survey put the median salary for full-time organists \
                 at $51,000."
            ),
            ["median pay · fulltime organist"]
        );
    }

    #[test]
    fn a_verb_with_its_particle_before_a_sum_is_no_subject_word() {
        assert_eq!(
            subjects(
                "The average independent bagel shop brings in about $780,000 a year in revenue."
            ),
            subjects("The average independent bagel shop has about $780,000 a year in revenue.")
        );
        // Not a plural noun before a year: "visits in 2023".
        assert_eq!(
            subjects("Library visits in 2023 reached 4.2 million."),
            ["library visit"]
        );
    }

    #[test]
    fn a_relative_clause_says_which_ones() {
        // Graduates who borrowed are not all graduates.
        assert_ne!(
            subjects(
                "Among 2023 graduates who borrowed, average educational debt was about $202,000."
            ),
            subjects("Among 2023 graduates, average educational debt was about $202,000.")
        );
    }

    #[test]
    fn every_one_of_a_kind_is_no_article_topic() {
        // Alone, all occupations are whose figure it is.
        assert_eq!(
            subjects("The median wage for all U.S. occupations was $49,500 in May 2024."),
            ["median pay · all occupation · US"]
        );
        // Beside whose it is, it says the figure is the overall one.
        assert_eq!(
            subjects("The average salary of a glassblower across all industries is $61,000."),
            subjects("The average salary of a glassblower is $61,000.")
        );
        // "The occupation" stands for the article's own, like "the field".
        let claims = extract_prose(
            "The BLS projects employment in the occupation to decline 3% from 2023 to 2033.",
            None,
            &Lexicon::builtin(),
        );
        assert!(claims[0].subject.anaphoric, "{claims:?}");
        // So does "that group", the occupational group just named.
        let claims = extract_prose(
            "As of May 2023, that group's median annual wage was $87,310.",
            None,
            &Lexicon::builtin(),
        );
        assert!(claims[0].subject.anaphoric, "{claims:?}");
    }

    #[test]
    fn an_adverb_in_ly_is_no_subject_word() {
        assert_eq!(
            subjects("About 41% of adults regularly play board games."),
            subjects("About 41% of adults play board games.")
        );
        // Before a verb in the past it says how.
        assert_eq!(
            subjects("Glaziers commonly earned a median wage of $48,200 in May 2024."),
            subjects("Glaziers earned a median wage of $48,200 in May 2024.")
        );
        // So does one whose verb's object opens with a hedge.
        assert_eq!(
            subjects("Glass studios directly employed roughly 9,400 people in 2023."),
            subjects("Glass studios employed roughly 9,400 people in 2023.")
        );
        // Before a participle it says which ones.
        assert_ne!(
            subjects("About 41% of privately insured adults saw a dentist in 2023."),
            subjects("About 41% of insured adults saw a dentist in 2023.")
        );
        // Nouns and adjectives in "-ly" stay.
        assert_ne!(
            subjects("About 41% of elderly patients saw a dentist in 2023."),
            subjects("About 41% of patients saw a dentist in 2023.")
        );
        // Nor does a place adverb after a participle of doing.
        assert_eq!(
            subjects("There were roughly 12,800 urgent care centers operating nationwide in 2023."),
            subjects("There were roughly 12,800 urgent care centers in 2023.")
        );
    }

    #[test]
    fn a_name_that_states_a_figure_is_its_source() {
        assert_eq!(
            subjects("Harborline projects U.S. ferry revenue to grow 4.1% a year through 2029."),
            ["change in revenue · ferry · US"]
        );
        assert_eq!(
            subjects("It expects ferry revenue to rise 4.1% in 2029."),
            ["change in revenue · ferry"]
        );
        // Officials, experts and executives say where a figure comes from.
        assert_eq!(
            subjects("Port officials said 7.5 million passengers sailed in 2024."),
            subjects("7.5 million passengers sailed in 2024.")
        );
        // A name that tells of its own keeps it.
        assert_eq!(
            subjects("Harborline said it had 6.9 million riders in 2024."),
            ["harborline rider"]
        );
        // Data that "place" a figure somewhere state it, as they "put" it.
        assert_eq!(
            subjects(
                "Federal data for May 2023 place the median salary of sign makers at $41,300."
            ),
            subjects("Federal data for May 2023 put the median salary of sign makers at $41,300.")
        );
        assert_eq!(
            subjects("Federal data for May 2023 put the median salary of sign makers at $41,300."),
            ["median pay · maker sign"]
        );
    }

    #[test]
    fn a_fraction_restated_in_brackets_is_a_share_at_the_percentage() {
        let text = "In 2023, about a quarter (24%) of adults with tattoos regretted one.";
        assert_eq!(
            subjects(text),
            subjects("In 2023, 24% of adults with tattoos regretted one.")
        );
        let claims = extract_prose(text, None, &Lexicon::builtin());
        assert_eq!(claims[0].value, 24.0);
        assert_eq!(
            subjects("Half (50%) of renters moved in 2023."),
            ["share of renter:"]
        );
    }

    #[test]
    fn a_relative_clause_after_a_name_is_about_the_name() {
        assert_eq!(
            subjects("No city comes close to Chicago, which has 412,000 lead pipes."),
            subjects("Chicago has 412,000 lead pipes.")
        );
        // A name that is the whole clause keeps all its words.
        assert_eq!(
            subjects("The Port of Brackwater, which moved 2.4 million TEU in 2024, grew."),
            ["brackwater port teu"]
        );
    }

    #[test]
    fn a_share_lost_once_is_a_fall_and_lost_every_month_a_churn_rate() {
        assert_eq!(
            subjects("Colleges lost 10.1% of their students between fall 2019 and fall 2022."),
            ["change in college student"]
        );
        // Data sizes are amounts of a unit.
        assert_eq!(
            subjects("The average phone used 19 GB of mobile data a month in 2024."),
            ["average use · data gigabyte mobile phone"]
        );
        // A churn rate says how often: monthly churn is not yearly churn.
        assert_eq!(
            subjects("Budget clubs lose about 3.9% of their members every month."),
            ["share of member: budget · club lose monthly"]
        );
    }

    #[test]
    fn a_season_after_its_year_is_a_date() {
        let plain = subjects("Resorts sold 2.3 million passes in 2023.");
        assert_eq!(
            subjects("Resorts sold 2.3 million passes for the 2023/24 season."),
            plain
        );
        assert_eq!(
            subjects("Resorts sold 2.3 million passes in the 2023-24 winter."),
            plain
        );
        assert_eq!(
            subjects("Resorts sold 2.3 million passes in the 2023 season."),
            plain
        );
    }

    #[test]
    fn made_up_of_a_dated_base_is_a_share_of_it() {
        assert_eq!(
            subjects("First-time visitors made up 27% of 2024 passengers."),
            ["share of passenger: firsttime visitor"]
        );
        assert_eq!(
            subjects("Fares are now about 40% of the 2021 peak."),
            ["share of peak: fare"]
        );
    }

    #[test]
    fn an_average_day_is_a_frequency_not_an_average() {
        let text = "Clinics see 2,400 walk-in patients on an average day.";
        assert_eq!(
            subjects(text),
            subjects("Clinics see 2,400 walk-in patients every day.")
        );
        let claims = extract_prose(text, None, &Lexicon::builtin());
        assert_eq!(claims[0].per, Some(super::super::Per::Day));
    }

    #[test]
    fn a_label_that_names_a_population_is_the_base_of_its_percentage() {
        assert_eq!(
            subjects("- **Schools with a teaching vacancy**: 45%\n"),
            subjects("45% of schools had a teaching vacancy.")
        );
        assert_eq!(
            subjects("- **Firms reporting project delays**: 45%\n"),
            ["share of company: delay project"]
        );
        // A label of one noun names what is measured, not who.
        assert_eq!(subjects("- **Vacancy rate**: 45%\n"), ["posting"]);
        // A percentage that is the subject of its verb is a share.
        assert_eq!(
            subjects("Of the clinics asked, 22% had cut their hours in 2024."),
            ["clinic"]
        );
    }

    #[test]
    fn a_verb_in_the_past_tense_is_not_a_subject_word() {
        assert_eq!(
            subjects("In 2024, rideshare drivers netted just $10.40 an hour."),
            subjects("In 2024, rideshare drivers cleared $10.40 an hour.")
        );
        // "were renting" is what they did, as "rented" is.
        assert_eq!(
            subjects("In 2020, 13% of households were renting a storage unit."),
            subjects("In 2020, 13% of households rented a storage unit.")
        );
        // What counted things underwent is what is counted; where they
        // lived is not.
        assert_ne!(
            subjects("About 9.6 million plasma units transfused in 2022 came from donors."),
            subjects("About 400,000 plasma units outdated in 2022 came from donors.")
        );
        assert_eq!(
            subjects("In 2023, 13.8 million children lived in food-insecure households."),
            subjects("In 2023, 13.8 million children were in food-insecure households.")
        );
        // A participle with "un-" is what they are, not what they did.
        assert_eq!(
            subjects("In 2023, 12.6% of drivers were uninsured."),
            ["share of driver: uninsured"]
        );
        // That things operate or exist says nothing of which they are.
        assert_eq!(
            subjects("More than 20,500 funeral homes operate nationwide."),
            subjects("There are more than 20,500 funeral homes nationwide.")
        );
        // What someone "made" by the hour is their pay.
        assert_eq!(
            subjects("In 2024, rideshare drivers made $10.40 an hour."),
            ["pay · driver rideshare"]
        );
        let kept = subjects("In 2024, 41% of registered nurses worked nights.");
        assert!(kept[0].contains("registered"), "{kept:?}");
    }

    #[test]
    fn the_kind_of_a_year_dates_a_figure_and_is_not_its_subject() {
        assert_eq!(
            subjects("Public college tuition averaged $11,610 in the 2024-25 school year."),
            subjects("Public college tuition averaged $11,610 in 2024.")
        );
        // Not before another noun: "public school teachers".
        assert_eq!(
            subjects("Public school teachers earned $69,544 in 2023."),
            ["pay · public school teacher"]
        );
    }

    #[test]
    fn another_share_s_base_is_not_this_share_s_subject() {
        assert_eq!(
            subjects("Mobile devices made up 60% of web traffic in 2023 but only 45% of sales."),
            [
                "share of traffic web: device mobile",
                "share of sale: device mobile"
            ]
        );
    }

    #[test]
    fn a_possessive_in_a_share_s_base_is_followed_by_its_noun() {
        assert_eq!(
            subjects("Women received 58% of bachelor's degrees in 2023."),
            ["share of bachelor degree: woman"]
        );
    }

    #[test]
    fn a_subject_reads_as_measure_whose_and_where() {
        let text = "The median travel nurse salary in the US is $98,000 in 2025.";
        let claims = super::super::extract_prose(text, None, &Lexicon::builtin());
        let subject = &claims[0].subject;
        let (measure, entity) = subject.measure_and_entity();
        assert_eq!((measure.len(), entity.len()), (1, 2));
        assert_eq!(subject.display(), "median pay · nurse travel · US");
        // In the clause's own order.
        assert_eq!(
            subject.display_in(&text[claims[0].context.clone()]),
            "median pay · travel nurse · US"
        );
    }

    #[test]
    fn an_introduction_that_picks_a_group_names_whose_figure_it_is() {
        // A national word alone after it says only that the figure is the
        // country's.
        assert_eq!(
            subjects("For a standard residential lockout, the national average comes to $150."),
            subjects("For a standard residential lockout, the average comes to $150.")
        );
        assert_eq!(
            subjects("Among Black workers, unemployment was 6.1% in 2024."),
            subjects("Unemployment among Black workers was 6.1% in 2024.")
        );
        assert_ne!(
            subjects("Among Black workers, unemployment was 6.1% in 2024."),
            subjects("In the US, unemployment was 6.1% in 2024.")
        );
        // A clause with its own group keeps it; "for all the ..." links.
        let s = subjects(
            "Among Black workers, unemployment was 6.1% in 2024, and among Hispanic workers it was 5.0%.",
        );
        assert!(!s[1].contains("black"), "{s:?}");
        // A percentage that opens its clause is a share of the group.
        assert_eq!(
            subjects("Among renters in Idaho, 31% paid rent late in 2023."),
            subjects("In 2023, 31% of renters in Idaho paid rent late.")
        );
        assert_eq!(
            subjects(
                "For all the talk about offices, staff work from home on 40% of days in 2024."
            ),
            subjects("Staff work from home on 40% of days in 2024.")
        );
    }

    #[test]
    fn months_date_a_figure_and_are_not_its_subject() {
        assert_eq!(
            subjects("The median home sold for $330,000 in December 2024."),
            ["median price · home"]
        );
        assert_eq!(
            subjects("In March 2025, trains ran on time 91% of the time."),
            subjects("Trains ran on time 91% of the time in 2025.")
        );
    }

    #[test]
    fn the_source_of_a_figure_is_not_its_subject() {
        let s = subjects("The Bureau of Labor Statistics counts 90,000 people working in nursing.");
        assert_eq!(s, ["job · nursing"]);
        let s = subjects("A national employer poll counts 90,000 people working in nursing.");
        assert_eq!(s, ["job · nursing"]);
        let s = subjects(
            "The association's latest profile puts the median income of a nurse at $79,000 for 2023.",
        );
        assert_eq!(s, ["median pay · nurse"]);
        // Without a source, the words before a reporting verb stay.
        let s = subjects("Nurses say they earn $80,000 a year.");
        assert_eq!(s, ["pay · nurse"]);
        // "counts" as a noun is not a reporting verb.
        let s = subjects("Job counts in nursing rose 5% in 2024.");
        assert_eq!(s, ["change in job · nursing"]);
    }

    #[test]
    fn a_figure_that_refers_back_takes_the_previous_figure_s_subject() {
        let s = subjects(
            "A recent industry survey counts 90,000 people working in nursing, a figure expected to rise 12% by 2030.",
        );
        assert_eq!(s, ["job · nursing", "change in job · nursing"]);
    }

    #[test]
    fn kept_figures_before_a_verb_of_saying_frame_the_clause() {
        for text in [
            "Industry forecasts call for revenue to grow 2.3% through 2029.",
            "Industry projections call for revenue to grow 2.3% through 2029.",
        ] {
            assert_eq!(subjects(text), ["change in revenue"], "{text}");
        }
        // A clause joined by "and" may open with its frame.
        assert_eq!(
            subjects(
                "BLS counted 8,300 jobs in 2023, and it projects glass cutter employment to fall 3% through 2033."
            ),
            ["job", "change in job · cutter glass"]
        );
        // A median of money over workers is their pay; a price a ton is not.
        assert_eq!(
            subjects("The median for glass workers was $40,100 in May 2023."),
            ["median pay · glass worker"]
        );
        assert!(
            subjects("Glass workers paid an average of $62.28 a ton in 2024.")
                .iter()
                .all(|s| !s.contains("pay ·"))
        );
        // An agency's acronym before its median says who reports it.
        assert_eq!(
            subjects("The BLS median wage for glass cutters was $42,100 in May 2023."),
            ["median pay · cutter glass"]
        );
        // So does one before its dated figures.
        assert_eq!(
            subjects(
                "The median pay for glass cutters came to $42,100 in the BLS's May 2023 numbers."
            ),
            ["median pay · cutter glass"]
        );
    }

    #[test]
    fn a_head_after_a_count_counts_livestock() {
        for text in [
            "US beef cows totaled 27.9 million head in 2025.",
            "The US had 27.9 million beef cows in 2025.",
        ] {
            assert_eq!(subjects(text), ["beef cow · US"], "{text}");
        }
        let s = subjects("A head baker earned a median of $48,000 in 2025.");
        assert!(s[0].contains("head"), "{s:?}");
    }

    #[test]
    fn a_preliminary_estimate_is_of_the_clause_s_subject() {
        let s = subjects(
            "The firm valued the worldwide ornamental fish market at $5.8 billion in 2024, with a preliminary estimate of $6.1 billion for 2025.",
        );
        assert_eq!(s[0], s[1], "{s:?}");
    }

    #[test]
    fn a_herd_or_a_flock_is_its_animals() {
        let s = subjects("The US sheep flock stood at 5.6 million in 2024.");
        assert_eq!(s, subjects("The US had 5.6 million sheep in 2024."));
        assert_eq!(s, ["sheep · US"]);
    }

    #[test]
    fn being_in_service_says_things_exist_not_which() {
        for text in [
            "The U.S. had roughly 860,000 elevators in service in 2023.",
            "The U.S. had roughly 860,000 elevators in 2023.",
        ] {
            assert_eq!(subjects(text), ["elevator · US"], "{text}");
        }
    }

    #[test]
    fn respondents_are_the_people_a_survey_is_of() {
        let s = subjects(
            "In a 2024 survey of 5,012 students at 88 colleges, 65% of respondents said they had skipped a required textbook.",
        );
        assert!(s[0].starts_with("share of student:"), "{s:?}");
    }

    #[test]
    fn people_on_payrolls_are_jobs() {
        for text in [
            "The survey counted 204,300 bakers on U.S. payrolls in 2023.",
            "Payroll employment of bakers stood at 204,300 in 2023.",
        ] {
            let s = subjects(text);
            assert!(s[0].starts_with("job · baker"), "{text}: {s:?}");
        }
        // Payroll alone is money.
        let s = subjects("Small bakeries spend 32% of revenue on payroll.");
        assert!(!s[0].contains("job"), "{s:?}");
    }

    #[test]
    fn a_population_taken_whole_is_whose_a_bare_measure_is() {
        let s =
            subjects("Across all security guards, the median annual wage was $34,120 in May 2024.");
        assert_eq!(s, ["median pay · guard security"]);
        // A clause that names its own subject only hears "overall".
        let s =
            subjects("Across all causes, the average homeowners claim came to $15,750 in 2023.");
        assert!(!s[0].contains("cause"), "{s:?}");
    }

    #[test]
    fn a_relative_clause_set_off_by_commas_describes_the_noun_before_it() {
        let s = subjects(
            "For comparison, glassblowers, who work long hours at the furnace, earned a median of $41,000 in May 2023.",
        );
        assert_eq!(s, ["median pay · glassblower"]);
        // A clause about the whole sentence before is no aside.
        let s = subjects(
            "Membership grew 4%, which means that average revenue per member slipped, to roughly $55.",
        );
        // (In money, revenue is the sales measure.)
        assert!(s.iter().any(|x| x.contains("sale")), "{s:?}");
        // So does a connective: its noun is whose the figure is.
        let s =
            subjects("Glass cutters, for example, had a median hourly wage of $21.40 in May 2024.");
        assert_eq!(s, ["median pay · cutter glass"]);
    }

    #[test]
    fn losing_things_is_a_fall_as_losing_them_was() {
        for text in [
            "Urban areas are losing about 36 million trees each year.",
            "Urban areas lost about 36 million trees between 2009 and 2014.",
        ] {
            assert_eq!(subjects(text), ["change in tree urban"], "{text}");
        }
    }

    #[test]
    fn what_people_reported_doing_is_what_they_did() {
        assert_eq!(
            subjects("About 7.6% of adults reported attending a live opera in 2022."),
            ["share of adult: live opera"]
        );
        // A modifier of a noun stays.
        assert_eq!(
            subjects("In 2024, 96% of agencies reported staffing gaps."),
            ["share of agency: gap · staffing"]
        );
    }

    #[test]
    fn a_participle_after_a_comma_goes_on_from_the_clause_before() {
        assert_eq!(
            subjects("Glass producers set a record in 2020, turning out 212 million panes."),
            ["glass pane producer"]
        );
        // A part of what the clause before names is not more of it.
        assert_eq!(
            subjects("Wineries opened across the West, including about 4,800 in California."),
            ["california"]
        );
    }

    #[test]
    fn a_topic_is_the_compound_its_title_repeats() {
        let lex = Lexicon::builtin();
        let topic = |front: &str| -> Vec<String> {
            super::topic_of(front, "", &lex)
                .iter()
                .map(|t| t.as_str().to_string())
                .collect()
        };
        assert_eq!(
            topic("Solar Panel Prices\nWhat solar panels cost this year\n"),
            ["solar", "panel"]
        );
        // Written once with each neighbour: the word alone.
        assert_eq!(
            topic("Solar Installer or Electrician?\nTwo solar careers compared\n"),
            ["solar"]
        );
        // A measure word is no part of whose figures they are.
        assert_eq!(topic("Solar Costs\nWhat solar costs\n"), ["solar"]);
        assert!(topic("A Guide\n").is_empty());
    }

    #[test]
    fn measure_words_alone_are_about_the_article_s_topic() {
        let text = "---\ntitle: Radiology Careers - Is Radiology for You?\n---\nThey command average salaries of $98,000, \
                    notably higher than the typical hospital wage.";
        assert_eq!(subjects(text), ["average pay · radiology"]);
        // A subject of its own keeps its words.
        let text = "---\ntitle: Radiology Careers - Is Radiology for You?\n---\nAverage salaries of nurses are $88,000.";
        assert_eq!(subjects(text), ["average pay · nurse"]);
    }

    #[test]
    fn people_in_general_stand_for_the_previous_clause_s_subject() {
        let s = subjects(
            "Entry-level accountants in Ohio earn roughly $60,000, while senior staff report closer to $120,000.",
        );
        assert_eq!(
            s,
            [
                "entry pay · accountant ohio",
                "senior pay · accountant ohio worker"
            ]
        );
    }

    #[test]
    fn a_with_phrase_of_measure_words_is_about_the_clause_it_hangs_from() {
        let s = subjects(
            "Welders in Ohio are in high demand, with a median salary of $52,000 in 2023.",
        );
        assert_eq!(s, ["median pay · ohio welder"]);
        // A "with" phrase that names its own subject keeps it.
        let s = subjects(
            "Welders in Ohio are in high demand, with plumbers earning a median $61,000 in 2023.",
        );
        assert_eq!(s, ["median pay · plumber"]);
    }

    #[test]
    fn an_introduction_that_names_a_place_joins_the_subject() {
        let s = subjects("In Oregon, the average salary for a nurse is $79,000 a year.");
        assert_eq!(s, ["average pay · nurse oregon"]);
        let s = subjects("Across Southeast Asia, nurse vacancies rose 12% in 2023.");
        assert!(s[0].contains("southeast"), "{s:?}");
        // Not a place: a linking phrase, a source, a date.
        for text in [
            "In fact, the average salary for a nurse is $79,000 a year.",
            "In Indeed's data, the average salary for a nurse is $79,000 a year.",
            "In March, the average salary for a nurse was $79,000.",
        ] {
            assert_eq!(subjects(text), ["average pay · nurse"], "{text}");
        }
    }

    #[test]
    fn an_introduction_of_scope_narrows_the_subject() {
        let s = subjects("In healthcare, remote job postings rose 35% in 2024.");
        assert!(s[0].contains("healthcare"), "{s:?}");
        let s = subjects("At Northwind, the average salary for a nurse is $79,000 a year.");
        assert_eq!(s, ["average pay · northwind nurse"]);
        // Linking phrases, pronouns and the text itself set no scope.
        for text in [
            "On the other hand, the average salary for a nurse is $79,000 a year.",
            "At that point, the average salary for a nurse is $79,000 a year.",
            "In this guide, the average salary for a nurse is $79,000 a year.",
            "Beyond that, the average salary for a nurse is $79,000 a year.",
            // A sample or the whole is no scope either.
            "Across thousands of pay stubs, the average salary for a nurse is $79,000 a year.",
            "Across all hospitals, the average salary for a nurse is $79,000 a year.",
        ] {
            assert_eq!(subjects(text), ["average pay · nurse"], "{text}");
        }
        // What an introduction leaves out is not the figure's place.
        let s = subjects("Outside the US, the average salary for a nurse is $52,000 a year.");
        assert_eq!(s, ["average pay · US nurse outside"]);
    }

    #[test]
    fn a_title_names_the_place_the_text_names_too() {
        use super::{Scope, title_scope};
        let lex = Lexicon::builtin();
        let scope = |title: &str, text: &'static str| {
            let in_text = move |name: &str| text.contains(&format!("in {name}"));
            match title_scope(title, &in_text, &lex) {
                Some(Scope::Geo(g)) => format!("geo {}", g.as_str()),
                Some(Scope::Words(w)) => w.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(" "),
                None => "none".into(),
            }
        };
        assert_eq!(
            scope("Moving to New Mexico", "Life in New Mexico is slow."),
            "mexico"
        );
        assert_eq!(
            scope("Nursing Jobs in Germany", "Hospitals in Germany hire."),
            "geo DE"
        );
        // Title case capitalises every word: the text must name the place.
        assert_eq!(scope("Moving to Tucson", "Rents are rising."), "none");
        assert_eq!(
            scope("How to Become a Nurse", "Become a nurse in two years."),
            "none"
        );
        assert_eq!(scope("Salary Guide in 2025", "In 2025, pay rose."), "none");
    }

    #[test]
    fn one_thing_of_a_kind_is_the_articles_own() {
        // Which event's ticket, which city's hotel: the clause does not say.
        assert!(subjects("A ticket costs $25 at the door.").is_empty());
        assert!(subjects("A night in a mid-range hotel costs about $180.").is_empty());
        // A region, a name or a source says it.
        assert_eq!(subjects("A nurse earns $72,000 a year in the US.").len(), 1);
        assert_eq!(subjects("A Tesla Model 3 costs $42,000.").len(), 1);
        assert_eq!(
            subjects("A survey of 2,000 drivers found that 61% worry about charging.").len(),
            1
        );
    }

    #[test]
    fn graduate_students_are_no_career_level() {
        let s = subjects("The average graduate borrower owes $84,000 in 2024.");
        assert!(!s[0].starts_with("entry"), "{s:?}");
        let s = subjects("Recent graduates earn a median of $58,000 in 2024.");
        assert!(s[0].contains("entry"), "{s:?}");
    }

    #[test]
    fn a_fee_alone_is_the_articles_own() {
        // With no topic to stand for it, the subject stays as written; the
        // corpus test shows two programs' tuition kept apart by their topics.
        assert_eq!(
            subjects("Tuition runs $1,500 on average."),
            ["average tuition"]
        );
    }

    #[test]
    fn a_contract_is_no_decline() {
        // "contract" is the noun in figures ("a rookie contract pays"); the
        // verb of a decline is told as "contracted".
        let s = subjects("Her rookie contract pays $76,535 in 2024.");
        assert!(!s[0].starts_with("change"), "{s:?}");
        let s = subjects("The economy contracted 2% in 2020.");
        assert!(s[0].starts_with("change"), "{s:?}");
    }

    #[test]
    fn a_relative_clause_sorts_a_shares_base() {
        // The clause goes on past "who" to what the share says.
        let s = subjects("In 2024, 64% of students who start college finish a degree.");
        assert!(s[0].contains("finish"), "{s:?}");
        assert!(s[0].contains("start"), "{s:?}");
    }

    #[test]
    fn a_past_verb_ends_a_shares_base() {
        assert_eq!(
            subjects("In 2024, 22% of the US workforce worked remotely."),
            subjects("In 2024, 22% of US workers worked remotely.")
        );
    }

    #[test]
    fn a_share_does_not_repeat_its_base() {
        assert_eq!(
            subjects("Remote job postings made up 8% of all job postings in 2024."),
            subjects("In 2024, 8% of job postings were remote.")
        );
    }

    #[test]
    fn late_early_and_on_time_say_how() {
        let s = subjects("About 21% of flights arrived late in 2024.");
        assert!(s[0].ends_with("late"), "{s:?}");
        let s = subjects("About 78% of flights arrived on time in 2024.");
        assert!(s[0].ends_with("on time"), "{s:?}");
        // A date: "in late 2024", "early May".
        let s = subjects("Mortgage rates hit 7.8% in late 2023.");
        assert!(!s[0].contains("late"), "{s:?}");
    }

    #[test]
    fn its_is_the_name_of_the_clause_before() {
        let s = subjects(
            "Frontier had the worst record, with only 64% of its flights on time in 2024.",
        );
        assert!(s[0].contains("frontier"), "{s:?}");
        let s = subjects("Idaho has no estate tax, and its sales tax rate is 6% in 2025.");
        assert!(s[0].contains("idaho"), "{s:?}");
    }

    #[test]
    fn the_part_of_a_year_is_no_subject_word() {
        let s = subjects("The average card rate was 21.5% in the third quarter of 2024.");
        assert!(!s[0].contains("third"), "{s:?}");
    }

    #[test]
    fn a_passive_of_finding_is_no_source() {
        let s = subjects("The BRCA mutation is found in 12% of breast cancer patients.");
        assert!(s[0].contains("brca mutation"), "{s:?}");
        // The active verb still frames: who found it is not the subject.
        let s = subjects("A Pew survey found 12% of adults use the app.");
        assert!(!s[0].contains("pew"), "{s:?}");
    }

    #[test]
    fn total_pay_is_not_the_salary() {
        let total = subjects("The median total compensation for product managers was $210,000.");
        let base = subjects("The median salary for product managers was $210,000.");
        assert_ne!(total, base);
    }

    #[test]
    fn a_negated_group_is_another_group() {
        let with = subjects("In 2024, 3% of adults with insurance skipped care.");
        let without = subjects("In 2024, 8% of adults without insurance skipped care.");
        assert_ne!(with, without);
        let not = subjects("Adults who do not smoke have a 20% lower risk of stroke.");
        assert!(not[0].contains("not"), "{not:?}");
    }

    #[test]
    fn a_name_keeps_its_version() {
        for (a, b) in [
            ("Node.js 20", "Node.js 18"),
            ("iOS 17", "iOS 16"),
            ("GPT-4", "GPT-3.5"),
            ("Ubuntu 22.04", "Ubuntu 20.04"),
        ] {
            let sa = subjects(&format!("{a} is used by 45% of developers in 2024."));
            let sb = subjects(&format!("{b} is used by 45% of developers in 2024."));
            assert_ne!(sa, sb, "{a} / {b}");
        }
        let s = subjects("COVID-19 deaths fell 40% in 2023.");
        assert_eq!(s, ["change in covid-19 death"]);
        // Times are read by the period, not kept as names.
        let s = subjects("In Q3, nurse vacancies rose 12% from Mid-2023 levels.");
        assert!(!s[0].contains("q3") && !s[0].contains("mid"), "{s:?}");
    }

    #[test]
    fn a_movement_between_two_names_keeps_its_direction() {
        let there = subjects("In 2024, 40,000 people moved from Texas to California.");
        let back = subjects("In 2024, 40,000 people moved from California to Texas.");
        assert_ne!(there, back);
        let s = subjects("Exports from the US to Canada rose 8% in 2024.");
        assert!(s[0].contains("from us") && s[0].contains("to ca"), "{s:?}");
    }

    #[test]
    fn words_of_comparing_are_not_the_subject() {
        let s = subjects(
            "Nurses in Ohio earn $80,000 a year, compared with $75,000 for nurses in Indiana.",
        );
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s.iter().all(|s| !s.contains("compar")), "{s:?}");
        assert!(s.iter().any(|s| s.contains("indiana")), "{s:?}");
    }

    #[test]
    fn a_place_after_the_base_of_a_share_narrows_the_base() {
        assert_eq!(
            subjects("About 64% of riders in Chicago felt safe on trains in 2024."),
            subjects("About 64% of Chicago riders felt safe on trains in 2024.")
        );
        assert_eq!(
            subjects("About 64% of riders in the United States felt safe in 2024."),
            subjects("About 64% of riders felt safe in the United States in 2024.")
        );
        assert_eq!(
            subjects("About 41% of growers in Kansas cut nitrogen use in 2023."),
            subjects("About 41% of Kansas growers cut nitrogen use in 2023.")
        );
        assert_eq!(
            subjects("In Michigan, 47% of adults got a flu shot in 2024."),
            subjects("About 47% of adults in Michigan got a flu shot in 2024.")
        );
        // Of a group of workers, where they work is the share.
        assert_eq!(
            subjects("About 24% of glaziers are employed by contractors."),
            subjects("About 24% of glaziers work for contractors.")
        );
        assert_eq!(
            subjects("About 24% of glaziers work for contractors.")[0],
            "share of glazier: contractor"
        );
        // The workforce of a trade named by its worker is those workers.
        assert_eq!(
            subjects("Women account for about 6% of the glazier workforce."),
            subjects("Women make up about 6% of glaziers.")
        );
        // After a colon the sentence opens again.
        assert_eq!(
            subjects("Location matters: in Oregon, potters earn a median of $61,000."),
            subjects("In Oregon, potters earn a median of $61,000.")
        );
        // Lowercase words after "in" are not a place.
        let s = subjects("About 64% of riders in cars felt safe in 2024.");
        assert!(s[0].contains("car"), "{s:?}");
    }

    #[test]
    fn a_role_noun_after_an_occupation_only_classifies_it() {
        let plain = subjects("The median salary of a dental hygienist in Texas is $81,000 a year.");
        for text in [
            "The median salary of a dental hygienist job in Texas is $81,000 a year.",
            "The median salary of a dental hygienist job profile in Texas is $81,000 a year.",
            "The median salary for the dental hygienist role in Texas is $81,000 a year.",
        ] {
            assert_eq!(subjects(text), plain, "{text}");
        }
        // Counted jobs, and "job" before what is measured, are the measure.
        let s = subjects("Dental hygienist jobs in Texas grew 11% in 2023.");
        assert!(s[0].contains("job"), "{s:?}");
        let s = subjects("Dental hygienist job openings in Texas grew 11% in 2023.");
        assert!(s[0].contains("posting"), "{s:?}");
        // A role noun with no occupation before it stays.
        let s = subjects("The median salary for this role in Texas is $81,000 a year.");
        assert!(s[0].contains("job"), "{s:?}");
        // An adjective says which job: "a temporary job" is not "temporary".
        for text in [
            "The median salary for a temporary job in Texas is $81,000 a year.",
            "The median salary for a remote job in Texas is $81,000 a year.",
        ] {
            let s = subjects(text);
            assert!(s[0].contains("job"), "{text}: {s:?}");
        }
    }
}
