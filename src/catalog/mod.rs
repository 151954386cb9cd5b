//! The rule catalogue: one [`RuleSpec`] per `rules/*.yaml` file, built-ins
//! embedded at build time, plus any rule folder a config names. The YAML says
//! what a rule is and why; its Rust implementation (if it is not a pattern
//! rule) lives under `src/rules/` with the same id.

use crate::diagnostic::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));

/// Whether a rule looks at one document or at the whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Checks one article at a time.
    Document,
    /// Compares articles with each other.
    Corpus,
}

/// Whether a rule can offer fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FixKind {
    /// No fixes.
    Never,
    /// Some findings come with a fix.
    Sometimes,
    /// Every finding comes with a fix.
    Always,
}

/// An example corpus: one document, or several for corpus rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ExampleText {
    /// One article.
    One(String),
    /// Several articles.
    Many(Vec<String>),
}

impl ExampleText {
    /// The documents of the example.
    pub fn documents(&self) -> Vec<&str> {
        match self {
            ExampleText::One(s) => vec![s.as_str()],
            ExampleText::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// A bad and a good example.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    /// Text that makes the rule fire.
    pub bad: ExampleText,
    /// Text the rule accepts.
    pub good: ExampleText,
    /// A facts file the example is checked against (`claim-fact-mismatch`).
    #[serde(default)]
    pub facts: Option<String>,
}

/// One option a rule accepts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionSpec {
    /// Type, for documentation (`integer`, `string`, `list`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Default value.
    pub default: serde_yaml::Value,
    /// What it does.
    pub doc: String,
}

/// Where a pattern rule looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternScope {
    /// Body prose outside code.
    Body,
    /// Headings.
    Headings,
    /// One front-matter field's value.
    Field(String),
}

impl<'de> Deserialize<'de> for PatternScope {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        match s.as_str() {
            "body" => Ok(PatternScope::Body),
            "headings" => Ok(PatternScope::Headings),
            other => match other.strip_prefix("field:") {
                Some(name) if !name.trim().is_empty() => {
                    Ok(PatternScope::Field(name.trim().to_string()))
                }
                _ => Err(serde::de::Error::custom(format!(
                    "unknown scope `{other}`: expected `body`, `headings` or `field:NAME`"
                ))),
            },
        }
    }
}

/// The regex part of a pattern rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternSpec {
    /// The regex (Rust `regex` syntax).
    pub regex: String,
    /// Message; `$1`, `${name}` expand to capture groups.
    pub message: String,
    /// Where to look.
    #[serde(default = "default_scope")]
    pub scope: PatternScope,
    /// Replacement (with capture groups); makes the finding fixable.
    #[serde(default)]
    pub replacement: Option<String>,
    /// Whether the replacement is safe to apply with `--fix`.
    #[serde(default)]
    pub safe: bool,
    /// Match case-insensitively.
    #[serde(default)]
    pub ignore_case: bool,
}

fn default_scope() -> PatternScope {
    PatternScope::Body
}

/// One rule as declared in `rules/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSpec {
    /// Stable kebab-case id.
    pub id: String,
    /// Short human name.
    pub name: String,
    /// Group: front-matter, dates, images, encoding, prose, claims, ...
    pub category: String,
    /// Document or corpus.
    pub scope: Scope,
    /// Default severity.
    pub severity: Severity,
    /// Whether findings come with fixes.
    pub fix: FixKind,
    /// One sentence.
    pub summary: String,
    /// Why it matters and how to fix it.
    pub explanation: String,
    /// Bad and good examples.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// Options with defaults.
    #[serde(default)]
    pub options: BTreeMap<String, OptionSpec>,
    /// Version that introduced the rule.
    #[serde(default)]
    pub since: Option<String>,
    /// Former ids still accepted in configs and suppressions.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Present for pattern rules, which need no Rust code.
    #[serde(default)]
    pub pattern: Option<PatternSpec>,
    /// Where it was loaded from (`<builtin>` for embedded rules).
    #[serde(skip)]
    pub origin: PathBuf,
}

impl RuleSpec {
    /// The options' defaults as a YAML mapping.
    pub fn default_options(&self) -> serde_yaml::Mapping {
        self.options
            .iter()
            .map(|(k, v)| (serde_yaml::Value::String(k.clone()), v.default.clone()))
            .collect()
    }
}

/// Why the catalogue could not be loaded.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum CatalogError {
    /// A rule file is not valid.
    #[error("invalid rule file {path}: {message}")]
    #[diagnostic(
        code(copydesk::catalog::invalid_rule),
        help("see `copydesk explain` output of a built-in rule for the expected shape")
    )]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Two rules share an id.
    #[error("rule id `{id}` is declared twice ({first} and {second})")]
    #[diagnostic(code(copydesk::catalog::duplicate_id))]
    Duplicate {
        /// The id.
        id: String,
        /// First file.
        first: String,
        /// Second file.
        second: String,
    },
    /// A rule folder could not be read.
    #[error("cannot read rule folder {path}: {source}")]
    #[diagnostic(code(copydesk::catalog::io))]
    Io {
        /// The folder.
        path: String,
        /// The error.
        source: std::io::Error,
    },
}

/// Every known rule.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    rules: Vec<RuleSpec>,
}

impl Catalog {
    /// The rules embedded in the binary.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::default();
        for (name, text) in BUILTIN_RULES {
            catalog.add(parse_spec(
                text,
                Path::new(&format!("<builtin>/rules/{name}")),
            )?)?;
        }
        Ok(catalog)
    }

    /// Add every `*.yaml` in `dir` (house rules).
    pub fn load_dir(&mut self, dir: &Path) -> Result<(), CatalogError> {
        let io = |source| CatalogError::Io {
            path: dir.display().to_string(),
            source,
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = crate::source::read::read_config_text(&path).map_err(io)?;
            self.add(parse_spec(&text, &path)?)?;
        }
        Ok(())
    }

    fn add(&mut self, spec: RuleSpec) -> Result<(), CatalogError> {
        if let Some(prev) = self.get(&spec.id) {
            return Err(CatalogError::Duplicate {
                id: spec.id.clone(),
                first: prev.origin.display().to_string(),
                second: spec.origin.display().to_string(),
            });
        }
        self.rules.push(spec);
        self.rules.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(())
    }

    /// The rule with this id or alias.
    pub fn get(&self, id: &str) -> Option<&RuleSpec> {
        self.rules.iter().find(|r| r.id == id).or_else(|| {
            self.rules
                .iter()
                .find(|r| r.aliases.iter().any(|a| a == id))
        })
    }

    /// All rules, sorted by id.
    pub fn rules(&self) -> &[RuleSpec] {
        &self.rules
    }

    /// "; did you mean `x`?" for an id that is not a rule: the ids it
    /// starts ("read-time" -> read-time-invalid, read-time-mismatch), else
    /// the closest id by edit distance; empty when none is close.
    pub fn suggestion(&self, id: &str) -> String {
        let ids = self.rules.iter().map(|r| r.id.as_str());
        did_you_mean(id, ids)
    }
}

/// "; did you mean `x`?" (or "`x` or `y`") for `word` among `candidates`:
/// the candidates it is a prefix of, else the closest by edit distance
/// (at most a third of the word's length), else "".
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> String {
    let quoted = |xs: Vec<&str>| {
        xs.iter()
            .map(|x| format!("`{x}`"))
            .collect::<Vec<_>>()
            .join(" or ")
    };
    let prefixed: Vec<&str> = candidates
        .clone()
        .filter(|c| word.len() >= 3 && c.starts_with(word))
        .collect();
    if !prefixed.is_empty() {
        return format!("; did you mean {}?", quoted(prefixed));
    }
    candidates
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, _)| *d <= (word.chars().count() / 3).max(1))
        .min()
        .map(|(_, c)| format!("; did you mean {}?", quoted(vec![c])))
        .unwrap_or_default()
}

fn parse_spec(text: &str, path: &Path) -> Result<RuleSpec, CatalogError> {
    let invalid = |message: String| CatalogError::Invalid {
        path: path.display().to_string(),
        message,
    };
    crate::document::yaml_limits::check(text, 1024 * 1024)
        .map_err(|e| invalid(format!("too large or complex to read: {e}")))?;
    let mut spec: RuleSpec = serde_yaml::from_str(text).map_err(|e| invalid(e.to_string()))?;
    spec.origin = path.to_path_buf();
    let kebab = !spec.id.is_empty()
        && spec
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !kebab {
        return Err(invalid(format!("id `{}` is not kebab-case", spec.id)));
    }
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != spec.id {
        return Err(invalid(format!(
            "file is named `{stem}` but declares id `{}`",
            spec.id
        )));
    }
    if let Some(p) = &spec.pattern {
        regex::Regex::new(&p.regex).map_err(|e| invalid(format!("bad regex: {e}")))?;
    }
    Ok(spec)
}
