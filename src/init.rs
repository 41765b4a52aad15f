//! `doclint init`: a commented `doclint.toml` that pins today's canonical
//! model (the majority), for the team to edit. A tie is written as a choice
//! to make (every tied text, commented out), never as a pin.

use crate::lint::Outcome;
use crate::rules::services;

fn quote(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The config text for the tree `outcome` was run on; `respect_gitignore`
/// false when it read the files ignore rules leave out.
pub fn render(outcome: &Outcome, respect_gitignore: bool) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# doclint.toml, written by `doclint init` from {} status page{} of {} service{}.\n",
        outcome.status_docs().len(),
        if outcome.status_docs().len() == 1 {
            ""
        } else {
            "s"
        },
        outcome.services(),
        if outcome.services() == 1 { "" } else { "s" },
    ));
    out.push_str(
        "# It pins today's majority wording of every code: edit the pins to the wording\n\
         # your team wants, and every page that differs is reported. `doclint explain\n\
         # DL001` (… DL013) documents each rule.\n\n",
    );
    out.push_str(
        "# Files to lint, as globs relative to this file's folder (default: every .md).\n\
         # include = [\"**/*.md\"]\n\
         # exclude = [\"**/LICENSE.md\"]\n\n\
         # A page's service is the folder under the deepest folder holding every\n\
         # status page (docs/ecs/… → ecs). To name it by a folder level under this\n\
         # folder instead (1 = the first level):\n\
         # service-level = 2\n\
         # [[service]]\n\
         # paths = [\"legacy/ecs-v1/**\"]\n\
         # name = \"ecs\"\n\n\
         # Codes every status page must document: a page lacking one gets a warning.\n\
         # required = [400, 401, 403, 404, 500]\n\n\
         # A code missing from a page is a warning when at least this share of pages\n\
         # documents it, advice otherwise.\n\
         missing-share = 0.5\n\n\
         # true: ask for the current reason phrases (`Content Too Large`) rather than\n\
         # accepting the former ones (`Request Entity Too Large`).\n\
         current-reasons = false\n\n\
         # Languages whose descriptions are compared: \"zh\", \"en\" (default: all).\n\
         # languages = [\"zh\"]\n\n\
         # false: also read the files .gitignore and .ignore leave out.\n",
    );
    out.push_str(match respect_gitignore {
        true => "# respect-gitignore = true\n\n",
        false => "respect-gitignore = false\n\n",
    });
    out.push_str(
        "# false: read status-code pages only, not the per-operation status\n\
         # tables of API pages (DL010-DL013).\n\
         # operations = true\n\n\
         # Findings recorded by `doclint baseline` are not reported.\n\
         # baseline = \"doclint-baseline.json\"\n\n\
         # Rule levels: \"error\", \"warning\", \"advice\" or \"off\".\n\
         [rules]\n\
         # DL003 = \"advice\"\n\n\
         # Levels for some paths only.\n\
         # [[overrides]]\n\
         # paths = [\"legacy/**\"]\n\
         # rules = { DL001 = \"off\" }\n\n\
         # The canonical description of each code (and, optionally, its reason\n\
         # phrase: reason = \"Bad Request\").\n",
    );
    for cm in outcome.model.codes.values() {
        // The language most pages write this code's description in.
        let main = cm.descriptions.values().max_by_key(|e| {
            e.pages.len() + e.variants.iter().map(|v| v.pages.len()).sum::<usize>()
        });
        out.push_str(&format!("\n[canonical.{}]\n", cm.code));
        match main {
            Some(e) => match &e.canonical {
                Some(c) => {
                    out.push_str(&format!("description = {}\n", quote(c)));
                    out.push_str(&format!("# used by {}\n", services(&e.services)));
                    for v in &e.variants {
                        out.push_str(&format!(
                            "# variant: {} ({})\n",
                            quote(&v.text),
                            services(&v.services)
                        ));
                    }
                }
                None => {
                    out.push_str(
                        "# A TIE, a choice to make: no text is used by more services than\n\
                         # the others. Uncomment the one to keep; until then every page\n\
                         # documenting this code is reported, with no fix.\n",
                    );
                    for v in &e.variants {
                        out.push_str(&format!(
                            "# description = {}  # {}\n",
                            quote(&v.text),
                            services(&v.services)
                        ));
                    }
                }
            },
            None => out.push_str("# no page describes this code\n"),
        }
        if let Some(r) = cm.reason {
            out.push_str(&format!("# reason = {}\n", quote(r)));
        }
    }
    out
}
