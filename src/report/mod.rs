//! Rendering a run: human (miette), JSON; and the `doclint model` views.
pub mod github;
pub mod html;
pub mod human;
pub mod json;
pub mod model;
pub mod ops;
pub mod pages;
pub mod sarif;

use crate::lint::Outcome;
use crate::rules::Finding;
use crate::source::LineIndex;

/// Where a finding is, in the terms people use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    /// 1-based line of the first byte.
    pub line: usize,
    /// 1-based column (characters) of the first byte.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column (characters) just past the last character.
    pub end_column: usize,
}

/// Line indexes of the docs, built once per doc that has findings.
pub struct Lines {
    indexes: Vec<Option<LineIndex>>,
}

impl Lines {
    /// Indexes the docs of `outcome` that have findings.
    pub fn new(outcome: &Outcome) -> Lines {
        Lines::of(outcome, &outcome.findings, true)
    }

    /// Indexes the docs `findings` point at, on this thread alone unless
    /// `spread`.
    pub fn of(outcome: &Outcome, findings: &[Finding], spread: bool) -> Lines {
        let mut wanted: Vec<usize> = findings.iter().map(|f| f.doc).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let index = |i: usize| outcome.docs[i].src.index();
        let built = match spread {
            true => crate::par::map(wanted.clone(), index),
            false => wanted.iter().copied().map(index).collect(),
        };
        let mut indexes: Vec<Option<LineIndex>> = vec![None; outcome.docs.len()];
        for (i, index) in wanted.into_iter().zip(built) {
            indexes[i] = Some(index);
        }
        Lines { indexes }
    }

    /// The line index of doc `doc` (built on demand if missing).
    pub fn index(&self, doc: usize) -> Option<&LineIndex> {
        self.indexes.get(doc).and_then(Option::as_ref)
    }

    /// Where `f` is.
    pub fn locate(&self, outcome: &Outcome, f: &Finding) -> Location {
        let src = outcome.docs[f.doc].src.text();
        let idx = self.index(f.doc).expect("indexed");
        let (line, column) = idx.line_col(src, f.span.start);
        let (end_line, end_column) = idx.line_col(src, f.span.end);
        Location {
            line,
            column,
            end_line,
            end_column,
        }
    }
}
