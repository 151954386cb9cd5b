//! One run over a set of files: read and decode them in parallel, parse each
//! into a [`Document`], run the document rules, apply suppressions, then run
//! the corpus rules over everything, and give the findings severities from
//! the configuration.

use super::claims_pass::ClaimsPass;
use super::registry::{Built, Registry};
use super::suppress::Suppressions;
use super::{Context, Corpus, CorpusRule, DocumentRule};
use crate::catalog::Catalog;
use crate::claims::{self, Claim, Facts};
use crate::config::{Config, ConfigError, Level};
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::source::{FileId, ReadError, SourceFile, decode_vec, read_bounded};
use crate::timings;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Something the user should know that is not a finding: a skipped binary
/// file, an unreadable one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The path concerned.
    pub path: PathBuf,
    /// What happened.
    pub message: String,
    /// Whether it is an error (unreadable file) rather than information.
    pub is_error: bool,
}

impl Note {
    /// A file that could not be read (an error).
    pub(crate) fn unreadable(path: &Path, e: &std::io::Error) -> Note {
        Note {
            path: path.to_path_buf(),
            message: format!("cannot read: {e}"),
            is_error: true,
        }
    }

    /// A file whose bytes were not read: a read error is an error; a file
    /// that is not a regular file (found by the walk) or too large is
    /// information, and the run goes on (issue 13).
    pub(crate) fn unread(path: &Path, e: &ReadError) -> Note {
        let (message, is_error) = match e {
            ReadError::Io(e) => return Note::unreadable(path, e),
            ReadError::NotRegular { .. } => (format!("skipped: {e}"), false),
            ReadError::TooLarge { .. } => (
                format!("skipped: {e} (`max_article_bytes` in copydesk.yaml)"),
                false,
            ),
        };
        Note {
            path: path.to_path_buf(),
            message,
            is_error,
        }
    }

    /// A file that is not text (information).
    pub(crate) fn binary(path: &Path) -> Note {
        Note {
            path: path.to_path_buf(),
            message: "skipped: binary file".into(),
            is_error: false,
        }
    }
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
    /// Statistical claims of each file (empty when no claim rule ran).
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
        };
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
            let built = (registry.build)(spec, options)
                .map_err(|m| config.option_error(&spec.id, only_set, m))?;
            match built {
                Some(Built::Document(rule)) => engine.document_rules.push(rule),
                Some(Built::Corpus(rule)) => engine.corpus_rules.push(rule),
                None => continue,
            }
            engine.severities.insert(spec.id.clone(), severity);
        }
        if !engine.corpus_rules.is_empty() {
            engine.claims = Some(ClaimsPass::load(
                config,
                &engine.context.root,
                registry.claim_rules,
            )?);
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

    /// Read, decode and check `paths`.
    pub fn check_paths(&self, paths: &[PathBuf]) -> RunResult {
        let reading = timings::phase("read");
        let (files, notes) = read_files(paths, self.max_article_bytes);
        reading.end();
        let mut result = self.check_files(files);
        result.notes = notes;
        result
    }

    /// A partial run (a pre-commit hook, a pull request): the cross-article
    /// rules see every file of `paths`, but the document rules run only on
    /// `focus` and only the findings that touch a file of `focus` (as primary
    /// or related location) are kept. Without a claims cache; see
    /// [`Engine::check_paths_focused_cached`], which this is with no cache.
    pub fn check_paths_focused(&self, paths: &[PathBuf], focus: &HashSet<PathBuf>) -> RunResult {
        self.check_paths_focused_cached(paths, focus, crate::cache::ClaimsCache::default())
    }

    /// Check already decoded files (stdin, tests).
    pub fn check_files(&self, files: Vec<SourceFile>) -> RunResult {
        self.check(files, Vec::new())
    }

    /// The run. `known` holds, per file, claims already extracted from its
    /// current bytes (from the claims cache); the others, and files past its
    /// end, are extracted here.
    pub(super) fn check(
        &self,
        files: Vec<SourceFile>,
        mut known: Vec<Option<Vec<Claim>>>,
    ) -> RunResult {
        known.resize_with(files.len(), || None);
        let documents = timings::phase("documents");
        let per_file: Vec<(Vec<Diagnostic>, Suppressions, Vec<Claim>)> = files
            .par_iter()
            .zip(known.par_iter_mut())
            .map(|(file, known)| {
                let doc = Document::parse(file);
                let (diagnostics, suppressions) = self.run_document_rules(&doc);
                let claims = match (&self.claims, known.take()) {
                    (Some(_), Some(claims)) => claims,
                    (Some(pass), None) => pass.extract(&doc),
                    (None, _) => Vec::new(),
                };
                (diagnostics, suppressions, claims)
            })
            .collect();
        documents.end();
        let mut diagnostics = Vec::new();
        let mut suppressions = Vec::with_capacity(files.len());
        let mut claims = Vec::with_capacity(files.len());
        for (d, s, c) in per_file {
            diagnostics.extend(d);
            suppressions.push(s);
            claims.push(c);
        }
        if let Some(pass) = &self.claims {
            let comparing = timings::phase("compare");
            let conflicts = claims::compare(&claims, &pass.tolerances);
            comparing.end();
            let corpus_rules = timings::phase("corpus rules");
            let fact_conflicts = pass
                .facts
                .as_ref()
                .map(|f| claims::check_facts(&claims, f))
                .unwrap_or_default();
            let corpus = Corpus {
                files: &files,
                claims: &claims,
                conflicts: &conflicts,
                facts: pass.facts.as_ref(),
                fact_conflicts: &fact_conflicts,
            };
            self.run_corpus_rules(&corpus, &mut diagnostics);
            corpus_rules.end();
        }
        let finishing = timings::phase("finish");
        self.finish(&mut diagnostics, |d| &suppressions[d.file.0 as usize]);
        finishing.end();
        let facts = self.claims.as_ref().and_then(|p| p.facts.clone());
        RunResult {
            files,
            diagnostics,
            notes: Vec::new(),
            claims,
            facts,
        }
    }
}

/// Read and decode `paths` in parallel: the files, and a note for each file
/// that could not be read or is binary.
/// Files larger than `limit` bytes are skipped with a note.
pub fn read_files(paths: &[PathBuf], limit: u64) -> (Vec<SourceFile>, Vec<Note>) {
    let read: Vec<Result<(PathBuf, crate::source::Decoded), Note>> =
        paths.par_iter().map(|p| read_one(p, limit)).collect();
    let mut files = Vec::new();
    let mut notes = Vec::new();
    for r in read {
        match r {
            Ok((path, decoded)) => {
                let id = FileId(files.len() as u32);
                files.push(SourceFile {
                    id,
                    display: display_path(&path),
                    path,
                    decoded,
                });
            }
            Err(note) => notes.push(note),
        }
    }
    (files, notes)
}

fn read_one(path: &Path, limit: u64) -> Result<(PathBuf, crate::source::Decoded), Note> {
    let bytes = read_bounded(path, limit).map_err(|e| Note::unread(path, &e))?;
    let decoded = decode_vec(bytes).map_err(|_| Note::binary(path))?;
    Ok((path.to_path_buf(), decoded))
}

/// Whether `path` is one of the (canonical) `focus` paths. The file name is
/// compared first: resolving every path of a large corpus costs system calls.
pub fn is_focus(path: &Path, focus: &HashSet<PathBuf>) -> bool {
    let name = path.file_name();
    focus.iter().any(|f| f.file_name() == name) && focus.contains(&canonical(path))
}

/// A path in one spelling, so `./a.md` and `content/../a.md` compare equal.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// How a path is shown in reports: relative to the current folder when it
/// lies inside it (a corpus set in the config is absolute, and annotations
/// of CI services only land on relative paths), as given otherwise.
pub(super) fn display_path(path: &Path) -> String {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let cwd = CWD.get_or_init(|| std::env::current_dir().ok());
    let relative = cwd
        .as_deref()
        .filter(|_| path.is_absolute())
        .and_then(|cwd| pathdiff::diff_paths(path, cwd))
        .filter(|rel| !rel.starts_with(".."));
    relative
        .as_deref()
        .unwrap_or(path)
        .strip_prefix("./")
        .unwrap_or(relative.as_deref().unwrap_or(path))
        .display()
        .to_string()
}
