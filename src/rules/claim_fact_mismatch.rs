//! `claim-fact-mismatch`: a claim that disagrees with a figure registered in
//! the canonical facts file (`facts.yaml`).

use super::claim_conflict::{claim, figure_span};
use crate::diagnostic::{Data, Diagnostic};
use crate::engine::registry::Built;
use crate::engine::{Context, Corpus, CorpusRule};
use crate::source::FileId;

/// Rule id.
pub const ID: &str = "claim-fact-mismatch";

/// The rule (no options).
pub struct ClaimFactMismatch;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Corpus(Box::new(ClaimFactMismatch)))
}

impl CorpusRule for ClaimFactMismatch {
    fn check(&self, corpus: &Corpus, _ctx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(facts) = corpus.facts else {
            return;
        };
        for conflict in corpus.fact_conflicts {
            let c = claim(corpus, conflict.claim);
            let fact = &facts.facts[conflict.fact];
            // "`$48,000` in 2023 here but the facts file registers `$61,590`
            // in 2023 (source: BLS)".
            let mut message = String::with_capacity(160);
            c.write_framed(&mut message);
            message.push_str(" here but the facts file registers ");
            fact.claim.write_framed(&mut message);
            message.push_str(" (source: ");
            message.push_str(&fact.source);
            message.push(')');
            out.push(
                Diagnostic::new(
                    ID,
                    FileId(conflict.claim.doc as u32),
                    figure_span(c),
                    message,
                )
                .with_label(c.describe())
                .with_help(
                    "use the registered figure, or update facts.yaml if the source has changed",
                )
                .with_data(Data::ClaimFact {
                    claim: conflict.claim,
                    fact: conflict.fact,
                }),
            );
        }
    }
}
