//! `doclint server`, spoken to over stdio as an editor would: initialize,
//! diagnostics on open and change, code actions, hover, file watching, and
//! input that must not take the server down.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use lsp_types::Url;
use serde_json::{Value, json};

use crate::util::*;

const WAIT: Duration = Duration::from_secs(30);

/// A running server and what it has said.
struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    /// Notifications and server requests not yet looked at.
    pending: Vec<Value>,
    next_id: i64,
}

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

impl Client {
    fn start(dir: &Path) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_doclint"))
            .arg("server")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_message(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming,
            pending: Vec::new(),
            next_id: 1,
        }
    }

    /// Starts a server on `dir` and initializes it.
    fn init(dir: &Path, watch: bool) -> Client {
        let mut c = Client::start(dir);
        let r = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(dir),
                "capabilities": {
                    "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": watch } }
                }
            }),
        );
        assert!(r["result"]["capabilities"]["hoverProvider"] == true, "{r}");
        c.notify("initialized", json!({}));
        c
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, v: Value) {
        self.raw(v.to_string().as_bytes());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message matching `want`, keeping the others.
    fn wait_for(&mut self, what: &str, want: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.pending.iter().position(&want) {
            return self.pending.remove(i);
        }
        let deadline = Instant::now() + WAIT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.incoming.recv_timeout(left) {
                Ok(v) if want(&v) => return v,
                Ok(v) => self.pending.push(v),
                Err(RecvTimeoutError::Timeout) => panic!("timed out waiting for {what}"),
                Err(RecvTimeoutError::Disconnected) => panic!("server gone waiting for {what}"),
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        self.wait_for(method, |v| v["id"] == id && v.get("method").is_none())
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let v = self.wait_for("diagnostics", |v| {
            v["method"] == "textDocument/publishDiagnostics" && v["params"]["uri"] == uri
        });
        v["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Waits until the server has handled everything sent so far (a
    /// request's answer comes after), then forgets what it published.
    fn settle(&mut self) {
        let r = self.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": "file:///nowhere.md" }, "position": { "line": 0, "character": 0 } }),
        );
        assert!(r["result"].is_null(), "{r}");
        self.pending.clear();
    }

    fn open(&mut self, path: &Path) -> String {
        let u = uri(path);
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": u, "languageId": "markdown", "version": 1, "text": text } }),
        );
        u
    }

    fn change(&mut self, u: &str, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": u, "version": version },
                "contentChanges": [{ "text": text }]
            }),
        );
    }

    /// Shuts down and checks the server exits cleanly.
    fn finish(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert!(r.get("error").is_none(), "{r}");
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "{status}");
                return;
            }
            assert!(Instant::now() < deadline, "server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn uri(path: &Path) -> String {
    Url::from_file_path(path).unwrap().to_string()
}

fn seeds() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_seeds(dir.path());
    dir
}

/// Whether `diags` has a finding of `rule` about the 500 row.
fn about_500(diags: &[Value], rule: &str) -> bool {
    diags.iter().any(|d| is_500(d, rule))
}

fn is_500(d: &Value, rule: &str) -> bool {
    d["code"] == rule && d["message"].as_str().unwrap().contains(": 500 ")
}

fn rules(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// The text between `<p>…</p>` in nat's 500 row, as the seed has it.
const NAT_500: &str = "请求未完成，服务异常。";
const CANONICAL_500: &str = "请求未完成。服务异常。";

#[test]
fn diagnostics_on_open_and_change() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let mut c = Client::init(dir.path(), false);
    let u = c.open(&nat);
    let diags = c.diagnostics(&u);
    let dl002: Vec<&Value> = diags.iter().filter(|d| is_500(d, "DL002")).collect();
    assert_eq!(dl002.len(), 1, "{diags:?}");
    let d = dl002[0];
    assert_eq!(d["severity"], 2);
    assert_eq!(d["source"], "doclint");
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("punctuation-mismatch: 500"),
        "{d}"
    );
    // The range is the cell: line 90 (0-based 89) of the seed.
    assert_eq!(d["range"]["start"]["line"], 89);
    // Related information points at the pages using the canonical text.
    let related = d["relatedInformation"].as_array().unwrap();
    assert_eq!(related.len(), 3, "{related:?}");
    for r in related {
        assert!(!r["location"]["uri"].as_str().unwrap().contains("/nat/"));
    }

    // The unsaved text counts, not the file: fix the cell in the buffer.
    let text = std::fs::read_to_string(&nat).unwrap();
    c.change(&u, 2, &text.replacen(NAT_500, CANONICAL_500, 1));
    let diags = c.diagnostics(&u);
    assert!(!about_500(&diags, "DL002"), "{diags:?}");
    assert!(rules(&diags).contains(&"DL002".into()), "{diags:?}");

    // An edit in one page moves the others: nat's 500 now differs in its
    // wording, and other open pages keep their diagnostics.
    let ecs = dir.path().join("ecs/通用请求返回值.md");
    c.open(&ecs);
    c.settle();
    c.change(&u, 3, &text.replacen(NAT_500, "完全不同的说明。", 1));
    let diags = c.diagnostics(&u);
    assert!(about_500(&diags, "DL001"), "{diags:?}");
    c.finish();
}

#[test]
fn code_actions_fix_and_silence() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let mut c = Client::init(dir.path(), false);
    let u = c.open(&nat);
    let diags = c.diagnostics(&u);
    let d = diags.iter().find(|d| is_500(d, "DL002")).unwrap().clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": u }, "range": d["range"], "context": { "diagnostics": [d] } }),
    );
    let actions = r["result"].as_array().unwrap();
    let preferred: Vec<&Value> = actions
        .iter()
        .filter(|a| a["isPreferred"] == true)
        .collect();
    assert_eq!(preferred.len(), 1, "{actions:?}");
    let edits = preferred[0]["edit"]["changes"][&u].as_array().unwrap();
    // Apply the edits as an editor would.
    let text = std::fs::read_to_string(&nat).unwrap();
    let fixed = apply(&text, edits);
    assert!(fixed.contains(CANONICAL_500) && !fixed.contains(NAT_500));
    let silence = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Disable DL002"))
        .expect("a suppression action");
    let with_comment = apply(&text, silence["edit"]["changes"][&u].as_array().unwrap());
    assert!(with_comment.starts_with("<!-- doclint-disable DL002 -->\n"));
    c.change(&u, 2, &with_comment);
    let diags = c.diagnostics(&u);
    assert!(!rules(&diags).contains(&"DL002".into()), "{diags:?}");

    // dew's 400 is worded differently: its fix is unsafe, not preferred.
    let dew = dir.path().join("dew/状态码.md");
    let ud = c.open(&dew);
    let diags = c.diagnostics(&ud);
    let d = diags.iter().find(|d| d["code"] == "DL001").unwrap().clone();
    let r = c.request(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": ud }, "range": d["range"], "context": { "diagnostics": [] } }),
    );
    let actions = r["result"].as_array().unwrap();
    let unsafe_fix = actions
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("unsafe"))
        .expect("an unsafe fix");
    assert_eq!(unsafe_fix["isPreferred"], false);
    c.finish();
}

/// Applies LSP text edits (UTF-16 positions) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| -> usize {
        let line = p["line"].as_u64().unwrap() as usize;
        let ch = p["character"].as_u64().unwrap() as usize;
        let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[start..].char_indices() {
            if units >= ch {
                return start + i;
            }
            units += c.len_utf16();
        }
        text.len()
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(&e["range"]["start"]),
                offset(&e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    edits.sort();
    let mut out = text.to_string();
    for (s, e, t) in edits.into_iter().rev() {
        out.replace_range(s..e, t);
    }
    out
}

#[test]
fn hover_shows_canonical_text_variants_and_reason() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let mut c = Client::init(dir.path(), false);
    let u = c.open(&nat);
    let diags = c.diagnostics(&u);
    let d = diags.iter().find(|d| is_500(d, "DL002")).unwrap();
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": d["range"]["start"] }),
    );
    let value = r["result"]["contents"]["value"].as_str().unwrap();
    assert!(value.contains("500 Internal Server Error"), "{value}");
    assert!(value.contains(CANONICAL_500), "{value}");
    assert!(
        value.contains(NAT_500) && value.contains("(nat)"),
        "{value}"
    );
    // Off the table: nothing.
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": u }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(r["result"].is_null(), "{r}");
    c.finish();
}

#[test]
fn bad_input_does_not_take_the_server_down() {
    let dir = seeds();
    // A page that is not UTF-8, in the tree from the start.
    std::fs::write(
        dir.path().join("dew/broken.md"),
        b"# \xff\xfe\n| 400 | x |\n",
    )
    .unwrap();
    let outside = tempfile::tempdir().unwrap();
    let stray = outside.path().join("状态码.md");
    std::fs::copy(dir.path().join("nat/状态码.md"), &stray).unwrap();

    let mut c = Client::init(dir.path(), true);
    // Not JSON, JSON that is not JSON-RPC, a request with bad params, an
    // unknown method.
    c.raw(b"{not json");
    let e = c.wait_for("a parse error", |v| v["error"]["code"] == -32700);
    assert!(e["id"].is_null());
    c.raw(b"[1, 2]");
    c.wait_for("a parse error", |v| v["error"]["code"] == -32700);
    let r = c.request("textDocument/hover", json!({ "textDocument": 7 }));
    assert_eq!(r["error"]["code"], -32602, "{r}");
    let r = c.request("doclint/nothing", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    c.notify("textDocument/didChange", json!({ "bogus": true }));

    // A document outside the workspace: no diagnostics, no hover.
    let us = c.open(&stray);
    assert!(c.diagnostics(&us).is_empty());
    let r = c.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": us }, "position": { "line": 89, "character": 40 } }),
    );
    assert!(r["result"].is_null(), "{r}");
    // A document with no file behind it.
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": "untitled:Untitled-1", "languageId": "markdown", "version": 1, "text": "x" } }),
    );
    // The non-UTF-8 file, opened and changed on disk: reported, not fatal.
    let broken = dir.path().join("dew/broken.md");
    let ub = uri(&broken);
    c.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": ub, "languageId": "markdown", "version": 1, "text": String::from_utf8_lossy(&std::fs::read(&broken).unwrap()) } }),
    );
    let _ = c.diagnostics(&ub);
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": ub } }),
    );
    std::fs::write(&broken, b"\xff\xff\xff").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": ub, "type": 2 }] }),
    );
    let said = c.wait_for("a log message", |v| {
        v["method"] == "window/logMessage"
            && v["params"]["message"]
                .as_str()
                .unwrap()
                .contains("broken.md")
    });
    assert!(said.to_string().contains("UTF-8"), "{said}");

    // Still there, and still right.
    let nat = dir.path().join("nat/状态码.md");
    let u = c.open(&nat);
    assert!(rules(&c.diagnostics(&u)).contains(&"DL002".into()));
    c.finish();
}

#[test]
fn requests_before_initialize_are_refused() {
    let dir = seeds();
    let mut c = Client::start(dir.path());
    let r = c.request("textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002, "{r}");
    drop(c);
}

#[test]
fn watched_files_and_config_refresh_the_model() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let mut c = Client::init(dir.path(), true);
    // The server asks to watch the pages and doclint.toml.
    let reg = c.wait_for("registerCapability", |v| {
        v["method"] == "client/registerCapability"
    });
    let watchers = &reg["params"]["registrations"][0]["registerOptions"]["watchers"];
    assert!(watchers.to_string().contains("doclint.toml"), "{watchers}");
    c.send(json!({ "jsonrpc": "2.0", "id": reg["id"], "result": null }));
    let u = c.open(&nat);
    assert!(rules(&c.diagnostics(&u)).contains(&"DL002".into()));

    // Three more pages on disk write 500 as nat does: nat's form wins.
    for svc in ["aaa", "bbb", "ccc"] {
        let to = dir.path().join(svc).join("状态码.md");
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(&nat, &to).unwrap();
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": uri(&to), "type": 1 }] }),
        );
        let _ = c.diagnostics(&u);
    }
    c.settle();
    let ecs = dir.path().join("ecs/通用请求返回值.md");
    let ue = c.open(&ecs);
    let d = c.diagnostics(&ue);
    assert!(
        d.iter()
            .any(|d| is_500(d, "DL002") && d["message"].as_str().unwrap().contains(NAT_500)),
        "{d:?}"
    );
    // Deleted again: ecs is canonical once more.
    for svc in ["aaa", "bbb", "ccc"] {
        let to = dir.path().join(svc).join("状态码.md");
        std::fs::remove_file(&to).unwrap();
        c.notify(
            "workspace/didChangeWatchedFiles",
            json!({ "changes": [{ "uri": uri(&to), "type": 3 }] }),
        );
    }
    c.settle();
    c.notify("workspace/didChangeWatchedFiles", json!({ "changes": [] }));
    c.settle();
    // doclint.toml turns DL002 off: the project is read again.
    let toml = dir.path().join("doclint.toml");
    std::fs::write(&toml, "[rules]\nDL002 = \"off\"\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&toml), "type": 1 }] }),
    );
    let diags = c.diagnostics(&u);
    assert!(!rules(&diags).contains(&"DL002".into()), "{diags:?}");
    // A broken doclint.toml: shown, and linting goes on without it.
    std::fs::write(&toml, "[rules\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&toml), "type": 2 }] }),
    );
    c.wait_for("showMessage", |v| v["method"] == "window/showMessage");
    let diags = c.diagnostics(&u);
    assert!(rules(&diags).contains(&"DL002".into()), "{diags:?}");
    c.finish();
}

/// Neovim, headless, as the client: it opens a seed page, receives the
/// diagnostics, applies the preferred code action and writes the buffer.
/// Skipped where `nvim` is missing, unless `DOCLINT_REQUIRE_NEOVIM=1`.
#[test]
fn neovim_applies_a_code_action() {
    let required = std::env::var("DOCLINT_REQUIRE_NEOVIM").is_ok_and(|v| v == "1");
    let found = Command::new("nvim")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        assert!(
            !required,
            "DOCLINT_REQUIRE_NEOVIM=1 but nvim is not installed"
        );
        println!("skipped: nvim is not installed (apt-get install neovim)");
        return;
    }
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let before = std::fs::read_to_string(&nat).unwrap();
    let init = dir.path().join("init.lua");
    std::fs::write(&init, include_str!("neovim_init.lua")).unwrap();
    let log = dir.path().join("nvim.log");
    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-i", "NONE", "-u"])
        .arg(&init)
        .env("DOCLINT_BIN", env!("CARGO_BIN_EXE_doclint"))
        .env("DOCLINT_ROOT", dir.path())
        .env("DOCLINT_FILE", &nat)
        .env("DOCLINT_LOG", &log)
        .env("HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_STATE_HOME", dir.path().join("state"))
        .env("XDG_CACHE_HOME", dir.path().join("cache"))
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("nvim starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "nvim did not finish; its log:\n{}",
                std::fs::read_to_string(&log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let said = std::fs::read_to_string(&log).unwrap_or_default();
    assert!(
        status.success() && said.ends_with("ok\n"),
        "{status}\n{said}"
    );
    let after = std::fs::read_to_string(&nat).unwrap();
    assert_eq!(after, before.replacen(NAT_500, CANONICAL_500, 1), "{said}");
}

#[test]
fn closing_a_page_puts_the_file_back_in_the_model() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let ecs = dir.path().join("ecs/通用请求返回值.md");
    let mut c = Client::init(dir.path(), false);
    let ue = c.open(&ecs);
    let _ = c.diagnostics(&ue);
    let un = c.open(&nat);
    let d = c.diagnostics(&un);
    let in_ecs = d.iter().find(|d| is_500(d, "DL002")).unwrap()["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["location"]["uri"] == ue)
        .unwrap()["location"]["range"]["start"]
        .clone();
    // Hover on ecs's 500 cell, found from nat's related information.
    let hover_500 = |c: &mut Client| -> String {
        let r = c.request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": ue }, "position": in_ecs }),
        );
        r["result"]["contents"]["value"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(hover_500(&mut c).contains(NAT_500));
    // nat's unsaved text is in the model...
    let text = std::fs::read_to_string(&nat).unwrap();
    c.change(&un, 2, &text.replacen(NAT_500, "一个新的说法。", 1));
    c.settle();
    let h = hover_500(&mut c);
    assert!(h.contains("一个新的说法。") && !h.contains(NAT_500), "{h}");
    // ...until the page is closed unsaved: then the file is again.
    c.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": un } }),
    );
    assert!(c.diagnostics(&un).is_empty());
    c.settle();
    let h = hover_500(&mut c);
    assert!(!h.contains("一个新的说法。") && h.contains(NAT_500), "{h}");
    c.finish();
}

#[test]
fn without_a_workspace_folder_the_first_page_names_the_project() {
    let dir = seeds();
    let nat = dir.path().join("nat/状态码.md");
    let mut c = Client::start(dir.path());
    let r = c.request(
        "initialize",
        json!({ "processId": null, "capabilities": {} }),
    );
    assert!(r.get("error").is_none(), "{r}");
    c.notify("initialized", json!({}));
    let u = c.open(&nat);
    // The project is the page's folder: nat alone, with nothing to differ from.
    let d = c.diagnostics(&u);
    assert!(!about_500(&d, "DL002"), "{d:?}");
    // A doclint.toml above it makes the whole tree the project.
    let toml = dir.path().join("doclint.toml");
    std::fs::write(&toml, "").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&toml), "type": 1 }] }),
    );
    let d = c.diagnostics(&u);
    assert!(about_500(&d, "DL002"), "{d:?}");
    c.finish();
}
