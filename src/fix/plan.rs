//! Applying a set of fixes to a text: each fix is all-or-nothing, fixes are
//! taken in order of position, and a fix that overlaps one already taken is
//! dropped (the next round of `--fix` reconsiders it on the new text).

use crate::diagnostic::Fix;
use std::collections::BTreeSet;

/// Apply the non-overlapping `fixes` to `text`. Returns the new text and the
/// indexes of the fixes applied.
pub fn apply_fixes<'f>(
    text: &str,
    fixes: impl IntoIterator<Item = &'f Fix>,
) -> (String, Vec<usize>) {
    let mut order: Vec<(usize, &Fix)> = fixes.into_iter().enumerate().collect();
    order.sort_by_key(|(_, f)| {
        f.edits
            .iter()
            .map(|e| e.span.start)
            .min()
            .unwrap_or(usize::MAX)
    });
    // Taken edits as (start, end): they never clash with each other, so
    // sorted by start their ends never decrease, and the one taken edit
    // that can clash with a new edit is the last that starts before it ends.
    let mut taken: BTreeSet<(usize, usize)> = BTreeSet::new();
    let clashes_with_taken = |taken: &BTreeSet<(usize, usize)>, start: usize, end: usize| {
        let overlaps = taken
            .range(..(end, 0))
            .next_back()
            .is_some_and(|&(_, taken_end)| start < taken_end);
        // Two insertions at one place: their order would be arbitrary.
        let same_insertion = start == end
            && taken
                .range((start, 0)..=(start, usize::MAX))
                .next()
                .is_some();
        overlaps || same_insertion
    };
    let mut edits = Vec::new();
    let mut accepted = Vec::new();
    for (i, fix) in order {
        let valid = !fix.edits.is_empty()
            && fix.edits.iter().all(|e| {
                e.span.end <= text.len()
                    && text.is_char_boundary(e.span.start)
                    && text.is_char_boundary(e.span.end)
            });
        if !valid
            || fix
                .edits
                .iter()
                .any(|e| clashes_with_taken(&taken, e.span.start, e.span.end))
        {
            continue;
        }
        for e in &fix.edits {
            taken.insert((e.span.start, e.span.end));
            edits.push(e);
        }
        accepted.push(i);
    }
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in edits {
        out.push_str(&text[pos..e.span.start]);
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(&text[pos..]);
    accepted.sort_unstable();
    (out, accepted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Span;

    #[test]
    fn overlapping_fixes_are_dropped() {
        let text = "abcdef";
        let a = Fix::safe("a", Span::new(0, 3), "X");
        let b = Fix::safe("b", Span::new(2, 4), "Y");
        let c = Fix::safe("c", Span::new(4, 6), "Z");
        let (out, accepted) = apply_fixes(text, [&a, &b, &c]);
        assert_eq!(out, "XdZ");
        assert_eq!(accepted, vec![0, 2]);
    }

    #[test]
    fn edits_off_char_boundaries_are_refused() {
        let text = "é";
        let bad = Fix::safe("bad", Span::new(1, 2), "x");
        assert_eq!(apply_fixes(text, [&bad]).0, "é");
    }
}
