//! Any bytes: parsing never panics, and every span it reports is in bounds,
//! on character boundaries, and slices to the text it was built from.
#![no_main]

use doclint::parse::page::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(Some(page)) = parse(data) else { return };
    let src = std::str::from_utf8(data).expect("parse accepted it as UTF-8");
    let ok = |s: doclint::source::Span| {
        s.start <= s.end
            && s.end <= src.len()
            && src.is_char_boundary(s.start)
            && src.is_char_boundary(s.end)
    };
    for t in &page.tables {
        assert!(ok(t.span));
        if let Some(b) = t.broken {
            assert!(ok(b.at));
        }
    }
    for r in &page.rows {
        assert!(ok(r.code_span));
        assert_eq!(&src[r.code_span.start..r.code_span.end], r.code.to_string());
        for cell in r.reason.iter().chain(r.description.iter()) {
            for f in &cell.fragments {
                assert!(ok(f.span));
                for p in &f.pieces {
                    assert!(ok(p.span));
                }
                assert_eq!(f.chars(src).len(), f.text.chars().count());
            }
        }
    }
});
