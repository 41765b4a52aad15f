//! `--format sarif`: SARIF 2.1.0 for code scanning. One result per finding,
//! every rule with its documentation, fixes as artifact changes, unreadable
//! files as tool execution notifications.

use serde_json::{Value, json};

use super::Lines;
use crate::lint::Outcome;
use crate::rules::{Rule, Severity};

/// A path as a relative URI reference: `/` kept, everything outside the
/// unreserved set percent-encoded (`API 参考` → `API%20%E5%8F%82%E8%80%83`).
pub fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// The first paragraph of a rule's documentation, after its title.
fn short_description(rule: Rule) -> String {
    let doc = rule.doc();
    doc.split("\n\n")
        .nth(1)
        .unwrap_or(doc)
        .replace("**What it does.** ", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn default_level(rule: Rule) -> &'static str {
    match rule {
        Rule::WrongSection => "error",
        _ => "warning",
    }
}

/// Renders `outcome` as a SARIF log.
pub fn render(outcome: &Outcome) -> String {
    let lines = Lines::new(outcome);
    let rules: Vec<Value> = Rule::ALL
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "name": r.name(),
                "shortDescription": { "text": short_description(*r) },
                "fullDescription": { "text": r.doc() },
                "help": { "text": r.doc(), "markdown": r.doc() },
                "defaultConfiguration": { "level": default_level(*r) },
            })
        })
        .collect();
    let results: Vec<Value> = outcome
        .findings
        .iter()
        .map(|f| {
            let doc = &outcome.docs[f.doc];
            let loc = lines.locate(outcome, f);
            let mut message = f.message.clone();
            if let Some(e) = &f.expected {
                message.push_str(&format!(" (expected: {e})"));
            }
            let mut result = json!({
                "ruleId": f.rule.id(),
                "ruleIndex": Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0),
                "level": level(f.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&doc.path), "uriBaseId": "%SRCROOT%" },
                        "region": {
                            "startLine": loc.line,
                            "startColumn": loc.column,
                            "endLine": loc.end_line,
                            "endColumn": loc.end_column,
                            "byteOffset": f.span.start,
                            "byteLength": f.span.len(),
                        }
                    }
                }],
                "partialFingerprints": {
                    "doclint/v1": format!(
                        "{}:{}:{}:{}",
                        f.rule.id(),
                        doc.service,
                        f.code.map(|c| c.to_string()).unwrap_or_default(),
                        f.text.as_deref().unwrap_or("")
                    )
                },
                "properties": { "service": doc.service },
            });
            if let Some(fix) = &f.fix {
                result["fixes"] = json!([{
                    "description": { "text": format!("{} fix", fix.applicability.as_str()) },
                    "artifactChanges": [{
                        "artifactLocation": { "uri": uri(&doc.path), "uriBaseId": "%SRCROOT%" },
                        "replacements": fix.edits.iter().map(|e| json!({
                            "deletedRegion": { "byteOffset": e.start, "byteLength": e.end - e.start },
                            "insertedContent": { "text": e.replacement },
                        })).collect::<Vec<_>>(),
                    }],
                }]);
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = outcome
        .errors
        .iter()
        .map(|e| {
            json!({
                "level": "error",
                "message": { "text": format!("{}: {}", e.path, e.message) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri(&e.path), "uriBaseId": "%SRCROOT%" }
                    }
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "doclint",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": "https://github.com/doclint/doclint",
                    "rules": rules,
                }
            },
            "invocations": [{
                "executionSuccessful": outcome.errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut out = serde_json::to_string_pretty(&log).expect("serializable");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(
            uri("aos/API 参考/a.md"),
            "aos/API%20%E5%8F%82%E8%80%83/a.md"
        );
        assert_eq!(uri("a(b)%.md"), "a%28b%29%25.md");
    }
}
