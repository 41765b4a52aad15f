#![doc = include_str!("docs/DL001.md")]

use super::{
    Context, Finding, Rule, Severity, canonical_cell, canonical_note, descriptions, one_line,
    tie_finding, who,
};
use crate::fix::{Applicability, Fix, replace_cell};
use crate::model::{TieKind, wording};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for u in descriptions(ctx) {
        let e = u.election;
        let Some(canonical) = &e.canonical else {
            // A tie: every page is reported, here unless the tie is between
            // forms of this page's own wording (DL002 reports those).
            // Nor a tie of one page's own rows (DL006's).
            if let Some(tie) = e.tie.as_ref().filter(|t| !t.on_one_page()) {
                let own_form_tie = tie.kind == TieKind::Form
                    && tie
                        .texts
                        .first()
                        .is_some_and(|t| wording(&t.text) == wording(&u.text));
                if !own_form_tie {
                    out.push(tie_finding(&u, tie, Rule::DescriptionMismatch));
                }
            }
            continue;
        };
        if u.text == *canonical || wording(&u.text) == wording(canonical) {
            continue;
        }
        let doc = &ctx.docs[u.doc];
        let span = u.cell.span().unwrap_or(u.row.code_span);
        let kind = doc.page.tables[u.row.table].kind;
        let held = crate::model::other_numbers(&u.text, canonical);
        let fix = match held {
            Some(_) => None,
            None => replace_cell(u.cell, canonical, kind)
                .map(|edits| Fix::new(Applicability::Unsafe, edits)),
        };
        let mut notes: Vec<String> = canonical_note(e).into_iter().collect();
        let same: Vec<usize> = e
            .variants
            .iter()
            .find(|v| v.text == u.text)
            .map(|v| v.pages.clone())
            .unwrap_or_default();
        if same.len() > 1 {
            notes.push(format!("this text is used by {}", who(ctx.docs, &same)));
        }
        notes.extend(held);
        out.push(Finding {
            rule: Rule::DescriptionMismatch,
            severity: Severity::Warning,
            doc: u.doc,
            span,
            code: Some(u.row.code),
            message: format!(
                "{} description is worded differently from the canonical one",
                u.row.code,
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
