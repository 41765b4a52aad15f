//! Which tables of a page are read, and whether the page is a status-code
//! page: every table is typed ([`super::classify`]), the rows of its status
//! reference tables are read ([`super::page`]), and the page is judged by
//! what its tables are, never by its title. Each decision keeps its reason
//! for `doclint pages --explain`.

use super::classify::TableType;
use super::classify::Typing;
use super::html::{self, HtmlTable};
use super::markdown::{self, CodeKind, Structure};
use super::page::{
    Broken, BrokenKind, Candidate, MIN_ROWS, Page, Row, Section, StatusTable, Table, TableKind,
    comment_spans, context_section, first_line, html_candidate, is_description_header,
    read_status_table, read_status_table_with, section_of_words, title_of, typing_of,
};
use super::text::Cell;
use crate::source::{BOM, Span};
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// What doclint made of one table of a page, and why.
#[derive(Debug, Clone)]
pub struct TableVerdict {
    /// The whole table.
    pub span: Span,
    /// The header cells' text.
    pub header: Vec<String>,
    /// Its column types and its type.
    pub typing: Typing,
    /// Whether its rows were read as status rows of the page.
    pub taken: bool,
    /// Why it was taken or not.
    pub why: String,
}

/// What doclint made of a page: the page if it is a status-code page, every
/// table with its verdict, and the verdict on the page.
#[derive(Debug, Clone)]
pub struct Examined {
    /// The status-code page, if it is one.
    pub page: Option<Page>,
    /// Every table, in order (tables in code blocks left out).
    pub tables: Vec<TableVerdict>,
    /// Why the page is, or is not, a status-code page.
    pub verdict: String,
    /// The per-operation status tables of the page, read like status
    /// tables (an API page's; or those below a status-code page's status
    /// tables, on an API reference written as one page): `None` when it
    /// has none.
    pub operations: Option<Page>,
}

/// What a table's verdict says of a table read as an operation's.
pub const READ_AS_OPERATION: &str = "(read as an operation table)";

/// Status rows under which a page is a status-code page only when its
/// tables are most of it (a how-to page's example table is not one).
const FEW_ROWS: usize = 4;

/// Reads every table of a page, types it, and decides whether the page is a
/// status-code page: it is when it holds status reference tables with at
/// least [`MIN_ROWS`] codes, no other kind of table comes before them (an
/// API page's parameters do), and the other tables do not outweigh them.
/// Catalogues, sub-status tables and tables of classes neither make nor
/// break a page.
pub fn examine(src: &str) -> Examined {
    examine_after(src, RequestLine::At(first_request_line(src)))
}

/// Where a page's first HTTP request line is, for the tables after it.
#[derive(Debug, Clone, Copy)]
enum RequestLine {
    /// At this byte of the text, or nowhere.
    At(Option<usize>),
    /// Above the whole text: a section cut from an API page below its
    /// request line (even a table on the section's first line is after it).
    Above,
}

impl RequestLine {
    /// Whether the request line comes before byte `at`.
    fn before(self, at: usize) -> bool {
        match self {
            RequestLine::At(line) => line.is_some_and(|r| r < at),
            RequestLine::Above => true,
        }
    }
}

/// [`examine`], with where the page's first HTTP request line is.
fn examine_after(src: &str, request: RequestLine) -> Examined {
    // Both read from a copy of the text, byte for byte as long, so that
    // every span is the same in the file:
    // - a container's fence right under a table row (`:::`, `::: zh-CN`,
    //   `:::note`: VuePress, VitePress, Docusaurus) ends the table there,
    //   as those sites render it; GFM would take it for a row. It is read
    //   as a thematic break (`***`), which ends a table too.
    // - a pipe table whose delimiter row does not match its header does not
    //   render (GFM): that row is written right, and the table reported.
    let fences = container_fences(src);
    let bad = bad_delimiter_rows(src);
    if fences.is_empty() && bad.is_empty() {
        return examine_text(src, request, &[]);
    }
    let mut text = src.as_bytes().to_vec();
    for fence in &fences {
        text[fence.start..fence.end].fill(b'*');
    }
    let mut rows: Vec<Span> = Vec::new();
    if !bad.is_empty() {
        let mut mended = text.clone();
        if with_delimiters_mended(&mut mended, &bad) {
            text = mended;
            rows = bad.iter().map(|(at, _)| *at).collect();
        }
    }
    match String::from_utf8(text) {
        Ok(text) => examine_text(&text, request, &rows),
        Err(_) => examine_text(src, request, &[]),
    }
}

/// Whether `c` is a table of the HTTP methods, each with what it does
/// (`Method | Usage`: `GET`, `POST`, `DELETE`), as an API's introduction
/// explains them before its table of status codes: no operation's
/// parameters, so no mark of an API page. A table of endpoints names paths
/// or URLs (`GET | /v1/things`, `GET | … | https://{domain}/api/…`): not
/// one.
pub(super) fn lists_methods(c: &Candidate) -> bool {
    c.body.len() >= 2 && c.body.iter().all(|row| explains_method(row))
}

/// Whether a row starts with an HTTP method's name, alone in its cell, and
/// names no path or URL.
pub(super) fn explains_method(row: &[Cell]) -> bool {
    const METHODS: [&str; 7] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
    let names_path = |cell: &Cell| {
        let t = cell.text_cow();
        t.trim_start().starts_with('/') || t.contains("://")
    };
    row.first()
        .is_some_and(|m| METHODS.contains(&m.text_cow().trim()))
        && !row.iter().any(names_path)
}

/// The text of every line that opens or closes a container (`:::` and
/// what follows it, after at most three spaces) right under a line with a
/// `|`, which GFM would read as a row of the table above.
fn container_fences(src: &str) -> Vec<Span> {
    static FENCE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b":::"));
    let b = src.as_bytes();
    let mut out: Vec<Span> = Vec::new();
    for at in FENCE.find_iter(b) {
        let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
        if start == 0
            || at - start > 3
            || !b[start..at].iter().all(|&c| c == b' ')
            || out.last().is_some_and(|f| f.end > at)
        {
            continue;
        }
        let above_start = memchr::memrchr(b'\n', &b[..start - 1]).map_or(0, |i| i + 1);
        if !b[above_start..start - 1].contains(&b'|') {
            continue;
        }
        let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
        let end = if b[..end].ends_with(b"\r") {
            end - 1
        } else {
            end
        };
        out.push(Span::new(at, end));
    }
    out
}

/// [`examine_after`] of `src`, where the pipe-table delimiter rows at
/// `mended` were written right (each table holding one is broken).
fn examine_text(src: &str, request: RequestLine, mended: &[Span]) -> Examined {
    // HTML tables, outermost only.
    let starts = html::table_starts(src);
    let comments = comment_spans(src);
    let mut html_tables: Vec<HtmlTable> = Vec::new();
    for start in starts {
        if html_tables.last().is_some_and(|t| start < t.span.end) {
            continue;
        }
        // A table commented out (`<!-- <table>… -->`) is not shown.
        let i = comments.partition_point(|c| c.end <= start);
        if comments.get(i).is_some_and(|c| c.start < start) {
            continue;
        }
        html_tables.push(html::read_table(src, start));
    }
    let html_candidates: Vec<Candidate> = html_tables.into_iter().map(html_candidate).collect();

    let base = if src.starts_with(BOM) { BOM.len() } else { 0 };
    // Most pages' Markdown can hold no code block, inline code or pipe
    // table: pulldown-cmark is run only where it can, or where a table
    // holds a blank line (see `markdown::is_plain`).
    let plain = markdown::is_plain(&src[base..]);
    let md: Structure = match plain {
        true => Structure::default(),
        false => markdown::structure(src, base),
    };
    let mut whole: Option<Structure> = None;
    let mut candidates = html_candidates;
    // A pipe table cut by a line inside a cell keeps the rows below it
    // that still read as its rows: read, and reported as broken.
    let mut cut: Vec<(usize, Broken)> = Vec::new();
    candidates.extend(md.pipe_tables.iter().map(|t| {
        let mut c = Candidate {
            span: t.span,
            kind: TableKind::Pipe,
            caption: None,
            header: t.header.clone(),
            header_above: String::new(),
            body: t.rows.clone(),
        };
        if let Some(more) = md.cut_rows(src, t) {
            c.span.end = more.end;
            c.body.extend(more.rows);
            cut.push((
                c.span.start,
                Broken {
                    kind: BrokenKind::CutCell,
                    at: first_line(src, more.at),
                },
            ));
        }
        c
    }));
    candidates.sort_by_key(|c| c.span.start);

    let mut tables = Vec::new();
    let mut rows = Vec::new();
    let mut verdicts: Vec<TableVerdict> = Vec::new();
    // Rows of other tables, and whether one came before any status table.
    let (mut other_rows, mut other_first) = (0usize, false);
    let mut table_bytes = 0usize;
    let (mut op_tables, mut op_rows): (Vec<Table>, Vec<Row>) = (Vec::new(), Vec::new());
    // Operation tables read, pushed once the page's tables are all read.
    let mut pending: Vec<(&Candidate, StatusTable, Option<Broken>)> = Vec::new();
    for c in &candidates {
        let code = md.code_block_at(c.span.start);
        let mut broken = cut
            .iter()
            .find(|(at, _)| *at == c.span.start)
            .map(|(_, b)| *b);
        if c.kind == TableKind::Pipe
            && let Some(at) = mended
                .iter()
                .find(|d| c.span.start <= d.start && d.end <= c.span.end)
        {
            broken = Some(Broken {
                kind: BrokenKind::Delimiter,
                at: *at,
            });
        }
        if c.kind == TableKind::Html {
            match code {
                // An example in a closed fence, or `<table>` in inline code.
                Some((_, CodeKind::ClosedFence)) => continue,
                _ if md.in_inline_code(c.span.start) => continue,
                Some((fence, CodeKind::UnclosedFence)) => {
                    broken = Some(Broken {
                        kind: BrokenKind::UnclosedFence,
                        at: first_line(src, fence),
                    });
                }
                Some((_, CodeKind::Indented)) => {
                    broken = Some(Broken {
                        kind: BrokenKind::IndentedCode,
                        at: first_line(src, Span::new(c.span.start, c.span.end)),
                    });
                }
                None => {
                    let md = match plain && markdown::has_blank_line(src, c.span) {
                        true => whole.get_or_insert_with(|| markdown::structure(src, base)),
                        false => &md,
                    };
                    if let Some(at) = md.break_after_blank_line(src, c.span) {
                        let kind = match md.code_block_at(at) {
                            Some(_) => BrokenKind::BlankLineCode,
                            None => BrokenKind::BlankLineParagraph,
                        };
                        broken = Some(Broken {
                            kind,
                            at: first_line(src, Span::new(at, c.span.end)),
                        });
                    }
                }
            }
        }
        table_bytes += c.span.len();
        let mut typing = typing_of(c);
        let mut verdict = TableVerdict {
            span: c.span,
            header: c.header.iter().map(Cell::text).collect(),
            typing: typing.clone(),
            taken: false,
            why: String::new(),
        };
        match typing.kind {
            TableType::StatusReference if request.before(c.span.start) => {
                typing.kind = TableType::PerOperation;
                verdict.typing.kind = TableType::PerOperation;
                verdict.why =
                    "not read: an HTTP request line comes before it, as on an API page".into();
            }
            TableType::StatusReference if other_first => {
                typing.kind = TableType::PerOperation;
                verdict.typing.kind = TableType::PerOperation;
                verdict.why =
                    "not read: a table of another kind comes before it, as on an API page".into();
            }
            TableType::StatusReference => {}
            // Codes repeating with nothing else keying the rows: on an API
            // page, the causes of an operation's failures, a code listed
            // once per cause (ekuaibao: `400 | - | 存在非法的人员id`; `描述 |
            // HTTP状态码 | 语义`). A column before the codes that is not
            // headed as their description (`API | … | New Error Codes`, a
            // change list) names what each row is about: not causes.
            TableType::Catalogue
                if typing.by_repeats
                    && (request.before(c.span.start) || other_first)
                    && typing.code_col.is_some_and(|k| {
                        verdict.header[..k.min(verdict.header.len())]
                            .iter()
                            .all(|h| is_description_header(h))
                    }) =>
            {
                typing.kind = TableType::PerOperation;
                verdict.typing.kind = TableType::PerOperation;
                verdict.why = "not read: a code listed once per cause, on an API page".into();
            }
            TableType::Other => {
                other_first |= tables.is_empty() && !typing.is_own_codes() && !lists_methods(c);
                other_rows += c.body.len();
                verdict.why = format!("not read: {}", typing.reason);
            }
            _ => verdict.why = format!("not read: {}", typing.reason),
        }
        if typing.kind == TableType::PerOperation
            && let Some(st) = read_status_table(src, c, &typing)
        {
            // Not a status-code page's table, but read as an operation's.
            let because = verdict.why.trim_start_matches("not read: ").to_string();
            let n = st.rows.len();
            let rows = if n == 1 { "row" } else { "rows" };
            verdict.why =
                format!("{n} {rows}, the responses of an operation {READ_AS_OPERATION}: {because}");
            pending.push((c, st, broken));
        }
        if typing.kind != TableType::StatusReference {
            verdicts.push(verdict);
            continue;
        }
        let Some(st) = read_status_table(src, c, &typing) else {
            verdict.why = "not read: no row starts with a status code".into();
            verdicts.push(verdict);
            continue;
        };
        verdict.taken = true;
        verdict.why = format!("read {} status rows: {}", st.rows.len(), typing.reason);
        verdicts.push(verdict);
        let section = section_of(src, c, &st);
        push_table(&mut tables, &mut rows, c, st, section, broken);
    }
    // A column headed as the description that some operation tables of
    // the page read as reason phrases (`Bad request`, `Not found`: every
    // cell like one) and others as descriptions (`Widget patched`) is read
    // as descriptions in all: the same column is not checked two ways.
    let described: std::collections::BTreeSet<String> = pending
        .iter()
        .filter_map(|(_, st, _)| st.description_header.clone())
        .collect();
    for (c, st, broken) in pending {
        let mixed = st
            .reason_headed_description
            .as_ref()
            .is_some_and(|h| described.contains(h));
        // Typed again only then: the rows read need its columns alone.
        let st = match mixed {
            true => read_status_table_with(src, c, &typing_of(c), false).unwrap_or(st),
            false => st,
        };
        let section = operation_section_of(src, c, &st);
        push_table(&mut op_tables, &mut op_rows, c, st, section, broken);
    }
    // A section cut from a page takes the page's title from the caller.
    let title = || match request {
        RequestLine::Above => String::new(),
        RequestLine::At(_) => title_of(src).unwrap_or_default(),
    };
    let operations = |tables: Vec<Table>, rows: Vec<Row>| {
        (!rows.is_empty()).then(|| Page {
            title: title(),
            tables,
            rows,
        })
    };
    // The page is not a status-code page; `read` is whether the tables
    // read as its status tables are read as operation tables instead.
    let refuse = |verdicts: Vec<TableVerdict>, why: String, ops: Option<Page>, read: bool| {
        let verdicts = verdicts
            .into_iter()
            .map(|mut v| {
                if v.taken {
                    v.taken = false;
                    if read {
                        v.typing.kind = TableType::PerOperation;
                        v.why = format!("{} {READ_AS_OPERATION}", v.why);
                    } else {
                        v.why = format!("{} (page not taken)", v.why);
                    }
                }
                v
            })
            .collect();
        Examined {
            page: None,
            tables: verdicts,
            verdict: why,
            operations: ops,
        }
    };
    if tables.is_empty() {
        let why = if verdicts
            .iter()
            .any(|v| v.typing.kind == TableType::PerOperation)
        {
            "not a status-code page: its status tables are the responses of an operation \
             (an API page)"
        } else {
            "not a status-code page: no table is a status reference table"
        };
        return refuse(verdicts, why.into(), operations(op_tables, op_rows), false);
    }
    // The same codes in several tables: the responses of several operations.
    // Not tables in two languages (a page and its translation, one below
    // the other): a code is repeated in a table of the same language.
    if tables.len() > 1 {
        let langs = super::page::table_languages(&rows, tables.len());
        let mut seen: Vec<(Option<super::page::Lang>, u16, usize)> = rows
            .iter()
            .map(|r| (langs[r.table], r.code, r.table))
            .collect();
        seen.sort_unstable();
        seen.dedup();
        let repeated = seen
            .windows(2)
            .filter(|w| (w[0].0, w[0].1) == (w[1].0, w[1].1))
            .count();
        if repeated * 4 >= seen.len().min(4 * tables.len()) && repeated >= 2 {
            let why = format!(
                "not a status-code page: its {} status tables list the same codes again \
                 ({repeated} repeats): the responses of several operations",
                tables.len()
            );
            let (op_tables, op_rows) = as_operations(op_tables, op_rows, tables, rows);
            return refuse(verdicts, why, operations(op_tables, op_rows), true);
        }
    }
    // A table of one or two codes on a page of its own is an example or a
    // single call's responses, not a status-code page.
    if rows.len() < MIN_ROWS {
        return refuse(
            verdicts,
            format!(
                "not a status-code page: {} status rows, fewer than {MIN_ROWS}",
                rows.len()
            ),
            operations(op_tables, op_rows),
            false,
        );
    }
    // Other tables outweigh the status tables. On an API reference (an
    // HTTP request line, or a heading naming one: `### GET /api/v4/nodes`,
    // or operation tables of its own: a Slate page's general table of
    // errors above its operations) those are still the responses of its
    // operations, read as theirs so that their codes and phrases are
    // checked, not dropped unsaid; on a guide (a log format's fields) they
    // are left alone.
    if other_rows > 2 * rows.len() {
        let why = format!(
            "not a status-code page: its other tables ({other_rows} rows) outweigh its \
             status tables ({} rows)",
            rows.len()
        );
        let api = !op_tables.is_empty()
            || match request {
                RequestLine::Above => true,
                RequestLine::At(line) => line.is_some() || has_request_heading(src),
            };
        if !api {
            return refuse(verdicts, why, operations(op_tables, op_rows), false);
        }
        let (op_tables, op_rows) = as_operations(op_tables, op_rows, tables, rows);
        return refuse(verdicts, why, operations(op_tables, op_rows), true);
    }
    // A few codes in a page that is mostly prose and examples: a how-to.
    let prose = src.len().saturating_sub(table_bytes);
    if rows.len() < FEW_ROWS && prose > 2 * table_bytes + 512 {
        return refuse(
            verdicts,
            format!(
                "not a status-code page: {} status rows in a page that is mostly text \
                 ({prose} bytes outside its tables)",
                rows.len()
            ),
            operations(op_tables, op_rows),
            false,
        );
    }
    Examined {
        verdict: format!(
            "a status-code page: {} status rows in {} status table{}",
            rows.len(),
            tables.len(),
            if tables.len() == 1 { "" } else { "s" }
        ),
        page: Some(Page {
            title: title(),
            tables,
            rows,
        }),
        tables: verdicts,
        // The operations documented on the status page itself.
        operations: operations(op_tables, op_rows),
    }
}

/// The operation tables and rows of a page, with its status tables and
/// rows after them, read as operation tables too.
fn as_operations(
    mut op_tables: Vec<Table>,
    mut op_rows: Vec<Row>,
    tables: Vec<Table>,
    rows: Vec<Row>,
) -> (Vec<Table>, Vec<Row>) {
    let base = op_tables.len();
    op_tables.extend(tables);
    op_rows.extend(rows.into_iter().map(|mut r| {
        r.table += base;
        r
    }));
    (op_tables, op_rows)
}

/// Appends the table `c`, read as `st`, to `tables`, and its rows to
/// `rows` (each pointing at it).
fn push_table(
    tables: &mut Vec<Table>,
    rows: &mut Vec<Row>,
    c: &Candidate,
    st: super::page::StatusTable,
    (section, section_from): (Option<Section>, Option<Span>),
    broken: Option<Broken>,
) {
    let index = tables.len();
    tables.push(Table {
        span: c.span,
        kind: c.kind,
        section,
        section_from,
        broken,
        header: st.header,
    });
    rows.extend(st.rows.into_iter().map(|mut r| {
        r.table = index;
        r
    }));
}

/// The section of a table: from its list item or caption, else its header.
fn section_of(
    src: &str,
    c: &Candidate,
    st: &super::page::StatusTable,
) -> (Option<Section>, Option<Span>) {
    match context_section(src, c.span.start) {
        Some((s, span)) => (Some(s), Some(span)),
        None => match c.caption.as_deref().and_then(section_of_words) {
            Some(s) => (Some(s), None),
            None => (st.header_section, st.header_section_from),
        },
    }
}

/// The section of an operation table: as [`section_of`], but not from a
/// heading. An API page's heading names the part of the page
/// (`## Error Handling / Response Codes`, then a table from 200 to 500),
/// not a section of the codes; its caption, list item or header still do.
fn operation_section_of(
    src: &str,
    c: &Candidate,
    st: &super::page::StatusTable,
) -> (Option<Section>, Option<Span>) {
    match section_of(src, c, st) {
        (_, Some(from)) if src[from.start..from.end].starts_with('#') => {
            match c.caption.as_deref().and_then(section_of_words) {
                Some(s) => (Some(s), None),
                None => (st.header_section, st.header_section_from),
            }
        }
        other => other,
    }
}

/// Reads the per-operation status tables of an API page: `None` when it is
/// a status-code page or holds none. Status-page detection is unchanged.
pub fn parse_operations(src: &str) -> Option<Page> {
    api_operations(examine(src))
}

/// The operation tables of a page that is not a status-code page.
fn api_operations(examined: Examined) -> Option<Page> {
    match examined.page {
        Some(_) => None,
        None => examined.operations,
    }
}

/// [`parse_operations`] of a section cut from an API page below its request
/// line (its status section, from the heading on): every table of it comes
/// after that line, even one on the section's first line. Spans are into
/// `section`; the page's title is left empty, for the caller to set.
pub fn parse_operations_below_request(section: &str) -> Option<Page> {
    api_operations(examine_after(section, RequestLine::Above))
}

/// Where the first HTTP request line is (`POST /v1/{id}/servers`,
/// `GET https://…`): the mark of a page that documents one operation.
///
/// A path alone in inline code under a heading naming the endpoint (`##
/// Endpoint`, then `` `/api/v2/tokens` ``) is one too: some references name
/// the method only in the page's title or file name.
pub(super) fn first_request_line(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let mut at = 0;
    let mut under_endpoint = false;
    while at < b.len() {
        let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i + 1);
        let line = &src[at..end];
        if is_request_line(line)
            || is_labelled_request_line(line)
            || (under_endpoint && is_lone_path(line))
        {
            return Some(at);
        }
        // A blank line keeps the heading above; any other ends it.
        if let Some(&c) = line.as_bytes().iter().find(|c| !c.is_ascii_whitespace()) {
            under_endpoint = c == b'#' && is_endpoint_heading(line);
        }
        at = end;
    }
    None
}

/// Whether `line` is a heading that names an operation's endpoint: `##
/// Endpoint`, `## URI`, `## Request URL`, `## 请求地址`.
fn is_endpoint_heading(line: &str) -> bool {
    let Some(name) = line.trim_start().strip_prefix('#') else {
        return false;
    };
    is_endpoint_name(
        name.trim_start_matches('#')
            .trim()
            .trim_end_matches([':', '：']),
    )
}

/// Whether `name` names an operation's endpoint (any letter case):
/// `Endpoint`, `URI`, `Request URL`, `请求地址`.
fn is_endpoint_name(name: &str) -> bool {
    matches!(
        name.to_ascii_lowercase().as_str(),
        "endpoint"
            | "endpoints"
            | "uri"
            | "url"
            | "request uri"
            | "request url"
            | "请求uri"
            | "请求url"
            | "请求地址"
            | "请求路径"
            | "接口地址"
    )
}

/// A request line after a label naming the endpoint, in a link, inline
/// code or emphasis or not: `Endpoint: [POST /api/bots/{botId}/instances](…)`
/// (MicroStrategy's REST guides), ``**Request URL:** `GET /v1/tasks` ``,
/// `请求地址：POST /v1/jobs`. Told from the label before anything else:
/// most lines start with no such label.
fn is_labelled_request_line(line: &str) -> bool {
    let lead = line
        .bytes()
        .position(|c| !matches!(c, b'\t'..=b'\r' | b' ' | b'*' | b'_'))
        .unwrap_or(line.len());
    let t = &line[lead..];
    // Each label starts so (`Endpoint`, `URI`, `Request URL`, `请求地址`,
    // `接口地址`): other lines are turned down by their first bytes.
    let starts = match t.as_bytes().first() {
        Some(b'E' | b'e' | b'U' | b'u' | b'R' | b'r') => true,
        Some(0xE6 | 0xE8) => t.starts_with("请求") || t.starts_with("接口"),
        _ => false,
    };
    if !starts {
        return false;
    }
    let Some((colon, _)) = t
        .char_indices()
        .take(16)
        .find(|&(_, c)| c == ':' || c == '：')
    else {
        return false;
    };
    let label = t[..colon].trim_end_matches(['*', '_']).trim();
    if !is_endpoint_name(label) {
        return false;
    }
    let rest = t[colon..].trim_start_matches([':', '：']);
    is_request_line(
        rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '[')),
    )
}

/// Whether `line` is a path alone in inline code: `` `/api/v2/tokens` ``.
fn is_lone_path(line: &str) -> bool {
    line.trim()
        .strip_prefix('`')
        .and_then(|r| r.strip_suffix('`'))
        .is_some_and(|p| {
            p.len() > 1
                && p.starts_with('/')
                && !p.contains(|c: char| c.is_whitespace() || c == '`')
        })
}

/// The cells of a pipe-table line, split at unescaped `|` (the outer pipes
/// left out), trimmed.
fn pipe_line_cells(line: &str) -> Vec<&str> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = match t.strip_suffix('|') {
        Some(rest) if !rest.ends_with('\\') => rest,
        _ => t,
    };
    let b = t.as_bytes();
    let mut cells = Vec::new();
    let mut from = 0;
    for i in memchr::memchr_iter(b'|', b) {
        if i > 0 && b[i - 1] == b'\\' {
            continue;
        }
        cells.push(t[from..i].trim());
        from = i + 1;
    }
    cells.push(t[from..].trim());
    cells
}

/// The pipe-table delimiter rows that GFM refuses, with the number of
/// cells of their header: a line of `|`, `-`, `:` and spaces under a line
/// with a `|` and above another, whose cells are not as many as the
/// header's or are not `:?-+:?` (`| :--- | :--- ---- |` under three
/// cells). The spans are the rows' text, white space around left out.
fn bad_delimiter_rows(src: &str) -> Vec<(Span, usize)> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    for (start, end) in super::probe::delimiter_rows(src) {
        let line = &src[start..end];
        // Not in a block quote: its marks are no cells, nor to be written
        // over.
        if start == 0 || super::probe::quote_marks(line.as_bytes()) > 0 {
            continue;
        }
        let above_start = memchr::memrchr(b'\n', &b[..start - 1]).map_or(0, |j| j + 1);
        let above = &src[above_start..start - 1];
        let below_end =
            memchr::memchr(b'\n', &b[(end + 1).min(b.len())..]).map_or(b.len(), |j| end + 1 + j);
        let below = src.get((end + 1).min(b.len())..below_end).unwrap_or("");
        if !above.contains('|') || !below.contains('|') || above.trim().is_empty() {
            continue;
        }
        let header = pipe_line_cells(above).len();
        let cells = pipe_line_cells(line);
        let valid = |c: &&str| {
            let d = c.strip_prefix(':').unwrap_or(c);
            let d = d.strip_suffix(':').unwrap_or(d);
            !d.is_empty() && d.bytes().all(|x| x == b'-')
        };
        if header >= 2 && (cells.len() != header || !cells.iter().all(valid)) {
            let lead = line.len() - line.trim_start().len();
            let text = line.trim();
            out.push((Span::new(start + lead, start + lead + text.len()), header));
        }
    }
    out
}

/// Writes each delimiter row of `bad` in `text` right for its header's
/// cells (`|---|-|-|`) in as many bytes; false when one is too short (then
/// `text` is left half written).
fn with_delimiters_mended(text: &mut [u8], bad: &[(Span, usize)]) -> bool {
    for (at, cells) in bad {
        let len = at.len();
        // `|`, then a dash and a `|` per cell, the first cell taking the rest.
        let Some(extra) = len.checked_sub(2 * cells + 1) else {
            return false;
        };
        let mut row = vec![b'|'];
        for k in 0..*cells {
            row.extend(std::iter::repeat_n(
                b'-',
                1 + if k == 0 { extra } else { 0 },
            ));
            row.push(b'|');
        }
        text[at.start..at.end].copy_from_slice(&row);
    }
    true
}

/// Whether a heading names an HTTP request (`### GET /api/v4/nodes`).
fn has_request_heading(src: &str) -> bool {
    src.lines().any(|l| {
        let t = l.trim_start();
        t.starts_with('#') && is_request_line(t.trim_start_matches('#'))
    })
}

/// The HTTP methods a request line starts with.
const METHODS: &[&str] = &[
    "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT",
];

/// Whether `text` starts with an HTTP method's name: else it is no request
/// line (told before any copy of a cell is made).
pub(super) fn starts_with_method(text: &str) -> bool {
    METHODS.iter().any(|m| text.starts_with(m))
}

/// `GET /…`, `POST {endpoint}/…`, `DELETE https://…`, after white space,
/// backticks or `>`; or a path alone after the method, written without
/// its first `/` or without the space (`POST clusters/:name/hosts`,
/// `PUT/clusters/:name`: Apache Ambari).
pub(super) fn is_request_line(line: &str) -> bool {
    // Most lines are decided by their first byte after ASCII white space:
    // only a line going on with a non-ASCII character is trimmed by chars.
    let lead = line
        .bytes()
        .position(|c| !matches!(c, b'\t'..=b'\r' | b' ' | b'`' | b'>'))
        .unwrap_or(line.len());
    let t = match line.as_bytes().get(lead) {
        Some(c) if *c >= 0x80 => {
            line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '`' | '>'))
        }
        Some(c) if METHODS.iter().any(|m| m.as_bytes()[0] == *c) => &line[lead..],
        _ => return false,
    };
    METHODS.iter().any(|m| {
        t.strip_prefix(m).is_some_and(|rest| {
            let path = rest.trim_start();
            (rest.starts_with([' ', '\t'])
                && (path.starts_with(['/', '{']) || path.starts_with("http")))
                || (rest.starts_with(['/', ' ', '\t']) && is_lone_bare_path(path))
        })
    })
}

/// Whether `text` (past the method) is one path template and nothing else
/// but a closing backtick or the HTTP version: `clusters/:name/hosts`,
/// `/clusters/:name` (`PUT/clusters`), `api/v1/{id} HTTP/1.1`. A word and
/// a `/` (`GET/POST requests`, `GET requests/responses are`) is prose; a
/// path with a query (`GET api/x?cursor=…`) is a call given as an example
/// on a page about something else (Piiano Vault's API overview), not the
/// operation the page documents.
fn is_lone_bare_path(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches('`').trim_end();
    let text = text
        .rsplit_once(' ')
        .filter(|(_, v)| v.starts_with("HTTP/"))
        .map_or(text, |(p, _)| p.trim_end());
    let path = text.strip_prefix('/').unwrap_or(text);
    path.contains('/')
        && path.starts_with(|c: char| c.is_ascii_lowercase() || matches!(c, '{' | ':'))
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/{}:_-.,%*$~+".contains(c))
}
