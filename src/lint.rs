//! One run: walk the tree, read and parse every file (in parallel), build the
//! canonical model, run the rules.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::model::{Doc, Model, Pins};
use crate::parse::page;
use crate::rules::{self, Context, Finding, RuleOptions};
use crate::walk::{self, Entry};

/// What to lint and how.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Files and folders to lint.
    pub paths: Vec<PathBuf>,
    /// File extensions to read, without the dot.
    pub extensions: Vec<String>,
    /// Pinned canonical descriptions.
    pub pins: Pins,
    /// Rule options.
    pub rules: RuleOptions,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paths: vec![PathBuf::from(".")],
            extensions: vec!["md".into()],
            pins: Pins::new(),
            rules: RuleOptions::default(),
        }
    }
}

/// A file that could not be read, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct FileError {
    /// The path as shown to the user.
    pub path: String,
    /// Why.
    pub message: String,
}

/// Everything a run found.
#[derive(Debug)]
pub struct Outcome {
    /// The status pages, sorted by path.
    pub docs: Vec<Doc>,
    /// The canonical model.
    pub model: Model,
    /// The findings, sorted.
    pub findings: Vec<Finding>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// How many files were read.
    pub files: usize,
    /// How long it took.
    pub elapsed: Duration,
}

impl Outcome {
    /// Number of services with a status page.
    pub fn services(&self) -> usize {
        let mut s: Vec<&str> = self.docs.iter().map(|d| d.service.as_str()).collect();
        s.sort_unstable();
        s.dedup();
        s.len()
    }

    /// Number of status rows.
    pub fn rows(&self) -> usize {
        self.docs.iter().map(|d| d.page.rows.len()).sum()
    }
}

/// Reads and parses one file.
fn read(entry: &Entry) -> Result<Option<Doc>, FileError> {
    let fail = |message: String| FileError {
        path: entry.display.clone(),
        message,
    };
    let bytes = std::fs::read(&entry.path).map_err(|e| fail(format!("cannot read: {e}")))?;
    let page = page::parse(&bytes).map_err(|e| fail(e.to_string()))?;
    Ok(page.map(|page| Doc {
        path: entry.display.clone(),
        file: entry.path.clone(),
        root: entry.root.clone(),
        service: entry.service.clone(),
        // The bytes were checked to be UTF-8 by `parse`.
        src: String::from_utf8(bytes).unwrap_or_default(),
        page,
    }))
}

/// Lints the tree described by `settings`.
pub fn lint(settings: &Settings) -> Outcome {
    let start = Instant::now();
    let walked = walk::walk(&settings.paths, &settings.extensions);
    let results: Vec<Result<Option<Doc>, FileError>> =
        walked.entries.par_iter().map(read).collect();
    let files = walked.entries.len();
    let mut docs = Vec::new();
    let mut errors: Vec<FileError> = walked
        .errors
        .into_iter()
        .map(|e| FileError {
            path: e.path,
            message: e.message,
        })
        .collect();
    for r in results {
        match r {
            Ok(Some(doc)) => docs.push(doc),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    errors.sort();
    let model = Model::build(&docs, &settings.pins);
    let findings = rules::check(&Context {
        docs: &docs,
        model: &model,
        options: &settings.rules,
    });
    Outcome {
        docs,
        model,
        findings,
        errors,
        files,
        elapsed: start.elapsed(),
    }
}
