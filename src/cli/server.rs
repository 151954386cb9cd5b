//! `copydesk server`: start the language server on stdin/stdout for an
//! editor (`crate::server` does the work; docs/editors.md shows the wiring).

use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `copydesk server`.
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Use this config file instead of the nearest copydesk.yaml above the
    /// workspace folder.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Treat this date (YYYY-MM-DD) as today.
    #[arg(long)]
    pub today: Option<chrono::NaiveDate>,
    /// Do not read or write the claims cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Keep the claims cache in this folder (default: .copydesk-cache
    /// beside copydesk.yaml, or in the workspace folder).
    #[arg(long)]
    pub cache_dir: Option<PathBuf>,
    /// Speak over stdio (the only transport; accepted because editor
    /// clients often pass it).
    #[arg(long, hide = true)]
    pub stdio: bool,
}

/// Run `copydesk server` until the client exits.
pub fn run(args: ServerArgs) -> miette::Result<ExitCode> {
    let options = crate::server::Options {
        config: args.config.and_then(|c| std::path::absolute(c).ok()),
        today: args.today,
        no_cache: args.no_cache,
        // The server moves into the workspace folder: relative paths are
        // taken from where it was started.
        cache_dir: args.cache_dir.and_then(|d| std::path::absolute(d).ok()),
        panic_marker: None,
    };
    crate::server::serve_stdio(options).map_err(|e| miette::miette!("language server: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
