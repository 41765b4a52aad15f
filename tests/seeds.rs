//! The five seed pages: every divergence the project was created for.

use std::collections::BTreeSet;

use crate::util::*;

fn rule_at(report: &serde_json::Value, rule: &str) -> BTreeSet<(String, u64)> {
    findings(report, rule)
        .into_iter()
        .map(|f| {
            (
                f["service"].as_str().unwrap().to_string(),
                f["code"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn has(set: &BTreeSet<(String, u64)>, service: &str, code: u64) -> bool {
    set.contains(&(service.to_string(), code))
}

#[test]
fn seeds_report_every_known_divergence() {
    let (code, r) = json(&["fixtures/seeds"]);
    assert_eq!(code, 1, "findings at warning level exit 1");
    assert_eq!(r["version"], 1);
    assert_eq!(r["summary"]["pages"], 5);
    assert_eq!(r["summary"]["services"], 5);
    assert_eq!(r["summary"]["errors"], 0);

    // DL001: 400 in dew and smn, not in ecs, rds, nat; dew's 500.
    let dl001 = rule_at(&r, "DL001");
    assert!(has(&dl001, "dew", 400) && has(&dl001, "smn", 400));
    for s in ["ecs", "rds", "nat"] {
        assert!(!has(&dl001, s, 400), "{s} 400 is canonical");
    }
    assert!(has(&dl001, "dew", 500));
    let dew400 = findings(&r, "DL001")
        .into_iter()
        .find(|f| f["service"] == "dew" && f["code"] == 400)
        .unwrap();
    assert_eq!(dew400["found"], "请求参数有误。");
    assert_eq!(dew400["expected"], "服务器未能处理请求。");
    assert_eq!(dew400["fix"]["applicability"], "unsafe");
    let smn400 = findings(&r, "DL001")
        .into_iter()
        .find(|f| f["service"] == "smn" && f["code"] == 400)
        .unwrap();
    assert_eq!(smn400["found"], "请求参数错误。");

    // DL003: 413, 415, 422 missing in ecs, dew, smn, nat (documented by rds alone).
    let dl003 = rule_at(&r, "DL003");
    for s in ["ecs", "dew", "smn", "nat"] {
        for c in [413, 415, 422] {
            assert!(has(&dl003, s, c), "{s} lacks {c}");
        }
    }
    for c in [413, 415, 422] {
        assert!(!has(&dl003, "rds", c));
    }
    // One page of five documents them: advice, not a warning.
    for f in findings(&r, "DL003") {
        if [413, 415, 422].contains(&f["code"].as_u64().unwrap()) {
            assert_eq!(f["severity"], "advice");
            assert!(f["found"].is_null() && f["text"].is_null());
            let m = f["message"].as_str().unwrap();
            assert!(m.ends_with("; 1 of 5 services does"), "{m}");
        }
    }

    // DL002: nat's 500–503 use ， where the others write 。.
    let dl002 = rule_at(&r, "DL002");
    let nat: BTreeSet<u64> = dl002
        .iter()
        .filter(|(s, _)| s == "nat")
        .map(|(_, c)| *c)
        .collect();
    assert_eq!(nat, BTreeSet::from([500, 501, 502, 503]));
    for f in findings(&r, "DL002") {
        assert_eq!(f["fix"]["applicability"], "safe");
        assert!(f["message"].as_str().unwrap().contains("「，」"), "{f}");
    }

    // DL004: dew's Accept → Accepted; multiple choices in ecs and dew.
    let dl004 = findings(&r, "DL004");
    let accept = dl004.iter().find(|f| f["found"] == "Accept").unwrap();
    assert_eq!(accept["service"], "dew");
    assert_eq!(accept["expected"], "Accepted");
    assert_eq!(accept["fix"]["applicability"], "unsafe");
    let mc: BTreeSet<&str> = dl004
        .iter()
        .filter(|f| f["found"] == "multiple choices")
        .map(|f| f["service"].as_str().unwrap())
        .collect();
    assert_eq!(mc, BTreeSet::from(["dew", "ecs"]));
    for f in dl004.iter().filter(|f| f["found"] == "multiple choices") {
        assert_eq!(f["expected"], "Multiple Choices");
        assert_eq!(f["fix"]["applicability"], "safe");
    }

    assert_found_exact(&r);
}

#[test]
fn seed_json_is_the_version_1_contract() {
    let (_, r) = json(&["fixtures/seeds"]);
    let keys: Vec<&str> = r.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["version", "summary", "findings", "errors"]);
    let summary: Vec<&str> = r["summary"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        summary,
        [
            "files",
            "pages",
            "services",
            "rows",
            "findings",
            "errors",
            "operations",
            "operation_rows"
        ]
    );
    let f = &r["findings"][0];
    let fields: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        [
            "rule",
            "name",
            "severity",
            "path",
            "line",
            "column",
            "end_line",
            "end_column",
            "span",
            "service",
            "code",
            "message",
            "found",
            "text",
            "expected",
            "fix",
            "table",
        ]
    );
    for f in r["findings"].as_array().unwrap() {
        assert!(["error", "warning", "advice"].contains(&f["severity"].as_str().unwrap()));
        assert!(f["path"].as_str().unwrap().starts_with("fixtures/seeds/"));
        if let Some(fix) = f["fix"].as_object() {
            assert!(
                ["safe", "unsafe", "display-only"]
                    .contains(&fix["applicability"].as_str().unwrap())
            );
            for e in fix["edits"].as_array().unwrap() {
                assert!(e["start"].as_u64() <= e["end"].as_u64());
            }
        }
    }
    // Line and column point at the span: 1-based, columns in characters,
    // end_column just past the last character.
    let smn400 = findings(&r, "DL001")
        .into_iter()
        .find(|f| f["service"] == "smn" && f["code"] == 400)
        .unwrap();
    let bytes = read(smn400["path"].as_str().unwrap());
    let text = std::str::from_utf8(&bytes).unwrap();
    let start = smn400["span"]["start"].as_u64().unwrap() as usize;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(
        smn400["line"].as_u64().unwrap() as usize,
        text[..start].matches('\n').count() + 1
    );
    assert_eq!(
        smn400["column"].as_u64().unwrap() as usize,
        text[line_start..start].chars().count() + 1
    );
    assert_eq!(
        smn400["end_column"].as_u64().unwrap() - smn400["column"].as_u64().unwrap(),
        7
    );
}

#[test]
fn seed_model_lists_pages_and_codes() {
    let (code, out, _) = run(&["model", "--format", "json", "fixtures/seeds"]);
    assert_eq!(code, 0);
    let m: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(m["version"], 1);
    assert_eq!(m["pages"].as_array().unwrap().len(), 5);
    let c400 = m["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 400)
        .unwrap();
    assert_eq!(c400["reason"], "Bad Request");
    assert_eq!(c400["canonical"]["description"], "服务器未能处理请求。");
    assert_eq!(c400["canonical"]["source"], "majority");
    assert_eq!(c400["canonical"]["pages"], 3);
    assert_eq!(c400["variants"].as_array().unwrap().len(), 2);
    assert!(c400["missing_in"].as_array().unwrap().is_empty());
    let c413 = m["codes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == 413)
        .unwrap();
    assert_eq!(c413["missing_in"].as_array().unwrap().len(), 4);

    let (code, human, _) = run(&["model", "fixtures/seeds"]);
    assert_eq!(code, 0);
    assert!(human.contains("400  Bad Request"));
    assert!(human.contains("code dew ecs nat rds smn"), "{human}");
}
