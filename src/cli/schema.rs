//! `copydesk schema`: the JSON Schema of `copydesk.yaml`, generated from the
//! config type and the rule catalogue, for editors (yaml-language-server,
//! VS Code's YAML extension) to complete and check the file.

use super::io_result;
use crate::catalog::Catalog;
use clap::Args;
use std::io::Write;
use std::process::ExitCode;

/// Arguments of `copydesk schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {}

/// Run `copydesk schema`: print the schema (pretty JSON) to stdout.
pub fn run(_: SchemaArgs) -> miette::Result<ExitCode> {
    let catalog = Catalog::builtin()?;
    let schema = crate::config::json_schema(&catalog);
    let text = serde_json::to_string_pretty(&schema)
        .map_err(|e| miette::miette!("cannot write the schema: {e}"))?;
    io_result(writeln!(std::io::stdout().lock(), "{text}"))?;
    Ok(ExitCode::SUCCESS)
}
