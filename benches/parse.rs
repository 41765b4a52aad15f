//! Benchmarks of the hot paths, on the fixtures (`cargo bench`).
//!
//! - `parse_status_page`: reading a real status page whole (probe, HTML
//!   tokenizer, Markdown structure, rows).
//! - `reject_api_page`: the probe turning down a large API page, which is
//!   what happens to most files of a documentation tree.
//! - `read_operation_page`: reading an API page's per-operation status
//!   table (the status page's probe turning it down first, as a run does).
//! - `lint_fixtures`: a whole run (walk, parse, model, rules) over
//!   `fixtures/`, without the report.
//! - `report_json`: rendering the JSON report of that run.

use std::path::PathBuf;

use doclint::lint::{Settings, lint};
use doclint::parse::page::parse_str;

fn main() {
    divan::main();
}

fn fixture(path: &str) -> String {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[divan::bench(args = [
    "seeds/dew/状态码.md",
    "corpus/aom/cn.zh-cn/API参考/状态码.md",
    "corpus/bms/cn.zh-cn/API参考/状态码.md",
])]
fn parse_status_page(bencher: divan::Bencher, path: &str) {
    let src = fixture(path);
    bencher
        .counter(divan::counter::BytesCount::new(src.len()))
        .bench(|| parse_str(divan::black_box(&src)).expect("a status page"));
}

#[divan::bench(args = [
    "corpus/eip/cn.zh-cn/API参考/创建浮动IP.md",
    "corpus/apig/cn.zh-cn/API参考/错误码.md",
])]
fn reject_api_page(bencher: divan::Bencher, path: &str) {
    let src = fixture(path);
    bencher
        .counter(divan::counter::BytesCount::new(src.len()))
        .bench(|| assert!(parse_str(divan::black_box(&src)).is_none()));
}

#[divan::bench(args = [
    "operations/iam/cn.zh-cn/API参考/删除自定义策略.md",
    "operations/dew/cn.zh-cn/API参考/获取专属密钥库.md",
    "corpus/eip/cn.zh-cn/API参考/创建浮动IP.md",
])]
fn read_operation_page(bencher: divan::Bencher, path: &str) {
    let src = fixture(path);
    bencher
        .counter(divan::counter::BytesCount::new(src.len()))
        .bench(|| {
            let src = divan::black_box(&src);
            assert!(parse_str(src).is_none());
            doclint::ops::parse(src).expect("an operation table")
        });
}

fn settings() -> Settings {
    Settings {
        paths: vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")],
        ..Settings::default()
    }
}

#[divan::bench(sample_count = 30)]
fn lint_fixtures() -> usize {
    lint(&settings()).findings.len()
}

#[divan::bench(sample_count = 30)]
fn report_json(bencher: divan::Bencher) {
    let outcome = lint(&settings());
    bencher.bench(|| doclint::report::json::render(&outcome).len());
}
