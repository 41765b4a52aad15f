//! The rules on operation tables: DL010 operation-description-mismatch,
//! DL011 operation-punctuation-mismatch, DL012 copied-description and
//! DL013 undocumented-code. DL004–DL008 run on operation tables as they are
//! (see [`crate::rules::check_tables`]).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::model::{
    MIN_AGREEING, OpElection, OpsModel, description_lang, elected, only_reason_phrase, phrase_owner,
};
use crate::fix::{Applicability, Fix, minimal_edits, replace_cell};
use crate::model::{Doc, Model, wording};
use crate::parse::page::{self, Lang};
use crate::rules::{
    Finding, Related, Rule, Severity, mark_differences, one_line, settle_final_stops,
};

/// What the operation rules read.
pub struct OpsContext<'a> {
    /// Status pages first, then operations from `from`.
    pub docs: &'a [Doc],
    /// Where the operations start in `docs`.
    pub from: usize,
    /// The status-page model.
    pub model: &'a Model,
    /// The per-service model of operations.
    pub ops: &'a OpsModel,
}

/// `N operations` with the pages' count.
fn operations(n: usize) -> String {
    format!("{n} operation{}", if n == 1 { "" } else { "s" })
}

/// A 4xx or 5xx text a page may have copied, with its code; `pages` are
/// the operations writing it when it is an operation wording (a page does
/// not copy its own text).
struct Known<'a> {
    code: u16,
    text: String,
    pages: Option<&'a [usize]>,
}

/// The texts of 4xx and 5xx codes a page of `service` may have copied: the
/// status pages' canonical texts, the texts the service's own status page
/// gives, and the service's operation wordings. Built once per service and
/// language.
fn known_texts<'a>(
    ctx: &OpsContext<'a>,
    service_texts: Option<&BTreeSet<(u16, String)>>,
    service: &str,
    lang: Lang,
) -> Vec<Known<'a>> {
    let mut out = Vec::new();
    for (code, m) in &ctx.model.codes {
        if let Some(e) = m.descriptions.get(&lang)
            && let Some(canonical) = &e.canonical
            && elected(*code)
        {
            out.push(Known {
                code: *code,
                text: wording(canonical),
                pages: None,
            });
        }
    }
    out.extend(
        service_texts
            .into_iter()
            .flatten()
            .map(|(code, text)| Known {
                code: *code,
                text: text.clone(),
                pages: None,
            }),
    );
    if let Some(s) = ctx.ops.services.get(service) {
        for (code, c) in &s.codes {
            let Some(e) = c.descriptions.get(&lang) else {
                continue;
            };
            match &e.canonical {
                Some(t) => out.push(Known {
                    code: *code,
                    text: wording(t),
                    pages: Some(e.pages()),
                }),
                None => out.extend(agreed_phrase(e, *code).map(|at| Known {
                    code: *code,
                    text: e.wordings[at].clone(),
                    pages: Some(&e.variants[at].pages),
                })),
            }
        }
    }
    out
}

/// The code's reason phrase where most of the operations describing it
/// write it (`500 | Internal server error` in an SDK's docs): never elected
/// as the service's wording (a specific cause is not "fixed" into it), but
/// a text of this code that another code's row may have copied (`415 |
/// Internal server error`). The variant of its most used form.
fn agreed_phrase(e: &OpElection, code: u16) -> Option<usize> {
    let at = e
        .variants
        .iter()
        .position(|v| only_reason_phrase(&v.text, code))?;
    let w = &e.wordings[at];
    let n: usize = e
        .wordings
        .iter()
        .zip(&e.tables)
        .filter(|(v, _)| *v == w)
        .map(|(_, n)| n)
        .sum();
    let all: usize = e.tables.iter().sum();
    (n >= MIN_AGREEING && 2 * n > all).then_some(at)
}

/// The first cell in another operation of the service that uses `text` for
/// `code`.
fn cell_using(ctx: &OpsContext<'_>, code: u16, text: &str, pages: &[usize]) -> Option<Related> {
    crate::rules::cell_using(ctx.docs, code, text, pages, "the service's wording")
}

/// Whether `found` is a reason phrase gone wrong: close to its code's
/// (`Accept`), its code's words in another order (`Server Internal
/// Error`), or another code's phrase (`403 | Unauthorized`, `201 | OK`).
fn some_reason_phrase(found: &str, code: u16) -> bool {
    fn words(s: &str) -> Vec<String> {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(str::to_ascii_lowercase)
            .collect();
        w.sort();
        w
    }
    // Every registered phrase, current and former, as sorted words.
    static PHRASES: std::sync::LazyLock<Vec<Vec<String>>> = std::sync::LazyLock::new(|| {
        crate::registry::REGISTRY
            .iter()
            .flat_map(|s| std::iter::once(s.reason).chain(s.former.iter().copied()))
            .map(words)
            .collect()
    });
    // Latin words only, at most six: a phrase, not a sentence (most cells
    // are turned down here, without allocating).
    if found.trim().is_empty()
        || !found
            .chars()
            .all(|c| c.is_ascii_alphabetic() || matches!(c, ' ' | '-' | '\''))
        || found.split_whitespace().count() > 6
    {
        return false;
    }
    if crate::parse::page::reason_like(found, code) {
        return true;
    }
    let found = words(found);
    PHRASES.contains(&found)
}

/// Whether `reason` was read from the start of `description`'s own cell,
/// before a dash or colon (`Unauthorized - Invalid API key`): only such
/// marks stand between them.
fn opens_cell(
    src: &crate::source::SourceText,
    reason: &crate::parse::text::Cell,
    description: &crate::parse::text::Cell,
) -> bool {
    let (Some(r), Some(d)) = (reason.span(), description.span()) else {
        return false;
    };
    r.end <= d.start
        && src
            .get(crate::source::Span::new(r.end, d.start))
            .is_some_and(|between| {
                let t = between.trim();
                !t.is_empty() && t.chars().all(|c| matches!(c, '-' | '—' | '–' | ':' | '：'))
            })
}

/// DL004 on operation tables whose only text column holds reason phrases
/// (`200 | OK`, `400 | Bad Request`, `500 | Server Internal Error`): the
/// page reader takes that column as descriptions in a table where a cell is
/// not its code's phrase, but most of the page's cells read as reason
/// phrases, so each is checked as one. The tables of a page are told
/// together, as a generator writes them all alike: one operation's table
/// of one row (`200 | Accepted`) is checked beside the others of its page.
/// Returns the cells reported (document, start): a reason phrase gone
/// wrong is no wording of the service's to compare (DL010–DL012).
fn reason_columns(ctx: &OpsContext<'_>, out: &mut Vec<Finding>) -> BTreeSet<(usize, usize)> {
    let mut taken = BTreeSet::new();
    use crate::registry::{ReasonCheck, check_reason, lookup};
    for (i, doc) in ctx.docs.iter().enumerate().skip(ctx.from) {
        let tables = &doc.page.tables;
        // Two columns: a code and its text; a column of the response's
        // headers (openapi-generator's `Response headers`, `-` in most
        // rows) is neither. Beside another column (`Status Code | Body
        // Type | Description`, as OpenAPI generators write it) the text is
        // a description, even when it is a phrase in sentence case
        // (`Internal server error`).
        let plain: Vec<bool> = tables
            .iter()
            .map(|t| t.header.iter().filter(|h| !page::names_headers(h)).count() <= 2)
            .collect();
        let rows: Vec<_> = doc.page.rows.iter().filter(|r| plain[r.table]).collect();
        let like = rows
            .iter()
            .filter(|r| match &r.description {
                None => r.reason.is_some(),
                Some(c) => r.reason.is_none() && some_reason_phrase(&c.text(), r.code),
            })
            .count();
        if like < 2 || like * 2 < rows.len() {
            continue;
        }
        // A row with a reason phrase read (its column read as phrases, each
        // its code's, or `Forbidden - User is not authorized`) has it
        // checked by DL004 as a status table's.
        for r in rows.into_iter().filter(|r| r.reason.is_none()) {
            let (Some(cell), Some(status)) = (&r.description, lookup(r.code)) else {
                continue;
            };
            if cell
                .span()
                .is_some_and(|s| crate::rules::written_as_code(&doc.src, s))
            {
                continue;
            }
            let found = cell.text();
            // Latin words only, at most four: a phrase, not a sentence.
            if !found
                .chars()
                .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '-')
                || found.split_whitespace().count() > 4
            {
                continue;
            }
            let (expected, applicability, how) = match check_reason(status, &found, true) {
                ReasonCheck::Registered => continue,
                ReasonCheck::CaseOrSpacing { expected } => {
                    (expected, Applicability::Safe, "only in case or spacing")
                }
                // A description among reason phrases (`400 | Missing
                // or invalid inputs` beside `403 | Forbidden`) is not a
                // reason phrase written wrong.
                ReasonCheck::Different { .. } if !some_reason_phrase(&found, r.code) => {
                    continue;
                }
                ReasonCheck::Different { expected } => {
                    (expected, Applicability::Unsafe, "in its words")
                }
            };
            let span = cell.span().unwrap_or(r.code_span);
            taken.insert((i, span.start));
            let kind = tables[r.table].kind;
            let fix = replace_cell(cell, expected, kind).map(|e| Fix::new(applicability, e));
            out.push(Finding {
                rule: Rule::ReasonPhrase,
                severity: Severity::Warning,
                doc: i,
                span,
                code: Some(r.code),
                message: format!(
                    "reason phrase of {} differs from the registered one {how}: `{found}` should be `{expected}`",
                    r.code
                ),
                label: format!("expected: {expected}"),
                text: Some(found.clone()),
                expected: Some(expected.to_string()),
                fix,
                notes: vec![
                    format!("registered: {} {}", status.code, status.reason),
                    "the only text column of this page's status tables holds reason phrases"
                        .into(),
                ],
                related: None,
            });
        }
    }
    taken
}

/// Runs DL010–DL013 on the operations, and DL004 on reason phrases
/// written in a table's description column.
pub fn check(ctx: &OpsContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    // Cells DL004 reports as a reason phrase gone wrong (`415 | Internal
    // server error` in a column of phrases): not compared again as a
    // wording or a copy (DL010–DL012), whose fixes would fight DL004's.
    let phrased = reason_columns(ctx, &mut out);
    // Codes each service's status pages document.
    let mut documented: BTreeMap<&str, BTreeSet<u16>> = BTreeMap::new();
    for d in &ctx.docs[..ctx.from] {
        documented
            .entry(&d.service)
            .or_default()
            .extend(d.page.rows.iter().map(|r| r.code));
    }
    // The wordings each service's status pages give each code.
    let mut status_texts: BTreeMap<&str, BTreeSet<(u16, String)>> = BTreeMap::new();
    for d in &ctx.docs[..ctx.from] {
        for r in &d.page.rows {
            if let Some(c) = &r.description
                && elected(r.code)
            {
                status_texts
                    .entry(&d.service)
                    .or_default()
                    .insert((r.code, wording(&c.text())));
            }
        }
    }
    // Each service's known texts, with where each wording is among them.
    type Index<'a> = (Vec<Known<'a>>, HashMap<String, Vec<usize>>);
    let mut known: BTreeMap<(&str, Lang), Index<'_>> = BTreeMap::new();
    // The wording of each text, worked out once: most operations of a
    // service write the same few texts.
    let mut wordings: HashMap<String, String> = HashMap::new();
    for (i, doc) in ctx.docs.iter().enumerate().skip(ctx.from) {
        // Each row's description and its wording, once.
        let described: Vec<Option<(String, String)>> = doc
            .page
            .rows
            .iter()
            .map(|r| {
                r.description.as_ref().map(|d| {
                    let text = d.text();
                    let w = match wordings.get(&text) {
                        Some(w) => w.clone(),
                        None => {
                            let w = wording(&text);
                            wordings.insert(text.clone(), w.clone());
                            w
                        }
                    };
                    (text, w)
                })
            })
            .collect();
        // Codes a table lists once per cause (`400 | 参数错误`, `400 |
        // 签名错误`): the causes are not other wordings of the code.
        let mut texts_of: BTreeMap<(usize, u16), BTreeSet<&str>> = BTreeMap::new();
        for (r, d) in doc.page.rows.iter().zip(&described) {
            if let Some((_, w)) = d {
                texts_of.entry((r.table, r.code)).or_default().insert(w);
            }
        }
        for (row, described) in doc.page.rows.iter().zip(&described) {
            // A status page of errors only (no 2xx at all) leaves out the
            // successes by design: only codes of a class it lists count.
            if let Some(codes) = documented.get(doc.service.as_str())
                && !codes.contains(&row.code)
                && codes.iter().any(|c| c / 100 == row.code / 100)
            {
                let n = ctx
                    .ops
                    .services
                    .get(&doc.service)
                    .and_then(|s| s.codes.get(&row.code))
                    .map_or(1, |c| c.tables);
                out.push(Finding {
                    rule: Rule::UndocumentedCode,
                    severity: Severity::Warning,
                    doc: i,
                    span: row.code_span,
                    code: Some(row.code),
                    message: format!(
                        "{} is returned by this operation but {}'s status-code page does not document it",
                        row.code, doc.service
                    ),
                    label: "not on the service's status-code page".into(),
                    text: Some(row.code.to_string()),
                    expected: None,
                    fix: None,
                    notes: vec![format!(
                        "{} of {} return {}",
                        operations(n),
                        doc.service,
                        row.code
                    )],
                    related: None,
                });
            }
            // The description as the election reads it (as
            // `elected_description` gives it, from the text already made).
            let (Some(cell), Some((text, w))) = (&row.description, described) else {
                continue;
            };
            let Some(lang) = description_lang(text).filter(|_| elected(row.code)) else {
                continue;
            };
            let (text, w) = (text.clone(), w.as_str());
            let kind = doc.page.tables[row.table].kind;
            let span = cell.span().unwrap_or(row.code_span);
            if phrased.contains(&(i, span.start)) {
                continue;
            }
            let election = ctx.ops.election(&doc.service, row.code, lang);
            let canonical = election.and_then(|e| e.canonical.as_deref());
            let own_status = ctx
                .model
                .codes
                .get(&row.code)
                .and_then(|m| m.descriptions.get(&lang))
                .and_then(|e| e.canonical.as_deref());
            let own = |t: Option<&str>| t.is_some_and(|t| wording(t) == w);
            let (known, by_text) = known
                .entry((doc.service.as_str(), lang))
                .or_insert_with(|| {
                    let known = known_texts(
                        ctx,
                        status_texts.get(doc.service.as_str()),
                        &doc.service,
                        lang,
                    );
                    let mut by_text: HashMap<String, Vec<usize>> = HashMap::new();
                    for (at, k) in known.iter().enumerate() {
                        by_text.entry(k.text.clone()).or_default().push(at);
                    }
                    (known, by_text)
                });
            // Texts known for codes, but not an operation wording that only
            // this page writes.
            let mut texts = by_text
                .get(w)
                .into_iter()
                .flatten()
                .map(|&at| &known[at])
                .filter(|k| k.pages.is_none_or(|p| p.iter().any(|&p| p != i)));
            // Other operations of the service writing this text for this
            // code: a wording of its own code, unless another code's use of
            // it is established and more common (rows shifted on three
            // pages copied from each other are still copies).
            let own_uses = election.map_or(0, |e| {
                e.variants
                    .iter()
                    .zip(&e.wordings)
                    .filter(|(_, v)| **v == w)
                    .flat_map(|(v, _)| v.pages.iter())
                    .filter(|&&p| p != i)
                    .count()
            });
            let copied_from = |k: &&Known<'_>| match k.pages {
                // A status page's text.
                None => own_uses < MIN_AGREEING,
                // Another code's operation wording, beyond this page.
                Some(p) => {
                    let n = p.iter().filter(|&&p| p != i).count();
                    n >= MIN_AGREEING && n > own_uses
                }
            };
            // DL012: the text of another code, and of no text known for its
            // own code.
            if !texts.clone().any(|k| k.code == row.code) && !own(own_status) {
                // A text known for another code, else another code's
                // registered reason phrase (`403 | Bad request`).
                let copied = texts
                    .find(|k| k.code != row.code && copied_from(k))
                    .map(|k| k.code)
                    .or_else(|| phrase_owner(&text, row.code));
                if let Some(other) = copied {
                    // The service's wording for the code, else the status
                    // pages', else the reason phrase its operations agree on
                    // (`Unsupported Media Type`).
                    let phrase = election
                        .and_then(|e| agreed_phrase(e, row.code).map(|at| &e.variants[at].text));
                    let expected = canonical
                        .filter(|c| !own(Some(c)))
                        .or(own_status)
                        .or(phrase.map(String::as_str).filter(|p| !own(Some(p))));
                    let held = crate::rules::code_may_be_the_copy(&doc.page, row, || Some(other));
                    let fix = expected
                        .filter(|_| held.is_none())
                        .and_then(|e| replace_cell(cell, e, kind))
                        .map(|e| Fix::new(Applicability::Unsafe, e));
                    out.push(Finding {
                        rule: Rule::CopiedDescription,
                        severity: Severity::Warning,
                        doc: i,
                        span,
                        code: Some(row.code),
                        message: format!(
                            "{} description is the text of {other}: copied from another code",
                            row.code
                        ),
                        label: format!("the text of {other}"),
                        text: Some(text.clone()),
                        expected: expected.map(str::to_string),
                        fix,
                        notes: expected
                            .map(|e| format!("{}: {}", row.code, one_line(e)))
                            .into_iter()
                            .chain(held)
                            .collect(),
                        related: None,
                    });
                    continue;
                }
            }
            let (Some(e), Some(canonical)) = (election, canonical) else {
                continue;
            };
            // Spaces or paragraph breaks between the same words read the
            // same (one `<p>` with a space, or two `<p>`).
            let spaced = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            if text == canonical || spaced(&text) == spaced(canonical) {
                continue;
            }
            // The code's registered reason phrase (or its former one, which
            // DL004 takes too) where the service writes it in another case
            // (`Service Unavailable` for `Service unavailable`): what DL004
            // asks of a reason column, so not another wording (else `--fix`
            // would undo DL004's fix).
            let registered = crate::registry::lookup(row.code).is_some_and(|s| {
                std::iter::once(s.reason)
                    .chain(s.former.iter().copied())
                    .any(|r| r == text)
            });
            if registered && spaced(canonical).eq_ignore_ascii_case(&spaced(&text)) {
                continue;
            }
            // The service's wording with more around it (a label such as
            // `编码 BadRequest` before it, a detail after it) is not another
            // wording: said nothing rather than a fix that drops the rest.
            let agreed = wording(canonical);
            if !agreed.is_empty() && agreed != w && (w.starts_with(&agreed) || w.ends_with(&agreed))
            {
                continue;
            }
            // The service's wording is the phrase this row's cell opens with
            // before a dash (`Unauthorized - Invalid API key`, where other
            // operations write `Unauthorized` alone): the cell says it, and
            // the rest is a detail after it, not another wording (a fix
            // would write the phrase twice). A reason in a cell of its own
            // (`403 Forbidden | You may not delete it.`) is no such opening.
            if let Some(r) = &row.reason
                && !agreed.is_empty()
                && wording(&r.text()) == agreed
                && opens_cell(&doc.src, r, cell)
            {
                continue;
            }
            if texts_of
                .get(&(row.table, row.code))
                .is_some_and(|t| t.len() > 1)
            {
                continue;
            }
            // Operation tables, as the election counts them.
            let users = e.tables_writing(canonical);
            let mut notes = vec![format!(
                "canonical for {}: {} ({}, used by {})",
                doc.service,
                one_line(canonical),
                e.source.as_str(),
                operations(users)
            )];
            // Pages writing this text: one page's own explanation may
            // stand in each of its tables.
            let same = e
                .variants
                .iter()
                .find(|v| v.text == text)
                .map_or(1, |v| v.pages.len());
            let (rule, message, fix) = if agreed == w {
                let marks = mark_differences(&text, canonical);
                notes.extend(marks.iter().map(|m| format!("differs: {m}")));
                let fix = punctuation_fix(&doc.src, cell, canonical, kind);
                (
                    Rule::OperationPunctuationMismatch,
                    format!(
                        "{} description differs from {}'s operations only in punctuation or spacing",
                        row.code, doc.service
                    ),
                    fix,
                )
            } else {
                // One operation's own explanation (`You are not authorized
                // to delete this asset type.` where the service writes
                // `Forbidden.`): written on one page, and far longer than the
                // service's wording, it is not a drift from it. Lengths as
                // displayed: a Chinese character says about what two Latin
                // letters do (`删除失败，集群中可能仍有配置` against `请求参数错误`).
                use unicode_width::UnicodeWidthStr;
                let (mine, theirs) = (text.width(), canonical.width());
                if same == 1 && mine >= 2 * theirs && mine >= theirs + 15 {
                    continue;
                }
                let tables = e.tables_writing(&text).max(1);
                notes.push(format!("this text is used by {}", operations(tables)));
                let held = crate::model::other_numbers(&text, canonical);
                let fix = match held {
                    Some(_) => None,
                    None => replace_cell(cell, canonical, kind)
                        .map(|e| Fix::new(Applicability::Unsafe, e)),
                };
                notes.extend(held);
                (
                    Rule::OperationDescriptionMismatch,
                    format!(
                        "{} description is worded differently from {}'s other operations",
                        row.code, doc.service
                    ),
                    fix,
                )
            };
            out.push(Finding {
                rule,
                severity: Severity::Warning,
                doc: i,
                span,
                code: Some(row.code),
                message,
                label: format!("{}: {}", doc.service, one_line(canonical)),
                text: Some(text.clone()),
                expected: Some(canonical.to_string()),
                fix,
                notes,
                related: cell_using(ctx, row.code, canonical, e.pages()),
            });
        }
    }
    settle_final_stops(ctx.docs, &mut out, Rule::OperationPunctuationMismatch);
    out
}

/// DL011's fix: `cell` written with `canonical`'s marks (only the marks
/// change when the words are the same). `None` when the text kept of the
/// page does not hold the cell.
fn punctuation_fix(
    src: &crate::source::SourceText,
    cell: &crate::parse::text::Cell,
    canonical: &str,
    kind: crate::parse::page::TableKind,
) -> Option<Fix> {
    if !crate::fix::holds(src, cell) {
        return None;
    }
    minimal_edits(src, cell, canonical, kind)
        .or_else(|| replace_cell(cell, canonical, kind))
        .map(|e| Fix::new(Applicability::Safe, e))
}
