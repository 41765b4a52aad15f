//! A small HTML tokenizer that keeps the byte span of every token, and the
//! table builder on top of it.
//!
//! Why not scraper or html5ever: they build a DOM and forget where each node
//! came from, and doclint must point at (and fix) the exact bytes of a cell.
//! Why not html5gum: its spans are an opt-in layer over a full HTML5 state
//! machine, and doclint needs far less: tags with their attributes, text,
//! comments, entities. This tokenizer is a linear byte scan, allocates
//! nothing per token, never recurses (tables nested 20,000 deep are a counter)
//! and cannot fail: broken HTML becomes text or a tag that runs to the end.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::text::{Cell, Fragment, Piece};
use crate::source::Span;

/// One HTML token with its place in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    /// `<name attr…>`; `name` is the span of the tag name.
    Start {
        span: Span,
        name: Span,
        self_closing: bool,
    },
    /// `</name>`.
    End { span: Span, name: Span },
    /// Text between tags, entities not yet decoded.
    Text(Span),
    /// `<!-- … -->`, `<!DOCTYPE>`, `<?…>`.
    Comment(Span),
}

/// Splits `src[pos..end]` into tokens.
pub struct Tokenizer<'a> {
    src: &'a [u8],
    pos: usize,
    end: usize,
}

impl<'a> Tokenizer<'a> {
    /// Tokenizes `src` from byte `pos` to byte `end`.
    pub fn new(src: &'a str, pos: usize, end: usize) -> Self {
        Tokenizer {
            src: src.as_bytes(),
            pos,
            end: end.min(src.len()),
        }
    }

    /// Where the next token starts.
    pub fn position(&self) -> usize {
        self.pos
    }

    fn find_bytes(&self, from: usize, needle: &[u8]) -> Option<usize> {
        memchr::memmem::find(&self.src[from..self.end], needle).map(|i| from + i)
    }

    /// Scans a tag's name and attributes from `from` (just after the name
    /// start) to its `>`; returns the end (one past `>`) and whether it ends
    /// with `/>`. Attribute names and values are short: scanned a byte at a
    /// time, with no call per quoted value.
    fn tag_end(&self, mut i: usize) -> (usize, bool) {
        let s = &self.src[..self.end];
        loop {
            while i < s.len() && !TAG_STOPS[usize::from(s[i])] {
                i += 1;
            }
            match s.get(i) {
                None => return (self.end, false),
                Some(b'>') => return (i + 1, i > 0 && s[i - 1] == b'/'),
                Some(b'<') => return (i, false), // `<p <b>`: the tag was never closed.
                Some(&q) => {
                    // A quoted value; an unclosed quote runs to the end.
                    match s[i + 1..].iter().position(|&c| c == q) {
                        Some(j) => i = i + 1 + j + 1,
                        None => return (self.end, false),
                    }
                }
            }
        }
    }
}

/// The bytes that stop the scan of a tag's attributes: its end, a quote,
/// and a `<` that shows it was never closed.
static TAG_STOPS: [bool; 256] = {
    let mut stops = [false; 256];
    stops[b'>' as usize] = true;
    stops[b'<' as usize] = true;
    stops[b'"' as usize] = true;
    stops[b'\'' as usize] = true;
    stops
};

/// Where the first `<` at or after `from` is in `s`: most text between a
/// table's tags is a line break or a few words, looked at a byte at a time
/// before a call to `memchr`.
fn next_lt(s: &[u8], from: usize) -> Option<usize> {
    let near = s.len().min(from + 16);
    match s[from..near].iter().position(|&c| c == b'<') {
        Some(i) => Some(from + i),
        None => memchr::memchr(b'<', &s[near..]).map(|i| near + i),
    }
}

fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b':' || b == b'_'
}

impl Iterator for Tokenizer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let s = self.src;
        let start = self.pos;
        if start >= self.end {
            return None;
        }
        if s[start] != b'<' {
            let stop = next_lt(&s[..self.end], start).unwrap_or(self.end);
            self.pos = stop;
            return Some(Token::Text(Span::new(start, stop)));
        }
        let next = s.get(start + 1).copied().filter(|_| start + 1 < self.end);
        match next {
            Some(b'!') if s[start..self.end].starts_with(b"<!--") => {
                let stop = self
                    .find_bytes(start + 4, b"-->")
                    .map_or(self.end, |i| i + 3);
                self.pos = stop;
                Some(Token::Comment(Span::new(start, stop)))
            }
            Some(b'/') if !s.get(start + 2).is_some_and(|b| b.is_ascii_alphabetic()) => {
                // `</>` is ignored, `</ x>` is a bogus comment.
                let stop =
                    memchr::memchr(b'>', &s[start..self.end]).map_or(self.end, |i| start + i + 1);
                self.pos = stop;
                Some(Token::Comment(Span::new(start, stop)))
            }
            Some(b'!' | b'?') => {
                let stop =
                    memchr::memchr(b'>', &s[start..self.end]).map_or(self.end, |i| start + i + 1);
                self.pos = stop;
                Some(Token::Comment(Span::new(start, stop)))
            }
            Some(b'/') if s.get(start + 2).is_some_and(|b| b.is_ascii_alphabetic()) => {
                let name_start = start + 2;
                let mut i = name_start;
                while i < self.end && is_name_byte(s[i]) {
                    i += 1;
                }
                let name = Span::new(name_start, i);
                let (stop, _) = self.tag_end(i);
                self.pos = stop;
                Some(Token::End {
                    span: Span::new(start, stop),
                    name,
                })
            }
            Some(b) if b.is_ascii_alphabetic() => {
                let name_start = start + 1;
                let mut i = name_start;
                while i < self.end && is_name_byte(s[i]) {
                    i += 1;
                }
                let name = Span::new(name_start, i);
                let (stop, self_closing) = self.tag_end(i);
                self.pos = stop;
                Some(Token::Start {
                    span: Span::new(start, stop),
                    name,
                    self_closing,
                })
            }
            _ => {
                // A lone `<` is text.
                let stop = memchr::memchr(b'<', &s[start + 1..self.end])
                    .map_or(self.end, |i| start + 1 + i);
                self.pos = stop;
                Some(Token::Text(Span::new(start, stop)))
            }
        }
    }
}

/// Where the first `<!--` at or after `from` starts. Found by its `!`,
/// rare in documentation (`<` and `-` are not), with one call to `memchr`.
pub fn comment_open(b: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'!', b.get(at + 1..)?) {
        let bang = at + 1 + i;
        if b[bang - 1] == b'<' && b[bang + 1..].starts_with(b"--") {
            return Some(bang - 1);
        }
        at = bang;
    }
    None
}

/// Whether the tag name at `name` is `want` (ASCII, case-insensitive).
pub fn name_is(src: &str, name: Span, want: &str) -> bool {
    src.as_bytes()[name.start..name.end].eq_ignore_ascii_case(want.as_bytes())
}

/// The value of attribute `want` in the tag at `tag`, if present.
pub fn attribute<'a>(src: &'a str, tag: Span, want: &str) -> Option<&'a str> {
    let b = src.as_bytes();
    let mut i = tag.start + 1;
    while i < tag.end && is_name_byte(b[i]) {
        i += 1;
    }
    loop {
        while i < tag.end && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= tag.end || b[i] == b'>' {
            return None;
        }
        let n0 = i;
        while i < tag.end && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = &b[n0..i];
        let mut value: Option<&'a str> = None;
        if i < tag.end && b[i] == b'=' {
            i += 1;
            if i < tag.end && matches!(b[i], b'"' | b'\'') {
                let q = b[i];
                let v0 = i + 1;
                let v1 = memchr::memchr(q, &b[v0..tag.end]).map_or(tag.end, |j| v0 + j);
                value = Some(&src[v0..v1]);
                i = (v1 + 1).min(tag.end);
            } else {
                let v0 = i;
                while i < tag.end && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                value = Some(&src[v0..i]);
            }
        }
        if name.eq_ignore_ascii_case(want.as_bytes()) {
            return Some(value.unwrap_or(""));
        }
    }
}

/// Tags that start a new paragraph inside a cell.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "blockquote",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "caption",
];

/// Whether the lower-cased tag name `name` is one of [`BLOCK_TAGS`].
pub(super) fn is_block_tag(name: &[u8]) -> bool {
    BLOCK_TAGS.iter().any(|t| t.as_bytes() == name)
}

/// What a tag is to the table builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Td,
    Th,
    Tr,
    Caption,
    Thead,
    Table,
    /// Another tag of [`BLOCK_TAGS`]: it starts a new paragraph in a cell.
    Block,
    /// An inline tag (`<a>`, `<b>`, `<span>`).
    Inline,
}

/// The kind of the tag named `src[name]`, told once per tag. Most tags in
/// these tables are `<p>`, `<a>`, `<td>` and `<tr>`, so the name is matched
/// by its length and lower-cased bytes, not against each name in turn.
fn tag_of(src: &str, name: Span) -> Tag {
    let b = &src.as_bytes()[name.start..name.end];
    let mut lower = [0u8; 10];
    if b.len() > lower.len() {
        return Tag::Inline;
    }
    for (l, c) in lower.iter_mut().zip(b) {
        *l = c.to_ascii_lowercase();
    }
    match &lower[..b.len()] {
        b"td" => Tag::Td,
        b"th" => Tag::Th,
        b"tr" => Tag::Tr,
        b"caption" => Tag::Caption,
        b"thead" => Tag::Thead,
        b"table" => Tag::Table,
        l if is_block_tag(l) => Tag::Block,
        _ => Tag::Inline,
    }
}

/// Adds the text pieces of `src[span]` to `out`, one piece per entity.
pub fn push_text_pieces(src: &str, span: Span, out: &mut Vec<Piece>) {
    let b = src.as_bytes();
    let mut lit_start = span.start;
    let mut i = span.start;
    while let Some(j) = memchr::memchr(b'&', &b[i..span.end]) {
        let amp = i + j;
        // An entity is `&name;`, `&#123;` or `&#x1F;`, at most 32 bytes.
        let limit = (amp + 32).min(span.end);
        let semi = memchr::memchr(b';', &b[amp..limit]).map(|k| amp + k);
        let decoded = semi.and_then(|semi| {
            let body = &src[amp + 1..semi];
            let ok =
                !body.is_empty() && body.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'#');
            if !ok {
                return None;
            }
            let d = html_escape::decode_html_entities(&src[amp..=semi]);
            (d != src[amp..=semi]).then(|| d.into_owned())
        });
        match (semi, decoded) {
            (Some(semi), Some(text)) => {
                if amp > lit_start {
                    out.push(Piece {
                        span: Span::new(lit_start, amp),
                        decoded: None,
                    });
                }
                out.push(Piece {
                    span: Span::new(amp, semi + 1),
                    decoded: Some(text),
                });
                i = semi + 1;
                lit_start = i;
            }
            _ => i = amp + 1,
        }
    }
    if span.end > lit_start {
        out.push(Piece {
            span: Span::new(lit_start, span.end),
            decoded: None,
        });
    }
}

/// A table cell as written in HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCell {
    /// The text of the cell.
    pub cell: Cell,
    /// `<th>` rather than `<td>`.
    pub is_th: bool,
    /// `rowspan`, at least 1.
    pub rowspan: usize,
    /// `colspan`, at least 1.
    pub colspan: usize,
}

/// A table row as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawRow {
    /// The cells in source order (before rowspan and colspan are resolved).
    pub cells: Vec<RawCell>,
    /// The row is in `<thead>`.
    pub in_thead: bool,
    /// The `<tr>` tag.
    pub span: Span,
}

/// An HTML table as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlTable {
    /// From `<table` to the end of `</table>` (or of the file, if unclosed).
    pub span: Span,
    /// The rows of the outermost table; nested tables are text of their cell.
    pub rows: Vec<RawRow>,
    /// Whether `</table>` was found.
    pub closed: bool,
    /// The text of its `<caption>`, if it has one.
    pub caption: Option<String>,
}

fn span_number(v: Option<&str>) -> usize {
    v.and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|n| *n >= 1)
        .map_or(1, |n| n.min(1000))
}

/// `rowspan` and `colspan` of the tag at `tag`; most tags have neither, so
/// look for `span` once before parsing attributes.
fn spans(src: &str, tag: Span) -> (usize, usize) {
    let bytes = &src.as_bytes()[tag.start..tag.end];
    let has_span = memchr::memchr2_iter(b's', b'S', bytes).any(|i| {
        bytes
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"span"))
    });
    if !has_span {
        return (1, 1);
    }
    (
        span_number(attribute(src, tag, "rowspan")),
        span_number(attribute(src, tag, "colspan")),
    )
}

/// Reads the table whose `<table` tag starts at `start`.
pub fn read_table(src: &str, start: usize) -> HtmlTable {
    read_rows(src, start, usize::MAX)
}

/// Reads at most `max_rows` rows of the table at `start`: enough to tell a
/// status table from another kind without reading all of it. The span of a
/// table cut short ends where reading stopped.
pub fn read_rows(src: &str, start: usize, max_rows: usize) -> HtmlTable {
    let mut table = HtmlTable {
        span: Span::new(start, src.len()),
        ..HtmlTable::default()
    };
    let mut depth = 0usize;
    let mut in_thead = false;
    let mut row: Option<RawRow> = None;
    let mut cell: Option<RawCell> = None;
    let mut caption: Option<Vec<Piece>> = None;
    // The pieces of the open cell's paragraph: one list for the table,
    // copied into a fragment only when they hold text.
    let mut pieces: Vec<Piece> = Vec::new();

    // Closes the paragraph being built in the open cell.
    fn flush(src: &str, cell: &mut Option<RawCell>, pieces: &mut Vec<Piece>) {
        if let Some(c) = cell.as_mut()
            && !pieces.is_empty()
            && let Some(f) = Fragment::from_piece_slice(src, pieces)
        {
            c.cell.fragments.push(f);
        }
        pieces.clear();
    }
    fn close_cell(
        src: &str,
        cell: &mut Option<RawCell>,
        pieces: &mut Vec<Piece>,
        row: &mut Option<RawRow>,
    ) {
        flush(src, cell, pieces);
        if let Some(mut c) = cell.take() {
            unemphasize_code(src, &mut c.cell);
            row.get_or_insert_with(RawRow::default).cells.push(c);
        }
    }

    let mut tokens = Tokenizer::new(src, start, src.len());
    for tok in tokens.by_ref() {
        let (span, name, end, self_closing) = match tok {
            Token::Start {
                span,
                name,
                self_closing,
            } => (span, name, false, self_closing),
            Token::End { span, name } => (span, name, true, false),
            Token::Text(span) => {
                if cell.is_some() {
                    push_text_pieces(src, span, &mut pieces);
                } else if let Some(pieces) = caption.as_mut() {
                    push_text_pieces(src, span, pieces);
                }
                continue;
            }
            Token::Comment(_) => continue,
        };
        let tag = tag_of(src, name);
        match (tag, end) {
            (Tag::Td | Tag::Th, false) if depth == 1 => {
                close_cell(src, &mut cell, &mut pieces, &mut row);
                if row.is_none() {
                    row = Some(RawRow {
                        in_thead,
                        span,
                        ..RawRow::default()
                    });
                }
                let (rowspan, colspan) = spans(src, span);
                cell = Some(RawCell {
                    cell: Cell::default(),
                    is_th: tag == Tag::Th,
                    rowspan,
                    colspan,
                });
            }
            (Tag::Td | Tag::Th, true) if depth == 1 => {
                close_cell(src, &mut cell, &mut pieces, &mut row)
            }
            (Tag::Tr, false) if depth == 1 => {
                close_cell(src, &mut cell, &mut pieces, &mut row);
                if let Some(r) = row.take() {
                    table.rows.push(r);
                }
                row = Some(RawRow {
                    in_thead,
                    span,
                    ..RawRow::default()
                });
            }
            (Tag::Tr, true) if depth == 1 => {
                close_cell(src, &mut cell, &mut pieces, &mut row);
                if let Some(r) = row.take() {
                    table.rows.push(r);
                }
                if table.rows.len() >= max_rows {
                    break;
                }
            }
            (Tag::Caption, false) if depth == 1 => caption = Some(Vec::new()),
            (Tag::Caption, true) if depth == 1 => {
                if let Some(pieces) = caption.take() {
                    table.caption = Fragment::from_pieces(src, pieces).map(|f| f.text);
                }
            }
            (Tag::Thead, false) if depth == 1 => in_thead = true,
            (Tag::Thead, true) if depth == 1 => in_thead = false,
            (Tag::Table, false) => {
                flush(src, &mut cell, &mut pieces);
                if !self_closing {
                    depth += 1;
                }
            }
            (Tag::Table, true) => {
                flush(src, &mut cell, &mut pieces);
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    table.span.end = span.end;
                    table.closed = true;
                    break;
                }
            }
            // `<thead>` of a nested table is not a block of the cell.
            (Tag::Inline | Tag::Thead, _) => {}
            _ => {
                if cell.is_some() {
                    flush(src, &mut cell, &mut pieces);
                }
            }
        }
    }
    close_cell(src, &mut cell, &mut pieces, &mut row);
    if let Some(r) = row.take() {
        table.rows.push(r);
    }
    if !table.closed {
        table.span.end = tokens.position().max(start);
    }
    table
}

/// A code in Markdown emphasis (`*400*`, `**400 Bad Request**`), as a
/// cell's text renders when a blank line before it makes it a paragraph
/// (SAP writes every cell so): read without the marks, which the reader
/// does not see.
fn unemphasize_code(src: &str, cell: &mut Cell) {
    let Some(first) = cell.fragments.first() else {
        return;
    };
    let t = first.text.as_bytes();
    let Some(&mark @ (b'*' | b'_')) = t.first() else {
        return;
    };
    let n = t.iter().take_while(|&&b| b == mark).count();
    let closing = t.iter().rev().take_while(|&&b| b == mark).count();
    if n > 3 || closing != n || t.len() <= 2 * n || !t[n].is_ascii_digit() {
        return;
    }
    let chars = first.text.chars().count();
    if let Some(inner) = super::page::sub_fragment(src, first, n, chars - n) {
        cell.fragments[0] = inner;
    }
}

/// `able` is rare in these pages, `<t` is in every cell: the finders search
/// for the rarer part, and a start is found by looking back.
static LOWER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"able"));
static UPPER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"ABLE"));

/// The `<table` start tags `finder` finds in `b[..end]`, in order.
fn starts_before<'a>(
    b: &'a [u8],
    end: usize,
    finder: &'a Finder<'static>,
) -> impl Iterator<Item = usize> + 'a {
    starts_between(b, 0, end, finder)
}

/// The `<table` start tags `finder` finds in `b[from..end]`, in order.
fn starts_between<'a>(
    b: &'a [u8],
    from: usize,
    end: usize,
    finder: &'a Finder<'static>,
) -> impl Iterator<Item = usize> + 'a {
    finder
        .find_iter(&b[from..end])
        .map(move |i| from + i)
        .filter(move |&i| i >= 2 && b[i - 2] == b'<' && b[i - 1].eq_ignore_ascii_case(&b't'))
        .map(|i| i - 2)
        .filter(move |&i| {
            b[i + 2..i + 6].eq_ignore_ascii_case(b"able")
                && b.get(i + 6)
                    .is_none_or(|c| c.is_ascii_whitespace() || *c == b'>' || *c == b'/')
        })
}

/// Every `<table` start tag in `src`, in any letter case, sorted (not
/// `<table_name>` or `<tables>`).
pub fn table_starts(src: &str) -> Vec<usize> {
    let b = src.as_bytes();
    let mut out: Vec<usize> = starts_before(b, b.len(), &LOWER)
        .chain(starts_before(b, b.len(), &UPPER))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// [`table_starts`] found as they are asked for: a caller that stops at
/// the first table searches the text no further than it. Upper-case tags
/// (rare) are searched for up to the next lower-case one.
pub fn table_starts_lazily(src: &str) -> impl Iterator<Item = usize> + '_ {
    let b = src.as_bytes();
    let mut lower = starts_before(b, b.len(), &LOWER).peekable();
    let (mut upper_from, mut upper) = (0, None);
    std::iter::from_fn(move || {
        let next_lower = lower.peek().copied();
        if upper.is_none() {
            // A tag found in `b[..l + 2]` starts before `l`; one that runs
            // past `end` is found by the next search, from `end - 3`.
            let end = next_lower.map_or(b.len(), |l| l + 2);
            if upper_from < end {
                upper = starts_between(b, upper_from, end, &UPPER).next();
                upper_from = match upper {
                    Some(u) => u + 6,
                    None => end.saturating_sub(3).max(upper_from),
                };
            }
        }
        match (next_lower, upper) {
            (Some(l), Some(u)) if u < l => upper.take(),
            (Some(_), _) => lower.next(),
            (None, Some(_)) => upper.take(),
            (None, None) => None,
        }
    })
}

/// The first of [`table_starts`], searching no further than it.
pub fn first_table_start(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let lower = starts_before(b, b.len(), &LOWER).next();
    // An upper-case tag matters only before the first lower-case one.
    let end = lower.map_or(b.len(), |l| l + 2);
    let upper = starts_before(b, end, &UPPER).next();
    lower.into_iter().chain(upper).min()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &HtmlTable) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.cell.text()).collect())
            .collect()
    }

    #[test]
    fn reads_rows_cells_and_paragraphs() {
        let src = "<table><thead><tr><th><p>状态码</p></th><th>说明</th></tr></thead>\n<tbody><tr><td rowspan=\"2\"><p>400</p></td><td><p>a&amp;b</p><p>c</p></td></tr></tbody></table> tail";
        let t = read_table(src, 0);
        assert!(t.closed);
        assert_eq!(&src[t.span.start..t.span.end], &src[..src.len() - 5]);
        assert_eq!(
            texts(&t),
            vec![vec!["状态码", "说明"], vec!["400", "a&b\nc"]]
        );
        assert!(t.rows[0].in_thead);
        assert_eq!(t.rows[1].cells[0].rowspan, 2);
        let cell = &t.rows[1].cells[1].cell;
        let span = cell.span().unwrap();
        assert_eq!(&src[span.start..span.end], "a&amp;b</p><p>c");
    }

    #[test]
    fn nested_and_unclosed_tables_do_not_break() {
        let deep = "<table>".repeat(20_000);
        let t = read_table(&deep, 0);
        assert!(!t.closed);
        assert_eq!(t.span.end, deep.len());
        let src = "<table><tr><td>1<table><tr><td>x</td></tr></table></td></tr></table>";
        let t = read_table(src, 0);
        assert_eq!(texts(&t), vec![vec!["1\nx"]]);
    }

    #[test]
    fn attributes() {
        let src = "<td class='a b' rowspan=3 colspan=\"2\">";
        let span = Span::new(0, src.len());
        assert_eq!(attribute(src, span, "rowspan"), Some("3"));
        assert_eq!(attribute(src, span, "colspan"), Some("2"));
        assert_eq!(attribute(src, span, "id"), None);
    }

    proptest::proptest! {
        /// Found as asked for, the starts are all the starts, in order.
        #[test]
        fn table_starts_lazily_are_table_starts(
            parts in proptest::collection::vec(
                "(<table|<TABLE|<Table|able|ABLE|<t|<T|x| |>|/|\n)",
                0..40,
            ),
        ) {
            let src = parts.concat();
            let lazy: Vec<usize> = table_starts_lazily(&src).collect();
            proptest::prop_assert_eq!(lazy, table_starts(&src), "{:?}", src);
        }

        /// Found by their `!`, comments start where a search for `<!--`
        /// finds them.
        #[test]
        fn comment_open_finds_what_memmem_finds(
            parts in proptest::collection::vec("(<!--|<!|!--|<|!|-|--|x|<!-)", 0..30),
            from in 0usize..40,
        ) {
            let src = parts.concat();
            let b = src.as_bytes();
            let want = b.get(from..).and_then(|t| memchr::memmem::find(t, b"<!--")).map(|i| from + i);
            proptest::prop_assert_eq!(comment_open(b, from), want, "{:?}", src);
        }
    }

    #[test]
    fn table_starts_skip_words() {
        let src = "<table_name> <tables> <table> <TABLE class=x><Table>";
        assert_eq!(table_starts(src), vec![22, 30, 45]);
        assert_eq!(first_table_start(src), Some(22));
        assert_eq!(first_table_start("a <TABLE> b <table>"), Some(2));
        assert_eq!(first_table_start("a <table> b <TABLE>"), Some(2));
        assert_eq!(first_table_start("no tables, a table word"), None);
    }
}
