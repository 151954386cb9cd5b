//! Byte spans into a decoded file. Every position copydesk reports starts life
//! as a [`Span`]; lines and columns are derived only when reporting.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range into the decoded UTF-8 text of a whole file,
/// front matter included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: end.max(start),
        }
    }

    /// The span moved `offset` bytes to the right (rebasing a slice-local span).
    pub fn shifted(self, offset: usize) -> Self {
        Span::new(self.start + offset, self.end + offset)
    }

    /// Whether the two spans share at least one byte (or touch when one is empty).
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
            || (self.start == self.end && other.start <= self.start && self.start < other.end)
    }

    /// Whether `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// As a `Range<usize>` for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifting_rebases_both_ends() {
        assert_eq!(Span::new(2, 5).shifted(10), Span::new(12, 15));
    }

    #[test]
    fn overlap_is_half_open() {
        assert!(Span::new(0, 3).overlaps(Span::new(2, 4)));
        assert!(!Span::new(0, 3).overlaps(Span::new(3, 4)));
        assert!(Span::new(3, 3).overlaps(Span::new(2, 4)));
    }
}
