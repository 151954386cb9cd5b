//! `copydesk man`: man pages generated from the clap definitions. Without
//! `--out`, the page of `copydesk` itself goes to stdout; with it, one page
//! per command (`copydesk.1`, `copydesk-check.1`, ...) is written to DIR.

use super::{Cli, io_result};
use clap::{Args, CommandFactory};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `copydesk man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write every page (`copydesk.1`, `copydesk-check.1`, ...) to this folder.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Run `copydesk man`.
pub fn run(args: ManArgs) -> miette::Result<ExitCode> {
    let cmd = Cli::command();
    match args.out {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .and_then(|()| clap_mangen::generate_to(cmd, &dir))
                .map_err(|e| miette::miette!("cannot write man pages to {}: {e}", dir.display()))?;
        }
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut buf)
                .map_err(|e| miette::miette!("cannot render the man page: {e}"))?;
            io_result(std::io::Write::write_all(
                &mut std::io::stdout().lock(),
                &buf,
            ))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
