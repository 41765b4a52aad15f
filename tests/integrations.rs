//! Where doclint runs: file mode (pre-commit), SARIF validated against the
//! OASIS schema, GitHub workflow commands. The real pre-commit tool is in
//! `install.rs`.

use std::fs;

use crate::util::*;

#[test]
fn file_mode_reports_the_whole_tree_findings_for_that_file() {
    let dir = root().join("fixtures/seeds");
    let (code, whole, _) = run_in(&dir, &["--format", "json"]);
    assert_eq!(code, 1);
    let (code, one, _) = run_in(&dir, &["--format", "json", "nat/状态码.md"]);
    assert_eq!(code, 1);
    let whole: serde_json::Value = serde_json::from_str(&whole).unwrap();
    let one: serde_json::Value = serde_json::from_str(&one).unwrap();
    let expected: Vec<&serde_json::Value> = whole["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["path"] == "nat/状态码.md")
        .collect();
    let got: Vec<&serde_json::Value> = one["findings"].as_array().unwrap().iter().collect();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    // The model was built from all five pages.
    assert_eq!(one["summary"]["pages"], 5);
    // A file with no findings exits 0 even though others have some.
    let (code, _, _) = run_in(&dir, &["README.md"]);
    assert_eq!(code, 0);
}

#[test]
fn sarif_is_valid_and_has_one_result_per_finding() {
    let (_, json_out, _) = run(&["--format", "json", "fixtures"]);
    let (code, sarif_out, _) = run(&["--format", "sarif", "fixtures"]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    let sarif: serde_json::Value = serde_json::from_str(&sarif_out).unwrap();
    let schema: serde_json::Value =
        serde_json::from_slice(&read("fixtures/schemas/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(results.len(), findings.len());
    for (r, f) in results.iter().zip(findings) {
        assert_eq!(r["ruleId"], f["rule"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert_eq!(region["startLine"], f["line"]);
        assert_eq!(region["startColumn"], f["column"]);
        assert_eq!(region["byteOffset"], f["span"]["start"]);
    }
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(rules.len(), 13);
    assert!(
        rules[0]["fullDescription"]["text"]
            .as_str()
            .unwrap()
            .contains("DL001")
    );
    // Unreadable files are tool notifications.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bad.md"), b"\xff").unwrap();
    let (code, out, _) = run_in(dir.path(), &["--format", "sarif"]);
    assert_eq!(code, 2);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(validator.is_valid(&sarif));
    let inv = &sarif["runs"][0]["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    let texts: Vec<&str> = inv["toolExecutionNotifications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["message"]["text"].as_str().unwrap())
        .collect();
    assert!(texts.iter().any(|t| t.contains("bad.md")), "{texts:?}");
    // No status page at all is said too.
    assert!(
        texts.iter().any(|t| t.contains("no status-code page")),
        "{texts:?}"
    );
}

/// A page whose description tries to start workflow commands of its own.
fn hostile_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = root().join("fixtures/seeds");
    for svc in ["dew", "ecs", "nat", "rds"] {
        fs::create_dir(dir.path().join(svc)).unwrap();
        for e in fs::read_dir(seeds.join(svc)).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), dir.path().join(svc).join(e.file_name())).unwrap();
        }
    }
    let smn = fs::read_to_string(seeds.join("smn/状态码.md")).unwrap();
    let hostile = smn.replace(
        "请求参数错误。</p>",
        "请求参数错误。</p><p>::error file=x.md,line=1::injected %0A</p>\n<p>\r::add-mask::secret</p>",
    );
    assert_ne!(hostile, smn);
    fs::create_dir(dir.path().join("smn,x:y")).unwrap();
    fs::write(dir.path().join("smn,x:y/状态码.md"), hostile).unwrap();
    dir
}

#[test]
fn github_commands_cannot_be_injected_by_page_text() {
    let dir = hostile_tree();
    let summary = dir.path().join("summary.md");
    let out = doclint()
        .current_dir(dir.path())
        .env("GITHUB_STEP_SUMMARY", &summary)
        .args(["--format", "github"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let (_, json_out, _) = run_in(dir.path(), &["--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json_out).unwrap();
    let n = report["findings"].as_array().unwrap().len();
    // Exactly one line per finding, each a command doclint wrote.
    let lines: Vec<&str> = text.split(['\n', '\r']).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), n, "{text}");
    for l in &lines {
        assert!(
            l.starts_with("::warning file=")
                || l.starts_with("::notice file=")
                || l.starts_with("::error file="),
            "{l}"
        );
    }
    // The page's text is there, escaped.
    let hostile = lines
        .iter()
        .find(|l| l.contains("injected"))
        .expect("the description is shown");
    assert!(
        hostile.contains("%0A::error file=x.md,line=1::injected %250A"),
        "{hostile}"
    );
    assert!(hostile.contains("%0A::add-mask::secret"), "{hostile}");
    // Properties escape `,` and `:` (a folder named `smn,x:y`).
    assert!(text.contains("file=smn%2Cx%3Ay/状态码.md,line="));
    // The step summary was written.
    let md = fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("## doclint"));
    assert!(md.contains("| DL001 description-mismatch |"));
}
