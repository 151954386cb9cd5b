//! The rule catalogue against everything else that shares a rule id: the
//! YAML files under `rules/`, the registry of Rust implementations, the
//! fixture folders, and the examples each YAML file carries (run through the
//! real engine, so `copydesk explain` never shows an example that lies).

mod common;

use common::{catalog, engine, fixtures_dir, markdown_files, source, stem};
use copydesk::catalog::{FixKind, RuleSpec, Scope};
use copydesk::config::Config;
use copydesk::engine::registry::Built;
use copydesk::rules::registry::{self, BUILTINS};
use copydesk::source::SourceFile;
use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn builtin_catalogue_parses_and_is_not_empty() {
    let catalog = catalog();
    assert!(!catalog.rules().is_empty());
}

#[test]
fn every_yaml_file_under_rules_is_in_the_catalogue() {
    // build.rs embeds `rules/*.yaml`; a file it skipped would silently vanish.
    let mut on_disk = BTreeSet::new();
    for entry in std::fs::read_dir(common::manifest_dir().join("rules")).expect("rules/") {
        let path = entry.expect("dir entry").path();
        if path.extension().is_some_and(|x| x == "yaml") {
            on_disk.insert(stem(&path));
        }
    }
    let catalogue: BTreeSet<String> = catalog().rules().iter().map(|r| r.id.clone()).collect();
    assert_eq!(on_disk, catalogue);
}

#[test]
fn ids_and_aliases_are_unique_and_kebab_case() {
    let catalog = catalog();
    let mut seen = BTreeSet::new();
    for r in catalog.rules() {
        for name in std::iter::once(&r.id).chain(&r.aliases) {
            assert!(
                seen.insert(name.clone()),
                "`{name}` is used twice (ids and aliases share one namespace)"
            );
            let kebab = !name.starts_with('-')
                && !name.ends_with('-')
                && !name.contains("--")
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            assert!(kebab, "`{name}` is not kebab-case");
        }
    }
}

#[test]
fn every_rule_is_documented() {
    for r in catalog().rules() {
        assert!(!r.name.trim().is_empty(), "{}: empty name", r.id);
        assert!(!r.summary.trim().is_empty(), "{}: empty summary", r.id);
        assert!(
            !r.explanation.trim().is_empty(),
            "{}: empty explanation",
            r.id
        );
        assert!(!r.examples.is_empty(), "{}: no bad/good example", r.id);
        for (name, o) in &r.options {
            assert!(
                !o.doc.trim().is_empty(),
                "{}: option `{name}` has no doc",
                r.id
            );
        }
    }
}

#[test]
fn every_rule_builds_with_its_default_options() {
    // Generic on purpose: built-ins, pattern rules and rules registered some
    // other way (corpus and `claim-` rules) must all build from their YAML.
    for spec in catalog().rules() {
        let built = registry::build(spec, spec.default_options())
            .unwrap_or_else(|e| panic!("{}: default options rejected: {e}", spec.id));
        match (built, spec.scope) {
            (Some(Built::Document(_)), Scope::Document)
            | (Some(Built::Corpus(_)), Scope::Corpus) => {}
            (Some(_), scope) => {
                panic!("{}: implementation does not match scope {scope:?}", spec.id)
            }
            (None, _) => panic!("{}: no implementation is registered", spec.id),
        }
    }
}

#[test]
fn every_builtin_has_a_catalogue_entry_and_they_are_sorted() {
    let catalog = catalog();
    let ids: Vec<&str> = BUILTINS.iter().map(|(id, _)| *id).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(
        ids, sorted,
        "BUILTINS must be unique and in alphabetical order"
    );
    for id in ids {
        let spec = catalog
            .get(id)
            .unwrap_or_else(|| panic!("`{id}` is registered but has no rules/{id}.yaml"));
        assert_eq!(spec.id, id, "`{id}` is registered under an alias");
        assert!(
            spec.pattern.is_none(),
            "`{id}` is both a pattern rule and a built-in"
        );
    }
}

#[test]
fn every_rule_has_a_fixture_folder_with_bad_and_good_files() {
    for spec in catalog().rules() {
        let dir = fixtures_dir().join(&spec.id);
        assert!(
            dir.is_dir(),
            "{}: missing fixtures folder {}",
            spec.id,
            dir.display()
        );
        let stems: Vec<String> = markdown_files(&dir).iter().map(|p| stem(p)).collect();
        if spec.scope == Scope::Document {
            assert!(
                stems.iter().any(|s| s.starts_with("bad")),
                "{}: no bad*.md fixture",
                spec.id
            );
            assert!(
                stems.iter().any(|s| s.starts_with("good")),
                "{}: no good*.md fixture",
                spec.id
            );
        } else {
            assert!(
                stems.len() >= 2,
                "{}: a corpus rule needs several documents",
                spec.id
            );
        }
    }
}

#[test]
fn every_fixture_folder_belongs_to_a_rule_or_a_known_group() {
    const GROUPS: &[&str] = &["clean", "clean-text", "encodings", "suppressions"];
    let catalog = catalog();
    for entry in std::fs::read_dir(fixtures_dir()).expect("fixtures/") {
        let path = entry.expect("dir entry").path();
        if !path.is_dir() {
            continue;
        }
        let name = stem(&path);
        assert!(
            catalog.get(&name).is_some() || GROUPS.contains(&name.as_str()),
            "fixtures/{name}/ is neither a rule id nor one of {GROUPS:?} (renamed rule?)"
        );
    }
}

/// The example's documents as the engine would read them from disk.
fn example_files(spec: &RuleSpec, docs: &[&str], dir: &Path, bad: bool) -> Vec<SourceFile> {
    docs.iter()
        .enumerate()
        .map(|(i, text)| {
            let path = dir.join(format!("example-{i}.md"));
            // YAML can only hold UTF-8 text, so the example of
            // `encoding-not-utf8` says in words that its bad document is
            // "encoded as windows-1252 on disk". Do exactly that, so the
            // engine sees legacy bytes and detects the encoding itself.
            let bytes = if spec.id == "encoding-not-utf8" && bad {
                let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
                assert!(!unmappable, "example must be representable in windows-1252");
                bytes.into_owned()
            } else {
                text.as_bytes().to_vec()
            };
            source(i, &path, &bytes)
        })
        .collect()
}

#[test]
fn each_example_bad_fires_and_good_is_silent() {
    let catalog = catalog();
    let config = Config::default();
    for spec in catalog.rules() {
        for (n, example) in spec.examples.iter().enumerate() {
            for (bad, text) in [(true, &example.bad), (false, &example.good)] {
                // A fresh folder per run: relative image paths resolve into it
                // and nothing from the repository leaks in.
                let dir = tempfile::tempdir().expect("temp dir");
                // Examples of `claim-fact-mismatch` carry the facts file they
                // are checked against; the engine reads it from the root.
                if let Some(facts) = &example.facts {
                    std::fs::write(dir.path().join("facts.yaml"), facts).expect("write facts.yaml");
                }
                let engine = engine(&catalog, &config, dir.path());
                let files = example_files(spec, &text.documents(), dir.path(), bad);
                let run = engine.check_files(files);
                let found = common::of_rule(&run, &spec.id);
                let which = if bad { "bad" } else { "good" };
                if bad {
                    assert!(
                        !found.is_empty(),
                        "{} example {n}: `bad` does not fire\n{text:?}",
                        spec.id
                    );
                } else {
                    assert!(
                        found.is_empty(),
                        "{} example {n}: `good` fires: {:?}",
                        spec.id,
                        found.iter().map(|d| &d.message).collect::<Vec<_>>()
                    );
                }
                if spec.fix == FixKind::Never {
                    assert!(
                        found.iter().all(|d| d.fix.is_none()),
                        "{} example {n} ({which}): `fix: never` but a fix is offered",
                        spec.id
                    );
                }
            }
        }
    }
}
