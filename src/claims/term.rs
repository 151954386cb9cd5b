//! Interned subject words: a [`Term`] is a 4-byte id for a canonical word
//! ("pay", "remote", "US") and [`Terms`] a 4-byte id for a sorted list of
//! them, so a [`super::Claim`] holds its subject without owning strings and
//! comparing two subjects compares integers.
//!
//! The tables are process-wide and append-only: what they hold is bounded by
//! the vocabulary of the articles and the lexicon, not by the number of
//! claims, and a claim's words must stay readable (messages, JSON) without a
//! handle to the run that produced it. Ids are assigned in whatever order
//! threads meet the words, so nothing may depend on their numeric order:
//! [`Term`] orders by text, and comparison code that needs numbered terms
//! numbers them itself in claim order (`compare.rs`).
//!
//! Lookups go through a per-thread cache first, so parallel extraction does
//! not contend on the global lock once the vocabulary is known.

use std::cell::RefCell;
use std::hash::Hash;
use std::num::NonZeroU32;
use std::sync::{LazyLock, Mutex, OnceLock};

use serde::Serialize;
use serde::ser::SerializeSeq;

use super::lexicon::FastMap;

/// Ids are split into segments of doubling size (32, 64, 128...) so a
/// reader finds a slot with two atomic loads and no lock.
const SEGMENTS: usize = 27;
const FIRST: usize = 32;

/// An append-only table of leaked values, readable without a lock.
struct Table<T: ?Sized + 'static> {
    index: LazyLock<Mutex<FastMap<&'static T, u32>>>,
    slots: [OnceLock<Box<[OnceLock<&'static T>]>>; SEGMENTS],
}

impl<T: ?Sized + Eq + Hash + 'static> Table<T> {
    const fn new() -> Self {
        Table {
            index: LazyLock::new(|| Mutex::new(FastMap::default())),
            slots: [const { OnceLock::new() }; SEGMENTS],
        }
    }

    /// Segment and offset of slot `i`.
    fn locate(i: usize) -> (usize, usize) {
        let n = i + FIRST;
        let bit = usize::BITS as usize - 1 - n.leading_zeros() as usize;
        (bit - FIRST.trailing_zeros() as usize, n - (1 << bit))
    }

    /// The id of `value` (1-based), leaking a copy the first time it is seen.
    fn intern(&self, value: &T, leak: impl FnOnce(&T) -> &'static T) -> u32 {
        let mut index = self
            .index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(&i) = index.get(value) {
            return i + 1;
        }
        let i = index.len();
        let (segment, offset) = Self::locate(i);
        let slots = self.slots[segment].get_or_init(|| {
            (0..FIRST << segment)
                .map(|_| OnceLock::new())
                .collect::<Vec<_>>()
                .into_boxed_slice()
        });
        let stored = leak(value);
        // The index lock is held, so slot `i` is still empty.
        let _ = slots[offset].set(stored);
        index.insert(stored, i as u32);
        i as u32 + 1
    }

    /// The value of id `id` (1-based). Ids only come from `intern`, so the slot is set.
    fn get(&self, id: u32) -> &'static T {
        let (segment, offset) = Self::locate(id as usize - 1);
        self.slots[segment]
            .get()
            .and_then(|s| s[offset].get())
            .expect("an id handed out by the table has its slot set")
    }
}

static WORDS: Table<str> = Table::new();
static LISTS: Table<[Term]> = Table::new();

thread_local! {
    static WORD_CACHE: RefCell<FastMap<&'static str, Term>> = RefCell::new(FastMap::default());
    static LIST_CACHE: RefCell<FastMap<&'static [Term], Terms>> = RefCell::new(FastMap::default());
}

/// One interned word. Equality is identity of the text; order is the order
/// of the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term(NonZeroU32);

impl Term {
    /// Interns `word`.
    pub fn new(word: &str) -> Term {
        if let Some(t) = WORD_CACHE.with(|c| c.borrow().get(word).copied()) {
            return t;
        }
        let id = WORDS.intern(word, |w| Box::leak(w.to_owned().into_boxed_str()));
        let term = Term(NonZeroU32::new(id).expect("interned ids start at 1"));
        WORD_CACHE.with(|c| c.borrow_mut().insert(term.as_str(), term));
        term
    }

    /// The word.
    pub fn as_str(self) -> &'static str {
        WORDS.get(self.0.get())
    }

    /// A dense number for this term (1-based, at most the number of words
    /// interned so far), for tables indexed by term. Not ordered by text.
    pub(crate) fn index(self) -> usize {
        self.0.get() as usize
    }
}

impl PartialOrd for Term {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Term {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        if self == other {
            std::cmp::Ordering::Equal
        } else {
            self.as_str().cmp(other.as_str())
        }
    }
}

impl std::fmt::Debug for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Term {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Term {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An interned list of terms, sorted by text and without duplicates. The
/// empty list needs no table entry.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Terms(u32);

impl Terms {
    /// Interns `terms`, which must be sorted and deduplicated.
    pub(crate) fn new(terms: &[Term]) -> Terms {
        debug_assert!(terms.windows(2).all(|w| w[0] < w[1]));
        if terms.is_empty() {
            return Terms(0);
        }
        if let Some(t) = LIST_CACHE.with(|c| c.borrow().get(terms).copied()) {
            return t;
        }
        let list = Terms(LISTS.intern(terms, |t| Box::leak(t.to_vec().into_boxed_slice())));
        LIST_CACHE.with(|c| c.borrow_mut().insert(list.as_slice(), list));
        list
    }

    /// Sorts and deduplicates `terms`, then interns them.
    pub fn from_unsorted(mut terms: Vec<Term>) -> Terms {
        terms.sort_unstable();
        terms.dedup();
        Terms::new(&terms)
    }

    /// The terms, sorted by text.
    pub fn as_slice(self) -> &'static [Term] {
        if self.0 == 0 { &[] } else { LISTS.get(self.0) }
    }

    /// An id for the list, equal for equal lists (0 for the empty list).
    pub(crate) fn id(self) -> u32 {
        self.0
    }

    /// True for the empty list.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Number of terms.
    pub fn len(self) -> usize {
        self.as_slice().len()
    }

    /// The terms, sorted by text.
    pub fn iter(self) -> std::iter::Copied<std::slice::Iter<'static, Term>> {
        self.as_slice().iter().copied()
    }

    /// True when `t` is one of the terms.
    pub fn contains(self, t: Term) -> bool {
        self.as_slice().contains(&t)
    }

    /// The terms but `t`: a subject with one word taken out.
    pub(crate) fn without(self, t: Term) -> Terms {
        let rest: Vec<Term> = self.iter().filter(|&u| u != t).collect();
        Terms::new(&rest)
    }

    /// The terms and `t`: a subject that says one thing more.
    pub(crate) fn with(self, t: Term) -> Terms {
        let mut terms = self.as_slice().to_vec();
        terms.push(t);
        Terms::from_unsorted(terms)
    }

    /// Appends the terms to `out`, separated by `sep`.
    pub(crate) fn join_into(self, out: &mut String, sep: &str) {
        for (i, t) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(t.as_str());
        }
    }
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Terms {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let list = self.as_slice();
        let mut seq = s.serialize_seq(Some(list.len()))?;
        for t in list {
            seq.serialize_element(t.as_str())?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_is_stable_and_ordered_by_text() {
        let (b, a) = (Term::new("zz-test-b"), Term::new("aa-test-a"));
        assert_eq!(Term::new("zz-test-b"), b);
        assert_eq!(b.as_str(), "zz-test-b");
        assert!(a < b);
        let list = Terms::from_unsorted(vec![b, a, b]);
        assert_eq!(list.as_slice(), &[a, b]);
        assert_eq!(Terms::new(&[a, b]), list);
        assert!(Terms::new(&[]).is_empty());
        // Slots past the first segments are reachable.
        for i in 0..200 {
            let t = Term::new(&format!("term-test-{i}"));
            assert_eq!(t.as_str(), format!("term-test-{i}"));
        }
        let (s, o) = Table::<str>::locate(0);
        assert_eq!((s, o), (0, 0));
        assert_eq!(Table::<str>::locate(31), (0, 31));
        assert_eq!(Table::<str>::locate(32), (1, 0));
        assert_eq!(Table::<str>::locate(95), (1, 63));
        assert_eq!(Table::<str>::locate(96), (2, 0));
    }
}
