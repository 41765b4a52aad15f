//! Byte offsets (what doclint keeps) to LSP positions and back. LSP counts
//! columns in UTF-16 code units, the one encoding every client speaks.

use lsp_types::{Position, Range};

use crate::source::{LineIndex, Span};

/// A document's text with its line index, for converting positions.
pub struct Lines<'a> {
    text: &'a str,
    index: LineIndex,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The LSP position of byte `offset` (clamped to the text, and to a
    /// character boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.index.line_of(offset);
        let start = self.index.line_start(line);
        let character = self.text[start..offset].encode_utf16().count();
        Position::new(line as u32, character as u32)
    }

    /// The LSP range of `span`.
    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of LSP position `p`; a position past the end of a
    /// line or of the text is clamped to it.
    pub fn offset(&self, p: Position) -> usize {
        let line = p.line as usize;
        if line >= self.index.line_count() {
            return self.text.len();
        }
        let span = self.index.line_span(self.text, line);
        let mut units = 0usize;
        for (i, c) in self.text[span.start..span.end].char_indices() {
            if units >= p.character as usize {
                return span.start + i;
            }
            units += c.len_utf16();
        }
        span.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_columns_round_trip() {
        let text = "ab\r\n状态码𝄞x\nlast";
        let l = Lines::new(text);
        let x = text.find('x').unwrap();
        // 状态码 are one unit each, 𝄞 is two.
        assert_eq!(l.position(x), Position::new(1, 5));
        assert_eq!(l.offset(Position::new(1, 5)), x);
        assert_eq!(l.offset(Position::new(0, 99)), 2);
        assert_eq!(l.offset(Position::new(9, 0)), text.len());
        assert_eq!(l.position(text.len()), Position::new(2, 4));
        // Inside a multi-byte character: the start of it.
        assert_eq!(
            l.position(text.find('态').unwrap() + 1),
            Position::new(1, 1)
        );
    }
}
