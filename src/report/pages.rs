//! `doclint pages`: what doclint read from every status page, each span with
//! the exact source slice beside it. For checking the parser on real trees
//! (and for snapshot tests): `slice` must always equal the bytes at `span`.

use serde::Serialize;

use crate::lint::Outcome;
use crate::parse::text::Cell;
use crate::source::{SourceText, Span};

#[derive(Serialize)]
struct PageOut<'a> {
    path: &'a str,
    service: &'a str,
    title: &'a str,
    tables: Vec<TableOut<'a>>,
    rows: Vec<RowOut<'a>>,
}

#[derive(Serialize)]
struct TableOut<'a> {
    span: String,
    kind: &'static str,
    section: Option<&'static str>,
    broken: Option<String>,
    header: &'a [String],
}

#[derive(Serialize)]
struct Fragment<'a> {
    span: String,
    slice: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct CellOut<'a> {
    span: String,
    slice: &'a str,
    text: String,
    fragments: Vec<Fragment<'a>>,
}

#[derive(Serialize)]
struct RowOut<'a> {
    code: u16,
    code_span: String,
    code_slice: &'a str,
    table: usize,
    reason: Option<CellOut<'a>>,
    description: Option<CellOut<'a>>,
}

fn arr(s: Span) -> String {
    format!("{}..{}", s.start, s.end)
}

fn cell<'a>(src: &'a SourceText, c: &'a Cell) -> Option<CellOut<'a>> {
    let span = c.span()?;
    Some(CellOut {
        span: arr(span),
        slice: src.get(span).unwrap_or(""),
        text: c.text(),
        fragments: c
            .fragments
            .iter()
            .map(|f| Fragment {
                span: arr(f.span),
                slice: src.get(f.span).unwrap_or(""),
                text: &f.text,
            })
            .collect(),
    })
}

/// Every status page under the paths named, as JSON.
pub fn render(outcome: &Outcome) -> String {
    render_docs(&outcome.named().collect::<Vec<_>>())
}

/// Every API page's per-operation status tables under the paths named, as
/// JSON, in the same shape.
pub fn render_operations(outcome: &Outcome) -> String {
    let docs: Vec<&crate::model::Doc> = outcome
        .operation_docs()
        .iter()
        .filter(|d| d.named)
        .collect();
    render_docs(&docs)
}

fn render_docs(docs: &[&crate::model::Doc]) -> String {
    use crate::parse::page::{Section, TableKind};
    let pages: Vec<PageOut<'_>> = docs
        .iter()
        .map(|d| PageOut {
            path: &d.path,
            service: &d.service,
            title: &d.page.title,
            tables: d
                .page
                .tables
                .iter()
                .map(|t| TableOut {
                    span: arr(t.span),
                    kind: match t.kind {
                        TableKind::Html => "html",
                        TableKind::Pipe => "pipe",
                    },
                    section: t.section.map(|s| match s {
                        Section::Success => "success",
                        Section::Error => "error",
                    }),
                    broken: t
                        .broken
                        .map(|b| format!("{:?} at {}..{}", b.kind, b.at.start, b.at.end)),
                    header: &t.header,
                })
                .collect(),
            rows: d
                .page
                .rows
                .iter()
                .map(|r| RowOut {
                    code: r.code,
                    code_span: arr(r.code_span),
                    code_slice: d.src.get(r.code_span).unwrap_or(""),
                    table: r.table,
                    reason: r.reason.as_ref().and_then(|c| cell(&d.src, c)),
                    description: r.description.as_ref().and_then(|c| cell(&d.src, c)),
                })
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&pages).expect("serializable");
    out.push('\n');
    out
}

/// `doclint pages --explain PATH`: for every table of one file, its column
/// types, its type and why it was read or not, and the verdict on the page.
/// A writer whose page is not linted sees here why. `operations` is whether
/// the project reads operation tables (`operations = false` turns them
/// off). `Err` when the file cannot be read.
pub fn explain(path: &std::path::Path, operations: bool) -> Result<String, String> {
    use std::fmt::Write;

    use crate::parse::page;
    use crate::source::LineIndex;

    let shown = path.display().to_string();
    // A name mistyped, or a folder, is said as such: `--explain` takes a file.
    if path.is_dir() {
        return Err("a folder: `pages --explain` takes one file (`pages` lists a folder's)".into());
    }
    if std::fs::symlink_metadata(path).is_err() {
        return Err("no such file".into());
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read: {}", crate::walk::io_message(&e)))?;
    let decoded = crate::source::decode_any(&bytes).map_err(|e| e.to_string())?;
    let src: &str = &decoded.text;
    let examined = page::examine(src);
    let lines = LineIndex::new(src);
    let mut out = String::new();
    if let Some(encoding) = decoded.encoding {
        let _ = writeln!(out, "{shown}: note: not UTF-8; read as {encoding}");
    }
    let filtered = !crate::parse::filter::may_hold_code(src);
    // Whether the page's operation tables, read in full, are not read in a
    // run (turned down by its bytes, or by the operation reader): the
    // tables then say so too.
    // As a run reads them: a status-code page's own, else an API page's.
    let read = match operations && !filtered {
        true if examined.page.is_some() && page::probe(src) => examined.operations.clone(),
        true => crate::ops::parse(src),
        false => None,
    };
    let dropped = examined.operations.is_some() && operations && read.is_none();
    // An API page is read from its first status heading on: an operation
    // table above it is not read in a run (the page's line says where).
    let heading = read.as_ref().and_then(|page| {
        crate::ops::status_heading(src).filter(|&at| page.tables.iter().all(|t| t.span.start >= at))
    });
    if examined.page.is_some() && (filtered || !page::probe(src)) {
        let _ = writeln!(
            out,
            "{shown}: not a status-code page: turned down by the quick look at {} \
             (a doclint bug: please report it); in full it reads as: {}",
            if filtered {
                "its bytes (no cell seems to start with a status code)"
            } else {
                "the first rows of its tables"
            },
            examined.verdict
        );
    } else if examined.operations.is_some() && !operations {
        let _ = writeln!(
            out,
            "{shown}: {}; its operation tables are not read: `operations = false` in the \
             project's doclint.toml (`doclint pages --operations` reads them anyway)",
            examined.verdict
        );
    } else if dropped && filtered {
        let _ = writeln!(
            out,
            "{shown}: {}; its operation tables are not read: turned down by the quick look at \
             its bytes (no cell seems to start with a status code; a doclint bug: please report it)",
            examined.verdict
        );
    } else if dropped {
        let why = if crate::ops::names_status(src) {
            "turned down by the quick look at the first rows of its tables \
             (a doclint bug: please report it)"
        } else {
            "the page names no status word (状态码, 返回值, 返回码, 响应码, 状态代码, HTTP代码, \
             HTTP错误码, status code, response code, HTTP code, return code, HTTP status, \
             HTTP error, HTTP-level, response status, responses), so it is not taken for an \
             API page"
        };
        let _ = writeln!(
            out,
            "{shown}: {}; its operation tables are not read: {why}",
            examined.verdict
        );
    } else {
        let _ = writeln!(out, "{shown}: {}", examined.verdict);
    }
    if examined.tables.is_empty() {
        let _ = writeln!(out, "  no tables");
    }
    for (i, t) in examined.tables.iter().enumerate() {
        let (l0, _) = lines.line_col(src, t.span.start);
        let (l1, _) = lines.line_col(src, t.span.end.saturating_sub(1).max(t.span.start));
        let _ = writeln!(
            out,
            "  table {} (lines {l0}-{l1}): {}{}",
            i + 1,
            t.typing.kind.as_str(),
            if t.taken { ", read" } else { "" }
        );
        let columns: Vec<String> = t
            .typing
            .columns
            .iter()
            .enumerate()
            .map(|(c, ty)| {
                let h = t.header.get(c).map(|h| h.trim()).unwrap_or("");
                let mark = if t.typing.code_col == Some(c) {
                    "*"
                } else {
                    ""
                };
                if h.is_empty() {
                    format!("{mark}{}", ty.as_str())
                } else {
                    format!("{mark}{h}: {}", ty.as_str())
                }
            })
            .collect();
        let _ = writeln!(out, "    columns: {}", columns.join(" | "));
        let why = match (operations, dropped) {
            (true, false) if heading.is_some_and(|at| t.span.start < at) => {
                let (line, _) = lines.line_col(src, heading.unwrap_or(0));
                t.why.replace(
                    crate::parse::decide::READ_AS_OPERATION,
                    &format!(
                        "(an operation table, not read: an API page is read from its first \
                         status heading on, line {line})"
                    ),
                )
            }
            (true, false) => t.why.clone(),
            (false, _) => t.why.replace(
                crate::parse::decide::READ_AS_OPERATION,
                "(not read: `operations = false`)",
            ),
            (true, true) => t.why.replace(
                crate::parse::decide::READ_AS_OPERATION,
                "(an operation table, not read: see the page's line)",
            ),
        };
        let _ = writeln!(out, "    {why}");
    }
    Ok(out)
}
