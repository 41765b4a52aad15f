//! What the server knows: the project's status pages (the open documents'
//! unsaved text in place of their files), the canonical model and the
//! findings. An edit re-reads one document and reruns the model and the
//! rules over the pages already read; only a change of `doclint.toml`
//! walks the tree again.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::lint::{self, FileError, Settings};
use crate::model::{Doc, Model};
use crate::rules::Finding;

/// A project read from disk: what the background build hands over.
pub struct Loaded {
    /// The project root.
    pub root: PathBuf,
    /// Its settings.
    pub settings: Settings,
    /// Why the config could not be used, if it could not.
    pub config_problem: Option<String>,
    /// The status pages on disk, sorted by path.
    pub docs: Vec<Doc>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// How long the walk and the model took.
    pub elapsed: Duration,
}

/// Reads the project at `root`: walks it, parses every page, builds the
/// model once (what `doclint` does).
pub fn load(root: &Path) -> Loaded {
    let start = Instant::now();
    let (settings, config_problem) = super::project::settings(root);
    let outcome = lint::lint(&settings);
    Loaded {
        root: root.to_path_buf(),
        settings,
        config_problem,
        docs: outcome.docs,
        errors: outcome.errors,
        elapsed: start.elapsed(),
    }
}

/// The model of a project with the open documents' text in it.
pub struct Project {
    /// The project root.
    pub root: PathBuf,
    /// Its settings.
    pub settings: Settings,
    /// Status pages, sorted by path: an open document's unsaved text in
    /// place of its file.
    pub docs: Vec<Doc>,
    /// The canonical model of `docs`.
    pub model: Model,
    /// The findings in `docs`, kept as the config says.
    pub findings: Vec<Finding>,
    /// Files that could not be read, by file.
    pub errors: BTreeMap<PathBuf, FileError>,
}

impl Project {
    /// A project from what the build read; the model is not built yet
    /// (call [`Project::recheck`]).
    pub fn new(loaded: Loaded) -> Project {
        Project {
            errors: loaded
                .errors
                .into_iter()
                .map(|e| (PathBuf::from(&e.path), e))
                .collect(),
            root: loaded.root,
            settings: loaded.settings,
            docs: loaded.docs,
            model: Model::default(),
            findings: Vec::new(),
        }
    }

    /// Whether `path` belongs to the project: under its root, with one of
    /// the extensions it reads.
    pub fn contains(&self, path: &Path) -> bool {
        path.starts_with(&self.root)
            && path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                self.settings
                    .extensions
                    .iter()
                    .any(|x| x.eq_ignore_ascii_case(e))
            })
    }

    /// The index of the doc read from `path`.
    pub fn doc_of(&self, path: &Path) -> Option<usize> {
        self.docs.iter().position(|d| d.file == path)
    }

    /// Replaces what is known of `path` by `bytes` (`None`: the file is
    /// gone). Does not rerun the rules. Returns the error reading it, if any.
    pub fn set(&mut self, path: &Path, bytes: Option<&[u8]>) -> Option<FileError> {
        if let Some(i) = self.doc_of(path) {
            self.docs.remove(i);
        }
        self.errors.remove(path);
        let bytes = bytes?;
        match lint::read_text(&self.settings, &self.root, path, bytes) {
            Ok(None) => None,
            Ok(Some(doc)) => {
                let at = self
                    .docs
                    .partition_point(|d| (&d.rel, &d.file) < (&doc.rel, &doc.file));
                self.docs.insert(at, doc);
                None
            }
            Err(e) => {
                self.errors.insert(path.to_path_buf(), e.clone());
                Some(e)
            }
        }
    }

    /// Reads `path` from disk again (after a save, a create or a delete).
    pub fn reload(&mut self, path: &Path) -> Option<FileError> {
        match std::fs::read(path) {
            Ok(bytes) => self.set(path, Some(&bytes)),
            Err(_) => self.set(path, None),
        }
    }

    /// Rebuilds the model and reruns the rules over the pages read.
    pub fn recheck(&mut self) {
        let (model, findings) = lint::check_docs(&self.settings, &mut self.docs);
        self.model = model;
        self.findings = findings;
    }

    /// The findings in the doc read from `path`.
    pub fn findings_in(&self, path: &Path) -> (Option<usize>, Vec<&Finding>) {
        match self.doc_of(path) {
            Some(i) => (
                Some(i),
                self.findings.iter().filter(|f| f.doc == i).collect(),
            ),
            None => (None, Vec::new()),
        }
    }
}
