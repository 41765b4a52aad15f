//! Property tests: applying edits never touches bytes outside them, and
//! `--fix` converges on randomly damaged punctuation.

use std::fs;

use doclint::fix::{Applicability, Edit, apply, files};
use doclint::lint::{Settings, lint};
use proptest::prelude::*;

use crate::util::write_seeds;

/// Checks that `new` is `old` with `edits` applied and nothing else changed.
fn assert_only_edits(old: &str, new: &str, edits: &[Edit]) {
    let mut at_old = 0;
    let mut at_new = 0;
    for e in edits {
        let gap = &old[at_old..e.start];
        assert_eq!(
            &new[at_new..at_new + gap.len()],
            gap,
            "bytes before an edit changed"
        );
        at_new += gap.len();
        assert_eq!(&new[at_new..at_new + e.replacement.len()], e.replacement);
        at_new += e.replacement.len();
        at_old = e.end;
    }
    assert_eq!(
        &new[at_new..],
        &old[at_old..],
        "bytes after the last edit changed"
    );
}

fn text_and_edits() -> impl Strategy<Value = (String, Vec<Edit>)> {
    "[a-z。，<>&\r\n 状态码]{0,64}".prop_flat_map(|text| {
        let chars: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        let n = chars.len();
        (
            Just(text),
            proptest::collection::vec((0..n, 0..n, "[。，x]{0,3}"), 0..6),
            Just(chars),
        )
            .prop_map(|(text, raw, chars)| {
                // Non-overlapping edits on character boundaries.
                let mut edits: Vec<Edit> = raw
                    .into_iter()
                    .map(|(a, b, r)| {
                        let (s, e) = if a <= b { (a, b) } else { (b, a) };
                        Edit {
                            start: chars[s],
                            end: chars[e],
                            replacement: r,
                        }
                    })
                    .collect();
                edits.sort();
                let mut kept: Vec<Edit> = Vec::new();
                for e in edits {
                    if kept
                        .last()
                        .is_none_or(|k| e.start >= k.end && e.start > k.start)
                    {
                        kept.push(e);
                    }
                }
                (text, kept)
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn apply_touches_only_the_edits((text, edits) in text_and_edits()) {
        let (new, applied) = apply(&text, &edits);
        prop_assert_eq!(applied, edits.len());
        assert_only_edits(&text, &new, &edits);
    }
}

/// Damage to the punctuation of a page: at the n-th `。`, one of these.
#[derive(Debug, Clone, Copy)]
enum Damage {
    Comma,
    HalfStop,
    Drop,
    Space,
    WideComma,
}

fn damage() -> impl Strategy<Value = Vec<(usize, Damage)>> {
    proptest::collection::vec(
        (
            0usize..40,
            prop_oneof![
                Just(Damage::Comma),
                Just(Damage::HalfStop),
                Just(Damage::Drop),
                Just(Damage::Space),
                Just(Damage::WideComma),
            ],
        ),
        1..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn fix_converges_on_damaged_punctuation(damages in damage()) {
        let dir = tempfile::tempdir().unwrap();
        write_seeds(dir.path());
        // Damage the ecs page's full stops.
        let page = dir.path().join("ecs/通用请求返回值.md");
        let mut text = fs::read_to_string(&page).unwrap();
        for (n, d) in damages {
            let stops: Vec<usize> = text.match_indices('。').map(|(i, _)| i).collect();
            if stops.is_empty() {
                break;
            }
            let at = stops[n % stops.len()];
            let with = match d {
                Damage::Comma => "，",
                Damage::HalfStop => ".",
                Damage::Drop => "",
                Damage::Space => "。 ",
                Damage::WideComma => "、",
            };
            text.replace_range(at..at + '。'.len_utf8(), with);
        }
        fs::write(&page, &text).unwrap();

        let settings = Settings { paths: vec![dir.path().to_path_buf()], ..Settings::default() };
        let mut before = lint(&settings);
        before.read_whole_for_fixes(Applicability::Safe);
        let plans = files::plan(&before, Applicability::Safe);
        for p in &plans {
            let doc = &before.docs[p.doc];
            assert_only_edits(doc.src.text(), &p.new_text, &p.edits);
            // The page still reads as the same codes.
            let reread = doclint::parse::page::parse_str(&p.new_text).unwrap();
            let a: Vec<u16> = doc.page.rows.iter().map(|r| r.code).collect();
            let b: Vec<u16> = reread.rows.iter().map(|r| r.code).collect();
            prop_assert_eq!(a, b);
        }
        let applied = files::write_all(&before, &plans);
        prop_assert!(applied.errors.is_empty());
        // One run converges: no safe fix remains, and planning again is empty.
        let mut after = lint(&settings);
        after.read_whole_for_fixes(Applicability::Safe);
        prop_assert!(after.findings.iter().all(|f| !f.fixable(Applicability::Safe)));
        prop_assert!(files::plan(&after, Applicability::Safe).is_empty());
    }
}

/// Pieces of status pages to build random ones from.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<table>".to_string()),
        Just("</table>".to_string()),
        Just("<thead><tr><th>状态码</th><th>说明</th></tr></thead>".to_string()),
        Just("<tr>".to_string()),
        Just("</tr>".to_string()),
        Just("<td>".to_string()),
        Just("</td>".to_string()),
        Just("<td rowspan=\"2\">".to_string()),
        Just("<td colspan=0>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<!-- ".to_string()),
        Just(" -->".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("\n    ".to_string()),
        Just("```\n".to_string()),
        Just("-   正常\n".to_string()),
        Just("**表 1**  异常返回值\n".to_string()),
        Just("| 返回值 | 说明 |\n|---|---|\n".to_string()),
        Just("| 404 Not Found | 资源不存在。 |\n".to_string()),
        Just("\\|".to_string()),
        Just("&nbsp;".to_string()),
        Just("&amp".to_string()),
        Just("\u{feff}".to_string()),
        (100u16..600).prop_map(|c| c.to_string()),
        (100u16..600).prop_map(|c| format!("{c} Bad Request")),
        "[a-zA-Z 。，、（）()<>/&;#=\"'|*_`-]{0,12}",
        "[\u{4e00}-\u{4e20}]{1,6}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_random_pages_never_panics_and_spans_are_exact(parts in proptest::collection::vec(fragment(), 0..80)) {
        let src: String = parts.concat();
        if let Some(page) = doclint::parse::page::parse_str(&src) {
            let ok = |s: doclint::source::Span| {
                s.start <= s.end && s.end <= src.len() && src.is_char_boundary(s.start) && src.is_char_boundary(s.end)
            };
            for t in &page.tables {
                prop_assert!(ok(t.span));
                if let Some(b) = t.broken {
                    prop_assert!(ok(b.at));
                }
            }
            for r in &page.rows {
                prop_assert!(ok(r.code_span));
                prop_assert_eq!(&src[r.code_span.start..r.code_span.end], r.code.to_string());
                for cell in r.reason.iter().chain(r.description.iter()) {
                    for f in &cell.fragments {
                        prop_assert!(ok(f.span));
                        prop_assert_eq!(f.chars(&src).len(), f.text.chars().count());
                    }
                }
            }
        }
    }
}
