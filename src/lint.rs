//! One run: walk the tree, read and parse every file (in parallel), build the
//! canonical model, run the rules, then keep the findings the user asked for
//! (config levels, overrides, inline suppression, --select/--ignore,
//! baseline).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::baseline::Baseline;
use crate::config::{Level, Loaded};
use crate::model::{Doc, Model, ModelOptions};
use crate::ops::model::{OpsModel, ServicePins};
use crate::parse::page::{self, Lang};
use crate::rules::{self, Context, Finding, Rule, RuleOptions, Severity};
use crate::source::{self, SourceText, Span};
use crate::suppress::Suppressions;
use crate::walk::{self, Entry};

/// What to lint and how.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Files and folders to report on. The whole project they belong to is
    /// read for the model; findings are reported only in these.
    pub paths: Vec<PathBuf>,
    /// The project root, when the caller has found it already (else it is
    /// found from the first path, see [`crate::project`]).
    pub root: Option<PathBuf>,
    /// The folder paths are shown relative to (default: the current one).
    pub cwd: Option<PathBuf>,
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
    /// The lowest severity reported.
    pub min_severity: Severity,
    /// Read the per-operation status tables of API pages.
    pub operations: bool,
    /// Services' pinned operation wordings.
    pub service_pins: ServicePins,
    /// Skip the files ignore rules (`.gitignore`, `.ignore`) leave out.
    pub respect_gitignore: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            paths: vec![PathBuf::from(".")],
            root: None,
            cwd: None,
            extensions: vec!["md".into()],
            model: ModelOptions::default(),
            rules: RuleOptions::default(),
            config: None,
            select: None,
            ignore: Vec::new(),
            baseline: None,
            min_severity: Severity::Advice,
            operations: true,
            service_pins: ServicePins::new(),
            respect_gitignore: true,
        }
    }
}

impl Settings {
    /// The settings of project `p` for `paths` in it (absolute), with its
    /// `doclint.toml` or, when given, the `explicit` config. Naming the
    /// config or the baseline file itself means the whole project.
    pub fn for_project(
        p: crate::project::Project,
        mut paths: Vec<PathBuf>,
        explicit: Option<&Loaded>,
        cwd: &Path,
    ) -> Result<Settings, crate::config::Error> {
        let loaded = match (explicit, &p.config) {
            (Some(c), _) => Some(c.clone()),
            (None, Some(path)) => Some(crate::config::load(path)?),
            (None, None) => None,
        };
        let baseline = loaded
            .as_ref()
            .and_then(|c| c.config.baseline.as_ref())
            .map(|b| p.root.join(b));
        for path in &mut paths {
            let named_file = path.file_name().is_some_and(|n| {
                n == crate::config::FILE_NAME || n == crate::baseline::DEFAULT_FILE
            });
            if named_file || baseline.as_ref() == Some(path) {
                *path = p.root.clone();
            }
        }
        let mut s = match loaded {
            Some(c) => Settings::with_config(paths, c),
            None => Settings {
                paths,
                ..Settings::default()
            },
        };
        s.root = Some(p.root);
        s.cwd = Some(cwd.to_path_buf());
        Ok(s)
    }

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
        // `include = ["**/*.mdx"]` asks for .mdx files: their extension is
        // read too, not left to an `extensions` key the user never wrote.
        for ext in c.include.iter().flat_map(|g| included_extensions(g)) {
            if !s.extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
                s.extensions.push(ext.to_string());
            }
        }
        for (code, pin) in &config.pins {
            if let Some(d) = &pin.description {
                s.model.pins.insert((*code, Lang::of(d)), d.clone());
            }
            if let Some(r) = &pin.reason {
                s.rules.reason_pins.insert(*code, r.clone());
            }
        }
        s.model.languages = c.languages.iter().filter_map(|l| Lang::named(l)).collect();
        s.rules.required = c.required.clone();
        if let Some(share) = c.missing_share {
            s.rules.missing_warning_share = share;
        }
        s.rules.allow_former_reasons = !c.current_reasons;
        if let Some(m) = c.min_severity {
            s.min_severity = m;
        }
        s.operations = c.operations.unwrap_or(true);
        s.respect_gitignore = c.respect_gitignore.unwrap_or(true);
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

/// The message of the error for a project without any status page.
const NO_PAGE: &str = "no status-code page in this project";

impl FileError {
    /// Whether this is the "no status-code page" error rather than a file
    /// that could not be read.
    pub fn is_empty_project(&self) -> bool {
        self.message.starts_with(NO_PAGE)
    }
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
    /// How many files with a linted extension ignore rules left out, when
    /// nothing was found (else 0: they are counted only to explain an
    /// empty run).
    pub ignored: usize,
    /// The files read that may hold a status code where a table cell
    /// starts, none read: named when nothing was checked.
    pub unread_tables: Unread,
    /// The project root.
    pub root: PathBuf,
    /// Projects below this one, inside the paths named (a folder holding
    /// its own `doclint.toml` or `.git`): not read here, to be linted on
    /// their own.
    pub nested: Vec<PathBuf>,
    /// How long it took.
    pub elapsed: Duration,
}

/// The files whose bytes may hold a cell that starts with a status code,
/// when none of their tables was read.
#[derive(Debug, Clone, Default)]
pub struct Unread {
    /// How many there are.
    pub files: usize,
    /// How many hold a table with a column of status codes (an error
    /// catalogue, a table of another kind), and the first of them by path:
    /// told only when nothing was read at all.
    pub tables: usize,
    /// The first file of `tables`, as shown.
    pub first: Option<String>,
}

impl Unread {
    /// Adds the files of another project.
    fn merge(&mut self, other: Unread) {
        self.files += other.files;
        self.tables += other.tables;
        self.first = match (self.first.take(), other.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    /// What the error of a project with no page says of these files.
    fn said(&self) -> String {
        let s = |n: usize, one: &'static str, more: &'static str| match n {
            1 => one,
            _ => more,
        };
        match (self.tables, &self.first) {
            (0, _) | (_, None) if self.files > 0 => format!(
                "; {} file{} a number like a status code, but no table with a column of \
                 status codes",
                self.files,
                s(self.files, " holds", "s hold")
            ),
            (0, _) | (_, None) => String::new(),
            (n, Some(first)) => format!(
                "; {n} file{} a table with a column of status codes, but no status table \
                 (`doclint pages --explain {}` says why)",
                s(n, " holds", "s hold"),
                shell_quoted(first)
            ),
        }
    }
}

impl Outcome {
    /// An outcome with nothing read: only `errors` (every path named was
    /// missing).
    pub fn empty(errors: Vec<FileError>, root: PathBuf) -> Outcome {
        Outcome {
            docs: Vec::new(),
            model: Model::default(),
            findings: Vec::new(),
            errors,
            notes: Vec::new(),
            files: 0,
            ignored: 0,
            unread_tables: Unread::default(),
            ops_from: 0,
            ops: OpsModel::default(),
            root,
            nested: Vec::new(),
            elapsed: Duration::ZERO,
        }
    }

    /// The outcomes of several projects as one report: pages, findings and
    /// errors side by side, every status page before every API page. The
    /// models are the first project's (the commands that show a model take
    /// one project).
    pub fn merge(outcomes: Vec<Outcome>) -> Option<Outcome> {
        let mut it = outcomes.into_iter();
        let mut out = it.next()?;
        for o in it {
            // Status pages go after out's status pages, API pages last.
            let status = o.ops_from;
            let (before, after) = (out.ops_from, out.docs.len() - out.ops_from);
            let map = |i: usize| {
                if i < status {
                    before + i
                } else {
                    before + status + after + (i - status)
                }
            };
            let shift_out = |i: usize| if i < before { i } else { i + status };
            for f in &mut out.findings {
                f.doc = shift_out(f.doc);
                if let Some(r) = &mut f.related {
                    r.doc = shift_out(r.doc);
                }
            }
            out.findings.extend(o.findings.into_iter().map(|mut f| {
                f.doc = map(f.doc);
                if let Some(r) = &mut f.related {
                    r.doc = map(r.doc);
                }
                f
            }));
            let mut docs = o.docs;
            let ops = docs.split_off(status);
            let tail = out.docs.split_off(before);
            out.docs.extend(docs);
            out.docs.extend(tail);
            out.docs.extend(ops);
            out.ops_from = before + status;
            out.errors.extend(o.errors);
            out.notes.extend(o.notes);
            out.nested.extend(o.nested);
            out.files += o.files;
            out.ignored += o.ignored;
            out.unread_tables.merge(o.unread_tables);
            out.elapsed += o.elapsed;
        }
        out.errors.sort();
        rules::sort(&mut out.findings);
        Some(out)
    }

    /// The error of a project where no page at all was found, if none was:
    /// a gate pointed at the wrong folder must not pass quietly.
    pub fn no_page(&self, cwd: &Path) -> Option<FileError> {
        self.docs.is_empty().then(|| FileError {
            path: crate::project::display(&self.root, cwd),
            message: format!(
                "{NO_PAGE} ({} file{} read): nothing was checked{}{}",
                self.files,
                if self.files == 1 { "" } else { "s" },
                self.unread_tables.said(),
                match self.ignored {
                    0 => String::new(),
                    n => format!(
                        " ({n} more file{} left out by .gitignore or .ignore rules: \
                             `--no-respect-gitignore`, or `respect-gitignore = false` in \
                             doclint.toml, reads them)",
                        if n == 1 { " is" } else { "s are" }
                    ),
                }
            ),
        })
    }

    /// The status pages under the paths named on the command line.
    pub fn named(&self) -> impl Iterator<Item = &Doc> {
        self.status_docs().iter().filter(|d| d.named)
    }

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

    /// Reads whole the pages that findings with a fix at applicability
    /// `wanted` or safer point at (API pages are kept as the lines of their
    /// tables; a fix is written to the whole file). A page that cannot be
    /// read, or changed since it was, is an error, and its findings are
    /// dropped; those errors are returned too.
    pub fn read_whole_for_fixes(&mut self, wanted: crate::fix::Applicability) -> Vec<FileError> {
        let pages = self
            .findings
            .iter()
            .filter(|f| f.fixable(wanted))
            .map(|f| f.doc)
            .collect();
        let failed = read_whole(&mut self.docs, &pages, &mut self.findings);
        self.errors.extend(failed.iter().cloned());
        self.errors.sort();
        self.errors.dedup();
        failed
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
        distinct_services(self.status_docs())
    }

    /// Number of services with an API page.
    pub fn operation_services(&self) -> usize {
        distinct_services(self.operation_docs())
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

/// How many services `docs` belong to.
fn distinct_services(docs: &[Doc]) -> usize {
    let mut s: Vec<&str> = docs.iter().map(|d| d.service.as_str()).collect();
    s.sort_unstable();
    s.dedup();
    s.len()
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

/// The extensions an `include` glob asks for by its last part: a letter and
/// letters or digits after the last dot (`mdx` of `docs/**/*.mdx`, `md` of
/// `README.md`), or each of a brace list (`md` and `mdx` of `*.{md,mdx}`).
fn included_extensions(glob: &str) -> Vec<&str> {
    let name = glob.rsplit('/').next().unwrap_or(glob);
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return Vec::new();
    };
    let list = ext
        .strip_prefix('{')
        .and_then(|e| e.strip_suffix('}'))
        .unwrap_or(ext);
    // Letters and digits, starting with a letter (`docs/v1.2` names a
    // folder, not files ending `.2`).
    let word = |e: &&str| {
        e.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
            && e.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let exts: Vec<&str> = list.split(',').collect();
    match !stem.is_empty() && exts.iter().all(word) {
        true => exts,
        false => Vec::new(),
    }
}

/// What reading one file gave.
enum Read {
    /// Not a status-code page (and a note when it is not UTF-8); its path
    /// as shown, and as read, when some cell of it may start with a code all
    /// the same (an error catalogue, an example), to point at when nothing
    /// was read.
    Other(Option<FileError>, Option<(String, PathBuf)>),
    /// A status-code page, the operation tables it holds too (as the
    /// page of an API page), and a note when it is not UTF-8.
    Page(Box<Doc>, Option<Box<Doc>>, Option<FileError>),
    /// An API page with per-operation status tables, kept with the lines of
    /// its tables only.
    Operation(Box<Doc>, Option<FileError>),
    /// Could not be read.
    Error(FileError),
}

/// `path` as a shell reads it back: quoted when it holds white space or a
/// mark the shell reads.
fn shell_quoted(path: &str) -> String {
    let plain = |c: char| !c.is_ascii() || c.is_ascii_alphanumeric() || "._-/+,=@%:".contains(c);
    match path.chars().all(plain) && !path.chars().any(char::is_whitespace) {
        true => path.to_string(),
        false => format!("'{}'", path.replace('\'', r"'\''")),
    }
}

/// Reads and parses one file; `service` is the name the config gives it,
/// `here` the process's working folder (see [`openable`]).
fn read(
    entry: &Entry<'_>,
    cwd: &Path,
    here: Option<&Path>,
    service: Option<String>,
    operations: bool,
) -> Read {
    let fail = |message: String| {
        Read::Error(FileError {
            path: crate::project::display(&entry.path, cwd),
            message,
        })
    };
    BUFFER.with_borrow_mut(|buffer| {
        let file = std::fs::File::open(openable(&entry.path, here));
        let len = match file.and_then(|mut f| read_all(&mut f, buffer)) {
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
        // Most files hold no cell that starts with a status code: no table
        // of theirs need be read.
        // `None`: turned down by the filter; else the status page and the
        // operation tables read, if any.
        let parsed = std::panic::catch_unwind(|| {
            if !crate::parse::filter::may_hold_code(&decoded.text) {
                return None;
            }
            Some(match page::parse_with_operations(&decoded.text) {
                Some((page, ops)) => (Some(page), ops.filter(|_| operations)),
                None if operations => (None, crate::ops::parse(&decoded.text)),
                None => (None, None),
            })
        });
        let (page, ops) = match parsed {
            Err(_) => {
                return fail(
                    "internal error while reading this page (a doclint bug: please report it)"
                        .into(),
                );
            }
            Ok(None) => return Read::Other(not_utf8(entry, cwd, decoded.encoding), None),
            Ok(Some(pages)) => pages,
        };
        let note = not_utf8(entry, cwd, decoded.encoding);
        let doc = |src: SourceText, page: page::Page| {
            Box::new(Doc {
                path: crate::project::display(&entry.path, cwd),
                file: entry.path.clone(),
                root: entry.root.to_path_buf(),
                rel: crate::project::relative(&entry.path, entry.root).unwrap_or_default(),
                named: false,
                service_from_config: service.is_some(),
                service: service.clone().unwrap_or_default(),
                src,
                page,
            })
        };
        // API pages are kept as the lines of their tables: every finding on
        // them points there. A page with suppression comments is kept
        // whole: a bad one is a finding of its own (DL009).
        let op_doc = ops.map(|ops| {
            let src = match crate::ops::extent(&ops) {
                Some(span) if Suppressions::parse(&decoded.text).is_empty() => {
                    SourceText::lines(&decoded.text, span)
                }
                _ => SourceText::whole(decoded.text.to_string()),
            };
            doc(src, ops)
        });
        match (page, op_doc) {
            (Some(page), op_doc) => {
                let src = SourceText::whole(decoded.text.into_owned());
                Read::Page(doc(src, page), op_doc, note)
            }
            (None, Some(op_doc)) => Read::Operation(op_doc, note),
            // A cell starts with a code, in no table read.
            (None, None) => Read::Other(
                note,
                Some((
                    crate::project::display(&entry.path, cwd),
                    entry.path.clone(),
                )),
            ),
        }
    })
}

/// Of `files`, whose bytes may hold a cell that starts with a code, those
/// with a table with a column of status codes, read again: told only when
/// nothing was read, to point at a table that came close (the byte filter
/// lets through codes in examples and prose too).
fn tables_with_codes(mut files: Vec<(String, PathBuf)>) -> Unread {
    files.sort();
    let count = files.len();
    let found = crate::par::map(files, |(shown, file)| {
        let bytes = std::fs::read(&file).ok()?;
        let text = source::decode_any(&bytes).ok()?.text;
        let examined = std::panic::catch_unwind(|| page::examine(&text)).ok()?;
        // Keyed by HTTP statuses, not a product's own codes (`122` lines).
        let coded = examined
            .tables
            .iter()
            .any(|t| t.typing.code_col.is_some() && !t.typing.own_codes);
        coded.then_some(shown)
    });
    let mut found = found.into_iter().flatten();
    let first = found.next();
    Unread {
        files: count,
        tables: first.iter().count() + found.count(),
        first,
    }
}

/// Whether `file` is `path` or lies below it: told by bytes when `path`'s
/// bytes and a separator start `file`'s (nearly always), else by components.
fn under(file: &Path, path: &Path) -> bool {
    let (f, p) = (
        file.as_os_str().as_encoded_bytes(),
        path.as_os_str().as_encoded_bytes(),
    );
    let by_bytes = !p.is_empty()
        && f.starts_with(p)
        && f.get(p.len())
            .is_none_or(|&c| std::path::is_separator(char::from(c)));
    by_bytes || file.starts_with(path)
}

/// `path` as a file below `here`, the process's working folder, is best
/// opened: by its path from there. The kernel then resolves only the
/// folders below the working folder, not every folder from the root, for
/// each of the thousands of files (measured: 2 % less CPU on the corpus).
fn openable<'a>(path: &'a Path, here: Option<&Path>) -> &'a Path {
    // Told by bytes: `strip_prefix` parses both paths into components,
    // which costs more than it saves.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let (p, h) = match here {
            Some(h) => (path.as_os_str().as_bytes(), h.as_os_str().as_bytes()),
            None => return path,
        };
        match p.strip_prefix(h) {
            Some([b'/', rest @ ..]) if h.len() > 1 && !rest.is_empty() => {
                Path::new(std::ffi::OsStr::from_bytes(rest))
            }
            _ => path,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = here;
        path
    }
}

/// The note for a file read from another encoding than UTF-8.
fn not_utf8(entry: &Entry<'_>, cwd: &Path, encoding: Option<&'static str>) -> Option<FileError> {
    encoding.map(|e| FileError {
        path: crate::project::display(&entry.path, cwd),
        message: format!(
            "not UTF-8: read as {e}; fixes are written back in {e} when every other byte stays as it is"
        ),
    })
}

/// Applies include/exclude and service naming from the config to one file:
/// `None` when the file is not to be linted, else the service name the
/// config gives it, if any.
fn configure(e: &Entry<'_>, config: &Loaded) -> Option<Option<String>> {
    let Some(rel) = crate::project::relative(&e.path, e.root) else {
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
    // The folder at `service-level` under the project root; a page above
    // that level is named as if no level was set.
    let Some(level) = config.config.service_level.map(|l| l.max(1)) else {
        return Some(None);
    };
    let parts: Vec<&str> = rel.split('/').collect();
    Some((parts.len() > level).then(|| parts[level - 1].to_string()))
}

/// Names the services of the pages the config did not name. The services
/// are the folders under the deepest folder holding every status page (in
/// a tree `docs/ecs/…`, `docs/rds/…` they are `ecs` and `rds`; in
/// `ecs/cn.zh-cn/…` they are `ecs`). When every page is in one folder, that
/// folder names the service, the project's own folder too (for the pages
/// directly in it). A page directly in the services folder, beside others
/// in folders, is named after its file. The names depend only on the
/// project, never on the paths named on the command line.
///
/// The folders are found from the status pages (`docs[..status]`); API pages
/// are named the same way (from themselves when there is no status page).
fn name_services(docs: &mut [Doc], status: usize) {
    // Each page's folders, below the project root.
    let mut folders: Vec<Vec<String>> = docs
        .iter()
        .map(|d| {
            let mut parts: Vec<String> = d.rel.split('/').map(str::to_string).collect();
            parts.pop();
            parts
        })
        .collect();
    let unnamed: Vec<usize> = (0..docs.len())
        .filter(|&i| !docs[i].service_from_config)
        .collect();
    // The status pages decide where services are named, else every page.
    let basis: Vec<usize> = match unnamed.iter().any(|&i| i < status) {
        true => unnamed.iter().copied().filter(|&i| i < status).collect(),
        false => unnamed.clone(),
    };
    let Some(&first) = basis.first() else {
        return;
    };
    // How many folders every page of the basis shares.
    let shared = |folders: &[Vec<String>]| {
        basis[1..].iter().fold(folders[first].len(), |n, &i| {
            folders[first][..n]
                .iter()
                .zip(&folders[i])
                .take_while(|(a, b)| a == b)
                .count()
        })
    };
    let mut level = shared(&folders);
    // A level of language folders (`en/`, `zh/`, `intl.en-US/`) names no
    // service: each holds the same products in one language. It is left
    // out of every page's folders, as if the languages were side by side
    // in one tree: `en/ecs` and `zh/ecs` are both ecs, and so are
    // `ecs/en` and `ecs/zh`. Each page's language folder left out is kept
    // (see `skip_language_wrappers`).
    let mut language: Vec<Option<String>> = vec![None; docs.len()];
    loop {
        let here: Vec<&str> = basis
            .iter()
            .filter_map(|&i| folders[i].get(level).map(String::as_str))
            .collect();
        if !is_language_level(&here) {
            break;
        }
        for &i in &unnamed {
            if folders[i].get(level).is_some_and(|f| is_language_folder(f)) {
                language[i] = Some(folders[i].remove(level).to_ascii_lowercase());
            }
        }
        level = shared(&folders);
    }
    skip_language_wrappers(&mut folders, &language, &basis, level);
    let level = shared(&folders);
    let mut common = folders[first][..level].to_vec();
    let all_in_one = basis.iter().all(|&i| folders[i] == common);
    // Every page in the project's own folder: that folder names the pages
    // directly in it (not each file: then no two operations would be
    // compared); pages in folders below are still named by their folder.
    let flat = all_in_one && common.is_empty();
    if all_in_one && !common.is_empty() {
        common.pop();
    }
    let root_name = |d: &Doc| d.root.file_name().map(|n| n.to_string_lossy().into_owned());
    for i in unnamed {
        let stem = || {
            docs[i]
                .file
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        };
        docs[i].service = match folders[i].get(common.len()) {
            Some(folder) => folder.clone(),
            None if flat => root_name(&docs[i]).unwrap_or_else(stem),
            None => stem(),
        };
    }
}

/// A folder that wraps the whole of one language's tree, names no product
/// of another and holds the products another names (`en/docs/jpush`,
/// `en/docs/jsms` beside `zh/jpush`, `zh/jsms`: jpush's docs) is left out
/// of that language's pages, so that the products line up: else `docs`
/// would name one service holding every English product. Translated folder
/// names (`intl.en-US/Developer Guide` beside `cn.zh-CN/边缘端SDK`) stay.
/// `level` is where the pages' folders part; `language` is each page's
/// language folder, left out.
fn skip_language_wrappers(
    folders: &mut [Vec<String>],
    language: &[Option<String>],
    basis: &[usize],
    level: usize,
) {
    let langs: std::collections::BTreeSet<&str> = basis
        .iter()
        .filter_map(|&i| language[i].as_deref())
        .collect();
    if langs.len() < 2 {
        return;
    }
    for lang in langs {
        let (mine, others): (Vec<usize>, Vec<usize>) = basis
            .iter()
            .partition(|&&i| language[i].as_deref() == Some(lang));
        // The folder all of this language's pages are in, at `level`, with
        // more folders below it to name their products.
        while let Some(wrapper) = folders[mine[0]].get(level).cloned() {
            let wraps = mine
                .iter()
                .all(|&i| folders[i].len() > level + 1 && folders[i][level] == wrapper);
            let names_a_product = others
                .iter()
                .any(|&i| folders[i].get(level) == Some(&wrapper));
            // Below it, the products another language names.
            let lines_up = || {
                mine.iter().any(|&i| {
                    others
                        .iter()
                        .any(|&o| folders[o].get(level) == folders[i].get(level + 1))
                })
            };
            if !wraps || names_a_product || !lines_up() {
                break;
            }
            for (i, f) in folders.iter_mut().enumerate() {
                if language[i].as_deref() == Some(lang) && f.get(level) == Some(&wrapper) {
                    f.remove(level);
                }
            }
        }
    }
}

/// Whether the folders at one level (one per page) are languages: each is
/// named for a language or locale, and one at least for a language docs
/// are commonly written in or with its region (`en`, `zh-CN`, `es-MX`),
/// so that products named `es`, `id` and `th` are not taken for one.
fn is_language_level(folders: &[&str]) -> bool {
    !folders.is_empty()
        && folders.iter().all(|f| is_language_folder(f))
        && folders.iter().any(|f| {
            let lower = f.to_ascii_lowercase();
            let parts: Vec<&str> = lower.split(['-', '_', '.']).collect();
            parts.len() > 1 || matches!(parts[0], "en" | "zh" | "cn" | "ja" | "jp" | "ko" | "kr")
        })
}

/// Whether a folder is named for a language or locale (`en`, `zh-CN`,
/// `zh_hans`, `cn.zh-cn`, `intl.en-US`), not for a product: every part of
/// its name is a language, region or script code. Only a whole level of
/// such folders is taken for languages (`es` alone may be Elasticsearch).
fn is_language_folder(name: &str) -> bool {
    const CODES: &[&str] = &[
        "ae", "ar", "at", "au", "be", "bn", "br", "ca", "ch", "cl", "cn", "co", "cs", "cz", "da",
        "de", "dk", "el", "en", "es", "fa", "fi", "fr", "gb", "he", "hi", "hans", "hant", "hk",
        "hu", "id", "ie", "il", "in", "intl", "it", "ja", "jp", "ko", "kr", "latn", "mo", "ms",
        "mx", "my", "nb", "nl", "no", "nz", "ph", "pl", "pt", "ro", "ru", "sa", "se", "sg", "sv",
        "th", "tr", "tw", "uk", "ur", "us", "vi", "vn", "za", "zh",
    ];
    let lower = name.to_ascii_lowercase();
    !lower.is_empty() && lower.split(['-', '_', '.']).all(|p| CODES.contains(&p))
}

/// The level of `rule` for the doc at `rel`: the last override that
/// matches, else the config's `[rules]`.
fn level(config: &Loaded, rule: Rule, rel: &str) -> Option<Level> {
    let mut level = config.rules.get(&rule).copied();
    for (globs, rules) in &config.overrides {
        if globs.is_match(rel)
            && let Some(l) = rules.get(&rule)
        {
            level = Some(*l);
        }
    }
    level
}

/// Keeps the findings the user asked for. Suppression comments that name
/// an unknown rule are findings themselves (DL009).
fn filter(findings: &mut Vec<Finding>, docs: &[Doc], settings: &Settings) {
    let suppressions: Vec<Suppressions> = docs
        .iter()
        .map(|d| Suppressions::parse(d.src.text()))
        .collect();
    // A bad comment is reported once a file, not again on the operation
    // tables of a status-code page read from it (a doc of the same file
    // before it).
    for (doc, s) in suppressions.iter().enumerate() {
        let mut invalid = s.invalid(doc).peekable();
        if invalid.peek().is_some() && !docs[..doc].iter().any(|d| d.file == docs[doc].file) {
            findings.extend(invalid);
        }
    }
    findings.retain_mut(|f| {
        if !docs[f.doc].named {
            return false;
        }
        if let Some(config) = &settings.config {
            match level(config, f.rule, &docs[f.doc].rel) {
                Some(Level::Off) => return false,
                Some(l) => f.severity = l.severity().unwrap_or(f.severity),
                None => {}
            }
        }
        if f.severity < settings.min_severity
            || settings
                .select
                .as_ref()
                .is_some_and(|s| !s.contains(&f.rule))
            || settings.ignore.contains(&f.rule)
        {
            return false;
        }
        // A bad suppression comment cannot silence its own report.
        f.rule == Rule::InvalidSuppression || !suppressions[f.doc].silences(f.rule, f.span.start)
    });
    rules::sort(findings);
    if let Some(b) = &settings.baseline {
        b.filter(findings, docs);
    }
}

/// Reads whole the pages `wanted` kept as the lines of their tables; a page
/// that cannot be read, or changed since it was, is an error (returned),
/// and the findings on it are dropped.
fn read_whole(
    docs: &mut [Doc],
    wanted: &std::collections::BTreeSet<usize>,
    findings: &mut Vec<Finding>,
) -> Vec<FileError> {
    let failed = crate::ops::read_whole(docs, wanted);
    if failed.is_empty() {
        return Vec::new();
    }
    let gone: std::collections::BTreeSet<usize> = failed.iter().map(|(i, _)| *i).collect();
    findings.retain(|f| {
        !gone.contains(&f.doc) && f.related.as_ref().is_none_or(|r| !gone.contains(&r.doc))
    });
    failed
        .into_iter()
        .map(|(i, message)| FileError {
            path: docs[i].path.clone(),
            message,
        })
        .collect()
}

/// Lints the project described by `settings`.
pub fn lint(settings: &Settings) -> Outcome {
    let start = Instant::now();
    let cwd = match &settings.cwd {
        Some(c) => c.clone(),
        None => crate::project::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    let named: Vec<PathBuf> = settings
        .paths
        .iter()
        .map(|p| crate::project::absolute(p, &cwd))
        .collect();
    let root = match &settings.root {
        Some(r) => crate::project::absolute(r, &cwd),
        None => {
            let first = named.first().cloned().unwrap_or_else(|| cwd.clone());
            crate::project::find(&first).root
        }
    };
    // The folder relative paths are opened from: the process's own, which
    // `cwd` (the folder paths are shown from) need not be.
    let here = std::env::current_dir().ok();
    // Walk, read and parse in one parallel pass.
    // Files named on the command line are walked on their own too (they
    // may be of another extension, or ignored): then some are seen twice.
    let dedup = named.iter().any(|p| p.is_file() && p.starts_with(&root));
    // Files without a status table or a note (most of them) are counted,
    // not kept, unless a file named may be seen twice.
    let plain = std::sync::atomic::AtomicUsize::new(0);
    // Markdown files of another extension (a Docusaurus tree's `.mdx`), when
    // the config chose no extensions: counted, not read, to say so.
    let unread = unread_extensions(settings);
    let unread_counts: Vec<std::sync::atomic::AtomicUsize> =
        unread.iter().map(|_| Default::default()).collect();
    let mut walk_extensions = settings.extensions.clone();
    walk_extensions.extend(unread.iter().map(|e| e.to_string()));
    let visit = |entry: Entry<'_>| -> Option<(Option<PathBuf>, Read)> {
        // `.md`, nearly every file, told by its last bytes.
        let md = entry.path.as_os_str().as_encoded_bytes().ends_with(b".md");
        if !unread.is_empty()
            && !md
            && let Some(k) = entry.path.extension().and_then(|e| {
                unread
                    .iter()
                    .position(|u| e.eq_ignore_ascii_case(std::ffi::OsStr::new(u)))
            })
            && !named.contains(&entry.path)
        {
            unread_counts[k].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return None;
        }
        let service = match &settings.config {
            Some(config) => configure(&entry, config)?,
            None => None,
        };
        // The path is kept only where a file named could be read twice.
        let path = dedup.then(|| entry.path.clone());
        let read = read(&entry, &cwd, here.as_deref(), service, settings.operations);
        if path.is_none() && matches!(read, Read::Other(None, None)) {
            plain.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return None;
        }
        Some((path, read))
    };
    let mut roots = vec![root.clone()];
    // A file named outside the usual extensions (`notes.txt`) is still read.
    roots.extend(
        named
            .iter()
            .filter(|p| p.is_file() && p.starts_with(&root))
            .cloned(),
    );
    let walked = walk::walk(
        &roots,
        &root,
        &walk_extensions,
        &cwd,
        settings.respect_gitignore,
        &visit,
    );
    let (visited, walk_errors) = (walked.visited, walked.errors);
    // Pages named with a leading dot (Alibaba's `.gov.cn 域名实名认证….md`),
    // hidden as git tools take them: not read, but said.
    let hidden: Vec<&PathBuf> = walked
        .hidden
        .iter()
        // `.md`, not an `.mdx` counted to be said.
        .filter(|h| !named.contains(h) && walk::has_extension(h, &settings.extensions))
        .filter(|h| {
            let entry = Entry {
                path: h.to_path_buf(),
                root: &root,
            };
            settings
                .config
                .as_ref()
                .is_none_or(|c| configure(&entry, c).is_some())
        })
        .collect();
    // Projects below this one, inside the paths named: linted on their own.
    let nested = walked
        .nested
        .into_iter()
        .filter(|n| named.iter().any(|p| n.starts_with(p)))
        .collect();
    let mut files = plain.into_inner();
    let read_ones: Vec<String> = settings
        .extensions
        .iter()
        .map(|e| format!(".{e}"))
        .collect();
    let mut notes: Vec<FileError> = unread
        .iter()
        .zip(unread_counts)
        .map(|(ext, n)| (ext, n.into_inner()))
        .filter(|(_, n)| *n > 0)
        .map(|(ext, n)| FileError {
            path: crate::project::display(&root, &cwd),
            message: format!(
                "{n} .{ext} file{} not read: doclint reads {} files; `extensions = [{}, \"{ext}\"]` \
                 in doclint.toml reads them too",
                if n == 1 { " is" } else { "s are" },
                read_ones.join(", "),
                settings
                    .extensions
                    .iter()
                    .map(|e| format!("\"{e}\""))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        })
        .collect();
    if let Some(first) = hidden.first() {
        let n = hidden.len();
        notes.push(FileError {
            path: crate::project::display(&root, &cwd),
            message: match n {
                1 => format!(
                    "1 file named with a leading dot is hidden, and not read (`{}`); named on \
                     the command line, it is read",
                    crate::project::display(first, &cwd)
                ),
                _ => format!(
                    "{n} files named with a leading dot are hidden, and not read (the first: \
                     `{}`); named on the command line, each is read",
                    crate::project::display(first, &cwd)
                ),
            },
        });
    }
    // Sized once: the pages are moved in, not grown into.
    let mut docs = Vec::with_capacity(visited.len());
    let mut op_docs = Vec::with_capacity(visited.len());
    let mut errors: Vec<FileError> = walk_errors
        .into_iter()
        .map(|e| FileError {
            path: e.path,
            message: e.message,
        })
        .collect();
    // Once each: a file named on the command line is also found by the walk.
    // Read where the walk left it, not copied into a second list.
    let mut visited = visited;
    if dedup {
        fn path(v: &(Option<PathBuf>, Read)) -> Option<&Path> {
            v.0.as_deref()
        }
        visited.sort_by(|a, b| path(a).cmp(&path(b)));
        visited.dedup_by(|a, b| path(a) == path(b));
    }
    // Files with a cell that may start with a code, none of them read.
    let mut unread: Vec<(String, PathBuf)> = Vec::new();
    for (_, r) in visited {
        files += 1;
        match r {
            Read::Page(doc, ops, note) => {
                docs.push(doc);
                op_docs.extend(ops);
                notes.extend(note);
            }
            Read::Operation(doc, note) => {
                op_docs.push(doc);
                notes.extend(note);
            }
            Read::Other(note, tables) => {
                notes.extend(note);
                unread.extend(tables);
            }
            Read::Error(e) => errors.push(e),
        }
    }
    let unread_tables = match docs.is_empty() && op_docs.is_empty() {
        true => tables_with_codes(unread),
        false => Unread {
            files: unread.len(),
            ..Unread::default()
        },
    };
    // Sorted boxed, then moved out once each: a page is a few hundred bytes.
    docs.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.file.cmp(&b.file)));
    op_docs.sort_by(|a, b| a.rel.cmp(&b.rel).then_with(|| a.file.cmp(&b.file)));
    let ops_from = docs.len();
    let mut docs: Vec<Doc> = docs.into_iter().chain(op_docs).map(|d| *d).collect();
    for d in &mut docs {
        d.named = named.iter().any(|n| under(&d.file, n));
    }
    name_services(&mut docs, ops_from);
    errors.sort();
    errors.dedup();
    notes.sort();
    notes.dedup();
    let model = Model::build(&docs[..ops_from], &settings.model);
    // A pin for a service the project does not have pins nothing: said.
    if let Some(config) = &settings.config {
        let services: std::collections::BTreeSet<&str> =
            docs.iter().map(|d| d.service.as_str()).collect();
        let mut unknown: Vec<&str> = settings
            .service_pins
            .keys()
            .map(|(s, _)| s.as_str())
            .filter(|s| !services.contains(s))
            .collect();
        unknown.dedup();
        for name in unknown {
            let known: Vec<&str> = services.iter().copied().take(12).collect();
            notes.push(FileError {
                path: crate::project::display(&config.path, &cwd),
                message: format!(
                    "[services.{name}] names no service of this project, so it pins nothing (services: {})",
                    known.join(", ")
                ),
            });
        }
    }
    // The rules, on two threads: the status pages' and DL004–DL008 on the
    // operation tables on this one; the model of the operations and
    // DL010–DL013 on another.
    let (mut findings, ops, mut op_findings) = std::thread::scope(|scope| {
        let operations = scope.spawn(|| {
            let ops = OpsModel::build(&docs, ops_from, &settings.service_pins);
            let found = crate::ops::rules::check(&crate::ops::rules::OpsContext {
                docs: &docs,
                from: ops_from,
                model: &model,
                ops: &ops,
            });
            (ops, found)
        });
        let findings = rules::check(&Context {
            docs: &docs[..ops_from],
            model: &model,
            options: &settings.rules,
        });
        // Findings of rules run on the API pages alone point into them.
        let mut op_findings = rules::check_tables(&Context {
            docs: &docs[ops_from..],
            model: &model,
            options: &settings.rules,
        });
        for f in &mut op_findings {
            f.doc += ops_from;
            if let Some(r) = &mut f.related {
                r.doc += ops_from;
            }
        }
        let (ops, found) = operations
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        op_findings.extend(found);
        (findings, ops, op_findings)
    });
    // API pages are kept as the lines of their tables, which hold every
    // span a finding points at; a page where one would not is read whole.
    let outside: std::collections::BTreeSet<usize> = op_findings
        .iter()
        .flat_map(|f| {
            let related = f.related.as_ref().map(|r| (r.doc, r.span));
            let edits = f.fix.iter().flat_map(|x| &x.edits);
            std::iter::once((f.doc, f.span))
                .chain(related)
                .chain(edits.map(|e| (f.doc, Span::new(e.start, e.end))))
        })
        .filter(|(d, span)| !docs[*d].src.covers(*span))
        .map(|(d, _)| d)
        .collect();
    errors.extend(read_whole(&mut docs, &outside, &mut op_findings));
    errors.sort();
    errors.dedup();
    findings.extend(op_findings);
    // `filter` sorts what it keeps.
    filter(&mut findings, &docs, settings);
    let ignored = match docs.is_empty() && settings.respect_gitignore {
        true => ignored_files(&root, &cwd, settings),
        false => 0,
    };
    Outcome {
        docs,
        ops_from,
        ops,
        model,
        findings,
        errors,
        notes,
        files,
        ignored,
        unread_tables,
        root,
        nested,
        elapsed: start.elapsed(),
    }
}

/// The extensions of Markdown files not read, to count and name: those
/// of [`MARKDOWN_EXTENSIONS`] not read, when the config chose neither
/// extensions nor files to include (then the choice is the user's).
fn unread_extensions(settings: &Settings) -> Vec<&'static str> {
    let chosen = settings
        .config
        .as_ref()
        .is_some_and(|c| !c.config.extensions.is_empty() || !c.config.include.is_empty());
    if chosen {
        return Vec::new();
    }
    MARKDOWN_EXTENSIONS
        .iter()
        .copied()
        .filter(|m| {
            !settings
                .extensions
                .iter()
                .any(|e| e.eq_ignore_ascii_case(m))
        })
        .collect()
}

/// The extensions Markdown files are commonly given.
const MARKDOWN_EXTENSIONS: [&str; 6] = ["md", "mdx", "markdown", "mdown", "mkd", "mkdn"];

/// How many more files the walk of `root` would read without ignore rules:
/// only counted when nothing was found, to say why (a `.gitignore` of
/// `*.md` over tracked pages leaves nothing to read).
fn ignored_files(root: &Path, cwd: &Path, settings: &Settings) -> usize {
    let count = |entry: Entry<'_>| match &settings.config {
        Some(config) => configure(&entry, config).map(|_| ()),
        None => Some(()),
    };
    let roots = [root.to_path_buf()];
    let walked = |respect| {
        walk::walk(&roots, root, &settings.extensions, cwd, respect, &count)
            .visited
            .len()
    };
    walked(false).saturating_sub(walked(true))
}

/// Reads one document from `bytes` (an editor's unsaved text, or a file
/// just saved) as a walk of `root` would read the file at `path`: the
/// config's include/exclude and service naming apply. `Ok(None)` when the
/// file is excluded or is not a status page.
pub fn read_text(
    settings: &Settings,
    root: &Path,
    path: &Path,
    bytes: &[u8],
) -> Result<Option<Doc>, FileError> {
    let entry = Entry {
        path: path.to_path_buf(),
        root,
    };
    let service = match &settings.config {
        Some(config) => match configure(&entry, config) {
            Some(service) => service,
            None => return Ok(None),
        },
        None => None,
    };
    let cwd = match &settings.cwd {
        Some(c) => c.clone(),
        None => crate::project::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
    };
    let fail = |message: String| FileError {
        path: crate::project::display(&entry.path, &cwd),
        message,
    };
    let page = match std::panic::catch_unwind(|| page::parse(bytes)) {
        Err(_) => {
            return Err(fail(
                "internal error while reading this page (a doclint bug: please report it)".into(),
            ));
        }
        Ok(Err(e)) => return Err(fail(e.to_string())),
        Ok(Ok(None)) => return Ok(None),
        Ok(Ok(Some(page))) => page,
    };
    Ok(Some(Doc {
        path: crate::project::display(&entry.path, &cwd),
        file: entry.path.clone(),
        root: root.to_path_buf(),
        rel: crate::project::relative(&entry.path, root).unwrap_or_default(),
        named: true,
        service_from_config: service.is_some(),
        service: service.unwrap_or_default(),
        src: SourceText::whole(String::from_utf8_lossy(bytes).into_owned()),
        page,
    }))
}

/// The model and the kept findings of docs already read (sorted by path,
/// as [`lint`] leaves them): what a language server reruns after an edit
/// without walking the tree again.
pub fn check_docs(settings: &Settings, docs: &mut [Doc]) -> (Model, Vec<Finding>) {
    // A page added or moved can change the folder the services are under.
    let status = docs.len();
    name_services(docs, status);
    let docs = &*docs;
    let model = Model::build(docs, &settings.model);
    let mut findings = rules::check(&Context {
        docs,
        model: &model,
        options: &settings.rules,
    });
    filter(&mut findings, docs, settings);
    (model, findings)
}

#[cfg(test)]
mod tests {
    use super::{openable, shell_quoted, under};
    use std::path::Path;

    #[test]
    fn paths_are_quoted_for_the_shell_when_they_need_it() {
        assert_eq!(shell_quoted("svc/errors.md"), "svc/errors.md");
        assert_eq!(
            shell_quoted("cn.zh-CN/API参考/错误码.md"),
            "cn.zh-CN/API参考/错误码.md"
        );
        assert_eq!(shell_quoted("API 参考/a.md"), "'API 参考/a.md'");
        assert_eq!(
            shell_quoted("API\u{3000}参考/a.md"),
            "'API\u{3000}参考/a.md'"
        );
        assert_eq!(shell_quoted("it's (1).md"), r"'it'\''s (1).md'");
    }

    /// Told by bytes where it can be, `under` says what `Path::starts_with`
    /// says.
    #[test]
    fn under_is_starts_with() {
        let paths = [
            "/a/b",
            "/a/b/",
            "/a/bc",
            "/a/b/c.md",
            "/a/./b/c.md",
            "/a//b/c.md",
            "/a",
            "/",
            "",
            "a/b",
            "a/b/c.md",
            "/a/b/../c.md",
        ];
        for f in paths {
            for p in paths {
                let (f, p) = (Path::new(f), Path::new(p));
                assert_eq!(under(f, p), f.starts_with(p), "{f:?} under {p:?}");
            }
        }
    }

    /// A file below the working folder is opened by its path from there;
    /// any other path as it is.
    #[test]
    fn files_below_the_working_folder_open_from_it() {
        let here = Some(Path::new("/docs/site"));
        let open = |p: &'static str| openable(Path::new(p), here);
        if cfg!(unix) {
            assert_eq!(open("/docs/site/iam/状态码.md"), Path::new("iam/状态码.md"));
        }
        for other in [
            "/docs/sites/a.md",
            "/docs/site",
            "/docs/a.md",
            "/elsewhere/a.md",
        ] {
            assert_eq!(open(other), Path::new(other));
        }
        assert_eq!(
            openable(Path::new("/a.md"), Some(Path::new("/"))),
            Path::new("/a.md")
        );
        assert_eq!(openable(Path::new("/a.md"), None), Path::new("/a.md"));
    }
}
