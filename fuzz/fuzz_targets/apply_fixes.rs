//! A page beside two reference pages: planning and applying every fix
//! (safe and unsafe) never panics, touches only the edited bytes, keeps the
//! page's codes, and converges: fixing the result again changes nothing.
#![no_main]

use doclint::fix::{Applicability, apply, files};
use doclint::lint::{Settings, lint};
use libfuzzer_sys::fuzz_target;

const REFERENCE: &str = "<table><tr><th>返回值</th><th>说明</th></tr>\n<tr><td>200 OK</td><td>请求成功。</td></tr>\n<tr><td>400 Bad Request</td><td>服务器未能处理请求。</td></tr>\n<tr><td>404 Not Found</td><td>资源不存在。</td></tr>\n<tr><td>500 Internal Server Error</td><td>请求未完成。服务异常。</td></tr>\n</table>\n";

fn codes(src: &str) -> Vec<u16> {
    doclint::parse::page::parse_str(src)
        .map(|p| p.rows.iter().map(|r| r.code).collect())
        .unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Ok(page) = std::str::from_utf8(data) else { return };
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (name, text) in [("a", REFERENCE), ("b", REFERENCE), ("c", page)] {
        std::fs::create_dir(dir.path().join(name)).unwrap();
        std::fs::write(dir.path().join(name).join("s.md"), text).unwrap();
    }
    let settings = Settings {
        paths: vec![dir.path().to_path_buf()],
        ..Settings::default()
    };
    let outcome = lint(&settings);
    for plan in files::plan(&outcome, Applicability::Unsafe) {
        let doc = &outcome.docs[plan.doc];
        // Only the edits change bytes.
        let (again, n) = apply(&doc.src, &plan.edits);
        assert_eq!(again, plan.new_text);
        assert_eq!(n, plan.edits.len());
        let mut at = 0;
        let mut out = 0;
        for e in &plan.edits {
            assert_eq!(&plan.new_text.as_bytes()[out..out + (e.start - at)], &doc.src.as_bytes()[at..e.start]);
            out += e.start - at + e.replacement.len();
            at = e.end;
        }
        assert_eq!(&plan.new_text.as_bytes()[out..], &doc.src.as_bytes()[at..]);
        assert_eq!(codes(&plan.new_text), codes(&doc.src), "a fix changed the codes");
    }
    // Converges: apply, lint again, no safe fix left.
    let applied = files::write_all(&outcome, &files::plan(&outcome, Applicability::Safe));
    assert!(applied.errors.is_empty());
    let after = lint(&settings);
    assert!(files::plan(&after, Applicability::Safe).is_empty(), "safe fixes did not converge");
});
