//! One noun phrase, written in full once and shortened after: an article
//! about wind farms says "wind turbine technicians" where it starts and
//! "technicians" further on, and a reader supplies the dropped modifiers
//! from what the article has already said. Two writers of one figure
//! shorten differently, so "technicians earned a median of $68,900" in one
//! article and "wind turbine technicians earned a median of $61,800" in
//! another are one quantity that exact subject keys keep apart.
//!
//! The modifiers a shortened subject may take back are those its own
//! article writes in the subjects of its other figures: a guide whose
//! figures never say "turbine" does not mean turbine technicians by
//! "technicians". A shortened subject takes back at most two words, never a word of what is measured ("pay", "sale"), of how it is
//! summed up ("average") or of a comparison ("faster"), nor a name
//! ("Texas", "Midwest": a name says which one is meant), and only
//! when exactly one fuller subject of the corpus fits: with two, the
//! article did not say which it meant. An article tells the two apart, and
//! its shorter subject stays as written, when it writes the modifier with
//! some of the subject's words in another group ("financial analysis" in a
//! guide to business analysis), or with all of them in the same kind of
//! figure ("travel nurses earn ..., while nurses earn ..."), or when the
//! subject is no role ("the cost of a wedding" in a guide to wedding
//! photography). A role's name written in full for one figure and short
//! for the others ("employment of dental hygienists is projected to grow
//! 7%", "hygienists earned a median of $87,530") is one name.
//!
//! A rate written without its base ("the U.S. cremation rate reached
//! 61.8%") is completed the same way, with the one base the corpus gives
//! shares of its words ("59.4% of U.S. deaths").
//!
//! A completed claim is compared under both subjects, and never with
//! another completed claim: two guesses are no evidence against each other.

use std::hash::{BuildHasher, BuildHasherDefault, Hash};

use rayon::prelude::*;

use super::lexicon::{FastMap, WordHasher};
use super::number::Unit;
use super::subject::{Metric, is_agent_noun, is_measure_term};
use super::term::{Term, Terms};
use super::{Claim, ClaimRef};

/// A subject: its slots besides its terms, and its terms.
type Subject<K> = (K, Terms);

/// The claims of `all` whose subject is a shortened form of exactly one
/// fuller subject of the corpus, each with that fuller subject, by index
/// into `all`. `slots` gives the subject slots besides its terms (unit,
/// metric, region, ...) that a fuller subject must share, or `None` for a
/// claim that is compared with nothing.
pub(crate) fn complete<K: Hash + Eq + Copy + Send + Sync>(
    all: &[(ClaimRef, &Claim)],
    slots: impl Fn(&Claim) -> Option<K> + Sync,
) -> Vec<(usize, Claim)> {
    let hasher = BuildHasherDefault::<WordHasher>::default();
    let key_of = |k: &K, terms: &[Term]| hasher.hash_one((k, terms));
    let keys: Vec<Option<K>> = all.par_iter().map(|(_, c)| slots(c)).collect();
    // Every distinct full subject, with the words any of its claims writes
    // as names.
    let mut full: FastMap<(K, Terms), Vec<Term>> = FastMap::default();
    for ((_, c), k) in all.iter().zip(&keys) {
        if let Some(k) = *k {
            full.entry((k, c.subject.terms))
                .or_default()
                .extend(c.subject.names.iter());
        }
    }
    // The forms claims are written in (a hash of slots and words).
    let written: FastMap<u64, ()> = full
        .keys()
        .map(|(k, terms)| (key_of(k, terms.as_slice()), ()))
        .collect();
    // Each full subject filed under every written form it shortens to by
    // dropping one or two words.
    let mut shortened: FastMap<u64, Vec<Subject<K>>> = FastMap::default();
    let mut kept: Vec<Term> = Vec::new();
    for (&(k, terms), names) in &full {
        let words = terms.as_slice();
        let droppable: Vec<usize> = (0..words.len())
            .filter(|&i| droppable_word(words[i]) && !names.contains(&words[i]))
            .collect();
        // The shortened form keeps a word of whose or what it is.
        if droppable.len() < 2 {
            continue;
        }
        let mut file = |dropped: &[usize]| {
            kept.clear();
            kept.extend(
                (0..words.len())
                    .filter(|i| !dropped.contains(i))
                    .map(|i| words[i]),
            );
            let form = key_of(&k, &kept);
            if written.contains_key(&form) {
                shortened.entry(form).or_default().push((k, terms));
            }
        };
        for (n, &i) in droppable.iter().enumerate() {
            file(&[i]);
            if droppable.len() >= 3 {
                for &j in &droppable[n + 1..] {
                    file(&[i, j]);
                }
            }
        }
    }
    if shortened.is_empty() {
        return Vec::new();
    }
    // The claims written in a shortened form, with their slots and the
    // fuller subjects of that form, and their articles.
    let shortened_claims: Vec<(usize, K, &[Subject<K>])> = (0..all.len())
        .into_par_iter()
        .filter_map(|j| {
            let c = all[j].1;
            // "All insulation workers" are no shortened name of a narrower group.
            let k = keys[j].filter(|_| !c.subject.anaphoric && !c.subject.whole)?;
            let fuller = shortened.get(&key_of(&k, c.subject.terms.as_slice()))?;
            Some((j, k, fuller.as_slice()))
        })
        .collect();
    let docs = all.last().map_or(0, |(r, _)| r.doc + 1);
    let mut wanted = vec![false; docs];
    for &(j, _, _) in &shortened_claims {
        wanted[all[j].0.doc] = true;
    }
    // The subjects of each such article's figures, with what they count.
    let mut subjects: Vec<Vec<(Metric, Terms)>> = vec![Vec::new(); docs];
    for (r, c) in all.iter().filter(|(r, _)| wanted[r.doc]) {
        subjects[r.doc].push((c.subject.metric, c.subject.terms));
    }
    let mut out = Vec::new();
    for (j, k, fuller) in shortened_claims {
        let (r, c) = all[j];
        let terms = c.subject.terms;
        let lists = &subjects[r.doc];
        let said = |t: Term| lists.iter().any(|(_, l)| l.contains(t));
        let (measure, own): (Vec<Term>, Vec<Term>) =
            terms.iter().partition(|t| is_measure_term(t.as_str()));
        // An article tells the two apart when it writes the modifier with
        // some of this subject's words in another group ("financial
        // analysis" beside "business analysis"), or with all of them in
        // the same kind of figure ("Travel nurses earn ..., while nurses
        // earn ..."), or when the subject is no role ("the cost of a
        // wedding" beside "wedding photography"). One that projects the
        // jobs of "dental hygienists" and pays "hygienists" shortens the
        // name of one role.
        let role = own.iter().any(|w| is_agent_noun(w.as_str()));
        let tells_apart = |extra: Term| {
            lists.iter().any(|&(metric, l)| {
                let all_own = own.iter().all(|&w| l.contains(w));
                let same_kind =
                    metric == c.subject.metric && measure.iter().all(|&w| l.contains(w));
                l != terms
                    && l.contains(extra)
                    && own.iter().any(|&w| l.contains(w))
                    && (!all_own || same_kind || !role)
            })
        };
        // Equal slots and a superset of words: the form is a hash.
        let mut fits = fuller.iter().filter(|&&(fk, ft)| {
            fk == k
                && terms.iter().all(|t| ft.contains(t))
                && ft
                    .iter()
                    .all(|t| terms.contains(t) || (said(t) && !tells_apart(t)))
        });
        let (Some(&(_, ft)), None) = (fits.next(), fits.next()) else {
            continue;
        };
        let mut completed = (*c).clone();
        completed.subject.terms = ft;
        out.push((j, completed));
    }
    out
}

/// The claims of `all` that state a rate without its base ("the U.S.
/// cremation rate reached 61.8%"), each completed with the one base the
/// corpus gives shares of the same words ("Cremation accounted for 59.4%
/// of U.S. deaths"): a rate is a share of something its writer did not
/// name, and where every writer who names it names the same thing, that
/// is it. With two bases ("40% of firms", "40% of households") the rate
/// could be either, and is left as written. `slots` gives the subject
/// slots besides metric, base and terms, or `None` for a claim that is
/// compared with nothing.
pub(crate) fn complete_base<K: Hash + Eq + Copy + Send + Sync>(
    all: &[(ClaimRef, &Claim)],
    slots: impl Fn(&Claim) -> Option<K> + Sync,
) -> Vec<(usize, Claim)> {
    let is_share = |c: &Claim| c.subject.metric == Metric::Share && !c.subject.base.is_empty();
    let is_rate = |c: &Claim| {
        c.unit == Unit::Percent
            && c.subject.metric == Metric::Level
            && c.subject.base.is_empty()
            && !c.subject.terms.is_empty()
            && !c.subject.anaphoric
    };
    let mut bases: FastMap<(K, Terms), Vec<Terms>> = FastMap::default();
    for (_, c) in all.iter().filter(|(_, c)| is_share(c)) {
        if let Some(k) = slots(c) {
            let known = bases.entry((k, c.subject.terms)).or_default();
            if !known.contains(&c.subject.base) {
                known.push(c.subject.base);
            }
        }
    }
    if bases.is_empty() {
        return Vec::new();
    }
    (0..all.len())
        .into_par_iter()
        .filter_map(|j| {
            let c = all[j].1;
            if !is_rate(c) {
                return None;
            }
            let k = slots(c)?;
            let [base] = bases.get(&(k, c.subject.terms))?.as_slice() else {
                return None;
            };
            let mut completed = c.clone();
            completed.subject.metric = Metric::Share;
            completed.subject.base = *base;
            Some((j, completed))
        })
        .collect()
}

/// May a shortened subject have dropped `word`? Not a word of what is
/// measured ("pay"), of how it is summed up ("the 4% average" is the
/// average's own) or of a comparison ("grow faster than the 4% average"):
/// those say what the figure is measured against, not whose it is.
fn droppable_word(word: Term) -> bool {
    let w = word.as_str();
    !is_measure_term(w) && !is_aggregate_or_comparison(w)
}

word_set!(
    /// Words of how a figure is summed up or compared, which a subject
    /// may carry when the clause sets it against another figure.
    is_aggregate_or_comparison: [
    "average", "median", "mean", "typical", "faster", "slower", "higher", "lower", "larger",
    "smaller", "bigger", "greater", "more", "less", "fewer", "better", "worse",
]
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{Lexicon, extract_prose};

    /// Runs `f` on the claims of `texts`, one article each, as the
    /// comparison lists them.
    fn with_claims<R>(texts: &[&str], f: impl FnOnce(&[(ClaimRef, &Claim)]) -> R) -> R {
        let lexicon = Lexicon::builtin();
        let date = chrono::NaiveDate::from_ymd_opt(2024, 5, 1);
        let docs: Vec<Vec<Claim>> = texts
            .iter()
            .map(|t| extract_prose(t, date, &lexicon))
            .collect();
        let all: Vec<(ClaimRef, &Claim)> = docs
            .iter()
            .enumerate()
            .flat_map(|(d, cs)| {
                cs.iter()
                    .enumerate()
                    .map(move |(c, claim)| (ClaimRef { doc: d, claim: c }, claim))
            })
            .collect();
        f(&all)
    }

    fn completed(texts: &[&str]) -> Vec<(usize, Vec<&'static str>)> {
        with_claims(texts, |all| {
            complete(all, |c| Some((c.unit, c.subject.metric)))
                .into_iter()
                .map(|(j, c)| (j, c.subject.terms.iter().map(Term::as_str).collect()))
                .collect()
        })
    }

    #[test]
    fn a_shortened_subject_takes_back_the_modifier_its_article_writes() {
        let got = completed(&[
            "Dental hygienists earned a median wage of $87,530 in May 2023.",
            "Dental assistants earned a median wage of $46,540 in May 2023. \
             Hygienists earned a median wage of $94,260 in May 2023.",
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains(&"dental"), "{got:?}");
    }

    fn based(texts: &[&str]) -> Vec<(usize, String)> {
        with_claims(texts, |all| {
            complete_base(all, |c| Some((c.unit, c.subject.geo)))
                .into_iter()
                .map(|(j, c)| (j, c.subject.display()))
                .collect()
        })
    }

    #[test]
    fn a_rate_takes_the_one_base_the_corpus_gives_its_words() {
        let got = based(&[
            "The U.S. cremation rate reached 61.8% in 2024.",
            "Cremation accounted for 59.4% of U.S. deaths in 2024.",
        ]);
        assert_eq!(got, [(0, "share of death: cremation · US".to_string())]);
        // Two bases: the rate could be of either.
        let got = based(&[
            "The U.S. cremation rate reached 61.8% in 2024.",
            "Cremation accounted for 59.4% of U.S. deaths in 2024.",
            "Cremation accounted for 40% of U.S. funeral home revenue in 2024.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_group_said_whole_takes_back_nothing() {
        for whole in [
            "All hygienists earned a median wage of $94,260 in May 2023.",
            "Hygienists as a whole earned a median wage of $94,260 in May 2023.",
        ] {
            let got = completed(&[
                "Dental hygienists earned a median wage of $87,530 in May 2023.",
                &format!("Dental assistants earned a median wage of $46,540 in May 2023. {whole}"),
            ]);
            assert!(got.is_empty(), "{whole}: {got:?}");
        }
    }

    #[test]
    fn a_modifier_its_article_never_writes_is_not_supplied() {
        let got = completed(&[
            "Dental hygienists earned a median wage of $87,530 in May 2023.",
            "Hygienists earned a median wage of $94,260 in May 2023.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_role_named_in_full_for_one_figure_and_short_for_another_is_one_role() {
        let got = completed(&[
            "Dental hygienists earned a median wage of $76,200 in May 2023.",
            "Employment of dental hygienists is projected to grow 7% from 2023 to 2033. \
             Hygienists earned a median wage of $87,530 in May 2023.",
        ]);
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].1.contains(&"dental"), "{got:?}");
    }

    #[test]
    fn a_thing_is_no_shortened_name_of_what_its_article_writes_with_it() {
        // "A wedding" is not short for "wedding photography".
        let got = completed(&[
            "Couples paid an average of $3,400 for wedding photography in 2024.",
            "Wedding photography revenue grew 4% in 2024. \
             The average cost of a wedding was $33,000 in 2024.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_article_that_writes_both_forms_keeps_them_apart() {
        let got = completed(&[
            "Travel nurses earned a median wage of $105,000 in 2023.",
            "Travel nurses earned a median wage of $101,000 in 2023, \
             while nurses earned a median wage of $86,070 in 2023.",
        ]);
        assert!(got.is_empty(), "{got:?}");
    }
}
