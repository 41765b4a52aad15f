//! Finding the files to lint.
//!
//! Uses the `ignore` crate (ripgrep's walker) rather than `walkdir`: users
//! expect `.gitignore`d build output and vendored folders to be skipped, and
//! `ignore` reports link loops and unreadable folders as errors instead of
//! stopping. Paths come out sorted, so output is deterministic.

use std::path::{Path, PathBuf};

/// A file to lint.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Entry {
    /// The path as the user would write it (relative paths stay relative).
    pub display: String,
    /// The path to open.
    pub path: PathBuf,
    /// The folder it was found under: fixes never write outside it.
    pub root: PathBuf,
    /// The service the page documents: the first folder under the root it
    /// was found in, or the file stem of a page directly in the root.
    pub service: String,
}

/// A path that could not be walked.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct WalkError {
    /// The path, as shown to the user.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The files found under the roots, and what could not be read.
#[derive(Debug, Default)]
pub struct Walk {
    /// Files to lint, sorted by display path.
    pub entries: Vec<Entry>,
    /// Folders or links that could not be walked.
    pub errors: Vec<WalkError>,
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

/// Walks `roots` for files with one of `extensions` (without the dot).
pub fn walk(roots: &[PathBuf], extensions: &[String]) -> Walk {
    let mut out = Walk::default();
    for root in roots {
        if root.is_file() {
            let service = service_of(root.parent().unwrap_or(Path::new("")), root);
            out.entries.push(Entry {
                display: display_path(root),
                path: root.clone(),
                root: root
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
                service,
            });
            continue;
        }
        if !root.exists() {
            out.errors.push(WalkError {
                path: display_path(root),
                message: "no such file or folder".into(),
            });
            continue;
        }
        let walker = ignore::WalkBuilder::new(root)
            .require_git(false)
            .follow_links(true)
            .build();
        for item in walker {
            match item {
                Ok(e) => {
                    let is_file = e.file_type().is_some_and(|t| t.is_file());
                    if is_file && has_extension(e.path(), extensions) {
                        out.entries.push(Entry {
                            display: display_under(root, e.path()),
                            path: e.path().to_path_buf(),
                            root: root.clone(),
                            service: service_of(root, e.path()),
                        });
                    }
                }
                Err(err) => out.errors.push(walk_error(root, &err)),
            }
        }
    }
    out.entries.sort();
    out.entries.dedup_by(|a, b| a.path == b.path);
    out.errors.sort();
    out
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
            ignore::Error::Io(io) => (None, io.to_string()),
            other => (None, other.to_string()),
        }
    }
    let (path, message) = find(err);
    WalkError {
        path: path.map(|p| display_under(root, &p)).unwrap_or_default(),
        message,
    }
}
