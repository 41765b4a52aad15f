#![doc = include_str!("docs/DL005.md")]

use super::{Context, Finding, Related, Rule, Severity};
use crate::parse::page::Section;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        for row in &doc.page.rows {
            let (expected, wrong) = match doc.page.section(row) {
                Some(Section::Error) if row.code < 300 => ("a success", "an error"),
                Some(Section::Success) if row.code >= 400 => ("an error", "a success"),
                _ => continue,
            };
            let table = &doc.page.tables[row.table];
            let related = table.section_from.map(|span| Related {
                doc: i,
                span,
                label: format!("the table is {wrong} table because of this"),
            });
            out.push(Finding {
                rule: Rule::WrongSection,
                severity: Severity::Error,
                doc: i,
                span: row.code_span,
                code: Some(row.code),
                message: format!(
                    "{} belongs in {expected} table, but stands in {wrong} table",
                    row.code
                ),
                label: format!("{wrong} table"),
                text: Some(row.code.to_string()),
                expected: None,
                fix: None,
                notes: vec![],
                related,
            });
        }
    }
}
