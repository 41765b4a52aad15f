//! Fixes: sets of byte edits with an applicability, in the style of ruff.
//!
//! A fix only ever replaces text a reader sees: the bytes of a cell's text
//! pieces, never the markup around or between them. Replacements are escaped
//! for where they go (HTML entities in an HTML cell, `\|` in a pipe table).

pub mod files;

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::parse::page::TableKind;
use crate::parse::text::Cell;
use crate::source::{SourceText, Span};

/// How safe a fix is. Ordered so that "may this fix apply?" is one
/// comparison: `fix.applicability >= wanted`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    /// Shown, never applied.
    DisplayOnly,
    /// Applied with `--fix --unsafe-fixes`: it changes wording.
    Unsafe,
    /// Applied with `--fix`: punctuation, width, spacing, case.
    Safe,
}

impl Applicability {
    /// `safe`, `unsafe` or `display-only`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace the bytes `start..end` with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Edit {
    /// First byte replaced.
    pub start: usize,
    /// One past the last byte replaced (equal to `start` for an insertion).
    pub end: usize,
    /// The new bytes.
    pub replacement: String,
}

/// A set of non-overlapping edits, sorted, with their applicability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// How safe it is.
    pub applicability: Applicability,
    /// The edits, sorted by position.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix from `edits`, sorted.
    pub fn new(applicability: Applicability, mut edits: Vec<Edit>) -> Fix {
        edits.sort();
        Fix {
            applicability,
            edits,
        }
    }
}

/// Escapes `text` for a cell of `kind`.
pub fn escape(text: &str, kind: TableKind) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match (kind, c) {
            (_, '&') => out.push_str("&amp;"),
            (_, '<') => out.push_str("&lt;"),
            (_, '>') => out.push_str("&gt;"),
            (TableKind::Pipe, '|' | '\\' | '*' | '_' | '`' | '[' | ']') => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Edits that turn `cell` into `new_text` by replacing the text of each
/// paragraph. `None` when the paragraphs hold markup inside or the new text
/// has another number of paragraphs: then only a person can fix it.
pub fn replace_cell(cell: &Cell, new_text: &str, kind: TableKind) -> Option<Vec<Edit>> {
    let lines: Vec<&str> = new_text.split('\n').collect();
    if lines.len() != cell.fragments.len() || !cell.fragments.iter().all(|f| f.is_plain()) {
        return None;
    }
    Some(
        cell.fragments
            .iter()
            .zip(lines)
            .filter(|(f, line)| f.text != *line)
            .map(|(f, line)| Edit {
                start: f.span.start,
                end: f.span.end,
                replacement: escape(line, kind),
            })
            .collect(),
    )
}

/// Whether `src` holds every byte `cell`'s characters come from (white space
/// around its paragraphs included), and the cell is not empty.
pub fn holds(src: &SourceText, cell: &Cell) -> bool {
    !cell.fragments.is_empty()
        && cell
            .fragments
            .iter()
            .flat_map(|f| &f.pieces)
            .all(|p| src.covers(p.span))
}

/// The smallest edits that turn `cell`'s text into `new_text`, character by
/// character: for punctuation and spacing, which touch a few marks inside
/// text that may also hold markup. `None` when a change would fall between
/// paragraphs, or when `src` does not hold the cell.
pub fn minimal_edits(
    src: &SourceText,
    cell: &Cell,
    new_text: &str,
    kind: TableKind,
) -> Option<Vec<Edit>> {
    if !holds(src, cell) {
        return None;
    }
    // Every character the reader sees with its bytes; paragraph breaks are
    // `None`.
    let mut chars: Vec<(char, Option<Span>)> = Vec::new();
    for (i, f) in cell.fragments.iter().enumerate() {
        if i > 0 {
            chars.push(('\n', None));
        }
        let found = f.chars_at(src.text(), src.offset());
        chars.extend(found.into_iter().map(|(c, s)| (c, Some(s))));
    }
    let old: String = chars.iter().map(|(c, _)| *c).collect();
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_chars(old.as_str(), new_text);
    let mut edits: Vec<Edit> = Vec::new();
    let mut old_i = 0usize; // index into `chars`
    // Where an insertion goes: after the previous character's bytes.
    let insert_at = |i: usize| -> Option<usize> {
        if i > 0 {
            chars[i - 1].1.map(|s| s.end)
        } else {
            chars.first().and_then(|c| c.1).map(|s| s.start)
        }
    };
    let mut pending: Option<Edit> = None;
    for change in diff.iter_all_changes() {
        let value = change.value();
        match change.tag() {
            ChangeTag::Equal => {
                if let Some(e) = pending.take() {
                    edits.push(e);
                }
                old_i += value.chars().count();
            }
            ChangeTag::Delete => {
                for _ in value.chars() {
                    let span = chars[old_i].1?;
                    match pending.as_mut() {
                        Some(e) if e.end == span.start || e.end >= span.end => {
                            e.end = e.end.max(span.end)
                        }
                        Some(_) => return None,
                        None => {
                            pending = Some(Edit {
                                start: span.start,
                                end: span.end,
                                replacement: String::new(),
                            })
                        }
                    }
                    old_i += 1;
                }
            }
            ChangeTag::Insert => {
                if value.contains('\n') {
                    return None;
                }
                let text = escape(value, kind);
                match pending.as_mut() {
                    Some(e) => e.replacement.push_str(&text),
                    None => {
                        let at = insert_at(old_i)?;
                        pending = Some(Edit {
                            start: at,
                            end: at,
                            replacement: text,
                        });
                    }
                }
            }
        }
    }
    if let Some(e) = pending.take() {
        edits.push(e);
    }
    // Merge edits that touch the same bytes (an entity holding two changes).
    edits.sort();
    let mut merged: Vec<Edit> = Vec::new();
    for e in edits {
        match merged.last_mut() {
            Some(last) if e.start < last.end => return None,
            _ => merged.push(e),
        }
    }
    Some(merged)
}

/// Applies `edits` (sorted, non-overlapping; an overlapping edit is skipped)
/// to `src`. Returns the new text and how many edits were applied.
pub fn apply(src: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort();
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    let mut applied = 0;
    for e in sorted {
        if e.start < at || e.end > src.len() || e.start > e.end {
            continue;
        }
        if !src.is_char_boundary(e.start) || !src.is_char_boundary(e.end) {
            continue;
        }
        out.push_str(&src[at..e.start]);
        out.push_str(&e.replacement);
        at = e.end;
        applied += 1;
    }
    out.push_str(&src[at..]);
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::html::push_text_pieces;
    use crate::parse::text::Fragment;

    fn cell(src: &str, spans: &[(usize, usize)]) -> Cell {
        let fragments = spans
            .iter()
            .map(|&(s, e)| {
                let mut pieces = Vec::new();
                push_text_pieces(src, Span::new(s, e), &mut pieces);
                Fragment::from_pieces(src, pieces).unwrap()
            })
            .collect();
        Cell { fragments }
    }

    #[test]
    fn minimal_edits_touch_only_marks() {
        let src = "<p>请求未完成，服务异常</p>";
        let c = cell(src, &[(3, src.len() - 4)]);
        let text = SourceText::whole(src.to_string());
        let edits = minimal_edits(&text, &c, "请求未完成。服务异常。", TableKind::Html).unwrap();
        assert_eq!(edits.len(), 2);
        let (fixed, n) = apply(src, &edits);
        assert_eq!(n, 2);
        assert_eq!(fixed, "<p>请求未完成。服务异常。</p>");
    }

    #[test]
    fn replace_cell_keeps_markup_between_paragraphs() {
        let src = "<p>a</p><p>b</p>";
        let c = cell(src, &[(3, 4), (11, 12)]);
        let edits = replace_cell(&c, "x\nb", TableKind::Html).unwrap();
        assert_eq!(apply(src, &edits).0, "<p>x</p><p>b</p>");
        assert!(replace_cell(&c, "x", TableKind::Html).is_none());
    }

    #[test]
    fn escapes() {
        assert_eq!(escape("a<b&c|d", TableKind::Html), "a&lt;b&amp;c|d");
        assert_eq!(escape("a|b", TableKind::Pipe), "a\\|b");
    }
}
