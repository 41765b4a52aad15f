#![doc = include_str!("docs/DL008.md")]

use super::{Context, Finding, Rule, Severity};
use crate::parse::page::BrokenKind;

pub(super) fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for (i, doc) in ctx.docs.iter().enumerate() {
        for table in &doc.page.tables {
            let Some(b) = table.broken else { continue };
            let (message, label) = match b.kind {
                BrokenKind::UnclosedFence => (
                    "status table is swallowed by a code fence that is never closed",
                    "this fence is never closed",
                ),
                BrokenKind::IndentedCode => (
                    "status table is indented into a code block",
                    "indented four spaces or more: a code block",
                ),
                BrokenKind::BlankLineCode => (
                    "a blank line inside the status table ends its HTML block; the rows after it render as a code block",
                    "renders as a code block",
                ),
                BrokenKind::BlankLineParagraph => (
                    "a blank line inside the status table ends its HTML block; the rows after it render as a paragraph",
                    "renders as a paragraph",
                ),
                BrokenKind::CutCell => (
                    "a cell of the status table goes on over another line, which ends the pipe table; the rows after it render as text",
                    "the table ends before this line; the rows below render as text",
                ),
                BrokenKind::Delimiter => (
                    "the status table's delimiter row does not match its header, so the pipe table does not render: it reads as a paragraph of text",
                    "not one `---` cell per header cell",
                ),
            };
            // A cut pipe table loses only the rows below the cut.
            let rows = doc
                .page
                .rows
                .iter()
                .filter(|r| {
                    doc.page.tables[r.table]
                        .broken
                        .is_some_and(|o| o.at == b.at)
                        && (b.kind != BrokenKind::CutCell || r.code_span.start > b.at.start)
                })
                .count();
            let note = match b.kind {
                BrokenKind::CutCell => format!("{rows} status rows below it render as text"),
                _ => {
                    format!("the table holds {rows} status rows that readers do not see as a table")
                }
            };
            // One fence can swallow several tables: one finding for them all.
            if out
                .iter()
                .any(|f| f.rule == Rule::BrokenTable && f.doc == i && f.span == b.at)
            {
                continue;
            }
            out.push(Finding {
                rule: Rule::BrokenTable,
                severity: Severity::Warning,
                doc: i,
                span: b.at,
                code: None,
                message: message.into(),
                label: label.into(),
                text: doc.src.get(b.at).map(str::to_string),
                expected: None,
                fix: None,
                notes: vec![note],
                related: None,
            });
        }
    }
}
