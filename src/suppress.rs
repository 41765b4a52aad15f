//! Inline suppression: `<!-- doclint-disable DL001 -->` in a page silences
//! the rule from there to the end of the page, or until
//! `<!-- doclint-enable -->` (or `<!-- doclint-enable DL001 -->`). Without ids
//! the comment applies to every rule. A comment naming anything that is not
//! a rule id or name silences nothing, and is reported (DL009).

use crate::parse::html::comment_open;
use crate::rules::{Finding, Rule, Severity};
use crate::source::Span;

/// One directive in a page.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Directive {
    /// Byte offset of the comment.
    at: usize,
    /// Disable (true) or enable (false).
    disable: bool,
    /// The rules it names; empty for all.
    rules: Vec<Rule>,
}

/// A directive that names something that is not a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Invalid {
    /// The whole comment.
    comment: Span,
    /// The unknown tokens and where they are.
    unknown: Vec<(Span, String)>,
}

/// The directives of one page, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    directives: Vec<Directive>,
    invalid: Vec<Invalid>,
}

impl Suppressions {
    /// Reads the directives in `src`.
    pub fn parse(src: &str) -> Suppressions {
        let b = src.as_bytes();
        let mut directives = Vec::new();
        let mut invalid = Vec::new();
        let opens = std::iter::successors(comment_open(b, 0), |&at| comment_open(b, at + 4));
        for at in opens {
            let body_start = at + 4;
            let Some(len) = memchr::memmem::find(&b[body_start..], b"-->") else {
                break;
            };
            let raw = &src[body_start..body_start + len];
            let body = raw.trim_start();
            let body_at = body_start + (raw.len() - body.len());
            let body = body.trim_end();
            let directive = |name: &str| {
                body.strip_prefix(name)
                    .filter(|r| r.is_empty() || r.starts_with(char::is_whitespace))
            };
            let (disable, rest) = if let Some(r) = directive("doclint-disable") {
                (true, r)
            } else if let Some(r) = directive("doclint-enable") {
                (false, r)
            } else {
                // Something meant as a directive that is not one
                // (`doclint-disable:`, `DOCLINT-DISABLE`,
                // `doclint-disable-next-line`) silences nothing: said.
                let word_len = body.find(|c: char| c.is_whitespace()).unwrap_or(body.len());
                let word = &body[..word_len];
                if word.to_ascii_lowercase().starts_with("doclint") {
                    invalid.push(Invalid {
                        comment: Span::new(at, body_start + len + 3),
                        unknown: vec![(Span::new(body_at, body_at + word_len), word.to_string())],
                    });
                }
                continue;
            };
            let rest_at = body_at + (body.len() - rest.len());
            let mut rules = Vec::new();
            let mut unknown = Vec::new();
            let tokens = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .map(|t| (t.as_ptr() as usize - rest.as_ptr() as usize, t));
            for (offset, token) in tokens {
                let token_at = rest_at + offset;
                if token.is_empty() {
                    continue;
                }
                match Rule::from_id(token) {
                    Some(r) => rules.push(r),
                    None => unknown.push((
                        Span::new(token_at, token_at + token.len()),
                        token.to_string(),
                    )),
                }
            }
            if unknown.is_empty() {
                directives.push(Directive { at, disable, rules });
            } else {
                invalid.push(Invalid {
                    comment: Span::new(at, body_start + len + 3),
                    unknown,
                });
            }
        }
        Suppressions {
            directives,
            invalid,
        }
    }

    /// One DL009 finding for each unknown name in a directive of the page
    /// `doc`: such a directive silences nothing.
    pub fn invalid(&self, doc: usize) -> impl Iterator<Item = Finding> + '_ {
        self.invalid.iter().flat_map(move |d| {
            d.unknown.iter().map(move |(span, token)| {
                let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                Finding {
                    rule: Rule::InvalidSuppression,
                    severity: Severity::Warning,
                    doc,
                    span: *span,
                    code: None,
                    message: if token.to_ascii_lowercase().starts_with("doclint") {
                        format!(
                            "`{token}` is not a doclint directive (`doclint-disable [IDS]` or `doclint-enable [IDS]`): this comment silences nothing"
                        )
                    } else {
                        format!("`{token}` is not a rule: this suppression comment silences nothing")
                    },
                    label: "not a rule id or name".into(),
                    text: Some(token.clone()),
                    expected: None,
                    fix: None,
                    notes: vec![
                        format!("rules are {}", ids.join(", ")),
                        format!(
                            "the comment is at bytes {}..{}; without ids it silences every rule",
                            d.comment.start, d.comment.end
                        ),
                    ],
                    related: None,
                }
            })
        })
    }

    /// Whether `rule` is silenced at byte `offset`.
    pub fn silences(&self, rule: Rule, offset: usize) -> bool {
        let mut off = false;
        for d in self.directives.iter().take_while(|d| d.at <= offset) {
            if d.rules.is_empty() || d.rules.contains(&rule) {
                off = d.disable;
            }
        }
        off
    }

    /// Whether the page has no directives.
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty() && self.invalid.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges() {
        let src = "XA <!-- doclint-disable DL001 --> XB <!-- doclint-enable --> XC <!-- doclint-disable --> XD";
        let s = Suppressions::parse(src);
        let at = |t: &str| src.find(t).unwrap();
        assert!(!s.silences(Rule::DescriptionMismatch, at("XA")));
        assert!(s.silences(Rule::DescriptionMismatch, at("XB")));
        assert!(!s.silences(Rule::PunctuationMismatch, at("XB")));
        assert!(!s.silences(Rule::DescriptionMismatch, at("XC")));
        assert!(s.silences(Rule::PunctuationMismatch, at("XD")));
        assert!(s.silences(Rule::DescriptionMismatch, at("XD")));
    }

    #[test]
    fn names_work_and_other_comments_do_not() {
        let s = Suppressions::parse(
            "<!-- doclint-disable punctuation-mismatch, DL004 --> x <!-- doclint-disabled --> <!-- note -->",
        );
        assert!(s.silences(Rule::PunctuationMismatch, 60));
        assert!(s.silences(Rule::ReasonPhrase, 60));
        assert!(!s.silences(Rule::DescriptionMismatch, 60));
        assert_eq!(s.directives.len(), 1);
    }

    #[test]
    fn unknown_ids_silence_nothing_and_are_reported() {
        let src = "a <!-- doclint-disable DL0001 --> b <!--doclint-disable DL001,typo--> c";
        let s = Suppressions::parse(src);
        assert!(!s.silences(Rule::DescriptionMismatch, src.len() - 1));
        assert!(!s.silences(Rule::PunctuationMismatch, src.len() - 1));
        let found: Vec<Finding> = s.invalid(0).collect();
        assert_eq!(found.len(), 2);
        assert_eq!(&src[found[0].span.start..found[0].span.end], "DL0001");
        assert_eq!(&src[found[1].span.start..found[1].span.end], "typo");
        assert!(found.iter().all(|f| f.rule == Rule::InvalidSuppression));
    }

    #[test]
    fn near_miss_directives_are_reported() {
        for src in [
            "<!-- doclint-disable: DL001 -->",
            "<!-- doclint-disabled DL001 -->",
            "<!-- doclint-disable-next-line DL001 -->",
            "<!-- DOCLINT-DISABLE DL001 -->",
            "<!--doclint-disable\u{3000}DL0001-->",
        ] {
            let s = Suppressions::parse(src);
            let found: Vec<Finding> = s.invalid(0).collect();
            assert_eq!(found.len(), 1, "{src}");
            let f = &found[0];
            assert_eq!(
                &src[f.span.start..f.span.end],
                f.text.as_deref().unwrap(),
                "{src}"
            );
            assert!(!s.silences(Rule::DescriptionMismatch, src.len()), "{src}");
        }
        // Other comments are not directives.
        assert!(Suppressions::parse("<!-- note: doclint-disable -->").is_empty());
    }
}
