//! Tables that render broken (DL008), examples in closed fences, BOM + CRLF.

use crate::util::*;

fn dl008(dir: &str) -> Vec<serde_json::Value> {
    let (_, r) = json(&[dir]);
    assert_found_exact(&r);
    findings(&r, "DL008").into_iter().cloned().collect()
}

#[test]
fn blank_line_then_html_block_is_harmless() {
    assert!(dl008("fixtures/broken/harmless").is_empty());
    let p = pages(&["fixtures/broken/harmless"]);
    assert_eq!(p[0]["rows"].as_array().unwrap().len(), 18);
}

#[test]
fn blank_line_then_indented_rows_is_a_code_block() {
    let f = dl008("fixtures/broken/blank-code");
    assert_eq!(f.len(), 1);
    assert!(f[0]["message"].as_str().unwrap().contains("code block"));
    assert!(f[0]["found"].as_str().unwrap().starts_with("<tr"));
    assert!(f[0]["code"].is_null());
    // The rows are still read.
    let p = pages(&["fixtures/broken/blank-code"]);
    assert_eq!(p[0]["rows"].as_array().unwrap().len(), 18);
}

#[test]
fn blank_line_before_a_cell_s_text_alone_is_harmless() {
    // The text is a paragraph inside its cell: the table still renders.
    assert!(dl008("fixtures/broken/cell-paragraph").is_empty());
    let p = pages(&["fixtures/broken/cell-paragraph"]);
    assert_eq!(p[0]["rows"].as_array().unwrap().len(), 18);
    // SAP writes every cell so: `<td valign="top">`, a blank line, the text,
    // a blank line, `</td>`.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doclint.toml"), "").unwrap();
    let cell = |tag: &str, text: &str| format!("<{tag} valign=\"top\">\n\n{text}\n\n</{tag}>\n");
    let mut page = String::from("# Status codes\n\n<table>\n<tr>\n");
    page += &(cell("th", "Code") + &cell("th", "Description") + "</tr>\n");
    for (code, text) in [
        ("200 OK", "Success."),
        ("400 Bad Request", "Invalid."),
        ("404 Not Found", "No such user."),
    ] {
        page += &format!("<tr>\n{}{}</tr>\n", cell("td", code), cell("td", text));
    }
    page += "</table>\n";
    std::fs::write(dir.path().join("codes.md"), &page).unwrap();
    let dir = dir.path().to_str().unwrap();
    assert!(dl008(dir).is_empty());
    assert_eq!(pages(&[dir])[0]["rows"].as_array().unwrap().len(), 3);
}

#[test]
fn blank_line_in_a_cell_is_a_paragraph() {
    // The blank line comes before the text, and the end of the row is on
    // the text's line: the row's markup is in the paragraph.
    let f = dl008("fixtures/broken/blank-paragraph");
    assert_eq!(f.len(), 1);
    assert!(f[0]["message"].as_str().unwrap().contains("paragraph"));
    assert_eq!(f[0]["found"], "请求参数有误。");
}

#[test]
fn unclosed_fence_swallows_both_tables() {
    let f = dl008("fixtures/broken/unclosed-fence");
    assert_eq!(f.len(), 1, "one finding for the one fence");
    assert_eq!(f[0]["found"], "```json");
    let p = pages(&["fixtures/broken/unclosed-fence"]);
    assert_eq!(p[0]["rows"].as_array().unwrap().len(), 11);
}

#[test]
fn indented_table_is_a_code_block() {
    let f = dl008("fixtures/broken/indented");
    assert_eq!(f.len(), 1);
    assert!(f[0]["message"].as_str().unwrap().contains("indented"));
    assert!(f[0]["found"].as_str().unwrap().starts_with("<table"));
}

#[test]
fn closed_fence_is_an_example() {
    assert!(pages(&["fixtures/broken/example-only"]).is_empty());
}

#[test]
fn bom_and_crlf_read_as_the_same_codes() {
    let a = pages(&["fixtures/seeds/ecs"]);
    let b = pages(&["fixtures/broken/bom-crlf"]);
    let texts = |p: &serde_json::Value| -> Vec<(u64, String, String)> {
        p["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["code"].as_u64().unwrap(),
                    r["reason"]["text"].as_str().unwrap_or("").to_string(),
                    r["description"]["text"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    };
    assert_eq!(texts(&a[0]), texts(&b[0]));
    // Offsets shift by the BOM and the \r bytes, and still slice exactly.
    assert_spans_exact(&b);
    let first = span_of(&b[0]["rows"][0]["code_span"]).0;
    let plain = span_of(&a[0]["rows"][0]["code_span"]).0;
    assert!(first > plain + 3);
}

/// A pipe table with a cell written over two lines, or holding a blank
/// line (as pages exported from some doc systems are), ends there: the rows
/// below it render as text. They are still read, and DL008 says where the
/// table broke; tables that are whole, one after another or in a list
/// item, are not reported.
#[test]
fn a_cell_over_two_lines_cuts_a_pipe_table() {
    let (_, r) = json(&["fixtures/cut-cell"]);
    assert_found_exact(&r);
    let f = findings(&r, "DL008");
    let found: Vec<(&str, &str)> = f
        .iter()
        .map(|f| (f["path"].as_str().unwrap(), f["found"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            (
                "fixtures/cut-cell/blank-line/返回码.md",
                "返回信息为`“type is invalid”`，表示type参数错误。"
            ),
            (
                "fixtures/cut-cell/multiline/状态码.md",
                "-   请求参数有误。 |"
            ),
        ]
    );
    assert!(f.iter().all(|f| f["table"] == "status-page"));
    let codes = |dir: &str| -> Vec<u64> {
        let p = pages(&[dir]);
        assert_spans_exact(&p);
        p[0]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(
        codes("fixtures/cut-cell/multiline"),
        [200, 400, 401, 403, 404, 500]
    );
    assert_eq!(
        codes("fixtures/cut-cell/blank-line"),
        [200, 206, 400, 403, 500]
    );
    assert_eq!(
        codes("fixtures/cut-cell/not-cut"),
        [200, 201, 400, 401, 403, 500, 502, 503, 504]
    );
}

#[test]
fn only_a_cell_left_open_cuts_a_pipe_table() {
    // Found by review: status rows below a complete table (its last row
    // closed with `|`) were read as rows the table lost — a note's `|404|`,
    // rows after a blank line, rows under another section's label — with
    // DL008, DL006 and DL005 on them and a fix rewriting the note.
    let table = "# 状态码\n\n|状态码|说明|\n|:--|:-|\n|200|请求成功。|\n|400|服务器未能处理请求。|\n\
                 |404|资源不存在。|\n|500|服务内部错误。|\n";
    for (name, page) in [
        (
            "note",
            format!("{table}\n说明：\n|404| 也可能表示您没有该资源的访问权限。\n"),
        ),
        (
            "blank line",
            "# 状态码\n\n|状态码|说明|\n|:--|:-|\n|200|请求成功。|\n\n|400|服务器未能处理请求。|\n\
             |404|资源不存在。|\n|500|服务内部错误。|\n"
                .to_string(),
        ),
        (
            "section",
            "# 返回值\n\n-   正常返回值\n\n    |返回值|说明|\n    |---|---|\n    |200|请求成功。|\n\n\
             -   异常返回值\n\n    |400|服务器未能处理请求。|\n    |404|资源不存在。|\n    |500|服务内部错误。|\n"
                .to_string(),
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("doclint.toml"), "").unwrap();
        for s in ["a", "b"] {
            std::fs::create_dir(dir.path().join(s)).unwrap();
            std::fs::write(dir.path().join(s).join("状态码.md"), table).unwrap();
        }
        std::fs::create_dir(dir.path().join("c")).unwrap();
        std::fs::write(dir.path().join("c/状态码.md"), &page).unwrap();
        let (_, r) = json_in(dir.path(), &[]);
        assert!(
            r["findings"].as_array().unwrap().is_empty(),
            "{name}: {r:#}"
        );
    }
}

#[test]
fn a_delimiter_row_that_does_not_match_its_header_breaks_the_table() {
    // Two cells under three (one of them `:--- ----`): GFM renders the
    // whole table as a paragraph. The page is still read, its rows checked,
    // and DL008 points at the delimiter row.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("doclint.toml"), "").unwrap();
    std::fs::create_dir_all(dir.path().join("a")).unwrap();
    let bad = "| :------------------- | :------------ ------------------- |";
    let page = format!(
        "# Status codes\n\n| Response status code | Description | Recommended actions |\n{bad}\n| 200 | The operation is successful. | None. |\n| 400 | Bad request. | Check the `message` field. |\n| 404 | The requested resource could not be found. | Check the URL. |\n| 500 | Internal server error. | Retry later. |\n"
    );
    std::fs::write(dir.path().join("a/status.md"), &page).unwrap();
    let (_, r) = json_in(dir.path(), &[]);
    assert_found_exact_in(dir.path(), &r);
    assert_eq!(r["summary"]["pages"], 1, "{r}");
    assert_eq!(r["summary"]["rows"], 4);
    let f = findings(&r, "DL008");
    assert_eq!(f.len(), 1, "{r}");
    assert_eq!(f[0]["found"], bad);
    assert!(f[0]["message"].as_str().unwrap().contains("delimiter row"));
    let (_, out, _) = run_in(dir.path(), &["pages", "--format", "json", "."]);
    let pages: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(assert_spans_exact_in(dir.path(), &pages) >= 8);
    // Written right, the same table is no finding; a header of one cell
    // over a dashed line is no table at all, and no broken one either.
    let good = page.replace(bad, "|---|---|---|");
    std::fs::write(dir.path().join("a/status.md"), good).unwrap();
    let (_, r) = json_in(dir.path(), &[]);
    assert!(findings(&r, "DL008").is_empty(), "{r}");
    let setext = "# Notes\n\nA | B\n|---|\n| 200 | OK |\n";
    std::fs::write(dir.path().join("a/notes.md"), setext).unwrap();
    let (_, r) = json_in(dir.path(), &[]);
    assert!(findings(&r, "DL008").is_empty(), "{r}");
}
