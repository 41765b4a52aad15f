//! Baselines: today's findings, recorded so that a gate can be adopted on a
//! tree with years of legacy divergences and report only new ones.
//!
//! A finding is keyed by rule, service, code and the text found (what a
//! reader sees), not by line or path: edits elsewhere in a page, or moving
//! the page, do not invalidate the baseline. Keys are counted, so a second
//! identical divergence in the same service is still new.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::Doc;
use crate::rules::Finding;

/// The baseline's file name unless the config names another.
pub const DEFAULT_FILE: &str = "doclint-baseline.json";

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Entry {
    /// Rule id.
    pub rule: String,
    /// Service.
    pub service: String,
    /// Status code, if the finding is about one.
    pub code: Option<u16>,
    /// What a reader sees at the finding, if anything.
    pub text: Option<String>,
    /// Where it was when recorded, relative to the project root (for
    /// people; not part of the key).
    pub path: String,
}

/// The file as written.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// Format version, 1.
    pub version: u32,
    /// The findings, sorted.
    pub findings: Vec<Entry>,
}

type Key = (String, String, Option<u16>, Option<String>);

/// A loaded baseline.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    counts: BTreeMap<Key, usize>,
}

fn entry(f: &Finding, doc: &Doc) -> Entry {
    Entry {
        rule: f.rule.id().to_string(),
        service: doc.service.clone(),
        code: f.code,
        text: f.text.clone(),
        path: doc.rel.clone(),
    }
}

fn key(e: &Entry) -> Key {
    (e.rule.clone(), e.service.clone(), e.code, e.text.clone())
}

/// The baseline file for `findings`, as JSON.
pub fn render(findings: &[Finding], docs: &[Doc]) -> String {
    let mut entries: Vec<Entry> = findings.iter().map(|f| entry(f, &docs[f.doc])).collect();
    entries.sort();
    let mut out = serde_json::to_string_pretty(&File {
        version: 1,
        findings: entries,
    })
    .expect("serializable");
    out.push('\n');
    out
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read the baseline: {e}", path.display()))?;
        let file: File = serde_json::from_str(&text)
            .map_err(|e| format!("{}: not a doclint baseline: {e}", path.display()))?;
        if file.version != 1 {
            return Err(format!(
                "{}: baseline version {} is not supported",
                path.display(),
                file.version
            ));
        }
        let mut counts = BTreeMap::new();
        for e in &file.findings {
            *counts.entry(key(e)).or_default() += 1;
        }
        Ok(Baseline { counts })
    }

    /// Keeps the findings that are not in the baseline.
    pub fn filter(&self, findings: &mut Vec<Finding>, docs: &[Doc]) {
        let mut left = self.counts.clone();
        findings.retain(|f| {
            let k = key(&entry(f, &docs[f.doc]));
            match left.get_mut(&k) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
    }
}
