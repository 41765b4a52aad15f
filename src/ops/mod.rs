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

/// Words of a per-operation status section or its header.
static WORDS: LazyLock<[Finder<'static>; 5]> = LazyLock::new(|| {
    [
        Finder::new("状态码".as_bytes()),
        Finder::new("返回值".as_bytes()),
        Finder::new("返回码".as_bytes()),
        Finder::new(b"Status Code"),
        Finder::new(b"Status code"),
    ]
});

/// A quick look: whether `src` may hold a per-operation status table (a
/// table, and a status word). Most files are turned down without parsing.
pub fn probe(src: &str) -> bool {
    let b = src.as_bytes();
    (memchr::memmem::find(b, b"<table").is_some() || memchr::memchr(b'|', b).is_some())
        && WORDS.iter().any(|w| w.find(b).is_some())
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
        return Some(page);
    }
    page::parse_operations(src)
}

/// Where the first heading naming status codes starts, when a table comes
/// before it (the parameters of an API page) and no code fence is open.
fn status_heading(src: &str) -> Option<usize> {
    let mut at = 0;
    let mut table_before = false;
    let mut fence = false;
    for line in src.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        } else if !fence {
            if t.starts_with('#')
                && table_before
                && WORDS.iter().any(|w| w.find(t.as_bytes()).is_some())
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
/// reading and [`restore_sources`].
pub fn digest(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// API pages are kept without their text while the tree is read (1,400
/// pages of 30 MB would double the memory of a run): only the pages that a
/// finding points at are read again, here. `digests[i]` is the digest of
/// `docs[from + i]` when it was first read. Returns the pages that could
/// not be read again, or that changed since, with why.
pub fn restore_sources(
    docs: &mut [crate::model::Doc],
    from: usize,
    digests: &[u64],
    needed: &std::collections::BTreeSet<usize>,
) -> Vec<(usize, String)> {
    let mut failed = Vec::new();
    for &i in needed.iter().filter(|&&i| i >= from) {
        let doc = &mut docs[i];
        if !doc.src.is_empty() {
            continue;
        }
        let text = std::fs::read(&doc.file)
            .map_err(|e| format!("cannot read: {}", crate::walk::io_message(&e)))
            .and_then(|b| {
                crate::source::decode_any(&b)
                    .map(|d| d.text.into_owned())
                    .map_err(|e| e.to_string())
            });
        match text {
            Ok(t) if digest(&t) == digests[i - from] => doc.src = t,
            Ok(_) => failed.push((i, "changed while doclint was reading the tree".into())),
            Err(e) => failed.push((i, e)),
        }
    }
    failed
}
