//! One project, found the same way from anywhere: every current folder ×
//! path form × layout gives the same findings for the same file; ties
//! offer no fix; the CI example with the docs under `docs/` and a baseline.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::util::*;

/// What identifies a finding, whatever the current folder: the file (made
/// absolute), rule, code, place, text, service and fix.
type Key = (
    PathBuf,
    String,
    Option<u64>,
    u64,
    u64,
    String,
    String,
    String,
);

fn keys(report: &serde_json::Value, cwd: &Path) -> BTreeSet<Key> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = Path::new(f["path"].as_str().unwrap());
            let abs = fs::canonicalize(cwd.join(path)).unwrap();
            (
                abs,
                f["rule"].as_str().unwrap().to_string(),
                f["code"].as_u64(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["found"].to_string(),
                f["service"].as_str().unwrap().to_string(),
                f["fix"]["applicability"].to_string(),
            )
        })
        .collect()
}

/// `to` relative to `from` (both absolute), with `..` where needed.
fn relative(to: &Path, from: &Path) -> PathBuf {
    let t: Vec<Component<'_>> = to.components().collect();
    let f: Vec<Component<'_>> = from.components().collect();
    let common = t.iter().zip(&f).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..f.len() {
        out.push("..");
    }
    for c in &t[common..] {
        out.push(c);
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

/// A repository (`.git`) holding the seed pages in one of three layouts.
/// Returns the repository, the folder holding the services, and the page
/// of each service.
fn layout(kind: &str) -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
    let t = tempfile::tempdir().unwrap();
    let repo = fs::canonicalize(t.path()).unwrap();
    fs::create_dir(repo.join(".git")).unwrap();
    let staging = tempfile::tempdir().unwrap();
    write_seeds(staging.path());
    let docs = match kind {
        "root" => repo.clone(),
        "docs" => repo.join("docs"),
        _ => repo.clone(),
    };
    let mut pages = Vec::new();
    for svc in SEED_SERVICES {
        let folder = match kind {
            "locale" => docs.join(svc).join("cn.zh-cn/API参考"),
            _ => docs.join(svc),
        };
        fs::create_dir_all(&folder).unwrap();
        for e in fs::read_dir(staging.path().join(svc)).unwrap() {
            let e = e.unwrap();
            let to = folder.join(e.file_name());
            fs::copy(e.path(), &to).unwrap();
            pages.push(to);
        }
    }
    // A README at the top is not a status page and changes nothing.
    fs::write(repo.join("README.md"), "# Docs\n").unwrap();
    pages.sort();
    (t, docs, pages)
}

#[test]
fn same_findings_from_any_folder_and_any_path_form() {
    let unrelated = tempfile::tempdir().unwrap();
    let unrelated = fs::canonicalize(unrelated.path()).unwrap();
    let mut cells = 0;
    for kind in ["root", "docs", "locale"] {
        let (_t, docs, pages) = layout(kind);
        let repo = fs::canonicalize(_t.path()).unwrap();
        // The reference: the whole project, from its root.
        let (code, r) = json_in(&repo, &[]);
        assert_eq!(code, 1);
        let all = keys(&r, &repo);
        let services: BTreeSet<&str> = r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["service"].as_str().unwrap())
            .collect();
        assert_eq!(
            services,
            SEED_SERVICES.iter().copied().collect(),
            "{kind}: services are the service folders"
        );
        let dew = pages
            .iter()
            .find(|p| p.starts_with(docs.join("dew")))
            .unwrap();
        let nat = pages
            .iter()
            .find(|p| p.starts_with(docs.join("nat")))
            .unwrap();
        let dew_folder = dew.parent().unwrap().to_path_buf();
        let under = |paths: &[&Path]| -> BTreeSet<Key> {
            all.iter()
                .filter(|k| paths.iter().any(|p| k.0.starts_with(p)))
                .cloned()
                .collect()
        };
        for cwd in [
            repo.clone(),
            dew_folder.clone(),
            unrelated.clone(),
            PathBuf::from("/"),
        ] {
            let mut forms: Vec<(Vec<PathBuf>, Vec<&Path>)> = vec![
                (vec![dew.clone()], vec![dew]),
                (vec![dew.clone(), nat.clone()], vec![dew, nat]),
                (vec![docs.clone()], vec![&docs]),
                (vec![relative(dew, &cwd)], vec![dew]),
                (vec![relative(nat, &cwd)], vec![nat]),
                (vec![relative(&docs, &cwd)], vec![&docs]),
            ];
            if cwd.starts_with(&repo) {
                forms.push((vec![PathBuf::from(".")], vec![&cwd]));
            }
            for (args, named) in &forms {
                let args: Vec<&str> = args.iter().map(|a| a.to_str().unwrap()).collect();
                let (code, r) = json_in(&cwd, &args);
                let got = keys(&r, &cwd);
                let want = under(named);
                assert!(!want.is_empty(), "{kind} {cwd:?} {args:?}");
                assert_eq!(
                    got, want,
                    "layout {kind}, from {cwd:?}, doclint {args:?}: the same findings as the whole-project run"
                );
                assert_eq!(code, 1);
                assert_eq!(r["summary"]["pages"], 5, "only its own project is read");
                cells += 1;
            }
        }
    }
    assert!(cells >= 60, "{cells} cells");
}

#[test]
fn an_absolute_path_from_an_unrelated_folder_reads_only_its_project() {
    let (_t, docs, pages) = layout("docs");
    // Another project beside it must not be read.
    let other = _t.path().join("other");
    fs::create_dir_all(other.join("x")).unwrap();
    fs::write(other.join("doclint.toml"), "").unwrap();
    fs::copy(&pages[0], other.join("x/page.md")).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let dew = pages
        .iter()
        .find(|p| p.starts_with(docs.join("dew")))
        .unwrap();
    let (code, r) = json_in(elsewhere.path(), &[dew.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert_eq!(r["summary"]["pages"], 5);
    assert_eq!(r["summary"]["files"], 6, "the five pages and the README");
    // Paths are shown from the current folder (`../…` beside it).
    let from = fs::canonicalize(elsewhere.path()).unwrap();
    assert!(
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| { fs::canonicalize(from.join(f["path"].as_str().unwrap())).unwrap() == *dew })
    );
}

#[test]
fn nested_projects_are_linted_on_their_own() {
    // fixtures/ holds several projects (each with its doclint.toml): each
    // is linted with its own model.
    let (code, r) = json(&["fixtures"]);
    assert_eq!(code, 1);
    let (_, seeds) = json(&["fixtures/seeds"]);
    let (_, corpus) = json(&["fixtures/corpus"]);
    let n = |r: &serde_json::Value| r["findings"].as_array().unwrap().len();
    let of = |prefix: &str| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"].as_str().unwrap().starts_with(prefix))
            .count()
    };
    assert_eq!(of("fixtures/seeds/"), n(&seeds));
    assert_eq!(of("fixtures/corpus/"), n(&corpus));
}

/// ecs edited to `请求成功.`: a 1–1 tie with rds's `请求成功。` (dew and
/// nat word 200 otherwise, smn has another wording).
fn tie_tree() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    fs::create_dir(t.path().join(".git")).unwrap();
    write_seeds(t.path());
    let ecs = t.path().join("ecs/通用请求返回值.md");
    let text = fs::read_to_string(&ecs).unwrap();
    assert!(text.contains("请求成功。"));
    fs::write(&ecs, text.replacen("请求成功。", "请求成功.", 1)).unwrap();
    let rds = t.path().join("rds/通用请求Http State Code.md");
    (t, ecs, rds)
}

#[test]
fn a_tie_offers_no_fix_and_fix_leaves_both_pages_alone() {
    let (t, ecs, rds) = tie_tree();
    let (_, r) = json_in(t.path(), &[]);
    let tied: Vec<&serde_json::Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == 200 && ["DL001", "DL002"].contains(&f["rule"].as_str().unwrap()))
        .filter(|f| ["ecs", "rds"].contains(&f["service"].as_str().unwrap()))
        .collect();
    assert_eq!(tied.len(), 2, "both tied pages are reported: {tied:?}");
    for f in &tied {
        assert!(f["fix"].is_null(), "no fix on a tie: {f}");
        assert!(f["expected"].is_null());
        let m = f["message"].as_str().unwrap();
        assert!(m.contains("no canonical description"), "{m}");
    }
    // Human output names the tied texts and their services, and how to pin.
    let (_, out, _) = run_in(t.path(), &[]);
    assert!(out.contains("tied: 请求成功. — 1 service (ecs)"), "{out}");
    assert!(out.contains("tied: 请求成功。 — 1 service (rds)"), "{out}");
    assert!(out.contains("[canonical.200] description ="), "{out}");
    // The model marks it.
    let (_, out, _) = run_in(t.path(), &["model", "--format", "json"]);
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c200 = m["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 200)
        .unwrap();
    assert_eq!(c200["canonical"]["source"], "tie");
    assert!(c200["canonical"]["description"].is_null());
    assert_eq!(c200["tie"]["kind"], "form");
    // Fixing the description rules leaves both files byte-identical, and
    // --fix (also with --unsafe-fixes) leaves the tied cells as they are.
    let before = (fs::read(&ecs).unwrap(), fs::read(&rds).unwrap());
    run_in(t.path(), &["--fix", "--select", "DL001,DL002"]);
    assert!(before == (fs::read(&ecs).unwrap(), fs::read(&rds).unwrap()));
    run_in(t.path(), &["--fix"]);
    run_in(t.path(), &["--fix", "--unsafe-fixes"]);
    let text_200 = |file: &Path| {
        let (_, out, _) = run_in(t.path(), &["pages", file.to_str().unwrap()]);
        let p: serde_json::Value = serde_json::from_str(&out).unwrap();
        let rows = p[0]["rows"].as_array().unwrap().clone();
        let row = rows.into_iter().find(|r| r["code"] == 200).unwrap();
        row["description"]["text"].as_str().unwrap().to_string()
    };
    assert_eq!(text_200(&ecs), "请求成功.");
    assert_eq!(text_200(&rds), "请求成功。");
    // init writes the tie as a choice to make, not a pin.
    let (code, _, err) = run_in(t.path(), &["init", "--output", "d.toml"]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(t.path().join("d.toml")).unwrap();
    let at = text.find("[canonical.200]").unwrap();
    let section = &text[at..text[at + 1..]
        .find("\n[")
        .map_or(text.len(), |e| at + 1 + e)];
    assert!(section.contains("A TIE, a choice to make"), "{section}");
    assert!(!section.contains("\ndescription ="), "{section}");
    assert!(
        section.contains("# description = \"请求成功。\""),
        "{section}"
    );
}

#[test]
fn a_half_width_full_stop_never_becomes_canonical_chinese() {
    // ecs and dew write `请求成功.`, rds `请求成功。`: the full-width form
    // is canonical though fewer services use it, and the two get a safe fix.
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    for (file, from) in [
        ("ecs/通用请求返回值.md", "请求成功。"),
        ("dew/状态码.md", "请求已成功。"),
    ] {
        let p = t.path().join(file);
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.contains(from));
        fs::write(&p, text.replacen(from, "请求成功.", 1)).unwrap();
    }
    let (_, r) = json_in(t.path(), &[]);
    let fixed: Vec<_> = findings(&r, "DL002")
        .into_iter()
        .filter(|f| f["code"] == 200)
        .collect();
    assert_eq!(fixed.len(), 2, "{fixed:?}");
    for f in fixed {
        assert_eq!(f["found"], "请求成功.");
        assert_eq!(f["expected"], "请求成功。");
        assert_eq!(f["fix"]["applicability"], "safe");
    }
    for f in r["findings"].as_array().unwrap() {
        assert_ne!(f["expected"], "请求成功.", "{f}");
    }
}

/// The README's CI example with the docs under `docs/`: a baseline made
/// with `doclint baseline docs` at the repository root, then file mode with
/// `--format github --baseline doclint-baseline.json` on the changed pages.
#[test]
fn ci_example_with_docs_in_a_subfolder_and_a_baseline() {
    let (t, docs, _) = layout("docs");
    let repo = fs::canonicalize(t.path()).unwrap();
    let (code, _, err) = run_in(&repo, &["baseline", "docs"]);
    assert_eq!(code, 0, "{err}");
    assert!(repo.join("doclint-baseline.json").is_file(), "{err}");
    let nat = "docs/nat/状态码.md";
    let ci = |extra: &[&str]| {
        let mut args = vec!["--format", "github", "--baseline", "doclint-baseline.json"];
        args.extend_from_slice(extra);
        run_in(&repo, &args)
    };
    let (code, out, _) = ci(&[nat]);
    assert_eq!(code, 0, "an unchanged page passes: {out}");
    assert!(
        !out.contains("::warning") && !out.contains("::error"),
        "{out}"
    );
    // One new divergence: one annotation.
    let p = docs.join("nat/状态码.md");
    let text = fs::read_to_string(&p).unwrap();
    assert!(text.contains("服务器无法找到被请求的页面。"));
    fs::write(
        &p,
        text.replacen("服务器无法找到被请求的页面。", "页面不存在。", 1),
    )
    .unwrap();
    let (code, out, _) = ci(&[nat]);
    assert_eq!(code, 1, "{out}");
    let annotations: Vec<&str> = out.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "{out}");
    assert!(annotations[0].contains("docs/nat/"), "{out}");
    // The whole tree (no file list) agrees.
    let (_, out, _) = ci(&["docs"]);
    assert_eq!(out.lines().filter(|l| l.starts_with("::")).count(), 1);
}

#[test]
fn naming_the_config_or_the_baseline_checks_the_whole_project() {
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    fs::write(t.path().join("doclint.toml"), "").unwrap();
    let (code, r) = json_in(t.path(), &["doclint.toml"]);
    assert_eq!(code, 1);
    let (_, whole) = json_in(t.path(), &[]);
    assert_eq!(r["findings"], whole["findings"]);
}

#[test]
fn unknown_suppression_ids_are_reported_and_silence_nothing() {
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    let dew = t.path().join("dew/状态码.md");
    let (_, before) = json_in(t.path(), &[]);
    let text = fs::read_to_string(&dew).unwrap();
    fs::write(&dew, format!("<!-- doclint-disable DL0001 -->\n{text}")).unwrap();
    let (code, r) = json_in(t.path(), &[]);
    assert_eq!(code, 1);
    let bad = findings(&r, "DL009");
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0]["found"], "DL0001");
    assert_eq!(
        (bad[0]["line"].as_u64(), bad[0]["column"].as_u64()),
        (Some(1), Some(22))
    );
    // Every other finding is still there (one line lower in dew).
    let others = |r: &serde_json::Value| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "DL009")
            .map(|f| (f["rule"].clone(), f["path"].clone(), f["code"].clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(others(&r), others(&before));
}

#[test]
fn required_codes_are_required_where_no_page_has_them() {
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    fs::write(t.path().join("doclint.toml"), "required = [429]\n").unwrap();
    let (_, r) = json_in(t.path(), &[]);
    let f: Vec<_> = findings(&r, "DL003")
        .into_iter()
        .filter(|f| f["code"] == 429)
        .collect();
    assert_eq!(f.len(), 5, "every page lacks 429");
    assert!(f.iter().all(|f| f["severity"] == "warning"));
}

#[test]
fn min_severity_hides_advice() {
    let (_, all) = json(&["fixtures/seeds"]);
    let (_, r) = json(&["--min-severity", "warning", "fixtures/seeds"]);
    let advice = |r: &serde_json::Value| {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "advice")
            .count()
    };
    assert!(advice(&all) > 0);
    assert_eq!(advice(&r), 0);
    assert!(!r["findings"].as_array().unwrap().is_empty());
    // And from doclint.toml.
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    fs::write(
        t.path().join("doclint.toml"),
        "min-severity = \"warning\"\n",
    )
    .unwrap();
    let (_, r) = json_in(t.path(), &[]);
    assert_eq!(advice(&r), 0);
}

#[test]
fn options_that_do_nothing_are_refused() {
    for args in [
        &["model", "--format", "sarif", "fixtures/seeds"][..],
        &["pages", "--format", "human", "fixtures/seeds"],
        &["model", "--baseline", "/nonexistent.json", "fixtures/seeds"],
        &["--unsafe-fixes", "fixtures/seeds"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "doclint {args:?}: {out}{err}");
        assert!(!err.is_empty(), "doclint {args:?} says why");
    }
    // explain without an id lists the rules.
    let (code, out, _) = run(&["explain"]);
    assert_eq!(code, 0);
    assert!(out.contains("DL001") && out.contains("DL009"), "{out}");
}

#[test]
fn human_output_groups_missing_codes_per_page_and_shows_warnings_first() {
    let (_, out, _) = run(&["fixtures/seeds"]);
    // One DL003 report per page that lacks codes, not one per code.
    assert_eq!(out.matches("DL003(missing-code)").count(), 5, "{out}");
    assert!(out.contains("page lacks 5 codes: 202, 300, 413, 415, 422 [nat]"));
    // Advice comes after every warning.
    let heads: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("  ☞ ") || l.starts_with("  ⚠ "))
        .collect();
    let first_advice = heads.iter().position(|l| l.starts_with("  ☞ ")).unwrap();
    assert!(
        heads[first_advice..].iter().all(|l| l.starts_with("  ☞ ")),
        "{heads:?}"
    );
    // A reported mark is never wrapped onto a line of its own.
    let (_, out, _) = run_in(&root(), &["fixtures/seeds/nat"]);
    for line in out.lines() {
        assert_ne!(
            line.trim_start_matches(['│', ' ']).trim(),
            "「。」 [nat]",
            "{out}"
        );
    }
}

#[test]
fn a_config_outside_the_tree_still_names_services() {
    // --config FILE outside the linted tree: its settings apply to the
    // project found from the paths, service-level included.
    let t = tempfile::tempdir().unwrap();
    fs::create_dir(t.path().join(".git")).unwrap();
    let staging = tempfile::tempdir().unwrap();
    write_seeds(staging.path());
    for svc in SEED_SERVICES {
        copy_dir(
            &staging.path().join(svc),
            &t.path().join(svc).join(format!("v-{svc}")),
        );
    }
    let outside = tempfile::tempdir().unwrap();
    let config = outside.path().join("shared.toml");
    fs::write(&config, "service-level = 2\n").unwrap();
    let (_, r) = json_in(t.path(), &["--config", config.to_str().unwrap()]);
    let services: BTreeSet<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["service"].as_str().unwrap())
        .collect();
    assert!(services.iter().all(|s| s.starts_with("v-")), "{services:?}");
    assert_eq!(services.len(), 5);
}

#[test]
fn baseline_and_init_from_a_subfolder_write_for_the_whole_project() {
    let (t, docs, _) = layout("docs");
    let repo = fs::canonicalize(t.path()).unwrap();
    let (code, _, err) = run_in(&repo, &["baseline"]);
    assert_eq!(code, 0, "{err}");
    let whole = fs::read_to_string(repo.join("doclint-baseline.json")).unwrap();
    // From a service folder: the same file, not a subset.
    let (code, _, err) = run_in(&docs.join("nat"), &["baseline"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        fs::read_to_string(repo.join("doclint-baseline.json")).unwrap(),
        whole
    );
    // init writes doclint.toml at the project root, not in the subfolder.
    let (code, _, err) = run_in(&docs.join("nat"), &["init"]);
    assert_eq!(code, 0, "{err}");
    assert!(repo.join("doclint.toml").is_file(), "{err}");
    assert!(!docs.join("nat/doclint.toml").exists());
    // init on a tree without status pages writes nothing.
    let empty = tempfile::tempdir().unwrap();
    let (code, _, _) = run_in(empty.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(!empty.path().join("doclint.toml").exists());
}

#[test]
fn a_number_is_never_changed_by_a_safe_fix() {
    // Three services say 1.5MB, one 15MB: a different wording (DL001,
    // unsafe), never a punctuation fix.
    let t = tempfile::tempdir().unwrap();
    write_seeds(t.path());
    let mut n = 0;
    for svc in SEED_SERVICES {
        for e in fs::read_dir(t.path().join(svc)).unwrap() {
            let p = e.unwrap().path();
            let text = fs::read_to_string(&p).unwrap();
            let size = if svc == "rds" { "15MB" } else { "1.5MB" };
            if let Some(at) = text.find("请求未完成。服务异常。") {
                let new = format!(
                    "{}请求体不能超过{size}。{}",
                    &text[..at],
                    &text[at + "请求未完成。服务异常。".len()..]
                );
                fs::write(&p, new).unwrap();
                n += 1;
            }
        }
    }
    assert!(n >= 3);
    let (_, r) = json_in(t.path(), &[]);
    for f in r["findings"].as_array().unwrap() {
        if f["found"].as_str().is_some_and(|s| s.contains("MB")) {
            assert_ne!(f["rule"], "DL002", "{f}");
            assert_ne!(f["fix"]["applicability"], "safe", "{f}");
        }
    }
}

#[test]
fn options_that_would_pass_silently_are_refused() {
    for args in [
        &["--select", "", "fixtures/seeds"][..],
        &["--select", ",", "fixtures/seeds"],
        &["--diff", "--format", "json", "fixtures/seeds"],
        &[
            "report",
            "--format",
            "sarif",
            "--html",
            "x.html",
            "fixtures/seeds",
        ],
        &["baseline", "--baseline", "b.json", "fixtures/seeds"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!(code, 2, "doclint {args:?}: {out}{err}");
    }
}

#[test]
fn a_config_in_a_folder_above_a_project_lints_that_project_with_it() {
    // `doclint --config ../ops-off.toml .` inside a project (its own
    // doclint.toml): the project is still this folder, not the config's
    // folder with everything beside it, and the config given applies.
    let t = tempfile::tempdir().unwrap();
    let proj = t.path().join("proj");
    write_seeds(&proj);
    fs::write(proj.join("doclint.toml"), "").unwrap();
    let beside = t.path().join("beside");
    write_seeds(&beside);
    let config = t.path().join("strict.toml");
    fs::write(&config, "[rules]\nDL001 = \"off\"\n").unwrap();
    let (_, r) = json_in(&proj, &["--config", config.to_str().unwrap(), "."]);
    assert_eq!(r["summary"]["pages"], 5, "{r}");
    assert!(findings(&r, "DL001").is_empty(), "{r}");
    assert!(!findings(&r, "DL002").is_empty(), "{r}");
}

#[test]
fn a_file_named_with_its_folder_is_linted_once_without_a_project_marker() {
    // No doclint.toml or work tree above: `doclint . dew/状态码.md` is the
    // project `.`, not `.` and the file's folder linted side by side.
    let dir = tempfile::tempdir().unwrap();
    write_seeds(dir.path());
    let (code, whole) = json_in(dir.path(), &["."]);
    assert_eq!(code, 1);
    for args in [
        &[".", "dew/状态码.md"][..],
        &["dew/状态码.md", "."],
        &[".", "dew", "dew/状态码.md"],
    ] {
        let (code, r) = json_in(dir.path(), args);
        assert_eq!(code, 1, "{args:?}");
        assert_eq!(r["findings"], whole["findings"], "{args:?}");
        assert_eq!(r["summary"], whole["summary"], "{args:?}");
    }
}

#[test]
fn fixing_a_file_named_with_its_folder_fixes_it_once() {
    // Two overlapping projects fixed the file twice: the second found it
    // changed and failed. One project: the same fixes as `--fix .`.
    let whole = tempfile::tempdir().unwrap();
    let named = tempfile::tempdir().unwrap();
    write_seeds(whole.path());
    write_seeds(named.path());
    let (a, _, err_a) = run_in(whole.path(), &["--fix", "--unsafe-fixes", "."]);
    let (b, _, err_b) = run_in(
        named.path(),
        &["--fix", "--unsafe-fixes", ".", "dew/状态码.md"],
    );
    assert_eq!(a, b, "{err_a}\n{err_b}");
    assert!(!err_b.contains("not fixed"), "{err_b}");
    let mut pages = 0;
    for svc in SEED_SERVICES {
        for e in fs::read_dir(whole.path().join(svc)).unwrap() {
            let page = Path::new(svc).join(e.unwrap().file_name());
            assert_eq!(
                fs::read(whole.path().join(&page)).unwrap(),
                fs::read(named.path().join(&page)).unwrap(),
                "{page:?}"
            );
            pages += 1;
        }
    }
    assert_eq!(pages, 5);
}

#[test]
fn translations_are_compared_within_their_language() {
    // Three services in English, Japanese, Korean and Russian: each
    // language agrees with itself but for one service's Japanese 400.
    // Nothing is compared across languages: no tie, one finding.
    let t = tempfile::tempdir().unwrap();
    fs::write(t.path().join("doclint.toml"), "").unwrap();
    let texts = [
        (
            "en",
            [
                "Request succeeded.",
                "The request is invalid.",
                "Not found.",
            ],
        ),
        (
            "ja",
            [
                "リクエストは成功しました。",
                "リクエストが無効です。",
                "見つかりません。",
            ],
        ),
        (
            "ko",
            [
                "요청이 성공했습니다.",
                "요청이 잘못되었습니다.",
                "찾을 수 없습니다.",
            ],
        ),
        (
            "ru",
            ["Запрос выполнен.", "Недопустимый запрос.", "Не найдено."],
        ),
    ];
    for (lang, [ok, bad, missing]) in texts {
        for svc in ["ecs", "rds", "vpc"] {
            let bad = match (lang, svc) {
                ("ja", "vpc") => "リクエストのパラメータが不正です。",
                _ => bad,
            };
            let dir = t.path().join(lang).join(svc);
            fs::create_dir_all(&dir).unwrap();
            let page = format!(
                "# Status codes\n\n| Code | Description |\n|---|---|\n\
                 | 200 | {ok} |\n| 400 | {bad} |\n| 404 | {missing} |\n"
            );
            fs::write(dir.join("codes.md"), page).unwrap();
        }
    }
    let (code, r) = json_in(t.path(), &[]);
    assert_eq!(r["summary"]["pages"], 12, "{}", r["summary"]);
    assert_eq!(r["summary"]["services"], 3, "{}", r["summary"]);
    let findings = r["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(code, 1);
    assert_eq!(f["rule"], "DL001");
    assert_eq!(f["path"], "ja/vpc/codes.md");
    assert_eq!(f["expected"], "リクエストが無効です。");
    // The model elects one description per language (the others beside
    // the main one).
    let out = doclint()
        .current_dir(t.path())
        .args(["model", "--format", "json", "."])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for lang in ["ja", "ko", "ru"] {
        let key = format!("\"lang\": \"{lang}\"");
        assert!(text.contains(&key), "{key} in {text}");
    }
}

#[test]
fn language_folders_name_no_service() {
    // The five seed services in English and Chinese folders: each service
    // is named by its product folder, in both languages, and findings are
    // as in one language alone.
    let staging = tempfile::tempdir().unwrap();
    write_seeds(staging.path());
    let (_, alone) = json_in(staging.path(), &[]);
    let services_of = |r: &serde_json::Value| -> BTreeSet<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["service"].as_str().unwrap().to_string())
            .collect()
    };
    let t = tempfile::tempdir().unwrap();
    for lang in ["en-US", "zh"] {
        for svc in SEED_SERVICES {
            copy_dir(&staging.path().join(svc), &t.path().join(lang).join(svc));
        }
    }
    let (_, both) = json_in(t.path(), &[]);
    assert_eq!(services_of(&both), services_of(&alone));
    assert_eq!(both["summary"]["services"], 5, "{}", both["summary"]);
    assert_eq!(both["summary"]["pages"], 10);
    // Languages below the products: the same.
    let t = tempfile::tempdir().unwrap();
    for lang in ["en", "zh-CN"] {
        for svc in SEED_SERVICES {
            copy_dir(&staging.path().join(svc), &t.path().join(svc).join(lang));
        }
    }
    let (_, below) = json_in(t.path(), &[]);
    assert_eq!(services_of(&below), services_of(&alone));
    // One language's tree inside a folder of its own (`en/docs/ecs` beside
    // `zh/ecs`: jpush's docs): that folder names no service (cold trial:
    // every English product was one service, `docs`).
    let t = tempfile::tempdir().unwrap();
    for (lang, wrapper) in [("en", "docs"), ("zh", "")] {
        for svc in SEED_SERVICES {
            copy_dir(
                &staging.path().join(svc),
                &t.path().join(lang).join(wrapper).join(svc),
            );
        }
    }
    let (_, wrapped) = json_in(t.path(), &[]);
    assert_eq!(services_of(&wrapped), services_of(&alone));
    assert_eq!(wrapped["summary"]["services"], 5, "{}", wrapped["summary"]);
    // A level of product folders that only partly look like languages
    // (`es`, Elasticsearch) still names services; so does one whose names
    // are all codes but of no language docs are written in alone (`es`,
    // `id`, `th`).
    let t = tempfile::tempdir().unwrap();
    for (i, svc) in SEED_SERVICES.iter().enumerate() {
        let name = if i == 0 { "es" } else { svc };
        copy_dir(&staging.path().join(svc), &t.path().join(name));
    }
    let (_, r) = json_in(t.path(), &[]);
    assert_eq!(r["summary"]["services"], 5);
    let out = doclint()
        .current_dir(t.path())
        .args(["pages", "."])
        .output()
        .unwrap();
    let pages: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let named: BTreeSet<&str> = pages
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["service"].as_str().unwrap())
        .collect();
    assert!(named.contains("es"), "{named:?}");
    let t = tempfile::tempdir().unwrap();
    for (svc, name) in SEED_SERVICES.iter().zip(["es", "id", "th", "ar", "it"]) {
        copy_dir(&staging.path().join(svc), &t.path().join(name).join("api"));
    }
    let (_, r) = json_in(t.path(), &[]);
    assert_eq!(r["summary"]["services"], 5, "{}", r["summary"]);
}

/// The README's rule for a page right in the deepest folder, beside the
/// folders that name services: a service of its own, named after its file;
/// a `[[service]]` in doclint.toml makes the pages one service.
#[test]
fn a_page_beside_the_service_folders_is_named_after_its_file() {
    let page = |op: &str| {
        format!(
            "# {op}\n\n`POST /api/{op}`\n\n## Responses\n\n| Status | Meaning | Description |\n\
             |---|---|---|\n| 200 | OK | Done. |\n| 400 | Bad Request | Invalid input. |\n"
        )
    };
    let dir = project(&[
        ("api/auth.md", page("auth")),
        ("api/fs.md", page("fs")),
        ("api/public.md", page("public")),
        ("api/admin/user.md", page("user")),
    ]);
    let services = |dir: &std::path::Path| -> Vec<String> {
        let (_, out, err) = run_in(dir, &["pages", "--operations", "--format", "json", "."]);
        let pages: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
        pages
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                format!(
                    "{} {}",
                    p["path"].as_str().unwrap(),
                    p["service"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        services(dir.path()),
        [
            "api/admin/user.md admin",
            "api/auth.md auth",
            "api/fs.md fs",
            "api/public.md public"
        ]
    );
    std::fs::write(
        dir.path().join("doclint.toml"),
        "[[service]]\npaths = [\"api/*.md\"]\nname = \"api\"\n",
    )
    .unwrap();
    assert_eq!(
        services(dir.path()),
        [
            "api/admin/user.md api",
            "api/auth.md api",
            "api/fs.md api",
            "api/public.md api"
        ]
    );
}
