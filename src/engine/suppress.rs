//! Suppression directives written in an article:
//! `<!-- copydesk-disable-next-line RULE ... -->`, `<!-- copydesk-disable RULE -->`
//! up to `<!-- copydesk-enable RULE -->`, and a front-matter key
//! `copydesk-disable: [RULE, ...]` for the whole article. No rule named means
//! every rule.

use crate::diagnostic::Diagnostic;
use crate::document::{Document, Span};
use serde_yaml::Value;

/// Front-matter key listing rules to ignore for one article.
pub const FRONT_MATTER_KEY: &str = "copydesk-disable";

#[derive(Debug, Clone)]
struct Region {
    span: Span,
    rules: Vec<String>,
}

/// The suppressions of one file.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    regions: Vec<Region>,
    whole_file: Vec<String>,
    /// Every rule id named, with the directive (comment or front-matter
    /// value) that names it, so that a misspelt id can be reported.
    named: Vec<(String, Span)>,
}

impl Suppressions {
    /// Read the directives of `doc`.
    pub fn of(doc: &Document) -> Suppressions {
        let text = doc.text();
        let mut s = Suppressions::default();
        if let Some(v) = doc
            .front_matter
            .as_ref()
            .and_then(|fm| fm.get(FRONT_MATTER_KEY))
        {
            s.whole_file = match v {
                Value::String(x) => x
                    .split([',', ' '])
                    .filter(|r| !r.is_empty())
                    .map(String::from)
                    .collect(),
                Value::Sequence(items) => items
                    .iter()
                    .filter_map(|i| i.as_str().map(String::from))
                    .collect(),
                Value::Bool(true) => vec![],
                _ => Vec::new(),
            };
            if s.whole_file.is_empty() && matches!(v, Value::Bool(true)) {
                s.whole_file.push("all".into());
            }
            let at = doc
                .front_matter
                .as_ref()
                .and_then(|fm| fm.field(FRONT_MATTER_KEY))
                .map_or(Span::new(0, 0), |f| {
                    if f.value_span.is_empty() {
                        f.key_span
                    } else {
                        f.value_span
                    }
                });
            s.named.extend(s.whole_file.iter().map(|r| (r.clone(), at)));
        }
        let mut open: Vec<(usize, Vec<String>)> = Vec::new();
        for comment in &doc.body.comments {
            let raw = &text[comment.range()];
            // An HTML block span may include the line break after `-->`.
            let close = raw
                .rfind("-->")
                .map_or(comment.end, |i| comment.start + i + 3);
            for directive in directives(raw) {
                let at = Span::new(comment.start, close);
                s.named.extend(directive.1.iter().map(|r| (r.clone(), at)));
                match directive {
                    ("copydesk-disable-next-line", rules) => {
                        let next_start = text[close..]
                            .find('\n')
                            .map_or(text.len(), |i| close + i + 1);
                        let next_end = text[next_start..]
                            .find('\n')
                            .map_or(text.len(), |i| next_start + i);
                        s.regions.push(Region {
                            span: Span::new(next_start, next_end),
                            rules,
                        });
                    }
                    ("copydesk-disable-line", rules) => {
                        let start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
                        let end = text[close..].find('\n').map_or(text.len(), |i| close + i);
                        s.regions.push(Region {
                            span: Span::new(start, end),
                            rules,
                        });
                    }
                    ("copydesk-disable", rules) => open.push((comment.end, rules)),
                    ("copydesk-enable", rules) => {
                        // `enable` with no rule closes every open region;
                        // naming rules closes only those rules, and a region
                        // that named others stays open for the rest.
                        let mut still_open = Vec::new();
                        for (start, r) in open {
                            let closes = rules.is_empty() || r.iter().any(|x| rules.contains(x));
                            if !closes {
                                still_open.push((start, r));
                                continue;
                            }
                            s.regions.push(Region {
                                span: Span::new(start, comment.start),
                                rules: r.clone(),
                            });
                            let rest: Vec<String> =
                                r.into_iter().filter(|x| !rules.contains(x)).collect();
                            if !rest.is_empty() {
                                still_open.push((close, rest));
                            }
                        }
                        open = still_open;
                    }
                    _ => {}
                }
            }
        }
        for (start, rules) in open {
            s.regions.push(Region {
                span: Span::new(start, text.len()),
                rules,
            });
        }
        s
    }

    /// Every rule id the directives name, with where it is named.
    pub fn named(&self) -> &[(String, Span)] {
        &self.named
    }

    /// Whether `diag` (whose primary location is in this file) is suppressed.
    pub fn suppresses(&self, diag: &Diagnostic) -> bool {
        let matches = |rules: &[String]| {
            rules.is_empty() || rules.iter().any(|r| r == &diag.rule || r == "all")
        };
        if !self.whole_file.is_empty() && matches(&self.whole_file) {
            return true;
        }
        self.regions.iter().any(|r| {
            r.span.start <= diag.span.start && diag.span.start <= r.span.end && matches(&r.rules)
        })
    }
}

impl Suppressions {
    /// Is every rule of `rules` disabled at byte `offset`? A statistic
    /// there takes no part in comparisons: `copydesk-disable: true` keeps an
    /// article's figures out of every other article's findings too.
    pub fn silences_all_of(&self, rules: &[&str], offset: usize) -> bool {
        let covers = |listed: &[String]| {
            listed.is_empty()
                || listed.iter().any(|r| r == "all")
                || rules.iter().all(|id| listed.iter().any(|r| r == id))
        };
        (!self.whole_file.is_empty() && covers(&self.whole_file))
            || self
                .regions
                .iter()
                .any(|r| r.span.start <= offset && offset <= r.span.end && covers(&r.rules))
    }
}

/// `(directive, rules)` pairs in one HTML comment.
fn directives(raw: &str) -> Vec<(&str, Vec<String>)> {
    let inner = raw
        .trim()
        .trim_start_matches("<!--")
        .trim_end()
        .trim_end_matches("-->");
    let mut words = inner.split_whitespace();
    match words.next() {
        Some(d) if d.starts_with("copydesk-") => {
            let rules = words
                .flat_map(|w| w.split(','))
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            vec![(d, rules)]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{FileId, SourceFile, decode};

    fn doc_suppressions(text: &str) -> (SourceFile, Suppressions) {
        let file = SourceFile {
            id: FileId(0),
            path: "t.md".into(),
            display: "t.md".into(),
            decoded: decode(text.as_bytes()).unwrap(),
        };
        let s = Suppressions::of(&Document::parse(&file));
        (file, s)
    }

    #[test]
    fn next_line_covers_only_the_next_line() {
        let text = "<!-- copydesk-disable-next-line mojibake -->\nbad line\nother line\n";
        let (_, s) = doc_suppressions(text);
        let at = |needle: &str, rule: &'static str| {
            let start = text.find(needle).unwrap();
            Diagnostic::new(rule, FileId(0), Span::new(start, start + 1), "x")
        };
        assert!(s.suppresses(&at("bad", "mojibake")));
        assert!(!s.suppresses(&at("bad", "date-order")));
        assert!(!s.suppresses(&at("other", "mojibake")));
    }

    #[test]
    fn disable_enable_region_and_front_matter_key() {
        let text = "---\ncopydesk-disable: [date-order]\n---\n<!-- copydesk-disable -->\n\nx\n\n<!-- copydesk-enable -->\n\ny\n";
        let (_, s) = doc_suppressions(text);
        let x = text.find("x\n").unwrap();
        let y = text.find("y\n").unwrap();
        assert!(s.suppresses(&Diagnostic::new("any", FileId(0), Span::new(x, x + 1), "")));
        assert!(!s.suppresses(&Diagnostic::new("any", FileId(0), Span::new(y, y + 1), "")));
        assert!(s.suppresses(&Diagnostic::new(
            "date-order",
            FileId(0),
            Span::new(y, y + 1),
            ""
        )));
    }
}
