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
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// A line at most this wide is shown whole (a pipe table's row), not cut
/// to a window around the cell.
const LINE_COLUMNS: usize = 100;

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

/// How wide the label of `snippet` may be so that its line fits `width`:
/// it hangs from the middle of the underline, after the line-number gutter.
fn label_columns(snippet: &Snippet, width: usize) -> usize {
    let before = UnicodeWidthStr::width(&snippet.text[..snippet.label.offset()]);
    let under = UnicodeWidthStr::width(
        &snippet.text[snippet.label.offset()..snippet.label.offset() + snippet.label.len()],
    );
    let gutter = snippet.line.to_string().len() + 4;
    let used = gutter + before + under / 2 + 5;
    width.saturating_sub(used).clamp(16, LABEL_COLUMNS)
}

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
    // Offsets are the file's; the text kept may start further on.
    let base = doc.src.offset();
    let src = doc.src.text();
    let at = |s: usize, e: usize| &src[s - base..e - base];
    let line = idx.line_of(span.start);
    let ls = idx.line_span(src, line);
    let (_, col) = idx.line_col(src, span.start);
    // Clip the label to this line.
    let label_end = span.end.min(ls.end).max(span.start);
    // Counted only as far as the limit: these lines can be long.
    let whole = at(ls.start, ls.end)
        .chars()
        .try_fold(0, |w, c| {
            let w = w + c.width().unwrap_or(0);
            (w <= LINE_COLUMNS).then_some(w)
        })
        .is_some();
    let context = if whole { usize::MAX } else { CONTEXT_COLUMNS };
    // Walk back from the span start until `context` columns.
    let mut start = span.start;
    let mut w = 0;
    for (i, c) in at(ls.start, span.start).char_indices().rev() {
        w += c.width().unwrap_or(0);
        if w > context {
            break;
        }
        start = ls.start + i;
    }
    // The label itself, cut at CELL_COLUMNS.
    let mut shown_end = span.start;
    let mut w = 0;
    for (i, c) in at(span.start, label_end).char_indices() {
        w += c.width().unwrap_or(0);
        if w > CELL_COLUMNS {
            break;
        }
        shown_end = span.start + i + c.len_utf8();
    }
    let mut end = shown_end;
    if shown_end == label_end {
        let mut w = 0;
        for (i, c) in at(label_end, ls.end).char_indices() {
            w += c.width().unwrap_or(0);
            if w > context {
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
    let body = at(start, end);
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
    /// The widest the label may be, in columns.
    label_columns: usize,
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
                Some(cut(&self.label, self.label_columns)),
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
    // A line of config to paste is never cut.
    help.extend(
        f.notes
            .iter()
            .map(|n| match n.starts_with(crate::rules::SETTLE) {
                true => n.clone(),
                false => cut(n, HELP_COLUMNS),
            }),
    );
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
            let ridx = rdoc.src.index();
            Report {
                label_columns: LABEL_COLUMNS,
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
        label_columns: LABEL_COLUMNS,
        finding_code: format!("{}({})", f.rule.id(), f.rule.name()),
        message: format!("{} [{}]", f.message, doc.service),
        severity: severity(f.severity),
        snippet: snippet(doc, idx, f.span),
        label: f.label.clone(),
        help: (!help.is_empty()).then(|| help.join("\n")),
        related,
    }
}

/// The DL003 findings of one page as one report: the codes it lacks, most
/// serious first, pointing at the page's first status row.
fn missing_report(outcome: &Outcome, lines: &Lines, group: &[&Finding]) -> Report {
    let first = group[0];
    let doc = &outcome.docs[first.doc];
    let idx = lines.index(first.doc).expect("indexed");
    let row = doc.page.rows.first().map_or(first.span, |r| r.code_span);
    let severity = group
        .iter()
        .map(|f| f.severity)
        .max()
        .unwrap_or(first.severity);
    let mut sorted: Vec<&&Finding> = group.iter().collect();
    sorted.sort_by_key(|f| (std::cmp::Reverse(f.severity), f.code));
    let mut numbers: Vec<u16> = group.iter().filter_map(|f| f.code).collect();
    numbers.sort_unstable();
    let codes: Vec<String> = numbers.iter().map(u16::to_string).collect();
    let help: Vec<String> = sorted
        .iter()
        .map(|f| {
            let reason = f
                .code
                .and_then(crate::registry::lookup)
                .map(|r| format!(" {}", r.reason))
                .unwrap_or_default();
            let required = if f.message.contains("required by config") {
                "required by config; "
            } else {
                ""
            };
            let who = f.notes.first().map(String::as_str).unwrap_or_default();
            cut(
                &format!(
                    "{}{reason} ({}): {required}{who}",
                    f.code.map(|c| c.to_string()).unwrap_or_default(),
                    f.severity.as_str(),
                ),
                HELP_COLUMNS,
            )
        })
        .collect();
    Report {
        label_columns: LABEL_COLUMNS,
        finding_code: format!("{}({})", first.rule.id(), first.rule.name()),
        message: format!(
            "page lacks {} code{}: {} [{}]",
            group.len(),
            plural(group.len()),
            codes.join(", "),
            doc.service
        ),
        severity: self::severity(severity),
        snippet: snippet(doc, idx, row),
        label: format!("{} missing", plural_codes(group.len())),
        help: Some(help.join("\n")),
        related: vec![],
    }
}

fn plural_codes(n: usize) -> String {
    if n == 1 {
        "1 code".into()
    } else {
        format!("{n} codes")
    }
}

/// Keeps each reported difference together (`「，」 where the canonical
/// text has 「。」`, `` `Accept` should be `Accepted` ``), so that wrapping
/// never leaves a reported mark on a line of its own: the spaces inside
/// each `;`-separated item after the first `: ` become no-break spaces.
fn glue_marks(message: &str) -> String {
    let Some(colon) = message.find(": ") else {
        return message.to_string();
    };
    if !message[colon..].contains(['「', '`']) {
        return message.to_string();
    }
    let (head, marks) = message.split_at(colon + 2);
    format!(
        "{head}{}",
        marks.replace(' ', "\u{a0}").replace(";\u{a0}", "; ")
    )
}

/// Renders every finding, the unreadable files and the summary. Findings
/// come most serious first (errors, warnings, then advice), by page within
/// each; a page's missing codes (DL003) are one report.
pub fn render(outcome: &Outcome, style: Style) -> String {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width.clamp(40, MAX_WIDTH))
        // A reported phrase is never broken at its hyphen (`Multi-` /
        // `Status`).
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
        .with_context_lines(0)
        .with_links(false)
        .with_show_related_as_nested(true);
    let lines = Lines::new(outcome);
    // (severity, doc, first finding) → the reports of that place.
    let mut items: Vec<(Severity, usize, usize, Vec<&Finding>)> = Vec::new();
    let mut missing: BTreeMap<usize, Vec<&Finding>> = BTreeMap::new();
    for (i, f) in outcome.findings.iter().enumerate() {
        if f.rule == Rule::MissingCode {
            missing.entry(f.doc).or_default().push(f);
        } else {
            items.push((f.severity, f.doc, i, vec![f]));
        }
    }
    for (doc, group) in missing {
        let severity = group
            .iter()
            .map(|f| f.severity)
            .max()
            .unwrap_or(Severity::Advice);
        // After the page's other reports of the same severity.
        items.push((severity, doc, usize::MAX, group));
    }
    items.sort_by_key(|(severity, doc, i, _)| (std::cmp::Reverse(*severity), *doc, *i));
    let mut out = String::new();
    for (_, _, _, group) in &items {
        let mut r = if group[0].rule == Rule::MissingCode {
            missing_report(outcome, &lines, group)
        } else {
            let mut r = report(outcome, &lines, group[0]);
            r.message = glue_marks(&r.message);
            r
        };
        let width = style.width.clamp(40, MAX_WIDTH);
        r.label_columns = label_columns(&r.snippet, width);
        for related in &mut r.related {
            // Nested reports are indented by the `╰─▶` column.
            related.label_columns = label_columns(&related.snippet, width.saturating_sub(8));
        }
        if handler.render_report(&mut out, &r).is_err() {
            out.push_str(&format!(
                "{}: {}\n",
                outcome.docs[group[0].doc].path, r.message
            ));
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
    let unread = outcome
        .errors
        .iter()
        .filter(|e| !e.is_empty_project())
        .count();
    // Nothing checked, and the errors above say why (a path that cannot be
    // read, a project without any status table): they, and only they.
    if outcome.docs.is_empty() && !outcome.errors.is_empty() {
        if unread == 0 {
            return String::new();
        }
        return format!(
            "{unread} path{} could not be read (named above).\n",
            plural(unread)
        );
    }
    if outcome.docs.is_empty() {
        out.push_str("Nothing was checked: no status-code page was found.\n");
    } else if n == 0 && outcome.errors.is_empty() {
        out.push_str("No findings.\n");
    } else if n == 0 {
        out.push_str("No findings in what could be read.\n");
    } else {
        let sev: Vec<String> = [Severity::Error, Severity::Warning, Severity::Advice]
            .iter()
            .filter_map(|s| {
                // `2 warnings`, `1 error`; advice has no plural.
                let many = *s != Severity::Advice;
                by_severity
                    .get(s)
                    .map(|n| format!("{n} {}{}", s.as_str(), if many { plural(*n) } else { "" }))
            })
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
    let named: Vec<&crate::model::Doc> = outcome.named().collect();
    let status = outcome.status_docs().len();
    if named.len() == status {
        out.push_str(&format!(
            "Checked {} status page{} ({} rows) of {} service{} in {} file{}.\n",
            status,
            plural(status),
            outcome.rows(),
            outcome.services(),
            plural(outcome.services()),
            outcome.files,
            plural(outcome.files),
        ));
    } else {
        let rows: usize = named.iter().map(|d| d.page.rows.len()).sum();
        out.push_str(&format!(
            "Checked {} status page{} ({rows} rows) in the paths named, against the model of {} status page{} of {} service{} in {} file{}.\n",
            named.len(),
            plural(named.len()),
            status,
            plural(status),
            outcome.services(),
            plural(outcome.services()),
            outcome.files,
            plural(outcome.files),
        ));
    }
    let operations = outcome.operation_docs().len();
    let named_ops: Vec<&crate::model::Doc> = outcome
        .operation_docs()
        .iter()
        .filter(|d| d.named)
        .collect();
    if operations > 0 && named_ops.len() == operations {
        let services = outcome.operation_services();
        out.push_str(&format!(
            "Read {} per-operation status row{} on {operations} API page{} of {services} service{}.\n",
            outcome.operation_rows(),
            plural(outcome.operation_rows()),
            plural(operations),
            plural(services)
        ));
    } else if operations > 0 {
        // Some paths named: what was read in them, as the line above says.
        let services = outcome.operation_services();
        let rows: usize = named_ops.iter().map(|d| d.page.rows.len()).sum();
        out.push_str(&format!(
            "Read {rows} per-operation status row{} on {} API page{} in the paths named, against the operations of {operations} API page{} of {services} service{}.\n",
            plural(rows),
            named_ops.len(),
            plural(named_ops.len()),
            plural(operations),
            plural(services)
        ));
    }
    if unread > 0 {
        out.push_str(&format!(
            "{unread} path{} could not be read or fixed (named above).\n",
            plural(unread)
        ));
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
