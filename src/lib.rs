//! copydesk: a linter for repositories of articles (Markdown or text with YAML
//! or TOML front matter). It checks front matter against the body, finds and
//! repairs mojibake, and finds statistics that contradict each other across
//! the corpus.
//!
//! Data flows `source` → `document` → `engine`/`rules` → `diagnostic` →
//! `report`. The binary (`src/main.rs`) only parses arguments and maps the
//! outcome to an exit code.
#![deny(missing_docs)]

pub mod baseline;
pub mod cache;
pub mod catalog;
pub mod claims;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod document;
pub mod engine;
pub mod fix;
pub mod mojibake;
pub mod report;
pub mod rules;
pub mod server;
pub mod session;
pub mod source;
pub mod starter;
pub mod timings;

pub use diagnostic::{Applicability, Diagnostic, Edit, Fix, Label, Severity};
pub use engine::{Engine, RunResult};
pub use session::{Request, Session};
