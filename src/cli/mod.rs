//! Command-line interface: clap definitions and one file per subcommand.
//! Nothing below `cli` parses arguments or picks exit codes.

pub mod check;
pub mod claims;
pub mod completions;
pub mod explain;
pub mod fix;
pub mod init;
pub mod man;
pub mod progress;
pub mod rules;
pub mod schema;
pub mod server;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Exit code: nothing at or above the failure level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code: findings at or above the failure level.
pub const EXIT_FINDINGS: u8 = 1;
/// Exit code: usage, config or I/O error.
pub const EXIT_ERROR: u8 = 2;

/// copydesk: the copy desk for a repository of articles.
#[derive(Debug, Parser)]
#[command(name = "copydesk", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint articles (files and folders; default: the current folder).
    Check(Box<check::CheckArgs>),
    /// List every statistical claim, grouped by subject (table, JSON, CSV).
    Claims(claims::ClaimsArgs),
    /// List every rule: id, severity, fixable, summary.
    Rules(rules::RulesArgs),
    /// Explain one rule, with a bad and a good example.
    Explain(explain::ExplainArgs),
    /// Apply safe fixes in place, or fix stdin to stdout (`--stdin`).
    Fix(fix::FixArgs),
    /// Write a starter copydesk.yaml fitted to the articles under this folder.
    Init(init::InitArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(completions::CompletionsArgs),
    /// Print the man page, or write all of them to a folder.
    Man(man::ManArgs),
    /// Print the JSON Schema of copydesk.yaml, for editor completion.
    Schema(schema::SchemaArgs),
    /// Run the language server (LSP over stdio) for editors.
    Server(server::ServerArgs),
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    /// When the output is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl Cli {
    /// Whether error reports (on stderr) may use colour: `--color never`
    /// and `NO_COLOR` switch it off, `--color always` on; else when stderr is
    /// a terminal.
    pub fn error_color(&self) -> bool {
        use std::io::IsTerminal;
        let choice = match &self.command {
            Command::Check(args) => args.color,
            _ => ColorChoice::Auto,
        };
        choice.enabled_for(std::io::stderr().is_terminal())
    }
}

impl ColorChoice {
    /// Whether to colour stdout.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        self.enabled_for(std::io::stdout().is_terminal())
    }

    /// Whether to colour a stream that is (or is not) a terminal.
    fn enabled_for(self, terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && terminal
            }
        }
    }
}

/// Run the parsed command; errors become exit code 2 in `main`.
pub fn run(cli: Cli) -> miette::Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Rules(args) => rules::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Fix(args) => fix::run(args),
        Command::Init(args) => init::run(args),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Server(args) => server::run(args),
    }
}

/// Treat a closed output pipe (`copydesk ... | head`) as a quiet success.
pub fn io_result(r: std::io::Result<()>) -> miette::Result<()> {
    match r {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.map_err(|e| miette::miette!("cannot write output: {e}")),
    }
}

/// One document from standard input: no more than the article limit, so
/// that `copydesk check --stdin < /dev/zero` ends (issue 13).
fn read_stdin(limit: u64) -> miette::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| miette::miette!("cannot read stdin: {e}"))?;
    if bytes.len() as u64 > limit {
        miette::bail!(
            "stdin is larger than the limit of {limit} bytes (`max_article_bytes` in copydesk.yaml)"
        );
    }
    Ok(bytes)
}
