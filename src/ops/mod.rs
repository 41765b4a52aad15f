//! Per-operation status tables: the `状态码` / `返回值` tables of API pages.
//!
//! These are a second kind of table beside the status-code pages. They are
//! read by the same table reader ([`crate::parse::page::parse_operations`],
//! which leaves status-page detection as it is), each API page becoming one
//! operation: its page, title and rows with exact spans. [`model`] elects,
//! per service, the wording its operations agree on for every 4xx and 5xx
//! code; [`rules`] reports the operations that diverge, descriptions copied
//! from another code, and codes a service's status page does not document.

pub mod model;
pub mod rules;

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::parse::page::{self, Page};

/// What one pass over a file finds: the words of a per-operation status
/// section or its header (`状态码`, `返回值`, `返回码`, `响应码`, `Status Code`,
/// `Status code`), fence marks (```` ``` ````, `~~~`) and `<table` tags, each
/// as where it starts. One searcher for all of them: every file that may
/// hold a status table is searched, most of it Chinese text in which each
/// search costs a pass over the bytes.
struct Marks {
    words: Vec<usize>,
    fences: Vec<usize>,
    tables: Vec<usize>,
}

/// Leftmost-first (no two patterns match at one place, so it finds what the
/// standard semantics would): it lets the searcher use its SIMD prefilter,
/// 18 times faster here.
static MARKS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build([
            "状态码",
            "返回值",
            "返回码",
            "响应码",
            "Status Code",
            "Status code",
            "```",
            "~~~",
            "<table",
        ])
        .expect("fixed patterns")
});

/// The status words, fence marks and `<table` tags of `b`, each in order.
/// No two patterns can overlap, so every occurrence a search for each
/// alone would find is found.
fn marks(b: &[u8]) -> Marks {
    let mut m = Marks {
        words: Vec::new(),
        fences: Vec::new(),
        tables: Vec::new(),
    };
    for found in MARKS.find_iter(b) {
        let at = found.start();
        match found.pattern().as_usize() {
            0..=5 => m.words.push(at),
            6 | 7 => m.fences.push(at),
            _ => m.tables.push(at),
        }
    }
    m
}

impl Marks {
    /// Whether the file may hold a per-operation status table: a table,
    /// and a status word.
    fn may_hold_operations(&self, b: &[u8]) -> bool {
        !self.words.is_empty() && (!self.tables.is_empty() || memchr::memchr(b'|', b).is_some())
    }
}

/// Reads the per-operation status tables of `src`, if it is an API page.
///
/// An API page's status table comes in its last sections, after long
/// parameter tables: when the page has a heading that names status codes
/// (`## 返回值`, `## 状态码`) after a table, only the text from that heading
/// on is read, as an API page's (as if a request line came before it), and
/// every span is moved back to its place in the file. Else the whole page is
/// read.
pub fn parse(src: &str) -> Option<Page> {
    let marks = marks(src.as_bytes());
    if !marks.may_hold_operations(src.as_bytes()) {
        return None;
    }
    if let Some(at) = status_heading(src, &marks) {
        let mut page = page::parse_operations_below_request(&src[at..])?;
        shift(&mut page, at);
        // The page's title, not the status heading the tail starts with.
        page.title = page::title_of(src).unwrap_or_default();
        return Some(page);
    }
    if !page::has_status_table(src) {
        return None;
    }
    page::parse_operations(src)
}

/// Where the first heading naming status codes starts, when a table comes
/// before it (the parameters of an API page) and no code fence is open.
///
/// Found from the marks of one search, not line by line: a status heading
/// is a line starting with `#` that holds a status word; fences and tables
/// before it are found the same way.
fn status_heading(src: &str, marks: &Marks) -> Option<usize> {
    let b = src.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    // Whether `at` is the first character of its line after white space.
    let leads = |at: usize| src[line_start(at)..at].trim_start().is_empty();
    // Fence lines: a line starting with ``` or ~~~ opens or closes one.
    let mut fences: Vec<usize> = marks
        .fences
        .iter()
        .copied()
        .filter(|&at| leads(at))
        .map(line_start)
        .collect();
    fences.sort_unstable();
    fences.dedup();
    // Whether the line starting at `l` is read as text: not a fence line,
    // not inside a fence.
    let outside =
        |l: &usize| fences.binary_search(l).is_err() && fences.partition_point(|f| f < l) % 2 == 0;
    // The first table line: it holds `<table` or starts with `|`.
    let html = marks.tables.iter().copied().map(line_start).find(outside);
    let pipe = memchr::memchr_iter(b'|', b)
        .filter(|&at| leads(at))
        .map(line_start)
        .find(outside);
    let first_table = html.into_iter().chain(pipe).min()?;
    let mut words: Vec<usize> = marks
        .words
        .iter()
        .filter(|&&at| at >= first_table)
        .map(|&at| line_start(at))
        .filter(|&l| l > first_table)
        .collect();
    words.dedup();
    words.into_iter().find(|&l| {
        let line_end = memchr::memchr(b'\n', &b[l..]).map_or(b.len(), |i| l + i);
        let t = src[l..line_end].trim_start();
        t.starts_with('#') && outside(&l)
    })
}

/// Moves every span of `page`, read from the file's text from byte `at`,
/// back to the file.
fn shift(page: &mut Page, at: usize) {
    use crate::source::Span;
    let f = |s: &mut Span| {
        s.start += at;
        s.end += at;
    };
    let cell = |c: &mut crate::parse::text::Cell| {
        for fr in &mut c.fragments {
            f(&mut fr.span);
            for p in &mut fr.pieces {
                f(&mut p.span);
            }
        }
    };
    for t in &mut page.tables {
        f(&mut t.span);
        if let Some(s) = &mut t.section_from {
            f(s);
        }
        if let Some(b) = &mut t.broken {
            f(&mut b.at);
        }
    }
    for r in &mut page.rows {
        f(&mut r.code_span);
        if let Some(c) = &mut r.reason {
            cell(c);
        }
        if let Some(c) = &mut r.description {
            cell(c);
        }
    }
}

/// The span from the first byte a reader found on `page` to the last: its
/// tables, where their sections were read, what breaks them, their rows.
pub fn extent(page: &Page) -> Option<crate::source::Span> {
    let tables = page.tables.iter().flat_map(|t| {
        std::iter::once(t.span)
            .chain(t.section_from)
            .chain(t.broken.as_ref().map(|b| b.at))
    });
    let rows = page.rows.iter().flat_map(|r| {
        std::iter::once(r.code_span)
            .chain(r.reason.as_ref().and_then(|c| c.span()))
            .chain(r.description.as_ref().and_then(|c| c.span()))
    });
    tables.chain(rows).reduce(crate::source::Span::cover)
}

/// Reads whole the pages `wanted` that are kept as lines (see
/// [`crate::source::SourceText`]); the pages that could not be, and why.
pub fn read_whole(
    docs: &mut [crate::model::Doc],
    wanted: &std::collections::BTreeSet<usize>,
) -> Vec<(usize, String)> {
    let pages: Vec<(usize, &mut crate::model::Doc)> = docs
        .iter_mut()
        .enumerate()
        .filter(|(i, d)| wanted.contains(i) && !d.src.is_whole())
        .collect();
    crate::par::map(pages, |(i, doc)| {
        doc.src.read_whole(&doc.file).err().map(|e| (i, e))
    })
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line-by-line reading `status_heading` replaced, as the oracle.
    fn by_lines(src: &str) -> Option<usize> {
        let mut at = 0;
        let (mut table_before, mut fence) = (false, false);
        for line in src.split_inclusive('\n') {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                fence = !fence;
            } else if !fence {
                if t.starts_with('#') && table_before && !marks(t.as_bytes()).words.is_empty() {
                    return Some(at);
                }
                if t.contains("<table") || t.starts_with('|') {
                    table_before = true;
                }
            }
            at += line.len();
        }
        None
    }

    #[test]
    fn status_heading_reads_as_the_lines_do() {
        let pages = [
            "# T\n\n| a | b |\n|---|---|\n\n## 状态码\n\n| 状态码 | 描述 |\n",
            "## 状态码\n\n| a |\n\n## 返回值\n",
            "```\n| a |\n```\n## 状态码\n| b |\n#### 状态码\n",
            "  ```md\n<table>\n  ```\n# Status Code\n<table>\n## Status code x\n",
            "text | not a table\n## 状态码\n",
            "\u{3000}| a |\n\u{3000}## 返回码\n",
            "<table><tr><td>1</td></tr></table> ## 状态码\n## 状态码\r\n",
            "~~~\n## 状态码\n| a |\n~~~\n| a |\n## 状态码\n",
            "````\n<table>\n````\n```\n## 状态码\n",
            "| 状态码 |\n## 状态码",
            "",
            "#\n",
        ];
        for src in pages {
            assert_eq!(
                status_heading(src, &marks(src.as_bytes())),
                by_lines(src),
                "{src:?}"
            );
        }
        // `响应码` (response codes) heads a status section too (apig).
        let src = "# T\n\n| a | b |\n|---|---|\n\n## 响应码\n\n| 响应码 | 说明 |\n";
        assert_eq!(
            status_heading(src, &marks(src.as_bytes())),
            src.find("## 响应码")
        );
    }
}
