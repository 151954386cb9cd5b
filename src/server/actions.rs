//! Code actions on an open article: each finding's fix (the fixes `--fix`
//! applies are quick fixes and preferred; unsafe ones say so in the title),
//! and the suppressions copydesk reads (`engine::suppress`): a
//! `copydesk-disable-line` comment at the end of the line, or the rule added
//! to the front matter's `copydesk-disable` list. A contradiction reported
//! on another article can only be answered here by withdrawing the figure
//! from comparisons (every claim rule disabled on its line).

use super::convert::LineMap;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::document::{Document, Format, Span};
use crate::engine::suppress::FRONT_MATTER_KEY;
use crate::source::SourceFile;
use lsp_types as lsp;
use std::collections::HashMap;

/// The key under which the "withdraw" action is offered once per article.
const WITHDRAW: &str = "withdraw figures";

/// One finding as it was published: where it sits in the open article and
/// what the client was sent.
pub struct Published {
    /// The finding.
    pub diagnostic: Diagnostic,
    /// Its place in the open article.
    pub span: Span,
    /// What the client received.
    pub lsp: lsp::Diagnostic,
}

/// The actions for the findings whose range meets `range`.
pub fn actions(
    file: &SourceFile,
    uri: &lsp::Url,
    map: &LineMap,
    published: &[Published],
    range: lsp::Range,
) -> Vec<lsp::CodeActionOrCommand> {
    let text = file.text();
    let doc = Document::parse(file);
    let mut out = Vec::new();
    let mut disabled_here: Vec<(String, bool)> = Vec::new();
    for p in published.iter().filter(|p| meets(p.lsp.range, range)) {
        let rule = p.diagnostic.rule.to_string();
        let fix = p.diagnostic.fix.as_ref();
        // A fix edits the article its finding sits in; a fix without edits
        // (converting the file's encoding) is the editor's business.
        let editing = fix.filter(|f| p.diagnostic.file.0 == 0 && !f.edits.is_empty());
        if let Some(fix) = editing {
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                fix.title.clone()
            } else {
                format!("{} (unsafe: check the meaning)", fix.title)
            };
            let edits = fix
                .edits
                .iter()
                .map(|e| lsp::TextEdit::new(map.range(text, e.span), e.replacement.clone()))
                .collect();
            out.push(action(title, uri, edits, &p.lsp, safe));
        }
        let in_front_matter = doc
            .front_matter
            .as_ref()
            .is_some_and(|fm| p.span.start < fm.span.end);
        let end_of_line = || {
            let end = text[p.span.start.min(text.len())..]
                .find(['\n', '\r'])
                .map_or(text.len(), |i| p.span.start + i);
            map.range(text, Span::new(end, end))
        };
        if p.diagnostic.file.0 != 0 {
            // The finding belongs to the other article, whose suppressions
            // decide (as in `check`); this one can only withdraw its figure
            // from every comparison, by disabling all claim rules there.
            let key = (WITHDRAW.to_string(), true);
            if !in_front_matter && !disabled_here.contains(&key) {
                disabled_here.push(key);
                let rules = crate::rules::registry::REGISTRY.claim_rules.join(" ");
                let comment = format!(" <!-- copydesk-disable-line {rules} -->");
                out.push(action(
                    "Withdraw this line's figures from cross-article checks".into(),
                    uri,
                    vec![lsp::TextEdit::new(end_of_line(), comment)],
                    &p.lsp,
                    false,
                ));
            }
            continue;
        }
        if !in_front_matter && !disabled_here.contains(&(rule.clone(), true)) {
            disabled_here.push((rule.clone(), true));
            let comment = format!(" <!-- copydesk-disable-line {rule} -->");
            out.push(action(
                format!("Disable `{rule}` on this line"),
                uri,
                vec![lsp::TextEdit::new(end_of_line(), comment)],
                &p.lsp,
                false,
            ));
        }
        if !disabled_here.contains(&(rule.clone(), false)) {
            disabled_here.push((rule.clone(), false));
            if let Some(edit) = disable_in_file(&doc, &rule) {
                let edit = lsp::TextEdit::new(map.range(text, edit.0), edit.1);
                out.push(action(
                    format!("Disable `{rule}` in this file"),
                    uri,
                    vec![edit],
                    &p.lsp,
                    false,
                ));
            }
        }
    }
    out
}

/// "Fix all": the whole text replaced by `fixed`, what `--fix` would
/// write (safe fixes, applied until the text settles).
pub fn fix_all(
    text: &str,
    fixed: String,
    uri: &lsp::Url,
    map: &LineMap,
    count: usize,
) -> lsp::CodeActionOrCommand {
    let whole = map.range(text, Span::new(0, text.len()));
    let changes = HashMap::from([(uri.clone(), vec![lsp::TextEdit::new(whole, fixed)])]);
    let s = if count == 1 { "" } else { "es" };
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title: format!("Apply {count} safe copydesk fix{s} (as `--fix`)"),
        kind: Some(lsp::CodeActionKind::SOURCE_FIX_ALL),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }),
        ..Default::default()
    })
}

/// Whether two ranges overlap or touch (a cursor on a finding's edge counts).
fn meets(a: lsp::Range, b: lsp::Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

fn action(
    title: String,
    uri: &lsp::Url,
    edits: Vec<lsp::TextEdit>,
    diagnostic: &lsp::Diagnostic,
    preferred: bool,
) -> lsp::CodeActionOrCommand {
    let changes = HashMap::from([(uri.clone(), edits)]);
    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
        title,
        kind: Some(lsp::CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }),
        is_preferred: preferred.then_some(true),
        ..Default::default()
    })
}

/// The edit that adds `rule` to the article's `copydesk-disable` list: a
/// new key at the end of the front matter, the rule appended to a flow list
/// (`[a, b]`) or to a single rule, or front matter made for it. `None`
/// when every rule is already off or the list is written as a block.
fn disable_in_file(doc: &Document, rule: &str) -> Option<(Span, String)> {
    let text = doc.text();
    let Some(fm) = &doc.front_matter else {
        return Some((
            Span::new(0, 0),
            format!("---\n{FRONT_MATTER_KEY}: [{rule}]\n---\n"),
        ));
    };
    let toml = fm.format == Format::Toml;
    let item = if toml {
        format!("\"{rule}\"")
    } else {
        rule.to_string()
    };
    let Some(field) = fm.field(FRONT_MATTER_KEY) else {
        let line = if toml {
            format!("{FRONT_MATTER_KEY} = [{item}]")
        } else {
            format!("{FRONT_MATTER_KEY}: [{item}]")
        };
        let end = fm.content.end;
        let before = &text[fm.content.start..end];
        let insert = if before.is_empty() || before.ends_with('\n') {
            format!("{line}\n")
        } else {
            format!("\n{line}")
        };
        return Some((Span::new(end, end), insert));
    };
    let value = text.get(field.value_span.range())?.trim_end();
    let end = field.value_span.start + value.len();
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let insert = if inner.trim().is_empty() {
            item
        } else {
            format!(", {item}")
        };
        return Some((Span::new(end - 1, end - 1), insert));
    }
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if plain && value != "true" && !toml {
        return Some((field.value_span, format!("[{value}, {item}]")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(text: &str) -> Option<String> {
        let file = crate::engine::workspace::source_file(
            std::path::Path::new("a.md"),
            crate::source::decode(text.as_bytes()).unwrap(),
        );
        let doc = Document::parse(&file);
        let (span, insert) = disable_in_file(&doc, "date-order")?;
        let mut out = text.to_string();
        out.replace_range(span.range(), &insert);
        Some(out)
    }

    #[test]
    fn disabling_in_the_file_edits_the_front_matter() {
        assert_eq!(
            edit("---\ntitle: T\n---\nBody.\n").unwrap(),
            "---\ntitle: T\ncopydesk-disable: [date-order]\n---\nBody.\n"
        );
        assert_eq!(
            edit("---\ncopydesk-disable: [mojibake]\n---\nB\n").unwrap(),
            "---\ncopydesk-disable: [mojibake, date-order]\n---\nB\n"
        );
        assert_eq!(
            edit("---\ncopydesk-disable: mojibake\n---\nB\n").unwrap(),
            "---\ncopydesk-disable: [mojibake, date-order]\n---\nB\n"
        );
        assert_eq!(
            edit("Body.\n").unwrap(),
            "---\ncopydesk-disable: [date-order]\n---\nBody.\n"
        );
        assert_eq!(edit("---\ncopydesk-disable: true\n---\nB\n"), None);
    }
}
