//! The canonical model: for every status code, its registered reason phrase,
//! the canonical description (per language), every variant with the pages
//! that use it, and which pages document the code.
//!
//! The election: descriptions are first grouped by their *wording* (the text
//! without punctuation, white space and full/half-width differences), so that
//! `请求未完成。服务异常。` and `请求未完成，服务异常。` count for the same
//! wording. The wording used by most pages wins; within it, the exact form
//! used by most pages is canonical. Ties are broken by code-point order of
//! the text, and the model records that there was a tie so that rules can
//! say so. A description pinned in config always wins.

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
    /// The folder it was found under.
    pub root: std::path::PathBuf,
    /// The service the page belongs to.
    pub service: String,
    /// The file's text, exactly as on disk.
    pub src: String,
    /// What doclint read from it.
    pub page: Page,
}

/// Where the canonical description comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Used by most pages.
    Majority,
    /// Pinned in config.
    Pinned,
}

impl Source {
    /// `majority` or `pinned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Majority => "majority",
            Source::Pinned => "pinned",
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
}

/// The canonical description of one code in one language.
#[derive(Debug, Clone)]
pub struct Election {
    /// The canonical text.
    pub canonical: String,
    /// Majority or pinned.
    pub source: Source,
    /// Pages that use the canonical text exactly.
    pub pages: Vec<usize>,
    /// The winning wording tied with another wording on page count.
    pub wording_tie: bool,
    /// The winning form tied with another form of the same wording.
    pub form_tie: bool,
    /// Every other text, most-used first.
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

/// The wording of a description: the text without punctuation and white
/// space, full-width forms folded to half-width.
pub fn wording(text: &str) -> String {
    text.chars()
        .map(fold_width)
        .filter(|c| !is_punctuation(*c))
        .collect()
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
                    .map(|(lang, texts)| (lang, elect(texts, pins.get(&(code, lang)))))
                    .collect();
                let cm = CodeModel {
                    code,
                    reason: registry::lookup(code).map(|s| s.reason),
                    pages,
                    descriptions,
                };
                (code, cm)
            })
            .collect();
        Model {
            codes,
            page_count: docs.len(),
        }
    }
}

/// The forms of one wording: all pages using any form, and each form.
type Group<'a> = (BTreeSet<usize>, Vec<(&'a String, &'a BTreeSet<usize>)>);

fn elect(texts: BTreeMap<String, BTreeSet<usize>>, pin: Option<&String>) -> Election {
    // Group by wording; count pages per group (a page counts once per group).
    let mut groups: BTreeMap<String, Group<'_>> = BTreeMap::new();
    for (text, pages) in &texts {
        let g = groups.entry(wording(text)).or_default();
        g.0.extend(pages.iter().copied());
        g.1.push((text, pages));
    }
    let mut ranked: Vec<_> = groups.values().collect();
    // Most pages first; ties by the smallest text in the group.
    ranked.sort_by(|a, b| {
        b.0.len()
            .cmp(&a.0.len())
            .then_with(|| a.1[0].0.cmp(b.1[0].0))
    });
    let wording_tie = ranked.len() > 1 && ranked[0].0.len() == ranked[1].0.len();
    let mut forms = ranked[0].1.clone();
    forms.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(b.0)));
    let form_tie = forms.len() > 1 && forms[0].1.len() == forms[1].1.len();
    let (canonical, source, wording_tie, form_tie) = match pin {
        Some(p) => (p.clone(), Source::Pinned, false, false),
        None => (forms[0].0.clone(), Source::Majority, wording_tie, form_tie),
    };
    let pages = texts
        .get(&canonical)
        .map(|p| p.iter().copied().collect())
        .unwrap_or_default();
    let mut variants: Vec<Variant> = texts
        .iter()
        .filter(|(t, _)| **t != canonical)
        .map(|(t, p)| Variant {
            text: t.clone(),
            pages: p.iter().copied().collect(),
        })
        .collect();
    variants.sort_by(|a, b| {
        b.pages
            .len()
            .cmp(&a.pages.len())
            .then_with(|| a.text.cmp(&b.text))
    });
    Election {
        canonical,
        source,
        pages,
        wording_tie,
        form_tie,
        variants,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(v: &[(&str, &[usize])]) -> BTreeMap<String, BTreeSet<usize>> {
        v.iter()
            .map(|(t, p)| (t.to_string(), p.iter().copied().collect()))
            .collect()
    }

    #[test]
    fn wording_groups_punctuation_variants() {
        let e = elect(
            texts(&[
                ("请求未完成。服务异常。", &[0, 1, 2]),
                ("请求未完成，服务异常。", &[3]),
                ("服务内部错误。", &[4]),
            ]),
            None,
        );
        assert_eq!(e.canonical, "请求未完成。服务异常。");
        assert_eq!(e.pages, vec![0, 1, 2]);
        assert!(!e.wording_tie && !e.form_tie);
        assert_eq!(e.variants.len(), 2);
    }

    #[test]
    fn punctuation_variants_add_up_against_another_wording() {
        // 2 + 2 pages of one wording beat 3 pages of another.
        let e = elect(
            texts(&[
                ("A。B。", &[0, 1]),
                ("A，B。", &[2, 3]),
                ("C。", &[4, 5, 6]),
            ]),
            None,
        );
        assert_eq!(e.canonical, "A。B。");
        assert!(e.form_tie);
    }

    #[test]
    fn ties_are_deterministic_and_recorded() {
        let e = elect(texts(&[("乙", &[1]), ("甲", &[0])]), None);
        assert_eq!(e.canonical, "乙");
        assert!(e.wording_tie);
    }

    #[test]
    fn pins_win() {
        let pin = "请求参数错误。".to_string();
        let e = elect(texts(&[("服务器未能处理请求。", &[0, 1, 2])]), Some(&pin));
        assert_eq!(e.canonical, pin);
        assert_eq!(e.source, Source::Pinned);
        assert!(e.pages.is_empty());
        assert_eq!(e.variants.len(), 1);
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
    }
}
