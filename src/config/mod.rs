//! `copydesk.yaml`: discovery (walking up from the current folder), schema,
//! and validation against the rule catalogue. Layering is defaults < file <
//! command-line flags; the flags are applied by `cli`. Every mistake in the
//! file is an error that points at its line.

use crate::catalog::Catalog;
use crate::diagnostic::Severity;
use crate::document::yaml_limits;
use crate::source::read::{DEFAULT_MAX_ARTICLE_BYTES, MAX_CONFIG_BYTES, read_config_text};
use miette::{NamedSource, SourceSpan};
use serde::Deserialize;
use serde_yaml::{Mapping, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File names looked for, in order, in each folder from the current one up.
pub const CONFIG_NAMES: [&str; 2] = ["copydesk.yaml", ".copydesk.yaml"];

/// A rule's level in the config: a severity, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Disabled.
    Off,
    /// Enabled at this severity.
    On(Severity),
}

/// What the config says about one rule.
#[derive(Debug, Clone, Default)]
pub struct RuleSetting {
    /// Overridden level, if any.
    pub level: Option<Level>,
    /// Option values given in the config (merged over the defaults).
    pub options: Mapping,
}

/// The loaded configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file it came from, if any.
    pub path: Option<PathBuf>,
    /// Extra include globs (replace the extension filter).
    pub include: Vec<String>,
    /// Exclude globs.
    pub exclude: Vec<String>,
    /// Article extensions, when overridden.
    pub extensions: Option<Vec<String>>,
    /// Folders of house rules (YAML), resolved against the config's folder.
    pub rule_dirs: Vec<PathBuf>,
    /// Per-rule settings keyed by rule id.
    pub rules: BTreeMap<String, RuleSetting>,
    /// The whole corpus, for cross-article rules in partial runs.
    pub corpus: Option<PathBuf>,
    /// The canonical facts file.
    pub facts: Option<PathBuf>,
    /// Extra topic lexicon for the claims rules.
    pub lexicon: Option<Value>,
    /// The failure threshold.
    pub fail_on: Option<Severity>,
    /// Articles larger than this many bytes are skipped with a note
    /// (default [`DEFAULT_MAX_ARTICLE_BYTES`]).
    pub max_article_bytes: Option<u64>,
    text: Option<String>,
}

/// `copydesk.yaml` as written. Its JSON Schema (`copydesk schema`) is
/// generated from this type, so the two cannot drift apart; the field docs
/// are the schema's descriptions.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "copydesk.yaml",
    description = "Configuration of copydesk, the linter for repositories of articles. Every key is optional."
)]
struct RawConfig {
    /// Globs of the files to check (`content/**/*.md`); replaces the
    /// extension filter.
    #[serde(default)]
    include: Vec<String>,
    /// Globs of files and folders to leave out (`drafts/`).
    #[serde(default)]
    exclude: Vec<String>,
    /// Extensions of article files (default: md, markdown, mdx, txt).
    #[serde(default)]
    extensions: Option<Vec<String>>,
    /// Folders of house rules (rule YAML files), relative to this file.
    #[serde(default)]
    rule_dirs: Vec<PathBuf>,
    /// Per-rule settings by rule id: a level (`off`, `info`, `warning`,
    /// `error`), or a mapping with `severity` and the rule's options.
    #[serde(default)]
    #[schemars(schema_with = "rule_settings_schema")]
    rules: BTreeMap<String, Value>,
    /// The whole corpus, for cross-article rules when only some files are
    /// checked (pre-commit, --since), relative to this file.
    #[serde(default)]
    corpus: Option<PathBuf>,
    /// The canonical facts file (default: facts.yaml beside this file).
    #[serde(default)]
    facts: Option<PathBuf>,
    /// Extends or overrides the claims lexicon (rules/claims/lexicon.yaml):
    /// `synonyms`, `geo`, `stop_words`, `tolerances`.
    #[serde(default)]
    #[schemars(schema_with = "lexicon_schema")]
    lexicon: Option<Value>,
    /// The lowest severity that fails the run (default: error).
    #[serde(default)]
    fail_on: Option<Severity>,
    /// Articles larger than this many bytes are skipped with a note
    /// (default: 16777216, 16 MB).
    #[serde(default)]
    max_article_bytes: Option<u64>,
}

/// `rules:` in general: any rule id (house rules included) to a setting.
/// [`json_schema`] adds each built-in rule with its options.
fn rule_settings_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "object",
        "additionalProperties": rule_setting_schema(&serde_json::Map::new(), true),
    })
}

fn lexicon_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": ["object", "null"],
        "properties": {
            "synonyms": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } },
            "geo": { "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } },
            "stop_words": { "type": "array", "items": { "type": "string" } },
            "tolerances": { "type": "object", "additionalProperties": { "type": "number" } },
        },
    })
}

/// What `parse_level` accepts, and `false` for off.
fn level_schema() -> serde_json::Value {
    serde_json::json!({
        "anyOf": [
            { "enum": ["off", "info", "warning", "warn", "error"] },
            { "const": false },
        ]
    })
}

/// One rule's setting: a level, or a mapping of `severity` and `options`
/// (other keys allowed only when the options are unknown: house rules).
fn rule_setting_schema(
    options: &serde_json::Map<String, serde_json::Value>,
    open: bool,
) -> serde_json::Value {
    let mut properties = options.clone();
    properties.insert("severity".into(), level_schema());
    serde_json::json!({
        "anyOf": [
            level_schema(),
            { "type": "object", "properties": properties, "additionalProperties": open },
        ]
    })
}

/// The JSON Schema (draft 2020-12) of `copydesk.yaml`: generated from the
/// config type, with every rule of `catalog` under `rules:` (its summary,
/// levels, and its options with their documentation and defaults), for
/// editor completion and validation.
pub fn json_schema(catalog: &Catalog) -> serde_json::Value {
    let mut schema = schemars::schema_for!(RawConfig).to_value();
    let mut rules = serde_json::Map::new();
    for spec in catalog.rules() {
        let options: serde_json::Map<String, serde_json::Value> = spec
            .options
            .iter()
            .map(|(name, o)| {
                let mut option = serde_json::json!({
                    "description": o.doc,
                    "default": serde_json::to_value(&o.default).unwrap_or_default(),
                });
                let kind = match o.kind.as_str() {
                    "number" => Some("number"),
                    "integer" => Some("integer"),
                    "string" => Some("string"),
                    "boolean" => Some("boolean"),
                    "list" => Some("array"),
                    "map" | "mapping" => Some("object"),
                    _ => None,
                };
                if let Some(kind) = kind {
                    option["type"] = kind.into();
                }
                (name.clone(), option)
            })
            .collect();
        let mut setting = rule_setting_schema(&options, false);
        setting["description"] =
            format!("{} Default severity: {}.", spec.summary, spec.severity).into();
        for id in std::iter::once(&spec.id).chain(&spec.aliases) {
            rules.insert(id.clone(), setting.clone());
        }
    }
    schema["properties"]["rules"]["properties"] = rules.into();
    schema
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read config {path}: {source}")]
    #[diagnostic(code(copydesk::config::io))]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// The file is not valid YAML, or a key or value is wrong.
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(Box<InvalidConfig>),
    /// A rule id that no rule has.
    #[error(transparent)]
    #[diagnostic(transparent)]
    UnknownRule(Box<UnknownRule>),
    /// A rule id given to `--select` or `--ignore` that no rule has.
    #[error("unknown rule `{id}` in {flag}")]
    #[diagnostic(
        code(copydesk::config::unknown_rule_flag),
        help("run `copydesk rules` to list the rule ids{suggestion}")
    )]
    UnknownRuleFlag {
        /// The flag (`--select`, `--ignore`).
        flag: &'static str,
        /// What was given.
        id: String,
        /// "; did you mean `…`?", or nothing.
        suggestion: String,
    },
    /// The `lexicon` section or the facts file is not valid.
    #[error("{what}: {message}")]
    #[diagnostic(
        code(copydesk::config::claims_data),
        help("see `copydesk explain claim-fact-mismatch` and the lexicon format in README.md")
    )]
    ClaimsData {
        /// Which file or section.
        what: String,
        /// What is wrong.
        message: String,
    },
}

/// A wrong key or value, with the config text to point into.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(copydesk::config::invalid), help("{help}"))]
pub struct InvalidConfig {
    /// What is wrong.
    pub message: String,
    /// How to put it right.
    pub help: String,
    /// The config text.
    #[source_code]
    pub src: NamedSource<String>,
    /// Where.
    #[label("here")]
    pub span: SourceSpan,
}

/// A rule id in the config that no rule has.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("unknown rule `{id}` in config")]
#[diagnostic(
    code(copydesk::config::unknown_rule),
    help("run `copydesk rules` to list the rule ids{suggestion}")
)]
pub struct UnknownRule {
    /// The id.
    pub id: String,
    /// A near id, if any.
    pub suggestion: String,
    /// The config text.
    #[source_code]
    pub src: NamedSource<String>,
    /// Where.
    #[label("not a rule id")]
    pub span: SourceSpan,
}

/// The top-level keys of copydesk.yaml.
const CONFIG_KEYS: [&str; 10] = [
    "include",
    "exclude",
    "extensions",
    "rule_dirs",
    "rules",
    "corpus",
    "facts",
    "lexicon",
    "fail_on",
    "max_article_bytes",
];

impl Config {
    /// Find the config: `explicit` if given, else the nearest `copydesk.yaml`
    /// or `.copydesk.yaml` from `start` up. No file means defaults.
    pub fn discover(explicit: Option<&Path>, start: &Path) -> Result<Config, ConfigError> {
        if let Some(path) = explicit {
            return Config::load(path);
        }
        for dir in start.ancestors() {
            for name in CONFIG_NAMES {
                let candidate = dir.join(name);
                // Anything by that name counts: a folder or a link to a
                // device is reported by `load`, not passed over (issue 13).
                if candidate.symlink_metadata().is_ok() {
                    return Config::load(&candidate);
                }
            }
        }
        Ok(Config::default())
    }

    /// Read and parse one config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let io = |source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        };
        let text = read_config_text(path).map_err(io)?;
        Config::parse(&text, path)
    }

    /// Parse config text; `path` names it in errors and anchors relative paths.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let src = || NamedSource::new(path.display().to_string(), text.to_string());
        let raw: RawConfig = if text.trim().is_empty() {
            serde_yaml::from_str("{}").expect("empty mapping parses")
        } else {
            // Aliases and nesting bounded before serde_yaml sees the text (issue 13).
            if let Err(limit) = yaml_limits::check(text, MAX_CONFIG_BYTES as usize) {
                return Err(ConfigError::Invalid(Box::new(InvalidConfig {
                    help: "write the configuration without deep nesting or many aliases".into(),
                    message: format!("invalid config: too large or complex to read: {limit}"),
                    src: src(),
                    span: (limit.at(), 0).into(),
                })));
            }
            serde_yaml::from_str(text).map_err(|e| {
                let at = e.location().map_or(0, |l| l.index());
                let message = e.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                let unknown = message
                    .strip_prefix("unknown field `")
                    .and_then(|rest| rest.split('`').next())
                    .map(|field| crate::catalog::did_you_mean(field, CONFIG_KEYS.iter().copied()))
                    .unwrap_or_default();
                ConfigError::Invalid(Box::new(InvalidConfig {
                    help: format!("valid keys: {}{unknown}", CONFIG_KEYS.join(", ")),
                    message: format!("invalid config: {message}"),
                    src: src(),
                    span: (at, 0).into(),
                }))
            })?
        };
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut rules = BTreeMap::new();
        for (id, value) in raw.rules {
            let setting = parse_rule_setting(&value).map_err(|message| ConfigError::Invalid(Box::new(InvalidConfig {
                message: format!("invalid setting for rule `{id}`: {message}"),
                help: "a rule takes `off`, `info`, `warning`, `error`, or a mapping with `severity` and the rule's options".into(),
                src: src(),
                span: key_span(text, &id),
            }))
            )?;
            rules.insert(id, setting);
        }
        Ok(Config {
            path: Some(path.to_path_buf()),
            include: raw.include,
            exclude: raw.exclude,
            extensions: raw.extensions,
            rule_dirs: raw.rule_dirs.into_iter().map(|d| base.join(d)).collect(),
            rules,
            corpus: raw.corpus.map(|c| base.join(c)),
            facts: raw.facts.map(|f| base.join(f)),
            lexicon: raw.lexicon,
            fail_on: raw.fail_on,
            max_article_bytes: raw.max_article_bytes,
            text: Some(text.to_string()),
        })
    }

    /// The size limit on an article, in bytes.
    pub fn max_article_bytes(&self) -> u64 {
        self.max_article_bytes.unwrap_or(DEFAULT_MAX_ARTICLE_BYTES)
    }

    /// Check every rule id against the catalogue.
    pub fn validate(&self, catalog: &Catalog) -> Result<(), ConfigError> {
        for id in self.rules.keys() {
            if catalog.get(id).is_none() {
                let suggestion = catalog.suggestion(id);
                return Err(ConfigError::UnknownRule(Box::new(UnknownRule {
                    id: id.clone(),
                    suggestion,
                    src: self.named_source(),
                    span: key_span(self.text.as_deref().unwrap_or_default(), id),
                })));
            }
        }
        Ok(())
    }

    /// Apply `--select` and `--ignore` (command-line flags win over the
    /// file): with `select`, only the rules it names run (one the file turned
    /// off runs at its default severity, with the file's options); the rules
    /// `ignore` names are off, even if selected. Each entry is a rule id, an
    /// alias, or a prefix ending in `*` (`claim-*`). An entry that names no
    /// rule is an error.
    pub fn select_rules(
        &mut self,
        catalog: &Catalog,
        select: &[String],
        ignore: &[String],
    ) -> Result<(), ConfigError> {
        if select.is_empty() && ignore.is_empty() {
            return Ok(());
        }
        let selected = resolve_rule_list(catalog, select, "--select")?;
        let ignored = resolve_rule_list(catalog, ignore, "--ignore")?;
        for spec in catalog.rules() {
            let id = spec.id.as_str();
            let on = (select.is_empty() || selected.contains(id)) && !ignored.contains(id);
            // The file may name the rule by its id or a former id (alias).
            let mut setting = self
                .rules
                .get(id)
                .or_else(|| spec.aliases.iter().find_map(|a| self.rules.get(a)))
                .cloned()
                .unwrap_or_default();
            if !on {
                setting.level = Some(Level::Off);
            } else if setting.level == Some(Level::Off) {
                setting.level = None;
            } else {
                continue;
            }
            self.rules.insert(id.to_string(), setting);
        }
        Ok(())
    }

    /// An error about the options of rule `id`, pointing at its entry.
    ///
    /// The error points at the option's own line when `option` names it or
    /// the message starts with it, else at the rule's line.
    pub fn option_error(&self, id: &str, option: Option<&str>, message: String) -> ConfigError {
        let text = self.text.as_deref().unwrap_or_default();
        let rule = key_span(text, id);
        // "`min_confidence` must be …" or serde's "pairs: invalid type: …".
        let named = message
            .strip_prefix('`')
            .and_then(|m| m.split_once('`'))
            .map(|(head, _)| head);
        let option = option
            .or(named)
            .or_else(|| message.split_once(": ").map(|(head, _)| head));
        let span = option
            .and_then(|o| option_span(text, rule, o))
            .unwrap_or(rule);
        ConfigError::Invalid(Box::new(InvalidConfig {
            message: format!("invalid options for rule `{id}`: {message}"),
            help: format!("run `copydesk explain {id}` to see its options"),
            src: self.named_source(),
            span,
        }))
    }

    fn named_source(&self) -> NamedSource<String> {
        let name = self
            .path
            .as_ref()
            .map_or_else(|| "<config>".to_string(), |p| p.display().to_string());
        NamedSource::new(name, self.text.clone().unwrap_or_default())
    }
}

fn parse_rule_setting(value: &Value) -> Result<RuleSetting, String> {
    match value {
        Value::String(s) => Ok(RuleSetting {
            level: Some(parse_level(s)?),
            options: Mapping::new(),
        }),
        Value::Bool(false) => Ok(RuleSetting {
            level: Some(Level::Off),
            options: Mapping::new(),
        }),
        Value::Mapping(m) => {
            let mut options = m.clone();
            let level = match options.remove("severity") {
                Some(Value::String(s)) => Some(parse_level(&s)?),
                Some(Value::Bool(false)) => Some(Level::Off),
                Some(other) => return Err(format!("`severity` must be a string, not {other:?}")),
                None => None,
            };
            Ok(RuleSetting { level, options })
        }
        other => Err(format!("expected a severity or a mapping, found {other:?}")),
    }
}

fn parse_level(s: &str) -> Result<Level, String> {
    match s {
        "off" => Ok(Level::Off),
        "info" => Ok(Level::On(Severity::Info)),
        "warning" | "warn" => Ok(Level::On(Severity::Warning)),
        "error" => Ok(Level::On(Severity::Error)),
        other => Err(format!(
            "unknown severity `{other}` (expected off, info, warning or error)"
        )),
    }
}

/// Where `key:` is first written in the config text, for error labels.
fn key_span(text: &str, key: &str) -> SourceSpan {
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(lead) = key_lead(trimmed, key) {
            return (pos + indent + lead, key.len()).into();
        }
        pos += line.len();
    }
    (0, 0).into()
}

/// When the line `trimmed` (its indentation removed) sets `key`, quoted or
/// not, the length of the quote before the key.
fn key_lead(trimmed: &str, key: &str) -> Option<usize> {
    let unquoted = trimmed.trim_start_matches(['"', '\'']);
    (unquoted.starts_with(key)
        && unquoted[key.len()..]
            .trim_start_matches(['"', '\''])
            .starts_with(':'))
    .then(|| trimmed.len() - unquoted.len())
}

/// Where option `key` is written in the block of the rule whose key is at
/// `rule`: the lines after it indented deeper than it.
fn option_span(text: &str, rule: SourceSpan, key: &str) -> Option<SourceSpan> {
    if rule.is_empty() || key.is_empty() {
        return None;
    }
    let line_start = text[..rule.offset()].rfind('\n').map_or(0, |i| i + 1);
    let rule_indent = rule.offset() - line_start;
    let after = text[rule.offset()..].find('\n')? + rule.offset() + 1;
    let mut pos = after;
    for line in text[after..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if !trimmed.trim().is_empty() && !trimmed.starts_with('#') {
            if indent <= rule_indent {
                return None;
            }
            if let Some(lead) = key_lead(trimmed, key) {
                return Some((pos + indent + lead, key.len()).into());
            }
        }
        pos += line.len();
    }
    None
}

/// The catalogue ids a `--select`/`--ignore` list names.
fn resolve_rule_list<'c>(
    catalog: &'c Catalog,
    entries: &[String],
    flag: &'static str,
) -> Result<std::collections::HashSet<&'c str>, ConfigError> {
    let mut ids = std::collections::HashSet::new();
    for entry in entries {
        let entry = entry.trim();
        let mut matched = false;
        if let Some(prefix) = entry.strip_suffix('*') {
            for r in catalog.rules().iter().filter(|r| r.id.starts_with(prefix)) {
                ids.insert(r.id.as_str());
                matched = true;
            }
        } else if let Some(r) = catalog.get(entry) {
            ids.insert(r.id.as_str());
            matched = true;
        }
        if !matched {
            return Err(ConfigError::UnknownRuleFlag {
                flag,
                id: entry.to_string(),
                suggestion: catalog.suggestion(entry.trim_end_matches('*')),
            });
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_settings_accept_levels_and_mappings() {
        let cfg = Config::parse(
            "rules:\n  date-in-future: off\n  read-time-mismatch:\n    severity: warning\n    words_per_minute: 200\n",
            Path::new("copydesk.yaml"),
        )
        .unwrap();
        assert_eq!(cfg.rules["date-in-future"].level, Some(Level::Off));
        let rt = &cfg.rules["read-time-mismatch"];
        assert_eq!(rt.level, Some(Level::On(Severity::Warning)));
        assert_eq!(rt.options.get("words_per_minute"), Some(&Value::from(200)));
    }

    #[test]
    fn unknown_top_level_key_points_at_its_line() {
        let err = Config::parse("include: []\nbogus: 1\n", Path::new("c.yaml")).unwrap_err();
        match err {
            ConfigError::Invalid(e) => {
                assert_eq!(e.span.offset(), 12);
                assert!(e.message.contains("bogus"), "{}", e.message);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_misspelt_key_gets_a_suggestion() {
        let err = Config::parse("fial_on: warning\n", Path::new("copydesk.yaml")).unwrap_err();
        let ConfigError::Invalid(e) = err else {
            panic!("{err:?}")
        };
        assert!(e.help.contains("did you mean `fail_on`?"), "{}", e.help);
    }
}
