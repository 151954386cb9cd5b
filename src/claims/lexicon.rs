//! The topic lexicon: synonyms, qualifier words (geography, aggregate, career
//! level), stop words and default tolerances, loaded from the YAML embedded at
//! build time and optionally extended by the user's `copydesk.yaml`.
//!
//! Only data and lookups live here. How a clause is turned into a subject key is
//! in `subject.rs`; the grammar words of numbers, hedges and time qualifiers are
//! fixed tables in `number.rs` and `period.rs` because they are English
//! grammar, not project vocabulary.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::number::Unit;
use super::term::Term;

/// The lexicon shipped with copydesk (`rules/claims/lexicon.yaml`).
const BUILTIN_YAML: &str = include_str!("../../rules/claims/lexicon.yaml");

/// Tolerances used when comparing two figures and two subjects.
///
/// The defaults come from the `tolerances` section of the built-in lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tolerances {
    /// Relative tolerance applied to every figure (0.05 = 5 %).
    pub rel_tol: f64,
    /// Absolute tolerance for percentages, in percentage points, added on
    /// each side of an exact figure when it exceeds the relative one (so
    /// 3.4% and 4.1% inflation in the same year still disagree).
    pub pct_abs_tol: f64,
    /// Half-width of the interval given to "about", "roughly" and the like,
    /// relative to the figure.
    pub approx_tol: f64,
    /// Minimum weighted overlap of two subjects' term sets (0..=1).
    pub subject_threshold: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Lexicon::builtin().tolerances
    }
}

/// Optional overrides of [`Tolerances`], as written in YAML.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct TolerancesSpec {
    /// See [`Tolerances::rel_tol`].
    pub rel_tol: Option<f64>,
    /// See [`Tolerances::pct_abs_tol`].
    pub pct_abs_tol: Option<f64>,
    /// See [`Tolerances::approx_tol`].
    pub approx_tol: Option<f64>,
    /// See [`Tolerances::subject_threshold`].
    pub subject_threshold: Option<f64>,
}

/// A lexicon as written in YAML: the built-in file and the `claims.lexicon`
/// section of `copydesk.yaml` share this shape. Every field is optional.
///
/// ```yaml
/// synonyms:        { pay: [salary, wage, compensation] }   # canonical -> phrases
/// geo:             { US: [us, u.s., united states] }
/// aggregates:      { median: [median] }
/// levels:          { entry: [entry-level, junior] }
/// generic_heads:   [field, industry]
/// stop_words:      [expected, projected]
/// keep_words:      [record]          # remove these from the stop words
/// title_stop_words: [guide, tips]
/// tolerances:      { rel_tol: 0.05 }
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LexiconSpec {
    /// Canonical subject term -> phrases that mean it.
    pub synonyms: BTreeMap<String, Vec<String>>,
    /// Canonical region -> phrases that name it.
    pub geo: BTreeMap<String, Vec<String>>,
    /// Canonical aggregate (average, median) -> words.
    pub aggregates: BTreeMap<String, Vec<String>>,
    /// Canonical career level -> words.
    pub levels: BTreeMap<String, Vec<String>>,
    /// Nouns that only name "an area" and are dropped from subjects.
    pub generic_heads: Vec<String>,
    /// Words that never belong to a subject.
    pub stop_words: Vec<String>,
    /// Words to take back out of the stop words (user overrides).
    pub keep_words: Vec<String>,
    /// Extra words ignored when reading an article's topic from its title.
    pub title_stop_words: Vec<String>,
    /// Tolerance overrides.
    pub tolerances: TolerancesSpec,
}

/// A small multiplicative hasher for short string keys. The standard
/// SipHash is built to resist hash flooding, which word lookups on the
/// project's own articles do not need, and it dominated profiles.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash map keyed by short strings or ids, using [`WordHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

/// What a lexicon phrase stands for once matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A subject term (canonical form).
    Term(Term),
    /// A region.
    Geo(Term),
    /// An aggregate such as median or average.
    Aggregate(Term),
    /// A career level.
    Level(Term),
    /// Words that carry no subject together ("home to", "set aside"), from
    /// a `stop_words` entry of several words.
    Stop,
}

#[derive(Debug, Clone)]
struct Phrase {
    words: Vec<String>,
    slot: Slot,
}

/// Everything the lexicon knows about one normalised word, so a token costs
/// one lookup.
#[derive(Debug, Clone, Default)]
pub(crate) struct Entry {
    /// Phrases starting with this word, longest first.
    phrases: Vec<Phrase>,
    /// Never part of a subject.
    pub stop: bool,
    /// "field", "industry".
    pub generic: bool,
    /// Ignored when reading a topic from a title.
    title_stop: bool,
}

impl Entry {
    /// Longest phrase starting at `words[at]` (whose entry this is): its slot
    /// and its length in words.
    pub(crate) fn match_phrase<S: AsRef<str>>(
        &self,
        words: &[S],
        at: usize,
    ) -> Option<(&Slot, usize)> {
        self.phrases.iter().find_map(|p| {
            let end = at + p.words.len();
            let fits = end <= words.len()
                && p.words
                    .iter()
                    .zip(&words[at..end])
                    .all(|(a, b)| a == b.as_ref());
            fits.then_some((&p.slot, p.words.len()))
        })
    }
}

/// The compiled lexicon used by extraction and comparison.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Normalised word -> what the lexicon knows about it.
    words: FastMap<String, Entry>,
    /// Term -> the terms its own phrases are made of ("gap" is "unfilled
    /// positions", so a gap of positions is the gap): see [`Lexicon::implied`].
    implied: FastMap<Term, Vec<Term>>,
    tolerances: Tolerances,
}

impl Lexicon {
    /// The lexicon embedded in the binary.
    pub fn builtin() -> Lexicon {
        let spec: LexiconSpec = serde_yaml::from_str(BUILTIN_YAML)
            .expect("the embedded rules/claims/lexicon.yaml is valid (tested)");
        let mut lexicon = Lexicon {
            words: FastMap::default(),
            implied: FastMap::default(),
            tolerances: Tolerances {
                rel_tol: 0.05,
                pct_abs_tol: 0.25,
                approx_tol: 0.05,
                subject_threshold: 0.6,
            },
        };
        lexicon.merge(spec);
        lexicon
    }

    /// Parses a user lexicon (same shape as the built-in YAML).
    pub fn parse_spec(yaml: &str) -> Result<LexiconSpec, serde_yaml::Error> {
        serde_yaml::from_str(yaml)
    }

    /// Adds `extra` on top of this lexicon. A phrase already known is remapped
    /// to the new meaning, so users can both extend and override.
    pub fn merge(&mut self, extra: LexiconSpec) {
        for (canonical, phrases) in extra.synonyms {
            // A canonical subject term always maps to itself.
            let term = Term::new(&canonical.to_lowercase());
            self.insert_phrase(&canonical, Slot::Term(term));
            for phrase in phrases {
                self.insert_phrase(&phrase, Slot::Term(term));
            }
        }
        // Qualifier names ("IN", "US") are labels, not words: only their
        // phrases are matched.
        let qualifiers = [
            (extra.geo, Slot::Geo as fn(Term) -> Slot),
            (extra.aggregates, Slot::Aggregate as fn(Term) -> Slot),
            (extra.levels, Slot::Level as fn(Term) -> Slot),
        ];
        for (map, make) in qualifiers {
            for (canonical, phrases) in map {
                let term = Term::new(&canonical);
                for phrase in phrases {
                    self.insert_phrase(&phrase, make(term));
                }
            }
        }
        for word in extra.stop_words {
            if word.contains(' ') {
                self.insert_phrase(&word, Slot::Stop);
            } else {
                self.words.entry(normalise_word(&word)).or_default().stop = true;
            }
        }
        for word in extra.keep_words {
            if let Some(e) = self.words.get_mut(&normalise_word(&word)) {
                e.stop = false;
            }
        }
        for word in extra.generic_heads {
            self.words.entry(normalise_word(&word)).or_default().generic = true;
        }
        for word in extra.title_stop_words {
            self.words
                .entry(normalise_word(&word))
                .or_default()
                .title_stop = true;
        }
        self.implied = self.implications();
        let t = extra.tolerances;
        let current = &mut self.tolerances;
        current.rel_tol = t.rel_tol.unwrap_or(current.rel_tol);
        current.pct_abs_tol = t.pct_abs_tol.unwrap_or(current.pct_abs_tol);
        current.approx_tol = t.approx_tol.unwrap_or(current.approx_tol);
        current.subject_threshold = t.subject_threshold.unwrap_or(current.subject_threshold);
    }

    /// For each subject term, the other terms that the heads of its own
    /// phrases stand for: "unfilled positions" means a gap, so "gap"
    /// implies "job"; "online sales" means e-commerce, so "ecommerce"
    /// implies "sale". Only the head: "workforce size" (a job count) says
    /// nothing of workers.
    fn implications(&self) -> FastMap<Term, Vec<Term>> {
        let mut implied: FastMap<Term, Vec<Term>> = FastMap::default();
        for entry in self.words.values() {
            for phrase in &entry.phrases {
                let Slot::Term(whole) = phrase.slot else {
                    continue;
                };
                let [_, .., head] = phrase.words.as_slice() else {
                    continue;
                };
                if let Some((Slot::Term(part), 1)) =
                    self.match_phrase(std::slice::from_ref(head), 0)
                    && *part != whole
                {
                    implied.entry(whole).or_default().push(*part);
                }
            }
        }
        for parts in implied.values_mut() {
            parts.sort();
            parts.dedup();
        }
        implied
    }

    /// The terms `term` already says ([`Lexicon::implications`]).
    pub(crate) fn implied(&self, term: Term) -> &[Term] {
        self.implied.get(&term).map_or(&[], Vec::as_slice)
    }

    /// The tolerances configured by this lexicon (built-in defaults plus
    /// overrides).
    pub fn tolerances(&self) -> Tolerances {
        self.tolerances
    }

    fn insert_phrase(&mut self, phrase: &str, slot: Slot) {
        let words: Vec<String> = phrase.split_whitespace().map(normalise_word).collect();
        let Some(first) = words.first().cloned() else {
            return;
        };
        let list = &mut self.words.entry(first).or_default().phrases;
        list.retain(|p| p.words != words);
        list.push(Phrase { words, slot });
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }

    /// What the lexicon knows about a normalised word.
    pub(crate) fn entry(&self, word: &str) -> Option<&Entry> {
        self.words.get(word)
    }

    /// Longest phrase starting at `words[at]`: its slot and its length in words.
    /// `words` must already be normalised with [`normalise_word`].
    pub(crate) fn match_phrase<S: AsRef<str>>(
        &self,
        words: &[S],
        at: usize,
    ) -> Option<(&Slot, usize)> {
        self.entry(words.get(at)?.as_ref())?.match_phrase(words, at)
    }

    /// The aggregate one word names on its own ("median", "avg"), read
    /// from the lexicon's aggregates.
    pub(crate) fn aggregate(&self, word: &str) -> Option<Term> {
        match self.match_phrase(&[normalise_cow(word)], 0) {
            Some((Slot::Aggregate(a), 1)) => Some(*a),
            _ => None,
        }
    }

    /// The region a currency names when the text names none: a dollar
    /// amount with no place is, in English prose, a US dollar amount, and
    /// "the average salary is $105,000" speaks of the United States. The
    /// region is the lexicon's own geography for "united states", so a
    /// lexicon without it leaves such figures without a region.
    pub(crate) fn home_of(&self, unit: Unit) -> Option<Term> {
        let name = match unit {
            Unit::Usd => "united states",
            _ => return None,
        };
        let words: Vec<String> = name.split(' ').map(normalise_word).collect();
        match self.match_phrase(&words, 0) {
            Some((Slot::Geo(t), 2)) => Some(*t),
            _ => None,
        }
    }

    /// True for a word that never belongs to a subject.
    pub(crate) fn is_stop(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.stop)
    }

    /// True for nouns such as "field" or "industry".
    pub(crate) fn is_generic(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.generic)
    }

    /// True for words ignored when reading a topic from a title.
    pub(crate) fn is_title_stop(&self, word: &str) -> bool {
        self.entry(word).is_some_and(|e| e.title_stop || e.stop)
    }
}

/// Lowercases a word, drops a possessive and strips a plural ending, so that
/// "Postings", "posting" and "field's" meet the lexicon in one form.
pub(crate) fn normalise_word(word: &str) -> String {
    let mut w = word.to_lowercase().replace('’', "'");
    if let Some(stem) = w.strip_suffix("-related").filter(|s| !s.is_empty()) {
        return normalise_word(stem);
    }
    if w.contains('-') {
        w = join_hyphens(&w);
    }
    for suffix in ["'s", "s'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            let keep = if suffix.starts_with('s') {
                w.len() - suffix.len() + 1
            } else {
                w.len() - suffix.len()
            };
            w.truncate(keep);
            break;
        }
    }
    american(stem_plural(&w).into()).into_owned()
}

/// The American spelling of a "-tre" word: "centre" and "center", "litre"
/// and "liter" are one word.
fn american(w: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if w.len() > 4 && w.ends_with("tre") {
        let stem = &w[..w.len() - 2];
        return std::borrow::Cow::Owned(format!("{stem}er"));
    }
    w
}

/// One word spelt open, hyphenated or closed is one word: "front-end" and
/// "frontend", "e-commerce" and "ecommerce" (not "covid-19"). Removes the
/// hyphens between two ASCII letters.
fn join_hyphens(w: &str) -> String {
    let b = w.as_bytes();
    let joins = |i: usize| {
        b[i] == b'-'
            && i > 0
            && b[i - 1].is_ascii_alphabetic()
            && b.get(i + 1).is_some_and(u8::is_ascii_alphabetic)
    };
    let kept: Vec<u8> = (0..b.len()).filter(|&i| !joins(i)).map(|i| b[i]).collect();
    // Only ASCII bytes were removed, so the rest is still UTF-8.
    String::from_utf8(kept).unwrap_or_else(|_| w.to_string())
}

/// [`normalise_word`] without allocating for the common case of a plain
/// lowercase ASCII word (tokens are already lowercased).
pub(crate) fn normalise_cow(word: &str) -> std::borrow::Cow<'_, str> {
    american(plain_normalised(word))
}

/// [`normalise_cow`] before [`american`].
fn plain_normalised(word: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let plain = word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'/'));
    if !plain {
        return Cow::Owned(normalise_word(word));
    }
    // "sports-related injuries" are sports injuries.
    if let Some(stem) = word.strip_suffix("-related").filter(|s| !s.is_empty()) {
        return Cow::Owned(plain_normalised(stem).into_owned());
    }
    if word.contains('-') {
        let joined = join_hyphens(word);
        if joined.len() < word.len() {
            return Cow::Owned(normalise_cow(&joined).into_owned());
        }
    }
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        return match ies_plural(word) {
            IesPlural::Unchanged => Cow::Borrowed(word),
            IesPlural::DropS => Cow::Borrowed(&word[..n - 1]),
            IesPlural::ToY => Cow::Owned(stem_plural(word)),
        };
    }
    if n > 4
        && (word.ends_with("sses")
            || word.ends_with("xes")
            || word.ends_with("ches")
            || word.ends_with("shes"))
    {
        return Cow::Borrowed(&word[..n - 2]);
    }
    if ends_in_plural_s(word) {
        return Cow::Borrowed(&word[..n - 1]);
    }
    Cow::Borrowed(word)
}

/// Does a lowercase word end in a plural "s" ("jobs"; not "boss", "status",
/// "analysis")?
pub(crate) fn ends_in_plural_s(w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"))
}

/// Light plural stripping: "companies" -> "company", "jobs" -> "job"; leaves
/// "analysis", "us", "business" alone.
fn stem_plural(w: &str) -> String {
    let n = w.len();
    if n > 4 && w.ends_with("ies") {
        return match ies_plural(w) {
            IesPlural::Unchanged => w.to_string(),
            IesPlural::DropS => w[..n - 1].to_string(),
            IesPlural::ToY => format!("{}y", &w[..n - 3]),
        };
    }
    if n > 4
        && (w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes"))
    {
        return w[..n - 2].to_string();
    }
    if ends_in_plural_s(w) {
        return w[..n - 1].to_string();
    }
    w.to_string()
}

/// How a word ending in "ies" loses its plural.
enum IesPlural {
    /// "series", "species": the same word in both numbers.
    Unchanged,
    /// "movies", "calories": the singular ends in "ie".
    DropS,
    /// "companies", "cities": the singular ends in "y".
    ToY,
}

fn ies_plural(w: &str) -> IesPlural {
    if matches!(w, "series" | "species") {
        return IesPlural::Unchanged;
    }
    if is_ie_noun(&w[..w.len() - 1]) {
        IesPlural::DropS
    } else {
        IesPlural::ToY
    }
}

word_set!(
    /// Nouns whose singular ends in "ie": their plural only adds an "s"
    /// ("movies" is "movie", not "movy").
    is_ie_noun: [
    "movie", "cookie", "calorie", "rookie", "smoothie", "zombie", "selfie", "hoodie", "brownie",
    "goalie", "prairie", "veggie", "foodie", "newbie", "freebie", "birdie", "bookie", "collie",
    "hippie", "junkie", "techie", "boogie", "genie", "pixie", "sortie", "coterie", "auntie",
    "lingerie", "menagerie", "reverie", "talkie", "walkie", "indie", "aussie",
]
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_implies_what_the_heads_of_its_phrases_say() {
        let lex = Lexicon::builtin();
        let said = |t: &str| -> Vec<&str> {
            lex.implied(Term::new(t))
                .iter()
                .map(|t| t.as_str())
                .collect()
        };
        // "unfilled positions" is a gap, "online sales" e-commerce.
        assert!(said("gap").contains(&"job"), "{:?}", said("gap"));
        assert!(
            said("ecommerce").contains(&"sale"),
            "{:?}",
            said("ecommerce")
        );
        // "workforce size" counts jobs: its head is no term, and a job
        // count says nothing of workers.
        assert!(!said("job").contains(&"worker"), "{:?}", said("job"));
    }

    #[test]
    fn builtin_parses_and_maps_synonyms() {
        let lex = Lexicon::builtin();
        let words: Vec<String> = "job postings for machine learning engineers"
            .split(' ')
            .map(normalise_word)
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        assert_eq!(
            lex.match_phrase(&refs, 0),
            Some((&Slot::Term(Term::new("posting")), 2))
        );
        assert_eq!(
            lex.match_phrase(&refs, 3),
            Some((&Slot::Term(Term::new("ai")), 2))
        );
        assert!(lex.is_stop("the"));
        // Words of size that say the same, and verbs of taking in a count.
        assert_eq!(
            lex.match_phrase(&["big"], 0),
            Some((&Slot::Term(Term::new("large")), 1))
        );
        assert!(lex.is_stop("handled") && lex.is_stop("served"));
        // Particles of phrasal verbs ("took out loans", "carried out layoffs").
        assert!(lex.is_stop("out") && lex.is_stop("up"));
        // Irregular plurals meet their singulars.
        assert_eq!(
            lex.match_phrase(&["children"], 0),
            Some((&Slot::Term(Term::new("child")), 1))
        );
        // Phrases of closing: "shut their doors" is a closure.
        assert_eq!(
            lex.match_phrase(&["shut", "their", "door"], 0),
            Some((&Slot::Term(Term::new("closure")), 3))
        );
        // The midpoint of pay is its median; a market's size is the market.
        assert_eq!(
            lex.match_phrase(&["midpoint"], 0),
            Some((&Slot::Aggregate(Term::new("median")), 1))
        );
        assert_eq!(
            lex.match_phrase(&["market", "size"], 0),
            Some((&Slot::Term(Term::new("market")), 2))
        );
        // Taking home is pay in every tense.
        assert_eq!(
            lex.match_phrase(&["took", "home"], 0),
            Some((&Slot::Term(Term::new("pay")), 2))
        );
    }

    #[test]
    fn merge_overrides_and_extends() {
        let mut lex = Lexicon::builtin();
        let spec = Lexicon::parse_spec(
            "synonyms:\n  nurse: [registered nurses, rns]\nkeep_words: [record]\ntolerances: {rel_tol: 0.1}\n",
        )
        .expect("valid spec");
        lex.merge(spec);
        let refs = ["registered", "nurse"];
        assert_eq!(
            lex.match_phrase(&refs, 0),
            Some((&Slot::Term(Term::new("nurse")), 2))
        );
        assert!(!lex.is_stop("record"));
        assert!((lex.tolerances().rel_tol - 0.1).abs() < 1e-9);
    }

    #[test]
    fn plural_stripping_is_light() {
        assert_eq!(normalise_word("Companies"), "company");
        assert_eq!(normalise_word("field's"), "field");
        assert_eq!(normalise_word("analysis"), "analysis");
        assert_eq!(normalise_word("US"), "us");
        // British "-tre" is American "-ter", on both paths.
        assert_eq!(normalise_word("Centres"), "center");
        assert_eq!(normalise_cow("centres"), "center");
        assert_eq!(normalise_cow("litre"), "liter");
        assert_eq!(normalise_word("Front-End"), "frontend");
        assert_eq!(normalise_word("e-commerce"), "ecommerce");
        assert_eq!(normalise_word("covid-19"), "covid-19");
        assert_eq!(normalise_word("Sports-Related"), "sport");
        assert_eq!(normalise_cow("sports-related"), "sport");
        // "-ies" plurals of "-ie" nouns, and words the same in both numbers.
        for (plural, singular) in [
            ("Movies", "movie"),
            ("calories", "calorie"),
            ("series", "series"),
            ("species", "species"),
            ("cities", "city"),
        ] {
            assert_eq!(normalise_word(plural), singular);
            assert_eq!(normalise_cow(&plural.to_lowercase()), singular);
        }
        for w in [
            "jobs",
            "companies",
            "analysis",
            "churches",
            "us",
            "e-commerce",
            "postings",
            "boss",
        ] {
            assert_eq!(normalise_cow(w), normalise_word(w));
        }
    }
}
