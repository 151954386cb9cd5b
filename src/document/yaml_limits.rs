//! A cheap look at YAML text before a parser sees it, so that no input costs
//! more than a small multiple of its size (issue 13): serde_yaml expands
//! every alias into a copy of its anchored node (a few kilobytes of nested
//! aliases become gigabytes), and deep flow nesting (`[[[[…`) parses in
//! quadratic time. [`check`] rejects text over a size limit, nested deeper
//! than [`MAX_DEPTH`], or whose aliases would expand it past a budget.
//!
//! The scan does not parse YAML: it over-estimates (an `&` or `*` in a plain
//! scalar may be taken for an anchor or alias) but never under-estimates the
//! cost of valid YAML, in one pass plus a sort.

use std::collections::HashMap;

/// Deepest nesting of collections accepted, flow and block together.
pub const MAX_DEPTH: usize = 100;

/// How many bytes the expansion of aliases may add, at least.
const MIN_EXPANSION: u64 = 64 * 1024;

/// How many times its own size the expansion of aliases may add.
const EXPANSION_FACTOR: u64 = 8;

/// Why YAML text was not given to the parser.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum YamlLimit {
    /// Longer than the limit for this kind of text.
    #[error("it is {len} bytes long, more than the limit of {limit}")]
    TooLong {
        /// Its length.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// Collections nested too deep.
    #[error("collections are nested more than {MAX_DEPTH} deep")]
    TooDeep {
        /// Byte offset where the limit was passed.
        at: usize,
    },
    /// Aliases that would expand the text too much.
    #[error("its aliases would expand it to about {expanded} bytes (limit {budget})")]
    TooManyAliases {
        /// Byte offset of the alias that passed the budget.
        at: usize,
        /// Estimated size after expansion.
        expanded: u64,
        /// The budget.
        budget: u64,
    },
    /// An alias inside the node its anchor names.
    #[error("alias `*{name}` refers to the node it is part of")]
    Recursive {
        /// Byte offset of the alias.
        at: usize,
        /// The anchor's name.
        name: String,
    },
}

impl YamlLimit {
    /// Byte offset in the text the problem points at.
    pub fn at(&self) -> usize {
        match self {
            YamlLimit::TooLong { .. } => 0,
            YamlLimit::TooDeep { at }
            | YamlLimit::TooManyAliases { at, .. }
            | YamlLimit::Recursive { at, .. } => *at,
        }
    }
}

/// An anchor: where its node starts and (an upper bound of) where it ends.
struct Anchor {
    start: usize,
    end: usize,
}

/// Checks `text` (at most `max_len` bytes) against the limits above.
pub fn check(text: &str, max_len: usize) -> Result<(), YamlLimit> {
    if text.len() > max_len {
        return Err(YamlLimit::TooLong {
            len: text.len(),
            limit: max_len,
        });
    }
    let b = text.as_bytes();
    let n = b.len();
    let lines = line_starts(b);
    let line_ends_at = next_outdent(b, &lines);
    let mut anchors: HashMap<&str, Anchor> = HashMap::new();
    // Aliases met so far: position and how many bytes each adds.
    let mut alias_at: Vec<usize> = Vec::new();
    let mut alias_cum: Vec<u64> = vec![0];
    let budget = (n as u64)
        .saturating_mul(EXPANSION_FACTOR)
        .max(MIN_EXPANSION);
    let mut flow: Vec<usize> = Vec::new();
    // Indentation of the open block collections.
    let mut block: Vec<usize> = Vec::new();
    let mut line = 0;
    let mut i = 0;
    while i < n {
        // At a line start: block nesting from indentation and `- ` items.
        if i == lines[line] {
            let indent = b[i..].iter().take_while(|&&c| c == b' ').count();
            let rest = &b[i + indent..];
            let blank = rest
                .first()
                .is_none_or(|c| matches!(c, b'\n' | b'\r' | b'#'));
            if flow.is_empty() && !blank {
                while block.last().is_some_and(|&top| top >= indent) {
                    block.pop();
                }
                block.push(indent);
                let dashes = rest
                    .chunks(2)
                    .take_while(|c| matches!(c, [b'-', b' '] | [b'?', b' ']))
                    .count();
                if block.len() + dashes + flow.len() > MAX_DEPTH {
                    return Err(YamlLimit::TooDeep { at: i + indent });
                }
            }
        }
        let c = b[i];
        let token_start =
            i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r' | b'[' | b'{' | b',');
        match c {
            b'\n' => {
                line += 1;
                i += 1;
                continue;
            }
            b'#' if token_start => {
                i = skip_line(b, i);
                continue;
            }
            b'\'' | b'"' if token_start => {
                i = skip_quoted(b, i);
                // Quoted scalars may span lines: catch up with the line count.
                while line + 1 < lines.len() && lines[line + 1] <= i {
                    line += 1;
                }
                continue;
            }
            b'[' | b'{' => {
                flow.push(i);
                if block.len() + flow.len() > MAX_DEPTH {
                    return Err(YamlLimit::TooDeep { at: i });
                }
            }
            b']' | b'}' => {
                flow.pop();
            }
            b'&' | b'*' if token_start => {
                let name_end = i + 1 + b[i + 1..].iter().take_while(|&&c| !is_name_end(c)).count();
                let name = &text[i + 1..name_end];
                if !name.is_empty() {
                    if c == b'&' {
                        let end = node_end(b, name_end, !flow.is_empty(), line_ends_at[line]);
                        anchors.insert(name, Anchor { start: i, end });
                    } else if let Some(anchor) = anchors.get(name) {
                        if anchor.end > i {
                            return Err(YamlLimit::Recursive {
                                at: i,
                                name: name.to_string(),
                            });
                        }
                        // The node's bytes plus what its own aliases add.
                        let from = alias_at.partition_point(|&p| p < anchor.start);
                        let to = alias_at.partition_point(|&p| p < anchor.end);
                        let inner = alias_cum[to] - alias_cum[from];
                        let weight = ((anchor.end - anchor.start) as u64).saturating_add(inner);
                        let total = alias_cum
                            .last()
                            .copied()
                            .unwrap_or(0)
                            .saturating_add(weight);
                        if total > budget {
                            return Err(YamlLimit::TooManyAliases {
                                at: i,
                                expanded: (n as u64).saturating_add(total),
                                budget: (n as u64).saturating_add(budget),
                            });
                        }
                        alias_at.push(i);
                        alias_cum.push(total);
                    }
                }
                i = name_end.max(i + 1);
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// Characters that end an anchor or alias name.
fn is_name_end(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'\t' | b'\n' | b'\r' | b',' | b'[' | b']' | b'{' | b'}'
    )
}

/// Start offset of each line (and no entry past the end).
fn line_starts(b: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(
        memchr::memchr_iter(b'\n', b)
            .map(|i| i + 1)
            .filter(|&i| i < b.len()),
    );
    starts
}

/// For each line, where the block node begun on it ends at the latest: the
/// start of the next non-blank line indented no deeper, or the end of the
/// text. Linear, with a stack of lines still open.
fn next_outdent(b: &[u8], lines: &[usize]) -> Vec<usize> {
    let indent = |l: usize| -> Option<usize> {
        let s = &b[lines[l]..];
        let k = s.iter().take_while(|&&c| c == b' ').count();
        (!s[k..]
            .first()
            .is_none_or(|c| matches!(c, b'\n' | b'\r' | b'#')))
        .then_some(k)
    };
    let mut out = vec![b.len(); lines.len()];
    let mut open: Vec<(usize, usize)> = Vec::new();
    for (l, &start) in lines.iter().enumerate() {
        let Some(k) = indent(l) else { continue };
        while open.last().is_some_and(|&(_, top)| top >= k) {
            let (line, _) = open.pop().expect("checked non-empty");
            out[line] = start;
        }
        open.push((l, k));
    }
    out
}

/// Where the node after an anchor ending at `from` ends, at the latest: a
/// flow collection at its closing bracket; a scalar inside a flow at the
/// next `,`, `]` or `}`; any other node where the block begun on its line
/// ends (`block_end`). Flow nodes are scanned once per anchor, and anchors
/// nest at most [`MAX_DEPTH`] deep before [`check`] stops, so the scans
/// cost at most that many passes over the text.
fn node_end(b: &[u8], from: usize, in_flow: bool, block_end: usize) -> usize {
    let first = from
        + b[from..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
    let collection = matches!(b.get(first), Some(b'[' | b'{'));
    if !collection && !in_flow {
        return block_end;
    }
    let mut depth = 0usize;
    let mut k = first;
    while k < b.len() {
        match b[k] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth <= 1 => return k + usize::from(depth == 1),
            b']' | b'}' => depth -= 1,
            b',' if depth == 0 => return k,
            b'\'' | b'"' if matches!(b[k - 1], b' ' | b'[' | b'{' | b',') => {
                k = skip_quoted(b, k);
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    b.len()
}

fn skip_line(b: &[u8], i: usize) -> usize {
    memchr::memchr(b'\n', &b[i..]).map_or(b.len(), |k| i + k)
}

/// The offset after the quoted scalar opening at `i` (or the end).
fn skip_quoted(b: &[u8], i: usize) -> usize {
    let q = b[i];
    let mut k = i + 1;
    while k < b.len() {
        match b[k] {
            b'\\' if q == b'"' => k += 2,
            c if c == q => {
                // `''` is an escaped quote in single-quoted scalars.
                if q == b'\'' && b.get(k + 1) == Some(&b'\'') {
                    k += 2;
                } else {
                    return k + 1;
                }
            }
            _ => k += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIG: usize = 1 << 20;

    #[test]
    fn ordinary_front_matter_passes() {
        let text = "title: Tom & Jerry *live*\ntags: [&t a, *t, {c: d}]\ndefaults: &d\n  a: 1\n  b: 2\nx:\n  <<: *d\n  c: 'it''s'\ny: *d\nnote: \"a [ # b\"\n";
        assert_eq!(check(text, BIG), Ok(()));
    }

    #[test]
    fn issue_13_alias_bomb_is_refused() {
        let mut text = String::from("a: &a [");
        text.push_str(&"x, ".repeat(2000));
        text.push_str("x]\nb: [");
        text.push_str(&"*a, ".repeat(2000));
        text.push_str("*a]\n");
        let err = check(&text, BIG).unwrap_err();
        assert!(matches!(err, YamlLimit::TooManyAliases { .. }), "{err:?}");
    }

    #[test]
    fn issue_13_nested_alias_bomb_is_refused() {
        // Each level holds nine aliases of the one before: 9^8 copies.
        let mut text = String::from("l0: &l0 [lol]\n");
        for k in 1..9 {
            let prev = format!("*l{}", k - 1);
            text.push_str(&format!("l{k}: &l{k} [{}]\n", vec![prev; 9].join(", ")));
        }
        let err = check(&text, BIG).unwrap_err();
        assert!(matches!(err, YamlLimit::TooManyAliases { .. }), "{err:?}");
        // Block style, with merge keys.
        let mut text = String::from("m0: &m0\n  k: v\n");
        for k in 1..12 {
            text.push_str(&format!("m{k}: &m{k}\n"));
            for j in 0..6 {
                text.push_str(&format!("  k{j}:\n    <<: *m{}\n", k - 1));
            }
        }
        let err = check(&text, BIG).unwrap_err();
        assert!(matches!(err, YamlLimit::TooManyAliases { .. }), "{err:?}");
    }

    #[test]
    fn issue_13_deep_nesting_is_refused() {
        let text = format!("a: {}{}\n", "[".repeat(20_000), "]".repeat(20_000));
        assert!(matches!(check(&text, BIG), Err(YamlLimit::TooDeep { .. })));
        let mut text = String::new();
        for k in 0..200 {
            text.push_str(&" ".repeat(k));
            text.push_str(&format!("k{k}:\n"));
        }
        assert!(matches!(check(&text, BIG), Err(YamlLimit::TooDeep { .. })));
        let text = format!("a:\n{}x\n", "- ".repeat(200));
        assert!(matches!(check(&text, BIG), Err(YamlLimit::TooDeep { .. })));
        // Brackets in quoted scalars and comments do not count.
        let text = format!("a: '{}'\n# {}\n", "[".repeat(500), "{".repeat(500));
        assert_eq!(check(&text, BIG), Ok(()));
    }

    #[test]
    fn recursive_alias_and_size_are_refused() {
        assert!(matches!(
            check("a: &a [1, *a]\n", BIG),
            Err(YamlLimit::Recursive { .. })
        ));
        assert!(matches!(
            check("a: 1\n", 3),
            Err(YamlLimit::TooLong { len: 5, limit: 3 })
        ));
    }
}
