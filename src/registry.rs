//! The HTTP status code registry (RFC 9110 and the IANA "HTTP Status Code
//! Registry"), built in so that doclint needs no network.
//!
//! Each code has its current reason phrase and the names it was registered
//! under before (RFC 2616, RFC 7231): pages written years ago still say
//! `Request Entity Too Large`, and that is not wrong unless the team asks for
//! the current names.

/// One registered status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    /// The code, 100–599.
    pub code: u16,
    /// The reason phrase the registry lists today.
    pub reason: &'static str,
    /// Reason phrases the code was registered under before.
    pub former: &'static [&'static str],
}

const fn s(code: u16, reason: &'static str, former: &'static [&'static str]) -> Status {
    Status {
        code,
        reason,
        former,
    }
}

/// Every registered code, sorted by code.
pub static REGISTRY: &[Status] = &[
    s(100, "Continue", &[]),
    s(101, "Switching Protocols", &[]),
    s(102, "Processing", &[]),
    s(103, "Early Hints", &[]),
    s(200, "OK", &[]),
    s(201, "Created", &[]),
    s(202, "Accepted", &[]),
    s(203, "Non-Authoritative Information", &[]),
    s(204, "No Content", &[]),
    s(205, "Reset Content", &[]),
    s(206, "Partial Content", &[]),
    s(207, "Multi-Status", &[]),
    s(208, "Already Reported", &[]),
    s(226, "IM Used", &[]),
    s(300, "Multiple Choices", &[]),
    s(301, "Moved Permanently", &[]),
    s(302, "Found", &["Moved Temporarily"]),
    s(303, "See Other", &[]),
    s(304, "Not Modified", &[]),
    s(305, "Use Proxy", &[]),
    s(306, "(Unused)", &["Unused", "Switch Proxy"]),
    s(307, "Temporary Redirect", &[]),
    s(308, "Permanent Redirect", &[]),
    s(400, "Bad Request", &[]),
    s(401, "Unauthorized", &[]),
    s(402, "Payment Required", &[]),
    s(403, "Forbidden", &[]),
    s(404, "Not Found", &[]),
    s(405, "Method Not Allowed", &[]),
    s(406, "Not Acceptable", &[]),
    s(407, "Proxy Authentication Required", &[]),
    s(408, "Request Timeout", &["Request Time-out"]),
    s(409, "Conflict", &[]),
    s(410, "Gone", &[]),
    s(411, "Length Required", &[]),
    s(412, "Precondition Failed", &[]),
    s(
        413,
        "Content Too Large",
        &["Payload Too Large", "Request Entity Too Large"],
    ),
    s(
        414,
        "URI Too Long",
        &["Request-URI Too Long", "Request-URI Too Large"],
    ),
    s(415, "Unsupported Media Type", &[]),
    s(
        416,
        "Range Not Satisfiable",
        &[
            "Requested Range Not Satisfiable",
            "Requested range not satisfiable",
        ],
    ),
    s(417, "Expectation Failed", &[]),
    s(418, "(Unused)", &["Unused", "I'm a teapot", "I'm a Teapot"]),
    s(421, "Misdirected Request", &[]),
    s(422, "Unprocessable Content", &["Unprocessable Entity"]),
    s(423, "Locked", &[]),
    s(424, "Failed Dependency", &[]),
    s(425, "Too Early", &[]),
    s(426, "Upgrade Required", &[]),
    s(428, "Precondition Required", &[]),
    s(429, "Too Many Requests", &[]),
    s(431, "Request Header Fields Too Large", &[]),
    s(451, "Unavailable For Legal Reasons", &[]),
    s(500, "Internal Server Error", &[]),
    s(501, "Not Implemented", &[]),
    s(502, "Bad Gateway", &[]),
    s(503, "Service Unavailable", &[]),
    s(504, "Gateway Timeout", &["Gateway Time-out"]),
    s(
        505,
        "HTTP Version Not Supported",
        &["HTTP Version not supported"],
    ),
    s(506, "Variant Also Negotiates", &[]),
    s(507, "Insufficient Storage", &[]),
    s(508, "Loop Detected", &[]),
    s(510, "Not Extended", &[]),
    s(511, "Network Authentication Required", &[]),
];

/// The registry entry of `code`, if it is registered.
pub fn lookup(code: u16) -> Option<&'static Status> {
    REGISTRY
        .binary_search_by_key(&code, |s| s.code)
        .ok()
        .map(|i| &REGISTRY[i])
}

/// Whether `phrase` is the registered phrase (current or former) of some
/// code, but for case, spaces and hyphens.
pub fn is_some_reason(phrase: &str) -> bool {
    // Every registered phrase, squeezed once.
    static KEYS: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| {
            REGISTRY
                .iter()
                .flat_map(|s| std::iter::once(s.reason).chain(s.former.iter().copied()))
                .map(squeeze)
                .collect()
        });
    KEYS.contains(&squeeze(phrase))
}

/// How a reason phrase written on a page relates to the registry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonCheck {
    /// Exactly the current phrase, or a former one when former ones are allowed.
    Registered,
    /// The same words as `expected` but for letter case, spaces or hyphens.
    CaseOrSpacing { expected: &'static str },
    /// Other words: `expected` is the current phrase.
    Different { expected: &'static str },
}

/// Squeezes a phrase to lower case without spaces and hyphens, so that
/// `BadRequest`, `bad request` and `Request-URI`/`Request URI` compare
/// equal; other marks (brackets, dots) still count.
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Collapses white space (including no-break spaces) to single spaces.
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `phrase` with the first letter of every word in upper case.
fn title_case(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut start = true;
    for c in phrase.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == ' ';
    }
    out
}

/// Checks the reason phrase `found` written for `status`.
///
/// `allow_former` accepts the names a code was registered under before.
pub fn check_reason(status: &Status, found: &str, allow_former: bool) -> ReasonCheck {
    let found = normalize_space(found);
    let former: &[&'static str] = if allow_former { status.former } else { &[] };
    // A former name is accepted as its RFC wrote it (RFC 2616:
    // `Requested range not satisfiable`, `HTTP Version not supported`) and
    // in title case, alike for every code.
    if found == status.reason || former.iter().any(|f| *f == found || title_case(f) == found) {
        return ReasonCheck::Registered;
    }
    let key = squeeze(&found);
    // Prefer the current name, then the former ones (in the order listed),
    // so that the suggestion is deterministic.
    if key == squeeze(status.reason) {
        return ReasonCheck::CaseOrSpacing {
            expected: status.reason,
        };
    }
    for f in status.former {
        if key == squeeze(f) {
            // Without former names allowed, moving to the current name
            // changes words, not only case.
            return if allow_former {
                ReasonCheck::CaseOrSpacing { expected: f }
            } else {
                ReasonCheck::Different {
                    expected: status.reason,
                }
            };
        }
    }
    // A misspelt former name (`Move temporarily` for 302) is mended to that
    // name, not rewritten to the current one (`Found`): the nearest accepted
    // name, when it is within a few letters.
    let distance =
        |name: &str| crate::parse::page::distance(key.as_bytes(), squeeze(name).as_bytes());
    let current = distance(status.reason);
    let nearest = former
        .iter()
        .map(|f| (distance(f), *f))
        .filter(|(d, f)| *d < current && d * 10 <= key.len().max(squeeze(f).len()) * 3)
        .min_by_key(|(d, _)| *d);
    ReasonCheck::Different {
        expected: nearest.map_or(status.reason, |(_, f)| f),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn some_reason_is_any_registered_phrase_squeezed() {
        for st in REGISTRY {
            for r in std::iter::once(st.reason).chain(st.former.iter().copied()) {
                assert!(is_some_reason(r), "{r}");
                assert!(is_some_reason(&r.to_uppercase().replace(' ', "")), "{r}");
            }
        }
        assert!(is_some_reason("bad-request"));
        assert!(!is_some_reason("Server Internal Error"));
        assert!(!is_some_reason(""));
    }

    #[test]
    fn registry_is_sorted_and_unique() {
        assert!(REGISTRY.windows(2).all(|w| w[0].code < w[1].code));
    }

    /// A misspelt former name is mended to it, not to the current name; far
    /// from every name, or without former names, the current one stands.
    #[test]
    fn the_nearest_accepted_name_is_expected() {
        let found = lookup(302).unwrap();
        let expected = |text: &str, former: bool| match check_reason(found, text, former) {
            ReasonCheck::Different { expected } => expected,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(expected("Move temporarily", true), "Moved Temporarily");
        assert_eq!(expected("Move temporarily", false), "Found");
        assert_eq!(expected("Redirect", true), "Found");
        assert_eq!(expected("Fund", true), "Found");
    }

    /// Issue 12, class 10: the RFC 2616 names are accepted alike.
    #[test]
    fn former_names_are_accepted_alike() {
        for (code, name) in [
            (505, "HTTP Version not supported"),
            (416, "Requested range not satisfiable"),
            (416, "Requested Range Not Satisfiable"),
            (408, "Request Time-out"),
            (504, "Gateway Time-out"),
            (414, "Request-URI Too Large"),
            (413, "Request Entity Too Large"),
        ] {
            let status = lookup(code).unwrap();
            assert_eq!(
                check_reason(status, name, true),
                ReasonCheck::Registered,
                "{code} {name}"
            );
            assert_ne!(check_reason(status, name, false), ReasonCheck::Registered);
        }
    }

    #[test]
    fn reason_checks() {
        let accepted = lookup(202).unwrap();
        assert_eq!(
            check_reason(accepted, "Accept", true),
            ReasonCheck::Different {
                expected: "Accepted"
            }
        );
        let mc = lookup(300).unwrap();
        assert_eq!(
            check_reason(mc, "multiple choices", true),
            ReasonCheck::CaseOrSpacing {
                expected: "Multiple Choices"
            }
        );
        let br = lookup(400).unwrap();
        assert_eq!(
            check_reason(br, "BadRequest", true),
            ReasonCheck::CaseOrSpacing {
                expected: "Bad Request"
            }
        );
        assert_eq!(
            check_reason(br, "Bad\u{a0}Request", true),
            ReasonCheck::Registered
        );
        let large = lookup(413).unwrap();
        assert_eq!(
            check_reason(large, "Request Entity Too Large", true),
            ReasonCheck::Registered
        );
        assert_eq!(
            check_reason(large, "Request Entity Too Large", false),
            ReasonCheck::Different {
                expected: "Content Too Large"
            }
        );
        assert_eq!(
            check_reason(large, "request entity too large", false),
            ReasonCheck::Different {
                expected: "Content Too Large"
            }
        );
        assert_eq!(
            check_reason(large, "request entity too large", true),
            ReasonCheck::CaseOrSpacing {
                expected: "Request Entity Too Large"
            }
        );
        let su = lookup(503).unwrap();
        assert_eq!(
            check_reason(su, "Service Unavaliable", true),
            ReasonCheck::Different {
                expected: "Service Unavailable"
            }
        );
        assert!(lookup(499).is_none());
    }
}
