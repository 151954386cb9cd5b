//! A starter `copydesk.yaml` fitted to a folder of articles (what `copydesk
//! init` writes). It looks at which front-matter fields the articles use for
//! dates (`publish_date`, `date`, `pubDate`, ...), reading time (`read_time`,
//! `readingTime`, ...) and images (`heroImage`, `image`, `cover`, ...), sets
//! those as the options of the rules that read them, and lists every rule
//! with its default severity, commented out, for the writer to adjust.

use crate::catalog::Catalog;
use crate::config::Config;
use crate::document::FrontMatter;
use crate::engine::{Context, Engine};
use crate::source::{DEFAULT_MAX_ARTICLE_BYTES, WalkOptions, read_article, walk};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Spellings of the publication date, most usual first.
const PUBLISH: &[&str] = &[
    "publish_date",
    "publishDate",
    "pubDate",
    "pub_date",
    "date",
    "published",
    "published_at",
    "publishedAt",
    "published_date",
    "ms.date",
];
/// Spellings of the creation date.
const CREATED: &[&str] = &[
    "created_date",
    "createdDate",
    "created",
    "created_at",
    "createdAt",
    "creation_date",
];
/// Spellings of the last-update date.
const UPDATED: &[&str] = &[
    "updated_date",
    "updatedDate",
    "updated",
    "updated_at",
    "updatedAt",
    "update_date",
    "lastmod",
    "last_modified",
    "lastModified",
    "modified",
    "modified_date",
    "modDate",
];
/// Spellings of the reading time.
const READ_TIME: &[&str] = &[
    "read_time",
    "readingTime",
    "reading_time",
    "readTime",
    "readtime",
    "time_to_read",
    "timeToRead",
    "minutes_to_read",
    "read_minutes",
];
/// Spellings of image fields.
const IMAGES: &[&str] = &[
    "heroImage",
    "hero_image",
    "image",
    "cover",
    "cover_image",
    "coverImage",
    "thumbnail",
    "featured_image",
    "featuredImage",
    "banner",
    "og_image",
    "ogImage",
    "social_image",
    "socialImage",
];

/// What the articles' front matter uses.
#[derive(Debug, Default)]
pub struct Survey {
    /// Articles read.
    pub articles: usize,
    /// Per key: in how many articles it appears.
    pub keys: BTreeMap<String, usize>,
    /// Per key: in how many articles its value reads as a date.
    pub dated: BTreeMap<String, usize>,
}

impl Survey {
    /// Read the front matter of every article under `root`.
    pub fn of(root: &Path) -> Survey {
        let mut survey = Survey::default();
        let Ok((paths, _)) = walk(&[root.to_path_buf()], &WalkOptions::default()) else {
            return survey;
        };
        // Read like any article: a link to a device or a huge file is
        // skipped, not read (issue 13).
        for path in paths {
            if let Ok(article) = read_article(&path, DEFAULT_MAX_ARTICLE_BYTES) {
                survey.add(&article.decoded.text);
            }
        }
        survey
    }

    /// Count the front-matter keys of one article.
    pub fn add(&mut self, text: &str) {
        self.articles += 1;
        let Some((fm, _)) = FrontMatter::split(text) else {
            return;
        };
        let mut keys: Vec<&str> = fm.fields.iter().map(|f| f.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            *self.keys.entry(key.to_string()).or_default() += 1;
            let is_date = fm
                .get_text(key)
                .is_some_and(|v| crate::document::dates::parse(&v).is_ok());
            if is_date {
                *self.dated.entry(key.to_string()).or_default() += 1;
            }
        }
    }

    /// The spellings in `candidates` the articles use, most used first.
    fn used(&self, candidates: &[&str], dates_only: bool) -> Vec<(String, usize)> {
        let mut found: Vec<(String, usize)> = candidates
            .iter()
            .filter_map(|k| {
                let n = *self.keys.get(*k)?;
                // A date field must hold dates in most articles that have it
                // (`published: true` is a flag, not a date).
                let d = self.dated.get(*k).copied().unwrap_or(0);
                (!dates_only || d * 2 >= n.max(1) && d > 0).then(|| (k.to_string(), n))
            })
            .collect();
        // Stable sort: ties keep the order of the candidate list.
        found.sort_by_key(|f| std::cmp::Reverse(f.1));
        found
    }
}

/// The starter config for `survey`, over the rules of `catalog`.
pub fn render(survey: &Survey, catalog: &Catalog) -> String {
    let publish = survey.used(PUBLISH, true);
    let created = survey.used(CREATED, true);
    let updated = survey.used(UPDATED, true);
    let read_time = survey.used(READ_TIME, false);
    let images = survey.used(IMAGES, false);
    let names = |v: &[(String, usize)]| v.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>();
    let top = |v: &[(String, usize)]| v.first().map(|(k, _)| k.clone());

    // Options per rule id, each a (name, YAML flow value) pair.
    let mut options: BTreeMap<&str, Vec<(&str, String)>> = BTreeMap::new();
    let mut set = |rule: &'static str, name: &'static str, value: String| {
        if catalog
            .get(rule)
            .is_some_and(|r| r.options.contains_key(name))
        {
            options.entry(rule).or_default().push((name, value));
        }
    };
    let all_dates: Vec<String> = [&publish, &created, &updated]
        .into_iter()
        .flat_map(|v| names(v))
        .collect();
    if !all_dates.is_empty() {
        set("date-invalid", "fields", flow_list(&all_dates));
    }
    if top(&publish).is_some() {
        set("date-in-future", "fields", flow_list(&names(&publish)));
    }
    // Required: only what nearly every article already has, so that a
    // consistent repository checks clean right after `init`.
    let nearly_all = |key: &str| {
        let n = survey.keys.get(key).copied().unwrap_or(0);
        survey.articles > 0 && n * 100 >= survey.articles * 95
    };
    let required: Vec<String> = ["title".to_string()]
        .into_iter()
        .chain(top(&publish))
        .filter(|k| nearly_all(k))
        .collect();
    set("field-missing", "required", flow_list(&required));
    let (p, c, u) = (top(&publish), top(&created), top(&updated));
    let pairs: Vec<String> = [(&c, &p), (&p, &u), (&c, &u)]
        .into_iter()
        .filter_map(|(a, b)| Some(flow_list(&[a.clone()?, b.clone()?])))
        .collect();
    if !pairs.is_empty() {
        set("date-order", "pairs", format!("[{}]", pairs.join(", ")));
    }
    if let Some(r) = top(&read_time) {
        set("read-time-invalid", "field", scalar(&r));
        set("read-time-mismatch", "field", scalar(&r));
    }
    if !images.is_empty() {
        for rule in ["image-not-found", "image-url-insecure", "image-url-invalid"] {
            set(rule, "fields", flow_list(&names(&images)));
        }
    }

    let mut s = String::new();
    let _ = writeln!(
        s,
        "# copydesk.yaml, written by `copydesk init` from {} under this folder.",
        crate::report::plural(survey.articles, "article")
    );
    let found: Vec<String> = [
        ("publish date", &publish),
        ("created date", &created),
        ("updated date", &updated),
        ("read time", &read_time),
        ("images", &images),
    ]
    .into_iter()
    .filter(|(_, v)| !v.is_empty())
    .map(|(what, v)| {
        let list: Vec<String> = v.iter().map(|(k, n)| format!("`{k}` ({n})")).collect();
        format!("{what} {}", list.join(", "))
    })
    .collect();
    if found.is_empty() {
        s.push_str("# No known front-matter fields were found; the rules keep their defaults.\n");
    } else {
        let _ = writeln!(s, "# Fields found: {}.", found.join("; "));
    }
    s.push_str(
        "#\n\
         # Every rule is listed below with its default severity. To change one,\n\
         # uncomment its line and set `off`, `info`, `warning` or `error` (inside a\n\
         # rule's block, use `severity:`). `copydesk explain RULE` tells more.\n\
         \n\
         # exclude: [drafts/]\n\
         # fail_on: error\n\
         \n\
         # Every article under this folder is compared for contradicting figures,\n\
         # also when only some files are named (the pre-commit hook).\n\
         corpus: .\n\
         \n",
    );
    if options.is_empty() {
        s.push_str("rules: {}\n");
    } else {
        s.push_str("rules:\n");
    }
    for rule in catalog.rules() {
        let summary = rule
            .summary
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(s, "  # {}: {}  — {}", rule.id, rule.severity, summary);
        if let Some(opts) = options.get(rule.id.as_str()) {
            let _ = writeln!(s, "  {}:", rule.id);
            let _ = writeln!(s, "    # severity: {}", rule.severity);
            for (name, value) in opts {
                let _ = writeln!(s, "    {name}: {value}");
            }
        }
    }
    s
}

/// A YAML scalar: plain when that is unambiguous, else double-quoted (JSON
/// string syntax is valid YAML).
fn scalar(s: &str) -> String {
    let plain = s
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).expect("a string serialises")
    }
}

fn flow_list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| scalar(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Parse `text` as a config and build an engine from it: the starter file
/// must load the way `check` would read it.
pub fn validate(text: &str, path: &Path, catalog: &Catalog) -> miette::Result<()> {
    let config = Config::parse(text, path)?;
    let context = Context {
        today: chrono::Local::now().date_naive(),
        root: path.parent().map(Path::to_path_buf).unwrap_or_default(),
        ..Default::default()
    };
    Engine::new(catalog, &crate::rules::registry::REGISTRY, &config, context)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_quoted_only_when_needed() {
        assert_eq!(scalar("pubDate"), "pubDate");
        assert_eq!(scalar("no"), "\"no\"");
        assert_eq!(scalar("my field"), "\"my field\"");
    }

    #[test]
    fn flags_named_like_dates_are_not_dates() {
        let mut s = Survey::default();
        s.add("---\npublished: true\ndate: 2024-01-02\n---\nx\n");
        assert_eq!(
            s.used(PUBLISH, true),
            vec![("date".to_string(), 1)],
            "{s:?}"
        );
    }

    #[test]
    fn rendered_config_loads_with_no_articles() {
        let catalog = Catalog::builtin().unwrap();
        let text = render(&Survey::default(), &catalog);
        validate(&text, Path::new("copydesk.yaml"), &catalog).unwrap();
    }
}
