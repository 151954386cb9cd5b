//! `suppression-rule-unknown`: a suppression comment or `copydesk-disable`
//! list that names a rule copydesk does not have, so it silences nothing
//! (usually a typo: `date-ordr`).

use crate::catalog::did_you_mean;
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::engine::registry::Built;
use crate::engine::suppress::Suppressions;
use crate::engine::{Context, DocumentRule};

/// Rule id.
pub const ID: &str = "suppression-rule-unknown";

/// The rule (no options).
pub struct SuppressionRuleUnknown;

/// Build from options.
pub fn build(_: serde_yaml::Mapping) -> Result<Built, String> {
    Ok(Built::Document(Box::new(SuppressionRuleUnknown)))
}

impl DocumentRule for SuppressionRuleUnknown {
    fn check(&self, doc: &Document, ctx: &Context, out: &mut Vec<Diagnostic>) {
        let known = |id: &str| id == "all" || ctx.rule_ids.binary_search_by(|r| r.as_str().cmp(id)).is_ok();
        for (id, at) in Suppressions::of(doc).named() {
            if known(id) {
                continue;
            }
            let hint = did_you_mean(id, ctx.rule_ids.iter().map(String::as_str));
            let help = if hint.is_empty() {
                "name a rule from `copydesk rules`, or `all`".to_string()
            } else {
                format!("{} (`copydesk rules` lists them all)", hint.trim_start_matches([';', ',', ' ']))
            };
            out.push(
                Diagnostic::new(
                    ID,
                    doc.source.id,
                    *at,
                    format!("suppression names `{id}`, which is not a copydesk rule, so it silences nothing"),
                )
                .with_help(help),
            );
        }
    }
}
