#![doc = include_str!("docs/DL004.md")]

use super::{Context, Finding, Rule, Severity};
use crate::fix::{Applicability, Fix, replace_cell};
use crate::registry::{ReasonCheck, check_reason, lookup, normalize_space, squeeze};

/// How a page's reason phrase compares with the expected one.
enum Check {
    Registered,
    CaseOrSpacing(String),
    Different(String),
}

impl From<ReasonCheck> for Check {
    fn from(c: ReasonCheck) -> Check {
        match c {
            ReasonCheck::Registered => Check::Registered,
            ReasonCheck::CaseOrSpacing { expected } => Check::CaseOrSpacing(expected.into()),
            ReasonCheck::Different { expected } => Check::Different(expected.into()),
        }
    }
}

/// Compares with a reason phrase pinned in config.
fn check_pinned(pin: &str, found: &str) -> Check {
    if normalize_space(found) == normalize_space(pin) {
        Check::Registered
    } else if squeeze(found) == squeeze(pin) {
        Check::CaseOrSpacing(pin.to_string())
    } else {
        Check::Different(pin.to_string())
    }
}

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        for row in &doc.page.rows {
            let Some(cell) = &row.reason else { continue };
            // `` `BadRequest` `` in a `Code` column: an error identifier
            // written as code, not a reason phrase to respell.
            if cell
                .span()
                .is_some_and(|s| super::written_as_code(&doc.src, s))
            {
                continue;
            }
            let found = cell.text();
            let status = lookup(row.code);
            let check = match (ctx.options.reason_pins.get(&row.code), status) {
                (Some(pin), _) => check_pinned(pin, &found),
                (None, Some(status)) => {
                    check_reason(status, &found, ctx.options.allow_former_reasons).into()
                }
                (None, None) => continue, // DL007 reports the code itself.
            };
            let (expected, applicability, how) = match check {
                Check::Registered => continue,
                Check::CaseOrSpacing(expected) => {
                    (expected, Applicability::Safe, "only in case or spacing")
                }
                Check::Different(expected) => (expected, Applicability::Unsafe, "in its words"),
            };
            let kind = doc.page.tables[row.table].kind;
            // Another code's phrase in a table that has the code twice.
            let held = super::code_may_be_the_copy(&doc.page, row, || {
                crate::ops::model::phrase_owner(&found, row.code)
            });
            let fix = match held {
                Some(_) => None,
                None => replace_cell(cell, &expected, kind).map(|e| Fix::new(applicability, e)),
            };
            let mut notes: Vec<String> = held.into_iter().collect();
            if ctx.options.reason_pins.contains_key(&row.code) {
                notes.push(format!("pinned in config: {} {expected}", row.code));
            }
            if let Some(status) = status {
                notes.push(format!("registered: {} {}", status.code, status.reason));
                if ctx.options.allow_former_reasons && !status.former.is_empty() {
                    notes.push(format!("also accepted: {}", status.former.join(", ")));
                }
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
                label: format!("expected: {expected}"),
                text: Some(found),
                expected: Some(expected),
                fix,
                notes,
                related: None,
            });
        }
    }
}
