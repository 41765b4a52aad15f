#![doc = include_str!("docs/DL007.md")]

use super::{Context, Finding, Rule, Severity};
use crate::registry::lookup;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        for row in &doc.page.rows {
            if lookup(row.code).is_some() {
                continue;
            }
            out.push(Finding {
                rule: Rule::UnknownCode,
                severity: Severity::Warning,
                doc: i,
                span: row.code_span,
                code: Some(row.code),
                message: format!("{} is not a registered HTTP status code", row.code),
                label: "not in the IANA registry".into(),
                text: Some(row.code.to_string()),
                expected: None,
                fix: None,
                notes: vec![],
                related: None,
            });
        }
    }
}
