//! `doclint model`: the canonical model as a readable table and a
//! code × service coverage matrix, or as JSON.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::lint::Outcome;
use crate::model::{CodeModel, Election, TieKind, Variant, wording};
use crate::parse::page::Lang;

#[derive(Serialize)]
struct ModelJson<'a> {
    version: u32,
    pages: Vec<PageJson<'a>>,
    codes: Vec<CodeJson<'a>>,
    /// Per service, its operations (added).
    operations: Vec<super::ops::ServiceJson<'a>>,
}

#[derive(Serialize)]
struct PageJson<'a> {
    path: &'a str,
    service: &'a str,
    title: &'a str,
    codes: Vec<u16>,
}

#[derive(Serialize)]
struct CanonicalJson<'a> {
    /// `null` when a tie elected nothing (`source` is then `tie`).
    description: Option<&'a str>,
    source: &'static str,
    pages: usize,
    services: usize,
}

#[derive(Serialize)]
struct VariantJson<'a> {
    description: &'a str,
    pages: Vec<&'a str>,
    services: &'a [String],
}

#[derive(Serialize)]
struct TieJson<'a> {
    /// `wording` or `form`.
    kind: &'static str,
    /// The tied texts.
    texts: Vec<VariantJson<'a>>,
}

#[derive(Serialize)]
struct TranslationJson<'a> {
    lang: &'static str,
    canonical: CanonicalJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tie: Option<TieJson<'a>>,
    variants: Vec<VariantJson<'a>>,
}

#[derive(Serialize)]
struct CodeJson<'a> {
    code: u16,
    reason: Option<&'static str>,
    canonical: Option<CanonicalJson<'a>>,
    /// Present when a tie elected nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    tie: Option<TieJson<'a>>,
    variants: Vec<VariantJson<'a>>,
    missing_in: Vec<&'a str>,
    /// Elections in other languages than the main one, if any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    other_languages: Vec<TranslationJson<'a>>,
}

/// The language a code's main election is in: the one most pages use.
fn main_election(cm: &CodeModel) -> Option<(Lang, &Election)> {
    cm.descriptions
        .iter()
        .max_by_key(|(lang, e)| {
            let n = e.pages.len() + e.variants.iter().map(|v| v.pages.len()).sum::<usize>();
            (n, std::cmp::Reverse(**lang))
        })
        .map(|(l, e)| (*l, e))
}

fn canonical_json(e: &Election) -> CanonicalJson<'_> {
    CanonicalJson {
        description: e.canonical.as_deref(),
        source: e.source.as_str(),
        pages: e.pages.len(),
        services: e.services.len(),
    }
}

fn variant_json<'a>(outcome: &'a Outcome, v: &'a Variant) -> VariantJson<'a> {
    VariantJson {
        description: &v.text,
        pages: v
            .pages
            .iter()
            .map(|&i| outcome.docs[i].path.as_str())
            .collect(),
        services: &v.services,
    }
}

fn variants_json<'a>(outcome: &'a Outcome, e: &'a Election) -> Vec<VariantJson<'a>> {
    e.variants
        .iter()
        .map(|v| variant_json(outcome, v))
        .collect()
}

fn tie_json<'a>(outcome: &'a Outcome, e: &'a Election) -> Option<TieJson<'a>> {
    let tie = e.tie.as_ref()?;
    Some(TieJson {
        kind: match tie.kind {
            TieKind::Wording => "wording",
            TieKind::Form => "form",
        },
        texts: tie.texts.iter().map(|v| variant_json(outcome, v)).collect(),
    })
}

/// The model as JSON (SPEC.md §5).
pub fn render_json(outcome: &Outcome) -> String {
    let pages = outcome
        .status_docs()
        .iter()
        .map(|d| PageJson {
            path: &d.path,
            service: &d.service,
            title: &d.page.title,
            codes: d.page.rows.iter().map(|r| r.code).collect(),
        })
        .collect();
    let codes = outcome
        .model
        .codes
        .values()
        .map(|cm| {
            let main = main_election(cm);
            CodeJson {
                code: cm.code,
                reason: cm.reason,
                canonical: main.map(|(_, e)| canonical_json(e)),
                tie: main.and_then(|(_, e)| tie_json(outcome, e)),
                variants: main
                    .map(|(_, e)| variants_json(outcome, e))
                    .unwrap_or_default(),
                missing_in: (0..outcome.status_docs().len())
                    .filter(|i| !cm.pages.contains(i))
                    .map(|i| outcome.docs[i].path.as_str())
                    .collect(),
                other_languages: cm
                    .descriptions
                    .iter()
                    .filter(|(l, _)| Some(**l) != main.map(|m| m.0))
                    .map(|(l, e)| TranslationJson {
                        lang: l.as_str(),
                        canonical: canonical_json(e),
                        tie: tie_json(outcome, e),
                        variants: variants_json(outcome, e),
                    })
                    .collect(),
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&ModelJson {
        version: 1,
        pages,
        codes,
        operations: super::ops::json(outcome),
    })
    .expect("serializable");
    out.push('\n');
    out
}

/// How a service documents a code, for the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coverage {
    /// Not documented.
    Missing,
    /// Documented without a description.
    NoDescription,
    /// The canonical text.
    Canonical,
    /// The canonical wording, other punctuation.
    Punctuation,
    /// Other wording.
    Different,
}

impl Coverage {
    /// The symbol shown in the terminal matrix.
    pub fn symbol(self) -> &'static str {
        match self {
            Coverage::Missing => "·",
            Coverage::NoDescription => "○",
            Coverage::Canonical => "●",
            Coverage::Punctuation => "◐",
            Coverage::Different => "✗",
        }
    }
}

/// Coverage of every (code, service): the worst cell over the service's pages.
pub fn coverage(outcome: &Outcome) -> (Vec<String>, BTreeMap<(u16, usize), Coverage>) {
    let services: Vec<String> = outcome
        .status_docs()
        .iter()
        .map(|d| d.service.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut cells = BTreeMap::new();
    for d in outcome.status_docs() {
        let s = services.binary_search(&d.service).expect("listed");
        for row in &d.page.rows {
            let cm = &outcome.model.codes[&row.code];
            let c = match &row.description {
                None => Coverage::NoDescription,
                Some(cell) => {
                    let text = cell.text();
                    match cm.descriptions.get(&Lang::of(&text)) {
                        Some(e) if e.canonical.as_ref() == Some(&text) => Coverage::Canonical,
                        Some(e) if e.canonical.as_deref().map(wording) == Some(wording(&text)) => {
                            Coverage::Punctuation
                        }
                        _ => Coverage::Different,
                    }
                }
            };
            let slot = cells.entry((row.code, s)).or_insert(c);
            *slot = (*slot).max(c);
        }
    }
    (services, cells)
}

fn pad(s: &str, w: usize) -> String {
    let n = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(n)))
}

fn cut(s: &str, w: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if n + cw > w.saturating_sub(1) {
            out.push('…');
            return out;
        }
        n += cw;
        out.push(c);
    }
    out
}

/// The model as a readable table, then the coverage matrix, fitting `width`
/// columns (services are split into several blocks when they do not fit).
pub fn render_human(outcome: &Outcome, width: usize) -> String {
    let mut out = String::new();
    let n = outcome.status_docs().len();
    out.push_str(&format!(
        "Canonical model of {} code{} from {} status page{} ({} service{})\n\n",
        outcome.model.codes.len(),
        if outcome.model.codes.len() == 1 {
            ""
        } else {
            "s"
        },
        n,
        if n == 1 { "" } else { "s" },
        outcome.services(),
        if outcome.services() == 1 { "" } else { "s" },
    ));
    let desc_w = width.saturating_sub(5 + 32 + 12 + 6).clamp(20, 80);
    out.push_str(&format!(
        "{} {} {} {}\n",
        pad("code", 4),
        pad("reason", 31),
        pad("services", 11),
        "canonical description (variants)"
    ));
    for cm in outcome.model.codes.values() {
        let reason = cm.reason.unwrap_or("(unregistered)");
        let (desc, variants) = match main_election(cm) {
            Some((_, e)) => match (&e.canonical, &e.tie) {
                (Some(c), _) => (c.replace('\n', " ⏎ "), e.variants.len()),
                (None, Some(tie)) => (
                    format!("TIE, nothing elected: {} texts tie", tie.texts.len()),
                    e.variants.len() - tie.texts.len(),
                ),
                (None, None) => ("-".to_string(), e.variants.len()),
            },
            None => ("-".to_string(), 0),
        };
        let tail = if variants > 0 {
            format!(" (+{variants})")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{} {} {} {}{}\n",
            pad(&cm.code.to_string(), 4),
            pad(&cut(reason, 31), 31),
            pad(
                &format!("{}/{}", cm.services.len(), outcome.model.service_count),
                11
            ),
            cut(&desc, desc_w),
            tail
        ));
    }
    out.push('\n');
    out.push_str(&matrix(outcome, width));
    out.push_str(&super::ops::render_human(outcome, width));
    out
}

/// The code × service matrix, services as columns, wrapped into blocks.
pub fn matrix(outcome: &Outcome, width: usize) -> String {
    let (services, cells) = coverage(outcome);
    let codes: Vec<u16> = outcome.model.codes.keys().copied().collect();
    let mut out = String::new();
    out.push_str("Coverage: ● canonical  ◐ punctuation differs  ✗ other wording  ○ no description  · missing\n");
    if services.is_empty() {
        return out;
    }
    // Each service column is as wide as its name, at least 3.
    let col_w: Vec<usize> = services
        .iter()
        .map(|s| UnicodeWidthStr::width(cut(s, 12).as_str()).max(3))
        .collect();
    let mut start = 0;
    while start < services.len() {
        let mut used = 5;
        let mut end = start;
        while end < services.len() && (end == start || used + col_w[end] < width) {
            used += col_w[end] + 1;
            end += 1;
        }
        out.push('\n');
        out.push_str("code ");
        for (service, w) in services[start..end].iter().zip(&col_w[start..end]) {
            out.push_str(&pad(&cut(service, 12), *w));
            out.push(' ');
        }
        while out.ends_with(' ') {
            out.pop();
        }
        out.push('\n');
        for code in &codes {
            out.push_str(&pad(&code.to_string(), 5));
            for (i, w) in col_w.iter().enumerate().take(end).skip(start) {
                let c = cells.get(&(*code, i)).copied().unwrap_or(Coverage::Missing);
                out.push_str(&pad(c.symbol(), *w));
                out.push(' ');
            }
            // No trailing spaces.
            while out.ends_with(' ') {
                out.pop();
            }
            out.push('\n');
        }
        start = end;
    }
    out
}
