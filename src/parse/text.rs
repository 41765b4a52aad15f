//! The text of a table cell, kept with its exact place in the file.
//!
//! A cell is one or more *fragments* (paragraphs: `<p>`, `<br>`, list items
//! split it). A fragment is a run of *pieces*: source text taken as it is, or
//! an entity (`&nbsp;`) whose text differs from its bytes. Markup between
//! pieces is skipped but stays inside the fragment's span, so slicing the file
//! at a span always gives the text as written, and a fix can map every
//! character a reader sees back to the bytes that produce it.

use crate::source::Span;

/// A run of source bytes that produces text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Where the piece is in the file.
    pub span: Span,
    /// The text it stands for when that is not the bytes themselves
    /// (a decoded entity or escape).
    pub decoded: Option<String>,
}

/// One paragraph of a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    /// From the first character a reader sees to the last, in the file.
    pub span: Span,
    /// What a reader sees: entities decoded, white space collapsed.
    pub text: String,
    /// The pieces of text, in order, including white space.
    pub pieces: Vec<Piece>,
}

/// Whether `b` is a byte of white space that HTML and Markdown collapse
/// (all of it is ASCII).
fn is_collapsible_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0c)
}

/// Whether `c` is white space that HTML and Markdown collapse.
/// A no-break space is not: a reader sees it as written.
fn collapsible(c: char) -> bool {
    u8::try_from(c).is_ok_and(is_collapsible_byte)
}

impl Fragment {
    /// Builds a fragment from its pieces; `None` when they hold no visible text.
    pub fn from_pieces(src: &str, pieces: Vec<Piece>) -> Option<Fragment> {
        let (span, text) = Fragment::visible(src, &pieces)?;
        Some(Fragment { span, text, pieces })
    }

    /// [`Fragment::from_pieces`] from pieces a reader reuses: copied only
    /// when they hold visible text (the white space between a cell's tags
    /// makes paragraphs that hold none).
    pub fn from_piece_slice(src: &str, pieces: &[Piece]) -> Option<Fragment> {
        let (span, text) = Fragment::visible(src, pieces)?;
        Some(Fragment {
            span,
            text,
            pieces: pieces.to_vec(),
        })
    }

    /// The span and the text a reader sees of `pieces`; `None` when they
    /// hold no visible text.
    fn visible(src: &str, pieces: &[Piece]) -> Option<(Span, String)> {
        // One pass, no intermediate list: this runs for every cell doclint
        // looks at, most of them in tables that turn out not to matter.
        // White space that collapses is ASCII, so source text is taken a
        // run of visible characters at a time.
        let mut text = String::new();
        let mut span: Option<Span> = None;
        let mut in_space = false;
        // Adds a run of visible text that the bytes `at` produce.
        let mut visible = |run: &str, at: Span, in_space: &mut bool| {
            match span.as_mut() {
                None => span = Some(at),
                Some(s) => {
                    if *in_space {
                        text.push(' ');
                    }
                    s.end = at.end;
                }
            }
            *in_space = false;
            text.push_str(run);
        };
        for p in pieces {
            match &p.decoded {
                None => {
                    let lit = &src[p.span.start..p.span.end];
                    let b = lit.as_bytes();
                    let mut i = 0;
                    while i < b.len() {
                        if is_collapsible_byte(b[i]) {
                            in_space = true;
                            i += 1;
                            continue;
                        }
                        let end = b[i..]
                            .iter()
                            .position(|&c| is_collapsible_byte(c))
                            .map_or(b.len(), |j| i + j);
                        let at = Span::new(p.span.start + i, p.span.start + end);
                        visible(&lit[i..end], at, &mut in_space);
                        i = end;
                    }
                }
                Some(d) => {
                    for c in d.chars() {
                        if collapsible(c) {
                            in_space = true;
                        } else {
                            let mut buf = [0; 4];
                            visible(c.encode_utf8(&mut buf), p.span, &mut in_space);
                        }
                    }
                }
            }
        }
        Some((span?, text))
    }

    /// Each character of [`Fragment::text`] with the bytes that produce it: a
    /// collapsed run of white space maps to the whole run, an entity to all
    /// of its bytes.
    pub fn chars(&self, src: &str) -> Vec<(char, Span)> {
        self.chars_at(src, 0)
    }

    /// [`Fragment::chars`] where `text` is the file's text from byte `base`
    /// (a page kept as the lines of its tables) and covers the fragment.
    pub fn chars_at(&self, text: &str, base: usize) -> Vec<(char, Span)> {
        let all = char_map(text, base, &self.pieces);
        let mut out = Vec::with_capacity(all.len());
        let mut iter = all
            .into_iter()
            .skip_while(|(c, _)| collapsible(*c))
            .peekable();
        while let Some((c, span)) = iter.next() {
            if collapsible(c) {
                let mut run = span;
                while let Some((c2, s2)) = iter.peek() {
                    if !collapsible(*c2) {
                        break;
                    }
                    run = run.cover(*s2);
                    iter.next();
                }
                if iter.peek().is_some() {
                    out.push((' ', run));
                }
            } else {
                out.push((c, span));
            }
        }
        out
    }

    /// Whether every byte of the fragment's span is text (no markup inside),
    /// so that the whole span may be replaced without touching markup.
    pub fn is_plain(&self) -> bool {
        let mut at = self.span.start;
        for p in &self.pieces {
            if p.span.end <= self.span.start || p.span.start >= self.span.end {
                continue;
            }
            if p.span.start > at {
                return false;
            }
            at = at.max(p.span.end);
        }
        at >= self.span.end
    }
}

/// Every character of `pieces` (white space uncollapsed) with its bytes.
fn char_map(text: &str, base: usize, pieces: &[Piece]) -> Vec<(char, Span)> {
    let mut out = Vec::new();
    for p in pieces {
        match &p.decoded {
            None => {
                for (i, c) in text[p.span.start - base..p.span.end - base].char_indices() {
                    let start = p.span.start + i;
                    out.push((c, Span::new(start, start + c.len_utf8())));
                }
            }
            Some(text) => out.extend(text.chars().map(|c| (c, p.span))),
        }
    }
    out
}

/// A table cell: its paragraphs in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The paragraphs; empty for an empty cell.
    pub fragments: Vec<Fragment>,
}

impl Cell {
    /// From the first text to the last, markup between paragraphs included.
    pub fn span(&self) -> Option<Span> {
        let first = self.fragments.first()?;
        let last = self.fragments.last()?;
        Some(Span::new(first.span.start, last.span.end))
    }

    /// What a reader sees: paragraphs joined by a newline.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (i, f) in self.fragments.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(&f.text);
        }
        out
    }

    /// [`Cell::text`], borrowed when the cell is one paragraph (most are).
    pub fn text_cow(&self) -> std::borrow::Cow<'_, str> {
        match self.fragments.as_slice() {
            [] => std::borrow::Cow::Borrowed(""),
            [one] => std::borrow::Cow::Borrowed(&one.text),
            _ => std::borrow::Cow::Owned(self.text()),
        }
    }

    /// Whether the cell shows nothing.
    pub fn is_empty(&self) -> bool {
        self.fragments.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The character-by-character reading `from_pieces` replaced, as the
    /// oracle: (text, span).
    fn by_chars(src: &str, pieces: &[Piece]) -> Option<(String, Span)> {
        let mut text = String::new();
        let mut span: Option<Span> = None;
        let mut in_space = false;
        for p in pieces {
            let mut visit = |c: char, at: Span| {
                if collapsible(c) {
                    in_space = true;
                    return;
                }
                match span.as_mut() {
                    None => span = Some(at),
                    Some(s) => {
                        if in_space {
                            text.push(' ');
                        }
                        s.end = at.end;
                    }
                }
                in_space = false;
                text.push(c);
            };
            match &p.decoded {
                None => {
                    for (i, c) in src[p.span.start..p.span.end].char_indices() {
                        let start = p.span.start + i;
                        visit(c, Span::new(start, start + c.len_utf8()));
                    }
                }
                Some(d) => d.chars().for_each(|c| visit(c, p.span)),
            }
        }
        Some((text, span?))
    }

    proptest! {
        #[test]
        fn from_pieces_reads_as_char_by_char(
            parts in proptest::collection::vec(("[ a\t\n\r\u{c}\u{a0}状态码。]{0,6}", proptest::option::of("[ x\u{a0}\n]{0,2}")), 0..6)
        ) {
            let mut src = String::new();
            let mut pieces = Vec::new();
            for (text, decoded) in &parts {
                let start = src.len();
                src.push_str(text);
                pieces.push(Piece { span: Span::new(start, src.len()), decoded: decoded.clone() });
            }
            let got = Fragment::from_pieces(&src, pieces.clone()).map(|f| (f.text, f.span));
            prop_assert_eq!(got, by_chars(&src, &pieces));
        }
    }

    fn lit(s: usize, e: usize) -> Piece {
        Piece {
            span: Span::new(s, e),
            decoded: None,
        }
    }

    #[test]
    fn fragment_trims_and_collapses() {
        let src = "  Bad&nbsp;Request \n ok ";
        let pieces = vec![
            lit(0, 5),
            Piece {
                span: Span::new(5, 11),
                decoded: Some("\u{a0}".into()),
            },
            lit(11, src.len()),
        ];
        let f = Fragment::from_pieces(src, pieces).unwrap();
        assert_eq!(f.text, "Bad\u{a0}Request ok");
        assert_eq!(&src[f.span.start..f.span.end], "Bad&nbsp;Request \n ok");
        assert!(f.is_plain());
        let chars = f.chars(src);
        assert_eq!(chars.len(), f.text.chars().count());
        assert_eq!(chars[3].1, Span::new(5, 11));
    }

    #[test]
    fn markup_inside_is_not_plain() {
        let src = "<b>a</b>b";
        let f = Fragment::from_pieces(src, vec![lit(3, 4), lit(8, 9)]).unwrap();
        assert_eq!(f.text, "ab");
        assert_eq!(&src[f.span.start..f.span.end], "a</b>b");
        assert!(!f.is_plain());
    }
}
