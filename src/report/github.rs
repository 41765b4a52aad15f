//! `--format github`: GitHub Actions workflow commands, one per finding
//! (`::warning file=…,line=…,col=…::…`), and a Markdown summary appended to
//! `$GITHUB_STEP_SUMMARY`.
//!
//! Page text is untrusted: every value is escaped as GitHub documents (`%`,
//! CR and LF in messages; also `:` and `,` in properties), so no description
//! can end a command early or start one of its own.

use std::collections::BTreeMap;

use super::Lines;
use crate::lint::Outcome;
use crate::rules::{Rule, Severity};

/// Escapes a command's message.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    }
}

/// The workflow commands for `outcome`.
pub fn render(outcome: &Outcome) -> String {
    let lines = Lines::new(outcome);
    let mut out = String::new();
    for f in &outcome.findings {
        let doc = &outcome.docs[f.doc];
        let loc = lines.locate(outcome, f);
        let mut message = f.message.clone();
        if let Some(t) = &f.text {
            message.push_str(&format!("\nfound: {t}"));
        }
        if let Some(e) = &f.expected {
            message.push_str(&format!("\nexpected: {e}"));
        }
        out.push_str(&format!(
            "::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            command(f.severity),
            escape_property(&doc.path),
            loc.line,
            loc.column,
            loc.end_line,
            loc.end_column,
            escape_property(&format!(
                "{} {} [{}]",
                f.rule.id(),
                f.rule.name(),
                doc.service
            )),
            escape_data(&message)
        ));
    }
    for e in &outcome.errors {
        out.push_str(&format!(
            "::error file={},title={}::{}\n",
            escape_property(&e.path),
            escape_property("doclint could not read this file"),
            escape_data(&e.message)
        ));
    }
    out
}

/// A short Markdown summary for `$GITHUB_STEP_SUMMARY`.
pub fn step_summary(outcome: &Outcome) -> String {
    let mut by_rule: BTreeMap<Rule, usize> = BTreeMap::new();
    let mut by_path: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &outcome.findings {
        *by_rule.entry(f.rule).or_default() += 1;
        *by_path.entry(&outcome.docs[f.doc].path).or_default() += 1;
    }
    let md = |s: &str| s.replace('|', "\\|").replace('`', "'");
    let mut out = String::from("## doclint\n\n");
    out.push_str(&format!(
        "{} finding{} on {} status page{} ({} rows, {} services); {} file{} could not be read.\n\n",
        outcome.findings.len(),
        if outcome.findings.len() == 1 { "" } else { "s" },
        outcome.status_docs().len(),
        if outcome.status_docs().len() == 1 {
            ""
        } else {
            "s"
        },
        outcome.rows(),
        outcome.services(),
        outcome.errors.len(),
        if outcome.errors.len() == 1 { "" } else { "s" },
    ));
    if !by_rule.is_empty() {
        out.push_str("| rule | findings |\n|---|---:|\n");
        for (r, n) in &by_rule {
            out.push_str(&format!("| {} {} | {n} |\n", r.id(), r.name()));
        }
        out.push_str("\n| page | findings |\n|---|---:|\n");
        let mut pages: Vec<(&str, usize)> = by_path.into_iter().collect();
        pages.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        for (p, n) in pages.iter().take(20) {
            out.push_str(&format!("| `{}` | {n} |\n", md(p)));
        }
        if pages.len() > 20 {
            out.push_str(&format!("\n…and {} more pages.\n", pages.len() - 20));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(escape_data("a%b\r\n::error::x"), "a%25b%0D%0A::error::x");
        assert_eq!(escape_property("a:b,c\n"), "a%3Ab%2Cc%0A");
    }
}
