//! Finding the files to lint.
//!
//! Uses the `ignore` crate (ripgrep's walker) rather than `walkdir`: users
//! expect `.gitignore`d build output and vendored folders to be skipped, and
//! `ignore` reports link loops and unreadable folders as errors instead of
//! stopping. Paths come out sorted, so output is deterministic.

use std::path::{Path, PathBuf};

/// A file to lint. Its display path and service are worked out only for
/// the files that need them (status pages, errors): most files are neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The path to open.
    pub path: PathBuf,
    /// The folder it was found under: fixes never write outside it.
    pub root: &'a Path,
}

impl Entry<'_> {
    /// The path as the user would write it (relative paths stay relative).
    pub fn display(&self) -> String {
        display_under(self.root, &self.path)
    }

    /// The service the page documents: the first folder under the root it
    /// was found in, or the file stem of a page directly in the root.
    pub fn service(&self) -> String {
        service_of(self.root, &self.path)
    }
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkError {
    /// The path, as shown to the user.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Shows `path` as the user named it: `./` is dropped only for paths found
/// under the default root `.` (`doclint` alone prints `nat/状态码.md`;
/// `doclint ./nat` prints `./nat/状态码.md`).
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

fn display_under(root: &Path, path: &Path) -> String {
    let s = display_path(path);
    if root == Path::new(".") {
        s.strip_prefix("./").map(str::to_string).unwrap_or(s)
    } else {
        s
    }
}

fn service_of(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let mut comps = rel.components();
    let first = comps.next();
    match (first, comps.next()) {
        (Some(dir), Some(_)) => dir.as_os_str().to_string_lossy().into_owned(),
        _ => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    }
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Walks `roots` for files with one of `extensions` (without the dot), and
/// calls `visit` on each as soon as it is found, on as many threads as the
/// machine has (ripgrep's parallel walker): reading and parsing overlap with
/// walking. Returns what `visit` returned for each file, in no particular
/// order (callers sort), and what could not be walked.
pub fn walk<T: Send>(
    roots: &[PathBuf],
    extensions: &[String],
    visit: &(dyn Fn(Entry<'_>) -> T + Sync),
) -> (Vec<T>, Vec<WalkError>) {
    let out = std::sync::Mutex::new(Vec::new());
    let errors = std::sync::Mutex::new(Vec::new());
    let push = |t: T| out.lock().expect("no panics hold this lock").push(t);
    let fail = |e: WalkError| errors.lock().expect("no panics hold this lock").push(e);
    for root in roots {
        if root.is_file() {
            let parent = root
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            push(visit(Entry {
                path: root.clone(),
                root: parent,
            }));
            continue;
        }
        if !root.exists() {
            fail(WalkError {
                path: display_path(root),
                message: "no such file or folder".into(),
            });
            continue;
        }
        ignore::WalkBuilder::new(root)
            .require_git(false)
            .follow_links(true)
            .build_parallel()
            .run(|| {
                Box::new(|item| {
                    match item {
                        Ok(e) => {
                            let is_file = e.file_type().is_some_and(|t| t.is_file());
                            if is_file && has_extension(e.path(), extensions) {
                                push(visit(Entry {
                                    path: e.into_path(),
                                    root,
                                }));
                            }
                        }
                        Err(err) => fail(walk_error(root, &err)),
                    }
                    ignore::WalkState::Continue
                })
            });
    }
    let mut errors = errors.into_inner().expect("no panics hold this lock");
    errors.sort();
    errors.dedup();
    (out.into_inner().expect("no panics hold this lock"), errors)
}

/// What an I/O error means to someone linting a tree.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => {
            "not found: a broken link, or removed while doclint ran".to_string()
        }
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn walk_error(root: &Path, err: &ignore::Error) -> WalkError {
    fn find(err: &ignore::Error) -> (Option<PathBuf>, String) {
        match err {
            ignore::Error::WithPath { path, err } => (Some(path.clone()), find(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                find(err)
            }
            ignore::Error::Loop { ancestor, child } => (
                Some(child.clone()),
                format!(
                    "link loop back to {}",
                    display_under(Path::new("."), ancestor)
                ),
            ),
            ignore::Error::Io(io) => (None, io_message(io)),
            other => (None, other.to_string()),
        }
    }
    let (path, message) = find(err);
    WalkError {
        path: path.map(|p| display_under(root, &p)).unwrap_or_default(),
        message,
    }
}
