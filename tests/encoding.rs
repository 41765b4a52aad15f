//! Issue 12, class 12: Markdown in GB18030/GBK (common in Chinese
//! repositories) is read, named as not UTF-8, and fixed byte-exact in its
//! own encoding.

use std::fs;

use doclint::source::encode_gb18030;

use crate::util::*;

const PAGE: &str = "<table><tr><th>返回值</th><th>说明</th></tr>\n<tr><td>200 OK</td><td>请求成功。</td></tr>\n<tr><td>400 Bad Request</td><td>服务器未能处理请求。</td></tr>\n<tr><td>404 Not Found</td><td>资源不存在。</td></tr>\n<tr><td>500 Internal Server Error</td><td>服务内部错误。</td></tr>\n</table>\n";

fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for svc in ["a", "b", "c", "d"] {
        fs::create_dir(dir.path().join(svc)).unwrap();
    }
    fs::write(dir.path().join("a/状态码.md"), PAGE).unwrap();
    fs::write(dir.path().join("b/状态码.md"), PAGE).unwrap();
    // A GBK page whose 200 lacks its final 。 (a safe DL002 fix).
    let gbk = encode_gb18030(&PAGE.replace("请求成功。", "请求成功"));
    assert!(std::str::from_utf8(&gbk).is_err());
    fs::write(dir.path().join("c/状态码.md"), gbk).unwrap();
    // A GBK page without any table.
    fs::write(
        dir.path().join("d/说明.md"),
        encode_gb18030("# 说明\n\n本文介绍如何使用接口。\n"),
    )
    .unwrap();
    dir
}

#[test]
fn gbk_files_are_read_and_named_not_utf8() {
    let dir = tree();
    let (code, out, err) = run_in(dir.path(), &["--format", "json"]);
    assert_eq!(code, 1, "{out}{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["summary"]["errors"], 0, "{r}");
    assert_eq!(r["summary"]["pages"], 3, "{r}");
    let f = findings(&r, "DL002");
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["found"], "请求成功");
    assert!(err.contains("not UTF-8: read as GB18030"), "{err}");
    assert!(
        err.contains("状态码.md") && err.contains("说明.md"),
        "{err}"
    );
}

#[test]
fn gbk_files_are_fixed_in_gbk_byte_exact() {
    let dir = tree();
    let (_, out, err) = run_in(dir.path(), &["--fix"]);
    assert!(out.contains("Fixed 1 finding"), "{out}{err}");
    let after = fs::read(dir.path().join("c/状态码.md")).unwrap();
    assert_eq!(after, encode_gb18030(PAGE));
    let untouched = fs::read(dir.path().join("d/说明.md")).unwrap();
    assert_eq!(
        untouched,
        encode_gb18030("# 说明\n\n本文介绍如何使用接口。\n")
    );
    let (code, _, _) = run_in(dir.path(), &["--format", "json"]);
    assert_eq!(code, 0);
}
