//! The per-service model of operations: for every service, how many
//! operations (operation tables) return each code, and for 4xx and 5xx codes the
//! wording the service's operations agree on: the DL001 election, scoped to
//! the service and counting operation tables, won only by a wording more
//! than half of them and at least [`MIN_AGREEING`] write (see [`elect`]).
//! 2xx and 3xx descriptions are operation-specific (`删除成功。`) and are
//! not elected.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Doc, Source, Variant, wording};
use crate::parse::page::{Lang, Row};
use crate::parse::text::Cell;

/// The wording of one code in one language across a service's operations.
#[derive(Debug, Clone)]
pub struct OpElection {
    /// The canonical text; `None` when no wording has the majority of the
    /// operation tables (at least [`MIN_AGREEING`]) or two forms tie.
    pub canonical: Option<String>,
    /// Majority or pinned.
    pub source: Source,
    /// Every text with the operations (doc indexes) writing it, the one
    /// most operation tables write first (the canonical one included).
    pub variants: Vec<Variant>,
    /// The wording of each variant, in the same order.
    pub wordings: Vec<String>,
    /// How many operation tables write each variant, in the same order (a
    /// page may hold several operations, a table each).
    pub tables: Vec<usize>,
}

impl OpElection {
    /// Operations that use the canonical text exactly.
    pub fn pages(&self) -> &[usize] {
        self.canonical
            .as_ref()
            .and_then(|c| self.variants.iter().find(|v| &v.text == c))
            .map_or(&[], |v| &v.pages)
    }

    /// How many operation tables write `text`.
    pub fn tables_writing(&self, text: &str) -> usize {
        self.variants
            .iter()
            .zip(&self.tables)
            .find(|(v, _)| v.text == text)
            .map_or(0, |(_, n)| *n)
    }
}

/// One code in one service.
#[derive(Debug, Clone, Default)]
pub struct OpCode {
    /// How many operation tables return it (a page may document several
    /// operations, a table each): what the election counts.
    pub tables: usize,
    /// The election per language (4xx and 5xx only).
    pub descriptions: BTreeMap<Lang, OpElection>,
}

/// One service's operations.
#[derive(Debug, Clone, Default)]
pub struct ServiceOps {
    /// How many API pages it has (each with one operation's tables or
    /// more).
    pub operations: usize,
    /// Every code its operations return.
    pub codes: BTreeMap<u16, OpCode>,
}

/// Pinned wordings: (service, code) → text.
pub type ServicePins = BTreeMap<(String, u16), String>;

/// The model of every service's operations.
#[derive(Debug, Clone, Default)]
pub struct OpsModel {
    /// By service name.
    pub services: BTreeMap<String, ServiceOps>,
}

/// Whether descriptions of `code` are elected (4xx and 5xx).
pub fn elected(code: u16) -> bool {
    (400..600).contains(&code)
}

/// The description of `row` as the election reads it, with its language:
/// `None` for a code whose descriptions are not elected, or an empty cell.
pub fn elected_description(row: &Row) -> Option<(&Cell, String, Lang)> {
    if !elected(row.code) {
        return None;
    }
    let cell = row.description.as_ref()?;
    let text = cell.text();
    let lang = description_lang(&text)?;
    Some((cell, text, lang))
}

/// Whether a description says no more than its code's reason phrase
/// (`Not Found`, `Unauthorized.`): openapi-generator's description column
/// gives the phrase for some operations and a cause for others (`Project
/// with provided ID was not found`). The phrase is no wording of its own:
/// it is never elected (a cause is not "fixed" into it), though the
/// operations giving it count among those that describe the code.
/// Another code's phrase is never elected either
/// ([`another_codes_phrase`]).
pub(crate) fn only_reason_phrase(text: &str, code: u16) -> bool {
    crate::registry::lookup(code).is_some()
        && crate::parse::page::reason_like(text.trim().trim_end_matches(['.', '。']), code)
}

/// Whether a description is another code's reason phrase, and not its own
/// (`403 | Bad request`, the phrase of 400): a row copied and its code
/// changed. Never elected, even where most operations write it (FactSet's
/// SDK docs: 403 `Bad request` on three operations of four, and the fourth,
/// `Access denied.`, "fixed" into it). `Unauthorized` for 403 is no copy:
/// it says what 403 means (not authorized), as APIs often write it.
pub(crate) fn another_codes_phrase(text: &str, code: u16) -> bool {
    phrase_owner(text, code).is_some()
}

/// The code whose registered reason phrase (or former one) `text` is, when
/// that is not `code`'s own (see [`another_codes_phrase`]).
pub(crate) fn phrase_owner(text: &str, code: u16) -> Option<u16> {
    let t = text.trim().trim_end_matches(['.', '。']);
    if t.len() > 40 || only_reason_phrase(text, code) {
        return None;
    }
    crate::registry::REGISTRY
        .iter()
        .find(|s| {
            s.code != code
                && !matches!((s.code, code), (401, 403) | (403, 401))
                && std::iter::once(s.reason)
                    .chain(s.former.iter().copied())
                    .any(|r| r.eq_ignore_ascii_case(t))
        })
        .map(|s| s.code)
}

/// The language of a description the election reads: `None` for an empty
/// one (white space only).
pub fn description_lang(text: &str) -> Option<Lang> {
    (!text.trim().is_empty()).then(|| Lang::of(text))
}

impl OpsModel {
    /// Builds the model from the operation docs `docs[from..]`.
    pub fn build(docs: &[Doc], from: usize, pins: &ServicePins) -> OpsModel {
        // service → code → (operation tables returning it, lang → text → tables writing it)
        type Texts = BTreeMap<String, BTreeSet<(usize, usize)>>;
        type Codes = BTreeMap<u16, (BTreeSet<(usize, usize)>, BTreeMap<Lang, Texts>)>;
        let mut raw: BTreeMap<&str, Codes> = BTreeMap::new();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (i, d) in docs.iter().enumerate().skip(from) {
            *counts.entry(&d.service).or_default() += 1;
            let codes = raw.entry(&d.service).or_default();
            let first = first_copies(d);
            for row in &d.page.rows {
                // A copy counts as the table it copies.
                let table = first.get(row.table).copied().unwrap_or(row.table);
                let entry = codes.entry(row.code).or_default();
                entry.0.insert((i, table));
                let Some((_, text, lang)) = elected_description(row) else {
                    continue;
                };
                entry
                    .1
                    .entry(lang)
                    .or_default()
                    .entry(text)
                    .or_default()
                    .insert((i, table));
            }
        }
        let mut services = BTreeMap::new();
        for (service, codes) in raw {
            let mut out = ServiceOps {
                operations: counts[service],
                codes: BTreeMap::new(),
            };
            for (code, (tables, langs)) in codes {
                let mut descriptions = BTreeMap::new();
                for (lang, texts) in langs {
                    let pin = pins
                        .get(&(service.to_string(), code))
                        .filter(|p| Lang::of(p) == lang);
                    descriptions.insert(lang, elect(texts, pin, code));
                }
                out.codes.insert(
                    code,
                    OpCode {
                        tables: tables.len(),
                        descriptions,
                    },
                );
            }
            services.insert(service.to_string(), out);
        }
        OpsModel { services }
    }

    /// The election of `code` in `lang` for `service`.
    pub fn election(&self, service: &str, code: u16, lang: Lang) -> Option<&OpElection> {
        self.services
            .get(service)?
            .codes
            .get(&code)?
            .descriptions
            .get(&lang)
    }
}

/// For each table of `doc`'s page, the table it copies, or itself: a table
/// with the same rows (codes, reason phrases and descriptions, in order) as
/// the table right above it, with only a few marks between them (`:::`,
/// `::: zh-CN`, `</TabItem>`) and no heading. A page in two languages'
/// blocks, or tabs, gives one operation's table twice: one operation,
/// counted once. Operations of one page with the same responses are each
/// under a heading of their own.
fn first_copies(doc: &Doc) -> Vec<usize> {
    let page = &doc.page;
    let text = |c: &Option<Cell>| c.as_ref().map(Cell::text);
    // Each table's rows: code, reason phrase, description.
    type Rows = Vec<(u16, Option<String>, Option<String>)>;
    let mut rows: Vec<Rows> = vec![Vec::new(); page.tables.len()];
    for row in &page.rows {
        if let Some(t) = rows.get_mut(row.table) {
            t.push((row.code, text(&row.reason), text(&row.description)));
        }
    }
    let mut first: Vec<usize> = (0..rows.len()).collect();
    for t in 1..rows.len() {
        let (above, this) = (page.tables[t - 1].span, page.tables[t].span);
        let between = (above.end <= this.start)
            .then(|| doc.src.get(crate::source::Span::new(above.end, this.start)))
            .flatten();
        let marks_only = between.is_some_and(|b| {
            b.trim().len() <= 80 && !b.lines().any(|l| l.trim_start().starts_with('#'))
        });
        if marks_only && !rows[t].is_empty() && rows[t] == rows[t - 1] {
            first[t] = first[t - 1];
        }
    }
    first
}

/// The fewest operation tables that must write a wording for it to be a
/// service's: two pages of one folder that happen to agree (a folder may
/// hold several products, each with its own codes) are no convention.
pub const MIN_AGREEING: usize = 3;

/// The election among `texts` (text → the operation tables writing it, as
/// (doc, table)): the wording more than half of the tables writing the code
/// use, and within it the form used by most; a tie between forms elects
/// nothing. Without such a majority nothing is elected either: when a
/// service's operations word a code each their own way (`组织不存在` /
/// `镜像不存在` for 404, each naming its resource), the texts are
/// operation-specific, not drift, and nothing is reported. Tables are
/// counted, not pages: a page may document several operations, a table
/// each (a page's 2xx and 4xx tables never both hold a 4xx code). A
/// wording that is only the code's reason phrase, or another code's, is
/// never elected (see [`only_reason_phrase`], [`another_codes_phrase`]).
fn elect(
    texts: BTreeMap<String, BTreeSet<(usize, usize)>>,
    pin: Option<&String>,
    code: u16,
) -> OpElection {
    let mut counted: Vec<(Variant, BTreeSet<(usize, usize)>)> = texts
        .into_iter()
        .map(|(text, tables)| {
            let mut pages: Vec<usize> = tables.iter().map(|(doc, _)| *doc).collect();
            pages.dedup();
            let variant = Variant {
                text,
                pages,
                services: Vec::new(),
            };
            (variant, tables)
        })
        .collect();
    counted.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.text.cmp(&b.0.text)));
    let (variants, tables): (Vec<Variant>, Vec<BTreeSet<(usize, usize)>>) =
        counted.into_iter().unzip();
    let worded: Vec<String> = variants.iter().map(|v| wording(&v.text)).collect();
    let counts: Vec<usize> = tables.iter().map(BTreeSet::len).collect();
    if let Some(pin) = pin {
        return OpElection {
            canonical: Some(pin.clone()),
            source: Source::Pinned,
            variants,
            wordings: worded,
            tables: counts,
        };
    }
    let mut wordings: BTreeMap<&str, BTreeSet<(usize, usize)>> = BTreeMap::new();
    for ((w, t), v) in worded.iter().zip(&tables).zip(&variants) {
        if !only_reason_phrase(&v.text, code) && !another_codes_phrase(&v.text, code) {
            wordings.entry(w).or_default().extend(t.iter().copied());
        }
    }
    let mut ranked: Vec<(usize, &str)> = wordings.iter().map(|(w, p)| (p.len(), *w)).collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    // The tables writing the code (one may write two texts for it).
    let writing: BTreeSet<(usize, usize)> = tables.iter().flatten().copied().collect();
    let canonical = match ranked.as_slice() {
        [] => None,
        [(n, _), ..] if 2 * n <= writing.len() || *n < MIN_AGREEING => None,
        [(_, w), ..] => {
            // Within the wording, as on status pages: the form most
            // operations use, a tie electing nothing, and a form with
            // half-width marks in Chinese never winning over one with fewer.
            let mut forms: Vec<(&Variant, usize)> = variants
                .iter()
                .zip(tables.iter().map(BTreeSet::len))
                .zip(&worded)
                .filter(|(_, v)| v.as_str() == *w)
                .map(|(f, _)| f)
                .collect();
            let marks = |v: &Variant| crate::model::half_width_marks(&v.text);
            let fewest = forms.iter().map(|(v, _)| marks(v)).min().unwrap_or(0);
            let tied = |f: &[(&Variant, usize)]| f.len() > 1 && f[0].1 == f[1].1;
            if marks(forms[0].0) > fewest && !tied(&forms) {
                forms.retain(|(v, _)| marks(v) == fewest);
            }
            (!tied(&forms)).then(|| forms[0].0.text.clone())
        }
    };
    OpElection {
        canonical,
        source: Source::Majority,
        variants,
        wordings: worded,
        tables: counts,
    }
}
