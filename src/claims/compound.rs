//! One compound, three spellings: English writes a compound noun open
//! ("nursing home", "round trip"), hyphenated before another noun
//! ("nursing-home room", "round-trip fare") or closed ("healthcare",
//! "homeowner"), and two writers of one figure rarely pick the same form.
//! Extraction joins a hyphenated word into its closed form ("roundtrip"),
//! so the closed and hyphenated forms already meet; this module makes the
//! open form meet them too.
//!
//! A word list of compounds would fit only the topics it was written for.
//! The corpus itself says which closed words are compounds: a subject word
//! that is two other subject words of the same corpus run together
//! ("roundtrip" where "round" and "trip" occur) is read as those two
//! words, in every claim alike, before claims are compared.

use super::lexicon::FastMap;
use super::term::{Term, Terms};
use super::{Claim, ClaimRef};

/// The shortest part of a compound, in bytes: "car" + "pet" is not a
/// compound of "carpet", and shorter parts ("e", "co", "in") are
/// prefixes, not words.
const MIN_PART: usize = 3;

/// The subject word of a negated clause (subject.rs).
const NEGATION: &str = "not";

/// The shortest closed word read as a compound.
const MIN_COMPOUND: usize = 7;

/// Closed subject words of `docs` that are two of its other subject words
/// run together, each with its two parts.
pub(crate) fn compounds(docs: &[Vec<Claim>]) -> FastMap<Term, [Term; 2]> {
    // Claims share few distinct term lists: each list is read once.
    let mut lists: FastMap<Terms, ()> = FastMap::default();
    for claim in docs.iter().flatten() {
        lists.insert(claim.subject.terms, ());
        lists.insert(claim.subject.base, ());
    }
    let mut words: FastMap<&'static str, Term> = FastMap::default();
    for t in lists.keys().flat_map(|list| list.iter()) {
        words.entry(t.as_str()).or_insert(t);
    }
    let mut found = FastMap::default();
    // "not" marks a negated clause ("no dental insurance"); it is no
    // part of "notable".
    words.remove(NEGATION);
    for (&word, &term) in &words {
        if word.len() < MIN_COMPOUND || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let parts = (MIN_PART..=word.len() - MIN_PART).find_map(|i| {
            let (a, b) = word.split_at(i);
            Some([*words.get(a)?, *words.get(b)?])
        });
        if let Some(parts) = parts {
            found.insert(term, parts);
        }
    }
    found
}

/// The claims of `docs` whose subject holds one of `compounds`, each with
/// its compounds written as their parts, by reference.
pub(crate) fn respell(
    docs: &[Vec<Claim>],
    compounds: &FastMap<Term, [Term; 2]>,
) -> Vec<(ClaimRef, Claim)> {
    if compounds.is_empty() {
        return Vec::new();
    }
    let open = |terms: Terms| -> Option<Terms> {
        if !terms.iter().any(|t| compounds.contains_key(&t)) {
            return None;
        }
        let words = terms
            .iter()
            .flat_map(|t| match compounds.get(&t) {
                Some(parts) => parts.to_vec(),
                None => vec![t],
            })
            .collect();
        Some(Terms::from_unsorted(words))
    };
    let mut out = Vec::new();
    for (d, claims) in docs.iter().enumerate() {
        for (c, claim) in claims.iter().enumerate() {
            let s = &claim.subject;
            let (terms, base) = (open(s.terms), open(s.base));
            if terms.is_none() && base.is_none() {
                continue;
            }
            let mut respelled = claim.clone();
            respelled.subject.terms = terms.unwrap_or(s.terms);
            respelled.subject.base = base.unwrap_or(s.base);
            out.push((ClaimRef { doc: d, claim: c }, respelled));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lexicon, extract_prose};

    fn terms(claim: &Claim) -> Vec<&'static str> {
        claim.subject.terms.iter().map(Term::as_str).collect()
    }

    /// The claims of each text, one text an article.
    fn corpus(texts: &[&str]) -> Vec<Vec<Claim>> {
        let lexicon = Lexicon::builtin();
        texts
            .iter()
            .map(|t| extract_prose(t, None, &lexicon))
            .collect()
    }

    #[test]
    fn a_closed_compound_reads_as_its_open_form_when_the_corpus_has_its_parts() {
        let docs = corpus(&[
            "The average round-trip ticket cost $382 in 2023.",
            "The average round trip ticket cost $418 in 2023.",
        ]);
        assert_eq!(terms(&docs[0][0]), ["cost", "roundtrip", "ticket"]);
        let found = compounds(&docs);
        let respelled = respell(&docs, &found);
        assert_eq!(respelled.len(), 1);
        assert_eq!(respelled[0].0, ClaimRef { doc: 0, claim: 0 });
        assert_eq!(terms(&respelled[0].1), terms(&docs[1][0]));
    }

    #[test]
    fn a_word_is_not_split_into_parts_the_corpus_never_uses() {
        let docs = corpus(&[
            "The average round-trip ticket cost $382 in 2023.",
            "The average carpet price was $41 in 2023.",
        ]);
        assert!(compounds(&docs).is_empty());
    }
}
