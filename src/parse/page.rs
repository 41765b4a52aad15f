//! Reading the rows of status tables.
//!
//! The stages: [`probe`] (`probe.rs`) looks at the first rows of every
//! table, in document order, without parsing any Markdown, and turns most
//! files down; the pages left are read whole ([`parse_str`] → [`examine`] in
//! `decide.rs`), with pulldown-cmark for what the Markdown does to each
//! table. What a table is comes from its cells (`classify.rs`); this module
//! reads the rows of the tables `classify` calls status reference tables:
//! codes, reason phrases and descriptions, each with its exact span.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::classify::{CellType, ColumnType, Typing, classify, type_cell};
use super::html::HtmlTable;
use super::text::{Cell, Fragment, Piece};
use crate::source::{BOM, DecodeError, Span, decode_any};

/// Whether a row reports success or failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    /// 正常 / 成功: 1xx, 2xx and 3xx codes belong here.
    Success,
    /// 异常 / 错误: 4xx and 5xx codes belong here.
    Error,
}

/// The language of a description, told by its script: descriptions are
/// compared only within one language. Chinese and English first, as they
/// always were (their order is the order of every list by language); the
/// others after them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// Chinese: Han ideographs without kana or Hangul.
    Zh,
    /// Anything else, most of all English and other Latin-script text.
    En,
    /// Japanese: any kana (its text mixes kana and Han ideographs).
    Ja,
    /// Korean: any Hangul.
    Ko,
    /// Cyrillic letters, most of them.
    Ru,
    /// Greek letters, most of them.
    El,
    /// Arabic letters, most of them.
    Ar,
    /// Hebrew letters, most of them.
    He,
    /// Thai letters, most of them.
    Th,
    /// Devanagari letters, most of them.
    Hi,
}

impl Lang {
    /// Every language, in order.
    pub const ALL: [Lang; 10] = [
        Lang::Zh,
        Lang::En,
        Lang::Ja,
        Lang::Ko,
        Lang::Ru,
        Lang::El,
        Lang::Ar,
        Lang::He,
        Lang::Th,
        Lang::Hi,
    ];

    /// The language of `text`: Japanese when it holds kana, Korean when it
    /// holds Hangul, Chinese when it holds Han ideographs, else the script
    /// most of its letters are in (`Timeout after 5 µs` stays English), and
    /// English when that is Latin or there is none.
    pub fn of(text: &str) -> Lang {
        if text.is_ascii() {
            return Lang::En;
        }
        let (mut han, mut latin) = (false, 0usize);
        let mut others = [0usize; 6];
        for c in text.chars() {
            // Most letters are ASCII or Han: told first.
            if c.is_ascii() {
                latin += usize::from(c.is_ascii_alphabetic());
                continue;
            }
            if is_cjk(c) {
                han = true;
                continue;
            }
            match c {
                // `・` and `ー` are written in Chinese too.
                '\u{3041}'..='\u{30fa}' | '\u{30fd}'..='\u{30ff}' | '\u{31f0}'..='\u{31ff}' => {
                    return Lang::Ja;
                }
                '\u{ff66}'..='\u{ff9d}' => return Lang::Ja,
                '\u{ac00}'..='\u{d7a3}' | '\u{1100}'..='\u{11ff}' | '\u{3131}'..='\u{318e}' => {
                    return Lang::Ko;
                }
                '\u{c0}'..='\u{24f}' => latin += 1,
                '\u{400}'..='\u{4ff}' => others[0] += 1,
                '\u{370}'..='\u{3ff}' => others[1] += 1,
                '\u{600}'..='\u{6ff}' => others[2] += 1,
                '\u{590}'..='\u{5ff}' => others[3] += 1,
                '\u{e00}'..='\u{e7f}' => others[4] += 1,
                '\u{900}'..='\u{97f}' => others[5] += 1,
                _ => {}
            }
        }
        if han {
            return Lang::Zh;
        }
        // The first script with the most letters, when it outnumbers Latin.
        let (most, n) =
            others.iter().enumerate().fold(
                (0, 0),
                |best, (i, &n)| if n > best.1 { (i, n) } else { best },
            );
        match n > latin {
            true => [Lang::Ru, Lang::El, Lang::Ar, Lang::He, Lang::Th, Lang::Hi][most],
            false => Lang::En,
        }
    }

    /// Its short name (`zh`, `en`, `ja`…), as the config and reports write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
            Lang::Ru => "ru",
            Lang::El => "el",
            Lang::Ar => "ar",
            Lang::He => "he",
            Lang::Th => "th",
            Lang::Hi => "hi",
        }
    }

    /// The language of a short name ([`Lang::as_str`]).
    pub fn named(name: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// `<table>` in the Markdown.
    Html,
    /// A GitHub pipe table.
    Pipe,
}

/// Why a table does not render as a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrokenKind {
    /// It sits in a code fence that is never closed.
    UnclosedFence,
    /// It is indented into a code block.
    IndentedCode,
    /// A blank line inside it ends the HTML block; what follows becomes a
    /// code block.
    BlankLineCode,
    /// A blank line inside it ends the HTML block; what follows becomes a
    /// paragraph.
    BlankLineParagraph,
    /// A pipe table's cell goes on over another line (or holds a blank
    /// line): the table ends there, and its rows below render as text.
    CutCell,
    /// A pipe table's delimiter row does not match its header (another
    /// number of cells, or a cell that is not `:?-+:?`): the whole table
    /// renders as a paragraph of text.
    Delimiter,
}

/// A table that renders broken, and where it breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Broken {
    /// What breaks it.
    pub kind: BrokenKind,
    /// The bytes to point at: the fence, or the first text that stops
    /// rendering as HTML.
    pub at: Span,
}

/// A status table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The whole table.
    pub span: Span,
    /// HTML or pipe.
    pub kind: TableKind,
    /// The section it holds, from its list item, caption or header.
    pub section: Option<Section>,
    /// Where the section was read: the list item, caption or header cell.
    pub section_from: Option<Span>,
    /// Set when the table does not render as a table.
    pub broken: Option<Broken>,
    /// The header cells' text.
    pub header: Vec<String>,
}

/// One status row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The status code.
    pub code: u16,
    /// The three digits in the file.
    pub code_span: Span,
    /// The reason phrase (`Bad Request`), from its own column or the code cell.
    pub reason: Option<Cell>,
    /// The description (`服务器未能处理请求。`).
    pub description: Option<Cell>,
    /// Index into [`Page::tables`].
    pub table: usize,
}

impl Row {
    /// The language of the description, if there is one.
    pub fn lang(&self) -> Option<Lang> {
        self.description.as_ref().map(|d| Lang::of(&d.text_cow()))
    }
}

/// The language most of `langs` are in (the first in [`Lang`]'s order of
/// those tied), `None` when there are none.
pub fn most_used(langs: impl Iterator<Item = Lang>) -> Option<Lang> {
    let mut counts = [0usize; Lang::ALL.len()];
    for l in langs {
        counts[l as usize] += 1;
    }
    let (i, n) = counts.iter().enumerate().fold(
        (0, 0),
        |best, (i, &n)| if n > best.1 { (i, n) } else { best },
    );
    (n > 0).then(|| Lang::ALL[i])
}

/// The language of each of `tables` tables: the one most descriptions of
/// its `rows` are in ([`most_used`]), `None` for a table without
/// descriptions. A page in two languages gives each its table.
pub fn table_languages(rows: &[Row], tables: usize) -> Vec<Option<Lang>> {
    (0..tables)
        .map(|t| most_used(rows.iter().filter(|r| r.table == t).filter_map(Row::lang)))
        .collect()
}

/// A status-code page.
#[derive(Debug, Clone)]
pub struct Page {
    /// The title: the first heading, else the file stem.
    pub title: String,
    /// The status tables in order.
    pub tables: Vec<Table>,
    /// The status rows in order.
    pub rows: Vec<Row>,
}

impl Page {
    /// The section of `row`.
    pub fn section(&self, row: &Row) -> Option<Section> {
        self.tables[row.table].section
    }
}

pub(crate) fn normalize_header(h: &str) -> String {
    h.trim()
        .trim_end_matches([':', '：'])
        .chars()
        .filter(|c| !c.is_whitespace() || *c == ' ')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a header names HTTP headers (`Response headers`): such a column
/// is never a code's text.
pub(crate) fn names_headers(h: &str) -> bool {
    super::classify::names_headers(&normalize_header(h))
}

/// Header words of a description column.
pub(crate) fn is_description_header(h: &str) -> bool {
    description_rank(h) > 0
}

/// How strongly a header names the description column: 2 for an
/// explanation (说明, 描述, Description), 1 for a meaning (含义, Meaning:
/// beside an explanation, often a short name of the code), else 0.
fn description_rank(h: &str) -> u8 {
    let h = normalize_header(h);
    if ["说明", "描述", "状态说明", "description"].contains(&h.as_str()) || h.ends_with("说明")
    {
        2
    } else if ["含义", "meaning"].contains(&h.as_str()) {
        1
    } else {
        0
    }
}

/// Reads a status code at the start of `text`: `400`, `400 Bad Request`,
/// `400 (Bad Request)`, `200（OK）`, `HTTP 400`, `HTTP/1.1 200 OK`. Returns the
/// code, the byte offset of its digits in `text`, and the byte range of the
/// reason phrase after it (empty when there is none).
pub fn parse_code(text: &str) -> Option<(u16, usize, std::ops::Range<usize>)> {
    let trimmed = text.trim_start();
    let mut at = text.len() - trimmed.len();
    if let Some(r) = trimmed.strip_prefix("HTTP") {
        // `HTTP 400`, `HTTP/1.1 400`, `HTTP/2 400`.
        let r = r.strip_prefix('/').map_or(r, |v| {
            v.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        });
        at = text.len() - r.trim_start().len();
    }
    let b = text.as_bytes();
    if b.len() < at + 3 || !b[at..at + 3].iter().all(u8::is_ascii_digit) {
        return None;
    }
    // `4001`, `404.01` and `400X` are other kinds of code.
    if let Some(&next) = b.get(at + 3)
        && (next.is_ascii_alphanumeric() || next == b'.' || next == b'_')
    {
        return None;
    }
    let code: u16 = text[at..at + 3].parse().ok()?;
    if !(100..=999).contains(&code) {
        return None;
    }
    let rest = &text[at + 3..];
    let skip = rest
        .char_indices()
        .find(|(_, c)| {
            !(c.is_whitespace() || matches!(c, ':' | '：' | '-' | '–' | '—' | '(' | '（'))
        })
        .map_or(rest.len(), |(i, _)| i);
    let mut reason = at + 3 + skip..text.len();
    // `404、410`, `500/503`: more codes, not a reason phrase.
    if text[reason.clone()].starts_with(|c: char| c.is_ascii_digit())
        || rest
            .trim_start()
            .starts_with(['、', '/', ',', '，', '|', '&'])
    {
        reason = text.len()..text.len();
    }
    // `(Bad Request)`: the reason is inside the brackets; `Not Found
    // (resource)`: a qualifier after it is not part of it.
    let inner = text[reason.clone()].trim_end();
    let inner = if rest[..skip].contains(['(', '（']) {
        inner.strip_suffix([')', '）']).unwrap_or(inner).trim_end()
    } else {
        match inner.find(['(', '（']) {
            Some(i) if i > 0 => inner[..i].trim_end(),
            _ => inner,
        }
    };
    reason.end = reason.start + inner.len();
    Some((code, at, reason))
}

/// Levenshtein distance between two short strings.
pub(crate) fn distance(a: &[u8], b: &[u8]) -> usize {
    // One row of the table, updated in place: `diag` keeps the cell above
    // and to the left. Short phrases (all of [`reason_like`]'s) keep it on
    // the stack.
    let (mut stack, mut heap);
    let row: &mut [usize] = if b.len() <= KEY {
        stack = [0usize; KEY + 1];
        &mut stack[..=b.len()]
    } else {
        heap = vec![0usize; b.len() + 1];
        &mut heap
    };
    for (j, r) in row.iter_mut().enumerate() {
        *r = j;
    }
    for (i, ca) in a.iter().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (diag + usize::from(ca != cb)).min(up + 1).min(row[j] + 1);
            diag = up;
        }
    }
    row[b.len()]
}

/// Whether `text` reads like a reason phrase for `code` (`Bad Request`,
/// `Accept`, `multiple choices`, `Service Unavaliable`) rather than a
/// description: a short phrase of Latin letters within a few typos of the
/// registered phrase (current or former).
pub(crate) fn reason_like(text: &str, code: u16) -> bool {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 48 {
        return false;
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\'' | '\u{a0}' | '(' | ')'))
    {
        return false;
    }
    if text.split_whitespace().count() > 6 {
        return false;
    }
    let Some(status) = crate::registry::lookup(code) else {
        // An unregistered code: any short phrase of words is a reason phrase.
        return true;
    };
    // The letters of each phrase, lower-cased, on the stack: this runs for
    // most short cells beside a code. `text` has at most 48 characters, and
    // no registered phrase has more than [`KEY`] letters (tested).
    let (mut found, mut other) = ([0u8; KEY], [0u8; KEY]);
    let found = letters(text, &mut found);
    std::iter::once(status.reason)
        .chain(status.former.iter().copied())
        .any(|r| {
            // The phrase's words with more around them name something
            // (`VPC not found`, `Conflict Found`): an error message, not
            // a phrase misspelt.
            if says_more_than(text, r) {
                return false;
            }
            let r = letters(r, &mut other);
            // Within 30% of the longer phrase: `accept`/`accepted` (2 of 8),
            // not `invalidrequest`/`badrequest` (6 of 14). The distance is
            // at least the difference in length: most phrases are decided
            // by that alone.
            let within = |d: usize| d * 10 <= found.len().max(r.len()) * 3;
            found == r || within(found.len().abs_diff(r.len())) && within(distance(found, r))
        })
}

/// Whether `text` holds the words of `phrase` in a row (case aside), and
/// other words too.
fn says_more_than(text: &str, phrase: &str) -> bool {
    // Most cells are no longer than the phrase: told by their length.
    if text.len() <= phrase.len() + 1 {
        return false;
    }
    let n = text.split_whitespace().count();
    let m = phrase.split_whitespace().count();
    n > m
        && (0..=n - m).any(|at| {
            text.split_whitespace()
                .skip(at)
                .zip(phrase.split_whitespace())
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
}

/// The most letters [`reason_like`] compares of a phrase.
const KEY: usize = 64;

/// The ASCII letters of `s`, lower-cased, in `buf` (at most [`KEY`]).
fn letters<'a>(s: &str, buf: &'a mut [u8; KEY]) -> &'a [u8] {
    let mut n = 0;
    for b in s.bytes().filter(u8::is_ascii_alphabetic).take(KEY) {
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    &buf[..n]
}

/// Whether `text` could be a reason phrase at all: Latin words, spaces and
/// the marks reason phrases use (`Request-URI Too Long`, `I'm a teapot`,
/// `(Unused)`).
fn is_phrase(text: &str) -> bool {
    let t = text.trim();
    t.starts_with(|c: char| c.is_ascii_alphabetic() || c == '(')
        && t.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, ' ' | '-' | '\'' | '.' | '(' | ')' | '/' | '\u{a0}')
        })
}

/// Whether `text`, not the reason phrase of `code`, still reads as a reason
/// phrase, a wrong one, and not a sentence: one word (`overLimit`),
/// capitalized words (`Server Internal Error`), another code's phrase
/// (`Bad Request` for 404), or the words of `code`'s phrase in another order
/// (`server internal error`).
fn is_phrase_for(text: &str, code: u16) -> bool {
    if !is_phrase(text) {
        return false;
    }
    if text.split_whitespace().nth(1).is_none()
        || text
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        || crate::registry::is_some_reason(text)
    {
        return true;
    }
    let bag = |s: &str| {
        let mut w: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
        w.sort_unstable();
        w
    };
    crate::registry::lookup(code).is_some_and(|s| bag(s.reason) == bag(text))
}

/// An empty cell, or one that says nothing (`-`, `N/A`, `None`, `无`): no
/// description, no reason phrase.
/// Whether `cell` says `code` and nothing else (`| **200** | 200 |`).
fn says_code(cell: &Cell, code: u16) -> bool {
    let t = cell.text_cow();
    let t = t.trim();
    t.len() == 3 && t.parse() == Ok(code)
}

fn is_placeholder(cell: &Cell) -> bool {
    super::classify::is_placeholder(cell.text_cow().trim())
}

/// Cuts `fragment` to its characters `from..to` (indexes into its text).
pub(super) fn sub_fragment(
    src: &str,
    fragment: &Fragment,
    from: usize,
    to: usize,
) -> Option<Fragment> {
    let chars = fragment.chars(src);
    let start = chars.get(from)?.1.start;
    let end = chars.get(to.checked_sub(1)?)?.1.end;
    let pieces: Vec<Piece> = fragment
        .pieces
        .iter()
        .filter(|p| p.span.end > start && p.span.start < end)
        .map(|p| {
            if p.decoded.is_some() || (p.span.start >= start && p.span.end <= end) {
                p.clone()
            } else {
                // Only a literal piece can be cut inside.
                Piece {
                    span: Span::new(p.span.start.max(start), p.span.end.min(end)),
                    decoded: None,
                }
            }
        })
        .collect();
    Fragment::from_pieces(src, pieces)
}

/// `fragment` cut into the reason phrase of `code` and the description
/// after it, at a dash between them (`Unauthorized -- Your API key is
/// wrong.`, also `—`, `–`, `-` and a colon): `None` when the text before the dash reads
/// as no reason phrase of `code`, or nothing follows it.
fn phrase_before_dash(src: &str, fragment: &Fragment, code: u16) -> Option<(Fragment, Fragment)> {
    let text = &fragment.text;
    let b = text.as_bytes();
    // The first dash or colon with its spaces: (where, how long).
    let (at, len) = memchr::memchr3_iter(b'-', b':', 0xE2, b).find_map(|i| {
        let spaced = i > 0 && b[i - 1] == b' ';
        let rest = &b[i..];
        match b[i] {
            b':' if rest.starts_with(b": ") => Some((i, 2)),
            b'-' if spaced && rest.starts_with(b"-- ") => Some((i - 1, 4)),
            b'-' if spaced && rest.starts_with(b"- ") => Some((i - 1, 3)),
            _ if spaced
                && (rest.starts_with("— ".as_bytes()) || rest.starts_with("– ".as_bytes())) =>
            {
                Some((i - 1, 5))
            }
            _ => None,
        }
    })?;
    let dash = &text[at..at + len];
    let phrase = &text[..at];
    // After a lone hyphen or a colon, a phrase in sentence case opens a
    // sentence of prose (`Not found - batchId does not exist`, as
    // openapi-generator's descriptions read), not a reason phrase set
    // apart: a capital on every word, or the registered phrase as written,
    // says it is one. `--` and a long dash set it apart either way
    // (`Payment required -- …`).
    let set_apart = matches!(dash.trim(), "--" | "—" | "–")
        || phrase
            .split_whitespace()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        || crate::registry::lookup(code).is_some_and(|s| s.reason == phrase.trim());
    if phrase.split_whitespace().count() > 5
        || !set_apart
        || !is_phrase(phrase)
        || !reason_like(phrase, code)
        || text[at + dash.len()..].trim().is_empty()
    {
        return None;
    }
    let chars = |b: usize| text[..b].chars().count();
    let lead = phrase.len() - phrase.trim_start().len();
    let rest = text[at + dash.len()..].trim_start();
    let rest_at = text.len() - rest.len();
    let reason = sub_fragment(src, fragment, chars(lead), chars(phrase.trim_end().len()))?;
    let described = sub_fragment(src, fragment, chars(rest_at), chars(text.trim_end().len()))?;
    Some((reason, described))
}

/// A table in source order, before it is known to be a status table.
pub(super) struct Candidate {
    pub(super) span: Span,
    pub(super) kind: TableKind,
    /// The text of an HTML `<caption>`.
    pub(super) caption: Option<String>,
    /// Header row cells, if the table has a header.
    pub(super) header: Vec<Cell>,
    /// The text of header rows above that one.
    pub(super) header_above: String,
    /// Body rows, cells resolved for rowspan and colspan.
    pub(super) body: Vec<Vec<Cell>>,
}

pub(super) fn html_candidate(t: HtmlTable) -> Candidate {
    // Resolve rowspan and colspan into a grid.
    let mut grid: Vec<(bool, bool, Vec<Cell>)> = Vec::new(); // (in_thead, all_th, cells)
    let mut carry: Vec<Option<(usize, Cell)>> = Vec::new(); // per column: rows left, cell
    for row in t.rows {
        let mut cells: Vec<Cell> = Vec::new();
        let mut col = 0;
        let all_th = !row.cells.is_empty() && row.cells.iter().all(|c| c.is_th);
        let mut source = row.cells.into_iter();
        loop {
            if let Some(Some((left, cell))) = carry.get_mut(col) {
                cells.push(cell.clone());
                *left -= 1;
                if *left == 0 {
                    carry[col] = None;
                }
                col += 1;
                continue;
            }
            let Some(mut c) = source.next() else { break };
            for k in 0..c.colspan.min(64) {
                let cell = if k == 0 {
                    std::mem::take(&mut c.cell)
                } else {
                    Cell::default()
                };
                if c.rowspan > 1 {
                    if carry.len() <= col {
                        carry.resize(col + 1, None);
                    }
                    carry[col] = Some((c.rowspan - 1, cell.clone()));
                }
                cells.push(cell);
                col += 1;
            }
        }
        grid.push((row.in_thead, all_th, cells));
    }
    let mut header: Vec<Cell> = Vec::new();
    let mut header_above = String::new();
    let mut body_start = 0;
    for (i, (in_thead, all_th, cells)) in grid.iter().enumerate() {
        let first_is_code = cells
            .first()
            .and_then(|c| c.fragments.first())
            .is_some_and(|f| parse_code(&f.text).is_some());
        if *in_thead || *all_th || (i == 0 && !first_is_code) {
            for h in &header {
                header_above.push_str(&h.text());
                header_above.push(' ');
            }
            header = cells.clone();
            body_start = i + 1;
        } else {
            break;
        }
    }
    let body = grid
        .into_iter()
        .skip(body_start)
        .map(|(_, _, c)| c)
        .collect();
    Candidate {
        span: t.span,
        kind: TableKind::Html,
        caption: t.caption,
        header,
        header_above,
        body,
    }
}

/// A status table read from a candidate, with its rows (table index unset).
pub(super) struct StatusTable {
    pub(super) header: Vec<String>,
    pub(super) header_section: Option<Section>,
    pub(super) header_section_from: Option<Span>,
    pub(super) rows: Vec<Row>,
    /// The header of the column read as reason phrases although it is
    /// headed as the description (`Description`: `Bad request`).
    pub(super) reason_headed_description: Option<String>,
    /// The header of the column read as the description.
    pub(super) description_header: Option<String>,
}

/// Reads the rows of a table [`classify`] calls a status table: its code
/// column is `typing.code_col`.
pub(super) fn read_status_table(src: &str, c: &Candidate, typing: &Typing) -> Option<StatusTable> {
    read_status_table_with(src, c, typing, true)
}

/// The words that name the error section of a table, and the success one.
const ERROR_WORDS: [&str; 7] = [
    "异常", "错误", "失败", "error", "failure", "failed", "abnormal",
];
const SUCCESS_WORDS: [&str; 5] = ["正常", "成功", "success", "successful", "normal"];

pub(super) fn section_of_words(text: &str) -> Option<Section> {
    // Most labels and headers name no section: told by one search for the
    // same words, in any letter case, before anything is lower-cased.
    static ANY: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(ERROR_WORDS.iter().chain(&SUCCESS_WORDS))
            .expect("fixed patterns")
    });
    if !ANY.is_match(text) {
        return None;
    }
    let mut t = text.to_lowercase();
    // `错误码`, `Error code`: the name of a column or table of codes, which
    // may list 200 too, not of a section.
    for name in [
        "错误码",
        "错误代码",
        "错误编码",
        "error codes",
        "error code",
    ] {
        if t.contains(name) {
            t = t.replace(name, " ");
        }
    }
    let (error, success) = (ERROR_WORDS, SUCCESS_WORDS);
    if error.iter().any(|w| t.contains(w)) {
        Some(Section::Error)
    } else if success.iter().any(|w| t.contains(w)) {
        Some(Section::Success)
    } else {
        None
    }
}

/// A code read by [`parse_code`]: the code, its digits, its reason phrase.
type CodeAt = (u16, usize, std::ops::Range<usize>);

/// [`read_status_table`]; a column headed as the description is read as
/// reason phrases only when `described_reasons` (other tables of its page
/// may read the same column as descriptions: then none does).
pub(super) fn read_status_table_with(
    src: &str,
    c: &Candidate,
    typing: &Typing,
    described_reasons: bool,
) -> Option<StatusTable> {
    let header: Vec<String> = c.header.iter().map(Cell::text).collect();
    let code_col = typing.code_col?;
    // Rows whose code cell starts with a status code; ranges (`2XX`,
    // `200-299`) and sub-status codes (`401.1`) are not codes, and a cell
    // spanning several rows is one code.
    let mut coded: Vec<(&Vec<Cell>, &Fragment, CodeAt)> = Vec::new();
    let mut spanned: Vec<Vec<&Vec<Cell>>> = Vec::new();
    for cells in &c.body {
        let cell = cells.get(code_col);
        let first = cell.and_then(|c| c.fragments.first());
        if let (Some(first), Some((_, f, _))) = (first, coded.last())
            && f.span == first.span
        {
            spanned.last_mut().expect("pushed with coded").push(cells);
            continue;
        }
        // An empty code cell under a code's row, the row's other cells
        // written: the same code, another cause (a pipe table cannot span
        // a cell over rows).
        if first.is_none()
            && let Some(more) = spanned.last_mut()
            && cells.iter().any(|c| !c.fragments.is_empty())
        {
            more.push(cells);
            continue;
        }
        let Some(first) = first else { continue };
        // A code followed by a long message (`500 Processor Exception:
        // …`) reads as prose, and is still a row of its code, beside the
        // row's other cells; alone across the row it is a note (`500
        // 及以上的状态码表示…`).
        match type_cell(&cell.map(Cell::text_cow).unwrap_or_default()) {
            CellType::Code | CellType::CodeReason => {}
            CellType::Prose
                if cells.iter().enumerate().any(|(k, other)| {
                    k != code_col
                        && !is_placeholder(other)
                        && other.span() != cell.and_then(Cell::span)
                }) => {}
            _ => continue,
        }
        if let Some(p) = parse_code(&first.text) {
            coded.push((cells, first, p));
            spanned.push(Vec::new());
        }
    }
    if coded.is_empty() {
        return None;
    }
    // Column roles. A column is the reason column when most of its cells read
    // as the reason phrase of their row's code (nearly all, if it is headed
    // as a description); the description is the first other column with
    // text, or a later one headed as the description. Columns of numbers,
    // classes (`2XX`) or links are neither.
    let width = typing.columns.len();
    let described = |col: usize| header.get(col).is_some_and(|h| is_description_header(h));
    let rank = |col: usize| header.get(col).map_or(0, |h| description_rank(h));
    let mut reason_col = None;
    let mut desc_col: Option<usize> = None;
    let mut desc_filled = 0;
    let mut desc_repetitive = false;
    for col in (0..width).filter(|&col| col != code_col) {
        if !matches!(
            typing.columns[col],
            ColumnType::Phrase
                | ColumnType::Prose
                | ColumnType::Identifier
                | ColumnType::ErrorId
                | ColumnType::CodeReason
        ) {
            continue;
        }
        // A body type (`Body Type`: `ErrorTemplate`) or the response's
        // headers (`Response headers`: `* Retry-After - When you should
        // try again`) is neither.
        if header.get(col).is_some_and(|h| {
            let h = normalize_header(h);
            super::classify::names_a_type(&h) || super::classify::names_headers(&h)
        }) {
            continue;
        }
        let (mut filled, mut reasons, mut worded) = (0, 0, 0);
        let mut texts: Vec<std::borrow::Cow<'_, str>> = Vec::new();
        let explained = rank(col) >= 2;
        for (cells, _, (code, _, _)) in &coded {
            let Some(cell) = cells.get(col).filter(|c| !is_placeholder(c)) else {
                continue;
            };
            filled += 1;
            let text = cell.text_cow();
            texts.push(text.clone());
            // Another code's phrase (`200 | Created` under `Meaning`) is a
            // reason phrase gone wrong: the column still holds reason
            // phrases. Not under a header naming explanations
            // (`Description`, `说明`): there a phrase is a short
            // description (openapi-generator's `403 | Bad request`).
            let other_phrase = || !explained && crate::registry::is_some_reason(&text);
            if reason_like(&text, *code) || other_phrase() {
                reasons += 1;
            } else if !is_phrase_for(&text, *code) {
                worded += 1;
            }
        }
        // A column of names, none a reason phrase (openapi-generator's
        // `400 | loginFlow`, `400 | errorGeneric`: the response's model):
        // no code's description, as a body type is not.
        if filled == 0 || (typing.columns[col] == ColumnType::Identifier && reasons == 0) {
            continue;
        }
        // Half of the cells, or under a description header four in five
        // with no other cell in words: a column of phrases where one code
        // has a name of its own (`413 | overLimit`) is a reason column; a
        // description column where most codes are described by their phrase
        // (`Unauthorized`) and others in words (`Tenant not found`) is not.
        // An even split is enough only without cells in words: in `403 |
        // forbidden`, `404 | resource dose not exist` the column holds the
        // error strings an API returns, which one resembling a phrase does
        // not make reason phrases.
        let (have, needed) = if described(col) {
            let allowed = usize::from(worded == 0 && described_reasons);
            (reasons * 5 * allowed, filled * 4)
        } else {
            (reasons * 2, filled + usize::from(worded > 0))
        };
        // A few values repeated down the column (`✅ Valid`, `❓ Any`): flags
        // or categories, not the codes' descriptions, when a later column
        // holds more.
        texts.sort_unstable();
        texts.dedup();
        let repetitive = filled >= 4 && texts.len() * 3 <= filled;
        if reason_col.is_none() && col > code_col && have >= needed {
            reason_col = Some(col);
        } else if desc_col.is_none_or(|d| {
            (rank(col) > rank(d) || (rank(col) == rank(d) && desc_repetitive && !repetitive))
                && filled >= desc_filled
        }) {
            // The first text column, unless a later one is headed as the
            // description (状态码 | 描述 | 常见原因 keeps 描述; 状态码 | 含义 |
            // 说明 takes 说明, the explanation beside a meaning, when it
            // describes as many codes: not a column of sparse remarks).
            desc_col = Some(col);
            desc_filled = filled;
            desc_repetitive = repetitive;
        }
    }
    let rows: Vec<Row> = coded
        .into_iter()
        .zip(spanned)
        .map(|((cells, first, (code, digits, reason_at)), more)| {
            let chars = first.chars(src);
            // Byte offsets in `first.text` → char indexes.
            let char_at = |byte: usize| first.text[..byte].chars().count();
            let d0 = char_at(digits);
            let code_span = Span::new(chars[d0].1.start, chars[d0 + 2].1.end);
            let mut reason = None;
            if !reason_at.is_empty() {
                reason = sub_fragment(src, first, char_at(reason_at.start), char_at(reason_at.end))
                    .map(|f| Cell { fragments: vec![f] })
                    // `422 Webhook responded with invalid JSON body`: an
                    // error message after the code, not its reason phrase.
                    // Three words or fewer stand where the phrase goes (`408
                    // Operation timed out`) and are checked as one.
                    .filter(|c| {
                        let t = c.text_cow();
                        t.split_whitespace().count() <= 3
                            || reason_like(&t, code)
                            || crate::registry::is_some_reason(&t)
                    });
            } else if let Some(second) = cells[code_col].fragments.get(1)
                && reason_like(&second.text, code)
            {
                reason = Some(Cell {
                    fragments: vec![second.clone()],
                });
            }
            if let Some(col) = reason_col
                && let Some(cell) = cells.get(col).filter(|c| !is_placeholder(c))
            {
                reason = Some(cell.clone());
            }
            // A reason phrase is a phrase of Latin words: Chinese beside a
            // code (`200 成功`, a description in the reason column) or stray
            // markup (`503< headers=…>`) is not one, and must not be "fixed"
            // into one.
            reason = reason.filter(|c| is_phrase(&c.text_cow()));
            // A cell that only says the code again (`| **200** | 200 |`)
            // is no description.
            let mut description = desc_col
                .and_then(|col| cells.get(col))
                .filter(|c| !is_placeholder(c) && !says_code(c, code))
                .cloned();
            // Slate's layout: the phrase, then the description, in one cell
            // (`401 | Unauthorized -- Your API key is wrong.`): the phrase
            // is the row's reason, checked as one, and the rest its
            // description.
            if reason.is_none()
                && let Some(d) = &description
                && let Some((phrase, rest)) = phrase_before_dash(src, &d.fragments[0], code)
            {
                reason = Some(Cell {
                    fragments: vec![phrase],
                });
                let mut fragments = vec![rest];
                fragments.extend(d.fragments[1..].iter().cloned());
                description = Some(Cell { fragments });
            }
            // One code over several rows: the description has several parts.
            for cells in more {
                let Some(part) = desc_col
                    .and_then(|col| cells.get(col))
                    .filter(|c| !is_placeholder(c))
                else {
                    continue;
                };
                match &mut description {
                    Some(d) if d.span() != part.span() => {
                        d.fragments.extend(part.fragments.iter().cloned());
                    }
                    Some(_) => {}
                    None => description = Some(part.clone()),
                }
            }
            Row {
                code,
                code_span,
                reason,
                description,
                table: 0,
            }
        })
        .collect();
    // The section from the header: the code column's header, or a header
    // row above it (`<th colspan=2>异常返回值</th>`).
    let (header_section, header_section_from) =
        match header.get(code_col).and_then(|h| section_of_words(h)) {
            Some(s) => (Some(s), c.header.get(code_col).and_then(Cell::span)),
            None => (section_of_words(&c.header_above), None),
        };
    let header_of =
        |col: Option<usize>| col.and_then(|c| header.get(c)).map(|h| normalize_header(h));
    let reason_headed_description = reason_col
        .filter(|&c| described(c))
        .and_then(|c| header_of(Some(c)));
    // A description column whose cells open with the phrase (Slate's
    // `Bad Request -- Your request is invalid.`) gives reasons too: it
    // does not make the same header read as descriptions elsewhere.
    let dashed = reason_col.is_none() && rows.iter().any(|r| r.reason.is_some());
    let description_header = header_of(desc_col).filter(|_| !dashed);
    Some(StatusTable {
        header,
        header_section,
        header_section_from,
        rows,
        reason_headed_description,
        description_header,
    })
}

/// The section named just before the table: a list item (`-   正常`), a
/// caption (`**表 1**  正常返回值`) or a heading, read from the nearest line
/// with text, and the span of that line. A line of other HTML or a pipe-table
/// row (the end of the previous table) names no section.
pub(super) fn context_section(src: &str, start: usize) -> Option<(Section, Span)> {
    let mut end = start;
    for _ in 0..12 {
        let line_start = src[..end].rfind(['\n', '\r']).map_or(0, |i| i + 1);
        let line = &src[line_start..end];
        let next_end = line_start.saturating_sub(1);
        let without_anchors = strip_anchors(line);
        let trimmed = without_anchors.trim();
        if trimmed.is_empty() {
            if line_start == 0 {
                return None;
            }
            end = next_end;
            continue;
        }
        if trimmed.contains('<') || trimmed.starts_with('|') {
            return None;
        }
        let text = strip_markup(trimmed);
        if text.is_empty() || text.chars().count() > 40 || is_sentence(&text) {
            return None;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(line_start + lead, line_start + line.trim_end().len());
        return section_of_words(&text).map(|s| (s, span));
    }
    None
}

/// Whether the line above a table is a sentence that leads to it
/// (`错误码如下表所示。`, `The following table lists the codes:`), not a
/// label naming its section (`-   异常`, `**表 1**  异常返回值`,
/// `正常返回值：`). A sentence that opens with its section's name
/// (`异常返回值如下表所示。`) is a label too.
fn is_sentence(text: &str) -> bool {
    let t = text.trim_end();
    let named = ["正常", "异常", "成功", "失败"]
        .iter()
        .any(|w| t.trim_start().starts_with(w));
    !named
        && (t.ends_with(['。', '.'])
            || t.contains("如下")
            || t.to_lowercase().contains("following"))
}

/// `line` without `<a …>` and `</a>` tags (the anchors generated pages put
/// before every table).
fn strip_anchors(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let is_anchor = tail.len() > 2
            && (tail[1..].starts_with("a ")
                || tail[1..].starts_with("a>")
                || tail[1..].starts_with("/a>"));
        match (is_anchor, tail.find('>')) {
            (true, Some(j)) => rest = &tail[j + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A line's text without HTML tags and Markdown markers.
fn strip_markup(line: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in line.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '*' | '#' | '_' | '|' => {}
            _ => out.push(c),
        }
    }
    let t = out.trim();
    let t = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("+ "))
        .unwrap_or(t);
    t.trim().to_string()
}

/// The page's title: its first ATX heading (`# 状态码`, outside front
/// matter and code fences), markup, a closing `#` run and an attribute
/// block (`{#status_codes .concept}`) removed; else the front matter's
/// `title:`.
pub(crate) fn title_of(src: &str) -> Option<String> {
    let src = src.strip_prefix(BOM).unwrap_or(src);
    let (body, front_title) = front_matter(src);
    let mut fence: Option<(u8, usize)> = None;
    for line in body.lines() {
        let t = line.trim_start();
        let indent = line.len() - t.len();
        // A fence line: three or more backticks or tildes.
        let mark = t.bytes().next().filter(|c| matches!(c, b'`' | b'~'));
        if let Some(c) = mark {
            let n = t.bytes().take_while(|&b| b == c).count();
            if n >= 3 && indent <= 3 {
                match fence {
                    None => fence = Some((c, n)),
                    Some((f, m)) if f == c && n >= m && t[n..].trim().is_empty() => fence = None,
                    Some(_) => {}
                }
                continue;
            }
        }
        if fence.is_some() || indent > 3 {
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        let rest = &t[hashes..];
        if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            continue;
        }
        let title = heading_text(rest);
        if !title.is_empty() {
            return Some(title);
        }
    }
    front_title.filter(|t| !t.is_empty())
}

/// `src` past its YAML front matter (`---` to `---` or `...` on the first
/// lines), and the front matter's `title:`, if any.
fn front_matter(src: &str) -> (&str, Option<String>) {
    let Some(rest) = src
        .strip_prefix("---\n")
        .or_else(|| src.strip_prefix("---\r\n"))
    else {
        return (src, None);
    };
    let mut title = None;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        let l = line.trim_end();
        if l == "---" || l == "..." {
            return (&rest[at..], title);
        }
        if let Some(v) = l.strip_prefix("title:") {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(v);
            title = Some(v.trim().to_string());
        }
    }
    // No end: no front matter.
    (src, None)
}

/// The text of an ATX heading after its `#` run: its closing `#` run and
/// an attribute block (`{#id .class}`) left out, tags and emphasis marks
/// removed (an `_` inside a word, `get_user_info`, is kept), Markdown
/// escapes read (`HTTP状态码\(Java SDK\)`).
fn heading_text(rest: &str) -> String {
    let mut t = rest.trim();
    if t.ends_with('}')
        && let Some(open) = t.rfind(" {")
        && (t[open + 2..].trim_start().starts_with(['#', '.']) || t[open..].contains('='))
    {
        t = t[..open].trim_end();
    }
    // A closing run of `#` after a space (`## 状态码 ##`).
    let closing = t.trim_end_matches('#');
    if closing.len() < t.len() && (closing.is_empty() || closing.ends_with([' ', '\t'])) {
        t = closing.trim_end();
    }
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    let mut in_tag = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            '<' if after.is_some_and(|a| a.is_ascii_alphabetic() || a == '/' || a == '!') => {
                in_tag = true
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '\\' if after.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(after);
                i += 1;
            }
            '*' | '`' => {}
            '_' if !(before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric)) => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out.trim().to_string()
}

/// The types of a table's columns and the table's type. A cell that spans
/// rows is typed once: in the rows below its first it reads as empty.
pub(super) fn typing_of(c: &Candidate) -> Typing {
    let header: Vec<String> = c.header.iter().map(Cell::text).collect();
    let mut body: Vec<Vec<std::borrow::Cow<'_, str>>> = Vec::with_capacity(c.body.len());
    for (i, r) in c.body.iter().enumerate() {
        let above = i.checked_sub(1).map(|j| &c.body[j]);
        body.push(
            r.iter()
                .enumerate()
                .map(|(k, cell)| {
                    let spanned = cell.span().is_some()
                        && above.and_then(|a| a.get(k)).map(Cell::span) == Some(cell.span());
                    if spanned {
                        std::borrow::Cow::Borrowed("")
                    } else {
                        cell.text_cow()
                    }
                })
                .collect(),
        );
    }
    classify(&header, &body)
}

/// Reads one file as a walk of the tree does (files without a cell that may
/// start with a code are not parsed). `Ok(None)` when it is not a
/// status-code page.
pub fn parse(bytes: &[u8]) -> Result<Option<Page>, DecodeError> {
    let src = decode_any(bytes)?;
    if !super::filter::may_hold_code(&src.text) {
        return Ok(None);
    }
    Ok(parse_str(&src.text))
}

/// Reads one page from its text. `None` when it is not a status-code page.
pub fn parse_str(src: &str) -> Option<Page> {
    parse_with_operations(src).map(|(page, _)| page)
}

/// [`parse_str`], with the per-operation status tables the status-code
/// page holds too (an API reference on one page, its errors section
/// first and each operation's responses below: Slate, widdershins).
pub fn parse_with_operations(src: &str) -> Option<(Page, Option<Page>)> {
    if !probe(src) {
        return None;
    }
    let examined = examine(src);
    examined.page.map(|page| (page, examined.operations))
}

pub use super::probe::{has_status_table, probe};

pub use super::decide::{
    Examined, TableVerdict, examine, parse_operations, parse_operations_below_request,
};

/// Every HTML comment (`<!-- … -->`; an unclosed one runs to the end).
pub(super) fn comment_spans(src: &str) -> Vec<Span> {
    comments_lazily(src).collect()
}

/// [`comment_spans`], found as they are asked for.
pub(super) fn comments_lazily(src: &str) -> impl Iterator<Item = Span> + '_ {
    static CLOSE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"-->"));
    let b = src.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = super::html::comment_open(b, at)?;
        let end = CLOSE
            .find(&b[start + 4..])
            .map_or(b.len(), |j| start + 4 + j + 3);
        at = end;
        Some(Span::new(start, end))
    })
}

/// The fewest status rows a status-code page has.
pub const MIN_ROWS: usize = 3;

/// The first token of the first line of `span`: a tag (`<tr …>`), a fence,
/// or text up to the next tag, at most 80 characters.
pub(super) fn first_line(src: &str, span: Span) -> Span {
    let text = &src[span.start..span.end];
    let end = text.find(['\n', '\r']).unwrap_or(text.len());
    let line = &text[..end];
    let lead = line.len() - line.trim_start().len();
    let body = &line[lead..];
    let mut len = if body.starts_with('<') {
        body.find('>').map_or(body.len(), |i| i + 1)
    } else {
        body.char_indices()
            .skip(1)
            .find(|(_, c)| *c == '<')
            .map_or(body.len(), |(i, _)| i)
    };
    if let Some((i, _)) = body[..len].char_indices().nth(80) {
        len = i;
    }
    let body = body[..len].trim_end();
    Span::new(span.start + lead, span.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_is_the_first_heading_outside_front_matter_and_code() {
        for (src, title) in [
            ("# 状态码\n", Some("状态码")),
            ("\u{feff}## 状态码 ##\n", Some("状态码")),
            (
                "---\n# This control sidebar order\norder: 2\n---\n# 通用状态码\n",
                Some("通用状态码"),
            ),
            (
                "---\ntitle: \"通用状态码\"\n---\n\n| a | b |\n",
                Some("通用状态码"),
            ),
            ("```bash\n# install\n```\n# Errors\n", Some("Errors")),
            (
                "# get_user_info 状态码 #1 {#status_codes .reference}\n",
                Some("get_user_info 状态码 #1"),
            ),
            ("# GET ping检测 { lang=\"en\" }\n", Some("GET ping检测")),
            (
                "# **Status** `codes` <a name=\"x\"></a>\n",
                Some("Status codes"),
            ),
            ("# HTTP状态码\\(Java SDK\\)\n", Some("HTTP状态码(Java SDK)")),
            ("# _Errors_\n", Some("Errors")),
            ("#状态码 | 说明\n---|---\n", None),
            ("#\n", None),
        ] {
            assert_eq!(title_of(src).as_deref(), title, "{src:?}");
        }
    }

    #[test]
    fn a_description_language_is_told_by_its_script() {
        for (text, lang) in [
            ("Not found.", Lang::En),
            ("No se encontró el recurso.", Lang::En),
            ("Timeout after 5 µs", Lang::En),
            ("Ошибка в параметре id (id)", Lang::Ru),
            ("服务器未能处理请求。", Lang::Zh),
            ("请求body无效", Lang::Zh),
            ("阿里云・函数计算ー", Lang::Zh),
            ("リクエストが無効です。", Lang::Ja),
            ("ﾘｸｴｽﾄ", Lang::Ja),
            ("요청이 잘못되었습니다.", Lang::Ko),
            ("Το αίτημα δεν είναι έγκυρο", Lang::El),
            ("الطلب غير صالح", Lang::Ar),
            ("הבקשה אינה חוקית", Lang::He),
            ("คำขอไม่ถูกต้อง", Lang::Th),
            ("अनुरोध अमान्य है", Lang::Hi),
            ("", Lang::En),
        ] {
            assert_eq!(Lang::of(text), lang, "{text}");
        }
        for l in Lang::ALL {
            assert_eq!(Lang::named(l.as_str()), Some(l));
        }
        assert_eq!(Lang::named("es"), None);
    }

    #[test]
    fn every_registered_phrase_fits_the_key() {
        for st in crate::registry::REGISTRY {
            for r in std::iter::once(st.reason).chain(st.former.iter().copied()) {
                let n = r.bytes().filter(u8::is_ascii_alphabetic).count();
                assert!(n <= KEY, "{r}: {n} letters");
            }
        }
    }

    #[test]
    fn every_section_word_names_its_section_in_any_case() {
        for w in [
            "异常", "错误", "失败", "Error", "FAILURE", "Failed", "abnormal",
        ] {
            assert_eq!(
                section_of_words(&format!("x {w} y")),
                Some(Section::Error),
                "{w}"
            );
        }
        for w in ["正常", "成功", "Success", "SUCCESSFUL", "Normal"] {
            assert_eq!(
                section_of_words(&format!("x {w} y")),
                Some(Section::Success),
                "{w}"
            );
        }
        for none in ["错误码", "Error Codes", "状态码", "说明", ""] {
            assert_eq!(section_of_words(none), None, "{none}");
        }
    }

    #[test]
    fn distance_is_levenshtein() {
        // The whole table, row by row, as the definition reads.
        fn reference(a: &[u8], b: &[u8]) -> usize {
            let mut d = vec![vec![0; b.len() + 1]; a.len() + 1];
            for (i, row) in d.iter_mut().enumerate() {
                row[0] = i;
            }
            d[0] = (0..=b.len()).collect();
            for i in 1..=a.len() {
                for j in 1..=b.len() {
                    let swap = d[i - 1][j - 1] + usize::from(a[i - 1] != b[j - 1]);
                    d[i][j] = swap.min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
                }
            }
            d[a.len()][b.len()]
        }
        let words = [
            "",
            "a",
            "ok",
            "accept",
            "accepted",
            "badrequest",
            "invalidrequest",
            "notfound",
            "nofound",
            "servieunavaliable",
            "serviceunavailable",
            "kitten",
            "sitting",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    distance(a.as_bytes(), b.as_bytes()),
                    reference(a.as_bytes(), b.as_bytes()),
                    "{a} / {b}"
                );
            }
        }
        assert_eq!(distance(b"kitten", b"sitting"), 3);
        // Within 30 % is decided by the length alone when lengths differ by more.
        assert!(reason_like("Accept", 202));
        assert!(!reason_like("Invalid Request", 400));
    }

    #[test]
    fn codes() {
        assert_eq!(parse_code("400"), Some((400, 0, 3..3)));
        assert_eq!(parse_code("400 Bad Request"), Some((400, 0, 4..15)));
        assert_eq!(parse_code("HTTP 404"), Some((404, 5, 8..8)));
        assert_eq!(parse_code("HTTP/1.1 200 OK"), Some((200, 9, 13..15)));
        assert_eq!(parse_code("400 (Bad Request)"), Some((400, 0, 5..16)));
        // A qualifier after the phrase is not part of it (a fix of the
        // phrase left `Not Found)`).
        for (t, reason) in [
            ("404 Not Found (resource)", "Not Found"),
            (
                "500 Internal Server Error （backend）",
                "Internal Server Error",
            ),
            ("404 (Not Found)", "Not Found"),
            ("404 Not Found)", "Not Found)"),
        ] {
            let (_, _, r) = parse_code(t).unwrap();
            assert_eq!(&t[r], reason, "{t}");
        }
        let t = "200（OK）";
        let (_, _, r) = parse_code(t).unwrap();
        assert_eq!(&t[r], "OK");
        assert_eq!(parse_code("404、410"), Some((404, 0, 9..9)));
        assert_eq!(parse_code("500/503"), Some((500, 0, 7..7)));
        assert_eq!(parse_code("4001"), None);
        assert_eq!(parse_code("404.01"), None);
        assert_eq!(parse_code("APIGW.0101"), None);
        assert_eq!(parse_code("1XX"), None);
        assert_eq!(parse_code("700"), Some((700, 0, 3..3)));
        assert_eq!(parse_code("099"), None);
    }

    #[test]
    fn reason_phrases() {
        assert!(reason_like("Bad Request", 400));
        assert!(reason_like("Accept", 202));
        assert!(reason_like("multiple choices", 300));
        assert!(!reason_like("请求成功。", 200));
        assert!(!reason_like("The request has succeeded.", 200));
        assert!(reason_like("Service Unavaliable", 503));
        assert!(reason_like("BadRequest", 400));
        assert!(reason_like("Request Entity Too Large", 413));
        assert!(!reason_like("Invalid request", 400));
        assert!(!reason_like("Resource not found", 404));
        assert!(!reason_like("Success", 200));
        assert!(!reason_like("Authentication failed", 401));
        // The phrase with more words around it is a message naming
        // something (JD Cloud's `VPC not found`), however short.
        assert!(!reason_like("VPC not found", 404));
        assert!(!reason_like("Conflict Found", 409));
        assert!(!reason_like("Not Found Error", 404));
        assert!(reason_like("Not found", 404));
    }

    fn rows(src: &str) -> Vec<(u16, String, String)> {
        let page = parse_str(src).expect("a status page");
        for r in &page.rows {
            assert_eq!(&src[r.code_span.start..r.code_span.end], r.code.to_string());
        }
        page.rows
            .iter()
            .map(|r| {
                (
                    r.code,
                    r.reason.as_ref().map(Cell::text).unwrap_or_default(),
                    r.description.as_ref().map(Cell::text).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn english_pipe_table_with_backticks_and_bold() {
        let src = "# Status codes\n\n| Status Code | Description |\n|---|---|\n| `200 OK` | The request succeeded. |\n| **400** | The request is invalid. |\n| 404 Not Found | Not found. |\n";
        let r = rows(src);
        assert_eq!(r[0], (200, "OK".into(), "The request succeeded.".into()));
        assert_eq!(r[1], (400, "".into(), "The request is invalid.".into()));
        assert_eq!(r[2].1, "Not Found");
    }

    #[test]
    fn index_column_before_the_codes() {
        let src = "<table><tr><th>序号</th><th>状态码</th><th>说明</th></tr>\n<tr><td>1</td><td>200</td><td>成功。</td></tr>\n<tr><td>2</td><td>400</td><td>请求错误。</td></tr>\n<tr><td>3</td><td>500</td><td>服务异常。</td></tr></table>\n";
        let r = rows(src);
        assert_eq!(r.len(), 3);
        assert_eq!(r[1], (400, "".into(), "请求错误。".into()));
    }

    #[test]
    fn headerless_table_lists_and_rowspan() {
        let src = "<table>\n<tr><td>200</td><td>OK</td><td rowspan=\"2\"><p>成功：</p><ul><li>已创建</li><li>已接受</li></ul></td></tr>\n<tr><td>201</td><td>Created</td></tr>\n<tr><td>503</td><td>Service Unavailable</td><td>稍后重试。</td></tr>\n</table>\n";
        let page = parse_str(src).unwrap();
        let r = rows(src);
        assert_eq!(r[0], (200, "OK".into(), "成功：\n已创建\n已接受".into()));
        // The spanning cell is the same cell, with the same span, in both rows.
        assert_eq!(r[1].2, r[0].2);
        assert_eq!(
            page.rows[0].description.as_ref().unwrap().span(),
            page.rows[1].description.as_ref().unwrap().span()
        );
        assert_eq!(
            r[2],
            (503, "Service Unavailable".into(), "稍后重试。".into())
        );
    }

    #[test]
    fn caption_element_gives_the_section() {
        let src = "<table><caption>异常返回值</caption><tr><th>返回值</th><th>说明</th></tr><tr><td>400</td><td>a</td></tr><tr><td>404</td><td>b</td></tr><tr><td>500</td><td>c</td></tr></table>";
        let page = parse_str(src).unwrap();
        assert_eq!(page.tables[0].section, Some(Section::Error));
    }

    #[test]
    fn catalogues_api_pages_and_examples_are_not_status_pages() {
        let catalogue = "<table><tr><th>状态码</th><th>错误码</th><th>错误信息</th></tr><tr><td>400</td><td>APIGW.0101</td><td>x</td></tr><tr><td>401</td><td>APIGW.0102</td><td>y</td></tr><tr><td>500</td><td>APIGW.0103</td><td>z</td></tr></table>";
        assert!(parse_str(catalogue).is_none());
        let api = "| 参数 | 类型 |\n|---|---|\n| id | String |\n\n| 状态码 | 描述 |\n|---|---|\n| 200 | OK |\n| 400 | 错误 |\n| 500 | 异常 |\n";
        assert!(parse_str(api).is_none());
        let example = "```html\n<table><tr><th>状态码</th></tr><tr><td>200</td></tr><tr><td>400</td></tr><tr><td>500</td></tr></table>\n```\n";
        assert!(parse_str(example).is_none());
        let words = "Use <table_name> and `<table>` here.\n";
        assert!(parse_str(words).is_none());
    }
}
