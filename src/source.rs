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

/// Maps byte offsets of one file to 1-based lines and character columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the lines of `text`.
    pub fn new(text: &str) -> Self {
        // A line ends at `\n`, `\r\n`, or a lone `\r` (old Mac files).
        let b = text.as_bytes();
        let mut line_starts = vec![0];
        if memchr::memchr(b'\r', b).is_none() {
            // Most files: `\n` only, a quicker search.
            line_starts.extend(memchr::memchr_iter(b'\n', b).map(|i| i + 1));
        } else {
            line_starts.extend(
                memchr::memchr2_iter(b'\n', b'\r', b)
                    .filter(|&i| b[i] == b'\n' || b.get(i + 1) != Some(&b'\n'))
                    .map(|i| i + 1),
            );
        }
        LineIndex { line_starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    /// Byte offset where 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// Number of lines.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line and 1-based column (in characters) of byte `offset`.
    /// The BOM is not counted as a column: editors do not show it.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let mut start = self.line_starts[line];
        if start == 0 && text.starts_with(BOM) && offset >= BOM.len() {
            start = BOM.len();
        }
        let col = text[start..offset].chars().count();
        (line + 1, col + 1)
    }

    /// The byte range of 0-based `line`, without its line ending.
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_starts[line];
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |next| next - 1);
        if end > start && matches!(text.as_bytes()[end - 1], b'\r' | b'\n') {
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
