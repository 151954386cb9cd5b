//! `copydesk server`: the Language Server Protocol over stdio (issue 16).
//!
//! One thread runs the loop: it takes every message waiting, applies them
//! (edits, file events, config reloads), re-checks each article whose text
//! changed once, then answers. An article is checked with
//! [`Engine::check_open`](crate::engine::Engine::check_open): the document
//! rules on its text, and its claims against the workspace's claims index
//! ([`index`]), built at start through the claims cache. A panic while
//! checking becomes an `internal-error` finding on that article.
//!
//! What the protocol's types look like lives in [`convert`]; fixes and
//! suppressions in [`actions`]; hovering a figure in [`hover`].

pub mod actions;
pub mod convert;
pub mod hover;
pub mod index;
pub mod settings;

use crate::diagnostic::Severity;
use crate::engine::workspace::read_article;
use crate::session::Session;
use crate::source::{Decoded, Encoding, LineEnding, SourceFile};
use actions::Published;
use convert::LineMap;
use index::Index;
use lsp_server::{Connection, ExtractError, Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use settings::{Settings, default_session, open_session, report};
use std::collections::{BTreeSet, HashMap};
use std::error::Error;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Errors that end the server (the connection broke).
pub type ServerError = Box<dyn Error + Send + Sync>;

/// The rule id of a finding that says copydesk itself failed on an article.
pub const INTERNAL_ERROR: &str = "internal-error";

/// The rule id of the finding that says copydesk.yaml could not be loaded.
pub const CONFIG_ERROR: &str = "config-error";

/// How the server is started (the CLI's flags; tests).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `copydesk.yaml` to use instead of the one found from the workspace.
    pub config: Option<PathBuf>,
    /// Pins "today" for the date rules.
    pub today: Option<chrono::NaiveDate>,
    /// Run without the claims cache.
    pub no_cache: bool,
    /// Where the claims cache lives (default: `.copydesk-cache` beside the
    /// config, as for `check`).
    pub cache_dir: Option<PathBuf>,
    /// Tests only: an article containing this text panics its check, to
    /// prove that a panic is reported and the server goes on.
    #[doc(hidden)]
    pub panic_marker: Option<String>,
}

/// Serves one client on stdin/stdout until it exits.
pub fn serve_stdio(options: Options) -> Result<(), ServerError> {
    let (connection, threads) = Connection::stdio();
    serve(connection, options)?;
    threads.join()?;
    Ok(())
}

/// Serves one client on `connection` (stdio, or `Connection::memory()` in
/// tests) until it asks to shut down. Changes the current folder to the
/// workspace root, as `copydesk check` is run from there.
pub fn serve(connection: Connection, options: Options) -> Result<(), ServerError> {
    let (id, params) = connection.initialize_start()?;
    let params: lsp::InitializeParams = serde_json::from_value(params)?;
    let root = workspace_root(&params);
    if let Some(root) = &root {
        std::env::set_current_dir(root)?;
    }
    let capabilities = lsp::ServerCapabilities {
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::FULL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    lsp::CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..Default::default()
            },
        )),
        ..Default::default()
    };
    let result = lsp::InitializeResult {
        capabilities,
        server_info: Some(lsp::ServerInfo {
            name: "copydesk".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    connection.initialize_finish(id, serde_json::to_value(result)?)?;
    let settings: Settings = params
        .initialization_options
        .clone()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    let watch = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files)
        .and_then(|w| w.dynamic_registration)
        .unwrap_or(false);
    let mut server = Server::start(connection, options, settings)?;
    if watch {
        server.register_watchers()?;
    }
    server.run()
}

/// The workspace folder: the first folder, else the root URI.
fn workspace_root(params: &lsp::InitializeParams) -> Option<PathBuf> {
    let folder = params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| f.uri.clone());
    #[allow(deprecated)]
    let uri = folder.or_else(|| params.root_uri.clone())?;
    uri.to_file_path().ok()
}

/// An article open in the editor.
struct Open {
    path: PathBuf,
    version: i32,
    /// The text as a source file (`FileId(0)`), with the encoding the file
    /// has on disk, so encoding findings match `check`.
    file: SourceFile,
    /// Whether the text changed since it was last checked.
    dirty: bool,
    /// The last check.
    checked: Checked,
}

/// What the last check of an open article found.
#[derive(Default)]
struct Checked {
    map: Option<LineMap>,
    published: Vec<Published>,
    claims: Vec<crate::claims::Claim>,
}

struct Server {
    connection: Connection,
    options: Options,
    settings: Settings,
    session: Session,
    /// Why copydesk.yaml could not be loaded: the default rules run
    /// meanwhile, and each open article says so.
    config_error: Option<String>,
    index: Index,
    open: HashMap<lsp::Url, Open>,
    /// Files whose change reloads the session (config, facts, house rules).
    config_files: Vec<PathBuf>,
    next_request: i32,
}

impl Server {
    fn start(
        connection: Connection,
        options: Options,
        settings: Settings,
    ) -> Result<Server, ServerError> {
        // A broken config must not keep the writer without a server: the
        // default rules run until it is fixed (it is reloaded on change).
        let (session, config_error) = match open_session(&options) {
            Ok(session) => (session, None),
            Err(e) => (default_session(&options)?, Some(report(&e))),
        };
        let mut server = Server {
            connection,
            options,
            settings,
            session,
            config_error,
            index: Index::default(),
            open: HashMap::new(),
            config_files: Vec::new(),
            next_request: 0,
        };
        server.reindex();
        Ok(server)
    }

    fn claims_on(&self) -> bool {
        self.settings.claims_on()
    }

    /// The lowest severity shown as an error (see [`Settings::fail_level`]).
    fn fail_level(&self) -> Option<Severity> {
        self.settings.fail_level(self.session.config.fail_on)
    }

    /// Walks the workspace and indexes every article's claims (through the
    /// claims cache), logging how long it took.
    fn reindex(&mut self) {
        let started = Instant::now();
        let root = self.session.root().to_path_buf();
        self.config_files = [self.session.config.path.clone()]
            .into_iter()
            .flatten()
            .chain(self.session.config.facts.clone())
            .chain([root.join("facts.yaml")])
            .map(|p| absolute(&p))
            .collect();
        if !self.claims_on() || !self.session.engine.claims_enabled() {
            self.index = Index::default();
            return;
        }
        let corpus = self
            .session
            .config
            .corpus
            .clone()
            .unwrap_or_else(|| PathBuf::from("."));
        let paths = match crate::source::walk(&[corpus], &self.session.walk_options()) {
            Ok((paths, _)) => paths.iter().map(|p| absolute(p)).collect(),
            Err(e) => {
                self.log(format!("cannot walk the workspace: {e}"));
                Vec::new()
            }
        };
        let cache_dir = (!self.options.no_cache).then(|| {
            self.options
                .cache_dir
                .clone()
                .unwrap_or_else(|| root.join(crate::cache::FOLDER))
        });
        self.index = Index::build(&self.session.engine, paths, cache_dir.as_deref());
        self.log(format!(
            "indexed {} articles ({} claims) in {} ms",
            self.index.len(),
            self.index.claim_count(),
            started.elapsed().as_millis()
        ));
        // Open articles: the editor's text, not the disk's, is compared.
        for open in self.open.values_mut() {
            open.dirty = true;
        }
    }

    /// Asks the client to report changes to articles and config files.
    fn register_watchers(&mut self) -> Result<(), ServerError> {
        let watchers = [
            "**/*.{md,markdown,mdx,txt}",
            "**/{copydesk,.copydesk,facts}.yaml",
        ]
        .into_iter()
        .map(|g| lsp::FileSystemWatcher {
            glob_pattern: lsp::GlobPattern::String(g.into()),
            kind: None,
        })
        .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "copydesk-watch".into(),
                method: lsp::notification::DidChangeWatchedFiles::METHOD.into(),
                register_options: Some(serde_json::to_value(options)?),
            }],
        };
        self.next_request += 1;
        let request = Request::new(
            RequestId::from(self.next_request),
            lsp::request::RegisterCapability::METHOD.into(),
            params,
        );
        self.connection.sender.send(request.into())?;
        Ok(())
    }

    fn run(&mut self) -> Result<(), ServerError> {
        while let Ok(first) = self.connection.receiver.recv() {
            // Everything already waiting is applied before checking, so a
            // burst of keystrokes costs one check.
            let mut batch = vec![first];
            batch.extend(self.connection.receiver.try_iter());
            for message in batch {
                match message {
                    Message::Request(request) => {
                        if self.connection.handle_shutdown(&request)? {
                            return Ok(());
                        }
                        self.check_dirty()?;
                        let response = self.respond(request);
                        self.connection.sender.send(response.into())?;
                    }
                    Message::Notification(n) => self.notify(n)?,
                    Message::Response(_) => {}
                }
            }
            self.check_dirty()?;
        }
        Ok(())
    }

    fn notify(&mut self, n: Notification) -> Result<(), ServerError> {
        use lsp::notification as note;
        match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => {
                let p: lsp::DidOpenTextDocumentParams = parse(n)?;
                let doc = p.text_document;
                let Ok(path) = doc.uri.to_file_path() else {
                    return Ok(());
                };
                let path = absolute(&path);
                let file = open_file(&path, doc.text);
                self.open.insert(
                    doc.uri,
                    Open {
                        path,
                        version: doc.version,
                        file,
                        dirty: true,
                        checked: Checked::default(),
                    },
                );
            }
            note::DidChangeTextDocument::METHOD => {
                let p: lsp::DidChangeTextDocumentParams = parse(n)?;
                if let Some(open) = self.open.get_mut(&p.text_document.uri) {
                    // Full sync: the last change holds the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        open.file.decoded.text = change.text;
                        open.version = p.text_document.version;
                        open.dirty = true;
                    }
                }
            }
            note::DidCloseTextDocument::METHOD => {
                let p: lsp::DidCloseTextDocumentParams = parse(n)?;
                let uri = p.text_document.uri;
                if let Some(open) = self.open.remove(&uri) {
                    // The disk's version counts again.
                    self.index.refresh(&self.session.engine, &open.path);
                    self.touch_all();
                }
                self.publish(uri, Vec::new(), None)?;
            }
            note::DidSaveTextDocument::METHOD => {
                let p: lsp::DidSaveTextDocumentParams = parse(n)?;
                if let Ok(path) = p.text_document.uri.to_file_path()
                    && self.config_files.contains(&absolute(&path))
                {
                    self.reload();
                }
            }
            note::DidChangeWatchedFiles::METHOD => {
                let p: lsp::DidChangeWatchedFilesParams = parse(n)?;
                let mut reload = false;
                let mut changed = false;
                let mut walk = false;
                for event in p.changes {
                    let Ok(path) = event.uri.to_file_path() else {
                        continue;
                    };
                    let path = absolute(&path);
                    let is_config = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| crate::config::CONFIG_NAMES.contains(&n));
                    if self.config_files.contains(&path) || is_config {
                        reload = true;
                    } else if self.open.values().any(|o| o.path == path) || !self.claims_on() {
                        // The editor's text counts for an open article.
                    } else if self.index.slot(&path).is_some() {
                        self.index.refresh(&self.session.engine, &path);
                        changed = true;
                    } else if event.typ == lsp::FileChangeType::CREATED {
                        // Whether a new file is an article is the walk's
                        // call (extensions, include, exclude).
                        walk = true;
                    }
                }
                if reload {
                    self.reload();
                } else if walk {
                    self.reindex();
                } else if changed {
                    self.touch_all();
                }
            }
            note::DidChangeConfiguration::METHOD => {
                let p: lsp::DidChangeConfigurationParams = parse(n)?;
                let value = p.settings.get("copydesk").cloned().unwrap_or(p.settings);
                if let Ok(settings) = serde_json::from_value::<Settings>(value) {
                    let claims_changed = settings.claims != self.settings.claims;
                    self.settings = settings;
                    if claims_changed {
                        self.reindex();
                    }
                    self.touch_all();
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Marks every open article for a new check (the workspace changed).
    fn touch_all(&mut self) {
        for open in self.open.values_mut() {
            open.dirty = true;
        }
    }

    /// Loads the config again; a broken config is shown and the old one kept.
    fn reload(&mut self) {
        match open_session(&self.options) {
            Ok(session) => {
                self.session = session;
                self.config_error = None;
                self.log("copydesk.yaml reloaded".into());
                self.reindex();
            }
            Err(e) => {
                let e = report(&e);
                self.show_error(format!("copydesk.yaml not reloaded: {e}"));
                self.config_error = Some(e);
            }
        }
        self.touch_all();
    }

    fn respond(&mut self, request: Request) -> Response {
        use lsp::request as req;
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::HoverRequest::METHOD => {
                extract::<req::HoverRequest>(request).map(|p| serde_json::to_value(self.hover(p)))
            }
            req::CodeActionRequest::METHOD => extract::<req::CodeActionRequest>(request)
                .map(|p| serde_json::to_value(self.code_actions(p))),
            _ => {
                return Response::new_err(
                    id,
                    lsp_server::ErrorCode::MethodNotFound as i32,
                    format!("unsupported request {}", request.method),
                );
            }
        };
        match result {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(e)) => Response::new_err(
                id,
                lsp_server::ErrorCode::InternalError as i32,
                e.to_string(),
            ),
            Err(e) => Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidParams as i32,
                e.to_string(),
            ),
        }
    }

    fn hover(&self, p: lsp::HoverParams) -> Option<lsp::Hover> {
        let at = p.text_document_position_params;
        let open = self.open.get(&at.text_document.uri)?;
        let map = open.checked.map.as_ref()?;
        let text = open.file.text();
        let offset = map.offset(text, at.position);
        let claim = hover::claim_at(&open.checked.claims, offset)?;
        let mine = self.index.slot(&open.path);
        let others: Vec<(&Path, &crate::claims::Claim)> = self
            .index
            .claims
            .claims
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != mine)
            .flat_map(|(i, claims)| {
                claims
                    .iter()
                    .filter(|c| hover::same_subject(c, claim))
                    .map(move |c| (self.index.path(i), c))
            })
            .collect();
        let value = hover::describe(claim, text, &others, self.session.root());
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value,
            }),
            range: Some(map.range(text, claim.span.clone().into())),
        })
    }

    fn code_actions(&self, p: lsp::CodeActionParams) -> Option<lsp::CodeActionResponse> {
        let open = self.open.get(&p.text_document.uri)?;
        let map = open.checked.map.as_ref()?;
        let uri = &p.text_document.uri;
        let wants = |kind: &lsp::CodeActionKind| {
            p.context
                .only
                .as_ref()
                .is_none_or(|only| only.iter().any(|o| kind.as_str().starts_with(o.as_str())))
        };
        let mut out = Vec::new();
        if wants(&lsp::CodeActionKind::QUICKFIX) {
            let published = &open.checked.published;
            out = actions::actions(&open.file, uri, map, published, p.range);
        }
        let safe_fixes = open.checked.published.iter().any(|p| {
            p.diagnostic.file.0 == 0
                && p.diagnostic.fix.as_ref().is_some_and(|f| {
                    f.applicability == crate::diagnostic::Applicability::Safe && !f.edits.is_empty()
                })
        });
        if safe_fixes && wants(&lsp::CodeActionKind::SOURCE_FIX_ALL) {
            let engine = &self.session.engine;
            let options = crate::fix::FixOptions::default();
            // The rules run again while fixing: a panic must not end the server.
            let fixed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                crate::fix::fix_source(engine, &open.file, options)
            }));
            if let Ok(fixed) = fixed {
                let text = open.file.text();
                if fixed.text != text {
                    let count = fixed.count();
                    out.push(actions::fix_all(text, fixed.text, uri, map, count));
                }
            }
        }
        Some(out)
    }

    /// Checks every article whose text changed and publishes its findings.
    fn check_dirty(&mut self) -> Result<(), ServerError> {
        let dirty: BTreeSet<lsp::Url> = self
            .open
            .iter()
            .filter(|(_, o)| o.dirty)
            .map(|(u, _)| u.clone())
            .collect();
        for uri in dirty {
            self.check(&uri)?;
        }
        Ok(())
    }

    fn check(&mut self, uri: &lsp::Url) -> Result<(), ServerError> {
        let claims_on = self.claims_on();
        let fail = self.fail_level();
        // Taken out while checked, so the other open articles can be read.
        let Some(mut open) = self.open.remove(uri) else {
            return Ok(());
        };
        open.dirty = false;
        let focus = self.index.slot_or_insert(&open.path);
        // Another open article is compared as the editor has it.
        let editing: HashMap<&Path, &SourceFile> = self
            .open
            .values()
            .map(|o| (o.path.as_path(), &o.file))
            .collect();
        let (paths, workspace) = self.index.split();
        let engine = &self.session.engine;
        let limit = engine.max_article_bytes();
        let marker = self.options.panic_marker.as_deref();
        let file = &open.file;
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            if marker.is_some_and(|m| file.text().contains(m)) {
                panic!("panic requested by the test marker");
            }
            engine.check_open(file, workspace, focus, claims_on, |d| {
                let path = paths[d].as_path();
                match editing.get(path) {
                    Some(f) => Some(((*f).clone(), 0)),
                    None => read_article(path, limit),
                }
            })
        }));
        let text = open.file.text();
        let (checked, diagnostics) = match result {
            Ok(check) => {
                let maps: Vec<LineMap> =
                    check.files.iter().map(|f| LineMap::new(f.text())).collect();
                let published: Vec<Published> = check
                    .diagnostics
                    .into_iter()
                    .map(|d| Published {
                        span: convert::place(&d),
                        lsp: convert::diagnostic(&d, &check.files, &maps, fail),
                        diagnostic: d,
                    })
                    .collect();
                let lsp = published.iter().map(|p| p.lsp.clone()).collect();
                let map = maps.into_iter().next();
                let checked = Checked {
                    map,
                    published,
                    claims: check.claims,
                };
                (checked, lsp)
            }
            Err(panic) => {
                let reason = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "unknown panic".into());
                let map = LineMap::new(text);
                let d = convert::notice(
                    INTERNAL_ERROR,
                    format!(
                        "copydesk failed while checking this article ({reason}); no other finding could be shown\nhelp: please report this with the article"
                    ),
                );
                let checked = Checked {
                    map: Some(map),
                    ..Checked::default()
                };
                (checked, vec![d])
            }
        };
        let mut diagnostics = diagnostics;
        if let Some(e) = &self.config_error {
            diagnostics.push(convert::notice(
                CONFIG_ERROR,
                format!("copydesk.yaml cannot be used, so the default rules run: {e}"),
            ));
        }
        open.checked = checked;
        let version = open.version;
        self.open.insert(uri.clone(), open);
        self.publish(uri.clone(), diagnostics, Some(version))
    }

    fn publish(
        &self,
        uri: lsp::Url,
        diagnostics: Vec<lsp::Diagnostic>,
        version: Option<i32>,
    ) -> Result<(), ServerError> {
        let params = lsp::PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        let n = Notification::new(lsp::notification::PublishDiagnostics::METHOD.into(), params);
        self.connection.sender.send(n.into())?;
        Ok(())
    }

    /// A line in the client's log.
    fn log(&self, message: String) {
        self.message(
            lsp::notification::LogMessage::METHOD,
            lsp::MessageType::INFO,
            message,
        );
    }

    /// A message the client shows to the writer.
    fn show_error(&self, message: String) {
        self.message(
            lsp::notification::ShowMessage::METHOD,
            lsp::MessageType::ERROR,
            message,
        );
    }

    fn message(&self, method: &str, typ: lsp::MessageType, message: String) {
        let params = lsp::LogMessageParams { typ, message };
        // A client gone away ends the loop on the next receive.
        let _ = self
            .connection
            .sender
            .send(Notification::new(method.into(), params).into());
    }
}

/// `path` absolute against the current folder (the workspace root), the
/// form the index and the claims cache use.
fn absolute(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    crate::cache::absolute(path, &cwd)
}

/// The editor's text of `path` as a source file, with the encoding, BOM and
/// line ending the file has on disk (a new file: UTF-8).
fn open_file(path: &Path, text: String) -> SourceFile {
    let on_disk = read_article(path, crate::source::DEFAULT_MAX_ARTICLE_BYTES);
    let (encoding, bom) = on_disk.as_ref().map_or((Encoding::Utf8, false), |(f, _)| {
        (f.decoded.encoding, f.decoded.bom)
    });
    let line_ending = if text.contains("\r\n") {
        LineEnding::CrLf
    } else {
        LineEnding::Lf
    };
    crate::engine::workspace::source_file(
        path,
        Decoded {
            text,
            encoding,
            bom,
            line_ending,
            lossy: false,
        },
    )
}

fn parse<P: serde::de::DeserializeOwned>(n: Notification) -> Result<P, ServerError> {
    Ok(serde_json::from_value(n.params)?)
}

fn extract<R: lsp::request::Request>(request: Request) -> Result<R::Params, ServerError> {
    match request.extract::<R::Params>(R::METHOD) {
        Ok((_, params)) => Ok(params),
        Err(ExtractError::JsonError { error, .. }) => Err(error.into()),
        Err(ExtractError::MethodMismatch(r)) => Err(format!("unexpected {}", r.method).into()),
    }
}
