//! A file as read from disk: its bytes, checked to be UTF-8, and the map from
//! byte offsets to lines and columns.
//!
//! doclint keeps byte offsets everywhere inside (a BOM counts, CRLF keeps its
//! `\r`); lines and columns exist only for reporting.

use std::fmt;

/// A byte range `start..end` in a file as it is on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// The span `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The UTF-8 byte order mark.
pub const BOM: &str = "\u{feff}";

/// Why a file's bytes are not a page doclint can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes are not UTF-8; `offset` is the first byte that breaks it.
    InvalidUtf8 { offset: usize, line: usize },
    /// A NUL byte: a binary file with a Markdown name.
    Binary { offset: usize },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset, line } => write!(
                f,
                "invalid UTF-8 at byte {offset} (line {line}); doclint reads UTF-8 only"
            ),
            DecodeError::Binary { offset } => {
                write!(f, "binary file (NUL byte at byte {offset}), not Markdown")
            }
        }
    }
}

/// How far into a file to look for a NUL byte.
const BINARY_PROBE: usize = 8 * 1024;

/// Checks that `bytes` are text doclint can read, and returns them as `str`.
pub fn decode(bytes: &[u8]) -> Result<&str, DecodeError> {
    // Like git and ripgrep, a NUL byte near the start marks a binary file.
    let head = &bytes[..bytes.len().min(BINARY_PROBE)];
    if let Some(offset) = memchr::memchr(0, head) {
        return Err(DecodeError::Binary { offset });
    }
    // simdutf8 validates several times faster; on failure, std says where.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..offset]).count();
        DecodeError::InvalidUtf8 { offset, line }
    })
}

/// A file's text, and the encoding it was decoded from when that is not
/// UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The text: the file itself when it is UTF-8.
    pub text: std::borrow::Cow<'a, str>,
    /// `Some("GB18030")` when the file is not UTF-8 and was decoded.
    pub encoding: Option<&'static str>,
}

/// Like [`decode`], but a file that is not UTF-8 and is valid GB18030 (a
/// superset of GBK and GB2312, common in Chinese repositories) is decoded
/// from it. Byte offsets inside such a file's text are offsets into its
/// UTF-8 decoding; fixes are written back in GB18030 only when that gives
/// the same bytes for every untouched part (see `fix::files`).
pub fn decode_any(bytes: &[u8]) -> Result<Decoded<'_>, DecodeError> {
    match decode(bytes) {
        Ok(text) => Ok(Decoded {
            text: std::borrow::Cow::Borrowed(text),
            encoding: None,
        }),
        Err(e @ DecodeError::InvalidUtf8 { .. }) => {
            match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
                Some(text) => Ok(Decoded {
                    text: std::borrow::Cow::Owned(text.into_owned()),
                    encoding: Some("GB18030"),
                }),
                None => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// `text` encoded as GB18030 (which maps every Unicode character).
pub fn encode_gb18030(text: &str) -> Vec<u8> {
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    bytes.into_owned()
}

/// A file's text as a run keeps it: whole (status-code pages, and any page
/// a fix is written to), or only the lines that hold an API page's status
/// tables, with where those lines are in the file. Offsets into it are the
/// file's: [`SourceText::get`] takes the spans the readers found.
///
/// API pages are kept as lines: they are tens of kilobytes each, their
/// status tables a few, and every finding on them points into a table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceText {
    text: String,
    /// Byte offset of `text` in the file.
    at: usize,
    /// Number of lines before `at` (`text`'s first line, 0-based).
    line: usize,
    /// Whether `text` is the whole file.
    whole: bool,
    /// The whole file's length in bytes.
    len: usize,
}

impl SourceText {
    /// The whole text of a file.
    pub fn whole(text: String) -> SourceText {
        SourceText {
            len: text.len(),
            text,
            at: 0,
            line: 0,
            whole: true,
        }
    }

    /// The lines of `file` that `span` touches, whole (a line ends at `\n`,
    /// `\r\n` or a lone `\r`, as for [`LineIndex`]); the whole file when
    /// they are all of it.
    pub fn lines(file: &str, span: Span) -> SourceText {
        let b = file.as_bytes();
        let start = span.start.min(b.len());
        // The line start before `span`: after a `\n`, or a `\r` that no
        // `\n` follows (a span may start between the two).
        let mut at = start;
        let at = loop {
            match memchr::memrchr2(b'\n', b'\r', &b[..at]) {
                Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => at = i,
                Some(i) => break i + 1,
                None => break 0,
            }
        };
        let mut from = span.end.clamp(start, b.len());
        // A span that ends between `\r` and `\n`: the line ends after both.
        if from > 0 && b[from - 1] == b'\r' && b.get(from) == Some(&b'\n') {
            from += 1;
        }
        let end = memchr::memchr2(b'\n', b'\r', &b[from..]).map_or(b.len(), |i| from + i);
        if at == 0 && end == b.len() {
            return SourceText::whole(file.to_string());
        }
        SourceText {
            text: file[at..end].to_string(),
            at,
            line: line_breaks(&b[..at]).count(),
            whole: false,
            len: b.len(),
        }
    }

    /// Reads the whole of `file`, whose lines these are, when they are not
    /// whole: an error when the file cannot be read or is no longer the
    /// file these lines were taken from (another length, other bytes here).
    pub fn read_whole(&mut self, file: &std::path::Path) -> Result<(), String> {
        if self.whole {
            return Ok(());
        }
        let bytes = std::fs::read(file)
            .map_err(|e| format!("cannot read: {}", crate::walk::io_message(&e)))?;
        let text = decode_any(&bytes).map_err(|e| e.to_string())?.text;
        let same = text.len() == self.len
            && text.get(self.at..self.at + self.text.len()) == Some(self.text.as_str());
        if !same {
            return Err("changed while doclint was reading the tree".into());
        }
        *self = SourceText::whole(text.into_owned());
        Ok(())
    }

    /// Whether this is the whole file.
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// The whole file's text, when it is kept whole.
    pub fn whole_text(&self) -> Option<&str> {
        self.whole.then_some(self.text.as_str())
    }

    /// The text at `span` (offsets in the file), if kept.
    pub fn get(&self, span: Span) -> Option<&str> {
        let start = span.start.checked_sub(self.at)?;
        let end = span.end.checked_sub(self.at)?;
        self.text.get(start..end)
    }

    /// Whether `span` (offsets in the file) lies in the text kept.
    pub fn covers(&self, span: Span) -> bool {
        span.start >= self.at && span.end >= span.start && span.end - self.at <= self.text.len()
    }

    /// The text kept: the whole file, or its lines from [`SourceText::offset`].
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset in the file of [`SourceText::text`].
    pub fn offset(&self) -> usize {
        self.at
    }

    /// Whether nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The line index of the text kept, in the file's lines and offsets.
    pub fn index(&self) -> LineIndex {
        let mut index = LineIndex::new(&self.text);
        index.base = self.at;
        index.first_line = self.line;
        for s in &mut index.line_starts {
            *s += self.at;
        }
        index
    }
}

/// Where the line breaks of `b` are: each `\n`, and each `\r` that no `\n`
/// follows (`\r\n` breaks once, a lone `\r` too, as in old Mac files).
fn line_breaks(b: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // Most files have no `\r`: a search for `\n` alone is quicker.
    let cr = memchr::memchr(b'\r', b).is_some();
    let lf_only = (!cr).then(|| memchr::memchr_iter(b'\n', b));
    let mixed = cr.then(|| {
        memchr::memchr2_iter(b'\n', b'\r', b)
            .filter(move |&i| b[i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
    });
    lf_only
        .into_iter()
        .flatten()
        .chain(mixed.into_iter().flatten())
}

/// Maps byte offsets of one file to 1-based lines and character columns.
/// It may index part of a file ([`SourceText::index`]): offsets and lines
/// are still the file's, and the `text` its methods take is the part.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Where each line starts (offsets in the file).
    line_starts: Vec<usize>,
    /// Offset in the file of the text indexed.
    base: usize,
    /// The 0-based line of the text's first line.
    first_line: usize,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(line_breaks(text.as_bytes()).map(|i| i + 1));
        LineIndex {
            line_starts,
            base: 0,
            first_line: 0,
        }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.first_line
            + match self.line_starts.binary_search(&offset) {
                Ok(i) => i,
                Err(i) => i.saturating_sub(1),
            }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line - self.first_line]
    }

    /// Number of lines of the text indexed.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    /// The BOM is not counted as a column: editors do not show it.
    /// An offset inside a character (one byte before a span's end) counts
    /// as that character's.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = self.base + text.floor_char_boundary(offset - self.base);
        let line = self.line_of(offset);
        let mut start = self.line_start(line);
        if start == 0 && text.starts_with(BOM) && offset >= BOM.len() {
            start = BOM.len();
        }
        let col = text[start - self.base..offset - self.base].chars().count();
        (line + 1, col + 1)
    }

    /// The byte range of 0-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let i = line - self.first_line;
        let start = self.line_starts[i];
        let mut end = self
            .line_starts
            .get(i + 1)
            .map_or(self.base + text.len(), |next| next - 1);
        if end > start && matches!(text.as_bytes()[end - 1 - self.base], b'\r' | b'\n') {
            end -= 1;
        }
        Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_and_skips_bom() {
        let text = "\u{feff}ab\r\n状态码x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), (1, 1));
        assert_eq!(idx.line_col(text, 4), (1, 2));
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 4));
        assert_eq!(idx.line_span(text, 0), Span::new(0, 5));
        let mac = "a\rb\rc";
        let idx = LineIndex::new(mac);
        assert_eq!(idx.line_col(mac, 4), (3, 1));
        assert_eq!(idx.line_span(mac, 1), Span::new(2, 3));
    }

    /// Every offset in the lines kept maps to the line and column it has in
    /// the whole file, and every line kept spans what it does there.
    fn same_as_whole(file: &str, span: Span) -> Result<(), proptest::test_runner::TestCaseError> {
        use proptest::prelude::*;
        let kept = SourceText::lines(file, span);
        let whole = LineIndex::new(file);
        let part = kept.index();
        prop_assert!(kept.covers(span));
        prop_assert_eq!(kept.get(span), file.get(span.start..span.end));
        let end = kept.offset() + kept.text().len();
        for at in kept.offset()..=end {
            if !file.is_char_boundary(at) {
                continue;
            }
            prop_assert_eq!(part.line_col(kept.text(), at), whole.line_col(file, at));
            let line = whole.line_of(at);
            prop_assert_eq!(part.line_of(at), line);
            prop_assert_eq!(
                part.line_span(kept.text(), line),
                whole.line_span(file, line)
            );
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn lines_kept_are_located_as_in_the_whole_file(
            parts in proptest::collection::vec("(a|状|\\n|\\r\\n|\\r| |\u{feff})", 0..40),
            ends in (0usize..200, 0usize..200),
        ) {
            let file: String = parts.concat();
            let bounds: Vec<usize> = (0..=file.len()).filter(|&i| file.is_char_boundary(i)).collect();
            let a = bounds[ends.0 % bounds.len()];
            let b = bounds[ends.1 % bounds.len()];
            same_as_whole(&file, Span::new(a.min(b), a.max(b)))?;
        }
    }

    #[test]
    fn lines_kept_and_read_whole() {
        let file = "# t\r\n\r\n| 码 |\n|---|\n| 400 |\rtail\n";
        let at = file.find("400").unwrap();
        let kept = SourceText::lines(file, Span::new(at, at + 3));
        assert_eq!(kept.text(), "| 400 |");
        assert!(!kept.is_whole() && kept.whole_text().is_none());
        assert_eq!(kept.get(Span::new(at, at + 3)), Some("400"));
        assert_eq!(kept.get(Span::new(0, 3)), None);
        assert!(!kept.covers(Span::new(at, file.len())));
        assert_eq!(kept.index().line_col(kept.text(), at), (5, 3));
        // The lines of the whole file are the whole file.
        assert!(SourceText::lines("| 400 |", Span::new(2, 5)).is_whole());

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, file).unwrap();
        let mut same = kept.clone();
        same.read_whole(&path).unwrap();
        assert_eq!(same.whole_text(), Some(file));
        // Other bytes where the lines were, or another length: changed.
        std::fs::write(&path, file.replace("400", "401")).unwrap();
        assert!(
            kept.clone()
                .read_whole(&path)
                .unwrap_err()
                .contains("changed")
        );
        std::fs::write(&path, format!("{file}more")).unwrap();
        assert!(
            kept.clone()
                .read_whole(&path)
                .unwrap_err()
                .contains("changed")
        );
        std::fs::remove_file(&path).unwrap();
        assert!(
            kept.clone()
                .read_whole(&path)
                .unwrap_err()
                .starts_with("cannot read")
        );
    }

    #[test]
    fn decode_names_the_broken_byte() {
        assert_eq!(
            decode(b"ok\n\xff"),
            Err(DecodeError::InvalidUtf8 { offset: 3, line: 2 })
        );
        assert_eq!(decode(b"a\0b"), Err(DecodeError::Binary { offset: 1 }));
    }

    #[test]
    fn gb18030_is_decoded_and_round_trips() {
        let gbk = encode_gb18030("| 状态码 | 说明 |\n");
        assert!(decode(&gbk).is_err());
        let d = decode_any(&gbk).unwrap();
        assert_eq!(d.text, "| 状态码 | 说明 |\n");
        assert_eq!(d.encoding, Some("GB18030"));
        assert_eq!(encode_gb18030(&d.text), gbk);
        assert_eq!(decode_any(b"ok").unwrap().encoding, None);
        assert!(decode_any(b"ok\n\xff").is_err());
    }
}
