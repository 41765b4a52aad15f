//! `doclint report --html FILE`: one self-contained HTML page with the
//! code × service coverage matrix, the variants of every code and the
//! findings of every service.
//!
//! The page fetches nothing: the styles and the small script are inline, and
//! it works without the script (hovering a cell shows its `title`; the
//! script adds a detail panel on click, a service filter and a column
//! highlight). Every text that comes from a page or a path is untrusted and
//! escaped (`&`, `<`, `>`, `"`, `'`). The same tree gives the same bytes.
//!
//! The matrix has one row per service and one column per code: a tree has
//! tens of codes but may have hundreds of services, and a long table that
//! scrolls down under a sticky header of short code numbers stays readable
//! at 300 services × 60 codes, where 300 rotated service names across the
//! page would not. The terminal matrix of `doclint model` is the transpose.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write};

use crate::lint::Outcome;
use crate::model::{Election, wording};
use crate::parse::page::Lang;
use crate::report::model::{Coverage, coverage};
use crate::rules::Severity;

/// Width of the service column, the findings column and a code column, in
/// CSS pixels: the table is laid out with `table-layout: fixed`, which is
/// what keeps 18,000 cells fast.
const SERVICE_W: usize = 168;
const FINDINGS_W: usize = 84;
const CODE_W: usize = 34;

/// Entries of a list shown before the rest is folded into `<details>`.
const LIST_OPEN: usize = 16;

/// Pages named in one cell's tooltip before "and N more".
const TITLE_PAGES: usize = 6;

/// Text escaped for HTML text and quoted attribute values.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut last = 0;
        for (i, c) in self.0.char_indices() {
            let rep = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => continue,
            };
            f.write_str(&self.0[last..i])?;
            f.write_str(rep)?;
            last = i + 1;
        }
        f.write_str(&self.0[last..])
    }
}

/// `write!` into a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {
        write!($out, $($arg)*).expect("writing to a String")
    };
}

/// The class (colour) and the words for a kind of cell.
fn class(c: Coverage) -> &'static str {
    match c {
        Coverage::Canonical => "c",
        Coverage::Punctuation => "p",
        Coverage::Different => "d",
        Coverage::NoDescription => "n",
        Coverage::Missing => "m",
    }
}

fn label(c: Coverage) -> &'static str {
    match c {
        Coverage::Canonical => "canonical text",
        Coverage::Punctuation => "punctuation differs",
        Coverage::Different => "other wording",
        Coverage::NoDescription => "no description",
        Coverage::Missing => "not documented",
    }
}

/// The kinds in the order of the legend.
const KINDS: [Coverage; 5] = [
    Coverage::Canonical,
    Coverage::Punctuation,
    Coverage::Different,
    Coverage::NoDescription,
    Coverage::Missing,
];

/// How one row describes its code, as `report::model::coverage` judges it.
fn kind_of(election: Option<&Election>, text: Option<&str>) -> Coverage {
    match (text, election) {
        (None, _) => Coverage::NoDescription,
        (Some(t), Some(e)) if e.canonical.as_deref() == Some(t) => Coverage::Canonical,
        (Some(t), Some(e)) if e.canonical.as_deref().map(wording) == Some(wording(t)) => {
            Coverage::Punctuation
        }
        _ => Coverage::Different,
    }
}

/// One status row of one page, for a cell's tooltip.
struct Use {
    doc: usize,
    text: Option<String>,
    kind: Coverage,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// What the page knows before writing: services, their pages, cells, counts.
struct Data<'a> {
    outcome: &'a Outcome,
    services: Vec<String>,
    /// Doc indexes of each service.
    pages: Vec<Vec<usize>>,
    cells: BTreeMap<(u16, usize), Coverage>,
    /// (code, service) → every row documenting it.
    uses: BTreeMap<(u16, usize), Vec<Use>>,
    /// Findings of each service, by rule id and by severity.
    by_rule: Vec<BTreeMap<&'static str, usize>>,
    by_severity: Vec<[usize; 3]>,
    /// The rule ids with findings anywhere.
    rules: BTreeSet<&'static str>,
    /// Findings of services with no status page (API pages only), by
    /// service: by rule id and by severity.
    others: BTreeMap<&'a str, (BTreeMap<&'static str, usize>, [usize; 3])>,
}

impl<'a> Data<'a> {
    fn new(outcome: &'a Outcome) -> Data<'a> {
        let (services, cells) = coverage(outcome);
        let index = |s: &str| services.binary_search_by(|x| x.as_str().cmp(s)).ok();
        let mut pages = vec![Vec::new(); services.len()];
        let mut uses: BTreeMap<(u16, usize), Vec<Use>> = BTreeMap::new();
        for (i, d) in outcome.status_docs().iter().enumerate() {
            let Some(s) = index(&d.service) else { continue };
            pages[s].push(i);
            for row in &d.page.rows {
                let text = row.description.as_ref().map(|c| c.text());
                let election = text.as_deref().and_then(|t| {
                    outcome
                        .model
                        .codes
                        .get(&row.code)
                        .and_then(|cm| cm.descriptions.get(&Lang::of(t)))
                });
                let kind = kind_of(election, text.as_deref());
                uses.entry((row.code, s))
                    .or_default()
                    .push(Use { doc: i, text, kind });
            }
        }
        let mut by_rule = vec![BTreeMap::new(); services.len()];
        let mut by_severity = vec![[0; 3]; services.len()];
        let mut rules = BTreeSet::new();
        let mut others: BTreeMap<&str, (BTreeMap<&'static str, usize>, [usize; 3])> =
            BTreeMap::new();
        for f in &outcome.findings {
            let Some(d) = outcome.docs.get(f.doc) else {
                continue;
            };
            rules.insert(f.rule.id());
            let k = match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Advice => 2,
            };
            let (rule, severity) = match index(&d.service) {
                Some(s) => (&mut by_rule[s], &mut by_severity[s]),
                None => {
                    let (r, v) = others.entry(&d.service).or_default();
                    (r, v)
                }
            };
            *rule.entry(f.rule.id()).or_insert(0) += 1;
            severity[k] += 1;
        }
        Data {
            outcome,
            services,
            pages,
            cells,
            uses,
            by_rule,
            by_severity,
            rules,
            others,
        }
    }

    fn cell(&self, code: u16, s: usize) -> Coverage {
        self.cells
            .get(&(code, s))
            .copied()
            .unwrap_or(Coverage::Missing)
    }

    fn findings(&self, s: usize) -> usize {
        self.by_severity[s].iter().sum()
    }

    /// The service of doc `doc`, by index.
    fn service_of(&self, doc: usize) -> usize {
        let name = &self.outcome.docs[doc].service;
        self.services
            .binary_search(name)
            .expect("every doc's service is listed")
    }

    /// "ecs, nat ×2, rds": the services of `docs`, with page counts over one.
    fn services_of(&self, docs: &[usize]) -> Vec<String> {
        let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
        for &d in docs {
            *counts.entry(self.service_of(d)).or_insert(0) += 1;
        }
        counts
            .into_iter()
            .map(|(s, n)| {
                if n == 1 {
                    self.services[s].clone()
                } else {
                    format!("{} ×{n}", self.services[s])
                }
            })
            .collect()
    }
}

/// The report page for `outcome`.
pub fn render(outcome: &Outcome) -> String {
    let data = Data::new(outcome);
    let codes = outcome.model.codes.len();
    let services = data.services.len();
    let mut out = String::with_capacity(4096 + codes * services * 160);
    w!(
        out,
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"doclint {}\">\n\
         <title>doclint report: {} × {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        plural(codes, "code", "codes"),
        plural(services, "service", "services"),
    );
    header(&mut out, &data);
    matrix(&mut out, &data);
    code_sections(&mut out, &data);
    service_section(&mut out, &data);
    super::ops::render_html(outcome, &mut out);
    w!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, data: &Data<'_>) {
    let o = data.outcome;
    // API pages, when there are: a tree of them alone is no empty report.
    let api = match o.operation_docs().len() {
        0 => String::new(),
        n => format!(
            " · {} of {}",
            plural(n, "API page", "API pages"),
            plural(o.operation_services(), "service", "services")
        ),
    };
    w!(
        out,
        "<header>\n<h1>doclint coverage report</h1>\n<p class=\"summary\">{} × {} · {}{api} · {}</p>\n",
        plural(o.model.codes.len(), "code", "codes"),
        plural(data.services.len(), "service", "services"),
        plural(o.status_docs().len(), "status page", "status pages"),
        plural(o.findings.len(), "finding", "findings"),
    );
    let mut totals = [0usize; 5];
    for code in o.model.codes.keys() {
        for s in 0..data.services.len() {
            let k = data.cell(*code, s);
            totals[KINDS.iter().position(|x| *x == k).expect("a kind")] += 1;
        }
    }
    out.push_str("<ul class=\"legend\" id=\"legend\">\n");
    for (k, n) in KINDS.iter().zip(totals) {
        w!(
            out,
            "<li><span class=\"k {}\">{}</span> {} <span class=\"count\">{n}</span></li>\n",
            class(*k),
            k.symbol(),
            label(*k),
        );
    }
    out.push_str("</ul>\n</header>\n");
}

/// The tooltip of a code's column header.
fn code_title(data: &Data<'_>, code: u16) -> String {
    let cm = &data.outcome.model.codes[&code];
    let mut t = format!("{code} {}", cm.reason.unwrap_or("(unregistered code)"));
    for (lang, e) in &cm.descriptions {
        w!(
            t,
            "\ncanonical ({}): {}\n{}",
            lang.as_str(),
            e.canonical.as_deref().unwrap_or("none: a tie"),
            plural(e.variants.len(), "variant", "variants")
        );
    }
    w!(
        t,
        "\ndocumented by {} of {} pages",
        cm.pages.len(),
        data.outcome.status_docs().len()
    );
    t
}

/// The tooltip of a cell: service, code, kind, then each page's text.
fn cell_title(data: &Data<'_>, code: u16, s: usize, kind: Coverage) -> String {
    let o = data.outcome;
    let cm = &o.model.codes[&code];
    let mut t = format!(
        "{} · {code} {}\n{} {}",
        data.services[s],
        cm.reason.unwrap_or(""),
        kind.symbol(),
        label(kind)
    );
    let mut canonicals = BTreeSet::new();
    match data.uses.get(&(code, s)) {
        Some(uses) => {
            for (i, u) in uses.iter().enumerate() {
                if i == TITLE_PAGES {
                    w!(t, "\n… and {} more", uses.len() - i);
                    break;
                }
                let path = &o.docs[u.doc].path;
                match &u.text {
                    Some(text) => w!(t, "\n{} {text}\n   {path}", u.kind.symbol()),
                    None => w!(t, "\n{} (no description)\n   {path}", u.kind.symbol()),
                }
                if matches!(u.kind, Coverage::Punctuation | Coverage::Different)
                    && let Some(e) = u
                        .text
                        .as_deref()
                        .and_then(|x| cm.descriptions.get(&Lang::of(x)))
                    && let Some(c) = e.canonical.as_deref()
                {
                    canonicals.insert(c);
                }
            }
            let pages = &data.pages[s];
            let without = pages.iter().filter(|d| !uses.iter().any(|u| u.doc == **d));
            for d in without.take(TITLE_PAGES) {
                w!(t, "\n· not on {}", o.docs[*d].path);
            }
        }
        None => {
            let pages = &data.pages[s];
            for d in pages.iter().take(TITLE_PAGES) {
                w!(t, "\n   {}", o.docs[*d].path);
            }
            if pages.len() > TITLE_PAGES {
                w!(t, "\n… and {} more", pages.len() - TITLE_PAGES);
            }
        }
    }
    for c in canonicals {
        w!(t, "\ncanonical: {c}");
    }
    t
}

fn service_title(data: &Data<'_>, s: usize) -> String {
    let o = data.outcome;
    let mut t = format!(
        "{}\n{}",
        data.services[s],
        plural(data.pages[s].len(), "status page", "status pages")
    );
    for d in data.pages[s].iter().take(TITLE_PAGES) {
        w!(t, "\n   {}", o.docs[*d].path);
    }
    if data.pages[s].len() > TITLE_PAGES {
        w!(t, "\n… and {} more", data.pages[s].len() - TITLE_PAGES);
    }
    t
}

fn findings_title(data: &Data<'_>, s: usize) -> String {
    let [e, w, a] = data.by_severity[s];
    let mut t = format!(
        "{}: {}\n{} · {} · {}",
        data.services[s],
        plural(data.findings(s), "finding", "findings"),
        plural(e, "error", "errors"),
        plural(w, "warning", "warnings"),
        plural(a, "advice", "advice"),
    );
    for (rule, n) in &data.by_rule[s] {
        w!(t, "\n{rule} ×{n}");
    }
    t
}

fn matrix(out: &mut String, data: &Data<'_>) {
    let o = data.outcome;
    let codes: Vec<u16> = o.model.codes.keys().copied().collect();
    let width = SERVICE_W + FINDINGS_W + CODE_W * codes.len();
    w!(
        out,
        "<main>\n<section id=\"coverage\">\n<h2>Coverage</h2>\n\
         <p class=\"help\">One row per service, one column per code. Hover a cell for \
         its text and page; click it to keep the details open. \
         <label>Filter services <input id=\"filter\" type=\"search\" \
         placeholder=\"name\" autocomplete=\"off\"></label> \
         <label><input id=\"divergent\" type=\"checkbox\"> only services with \
         divergences</label></p>\n\
         <div class=\"scroll\" id=\"scroll\">\n\
         <table id=\"matrix\" class=\"matrix\" data-rows=\"services\" data-columns=\"codes\" \
         data-services=\"{}\" data-codes=\"{}\" style=\"width:{width}px;--svc-w:{SERVICE_W}px\">\n\
         <colgroup><col style=\"width:{SERVICE_W}px\"><col style=\"width:{FINDINGS_W}px\">",
        data.services.len(),
        codes.len(),
    );
    for _ in &codes {
        w!(out, "<col style=\"width:{CODE_W}px\">");
    }
    out.push_str(
        "</colgroup>\n<thead><tr><th class=\"svc corner\" scope=\"col\">service</th>\
         <th class=\"f corner\" scope=\"col\" title=\"findings of the service's pages\">findings</th>",
    );
    for code in &codes {
        let diverging = (0..data.services.len())
            .filter(|s| {
                matches!(
                    data.cell(*code, *s),
                    Coverage::Punctuation | Coverage::Different
                )
            })
            .count();
        w!(
            out,
            "<th class=\"code{}\" scope=\"col\" title=\"{}\"><a href=\"#code-{code}\">{code}</a></th>",
            if diverging > 0 { " div" } else { "" },
            Esc(&code_title(data, *code)),
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (s, name) in data.services.iter().enumerate() {
        let divergent = codes.iter().any(|c| {
            matches!(
                data.cell(*c, s),
                Coverage::Punctuation | Coverage::Different
            )
        });
        w!(
            out,
            "<tr data-service=\"{}\"{}><th class=\"svc\" scope=\"row\" title=\"{}\"><a href=\"#svc-{s}\">{}</a></th>\
             <td class=\"f\" title=\"{}\">{}</td>",
            Esc(name),
            if divergent { " class=\"div\"" } else { "" },
            Esc(&service_title(data, s)),
            Esc(name),
            Esc(&findings_title(data, s)),
            data.findings(s),
        );
        for code in &codes {
            let k = data.cell(*code, s);
            w!(
                out,
                "<td class=\"k {}\" title=\"{}\">{}</td>",
                class(k),
                Esc(&cell_title(data, *code, s, k)),
                k.symbol()
            );
        }
        out.push_str("</tr>\n");
    }
    out.push_str(
        "</tbody>\n</table>\n</div>\n</section>\n\
         <aside id=\"detail\" hidden><button type=\"button\" id=\"close\" \
         aria-label=\"close\">×</button><pre id=\"detail-text\"></pre>\
         <p id=\"detail-links\"></p></aside>\n",
    );
}

/// A list of names, the tail folded into `<details>` when it is long.
fn name_list(out: &mut String, names: &[String]) {
    let head = names.len().min(LIST_OPEN);
    for (i, n) in names[..head].iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        w!(out, "{}", Esc(n));
    }
    if names.len() > head {
        w!(
            out,
            " <details><summary>and {} more</summary>",
            names.len() - head
        );
        for (i, n) in names[head..].iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            w!(out, "{}", Esc(n));
        }
        out.push_str("</details>");
    }
}

/// One row of a code's table: the kind, the text (with a tag after it, if
/// any), the page count and the services.
fn variant_row(
    out: &mut String,
    data: &Data<'_>,
    kind: Coverage,
    (text, tag): (&str, &str),
    docs: &[usize],
) {
    w!(
        out,
        "<tr><td class=\"k {}\" title=\"{}\">{}</td><td class=\"text\">{}",
        class(kind),
        label(kind),
        kind.symbol(),
        Esc(text),
    );
    if !tag.is_empty() {
        w!(out, " <span class=\"tag\">{}</span>", Esc(tag));
    }
    w!(
        out,
        "</td><td class=\"n\">{}</td><td class=\"who\">",
        docs.len()
    );
    name_list(out, &data.services_of(docs));
    out.push_str("</td></tr>\n");
}

fn code_sections(out: &mut String, data: &Data<'_>) {
    let o = data.outcome;
    out.push_str(
        "<section id=\"codes\">\n<h2>Codes</h2>\n<p class=\"help\">Per code: the canonical \
         description and every variant, with the number of pages using it and their services.</p>\n",
    );
    for cm in o.model.codes.values() {
        let code = cm.code;
        let variants: usize = cm.descriptions.values().map(|e| e.variants.len()).sum();
        w!(
            out,
            "<section class=\"code\" id=\"code-{code}\">\n<h3>{code} <span class=\"reason\">{}</span> \
             <span class=\"meta\">documented by {} of {} pages · {}</span> \
             <a class=\"top\" href=\"#coverage\">↑ matrix</a></h3>\n\
             <table class=\"variants\"><thead><tr><th></th><th>description</th>\
             <th class=\"n\">pages</th><th>services</th></tr></thead><tbody>\n",
            Esc(cm.reason.unwrap_or("(unregistered code)")),
            cm.pages.len(),
            o.status_docs().len(),
            plural(variants, "variant", "variants"),
        );
        let langs = cm.descriptions.len();
        for (lang, e) in &cm.descriptions {
            let mut tags = vec![e.source.as_str()];
            if langs > 1 {
                tags.push(lang.as_str());
            }
            if let Some(c) = &e.canonical {
                let tag = format!("canonical ({})", tags.join(", "));
                variant_row(out, data, Coverage::Canonical, (c, &tag), &e.pages);
            }
            for v in &e.variants {
                let tied = e
                    .tie
                    .as_ref()
                    .is_some_and(|t| t.texts.iter().any(|x| x.text == v.text));
                let kind = kind_of(Some(e), Some(&v.text));
                let tag = if tied {
                    "tied: no canonical text until one is pinned"
                } else {
                    label(kind)
                };
                variant_row(out, data, kind, (&v.text, tag), &v.pages);
            }
        }
        // Pages listing the code without a description.
        let bare: Vec<usize> = cm
            .pages
            .iter()
            .copied()
            .filter(|&d| {
                o.docs[d]
                    .page
                    .rows
                    .iter()
                    .any(|r| r.code == code && r.description.is_none())
            })
            .collect();
        if !bare.is_empty() {
            variant_row(
                out,
                data,
                Coverage::NoDescription,
                ("(no description)", ""),
                &bare,
            );
        }
        let missing: Vec<String> = (0..data.services.len())
            .filter(|s| data.cell(code, *s) == Coverage::Missing)
            .map(|s| data.services[s].clone())
            .collect();
        if !missing.is_empty() {
            let pages: usize = (0..data.services.len())
                .filter(|s| data.cell(code, *s) == Coverage::Missing)
                .map(|s| data.pages[s].len())
                .sum();
            w!(
                out,
                "<tr><td class=\"k m\" title=\"not documented\">·</td><td class=\"text\">(not documented)</td>\
                 <td class=\"n\">{pages}</td><td class=\"who\">"
            );
            name_list(out, &missing);
            out.push_str("</td></tr>\n");
        }
        out.push_str("</tbody></table>\n</section>\n");
    }
    out.push_str("</section>\n");
}

fn service_section(out: &mut String, data: &Data<'_>) {
    let o = data.outcome;
    out.push_str(
        "<section id=\"services\">\n<h2>Services</h2>\n<table class=\"services\"><thead><tr>\
         <th>service</th><th class=\"n\">findings</th><th class=\"n\">errors</th>\
         <th class=\"n\">warnings</th><th class=\"n\">advice</th>",
    );
    for r in &data.rules {
        w!(out, "<th class=\"n\">{r}</th>");
    }
    out.push_str("<th>status pages</th></tr></thead><tbody>\n");
    for (s, name) in data.services.iter().enumerate() {
        let [e, wn, a] = data.by_severity[s];
        w!(
            out,
            "<tr id=\"svc-{s}\"><th scope=\"row\">{}</th><td class=\"n\">{}</td>\
             <td class=\"n\">{e}</td><td class=\"n\">{wn}</td><td class=\"n\">{a}</td>",
            Esc(name),
            data.findings(s),
        );
        for r in &data.rules {
            w!(
                out,
                "<td class=\"n\">{}</td>",
                data.by_rule[s].get(r).copied().unwrap_or(0)
            );
        }
        out.push_str("<td class=\"paths\">");
        for (i, d) in data.pages[s].iter().enumerate() {
            if i > 0 {
                out.push_str("<br>");
            }
            w!(out, "{}", Esc(&o.docs[*d].path));
        }
        out.push_str("</td></tr>\n");
    }
    // Services whose findings are all on API pages: no status page, so no
    // row of the matrix, but their findings are counted above.
    for (name, (by_rule, [e, wn, a])) in &data.others {
        w!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"n\">{}</td>\
             <td class=\"n\">{e}</td><td class=\"n\">{wn}</td><td class=\"n\">{a}</td>",
            Esc(name),
            e + wn + a,
        );
        for r in &data.rules {
            w!(
                out,
                "<td class=\"n\">{}</td>",
                by_rule.get(r).copied().unwrap_or(0)
            );
        }
        out.push_str("<td class=\"paths\">(none: API pages only)</td></tr>\n");
    }
    out.push_str("</tbody></table>\n</section>\n</main>\n");
}

const STYLE: &str = r##"
:root{--c:#dcefd9;--c-fg:#17622a;--p:#ffeaa3;--p-fg:#7a4b00;--d:#f7c3bd;--d-fg:#9b1408;
--n:#d9e3fa;--n-fg:#2a4a96;--m:#f6f6f6;--m-fg:#9a9a9a;--line:#d0d0d0;--head:#f0f2f5}
*{box-sizing:border-box}
body{margin:0;padding:12px 20px 40px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",
"Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;color:#1d1d1f;background:#fff}
h1{font-size:20px;margin:4px 0}
h2{font-size:17px;margin:18px 0 6px}
h3{font-size:15px;margin:0 0 6px}
a{color:#1f4fa8}
.summary{margin:0 0 6px;color:#444}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:6px 18px;padding:0;margin:6px 0}
.legend .k{display:inline-block;width:24px;text-align:center;border:1px solid var(--line)}
.legend .count{color:#555}
.help{margin:0 0 8px;color:#444}
.help label{margin-left:14px;white-space:nowrap}
.scroll{overflow:auto;max-height:calc(100vh - 40px);max-width:100%;border:1px solid var(--line);width:fit-content}
table.matrix{border-collapse:separate;border-spacing:0;table-layout:fixed}
.matrix th,.matrix td{border-right:1px solid #e4e4e4;border-bottom:1px solid #e4e4e4;height:26px;padding:0}
.matrix thead th{position:sticky;top:0;z-index:2;background:var(--head);font-weight:600;
border-bottom:2px solid #b0b0b0;height:30px}
.matrix thead th.code{font-variant-numeric:tabular-nums;font-size:12px}
.matrix thead th.code a{color:inherit;text-decoration:none;display:block}
.matrix thead th.code.div a{text-decoration:underline dotted}
.matrix thead th.hl{background:#c9d8f5}
.matrix .svc{position:sticky;left:0;z-index:1;background:#fff;text-align:left;padding:0 8px;
overflow:hidden;text-overflow:ellipsis;white-space:nowrap;font-weight:500}
.matrix .svc a{color:inherit;text-decoration:none}
.matrix td.f{position:sticky;left:var(--svc-w);z-index:1;background:#fff;text-align:right;padding:0 8px;
font-variant-numeric:tabular-nums;border-right:2px solid #b0b0b0}
.matrix thead .corner{z-index:3;text-align:left;background:var(--head)}
.matrix thead th.f{position:sticky;left:var(--svc-w);text-align:right;padding:0 8px;border-right:2px solid #b0b0b0}
.matrix tbody tr:hover .svc,.matrix tbody tr:hover td.f{background:#e8eefb}
.k{text-align:center;font-size:15px;cursor:pointer}
.k.c{background:var(--c);color:var(--c-fg)}
.k.p{background:var(--p);color:var(--p-fg);font-weight:700}
.k.d{background:var(--d);color:var(--d-fg);font-weight:700}
.k.n{background:var(--n);color:var(--n-fg)}
.k.m{background:var(--m);color:var(--m-fg);font-weight:700}
.matrix td.k:hover{outline:2px solid #1d1d1f;outline-offset:-2px}
.matrix td.sel{outline:3px solid #1f4fa8;outline-offset:-3px}
.matrix.only-div tbody tr:not(.div){display:none}
.matrix tbody tr.hide{display:none}
#detail{position:fixed;right:16px;bottom:16px;max-width:min(560px,90vw);max-height:50vh;overflow:auto;
background:#fff;border:1px solid #888;box-shadow:0 4px 18px rgba(0,0,0,.25);padding:10px 36px 10px 14px;z-index:10}
#detail pre{margin:0;white-space:pre-wrap;font-family:inherit;font-size:13px;line-height:1.5}
#detail p{margin:6px 0 0}
#close{position:absolute;top:4px;right:6px;border:0;background:none;font-size:20px;cursor:pointer}
section.code{margin:0 0 14px;content-visibility:auto;contain-intrinsic-size:auto 160px}
h3 .reason{font-weight:500}
h3 .meta{font-weight:400;color:#555;font-size:13px;margin-left:8px}
h3 .top{font-weight:400;font-size:12px;margin-left:8px}
table.variants,table.services{border-collapse:collapse}
.variants th,.variants td,.services th,.services td{border:1px solid var(--line);padding:3px 8px;text-align:left;vertical-align:top}
.variants thead th,.services thead th{background:var(--head)}
.variants td.k{width:30px;cursor:default}
.variants td.text{max-width:640px;white-space:pre-wrap}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.variants td.who{max-width:520px}
.variants details{display:inline}
.tag{font-size:12px;color:#555;background:var(--head);border-radius:3px;padding:0 4px;white-space:nowrap}
.services td.paths{font-size:12px;color:#444}
"##;

const SCRIPT: &str = r##"
(function () {
  "use strict";
  var t = document.getElementById("matrix");
  var panel = document.getElementById("detail");
  var text = document.getElementById("detail-text");
  var links = document.getElementById("detail-links");
  var head = t.tHead.rows[0].cells;
  var selected = null, lit = null;
  function link(href, words) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = words;
    return a;
  }
  function show(cell) {
    if (selected) selected.classList.remove("sel");
    selected = cell;
    cell.classList.add("sel");
    text.textContent = cell.title;
    links.textContent = "";
    var row = cell.parentNode;
    var code = head[cell.cellIndex].textContent;
    if (cell.classList.contains("k")) {
      links.appendChild(link("#code-" + code, "variants of " + code));
      links.appendChild(document.createTextNode(" · "));
    }
    links.appendChild(link(row.cells[0].querySelector("a").getAttribute("href"),
      "findings of " + row.dataset.service));
    panel.hidden = false;
  }
  function hide() {
    panel.hidden = true;
    if (selected) selected.classList.remove("sel");
    selected = null;
  }
  t.addEventListener("click", function (e) {
    var cell = e.target.closest("td");
    if (cell && t.tBodies[0].contains(cell)) show(cell);
  });
  t.addEventListener("mouseover", function (e) {
    var cell = e.target.closest("td");
    var th = cell && t.tBodies[0].contains(cell) && cell.classList.contains("k") ? head[cell.cellIndex] : null;
    if (lit === th) return;
    if (lit) lit.classList.remove("hl");
    lit = th;
    if (lit) lit.classList.add("hl");
  });
  document.getElementById("close").addEventListener("click", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  document.getElementById("divergent").addEventListener("change", function (e) {
    t.classList.toggle("only-div", e.target.checked);
  });
  document.getElementById("filter").addEventListener("input", function (e) {
    var q = e.target.value.trim().toLowerCase(), rows = t.tBodies[0].rows;
    for (var i = 0; i < rows.length; i++) {
      rows[i].classList.toggle("hide", q !== "" && rows[i].dataset.service.toLowerCase().indexOf(q) < 0);
    }
  });
  // What the browser built, for the tests: rows, columns, a consistent
  // shape, the divergent cells, and the time to parse and lay out the page.
  var rows = t.tBodies[0].rows, cols = t.tHead.querySelectorAll("th.code").length, ok = true;
  for (var i = 0; i < rows.length; i++) if (rows[i].cells.length !== cols + 2) ok = false;
  var box = t.getBoundingClientRect();
  t.dataset.renderedRows = rows.length;
  t.dataset.renderedColumns = cols;
  t.dataset.renderedDivergent = t.tBodies[0].querySelectorAll("td.p, td.d").length;
  t.dataset.renderedShape = ok && box.width > 0 && box.height > 0 ? "ok" : "broken";
  document.documentElement.dataset.renderMs = Math.round(performance.now());
})();
"##;
