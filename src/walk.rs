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
    /// The path to open (absolute).
    pub path: PathBuf,
    /// The project root: fixes never write outside it.
    pub root: &'a Path,
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkError {
    /// The path, as shown to the user.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// Whether `path` has one of `extensions` (without the dot, any case).
pub(crate) fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Walks `roots` for files with one of `extensions` (without the dot), and
/// calls `visit` on each as soon as it is found (keeping what it returns, if
/// anything), on as many threads as the machine has (ripgrep's parallel
/// walker): reading and parsing overlap with walking. Folders that are
/// projects of their own are not entered. Hidden files and folders (their
/// names start with a dot) are skipped, the files with one of `extensions`
/// kept in [`Walked::hidden`]; so are those `.gitignore`, `.ignore` and
/// git's exclude files leave out, unless `respect_ignore` is false.
pub fn walk<T: Send>(
    roots: &[PathBuf],
    project: &Path,
    extensions: &[String],
    cwd: &Path,
    respect_ignore: bool,
    visit: &(dyn Fn(Entry<'_>) -> Option<T> + Sync),
) -> Walked<T> {
    let out = std::sync::Mutex::new(Vec::new());
    let nested = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let hidden = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let errors = std::sync::Mutex::new(Vec::new());
    let push = |t: Option<T>| {
        if let Some(t) = t {
            out.lock().expect("no panics hold this lock").push(t);
        }
    };
    let fail = |e: WalkError| errors.lock().expect("no panics hold this lock").push(e);
    for root in roots {
        if root.is_file() {
            push(visit(Entry {
                path: root.clone(),
                root: project,
            }));
            continue;
        }
        if !root.exists() {
            fail(WalkError {
                path: crate::project::display(root, cwd),
                message: "no such file or folder".into(),
            });
            continue;
        }
        ignore::WalkBuilder::new(root)
            .standard_filters(respect_ignore)
            // Hidden entries are told below, to count the pages among them.
            .hidden(false)
            .require_git(false)
            .follow_links(true)
            // A folder holding doclint.toml or .git below the root is a
            // project of its own: not walked, but named for the caller.
            .filter_entry({
                let nested = std::sync::Arc::clone(&nested);
                let hidden = std::sync::Arc::clone(&hidden);
                let extensions = extensions.to_vec();
                move |e| {
                    if e.depth() > 0 && e.file_name().as_encoded_bytes().starts_with(b".") {
                        if e.file_type().is_some_and(|t| t.is_file())
                            && has_extension(e.path(), &extensions)
                        {
                            hidden
                                .lock()
                                .expect("no panics hold this lock")
                                .push(e.path().to_path_buf());
                        }
                        return false;
                    }
                    let inner = e.depth() > 0 && e.file_type().is_some_and(|t| t.is_dir());
                    if inner && crate::project::is_root(e.path()) {
                        nested
                            .lock()
                            .expect("no panics hold this lock")
                            .push(e.path().to_path_buf());
                        return false;
                    }
                    true
                }
            })
            .build_parallel()
            .run(|| {
                Box::new(|item| {
                    match item {
                        Ok(e) => {
                            let is_file = e.file_type().is_some_and(|t| t.is_file());
                            if is_file && has_extension(e.path(), extensions) {
                                push(visit(Entry {
                                    path: e.into_path(),
                                    root: project,
                                }));
                            }
                        }
                        // A broken link to a file doclint would not read
                        // (`layout.erb`) is no concern of it.
                        Err(err) if is_broken_link_to_other(&err, extensions) => {}
                        Err(err) => fail(walk_error(cwd, &err)),
                    }
                    ignore::WalkState::Continue
                })
            });
    }
    let mut errors = errors.into_inner().expect("no panics hold this lock");
    errors.sort();
    errors.dedup();
    let mut nested = std::mem::take(&mut *nested.lock().expect("no panics hold this lock"));
    nested.sort();
    nested.dedup();
    let mut hidden = std::mem::take(&mut *hidden.lock().expect("no panics hold this lock"));
    hidden.sort();
    hidden.dedup();
    Walked {
        visited: out.into_inner().expect("no panics hold this lock"),
        errors,
        nested,
        hidden,
    }
}

/// What a walk gave.
pub struct Walked<T> {
    /// What `visit` returned and kept, in no particular order.
    pub visited: Vec<T>,
    /// What could not be walked.
    pub errors: Vec<WalkError>,
    /// Folders below the root that are projects of their own, sorted.
    pub nested: Vec<PathBuf>,
    /// Files with one of the extensions whose names start with a dot
    /// (hidden, as git tools take them), not read, sorted.
    pub hidden: Vec<PathBuf>,
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

/// Whether `err` is about a broken link whose name has an extension doclint
/// does not read: it would not have been linted had it led somewhere.
fn is_broken_link_to_other(err: &ignore::Error, extensions: &[String]) -> bool {
    fn path(err: &ignore::Error) -> Option<&Path> {
        match err {
            ignore::Error::WithPath { path, .. } => Some(path),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path(err)
            }
            _ => None,
        }
    }
    let Some(p) = path(err) else {
        return false;
    };
    p.extension().is_some()
        && !has_extension(p, extensions)
        && p.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
        && !p.exists()
}

fn walk_error(cwd: &Path, err: &ignore::Error) -> WalkError {
    fn find(cwd: &Path, err: &ignore::Error) -> (Option<PathBuf>, String) {
        match err {
            ignore::Error::WithPath { path, err } => (Some(path.clone()), find(cwd, err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                find(cwd, err)
            }
            ignore::Error::Loop { ancestor, child } => (
                Some(child.clone()),
                format!(
                    "link loop back to {}",
                    crate::project::display(ancestor, cwd)
                ),
            ),
            ignore::Error::Io(io) => (None, io_message(io)),
            other => (None, other.to_string()),
        }
    }
    let (path, message) = find(cwd, err);
    WalkError {
        path: path
            .map(|p| crate::project::display(&p, cwd))
            .unwrap_or_default(),
        message,
    }
}
