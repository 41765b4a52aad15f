//! doclint.toml, inline suppression, --select/--ignore, baselines, init.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use crate::util::*;

/// A writable copy of the seed tree.
fn seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_seeds(dir.path());
    dir
}

fn report(dir: &Path, args: &[&str]) -> (i32, serde_json::Value) {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = run_in(dir, &all);
    let v = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{code}: {out}{err}"));
    (code, v)
}

fn services(r: &serde_json::Value, rule: &str, code: u64) -> BTreeSet<String> {
    findings(r, rule)
        .into_iter()
        .filter(|f| f["code"] == code)
        .map(|f| f["service"].as_str().unwrap().to_string())
        .collect()
}

fn set(v: &[&str]) -> BTreeSet<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_pinned_description_wins() {
    let dir = seeds();
    fs::write(
        dir.path().join("doclint.toml"),
        "[canonical.400]\ndescription = \"请求参数错误。\"\n",
    )
    .unwrap();
    let (code, r) = report(dir.path(), &[]);
    assert_eq!(code, 1);
    assert_eq!(
        services(&r, "DL001", 400),
        set(&["dew", "ecs", "nat", "rds"])
    );
    let f = findings(&r, "DL001")
        .into_iter()
        .find(|f| f["code"] == 400)
        .unwrap();
    assert_eq!(f["expected"], "请求参数错误。");
    // The config is found from a subfolder too: the model is the whole
    // project's, the findings are those of the subfolder.
    let (_, r) = report(&dir.path().join("ecs"), &["."]);
    assert_eq!(r["summary"]["pages"], 5);
    assert_eq!(services(&r, "DL001", 400), set(&["ecs"]));
}

#[test]
fn a_misspelt_key_exits_2_and_points_at_it() {
    let dir = seeds();
    fs::write(
        dir.path().join("doclint.toml"),
        "required = [400]\n\n[canonical.400]\ndescripton = \"x\"\n",
    )
    .unwrap();
    let (code, out, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("descripton"), "{err}");
    assert!(err.contains("doclint.toml"), "{err}");
    // The report shows the line with the key underlined.
    assert!(err.contains("4 │ descripton = \"x\""), "{err}");
    // A wrong type, and an unknown rule.
    fs::write(dir.path().join("doclint.toml"), "required = \"400\"\n").unwrap();
    assert_eq!(run_in(dir.path(), &[]).0, 2);
    fs::write(
        dir.path().join("doclint.toml"),
        "[rules]\nDL042 = \"off\"\n",
    )
    .unwrap();
    let (code, _, err) = run_in(dir.path(), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("DL042"));
    // --config names another file.
    fs::write(dir.path().join("other.toml"), "[rules]\nDL001 = \"off\"\n").unwrap();
    let (_, r) = report(dir.path(), &["--config", "other.toml"]);
    assert!(findings(&r, "DL001").is_empty());
}

#[test]
fn inline_comment_silences_one_page_only() {
    let dir = seeds();
    let (_, before) = report(dir.path(), &[]);
    let dew = dir.path().join("dew/状态码.md");
    let text = fs::read_to_string(&dew).unwrap();
    fs::write(&dew, format!("<!-- doclint-disable DL001 -->\n{text}")).unwrap();
    let (_, r) = report(dir.path(), &[]);
    assert!(services(&r, "DL001", 400).contains("smn"));
    assert!(!services(&r, "DL001", 400).contains("dew"));
    assert!(findings(&r, "DL001").iter().all(|f| f["service"] != "dew"));
    // Other rules on dew's page are still reported.
    assert!(findings(&r, "DL004").iter().any(|f| f["service"] == "dew"));
    let dl001 = |r: &serde_json::Value| {
        findings(r, "DL001")
            .into_iter()
            .filter(|f| f["service"] != "dew")
            .count()
    };
    assert_eq!(dl001(&r), dl001(&before));
    // Until doclint-enable: only the part before it is silenced.
    let cut = text.match_indices("<tr").nth(8).unwrap().0;
    fs::write(
        &dew,
        format!(
            "<!-- doclint-disable -->\n{}<!-- doclint-enable -->\n{}",
            &text[..cut],
            &text[cut..]
        ),
    )
    .unwrap();
    let (_, r) = report(dir.path(), &[]);
    let dew_findings = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["service"] == "dew")
        .count();
    let dew_before = before["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["service"] == "dew")
        .count();
    assert!(dew_findings > 0 && dew_findings < dew_before);
}

#[test]
fn select_and_ignore() {
    let dir = seeds();
    let (code, r) = report(dir.path(), &["--select", "DL002"]);
    assert_eq!(code, 1);
    let rules: BTreeSet<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, BTreeSet::from(["DL002"]));
    let (_, r) = report(dir.path(), &["--ignore", "DL001,missing-code"]);
    assert!(findings(&r, "DL001").is_empty() && findings(&r, "DL003").is_empty());
    assert!(!findings(&r, "DL002").is_empty());
    assert_eq!(run_in(dir.path(), &["--select", "DL099"]).0, 2);
}

#[test]
fn levels_and_overrides() {
    let dir = seeds();
    fs::write(
        dir.path().join("doclint.toml"),
        "[rules]\nmissing-code = \"off\"\nDL002 = \"error\"\n\n[[overrides]]\npaths = [\"dew/**\"]\nrules = { DL001 = \"off\" }\n",
    )
    .unwrap();
    let (_, r) = report(dir.path(), &[]);
    assert!(findings(&r, "DL003").is_empty());
    assert!(
        findings(&r, "DL002")
            .iter()
            .all(|f| f["severity"] == "error")
    );
    assert!(findings(&r, "DL001").iter().all(|f| f["service"] != "dew"));
    assert!(findings(&r, "DL001").iter().any(|f| f["service"] == "smn"));
}

#[test]
fn required_codes_and_reason_pins() {
    let dir = seeds();
    fs::write(
        dir.path().join("doclint.toml"),
        "required = [413]\ncurrent-reasons = true\n\n[canonical.202]\nreason = \"Accepted\"\n[canonical.401]\nreason = \"Unauthorised\"\n",
    )
    .unwrap();
    let (_, r) = report(dir.path(), &[]);
    let missing: Vec<_> = findings(&r, "DL003")
        .into_iter()
        .filter(|f| f["code"] == 413)
        .collect();
    assert_eq!(missing.len(), 4);
    assert!(missing.iter().all(|f| f["severity"] == "warning"));
    // rds writes `Request Entity Too Large`: not the current name.
    assert!(
        findings(&r, "DL004")
            .iter()
            .any(|f| f["code"] == 413 && f["expected"] == "Content Too Large")
    );
    // The pinned 401 reason is expected everywhere.
    assert_eq!(
        findings(&r, "DL004")
            .iter()
            .filter(|f| f["code"] == 401)
            .count(),
        5
    );
}

#[test]
fn baseline_reports_only_new_findings() {
    let dir = seeds();
    let (code, _, err) = run_in(dir.path(), &["baseline"]);
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("doclint-baseline.json").exists());
    let (code, r) = report(dir.path(), &["--baseline", "doclint-baseline.json"]);
    assert_eq!(code, 0, "{r}");
    assert!(r["findings"].as_array().unwrap().is_empty());
    // Edits elsewhere in a page (lines shift) do not invalidate it.
    let nat = dir.path().join("nat/状态码.md");
    let text = fs::read_to_string(&nat).unwrap();
    fs::write(&nat, format!("\n\n{text}")).unwrap();
    assert_eq!(
        report(dir.path(), &["--baseline", "doclint-baseline.json"]).0,
        0
    );
    // Change one description: exactly that finding appears.
    let smn = dir.path().join("smn/状态码.md");
    let text = fs::read_to_string(&smn).unwrap();
    assert!(text.contains("鉴权失败。"));
    fs::write(&smn, text.replace("鉴权失败。", "认证失败。")).unwrap();
    let (code, r) = report(dir.path(), &["--baseline", "doclint-baseline.json"]);
    assert_eq!(code, 1);
    let f = r["findings"].as_array().unwrap();
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["rule"], "DL001");
    assert_eq!(f[0]["found"], "认证失败。");
    // `baseline = …` in doclint.toml works the same.
    fs::write(
        dir.path().join("doclint.toml"),
        "baseline = \"doclint-baseline.json\"\n",
    )
    .unwrap();
    let (_, r) = report(dir.path(), &[]);
    assert_eq!(r["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn init_pins_todays_model() {
    let dir = seeds();
    let (code, _, err) = run_in(dir.path(), &["init"]);
    assert_eq!(code, 0, "{err}");
    let text = fs::read_to_string(dir.path().join("doclint.toml")).unwrap();
    assert!(
        text.contains("[canonical.400]\ndescription = \"服务器未能处理请求。\""),
        "{text}"
    );
    assert!(text.contains("# variant: \"请求参数有误。\" (1 service (dew))"));
    // The written file loads, and pins what the majority writes: the same
    // findings as without it, except that ties are settled.
    let (_, with) = report(dir.path(), &[]);
    assert_eq!(services(&with, "DL001", 400), set(&["dew", "smn"]));
    assert_eq!(services(&with, "DL002", 500), set(&["nat"]));
    // It does not overwrite without --force.
    assert_eq!(run_in(dir.path(), &["init"]).0, 2);
    assert_eq!(run_in(dir.path(), &["init", "--force"]).0, 0);
}

#[test]
fn an_include_glob_of_another_extension_reads_those_files() {
    // `include = ["**/*.mdx"]` asks for MDX pages: they are read without an
    // `extensions` key; `extensions` still works on its own.
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir_all(&docs).unwrap();
    let page = "# Status codes\n\n| Code | Description |\n|---|---|\n| 200 | OK. |\n| 400 | Bad request. |\n| 404 | Not found. |\n| 500 | Server error. |\n";
    fs::write(docs.join("status-codes.mdx"), page).unwrap();
    fs::write(docs.join("notes.txt"), page).unwrap();
    for config in [
        "include = [\"**/*.md\", \"**/*.mdx\"]\n",
        "include = [\"docs/*.{md,mdx}\"]\n",
        "extensions = [\"mdx\"]\n",
    ] {
        fs::write(dir.path().join("doclint.toml"), config).unwrap();
        let (code, r) = report(dir.path(), &[]);
        assert_eq!(code, 0, "{config}: {r}");
        assert_eq!(r["summary"]["pages"], 1, "{config}: {r}");
        assert_eq!(r["summary"]["files"], 1, "{config}: {r}");
    }
    // Without either, .mdx is not read.
    fs::write(dir.path().join("doclint.toml"), "").unwrap();
    let (code, _) = report(dir.path(), &[]);
    assert_eq!(code, 2);
}

#[test]
fn the_readme_s_config_example_is_a_valid_config() {
    // Every key the README shows is one doclint reads (a misspelt or
    // removed key would exit 2).
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("```toml\ninclude = ")
        .expect("the README's config example");
    let body = &readme[start + "```toml\n".len()..];
    let example = &body[..body.find("```").unwrap()];
    assert!(example.contains("extensions = "), "{example}");
    let dir = seeds();
    fs::write(dir.path().join("doclint.toml"), example).unwrap();
    let (code, r) = report(dir.path(), &[]);
    assert_eq!(code, 1, "{r}");
    assert!(r["errors"].as_array().unwrap().is_empty(), "{r}");
}
