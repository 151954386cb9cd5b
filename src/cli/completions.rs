//! `copydesk completions SHELL`: a completion script generated from the clap
//! definitions, printed to stdout.

use super::{Cli, io_result};
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use std::process::ExitCode;

/// Arguments of `copydesk completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Run `copydesk completions`.
pub fn run(args: CompletionsArgs) -> miette::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "copydesk", &mut buf);
    io_result(std::io::Write::write_all(
        &mut std::io::stdout().lock(),
        &buf,
    ))?;
    Ok(ExitCode::SUCCESS)
}
