//! The claims pass of a run: the topic lexicon and facts file loaded once,
//! claim extraction per document, and the key a claims cache must carry to
//! be used with them.

use super::registry::Registry;
use crate::claims::{self, Claim, Facts, Lexicon, ProseInput, Tolerances};
use crate::config::{Config, ConfigError};
use crate::document::Document;
use crate::source::SourceFile;
use rayon::prelude::*;
use std::path::Path;

/// What the claim rules need, loaded once: the topic lexicon (built-in plus
/// the config's `lexicon:` section) and the canonical facts file.
pub(crate) struct ClaimsPass {
    pub(crate) lexicon: Lexicon,
    pub(crate) tolerances: Tolerances,
    pub(crate) facts: Option<Facts>,
    /// What a claims cache must be keyed by to be used with this pass.
    pub(crate) cache_key: u64,
    /// Hash of the facts file's path and bytes (0: no facts file), for the
    /// findings cache: the fact checks depend on both.
    pub(crate) facts_hash: u64,
    /// The rules that report one claim against another
    /// ([`Registry::claim_rules`](super::registry::Registry::claim_rules)).
    claim_rules: &'static [&'static str],
}

impl ClaimsPass {
    pub(crate) fn load(
        config: &Config,
        root: &Path,
        claim_rules: &'static [&'static str],
    ) -> Result<ClaimsPass, ConfigError> {
        let mut lexicon = Lexicon::builtin();
        if let Some(extra) = &config.lexicon {
            let spec =
                serde_yaml::from_value(extra.clone()).map_err(|e| ConfigError::ClaimsData {
                    what: "`lexicon` section of the config".into(),
                    message: e.to_string(),
                })?;
            lexicon.merge(spec);
        }
        let default_facts = root.join("facts.yaml");
        let facts_path = config.facts.clone().or_else(|| {
            default_facts
                .symlink_metadata()
                .is_ok()
                .then_some(default_facts)
        });
        let mut facts_hash = 0;
        let facts = match facts_path {
            None => None,
            Some(path) => {
                let what = path.display().to_string();
                let bytes =
                    crate::source::read_bounded(&path, crate::source::read::MAX_CONFIG_BYTES)
                        .map_err(|e| ConfigError::ClaimsData {
                            what: what.clone(),
                            message: e.to_string(),
                        })?;
                let mut keyed = path.as_os_str().as_encoded_bytes().to_vec();
                keyed.push(0);
                keyed.extend(&bytes);
                facts_hash = crate::cache::content_hash(&keyed);
                let text = String::from_utf8(bytes).map_err(|_| ConfigError::ClaimsData {
                    what: what.clone(),
                    message: "not valid UTF-8".into(),
                })?;
                crate::document::yaml_limits::check(&text, text.len()).map_err(|e| {
                    ConfigError::ClaimsData {
                        what: what.clone(),
                        message: format!("too large or complex to read: {e}"),
                    }
                })?;
                let facts =
                    Facts::parse_with(&text, &lexicon).map_err(|e| ConfigError::ClaimsData {
                        what,
                        message: e.to_string(),
                    })?;
                Some(facts)
            }
        };
        Ok(ClaimsPass {
            cache_key: crate::cache::key(config.lexicon.as_ref()),
            facts_hash,
            tolerances: lexicon.tolerances(),
            lexicon,
            facts,
            claim_rules,
        })
    }

    /// The claims of one document's prose.
    pub(crate) fn extract(&self, doc: &Document) -> Vec<Claim> {
        let blocks: Vec<_> = doc.body.prose.iter().map(|s| s.range()).collect();
        let masked: Vec<_> = doc.body.masked.iter().map(|s| s.range()).collect();
        let date = |key: &str| {
            doc.field_text(key)
                .and_then(|v| crate::document::dates::parse(&v).ok())
        };
        // An impossible publish date is reported by `date-invalid`; the
        // created date still anchors "this year" for the claims.
        let publish_date = date("publish_date")
            .or_else(|| date("date"))
            .or_else(|| date("created_date"));
        let topic: Vec<_> = doc
            .front_matter
            .iter()
            .flat_map(|fm| &fm.fields)
            .filter(|f| matches!(f.key.as_str(), "title" | "subtitle" | "description"))
            .map(|f| f.value_span.range())
            .collect();
        let title = doc
            .front_matter
            .iter()
            .flat_map(|fm| &fm.fields)
            .find(|f| f.key == "title")
            .map(|f| f.value_span.range());
        let input = ProseInput {
            text: doc.text(),
            blocks: &blocks,
            masked: &masked,
            publish_date,
            topic: &topic,
            title: title.as_ref(),
        };
        // The claims code reads other people's prose by rules of thumb: a
        // bug that panics on one article's sentence leaves that article's
        // figures out of the comparison, says so, and lets the run go on.
        let extracted = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            claims::extract(&input, &self.lexicon)
        }));
        let mut found = extracted.unwrap_or_else(|_| {
            eprintln!(
                "copydesk: internal error while reading the figures of {}; they are left out \
                 of the claims comparison (please report this with the article)",
                doc.source.display
            );
            Vec::new()
        });
        // Figures where every claim rule is disabled are withdrawn, so they
        // raise no finding in another article either.
        let suppressions = super::suppress::Suppressions::of(doc);
        found.retain(|c| !suppressions.silences_all_of(self.claim_rules, c.span.start));
        found
    }
}

/// The claims of `files` for the `copydesk claims` inventory: the claims
/// pass alone, whatever rules are enabled (figures whose claim rules are all
/// suppressed are left out, as in a check).
pub fn extract_claims(
    files: &[SourceFile],
    registry: &Registry,
    config: &Config,
    root: &Path,
) -> Result<Vec<Vec<Claim>>, ConfigError> {
    let pass = ClaimsPass::load(config, root, registry.claim_rules)?;
    Ok(files
        .par_iter()
        .map(|f| pass.extract(&Document::parse(f)))
        .collect())
}
