#![doc = include_str!("docs/DL006.md")]

use std::collections::BTreeMap;

use super::{Context, Finding, Related, Rule, Severity};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        let mut seen = BTreeMap::new();
        for row in &doc.page.rows {
            let Some(first) = seen.get(&row.code).copied() else {
                seen.insert(row.code, row.code_span);
                continue;
            };
            if first == row.code_span {
                continue; // one cell spanning rows
            }
            out.push(Finding {
                rule: Rule::DuplicateCode,
                severity: Severity::Warning,
                doc: i,
                span: row.code_span,
                code: Some(row.code),
                message: format!("{} is documented twice on this page", row.code),
                label: "again here".into(),
                text: Some(row.code.to_string()),
                expected: None,
                fix: None,
                notes: vec![],
                related: Some(Related {
                    doc: i,
                    span: first,
                    label: "first here".into(),
                }),
            });
        }
    }
}
