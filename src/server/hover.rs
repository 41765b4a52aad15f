//! Hover on a status cell: the canonical text of the code, its variants
//! with the services that use them, and the registered reason phrase.

use std::path::Path;

use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use super::position::Lines;
use super::state::Project;
use crate::rules::{one_line, who};

/// The hover for `position` in the document at `path`, if it is on a
/// status row's code, reason or description.
pub fn hover(project: &Project, path: &Path, position: Position) -> Option<Hover> {
    let i = project.doc_of(path)?;
    let doc = &project.docs[i];
    let lines = Lines::new(doc.src.text());
    let at = lines.offset(position);
    let inside = |s: crate::source::Span| s.start <= at && at <= s.end;
    let row = doc.page.rows.iter().find(|r| {
        inside(r.code_span)
            || r.reason.as_ref().and_then(|c| c.span()).is_some_and(inside)
            || r.description
                .as_ref()
                .and_then(|c| c.span())
                .is_some_and(inside)
    })?;
    let span = [
        Some(row.code_span),
        row.reason.as_ref().and_then(|c| c.span()),
        row.description.as_ref().and_then(|c| c.span()),
    ]
    .into_iter()
    .flatten()
    .find(|s| inside(*s))?;
    let text = describe(project, row.code);
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(lines.range(span)),
    })
}

/// What the model knows of `code`, as Markdown.
pub fn describe(project: &Project, code: u16) -> String {
    let mut out = String::new();
    let Some(c) = project.model.codes.get(&code) else {
        return format!("**{code}**: not in the model");
    };
    match c.reason {
        Some(r) => out.push_str(&format!("**{code} {r}** (registered reason phrase)\n\n")),
        None => out.push_str(&format!("**{code}**: not in the IANA registry\n\n")),
    }
    out.push_str(&format!(
        "Documented by {} of {} status pages.\n",
        c.pages.len(),
        project.model.page_count
    ));
    for (lang, e) in &c.descriptions {
        let users = if e.pages.is_empty() {
            "pinned in config".to_string()
        } else {
            who(&project.docs, &e.pages)
        };
        match &e.canonical {
            Some(canonical) => out.push_str(&format!(
                "\n**Canonical** ({}, {}): {}  \nused by {users}\n",
                lang.as_str(),
                e.source.as_str(),
                one_line(canonical)
            )),
            None => out.push_str(&format!(
                "\n**No canonical text** ({}): a tie; pin one in doclint.toml\n",
                lang.as_str()
            )),
        }
        if !e.variants.is_empty() {
            out.push_str("\n**Variants**\n\n");
            for v in e.variants.iter().take(12) {
                out.push_str(&format!(
                    "- {} — {}\n",
                    one_line(&v.text),
                    who(&project.docs, &v.pages)
                ));
            }
            if e.variants.len() > 12 {
                out.push_str(&format!("- and {} more\n", e.variants.len() - 12));
            }
        }
    }
    out
}
