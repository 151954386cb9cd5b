//! `copydesk init`: write a starter `copydesk.yaml` fitted to the articles
//! under the current folder ([`crate::starter`]). The file is checked to
//! load before it is written; an existing config is kept unless `--force`.

use super::io_result;
use crate::catalog::Catalog;
use crate::config::CONFIG_NAMES;
use crate::starter::{Survey, render, validate};
use clap::Args;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `copydesk init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Overwrite an existing copydesk.yaml.
    #[arg(long)]
    pub force: bool,
    /// Print the config instead of writing copydesk.yaml.
    #[arg(long)]
    pub stdout: bool,
}

/// Run `copydesk init`.
pub fn run(args: InitArgs) -> miette::Result<ExitCode> {
    let cwd = std::env::current_dir()
        .map_err(|e| miette::miette!("cannot read the current folder: {e}"))?;
    let target = cwd.join(CONFIG_NAMES[0]);
    let existing = CONFIG_NAMES
        .iter()
        .map(|n| cwd.join(n))
        .find(|p| p.exists());
    if let Some(existing) = existing.filter(|_| !args.stdout && !args.force) {
        return Err(miette::miette!(
            code = "copydesk::init::exists",
            help = "pass --force to overwrite it, or --stdout to print the new config",
            "{} already exists",
            existing.display()
        ));
    }
    let catalog = Catalog::builtin()?;
    let text = render(&Survey::of(Path::new(".")), &catalog);
    // The file must load: check it the way `check` would read it.
    validate(&text, &target, &catalog)?;
    if args.stdout {
        io_result(std::io::stdout().lock().write_all(text.as_bytes()))?;
    } else {
        std::fs::write(&target, &text)
            .map_err(|e| miette::miette!("cannot write {}: {e}", target.display()))?;
        eprintln!(
            "copydesk: wrote {}",
            PathBuf::from(CONFIG_NAMES[0]).display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
