//! Between copydesk's byte spans and the protocol's positions (line and
//! UTF-16 code unit, as LSP counts by default), and from a [`Diagnostic`] to
//! the protocol's diagnostic. Nothing here decides what is reported.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{LineIndex, Span};
use crate::source::SourceFile;
use lsp_types as lsp;

/// Line starts of one text ([`LineIndex`], so that lines end where
/// `copydesk check` ends them, a lone `\r` included), to turn byte offsets
/// into positions and back.
#[derive(Debug, Clone)]
pub struct LineMap {
    lines: LineIndex,
}

impl LineMap {
    /// The line starts of `text`.
    pub fn new(text: &str) -> LineMap {
        LineMap {
            lines: LineIndex::new(text),
        }
    }

    /// The position of byte `offset` of `text` (clamped to the text, and
    /// back to a character boundary).
    pub fn position(&self, text: &str, offset: usize) -> lsp::Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line).unwrap_or(0);
        let character = text[start..offset].encode_utf16().count();
        lsp::Position::new(line as u32, character as u32)
    }

    /// The range of `span` in `text`.
    pub fn range(&self, text: &str, span: Span) -> lsp::Range {
        lsp::Range::new(
            self.position(text, span.start),
            self.position(text, span.end),
        )
    }

    /// The byte offset of `pos` in `text`: past the end of a line is its end
    /// (before the line break), past the last line is the end of the text.
    pub fn offset(&self, text: &str, pos: lsp::Position) -> usize {
        let line = pos.line as usize;
        let Some(start) = self.lines.line_start(line) else {
            return text.len();
        };
        let next = self.lines.line_start(line + 1).unwrap_or(text.len());
        let content = text[start..next]
            .strip_suffix('\n')
            .unwrap_or(&text[start..next]);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let mut units = 0;
        for (i, c) in content.char_indices() {
            if units >= pos.character as usize {
                return start + i;
            }
            units += c.len_utf16();
        }
        start + content.len()
    }

    /// The byte offset where line `line` starts, if it exists.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.lines.line_start(line)
    }
}

/// How the protocol shows a severity. Findings that would fail
/// `copydesk check` (at or above `fail`) show as errors, so the editor
/// marks what will block a commit; the others keep their own level below.
pub fn severity(severity: Severity, fail: Option<Severity>) -> lsp::DiagnosticSeverity {
    if fail.is_some_and(|f| severity >= f) {
        return lsp::DiagnosticSeverity::ERROR;
    }
    match severity {
        Severity::Error | Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
    }
}

/// Where a file lives, for the protocol.
pub fn uri_of(file: &SourceFile) -> Option<lsp::Url> {
    lsp::Url::from_file_path(&file.path).ok()
}

/// Where finding `d` shows in the open article (`FileId(0)`): its own
/// place, or, when its primary place is in another article, its place here.
pub fn place(d: &Diagnostic) -> Span {
    if d.file.0 == 0 {
        return d.span;
    }
    d.related
        .iter()
        .find(|l| l.file.0 == 0)
        .map_or(Span::new(0, 0), |l| l.span)
}

/// The protocol's diagnostic for `d`, on `files[0]` (the open article):
/// the rule id as code, the help after the message, and the other places
/// as related information. A finding whose primary place is another article
/// (a claim rule chose that one) is shown at its place in this one, and the
/// other article's place becomes related information.
pub fn diagnostic(
    d: &Diagnostic,
    files: &[SourceFile],
    maps: &[LineMap],
    fail: Option<Severity>,
) -> lsp::Diagnostic {
    let here = &files[0];
    let location = |file: usize, span: Span| {
        let f = &files[file];
        Some(lsp::Location::new(
            uri_of(f)?,
            maps[file].range(f.text(), span),
        ))
    };
    let mut related = Vec::new();
    let primary_here = d.file.0 == 0;
    let span = place(d);
    if let Some(label) = &d.label
        && let Some(loc) = location(d.file.0 as usize, d.span)
    {
        related.push(lsp::DiagnosticRelatedInformation {
            location: loc,
            message: label.clone(),
        });
    }
    for l in &d.related {
        if !primary_here && l.file.0 == 0 && l.span == span {
            continue;
        }
        if let Some(loc) = location(l.file.0 as usize, l.span) {
            related.push(lsp::DiagnosticRelatedInformation {
                location: loc,
                message: l.message.clone(),
            });
        }
    }
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    lsp::Diagnostic {
        range: maps[0].range(here.text(), span),
        severity: Some(severity(d.severity, fail)),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        source: Some("copydesk".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..Default::default()
    }
}

/// A finding about copydesk itself (`code`: `internal-error`,
/// `config-error`), shown at the top of the article.
pub fn notice(code: &str, message: String) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: lsp::Range::default(),
        severity: Some(lsp::DiagnosticSeverity::ERROR),
        code: Some(lsp::NumberOrString::String(code.into())),
        source: Some("copydesk".into()),
        message,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_where_check_ends_them() {
        let text = "a\rb\r\nc";
        let map = LineMap::new(text);
        assert_eq!(map.position(text, 2), lsp::Position::new(1, 0));
        assert_eq!(map.position(text, 5), lsp::Position::new(2, 0));
        // Past the end of a line: before its break, whichever it is.
        assert_eq!(map.offset(text, lsp::Position::new(0, 9)), 1);
        assert_eq!(map.offset(text, lsp::Position::new(1, 9)), 3);
    }

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\n€𝄞x\n";
        let map = LineMap::new(text);
        let x = text.find('x').unwrap();
        // `€` is one UTF-16 unit, `𝄞` two.
        assert_eq!(map.position(text, x), lsp::Position::new(1, 3));
        assert_eq!(map.offset(text, lsp::Position::new(1, 3)), x);
        assert_eq!(map.offset(text, lsp::Position::new(1, 99)), x + 1);
        assert_eq!(map.offset(text, lsp::Position::new(9, 0)), text.len());
        // Inside a character: back to its start.
        assert_eq!(map.position(text, x - 1), lsp::Position::new(1, 1));
    }

    #[test]
    fn fail_level_marks_errors() {
        use lsp::DiagnosticSeverity as S;
        assert_eq!(
            severity(Severity::Warning, Some(Severity::Warning)),
            S::ERROR
        );
        assert_eq!(
            severity(Severity::Warning, Some(Severity::Error)),
            S::WARNING
        );
        assert_eq!(severity(Severity::Error, None), S::WARNING);
        assert_eq!(
            severity(Severity::Info, Some(Severity::Error)),
            S::INFORMATION
        );
    }
}
