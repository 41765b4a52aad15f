//! The canonical model: for every status code, its registered reason phrase,
//! the canonical description (per language), every variant with the pages
//! that use it, and which pages document the code.
//!
//! The election: descriptions are first grouped by their *wording* (the text
//! without punctuation, white space and full/half-width differences), so that
//! `请求未完成。服务异常。` and `请求未完成，服务异常。` count for the same
//! wording. Votes are per service: a service with three pages votes once.
//! The wording used by most services wins; within it, the exact form used by
//! most services is canonical, except that in Chinese text a form with
//! half-width marks where a Chinese sentence needs full-width ones never
//! wins over one with fewer (`请求成功.` never becomes canonical over
//! `请求成功。`, even used by more services). Wordings the very same services
//! use (a project of one service) are told apart by their pages. A tie
//! elects nothing: the model records the tied texts and
//! rules report every page with no fix until a pin in config decides. A
//! description pinned in config always wins.

use std::collections::{BTreeMap, BTreeSet};

use crate::parse::page::{Lang, Page};
use crate::registry;

/// A parsed status-code page with its source.
#[derive(Debug, Clone)]
pub struct Doc {
    /// The path as shown to the user.
    pub path: String,
    /// The file on disk.
    pub file: std::path::PathBuf,
    /// The project root: fixes never write outside it.
    pub root: std::path::PathBuf,
    /// The path relative to the project root, with `/`: what globs, the
    /// baseline and service names are worked out from.
    pub rel: String,
    /// Whether the page lies under the paths the user named (findings are
    /// reported only there; every page votes in the model).
    pub named: bool,
    /// The service the page belongs to.
    pub service: String,
    /// Whether the config named the service (else it is found from the
    /// folders of all the project's pages).
    pub service_from_config: bool,
    /// The file's text, exactly as on disk: whole for status-code pages,
    /// the lines of its status tables for API pages.
    pub src: crate::source::SourceText,
    /// What doclint read from it.
    pub page: Page,
}

/// Where the canonical description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Used by most services.
    Majority,
    /// Pinned in config.
    Pinned,
    /// Nothing: two or more texts tied.
    Tie,
}

impl Source {
    /// `majority`, `pinned` or `tie`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Majority => "majority",
            Source::Pinned => "pinned",
            Source::Tie => "tie",
        }
    }
}

/// One way a description is written, and the pages writing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// The text as a reader sees it.
    pub text: String,
    /// Indexes into the docs, sorted.
    pub pages: Vec<usize>,
    /// The services of those pages, sorted: each is one vote.
    pub services: Vec<String>,
}

/// What tied, when an election elected nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TieKind {
    /// Different wordings with as many services each.
    Wording,
    /// One wording, written in forms (punctuation, width, spacing) used by
    /// as many services each.
    Form,
}

/// A tie: the kind, and the tied texts (for a wording tie, every form of
/// the tied wordings), most-used first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tie {
    /// Of wordings or of forms.
    pub kind: TieKind,
    /// The tied texts.
    pub texts: Vec<Variant>,
}

impl Tie {
    /// Whether every tied text is on one page: a page listing a code twice,
    /// which DL006 reports, not a tie between services.
    pub fn on_one_page(&self) -> bool {
        let mut pages = self.texts.iter().flat_map(|v| &v.pages);
        let first = pages.next();
        pages.all(|p| Some(p) == first)
    }
}

/// The canonical description of one code in one language.
#[derive(Debug, Clone)]
pub struct Election {
    /// The canonical text; `None` when a tie elected nothing.
    pub canonical: Option<String>,
    /// Majority, pinned or tie.
    pub source: Source,
    /// Pages that use the canonical text exactly.
    pub pages: Vec<usize>,
    /// Services that use the canonical text exactly, sorted.
    pub services: Vec<String>,
    /// What tied, when nothing was elected.
    pub tie: Option<Tie>,
    /// Every text other than the canonical one, most-used first.
    pub variants: Vec<Variant>,
}

/// Everything known about one status code.
#[derive(Debug, Clone)]
pub struct CodeModel {
    /// The code.
    pub code: u16,
    /// Its registered reason phrase, if registered.
    pub reason: Option<&'static str>,
    /// Pages that document it, sorted.
    pub pages: BTreeSet<usize>,
    /// Services that document it, sorted.
    pub services: BTreeSet<String>,
    /// The canonical description per language.
    pub descriptions: BTreeMap<Lang, Election>,
}

/// The canonical model of a documentation tree.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Every code documented anywhere, by code.
    pub codes: BTreeMap<u16, CodeModel>,
    /// How many status pages the tree has.
    pub page_count: usize,
    /// How many services have a status page.
    pub service_count: usize,
}

/// Pinned descriptions: (code, language) → text.
pub type Pins = BTreeMap<(u16, Lang), String>;

/// What shapes the election.
#[derive(Debug, Clone, Default)]
pub struct ModelOptions {
    /// Pinned descriptions win the election.
    pub pins: Pins,
    /// Languages whose descriptions are compared; empty for all.
    pub languages: Vec<Lang>,
}

/// Whether `c` is punctuation or white space: what DL002 may change. Symbols
/// (`&`, `%`, `>`, emoji) are part of the wording.
pub fn is_punctuation(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '(' | ')' | '[' | ']' | '{' | '}'
            | '-' | '_' | '/' | '\\' | '…' | '·' | '¡' | '¿' | '«' | '»'
            | '\u{2010}'..='\u{2027}'   // dashes, quotes, ellipsis
            | '\u{3001}'..='\u{3003}'   // 、。〃
            | '\u{3008}'..='\u{3011}'   // 〈〉《》「」『』【】
            | '\u{3014}'..='\u{301f}'   // 〔〕〖〗〘〙〚〛〜〝〞〟
            | '\u{30fb}'                // ・
        )
}

/// The numbers `text` gives (runs of ASCII digits), in order: a rate
/// limit, a size, a version.
pub fn numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|n| !n.is_empty())
        .collect()
}

/// Why no fix rewrites `found` into `expected`, when `found` gives a
/// number `expected` does not (`10 requests per minute and 200 per hour`
/// against `10 requests per second and 300 per minute`): that is a fact of
/// the page, not its wording, and the finding is left for a writer to
/// judge. Numbers the fix would only add are the wording's.
pub fn other_numbers(found: &str, expected: &str) -> Option<String> {
    let mut left = numbers(expected);
    let lost: Vec<&str> = numbers(found)
        .into_iter()
        .filter(|n| match left.iter().position(|t| t == n) {
            Some(at) => {
                left.remove(at);
                false
            }
            None => true,
        })
        .collect();
    (!lost.is_empty()).then(|| {
        format!(
            "no fix offered: that wording does not give its {} {}",
            if lost.len() == 1 { "number" } else { "numbers" },
            lost.join(", ")
        )
    })
}

/// The wording of a description: the text without punctuation and white
/// space (but for one space between two Latin words), full-width forms
/// folded to half-width.
///
/// A mark between two ASCII letters or digits is part of the wording, not
/// punctuation: `1.5MB` is not `15MB`, `application/json` is not
/// `applicationjson`, `X-Auth-Token` keeps its hyphens. So a fix that would
/// change such a mark is never offered as a safe punctuation fix.
///
/// White space or marks between two such words part them, as one space:
/// `some time` is not `sometime`, while `timed out. Retry` and `timed out
/// Retry` differ only in punctuation. Between Chinese characters, or a
/// Chinese character and a Latin word (`使用 HTTPS 协议`), white space is
/// not part of the wording.
pub fn wording(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    // Whether the last character kept is an ASCII letter or digit, and
    // white space or a mark left out came after it.
    let (mut after_word, mut parted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let folded = fold_width(c);
        // A half-width mark written between two ASCII letters or digits.
        let inner = c.is_ascii_punctuation()
            && prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && chars.peek().is_some_and(|n| n.is_ascii_alphanumeric());
        if !is_punctuation(folded) || inner {
            let word = folded.is_ascii_alphanumeric();
            if word && after_word && parted {
                out.push(' ');
            }
            out.push(folded);
            (after_word, parted) = (word, false);
        } else {
            parted = true;
        }
        prev = Some(c);
    }
    out
}

/// Folds a full-width ASCII form (`Ａ`, `１`) to its half-width character.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

impl Model {
    /// Builds the model of `docs`.
    pub fn build(docs: &[Doc], options: &ModelOptions) -> Model {
        let pins = &options.pins;
        // code → lang → text → pages
        let mut uses: BTreeMap<u16, BTreeMap<Lang, BTreeMap<String, BTreeSet<usize>>>> =
            BTreeMap::new();
        let mut documented: BTreeMap<u16, BTreeSet<usize>> = BTreeMap::new();
        for (i, doc) in docs.iter().enumerate() {
            for row in &doc.page.rows {
                documented.entry(row.code).or_default().insert(i);
                if let Some(d) = &row.description {
                    let text = d.text();
                    let lang = Lang::of(&text);
                    if !options.languages.is_empty() && !options.languages.contains(&lang) {
                        continue;
                    }
                    uses.entry(row.code)
                        .or_default()
                        .entry(lang)
                        .or_default()
                        .entry(text)
                        .or_default()
                        .insert(i);
                }
            }
        }
        let codes = documented
            .into_iter()
            .map(|(code, pages)| {
                let descriptions = uses
                    .remove(&code)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(lang, texts)| {
                        let texts = texts
                            .into_iter()
                            .map(|(text, pages)| {
                                let mut services: Vec<String> =
                                    pages.iter().map(|&i| docs[i].service.clone()).collect();
                                services.sort();
                                services.dedup();
                                Variant {
                                    text,
                                    pages: pages.into_iter().collect(),
                                    services,
                                }
                            })
                            .collect();
                        (lang, elect(texts, lang, pins.get(&(code, lang))))
                    })
                    .collect();
                let cm = CodeModel {
                    code,
                    reason: registry::lookup(code).map(|s| s.reason),
                    services: pages.iter().map(|&i| docs[i].service.clone()).collect(),
                    pages,
                    descriptions,
                };
                (code, cm)
            })
            .collect();
        let services: BTreeSet<&str> = docs.iter().map(|d| d.service.as_str()).collect();
        Model {
            codes,
            page_count: docs.len(),
            service_count: services.len(),
        }
    }
}

/// How many half-width marks `text` has where Chinese text needs a
/// full-width one: `.` `,` `;` `:` `!` `?` `(` `)` right after a Chinese
/// character (`请求成功.`), or `(` `)` around Chinese text.
pub fn half_width_marks(text: &str) -> usize {
    let cjk = |c: char| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}');
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            let c = chars[i];
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            match c {
                '.' | ',' | ';' | ':' | '!' | '?' => before.is_some_and(cjk),
                '(' => after.is_some_and(cjk) || before.is_some_and(cjk),
                ')' => before.is_some_and(cjk),
                _ => false,
            }
        })
        .count()
}

/// Among `items` (services, their count, pages) ranked by services (most
/// first), the one that leads
/// by pages when those tied at the top are used by the very same services:
/// per-service votes cannot tell them apart (a project of one service, or
/// one service writing a code two ways), and the pages can. `None` when
/// there is no such tie, or the pages tie too.
fn lead_among_same_services<S: PartialEq>(items: &[(S, usize, usize)]) -> Option<usize> {
    let (first, votes, _) = items.first()?;
    let tied: Vec<usize> = (0..items.len())
        .take_while(|&i| items[i].1 == *votes)
        .collect();
    if tied.len() < 2 || tied.iter().any(|&i| items[i].0 != *first) {
        return None;
    }
    let mut by_pages: Vec<(usize, usize)> = tied.iter().map(|&i| (items[i].2, i)).collect();
    by_pages.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    (by_pages[0].0 > by_pages[1].0).then_some(by_pages[0].1)
}

/// Elects the canonical text among `texts` (each with its pages and
/// services) in language `lang`.
fn elect(texts: Vec<Variant>, lang: Lang, pin: Option<&String>) -> Election {
    // Group by wording; a service votes once per wording.
    let mut groups: BTreeMap<String, (BTreeSet<&str>, Vec<&Variant>)> = BTreeMap::new();
    for v in &texts {
        let g = groups.entry(wording(&v.text)).or_default();
        g.0.extend(v.services.iter().map(String::as_str));
        g.1.push(v);
    }
    let mut ranked: Vec<_> = groups.values().collect();
    ranked.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then_with(|| a.1[0].text.cmp(&b.1[0].text))
    });
    // Wordings the same services use (one service writing a code two
    // ways, as in a project of one service): more pages decide.
    let votes: Vec<(&BTreeSet<&str>, usize, usize)> = ranked
        .iter()
        .map(|g| {
            let pages: BTreeSet<usize> = g.1.iter().flat_map(|v| v.pages.iter().copied()).collect();
            (&g.0, g.0.len(), pages.len())
        })
        .collect();
    if let Some(lead) = lead_among_same_services(&votes) {
        let g = ranked.remove(lead);
        ranked.insert(0, g);
        ranked.truncate(1);
    }
    let mut tie = None;
    let mut winner = None;
    if ranked.len() > 1 && ranked[0].0.len() == ranked[1].0.len() {
        let top = ranked[0].0.len();
        let tied: Vec<Variant> = ranked
            .iter()
            .take_while(|g| g.0.len() == top)
            .flat_map(|g| g.1.iter().map(|v| (*v).clone()))
            .collect();
        tie = Some(Tie {
            kind: TieKind::Wording,
            texts: tied,
        });
    } else {
        // Within the wording: the form most services use; a tie elects
        // nothing. In Chinese a form with half-width marks where full-width
        // ones belong never wins over one with fewer.
        let marks = |v: &Variant| {
            if lang == Lang::Zh {
                half_width_marks(&v.text)
            } else {
                0
            }
        };
        let by_votes = |forms: &mut Vec<&Variant>| {
            forms.sort_by(|a, b| {
                b.services
                    .len()
                    .cmp(&a.services.len())
                    .then_with(|| a.text.cmp(&b.text))
            });
        };
        let mut forms = ranked[0].1.clone();
        by_votes(&mut forms);
        // A variant's services are sorted and each named once.
        let votes: Vec<(&Vec<String>, usize, usize)> = forms
            .iter()
            .map(|v| (&v.services, v.services.len(), v.pages.len()))
            .collect();
        // (Half-width marks in Chinese still never win, by pages either.)
        let fewest = forms.iter().map(|v| marks(v)).min().unwrap_or(0);
        if let Some(lead) = lead_among_same_services(&votes)
            && marks(forms[lead]) == fewest
        {
            forms = vec![forms[lead]];
        }
        if marks(forms[0]) > fewest
            && !(forms.len() > 1 && forms[0].services.len() == forms[1].services.len())
        {
            forms.retain(|v| marks(v) == fewest);
        }
        if forms.len() > 1 && forms[0].services.len() == forms[1].services.len() {
            let top = forms[0].services.len();
            tie = Some(Tie {
                kind: TieKind::Form,
                texts: forms
                    .iter()
                    .take_while(|v| v.services.len() == top)
                    .map(|v| (*v).clone())
                    .collect(),
            });
        } else {
            winner = Some(forms[0].text.clone());
        }
    }
    let (canonical, source, tie) = match (pin, winner) {
        (Some(p), _) => (Some(p.clone()), Source::Pinned, None),
        (None, Some(w)) => (Some(w), Source::Majority, None),
        (None, None) => (None, Source::Tie, tie),
    };
    let chosen = texts.iter().find(|v| Some(&v.text) == canonical.as_ref());
    let pages = chosen.map(|v| v.pages.clone()).unwrap_or_default();
    let services = chosen.map(|v| v.services.clone()).unwrap_or_default();
    let mut variants: Vec<Variant> = texts
        .into_iter()
        .filter(|v| Some(&v.text) != canonical.as_ref())
        .collect();
    variants.sort_by(|a, b| {
        b.services
            .len()
            .cmp(&a.services.len())
            .then_with(|| b.pages.len().cmp(&a.pages.len()))
            .then_with(|| a.text.cmp(&b.text))
    });
    Election {
        canonical,
        source,
        pages,
        services,
        tie,
        variants,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_never_drops_a_number_of_the_text() {
        let theirs = "rate-limited to 10 requests per second and 300 per minute";
        let mine = "rate-limited to 10 requests per minute and 200 per hour";
        assert_eq!(
            other_numbers(mine, theirs).as_deref(),
            Some("no fix offered: that wording does not give its number 200")
        );
        // Numbers the wording adds, or gives in another order, are its own.
        assert_eq!(other_numbers("Too Many Requests.", theirs), None);
        assert_eq!(other_numbers("300 per minute, 10 per second", theirs), None);
        assert_eq!(
            other_numbers("与401类似。", "与 401 类似，请求者应使用代理。"),
            None
        );
        // A number written twice needs writing twice.
        assert!(other_numbers("10 or 10", "10").is_some());
        assert_eq!(
            other_numbers("v1.2 up to 4096", "v2").as_deref(),
            Some("no fix offered: that wording does not give its numbers 1, 4096")
        );
    }

    /// Texts with their pages; page `i` belongs to service `s{i}`.
    fn texts(v: &[(&str, &[usize])]) -> Vec<Variant> {
        v.iter()
            .map(|(t, p)| Variant {
                text: t.to_string(),
                pages: p.to_vec(),
                services: p.iter().map(|i| format!("s{i}")).collect(),
            })
            .collect()
    }

    /// Texts with their pages, every page of one service.
    fn one_service(v: &[(&str, &[usize])]) -> Vec<Variant> {
        v.iter()
            .map(|(t, p)| Variant {
                text: t.to_string(),
                pages: p.to_vec(),
                services: vec!["s".into()],
            })
            .collect()
    }

    #[test]
    fn the_pages_decide_between_texts_of_the_same_services() {
        // Wordings: 3 pages against 1, one service.
        let e = elect(
            one_service(&[("A", &[0, 1, 2]), ("B", &[3])]),
            Lang::En,
            None,
        );
        assert_eq!(e.canonical.as_deref(), Some("A"));
        assert!(e.tie.is_none());
        // Forms of one wording, the same.
        let e = elect(one_service(&[("A.", &[0, 1]), ("A", &[2])]), Lang::En, None);
        assert_eq!(e.canonical.as_deref(), Some("A."));
        // As many pages: still a tie.
        let e = elect(one_service(&[("A", &[0]), ("B", &[1])]), Lang::En, None);
        assert!(e.canonical.is_none());
        // Half-width marks in Chinese never win, by pages either.
        let e = elect(
            one_service(&[("请求成功.", &[0, 1, 2]), ("请求成功。", &[3])]),
            Lang::Zh,
            None,
        );
        assert_ne!(e.canonical.as_deref(), Some("请求成功."));
        // Other services: one vote each, whatever their pages.
        let mut v = texts(&[("A", &[0]), ("B", &[1])]);
        v[0].pages = vec![0, 2, 3];
        let e = elect(v, Lang::En, None);
        assert!(e.canonical.is_none());
    }

    #[test]
    fn wording_groups_punctuation_variants() {
        let e = elect(
            texts(&[
                ("请求未完成。服务异常。", &[0, 1, 2]),
                ("请求未完成，服务异常。", &[3]),
                ("服务内部错误。", &[4]),
            ]),
            Lang::Zh,
            None,
        );
        assert_eq!(e.canonical.as_deref(), Some("请求未完成。服务异常。"));
        assert_eq!(e.pages, vec![0, 1, 2]);
        assert!(e.tie.is_none());
        assert_eq!(e.variants.len(), 2);
    }

    #[test]
    fn punctuation_variants_add_up_against_another_wording() {
        // 2 + 1 services of one wording beat 2 of another; within it, the
        // form of 2 services wins.
        let e = elect(
            texts(&[("A。B。", &[0, 1]), ("A，B。", &[2]), ("C。", &[4, 5])]),
            Lang::Zh,
            None,
        );
        assert_eq!(e.canonical.as_deref(), Some("A。B。"));
    }

    #[test]
    fn votes_are_per_service() {
        // One service's three pages do not outvote two services.
        let mut t = texts(&[("甲。", &[0, 1, 2]), ("乙。", &[3, 4])]);
        t[0].services = vec!["ecs".into()];
        let e = elect(t, Lang::Zh, None);
        assert_eq!(e.canonical.as_deref(), Some("乙。"));
    }

    #[test]
    fn a_tie_elects_nothing_and_names_the_tied_texts() {
        let e = elect(texts(&[("乙", &[1]), ("甲", &[0])]), Lang::Zh, None);
        assert_eq!(e.canonical, None);
        assert_eq!(e.source, Source::Tie);
        let tie = e.tie.unwrap();
        assert_eq!(tie.kind, TieKind::Wording);
        assert_eq!(tie.texts.len(), 2);
        assert_eq!(e.variants.len(), 2);
    }

    #[test]
    fn full_width_marks_win_in_chinese() {
        // A 1–1 tie elects nothing, whatever the marks.
        let e = elect(
            texts(&[("请求成功.", &[0]), ("请求成功。", &[1])]),
            Lang::Zh,
            None,
        );
        assert_eq!(e.canonical, None);
        assert_eq!(e.tie.map(|t| t.kind), Some(TieKind::Form));
        // Against a majority, the full-width form wins.
        let e = elect(
            texts(&[("请求成功.", &[0, 2, 3]), ("请求成功。", &[1])]),
            Lang::Zh,
            None,
        );
        assert_eq!(e.canonical.as_deref(), Some("请求成功。"));
        // A form tie that marks cannot decide elects nothing.
        let e = elect(
            texts(&[("请求成功！", &[0]), ("请求成功。", &[1])]),
            Lang::Zh,
            None,
        );
        assert_eq!(e.tie.map(|t| t.kind), Some(TieKind::Form));
        assert_eq!(half_width_marks("POST操作(成功)."), 2);
        assert_eq!(half_width_marks("请求成功."), 1);
        assert_eq!(half_width_marks("Use v1.2, then (x)."), 0);
    }

    #[test]
    fn pins_win() {
        let pin = "请求参数错误。".to_string();
        let e = elect(
            texts(&[("服务器未能处理请求。", &[0, 1, 2])]),
            Lang::Zh,
            Some(&pin),
        );
        assert_eq!(e.canonical.as_ref(), Some(&pin));
        assert_eq!(e.source, Source::Pinned);
        assert!(e.pages.is_empty());
        assert_eq!(e.variants.len(), 1);
        // A pin settles a tie.
        let e = elect(texts(&[("乙", &[1]), ("甲", &[0])]), Lang::Zh, Some(&pin));
        assert!(e.tie.is_none());
    }

    #[test]
    fn width_folds() {
        assert_eq!(wording("ＡＢ１，"), "AB1");
        assert_eq!(
            wording("请求未完成，服务异常。"),
            wording("请求未完成。服务异常")
        );
        assert_ne!(wording("请求成功&"), wording("请求成功。"));
        assert_ne!(wording("成功👍"), wording("成功"));
        // Marks inside numbers, types and names are wording.
        assert_ne!(
            wording("请求体不能超过1.5MB。"),
            wording("请求体不能超过15MB。")
        );
        assert_ne!(wording("application/json"), wording("application json"));
        assert_eq!(wording("请求成功."), wording("请求成功。"));
        assert_eq!(wording("Bad request."), wording("Bad request"));
        // Words stay apart: merging two is no change of spacing alone.
        assert_ne!(wording("in some time."), wording("in sometime."));
        assert_eq!(
            wording("Request timed out. Retry"),
            wording("Request timed out, retry").replace("retry", "Retry")
        );
        assert_eq!(wording("timed out.  Retry"), wording("timed out Retry"));
        assert_eq!(wording("使用 HTTPS 协议"), wording("使用HTTPS协议"));
        assert_eq!(wording("Not found"), "Not found");
    }
}
