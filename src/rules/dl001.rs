#![doc = include_str!("docs/DL001.md")]

use super::{
    Context, Finding, Rule, Severity, canonical_cell, canonical_note, descriptions, one_line, who,
};
use crate::fix::{Applicability, Fix, replace_cell};
use crate::model::wording;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for u in descriptions(ctx) {
        let e = u.election;
        if u.text == e.canonical || wording(&u.text) == wording(&e.canonical) {
            continue;
        }
        let doc = &ctx.docs[u.doc];
        let span = u.cell.span().unwrap_or(u.row.code_span);
        let kind = doc.page.tables[u.row.table].kind;
        let fix = replace_cell(u.cell, &e.canonical, kind)
            .map(|edits| Fix::new(Applicability::Unsafe, edits));
        let mut notes = vec![canonical_note(ctx, e)];
        if e.wording_tie {
            notes.push(
                "tie: another wording is used by as many pages; the canonical one was chosen by code-point order. Pin one in doclint.toml to settle it."
                    .into(),
            );
        }
        let same: Vec<usize> = e
            .variants
            .iter()
            .find(|v| v.text == u.text)
            .map(|v| v.pages.clone())
            .unwrap_or_default();
        if same.len() > 1 {
            notes.push(format!("this text is used by {}", who(ctx.docs, &same)));
        }
        out.push(Finding {
            rule: Rule::DescriptionMismatch,
            severity: Severity::Warning,
            doc: u.doc,
            span,
            code: Some(u.row.code),
            message: format!(
                "{} description is worded differently from the canonical one{}",
                u.row.code,
                if e.wording_tie { " (a tie)" } else { "" }
            ),
            label: format!("canonical: {}", one_line(&e.canonical)),
            text: Some(u.text.clone()),
            expected: Some(e.canonical.clone()),
            fix,
            notes,
            related: canonical_cell(ctx, u.row.code, &e.canonical, &e.pages)
                .filter(|r| r.doc != u.doc),
        });
    }
}
