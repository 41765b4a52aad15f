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

/// One finding as the report gives it.
fn finding<'a>(
    outcome: &'a Outcome,
    lines: &Lines,
    f: &'a crate::rules::Finding,
) -> JsonFinding<'a> {
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
}

/// The whole report around `findings`, as one pretty printer writes it.
fn report(outcome: &Outcome, findings: Vec<JsonFinding<'_>>) -> String {
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

/// Renders `outcome` as the JSON report (one object, a trailing newline).
pub fn render(outcome: &Outcome) -> String {
    render_parts(outcome).concat()
}

/// The JSON report in parts to be written one after another, as
/// [`render`] gives it whole.
///
/// The findings, most of the report, are rendered on every core, each as
/// the pretty printer writes it at its depth in the report; the rest is
/// rendered around them: byte for byte what one `to_string_pretty` of the
/// whole report gives (tested), without copying it again.
pub fn render_parts(outcome: &Outcome) -> Vec<String> {
    if outcome.findings.len() < 64 {
        let lines = Lines::new(outcome);
        let findings = outcome.findings.iter();
        return vec![report(
            outcome,
            findings.map(|f| finding(outcome, &lines, f)).collect(),
        )];
    }
    // Each finding is an element of the top-level object's `findings`:
    // four spaces deeper than a value rendered alone (a JSON string holds
    // no raw line break, so every line break is the printer's).
    let chunks: Vec<&[crate::rules::Finding]> = outcome.findings.chunks(128).collect();
    let mut parts = crate::par::map(chunks, |chunk| {
        let lines = Lines::of(outcome, chunk, false);
        let mut out = String::with_capacity(chunk.len() * 1024);
        let mut alone = Vec::with_capacity(2048);
        for f in chunk {
            alone.clear();
            serde_json::to_writer_pretty(&mut alone, &finding(outcome, &lines, f))
                .expect("serializable");
            let alone = std::str::from_utf8(&alone).expect("serde_json writes UTF-8");
            out.push_str(",\n    ");
            for (i, line) in alone.split('\n').enumerate() {
                if i > 0 {
                    out.push_str("\n    ");
                }
                out.push_str(line);
            }
        }
        out
    });
    // The first element has no comma before it.
    parts[0].replace_range(0..1, "");
    let whole = report(outcome, Vec::new());
    const EMPTY: &str = "\n  \"findings\": []";
    let at = whole.find(EMPTY).expect("the report has a findings list") + EMPTY.len() - 1;
    parts.insert(0, whole[..at].to_string());
    parts.push(format!("\n  ]{}", &whole[at + 1..]));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings rendered on several threads and written in parts are
    /// the report one pretty printer gives whole.
    #[test]
    fn parts_are_the_whole_report() {
        let tree = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/corpus");
        let outcome = crate::lint::lint(&crate::lint::Settings {
            paths: vec![tree.clone()],
            root: Some(tree),
            ..crate::lint::Settings::default()
        });
        assert!(outcome.findings.len() > 256, "{}", outcome.findings.len());
        let lines = Lines::new(&outcome);
        let findings = outcome.findings.iter();
        let whole = report(
            &outcome,
            findings.map(|f| finding(&outcome, &lines, f)).collect(),
        );
        let parts = render_parts(&outcome);
        assert!(parts.len() > 3);
        assert_eq!(parts.concat(), whole);
    }
}
