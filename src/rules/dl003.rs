#![doc = include_str!("docs/DL003.md")]

use std::collections::BTreeSet;

use super::{Context, Finding, Rule, Severity, services};
use crate::parse::page::Lang;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    let total = ctx.model.service_count;
    // Every documented code, and the required ones even where no page has
    // them yet.
    let codes: BTreeSet<u16> = ctx
        .model
        .codes
        .keys()
        .copied()
        .chain(ctx.options.required.iter().copied())
        .collect();
    for (i, doc) in ctx.docs.iter().enumerate() {
        let rows = &doc.page.rows;
        let Some(first) = rows.first() else { continue };
        let have: BTreeSet<u16> = rows.iter().map(|r| r.code).collect();
        // The language most of this page's descriptions are in, else
        // Chinese.
        let lang =
            crate::parse::page::most_used(rows.iter().filter_map(|r| r.lang())).unwrap_or(Lang::Zh);
        for code in &codes {
            if have.contains(code) {
                continue;
            }
            let required = ctx.options.required.contains(code);
            let reason = crate::registry::lookup(*code).map(|s| s.reason);
            let cm = ctx.model.codes.get(code);
            let users: Vec<String> = cm
                .map(|cm| cm.services.iter().cloned().collect())
                .unwrap_or_default();
            // A code HTTP does not register documented by one service alone
            // (Cosmos DB's 449) is that service's own: DL007 reports it, no
            // other page lacks it. Shared by several, it is missing here.
            if reason.is_none() && !required && users.len() < 2 {
                continue;
            }
            let share = users.len() as f64 / total.max(1) as f64;
            let severity = if required || share >= ctx.options.missing_warning_share {
                Severity::Warning
            } else {
                Severity::Advice
            };
            // Point at the row the code would follow.
            let after = rows
                .iter()
                .filter(|r| r.code < *code)
                .max_by_key(|r| r.code)
                .unwrap_or(first);
            let name = reason.map(|r| format!(" {r}")).unwrap_or_default();
            let expected = cm
                .and_then(|cm| cm.descriptions.get(&lang))
                .and_then(|e| e.canonical.clone());
            let why = if required {
                "required by config; ".to_string()
            } else {
                String::new()
            };
            out.push(Finding {
                rule: Rule::MissingCode,
                severity,
                doc: i,
                span: after.code_span,
                code: Some(*code),
                message: format!(
                    "page does not document {code}{name}; {why}{} of {total} service{} {}",
                    users.len(),
                    if total == 1 { "" } else { "s" },
                    if users.len() == 1 { "does" } else { "do" }
                ),
                label: if after.code < *code {
                    format!("{code} would follow this row")
                } else {
                    format!("{code} would come before this row")
                },
                text: None,
                expected,
                fix: None,
                notes: if users.is_empty() {
                    vec!["no page documents it yet".into()]
                } else {
                    vec![format!("documented by {}", services(&users))]
                },
                related: None,
            });
        }
    }
}
