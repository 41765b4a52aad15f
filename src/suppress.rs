//! Inline suppression: `<!-- doclint-disable DL001 -->` in a page silences
//! the rule from there to the end of the page, or until
//! `<!-- doclint-enable -->` (or `<!-- doclint-enable DL001 -->`). Without ids
//! the comment applies to every rule.

use crate::rules::Rule;

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

/// The directives of one page, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    directives: Vec<Directive>,
}

impl Suppressions {
    /// Reads the directives in `src`.
    pub fn parse(src: &str) -> Suppressions {
        let b = src.as_bytes();
        let mut directives = Vec::new();
        for at in memchr::memmem::find_iter(b, b"<!--") {
            let body_start = at + 4;
            let Some(len) = memchr::memmem::find(&b[body_start..], b"-->") else {
                break;
            };
            let body = src[body_start..body_start + len].trim();
            let (disable, rest) = if let Some(r) = body.strip_prefix("doclint-disable") {
                (true, r)
            } else if let Some(r) = body.strip_prefix("doclint-enable") {
                (false, r)
            } else {
                continue;
            };
            // `doclint-disabled` is not a directive.
            if rest.starts_with(|c: char| !c.is_whitespace()) {
                continue;
            }
            let rules = rest
                .split(|c: char| c.is_whitespace() || c == ',')
                .filter_map(Rule::from_id)
                .collect();
            directives.push(Directive { at, disable, rules });
        }
        Suppressions { directives }
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
        self.directives.is_empty()
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
}
