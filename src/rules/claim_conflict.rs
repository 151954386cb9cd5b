//! The five contradiction rules between statistical claims
//! (`claim-period-mismatch`, `claim-value-mismatch`, `claim-hedge-conflict`,
//! `claim-scale-mismatch`, `claim-direction-mismatch`): one type, one id each.
//! The comparison itself runs once per run in [`crate::claims::compare`];
//! each rule turns its own kind of conflict into diagnostics.

use crate::claims::{self, Claim, ClaimRef, Conflict};
use crate::diagnostic::{Data, Diagnostic};
use crate::document::Span;
use crate::engine::registry::Built;
use crate::engine::{Context, Corpus, CorpusRule};
use crate::source::FileId;
use rayon::prelude::*;

/// One contradiction rule.
pub struct ClaimConflict {
    id: &'static str,
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

macro_rules! constructor {
    ($name:ident, $id:expr) => {
        /// Build the rule of the same id.
        pub fn $name(o: serde_yaml::Mapping) -> Result<Built, String> {
            let options = crate::engine::registry::options::<Options>(o)?;
            if !(0.0..=1.0).contains(&options.min_confidence) {
                return Err("`min_confidence` must be between 0 and 1".into());
            }
            Ok(Built::Corpus(Box::new(ClaimConflict { id: $id, options })))
        }
    };
}
constructor!(build_period, claims::RULE_PERIOD);
constructor!(build_value, claims::RULE_VALUE);
constructor!(build_hedge, claims::RULE_HEDGE);
constructor!(build_scale, claims::RULE_SCALE);
constructor!(build_direction, claims::RULE_DIRECTION);

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
            .filter(|c| c.rule == self.id && c.confidence >= self.options.min_confidence)
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
        // Name the other article, so one line of output says it all.
        let message = conflict.message(corpus.claims, &format!("in `{other_path}`"));
        let mut related = b.describe();
        if file_a == file_b {
            related.push_str(" (earlier in this article)");
        } else {
            related.push_str(" (in ");
            related.push_str(other_path);
            related.push(')');
        }
        Diagnostic::new(self.id, file_a, figure_span(a), message)
            .with_label(a.describe())
            .with_related(file_b, figure_span(b), related)
            .with_help(HELP)
            .with_data(Data::ClaimPair {
                claim: conflict.a,
                other: conflict.b,
                confidence: conflict.confidence,
            })
    }
}

const HELP: &str = "check both figures against their source; correct the wrong one, or register the verified figure in facts.yaml";
