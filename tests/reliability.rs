//! No input crashes doclint and nothing is lost: bad files are named, the
//! rest of the tree is still linted, and `--fix` leaves a file it cannot
//! write exactly as it was.

use std::fs;
use std::path::Path;

use crate::util::*;

/// A tree of good seed pages beside every kind of bad input.
fn bad_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write_seeds(d);
    let nat = fs::read_to_string(d.join("nat/状态码.md")).unwrap();
    fs::create_dir(d.join("bad")).unwrap();
    let bad = d.join("bad");
    fs::write(
        bad.join("invalid-utf8.md"),
        b"# \xe7\x8a\xb6\n\xff\xfe tail",
    )
    .unwrap();
    fs::write(bad.join("binary.md"), b"\x7fELF\x02\x01\x01\x00\x00\x00").unwrap();
    fs::write(
        bad.join("broken-html.md"),
        "<table><tr><td>200<td>OK<tr><td>400<td \"unclosed\n<table",
    )
    .unwrap();
    fs::write(bad.join("truncated.md"), &nat[..nat.len() / 2]).unwrap();
    fs::write(bad.join("empty.md"), "").unwrap();
    fs::write(bad.join("bom-only.md"), "\u{feff}").unwrap();
    fs::write(
        bad.join("long-line.md"),
        format!("{}\n{}\n", "x".repeat(5_000_000), nat),
    )
    .unwrap();
    fs::write(bad.join("nested.md"), "<table><tr><td>".repeat(20_000)).unwrap();
    fs::write(
        bad.join("nested-quotes.md"),
        format!("{} x\n\n{nat}", ">".repeat(20_000)),
    )
    .unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("..", bad.join("loop")).unwrap();
        std::os::unix::fs::symlink("/nonexistent/gone.md", bad.join("gone.md")).unwrap();
        // A broken link to a file doclint does not read: not an error.
        std::os::unix::fs::symlink("/nonexistent/layout.erb", bad.join("layout.erb")).unwrap();
    }
    dir
}

fn report_in(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let mut all = vec!["--format"];
    all.extend_from_slice(args);
    let (code, out, err) = run_in(dir, &all);
    let v = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{code}: {out}{err}"));
    (code, v, err)
}

#[test]
fn every_bad_input_is_named_and_the_rest_is_linted() {
    let dir = bad_tree();
    let (code, r, _) = report_in(dir.path(), &["json"]);
    assert_eq!(code, 2, "a file that cannot be read exits 2");
    let errors: Vec<(String, String)> = r["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |path: &str, words: &str| errors.iter().any(|(p, m)| p == path && m.contains(words));
    assert!(
        has("bad/invalid-utf8.md", "invalid UTF-8 at byte 6 (line 2)"),
        "{errors:?}"
    );
    assert!(has("bad/binary.md", "binary file"), "{errors:?}");
    #[cfg(unix)]
    {
        assert!(has("bad/loop", "link loop"), "{errors:?}");
        assert!(has("bad/gone.md", "broken link"), "{errors:?}");
        assert!(
            errors.iter().all(|(p, _)| !p.contains("layout.erb")),
            "{errors:?}"
        );
    }
    // Broken HTML, empty files, a 5 MB line, 20,000 levels of nesting: read
    // without complaint (they are not errors, only odd pages).
    for quiet in ["broken-html", "empty", "bom-only", "nested", "truncated"] {
        assert!(
            errors.iter().all(|(p, _)| !p.contains(quiet)),
            "{quiet}: {errors:?}"
        );
    }
    // The good pages' findings are intact: exactly those of the same tree
    // without the files that could not be read.
    for (path, _) in &errors {
        let p = dir.path().join(path);
        let _ = fs::remove_file(&p);
    }
    let (code, without, _) = report_in(dir.path(), &["json"]);
    assert_eq!(code, 1);
    assert_eq!(without["findings"], r["findings"]);
    assert!(
        without["summary"]["pages"].as_u64().unwrap() >= 8,
        "{}",
        without["summary"]
    );
    assert_found_exact_in(dir.path(), &r);
    // Human output and SARIF name them too.
    let dir = bad_tree();
    let (_, human, _) = run_in(dir.path(), &["--color", "never"]);
    assert!(human.contains("error: bad/invalid-utf8.md: invalid UTF-8"));
    let (_, sarif, _) = report_in(dir.path(), &["sarif"]);
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), errors.len());
}

/// Every way of reading a tree, run on each odd file alone, ends without a
/// panic: `pages --explain` once stopped at a table whose file ends inside
/// a character with no line break after it (cold trial, Alibaba WAF docs).
#[test]
fn every_command_reads_every_odd_file() {
    let dir = bad_tree();
    let bad = dir.path().join("bad");
    fs::write(
        bad.join("ends-in-a-character.md"),
        "| Code | Description |\n|--|--|\n| 404 | Not found |\n| 405 | Not allowed |\n| 500 | Erreur du serveur — réessayez plus tard é",
    )
    .unwrap();
    let mut files: Vec<String> = fs::read_dir(&bad)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md") && n != "gone.md")
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{files:?}");
    for f in &files {
        let path = format!("bad/{f}");
        for args in [
            vec!["pages", "--explain", path.as_str()],
            vec!["pages", "--operations", path.as_str()],
            vec!["model", path.as_str()],
            vec!["--format", "json", path.as_str()],
        ] {
            let (code, _, err) = run_in(dir.path(), &args);
            assert!(
                (0..=2).contains(&code) && !err.contains("panicked"),
                "{args:?}: exit {code}\n{err}"
            );
        }
    }
    let (_, out, _) = run_in(
        dir.path(),
        &["pages", "--explain", "bad/ends-in-a-character.md"],
    );
    assert!(out.contains("table 1 (lines 1-5)"), "{out}");
}

fn assert_found_exact_in(dir: &Path, r: &serde_json::Value) {
    for f in r["findings"].as_array().unwrap() {
        if f["found"].is_null() {
            continue;
        }
        let bytes = fs::read(dir.join(f["path"].as_str().unwrap())).unwrap();
        let (s, e) = (
            f["span"]["start"].as_u64().unwrap() as usize,
            f["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            f["found"].as_str().unwrap()
        );
    }
}

#[test]
fn files_vanishing_during_a_run_are_named_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let nat = fs::read(root().join("fixtures/seeds/nat/状态码.md")).unwrap();
    for i in 0..600 {
        let svc = dir.path().join(format!("s{i:03}"));
        fs::create_dir(&svc).unwrap();
        fs::write(svc.join("状态码.md"), &nat).unwrap();
    }
    let settings = doclint::lint::Settings {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    // Delete pages while the walk runs, several times over.
    for round in 0..3 {
        let path = dir.path().to_path_buf();
        let deleter = std::thread::spawn(move || {
            for i in (round..600).step_by(3) {
                let _ = fs::remove_file(path.join(format!("s{i:03}/状态码.md")));
            }
        });
        let outcome = doclint::lint::lint(&settings);
        deleter.join().unwrap();
        assert!(outcome.docs.len() + outcome.errors.len() <= 600);
        for e in &outcome.errors {
            assert!(e.message.contains("not found"), "{e:?}");
        }
    }
}

#[test]
fn bom_and_crlf_copies_read_as_the_same_codes_everywhere() {
    // Every fixture page, with a BOM and CRLF line endings, reads as the same
    // codes, reasons and descriptions.
    let dir = tempfile::tempdir().unwrap();
    let (_, out, _) = run(&["pages", "fixtures/corpus"]);
    let plain: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    for p in &plain {
        let path = p["path"].as_str().unwrap();
        let text = fs::read_to_string(root().join(path))
            .unwrap()
            .replace("\r\n", "\n");
        let to = dir.path().join(path);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::write(&to, format!("\u{feff}{}", text.replace('\n', "\r\n"))).unwrap();
    }
    let (_, out, _) = run_in(dir.path(), &["pages", "fixtures/corpus"]);
    let bom: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(bom.len(), plain.len());
    let rows = |p: &serde_json::Value| -> Vec<String> {
        p["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["code"], r["reason"]["text"], r["description"]["text"]
                )
            })
            .collect()
    };
    for (a, b) in plain.iter().zip(&bom) {
        assert_eq!(rows(a), rows(b), "{}", a["path"]);
    }
    for p in &bom {
        let bytes = fs::read(dir.path().join(p["path"].as_str().unwrap())).unwrap();
        for r in p["rows"].as_array().unwrap() {
            let (s, e) = span_of(&r["code_span"]);
            assert_eq!(&bytes[s..e], r["code_slice"].as_str().unwrap().as_bytes());
        }
    }
}

#[test]
fn a_fix_never_changes_the_codes_of_a_page() {
    // Found by the apply_fixes fuzzer: a Chinese description, and stray
    // markup after a code (`503< headers=…>`), read as reason phrases were
    // "fixed" into ones, and the rows were lost.
    for case in [
        "apply-fixes-chinese-reason.md",
        "apply-fixes-markup-reason.md",
    ] {
        fix_keeps_codes(case);
    }
}

fn fix_keeps_codes(case: &str) {
    let dir = tempfile::tempdir().unwrap();
    let reference = fs::read(root().join("fixtures/seeds/dew/状态码.md")).unwrap();
    for svc in ["a", "b"] {
        fs::create_dir(dir.path().join(svc)).unwrap();
        fs::write(dir.path().join(svc).join("s.md"), &reference).unwrap();
    }
    fs::create_dir(dir.path().join("c")).unwrap();
    fs::copy(
        root().join("fixtures/fuzz").join(case),
        dir.path().join("c/s.md"),
    )
    .unwrap();
    let codes = |d: &Path| -> String {
        let (_, out, _) = run_in(d, &["pages"]);
        let pages: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
        pages
            .iter()
            .map(|p| {
                format!(
                    "{}: {:?}\n",
                    p["path"],
                    p["rows"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|r| r["code"].as_u64().unwrap())
                        .collect::<Vec<_>>()
                )
            })
            .collect()
    };
    let before = codes(dir.path());
    run_in(dir.path(), &["--fix", "--unsafe-fixes"]);
    assert_eq!(codes(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn fix_into_a_vanished_folder_leaves_the_others_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write_seeds(dir.path());
    let settings = doclint::lint::Settings {
        paths: vec![dir.path().to_path_buf()],
        ..Default::default()
    };
    let outcome = doclint::lint::lint(&settings);
    let plans = doclint::fix::files::plan(&outcome, doclint::fix::Applicability::Safe);
    assert!(plans.len() >= 2);
    // nat's folder vanishes between reading and writing.
    fs::remove_dir_all(dir.path().join("nat")).unwrap();
    let applied = doclint::fix::files::write_all(&outcome, &plans);
    assert_eq!(applied.errors.len(), 1);
    assert!(applied.errors[0].path.ends_with("nat/状态码.md"));
    assert!(
        applied.errors[0].message.starts_with("not fixed"),
        "{:?}",
        applied.errors
    );
    assert_eq!(applied.files, plans.len() - 1, "the others are fixed");
    assert!(!dir.path().join("nat").exists(), "nothing is recreated");
}

/// A folder doclint may not read is named, and the rest is linted. Root
/// reads every folder, so as root the run drops to `nobody` with setpriv;
/// skipped, with the reason printed, where that cannot be done.
#[cfg(unix)]
#[test]
fn an_unreadable_folder_is_named() {
    use std::os::unix::fs::PermissionsExt;
    use std::process::Command;
    let dir = tempfile::tempdir().unwrap();
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
    write_seeds(dir.path());
    for e in walk_all(dir.path()) {
        fs::set_permissions(
            &e,
            fs::Permissions::from_mode(if e.is_dir() { 0o755 } else { 0o644 }),
        )
        .unwrap();
    }
    fs::set_permissions(dir.path().join("smn"), fs::Permissions::from_mode(0o000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("doclint");
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let mut cmd = if root_user {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    // Can this user run the binary at all (its folders may be private)?
    let probe = if root_user {
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .arg("--version")
            .output()
    } else {
        Command::new(&bin).arg("--version").output()
    };
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!(
            "skipped an_unreadable_folder_is_named: cannot run doclint as an unprivileged user here"
        );
        fs::set_permissions(dir.path().join("smn"), fs::Permissions::from_mode(0o755)).unwrap();
        return;
    }
    let out = cmd
        .current_dir(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    fs::set_permissions(dir.path().join("smn"), fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["errors"][0]["path"], "smn");
    assert_eq!(r["errors"][0]["message"], "permission denied");
    assert_eq!(r["summary"]["pages"], 4, "the other pages are linted");
}

fn walk_all(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk_all(&p));
        }
        out.push(p);
    }
    out
}
