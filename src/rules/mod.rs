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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    pub const ALL: [Rule; 12] = [
        Rule::DescriptionMismatch,
        Rule::PunctuationMismatch,
        Rule::MissingCode,
        Rule::ReasonPhrase,
        Rule::WrongSection,
        Rule::DuplicateCode,
        Rule::UnknownCode,
        Rule::BrokenTable,
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
            Rule::OperationDescriptionMismatch => "operation-description-mismatch",
            Rule::OperationPunctuationMismatch => "operation-punctuation-mismatch",
            Rule::CopiedDescription => "copied-description",
            Rule::UndocumentedCode => "undocumented-code",
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
    dl006::check(ctx, &mut out);
    dl007::check(ctx, &mut out);
    dl008::check(ctx, &mut out);
    out.sort_by(|a, b| {
        (a.doc, a.span.start, a.rule, a.span.end, a.code).cmp(&(
            b.doc,
            b.span.start,
            b.rule,
            b.span.end,
            b.code,
        ))
    });
    out
}

/// Runs the rules that read one table at a time (DL004–DL008), for the
/// operation tables of API pages; findings are not sorted. Without
/// `broken`, DL008 (which quotes the page's text) is left out.
pub fn check_tables(ctx: &Context<'_>, broken: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    dl004::check(ctx, &mut out);
    dl005::check(ctx, &mut out);
    dl006::check(ctx, &mut out);
    dl007::check(ctx, &mut out);
    if broken {
        dl008::check(ctx, &mut out);
    }
    out
}

/// `canonical: TEXT (majority, used by 3 pages (ecs, nat, rds))`.
pub fn canonical_note(ctx: &Context<'_>, e: &crate::model::Election) -> String {
    let users = if e.pages.is_empty() {
        "pinned in config".to_string()
    } else {
        format!("used by {}", who(ctx.docs, &e.pages))
    };
    format!(
        "canonical: {} ({}, {users})",
        one_line(&e.canonical),
        e.source.as_str()
    )
}

/// `text` on one line: paragraph breaks shown as ` ⏎ `.
pub fn one_line(text: &str) -> String {
    text.replace('\n', " ⏎ ")
}

/// `N pages (svc, svc, …)` for the pages `pages` of `docs`.
pub fn who(docs: &[Doc], pages: &[usize]) -> String {
    let mut services: Vec<&str> = pages.iter().map(|&i| docs[i].service.as_str()).collect();
    services.sort_unstable();
    services.dedup();
    let n = pages.len();
    let shown: Vec<&str> = services.iter().take(8).copied().collect();
    let more = if services.len() > shown.len() {
        format!(", +{} more", services.len() - shown.len())
    } else {
        String::new()
    };
    format!(
        "{n} page{} ({}{more})",
        if n == 1 { "" } else { "s" },
        shown.join(", ")
    )
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
    pages.iter().find_map(|&doc| {
        ctx.docs[doc].page.rows.iter().find_map(|r| {
            let cell = r.description.as_ref()?;
            (r.code == code && cell.text() == text).then(|| Related {
                doc,
                span: cell.span().unwrap_or(r.code_span),
                label: "the canonical text".into(),
            })
        })
    })
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
