//! Shared image-reference checks for the `image-*` rules: which images an
//! article has (front-matter image fields and body images) and what is wrong
//! with a reference. Nothing here goes to the network.

use crate::document::{Document, Span};

/// Where an image reference is written.
#[derive(Debug, Clone)]
pub struct ImageRef {
    /// The reference as written (or as the parser resolved it).
    pub value: String,
    /// Its span.
    pub span: Span,
    /// `heroImage` or `body image`, for messages.
    pub origin: String,
}

/// Every image reference of `doc`: the configured front-matter fields, then the body.
pub fn image_refs(doc: &Document, fields: &[String]) -> Vec<ImageRef> {
    let mut refs = Vec::new();
    if let Some(fm) = &doc.front_matter {
        for field in fields {
            if let Some(value) = fm.get_text(field) {
                refs.push(ImageRef {
                    value,
                    span: super::field_span(doc, field),
                    origin: format!("`{field}`"),
                });
            }
        }
    }
    for img in &doc.body.images {
        refs.push(ImageRef {
            value: img.dest.clone(),
            span: img.dest_span,
            origin: "body image".into(),
        });
    }
    refs
}

/// What kind of reference a value is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// An absolute URL with a scheme.
    Url,
    /// A path relative to the article or the site root.
    Path,
    /// Inline data or a template placeholder: not checked.
    Skip,
}

/// Classify a reference.
pub fn classify(value: &str) -> Reference {
    let v = value.trim();
    if v.is_empty() || v.starts_with("data:") || v.contains("{{") || v.contains("{%") {
        return Reference::Skip;
    }
    if v.starts_with("//") {
        return Reference::Url;
    }
    let scheme_end = v.find(':');
    let is_scheme = scheme_end.is_some_and(|i| {
        i > 1
            && v[..i]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
            && v[..i].starts_with(|c: char| c.is_ascii_alphabetic())
    });
    if is_scheme {
        Reference::Url
    } else {
        Reference::Path
    }
}

/// Problems of an absolute image URL (empty when it is fine). `extensions`
/// lists accepted image extensions; without one, a URL with no query string
/// is reported when `require_extension` is set.
pub fn url_problems(value: &str, extensions: &[String], require_extension: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let v = value.trim();
    if v.chars().any(char::is_whitespace) {
        problems.push("contains spaces (encode them as `%20` or rename the file)".to_string());
    }
    let parsed = url::Url::parse(v).or_else(|_| url::Url::parse(&format!("https:{v}")));
    let url = match parsed {
        Ok(u) => u,
        Err(e) => {
            problems.push(format!("does not parse as a URL ({e})"));
            return problems;
        }
    };
    match url.scheme() {
        "https" | "http" => {}
        other => problems.push(format!("scheme `{other}:` is not `https:`")),
    }
    if url.host_str().is_none_or(str::is_empty) {
        problems.push("has no host".to_string());
    }
    if let Some(problem) = extension_problem(
        url.path(),
        extensions,
        require_extension && url.query().is_none(),
    ) {
        problems.push(problem);
    }
    problems
}

/// Whether a path ends in an image extension.
pub fn extension_problem(path: &str, extensions: &[String], require: bool) -> Option<String> {
    let last = path.rsplit('/').next().unwrap_or_default();
    match last.rsplit_once('.') {
        Some((_, ext))
            if !ext.is_empty()
                && ext.len() <= 5
                && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (!extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)))
                .then(|| format!("ends in `.{ext}`, which is not an image extension"))
        }
        _ if require => Some("has no image file extension (.jpg, .png, .webp, ...)".to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exts() -> Vec<String> {
        ["jpg", "png", "webp"].map(String::from).to_vec()
    }

    #[test]
    fn good_urls_have_no_problems() {
        assert!(url_problems("https://cdn.example.com/a/b.webp", &exts(), true).is_empty());
        assert!(url_problems("https://cdn.example.com/photo?w=800", &exts(), true).is_empty());
    }

    #[test]
    fn each_defect_is_named() {
        assert_eq!(
            url_problems("htps://x.com/a.jpg", &exts(), true),
            vec!["scheme `htps:` is not `https:`"]
        );
        assert_eq!(
            url_problems("https://x.com/hero/growth", &exts(), true),
            vec!["has no image file extension (.jpg, .png, .webp, ...)"]
        );
        assert!(url_problems("https://x.com/a b.jpg", &exts(), true)[0].contains("spaces"));
        assert!(url_problems("https://x.com/doc.pdf", &exts(), true)[0].contains("`.pdf`"));
    }

    #[test]
    fn classify_tells_urls_from_paths() {
        assert_eq!(classify("https://a.b/c.png"), Reference::Url);
        assert_eq!(classify("htps://a.b/c.png"), Reference::Url);
        assert_eq!(classify("img/c.png"), Reference::Path);
        assert_eq!(classify("C:/x.png"), Reference::Path);
        assert_eq!(classify("data:image/png;base64,AAAA"), Reference::Skip);
    }
}
