//! The byte filter run on every file before any parsing: whether some table
//! cell may start with a status code.
//!
//! Every status table has a cell whose text starts with a code
//! ([`super::page::parse_code`] reads it at the start of a cell's text, as
//! the HTML and pipe-table readers give it). In the file, that code is three
//! digits (the first not 0) that no letter, digit or `.` follows, and before
//! them, past white space, entities and Markdown marks (and an `HTTP` or
//! `HTTP/1.1`), the end of a tag (`>`), a `|`, or the start of the file; in
//! a file with a `|` (a pipe table), also a line start or the end of a link
//! or image (`![](x.png) 200`). A file without one holds no status table of
//! either kind and need not be parsed: about four files in five of the
//! Huawei corpus. The filter only ever lets too much through, except for a
//! code split by markup (`4<b>00</b>`), which is not seen as one.
//!
//! It looks for the codes first, then back from each: runs of exactly three
//! digits are rare (70,000 in the corpus's 97 MB, against 3 million `>`),
//! and on x86-64 with AVX2 they are found 32 bytes at a time.

/// Whether some table cell of `src` may start with a status code (see the
/// module's documentation).
pub fn may_hold_code(src: &str) -> bool {
    let b = src.as_bytes();
    let mut pipe = None;
    candidates(b, |c| {
        let at = match c {
            // `400s`, `400.1`: not a code.
            Candidate::Code(at)
                if b.get(at + 3)
                    .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'.') =>
            {
                return false;
            }
            // `&#52;` may be a digit: then a code may start there.
            Candidate::Code(at) => at,
            // A digit written as an entity may end a code begun in plain
            // digits (`4&#48;0`): read back from them.
            Candidate::NumericEntity(at) => {
                at - b[at.saturating_sub(2)..at]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_digit())
                    .count()
            }
        };
        let mut budget = BUDGET;
        reaches_anchor(b, at, &mut pipe, &mut budget)
    })
}

/// Steps back from one candidate before giving up and letting the file
/// through: entities may be read back in more than one way (`&a&b;`).
const BUDGET: usize = 256;

/// Where a status code may start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Candidate {
    /// Three digits, the first not 0, with no digit before or after.
    Code(usize),
    /// `&#`.
    NumericEntity(usize),
}

/// Whether the text before `at` reads back, past white space, entities,
/// marks and `HTTP`, to where a cell's text starts. `pipe` is whether the
/// file has a `|`, found when first needed.
fn reaches_anchor(b: &[u8], mut at: usize, pipe: &mut Option<bool>, budget: &mut usize) -> bool {
    loop {
        if *budget == 0 {
            return true;
        }
        *budget -= 1;
        let Some(&c) = at.checked_sub(1).and_then(|i| b.get(i)) else {
            // The start of the file.
            return true;
        };
        match c {
            b'>' | b'|' => return true,
            b'\n' | b'\r' | b')' | b']'
                if *pipe.get_or_insert_with(|| memchr::memchr(b'|', b).is_some()) =>
            {
                return true;
            }
            c if trimmed(c) => at -= 1,
            // The end of an entity: back to any `&` that it may close.
            b';' => {
                let end = at - 1;
                let from = end.saturating_sub(32);
                return b[from..end]
                    .iter()
                    .enumerate()
                    .rev()
                    .take_while(|(_, c)| **c != b';')
                    .filter(|(_, c)| **c == b'&')
                    .any(|(i, _)| reaches_anchor(b, from + i, pipe, budget));
            }
            b'P' | b'/' | b'0'..=b'9' | b'.' => match http_before(b, at) {
                Some(h) => at = h,
                // Markup or an entity inside `HTTP/1.1` (`<b>HTTP</b>/1.1`,
                // `HTTP&sol;1.1`): an `HTTP` just before lets the file
                // through.
                None => {
                    return memchr::memmem::rfind(&b[at.saturating_sub(64)..at], b"HTTP").is_some();
                }
            },
            // White space beyond ASCII (a no-break or ideographic space, a
            // byte order mark) is trimmed too.
            0x80.. => {
                let start = (at.saturating_sub(4)..at)
                    .rev()
                    .find(|&i| b[i] & 0xC0 != 0x80)
                    .unwrap_or(at - 1);
                let ch = std::str::from_utf8(&b[start..at])
                    .ok()
                    .and_then(|s| s.chars().next());
                match ch {
                    Some(ch) if ch.is_whitespace() || ch == '\u{feff}' => at = start,
                    _ => return false,
                }
            }
            _ => return false,
        }
    }
}

/// Whether ASCII byte `c` may stand between a cell's start and its code in
/// the file, left out of the cell's text: white space, Markdown marks
/// (`**400**`, `` `400` ``, `_400_`, `[400](…)`, `![400](x.png)`, an image's
/// text being its cell's), quotes and escapes.
fn trimmed(c: u8) -> bool {
    matches!(
        c,
        b'\t'..=b'\r' | b' ' | b'*' | b'`' | b'"' | b'\'' | b'_' | b'[' | b'(' | b'\\' | b'!'
    )
}

/// Where `HTTP` or `HTTP/1.1` (a version of digits and dots) starts when it
/// ends at `at`.
fn http_before(b: &[u8], at: usize) -> Option<usize> {
    let head = &b[..at];
    if head.ends_with(b"HTTP") {
        return Some(at - 4);
    }
    let version = head
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_digit() || **c == b'.')
        .count();
    let slash = at - version;
    (slash >= 5 && &b[slash - 5..slash] == b"HTTP/").then(|| slash - 5)
}

/// Bits of one 64-byte block: digits, `0`, `&`, `#`.
#[derive(Debug, Clone, Copy, Default)]
struct Masks {
    digit: u64,
    zero: u64,
    amp: u64,
    hash: u64,
}

/// Calls `found` on every candidate of `b` in order until it says `true`;
/// whether one did. Most files hold no `&#` (none of the Huawei corpus):
/// their blocks are not searched for one.
fn candidates(b: &[u8], found: impl FnMut(Candidate) -> bool) -> bool {
    // `&` is rare (`#` is not): found alone.
    let entities = memchr::memchr_iter(b'&', b).any(|i| b.get(i + 1) == Some(&b'#'));
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, just checked.
        return unsafe {
            match entities {
                true => avx2::candidates::<true>(b, found),
                false => avx2::candidates::<false>(b, found),
            }
        };
    }
    match entities {
        true => scan(b, portable_masks::<true>, found),
        false => scan(b, portable_masks::<false>, found),
    }
}

/// The masks of one block, a byte at a time; `&` and `#` only when
/// `ENTITIES`.
fn portable_masks<const ENTITIES: bool>(block: &[u8; 64]) -> Masks {
    let mut m = Masks::default();
    for (i, &c) in block.iter().enumerate() {
        let bit = 1u64 << i;
        m.digit |= if c.is_ascii_digit() { bit } else { 0 };
        m.zero |= if c == b'0' { bit } else { 0 };
        if ENTITIES {
            m.amp |= if c == b'&' { bit } else { 0 };
            m.hash |= if c == b'#' { bit } else { 0 };
        }
    }
    m
}

/// The candidates of `b`, from the masks of each 64-byte block (the last
/// padded with zeros). A block's candidates are read when the next block's
/// masks are known, as a code may end in it.
#[inline(always)]
fn scan(
    b: &[u8],
    masks: impl Fn(&[u8; 64]) -> Masks,
    mut found: impl FnMut(Candidate) -> bool,
) -> bool {
    let (blocks, tail) = b.as_chunks::<64>();
    let mut last = [0u8; 64];
    last[..tail.len()].copy_from_slice(tail);
    let mut prev = Masks::default();
    // The digit bit of the byte before `prev`'s block.
    let mut before = 0u64;
    // Where the block of `m` starts; `prev`'s is 64 bytes before (none
    // before the first block: its masks are empty).
    let mut offset = 0usize;
    let all = blocks.iter().chain(std::iter::once(&last));
    for m in all.map(&masks).chain(std::iter::once(Masks::default())) {
        let d = u128::from(prev.digit) | (u128::from(m.digit) << 64);
        let codes = prev.digit
            & !prev.zero
            & (d >> 1) as u64
            & (d >> 2) as u64
            & !(d >> 3) as u64
            & !((prev.digit << 1) | before);
        let entities = prev.amp & ((prev.hash >> 1) | (m.hash << 63));
        if codes | entities != 0 {
            let mut bits = codes | entities;
            while bits != 0 {
                let i = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let at = offset + i - 64;
                let c = if codes >> i & 1 == 1 {
                    Candidate::Code(at)
                } else {
                    Candidate::NumericEntity(at)
                };
                if found(c) {
                    return true;
                }
            }
        }
        before = prev.digit >> 63;
        prev = m;
        offset += 64;
    }
    false
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    use super::{Candidate, Masks, scan};

    /// [`super::candidates`] with AVX2.
    #[target_feature(enable = "avx2")]
    pub(super) fn candidates<const ENTITIES: bool>(
        b: &[u8],
        found: impl FnMut(Candidate) -> bool,
    ) -> bool {
        scan(b, |block| masks::<ENTITIES>(block), found)
    }

    #[target_feature(enable = "avx2")]
    fn masks<const ENTITIES: bool>(block: &[u8; 64]) -> Masks {
        let mut m = Masks::default();
        for half in 0..2 {
            // SAFETY: 32 bytes from 0 or 32 lie in the 64 of `block`.
            let x = unsafe { _mm256_loadu_si256(block.as_ptr().add(32 * half).cast()) };
            let y = _mm256_sub_epi8(x, _mm256_set1_epi8(b'0' as i8));
            let digit = _mm256_cmpeq_epi8(_mm256_min_epu8(y, _mm256_set1_epi8(9)), y);
            let bits = |v: __m256i| u64::from(_mm256_movemask_epi8(v) as u32) << (32 * half);
            m.digit |= bits(digit);
            m.zero |= bits(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'0' as i8)));
            if ENTITIES {
                m.amp |= bits(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'&' as i8)));
                m.hash |= bits(_mm256_cmpeq_epi8(x, _mm256_set1_epi8(b'#' as i8)));
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The filter read forward, from every place a cell's text may start,
    /// as doclint did before it looked for codes first: the oracle.
    fn forward(src: &str) -> bool {
        let b = src.as_bytes();
        let pipe = memchr::memchr(b'|', b).is_some();
        (0..=b.len())
            .filter(|&i| {
                i == 0
                    || matches!(b[i - 1], b'>' | b'|')
                    || (pipe && matches!(b[i - 1], b'\n' | b'\r' | b')' | b']'))
            })
            .any(|i| code_follows(b, i))
    }

    fn code_follows(b: &[u8], mut at: usize) -> bool {
        loop {
            match b.get(at) {
                Some(b'1'..=b'9') => break,
                Some(b'H') if b[at..].starts_with(b"HTTP") => {
                    at += 4;
                    if b.get(at) == Some(&b'/') {
                        at += 1;
                        while b.get(at).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                            at += 1;
                        }
                    }
                }
                Some(&c) if trimmed(c) => at += 1,
                Some(b'&') => match memchr::memchr(b';', &b[at..b.len().min(at + 33)]) {
                    _ if b.get(at + 1) == Some(&b'#') => return true,
                    Some(k) => at += k + 1,
                    None => return false,
                },
                Some(0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF) => {
                    let end = b.len().min(at + 4);
                    let ch = (at + 2..=end)
                        .rev()
                        .find_map(|e| std::str::from_utf8(&b[at..e]).ok())
                        .and_then(|s| s.chars().next());
                    match ch {
                        Some(ch) if ch.is_whitespace() || ch == '\u{feff}' => at += ch.len_utf8(),
                        _ => return false,
                    }
                }
                _ => return false,
            }
        }
        b.len() >= at + 3
            && b[at + 1].is_ascii_digit()
            && b[at + 2].is_ascii_digit()
            && !b
                .get(at + 3)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'.')
    }

    fn all_candidates(b: &[u8], masks: impl Fn(&[u8; 64]) -> Masks) -> Vec<Candidate> {
        let mut out = Vec::new();
        scan(b, masks, |c| {
            out.push(c);
            false
        });
        out
    }

    #[test]
    fn a_cell_that_may_start_with_a_code() {
        for src in [
            "<td>400</td>",
            "<td class=\"x\">\n  404 Not Found</td>",
            "<td><p><a name=\"x\"></a>500</p></td>",
            "<td>&nbsp;400</td>",
            "<td>\u{3000}400</td>",
            "<td>\u{a0}**400**</td>",
            "<td>`400`</td>",
            "<td>HTTP/1.1 404</td>",
            "<td>HTTP400</td>",
            "<td>HTTP/ 400</td>",
            "<td>HTTP&nbsp;<b>400</b></td>",
            "<td>&#52;00</td>",
            "<td>&a&nbsp;400</td>",
            "| 400 | Bad |",
            "a | b\n--|--\n400 | x\n",
            "a | b\n--|--\nx\n  400\n",
            "> 400 | x",
            "400",
            "| a | b |\n|---|---|\n| _200_ | OK |\n| __404__ | Not Found |\n",
            "Code | Desc\r---|---\r200 | OK\r",
            "| a |\n|---|\n| ![](ok.png) 200 |\n| [](#r) 404 |\n",
            "| a |\n|---|\n| ![400](x.png) | 请求错误 |\n",
        ] {
            assert!(may_hold_code(src), "{src:?}");
            assert!(forward(src), "{src:?}");
            // Wherever the code falls in the 64-byte blocks.
            for pad in [1, 30, 60, 61, 62, 63, 64, 127] {
                let moved = format!("{}{src}", " ".repeat(pad));
                assert!(may_hold_code(&moved), "{moved:?}");
            }
        }
        // What only the backward reading lets through: markup or entities
        // inside `HTTP/1.1`, a digit written as an entity.
        for src in [
            "| **HTTP**/1.1 200 | 请求成功。 |",
            "| HTTP/*1.1* 400 |",
            "| `HTTP`/1.1 400 |",
            "| HTTP\\/1.1 400 |",
            "<td><b>HTTP</b>/1.1 400</td>",
            "<td>HTTP/1<b>.</b>1 400</td>",
            "<td>HTTP&sol;1.1 400</td>",
            "<td>4&#48;0</td>",
            "<td>40&#48;</td>",
        ] {
            assert!(may_hold_code(src), "{src:?}");
        }
        for src in [
            "",
            "<td>4001</td><td>40</td><td>400.1</td><td>400s</td>",
            "<td>参数</td><td>0400</td><td>x 400</td>",
            "text\n400 lines start with numbers but no table has a pipe\n",
            "<td>HTTPS</td><td>HTTP 协议</td><td>x4001</td>",
        ] {
            assert!(!may_hold_code(src), "{src:?}");
        }
    }

    /// A status page whose codes carry `HTTP/1.1` with markup inside is read
    /// by the readers, and so must pass the filter.
    #[test]
    fn markup_inside_http_still_lets_a_page_through() {
        let rows: String = [
            (400, "Bad Request"),
            (404, "Not Found"),
            (500, "Internal Server Error"),
        ]
        .iter()
        .map(|(c, r)| format!("| **HTTP**/1.1 {c} | {r} | 请求出错{c}。 |\n"))
        .collect();
        let src = format!("# 状态码\n\n| 状态码 | 编码 | 说明 |\n| --- | --- | --- |\n{rows}");
        let page = crate::parse::page::parse_str(&src).expect("a status page");
        assert_eq!(page.rows.len(), 3);
        assert!(may_hold_code(&src));
    }

    #[test]
    fn candidates_are_every_code_shaped_run() {
        let src = format!("{}123 4567 089 x200y &#52; 99 404", "a".repeat(62));
        let at = |s: &str| src.find(s).unwrap();
        let want = vec![
            Candidate::Code(at("123")),
            Candidate::Code(at("200")),
            Candidate::NumericEntity(at("&#")),
            Candidate::Code(at("404")),
        ];
        assert_eq!(all_candidates(src.as_bytes(), portable_masks::<true>), want);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            let mut found = Vec::new();
            // SAFETY: the CPU has AVX2, just checked.
            unsafe {
                avx2::candidates::<true>(src.as_bytes(), |c| {
                    found.push(c);
                    false
                })
            };
            assert_eq!(found, want);
        }
    }

    proptest! {
        /// Every place the forward reading finds, the filter finds: it
        /// never turns down a file the old filter (and so the readers)
        /// took, wherever the bytes fall in the blocks.
        #[test]
        fn finds_what_the_forward_reading_finds(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "<td>", ">", "|", "\n", "\r", " ", "&nbsp;", "&#52;", "&a", "&", ";", "400",
                "4001", "40", "0400", "200", "HTTP", "HTTP/1.1", "/", ".", "P", "x", "状",
                "\u{3000}", "\u{a0}", "*", "_", "(", ")", "[", "]", "`", "1", "9", "aaaaaaaaaaaaaaaa",
            ]), 0..40),
        ) {
            let src: String = parts.concat();
            if forward(&src) {
                prop_assert!(may_hold_code(&src), "{:?}", src);
            }
        }

        /// The AVX2 masks give the candidates the portable ones give.
        #[test]
        fn avx2_and_portable_agree(bytes in proptest::collection::vec(
            proptest::sample::select(b"0123456789&#ax ".to_vec()), 0..300)) {
            let want = all_candidates(&bytes, portable_masks::<true>);
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                let mut found = Vec::new();
                // SAFETY: the CPU has AVX2, just checked.
                unsafe {
                    avx2::candidates::<true>(&bytes, |c| {
                        found.push(c);
                        false
                    })
                };
                prop_assert_eq!(found, want.clone());
            }
            // What the filter runs (the masks without `&` and `#` when
            // the bytes hold no `&#`) finds them too.
            let mut gated = Vec::new();
            candidates(&bytes, |c| {
                gated.push(c);
                false
            });
            prop_assert_eq!(gated, want.clone());
            // And they are the code-shaped runs and `&#`, found one by one.
            let b = &bytes;
            let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
            let slow: Vec<Candidate> = (0..b.len())
                .filter_map(|i| {
                    if b[i] == b'&' && b.get(i + 1) == Some(&b'#') {
                        Some(Candidate::NumericEntity(i))
                    } else if (b'1'..=b'9').contains(&b[i])
                        && digit(i + 1)
                        && digit(i + 2)
                        && !digit(i + 3)
                        && (i == 0 || !digit(i - 1))
                    {
                        Some(Candidate::Code(i))
                    } else {
                        None
                    }
                })
                .collect();
            prop_assert_eq!(want, slow);
        }
    }
}
