//! Applying fixes to files: which edits go into each file, the unified diff
//! of what would change, and writing it safely.
//!
//! Safety rules (SPEC.md §6): a file is written through a temporary file in
//! its own folder and a rename, keeps its permissions, is written only if its
//! bytes are still the ones that were read, and never through a link that
//! leaves the tree. A file that fails any of these is left exactly as it was
//! and named with the reason; the other files are still fixed.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use similar::TextDiff;

use super::{Applicability, Edit, apply};
use crate::lint::{FileError, Outcome};

/// What fixing one file would do.
#[derive(Debug, Clone)]
pub struct FilePlan {
    /// Index of the doc (of the first, when two docs are read from one
    /// file).
    pub doc: usize,
    /// Indexes of the findings whose fixes are applied.
    pub fixed: Vec<usize>,
    /// Indexes of findings whose fixes overlap or touch one already taken: they are
    /// left for the next run.
    pub skipped: Vec<usize>,
    /// The edits, sorted and non-overlapping.
    pub edits: Vec<Edit>,
    /// The file's new text.
    pub new_text: String,
}

/// Plans the fixes at applicability `wanted` or safer, file by file, on the
/// pages read whole ([`Outcome::read_whole_for_fixes`] reads API pages,
/// kept as the lines of their tables, whole; a page that is not is left).
///
/// Findings are taken in report order; a fix is taken whole or not at all,
/// and not when one of its edits overlaps or touches an edit already taken
/// (an edit identical to one taken, as for a cell spanning two rows, is
/// shared).
pub fn plan(outcome: &Outcome, wanted: Applicability) -> Vec<FilePlan> {
    let mut plans: Vec<FilePlan> = Vec::new();
    // One plan a file: a status-code page that holds operation tables too
    // is two docs of one file, its findings in two runs.
    let mut by_file: HashMap<&Path, usize> = HashMap::new();
    for (i, f) in outcome.findings.iter().enumerate() {
        let Some(fix) = f.fix.as_ref().filter(|fix| fix.applicability >= wanted) else {
            continue;
        };
        let at = *by_file
            .entry(outcome.docs[f.doc].file.as_path())
            .or_insert_with(|| {
                plans.push(FilePlan {
                    doc: f.doc,
                    fixed: Vec::new(),
                    skipped: Vec::new(),
                    edits: Vec::new(),
                    new_text: String::new(),
                });
                plans.len() - 1
            });
        let p = &mut plans[at];
        let fresh: Vec<&Edit> = fix.edits.iter().filter(|e| !p.edits.contains(e)).collect();
        // Edits that overlap or touch (a cell's text replaced, and a mark
        // put after it by another finding) are not taken together: the
        // second is left for the next run, which reads the first's result.
        let clash = fresh
            .iter()
            .any(|e| p.edits.iter().any(|t| e.start <= t.end && t.start <= e.end));
        if clash {
            p.skipped.push(i);
            continue;
        }
        p.edits.extend(fresh.into_iter().cloned());
        p.fixed.push(i);
    }
    for p in &mut plans {
        p.edits.sort();
        let Some(src) = outcome.docs[p.doc].src.whole_text() else {
            debug_assert!(false, "fixes planned on a page not read whole");
            p.fixed.clear();
            continue;
        };
        let (text, applied) = apply(src, &p.edits);
        debug_assert_eq!(applied, p.edits.len());
        p.new_text = text;
    }
    plans.retain(|p| !p.fixed.is_empty());
    plans
}

/// The unified diff of one plan, with `---`/`+++` headers naming the file.
pub fn diff(outcome: &Outcome, plan: &FilePlan) -> String {
    let doc = &outcome.docs[plan.doc];
    let diff = TextDiff::from_lines(doc.src.text(), plan.new_text.as_str());
    let mut out = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{}", doc.path), &format!("b/{}", doc.path))
        .to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Resolves the file to write: itself, or for a link the file it points to,
/// which must be inside `root`.
fn target(file: &Path, root: &Path) -> Result<PathBuf, String> {
    let gone = |e: std::io::Error| format!("not fixed: {}", crate::walk::io_message(&e));
    let meta = fs::symlink_metadata(file).map_err(gone)?;
    let real = fs::canonicalize(file).map_err(gone)?;
    let real_root = fs::canonicalize(root).map_err(gone)?;
    if !real.starts_with(&real_root) {
        return Err(format!(
            "not fixed: it is a link to {} outside the linted tree",
            real.display()
        ));
    }
    if meta.file_type().is_symlink() || real != file {
        // Write the file the link points to, not over the link.
        return Ok(real);
    }
    Ok(file.to_path_buf())
}

/// Writes `new_text` to the file of doc `doc`, if its bytes on disk are still
/// `expected`.
pub fn write(file: &Path, root: &Path, expected: &str, new_text: &str) -> Result<(), String> {
    let path = target(file, root)?;
    let now = fs::read(&path).map_err(|e| format!("not fixed: cannot read it again: {e}"))?;
    // A file read from GB18030 is written back in GB18030, and only when
    // that keeps every byte outside the edits (its unchanged text encodes
    // to exactly the bytes on disk).
    let bytes: std::borrow::Cow<'_, [u8]> = if now == expected.as_bytes() {
        new_text.as_bytes().into()
    } else {
        match crate::source::decode_any(&now) {
            Ok(d) if d.encoding.is_some() && d.text == expected => {
                if crate::source::encode_gb18030(expected) != now {
                    return Err(format!(
                        "not fixed: the file is {} and would not be written back byte for byte",
                        d.encoding.unwrap_or("not UTF-8")
                    ));
                }
                crate::source::encode_gb18030(new_text).into()
            }
            _ => return Err("not fixed: the file changed since doclint read it".into()),
        }
    };
    let meta = fs::metadata(&path).map_err(|e| format!("not fixed: cannot stat: {e}"))?;
    if meta.permissions().readonly() {
        return Err("not fixed: the file is read-only".into());
    }
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".doclint-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| format!("not fixed: cannot create a temporary file beside it: {e}"))?;
    tmp.write_all(&bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| format!("not fixed: cannot write the temporary file: {e}"))?;
    fs::set_permissions(tmp.path(), meta.permissions())
        .map_err(|e| format!("not fixed: cannot keep the permissions: {e}"))?;
    tmp.persist(&path)
        .map_err(|e| format!("not fixed: cannot replace the file: {}", e.error))?;
    Ok(())
}

/// What `--fix` did.
#[derive(Debug, Default)]
pub struct Applied {
    /// Findings fixed.
    pub fixed: usize,
    /// Files written.
    pub files: usize,
    /// Files that could not be written, and why.
    pub errors: Vec<FileError>,
}

/// Applies `plans` to disk.
pub fn write_all(outcome: &Outcome, plans: &[FilePlan]) -> Applied {
    let mut done = Applied::default();
    for p in plans {
        let doc = &outcome.docs[p.doc];
        match write(&doc.file, &doc.root, doc.src.text(), &p.new_text) {
            Ok(()) => {
                done.fixed += p.fixed.len();
                done.files += 1;
            }
            Err(message) => done.errors.push(FileError {
                path: doc.path.clone(),
                message,
            }),
        }
    }
    done
}
