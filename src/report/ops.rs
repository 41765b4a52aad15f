//! The per-service model of operations in `doclint model` (human and JSON)
//! and in the HTML report: per service, how many operations return each
//! code, and for 4xx and 5xx codes the service's wording and its variants.

use serde::Serialize;

use crate::lint::Outcome;

#[derive(Serialize)]
struct VariantJson<'a> {
    description: &'a str,
    operations: usize,
}

#[derive(Serialize)]
struct CodeJson<'a> {
    code: u16,
    operations: usize,
    canonical: Option<&'a str>,
    source: Option<&'static str>,
    variants: Vec<VariantJson<'a>>,
}

/// One service's operations, as in `doclint model --format json`: its
/// `operations` are its API pages; a code's and a variant's, the operation
/// tables returning or writing it (a page may document several
/// operations), as the election counts them.
#[derive(Serialize)]
pub struct ServiceJson<'a> {
    service: &'a str,
    operations: usize,
    codes: Vec<CodeJson<'a>>,
}

/// Every service's operations as JSON values.
pub fn json(outcome: &Outcome) -> Vec<ServiceJson<'_>> {
    outcome
        .ops
        .services
        .iter()
        .map(|(name, s)| ServiceJson {
            service: name,
            operations: s.operations,
            codes: s
                .codes
                .iter()
                .map(|(code, c)| {
                    // The main language: the one most operations write.
                    let e = c
                        .descriptions
                        .values()
                        .max_by_key(|e| e.tables.iter().sum::<usize>());
                    CodeJson {
                        code: *code,
                        operations: c.tables,
                        canonical: e.and_then(|e| e.canonical.as_deref()),
                        source: e.and_then(|e| e.canonical.as_ref().map(|_| e.source.as_str())),
                        variants: e
                            .map(|e| {
                                e.variants
                                    .iter()
                                    .zip(&e.tables)
                                    .map(|(v, n)| VariantJson {
                                        description: &v.text,
                                        operations: *n,
                                    })
                                    .collect()
                            })
                            .unwrap_or_default(),
                    }
                })
                .collect(),
        })
        .collect()
}

/// `line` cut to `width` columns (with `…`), and a newline.
fn fit(line: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut out = String::new();
    if line.width() <= width {
        out.push_str(line);
    } else {
        let mut n = 0;
        for c in line.chars() {
            let w = c.width().unwrap_or(0);
            if n + w > width.saturating_sub(1) {
                break;
            }
            n += w;
            out.push(c);
        }
        out.push('…');
    }
    out.push('\n');
    out
}

/// The operations section of `doclint model`: one block per service, each
/// line at most `width` columns.
pub fn render_human(outcome: &Outcome, width: usize) -> String {
    let mut out = String::new();
    if outcome.ops.services.is_empty() {
        return out;
    }
    out.push_str(&fit(
        &format!(
            "\nOperations: {} API page{} with status tables ({} row{}) in {} service{}",
            outcome.operation_docs().len(),
            plural(outcome.operation_docs().len()),
            outcome.operation_rows(),
            plural(outcome.operation_rows()),
            outcome.ops.services.len(),
            plural(outcome.ops.services.len())
        ),
        width,
    ));
    for s in json(outcome) {
        out.push_str(&fit(
            &format!(
                "\n{} ({} API page{})",
                s.service,
                s.operations,
                plural(s.operations)
            ),
            width,
        ));
        for c in &s.codes {
            let tie = c.canonical.is_none() && c.variants.len() > 1;
            out.push_str(&fit(
                &format!(
                    "  {:<4} {:>4} op{}  {}",
                    c.code,
                    c.operations,
                    if c.operations == 1 { " " } else { "s" },
                    match (c.canonical, tie) {
                        (Some(t), _) => crate::rules::one_line(t),
                        (None, true) => "(no wording most operations agree on)".into(),
                        (None, false) => String::new(),
                    }
                ),
                width,
            ));
            for v in c
                .variants
                .iter()
                .filter(|v| Some(v.description) != c.canonical)
            {
                out.push_str(&fit(
                    &format!(
                        "              {:>4} × {}",
                        v.operations,
                        crate::rules::one_line(v.description)
                    ),
                    width,
                ));
            }
        }
    }
    out
}

/// `text` escaped for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The operations section of the HTML report: per service, a table of the
/// codes its operations return, how many return each, the service's
/// wording and its variants.
pub fn render_html(outcome: &Outcome, out: &mut String) {
    use std::fmt::Write;
    if outcome.ops.services.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section id=\"operations\">\n<h2>Operations</h2>\n<p class=\"help\">{} API page{} with \
         status tables ({} row{}). Per service: how many operations return each code, and for \
         4xx and 5xx codes the wording its operations agree on, with every variant.</p>\n",
        outcome.operation_docs().len(),
        plural(outcome.operation_docs().len()),
        outcome.operation_rows(),
        plural(outcome.operation_rows())
    );
    for s in json(outcome) {
        let _ = write!(
            out,
            "<section class=\"code\" id=\"ops-{0}\">\n<h3>{0} <span class=\"meta\">{1} \
             API page{2}</span></h3>\n<table class=\"variants\"><thead><tr><th>code</th>\
             <th class=\"n\">operations</th><th>wording</th><th class=\"n\">operations</th>\
             </tr></thead><tbody>\n",
            esc(s.service),
            s.operations,
            plural(s.operations)
        );
        for c in &s.codes {
            let main = c.canonical.map_or_else(
                || {
                    if c.variants.len() > 1 {
                        "(no wording most operations agree on)".to_string()
                    } else {
                        String::new()
                    }
                },
                |t| format!("● {}", esc(t)),
            );
            let n = c
                .variants
                .iter()
                .find(|v| Some(v.description) == c.canonical)
                .map_or(String::new(), |v| v.operations.to_string());
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td class=\"n\">{}</td><td>{main}</td><td class=\"n\">{n}</td></tr>",
                c.code, c.operations
            );
            for v in c
                .variants
                .iter()
                .filter(|v| Some(v.description) != c.canonical)
            {
                let _ = writeln!(
                    out,
                    "<tr><td></td><td></td><td>✗ {}</td><td class=\"n\">{}</td></tr>",
                    esc(v.description),
                    v.operations
                );
            }
        }
        out.push_str("</tbody></table>\n</section>\n");
    }
    out.push_str("</section>\n");
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
