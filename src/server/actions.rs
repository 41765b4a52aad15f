//! Code actions: the safe fix (preferred), the unsafe fix, and a comment
//! that turns the rule off for the page.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Range, TextEdit, Url, WorkspaceEdit,
};

use super::diagnostics::{LineCache, diagnostic};
use super::state::Project;
use crate::fix::Applicability;
use crate::rules::{Rule, one_line};

fn edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// Where a page-wide comment goes: after YAML front matter, else at the
/// start (after a byte order mark).
pub fn comment_offset(src: &str) -> usize {
    let bom = if src.starts_with(crate::source::BOM) {
        crate::source::BOM.len()
    } else {
        0
    };
    let body = &src[bom..];
    if body.starts_with("---\n") || body.starts_with("---\r\n") {
        let mut at = bom + body.find('\n').map_or(0, |i| i + 1);
        for line in src[at..].split_inclusive('\n') {
            at += line.len();
            if line.trim_end() == "---" {
                return at;
            }
        }
        return bom;
    }
    bom
}

/// The comment that turns `rule` off from its place to the end of the page.
pub fn suppression(rule: Rule) -> String {
    format!("<!-- doclint-disable {} -->\n", rule.id())
}

/// The code actions for `range` of the document at `path`, whose URI is
/// `uri`.
pub fn code_actions(
    project: &Project,
    path: &Path,
    uri: &Url,
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let Some(i) = project.doc_of(path) else {
        return Vec::new();
    };
    let mut lines = LineCache::new(project);
    let (start, end) = {
        let l = lines.get(i);
        (l.offset(range.start), l.offset(range.end))
    };
    let src = project.docs[i].src.text();
    let mut fixes = Vec::new();
    let mut silenced = BTreeSet::new();
    let mut silence = Vec::new();
    for f in project
        .findings
        .iter()
        .filter(|f| f.doc == i && f.span.start <= end && start <= f.span.end)
    {
        let diag = diagnostic(project, &mut lines, f);
        if let Some(fix) = &f.fix
            && fix.applicability >= Applicability::Unsafe
        {
            let l = lines.get(i);
            let edits = fix
                .edits
                .iter()
                .map(|e| TextEdit {
                    range: l.range(crate::source::Span::new(e.start, e.end)),
                    new_text: e.replacement.clone(),
                })
                .collect();
            let safe = fix.applicability == Applicability::Safe;
            let to = f
                .expected
                .as_deref()
                .map(|t| format!(": use 「{}」", one_line(t)))
                .unwrap_or_default();
            fixes.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: if safe {
                    format!("Fix {} ({}){to}", f.rule.id(), f.rule.name())
                } else {
                    format!(
                        "Fix {} ({}), unsafe: changes the wording{to}",
                        f.rule.id(),
                        f.rule.name()
                    )
                },
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag.clone()]),
                edit: Some(edit(uri, edits)),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
        if silenced.insert(f.rule) {
            let at = lines.get(i).position(comment_offset(src));
            silence.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Disable {} ({}) for this page", f.rule.id(), f.rule.name()),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diag]),
                edit: Some(edit(
                    uri,
                    vec![TextEdit {
                        range: Range::new(at, at),
                        new_text: suppression(f.rule),
                    }],
                )),
                is_preferred: Some(false),
                ..CodeAction::default()
            }));
        }
    }
    fixes.extend(silence);
    fixes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_after_front_matter() {
        assert_eq!(comment_offset("# T\n"), 0);
        assert_eq!(comment_offset("\u{feff}# T\n"), 3);
        let fm = "---\ntitle: x\n---\n# T\n";
        assert_eq!(&fm[comment_offset(fm)..], "# T\n");
        assert_eq!(comment_offset("---\nunclosed\n"), 0);
    }
}
