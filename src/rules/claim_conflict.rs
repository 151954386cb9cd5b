//! What the five contradiction rules between statistical claims share
//! (`claim-period-mismatch`, `claim-value-mismatch`, `claim-hedge-conflict`,
//! `claim-scale-mismatch`, `claim-direction-mismatch`): one rule type, its
//! `min_confidence` option and the diagnostic it builds. The comparison runs
//! once per run in [`crate::claims::compare`]; each rule's own file gives its
//! id, the [`ConflictKind`] it reports and the sentence it says.

use crate::claims::{
    Claim, ClaimRef, Conflict, ConflictKind, present_across_new_year, restatements,
};
use crate::diagnostic::{Data, Diagnostic};
use crate::document::Span;
use crate::engine::registry::Built;
use crate::engine::{Context, Corpus, CorpusRule};
use crate::source::FileId;
use rayon::prelude::*;
use std::fmt::Write as _;

/// Writes a rule's sentence about the reported claim `here` and the other
/// claim `there`, found at `place` ("in `b.md`", "elsewhere in this
/// article"), without the closing "(both about: …)".
pub(crate) type Wording = fn(here: &Claim, there: &Claim, place: &str, out: &mut String);

/// One contradiction rule.
pub struct ClaimConflict {
    id: &'static str,
    kind: ConflictKind,
    wording: Wording,
    options: Options,
}

/// A claim rule's options.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
struct Options {
    /// Conflicts whose match is less sure than this are not reported.
    min_confidence: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            min_confidence: 0.5,
        }
    }
}

/// Builds the rule `id` reporting conflicts of `kind` in its own words.
pub(crate) fn build(
    id: &'static str,
    kind: ConflictKind,
    wording: Wording,
    options: serde_yaml::Mapping,
) -> Result<Built, String> {
    let options = crate::engine::registry::options::<Options>(options)?;
    if !(0.0..=1.0).contains(&options.min_confidence) {
        return Err("`min_confidence` must be between 0 and 1".into());
    }
    Ok(Built::Corpus(Box::new(ClaimConflict {
        id,
        kind,
        wording,
        options,
    })))
}

/// The claim a reference points at.
pub fn claim<'a>(corpus: &'a Corpus, r: ClaimRef) -> &'a Claim {
    &corpus.claims[r.doc][r.claim]
}

/// The span of a claim's figure.
pub fn figure_span(c: &Claim) -> Span {
    Span::from(c.span.clone())
}

impl CorpusRule for ClaimConflict {
    fn check(&self, corpus: &Corpus, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        // A corpus can have hundreds of thousands of conflicts: words are put
        // on them in parallel.
        let found: Vec<Diagnostic> = corpus
            .conflicts
            .par_iter()
            .filter(|c| c.kind == self.kind && c.confidence >= self.options.min_confidence)
            .map(|conflict| self.diagnostic(corpus, conflict))
            .collect();
        out.extend(found);
    }
}

impl ClaimConflict {
    fn diagnostic(&self, corpus: &Corpus, conflict: &Conflict) -> Diagnostic {
        let (a, b) = (claim(corpus, conflict.a), claim(corpus, conflict.b));
        let (file_a, file_b) = (FileId(conflict.a.doc as u32), FileId(conflict.b.doc as u32));
        let other_path = &corpus.files[conflict.b.doc].display;
        let mut related = b.describe();
        let clause = a.quote(corpus.files[conflict.a.doc].text());
        let message = if file_a == file_b {
            related.push_str(" (earlier in this article)");
            self.message(a, b, "elsewhere in this article", clause)
        } else {
            related.push_str(" (in ");
            related.push_str(other_path);
            related.push(')');
            // Name the other article, so one line of output says it all.
            self.message(a, b, &format!("in `{other_path}`"), clause)
        };
        let mut found = Diagnostic::new(self.id, file_a, figure_span(a), message)
            .with_label(a.describe())
            .with_related(file_b, figure_span(b), related);
        // The same figures given again in either article: one finding,
        // every place to correct.
        for (r, file) in [(conflict.b, file_b), (conflict.a, file_a)] {
            for again in restatements(corpus.claims, r) {
                let c = claim(corpus, again);
                let place = if file == file_a {
                    "this article"
                } else {
                    other_path.as_str()
                };
                found = found.with_related(
                    file,
                    figure_span(c),
                    format!("{} again (in {place})", c.describe()),
                );
            }
        }
        found.with_help(HELP).with_data(Data::ClaimPair {
            claim: conflict.a,
            other: conflict.b,
            confidence: conflict.confidence,
        })
    }

    /// One sentence, no trailing period, figures in backticks: what the two
    /// claims say, why they cannot both hold, and why they were matched
    /// ("(both about: median pay · travel nurse · US)"). `clause` is
    /// `here`'s own ([`Claim::quote`]), for the order of words.
    fn message(&self, here: &Claim, there: &Claim, place: &str, clause: &str) -> String {
        let mut out = String::with_capacity(256);
        (self.wording)(here, there, place, &mut out);
        out.push_str(" (both about: ");
        here.subject.write_display_in(clause, &mut out);
        // "in 2025 (present tense)" against "in 2024 (present tense)": two
        // years, but one moment, which the writer should be told.
        if present_across_new_year(here, there)
            && let (Some(x), Some(y)) = (here.as_of, there.as_of)
        {
            let months = (x - y).abs();
            let unit = if months == 1 { "month" } else { "months" };
            let _ = write!(
                out,
                "; both given as current, in articles published {months} {unit} apart"
            );
        }
        out.push(')');
        out
    }
}

const HELP: &str = "check both figures against their source; correct the wrong one, or register the verified figure in facts.yaml";
