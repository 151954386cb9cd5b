//! The canonical facts file: verified figures that articles must agree with,
//! and the check that flags claims contradicting them
//! (`claim-fact-mismatch`).
//!
//! # Format (`facts.yaml`)
//!
//! Each fact is written as one plain English sentence, exactly as an article
//! would state it, and is read with the same grammar as article prose. This
//! keeps the file easy to review and guarantees that the fact's subject, unit
//! and period are normalised the same way as the claims it is checked against.
//!
//! ```yaml
//! facts:
//!   - claim: "The median annual wage for wind turbine technicians was $61,770 in 2023."
//!     source: "BLS Occupational Outlook Handbook, 2024 edition"
//!     url: "https://www.bls.gov/ooh/"          # optional
//!     as_of: 2024-09-01                           # optional: resolves "now", "next five years"
//!     note: "May 2023 wage data"                  # optional, for reviewers
//!   - claim: "Employment of wind turbine technicians is projected to grow 45% from 2022 to 2032."
//!     source: "BLS Employment Projections"
//! ```
//!
//! Rules: `claim` and `source` are required; each `claim` must contain exactly
//! one figure the grammar recognises (otherwise [`Facts::parse`] fails and
//! names the entry); unknown keys are rejected. A fact can be hedged ("more
//! than 50% of ...") or a range ("between $65,000 and $85,000"); an article
//! claim conflicts with it when their subjects match, their periods are
//! comparable and the two intervals do not overlap after tolerances, or when
//! they report the same change in opposite directions.

use std::fmt;

use serde::Deserialize;

use super::compare::{
    SubjectMatch, comparable, plain_similarity, subjects_match, values_compatible,
};
use super::extract::extract_prose;
use super::lexicon::{FastMap, Lexicon, Tolerances};
use super::subject::Metric;
use super::term::Term;
use super::{Claim, ClaimRef};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    facts: Vec<FactSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FactSpec {
    claim: String,
    source: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// One verified figure.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Fact {
    /// The sentence as written in the file.
    pub statement: String,
    /// The figure read from the sentence.
    pub claim: Claim,
    /// Where the figure comes from.
    pub source: String,
    /// Link to the source, if given.
    pub url: Option<String>,
    /// Reviewer note, if given.
    pub note: Option<String>,
}

/// A parsed facts file.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The facts, in file order.
    pub facts: Vec<Fact>,
    /// Tolerances used by [`check_facts`].
    pub tolerances: Tolerances,
}

/// Why a facts file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum FactsError {
    /// Not valid YAML, or not the documented shape.
    Yaml(String),
    /// Entry `index` (0-based) has no recognisable figure.
    NoFigure {
        /// Entry index.
        index: usize,
        /// Its sentence.
        claim: String,
    },
    /// Entry `index` has more than one figure; split it.
    SeveralFigures {
        /// Entry index.
        index: usize,
        /// Its sentence.
        claim: String,
    },
    /// Entry `index` has an `as_of` that is not a YYYY-MM-DD date.
    BadDate {
        /// Entry index.
        index: usize,
        /// The value found.
        value: String,
    },
}

impl fmt::Display for FactsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FactsError::Yaml(e) => write!(f, "facts file is not valid: {e}"),
            FactsError::NoFigure { index, claim } => {
                write!(
                    f,
                    "fact #{} has no figure the claims grammar can read: {claim:?}",
                    index + 1
                )
            }
            FactsError::SeveralFigures { index, claim } => {
                write!(
                    f,
                    "fact #{} has more than one figure; write one fact per figure: {claim:?}",
                    index + 1
                )
            }
            FactsError::BadDate { index, value } => {
                write!(
                    f,
                    "fact #{} has an as_of that is not a YYYY-MM-DD date: {value:?}",
                    index + 1
                )
            }
        }
    }
}

impl std::error::Error for FactsError {}

impl Facts {
    /// Parses a facts file with the built-in lexicon.
    pub fn parse(yaml: &str) -> Result<Facts, FactsError> {
        Facts::parse_with(yaml, &Lexicon::builtin())
    }

    /// Parses a facts file with a given lexicon (use the same lexicon as for
    /// the articles, so subjects are normalised alike).
    pub fn parse_with(yaml: &str, lexicon: &Lexicon) -> Result<Facts, FactsError> {
        let file: FactsFile =
            serde_yaml::from_str(yaml).map_err(|e| FactsError::Yaml(e.to_string()))?;
        let mut facts = Vec::with_capacity(file.facts.len());
        for (index, spec) in file.facts.into_iter().enumerate() {
            let as_of = match &spec.as_of {
                Some(v) => Some(
                    chrono::NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").map_err(|_| {
                        FactsError::BadDate {
                            index,
                            value: v.clone(),
                        }
                    })?,
                ),
                None => None,
            };
            let mut claims = extract_prose(spec.claim.trim(), as_of, lexicon);
            match claims.len() {
                0 => {
                    return Err(FactsError::NoFigure {
                        index,
                        claim: spec.claim,
                    });
                }
                1 => {}
                _ => {
                    return Err(FactsError::SeveralFigures {
                        index,
                        claim: spec.claim,
                    });
                }
            }
            let claim = claims.remove(0);
            facts.push(Fact {
                statement: spec.claim,
                claim,
                source: spec.source,
                url: spec.url,
                note: spec.note,
            });
        }
        Ok(Facts {
            facts,
            tolerances: lexicon.tolerances(),
        })
    }
}

/// A claim that disagrees with a registered fact.
#[derive(Debug, Clone, PartialEq)]
pub struct FactConflict {
    /// The article claim.
    pub claim: ClaimRef,
    /// Index into [`Facts::facts`].
    pub fact: usize,
}

/// Checks every claim against the facts file. A claim is checked against the
/// facts that share one of its subject terms (an index, not all pairs).
pub fn check_facts(docs: &[Vec<Claim>], facts: &Facts) -> Vec<FactConflict> {
    let tol = facts.tolerances;
    let mut by_term: FastMap<Term, Vec<usize>> = FastMap::default();
    for (i, f) in facts.facts.iter().enumerate() {
        for t in f
            .claim
            .subject
            .terms
            .iter()
            .chain(f.claim.subject.base.iter())
        {
            by_term.entry(t).or_default().push(i);
        }
    }
    let mut candidates: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for (d, claims) in docs.iter().enumerate() {
        for (c, claim) in claims.iter().enumerate() {
            candidates.clear();
            candidates.extend(
                claim
                    .subject
                    .terms
                    .iter()
                    .chain(claim.subject.base.iter())
                    .filter_map(|t| by_term.get(&t))
                    .flatten(),
            );
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &fi in &candidates {
                let fact = &facts.facts[fi];
                let f = &fact.claim;
                if subjects_match(
                    f,
                    claim,
                    || plain_similarity(f.subject.terms, claim.subject.terms),
                    tol.subject_threshold,
                ) != SubjectMatch::Strict
                    || !comparable(&f.period, &claim.period)
                {
                    continue;
                }
                let opposite = claim.subject.metric == Metric::Change
                    && claim.direction != 0
                    && f.direction != 0
                    && claim.direction != f.direction;
                if !opposite && values_compatible(f, claim, &tol) {
                    continue;
                }
                out.push(FactConflict {
                    claim: ClaimRef { doc: d, claim: c },
                    fact: fi,
                });
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        let ok = Facts::parse(
            "facts:\n  - claim: \"The median annual wage for wind turbine technicians was $61,770 in 2023.\"\n    source: BLS\n",
        )
        .expect("valid facts");
        assert_eq!(ok.facts.len(), 1);
        assert_eq!(ok.facts[0].claim.value, 61_770.0);
        assert!(matches!(
            Facts::parse("facts:\n  - claim: no figure here\n    source: x\n"),
            Err(FactsError::NoFigure { .. })
        ));
        assert!(matches!(
            Facts::parse("facts: [{claim: x}]"),
            Err(FactsError::Yaml(_))
        ));
        assert!(matches!(
            Facts::parse(
                "facts:\n  - claim: Pay rose 5% in 2023.\n    source: x\n    as_of: soon\n"
            ),
            Err(FactsError::BadDate { .. })
        ));
    }

    #[test]
    fn flags_disagreeing_claims() {
        let facts = Facts::parse(
            "facts:\n  - claim: \"The median annual wage for wind turbine technicians was $61,770 in 2023.\"\n    source: BLS OOH\n",
        )
        .expect("valid facts");
        let text = "Wind turbine technicians earned a median of $49,500 in 2023. Wind turbine technicians earned a median of $61,770 in 2023.";
        let claims = extract_prose(text, None, &Lexicon::builtin());
        let found = check_facts(&[claims], &facts);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].claim.claim, 0);
        assert_eq!(facts.facts[found[0].fact].source, "BLS OOH");
    }
}
