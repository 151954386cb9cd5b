//! The claims pass of a run: the topic lexicon and facts file loaded once,
//! claim extraction per document, and, for partial runs, the choice of the
//! articles worth parsing to compare with the named files' claims.

use crate::claims::{self, Claim, Facts, Lexicon, ProseInput, Term, Tolerances};
use crate::config::{Config, ConfigError};
use crate::document::Document;
use crate::source::{FileId, SourceFile};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;

/// In a partial run, how many articles are parsed for each subject term of
/// the focused claims (see [`Engine::check_paths_focused`](crate::engine::Engine::check_paths_focused)).
const CANDIDATES_PER_TERM: usize = 64;

/// What the claim rules need, loaded once: the topic lexicon (built-in plus
/// the config's `lexicon:` section) and the canonical facts file.
pub(crate) struct ClaimsPass {
    pub(crate) lexicon: Lexicon,
    pub(crate) tolerances: Tolerances,
    pub(crate) facts: Option<Facts>,
}

impl ClaimsPass {
    pub(crate) fn load(config: &Config, root: &Path) -> Result<ClaimsPass, ConfigError> {
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
        let facts_path = config
            .facts
            .clone()
            .or_else(|| default_facts.is_file().then_some(default_facts));
        let facts = match facts_path {
            None => None,
            Some(path) => {
                let what = path.display().to_string();
                let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::ClaimsData {
                    what: what.clone(),
                    message: e.to_string(),
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
            tolerances: lexicon.tolerances(),
            lexicon,
            facts,
        })
    }

    /// The files outside `focus` whose claims could match a claim of a file
    /// in `focus` (see [`Engine::check_paths_focused`](crate::engine::Engine::check_paths_focused)).
    pub(crate) fn candidates(
        &self,
        files: &[SourceFile],
        focus: &HashSet<FileId>,
    ) -> HashSet<FileId> {
        let focused: Vec<Vec<Claim>> = files
            .iter()
            .filter(|f| focus.contains(&f.id))
            .map(|f| self.extract(&Document::parse(f)))
            .collect();
        // One needle group per subject term; a group is every spelling.
        let mut groups: Vec<Term> = Vec::new();
        let mut claim_groups: Vec<Vec<usize>> = Vec::new();
        for claim in focused.iter().flatten() {
            let mut mine = Vec::new();
            for term in claim.subject.terms.iter().chain(claim.subject.base.iter()) {
                let g = groups.iter().position(|t| *t == term).unwrap_or_else(|| {
                    groups.push(term);
                    groups.len() - 1
                });
                mine.push(g);
            }
            claim_groups.push(mine);
        }
        if groups.is_empty() {
            return HashSet::new();
        }
        let mut needles = Vec::new();
        let mut needle_group = Vec::new();
        for (g, term) in groups.iter().enumerate() {
            for form in self.lexicon.surface_forms(*term) {
                // Plurals are stemmed in the lexicon: "company" must find "companies".
                let stem = form
                    .strip_suffix('y')
                    .filter(|s| s.len() >= 3)
                    .unwrap_or(&form)
                    .to_string();
                if stem.len() >= 2 {
                    needles.push(stem);
                    needle_group.push(g);
                }
            }
        }
        let Ok(searcher) = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&needles)
        else {
            // Cannot narrow the search: compare with every article.
            return files.iter().map(|f| f.id).collect();
        };
        let found: Vec<Vec<bool>> = files
            .par_iter()
            .map(|f| {
                let mut hit = vec![false; groups.len()];
                if !focus.contains(&f.id) {
                    let mut left = groups.len();
                    for m in searcher.find_overlapping_iter(f.text()) {
                        let g = needle_group[m.pattern().as_usize()];
                        if !hit[g] {
                            hit[g] = true;
                            left -= 1;
                            if left == 0 {
                                break;
                            }
                        }
                    }
                }
                hit
            })
            .collect();
        let frequency: Vec<usize> = (0..groups.len())
            .map(|g| found.iter().filter(|h| h[g]).count())
            .collect();
        let mut wanted = vec![false; groups.len()];
        for mine in &claim_groups {
            let mut by_rarity = mine.clone();
            by_rarity.sort_by_key(|&g| frequency[g]);
            for &g in by_rarity.iter().take(2) {
                wanted[g] = true;
            }
        }
        // A term that half the corpus uses ("job", "pay") would make every
        // article a candidate. The comparison itself looks at a bounded
        // number of claims per subject bucket, so a bounded sample per term
        // keeps a partial run in the same spirit and fast.
        let mut out = HashSet::new();
        for (g, _) in wanted.iter().enumerate().filter(|(_, w)| **w) {
            let hits = files
                .iter()
                .zip(&found)
                .filter(|(_, hit)| hit[g])
                .map(|(f, _)| f.id);
            out.extend(hits.take(CANDIDATES_PER_TERM));
        }
        out
    }

    /// The claims of one document's prose.
    pub(crate) fn extract(&self, doc: &Document) -> Vec<Claim> {
        let blocks: Vec<_> = doc.body.prose.iter().map(|s| s.range()).collect();
        let masked: Vec<_> = doc.body.masked.iter().map(|s| s.range()).collect();
        let date = |key: &str| {
            doc.field_text(key)
                .and_then(|v| crate::rules::dates::parse(&v).ok())
        };
        // An impossible publish date is reported by `date-invalid`; the
        // created date still anchors "this year" for the claims.
        let publish_date = date("publish_date")
            .or_else(|| date("date"))
            .or_else(|| date("created_date"));
        let input = ProseInput {
            text: doc.text(),
            blocks: &blocks,
            masked: &masked,
            publish_date,
        };
        claims::extract(&input, &self.lexicon)
    }
}

/// The claims of `files` for the `copydesk claims` inventory: the claims
/// pass alone, whatever rules are enabled.
pub fn extract_claims(
    files: &[SourceFile],
    config: &Config,
    root: &Path,
) -> Result<Vec<Vec<Claim>>, ConfigError> {
    let pass = ClaimsPass::load(config, root)?;
    Ok(files
        .par_iter()
        .map(|f| pass.extract(&Document::parse(f)))
        .collect())
}
