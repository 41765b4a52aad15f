#![doc = include_str!("docs/DL006.md")]

use std::collections::BTreeMap;

use super::{Context, Finding, Related, Rule, Severity};

/// `per_table`: a code is a duplicate only within one table (operation
/// tables: an API page may document several operations, a table each);
/// else within the page (status-code pages).
pub(super) fn check(ctx: &Context<'_>, per_table: bool, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        let mut seen = BTreeMap::new();
        // A status page in two languages documents each code once in each.
        let langs = match per_table {
            true => Vec::new(),
            false => crate::parse::page::table_languages(&doc.page.rows, doc.page.tables.len()),
        };
        let wording = |r: &crate::parse::page::Row| {
            r.description
                .as_ref()
                .map(|d| crate::model::wording(&d.text()))
                .unwrap_or_default()
        };
        for row in &doc.page.rows {
            // An operation listing one code once per cause (`400 | 参数错误`,
            // `400 | 签名错误`) documents it once per cause, not twice: on
            // operation tables a row repeats one of the same table and text.
            let key = if per_table {
                (Some(row.table), row.code, wording(row))
            } else {
                let lang = langs.get(row.table).copied().flatten();
                (None, row.code, lang.map_or("", |l| l.as_str()).to_string())
            };
            let Some(&first) = seen.get(&key) else {
                seen.insert(key, row.code_span);
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
                message: if per_table {
                    format!("{} is documented twice in this table", row.code)
                } else {
                    format!("{} is documented twice on this page", row.code)
                },
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
