#![doc = include_str!("docs/DL002.md")]

use super::{
    Context, Finding, Rule, Severity, canonical_cell, canonical_note, descriptions,
    mark_differences, one_line,
};
use crate::fix::{Applicability, Fix, minimal_edits, replace_cell};
use crate::model::wording;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for u in descriptions(ctx) {
        let e = u.election;
        if u.text == e.canonical || wording(&u.text) != wording(&e.canonical) {
            continue;
        }
        let doc = &ctx.docs[u.doc];
        let span = u.cell.span().unwrap_or(u.row.code_span);
        let kind = doc.page.tables[u.row.table].kind;
        let edits = minimal_edits(&doc.src, u.cell, &e.canonical, kind)
            .or_else(|| replace_cell(u.cell, &e.canonical, kind));
        let fix = edits.map(|edits| Fix::new(Applicability::Safe, edits));
        let marks = mark_differences(&u.text, &e.canonical);
        let mut notes = vec![canonical_note(ctx, e)];
        notes.extend(marks.iter().map(|m| format!("differs: {m}")));
        if e.form_tie {
            notes.push(
                "tie: another form is used by as many pages; the canonical one was chosen by code-point order."
                    .into(),
            );
        }
        out.push(Finding {
            rule: Rule::PunctuationMismatch,
            severity: Severity::Warning,
            doc: u.doc,
            span,
            code: Some(u.row.code),
            message: format!(
                "{} description differs from the canonical one only in punctuation or spacing: {}",
                u.row.code,
                if marks.len() > 3 {
                    format!("{}; and {} more", marks[..3].join("; "), marks.len() - 3)
                } else {
                    marks.join("; ")
                }
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
