//! A check session: the configuration, the rule catalogue and the engine,
//! loaded once, and the checks run with them. The CLI, tests and an editor
//! integration use this; the CLI only turns arguments into a [`Request`]
//! and a result into a report and an exit code.
//!
//! A check is two steps, so that a caller can show progress between them:
//! [`Session::select`] finds the articles a request names (walk, `--since`,
//! `--staged`), and [`Session::run`] checks them, comparing their claims
//! with the whole corpus when the request names only some articles.

use crate::catalog::Catalog;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{CacheUse, Context, Engine, Plan, RunResult};
use crate::fix::{FixError, FixOptions, Fixed, Targets, fix_checked, writable, write_atomically};
use crate::source::{FileId, SourceFile, WalkError, WalkOptions, walk};
use crate::source::{canonical, is_focus};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Everything a check needs, loaded from the config file and flags.
pub struct Session {
    /// The configuration.
    pub config: Config,
    /// The rule catalogue, house rules included.
    pub catalog: Catalog,
    /// The configured engine.
    pub engine: Engine,
}

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// Files and folders named (none: the current folder, the whole corpus).
    pub paths: Vec<PathBuf>,
    /// Only the articles changed since this git ref.
    pub since: Option<String>,
    /// Only the staged articles (all of them when nothing is staged).
    pub staged: bool,
    /// The folder holding every article, which a partial check compares the
    /// named articles with (else the config's `corpus:`).
    pub corpus: Option<PathBuf>,
    /// The claims cache folder; `None` runs without a cache.
    pub cache_dir: Option<PathBuf>,
    /// Files that are not articles even if the walk finds them (the report
    /// files of this run).
    pub not_articles: Vec<PathBuf>,
    /// The caller reads the findings only, not [`RunResult::claims`] (see
    /// [`Plan::findings_only`]).
    pub findings_only: bool,
}

/// The articles a [`Request`] names, ready to [`Session::run`].
#[derive(Debug)]
pub struct Selection {
    /// The folders and files named (the current folder when none).
    pub roots: Vec<PathBuf>,
    /// The articles to check.
    pub paths: Vec<PathBuf>,
    /// What the walk could not read.
    pub walk_errors: Vec<WalkError>,
    /// The corpus the articles are compared with, when it is not `paths`.
    corpus: Option<PathBuf>,
    /// Whether only some articles were asked for.
    partial: bool,
    cache_dir: Option<PathBuf>,
    findings_only: bool,
}

impl Selection {
    /// How many files were asked for, when that is fewer than the corpus read
    /// for the cross-article rules (the summary counts these).
    pub fn checked(&self) -> Option<usize> {
        (self.partial && self.corpus.is_some()).then_some(self.paths.len())
    }
}

impl Session {
    /// Loads the config (`config_path`, else the nearest `copydesk.yaml`
    /// upwards of the current folder), the catalogue and house rules, keeps
    /// the rules `select` and `ignore` name, and builds the engine. `today`
    /// pins the date future-date checks use.
    pub fn open(
        config_path: Option<&Path>,
        today: Option<NaiveDate>,
        select: &[String],
        ignore: &[String],
    ) -> miette::Result<Session> {
        let cwd = current_dir()?;
        let mut config = Config::discover(config_path, &cwd)?;
        let mut catalog = Catalog::builtin()?;
        for dir in &config.rule_dirs {
            catalog.load_dir(dir)?;
        }
        // The file's rule ids are checked first, so its mistakes point at it.
        config.validate(&catalog)?;
        config.select_rules(&catalog, select, ignore)?;
        let root = config
            .path
            .as_ref()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(cwd);
        let context = Context {
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            root,
            ..Default::default()
        };
        let engine = Engine::new(
            &catalog,
            &crate::rules::registry::REGISTRY,
            &config,
            context,
        )?;
        Ok(Session {
            config,
            catalog,
            engine,
        })
    }

    /// The folder the config lives in (or the current folder).
    pub fn root(&self) -> &Path {
        &self.engine.context().root
    }

    /// The walk options the config asks for.
    pub fn walk_options(&self) -> WalkOptions {
        let config = &self.config;
        let mut options = WalkOptions {
            include: config.include.clone(),
            exclude: config.exclude.clone(),
            ..WalkOptions::default()
        };
        if let Some(ext) = &config.extensions {
            options.extensions = ext.clone();
        }
        options
    }

    /// The articles `request` names.
    pub fn select(&self, request: &Request) -> miette::Result<Selection> {
        let roots = if request.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            request.paths.clone()
        };
        let (mut paths, walk_errors) = walk(&roots, &self.walk_options())
            .map_err(|e| miette::miette!("invalid include/exclude glob: {e}"))?;
        if let Some(reference) = &request.since {
            if reference.starts_with('-') {
                return Err(miette::miette!(
                    "--since takes a git ref, not `{reference}`"
                ));
            }
            let changed = crate::source::git::changed_since(&current_dir()?, reference)?;
            crate::source::git::retain_changed(&mut paths, &changed);
        }
        let mut staged_only = false;
        if request.staged {
            let staged = crate::source::git::staged(&current_dir()?)?;
            if !staged.is_empty() {
                crate::source::git::retain_changed(&mut paths, &staged);
                staged_only = true;
            }
        }
        if !request.not_articles.is_empty() {
            let skip: HashSet<PathBuf> =
                request.not_articles.iter().map(|p| canonical(p)).collect();
            paths.retain(|p| !is_focus(p, &skip));
        }
        // Staged articles are compared with every article of the repository,
        // `corpus:` or not: a hook must see what is already committed.
        let corpus = request
            .corpus
            .clone()
            .or_else(|| self.config.corpus.clone())
            .or_else(|| staged_only.then(|| PathBuf::from(".")));
        Ok(Selection {
            roots,
            paths,
            walk_errors,
            corpus,
            partial: !request.paths.is_empty() || request.since.is_some() || staged_only,
            cache_dir: request.cache_dir.clone(),
            findings_only: request.findings_only,
        })
    }

    /// Checks the selected articles. A partial selection is compared with
    /// the whole corpus (read through the claims cache when there is one);
    /// any other run records its articles' claims in the cache for the next
    /// partial run. Run again after fixing, it sees the corpus the same way.
    pub fn run(&self, selection: &Selection) -> miette::Result<RunResult> {
        let engine = &self.engine;
        let paths = &selection.paths;
        Ok(
            match selection.corpus.clone().filter(|_| selection.partial) {
                Some(dir) => {
                    // The cache loads while the corpus is walked.
                    let (walked, cache) = rayon::join(
                        || walk(&[dir], &self.walk_options()),
                        || {
                            selection
                                .cache_dir
                                .as_deref()
                                .map(|d| engine.open_claims_cache(d))
                                .unwrap_or_default()
                        },
                    );
                    let (mut all, _) =
                        walked.map_err(|e| miette::miette!("invalid include/exclude glob: {e}"))?;
                    let focus: HashSet<PathBuf> = paths.iter().map(|p| canonical(p)).collect();
                    // Named files outside the corpus folder are checked too.
                    let in_corpus: HashSet<PathBuf> = all
                        .iter()
                        .filter(|p| is_focus(p, &focus))
                        .map(|p| canonical(p))
                        .collect();
                    all.extend(
                        paths
                            .iter()
                            .filter(|p| !in_corpus.contains(&canonical(p)))
                            .cloned(),
                    );
                    engine.check(Plan {
                        paths: &all,
                        focus: Some(&focus),
                        cache: CacheUse::Loaded(cache),
                        findings_only: selection.findings_only,
                    })
                }
                None => engine.check(Plan {
                    paths,
                    focus: None,
                    cache: selection
                        .cache_dir
                        .as_deref()
                        .map_or(CacheUse::Off, CacheUse::Dir),
                    findings_only: selection.findings_only,
                }),
            },
        )
    }
}

/// A file `--fix` would change, and its fixed text.
pub struct PlannedFix<'r> {
    /// The file as checked.
    pub file: &'r SourceFile,
    /// Its fixed text and what changed.
    pub fixed: Fixed,
}

impl Session {
    /// The fixes `--fix` would make to the files of `result` (only files
    /// that change), each file fixed in memory until it settles.
    pub fn plan_fixes<'r>(
        &self,
        result: &'r RunResult,
        options: FixOptions,
    ) -> Vec<PlannedFix<'r>> {
        // The run's findings with a fix, by file: the first round of each
        // file's fixing starts from them instead of checking it again.
        let mut found: HashMap<FileId, Vec<&Diagnostic>> = HashMap::new();
        for d in result.diagnostics.iter().filter(|d| d.fix.is_some()) {
            found.entry(d.file).or_default().push(d);
        }
        result
            .files
            .par_iter()
            .filter_map(|file| Some((file, found.get(&file.id)?)))
            .map(|(file, found)| PlannedFix {
                file,
                fixed: fix_checked(&self.engine, file, Some(found.clone()), options),
            })
            .filter(|p| p.fixed.changes(p.file))
            .collect()
    }

    /// Writes `planned` atomically, only files inside `roots` and each real
    /// file once: each file's outcome, in order.
    pub fn write_fixes(
        &self,
        planned: &[PlannedFix],
        roots: &[PathBuf],
    ) -> Vec<Result<(), FixError>> {
        let mut targets = Targets::new(roots);
        // Every file is claimed before any is written: a rename gives the
        // written file a new inode, and a second link to it would then look new.
        let claims: Vec<_> = planned.iter().map(|p| targets.claim(p.file)).collect();
        planned
            .iter()
            .zip(claims)
            .map(|(p, claim)| {
                claim.and_then(|()| write_atomically(p.file, &p.fixed.text, p.fixed.transcode))
            })
            .collect()
    }

    /// Why each of `planned` would not be written by [`Session::write_fixes`]
    /// (`None`: it would be), without writing anything: what `--diff` shows.
    pub fn refusals(&self, planned: &[PlannedFix], roots: &[PathBuf]) -> Vec<Option<String>> {
        let mut targets = Targets::new(roots);
        planned
            .iter()
            .map(|p| {
                targets
                    .claim(p.file)
                    .err()
                    .map(|e| match e {
                        FixError::Refused { reason, .. } => reason,
                        other => other.to_string(),
                    })
                    .or_else(|| writable(p.file, &p.fixed.text, p.fixed.transcode).err())
            })
            .collect()
    }
}

fn current_dir() -> miette::Result<PathBuf> {
    std::env::current_dir().map_err(|e| miette::miette!("cannot read the current folder: {e}"))
}
