//! What configures the server: `copydesk.yaml` (loaded as `copydesk check`
//! loads it, or the defaults while it is broken) and the settings the editor
//! sends.

use super::{Options, ServerError};
use crate::diagnostic::Severity;
use crate::session::Session;
use serde::Deserialize;

/// Settings a client may send as `initializationOptions` (or later with
/// `workspace/didChangeConfiguration`, under a `copydesk` key or not).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// `error`, `warning`, `info` or `never`: findings at or above it show
    /// as errors (they would fail `copydesk check`).
    pub fail_level: Option<String>,
    /// Whether to compare claims with the workspace (default: true).
    pub claims: Option<bool>,
}

impl Settings {
    /// Whether to compare claims with the workspace.
    pub fn claims_on(&self) -> bool {
        self.claims.unwrap_or(true)
    }

    /// The lowest severity shown as an error: the editor's setting, else
    /// the config's `fail_on` (`configured`), else errors; `None` for never.
    pub fn fail_level(&self, configured: Option<Severity>) -> Option<Severity> {
        match self.fail_level.as_deref() {
            Some("never") => None,
            Some("info") => Some(Severity::Info),
            Some("warning") => Some(Severity::Warning),
            Some("error") => Some(Severity::Error),
            _ => Some(configured.unwrap_or(Severity::Error)),
        }
    }
}

/// Loads the config found from the current folder (the workspace root) or
/// named by `--config`, with the catalogue and engine.
pub fn open_session(options: &Options) -> miette::Result<Session> {
    Session::open(options.config.as_deref(), options.today, &[], &[])
}

/// The session of an empty config, for when copydesk.yaml is broken.
pub fn default_session(options: &Options) -> Result<Session, ServerError> {
    let config = crate::config::Config::default();
    let catalog = crate::catalog::Catalog::builtin().map_err(|e| report(&e.into()))?;
    let context = crate::engine::Context {
        today: options
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        root: std::env::current_dir()?,
        ..Default::default()
    };
    let registry = &crate::rules::registry::REGISTRY;
    let engine = crate::engine::Engine::new(&catalog, registry, &config, context)
        .map_err(|e| report(&e.into()))?;
    Ok(Session {
        config,
        catalog,
        engine,
    })
}

/// An error as one line of text, with its help.
pub fn report(e: &miette::Report) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    if let Some(help) = e.help() {
        out.push_str(&format!(" (help: {help})"));
    }
    out
}
