//! `doclint server`: a language server over stdio.
//!
//! On `initialized` the project of the workspace is read in the background
//! ([`state::load`]); from then on every open document's unsaved text
//! stands in for its file, and an edit re-reads that one document and
//! reruns the model and the rules ([`state::Project`]). Diagnostics are
//! published for every open document after each change, since a change to
//! one page can move the canonical text of another. Saves, created and
//! deleted files refresh the pages they name; a change to `doclint.toml`
//! reads the project again.
//!
//! Nothing a client sends stops the server but `exit` or the end of its
//! input: malformed messages get an error answer ([`transport`]), a
//! request that fails inside (a bug) gets an internal error, and documents
//! outside the project get no diagnostics.

pub mod actions;
pub mod diagnostics;
pub mod hover;
pub mod position;
pub mod project;
pub mod state;
pub mod transport;

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender};
use lsp_server::{ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionParams, CodeActionProviderCapability,
    DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileChangeType, FileSystemWatcher,
    GlobPattern, HoverParams, HoverProviderCapability, InitializeParams, InitializeResult,
    MessageType, PositionEncodingKind, PublishDiagnosticsParams, Registration, RegistrationParams,
    SaveOptions, ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};

use crate::config::FILE_NAME;
use state::{Loaded, Project};

/// An open document.
struct Open {
    uri: Url,
    text: String,
    version: Option<i32>,
}

/// What a build thread hands back: its generation and the project read.
type Built = (u64, Result<Loaded, String>);

/// The server's state, driven by one thread.
struct Server {
    out: Sender<Message>,
    builds: Sender<Built>,
    initialized: bool,
    shutdown: bool,
    /// The workspace folder (else the folder of the first page opened).
    workspace: Option<PathBuf>,
    /// The project root, once known.
    root: Option<PathBuf>,
    /// The model, once built.
    project: Option<Project>,
    /// The generation of the newest build asked for.
    generation: u64,
    /// Open documents with a file path, by path.
    open: BTreeMap<PathBuf, Open>,
    /// Whether the client lets the server register file watchers.
    dynamic_watch: bool,
    /// Whether the watchers were registered.
    watching: bool,
}

/// Runs the server on stdin and stdout until `exit` or the end of input.
/// Returns whether the client asked for `shutdown` first (the exit code is
/// 0 then, else 1, as the protocol says).
pub fn run() -> bool {
    let (out, incoming, writer) = transport::stdio();
    let (builds, built) = crossbeam_channel::unbounded::<Built>();
    let mut server = Server {
        out,
        builds,
        initialized: false,
        shutdown: false,
        workspace: None,
        root: None,
        project: None,
        generation: 0,
        open: BTreeMap::new(),
        dynamic_watch: false,
        watching: false,
    };
    server.main_loop(&incoming, &built);
    let clean = server.shutdown;
    drop(server);
    let _ = writer.join();
    clean
}

impl Server {
    fn main_loop(&mut self, incoming: &Receiver<Message>, built: &Receiver<Built>) {
        loop {
            crossbeam_channel::select! {
                recv(incoming) -> msg => {
                    let Ok(msg) = msg else { return };
                    if let Message::Notification(n) = &msg
                        && n.method == "exit"
                    {
                        return;
                    }
                    self.dispatch(msg);
                }
                recv(built) -> b => {
                    if let Ok((generation, loaded)) = b {
                        self.guard("the project build", |s| s.built(generation, loaded));
                    }
                }
            }
        }
    }

    fn send(&self, msg: impl Into<Message>) {
        let _ = self.out.send(msg.into());
    }

    fn notify<N: lsp_types::notification::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn log(&self, typ: MessageType, message: String) {
        self.notify::<lsp_types::notification::LogMessage>(lsp_types::LogMessageParams {
            typ,
            message,
        });
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify::<lsp_types::notification::ShowMessage>(lsp_types::ShowMessageParams {
            typ,
            message,
        });
    }

    /// Runs `f`; a panic inside is logged, and the server goes on.
    fn guard<T>(&mut self, what: &str, f: impl FnOnce(&mut Self) -> T) -> Option<T> {
        match catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(t) => Some(t),
            Err(e) => {
                let why = e
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| e.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                self.log(
                    MessageType::ERROR,
                    format!(
                        "doclint: internal error in {what} (a doclint bug: please report it): {why}"
                    ),
                );
                None
            }
        }
    }

    fn dispatch(&mut self, msg: Message) {
        match msg {
            Message::Request(req) => {
                let id = req.id.clone();
                let method = req.method.clone();
                let response = self.guard(&method, |s| s.request(req)).unwrap_or_else(|| {
                    Response::new_err(
                        id,
                        ErrorCode::InternalError as i32,
                        format!("doclint: internal error in {method}"),
                    )
                });
                self.send(response);
            }
            Message::Notification(n) => {
                let method = n.method.clone();
                self.guard(&method, |s| s.notification(n));
            }
            Message::Response(_) => {}
        }
    }

    fn request(&mut self, req: Request) -> Response {
        let id = req.id.clone();
        let err =
            |code: ErrorCode, message: String| Response::new_err(id.clone(), code as i32, message);
        if self.shutdown {
            return err(
                ErrorCode::InvalidRequest,
                "the server is shutting down".into(),
            );
        }
        if req.method == lsp_types::request::Initialize::METHOD {
            if self.initialized {
                return err(ErrorCode::InvalidRequest, "initialized already".into());
            }
            return match serde_json::from_value::<InitializeParams>(req.params) {
                Ok(p) => self.initialize(id, p),
                Err(e) => err(ErrorCode::InvalidParams, format!("initialize: {e}")),
            };
        }
        if !self.initialized {
            return err(ErrorCode::ServerNotInitialized, "initialize first".into());
        }
        match req.method.as_str() {
            lsp_types::request::Shutdown::METHOD => {
                self.shutdown = true;
                Response::new_ok(id, ())
            }
            lsp_types::request::HoverRequest::METHOD => {
                match serde_json::from_value::<HoverParams>(req.params) {
                    Ok(p) => {
                        let doc = p.text_document_position_params;
                        let hover = self
                            .project
                            .as_ref()
                            .zip(doc.text_document.uri.to_file_path().ok())
                            .and_then(|(project, path)| hover::hover(project, &path, doc.position));
                        Response::new_ok(id, hover)
                    }
                    Err(e) => err(ErrorCode::InvalidParams, format!("hover: {e}")),
                }
            }
            lsp_types::request::CodeActionRequest::METHOD => {
                match serde_json::from_value::<CodeActionParams>(req.params) {
                    Ok(p) => {
                        let uri = p.text_document.uri;
                        let actions = match (&self.project, uri.to_file_path()) {
                            (Some(project), Ok(path)) => {
                                actions::code_actions(project, &path, &uri, p.range)
                            }
                            _ => Vec::new(),
                        };
                        Response::new_ok(id, actions)
                    }
                    Err(e) => err(ErrorCode::InvalidParams, format!("codeAction: {e}")),
                }
            }
            other => err(ErrorCode::MethodNotFound, format!("unknown method {other}")),
        }
    }

    fn initialize(&mut self, id: RequestId, p: InitializeParams) -> Response {
        #[allow(deprecated)]
        let workspace = p
            .root_uri
            .as_ref()
            .and_then(|u| u.to_file_path().ok())
            .or_else(|| {
                p.workspace_folders
                    .as_ref()
                    .and_then(|f| f.first())
                    .and_then(|f| f.uri.to_file_path().ok())
            })
            .or_else(|| p.root_path.as_ref().map(PathBuf::from));
        self.root = workspace.as_deref().map(project::project_root);
        self.workspace = workspace;
        self.dynamic_watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        let capabilities = ServerCapabilities {
            position_encoding: Some(PositionEncodingKind::UTF16),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        };
        Response::new_ok(
            id,
            InitializeResult {
                capabilities,
                server_info: Some(ServerInfo {
                    name: "doclint".into(),
                    version: Some(env!("CARGO_PKG_VERSION").into()),
                }),
            },
        )
    }

    fn notification(&mut self, n: Notification) {
        use lsp_types::notification as note;
        if !self.initialized || self.shutdown {
            return;
        }
        macro_rules! params {
            ($t:ty) => {
                match serde_json::from_value::<$t>(n.params) {
                    Ok(p) => p,
                    Err(e) => {
                        self.log(
                            MessageType::WARNING,
                            format!("doclint: bad {}: {e}", n.method),
                        );
                        return;
                    }
                }
            };
        }
        match n.method.as_str() {
            note::Initialized::METHOD => self.rebuild(),
            note::DidOpenTextDocument::METHOD => {
                let p = params!(DidOpenTextDocumentParams);
                let d = p.text_document;
                self.edited(d.uri, d.text, Some(d.version));
            }
            note::DidChangeTextDocument::METHOD => {
                let p = params!(DidChangeTextDocumentParams);
                let uri = p.text_document.uri;
                let Ok(path) = uri.to_file_path() else { return };
                let mut text = self
                    .open
                    .get(&path)
                    .map(|o| o.text.clone())
                    .unwrap_or_default();
                for change in p.content_changes {
                    match change.range {
                        None => text = change.text,
                        Some(range) => {
                            let lines = position::Lines::new(&text);
                            let (start, end) = (lines.offset(range.start), lines.offset(range.end));
                            text.replace_range(start..end.max(start), &change.text);
                        }
                    }
                }
                self.edited(uri, text, Some(p.text_document.version));
            }
            note::DidCloseTextDocument::METHOD => {
                let p = params!(DidCloseTextDocumentParams);
                let uri = p.text_document.uri;
                let Ok(path) = uri.to_file_path() else { return };
                self.open.remove(&path);
                self.publish_empty(uri, None);
                if let Some(project) = &mut self.project
                    && project.contains(&path)
                {
                    project.reload(&path);
                    project.recheck();
                    self.publish_all();
                }
            }
            note::DidSaveTextDocument::METHOD => {
                let p = params!(DidSaveTextDocumentParams);
                let Ok(path) = p.text_document.uri.to_file_path() else {
                    return;
                };
                self.files_changed(vec![(path, FileChangeType::CHANGED)]);
            }
            note::DidChangeWatchedFiles::METHOD => {
                let p = params!(DidChangeWatchedFilesParams);
                let changes = p
                    .changes
                    .into_iter()
                    .filter_map(|c| Some((c.uri.to_file_path().ok()?, c.typ)))
                    .collect();
                self.files_changed(changes);
            }
            _ => {}
        }
    }

    /// Asks the client to watch the pages and `doclint.toml`.
    fn register_watchers(&self) {
        if !self.dynamic_watch {
            return;
        }
        let extensions = self
            .project
            .as_ref()
            .map(|p| p.settings.extensions.clone())
            .unwrap_or_else(|| vec!["md".into()]);
        let mut watchers: Vec<FileSystemWatcher> = extensions
            .iter()
            .map(|e| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/*.{e}")),
                kind: None,
            })
            .collect();
        watchers.push(FileSystemWatcher {
            glob_pattern: GlobPattern::String(format!("**/{FILE_NAME}")),
            kind: None,
        });
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        self.send(Request::new(
            RequestId::from("doclint/watch".to_string()),
            lsp_types::request::RegisterCapability::METHOD.to_string(),
            RegistrationParams {
                registrations: vec![Registration {
                    id: "doclint/watch".into(),
                    method: lsp_types::notification::DidChangeWatchedFiles::METHOD.into(),
                    register_options: serde_json::to_value(options).ok(),
                }],
            },
        ));
    }

    /// Reads the project again, in the background. Without a workspace
    /// folder, the project is found from the first page opened.
    fn rebuild(&mut self) {
        let Some(root) = self.root.clone() else {
            return;
        };
        self.generation += 1;
        let generation = self.generation;
        let builds = self.builds.clone();
        std::thread::spawn(move || {
            let loaded = catch_unwind(|| state::load(&root))
                .map_err(|_| "internal error while reading the project".to_string());
            let _ = builds.send((generation, loaded));
        });
    }

    /// Takes over a build's result, unless a newer build was asked for.
    fn built(&mut self, generation: u64, loaded: Result<Loaded, String>) {
        if generation != self.generation {
            return;
        }
        let loaded = match loaded {
            Ok(l) => l,
            Err(e) => {
                self.show(MessageType::ERROR, format!("doclint: {e}"));
                return;
            }
        };
        if let Some(problem) = &loaded.config_problem {
            self.show(MessageType::WARNING, format!("doclint: {problem}"));
        }
        let elapsed = loaded.elapsed;
        let mut project = Project::new(loaded);
        for (path, o) in &self.open {
            if project.contains(path) {
                project.set(path, Some(o.text.as_bytes()));
            }
        }
        project.recheck();
        self.log(
            MessageType::INFO,
            format!(
                "doclint: read {} in {} ms: {} status pages, {} codes, {} files not read",
                project.root.display(),
                elapsed.as_millis(),
                project.docs.len(),
                project.model.codes.len(),
                project.errors.len()
            ),
        );
        self.project = Some(project);
        if !self.watching {
            // With the project's extensions, once.
            self.watching = true;
            self.register_watchers();
        }
        self.publish_all();
    }

    /// An open document's text changed (or it was opened).
    fn edited(&mut self, uri: Url, text: String, version: Option<i32>) {
        let Ok(path) = uri.to_file_path() else {
            // `untitled:` and other schemes: nothing on disk to compare.
            return;
        };
        if self.workspace.is_none()
            && let Some(folder) = path.parent()
        {
            self.workspace = Some(folder.to_path_buf());
            self.root = Some(project::project_root(folder));
            self.rebuild();
        }
        let inside = self.project.as_ref().is_some_and(|p| p.contains(&path));
        if let Some(project) = self.project.as_mut().filter(|_| inside) {
            project.set(&path, Some(text.as_bytes()));
            project.recheck();
        }
        self.open.insert(path.clone(), Open { uri, text, version });
        if inside {
            self.publish_all();
        } else {
            self.publish(&path);
        }
    }

    /// Files changed on disk: pages are read again, `doclint.toml` reads
    /// the whole project again.
    fn files_changed(&mut self, changes: Vec<(PathBuf, FileChangeType)>) {
        let mut config = false;
        let mut pages = false;
        for (path, typ) in changes {
            if path.file_name().is_some_and(|n| n == FILE_NAME) {
                config = true;
                continue;
            }
            let Some(project) = self.project.as_mut() else {
                continue;
            };
            if !project.contains(&path) || self.open.contains_key(&path) {
                continue;
            }
            pages = true;
            let error = if typ == FileChangeType::DELETED {
                project.set(&path, None)
            } else {
                project.reload(&path)
            };
            if let Some(e) = error {
                self.log(
                    MessageType::WARNING,
                    format!("doclint: {}: {}", e.path, e.message),
                );
            }
        }
        if config {
            // A new or deleted doclint.toml can move the project root.
            self.root = self.workspace.as_deref().map(project::project_root);
            self.rebuild();
        } else if pages && let Some(project) = self.project.as_mut() {
            project.recheck();
            self.publish_all();
        }
    }

    fn publish_empty(&self, uri: Url, version: Option<i32>) {
        self.notify::<lsp_types::notification::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics: Vec::new(),
            version,
        });
    }

    /// Publishes the diagnostics of the open document at `path`.
    fn publish(&self, path: &Path) {
        let (Some(o), Some(project)) = (self.open.get(path), &self.project) else {
            return;
        };
        let diagnostics = if project.contains(path) {
            diagnostics::of_document(project, path)
        } else {
            Vec::new()
        };
        self.notify::<lsp_types::notification::PublishDiagnostics>(PublishDiagnosticsParams {
            uri: o.uri.clone(),
            diagnostics,
            version: o.version,
        });
    }

    /// Publishes the diagnostics of every open document.
    fn publish_all(&self) {
        for path in self.open.keys() {
            self.publish(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> (Server, Receiver<Message>) {
        let (out, sent) = crossbeam_channel::unbounded();
        let (builds, _) = crossbeam_channel::unbounded();
        let s = Server {
            out,
            builds,
            initialized: true,
            shutdown: false,
            workspace: None,
            root: None,
            project: None,
            generation: 0,
            open: BTreeMap::new(),
            dynamic_watch: false,
            watching: false,
        };
        (s, sent)
    }

    #[test]
    fn a_failure_inside_one_request_is_answered_and_logged() {
        let (mut s, sent) = server();
        assert!(s.guard("a test", |_| -> () { panic!("boom") }).is_none());
        let Ok(Message::Notification(n)) = sent.try_recv() else {
            panic!("no log message")
        };
        assert_eq!(n.method, "window/logMessage");
        assert!(n.params["message"].as_str().unwrap().contains("boom"));
        // The server goes on answering.
        s.dispatch(Message::Request(Request::new(
            RequestId::from(7),
            "textDocument/hover".into(),
            serde_json::json!({
                "textDocument": { "uri": "file:///x.md" },
                "position": { "line": 0, "character": 0 }
            }),
        )));
        let Ok(Message::Response(r)) = sent.try_recv() else {
            panic!("no answer")
        };
        assert_eq!(r.id, RequestId::from(7));
        assert_eq!(r.response_result.unwrap(), serde_json::Value::Null);
    }
}
