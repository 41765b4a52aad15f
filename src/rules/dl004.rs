#![doc = include_str!("docs/DL004.md")]

use super::{Context, Finding, Rule, Severity};
use crate::fix::{Applicability, Fix, replace_cell};
use crate::registry::{ReasonCheck, check_reason, lookup};

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        for row in &doc.page.rows {
            let (Some(cell), Some(status)) = (&row.reason, lookup(row.code)) else {
                continue;
            };
            let found = cell.text();
            let (expected, applicability, how) =
                match check_reason(status, &found, ctx.options.allow_former_reasons) {
                    ReasonCheck::Registered => continue,
                    ReasonCheck::CaseOrSpacing { expected } => {
                        (expected, Applicability::Safe, "only in case or spacing")
                    }
                    ReasonCheck::Different { expected } => {
                        (expected, Applicability::Unsafe, "in its words")
                    }
                };
            let kind = doc.page.tables[row.table].kind;
            let fix = replace_cell(cell, expected, kind).map(|e| Fix::new(applicability, e));
            let mut notes = vec![format!("registered: {} {}", status.code, status.reason)];
            if !status.former.is_empty() {
                notes.push(format!("also accepted: {}", status.former.join(", ")));
            }
            out.push(Finding {
                rule: Rule::ReasonPhrase,
                severity: Severity::Warning,
                doc: i,
                span: cell.span().unwrap_or(row.code_span),
                code: Some(row.code),
                message: format!(
                    "reason phrase of {} differs from the registered one {how}: `{found}` should be `{expected}`",
                    row.code
                ),
                label: format!("registered: {expected}"),
                text: Some(found),
                expected: Some(expected.to_string()),
                fix,
                notes,
                related: None,
            });
        }
    }
}
