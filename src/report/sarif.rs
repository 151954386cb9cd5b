//! `--format sarif`: one SARIF 2.1.0 log, as GitHub code scanning
//! (`github/codeql-action/upload-sarif`) and other SARIF viewers take it.
//!
//! Every catalogue rule is described in `tool.driver.rules` (id, name,
//! summary, explanation, default level, category tag). Results carry level,
//! message, the primary location, related locations, fixes, and a
//! line-independent fingerprint (the baseline's) in `partialFingerprints`.
//! Columns count Unicode code points, as `LineIndex` does; the run says so
//! with `columnKind`. Relative paths are written as relative URI references
//! against `%SRCROOT%`, which GitHub resolves to the repository root.
//! The wire types live here, apart from the internal ones.
//!
//! GitHub code scanning rejects a run of more than 25,000 results, and a
//! result with more than 1,000 locations (issue 15): the log keeps the most
//! severe results and the first related locations, and a tool execution
//! notification says what was left out. Rule `name`s are PascalCase and never
//! the id (SARIF1001); the tool and each built-in rule link to their
//! documentation (`informationUri`, `helpUri`).

use super::{Context, ReportFiles};
use crate::baseline;
use crate::catalog::RuleSpec;
use crate::diagnostic::Severity;
use crate::document::Span;
use crate::source::FileId;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";
/// Key of our fingerprint in `partialFingerprints` (versioned, as SARIF advises).
const FINGERPRINT_KEY: &str = "copydesk/v1";
/// Results GitHub code scanning accepts in one run.
pub const MAX_RESULTS: usize = 25_000;
/// Related locations kept per result (GitHub accepts 1,000 locations).
pub const MAX_RELATED: usize = 1_000;
/// copydesk's home: `repository` in Cargo.toml.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool<'a>,
    invocations: Vec<Invocation>,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool<'a> {
    driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    name: String,
    short_description: Text<'a>,
    full_description: OwnedText,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct RuleProperties<'a> {
    tags: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Invocation {
    execution_successful: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
struct Notification {
    level: &'static str,
    message: OwnedText,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationLocation {
    physical_location: NotificationPhysical,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct NotificationPhysical {
    artifact_location: ArtifactLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fixes: Vec<SarifFix<'a>>,
    partial_fingerprints: HashMap<&'static str, String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize, Clone)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifFix<'a> {
    description: Text<'a>,
    artifact_changes: Vec<ArtifactChange>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactChange {
    artifact_location: ArtifactLocation,
    replacements: Vec<Replacement>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Replacement {
    deleted_region: Region,
    inserted_content: OwnedText,
}

/// SARIF's name for a severity.
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Write the SARIF log, capped at GitHub's [`MAX_RESULTS`].
pub fn write(files: &ReportFiles, ctx: &Context, out: &mut dyn Write) -> io::Result<()> {
    write_capped(files, ctx, MAX_RESULTS, out)
}

/// Write the SARIF log with at most `max_results` results: the most severe,
/// in their usual order.
pub fn write_capped(
    files: &ReportFiles,
    ctx: &Context,
    max_results: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let run = files.run;
    let kept = super::kept(&run.diagnostics, Some(max_results));
    let left_out = run.diagnostics.len() - kept.len();
    let specs = ctx.catalog.rules();
    let index: HashMap<&str, usize> = specs
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let mut fingerprints = baseline::fingerprints(run, |f| f.display.clone());
    let mut uris: HashMap<FileId, ArtifactLocation> = HashMap::new();
    let mut artifact = |id: FileId| {
        uris.entry(id)
            .or_insert_with(|| artifact_location(files.path(id)))
            .clone()
    };
    let region = |id: FileId, span: Span| {
        let (s, e) = files.span_pos(id, span);
        Region {
            start_line: s.line,
            start_column: s.column,
            end_line: e.line,
            end_column: e.column,
        }
    };
    let results = kept
        .iter()
        .map(|&i| (&run.diagnostics[i], std::mem::take(&mut fingerprints[i])))
        .map(|(d, fingerprint)| SarifResult {
            rule_id: &d.rule,
            rule_index: index.get(d.rule.as_ref()).copied(),
            level: level(d.severity),
            message: Text { text: &d.message },
            locations: vec![Location {
                id: None,
                physical_location: PhysicalLocation {
                    artifact_location: artifact(d.file),
                    region: region(d.file, d.span),
                },
                message: None,
            }],
            related_locations: d
                .related
                .iter()
                .take(MAX_RELATED)
                .enumerate()
                .map(|(i, l)| Location {
                    id: Some(i + 1),
                    physical_location: PhysicalLocation {
                        artifact_location: artifact(l.file),
                        region: region(l.file, l.span),
                    },
                    message: Some(Text { text: &l.message }),
                })
                .collect(),
            fixes: d
                .fix
                .iter()
                .map(|f| SarifFix {
                    description: Text { text: &f.title },
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: artifact(d.file),
                        replacements: f
                            .edits
                            .iter()
                            .map(|e| Replacement {
                                deleted_region: region(d.file, e.span),
                                inserted_content: OwnedText {
                                    text: e.replacement.clone(),
                                },
                            })
                            .collect(),
                    }],
                })
                .collect(),
            partial_fingerprints: HashMap::from([(FINGERPRINT_KEY, fingerprint)]),
        })
        .collect();
    let mut notifications: Vec<Notification> = run
        .notes
        .iter()
        .map(|n| Notification {
            level: if n.is_error() { "error" } else { "note" },
            message: OwnedText { text: n.message() },
            // Walk errors may have no path.
            locations: Some(n.path.display().to_string())
                .filter(|p| !p.is_empty())
                .map(|p| NotificationLocation {
                    physical_location: NotificationPhysical {
                        artifact_location: artifact_location(&p),
                    },
                })
                .into_iter()
                .collect(),
        })
        .collect();
    if left_out > 0 {
        notifications.push(capped_notification(run, &kept, max_results));
    }
    let related_left_out: usize = kept
        .iter()
        .map(|&i| run.diagnostics[i].related.len().saturating_sub(MAX_RELATED))
        .sum();
    if related_left_out > 0 {
        notifications.push(Notification {
            level: "warning",
            message: OwnedText {
                text: format!(
                    "{related_left_out} related locations were left out: a result keeps at most {MAX_RELATED} (GitHub code scanning's limit); `--format json` lists them all."
                ),
            },
            locations: Vec::new(),
        });
    }
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "copydesk",
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    information_uri: Some(REPOSITORY).filter(|u| !u.is_empty()),
                    rules: specs.iter().map(rule).collect(),
                },
            },
            invocations: vec![Invocation {
                execution_successful: !run.notes.iter().any(|n| n.is_error()),
                tool_execution_notifications: notifications,
            }],
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The notification of a log that left results out: how many, of which
/// levels, and why.
fn capped_notification(
    run: &crate::engine::RunResult,
    kept: &[usize],
    max_results: usize,
) -> Notification {
    let mut dropped = [0usize; 3];
    let mut keep = kept.iter().peekable();
    for (i, d) in run.diagnostics.iter().enumerate() {
        if keep.next_if(|&&k| k == i).is_none() {
            dropped[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
    }
    let levels: Vec<String> = [
        ("error", dropped[0]),
        ("warning", dropped[1]),
        ("note", dropped[2]),
    ]
    .iter()
    .filter(|(_, n)| *n > 0)
    .map(|(level, n)| super::plural(*n, level))
    .collect();
    Notification {
        level: "warning",
        message: OwnedText {
            text: format!(
                "{} of {} results were left out ({}): GitHub code scanning accepts at most {max_results} results per run, so the {} most severe are kept. `copydesk check --format json` lists them all.",
                run.diagnostics.len() - kept.len(),
                run.diagnostics.len(),
                levels.join(", "),
                kept.len(),
            ),
        },
        locations: Vec::new(),
    }
}

/// A rule's SARIF `name`: its name in PascalCase (`Dates out of order` →
/// `DatesOutOfOrder`), never equal to the id, even ignoring case (SARIF1001):
/// `Mojibake` for `mojibake` becomes `MojibakeRule`.
pub fn pascal_name(spec: &RuleSpec) -> String {
    let mut name: String = spec
        .name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    if name.is_empty() || name.eq_ignore_ascii_case(&spec.id) {
        name.push_str("Rule");
    }
    name
}

/// Where a rule is documented: the YAML a built-in rule is declared in,
/// in copydesk's repository. House rules live elsewhere: none.
fn help_uri(spec: &RuleSpec) -> Option<String> {
    let builtin = spec.origin.starts_with("<builtin>");
    (builtin && !REPOSITORY.is_empty())
        .then(|| format!("{REPOSITORY}/blob/main/rules/{}.yaml", spec.id))
}

fn rule(spec: &RuleSpec) -> Rule<'_> {
    Rule {
        id: &spec.id,
        name: pascal_name(spec),
        short_description: Text {
            text: &spec.summary,
        },
        full_description: OwnedText {
            text: unwrap(&spec.explanation),
        },
        help: Help {
            text: unwrap(&spec.explanation),
            markdown: format!(
                "{}\n\n{}\n\nRun `copydesk explain {}` for examples and options.",
                spec.summary,
                spec.explanation.trim_end(),
                spec.id
            ),
        },
        help_uri: help_uri(spec),
        default_configuration: Configuration {
            level: level(spec.severity),
        },
        properties: RuleProperties {
            tags: vec![spec.category.as_str()],
        },
    }
}

/// Plain text of a hard-wrapped explanation: lines of a paragraph joined,
/// paragraphs kept apart (viewers show `text` as it is).
fn unwrap(s: &str) -> String {
    s.trim()
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A display path as a SARIF artifact location: a relative URI reference
/// against `%SRCROOT%`, or a `file:` URL for an absolute path.
fn artifact_location(display: &str) -> ArtifactLocation {
    let path = Path::new(display);
    if let Some(url) = path
        .is_absolute()
        .then(|| url::Url::from_file_path(path).ok())
        .flatten()
    {
        return ArtifactLocation {
            uri: url.to_string(),
            uri_base_id: None,
        };
    }
    let uri = display
        .split(['/', std::path::MAIN_SEPARATOR])
        .filter(|s| !s.is_empty() && *s != ".")
        .map(encode_segment)
        .collect::<Vec<_>>()
        .join("/");
    ArtifactLocation {
        uri,
        uri_base_id: Some(SRCROOT),
    }
}

/// The bytes a path segment keeps as they are: RFC 3986 `pchar`, less `:`
/// so that a first segment is never taken for a scheme.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'!')
    .remove(b'$')
    .remove(b'&')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')')
    .remove(b'*')
    .remove(b'+')
    .remove(b',')
    .remove(b';')
    .remove(b'=')
    .remove(b'@');

/// Percent-encode one path segment.
fn encode_segment(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_become_encoded_uri_references() {
        let a = artifact_location("content/my post/é:1.md");
        assert_eq!(a.uri, "content/my%20post/%C3%A9%3A1.md");
        assert_eq!(a.uri_base_id, Some(SRCROOT));
        assert_eq!(artifact_location("./a.md").uri, "a.md");
    }

    #[test]
    fn rule_names_are_pascal_case_and_never_the_id() {
        let catalog = crate::catalog::Catalog::builtin().expect("built-in catalogue loads");
        let name = |id: &str| pascal_name(catalog.get(id).expect("a built-in rule"));
        assert_eq!(name("date-order"), "DatesOutOfOrder");
        assert_eq!(name("image-url-invalid"), "MalformedImageURL");
        // `Mojibake` would equal the id but for case (SARIF1001).
        assert_eq!(name("mojibake"), "MojibakeRule");
        for spec in catalog.rules() {
            assert!(
                !pascal_name(spec).eq_ignore_ascii_case(&spec.id),
                "{}",
                spec.id
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn absolute_paths_become_file_urls() {
        let a = artifact_location("/tmp/a b.md");
        assert_eq!(a.uri, "file:///tmp/a%20b.md");
        assert_eq!(a.uri_base_id, None);
    }
}
