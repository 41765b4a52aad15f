//! The rules. Each rule is one file whose `check` reads the pages and the
//! canonical model and pushes [`Finding`]s; its user documentation (what
//! `doclint explain` prints) is the Markdown file beside it.

use serde::Serialize;

use crate::fix::{Applicability, Fix};
use crate::model::{Doc, Model};
use crate::source::Span;

mod dl001;
mod dl002;
mod dl003;
mod dl004;
mod dl005;
mod dl006;
mod dl007;
mod dl008;

/// How much a finding matters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; does not fail the run.
    Advice,
    /// Fails the run (exit 1).
    Warning,
    /// Fails the run (exit 1).
    Error,
}

impl Severity {
    /// `error`, `warning` or `advice`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Advice => "advice",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A rule, by its stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// DL001 description-mismatch.
    DescriptionMismatch,
    /// DL002 punctuation-mismatch.
    PunctuationMismatch,
    /// DL003 missing-code.
    MissingCode,
    /// DL004 reason-phrase.
    ReasonPhrase,
    /// DL005 wrong-section.
    WrongSection,
    /// DL006 duplicate-code.
    DuplicateCode,
    /// DL007 unknown-code.
    UnknownCode,
    /// DL008 broken-table.
    BrokenTable,
    /// DL009 invalid-suppression.
    InvalidSuppression,
    /// DL010 operation-description-mismatch.
    OperationDescriptionMismatch,
    /// DL011 operation-punctuation-mismatch.
    OperationPunctuationMismatch,
    /// DL012 copied-description.
    CopiedDescription,
    /// DL013 undocumented-code.
    UndocumentedCode,
}

impl Rule {
    /// Every rule, in id order.
    pub const ALL: [Rule; 13] = [
        Rule::DescriptionMismatch,
        Rule::PunctuationMismatch,
        Rule::MissingCode,
        Rule::ReasonPhrase,
        Rule::WrongSection,
        Rule::DuplicateCode,
        Rule::UnknownCode,
        Rule::BrokenTable,
        Rule::InvalidSuppression,
        Rule::OperationDescriptionMismatch,
        Rule::OperationPunctuationMismatch,
        Rule::CopiedDescription,
        Rule::UndocumentedCode,
    ];

    /// The stable id, `DL001`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::DescriptionMismatch => "DL001",
            Rule::PunctuationMismatch => "DL002",
            Rule::MissingCode => "DL003",
            Rule::ReasonPhrase => "DL004",
            Rule::WrongSection => "DL005",
            Rule::DuplicateCode => "DL006",
            Rule::UnknownCode => "DL007",
            Rule::BrokenTable => "DL008",
            Rule::InvalidSuppression => "DL009",
            Rule::OperationDescriptionMismatch => "DL010",
            Rule::OperationPunctuationMismatch => "DL011",
            Rule::CopiedDescription => "DL012",
            Rule::UndocumentedCode => "DL013",
        }
    }

    /// The stable name, `description-mismatch`.
    pub fn name(self) -> &'static str {
        match self {
            Rule::DescriptionMismatch => "description-mismatch",
            Rule::PunctuationMismatch => "punctuation-mismatch",
            Rule::MissingCode => "missing-code",
            Rule::ReasonPhrase => "reason-phrase",
            Rule::WrongSection => "wrong-section",
            Rule::DuplicateCode => "duplicate-code",
            Rule::UnknownCode => "unknown-code",
            Rule::BrokenTable => "broken-table",
            Rule::InvalidSuppression => "invalid-suppression",
            Rule::OperationDescriptionMismatch => "operation-description-mismatch",
            Rule::OperationPunctuationMismatch => "operation-punctuation-mismatch",
            Rule::CopiedDescription => "copied-description",
            Rule::UndocumentedCode => "undocumented-code",
        }
    }

    /// What the rule reports, in one line (`doclint explain` lists these).
    pub fn summary(self) -> &'static str {
        match self {
            Rule::DescriptionMismatch => "a description worded differently from the canonical one",
            Rule::PunctuationMismatch => {
                "a description that differs only in punctuation, width or spacing"
            }
            Rule::MissingCode => "a page lacking a code other services document, or a required one",
            Rule::ReasonPhrase => "a reason phrase that is not the registered one",
            Rule::WrongSection => "a 2xx row in an error table, a 4xx/5xx row in a success table",
            Rule::DuplicateCode => "the same code twice on one page",
            Rule::UnknownCode => "a code that is not a registered HTTP status code",
            Rule::BrokenTable => "a status table that does not render as a table",
            Rule::InvalidSuppression => "a doclint-disable comment that names no rule",
            Rule::OperationDescriptionMismatch => {
                "an operation's 4xx/5xx description worded otherwise than its service's operations"
            }
            Rule::OperationPunctuationMismatch => {
                "an operation's description that differs from its service's only in punctuation"
            }
            Rule::CopiedDescription => "a description that is the text of another code",
            Rule::UndocumentedCode => {
                "a code an operation returns that its service's status page lacks"
            }
        }
    }

    /// The rule's documentation, as `doclint explain` prints it.
    pub fn doc(self) -> &'static str {
        match self {
            Rule::DescriptionMismatch => include_str!("docs/DL001.md"),
            Rule::PunctuationMismatch => include_str!("docs/DL002.md"),
            Rule::MissingCode => include_str!("docs/DL003.md"),
            Rule::ReasonPhrase => include_str!("docs/DL004.md"),
            Rule::WrongSection => include_str!("docs/DL005.md"),
            Rule::DuplicateCode => include_str!("docs/DL006.md"),
            Rule::UnknownCode => include_str!("docs/DL007.md"),
            Rule::BrokenTable => include_str!("docs/DL008.md"),
            Rule::InvalidSuppression => include_str!("docs/DL009.md"),
            Rule::OperationDescriptionMismatch => include_str!("docs/DL010.md"),
            Rule::OperationPunctuationMismatch => include_str!("docs/DL011.md"),
            Rule::CopiedDescription => include_str!("docs/DL012.md"),
            Rule::UndocumentedCode => include_str!("docs/DL013.md"),
        }
    }

    /// The rule with id or name `s` (case-insensitive).
    pub fn from_id(s: &str) -> Option<Rule> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id().eq_ignore_ascii_case(s) || r.name().eq_ignore_ascii_case(s))
    }
}

/// A place in another page (or the same one) that explains a finding: the
/// canonical cell, the first occurrence of a duplicate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// Index of the doc.
    pub doc: usize,
    /// The bytes to show.
    pub span: Span,
    /// What they are.
    pub label: String,
}

/// One divergence, at one place in one page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Which rule.
    pub rule: Rule,
    /// How much it matters.
    pub severity: Severity,
    /// Index of the doc it is in.
    pub doc: usize,
    /// The bytes it is about.
    pub span: Span,
    /// The code, where the finding is about one.
    pub code: Option<u16>,
    /// One sentence.
    pub message: String,
    /// The label under the snippet.
    pub label: String,
    /// What a reader sees at `span`; `None` where nothing was found (DL003).
    pub text: Option<String>,
    /// What was expected instead.
    pub expected: Option<String>,
    /// The fix, if one can be made.
    pub fix: Option<Fix>,
    /// Extra lines for people: who uses the canonical text, which marks differ.
    pub notes: Vec<String>,
    /// Another place worth showing.
    pub related: Option<Related>,
}

impl Finding {
    /// Whether the fix applies at `wanted` applicability.
    pub fn fixable(&self, wanted: Applicability) -> bool {
        self.fix.as_ref().is_some_and(|f| f.applicability >= wanted)
    }
}

/// Options the rules read.
#[derive(Debug, Clone)]
pub struct RuleOptions {
    /// Share of pages (0–1) at or above which a missing code is a warning.
    pub missing_warning_share: f64,
    /// Codes that every page must document.
    pub required: Vec<u16>,
    /// Accept former registered reason phrases (`Request Entity Too Large`).
    pub allow_former_reasons: bool,
    /// Reason phrases pinned in config, by code.
    pub reason_pins: std::collections::BTreeMap<u16, String>,
}

impl Default for RuleOptions {
    fn default() -> Self {
        RuleOptions {
            missing_warning_share: 0.5,
            required: Vec::new(),
            allow_former_reasons: true,
            reason_pins: Default::default(),
        }
    }
}

/// What every rule reads.
pub struct Context<'a> {
    /// The pages.
    pub docs: &'a [Doc],
    /// The canonical model.
    pub model: &'a Model,
    /// Options.
    pub options: &'a RuleOptions,
}

/// Runs every rule and returns the findings sorted by page, place and rule.
pub fn check(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    dl001::check(ctx, &mut out);
    dl002::check(ctx, &mut out);
    dl003::check(ctx, &mut out);
    dl004::check(ctx, &mut out);
    dl005::check(ctx, &mut out);
    dl006::check(ctx, false, &mut out);
    dl007::check(ctx, &mut out);
    dl008::check(ctx, &mut out);
    settle_final_stops(ctx.docs, &mut out, Rule::PunctuationMismatch);
    sort(&mut out);
    out
}

/// Sorts findings by page, place and rule.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.doc, a.span.start, a.rule, a.span.end, a.code).cmp(&(
            b.doc,
            b.span.start,
            b.rule,
            b.span.end,
            b.code,
        ))
    });
}

/// Runs the rules that read one table at a time (DL004–DL008), for the
/// operation tables of API pages; findings are not sorted.
pub fn check_tables(ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    dl004::check(ctx, &mut out);
    dl005::check(ctx, &mut out);
    dl006::check(ctx, true, &mut out);
    dl007::check(ctx, &mut out);
    dl008::check(ctx, &mut out);
    out
}

/// `canonical: TEXT (majority, used by 3 services (ecs, nat, rds))`, or
/// `(pinned in doclint.toml, …)`. `None` when a tie elected nothing.
pub fn canonical_note(e: &crate::model::Election) -> Option<String> {
    let canonical = e.canonical.as_ref()?;
    // Every service that writes this code in this language, for "N of M".
    let mut all: Vec<&str> = e
        .services
        .iter()
        .chain(e.variants.iter().flat_map(|v| v.services.iter()))
        .map(String::as_str)
        .collect();
    all.sort_unstable();
    all.dedup();
    // Decided by pages: every variant is used by the very same services.
    let by_pages = !e.variants.is_empty() && e.variants.iter().all(|v| v.services == e.services);
    let users = if e.services.is_empty() {
        String::new()
    } else if by_pages {
        let mut pages: Vec<usize> = e
            .pages
            .iter()
            .chain(e.variants.iter().flat_map(|v| v.pages.iter()))
            .copied()
            .collect();
        pages.sort_unstable();
        pages.dedup();
        format!(
            "{} of {} pages, in {}",
            e.pages.len(),
            pages.len(),
            shown(&e.services)
        )
    } else {
        format!(
            "{} of {} service{} ({})",
            e.services.len(),
            all.len(),
            if all.len() == 1 { "" } else { "s" },
            shown(&e.services)
        )
    };
    let how = match e.source {
        crate::model::Source::Pinned if users.is_empty() => "pinned in doclint.toml".to_string(),
        crate::model::Source::Pinned => format!("pinned in doclint.toml; used by {users}"),
        _ => format!("most used: {users}"),
    };
    Some(format!("canonical: {} ({how})", one_line(canonical)))
}

/// `text` on one line: paragraph breaks shown as ` ⏎ `.
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

/// How a note that is a line of config to paste starts: reports print it
/// whole, never cut.
pub const SETTLE: &str = "settle it in doclint.toml: ";

/// [`one_line`], cut after 120 characters (`…`): a tied text in a note,
/// which keeps the services after it in view.
fn short(text: &str) -> String {
    let line = one_line(text);
    match line.char_indices().nth(120) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line,
    }
}

/// `3 services (ecs, nat, rds)`: at most eight names, then `+N more`.
pub fn services(names: &[String]) -> String {
    let n = names.len();
    format!(
        "{n} service{} ({})",
        if n == 1 { "" } else { "s" },
        shown(names)
    )
}

/// `ecs, nat, rds`: at most eight names, then `+N more`.
fn shown(names: &[String]) -> String {
    let n = names.len();
    let first: Vec<&str> = names.iter().take(8).map(String::as_str).collect();
    let more = if n > first.len() {
        format!(", +{} more", n - first.len())
    } else {
        String::new()
    };
    format!("{}{more}", first.join(", "))
}

/// `N services (svc, svc, …)` for the pages `pages` of `docs`.
pub fn who(docs: &[Doc], pages: &[usize]) -> String {
    let mut names: Vec<String> = pages.iter().map(|&i| docs[i].service.clone()).collect();
    names.sort_unstable();
    names.dedup();
    services(&names)
}

/// The finding for a page whose code has no canonical text because of a
/// tie: it names the tied texts and their services, has no fix, and says
/// how to settle it.
pub fn tie_finding(u: &DescriptionUse<'_>, tie: &crate::model::Tie, rule: Rule) -> Finding {
    let code = u.row.code;
    let what = match tie.kind {
        crate::model::TieKind::Wording => "wordings",
        crate::model::TieKind::Form => "forms of one wording",
    };
    // Each tied wording (or form) has as many services as the others.
    let mut groups: std::collections::BTreeMap<String, std::collections::BTreeSet<&str>> =
        Default::default();
    for v in &tie.texts {
        let key = match tie.kind {
            crate::model::TieKind::Wording => crate::model::wording(&v.text),
            crate::model::TieKind::Form => v.text.clone(),
        };
        groups
            .entry(key)
            .or_default()
            .extend(v.services.iter().map(String::as_str));
    }
    let votes = groups.values().next().map_or(0, |g| g.len());
    // Every tied text from the one service: its own pages disagree (an
    // overview table and a status page), which is no tie between services.
    let mut all: std::collections::BTreeSet<&str> = Default::default();
    for g in groups.values() {
        all.extend(g.iter().copied());
    }
    let one_service = match (votes, all.len(), all.iter().next()) {
        (1, 1, Some(s)) => Some(*s),
        _ => None,
    };
    let mut notes: Vec<String> = tie
        .texts
        .iter()
        .map(|v| format!("tied: {} — {}", short(&v.text), services(&v.services)))
        .collect();
    if !tie.texts.iter().any(|v| v.text == u.text) {
        notes.push("this page uses neither of the tied texts".into());
    }
    // Suggest a text that needs no punctuation fix: full-width marks in
    // Chinese, ending with a full stop, most services.
    let example = tie
        .texts
        .iter()
        .min_by_key(|v| {
            (
                crate::model::half_width_marks(&v.text),
                !v.text.ends_with(['。', '.']),
                std::cmp::Reverse(v.services.len()),
            )
        })
        .map(|v| v.text.as_str())
        .unwrap_or("…");
    notes.push(format!(
        "{SETTLE}[canonical.{code}] description = {}",
        toml::Value::String(example.to_string())
    ));
    Finding {
        rule,
        severity: Severity::Warning,
        doc: u.doc,
        span: u.cell.span().unwrap_or(u.row.code_span),
        code: Some(code),
        message: match one_service {
            Some(s) => format!(
                "{code} has no canonical description: the pages of {s} give {} {what}, \
                 one each",
                groups.len()
            ),
            None => format!(
                "{code} has no canonical description: {} {what} tie with {votes} service{} each",
                groups.len(),
                if votes == 1 { "" } else { "s" }
            ),
        },
        label: "a tie: no canonical text yet".into(),
        text: Some(u.text.clone()),
        expected: None,
        fix: None,
        notes,
        related: None,
    }
}

/// A description cell together with its code's election, for DL001/DL002.
pub struct DescriptionUse<'a> {
    /// Index of the doc.
    pub doc: usize,
    /// The row.
    pub row: &'a crate::parse::page::Row,
    /// The description cell.
    pub cell: &'a crate::parse::text::Cell,
    /// Its text.
    pub text: String,
    /// The election for its code and language.
    pub election: &'a crate::model::Election,
}

/// Every description on every page with its election.
pub fn descriptions<'a>(ctx: &'a Context<'a>) -> impl Iterator<Item = DescriptionUse<'a>> + 'a {
    ctx.docs.iter().enumerate().flat_map(move |(doc, d)| {
        d.page.rows.iter().filter_map(move |row| {
            let cell = row.description.as_ref()?;
            let text = cell.text();
            let lang = crate::parse::page::Lang::of(&text);
            let election = ctx.model.codes.get(&row.code)?.descriptions.get(&lang)?;
            Some(DescriptionUse {
                doc,
                row,
                cell,
                text,
                election,
            })
        })
    })
}

/// The first cell in another page that uses `text` for `code`, to show
/// beside a finding.
pub fn canonical_cell(
    ctx: &Context<'_>,
    code: u16,
    text: &str,
    pages: &[usize],
) -> Option<Related> {
    cell_using(ctx.docs, code, text, pages, "the canonical text")
}

/// Why no fix rewrites the text of `row`, which is the text of the code
/// `other` gives (its reason phrase, or its description), when its table
/// has another row of the same code: then the code may be what was
/// mistyped (`401 | Bad request` above `401 | Unauthorized`), and
/// rewriting the text would hide it. `other` is asked only then.
pub fn code_may_be_the_copy(
    page: &crate::parse::page::Page,
    row: &crate::parse::page::Row,
    other: impl FnOnce() -> Option<u16>,
) -> Option<String> {
    let twice = page
        .rows
        .iter()
        .filter(|r| r.table == row.table && r.code == row.code)
        .nth(1)
        .is_some();
    let other = twice.then(other).flatten()?;
    Some(format!(
        "no fix offered: the table has another {} row, so this one may be a {other} \
         row with its code mistyped",
        row.code
    ))
}

pub fn written_as_code(src: &crate::source::SourceText, span: Span) -> bool {
    span.start > 0
        && src.get(Span::new(span.start - 1, span.start)) == Some("`")
        && src.get(Span::new(span.end, span.end + 1)) == Some("`")
}

pub fn cell_using(
    docs: &[Doc],
    code: u16,
    text: &str,
    pages: &[usize],
    label: &str,
) -> Option<Related> {
    pages.iter().find_map(|&doc| {
        docs[doc].page.rows.iter().find_map(|r| {
            let cell = r.description.as_ref()?;
            (r.code == code && cell.text() == text).then(|| Related {
                doc,
                span: cell.span().unwrap_or(r.code_span),
                label: label.into(),
            })
        })
    })
}

/// Makes unsafe the punctuation fixes (`rule`: DL002 or DL011) of
/// `findings` that only add or drop a final full stop against the rest of
/// their table: where at least half of its other descriptions end the other
/// way once the table's other punctuation fixes are made (those moving the
/// stop the same way included).
/// Applied alone, such a fix would leave a table consistent in itself mixed
/// (`列举成功。` kept beside `管理凭证无效` stripped: 2xx texts are not
/// compared), a choice for the writer; a row out of step with its table is
/// still fixed. Counting the other fixes' endings makes one `--fix` enough.
pub fn settle_final_stops(docs: &[Doc], findings: &mut [Finding], rule: Rule) {
    const STOPS: [char; 3] = ['。', '.', '．'];
    let stopped = |t: &str| t.trim_end().ends_with(STOPS);
    let bare = |t: &str| t.trim_end().trim_end_matches(STOPS).trim_end().to_string();
    let stop_only = |f: &Finding| match (&f.text, &f.expected) {
        (Some(t), Some(e)) => stopped(t) != stopped(e) && bare(t) == bare(e),
        _ => false,
    };
    // The fixes of each description cell: (doc, cell start) → finding.
    let fixed: std::collections::BTreeMap<(usize, usize), usize> = findings
        .iter()
        .enumerate()
        .filter(|(_, f)| f.rule == rule && f.fix.is_some())
        .map(|(i, f)| ((f.doc, f.span.start), i))
        .collect();
    let mut unsafe_ones = Vec::new();
    for (&(doc, start), &i) in &fixed {
        let f = &findings[i];
        if !stop_only(f) {
            continue;
        }
        let page = &docs[doc].page;
        let cell_of = |r: &crate::parse::page::Row| r.description.as_ref().and_then(|d| d.span());
        let Some(row) = page
            .rows
            .iter()
            .find(|r| cell_of(r).map(|s| s.start) == Some(start))
        else {
            continue;
        };
        let want = f.expected.as_deref().is_some_and(stopped);
        let (mut agree, mut differ) = (0, 0);
        for r in page.rows.iter().filter(|r| r.table == row.table) {
            let Some(d) = r.description.as_ref() else {
                continue;
            };
            let at = d.span().map(|s| s.start);
            if at == Some(start) {
                continue;
            }
            // Another fix that changes more than the stop is made with this
            // one, and so is one that moves the stop the same way (decided
            // alike): its row ends as that fix leaves it.
            let other = at.and_then(|a| fixed.get(&(doc, a))).map(|&k| &findings[k]);
            let ends = match other {
                Some(o) if !stop_only(o) => o.expected.as_deref().is_some_and(stopped),
                Some(o) if o.expected.as_deref().is_some_and(stopped) == want => want,
                _ => stopped(&d.text_cow()),
            };
            match ends == want {
                true => agree += 1,
                false => differ += 1,
            }
        }
        if differ > 0 && agree <= differ {
            unsafe_ones.push(i);
        }
    }
    for i in unsafe_ones {
        if let Some(fix) = &mut findings[i].fix {
            fix.applicability = Applicability::Unsafe;
        }
    }
}

/// How a page's text differs from the canonical text, mark by mark:
/// `「，」 where the canonical text has 「。」`.
pub fn mark_differences(found: &str, expected: &str) -> Vec<String> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::configure()
        .timeout(std::time::Duration::from_millis(200))
        .diff_chars(found, expected);
    let mut out = Vec::new();
    let mut del = String::new();
    let mut ins = String::new();
    let show = |s: &str| -> String {
        // A long run is shown by its start and its length.
        let n = s.chars().count();
        let s: String = s.chars().take(12).collect();
        let more = if n > 12 {
            format!("…(+{} more)", n - 12)
        } else {
            String::new()
        };
        let shown: String = s
            .chars()
            .map(|c| match c {
                ' ' => "␠".to_string(),
                '\n' => "⏎".to_string(),
                '\u{a0}' => "⍽".to_string(),
                '\t' => "⇥".to_string(),
                c => c.to_string(),
            })
            .collect();
        shown + &more
    };
    let flush = |del: &mut String, ins: &mut String, out: &mut Vec<String>| {
        match (del.is_empty(), ins.is_empty()) {
            (false, false) => out.push(format!(
                "「{}」 where the canonical text has 「{}」",
                show(del),
                show(ins)
            )),
            (false, true) => out.push(format!(
                "「{}」 that the canonical text does not have",
                show(del)
            )),
            (true, false) => out.push(format!(
                "「{}」 missing (the canonical text has it)",
                show(ins)
            )),
            (true, true) => {}
        }
        del.clear();
        ins.clear();
    };
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Equal => flush(&mut del, &mut ins, &mut out),
            ChangeTag::Delete => del.push_str(change.value()),
            ChangeTag::Insert => ins.push_str(change.value()),
        }
    }
    flush(&mut del, &mut ins, &mut out);
    // Many scattered differences: the first ones tell the story.
    if out.len() > 10 {
        let more = out.len() - 10;
        out.truncate(10);
        out.push(format!("and {more} more differences"));
    }
    out
}
