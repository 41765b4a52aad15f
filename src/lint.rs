//! One run: walk the tree, read and parse every file (in parallel), build the
//! canonical model, run the rules, then keep the findings the user asked for
//! (config levels, overrides, inline suppression, --select/--ignore,
//! baseline).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::baseline::Baseline;
use crate::config::{Level, Loaded};
use crate::model::{Doc, Model, ModelOptions};
use crate::ops::model::{OpsModel, ServicePins};
use crate::parse::page::{self, Lang};
use crate::rules::{self, Context, Finding, Rule, RuleOptions};
use crate::source;
use crate::suppress::Suppressions;
use crate::walk::{self, Entry};

/// What to lint and how.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Files and folders to lint.
    pub paths: Vec<PathBuf>,
    /// File extensions to read, without the dot.
    pub extensions: Vec<String>,
    /// Pins and languages for the election.
    pub model: ModelOptions,
    /// Rule options.
    pub rules: RuleOptions,
    /// The config file, if one was found.
    pub config: Option<Loaded>,
    /// Only these rules (`--select`), if given.
    pub select: Option<Vec<Rule>>,
    /// Not these rules (`--ignore`).
    pub ignore: Vec<Rule>,
    /// Findings not to report.
    pub baseline: Option<Baseline>,
    /// File mode: report only findings in these files or folders (absolute
    /// paths), while the model is built from all of `paths`.
    pub only: Option<Vec<PathBuf>>,
    /// Read the per-operation status tables of API pages.
    pub operations: bool,
    /// Services' pinned operation wordings.
    pub service_pins: ServicePins,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paths: vec![PathBuf::from(".")],
            extensions: vec!["md".into()],
            model: ModelOptions::default(),
            rules: RuleOptions::default(),
            config: None,
            select: None,
            ignore: Vec::new(),
            baseline: None,
            only: None,
            operations: true,
            service_pins: ServicePins::new(),
        }
    }
}

impl Settings {
    /// Settings for `paths` with what `config` pins and tunes.
    pub fn with_config(paths: Vec<PathBuf>, config: Loaded) -> Settings {
        let c = &config.config;
        let mut s = Settings {
            paths,
            ..Settings::default()
        };
        if !c.extensions.is_empty() {
            s.extensions = c.extensions.clone();
        }
        for (code, pin) in &config.pins {
            if let Some(d) = &pin.description {
                s.model.pins.insert((*code, Lang::of(d)), d.clone());
            }
            if let Some(r) = &pin.reason {
                s.rules.reason_pins.insert(*code, r.clone());
            }
        }
        s.model.languages = c
            .languages
            .iter()
            .map(|l| if l == "en" { Lang::En } else { Lang::Zh })
            .collect();
        s.rules.required = c.required.clone();
        if let Some(share) = c.missing_share {
            s.rules.missing_warning_share = share;
        }
        s.rules.allow_former_reasons = !c.current_reasons;
        s.operations = c.operations.unwrap_or(true);
        s.service_pins = config.service_pins.clone();
        s.config = Some(config);
        s
    }
}

/// A file that could not be read (or fixed), and why.
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
    /// The status pages, sorted by path, then the API pages with operation
    /// tables (from [`Outcome::ops_from`]), sorted by path.
    pub docs: Vec<Doc>,
    /// Where the API pages start in `docs`.
    pub ops_from: usize,
    /// The per-service model of operations.
    pub ops: OpsModel,
    /// The canonical model.
    pub model: Model,
    /// The findings, sorted.
    pub findings: Vec<Finding>,
    /// Files that could not be read.
    pub errors: Vec<FileError>,
    /// Files that were read with a remark (not UTF-8): said on stderr, not
    /// an error.
    pub notes: Vec<FileError>,
    /// How many files were read.
    pub files: usize,
    /// How long it took.
    pub elapsed: Duration,
}

impl Outcome {
    /// The status-code pages.
    pub fn status_docs(&self) -> &[Doc] {
        &self.docs[..self.ops_from]
    }

    /// The API pages with per-operation status tables.
    pub fn operation_docs(&self) -> &[Doc] {
        &self.docs[self.ops_from..]
    }

    /// Whether doc `i` is an API page (its findings are on an operation
    /// table).
    pub fn is_operation(&self, i: usize) -> bool {
        i >= self.ops_from
    }

    /// Number of per-operation status rows.
    pub fn operation_rows(&self) -> usize {
        self.operation_docs()
            .iter()
            .map(|d| d.page.rows.len())
            .sum()
    }

    /// Number of services with a status page.
    pub fn services(&self) -> usize {
        let mut s: Vec<&str> = self
            .status_docs()
            .iter()
            .map(|d| d.service.as_str())
            .collect();
        s.sort_unstable();
        s.dedup();
        s.len()
    }

    /// Number of status rows.
    pub fn rows(&self) -> usize {
        self.status_docs().iter().map(|d| d.page.rows.len()).sum()
    }
}

thread_local! {
    /// Each thread reads its files into one buffer: most files are not
    /// status pages, and need no allocation of their own.
    static BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Reads all of `file` into `buf` (which keeps its size between files, so
/// it is zeroed only when it grows) and returns the length read. Unlike
/// `read_to_end` it does not ask for the file's size first: for 10,000 small
/// files that is 10,000 fewer system calls.
fn read_all(file: &mut std::fs::File, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    use std::io::Read;
    const CHUNK: usize = 64 * 1024;
    let mut len = 0;
    loop {
        if buf.len() - len < CHUNK {
            buf.resize(len + CHUNK.max(len), 0);
        }
        match file.read(&mut buf[len..]) {
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// What reading one file gave.
enum Read {
    /// Not a status-code page (and a note when it is not UTF-8).
    Other(Option<FileError>),
    /// A status-code page (and a note when it is not UTF-8).
    Page(Box<Doc>, Option<FileError>),
    /// An API page with per-operation status tables, kept without its text,
    /// and the digest of its text.
    Operation(Box<Doc>, Option<FileError>, u64),
    /// Could not be read.
    Error(FileError),
}

/// Reads and parses one file; `service` overrides the walk's naming.
fn read(entry: &Entry<'_>, service: Option<String>, operations: bool) -> Read {
    let fail = |message: String| {
        Read::Error(FileError {
            path: entry.display(),
            message,
        })
    };
    BUFFER.with_borrow_mut(|buffer| {
        let len = match std::fs::File::open(&entry.path).and_then(|mut f| read_all(&mut f, buffer))
        {
            Ok(len) => len,
            Err(e) => return fail(format!("cannot read: {}", walk::io_message(&e))),
        };
        let bytes = &buffer[..len];
        // UTF-8, or GB18030/GBK (common in Chinese repositories): decoded,
        // with a note that the file is not UTF-8.
        let decoded = match source::decode_any(bytes) {
            Ok(d) => d,
            Err(e) => return fail(e.to_string()),
        };
        // A bug in the parser must not stop the run: the file is named as
        // not read, and the rest of the tree is still linted.
        let parsed = std::panic::catch_unwind(|| match page::parse_str(&decoded.text) {
            Some(page) => Some((page, false)),
            None if operations => crate::ops::parse(&decoded.text).map(|p| (p, true)),
            None => None,
        });
        let (page, is_op) = match parsed {
            Err(_) => {
                return fail(
                    "internal error while reading this page (a doclint bug: please report it)"
                        .into(),
                );
            }
            Ok(None) => return Read::Other(not_utf8(entry, decoded.encoding)),
            Ok(Some(page)) => page,
        };
        let note = not_utf8(entry, decoded.encoding);
        let digest = is_op.then(|| crate::ops::digest(&decoded.text));
        let doc = Box::new(Doc {
            path: entry.display(),
            file: entry.path.clone(),
            root: entry.root.to_path_buf(),
            service: service.unwrap_or_else(|| entry.service()),
            src: if is_op {
                String::new()
            } else {
                decoded.text.into_owned()
            },
            page,
        });
        if let Some(digest) = digest {
            Read::Operation(doc, note, digest)
        } else {
            Read::Page(doc, note)
        }
    })
}

/// The note for a file read from another encoding than UTF-8.
fn not_utf8(entry: &Entry<'_>, encoding: Option<&'static str>) -> Option<FileError> {
    encoding.map(|e| FileError {
        path: entry.display(),
        message: format!(
            "not UTF-8: read as {e}; fixes are written back in {e} when every other byte stays as it is"
        ),
    })
}

/// `path` relative to the project root, with `/`, for glob matching.
fn project_path(config: &Loaded, path: &Path) -> Option<String> {
    let root = std::path::absolute(&config.root).ok()?;
    let file = std::path::absolute(path).ok()?;
    let rel = file.strip_prefix(&root).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

/// Applies include/exclude and service naming from the config to one file:
/// `None` when the file is not to be linted, else the service name the
/// config gives it, if any.
fn configure(e: &Entry<'_>, config: &Loaded) -> Option<Option<String>> {
    let level = config.config.service_level.unwrap_or(1).max(1);
    let Some(rel) = project_path(config, &e.path) else {
        return Some(None);
    };
    if config.exclude.is_match(&rel)
        || config
            .include
            .as_ref()
            .is_some_and(|inc| !inc.is_match(&rel))
    {
        return None;
    }
    if let Some((_, name)) = config.services.iter().find(|(g, _)| g.is_match(&rel)) {
        return Some(Some(name.clone()));
    }
    // The folder at `level` under the project root; a page above that level
    // keeps the name the walk gives it.
    let parts: Vec<&str> = rel.split('/').collect();
    Some((parts.len() > level).then(|| parts[level - 1].to_string()))
}

/// The level of `rule` for the doc at `path`: the last override that matches,
/// else the config's `[rules]`.
fn level(config: &Loaded, rule: Rule, rel: Option<&str>) -> Option<Level> {
    let mut level = config.rules.get(&rule).copied();
    if let Some(rel) = rel {
        for (globs, rules) in &config.overrides {
            if globs.is_match(rel)
                && let Some(l) = rules.get(&rule)
            {
                level = Some(*l);
            }
        }
    }
    level
}

/// Keeps the findings the user asked for.
fn filter(findings: &mut Vec<Finding>, docs: &[Doc], settings: &Settings) {
    let mut suppressions: BTreeMap<usize, Suppressions> = BTreeMap::new();
    let mut rels: BTreeMap<usize, Option<String>> = BTreeMap::new();
    findings.retain_mut(|f| {
        if let Some(config) = &settings.config {
            let rel = rels
                .entry(f.doc)
                .or_insert_with(|| project_path(config, &docs[f.doc].file));
            match level(config, f.rule, rel.as_deref()) {
                Some(Level::Off) => return false,
                Some(l) => f.severity = l.severity().unwrap_or(f.severity),
                None => {}
            }
        }
        if settings
            .select
            .as_ref()
            .is_some_and(|s| !s.contains(&f.rule))
            || settings.ignore.contains(&f.rule)
        {
            return false;
        }
        let s = suppressions
            .entry(f.doc)
            .or_insert_with(|| Suppressions::parse(&docs[f.doc].src));
        !s.silences(f.rule, f.span.start)
    });
    if let Some(b) = &settings.baseline {
        b.filter(findings, docs);
    }
    if let Some(only) = &settings.only {
        let mut named: BTreeMap<usize, bool> = BTreeMap::new();
        findings.retain(|f| {
            *named.entry(f.doc).or_insert_with(|| {
                std::path::absolute(&docs[f.doc].file)
                    .is_ok_and(|file| only.iter().any(|o| file.starts_with(o)))
            })
        });
    }
}

/// Lints the tree described by `settings`.
pub fn lint(settings: &Settings) -> Outcome {
    let start = Instant::now();
    // Walk, read and parse in one parallel pass.
    let visit = |entry: Entry<'_>| -> Option<Read> {
        let service = match &settings.config {
            Some(config) => configure(&entry, config)?,
            None => None,
        };
        Some(read(&entry, service, settings.operations))
    };
    let (visited, walk_errors) = walk::walk(&settings.paths, &settings.extensions, &visit);
    let mut files = 0;
    let mut docs = Vec::new();
    let mut op_docs = Vec::new();
    let mut notes = Vec::new();
    let mut errors: Vec<FileError> = walk_errors
        .into_iter()
        .map(|e| FileError {
            path: e.path,
            message: e.message,
        })
        .collect();
    for r in visited.into_iter().flatten() {
        files += 1;
        match r {
            Read::Page(doc, note) => {
                docs.push(*doc);
                notes.extend(note);
            }
            Read::Operation(doc, note, digest) => {
                op_docs.push((*doc, digest));
                notes.extend(note);
            }
            Read::Other(note) => notes.extend(note),
            Read::Error(e) => errors.push(e),
        }
    }
    // Sorted, and once each when roots overlap (`doclint docs docs/ecs`).
    docs.sort_by(|a, b| a.path.cmp(&b.path).then_with(|| a.file.cmp(&b.file)));
    docs.dedup_by(|a, b| a.file == b.file);
    op_docs.sort_by(|(a, _), (b, _)| a.path.cmp(&b.path).then_with(|| a.file.cmp(&b.file)));
    op_docs.dedup_by(|(a, _), (b, _)| a.file == b.file);
    let (op_docs, digests): (Vec<Doc>, Vec<u64>) = op_docs.into_iter().unzip();
    let ops_from = docs.len();
    errors.sort();
    errors.dedup();
    notes.sort();
    notes.dedup();
    let model = Model::build(&docs, &settings.model);
    let mut findings = rules::check(&Context {
        docs: &docs,
        model: &model,
        options: &settings.rules,
    });
    // The operation tables: DL004–DL008 as on status pages, then DL010–DL013.
    docs.extend(op_docs);
    let ops = OpsModel::build(&docs, ops_from, &settings.service_pins);
    let op_check = |docs: &[Doc], with_text: bool| {
        let mut found = rules::check_tables(
            &Context {
                docs: &docs[ops_from..],
                model: &model,
                options: &settings.rules,
            },
            with_text,
        );
        for f in &mut found {
            f.doc += ops_from;
            if let Some(r) = &mut f.related {
                r.doc += ops_from;
            }
        }
        found.extend(crate::ops::rules::check(&crate::ops::rules::OpsContext {
            docs,
            from: ops_from,
            model: &model,
            ops: &ops,
        }));
        found
    };
    // API pages were read without keeping their text: the pages that
    // findings point at (or that hold a broken table) are read again.
    let mut needed: std::collections::BTreeSet<usize> = op_check(&docs, false)
        .iter()
        .flat_map(|f| std::iter::once(f.doc).chain(f.related.as_ref().map(|r| r.doc)))
        .collect();
    needed.extend(
        (ops_from..docs.len()).filter(|&i| docs[i].page.tables.iter().any(|t| t.broken.is_some())),
    );
    let failed = crate::ops::restore_sources(&mut docs, ops_from, &digests, &needed);
    for (i, _) in &failed {
        // Not read again: nothing on it can be shown or fixed.
        docs[*i]
            .page
            .tables
            .iter_mut()
            .for_each(|t| t.broken = None);
    }
    let mut op_findings = op_check(&docs, true);
    if !failed.is_empty() {
        let gone: std::collections::BTreeSet<usize> = failed.iter().map(|(i, _)| *i).collect();
        op_findings.retain(|f| {
            !gone.contains(&f.doc) && f.related.as_ref().is_none_or(|r| !gone.contains(&r.doc))
        });
        errors.extend(failed.into_iter().map(|(i, message)| FileError {
            path: docs[i].path.clone(),
            message,
        }));
        errors.sort();
        errors.dedup();
    }
    findings.extend(op_findings);
    findings.sort_by(|a, b| {
        (a.doc, a.span.start, a.rule, a.span.end, a.code).cmp(&(
            b.doc,
            b.span.start,
            b.rule,
            b.span.end,
            b.code,
        ))
    });
    filter(&mut findings, &docs, settings);
    Outcome {
        docs,
        ops_from,
        ops,
        model,
        findings,
        errors,
        notes,
        files,
        elapsed: start.elapsed(),
    }
}
