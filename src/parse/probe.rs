//! The quick look at a file before any Markdown parsing: [`probe`] reads
//! the first rows of its tables, in document order, and turns most files
//! down (an API page's parameters come before its status table); the pages
//! left are read whole ([`super::page::parse_str`] → `examine` in
//! `decide.rs`). [`has_status_table`] is the same look for the operation
//! tables of a page without a status heading.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::classify::{ColumnType, TableType};
use super::html;
use super::page::{Candidate, TableKind, comments_lazily, html_candidate, typing_of};
use super::text::{Cell, Fragment, Piece};
use crate::source::Span;

/// The line of every pipe-table delimiter row (`|---|---|`, `| - | :-: |`,
/// `--|--`), as (line start, line end).
pub(super) fn delimiter_rows(src: &str) -> Vec<(usize, usize)> {
    delimiter_rows_lazily(src).collect()
}

/// [`delimiter_rows`], found as they are asked for.
fn delimiter_rows_lazily(src: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let b = src.as_bytes();
    // Only lines with a `|` can be delimiter rows: visit each such line once.
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(i) = memchr::memchr(b'|', &b[at..]) {
            let bar = at + i;
            let start = memchr::memrchr(b'\n', &b[..bar]).map_or(0, |j| j + 1);
            let end = memchr::memchr(b'\n', &b[bar..]).map_or(b.len(), |j| bar + j);
            // In a block quote (`> |---|---|`), past its marks.
            let line = &b[start + quote_marks(&b[start..end])..end];
            at = end;
            if line.contains(&b'-')
                && line
                    .iter()
                    .all(|c| matches!(c, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r'))
            {
                return Some((start, end));
            }
        }
        None
    })
}

/// How many bytes of block-quote marks (`>`, with the white space around
/// them) start `line`: none when it starts with no `>`.
pub(super) fn quote_marks(line: &[u8]) -> usize {
    let lead = line
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t'))
        .count();
    if line.get(lead) != Some(&b'>') {
        return 0;
    }
    line.iter()
        .take_while(|c| matches!(c, b'>' | b' ' | b'\t'))
        .count()
}

/// The cells of one pipe-table line, split at unescaped `|`, as plain text
/// (in a block quote, after its marks).
fn pipe_cells(src: &str, start: usize, end: usize) -> Vec<Cell> {
    let start = start + quote_marks(&src.as_bytes()[start..end]);
    let line = &src[start..end];
    let b = line.as_bytes();
    let mut bounds = vec![0];
    for (i, &c) in b.iter().enumerate() {
        if c == b'|' && (i == 0 || b[i - 1] != b'\\') {
            bounds.push(i + 1);
        }
    }
    bounds.push(b.len() + 1);
    bounds
        .windows(2)
        .map(|w| (w[0], w[1] - 1))
        .filter(|(s, e)| s < e || *e < b.len())
        .map(|(s, e)| {
            // Inline Markdown (`code`, **bold**, \| escapes) does not matter to
            // the probe: keep the plain text.
            let raw = &line[s..e.min(b.len())];
            let plain: String = raw
                .replace("\\|", "|")
                .chars()
                .filter(|c| !matches!(c, '`' | '*' | '_'))
                .collect();
            let piece = Piece {
                span: Span::new(start + s, start + e.min(b.len())),
                decoded: Some(plain),
            };
            Cell {
                fragments: Fragment::from_pieces(src, vec![piece])
                    .into_iter()
                    .collect(),
            }
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// Whether byte `at` seems to be inside a fenced code block, by counting
/// fence lines before it: a quick look for [`probe`], not a parse.
fn in_fence_roughly(src: &str, at: usize) -> bool {
    static BACKTICKS: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"```"));
    static TILDES: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"~~~"));
    let b = &src.as_bytes()[..at];
    // A fence opens or closes where it starts its line (after indentation
    // or `>`); runs of more than three count once.
    let at_line_start = |i: usize| {
        b[..i]
            .iter()
            .rev()
            .take_while(|c| **c != b'\n')
            .all(|c| matches!(c, b' ' | b'\t' | b'>'))
    };
    let fences = BACKTICKS
        .find_iter(b)
        .chain(TILDES.find_iter(b))
        .filter(|&i| at_line_start(i))
        .count();
    fences % 2 == 1
}

/// How a table looks from its first rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    /// A status table (a status reference or an operation's responses).
    Status,
    /// A table of another kind (an API page's parameters).
    Other,
    /// Only the whole table could tell: rows counted 0, 1, 2… may be the
    /// start of a catalogue of codes (opcodes).
    Unsure,
    /// A catalogue, sub-status table or table of classes, or too short.
    Neutral,
}

/// How the table at `start` (HTML) or with delimiter row `delimiter`
/// (pipe) looks from its first rows. Most tables are told apart by their
/// first row: no digit in it, no status code (an API page's parameters).
/// Others need a few rows.
fn look(src: &str, start: usize, delimiter: Option<(usize, usize)>, deep: bool) -> Look {
    let read = |rows: usize| match delimiter {
        None => html_candidate(html::read_rows(src, start, rows + 1)),
        Some((start, end)) => pipe_head(src, start, end, rows),
    };
    // A table of the HTTP methods (`Method | Usage`) says nothing of the
    // page (see `decide::lists_methods`).
    let methods = super::decide::lists_methods;
    // A deep look reads a few rows at once; else the first row decides
    // most tables.
    let typing = if deep {
        let rows = read(PROBE_ROWS);
        let typing = typing_of(&rows);
        if typing.kind == TableType::Other && methods(&rows) {
            return Look::Neutral;
        }
        typing
    } else {
        let first = read(1);
        let typing = typing_of(&first);
        let leading_digit = || {
            first.body.iter().flatten().any(|c| {
                c.fragments.first().is_some_and(|f| {
                    f.text
                        .trim_start()
                        .starts_with(|c: char| c.is_ascii_digit())
                })
            })
        };
        let method = || {
            first
                .body
                .first()
                .is_some_and(|row| super::decide::explains_method(row))
        };
        if first.body.is_empty()
            || typing.kind.is_neutral()
            || (typing.kind == TableType::Other && (leading_digit() || method()))
        {
            let rows = read(PROBE_ROWS);
            let typing = typing_of(&rows);
            if typing.kind == TableType::Other && methods(&rows) {
                return Look::Neutral;
            }
            typing
        } else {
            typing
        }
    };
    if typing.code_col.is_none() && typing.columns.first() == Some(&ColumnType::Number) {
        return Look::Unsure;
    }
    // Codes repeating in the first rows make a catalogue only if they keep
    // repeating: a status table may list a code once per cause. A table
    // keyed by error identifiers is a catalogue from its first rows.
    match typing.kind {
        TableType::StatusReference | TableType::PerOperation => Look::Status,
        // A product's own codes say nothing of the page.
        TableType::Other if typing.is_own_codes() => Look::Neutral,
        TableType::Other => Look::Other,
        TableType::Catalogue if deep && typing.by_repeats => Look::Unsure,
        _ => Look::Neutral,
    }
}

/// Visits the tables of `src` in document order, HTML (outermost, not
/// commented out) and pipe tables (by their delimiter row), as `(start,
/// delimiter)`, until `visit` returns a verdict. Nothing is parsed before a
/// table is visited, and tables, comments and delimiter rows are found as
/// they are needed: a page decided by its first table costs one look, and
/// its text is searched for tables and comments no further than that table.
fn first_verdict<T>(
    src: &str,
    mut visit: impl FnMut(usize, Option<(usize, usize)>) -> Option<T>,
) -> Option<T> {
    let starts = html::table_starts_lazily(src);
    // The comments not yet passed; the first may hold the next table.
    let mut comments = comments_lazily(src).peekable();
    let mut pipe = delimiter_rows_lazily(src).peekable();
    let mut skip_to = 0;
    for start in starts {
        while let Some(&(p, end)) = pipe.peek().filter(|(p, _)| *p < start) {
            pipe.next();
            if let Some(verdict) = visit(p, Some((p, end))) {
                return Some(verdict);
            }
        }
        while comments.next_if(|c| c.end <= start).is_some() {}
        if start < skip_to || comments.peek().is_some_and(|c| c.start < start) {
            continue;
        }
        if let Some(verdict) = visit(start, None) {
            return Some(verdict);
        }
        skip_to = TABLE_END
            .find(&src.as_bytes()[start..])
            .map_or(src.len(), |j| start + j);
    }
    for (p, end) in pipe {
        if let Some(verdict) = visit(p, Some((p, end))) {
            return Some(verdict);
        }
    }
    None
}

/// A quick look at a file before any Markdown parsing: whether it may be a
/// status-code page. It is not when it has no table, or when its first
/// table that matters is of another kind (an API page's parameters come
/// before its status table): most files are decided here after reading a
/// few rows of their first table.
pub fn probe(src: &str) -> bool {
    if request_line_first(src, html::first_table_start(src)) {
        return false;
    }
    first_verdict(src, |start, delimiter| {
        match look(src, start, delimiter, false) {
            Look::Status => Some(true),
            Look::Other if !in_fence_roughly(src, start) => Some(false),
            _ => None,
        }
    })
    .unwrap_or(false)
}

/// A quick look for per-operation status tables: whether any table of
/// `src` looks like a status table from its first rows (or only its whole
/// could tell). Pages of parameters and catalogues of error codes are
/// turned down without reading any table whole. Each table is judged by
/// its first few rows, never by its first alone (`| 其他 | 未知错误 |` may
/// open a status table).
pub fn has_status_table(src: &str) -> bool {
    first_verdict(src, |start, delimiter| {
        matches!(
            look(src, start, delimiter, true),
            Look::Status | Look::Unsure
        )
        .then_some(())
    })
    .is_some()
}

/// Whether an HTTP request line (`GET /v1/…`) ends before any table of
/// `src` starts, HTML (the first at `first_table`) or pipe (a line holding
/// a `|`):
/// then [`examine`](super::page::examine) reads every status table of the page as an operation's
/// (an API page), so the page is not a status-code page, and no table need
/// be looked at.
fn request_line_first(src: &str, first_table: Option<usize>) -> bool {
    let b = src.as_bytes();
    let first_table = first_table.unwrap_or(b.len());
    let limit = memchr::memchr(b'|', &b[..first_table]).unwrap_or(first_table);
    // Lines that end before the line holding the first table or `|`.
    let lines_end = memchr::memrchr(b'\n', &b[..limit]).map_or(0, |i| i + 1);
    super::decide::first_request_line(&src[..lines_end]).is_some()
}

/// The header and first `rows` body lines of the pipe table whose delimiter
/// row is `start..end`.
fn pipe_head(src: &str, start: usize, end: usize, rows: usize) -> Candidate {
    let head_end = start.saturating_sub(1);
    let head_start = src[..head_end].rfind('\n').map_or(0, |i| i + 1);
    let mut body = Vec::new();
    let mut at = (end + 1).min(src.len());
    while body.len() < rows && at < src.len() {
        let line_end = src[at..].find('\n').map_or(src.len(), |i| at + i);
        if !src[at..line_end].contains('|') {
            break;
        }
        body.push(pipe_cells(src, at, line_end));
        at = line_end + 1;
    }
    Candidate {
        span: Span::new(head_start, at.min(src.len())),
        kind: TableKind::Pipe,
        caption: None,
        header: pipe_cells(src, head_start, head_end),
        header_above: String::new(),
        body,
    }
}

static TABLE_END: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</table"));

/// Rows [`probe`] reads of each HTML table: a two-row header and a few body
/// rows (some tables open with a section row).
const PROBE_ROWS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::page::{examine, parse_str};

    #[test]
    fn a_request_line_before_every_table_decides_without_a_look() {
        let table =
            "| 状态码 | 描述 |\n|---|---|\n| 200 | 成功 |\n| 400 | 错误 |\n| 500 | 异常 |\n";
        // A status table alone is a status-code page …
        assert!(probe(table));
        assert!(parse_str(table).is_some());
        // … not behind a request line, which every spelling may open.
        for line in [
            "GET /v1/servers\n",
            "> `POST {endpoint}/v2`\n",
            "\u{3000}DELETE https://x/y\n",
        ] {
            let page = format!("# Op\n\n{line}\n{table}");
            assert!(
                request_line_first(&page, html::first_table_start(&page)),
                "{line:?}"
            );
            assert!(!probe(&page), "{line:?}");
            assert!(examine(&page).page.is_none(), "{line:?}");
        }
        // The shortcut does not apply when a table (or a `|`) comes first,
        // or when the request line itself holds the `|`.
        for page in [
            format!("{table}\nGET /v1/servers\n"),
            "GET /v1/a|b\n| 状态码 | 描述 |\n|---|---|\n| 200 | 成功 |\n".to_string(),
            format!("<table><tr><td>a</td></tr></table>\nGET /v1\n{table}"),
        ] {
            assert!(
                !request_line_first(&page, html::first_table_start(&page)),
                "{page:?}"
            );
        }
        assert!(!request_line_first("GETTER /x\nGET x\n", None));
    }
}
