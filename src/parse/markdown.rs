//! What the Markdown around a table does to it, from one pulldown-cmark pass:
//! code blocks (a `<table>` in a closed fence is an example, one in an
//! unclosed fence or an indented block is a broken table), HTML blocks (the
//! parts of a table that render as HTML), inline code, and GitHub pipe tables
//! with the exact spans of their cells.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::html::push_text_pieces;
use super::text::{Cell, Fragment, Piece};
use crate::source::Span;

/// How a code block was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// A fence with its closing fence: an example, never a table.
    ClosedFence,
    /// A fence that runs to the end of its container: it swallows what follows.
    UnclosedFence,
    /// Four spaces of indentation.
    Indented,
}

/// A GitHub pipe table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipeTable {
    /// The whole table.
    pub span: Span,
    /// The header row's cells.
    pub header: Vec<Cell>,
    /// The body rows' cells.
    pub rows: Vec<Vec<Cell>>,
}

/// The Markdown structure of one page.
#[derive(Debug, Default)]
pub struct Structure {
    /// Code blocks in order.
    pub code_blocks: Vec<(Span, CodeKind)>,
    /// Inline code spans in order.
    pub inline_code: Vec<Span>,
    /// HTML blocks (and inline HTML) in order.
    pub html: Vec<Span>,
    /// Pipe tables in order.
    pub pipe_tables: Vec<PipeTable>,
}

/// A line without its container prefixes (indentation, `>` of block quotes).
fn unquote(line: &str) -> &str {
    let mut l = line.trim_start();
    while let Some(rest) = l.strip_prefix('>') {
        l = rest.trim_start();
    }
    l
}

fn fence_closed(block: &str) -> bool {
    let mut lines = block.lines();
    let Some(first) = lines.next() else {
        return false;
    };
    let first = unquote(first);
    let Some(ch) = first.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return false;
    };
    let n = first.chars().take_while(|c| *c == ch).count();
    let Some(last) = block.lines().skip(1).last() else {
        return false;
    };
    let last = unquote(last).trim_end();
    last.len() >= n && last.chars().all(|c| c == ch)
}

struct PipeBuilder {
    table: PipeTable,
    in_head: bool,
    row: Vec<Cell>,
    cell: Option<(Cell, Vec<Piece>)>,
}

impl PipeBuilder {
    fn flush(&mut self, src: &str) {
        if let Some((cell, pieces)) = self.cell.as_mut()
            && let Some(f) = Fragment::from_pieces(src, std::mem::take(pieces))
        {
            cell.fragments.push(f);
        }
    }
}

/// Whether `text` can hold no code block, inline code or pipe table: it has
/// no `|`, backtick, `~` or tab, and never four spaces in a row (the least
/// indentation of an indented code block, past any container's). Then
/// [`structure`] finds none of them, and its HTML blocks matter only where
/// a table holds a blank line ([`has_blank_line`]).
pub fn is_plain(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3(b'|', b'`', b'~', b).is_none()
        && memchr::memchr(b'\t', b).is_none()
        && memchr::memmem::find(b, b"    ").is_none()
}

/// Whether a line of `span` after its first is blank (spaces, tabs, CR):
/// the only case [`Structure::break_after_blank_line`] reads the HTML
/// blocks for.
pub fn has_blank_line(src: &str, span: Span) -> bool {
    let b = &src.as_bytes()[span.start..span.end];
    memchr::memchr_iter(b'\n', b).any(|i| {
        let rest = &b[i + 1..];
        let j = rest
            .iter()
            .position(|c| !matches!(c, b' ' | b'\t' | b'\r'))
            .unwrap_or(rest.len());
        j < rest.len() && rest[j] == b'\n'
    })
}

/// Reads the Markdown structure of `src`, whose first `base` bytes (a BOM)
/// are left out of the parse; every span is still in file offsets.
pub fn structure(src: &str, base: usize) -> Structure {
    let text = &src[base..];
    let mut out = Structure::default();
    let mut pipe: Option<PipeBuilder> = None;
    let parser = Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter();
    for (event, range) in parser {
        let span = Span::new(range.start + base, range.end + base);
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let kind = match kind {
                    CodeBlockKind::Indented => CodeKind::Indented,
                    CodeBlockKind::Fenced(_) if fence_closed(&src[span.start..span.end]) => {
                        CodeKind::ClosedFence
                    }
                    CodeBlockKind::Fenced(_) => CodeKind::UnclosedFence,
                };
                out.code_blocks.push((span, kind));
            }
            Event::Start(Tag::HtmlBlock) => out.html.push(span),
            Event::Start(Tag::Table(_)) => {
                pipe = Some(PipeBuilder {
                    table: PipeTable {
                        span,
                        header: Vec::new(),
                        rows: Vec::new(),
                    },
                    in_head: false,
                    row: Vec::new(),
                    cell: None,
                });
            }
            Event::Start(Tag::TableHead) => {
                if let Some(p) = pipe.as_mut() {
                    p.in_head = true;
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(p) = pipe.as_mut() {
                    p.cell = Some((Cell::default(), Vec::new()));
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(p) = pipe.as_mut() {
                    p.flush(src);
                    if let Some((cell, _)) = p.cell.take() {
                        p.row.push(cell);
                    }
                }
            }
            Event::End(TagEnd::TableHead) => {
                if let Some(p) = pipe.as_mut() {
                    p.table.header = std::mem::take(&mut p.row);
                    p.in_head = false;
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let Some(p) = pipe.as_mut() {
                    let row = std::mem::take(&mut p.row);
                    p.table.rows.push(row);
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(p) = pipe.take() {
                    out.pipe_tables.push(p.table);
                }
            }
            Event::Code(code) => {
                out.inline_code.push(span);
                if let Some((_, pieces)) = pipe.as_mut().and_then(|p| p.cell.as_mut()) {
                    // `200` in backticks: the piece is the text inside them,
                    // so that the code's span is its digits.
                    let raw = &src[span.start..span.end];
                    let inner = raw.trim_matches('`');
                    let lead = raw.find(inner).unwrap_or(0);
                    let piece = if !inner.is_empty() && inner == code.as_ref() {
                        let start = span.start + lead;
                        Piece {
                            span: Span::new(start, start + inner.len()),
                            decoded: None,
                        }
                    } else {
                        Piece {
                            span,
                            decoded: Some(code.to_string()),
                        }
                    };
                    pieces.push(piece);
                }
            }
            Event::InlineHtml(_) | Event::Html(_) => {
                out.html.push(span);
                if let Some(p) = pipe.as_mut() {
                    // `<br>` and other tags inside a pipe cell: a tag that
                    // breaks the line (`<li>`, `</p>`) starts a new
                    // paragraph, as in an HTML table.
                    let tag = src[span.start..span.end].to_ascii_lowercase();
                    let name = tag.trim_start_matches('<').trim_start_matches('/');
                    let end = name
                        .find(|c: char| !c.is_ascii_alphanumeric())
                        .unwrap_or(name.len());
                    if tag.starts_with("<br")
                        || tag.starts_with("<p")
                        || tag.starts_with("</p")
                        || super::html::is_block_tag(&name.as_bytes()[..end])
                    {
                        p.flush(src);
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, pieces)) = pipe.as_mut().and_then(|p| p.cell.as_mut()) {
                    let raw = &src[span.start..span.end];
                    let escaped = span.start > base
                        && src.as_bytes()[span.start - 1] == b'\\'
                        && t.as_ref() == raw
                        && raw.as_bytes()[0].is_ascii_punctuation();
                    if escaped {
                        // `\-`: the backslash belongs to the character.
                        pieces.push(Piece {
                            span: Span::new(span.start - 1, span.start + 1),
                            decoded: Some(raw[..1].to_string()),
                        });
                        if raw.len() > 1 {
                            push_text_pieces(src, Span::new(span.start + 1, span.end), pieces);
                        }
                    } else if t.as_ref() == &src[span.start..span.end] {
                        push_text_pieces(src, span, pieces);
                    } else {
                        pieces.push(Piece {
                            span,
                            decoded: Some(t.to_string()),
                        });
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, pieces)) = pipe.as_mut().and_then(|p| p.cell.as_mut()) {
                    pieces.push(Piece {
                        span,
                        decoded: Some(" ".into()),
                    });
                }
            }
            _ => {}
        }
    }
    out.html.sort();
    out
}

impl Structure {
    /// The code block holding byte `at`, if any.
    pub fn code_block_at(&self, at: usize) -> Option<(Span, CodeKind)> {
        let i = self.code_blocks.partition_point(|(s, _)| s.start <= at);
        self.code_blocks[..i]
            .iter()
            .rev()
            .find(|(s, _)| s.end > at)
            .copied()
    }

    /// Whether byte `at` is inside inline code.
    pub fn in_inline_code(&self, at: usize) -> bool {
        let i = self.inline_code.partition_point(|s| s.start <= at);
        i > 0 && self.inline_code[i - 1].end > at
    }

    /// Where a blank line inside `span` breaks it: the first text after a
    /// blank line that does not start another HTML block and renders as a
    /// code block, or as a paragraph that takes in the markup of rows or
    /// cells (`请求参数有误。</td></tr><tr><td>401…`). `None` when every blank
    /// line is followed by HTML, or by a cell's text alone: that paragraph
    /// (`Code` between `<th>` and `</th>` on lines of their own, as SAP
    /// writes every cell) renders inside its cell, and the table stays one.
    pub fn break_after_blank_line(&self, src: &str, span: Span) -> Option<usize> {
        let b = src.as_bytes();
        let mut at = span.start;
        while let Some(i) = memchr::memchr(b'\n', &b[at..span.end]) {
            let line_start = at + i + 1;
            // Is the line starting here blank?
            let mut j = line_start;
            while j < span.end && matches!(b[j], b' ' | b'\t' | b'\r') {
                j += 1;
            }
            at = line_start;
            if j >= span.end || b[j] != b'\n' {
                continue;
            }
            // The first text after the blank line(s).
            let mut k = j;
            while k < span.end && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if k >= span.end {
                return None;
            }
            let i = self.html.partition_point(|h| h.end <= k);
            if self.html.get(i).is_some_and(|h| h.start <= k) {
                at = k;
                continue;
            }
            if self.code_block_at(k).is_some()
                || holds_table_markup(src, k, paragraph_end(b, k, span.end))
            {
                return Some(k);
            }
            at = k;
        }
        None
    }
}

/// Where the paragraph starting at `from` ends (at most at `end`): at a
/// blank line, or a line that starts an HTML block of a block-level tag
/// (`<tr>`, `</td>`), which interrupts a paragraph.
fn paragraph_end(b: &[u8], from: usize, end: usize) -> usize {
    memchr::memchr_iter(b'\n', &b[from..end])
        .map(|i| from + i + 1)
        .find(|&line| {
            let rest = &b[line..end];
            let j = rest
                .iter()
                .position(|c| !matches!(c, b' ' | b'\t' | b'\r'))
                .unwrap_or(rest.len());
            j >= rest.len() || rest[j] == b'\n' || (j < 4 && starts_block_tag(&rest[j..]))
        })
        .unwrap_or(end)
}

/// Whether `text` starts with a tag that opens a CommonMark HTML block
/// able to interrupt a paragraph (`<tr`, `</td>`, `<p>`, `<div …`).
fn starts_block_tag(text: &[u8]) -> bool {
    const NAMES: &[&str] = &[
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let Some(rest) = text.strip_prefix(b"<") else {
        return false;
    };
    let rest = rest.strip_prefix(b"/").unwrap_or(rest);
    let n = rest
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let after = rest.get(n).copied();
    let ends =
        after.is_none_or(|c| c.is_ascii_whitespace() || c == b'>') || rest[n..].starts_with(b"/>");
    ends && NAMES
        .iter()
        .any(|name| name.as_bytes().eq_ignore_ascii_case(&rest[..n]))
}

/// Whether `src[from..end]` holds a tag that makes or ends a table's rows
/// or cells (`<tr>`, `</td>`, `</table>`).
fn holds_table_markup(src: &str, from: usize, end: usize) -> bool {
    super::html::Tokenizer::new(src, from, end).any(|t| match t {
        super::html::Token::Start { name, .. } | super::html::Token::End { name, .. } => {
            ["tr", "td", "th", "thead", "tbody", "table"]
                .iter()
                .any(|want| super::html::name_is(src, name, want))
        }
        _ => false,
    })
}

/// The rows of a pipe table that a line inside a cell cut off: a cell
/// written over several lines, or holding a blank line, ends the table
/// there, and the rows below it (`|401|…|`) render as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CutRows {
    /// The first text that stops rendering as the table (past a blank
    /// line).
    pub at: Span,
    /// The rows below, read as the table's rows, with their file spans.
    pub rows: Vec<Vec<Cell>>,
    /// The end of the last of them.
    pub end: usize,
}

/// Lines that may stand between a table and the rows it lost: a cell's
/// other lines.
const MAX_CUT_LINES: usize = 6;

/// The line `[start, end)` holding byte `at` (without its line break).
fn line_at(b: &[u8], at: usize) -> (usize, usize) {
    let start = memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
    (start, end)
}

/// Where a line's text starts past its container prefixes (indentation,
/// `>` of block quotes).
fn content_start(b: &[u8], start: usize, end: usize) -> usize {
    let mut i = start;
    while i < end && matches!(b[i], b' ' | b'\t' | b'>') {
        i += 1;
    }
    i
}

/// Whether a line's text (past its prefixes) reads as a status row of a
/// pipe table: `|`, then a first cell that starts with three digits.
fn reads_as_status_row(text: &[u8]) -> bool {
    let Some(rest) = text.strip_prefix(b"|") else {
        return false;
    };
    let cell = rest
        .iter()
        .position(|c| *c == b'|')
        .map_or(rest, |i| &rest[..i]);
    let t = cell.trim_ascii();
    t.len() >= 3
        && t[..3].iter().all(u8::is_ascii_digit)
        && t[0] != b'0'
        && !t.get(3).is_some_and(u8::is_ascii_alphanumeric)
        && memchr::memchr(b'|', rest).is_some()
}

impl Structure {
    /// The rows `table` lost to a line inside one of its cells (see
    /// [`CutRows`]), when lines below it, past at most a few others, read
    /// as its status rows and are in no other table, code block or HTML
    /// block. A heading, a fence or another table ends the search.
    ///
    /// Only a cell left open is cut: the table's header ends with `|` and
    /// its last row does not, and a line below it closes the cell with `|`
    /// before the rows. A complete table followed by a note (`|404| 也可能…`)
    /// or by rows after a blank line is not cut.
    pub fn cut_rows(&self, src: &str, table: &PipeTable) -> Option<CutRows> {
        let b = src.as_bytes();
        let (header_start, header_end) = line_at(b, table.span.start);
        let delimiter = (header_end + 1).min(b.len());
        let (_, delimiter_end) = line_at(b, delimiter);
        // The table's last line; the search starts on the line after it.
        let last = table.span.end.saturating_sub(1).max(table.span.start);
        let (last_start, last_end) = line_at(b, last);
        let closed = |start: usize, end: usize| b[start..end].trim_ascii_end().ends_with(b"|");
        if !closed(header_start, header_end) || closed(last_start, last_end) {
            return None;
        }
        let mut at = last_end + 1;
        let mut cell_closed = false;
        let mut cut: Option<Span> = None;
        let mut rows: Vec<(usize, usize)> = Vec::new();
        let mut others = 0;
        while at < b.len() {
            let (start, end) = line_at(b, at);
            let text = content_start(b, start, end);
            let line = &b[text..end];
            let elsewhere = self.code_block_at(text).is_some()
                || self.in_html(text)
                || self
                    .pipe_tables
                    .iter()
                    .any(|t| t.span.start <= text && text < t.span.end);
            if cell_closed && !elsewhere && reads_as_status_row(line) {
                rows.push((text, end));
                others = 0;
            } else {
                let blank = line.trim_ascii().is_empty();
                if elsewhere
                    || line.starts_with(b"#")
                    || line.starts_with(b"```")
                    || line.starts_with(b"~~~")
                    || line.len() >= 6 && line[..6].eq_ignore_ascii_case(b"<table")
                {
                    break;
                }
                if !blank && cut.is_none() {
                    let trimmed = line.trim_ascii_end();
                    cut = Some(Span::new(text, text + trimmed.len()));
                }
                cell_closed |= !blank && line.trim_ascii_end().ends_with(b"|");
                others += 1;
                if others > MAX_CUT_LINES {
                    break;
                }
            }
            at = end + 1;
        }
        let (cut, &(_, end)) = (cut?, rows.last()?);
        // The rows read as pulldown-cmark reads a table: the table's header
        // and delimiter lines, then these rows, each without its prefixes;
        // every span is then moved back to the row's line in the file.
        let header_text = content_start(b, header_start, header_end);
        let delimiter_text = content_start(b, delimiter, delimiter_end);
        let mut text = String::new();
        text.push_str(&src[header_text..header_end]);
        text.push('\n');
        text.push_str(&src[delimiter_text..delimiter_end]);
        let mut lines: Vec<(usize, usize)> = Vec::with_capacity(rows.len());
        for &(row, row_end) in &rows {
            text.push('\n');
            lines.push((text.len(), row));
            text.push_str(&src[row..row_end]);
        }
        text.push('\n');
        let read = structure(&text, 0);
        let [t] = read.pipe_tables.as_slice() else {
            return None;
        };
        if t.rows.len() != rows.len() {
            return None;
        }
        let place = |s: &mut Span| {
            let k = lines.partition_point(|(from, _)| *from <= s.start);
            let (from, row) = lines[k.checked_sub(1)?];
            s.start = s.start - from + row;
            s.end = s.end - from + row;
            Some(())
        };
        let mut out = t.rows.clone();
        for cell in out.iter_mut().flatten() {
            for f in &mut cell.fragments {
                place(&mut f.span)?;
                for p in &mut f.pieces {
                    place(&mut p.span)?;
                }
            }
        }
        Some(CutRows {
            at: cut,
            rows: out,
            end,
        })
    }

    /// Whether byte `at` is inside an HTML block or inline HTML.
    fn in_html(&self, at: usize) -> bool {
        let i = self.html.partition_point(|h| h.start <= at);
        i > 0 && self.html[i - 1].end > at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences() {
        assert!(fence_closed("```\n<table>\n```\n"));
        assert!(fence_closed("   ~~~~ html\nx\n   ~~~~~"));
        assert!(!fence_closed("```\n<table>\n"));
        assert!(!fence_closed("```\n"));
        assert!(fence_closed("> ```html\n> <table>\n> ```"));
    }

    #[test]
    fn pipe_table_cells_have_exact_spans() {
        let src =
            "| 状态码 | 说明 |\n| --- | --- |\n| 400 Bad Request | 请求&amp;参数<br>错误。 |\n";
        let s = structure(src, 0);
        assert_eq!(s.pipe_tables.len(), 1);
        let t = &s.pipe_tables[0];
        assert_eq!(t.header[0].text(), "状态码");
        let cell = &t.rows[0][1];
        assert_eq!(cell.text(), "请求&参数\n错误。");
        let span = cell.span().unwrap();
        assert_eq!(&src[span.start..span.end], "请求&amp;参数<br>错误。");
    }

    #[test]
    fn list_items_in_a_pipe_cell_are_paragraphs() {
        let src = "| Status | Description |\n|---|---|\n\
                   | 400 | Errors:<br/><ul><li>400 - Invalid Field</li><li>400 - Missing Field</li></ul> |\n";
        let s = structure(src, 0);
        let cell = &s.pipe_tables[0].rows[0][1];
        assert_eq!(
            cell.text(),
            "Errors:\n400 - Invalid Field\n400 - Missing Field"
        );
        for f in &cell.fragments {
            assert_eq!(&src[f.span.start..f.span.end], f.text);
        }
    }

    #[test]
    fn blank_line_in_table_is_seen() {
        let ok = "<table><tr><td>200</td></tr>\n\n<tr><td>OK</td></tr></table>\n";
        let s = structure(ok, 0);
        assert_eq!(s.break_after_blank_line(ok, Span::new(0, ok.len())), None);
        let broken = "<table><tr><td>\n\n请求成功。</td></tr></table>\n";
        let s = structure(broken, 0);
        let at = s
            .break_after_blank_line(broken, Span::new(0, broken.len()))
            .unwrap();
        assert!(broken[at..].starts_with("请求成功"));
        // A table starting mid-line, without blank lines, is not broken.
        let inline = "状态码如下：<table><tr><th>状态码</th></tr>\n<tr><td>200</td></tr></table>\n";
        let s = structure(inline, 0);
        let start = inline.find("<table").unwrap();
        let span = Span::new(start, inline.len());
        assert_eq!(s.break_after_blank_line(inline, span), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
        /// Where `is_plain` lets pulldown-cmark be skipped, it would have
        /// found no code block, inline code or pipe table; and a table
        /// without a blank line is never broken by one.
        #[test]
        fn plain_text_holds_no_code_or_pipe_table(
            parts in proptest::collection::vec(
                "(\n|\n\n| |  |   |    |\t|- |1. |> |>|\\*|#|`|``|```|~~~|\\||---|a|状|<table>|</table>|<tr><td>|</td></tr>|<!--|-->|<pre>|</pre>|  \n|\r\n)",
                0..40,
            )
        ) {
            let text: String = parts.concat();
            let s = structure(&text, 0);
            if is_plain(&text) {
                proptest::prop_assert!(s.code_blocks.is_empty(), "{text:?}");
                proptest::prop_assert!(s.inline_code.is_empty(), "{text:?}");
                proptest::prop_assert!(s.pipe_tables.is_empty(), "{text:?}");
            }
            let span = Span::new(0, text.len());
            if !has_blank_line(&text, span) {
                proptest::prop_assert_eq!(s.break_after_blank_line(&text, span), None);
            }
        }
    }

    #[test]
    fn quoted_fences_close() {
        assert!(fence_closed("> ```html\n> <table>\n> ```"));
    }
}
