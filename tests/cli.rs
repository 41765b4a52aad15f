//! The command line: exit codes, determinism, human output, explain, errors.

use std::fs;

use crate::util::*;

#[test]
fn output_is_byte_identical_across_runs() {
    let a = run(&["--format", "json", "fixtures"]);
    let b = run(&["--format", "json", "fixtures"]);
    assert_eq!(a.1, b.1);
    let a = run(&["--color", "never", "fixtures"]);
    let b = run(&["--color", "never", "fixtures"]);
    assert_eq!(a.1, b.1);
}

/// The JSON report is what one pretty printer gives for the whole report,
/// where its findings are rendered on several threads (64 or more) too.
#[test]
fn json_report_is_one_pretty_printed_document() {
    for (tree, parts) in [("fixtures/corpus", true), ("fixtures/seeds", false)] {
        let (_, out, _) = run(&["--format", "json", tree]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["findings"].as_array().unwrap().len() >= 64, parts);
        assert_eq!(out, serde_json::to_string_pretty(&v).unwrap() + "\n");
    }
    let empty = tempfile::tempdir().unwrap();
    let (_, out, _) = run_in(empty.path(), &["--format", "json", "."]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(out, serde_json::to_string_pretty(&v).unwrap() + "\n");
}

#[test]
fn human_output_is_narrow_and_plain_without_a_terminal() {
    let (code, out, err) = run(&["fixtures"]);
    assert_eq!(code, 1);
    assert!(!out.contains('\u{1b}'), "no colour when not a terminal");
    for line in out.lines() {
        let w = unicode_width::UnicodeWidthStr::width(line);
        assert!(w <= 200, "{w} columns: {line}");
    }
    // The source lines of these pages are 300+ characters: the snippet is cut.
    assert!(out.contains('…'));
    assert!(out.contains("DL001(description-mismatch)"));
    assert!(out.contains("canonical: 服务器未能处理请求。"));
    assert!(out.contains("fixable with --fix"));
    assert!(out.contains("Checked"));
    assert!(err.contains("Finished in"));
    // NO_COLOR wins over --color auto even on a forced width.
    let out = doclint()
        .env("NO_COLOR", "1")
        .arg("fixtures/seeds")
        .output()
        .unwrap();
    assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{1b}'));
}

#[test]
fn diagnostic_snapshot() {
    let (_, out, _) = run(&["--color", "never", "fixtures/seeds"]);
    insta::assert_snapshot!(out);
}

#[test]
fn clean_tree_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("ecs")).unwrap();
    fs::copy(
        root().join("fixtures/seeds/ecs/通用请求返回值.md"),
        dir.path().join("ecs/a.md"),
    )
    .unwrap();
    let (code, out, _) = run_in(dir.path(), &[]);
    // The seed's own reason phrase `multiple choices` is a finding: fix it.
    assert_eq!(code, 1, "{out}");
    let p = dir.path().join("ecs/a.md");
    let text = fs::read_to_string(&p)
        .unwrap()
        .replace("multiple choices", "Multiple Choices");
    fs::write(&p, text).unwrap();
    let (code, out, _) = run_in(dir.path(), &[]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("No findings."));
    // A folder without any status page is not "clean": nothing was checked.
    let empty = tempfile::tempdir().unwrap();
    let (code, out, _) = run_in(empty.path(), &[]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("no status-code page in this project"), "{out}");
    assert!(!out.contains("No findings"), "{out}");
    assert!(!out.contains("Nothing was checked"), "{out}");
    assert!(!out.contains("Checked 0"), "{out}");
}

#[test]
fn unreadable_files_are_named_and_the_rest_is_linted() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/seeds"), dir.path());
    fs::write(dir.path().join("dew/bad.md"), b"# x\n\xff\xfe oops").unwrap();
    fs::write(dir.path().join("dew/binary.md"), b"\x00\x01\x02").unwrap();
    fs::write(dir.path().join("dew/empty.md"), b"").unwrap();
    let (code, out, _) = run_in(dir.path(), &["--format", "json"]);
    assert_eq!(code, 2, "an unreadable file exits 2");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    let errors = r["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0]["path"], "dew/bad.md");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8 at byte 4")
    );
    assert_eq!(errors[1]["path"], "dew/binary.md");
    assert!(errors[1]["message"].as_str().unwrap().contains("binary"));
    assert_eq!(r["summary"]["pages"], 5, "the good pages are still linted");
    assert!(!findings(&r, "DL001").is_empty());
    // Human output names them too.
    let (code, out, _) = run_in(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(out.contains("error: dew/bad.md: invalid UTF-8"));
}

#[test]
fn missing_path_is_an_error() {
    // Only an error, in the report's own format, and never "No findings".
    let (code, r) = json(&["no/such/folder"]);
    assert_eq!(code, 2);
    assert_eq!(r["errors"][0]["path"], "no/such/folder");
    assert_eq!(r["errors"][0]["message"], "no such file or folder");
    assert_eq!(r["errors"].as_array().unwrap().len(), 1);
    let (code, out, _) = run(&["no/such/folder"]);
    assert_eq!(code, 2);
    assert!(!out.contains("No findings"), "{out}");
    assert!(!out.contains("Nothing was checked"), "{out}");
    assert!(!out.contains("Checked 0"), "{out}");
    assert!(
        out.contains("error: no/such/folder: no such file or folder"),
        "{out}"
    );
    // Beside a real path: the real path is linted, and the run exits 2.
    let (code, r) = json(&["no/such/folder", "fixtures/seeds"]);
    assert_eq!(code, 2);
    assert_eq!(r["summary"]["pages"], 5);
    assert_eq!(r["errors"][0]["path"], "no/such/folder");
}

#[test]
fn explain_prints_the_rule_docs() {
    for id in [
        "DL001", "DL002", "DL003", "DL004", "DL005", "DL006", "DL007", "DL008",
    ] {
        let (code, out, _) = run(&["explain", id]);
        assert_eq!(code, 0);
        assert!(out.starts_with(&format!("# {id} ")), "{out}");
    }
    let (code, out, _) = run(&["explain", "punctuation-mismatch"]);
    assert_eq!(code, 0);
    assert!(out.contains("DL002"));
    assert_eq!(run(&["explain", "DL999"]).0, 2);
}

#[test]
fn model_matrix_fits_the_terminal() {
    let out = doclint()
        .env("COLUMNS", "60")
        .args(["model", "fixtures/corpus"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let matrix = &text[text.find("Coverage:").unwrap()..];
    for line in matrix.lines().skip(1) {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 60, "{line}");
    }
    // All 14 services appear, in blocks.
    for s in ["aom", "vpc", "ocr", "obs"] {
        assert!(matrix.contains(s));
    }
}

/// Display width of a line (wide CJK characters count two).
fn columns(line: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(line)
}

#[test]
fn output_fits_the_terminal_it_runs_in() {
    // A real terminal (a pty from util-linux `script`), 90 columns, and no
    // COLUMNS in the environment: the terminal's own width is used.
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: `script` (util-linux) is not installed");
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("doclint");
    let out = std::process::Command::new("script")
        .args(["-qec"])
        .arg(format!(
            "stty rows 40 cols 90; env -u COLUMNS '{}' --color never fixtures/seeds",
            bin.display()
        ))
        .arg("/dev/null")
        .current_dir(root())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(text.contains("DL001"), "{text}");
    for line in text.lines() {
        assert!(columns(line) <= 90, "{} columns: {line}", columns(line));
    }
    // Help at 80 columns wraps at word boundaries.
    let (_, help, _) = run_env(&["--help"], "80");
    for line in help.lines() {
        assert!(columns(line) <= 80, "{line}");
    }
}

/// Runs doclint with COLUMNS set to `width`.
fn run_env(args: &[&str], width: &str) -> (i32, String, String) {
    let out = doclint().env("COLUMNS", width).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn a_reported_phrase_is_never_broken_at_its_hyphen() {
    // Cold trial, AVEVA CONNECT docs: at 120 columns `Multi-Status` was
    // printed as `Multi-` and `Status` on two lines.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doclint.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("codes.md"),
        "# HTTP status codes\n\n| Status Code | Description |\n|---|---|\n\
         |``200 OK``| The request was successful. |\n\
         |``207 Multi-status``| The request was partially successful. |\n\
         |``400 Bad Request``| The request was not valid. |\n\
         |``404 Not Found``| The resource was not found. |\n",
    )
    .unwrap();
    for width in 60..=130 {
        let out = doclint()
            .current_dir(dir.path())
            .env("COLUMNS", width.to_string())
            .args(["--color", "never", "codes.md"])
            .output()
            .unwrap();
        let out = String::from_utf8(out.stdout).unwrap();
        assert!(out.contains("Multi-Status"), "{width}: {out}");
        assert!(
            !out.lines().any(|l| l.trim_end().ends_with("Multi-")),
            "{width}: {out}"
        );
    }
}

#[test]
fn pages_left_out_by_gitignore_are_counted_and_read_on_request() {
    // A repository whose `.gitignore` says `*.md` over pages git tracks
    // (UCloud's ulive docs): nothing is read, and the run says why (the
    // five pages and the README).
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/seeds"), dir.path());
    let (_, plain) = json_in(dir.path(), &[]);
    fs::write(dir.path().join(".gitignore"), "*.md\n").unwrap();
    let (code, out, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("(0 files read)"), "{all}");
    assert!(
        all.contains("6 more files are left out by .gitignore or .ignore rules"),
        "{all}"
    );
    assert!(all.contains("--no-respect-gitignore"), "{all}");
    // The flag, or the config key, reads them: the same report as without
    // the `.gitignore`.
    let (code, flagged) = json_in(dir.path(), &["--no-respect-gitignore"]);
    assert_eq!(code, 1);
    assert_eq!(flagged, plain);
    fs::write(
        dir.path().join("doclint.toml"),
        "respect-gitignore = false\n",
    )
    .unwrap();
    let (code, configured) = json_in(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(configured["findings"], plain["findings"]);
    // `init` takes the flag too, and writes the key.
    fs::remove_file(dir.path().join("doclint.toml")).unwrap();
    let (code, _, err) = run_in(dir.path(), &["init", "--no-respect-gitignore"]);
    assert_eq!(code, 0, "{err}");
    let written = fs::read_to_string(dir.path().join("doclint.toml")).unwrap();
    assert!(
        written.contains("\nrespect-gitignore = false\n"),
        "{written}"
    );
    let (code, _) = json_in(dir.path(), &[]);
    assert_eq!(code, 1);
    // A file of another extension named is not counted among those left out.
    fs::remove_file(dir.path().join("doclint.toml")).unwrap();
    fs::write(dir.path().join("notes.txt"), "hi\n").unwrap();
    let (_, out, err) = run_in(dir.path(), &["notes.txt"]);
    assert!(
        format!("{out}{err}").contains("(1 file read): nothing was checked (6 more files"),
        "{out}{err}"
    );
    fs::remove_file(dir.path().join("notes.txt")).unwrap();
    // Hidden folders stay unread either way.
    fs::remove_file(dir.path().join(".gitignore")).unwrap();
    copy_dir(&root().join("fixtures/seeds"), &dir.path().join(".old"));
    let (_, hidden) = json_in(dir.path(), &["--no-respect-gitignore"]);
    assert_eq!(hidden, plain);
}

#[test]
fn a_project_without_pages_is_not_hidden_by_another() {
    // Two projects named in one run, one without a status table: the
    // other's findings are reported, and the empty one is an error.
    let t = tempfile::tempdir().unwrap();
    fs::create_dir(t.path().join(".git")).unwrap();
    let (a, b) = (t.path().join("a"), t.path().join("b"));
    write_seeds(&a);
    fs::write(a.join("doclint.toml"), "").unwrap();
    fs::create_dir_all(&b).unwrap();
    fs::write(b.join("doclint.toml"), "").unwrap();
    fs::write(b.join("notes.md"), "# Notes\n\nNo table here.\n").unwrap();
    let (code, r) = json_in(t.path(), &["a", "b"]);
    assert_eq!(code, 2, "{r}");
    assert!(r["summary"]["findings"].as_u64().unwrap() > 0, "{r}");
    let errors = r["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{r}");
    assert_eq!(errors[0]["path"], "b");
    assert!(
        errors[0]["message"]
            .as_str()
            .unwrap()
            .starts_with("no status-code page in this project (1 file read)"),
        "{r}"
    );
    // The tree above, which holds both: its pages are found (in a), so
    // it is not an error, and b, a project found below it, is not named.
    let (code, r) = json_in(t.path(), &["."]);
    assert_eq!(code, 1, "{r}");
    assert_eq!(r["errors"].as_array().unwrap().len(), 0, "{r}");
}

#[test]
fn subcommands_take_color_after_their_name() {
    for sub in ["model", "pages"] {
        let (code, out, err) = run(&[sub, "--color", "never", "fixtures/seeds"]);
        assert_eq!(code, 0, "{sub}: {out}{err}");
        assert!(!out.contains('\u{1b}'), "{sub}: {out}");
    }
    let (code, out, _) = run(&["explain", "--color", "never", "DL001"]);
    assert_eq!(code, 0);
    assert!(out.contains("DL001"));
}

#[test]
fn a_short_line_is_shown_whole() {
    // A pipe table's row fits on a screen: its snippet is the whole row,
    // not a window cut 24 columns after the cell.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("doclint.toml"), "").unwrap();
    fs::write(
        dir.path().join("status.md"),
        "# Codes\n\n| 状态码 | 说明 |\n| --- | --- |\n| 200 | OK |\n| 400 | Bad request |\n\
         | 500 | Internal error |\n| 599 | Network connect timeout error |\n",
    )
    .unwrap();
    let (_, out, _) = run_in(dir.path(), &["--color", "never"]);
    assert!(
        out.contains("| 599 | Network connect timeout error |"),
        "{out}"
    );
}

#[test]
fn markdown_files_of_other_extensions_are_counted_and_named() {
    // A Docusaurus tree writes its pages as `.mdx`: doclint reads `.md`
    // unless told, and says how many it left and how to read them.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("fixtures/seeds"), dir.path());
    let dew = dir.path().join("dew/状态码.md");
    fs::rename(&dew, dew.with_extension("mdx")).unwrap();
    fs::write(dir.path().join("notes.markdown"), "# Notes\n").unwrap();
    let (_, out, err) = run_in(dir.path(), &[]);
    assert!(
        err.contains(
            "1 .mdx file is not read: doclint reads .md files; \
             `extensions = [\"md\", \"mdx\"]` in doclint.toml reads them too"
        ),
        "{out}{err}"
    );
    assert!(err.contains("1 .markdown file is not read"), "{err}");
    // Once the config chooses, the choice is the user's: no note, and the
    // page is read.
    fs::write(
        dir.path().join("doclint.toml"),
        "extensions = [\"md\", \"mdx\"]\n",
    )
    .unwrap();
    let (_, r) = json_in(dir.path(), &[]);
    let (_, _, err) = run_in(dir.path(), &[]);
    assert!(!err.contains("not read"), "{err}");
    assert_eq!(r["summary"]["pages"], 5, "{r}");
    // A file named is read whatever its extension, and not counted.
    fs::write(dir.path().join("doclint.toml"), "").unwrap();
    let (_, _, err) = run_in(dir.path(), &["dew/状态码.mdx"]);
    assert!(!err.contains(".mdx file"), "{err}");
}

#[test]
fn a_tree_without_a_status_page_names_a_table_it_did_not_read() {
    // An error catalogue only (codes keyed by their own ids): nothing is
    // checked, and the message says which file to ask `pages --explain`.
    let dir = project(&[
        (
            "svc/errors.md",
            "# 错误码\n\n| 状态码 | 错误码 | 错误信息 | 描述 |\n|---|---|---|---|\n\
             | 400 | APIG.0101 | Bad request | 请求参数错误 |\n\
             | 400 | APIG.0102 | Bad request | 缺少参数 |\n\
             | 404 | APIG.0201 | Not found | 资源不存在 |\n",
        ),
        ("svc/guide.md", "# Guide\n\nNo tables.\n"),
    ]);
    let (code, out, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    assert!(
        said.contains(
            "(2 files read): nothing was checked; 1 file holds a table with a column of \
             status codes, but no status table (`doclint pages --explain svc/errors.md` says \
             why)"
        ),
        "{said}"
    );
    // From the folder, the path is the folder's.
    let (_, out, err) = run_in(&dir.path().join("svc"), &[]);
    let said = format!("{out}{err}");
    assert!(
        said.contains("`doclint pages --explain errors.md`"),
        "{said}"
    );
}

#[test]
fn a_tree_with_codes_in_no_table_is_not_told_of_a_table() {
    // A code in an example (`HTTP/1.1 200 OK` in a fence) and a file size in
    // a table: the bytes may hold a code where a cell starts, but no table
    // has a column of status codes: no file is named as holding one.
    let dir = project(&[
        (
            "svc/call.md",
            "# Call\n\n```http\nHTTP/1.1 200 OK\n```\n\n| 参数 | 说明 |\n|---|---|\n| id | 标识 |\n",
        ),
        (
            "svc/sizes.md",
            "# Sizes\n\n| File | Lines |\n|---|---|\n| learn.md | 122 |\n| guide.md | 4056 |\n",
        ),
    ]);
    let (code, out, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    let said = format!("{out}{err}");
    assert!(
        said.contains(
            "(2 files read): nothing was checked; 2 files hold a number like a status code, \
             but no table with a column of status codes"
        ),
        "{said}"
    );
    assert!(!said.contains("--explain"), "{said}");
}

#[test]
fn pages_named_with_a_leading_dot_are_said_not_read() {
    // Alibaba's `.NET示例.md`, `.gov.cn 域名实名认证操作步骤.md`: hidden as
    // git tools take them, so not read in a walk, but said; a hidden
    // folder's pages are not counted (`.github/`).
    let page = "# 状态码\n\n| 状态码 | 说明 |\n|---|---|\n| 400 | 请求参数错误。 |\n\
                | 404 | 资源不存在。 |\n| 500 | 服务内部错误。 |\n";
    let dir = project(&[
        ("svc/.tel 状态码.md", page),
        ("svc/.NET示例.md", "# .NET\n"),
        (".github/ISSUE.md", page),
        ("svc/guide.md", "# Guide\n"),
    ]);
    let (code, out, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains(
            "2 files named with a leading dot are hidden, and not read (the first: \
             `svc/.NET示例.md`); named on the command line, each is read"
        ),
        "{err}"
    );
    let (code, out, err) = run_in(dir.path(), &["svc/.tel 状态码.md"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Checked 1 status page"), "{out}{err}");
}
