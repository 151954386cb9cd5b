//! The engine and its one pipeline ([`Engine::check`]): gather the articles
//! (read, or their claims taken from the cache: `gather.rs`), parse each into
//! a [`Document`], run the document rules, apply suppressions, compare the
//! claims, run the corpus rules, and give the findings severities from the
//! configuration.

use super::claims_pass::ClaimsPass;
use super::gather::{CacheUse, Gathered, Keys};
use super::note::Note;
use super::registry::{Built, Registry};
use super::suppress::Suppressions;
use super::{Context, Corpus, CorpusRule, DocumentRule};
use crate::cache::ClaimsCache;
use crate::catalog::Catalog;
use crate::claims::{self, Claim, Facts};
use crate::config::{Config, ConfigError, Level};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::source::{FileId, SourceFile, is_focus};
use crate::timings;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// What a run learns from one article it read: its index, its document
/// rules' findings, its suppression comments and (unless the cache knew
/// them) its claims.
type Parsed = (usize, Vec<Diagnostic>, Suppressions, Option<Vec<Claim>>);

/// What one run checks.
pub struct Plan<'a> {
    /// Every article the run reads: the corpus the claims are compared in.
    pub paths: &'a [PathBuf],
    /// The articles whose findings are wanted (canonical paths, see
    /// [`crate::source::canonical`]); `None`: all of them. The document rules
    /// run on these only, and only the findings that touch one of them (as
    /// primary or related location) are kept: a finding between two other
    /// articles is dropped by design.
    pub focus: Option<&'a HashSet<PathBuf>>,
    /// The claims cache that spares re-reading unchanged articles.
    pub cache: CacheUse<'a>,
    /// The caller reads the findings only, not [`RunResult::claims`]: a full
    /// run whose corpus findings are cached may then leave the claims
    /// cache undecoded (and the claims empty).
    pub findings_only: bool,
}

/// Everything a run produced.
#[derive(Debug, Default)]
pub struct RunResult {
    /// Files checked, indexed by `FileId`.
    pub files: Vec<SourceFile>,
    /// Findings, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Skipped and unreadable files.
    pub notes: Vec<Note>,
    /// Statistical claims of each file (empty when no claim rule ran, or
    /// when [`Plan::findings_only`] let the findings cache spare them).
    pub claims: Vec<Vec<Claim>>,
    /// The canonical facts file the claims were checked against.
    pub facts: Option<Facts>,
}

impl RunResult {
    /// The file a `FileId` names.
    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }
}

/// The configured set of rules, ready to run.
pub struct Engine {
    document_rules: Vec<Box<dyn DocumentRule>>,
    corpus_rules: Vec<Box<dyn CorpusRule>>,
    severities: HashMap<String, Severity>,
    context: Context,
    pub(super) claims: Option<ClaimsPass>,
    /// Articles larger than this are skipped with a note.
    pub(super) max_article_bytes: u64,
    /// Hash of everything besides the articles that the corpus rules'
    /// findings depend on (the rules, their options, the claims pass, the
    /// context): the findings cache's key starts from it.
    findings_key: u64,
}

impl Engine {
    /// Build every enabled rule of `catalog` from `registry` with the
    /// options in `config` (the built-in rules:
    /// `crate::rules::registry::REGISTRY`).
    pub fn new(
        catalog: &Catalog,
        registry: &Registry,
        config: &Config,
        context: Context,
    ) -> Result<Engine, ConfigError> {
        config.validate(catalog)?;
        let mut context = context;
        context.rule_ids = catalog
            .rules()
            .iter()
            .flat_map(|r| std::iter::once(&r.id).chain(&r.aliases))
            .cloned()
            .collect();
        context.rule_ids.sort();
        let mut engine = Engine {
            document_rules: Vec::new(),
            corpus_rules: Vec::new(),
            severities: HashMap::new(),
            context,
            claims: None,
            max_article_bytes: config.max_article_bytes(),
            findings_key: 0,
        };
        // What the corpus rules are built from, for the findings cache.
        let mut corpus_rules = Vec::new();
        for spec in catalog.rules() {
            let setting = config
                .rules
                .get(&spec.id)
                .or_else(|| spec.aliases.iter().find_map(|a| config.rules.get(a)));
            let severity = match setting.and_then(|s| s.level) {
                Some(Level::Off) => continue,
                Some(Level::On(sev)) => sev,
                None => spec.severity,
            };
            let mut options = spec.default_options();
            if let Some(s) = setting {
                for (k, v) in &s.options {
                    let known = k.as_str().is_some_and(|k| spec.options.contains_key(k));
                    if !known {
                        let key = k.as_str().unwrap_or("?");
                        let names: Vec<_> = spec.options.keys().map(String::as_str).collect();
                        let list = if names.is_empty() {
                            "none".to_string()
                        } else {
                            names.join(", ")
                        };
                        return Err(config.option_error(
                            &spec.id,
                            Some(key),
                            format!("unknown option `{key}` (this rule's options: {list})"),
                        ));
                    }
                    options.insert(k.clone(), v.clone());
                }
            }
            // A bad value of the only option set is that option's fault.
            let only_set = setting
                .filter(|s| s.options.len() == 1)
                .and_then(|s| s.options.keys().next())
                .and_then(|k| k.as_str());
            let described = serde_yaml::to_string(&options).unwrap_or_default();
            let built = (registry.build)(spec, options)
                .map_err(|m| config.option_error(&spec.id, only_set, m))?;
            match built {
                Some(Built::Document(rule)) => engine.document_rules.push(rule),
                Some(Built::Corpus(rule)) => {
                    engine.corpus_rules.push(rule);
                    corpus_rules.push(format!("{}\0{described}", spec.id));
                }
                None => continue,
            }
            engine.severities.insert(spec.id.clone(), severity);
        }
        if !engine.corpus_rules.is_empty() {
            let pass = ClaimsPass::load(config, &engine.context.root, registry.claim_rules)?;
            let context = &engine.context;
            let described = format!(
                "{}\0{}\0{}\0{}\0{}\0{}\0{}\0{}",
                pass.cache_key,
                pass.facts_hash,
                engine.max_article_bytes,
                context.today,
                context.root.display(),
                context.rule_ids.join(","),
                registry.claim_rules.join(","),
                corpus_rules.join("\0"),
            );
            engine.findings_key = crate::cache::content_hash(described.as_bytes());
            engine.claims = Some(pass);
        }
        Ok(engine)
    }

    /// The run's context.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// Articles larger than this many bytes are not read.
    pub fn max_article_bytes(&self) -> u64 {
        self.max_article_bytes
    }

    /// Whether rule `id` is enabled.
    pub fn is_enabled(&self, id: &str) -> bool {
        self.severities.contains_key(id)
    }

    /// Findings of the document rules alone on one file, with severities and
    /// suppressions applied: what `--fix` iterates on.
    pub fn check_document(&self, file: &SourceFile) -> Vec<Diagnostic> {
        let (mut diagnostics, suppressions) = self.run_document_rules(&Document::parse(file));
        self.finish(&mut diagnostics, |_| &suppressions);
        diagnostics
    }

    pub(super) fn run_document_rules(&self, doc: &Document) -> (Vec<Diagnostic>, Suppressions) {
        let mut out = Vec::new();
        for rule in &self.document_rules {
            rule.check(doc, &self.context, &mut out);
        }
        (out, Suppressions::of(doc))
    }

    /// The corpus rules' findings on `corpus`, appended to `diagnostics`.
    pub(super) fn run_corpus_rules(&self, corpus: &Corpus, diagnostics: &mut Vec<Diagnostic>) {
        // One finding per conflict at most: grow the list once.
        diagnostics.reserve(corpus.conflicts.len() + corpus.fact_conflicts.len());
        for rule in &self.corpus_rules {
            rule.check(corpus, &self.context, diagnostics);
        }
    }

    /// Give findings their configured severity, drop suppressed ones and
    /// those of disabled rules, and sort them by file and position.
    pub(super) fn finish<'s>(
        &self,
        diagnostics: &mut Vec<Diagnostic>,
        suppressions: impl Fn(&Diagnostic) -> &'s Suppressions,
    ) {
        diagnostics.retain_mut(|d| {
            let Some(sev) = self.severities.get(d.rule.as_ref()) else {
                return false;
            };
            d.severity = *sev;
            !suppressions(d).suppresses(d)
        });
        diagnostics
            .sort_by(|a, b| (a.file, a.span.start, &a.rule).cmp(&(b.file, b.span.start, &b.rule)));
    }

    /// Checks what `plan` names: the one pipeline every run goes through.
    pub fn check(&self, plan: Plan) -> RunResult {
        let limit = self.max_article_bytes;
        let reading = timings::phase("read");
        let run = match &self.claims {
            Some(pass) => Gathered::gather(
                plan.paths,
                plan.focus,
                plan.cache,
                Keys {
                    claims: pass.cache_key,
                    findings: Some(self.findings_key),
                    claims_needed: !plan.findings_only,
                },
                limit,
            ),
            // No claim rule: the other articles play no part.
            None => {
                let named: Vec<PathBuf> = plan
                    .paths
                    .iter()
                    .filter(|p| plan.focus.is_none_or(|focus| is_focus(p, focus)))
                    .cloned()
                    .collect();
                Gathered::gather(&named, None, CacheUse::Off, Keys::NONE, limit)
            }
        };
        reading.end();
        self.check_gathered(run)
    }

    /// Checks already decoded files (stdin, tests).
    pub fn check_files(&self, files: Vec<SourceFile>) -> RunResult {
        self.check_gathered(Gathered::of_files(files))
    }

    /// The claims cache in `dir` for this engine (see [`ClaimsCache::load`];
    /// the default, no cache, when no claim rule is enabled). Loading can
    /// run while the corpus is walked.
    pub fn open_claims_cache(&self, dir: &Path) -> ClaimsCache {
        match &self.claims {
            Some(pass) => ClaimsCache::load(dir, pass.cache_key),
            None => ClaimsCache::default(),
        }
    }

    /// Parses what was read, runs the document rules on the files in focus,
    /// extracts the claims not already known, compares them, runs the
    /// corpus rules, and keeps the findings that touch a file in focus.
    fn check_gathered(&self, mut run: Gathered) -> RunResult {
        let documents = timings::phase("documents");
        let parsed: Vec<Parsed> = run
            .files
            .par_iter()
            .enumerate()
            .filter(|(i, _)| run.loaded[*i])
            .map(|(i, file)| {
                let doc = Document::parse(file);
                let (diagnostics, suppressions) = if run.in_focus[i] {
                    self.run_document_rules(&doc)
                } else {
                    (Vec::new(), Suppressions::of(&doc))
                };
                let claims = match &self.claims {
                    Some(pass) if run.extract[i] => Some(pass.extract(&doc)),
                    _ => None,
                };
                (i, diagnostics, suppressions, claims)
            })
            .collect();
        documents.end();
        let mut diagnostics = Vec::new();
        for (i, d, s, c) in parsed {
            diagnostics.extend(d);
            run.suppressions[i] = s;
            if let Some(c) = c {
                run.claims[i] = c;
            }
        }
        if let Some(found) = run.findings.take() {
            // The findings cache holds what the comparison and the corpus
            // rules would find again, and the caches need no rewrite.
            diagnostics.extend(found);
        } else if let Some(pass) = &self.claims {
            let comparing = timings::phase("compare");
            let conflicts = run.compare_and_load(pass, self.max_article_bytes);
            comparing.end();
            let corpus_rules = timings::phase("corpus rules");
            let fact_conflicts = pass
                .facts
                .as_ref()
                .map(|f| claims::check_facts(&run.focus_claims(), f))
                .unwrap_or_default();
            let corpus = Corpus {
                files: &run.files,
                claims: &run.claims,
                conflicts: &conflicts,
                facts: pass.facts.as_ref(),
                fact_conflicts: &fact_conflicts,
            };
            let start = diagnostics.len();
            self.run_corpus_rules(&corpus, &mut diagnostics);
            corpus_rules.end();
            // Saved before `finish`, so that the findings cache keeps what
            // severities and suppressions are applied to.
            let saving = timings::phase("save cache");
            run.save_caches(&diagnostics[start..]);
            saving.end();
        }
        let finishing = timings::phase("finish");
        self.finish(&mut diagnostics, |d| &run.suppressions[d.file.0 as usize]);
        if !run.whole {
            let touches = |id: FileId| run.in_focus[id.0 as usize];
            diagnostics.retain(|d| touches(d.file) || d.related.iter().any(|l| touches(l.file)));
        }
        finishing.end();
        RunResult {
            files: run.files,
            diagnostics,
            notes: run.notes,
            claims: run.claims,
            facts: self.claims.as_ref().and_then(|p| p.facts.clone()),
        }
    }
}
