//! The metadata block at the top of an article: YAML between `---` lines, or
//! TOML between `+++` lines as Hugo writes it. Splitting never fails; what is
//! wrong with the block is kept as a [`Problem`] for the front-matter rules.

use super::Span;
use serde_yaml::{Mapping, Value};

/// The syntax of a front-matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `---` delimited YAML.
    Yaml,
    /// `+++` delimited TOML.
    Toml,
}

/// One top-level key as written in the block, with the position of its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key.
    pub key: String,
    /// Where the key is written.
    pub key_span: Span,
    /// Where the value's text is, inside quotes if it is quoted; for a block
    /// value, its first line. Empty at the end of the key line if there is none.
    pub value_span: Span,
}

/// Why a front-matter block could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// An opening delimiter with no closing one.
    Unterminated,
    /// The parser rejected the block.
    Syntax {
        /// The parser's message.
        message: String,
        /// Where the parser stopped.
        at: Span,
    },
    /// Not given to the parser: too long, nested too deep, or with aliases
    /// that would expand it too much (see [`super::yaml_limits`]).
    TooComplex {
        /// What limit it passes.
        message: String,
        /// Where.
        at: Span,
    },
    /// Parsed, but not a key/value mapping (a list, a scalar).
    NotMapping,
}

/// The longest YAML front matter given to the parser.
pub const MAX_FRONT_MATTER_BYTES: usize = 1024 * 1024;

/// A parsed front-matter block.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    /// Syntax of the block.
    pub format: Format,
    /// The whole block, delimiters and final line break included.
    pub span: Span,
    /// The text between the delimiter lines.
    pub content: Span,
    /// The opening delimiter line (without line break).
    pub opening: Span,
    /// Top-level keys in source order, duplicates included.
    pub fields: Vec<Field>,
    /// The parsed values, when the block is a valid mapping.
    pub mapping: Option<Mapping>,
    /// What is wrong with the block, if anything.
    pub problem: Option<Problem>,
}

impl FrontMatter {
    /// Split the front matter off `text`. Returns `None` when the text does
    /// not open with a delimiter line. The second value is where the body starts.
    pub fn split(text: &str) -> Option<(FrontMatter, usize)> {
        let (format, delim) = if starts_with_line(text, "---") {
            (Format::Yaml, "---")
        } else if starts_with_line(text, "+++") {
            (Format::Toml, "+++")
        } else {
            return None;
        };
        let first_break = line_end(text, 0);
        let opening = Span::new(0, delim.len());
        let mut pos = first_break;
        let mut close = None;
        while pos < text.len() {
            let end = line_end(text, pos);
            let line = text[pos..end].trim_end_matches(['\n', '\r']);
            let closes =
                line.trim_end() == delim || (format == Format::Yaml && line.trim_end() == "...");
            if closes {
                close = Some((pos, end));
                break;
            }
            pos = end;
        }
        let Some((close_start, close_end)) = close else {
            let fm = FrontMatter {
                format,
                span: Span::new(0, text.len()),
                content: Span::new(first_break, text.len()),
                opening,
                fields: Vec::new(),
                mapping: None,
                problem: Some(Problem::Unterminated),
            };
            return Some((fm, first_break));
        };
        let content = Span::new(first_break, close_start);
        let raw = &text[content.range()];
        let fields = scan_fields(raw, format, content.start);
        let (mapping, problem) = match format {
            Format::Yaml => parse_yaml(raw, content.start),
            Format::Toml => parse_toml(raw, content.start),
        };
        let fm = FrontMatter {
            format,
            span: Span::new(0, close_end),
            content,
            opening,
            fields,
            mapping,
            problem,
        };
        Some((fm, close_end))
    }

    /// The parsed value of a top-level key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.mapping.as_ref()?.get(key)
    }

    /// The first place `key` is written.
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// A scalar value as text (numbers and booleans included); `None` for
    /// missing, null, lists and maps.
    pub fn get_text(&self, key: &str) -> Option<String> {
        scalar_text(self.get(key)?)
    }
}

/// A YAML scalar as text; `None` for null, sequences and mappings.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => scalar_text(&t.value),
        _ => None,
    }
}

fn starts_with_line(text: &str, delim: &str) -> bool {
    text.strip_prefix(delim)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['\n', '\r']))
}

/// Where the line holding `pos` ends, its break included: `\n`, `\r\n`, or a
/// lone `\r` (old Mac files, issue 13); the end of the text on the last line.
fn line_end(text: &str, pos: usize) -> usize {
    let bytes = text.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
        None => text.len(),
        Some(i) if bytes[pos + i] == b'\r' && bytes.get(pos + i + 1) == Some(&b'\n') => pos + i + 2,
        Some(i) => pos + i + 1,
    }
}

fn parse_yaml(raw: &str, base: usize) -> (Option<Mapping>, Option<Problem>) {
    if raw.trim().is_empty() {
        return (Some(Mapping::new()), None);
    }
    if let Err(limit) = super::yaml_limits::check(raw, MAX_FRONT_MATTER_BYTES) {
        let at = base + limit.at();
        return (
            None,
            Some(Problem::TooComplex {
                message: limit.to_string(),
                at: Span::new(at, at),
            }),
        );
    }
    match parse_big_integers_as_text(raw) {
        Ok(Value::Mapping(m)) => (Some(m), None),
        Ok(Value::Null) => (Some(Mapping::new()), None),
        Ok(_) => (None, Some(Problem::NotMapping)),
        Err((e, index)) => {
            // On a character of the original text, whatever the parser counted.
            let mut index = index.map_or(0, |i| i.min(raw.len()));
            while !raw.is_char_boundary(index) {
                index -= 1;
            }
            let at = base + index;
            let message = e.to_string();
            // serde_yaml appends " at line L column C"; our snippet shows that.
            let message = match message.find(" at line ") {
                Some(i) => message[..i].to_string(),
                None => message,
            };
            (
                None,
                Some(Problem::Syntax {
                    message,
                    at: Span::new(at, at),
                }),
            )
        }
    }
}

/// How many integers too large for 64 bits one front matter may hold.
const MAX_BIG_INTEGERS: usize = 16;

/// Parses `raw` as YAML; a plain integer too large for 64 bits (which
/// serde_yaml cannot hold, and which would make the whole front matter
/// invalid) is read as the text of its digits, so that the rule of its field
/// can say what is wrong with it (issue 13). Field positions come from
/// [`scan_fields`] on the original text, so quoting the digits moves none.
fn parse_big_integers_as_text(raw: &str) -> Result<Value, (serde_yaml::Error, Option<usize>)> {
    let mut text = std::borrow::Cow::Borrowed(raw);
    // Where quotes were added, in the text parsed: an error's position is
    // moved back over them to a position in `raw`.
    let mut added: Vec<usize> = Vec::new();
    loop {
        let error = match serde_yaml::from_str::<Value>(&text) {
            Ok(value) => return Ok(value),
            Err(e) => e,
        };
        let message = error.to_string();
        let too_big = message.contains(" as u128") || message.contains(" as i128");
        let index = error.location().map(|l| l.index());
        let digits = index
            .filter(|&at| {
                too_big && added.len() < 2 * MAX_BIG_INTEGERS && text.is_char_boundary(at)
            })
            .map(|at| {
                let n = text[at..]
                    .char_indices()
                    .find(|&(i, c)| !(c.is_ascii_digit() || (i == 0 && (c == '-' || c == '+'))))
                    .map_or(text.len() - at, |(i, _)| i);
                (at, n)
            })
            .filter(|&(_, n)| n > 0);
        let Some((at, n)) = digits else {
            let in_raw = index.map(|i| i - added.iter().filter(|&&p| p < i).count());
            return Err((error, in_raw));
        };
        let quoted = format!(
            "{}\"{}\"{}",
            &text[..at],
            &text[at..at + n],
            &text[at + n..]
        );
        added.push(at);
        added.push(at + n + 1);
        text = std::borrow::Cow::Owned(quoted);
    }
}

fn parse_toml(raw: &str, base: usize) -> (Option<Mapping>, Option<Problem>) {
    match raw.parse::<toml::Table>() {
        Ok(table) => {
            let value = toml_to_yaml(toml::Value::Table(table));
            match value {
                Value::Mapping(m) => (Some(m), None),
                _ => (None, Some(Problem::NotMapping)),
            }
        }
        Err(e) => {
            let at = e.span().map_or(base, |r| base + r.start.min(raw.len()));
            (
                None,
                Some(Problem::Syntax {
                    message: e.message().to_string(),
                    at: Span::new(at, at),
                }),
            )
        }
    }
}

/// One value model for both syntaxes, so rules read fields one way.
fn toml_to_yaml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::Number(i.into()),
        toml::Value::Float(f) => Value::Number(f.into()),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Sequence(a.into_iter().map(toml_to_yaml).collect()),
        toml::Value::Table(t) => Value::Mapping(
            t.into_iter()
                .map(|(k, v)| (Value::String(k), toml_to_yaml(v)))
                .collect(),
        ),
    }
}

/// Find top-level `key: value` (YAML) or `key = value` (TOML) lines, so rules
/// can point at the line of a field; the parsers do not report value positions.
fn scan_fields(raw: &str, format: Format, base: usize) -> Vec<Field> {
    let sep = match format {
        Format::Yaml => ':',
        Format::Toml => '=',
    };
    let mut fields = Vec::new();
    let mut pos = 0;
    let mut in_table = false;
    while pos < raw.len() {
        let start = pos;
        pos = line_end(raw, pos);
        let line = &raw[start..pos];
        let content = line.trim_end_matches(['\n', '\r']);
        if format == Format::Toml && content.trim_start().starts_with('[') {
            in_table = true;
        }
        if in_table || content.is_empty() || content.starts_with([' ', '\t', '#', '-']) {
            continue;
        }
        let Some(sep_at) = find_separator(content, sep) else {
            continue;
        };
        let key_raw = content[..sep_at].trim_end();
        let key = key_raw.trim_matches(|c| c == '"' || c == '\'');
        if key.is_empty() {
            continue;
        }
        let key_off = content.find(key).unwrap_or(0);
        let after = &content[sep_at + 1..];
        let lead = after.len() - after.trim_start().len();
        let mut v_start = sep_at + 1 + lead;
        let mut v_end = content.len();
        let value = &content[v_start..];
        if let Some(q) = value.chars().next().filter(|c| *c == '"' || *c == '\'') {
            if let Some(close) = value[1..].rfind(q) {
                v_start += 1;
                v_end = v_start + close;
            }
        } else {
            // Drop a trailing comment and spaces from a plain value.
            let plain = value.find(" #").map_or(value, |i| &value[..i]).trim_end();
            v_end = v_start + plain.len();
        }
        fields.push(Field {
            key: key.to_string(),
            key_span: Span::new(base + start + key_off, base + start + key_off + key.len()),
            value_span: Span::new(base + start + v_start, base + start + v_end),
        });
    }
    fields
}

/// The key separator outside quotes; for YAML it must be followed by a space
/// or the end of the line (so `https://x` in a key-less line is not a key).
fn find_separator(line: &str, sep: char) -> Option<usize> {
    let mut quote = None;
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') if i == 0 => quote = Some(c),
            (None, c) if c == sep => {
                let next = line[i + 1..].chars().next();
                if sep == '=' || next.is_none_or(|n| n == ' ' || n == '\t') {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_fields_have_value_spans_inside_quotes() {
        let text = "---\ntitle: 'Hi there'\nread_time: 8 mins # est\n---\nBody\n";
        let (fm, body) = FrontMatter::split(text).unwrap();
        assert_eq!(&text[body..], "Body\n");
        let title = fm.field("title").unwrap();
        assert_eq!(&text[title.value_span.range()], "Hi there");
        let rt = fm.field("read_time").unwrap();
        assert_eq!(&text[rt.value_span.range()], "8 mins");
        assert_eq!(fm.get_text("title").as_deref(), Some("Hi there"));
    }

    #[test]
    fn issue_13_cr_only_line_endings_are_read() {
        let text = "---\rtitle: Old Mac\rread_time: 8 mins\r---\rBody\r";
        let (fm, body) = FrontMatter::split(text).expect("front matter found");
        assert_eq!(fm.problem, None);
        assert_eq!(&text[body..], "Body\r");
        assert_eq!(fm.get_text("title").as_deref(), Some("Old Mac"));
        let rt = fm.field("read_time").unwrap();
        assert_eq!(&text[rt.value_span.range()], "8 mins");
    }

    #[test]
    fn unterminated_block_is_a_problem() {
        let (fm, _) = FrontMatter::split("---\ntitle: x\nno end\n").unwrap();
        assert_eq!(fm.problem, Some(Problem::Unterminated));
    }

    #[test]
    fn syntax_error_points_into_the_file() {
        let text = "---\ntitle: [unclosed\n---\n";
        let (fm, _) = FrontMatter::split(text).unwrap();
        match fm.problem {
            Some(Problem::Syntax { at, .. }) => assert!(at.start >= 4),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn toml_front_matter_is_read() {
        let text = "+++\ntitle = \"Hugo\"\ndate = 2024-01-05\n+++\nBody";
        let (fm, _) = FrontMatter::split(text).unwrap();
        assert_eq!(fm.format, Format::Toml);
        assert_eq!(fm.get_text("date").as_deref(), Some("2024-01-05"));
        assert_eq!(&text[fm.field("title").unwrap().value_span.range()], "Hugo");
    }

    #[test]
    fn a_list_is_not_a_mapping() {
        let (fm, _) = FrontMatter::split("---\n- a\n- b\n---\n").unwrap();
        assert_eq!(fm.problem, Some(Problem::NotMapping));
    }
}
