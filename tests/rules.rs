//! Per-rule fixtures: every `fixtures/<id>/*.md` is checked with the folder's
//! `copydesk.yaml` (or the defaults), `--today 2026-01-01`, and the folder as
//! the config root. One insta snapshot per fixture file holds the `short` and
//! `human` renderings of all its findings and, when the rule offers fixes,
//! the text after applying them. `bad*.md` must fire the rule, `good*.md`
//! must not, and fixing must converge to text the rule accepts.
//!
//! Corpus rules (scope `corpus`) get all documents of their folder in one run.

mod common;

use common::{
    catalog, engine, fixtures_dir, folder_config, load, markdown_files, of_rule, render, source,
    stem,
};
use copydesk::catalog::{Catalog, FixKind, Scope};
use copydesk::engine::RunResult;
use copydesk::fix::{FixOptions, fix_source};
use copydesk::report::Format;
use copydesk::source::decode::encode;
use std::fmt::Write as _;
use std::path::Path;

macro_rules! fixture_tests {
    ($($name:ident => $id:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check_rule_fixtures(&catalog(), $id);
            }
        )*
        /// Rules with a test of their own above.
        const NAMED: &[&str] = &[$($id),*];
    };
}

fixture_tests! {
    claim_direction_mismatch => "claim-direction-mismatch",
    claim_fact_mismatch => "claim-fact-mismatch",
    claim_hedge_conflict => "claim-hedge-conflict",
    claim_period_mismatch => "claim-period-mismatch",
    claim_scale_mismatch => "claim-scale-mismatch",
    claim_value_mismatch => "claim-value-mismatch",
    date_in_future => "date-in-future",
    date_invalid => "date-invalid",
    date_order => "date-order",
    encoding_not_utf8 => "encoding-not-utf8",
    field_missing => "field-missing",
    front_matter_duplicate_key => "front-matter-duplicate-key",
    front_matter_invalid => "front-matter-invalid",
    image_alt_missing => "image-alt-missing",
    image_not_found => "image-not-found",
    image_url_insecure => "image-url-insecure",
    image_url_invalid => "image-url-invalid",
    mojibake => "mojibake",
    read_time_invalid => "read-time-invalid",
    read_time_mismatch => "read-time-mismatch",
    replacement_character => "replacement-character",
}

/// Rules added after this file was written still get their fixtures checked
/// (`tests/catalog.rs` makes sure the folder exists); give them a named test
/// above for a clearer failure report.
#[test]
fn rules_without_a_named_test() {
    let catalog = catalog();
    for spec in catalog.rules() {
        let dir = fixtures_dir().join(&spec.id);
        if !NAMED.contains(&spec.id.as_str()) && dir.is_dir() {
            check_rule_fixtures(&catalog, &spec.id);
        }
    }
}

/// Short and human renderings of a run.
fn rendered(run: &RunResult) -> String {
    format!(
        "# short\n{}\n# human\n{}",
        render(run, Format::Short),
        render(run, Format::Human)
    )
}

fn check_rule_fixtures(catalog: &Catalog, id: &str) {
    let spec = common::spec(catalog, id);
    let dir = fixtures_dir().join(id);
    let files = markdown_files(&dir);
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    let config = folder_config(&dir);
    let engine = engine(catalog, &config, &dir);
    let runs: Vec<(String, Vec<std::path::PathBuf>)> = match spec.scope {
        Scope::Document => files.iter().map(|f| (stem(f), vec![f.clone()])).collect(),
        Scope::Corpus => vec![("corpus".to_string(), files.clone())],
    };
    for (name, paths) in runs {
        let run = engine.check_files(load(&paths));
        check_conventions(&run, spec.fix);
        for file in &run.files {
            // A corpus finding involves the file it is reported on and the
            // files of its related locations.
            let fired = run.diagnostics.iter().any(|d| {
                d.rule == id && (d.file == file.id || d.related.iter().any(|l| l.file == file.id))
            });
            let which = stem(&file.path);
            if which.starts_with("bad") {
                assert!(fired, "{}: `{id}` does not fire", file.display);
            } else if which.starts_with("good") {
                assert!(!fired, "{}: `{id}` fires", file.display);
            }
        }
        let mut snapshot = rendered(&run);
        if let Some(fixed) = fixed_texts(&engine, &run, id) {
            snapshot.push_str(&fixed);
        }
        insta::assert_snapshot!(format!("{id}__{name}"), snapshot);
    }
}

/// What every finding must look like, whatever the rule.
fn check_conventions(run: &RunResult, fix: FixKind) {
    for d in &run.diagnostics {
        let text = run.file(d.file).text();
        let where_ = &run.file(d.file).display;
        assert!(
            d.span.start <= d.span.end
                && d.span.end <= text.len()
                && text.is_char_boundary(d.span.start)
                && text.is_char_boundary(d.span.end),
            "{where_}: {} span {:?} is not a valid range of the text",
            d.rule,
            d.span
        );
        assert!(
            !d.message.ends_with('.') && !d.message.contains('\n'),
            "{where_}: message should be one sentence without a trailing period: {:?}",
            d.message
        );
        if let Some(f) = &d.fix {
            assert!(
                fix != FixKind::Never,
                "{where_}: `fix: never` rule offers a fix"
            );
            // encoding-not-utf8's fix rewrites the file's bytes, not its text,
            // so it is the one fix with no text edits.
            assert!(
                !f.edits.is_empty() || d.rule == "encoding-not-utf8",
                "{where_}: fix `{}` has no edits",
                f.title
            );
            for e in &f.edits {
                assert!(
                    e.span.end <= text.len()
                        && text.is_char_boundary(e.span.start)
                        && text.is_char_boundary(e.span.end),
                    "{where_}: edit span {:?} is not a valid range",
                    e.span
                );
            }
        }
    }
}

/// For each file of `run` where rule `id` offered fixes: fix it with the
/// real fixer (unsafe fixes included), write it back to bytes as `--fix`
/// would, and assert the rule is then silent and a second fix changes
/// nothing. Returns a snapshot section with the fixed text.
fn fixed_texts(engine: &copydesk::Engine, run: &RunResult, id: &str) -> Option<String> {
    let mut out = String::new();
    for file in &run.files {
        let has_fix = run
            .diagnostics
            .iter()
            .any(|d| d.rule == id && d.file == file.id && d.fix.is_some());
        if !has_fix {
            continue;
        }
        let options = FixOptions { unsafe_fixes: true };
        let fixed = fix_source(engine, file, options);
        assert!(
            fixed.changes(file),
            "{}: fixes change nothing",
            file.display
        );
        let bytes = encode(&fixed.text, &file.decoded, fixed.transcode);
        let current = source(0, &file.path, &bytes);
        let again = engine.check_files(vec![current.clone()]);
        let found = of_rule(&again, id);
        assert!(
            found.is_empty(),
            "{}: `{id}` still fires after its fixes: {:?}",
            file.display,
            found.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        let second = fix_source(engine, &current, options);
        assert!(
            !second.changes(&current),
            "{}: fixing twice changes more",
            file.display
        );
        let rounds: usize = fixed.count();
        let _ = write!(
            out,
            "\n# fixed: {} ({rounds} fix{})\n{}",
            file.display,
            if rounds == 1 { "" } else { "es" },
            current.text()
        );
    }
    (!out.is_empty()).then_some(out)
}

#[test]
fn clean_articles_have_no_findings_at_all() {
    let catalog = catalog();
    let dir = fixtures_dir().join("clean");
    let files = markdown_files(&dir);
    assert!(files.len() >= 2, "fixtures/clean needs a few articles");
    let engine = engine(&catalog, &folder_config(&dir), &dir);
    let run = engine.check_files(load(&files));
    assert!(
        run.diagnostics.is_empty(),
        "clean fixtures have findings:\n{}",
        render(&run, Format::Short)
    );
    assert_eq!(run.files.len(), files.len());
}

#[test]
fn folder_config_options_are_applied() {
    // fixtures/field-missing/copydesk.yaml adds `author` to the required
    // fields: with the defaults, bad-author.md is clean.
    let catalog = catalog();
    let dir = fixtures_dir().join("field-missing");
    let file = load(&[dir.join("bad-author.md")]);
    let defaults = engine(&catalog, &Default::default(), Path::new("."));
    assert!(of_rule(&defaults.check_files(file.clone()), "field-missing").is_empty());
    let configured = engine(&catalog, &folder_config(&dir), &dir);
    let run = configured.check_files(file);
    let found = of_rule(&run, "field-missing");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "required field `author` is missing or empty"
    );
}
