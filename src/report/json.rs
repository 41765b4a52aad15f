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
        for f in chunk {
            out.push(',');
            write_finding(&mut out, &finding(outcome, &lines, f));
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

/// Writes `f` as an element of the report's `findings`, byte for byte as
/// serde_json's pretty printer writes it there (a line break, then the
/// object four spaces in), without serde's machinery: the findings are most
/// of the report, and this runs once per finding (tested against serde).
fn write_finding(out: &mut String, f: &JsonFinding<'_>) {
    use std::fmt::Write;
    const IN: &str = "\n      ";
    out.push_str("\n    {");
    let key = |out: &mut String, name: &str, first: bool| {
        if !first {
            out.push(',');
        }
        out.push_str(IN);
        out.push('"');
        out.push_str(name);
        out.push_str("\": ");
    };
    let text = |out: &mut String, v: Option<&str>| match v {
        Some(v) => write_str(out, v),
        None => out.push_str("null"),
    };
    key(out, "rule", true);
    write_str(out, f.rule);
    key(out, "name", false);
    write_str(out, f.name);
    key(out, "severity", false);
    write_str(out, f.severity);
    key(out, "path", false);
    write_str(out, f.path);
    for (name, n) in [
        ("line", f.line),
        ("column", f.column),
        ("end_line", f.end_line),
        ("end_column", f.end_column),
    ] {
        key(out, name, false);
        let _ = write!(out, "{n}");
    }
    key(out, "span", false);
    let _ = write!(
        out,
        "{{{IN}  \"start\": {},{IN}  \"end\": {}{IN}}}",
        f.span.start, f.span.end
    );
    key(out, "service", false);
    write_str(out, f.service);
    key(out, "code", false);
    match f.code {
        Some(c) => {
            let _ = write!(out, "{c}");
        }
        None => out.push_str("null"),
    }
    key(out, "message", false);
    write_str(out, f.message);
    key(out, "found", false);
    text(out, f.found);
    key(out, "text", false);
    text(out, f.text);
    key(out, "expected", false);
    text(out, f.expected);
    key(out, "fix", false);
    match f.fix {
        None => out.push_str("null"),
        Some(fix) => {
            out.push('{');
            out.push_str(IN);
            out.push_str("  \"applicability\": ");
            write_str(out, fix.applicability.as_str());
            out.push(',');
            out.push_str(IN);
            out.push_str("  \"edits\": [");
            for (i, e) in fix.edits.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                let _ = write!(
                    out,
                    "{IN}    {{{IN}      \"start\": {},{IN}      \"end\": {},{IN}      \"replacement\": ",
                    e.start, e.end
                );
                write_str(out, &e.replacement);
                out.push_str(IN);
                out.push_str("    }");
            }
            if !fix.edits.is_empty() {
                out.push_str(IN);
                out.push_str("  ");
            }
            out.push(']');
            out.push_str(IN);
            out.push('}');
        }
    }
    key(out, "table", false);
    write_str(out, f.table);
    out.push_str("\n    }");
}

/// Writes `s` as a JSON string, escaped as serde_json escapes it: `"`,
/// `\\`, and control characters (`\n`, `\t`…, else `\u00XX`).
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[from..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0xf)]));
        } else {
            out.push_str(escape);
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde_json's pretty printer writes for `f` as an element of the
    /// report's findings: the reference `write_finding` keeps to.
    fn by_serde(f: &JsonFinding<'_>) -> String {
        let alone = serde_json::to_string_pretty(f).expect("serializable");
        format!("\n    {}", alone.replace('\n', "\n    "))
    }

    #[test]
    fn findings_are_written_as_serde_writes_them() {
        let fix = Fix::new(
            crate::fix::Applicability::Safe,
            vec![
                crate::fix::Edit {
                    start: 1,
                    end: 2,
                    replacement: "a\"b\\c\u{1}\u{7f}\u{1f}\t\r\n\u{8}\u{c}é中".into(),
                },
                crate::fix::Edit {
                    start: 3,
                    end: 3,
                    replacement: String::new(),
                },
            ],
        );
        let empty = Fix::new(crate::fix::Applicability::DisplayOnly, Vec::new());
        for (code, text, fix) in [
            (Some(400), Some("请求\u{0}参数 \"x\" </table>"), Some(&fix)),
            (None, None, None),
            (Some(200), Some(""), Some(&empty)),
        ] {
            let f = JsonFinding {
                rule: "DL001",
                name: "description-mismatch",
                severity: "warning",
                path: "a/\\b\"c.md",
                line: 1,
                column: 2,
                end_line: 3,
                end_column: 4,
                span: JsonSpan { start: 5, end: 6 },
                service: "s\u{2028}",
                code,
                message: "m\n\u{1b}[0m",
                found: text,
                text,
                expected: text.map(|_| "/\\/"),
                fix,
                table: "operation",
            };
            let mut out = String::new();
            write_finding(&mut out, &f);
            assert_eq!(out, by_serde(&f));
        }
    }

    proptest::proptest! {
        /// Any text is escaped as serde_json escapes it.
        #[test]
        fn strings_are_escaped_as_serde_escapes_them(s in "(\\PC|[\u{0}-\u{1f}\u{7f}\"\\\\])*") {
            let mut out = String::new();
            write_str(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_string(&s).expect("a string"));
        }
    }

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
