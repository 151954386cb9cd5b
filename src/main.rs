//! The `copydesk` binary: parse arguments, run, map the outcome to an exit
//! code (0 clean, 1 findings at or above the failure level, 2 errors).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse();
    match copydesk::cli::run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(copydesk::cli::EXIT_ERROR)
        }
    }
}
