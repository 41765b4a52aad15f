//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `doclint` run from the project root.
pub fn doclint() -> Command {
    let mut cmd = Command::cargo_bin("doclint").expect("binary");
    cmd.current_dir(root())
        .env_remove("NO_COLOR")
        .env("COLUMNS", "120");
    cmd
}

/// Runs doclint with `args`; returns (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = doclint().args(args).output().expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// Runs doclint in `dir` with `args`.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = doclint()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// The JSON report for `paths`, and the exit code.
pub fn json(paths: &[&str]) -> (i32, Value) {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(paths);
    let (code, out, err) = run(&args);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON ({e}): {out}\n{err}"));
    (code, v)
}

/// The JSON report for `args` run in `dir`, and the exit code.
pub fn json_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run_in(dir, &all);
    let v = serde_json::from_str(&out).unwrap_or_else(|e| panic!("bad JSON ({e}): {out}\n{err}"));
    (code, v)
}

/// `doclint pages` for `paths`.
pub fn pages(paths: &[&str]) -> Vec<Value> {
    let mut args = vec!["pages"];
    args.extend_from_slice(paths);
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).expect("pages JSON")
}

/// The description text of each row of a page of `pages` JSON (every row
/// has one).
pub fn descriptions(page: &Value) -> Vec<&str> {
    page["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["description"]["text"].as_str().expect("a description"))
        .collect()
}

/// Findings of `rule` in the report.
pub fn findings<'a>(report: &'a Value, rule: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .collect()
}

/// Reads a file relative to the project root (paths in reports are).
pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Checks that every span in `doclint pages` output slices its file to
/// exactly the reported slice, and that every `found` in a report does too.
pub fn assert_spans_exact(pages: &[Value]) -> usize {
    assert_spans_exact_in(&root(), pages)
}

/// [`assert_spans_exact`] for pages whose paths are relative to `dir`.
pub fn assert_spans_exact_in(dir: &Path, pages: &[Value]) -> usize {
    let mut n = 0;
    for p in pages {
        let path = dir.join(p["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let check = |span: &Value, slice: &Value| {
            let (s, e) = span_of(span);
            assert_eq!(
                std::str::from_utf8(&bytes[s..e]).unwrap(),
                slice.as_str().unwrap(),
                "{}",
                p["path"]
            );
        };
        for r in p["rows"].as_array().unwrap() {
            check(&r["code_span"], &r["code_slice"]);
            assert_eq!(r["code_slice"].as_str().unwrap(), r["code"].to_string());
            n += 1;
            for key in ["reason", "description"] {
                let c = &r[key];
                if c.is_null() {
                    continue;
                }
                check(&c["span"], &c["slice"]);
                for f in c["fragments"].as_array().unwrap() {
                    check(&f["span"], &f["slice"]);
                    n += 1;
                }
            }
        }
    }
    n
}

/// Parses a `start..end` span of `doclint pages`.
pub fn span_of(v: &Value) -> (usize, usize) {
    let (s, e) = v.as_str().unwrap().split_once("..").unwrap();
    (s.parse().unwrap(), e.parse().unwrap())
}

/// Checks that every finding's span slices to `found`.
pub fn assert_found_exact(report: &Value) {
    assert_found_exact_in(&root(), report)
}

/// [`assert_found_exact`] for a report whose paths are relative to `dir`.
pub fn assert_found_exact_in(dir: &Path, report: &Value) {
    for f in report["findings"].as_array().unwrap() {
        if f["found"].is_null() {
            continue;
        }
        let path = dir.join(f["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let s = f["span"]["start"].as_u64().unwrap() as usize;
        let e = f["span"]["end"].as_u64().unwrap() as usize;
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            f["found"].as_str().unwrap(),
            "{f}"
        );
    }
}

/// The five seed services.
pub const SEED_SERVICES: [&str; 5] = ["dew", "ecs", "nat", "rds", "smn"];

/// Writes the seed pages into `to`, one folder per service, as new writable
/// files (the fixtures may be read-only).
pub fn write_seeds(to: &Path) {
    for svc in SEED_SERVICES {
        let from = root().join("fixtures/seeds").join(svc);
        std::fs::create_dir_all(to.join(svc)).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            std::fs::write(
                to.join(svc).join(e.file_name()),
                std::fs::read(e.path()).unwrap(),
            )
            .unwrap();
        }
    }
}

/// Copies the folder `from` into `to` (made if missing), folders below too.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// A project in a new folder: an empty `doclint.toml` and `files` (path
/// below the folder, text), their folders made.
pub fn project<P: AsRef<str>, T: AsRef<str>>(files: &[(P, T)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doclint.toml"), "").unwrap();
    for (path, text) in files {
        let path = dir.path().join(path.as_ref());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text.as_ref()).unwrap();
    }
    dir
}
