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
use memchr::memmem::Finder;

use crate::parse::page::{self, Page};

/// The words of a per-operation status section or its header: `状态码`,
/// `返回值`, `返回码`, `响应码`, `状态代码` (`HTTP 状态代码`), `Status Code`,
/// `Status code`.
const WORDS: [&str; 7] = [
    "状态码",
    "返回值",
    "返回码",
    "响应码",
    "状态代码",
    "Status Code",
    "Status code",
];

/// The Chinese words of [`WORDS`].
const CHINESE_WORDS: usize = 5;

/// Leftmost-first: it lets the searcher use its SIMD prefilter. Run on the
/// lines that start with `#`.
static WORD: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(WORDS)
        .expect("fixed patterns")
});

/// What a page without a status heading must say somewhere for its tables
/// to be looked at as an operation's responses: a status word, `HTTP代码`,
/// `HTTP错误码` or `HTTP錯誤碼` (with a space or not), or in English
/// `status code`, `response code`, `HTTP code`, `return code`, `HTTP status`,
/// `HTTP error`, `HTTP-level`, `response status` or `responses`, in lower
/// case, upper case or capitalized (`## Responses`, `### HTTP status codes`,
/// `| Response Code |`, `### Response Status and Error Codes`, `HTTP-level
/// error codes`). A user guide's table with a
/// stray `100` in it says none of them; `status` or `response` alone would
/// let in release notes, port tables and `show_status`. Written out in each
/// case rather than searched for without case: that keeps the searcher's
/// SIMD prefilter.
static GATE: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let english = [
        "status code",
        "response code",
        "http code",
        "return code",
        "http status",
        "http error",
        "response status",
        "responses",
    ];
    let title = |w: &str| -> String {
        w.split(' ')
            .map(|p| p[..1].to_uppercase() + &p[1..])
            .collect::<Vec<_>>()
            .join(" ")
    };
    // swagger2markup's Chinese header, `HTTP代码`, with a space or not.
    let mut words: Vec<String> = WORDS[..CHINESE_WORDS]
        .iter()
        .chain(&[
            "HTTP代码",
            "HTTP 代码",
            "HTTP错误码",
            "HTTP 错误码",
            "HTTP錯誤碼",
            "HTTP 錯誤碼",
            "HTTP-level",
            "HTTP-Level",
            "http-level",
        ])
        .map(|w| w.to_string())
        .collect();
    for w in english {
        // `status code`, `STATUS CODE`, `Status code`, `Status Code`, and
        // `HTTP` in capitals before the rest (`HTTP status`, `HTTP Code`).
        let first = w[..1].to_uppercase() + &w[1..];
        let http = w.strip_prefix("http ").map(|rest| format!("HTTP {rest}"));
        let http_title = w
            .strip_prefix("http ")
            .map(|rest| format!("HTTP {}", title(rest)));
        words.extend([w.to_string(), w.to_uppercase(), first, title(w)]);
        words.extend(http.into_iter().chain(http_title));
    }
    words.sort();
    words.dedup();
    AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostFirst)
        .build(words)
        .expect("fixed patterns")
});

static TABLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<table"));

/// Reads the per-operation status tables of `src`, if it is an API page.
///
/// An API page's status table comes in its last sections, after long
/// parameter tables: when the page has a heading that names status codes
/// (`## 返回值`, `## 状态码`) after a table, only the text from that heading
/// on is read, as an API page's (as if a request line came before it), and
/// every span is moved back to its place in the file. Else, or when no
/// operation table comes after that heading (a status word heading a later
/// section: `### 返回值` over the fields of a response, `### Status Codes`
/// closing a page), the whole page is read, when it has a status word and a
/// table.
pub fn parse(src: &str) -> Option<Page> {
    if let Some(at) = status_heading(src)
        && let Some(mut page) = page::parse_operations_below_request(&src[at..])
    {
        shift(&mut page, at);
        // The page's title, not the status heading the tail starts with.
        page.title = page::title_of(src).unwrap_or_default();
        return Some(page);
    }
    let b = src.as_bytes();
    let table = TABLE.find(b).is_some() || memchr::memchr(b'|', b).is_some();
    if !table || !names_status(src) || !page::has_status_table(src) {
        return None;
    }
    page::parse_operations(src)
}

/// Whether `src` says a status word (see [`GATE`]): a page without a
/// status heading that does not is not looked at for operation tables.
pub fn names_status(src: &str) -> bool {
    GATE.is_match(src.as_bytes())
}

/// Where the first heading naming status codes starts, when a table comes
/// before it (the parameters of an API page) and no code fence is open.
///
/// A status heading is a line whose first character past white space is
/// `#` and that holds a status word; a table line holds `<table` or starts
/// with `|`; a fence line starts with ```` ``` ```` or `~~~` and opens or
/// closes a fence. Found from the marks (`` ` ``, `~`; `#` below the first
/// table), not line by line, and a search for the first table.
pub(crate) fn status_heading(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    // Whether `at` is the first character of its line after white space.
    // Most marks (`(#anchor)`, `a|b`) follow a byte that is no white space:
    // told without looking back to the line's start.
    let leads = |at: usize| match at.checked_sub(1).map(|i| b[i]) {
        None | Some(b'\n') => true,
        Some(c) if c.is_ascii() && !matches!(c, b'\t' | b'\x0b' | b'\x0c' | b'\r' | b' ') => false,
        _ => src[line_start(at)..at].trim_start().is_empty(),
    };
    // Fence lines, in order.
    let mut fences = Vec::new();
    for at in memchr::memchr2_iter(b'`', b'~', b) {
        let c = b[at];
        if b[at..].starts_with(&[c, c, c]) && leads(at) {
            fences.push(line_start(at));
        }
    }
    // Whether the line starting at `l` is read as text: not a fence line,
    // not inside a fence.
    let outside =
        |l: &usize| fences.binary_search(l).is_err() && fences.partition_point(|f| f < l) % 2 == 0;
    // The first table line: it holds `<table` or starts with `|`. A line
    // that starts with `|` before the first `<table` starts before it.
    let html = TABLE
        .find_iter(b)
        .map(|at| (line_start(at), at))
        .find(|(l, _)| outside(l));
    let pipe_end = html.map_or(b.len(), |(_, at)| at);
    let pipe = memchr::memchr_iter(b'|', &b[..pipe_end])
        .filter(|&at| leads(at))
        .map(line_start)
        .find(outside);
    let first_table = html.map(|(l, _)| l).into_iter().chain(pipe).min()?;
    // The `#` that start lines below it.
    memchr::memchr_iter(b'#', &b[first_table..])
        .map(|i| first_table + i)
        .filter(|&at| leads(at))
        .map(|at| (line_start(at), at))
        .filter(|&(l, _)| l > first_table)
        .find(|&(l, at)| {
            let line_end = memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |i| at + i);
            WORD.is_match(&b[at..line_end]) && outside(&l)
        })
        .map(|(l, _)| l)
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
                if t.starts_with('#') && table_before && WORDS.iter().any(|w| t.contains(w)) {
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
            "<table>\n| a |\n## 状态码\n",
            "x | y <table>\n## 状态码\n",
            " | a <table>\n## 状态码\n",
            "<p><a href=\"#x\">#</a></p>\n<table>\n # 状态码 \n",
            "## 状态码\n<table>\n#### 返回值 ##\n",
            "~~~~\n| a |\n~~~~\n<table>\n# Status Code\n",
            "\u{3000}```\n<table>\n## 状态码\n",
            "<table>\n`` ## 状态码\n## a 状态码 ```\n",
        ];
        for src in pages {
            assert_eq!(status_heading(src), by_lines(src), "{src:?}");
        }
        // `响应码` (response codes) heads a status section too (apig).
        let src = "# T\n\n| a | b |\n|---|---|\n\n## 响应码\n\n| 响应码 | 说明 |\n";
        assert_eq!(status_heading(src), src.find("## 响应码"));
    }

    #[test]
    fn the_gate_wants_a_status_phrase_not_a_bare_word() {
        for yes in [
            "## HTTP status codes",
            "## Responses",
            "| Response Code | Situation |",
            "| HTTP Code | Meaning |",
            "Status Code",
            "RETURN CODE",
            "HTTP Status",
            "## 返回值",
            "HTTP-level error codes returned by the Bot APIs.",
            "## HTTP Error Codes",
            "HTTP错误码",
            "HTTP 錯誤碼",
        ] {
            assert!(names_status(yes), "{yes}");
        }
        for no in [
            "show_status",
            "Builds with a green status",
            "a response body",
            "Check the status.",
            "## 参数说明",
        ] {
            assert!(!names_status(no), "{no}");
        }
    }

    proptest::proptest! {
        /// Any page made of these pieces: the marks' reading finds what
        /// the lines' reading finds.
        #[test]
        fn status_heading_reads_as_the_lines_do_on_any_page(
            parts in proptest::collection::vec(
                "(#|## |状态码|Status code|返回值|<table>|\\||```|~~~|`|~|a|\\(| |\t|\u{3000}|\n|\r\n)",
                0..48,
            ),
        ) {
            let src = parts.concat();
            proptest::prop_assert_eq!(status_heading(&src), by_lines(&src), "{:?}", src);
        }
    }
}
