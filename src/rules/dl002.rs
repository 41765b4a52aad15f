#![doc = include_str!("docs/DL002.md")]

use super::{
    Context, Finding, Rule, Severity, canonical_cell, canonical_note, descriptions,
    mark_differences, one_line, tie_finding,
};
use crate::fix::{Applicability, Fix, minimal_edits, replace_cell};
use crate::model::{TieKind, wording};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for u in descriptions(ctx) {
        let e = u.election;
        let Some(canonical) = &e.canonical else {
            // A tie between forms of this page's wording: reported here,
            // with no fix (other ties are DL001's).
            if let Some(tie) = &e.tie
                && !tie.on_one_page()
                && tie.kind == TieKind::Form
                && tie
                    .texts
                    .first()
                    .is_some_and(|t| wording(&t.text) == wording(&u.text))
            {
                out.push(tie_finding(&u, tie, Rule::PunctuationMismatch));
            }
            continue;
        };
        if u.text == *canonical || wording(&u.text) != wording(canonical) {
            continue;
        }
        let doc = &ctx.docs[u.doc];
        let span = u.cell.span().unwrap_or(u.row.code_span);
        let kind = doc.page.tables[u.row.table].kind;
        let edits = minimal_edits(&doc.src, u.cell, canonical, kind)
            .or_else(|| replace_cell(u.cell, canonical, kind));
        let fix = edits.map(|edits| Fix::new(Applicability::Safe, edits));
        let marks = mark_differences(&u.text, canonical);
        let mut notes: Vec<String> = canonical_note(e).into_iter().collect();
        notes.extend(marks.iter().map(|m| format!("differs: {m}")));
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
            label: format!("canonical: {}", one_line(canonical)),
            text: Some(u.text.clone()),
            expected: Some(canonical.clone()),
            fix,
            notes,
            related: canonical_cell(ctx, u.row.code, canonical, &e.pages)
                .filter(|r| r.doc != u.doc),
        });
    }
}
