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

use memchr::memmem::Finder;

use crate::parse::page::{self, Page};

/// Words of a per-operation status section or its header: `状态码`,
/// `返回值`, `返回码`, `Status Code`, `Status code`. Three searchers, each
/// match checked for what follows (`返回` then `值` or `码`): every file
/// that holds a table is searched.
static WORDS: LazyLock<[Finder<'static>; 3]> = LazyLock::new(|| {
    [
        Finder::new("状态码".as_bytes()),
        Finder::new("返回".as_bytes()),
        Finder::new(b"Status "),
    ]
});

/// Where the status words of `b` start, in no particular order.
fn status_words(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    WORDS.iter().enumerate().flat_map(move |(k, w)| {
        w.find_iter(b).filter(move |&at| {
            let rest = &b[at + w.needle().len()..];
            match k {
                0 => true,
                1 => rest.starts_with("值".as_bytes()) || rest.starts_with("码".as_bytes()),
                _ => rest.starts_with(b"Code") || rest.starts_with(b"code"),
            }
        })
    })
}

/// A quick look: whether `src` may hold a per-operation status table (a
/// table, and a status word). Most files are turned down without parsing.
pub fn probe(src: &str) -> bool {
    let b = src.as_bytes();
    (memchr::memmem::find(b, b"<table").is_some() || memchr::memchr(b'|', b).is_some())
        && status_words(b).next().is_some()
}

/// Reads the per-operation status tables of `src`, if it is an API page.
///
/// An API page's status table comes in its last sections, after long
/// parameter tables: when the page has a request line and a heading that
/// names status codes (`## 返回值`, `## 状态码`), only the text from that
/// heading on is read, behind a request line that keeps it an API page, and
/// every span is moved back to its place in the file. Else the whole page is
/// read.
pub fn parse(src: &str) -> Option<Page> {
    if !probe(src) {
        return None;
    }
    if let Some(at) = status_heading(src) {
        const LEAD: &str = "GET /\n\n";
        let mut tail = String::with_capacity(LEAD.len() + src.len() - at);
        tail.push_str(LEAD);
        tail.push_str(&src[at..]);
        let mut page = page::parse_operations(&tail)?;
        shift(&mut page, at, LEAD.len());
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
/// Found from the status words (memchr's searchers), not line by line: a
/// status heading is a line starting with `#` that holds a status word;
/// fences and tables before it are found the same way.
fn status_heading(src: &str) -> Option<usize> {
    let b = src.as_bytes();
    let line_start = |at: usize| memchr::memrchr(b'\n', &b[..at]).map_or(0, |i| i + 1);
    // Whether `at` is the first character of its line after white space.
    let leads = |at: usize| src[line_start(at)..at].trim_start().is_empty();
    // Fence lines: a line starting with ``` or ~~~ opens or closes one.
    let mut fences: Vec<usize> = FENCES
        .iter()
        .flat_map(|f| f.find_iter(b))
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
    let html = TABLE.find_iter(b).map(line_start).find(outside);
    let pipe = memchr::memchr_iter(b'|', b)
        .filter(|&at| leads(at))
        .map(line_start)
        .find(outside);
    let first_table = html.into_iter().chain(pipe).min()?;
    let mut words: Vec<usize> = status_words(&b[first_table..])
        .map(|at| line_start(first_table + at))
        .filter(|&l| l > first_table)
        .collect();
    words.sort_unstable();
    words.dedup();
    words.into_iter().find(|&l| {
        let line_end = memchr::memchr(b'\n', &b[l..]).map_or(b.len(), |i| l + i);
        let t = src[l..line_end].trim_start();
        t.starts_with('#') && outside(&l)
    })
}

static FENCES: LazyLock<[Finder<'static>; 2]> =
    LazyLock::new(|| [Finder::new(b"```"), Finder::new(b"~~~")]);
static TABLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"<table"));

/// Moves every span of `page`, read from a text whose `lead` first bytes
/// were added before the file's bytes from `at`, back to the file.
fn shift(page: &mut Page, at: usize, lead: usize) {
    use crate::source::Span;
    let f = |s: &mut Span| {
        s.start = s.start + at - lead;
        s.end = s.end + at - lead;
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

/// A digest of a page's text, to tell whether it changed between the first
/// reading and [`restore_sources`]. Not for security: a fast multiply-rotate
/// hash over four lanes of 8 bytes (SipHash took 4% of a corpus run).
pub fn digest(text: &str) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mix = |h: u64, v: u64| (h ^ v).wrapping_mul(K).rotate_left(29);
    let b = text.as_bytes();
    let mut lanes = [1u64, 2, 3, 4].map(|i| (b.len() as u64 ^ i).wrapping_mul(K));
    let mut blocks = b.chunks_exact(32);
    for block in &mut blocks {
        for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
            let v = u64::from_le_bytes(word.try_into().expect("8 bytes"));
            *lane = mix(*lane, v);
        }
    }
    let mut h = lanes.iter().fold(0, |h, &l| mix(h, l));
    for &x in blocks.remainder() {
        h = mix(h, u64::from(x));
    }
    h ^ (h >> 32)
}

/// API pages are kept without their text while the tree is read (1,400
/// pages of 30 MB would double the memory of a run): only the pages that a
/// finding points at are read again, here, on as many threads as the
/// machine has (this runs after the walk, when nothing else does).
/// `digests[i]` is the digest of `docs[from + i]` when it was first read.
/// Returns the pages that could not be read again, or that changed since,
/// with why.
pub fn restore_sources(
    docs: &mut [crate::model::Doc],
    from: usize,
    digests: &[u64],
    needed: &std::collections::BTreeSet<usize>,
) -> Vec<(usize, String)> {
    let wanted: Vec<(usize, &mut crate::model::Doc)> = docs
        .iter_mut()
        .enumerate()
        .filter(|(i, d)| *i >= from && needed.contains(i) && d.src.is_empty())
        .collect();
    let restore = |(i, doc): (usize, &mut crate::model::Doc)| {
        let text = std::fs::read(&doc.file)
            .map_err(|e| format!("cannot read: {}", crate::walk::io_message(&e)))
            .and_then(|b| {
                crate::source::decode_any(&b)
                    .map(|d| d.text.into_owned())
                    .map_err(|e| e.to_string())
            });
        match text {
            Ok(t) if digest(&t) == digests[i - from] => {
                doc.src = t;
                None
            }
            Ok(_) => Some((i, "changed while doclint was reading the tree".to_string())),
            Err(e) => Some((i, e)),
        }
    };
    crate::par::map(wanted, restore)
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
                if t.starts_with('#') && table_before && status_words(t.as_bytes()).next().is_some()
                {
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
            assert_eq!(status_heading(src), by_lines(src), "{src:?}");
        }
    }

    #[test]
    fn digest_tells_texts_apart() {
        let a = "请求成功。".repeat(20);
        let mut b = a.clone();
        b.replace_range(b.len() - 3.., "，");
        assert_ne!(digest(&a), digest(&b));
        assert_eq!(digest(&a), digest(&a.clone()));
        assert_ne!(digest(""), digest(" "));
        assert_ne!(digest(&"a".repeat(32)), digest(&"a".repeat(33)));
    }
}
