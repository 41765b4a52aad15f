//! Real pages copied from the corpus, one per layout: each is read with the
//! right number of rows, sections, reason phrases and descriptions, and every
//! span slices to exactly the text reported.

use crate::util::*;

/// (page under fixtures/corpus, rows, what the layout is)
const PAGES: &[(&str, usize, &str)] = &[
    (
        "aom/cn.zh-cn/API参考/状态码.md",
        42,
        "one 3-column table, caption, several <p>",
    ),
    (
        "aos/cn.zh-cn/API 参考/状态码.md",
        41,
        "CRLF, folder name with a space",
    ),
    (
        "scm/cn.zh-cn/API参考/状态码.md",
        18,
        "3 columns without caption (状态码/编码/状态说明)",
    ),
    (
        "apig/cn.zh-cn/API参考/HTTP状态码.md",
        18,
        "code and reason in one cell",
    ),
    (
        "ecs/cn.zh-cn/API参考/状态码.md",
        16,
        "section in the header, reason phrase only",
    ),
    (
        "ecs/cn.zh-cn/API参考/返回值.md",
        17,
        "tables inside - 正常 / - 异常 list items",
    ),
    (
        "evs/cn.zh-cn/API参考/状态码.md",
        20,
        "header 错误码状态, reason phrase only",
    ),
    (
        "dds/cn.zh-cn/API参考/状态码.md",
        14,
        "list items, 3 columns, CRLF",
    ),
    (
        "vpc/cn.zh-cn/API参考/状态码.md",
        17,
        "captions, 3 columns then 2",
    ),
    (
        "oms/cn.zh-cn/API参考/状态码.md",
        16,
        "reason under 描述, description under 说明",
    ),
    (
        "bms/cn.zh-cn/API参考/状态码.md",
        18,
        "pipe tables after list items",
    ),
    ("eip/cn.zh-cn/API参考/状态码.md", 17, "pipe tables"),
    (
        "obs/cn.zh-cn/Java SDK开发指南/HTTP状态码(Java-SDK).md",
        8,
        "class table beside the codes",
    ),
    (
        "ocr/cn.zh-cn/API参考/状态码.md",
        42,
        "&nbsp; inside reason phrases",
    ),
    ("cph/cn.zh-cn/API参考/返回值.md", 10, "list items"),
];

/// Pages that look like status pages but are not.
const NOT_PAGES: &[&str] = &[
    "obs/cn.zh-cn/API参考/状态码.md",     // classes 2xx/4xx/5xx only
    "apig/cn.zh-cn/API参考/错误码.md",    // error-code catalogue
    "eip/cn.zh-cn/API参考/创建浮动IP.md", // API page with the whole status table pasted
    "eip/cn.zh-cn/API参考/申请EIP(按需计费).md", // API page, status table in an unclosed fence
    "cce/cn.zh-cn/API参考/创建PV.md",     // API page, status table in an unclosed fence
    "cph/cn.zh-cn/API参考/云手游状态码.md", // hex codes
    "live/cn.zh-cn/用户指南/HTTP状态码统计.md", // statistics guide
    "smn/cn.zh-cn/API参考/通用请求返回值.md", // links only
    "modelarts/cn.zh-cn/AI工程师用户指南/导入模型自定义镜像规范.md", // one 200 row in a guide
    "vpc/cn.zh-cn/用户指南/安全组配置案例.md", // user guide
];

fn fixture(p: &str) -> String {
    format!("fixtures/corpus/{p}")
}

#[test]
fn every_layout_is_read() {
    let all = pages(&["fixtures/corpus"]);
    let found: Vec<(&str, usize)> = all
        .iter()
        .map(|p| {
            (
                p["path"].as_str().unwrap(),
                p["rows"].as_array().unwrap().len(),
            )
        })
        .collect();
    for (page, rows, layout) in PAGES {
        let path = fixture(page);
        let got = found.iter().find(|(p, _)| *p == path).map(|(_, n)| *n);
        assert_eq!(got, Some(*rows), "{page} ({layout})");
    }
    for page in NOT_PAGES {
        let path = fixture(page);
        assert!(
            found.iter().all(|(p, _)| *p != path),
            "{page} is not a status page"
        );
    }
    assert_eq!(found.len(), PAGES.len());
    let spans = assert_spans_exact(&all);
    assert!(spans > 700, "{spans} spans checked");
}

fn page<'a>(all: &'a [serde_json::Value], p: &str) -> &'a serde_json::Value {
    let path = fixture(p);
    all.iter().find(|x| x["path"] == path.as_str()).unwrap()
}

fn row(p: &serde_json::Value, code: u64) -> &serde_json::Value {
    p["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == code)
        .unwrap()
}

#[test]
fn columns_sections_and_reasons() {
    let all = pages(&["fixtures/corpus"]);

    // Code and reason in one cell: the reason is a sub-span of the cell.
    let apig = page(&all, "apig/cn.zh-cn/API参考/HTTP状态码.md");
    let r = row(apig, 400);
    assert_eq!(r["reason"]["text"], "Bad Request");
    assert_eq!(r["reason"]["slice"], "Bad Request");

    // 状态码 | 编码 | 状态说明: the reason column, whatever its header.
    let aom = page(&all, "aom/cn.zh-cn/API参考/状态码.md");
    assert_eq!(row(aom, 400)["reason"]["text"], "BadRequest");
    assert_eq!(row(aom, 413)["reason"]["text"], "Request Entity Too Large");
    let with_reason = aom["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| !r["reason"].is_null())
        .count();
    assert_eq!(with_reason, 42);

    // Reason phrase only (evs): no description.
    let evs = page(&all, "evs/cn.zh-cn/API参考/状态码.md");
    assert_eq!(row(evs, 200)["reason"]["text"], "OK");
    assert!(row(evs, 200)["description"].is_null());
    // The list item says 正常, though the header says 错误码状态.
    assert_eq!(evs["tables"][0]["section"], "success");
    assert_eq!(evs["tables"][1]["section"], "error");

    // oms: reason under 描述, description under 说明.
    let oms = page(&all, "oms/cn.zh-cn/API参考/状态码.md");
    assert_eq!(row(oms, 201)["reason"]["text"], "Created");
    assert_eq!(
        row(oms, 201)["description"]["text"],
        "创建类的请求完全成功。"
    );
    // A description of two paragraphs keeps both, each with its own span.
    let d = &row(oms, 204)["description"];
    assert_eq!(d["fragments"].as_array().unwrap().len(), 2);
    assert!(d["text"].as_str().unwrap().contains('\n'));

    // nat-style header sections (ecs 状态码.md: 正常状态码 / 错误状态码).
    let ecs = page(&all, "ecs/cn.zh-cn/API参考/状态码.md");
    assert_eq!(ecs["tables"][0]["section"], "success");

    // Captions (vpc): 表 1 正常, 表 2 异常.
    let vpc = page(&all, "vpc/cn.zh-cn/API参考/状态码.md");
    assert_eq!(vpc["tables"][0]["section"], "success");
    assert_eq!(vpc["tables"][1]["section"], "error");

    // Pipe tables after list items (bms).
    let bms = page(&all, "bms/cn.zh-cn/API参考/状态码.md");
    assert_eq!(bms["tables"][0]["kind"], "pipe");
    assert_eq!(bms["tables"][0]["section"], "success");
    assert_eq!(bms["tables"][1]["section"], "error");
    assert_eq!(row(bms, 202)["reason"]["text"], "Accepted");

    // &nbsp; inside a reason phrase: `text` decodes it, `slice` keeps it.
    let ocr = page(&all, "ocr/cn.zh-cn/API参考/状态码.md");
    let nbsp = ocr["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["reason"]["slice"]
                .as_str()
                .is_some_and(|s| s.contains("&nbsp;"))
        })
        .expect("a reason with &nbsp;");
    assert!(nbsp["reason"]["text"].as_str().unwrap().contains('\u{a0}'));

    // The obs SDK page: the description is 描述, not 常见原因.
    let obs = page(
        &all,
        "obs/cn.zh-cn/Java SDK开发指南/HTTP状态码(Java-SDK).md",
    );
    assert_eq!(row(obs, 400)["description"]["text"], "请求参数错误");
}

#[test]
fn pipe_table_snapshot() {
    let (code, out, _) = run(&["pages", "fixtures/corpus/bms"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(out);
}

#[test]
fn corpus_fixture_findings_are_exact() {
    let (code, r) = json(&["fixtures/corpus"]);
    assert_eq!(code, 1);
    assert_eq!(r["summary"]["pages"], 15);
    assert_found_exact(&r);
    // &nbsp; in a reason phrase reads as a space: no DL004 for it.
    for f in findings(&r, "DL004") {
        assert!(!f["found"].as_str().unwrap().contains("&nbsp;"), "{f}");
    }
}
