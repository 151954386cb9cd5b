//! The `copydesk` binary: parse arguments, run, map the outcome to an exit
//! code (0 clean, 1 findings at or above the failure level, 2 errors).

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = copydesk::cli::Cli::parse();
    // Config and argument errors honour --color and NO_COLOR like reports.
    let color = cli.error_color();
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(miette::MietteHandlerOpts::new().color(color).build())
    }));
    match copydesk::cli::run(cli) {
        Ok(code) => code,
        Err(report) => {
            eprintln!("{report:?}");
            ExitCode::from(copydesk::cli::EXIT_ERROR)
        }
    }
}
