//! The language server's latency on a real tree (`cargo bench --bench
//! server`): the time from start to the first diagnostics (the model
//! built), and from each edit to its diagnostics, as an editor sees them
//! over stdio.
//!
//! The tree is `$DOCLINT_CORPUS`, else `../shared/corpus/huaweicloud` beside
//! the checkout; without one the bench says so and does nothing. One status
//! page is opened and edited `$DOCLINT_EDITS` times (default 300), each
//! edit toggling one punctuation mark in a description, so the page's
//! findings change every time; the server re-reads the page, rebuilds the
//! model and reruns the rules for each.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use lsp_types::Url;
use serde_json::{Value, json};

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut size = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            size = v.parse().ok();
        }
    }
    let mut body = vec![0; size?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

fn send(w: &mut impl Write, v: Value) {
    let body = v.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    w.flush().unwrap();
}

/// The first status page named 状态码.md under `dir`, in path order.
fn status_page(dir: &Path) -> Option<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in &entries {
        if p.is_file() && p.file_name().is_some_and(|n| n == "状态码.md") {
            let text = std::fs::read_to_string(p).ok()?;
            if text.contains("。</p>") {
                return Some(p.clone());
            }
        }
    }
    entries
        .iter()
        .filter(|p| p.is_dir())
        .find_map(|p| status_page(p))
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let corpus = std::env::var_os("DOCLINT_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/huaweicloud")
        });
    if !corpus.is_dir() {
        println!(
            "server bench skipped: no corpus at {} (set DOCLINT_CORPUS)",
            corpus.display()
        );
        return;
    }
    let corpus = std::fs::canonicalize(&corpus).unwrap();
    let edits: usize = std::env::var("DOCLINT_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300);
    let page = status_page(&corpus).expect("a status page in the corpus");
    let text = std::fs::read_to_string(&page).unwrap();
    let edited = text.replacen("。</p>", "，</p>", 1);
    let uri = Url::from_file_path(&page).unwrap().to_string();

    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_doclint"))
        .arg("server")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("doclint server starts");
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = channel::<Value>();
    std::thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        while let Some(v) = read_message(&mut r) {
            if tx.send(v).is_err() {
                break;
            }
        }
    });
    let wait = |want: &dyn Fn(&Value) -> bool| -> Value {
        loop {
            let v = rx
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers");
            if want(&v) {
                return v;
            }
        }
    };
    let diagnostics_of = |version: i64| {
        move |v: &Value| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["version"] == version
        }
    };
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null,
            "rootUri": Url::from_file_path(&corpus).unwrap(),
            "capabilities": {}
        } }),
    );
    wait(&|v| v["id"] == 1);
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "initialized", "params": {} }),
    );
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": uri, "languageId": "markdown", "version": 1, "text": text }
        } }),
    );
    let read = wait(&|v| {
        v["method"] == "window/logMessage"
            && v["params"]["message"]
                .as_str()
                .is_some_and(|m| m.starts_with("doclint: read"))
    });
    let first = wait(&diagnostics_of(1));
    let built = start.elapsed();
    let n_first = first["params"]["diagnostics"].as_array().unwrap().len();

    let mut times = Vec::with_capacity(edits);
    for i in 0..edits {
        let version = 2 + i as i64;
        let t = if i % 2 == 0 { &edited } else { &text };
        let sent = Instant::now();
        send(
            &mut stdin,
            json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": { "uri": uri, "version": version },
                "contentChanges": [{ "text": t }]
            } }),
        );
        wait(&diagnostics_of(version));
        times.push(sent.elapsed());
    }
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null }),
    );
    wait(&|v| v["id"] == 2);
    send(
        &mut stdin,
        json!({ "jsonrpc": "2.0", "method": "exit", "params": null }),
    );
    let _ = child.wait();

    times.sort();
    println!("corpus: {}", corpus.display());
    println!(
        "page:   {} ({n_first} diagnostics)",
        page.strip_prefix(&corpus).unwrap_or(&page).display()
    );
    println!("server: {}", read["params"]["message"].as_str().unwrap());
    println!("start to first diagnostics (model built): {}", ms(built));
    println!(
        "edit to diagnostics over {} edits: p50 {}, p95 {}, max {}",
        times.len(),
        ms(percentile(&times, 0.5)),
        ms(percentile(&times, 0.95)),
        ms(*times.last().unwrap())
    );
}
