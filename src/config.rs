//! `doclint.toml`: what a team pins and tunes.
//!
//! The file marks the project root (see [`crate::project`]); path globs and
//! service levels are relative to the project root. `--config FILE` uses
//! another file for the settings. Unknown keys and wrong types are errors
//! that point at the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use miette::{Diagnostic, NamedSource, SourceSpan};
use serde::Deserialize;

use crate::parse::page::Lang;
use crate::rules::{Rule, Severity};

/// The name of the config file.
pub const FILE_NAME: &str = "doclint.toml";

/// A rule's level in config: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Reported as an error.
    Error,
    /// Reported as a warning.
    Warning,
    /// Reported as advice (does not fail the run).
    Advice,
    /// Not reported.
    Off,
}

impl Level {
    /// The severity, or `None` for off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Advice => Some(Severity::Advice),
            Level::Off => None,
        }
    }
}

/// A pinned canonical entry for one code.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Pin {
    /// The canonical description (its language is detected from the text).
    pub description: Option<String>,
    /// The reason phrase every page must use for this code.
    pub reason: Option<String>,
}

/// A service named explicitly for the paths matching `paths`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServiceName {
    /// Globs, relative to the project root.
    pub paths: Vec<String>,
    /// The service name.
    pub name: String,
}

/// Rule levels for the paths matching `paths`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs, relative to the project root.
    pub paths: Vec<String>,
    /// Rule id or name → level.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// `doclint.toml`, as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Globs of files to lint (default: every file with one of `extensions`).
    #[serde(default)]
    pub include: Vec<String>,
    /// Globs of files not to lint.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// File extensions to read (default `["md"]`).
    #[serde(default)]
    pub extensions: Vec<String>,
    /// Skip the files `.gitignore`, `.ignore` and git's exclude files leave
    /// out (default: true; `--no-respect-gitignore` overrides).
    pub respect_gitignore: Option<bool>,
    /// Which folder level under the project root names a page's service
    /// (default 1: the first folder).
    pub service_level: Option<usize>,
    /// Explicit service names, first match wins.
    #[serde(default)]
    pub service: Vec<ServiceName>,
    /// Codes every status page must document (DL003 is a warning for them).
    #[serde(default)]
    pub required: Vec<u16>,
    /// Share of pages (0–1) at or above which a missing code is a warning.
    pub missing_share: Option<f64>,
    /// Ask for the current reason phrases (`Content Too Large`), not former
    /// ones (`Request Entity Too Large`).
    #[serde(default)]
    pub current_reasons: bool,
    /// Languages whose descriptions are compared (default: all).
    #[serde(default)]
    pub languages: Vec<String>,
    /// A baseline file: findings in it are not reported.
    pub baseline: Option<String>,
    /// The lowest severity reported: `advice` (default), `warning` or
    /// `error` (`--min-severity` overrides).
    pub min_severity: Option<Severity>,
    /// Rule id or name → level.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    /// Code → pinned description and reason.
    #[serde(default)]
    pub canonical: BTreeMap<String, Pin>,
    /// Per-path rule levels.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Read the per-operation status tables of API pages (default: true;
    /// `false` lints status-code pages only).
    pub operations: Option<bool>,
    /// Per-service settings of operation tables, by service name.
    #[serde(default)]
    pub services: BTreeMap<String, ServiceConfig>,
}

/// One service's settings for its operation tables.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServiceConfig {
    /// Code → the wording its operations must use.
    #[serde(default)]
    pub canonical: BTreeMap<String, ServicePin>,
}

/// A service's pinned wording of one code.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ServicePin {
    /// The description every operation of the service uses.
    pub description: String,
}

/// A config file that cannot be used, with the place in it.
#[derive(Debug, Diagnostic)]
#[diagnostic(code(doclint::config))]
pub struct ConfigError {
    /// What is wrong.
    pub message: String,
    /// The file.
    #[source_code]
    pub src: NamedSource<String>,
    /// Where.
    #[label("{label}")]
    pub span: Option<SourceSpan>,
    /// The label under the span.
    pub label: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

/// A config error, boxed: it carries the file's text.
pub type Error = Box<ConfigError>;

impl ConfigError {
    fn at(
        path: &Path,
        text: &str,
        span: Option<std::ops::Range<usize>>,
        message: String,
        label: &str,
    ) -> Error {
        Box::new(ConfigError {
            message: format!("{}: {message}", path.display()),
            src: NamedSource::new(path.display().to_string(), text.to_string()),
            span: span.map(|r| SourceSpan::from((r.start, r.end - r.start))),
            label: label.to_string(),
        })
    }

    /// An error about the file as a whole.
    pub fn plain(path: &Path, message: String) -> Error {
        ConfigError::at(path, "", None, message, "")
    }
}

/// Finds the span of `key` (a table key or dotted key) in `text`: the first
/// line that starts with it, for errors found after parsing.
fn key_span(text: &str, key: &str) -> Option<std::ops::Range<usize>> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        let lead = line.len() - t.len();
        let bare = t.trim_start_matches('[').trim_start_matches('"');
        if bare.starts_with(key) {
            let start = at + lead + (t.len() - bare.len());
            return Some(start..start + key.len());
        }
        at += line.len();
    }
    None
}

/// A loaded config: the file's settings, its folder, and the compiled globs.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The config file.
    pub path: PathBuf,
    /// Its folder: the project root.
    pub root: PathBuf,
    /// The settings as written.
    pub config: Config,
    /// `include`, if given.
    pub include: Option<GlobSet>,
    /// `exclude`.
    pub exclude: GlobSet,
    /// `service`, compiled, in order.
    pub services: Vec<(GlobSet, String)>,
    /// `overrides`, compiled, in order.
    pub overrides: Vec<(GlobSet, BTreeMap<Rule, Level>)>,
    /// `rules`, by rule.
    pub rules: BTreeMap<Rule, Level>,
    /// `canonical`, by code.
    pub pins: BTreeMap<u16, Pin>,
    /// `[services.NAME.canonical.CODE]`, by (service, code).
    pub service_pins: crate::ops::model::ServicePins,
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("bad glob `{p}`: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

fn rule_levels(
    path: &Path,
    text: &str,
    levels: &BTreeMap<String, Level>,
) -> Result<BTreeMap<Rule, Level>, Error> {
    levels
        .iter()
        .map(|(k, v)| match Rule::from_id(k) {
            Some(r) => Ok((r, *v)),
            None => Err(ConfigError::at(
                path,
                text,
                key_span(text, k),
                format!("unknown rule `{k}`"),
                "not a rule id (DL001…DL009) or name",
            )),
        })
        .collect()
}

/// Parses the config `text` of the file at `path`.
pub fn parse(path: &Path, text: &str) -> Result<Loaded, Error> {
    let config: Config = toml::from_str(text).map_err(|e| {
        let msg = e.message().trim().to_string();
        ConfigError::at(path, text, e.span(), msg, "here")
    })?;
    let bad_glob =
        |key: &str, e: String| ConfigError::at(path, text, key_span(text, key), e, "here");
    let include = if config.include.is_empty() {
        None
    } else {
        Some(globs(&config.include).map_err(|e| bad_glob("include", e))?)
    };
    let exclude = globs(&config.exclude).map_err(|e| bad_glob("exclude", e))?;
    let services = config
        .service
        .iter()
        .map(|s| {
            Ok((
                globs(&s.paths).map_err(|e| bad_glob("paths", e))?,
                s.name.clone(),
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let overrides = config
        .overrides
        .iter()
        .map(|o| {
            Ok((
                globs(&o.paths).map_err(|e| bad_glob("paths", e))?,
                rule_levels(path, text, &o.rules)?,
            ))
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let rules = rule_levels(path, text, &config.rules)?;
    let mut pins = BTreeMap::new();
    for (k, pin) in &config.canonical {
        let code: u16 = k
            .parse()
            .ok()
            .filter(|c| (100..=599).contains(c))
            .ok_or_else(|| {
                ConfigError::at(
                    path,
                    text,
                    key_span(text, &format!("canonical.{k}")).or_else(|| key_span(text, k)),
                    format!("`canonical.{k}`: not an HTTP status code"),
                    "a code from 100 to 599",
                )
            })?;
        pins.insert(code, pin.clone());
    }
    let mut service_pins = BTreeMap::new();
    for (name, service) in &config.services {
        for (k, pin) in &service.canonical {
            let code: u16 = k
                .parse()
                .ok()
                .filter(|c| (100..=599).contains(c))
                .ok_or_else(|| {
                    ConfigError::at(
                        path,
                        text,
                        key_span(text, k),
                        format!("`services.{name}.canonical.{k}`: not an HTTP status code"),
                        "a code from 100 to 599",
                    )
                })?;
            service_pins.insert((name.clone(), code), pin.description.clone());
        }
    }
    if let Some(share) = config.missing_share
        && !(0.0..=1.0).contains(&share)
    {
        return Err(ConfigError::at(
            path,
            text,
            key_span(text, "missing-share"),
            "`missing-share` must be between 0 and 1".into(),
            "here",
        ));
    }
    if config.service_level == Some(0) {
        return Err(ConfigError::at(
            path,
            text,
            key_span(text, "service-level"),
            "service-level counts from 1 (the first folder under the project root)".into(),
            "here",
        ));
    }
    for lang in &config.languages {
        if Lang::named(lang).is_none() {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| l.as_str()).collect();
            return Err(ConfigError::at(
                path,
                text,
                key_span(text, "languages"),
                format!("unknown language `{lang}` (known: {})", known.join(", ")),
                "here",
            ));
        }
    }
    let root = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    Ok(Loaded {
        path: path.to_path_buf(),
        root,
        config,
        include,
        exclude,
        services,
        overrides,
        rules,
        pins,
        service_pins,
    })
}

/// Reads and parses the config file at `path`.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| ConfigError::plain(path, format!("cannot read: {e}")))?;
    parse(path, &text)
}

/// Looks for `doclint.toml` in `start` (a folder, or a file's folder) and its
/// parents.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = if start.is_file() {
        start.parent()?.to_path_buf()
    } else {
        start.to_path_buf()
    };
    let abs = std::path::absolute(&start).ok()?;
    let mut dir: Option<&Path> = Some(&abs);
    while let Some(d) = dir {
        let candidate = d.join(FILE_NAME);
        if candidate.is_file() {
            // Keep the path relative when the start was.
            let rel = pathdiff(&candidate, &start);
            return Some(rel.unwrap_or(candidate));
        }
        dir = d.parent();
    }
    None
}

/// `target` relative to `base` when `base` is relative and `target` is
/// inside it or one of its parents.
fn pathdiff(target: &Path, base: &Path) -> Option<PathBuf> {
    if base.is_absolute() {
        return None;
    }
    let abs_base = std::path::absolute(base).ok()?;
    let mut up = PathBuf::new();
    let mut b: &Path = &abs_base;
    loop {
        if let Ok(rest) = target.strip_prefix(b) {
            let joined = base.join(&up).join(rest);
            return Some(normalize(&joined));
        }
        up.push("..");
        b = b.parent()?;
    }
}

/// Removes `.` components and folds `x/..`.
fn normalize(p: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_point_at_the_key() {
        let text = "required = [400]\n\n[canonical.400]\ndescripton = \"x\"\n";
        let e = parse(Path::new("doclint.toml"), text).unwrap_err();
        assert!(e.message.contains("descripton"), "{}", e.message);
        let span = e.span.unwrap();
        assert_eq!(
            &text[span.offset()..span.offset() + span.len()],
            "descripton"
        );
    }

    #[test]
    fn wrong_types_and_values_are_errors() {
        let e = parse(Path::new("d.toml"), "required = \"400\"\n").unwrap_err();
        assert!(e.span.is_some());
        let e = parse(Path::new("d.toml"), "[rules]\nDL099 = \"off\"\n").unwrap_err();
        assert!(e.message.contains("DL099"));
        let e = parse(Path::new("d.toml"), "[rules]\nDL001 = \"loud\"\n").unwrap_err();
        assert!(e.span.is_some());
        let e = parse(
            Path::new("d.toml"),
            "[canonical.4000]\ndescription = \"x\"\n",
        )
        .unwrap_err();
        assert!(e.message.contains("4000"));
    }

    #[test]
    fn a_full_config_parses() {
        let text = r#"
include = ["**/*.md"]
exclude = ["**/LICENSE.md"]
service-level = 1
required = [400, 500]
missing-share = 0.6
current-reasons = true
languages = ["zh"]
baseline = "doclint-baseline.json"

[rules]
DL003 = "advice"
unknown-code = "off"

[canonical.400]
description = "请求参数错误。"
reason = "Bad Request"

[[service]]
paths = ["legacy/**"]
name = "ecs"

[[overrides]]
paths = ["legacy/**"]
rules = { DL001 = "off" }
"#;
        let l = parse(Path::new("doclint.toml"), text).unwrap();
        assert_eq!(l.rules[&Rule::UnknownCode], Level::Off);
        assert_eq!(l.pins[&400].description.as_deref(), Some("请求参数错误。"));
        assert_eq!(l.overrides.len(), 1);
        assert!(l.exclude.is_match("a/LICENSE.md"));
    }
}
