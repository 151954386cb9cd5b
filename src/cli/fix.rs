//! `copydesk fix`: repair files in place (like `check --fix`, reporting only
//! what changed), or one document from stdin to stdout for editors and scripts.

use super::check::CheckArgs;
use super::{ColorChoice, EXIT_CLEAN, EXIT_ERROR};
use crate::fix::{FixOptions, fix_source};
use crate::report::Format;
use crate::session::Session;
use crate::source::{FileId, SourceFile, decode, decode::encode};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `copydesk fix`.
#[derive(Debug, Args)]
pub struct FixArgs {
    /// Files and folders to fix in place (default: the current folder).
    pub paths: Vec<PathBuf>,
    /// Read one document from stdin and write the fixed text to stdout.
    #[arg(long, conflicts_with = "paths")]
    pub stdin: bool,
    /// Also apply unsafe fixes.
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Config file (default: nearest copydesk.yaml or .copydesk.yaml upwards).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// Run `copydesk fix`.
pub fn run(args: FixArgs) -> miette::Result<ExitCode> {
    if !args.stdin {
        // The same run as `check --fix`, reporting only what changed.
        return super::check::run(CheckArgs {
            paths: args.paths,
            format: Format::Short,
            config: args.config,
            color: ColorChoice::Never,
            fix: true,
            unsafe_fixes: args.unsafe_fixes,
            ..CheckArgs::default()
        });
    }
    let setup = Session::open(args.config.as_deref(), None, &[], &[])?;
    let bytes = super::read_stdin(setup.config.max_article_bytes())?;
    let Ok(decoded) = decode(&bytes) else {
        eprintln!("copydesk: stdin looks binary; nothing changed");
        std::io::stdout().write_all(&bytes).ok();
        return Ok(ExitCode::from(EXIT_ERROR));
    };
    let file = SourceFile {
        id: FileId(0),
        path: PathBuf::from("-"),
        display: "<stdin>".into(),
        decoded,
    };
    let fixed = fix_source(
        &setup.engine,
        &file,
        FixOptions {
            unsafe_fixes: args.unsafe_fixes,
        },
    );
    let out = encode(&fixed.text, &file.decoded, true);
    // The same promise as for files (issue 13): no U+FFFD for bytes that
    // did not decode, and output that reads back as the fixed text (a NUL
    // would make it binary).
    if file.decoded.lossy || decode(&out).map_or(true, |d| d.text != fixed.text) {
        eprintln!(
            "copydesk: stdin ({}) cannot be written as UTF-8 without loss; nothing changed",
            file.decoded.encoding.name()
        );
        super::io_result(std::io::stdout().lock().write_all(&bytes))?;
        return Ok(ExitCode::from(EXIT_ERROR));
    }
    super::io_result(std::io::stdout().lock().write_all(&out))?;
    for (rule, n) in &fixed.applied {
        eprintln!("fixed <stdin>: {rule} ×{n}");
    }
    Ok(ExitCode::from(EXIT_CLEAN))
}
