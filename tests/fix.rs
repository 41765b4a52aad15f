//! `--fix`, `--unsafe-fixes`, `--diff`: byte-exact edits, nothing else
//! touched, convergence in one run, and files that must not be written.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::util::*;

/// A writable copy of the seeds plus real pages with CRLF, pipe tables and
/// entities.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pages = [
        "seeds/dew/状态码.md",
        "seeds/ecs/通用请求返回值.md",
        "seeds/nat/状态码.md",
        "seeds/rds/通用请求Http State Code.md",
        "seeds/smn/状态码.md",
        "corpus/aos/cn.zh-cn/API 参考/状态码.md",
        "corpus/bms/cn.zh-cn/API参考/状态码.md",
        "corpus/eip/cn.zh-cn/API参考/状态码.md",
        "corpus/ocr/cn.zh-cn/API参考/状态码.md",
        "corpus/cph/cn.zh-cn/API参考/返回值.md",
        "corpus/oms/cn.zh-cn/API参考/状态码.md",
    ];
    for p in pages {
        let rel = p.split_once('/').unwrap().1;
        let to = dir.path().join(rel);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(root().join("fixtures").join(p), &to).unwrap();
        let mut perm = fs::metadata(&to).unwrap().permissions();
        #[allow(clippy::permissions_set_readonly_false)]
        perm.set_readonly(false);
        fs::set_permissions(&to, perm).unwrap();
    }
    dir
}

fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walk(dir) {
        out.insert(
            e.strip_prefix(dir).unwrap().display().to_string(),
            fs::read(&e).unwrap(),
        );
    }
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn report(dir: &Path, extra: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    let (code, out, err) = run_in(dir, &args);
    (
        code,
        serde_json::from_str(&out).unwrap_or_else(|_| panic!("{out}{err}")),
    )
}

/// Applies the fixes of `report` at `level` (and safer) the way the tool
/// documents it: a whole fix or none, identical edits shared, overlapping
/// ones left out.
fn expected_files(dir: &Path, r: &serde_json::Value, levels: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let mut by_file: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for f in r["findings"].as_array().unwrap() {
        let fix = &f["fix"];
        if fix.is_null() || !levels.contains(&fix["applicability"].as_str().unwrap()) {
            continue;
        }
        let edits = by_file
            .entry(f["path"].as_str().unwrap().to_string())
            .or_default();
        let new: Vec<(usize, usize, String)> = fix["edits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                    e["replacement"].as_str().unwrap().to_string(),
                )
            })
            .filter(|e| !edits.contains(e))
            .collect();
        let clash = new.iter().any(|n| {
            edits
                .iter()
                .any(|t| (n.0 < t.1 && t.0 < n.1) || (n.0 == t.0 && n.1 == t.1))
        });
        if !clash {
            edits.extend(new);
        }
    }
    let mut out = snapshot(dir);
    for (path, mut edits) in by_file {
        edits.sort();
        let old = out[&path].clone();
        let mut new = Vec::new();
        let mut at = 0;
        for (s, e, r) in edits {
            new.extend_from_slice(&old[at..s]);
            new.extend_from_slice(r.as_bytes());
            at = e;
        }
        new.extend_from_slice(&old[at..]);
        out.insert(path, new);
    }
    out
}

fn codes(dir: &Path) -> Vec<(String, Vec<u64>)> {
    let (code, out, err) = run_in(dir, &["pages"]);
    assert_eq!(code, 0, "{err}");
    let pages: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    pages
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap().to_string(),
                p["rows"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r["code"].as_u64().unwrap())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn fix_applies_exactly_the_reported_safe_edits() {
    let dir = tree();
    let before = snapshot(dir.path());
    let codes_before = codes(dir.path());
    let (code, r) = report(dir.path(), &[]);
    assert_eq!(code, 1);
    let safe = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fix"]["applicability"] == "safe")
        .count();
    assert!(safe >= 6, "the seeds alone have 6 safe fixes");
    let expected = expected_files(dir.path(), &r, &["safe"]);
    assert_ne!(expected, before);

    let (code, out, _) = run_in(dir.path(), &["--fix"]);
    assert_eq!(code, 1, "unsafe and display-only findings remain");
    assert!(out.contains(&format!("Fixed {safe} findings in ")), "{out}");
    let after = snapshot(dir.path());
    assert_eq!(
        after, expected,
        "each file is the original with exactly the safe edits"
    );
    // CRLF and the pipe tables survived: only the edited bytes changed.
    let aos = "aos/cn.zh-cn/API 参考/状态码.md";
    assert_eq!(
        before[aos].iter().filter(|b| **b == b'\r').count(),
        after[aos].iter().filter(|b| **b == b'\r').count()
    );
    assert_eq!(
        codes(dir.path()),
        codes_before,
        "the pages read as the same codes"
    );

    // Converged: no finding with a safe fix remains, and a second --fix is a no-op.
    let (_, r2) = report(dir.path(), &[]);
    assert!(
        r2["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["fix"]["applicability"] != "safe"),
        "{r2}"
    );
    let (_, out, _) = run_in(dir.path(), &["--fix"]);
    assert!(out.contains("Fixed 0 findings in 0 files."));
    assert_eq!(snapshot(dir.path()), after);
}

#[test]
fn unsafe_fixes_replace_wording_and_converge() {
    let dir = tree();
    let codes_before = codes(dir.path());
    let (_, r) = report(dir.path(), &[]);
    let expected = expected_files(dir.path(), &r, &["safe", "unsafe"]);
    run_in(dir.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(snapshot(dir.path()), expected);
    assert_eq!(codes(dir.path()), codes_before);
    // dew's 400 now has the canonical text.
    let dew = fs::read_to_string(dir.path().join("dew/状态码.md")).unwrap();
    assert!(!dew.contains("请求参数有误。"));
    assert!(dew.contains(">Accepted</p>"));
    // Converged in one run: nothing fixable remains, a second run is a no-op.
    let (_, r2) = report(dir.path(), &[]);
    assert!(
        r2["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["fix"].is_null()),
        "{r2}"
    );
    let settled = snapshot(dir.path());
    let (_, out, _) = run_in(dir.path(), &["--fix", "--unsafe-fixes"]);
    assert!(out.contains("Fixed 0 findings"), "{out}");
    assert_eq!(snapshot(dir.path()), settled);
}

#[test]
fn diff_prints_and_writes_nothing() {
    let dir = tree();
    let before = snapshot(dir.path());
    let (code, out, err) = run_in(dir.path(), &["--diff"]);
    assert_eq!(code, 1, "a non-empty diff exits 1");
    assert!(
        out.contains("--- a/nat/状态码.md\n+++ b/nat/状态码.md\n"),
        "{out}"
    );
    assert!(out.contains("-<td class=\"cellrowborder\""));
    assert!(out.contains("请求未完成。服务异常。</p>"));
    assert!(err.contains("Would fix"));
    assert_eq!(snapshot(dir.path()), before);
    // `--fix --diff` is the diff of what `--fix` would write (ruff's
    // reading): the same, and nothing written.
    let (code, again, _) = run_in(dir.path(), &["--fix", "--diff"]);
    assert_eq!((code, &again), (1, &out));
    assert_eq!(snapshot(dir.path()), before);
    // After fixing, the diff is empty and exits 0.
    run_in(dir.path(), &["--fix"]);
    let (code, out, _) = run_in(dir.path(), &["--diff"]);
    assert_eq!(code, 0);
    assert!(out.is_empty());
}

#[cfg(unix)]
#[test]
fn files_that_must_not_be_written_are_left_as_they_were() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tree();
    // A read-only page: refused, the others fixed.
    let nat = dir.path().join("nat/状态码.md");
    let mode = fs::metadata(&nat).unwrap().permissions().mode();
    fs::set_permissions(&nat, fs::Permissions::from_mode(0o444)).unwrap();
    let nat_before = fs::read(&nat).unwrap();
    let (code, out, _) = run_in(dir.path(), &["--fix"]);
    assert_eq!(code, 2, "a file that could not be fixed exits 2");
    assert!(
        out.contains("nat/状态码.md: not fixed: the file is read-only"),
        "{out}"
    );
    assert_eq!(fs::read(&nat).unwrap(), nat_before);
    let dew = fs::read_to_string(dir.path().join("dew/状态码.md")).unwrap();
    assert!(
        dew.contains(">Multiple Choices</p>"),
        "other files are still fixed"
    );
    fs::set_permissions(&nat, fs::Permissions::from_mode(mode)).unwrap();
    // Permissions are kept through the rename.
    fs::set_permissions(&nat, fs::Permissions::from_mode(0o640)).unwrap();
    run_in(dir.path(), &["--fix"]);
    assert_ne!(fs::read(&nat).unwrap(), nat_before);
    assert_eq!(
        fs::metadata(&nat).unwrap().permissions().mode() & 0o777,
        0o640
    );

    // A link that leaves the tree is not written through.
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("smn.md");
    fs::copy(root().join("fixtures/seeds/dew/状态码.md"), &target).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o644)).unwrap();
    let inside = tempfile::tempdir().unwrap();
    fs::create_dir(inside.path().join("nat")).unwrap();
    symlink(&target, inside.path().join("nat/状态码.md")).unwrap();
    let target_before = fs::read(&target).unwrap();
    let (code, out, _) = run_in(inside.path(), &["--fix", "nat/状态码.md"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("outside the linted tree"), "{out}");
    assert_eq!(fs::read(&target).unwrap(), target_before);
}

#[test]
fn a_file_changed_since_it_was_read_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.md");
    fs::write(&p, "new").unwrap();
    let err = doclint::fix::files::write(&p, dir.path(), "old", "fixed").unwrap_err();
    assert!(err.contains("changed since doclint read it"));
    assert_eq!(fs::read_to_string(&p).unwrap(), "new");
    doclint::fix::files::write(&p, dir.path(), "new", "fixed").unwrap();
    assert_eq!(fs::read_to_string(&p).unwrap(), "fixed");
    // No temporary file is left behind.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}
