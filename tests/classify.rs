//! Issue 12: status tables known by what their cells hold, on documentation
//! trees doclint was not built on. One test per failure class of the issue,
//! with pages copied from other organisations' trees (`fixtures/vendors/`)
//! or written to the same shape.

use doclint::parse::classify::TableType;
use doclint::parse::page::{Page, examine, parse_str};
use doclint::parse::text::Cell;

use crate::util::*;

fn fixture(name: &str) -> String {
    String::from_utf8(read(&format!("fixtures/vendors/{name}"))).unwrap()
}

fn codes(page: &Page) -> Vec<u16> {
    page.rows.iter().map(|r| r.code).collect()
}

fn descriptions(page: &Page) -> Vec<String> {
    page.rows
        .iter()
        .map(|r| r.description.as_ref().map(Cell::text).unwrap_or_default())
        .collect()
}

fn kinds(src: &str) -> Vec<TableType> {
    examine(src).tables.iter().map(|t| t.typing.kind).collect()
}

#[test]
fn class_1_a_status_column_under_a_header_on_no_list() {
    // `Status Code` over ``200 OK`` cells (AVEVA Data Hub).
    let page = parse_str(&fixture("ocs-http-status-codes.md")).expect("a status page");
    assert_eq!(page.rows.len(), 16);
    assert_eq!(page.rows[0].code, 200);
    // A header no list has, over `200 OK`-style cells.
    let src = "| Response | Notes |\n|---|---|\n| 200 OK | It worked. |\n| 404 Not Found | Nothing there. |\n| 503 Service Unavailable | Try later. |\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(codes(&page), [200, 404, 503]);
    assert_eq!(page.rows[1].reason.as_ref().unwrap().text(), "Not Found");
    assert_eq!(descriptions(&page)[2], "Try later.");
    // Adobe: `HTTP code | Meaning | Description`, then a field table.
    let page = parse_str(&fixture("adobe-gs-web-api-response.md")).expect("a status page");
    assert_eq!(page.rows.len(), 8);
    let page = parse_str(&fixture("adobe-graphql-api-response.md")).expect("a status page");
    assert_eq!(codes(&page), [200, 401, 403, 500]);
    // HTML table, machine-translated reasons (JPush).
    let page = parse_str(&fixture("jpush-http_status_code.md")).expect("a status page");
    assert_eq!(page.rows.len(), 12);
}

#[test]
fn class_2_descriptions_not_read_from_a_class_column() {
    let src = "| 状态码 | 类别 | 状态码含义 |\n|---|---|---|\n| 200 | 2XX | 请求成功。 |\n| 400 | 4XX | 请求参数错误。 |\n| 404 | 4XX | 资源不存在。 |\n| 500 | 5XX | 服务内部错误。 |\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(
        descriptions(&page),
        [
            "请求成功。",
            "请求参数错误。",
            "资源不存在。",
            "服务内部错误。"
        ]
    );
}

#[test]
fn class_3_catalogues_with_decorated_headers_are_not_status_pages() {
    for header in ["错误码（Error Code）", "ECS错误码", "ErrorCode", "错误代码"] {
        let src = format!(
            "| HTTP状态码 | {header} | 错误信息 |\n|---|---|---|\n| 400 | InvalidParameter | 参数错误 |\n| 403 | Forbidden.NoPermission | 无权限 |\n| 404 | InvalidInstanceId.NotFound | 实例不存在 |\n| 500 | InternalError | 内部错误 |\n"
        );
        assert!(parse_str(&src).is_none(), "{header}");
        assert_eq!(kinds(&src), [TableType::Catalogue], "{header}");
    }
    // Numeric error codes beside the status: JPush SMS `HTTP CODE | CODE`.
    let src = fixture("jpush-rest_jsms_api_account.md");
    assert!(parse_str(&src).is_none());
    assert!(kinds(&src).contains(&TableType::Catalogue));
    // Identifiers in the first column, the status in the second.
    let src = "| 错误代码 | HTTP 状态码 | 错误信息 |\n|:---|:---|:---|\n| Throttling | 400 | Request was denied due to request throttling. |\n| InvalidParameter | 400 | The parameter is invalid. |\n| Forbidden.RAM | 403 | User not authorized. |\n| ServiceUnavailable | 503 | The request failed. |\n";
    assert!(parse_str(src).is_none());
}

#[test]
fn class_4_a_code_column_keyed_by_another_is_not_a_status_table() {
    // An operations table: the success code in the third column.
    let src = "| Verb | Path | Success status code | Description |\n|---|---|---|---|\n| GET | /v1/items | `200 OK` | List the items. |\n| POST | /v1/items | `201 Created` | Create an item. |\n| DELETE | /v1/items/{id} | `204 No Content` | Delete an item. |\n| PUT | /v1/items/{id} | `200 OK` | Replace an item. |\n";
    assert!(parse_str(src).is_none());
    // A FAQ-style table whose other columns hold durations.
    let src = "| 场景 | 返回码 | 重试间隔 |\n|---|---|---|\n| 限流 | 429 | 30s |\n| 服务繁忙 | 503 | 60s |\n| 网关超时 | 504 | 10s |\n| 内部错误 | 500 | 5s |\n";
    assert!(parse_str(src).is_none());
    // Codes first, sample values beside them.
    let src = "| Code | Latency | Count |\n|---|---|---|\n| 200 | 35 ms | 1200 |\n| 404 | 12 ms | 30 |\n| 500 | 80 ms | 2 |\n| 503 | 10 ms | 5 |\n";
    assert!(parse_str(src).is_none());
}

#[test]
fn class_5_ranges_are_not_codes() {
    let src = "| 状态码 | 说明 |\n|---|---|\n| 200 ≤ code ＜ 300 | 成功。 |\n| 2XX | 成功。 |\n| 200-299 | 成功。 |\n| 200 | 请求成功。 |\n| 400 | 请求错误。 |\n| 500 | 服务异常。 |\n| 503 | 服务不可用。 |\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(codes(&page), [200, 400, 500, 503]);
    // A table of ranges only lists no codes, and does not make a page.
    let ranges = "| Range | Meaning |\n|---|---|\n| 2XX | Success |\n| 4XX | Client error |\n| 5XX | Server error |\n";
    assert!(parse_str(ranges).is_none());
    assert_eq!(kinds(ranges), [TableType::Classes]);
}

#[test]
fn class_6_sub_status_codes_do_not_reject_a_page() {
    let src = "# HTTP status codes\n\n| Status | Description |\n|---|---|\n| 200 | OK. |\n| 401 | Unauthorized. |\n| 401.1 | Logon failed. |\n| 403 | Forbidden. |\n| 403.14 | Directory listing denied. |\n| 404 | Not found. |\n| 500 | Server error. |\n\n## Sub-status codes\n\n| Status | Description |\n|---|---|\n| 404.1 | Site not found. |\n| 404.2 | Denied by policy. |\n| 404.3 | MIME map policy. |\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(codes(&page), [200, 401, 403, 404, 500]);
    assert_eq!(
        kinds(src),
        [TableType::StatusReference, TableType::SubStatus]
    );
    // A page of sub-status codes alone is not a status page.
    let sub = "| HTTP Substatus | Description |\n|---|---|\n| `404.14` | URL too long. |\n| `404.15` | Query string too long. |\n| `413.1` | Content too long. |\n";
    assert!(parse_str(sub).is_none());
}

#[test]
fn class_7_one_code_over_several_rows_is_one_row() {
    let src = "<table><tr><th>状态码</th><th>原因</th></tr>\n<tr><td rowspan=\"3\">400</td><td>参数缺失。</td></tr>\n<tr><td>参数格式错误。</td></tr>\n<tr><td>参数越界。</td></tr>\n<tr><td>401</td><td>未认证。</td></tr>\n<tr><td>404</td><td>资源不存在。</td></tr>\n<tr><td>500</td><td>服务内部错误。</td></tr>\n</table>\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(codes(&page), [400, 401, 404, 500]);
    let d = page.rows[0].description.as_ref().unwrap();
    assert_eq!(d.fragments.len(), 3);
    assert_eq!(d.text(), "参数缺失。\n参数格式错误。\n参数越界。");
    // Every part keeps its own span.
    for f in &d.fragments {
        assert_eq!(&src[f.span.start..f.span.end], f.text);
    }
}

#[test]
fn class_7_a_spanning_code_gives_no_duplicate_finding() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<table><tr><th>状态码</th><th>原因</th></tr>\n<tr><td rowspan=\"2\">400</td><td>参数缺失。</td></tr>\n<tr><td>参数格式错误。</td></tr>\n<tr><td>404</td><td>资源不存在。</td></tr>\n<tr><td>500</td><td>服务内部错误。</td></tr>\n</table>\n";
    std::fs::create_dir(dir.path().join("a")).unwrap();
    std::fs::write(dir.path().join("a/codes.md"), page).unwrap();
    let (_, out, err) = run_in(dir.path(), &["--format", "json"]);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    assert_eq!(r["summary"]["rows"], 3, "{r}");
    assert!(findings(&r, "DL006").is_empty(), "{r}");
    assert!(findings(&r, "DL007").is_empty(), "{r}");
}

#[test]
fn class_8_a_status_table_beside_a_catalogue_is_read() {
    let src = "# 错误代码\n\n## 状态码\n\n| HTTP 返回码（Status Code） | 说明（Description） |\n|:---|:---|\n| 400 | 请求无效。 |\n| 401 | 未授权。 |\n| 403 | 禁止访问。 |\n| 404 | 资源不存在。 |\n| 500 | 服务器内部错误。 |\n\n## 错误说明\n\n| HTTP Status Code | Error | Error Description |\n|:---|:---|:---|\n| 400 | invalid_grant | The user name or password is wrong. |\n| 400 | json_parse | The request body is not JSON. |\n| 401 | unauthorized | The token is invalid. |\n| 404 | service_resource_not_found | The resource does not exist. |\n| 404 | organization_application_not_found | No such application. |\n";
    let page = parse_str(src).expect("a status page");
    assert_eq!(codes(&page), [400, 401, 403, 404, 500]);
    assert_eq!(
        kinds(src),
        [TableType::StatusReference, TableType::Catalogue]
    );
}

#[test]
fn class_9_a_how_to_with_a_three_row_table_is_not_a_status_page() {
    let mut src = String::from("# How to call the export API\n\n");
    for i in 0..12 {
        src.push_str(&format!(
            "Step {i}: set up the client, sign the request and send it. The export runs in the background and can take a while.\n\n```sh\ncurl -X POST https://example.com/v1/exports -H 'Authorization: Bearer $TOKEN'\n```\n\n"
        ));
    }
    src.push_str("| Code | Description |\n|---|---|\n| 200 | The export started. |\n| 401 | The token is invalid. |\n| 500 | Try again later. |\n");
    let e = examine(&src);
    assert!(e.page.is_none(), "{}", e.verdict);
    assert!(e.verdict.contains("mostly text"), "{}", e.verdict);
    // The same table on a page of its own is still read.
    let table = "| Code | Description |\n|---|---|\n| 200 | The export started. |\n| 401 | The token is invalid. |\n| 500 | Try again later. |\n";
    assert!(parse_str(table).is_some());
}

#[test]
fn vendor_codes_outside_the_registry_are_read() {
    // Qiniu: 579, 599, 6xx and 7xx codes among the registered ones.
    let page = parse_str(&fixture("qiniu-codes.md")).expect("a status page");
    let mut c = codes(&page);
    c.sort_unstable();
    c.dedup();
    assert_eq!(c.len(), 20);
    assert!(c.contains(&701));
}

#[test]
fn per_operation_status_tables_are_typed_and_not_read() {
    // An API page: the request line, then the responses of one call.
    let src = fixture("ocs-event-graphql-api-schemas.md");
    assert!(parse_str(&src).is_none());
    assert_eq!(kinds(&src), [TableType::PerOperation]);
    // Parameters first, then a status table.
    let api = "| 参数 | 类型 | 必选 | 说明 |\n|---|---|---|---|\n| id | String | 是 | 标识。 |\n\n| 状态码 | 描述 |\n|---|---|\n| 200 | OK |\n| 400 | 错误 |\n| 500 | 异常 |\n";
    assert!(parse_str(api).is_none());
    assert_eq!(kinds(api), [TableType::Other, TableType::PerOperation]);
}

#[test]
fn pages_explain_says_why() {
    let (code, out, err) = run(&[
        "pages",
        "--explain",
        "fixtures/vendors/ocs-event-graphql-api-schemas.md",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("not a status-code page"), "{out}");
    assert!(out.contains("per-operation status table"), "{out}");
    assert!(out.contains("*Status Code: status code"), "{out}");
    let (code, out, _) = run(&["pages", "--explain", "fixtures/vendors/qiniu-codes.md"]);
    assert_eq!(code, 0);
    assert!(out.contains("a status-code page: 20 status rows"), "{out}");
    assert!(out.contains("status reference table, read"), "{out}");
    let (code, _, err) = run(&["pages", "--explain", "fixtures/vendors/no-such-file.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such-file.md: no such file"), "{err}");
    let (code, _, err) = run(&["pages", "--explain", "fixtures/vendors"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("a folder: `pages --explain` takes one file"),
        "{err}"
    );
}

#[test]
fn response_header_tables_are_not_status_tables() {
    // OCS-Docs' API pages give each response's headers keyed by status
    // (`Status | Header | Type | Description`): typed like a response table,
    // but its rows describe headers, not statuses.
    let src = "## `List`\n\n```text\nHEAD /api/v1/Items\n```\n\n| Status Code | Body Type | Description |\n|---|---|---|\n| 204 | None | Call succeeded. |\n| 403 | error | Forbidden. |\n\n#### Response Headers\n\n|Status|Header|Type|Description|\n|---|---|---|---|\n|204|Total-Count|integer|Total number of items.|\n|204|ETag|string|Collection ETag.|\n";
    let e = examine(src);
    assert_eq!(e.tables[1].typing.kind, TableType::Other);
    assert!(
        e.tables[1].why.contains("HTTP headers"),
        "{}",
        e.tables[1].why
    );
    let ops = e.operations.expect("the response table is read");
    assert_eq!(ops.tables.len(), 1);
    assert_eq!(codes(&ops), [204, 403]);
    // One row, a header the header row names: still headers.
    let one = "| Status | Header | Type | Description |\n|---|---|---|---|\n| 201 | Location | string | The new item. |\n";
    assert_eq!(kinds(one), [TableType::Other]);
    // A reason phrase with a hyphen is no header.
    let reasons = "| Code | Reason | Type | Description |\n|---|---|---|---|\n| 207 | Multi-Status | `Result[]` | Some succeeded. |\n| 200 | OK | `Result` | All succeeded. |\n";
    assert_ne!(kinds(reasons), [TableType::Other]);
    let typed = "| Code | Reason | Type | Description |\n|---|---|---|---|\n| 207 | Multi-Status | array | Some succeeded. |\n| 200 | OK | object | All succeeded. |\n";
    assert_eq!(kinds(typed), [TableType::PerOperation]);
}

/// Every page of the fixtures that either table reader takes (a status
/// page, or an API page with operation tables) passes the byte filter that
/// lets the run skip the others unread.
#[test]
fn every_page_read_has_a_cell_that_may_start_with_a_code() {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "md" || x == "mdx") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
        &mut files,
    );
    let mut read = 0;
    for f in files {
        let bytes = std::fs::read(&f).unwrap();
        let Ok(decoded) = doclint::source::decode_any(&bytes) else {
            continue;
        };
        let text = decoded.text;
        if parse_str(&text).is_some() || doclint::ops::parse(&text).is_some() {
            read += 1;
            assert!(
                doclint::parse::filter::may_hold_code(&text),
                "{}",
                f.display()
            );
        }
    }
    assert!(read >= 20, "{read} pages read");
}

#[test]
fn a_catalogue_of_names_is_explained_with_its_own_header_and_name() {
    // Speakeasy's `Error Type | Status Code | Content Type`: the reason
    // quotes the table, not an example of another.
    let dir = project(&[(
        "a.md",
        "# List\n\n### Errors\n\n| Error Type | Status Code | Content Type |\n\
         | --- | --- | --- |\n| models.SDKError | 4XX, 5XX | \\*/\\* |\n",
    )]);
    let (_, out, err) = run_in(dir.path(), &["pages", "--explain", "a.md"]);
    assert!(
        out.contains(
            "not read: its first column, headed `Error Type`, holds names \
             (`models.SDKError`), not status codes"
        ),
        "{out}{err}"
    );
}
