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
fn blank_line_in_a_cell_is_a_paragraph() {
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
