//! Human output: one miette report per finding, then a summary.
//!
//! Status pages are generated HTML with source lines of 300+ characters, so a
//! snippet never shows the whole line: it shows a window of the line around
//! the cell, marked `…` where it was cut, with the real line number and
//! column. No output line is wider than [`MAX_WIDTH`] columns.

use std::collections::BTreeMap;
use std::fmt;

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError,
    MietteSpanContents, SourceCode, SourceSpan, SpanContents,
};
use unicode_width::UnicodeWidthChar;

use super::Lines;
use crate::fix::Applicability;
use crate::lint::Outcome;
use crate::model::Doc;
use crate::rules::{Finding, Rule, Severity};
use crate::source::{LineIndex, Span};

/// The widest line human output prints.
pub const MAX_WIDTH: usize = 200;

/// How much of a long line to show around a cell, in columns, on each side.
const CONTEXT_COLUMNS: usize = 24;

/// The widest a shown cell may be before it is cut, in columns.
const CELL_COLUMNS: usize = 100;

/// Output options.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// Line width to wrap messages at (at most [`MAX_WIDTH`]).
    pub width: usize,
}

/// The widest a help line may be before it is cut, in columns (it wraps at
/// the terminal width before that).
const HELP_COLUMNS: usize = 240;

/// The widest a label under a snippet may be, in columns.
const LABEL_COLUMNS: usize = 80;

/// Cuts `text` to `max` columns, marking the cut with `…`.
fn cut(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw >= max {
            out.push('…');
            return out;
        }
        w += cw;
        out.push(if c == '\n' { '⏎' } else { c });
    }
    out
}

/// A window of one source line, with the real line number and column.
struct Snippet {
    name: String,
    text: String,
    line: usize,
    column: usize,
    label: SourceSpan,
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            self.text.as_bytes(),
            SourceSpan::from((0, self.text.len())),
            self.line,
            self.column,
            1,
        )))
    }
}

/// Cuts the source line holding `span.start` to a window around the span.
fn snippet(doc: &Doc, idx: &LineIndex, span: Span) -> Snippet {
    let src = &doc.src;
    let line = idx.line_of(span.start);
    let ls = idx.line_span(src, line);
    let (_, col) = idx.line_col(src, span.start);
    // Clip the label to this line.
    let label_end = span.end.min(ls.end).max(span.start);
    // Walk back from the span start until CONTEXT_COLUMNS columns.
    let mut start = span.start;
    let mut w = 0;
    for (i, c) in src[ls.start..span.start].char_indices().rev() {
        w += c.width().unwrap_or(0);
        if w > CONTEXT_COLUMNS {
            break;
        }
        start = ls.start + i;
    }
    // The label itself, cut at CELL_COLUMNS.
    let mut shown_end = span.start;
    let mut w = 0;
    for (i, c) in src[span.start..label_end].char_indices() {
        w += c.width().unwrap_or(0);
        if w > CELL_COLUMNS {
            break;
        }
        shown_end = span.start + i + c.len_utf8();
    }
    let mut end = shown_end;
    if shown_end == label_end {
        let mut w = 0;
        for (i, c) in src[label_end..ls.end].char_indices() {
            w += c.width().unwrap_or(0);
            if w > CONTEXT_COLUMNS {
                break;
            }
            end = label_end + i + c.len_utf8();
        }
    }
    let mut text = String::new();
    if start > ls.start {
        text.push('…');
    }
    let label_start = text.len() + (span.start - start);
    let body = &src[start..end];
    // Tabs would shift the underline: show them as one space.
    text.push_str(&body.replace('\t', " "));
    let label_len = shown_end - span.start;
    if end < ls.end {
        text.push('…');
    }
    Snippet {
        name: doc.path.clone(),
        text,
        line,
        column: col - 1,
        label: SourceSpan::from((label_start, label_len)),
    }
}

/// A finding as a miette diagnostic.
struct Report {
    finding_code: String,
    message: String,
    severity: miette::Severity,
    snippet: Snippet,
    label: String,
    help: Option<String>,
    related: Vec<Report>,
}

impl fmt::Debug for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        (!self.finding_code.is_empty())
            .then(|| Box::new(&self.finding_code) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.snippet)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(
                Some(cut(&self.label, LABEL_COLUMNS)),
                self.snippet.label,
            ),
        )))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|r| r as &dyn Diagnostic)))
    }
}

fn severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Advice => miette::Severity::Advice,
    }
}

fn report(outcome: &Outcome, lines: &Lines, f: &Finding) -> Report {
    let doc = &outcome.docs[f.doc];
    let idx = lines.index(f.doc).expect("indexed");
    let mut help = Vec::new();
    if let Some(text) = &f.text {
        help.push(cut(
            &format!("found: {}", text.replace('\n', " ⏎ ")),
            HELP_COLUMNS,
        ));
    }
    help.extend(f.notes.iter().map(|n| cut(n, HELP_COLUMNS)));
    match &f.fix {
        Some(fix) if fix.applicability == Applicability::Safe => {
            help.push("fix: safe, applied by --fix".into())
        }
        Some(fix) if fix.applicability == Applicability::Unsafe => {
            help.push("fix: unsafe, applied by --fix --unsafe-fixes".into())
        }
        _ => {}
    }
    let related = f
        .related
        .iter()
        .map(|r| {
            let rdoc = &outcome.docs[r.doc];
            let ridx = LineIndex::new(&rdoc.src);
            Report {
                finding_code: String::new(),
                message: format!("{} in {}", r.label, rdoc.path),
                severity: miette::Severity::Advice,
                snippet: snippet(rdoc, &ridx, r.span),
                label: r.label.clone(),
                help: None,
                related: vec![],
            }
        })
        .collect();
    Report {
        finding_code: format!("{}({})", f.rule.id(), f.rule.name()),
        message: format!("{} [{}]", f.message, doc.service),
        severity: severity(f.severity),
        snippet: snippet(doc, idx, f.span),
        label: f.label.clone(),
        help: (!help.is_empty()).then(|| help.join("\n")),
        related,
    }
}

/// Renders every finding, the unreadable files and the summary.
pub fn render(outcome: &Outcome, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width.min(MAX_WIDTH))
        .with_context_lines(0)
        .with_links(false)
        .with_show_related_as_nested(true);
    let lines = Lines::new(outcome);
    let mut out = String::new();
    for f in &outcome.findings {
        let r = report(outcome, &lines, f);
        if handler.render_report(&mut out, &r).is_err() {
            out.push_str(&format!("{}: {}\n", outcome.docs[f.doc].path, f.message));
        }
        out.push('\n');
    }
    for e in &outcome.errors {
        out.push_str(&format!("error: {}: {}\n", e.path, e.message));
    }
    out.push_str(&summary(outcome));
    out
}

/// The closing summary.
pub fn summary(outcome: &Outcome) -> String {
    let mut by_rule: BTreeMap<Rule, usize> = BTreeMap::new();
    let mut by_severity: BTreeMap<Severity, usize> = BTreeMap::new();
    for f in &outcome.findings {
        *by_rule.entry(f.rule).or_default() += 1;
        *by_severity.entry(f.severity).or_default() += 1;
    }
    let safe = outcome
        .findings
        .iter()
        .filter(|f| f.fixable(Applicability::Safe))
        .count();
    let any = outcome
        .findings
        .iter()
        .filter(|f| f.fixable(Applicability::Unsafe))
        .count();
    let mut out = String::new();
    let n = outcome.findings.len();
    if n == 0 {
        out.push_str("No findings.\n");
    } else {
        let sev: Vec<String> = [Severity::Error, Severity::Warning, Severity::Advice]
            .iter()
            .filter_map(|s| by_severity.get(s).map(|n| format!("{n} {}", s.as_str())))
            .collect();
        out.push_str(&format!(
            "Found {n} finding{} ({}).\n",
            plural(n),
            sev.join(", ")
        ));
        for (rule, count) in &by_rule {
            out.push_str(&format!("  {:>5} {} {}\n", count, rule.id(), rule.name()));
        }
        out.push_str(&format!(
            "{safe} fixable with --fix; {any} with --fix --unsafe-fixes.\n"
        ));
    }
    out.push_str(&format!(
        "Checked {} status page{} ({} rows) of {} service{} in {} file{}.\n",
        outcome.status_docs().len(),
        plural(outcome.status_docs().len()),
        outcome.rows(),
        outcome.services(),
        plural(outcome.services()),
        outcome.files,
        plural(outcome.files),
    ));
    if !outcome.errors.is_empty() {
        out.push_str(&format!(
            "{} file{} could not be read or fixed (named above).\n",
            outcome.errors.len(),
            plural(outcome.errors.len())
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
