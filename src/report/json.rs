//! `--format json`: the version-1 contract of SPEC.md §5. Field order is part
//! of the contract's readability, so the structs below list fields in the
//! documented order.

use serde::Serialize;

use super::Lines;
use crate::fix::Fix;
use crate::lint::Outcome;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    summary: Summary,
    findings: Vec<JsonFinding<'a>>,
    errors: Vec<JsonError<'a>>,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    pages: usize,
    services: usize,
    rows: usize,
    findings: usize,
    errors: usize,
    /// API pages whose per-operation status tables were read (added).
    operations: usize,
    /// Their rows (added).
    operation_rows: usize,
}

#[derive(Serialize)]
struct JsonSpan {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    name: &'static str,
    severity: &'static str,
    path: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    span: JsonSpan,
    service: &'a str,
    code: Option<u16>,
    message: &'a str,
    found: Option<&'a str>,
    text: Option<&'a str>,
    expected: Option<&'a str>,
    fix: Option<&'a Fix>,
    /// `status-page` or `operation`: the kind of table (added).
    table: &'static str,
}

#[derive(Serialize)]
struct JsonError<'a> {
    path: &'a str,
    message: &'a str,
}

/// Renders `outcome` as the JSON report (one object, a trailing newline).
pub fn render(outcome: &Outcome) -> String {
    let lines = Lines::new(outcome);
    let findings = outcome
        .findings
        .iter()
        .map(|f| {
            let doc = &outcome.docs[f.doc];
            let loc = lines.locate(outcome, f);
            JsonFinding {
                rule: f.rule.id(),
                name: f.rule.name(),
                severity: f.severity.as_str(),
                path: &doc.path,
                line: loc.line,
                column: loc.column,
                end_line: loc.end_line,
                end_column: loc.end_column,
                span: JsonSpan {
                    start: f.span.start,
                    end: f.span.end,
                },
                service: &doc.service,
                code: f.code,
                message: &f.message,
                found: f.text.as_ref().and_then(|_| doc.src.get(f.span)),
                text: f.text.as_deref(),
                expected: f.expected.as_deref(),
                fix: f.fix.as_ref(),
                table: if outcome.is_operation(f.doc) {
                    "operation"
                } else {
                    "status-page"
                },
            }
        })
        .collect();
    let report = Report {
        version: 1,
        summary: Summary {
            files: outcome.files,
            pages: outcome.status_docs().len(),
            services: outcome.services(),
            rows: outcome.rows(),
            findings: outcome.findings.len(),
            errors: outcome.errors.len(),
            operations: outcome.operation_docs().len(),
            operation_rows: outcome.operation_rows(),
        },
        findings,
        errors: outcome
            .errors
            .iter()
            .map(|e| JsonError {
                path: &e.path,
                message: &e.message,
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&report).expect("serializable");
    out.push('\n');
    out
}
