//! `doclint pages`: what doclint read from every status page, each span with
//! the exact source slice beside it. For checking the parser on real trees
//! (and for snapshot tests): `slice` must always equal the bytes at `span`.

use serde::Serialize;

use crate::lint::Outcome;
use crate::parse::text::Cell;
use crate::source::Span;

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

fn cell<'a>(src: &'a str, c: &'a Cell) -> Option<CellOut<'a>> {
    let span = c.span()?;
    Some(CellOut {
        span: arr(span),
        slice: &src[span.start..span.end],
        text: c.text(),
        fragments: c
            .fragments
            .iter()
            .map(|f| Fragment {
                span: arr(f.span),
                slice: &src[f.span.start..f.span.end],
                text: &f.text,
            })
            .collect(),
    })
}

/// Every page under the paths named, as JSON.
pub fn render(outcome: &Outcome) -> String {
    use crate::parse::page::{Section, TableKind};
    let pages: Vec<PageOut<'_>> = outcome
        .named()
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
                    code_slice: &d.src[r.code_span.start..r.code_span.end],
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
