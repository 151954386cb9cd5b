//! What the human report shows of a long line: articles keep whole
//! paragraphs on one line, and a snippet that prints a 900-character line
//! to underline one figure is hard to read (and slow to draw). For one
//! finding, each long line holding a label is cut to the sentence around
//! its labels, or to some words on each side. Line and column numbers stay
//! those of the file, so the header still says exactly where the figure is.

use super::ReportFiles;
use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use codespan_reporting::files::{Error, Files};
use std::ops::Range;

/// Lines up to this many bytes are shown whole.
const LONG_LINE: usize = 120;
/// How far a cut line reaches on each side of its labels when no sentence
/// boundary is nearer (bytes, then moved to a word boundary).
const CONTEXT: usize = 60;
/// How far to look for the sentence that holds the labels.
const SENTENCE_REACH: usize = 160;

/// The run's files as one finding's snippet shows them.
pub struct Excerpts<'a> {
    files: &'a ReportFiles<'a>,
    /// (file, line index, shown byte range) for each cut line.
    cuts: Vec<(FileId, usize, Range<usize>)>,
}

impl<'a> Excerpts<'a> {
    /// The cuts for the labels of `d`.
    pub fn of(files: &'a ReportFiles<'a>, d: &Diagnostic) -> Excerpts<'a> {
        // Per labelled line: the bytes its labels cover, or `None` when a
        // label runs on to another line (such lines are shown whole).
        let mut lines: Vec<(FileId, usize, Option<Range<usize>>)> = Vec::new();
        let labels =
            std::iter::once((d.file, d.span)).chain(d.related.iter().map(|l| (l.file, l.span)));
        for (file, span) in labels {
            let (Ok(first), Ok(last)) = (
                files.line_index(file, span.start),
                files.line_index(file, span.end),
            ) else {
                continue;
            };
            let covered = (first == last).then_some(span.start..span.end);
            for line in std::iter::once(first).chain((last != first).then_some(last)) {
                match lines.iter_mut().find(|(f, l, _)| *f == file && *l == line) {
                    Some((_, _, seen)) => {
                        *seen = match (seen.take(), covered.clone()) {
                            (Some(a), Some(b)) => Some(a.start.min(b.start)..a.end.max(b.end)),
                            _ => None,
                        }
                    }
                    None => lines.push((file, line, covered.clone())),
                }
            }
        }
        let cuts = lines
            .into_iter()
            .filter_map(|(file, line, covered)| {
                let text = files.run.file(file).text();
                let whole = files.line_range(file, line).ok()?;
                let content = whole.start..trim_line_end(text, whole);
                if content.len() <= LONG_LINE {
                    return None;
                }
                Some((file, line, widen(text, &content, covered?)))
            })
            .collect();
        Excerpts { files, cuts }
    }
}

/// End of a line's content, before its `\n` or `\r\n`.
fn trim_line_end(text: &str, line: Range<usize>) -> usize {
    let bytes = text.as_bytes();
    let mut end = line.end.min(text.len());
    while end > line.start && matches!(bytes[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    end
}

/// The stretch of `line` to show around `labels`: the sentence that holds
/// them when it starts and ends within reach (a line's edge counts as a
/// sentence boundary), else [`CONTEXT`] bytes on each side moved out to
/// word boundaries.
fn widen(text: &str, line: &Range<usize>, labels: Range<usize>) -> Range<usize> {
    let bytes = text.as_bytes();
    let lo = labels.start.clamp(line.start, line.end);
    let hi = labels.end.clamp(lo, line.end);
    let sentence_end = |b: u8| matches!(b, b'.' | b'!' | b'?');
    // Start: just after the previous ". " within reach, else a word start.
    let reach = lo.saturating_sub(SENTENCE_REACH).max(line.start);
    let start = (reach..lo)
        .rev()
        .find(|&i| i + 1 < lo && sentence_end(bytes[i]) && bytes[i + 1] == b' ')
        .map(|i| i + 2)
        // The line's first sentence starts with the line.
        .or((reach == line.start).then_some(line.start))
        .unwrap_or_else(|| {
            let from = lo.saturating_sub(CONTEXT).max(line.start);
            if from == line.start {
                from
            } else {
                (from..lo).find(|&i| bytes[i - 1] == b' ').unwrap_or(lo)
            }
        });
    // End: just after the next sentence end within reach, else a word end.
    let reach = (hi + SENTENCE_REACH).min(line.end);
    let end = (hi..reach)
        .find(|&i| sentence_end(bytes[i]) && (i + 1 == line.end || bytes[i + 1] == b' '))
        .map(|i| i + 1)
        .or((reach == line.end).then_some(line.end))
        .unwrap_or_else(|| {
            let to = (hi + CONTEXT).min(line.end);
            if to == line.end {
                to
            } else {
                (hi..=to).rev().find(|&i| bytes[i] == b' ').unwrap_or(hi)
            }
        });
    floor_char(text, start)..ceil_char(text, end.max(hi))
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Files<'a> for Excerpts<'a> {
    type FileId = FileId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = std::borrow::Cow<'a, str>;

    fn name(&'a self, id: FileId) -> Result<Self::Name, Error> {
        self.files.name(id)
    }

    fn source(&'a self, id: FileId) -> Result<Self::Source, Error> {
        self.files.source(id)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, Error> {
        self.files.line_index(id, byte_index)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, Error> {
        match self
            .cuts
            .iter()
            .find(|(f, l, _)| *f == id && *l == line_index)
        {
            Some((_, _, cut)) => Ok(cut.clone()),
            None => self.files.line_range(id, line_index),
        }
    }

    /// The column in the file, not in the cut line.
    fn column_number(
        &'a self,
        id: FileId,
        _line: usize,
        byte_index: usize,
    ) -> Result<usize, Error> {
        Ok(self.files.line_col(id, byte_index).column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &str, label: &str) -> String {
        let at = line.find(label).expect("label in line");
        let cut = widen(line, &(0..line.len()), at..at + label.len());
        line[cut].to_string()
    }

    #[test]
    fn a_long_line_shows_the_sentence_of_its_label() {
        let line = "First a long opening sentence that goes on and on about nothing much. \
                    Pay rose 5% in 2024. Then another sentence that also goes on for a while.";
        assert_eq!(shown(line, "5%"), "Pay rose 5% in 2024.");
    }

    #[test]
    fn without_a_sentence_nearby_words_on_each_side_are_shown() {
        let words = "mot été ".repeat(40);
        let line = format!("{words}the figure 42% sits here {words}");
        let cut = shown(&line, "42%");
        assert!(cut.contains("the figure 42% sits here"), "{cut}");
        assert!(cut.len() < line.len() / 2, "{cut}");
        // Cut at spaces: whole words only, never half a character.
        assert!(!cut.starts_with(' ') && !cut.ends_with(' '), "{cut:?}");
        assert!(
            cut.split(' ')
                .all(|w| ["mot", "été", "the", "figure", "42%", "sits", "here"].contains(&w)),
            "{cut:?}"
        );
    }

    #[test]
    fn a_label_at_the_very_start_or_end_keeps_the_line_edge() {
        let line = format!("42% opens it {}", "and then many words ".repeat(10));
        assert!(shown(&line, "42%").starts_with("42% opens it"));
        let line = format!("{}it ends with 42%", "many words before ".repeat(10));
        assert!(shown(&line, "42%").ends_with("it ends with 42%"));
    }
}
