//! Findings as LSP diagnostics: the rule id and name, the severity, the
//! range of the cell, and related information pointing at the cells where
//! the canonical text is used.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Url,
};

use super::position::Lines;
use super::state::Project;
use crate::parse::page::Lang;
use crate::rules::{Finding, Rule, Severity};

/// How many places using the canonical text a diagnostic points at.
const MAX_RELATED: usize = 10;

/// The `file://` URI of `path`.
pub fn uri_of(path: &Path) -> Option<Url> {
    Url::from_file_path(path).ok()
}

/// The LSP severity of a finding.
pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Advice => DiagnosticSeverity::INFORMATION,
    }
}

/// Line indexes of the docs of one project, made when first needed.
pub struct LineCache<'a> {
    project: &'a Project,
    lines: HashMap<usize, Lines<'a>>,
}

impl<'a> LineCache<'a> {
    /// An empty cache for `project`.
    pub fn new(project: &'a Project) -> Self {
        LineCache {
            project,
            lines: HashMap::new(),
        }
    }

    /// The line index of doc `i`.
    pub fn get(&mut self, i: usize) -> &Lines<'a> {
        let project = self.project;
        self.lines
            .entry(i)
            .or_insert_with(|| Lines::new(project.docs[i].src.text()))
    }
}

/// The diagnostic of finding `f`.
pub fn diagnostic(project: &Project, lines: &mut LineCache<'_>, f: &Finding) -> Diagnostic {
    let range = lines.get(f.doc).range(f.span);
    let mut message = format!("{}: {}", f.rule.name(), f.message);
    // Notes the message already says (the marks that differ) are left out.
    for note in f.notes.iter().filter(|n| {
        !n.strip_prefix("differs: ")
            .is_some_and(|m| f.message.contains(m))
    }) {
        message.push('\n');
        message.push_str(note);
    }
    let mut related = Vec::new();
    let mut push = |lines: &mut LineCache<'_>, doc: usize, span, label: String| {
        if let Some(uri) = uri_of(&project.docs[doc].file) {
            related.push(DiagnosticRelatedInformation {
                location: Location::new(uri, lines.get(doc).range(span)),
                message: label,
            });
        }
    };
    if let Some(r) = &f.related {
        let label = format!("{} ({})", r.label, project.docs[r.doc].service);
        push(lines, r.doc, r.span, label);
    }
    // Every other page that uses the canonical text, up to a few.
    if let (Some(code), Some(expected)) = (f.code, &f.expected)
        && let Some(e) = project
            .model
            .codes
            .get(&code)
            .and_then(|c| c.descriptions.get(&Lang::of(expected)))
            .filter(|e| e.canonical.as_ref() == Some(expected))
    {
        let shown = f.related.as_ref().map(|r| r.doc);
        for &doc in e
            .pages
            .iter()
            .filter(|&&d| d != f.doc && Some(d) != shown)
            .take(MAX_RELATED)
        {
            let cell = project.docs[doc].page.rows.iter().find_map(|r| {
                let cell = r.description.as_ref()?;
                (r.code == code && cell.text() == *expected).then(|| cell.span())?
            });
            if let Some(span) = cell {
                let what = if f.rule == Rule::MissingCode {
                    "documented here, with the canonical text"
                } else {
                    "the canonical text"
                };
                let label = format!("{what} ({})", project.docs[doc].service);
                push(lines, doc, span, label);
            }
        }
    }
    Diagnostic {
        range,
        severity: Some(severity(f.severity)),
        code: Some(NumberOrString::String(f.rule.id().to_string())),
        code_description: None,
        source: Some("doclint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::json!({ "rule": f.rule.name() })),
    }
}

/// The diagnostics of the document at `path`: its findings, or one
/// diagnostic saying why it could not be read.
pub fn of_document(project: &Project, path: &Path) -> Vec<Diagnostic> {
    let mut lines = LineCache::new(project);
    let (_, findings) = project.findings_in(path);
    let mut out: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| diagnostic(project, &mut lines, f))
        .collect();
    if let Some(e) = project.errors.get(path) {
        out.push(Diagnostic {
            severity: Some(DiagnosticSeverity::ERROR),
            source: Some("doclint".into()),
            message: format!("doclint could not read this file: {}", e.message),
            ..Diagnostic::default()
        });
    }
    out
}
