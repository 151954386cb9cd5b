//! XML escaping for the hand-written JUnit report: the five special
//! characters, line breaks and tabs kept in attributes, and characters XML 1.0
//! forbids replaced with U+FFFD so the document always parses.

/// Escape `s` for an attribute value in double quotes.
pub fn attr(s: &str) -> String {
    escape(s, true)
}

/// Escape `s` for element text.
pub fn text(s: &str) -> String {
    escape(s, false)
}

fn escape(s: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\'' if in_attr => out.push_str("&apos;"),
            // Attribute values are normalised by parsers: keep these as
            // character references so they survive.
            '\n' if in_attr => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' if in_attr => out.push_str("&#9;"),
            c if allowed(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// XML 1.0 `Char`: tab, line feed, carriage return, and U+0020 up, minus the
/// surrogates (which a Rust `char` cannot be) and U+FFFE, U+FFFF.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specials_and_controls_are_escaped() {
        assert_eq!(
            attr("a<b & \"c\"\n'"),
            "a&lt;b &amp; &quot;c&quot;&#10;&apos;"
        );
        assert_eq!(text("x\u{1}y\n]]>"), "x\u{FFFD}y\n]]&gt;");
    }
}
