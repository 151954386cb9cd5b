//! The records of the cache file: a header that says whether the file may be
//! used at all, then every cached article with its stat data, content hash
//! and claims. Claims are stored in their own record type, apart from the
//! JSON form of [`Claim`] (the `data` of findings): the two change for
//! different reasons, and the JSON form is built for reading, not for
//! loading fast. Subject words are stored once, in a word table, and each
//! term list once, in a list table; a claim holds indices into them, so
//! loading interns each word once instead of once per claim.

use crate::claims::{
    Claim, Form, Hedge, Metric, Per, Period, SubjectKey, Term, Terms, Unit, YearPart,
};
use crate::source::stamp::Stamp;
use serde::{Deserialize, Serialize};

/// First bytes of a cache file.
pub(super) const MAGIC: [u8; 8] = *b"cdclaims";
/// Version of this layout; the key also changes with every build, this only
/// guards against reading another layout's bytes as a header.
pub(super) const LAYOUT: u32 = 3;

/// Read first: a file whose header does not match is not decoded further.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Header {
    pub magic: [u8; 8],
    pub layout: u32,
    /// Build and lexicon fingerprint ([`crate::cache::key`]).
    pub key: u64,
    /// When the run that wrote the file started, in nanoseconds since the
    /// Unix epoch: stat data of files modified shortly before are not trusted.
    pub started_ns: u64,
}

/// After the header: the tables the claims point into. Then come the
/// articles, in chunks of [`CHUNK`] (each a `Vec<StoredFile>` preceded by its
/// length in bytes, as a little-endian `u32`), so they load in parallel.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Vocabularies {
    /// Subject words; a claim's word index `i` (1-based) is `words[i - 1]`.
    pub words: Vec<String>,
    /// Term lists as word indices; list index `i` (1-based) is `lists[i - 1]`.
    pub lists: Vec<Vec<u32>>,
}

/// Articles per chunk of the file.
pub(super) const CHUNK: usize = 256;

/// One article.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StoredFile {
    /// Absolute path, as bytes.
    pub path: Vec<u8>,
    pub stamp: Stamp,
    pub hash: u64,
    pub claims: Vec<StoredClaim>,
}

/// A [`Claim`] with its words as table indices (0: none or empty).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct StoredClaim {
    span: (usize, usize),
    context: (usize, usize),
    value: f64,
    low: f64,
    high: f64,
    unit: Unit,
    per: Option<Per>,
    hedge: Hedge,
    form: Form,
    from: Option<f64>,
    mantissa: f64,
    scale: i32,
    direction: i8,
    period: StoredPeriod,
    metric: Metric,
    terms: u32,
    base: u32,
    geo: u32,
    aggregate: u32,
    level: u32,
    anaphoric: bool,
    inherited: bool,
    topical: bool,
    whole: bool,
    names: u32,
    sentence: usize,
    forecast: bool,
    as_of: Option<i32>,
    part: Option<YearPart>,
    placed_by_article: bool,
    abroad: bool,
}

/// [`Period`] without the JSON form's internal tag, which a compact binary
/// format cannot read back.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
enum StoredPeriod {
    None,
    Unresolved,
    Point(i32, bool),
    Until(i32, Option<i32>),
    Span(i32, i32, bool),
    Rate(Per, Option<i32>, Option<i32>),
    Duration(i32),
}

impl From<Period> for StoredPeriod {
    fn from(p: Period) -> StoredPeriod {
        match p {
            Period::None => StoredPeriod::None,
            Period::Unresolved => StoredPeriod::Unresolved,
            Period::Point { year, weak } => StoredPeriod::Point(year, weak),
            Period::Until { year, from } => StoredPeriod::Until(year, from),
            Period::Span { from, to, fuzzy } => StoredPeriod::Span(from, to, fuzzy),
            Period::Rate { per, from, to } => StoredPeriod::Rate(per, from, to),
            Period::Duration { years } => StoredPeriod::Duration(years),
        }
    }
}

impl From<StoredPeriod> for Period {
    fn from(p: StoredPeriod) -> Period {
        match p {
            StoredPeriod::None => Period::None,
            StoredPeriod::Unresolved => Period::Unresolved,
            StoredPeriod::Point(year, weak) => Period::Point { year, weak },
            StoredPeriod::Until(year, from) => Period::Until { year, from },
            StoredPeriod::Span(from, to, fuzzy) => Period::Span { from, to, fuzzy },
            StoredPeriod::Rate(per, from, to) => Period::Rate { per, from, to },
            StoredPeriod::Duration(years) => Period::Duration { years },
        }
    }
}

/// Numbers the words and term lists of the claims being written.
#[derive(Default)]
pub(super) struct Vocabulary {
    words: Vec<String>,
    lists: Vec<Vec<u32>>,
    /// By [`Term::index`]: the word's index in `words` plus one (0: not yet).
    word_of: Vec<u32>,
    /// By [`Terms::id`]: the list's index in `lists` plus one (0: not yet).
    list_of: Vec<u32>,
}

impl Vocabulary {
    fn word(&mut self, t: Term) -> u32 {
        let i = t.index();
        if i >= self.word_of.len() {
            self.word_of.resize(i + 1, 0);
        }
        if self.word_of[i] == 0 {
            self.words.push(t.as_str().to_string());
            self.word_of[i] = self.words.len() as u32;
        }
        self.word_of[i]
    }

    fn optional_word(&mut self, t: Option<Term>) -> u32 {
        t.map_or(0, |t| self.word(t))
    }

    fn list(&mut self, terms: Terms) -> u32 {
        if terms.is_empty() {
            return 0;
        }
        let i = terms.id() as usize;
        if i >= self.list_of.len() {
            self.list_of.resize(i + 1, 0);
        }
        if self.list_of[i] == 0 {
            let words = terms.iter().map(|t| self.word(t)).collect();
            self.lists.push(words);
            self.list_of[i] = self.lists.len() as u32;
        }
        self.list_of[i]
    }

    /// The record of `c`, numbering its words as needed.
    pub(super) fn store(&mut self, c: &Claim) -> StoredClaim {
        let s = &c.subject;
        StoredClaim {
            span: (c.span.start, c.span.end),
            context: (c.context.start, c.context.end),
            value: c.value,
            low: c.low,
            high: c.high,
            unit: c.unit,
            per: c.per,
            hedge: c.hedge,
            form: c.form,
            from: c.from,
            mantissa: c.mantissa,
            scale: c.scale,
            direction: c.direction,
            period: c.period.into(),
            metric: s.metric,
            terms: self.list(s.terms),
            base: self.list(s.base),
            geo: self.optional_word(s.geo),
            aggregate: self.optional_word(s.aggregate),
            level: self.optional_word(s.level),
            anaphoric: s.anaphoric,
            inherited: s.inherited,
            topical: s.topical,
            whole: s.whole,
            names: self.list(s.names),
            sentence: c.sentence,
            forecast: c.forecast,
            as_of: c.as_of,
            part: c.part,
            placed_by_article: c.placed_by_article,
            abroad: c.abroad,
        }
    }

    /// The word and list tables, for [`Body`].
    pub(super) fn into_tables(self) -> (Vec<String>, Vec<Vec<u32>>) {
        (self.words, self.lists)
    }
}

/// A stored index that points outside its table: the file is damaged.
#[derive(Debug)]
pub(super) struct Damaged;

/// The word and list tables of a file being read, interned in this process.
pub(super) struct Tables {
    words: Vec<Term>,
    lists: Vec<Terms>,
}

impl Tables {
    /// Interns every word and list of `body` once.
    pub(super) fn intern(words: &[String], lists: &[Vec<u32>]) -> Result<Tables, Damaged> {
        let words: Vec<Term> = words.iter().map(|w| Term::new(w)).collect();
        let lists = lists
            .iter()
            .map(|list| {
                let terms = list
                    .iter()
                    .map(|&i| lookup(&words, i).ok_or(Damaged))
                    .collect::<Result<Vec<Term>, Damaged>>()?;
                Ok(Terms::from_unsorted(terms))
            })
            .collect::<Result<Vec<Terms>, Damaged>>()?;
        Ok(Tables { words, lists })
    }

    fn word(&self, i: u32) -> Result<Option<Term>, Damaged> {
        if i == 0 {
            return Ok(None);
        }
        lookup(&self.words, i).map(Some).ok_or(Damaged)
    }

    fn list(&self, i: u32) -> Result<Terms, Damaged> {
        if i == 0 {
            return Ok(Terms::default());
        }
        lookup(&self.lists, i).ok_or(Damaged)
    }

    /// The claim `s` stands for.
    pub(super) fn restore(&self, s: &StoredClaim) -> Result<Claim, Damaged> {
        Ok(Claim {
            span: s.span.0..s.span.1,
            context: s.context.0..s.context.1,
            value: s.value,
            low: s.low,
            high: s.high,
            unit: s.unit,
            per: s.per,
            hedge: s.hedge,
            form: s.form,
            from: s.from,
            mantissa: s.mantissa,
            scale: s.scale,
            direction: s.direction,
            period: s.period.into(),
            subject: SubjectKey {
                metric: s.metric,
                terms: self.list(s.terms)?,
                base: self.list(s.base)?,
                geo: self.word(s.geo)?,
                aggregate: self.word(s.aggregate)?,
                level: self.word(s.level)?,
                anaphoric: s.anaphoric,
                inherited: s.inherited,
                topical: s.topical,
                names: self.list(s.names)?,
                whole: s.whole,
            },
            sentence: s.sentence,
            forecast: s.forecast,
            as_of: s.as_of,
            part: s.part,
            placed_by_article: s.placed_by_article,
            abroad: s.abroad,
        })
    }
}

/// `table[i - 1]` for a 1-based index.
fn lookup<T: Copy>(table: &[T], i: u32) -> Option<T> {
    (i as usize)
        .checked_sub(1)
        .and_then(|i| table.get(i))
        .copied()
}
