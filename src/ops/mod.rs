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
pub fn parse(src: &str) -> Option<Page> {
    if !probe(src) {
        return None;
    }
    page::parse_operations(src)
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
