//! What a table is, from what its cells hold.
//!
//! Header words differ with every organisation (`状态码`, `HTTP code`,
//! `Status Code`, `返回码（Status Code）`, `Code`), so they are only a hint:
//! every cell is typed by its content ([`CellType`]), every column by the
//! types of its cells ([`ColumnType`]), and the table by its columns
//! ([`TableType`]): a status reference table is keyed by HTTP status codes
//! and describes them in text; an error catalogue is keyed by error
//! identifiers (`APIGW.0101`, `InvalidParameter`, `50001`), the HTTP status
//! being one of its attributes; a sub-status table lists `404.1`-style
//! codes; a table of ranges or classes (`2XX`) lists no code. A page is a
//! status-code page because of its tables (see `page.rs`), and each
//! decision carries its reason, which `doclint pages --explain` prints.
//!
//! This module reads text only; `page.rs` reads the rows of the tables it
//! calls status tables.

use super::page::{is_description_header, parse_code, reason_like};

/// `text` without the marks around it (backticks, bold).
fn strip(text: &str) -> &str {
    // Most cells start and end with a letter or a mark that stays.
    let keeps = |c: char| !c.is_whitespace() && !matches!(c, '`' | '*' | '"' | '\'');
    if text.chars().next().is_some_and(keeps) && text.chars().next_back().is_some_and(keeps) {
        return text;
    }
    text.trim()
        .trim_matches(|c: char| matches!(c, '`' | '*' | '"' | '\''))
        .trim()
}

/// What one cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CellType {
    /// Nothing, or a placeholder (`-`, `N/A`, `无`).
    Empty,
    /// An HTTP status code alone (`404`, `HTTP 404`).
    Code,
    /// A status code with a short phrase (`200 OK`, `404 Not found`).
    CodeReason,
    /// A sub-status code (`401.1`, `403.14`).
    SubStatus,
    /// A class of codes (`2XX`, `4xx`).
    Class,
    /// A range of codes (`200-299`, `200 ≤ code ＜ 300`).
    Range,
    /// A catalogue's error identifier (`APIGW.0101`, `ERR_NOT_FOUND`,
    /// `InvalidParameterValue`).
    ErrorId,
    /// A single identifier (`project_id`, `message`, `remote_region`).
    Identifier,
    /// A number that is not a status code (`1`, `50001`, `0.5`, `1,000`).
    Number,
    /// A duration or quantity with a unit (`30s`, `5 minutes`, `10 秒`).
    Duration,
    /// A data type (`String`, `Integer`, `Array of objects`).
    DataType,
    /// A yes/no flag (`Yes`, `否`, `Required`).
    Flag,
    /// A link (`https://…`).
    Link,
    /// A short phrase of one to three Latin words (`Not allowed`, `Success`).
    Phrase,
    /// Text: a sentence, or any Chinese.
    Prose,
}

/// What a column holds: the type most of its cells have.
pub type ColumnType = CellType;

impl CellType {
    /// Its name, as `pages --explain` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            CellType::Empty => "empty",
            CellType::Code => "status code",
            CellType::CodeReason => "status code + reason",
            CellType::SubStatus => "sub-status",
            CellType::Class => "class",
            CellType::Range => "range",
            CellType::ErrorId => "error id",
            CellType::Identifier => "identifier",
            CellType::Number => "number",
            CellType::Duration => "duration",
            CellType::DataType => "data type",
            CellType::Flag => "flag",
            CellType::Link => "link",
            CellType::Phrase => "phrase",
            CellType::Prose => "prose",
        }
    }

    /// A status code, alone or with its reason phrase.
    pub fn is_code(self) -> bool {
        matches!(self, CellType::Code | CellType::CodeReason)
    }

    /// Text a reader reads: a phrase or prose.
    pub fn is_text(self) -> bool {
        matches!(self, CellType::Phrase | CellType::Prose)
    }
}

/// What a table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableType {
    /// A table of status codes and their descriptions: what doclint lints.
    StatusReference,
    /// A status table on a page of one operation (an API page, beside its
    /// parameter tables): read as the responses of an operation.
    PerOperation,
    /// An error catalogue: keyed by an error identifier, or listing the same
    /// status code for many errors.
    Catalogue,
    /// A table of sub-status codes (`404.1`).
    SubStatus,
    /// A table of classes or ranges of codes (`2XX`).
    Classes,
    /// A table with no rows.
    Empty,
    /// Anything else: parameters, fields, examples, mappings.
    Other,
}

impl TableType {
    /// Its name, as `pages --explain` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            TableType::StatusReference => "status reference table",
            TableType::PerOperation => "per-operation status table",
            TableType::Catalogue => "error catalogue",
            TableType::SubStatus => "sub-status table",
            TableType::Classes => "table of code classes",
            TableType::Empty => "empty table",
            TableType::Other => "other table",
        }
    }

    /// Whether a table of this type on a page says nothing about whether
    /// the page is a status-code page (it neither makes nor breaks one).
    pub fn is_neutral(self) -> bool {
        matches!(
            self,
            TableType::Catalogue | TableType::SubStatus | TableType::Classes | TableType::Empty
        )
    }
}

/// How a table was typed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Typing {
    /// The type of every column.
    pub columns: Vec<ColumnType>,
    /// The table's type.
    pub kind: TableType,
    /// The column of status codes, if there is one.
    pub code_col: Option<usize>,
    /// Why it has this type, in a sentence.
    pub reason: String,
    /// A catalogue only because its codes repeat (no column keys it): a
    /// table's first rows may list one code once per cause.
    pub by_repeats: bool,
    /// Keyed by three-digit codes that are not HTTP statuses (a product's
    /// own codes: `610 连接超时`; SMTP replies).
    pub own_codes: bool,
}

impl Typing {
    /// A table of a product's own three-digit codes (mostly not HTTP
    /// statuses, or SMTP replies), not a table of parameters: it does not
    /// make the page an API page. A table of response headers keyed by
    /// status, or of codes beside durations, is not one.
    pub fn is_own_codes(&self) -> bool {
        self.kind == TableType::Other && self.own_codes
    }
}

pub(crate) fn is_placeholder(t: &str) -> bool {
    matches!(
        t,
        "" | "-" | "--" | "—" | "–" | "/" | "N/A" | "n/a" | "NA" | "无" | "None" | "none" | "null"
    )
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{3040}'..='\u{30ff}' | '\u{ac00}'..='\u{d7af}')
}

/// `2XX`, `4xx`, `5**`.
fn is_class(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 3
        && (b'1'..=b'9').contains(&b[0])
        && ((b[1..].eq_ignore_ascii_case(b"xx")) || &b[1..] == b"**")
}

/// `200-299`, `200 ~ 299`, `200 ≤ code ＜ 300`, `2XX-3XX`, `200 to 299`.
fn is_range(t: &str) -> bool {
    // Both ends start with a digit, and 32 characters are at most 128
    // bytes: most cells (descriptions, names) are decided here.
    if t.len() > 32 * 4 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let words = || {
        t.split(|c: char| !(c.is_ascii_alphanumeric()))
            .filter(|w| !w.is_empty())
    };
    let codes = words()
        .filter(|w| (w.len() == 3 && w.as_bytes()[0].is_ascii_digit()) || is_class(w))
        .count();
    let marks = t.contains(['≤', '≥', '<', '>', '＜', '＞', '~', '～', '-', '–', '—'])
        || words().any(|w| w.eq_ignore_ascii_case("to"));
    codes >= 2 && marks && t.chars().count() <= 32
}

/// `401.1`, `403.14`.
fn is_sub_status(t: &str) -> bool {
    let Some((a, b)) = t.split_once('.') else {
        return false;
    };
    a.len() == 3
        && a.bytes().all(|c| c.is_ascii_digit())
        && (1..=3).contains(&b.len())
        && b.bytes().all(|c| c.is_ascii_digit())
        && (1..=5).contains(&(a.as_bytes()[0] - b'0'))
}

fn is_number(t: &str) -> bool {
    let t = t.trim_start_matches(['-', '+']);
    !t.is_empty()
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

/// A number followed by a unit word: `30s`, `5 minutes`, `100 ms`, `10 秒`,
/// `2 GB`.
fn is_quantity(t: &str) -> bool {
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(t.len());
    if digits == 0 || digits == t.len() {
        return false;
    }
    let unit = t[digits..].trim();
    !unit.is_empty()
        && unit.chars().count() <= 12
        && !unit.contains(' ')
        && unit
            .chars()
            .all(|c| c.is_alphabetic() || c == '/' || c == '%')
}

/// A unit a number is counted in (`MB`, `KB/s`, `ms`, `次`, `千次`): after a
/// code-like number it makes a quantity, not a code and its phrase.
fn is_unit(t: &str) -> bool {
    const UNITS: &[&str] = &[
        "b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "byte", "bytes", "bit",
        "bits", "kb/s", "mb/s", "gb/s", "bps", "kbps", "mbps", "gbps", "qps", "tps", "rps", "rpm",
        "rpd", "tpm", "tpd", "ipm", "ms", "us", "µs", "ns", "s", "sec", "secs", "second",
        "seconds", "min", "mins", "minute", "minutes", "h", "hr", "hrs", "hour", "hours", "day",
        "days", "px", "%", "次", "千次", "万次", "次/秒", "个", "条", "秒", "毫秒", "分钟", "小时",
        "天", "字节", "万", "千", "核", "台", "元",
    ];
    UNITS.iter().any(|u| t.eq_ignore_ascii_case(u))
}

/// [`is_unit`], alone or before what it is counted per: `RPM per org`,
/// `MB per file` (OpenAI's rate limits, `100 RPM per org`).
fn is_unit_phrase(t: &str) -> bool {
    is_unit(t)
        || t.split_once(' ')
            .is_some_and(|(unit, rest)| is_unit(unit) && rest.trim_start().starts_with("per "))
}

/// Whether `t` starts with a Chinese unit or counter (`万`, `个`, `次`,
/// `分钟`): after a number it makes a quantity.
fn starts_with_cjk_unit(t: &str) -> bool {
    const UNITS: &[&str] = &[
        "万", "亿", "千", "百", "个", "次", "元", "秒", "毫秒", "分", "小时", "天", "日", "周",
        "月", "年", "条", "人", "台", "核", "行", "位", "倍", "张", "页", "项", "份", "家", "名",
        "字", "篇", "组", "块", "兆", "帧", "点", "颗",
    ];
    UNITS.iter().any(|u| t.starts_with(u))
}

/// Names of data types, in the languages API references are written in.
fn is_data_type(t: &str) -> bool {
    const TYPES: &[&str] = &[
        "string",
        "integer",
        "int",
        "int32",
        "int64",
        "long",
        "boolean",
        "bool",
        "object",
        "array",
        "float",
        "double",
        "number",
        "map",
        "list",
        "enum",
        "enumeration",
        "datetime",
        "timestamp",
        "uuid",
        "json",
        "dict",
        "byte",
        "char",
        "short",
    ];
    // A type word, or its plural (`strings`, `objects`).
    let is_type = |w: &str| {
        let one = w.strip_suffix(['s', 'S']).unwrap_or(w);
        TYPES
            .iter()
            .any(|k| w.eq_ignore_ascii_case(k) || one.eq_ignore_ascii_case(k))
    };
    let t = t.trim_end_matches("[]");
    let (head, rest) = t.split_at(t.find(['<', ' ', '(', '[']).unwrap_or(t.len()));
    if !TYPES.iter().any(|k| head.eq_ignore_ascii_case(k)) || t.split_whitespace().count() > 4 {
        return false;
    }
    // `string`, `List<Pet>`, `array[string]`, `string (date-time)`.
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['<', '(', '[']) {
        return true;
    }
    // `Array of Pet`, `list of strings`, `String array`, `JSON object`; not
    // a description that starts with a type word (`List of dashboards`,
    // `Object describing the user`).
    let named = |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase()) && token_chars(w);
    match rest.split_whitespace().collect::<Vec<_>>().as_slice() {
        ["of", w] => is_type(w) || named(w),
        [w] => is_type(w) || ["value", "type"].iter().any(|k| w.eq_ignore_ascii_case(k)),
        _ => false,
    }
}

fn is_flag(t: &str) -> bool {
    const FLAGS: &[&str] = &[
        "yes",
        "no",
        "y",
        "n",
        "true",
        "false",
        "required",
        "optional",
        "mandatory",
        "是",
        "否",
        "必选",
        "可选",
        "必填",
        "选填",
    ];
    FLAGS.iter().any(|k| t.eq_ignore_ascii_case(k))
}

/// One token of an identifier: no white space, ASCII letters, digits and
/// `._-:`.
fn token_chars(t: &str) -> bool {
    !t.is_empty()
        && !t.ends_with(['.', ':', '-'])
        && !t.contains(char::is_whitespace)
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
        && t.chars().any(|c| c.is_ascii_alphabetic())
}

/// `APIGW.0101`, `ECS_0001`, `ERR_NOT_FOUND`, `InvalidParameterValue`,
/// `InvalidParameter.Malformed`, `Forbidden.RiskControl`.
fn is_error_id(t: &str) -> bool {
    if !token_chars(t) || t.len() < 3 {
        return false;
    }
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    let has_sep = t.contains(['.', '_', '-', ':']);
    let upper = t.chars().filter(char::is_ascii_uppercase).count();
    let lower = t.chars().filter(char::is_ascii_lowercase).count();
    // A prefix and a number: APIGW.0101, ECS_0001, DEW-0002, E1001.
    if has_digit && (has_sep || upper >= 1) {
        return true;
    }
    // SCREAMING_SNAKE: ERR_NOT_FOUND.
    if lower == 0 && has_sep && upper >= 3 {
        return true;
    }
    // PascalCase of two words or more: InvalidParameterValue, SystemBusy,
    // InvalidParameter.Malformed (`Content-Type`, a header, is not one).
    t.starts_with(|c: char| c.is_ascii_uppercase()) && upper >= 2 && lower >= 2 && !t.contains('-')
}

/// An HTTP header name: `Content-Type`, `X-Request-Id`, `Total-Count`,
/// `ETag`, `Location`.
fn is_header_name(t: &str) -> bool {
    const ONE_WORD: &[&str] = &[
        "etag",
        "location",
        "link",
        "allow",
        "date",
        "expires",
        "server",
        "vary",
        "age",
        "warning",
        "via",
        "upgrade",
        "connection",
        "trailer",
        "pragma",
    ];
    let t = strip(t);
    if ONE_WORD.iter().any(|w| w.eq_ignore_ascii_case(t)) {
        return true;
    }
    let mut parts = t.split('-');
    t.contains('-')
        && parts.all(|p| {
            p.starts_with(|c: char| c.is_ascii_alphabetic())
                && p.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Whether a column's header (lower case) names HTTP headers: `Header`,
/// `Response headers` (openapi-generator's third column: `* Retry-After -
/// When you should try again`), `响应头`. Its cells are never a code's
/// description or reason phrase.
pub(crate) fn names_headers(h: &str) -> bool {
    matches!(
        h,
        "header"
            | "headers"
            | "header name"
            | "response header"
            | "response headers"
            | "响应头"
            | "消息头"
            | "响应消息头"
            | "头域"
    )
}

/// The column, other than the code column `k`, that names HTTP headers:
/// its header says so (`Header`, `响应头`), or most of its cells are header
/// names that are not their code's reason phrase (`Multi-Status`).
fn header_column<S: AsRef<str>>(
    header: &[String],
    body: &[&Vec<S>],
    k: usize,
    width: usize,
) -> Option<usize> {
    (0..width).filter(|&c| c != k).find(|&c| {
        let said = header
            .get(c)
            .is_some_and(|h| names_headers(&strip(h).to_lowercase()));
        let (mut names, mut filled) = (0, 0);
        for r in body {
            let t = strip(cell(r, c));
            if is_placeholder(t) {
                continue;
            }
            filled += 1;
            let reason =
                parse_code(strip(cell(r, k))).is_some_and(|(code, _, _)| reason_like(t, code));
            if is_header_name(t) && !reason {
                names += 1;
            }
        }
        said || (filled > 0 && 2 * names >= filled)
    })
}

/// Whether a column's header (lower case) names a type, of a response's
/// body or of anything else (`Body Type`, `Schema`, `Response Model`,
/// `Type`, `返回类型`, and `Class`, openapi-generator's Python layout:
/// `200 | [ApiResponseFor200](#…) | OK`), and not an error's type: its
/// cells are never a code's description or reason phrase.
pub(crate) fn names_a_type(h: &str) -> bool {
    const SAID: [&str; 10] = [
        "body",
        "schema",
        "model",
        "response type",
        "return type",
        "返回类型",
        "响应类型",
        "响应体",
        "返回结构",
        "响应结构",
    ];
    !h.contains("error")
        && !h.contains("错误")
        && (SAID.iter().any(|w| h.contains(w))
            || matches!(h, "type" | "类型" | "class" | "response class"))
}

/// The column that gives each response's body type by a schema's name
/// (`Status Code | Body Type | Description`, cells `ErrorTemplate`,
/// `[Trustee](#schematrustee)`): headed as a body, schema, model or response
/// type (not an error's type), or headed `Type` with one name filling half
/// its rows or more (a catalogue's error identifiers differ row by row).
/// Its cells are names, or empty. Two names are enough when they are the
/// same, or when `success` (a 2xx row is in the table: a catalogue of
/// errors gives no type for a success).
fn body_type_column<S: AsRef<str>>(
    header: &[String],
    body: &[&Vec<S>],
    width: usize,
    success: impl Fn() -> bool,
) -> Option<usize> {
    (1..width).find(|&c| {
        let Some(h) = header.get(c).map(|h| strip(h).to_lowercase()) else {
            return false;
        };
        let texts: Vec<&str> = body
            .iter()
            .map(|r| strip(cell(r, c)))
            .filter(|t| !is_placeholder(t))
            .collect();
        let names = texts.iter().all(|t| {
            matches!(
                type_cell(t),
                CellType::ErrorId | CellType::Identifier | CellType::Phrase | CellType::DataType
            ) && !t.contains(char::is_whitespace)
        });
        if texts.is_empty() || !names || !names_a_type(&h) {
            return false;
        }
        if !matches!(h.as_str(), "type" | "类型") {
            return true;
        }
        if texts.len() == 2 {
            return texts[0] == texts[1] || success();
        }
        if texts.len() < 3 {
            return false;
        }
        let most = texts
            .iter()
            .map(|t| texts.iter().filter(|u| *u == t).count())
            .max()
            .unwrap_or(0);
        2 * most >= texts.len()
    })
}

/// Whether a column other than the codes (column 0) and `except` is headed
/// as error codes (`错误码`, `Error Code`) and gives each row an identifier
/// of its own (`param_error`, `auth_error`): then the table lists errors,
/// and a `类型` column beside is the error's type, not a response's body
/// (cold trial, UCloud ModelVerse's error codes read as one operation's
/// responses).
fn error_code_column<S: AsRef<str>>(
    header: &[String],
    body: &[&Vec<S>],
    width: usize,
    except: usize,
) -> bool {
    (1..width).filter(|&c| c != except).any(|c| {
        let h = header.get(c).map_or(String::new(), |h| h.to_lowercase());
        if !(h.contains("错误码") || h.contains("error code") || h.contains("error_code")) {
            return false;
        }
        let mut texts: Vec<&str> = body
            .iter()
            .map(|r| strip(cell(r, c)))
            .filter(|t| !is_placeholder(t))
            .collect();
        let n = texts.len();
        let names = texts.iter().all(|t| {
            matches!(
                type_cell(t),
                CellType::ErrorId | CellType::Identifier | CellType::Phrase
            ) && !t.contains(char::is_whitespace)
        });
        texts.sort_unstable();
        texts.dedup();
        n >= 2 && names && texts.len() == n
    })
}

/// Types one cell by its text (`text` as a reader sees it).
pub fn type_cell(text: &str) -> CellType {
    let t = strip(text);
    if is_placeholder(t) {
        return CellType::Empty;
    }
    // Most cells of these tables are descriptions in Chinese: one that
    // starts with a CJK character and holds no digit can only be a flag
    // (`是`, `必选`) or prose; the checks of `type_text` would all say no
    // first (tested).
    if t.chars().next().is_some_and(is_cjk) && !t.bytes().any(|b| b.is_ascii_digit()) {
        return match is_flag(t) {
            true => CellType::Flag,
            false => CellType::Prose,
        };
    }
    type_text(t)
}

/// [`type_cell`] of a cell's stripped text, not a placeholder.
fn type_text(t: &str) -> CellType {
    if is_class(t) {
        return CellType::Class;
    }
    if is_sub_status(t) {
        return CellType::SubStatus;
    }
    if is_range(t) {
        return CellType::Range;
    }
    // `100,000,000`, `200.5`: a number that starts like a code.
    if t.len() > 3 && is_number(t) {
        return CellType::Number;
    }
    if let Some((_, at, reason)) = parse_code(t) {
        // `100万`, `200ms`, `500个`: a quantity, not a code. A code written
        // against its Chinese phrase (`405访问阻断`) is still one.
        let after = &t[at + 3..];
        if after.starts_with(|c: char| c.is_ascii_alphanumeric())
            || (after.starts_with(is_cjk) && starts_with_cjk_unit(after))
        {
            return CellType::Duration;
        }
        let rest = &t[reason];
        if rest.is_empty() {
            return CellType::Code;
        }
        // `300 MB`, `100 千次`, `100 RPM per org`: a quantity in a unit,
        // not a code's phrase.
        if is_unit_phrase(rest) {
            return CellType::Duration;
        }
        // A code with a short phrase; a code that starts a sentence is prose.
        let cjk = rest.chars().filter(|c| is_cjk(*c)).count();
        let words = rest.split_whitespace().count();
        let sentence = rest.contains(['.', '。', ',', '，', ';', '；']) && words > 3;
        return if !sentence && (words <= 6 && cjk <= 12) {
            CellType::CodeReason
        } else {
            CellType::Prose
        };
    }
    if is_number(t) {
        return CellType::Number;
    }
    if is_quantity(t) {
        return CellType::Duration;
    }
    if t.starts_with("http://") || t.starts_with("https://") {
        return CellType::Link;
    }
    if is_flag(t) {
        return CellType::Flag;
    }
    if is_data_type(t) {
        return CellType::DataType;
    }
    if t.chars().any(is_cjk) {
        return CellType::Prose;
    }
    if is_error_id(t) {
        return CellType::ErrorId;
    }
    if token_chars(t)
        && (t.contains(['_', '.', ':'])
            || (t.starts_with(|c: char| c.is_ascii_lowercase())
                && t.chars().skip(1).any(|c| c.is_ascii_uppercase())))
    {
        return CellType::Identifier;
    }
    if t.split_whitespace().count() <= 3 && !t.contains(['.', '。', ',', ';', ':']) {
        return CellType::Phrase;
    }
    CellType::Prose
}

/// The type most cells of a column have, and how many cells it has
/// (placeholders not counted). Ties go to the earlier type in `CellType`'s
/// order, except that a code beats a code with its reason.
fn column_type(cells: &[CellType]) -> (ColumnType, usize) {
    let mut counts = [0usize; 15];
    for c in cells {
        counts[*c as usize] += 1;
    }
    let filled = cells.len() - counts[CellType::Empty as usize];
    if filled == 0 {
        return (CellType::Empty, 0);
    }
    // Codes with and without their phrase together make a code column;
    // so do codes among classes (`200`, `4XX`, `5XX`: an operation that
    // names its errors by class), whose classes are no rows.
    let codes = counts[CellType::Code as usize] + counts[CellType::CodeReason as usize];
    if codes * 2 > filled || (codes > 0 && codes + counts[CellType::Class as usize] == filled) {
        let t = if counts[CellType::CodeReason as usize] * 2 > codes {
            CellType::CodeReason
        } else {
            CellType::Code
        };
        return (t, filled);
    }
    // Phrases and prose are both text.
    let text = counts[CellType::Phrase as usize] + counts[CellType::Prose as usize];
    let mut best = (CellType::Empty, 0);
    for (i, n) in counts.iter().enumerate().skip(1) {
        if *n > best.1 {
            best = (ALL[i], *n);
        }
    }
    if best.0.is_text() || text * 2 > filled && text >= best.1 {
        let t = if counts[CellType::Prose as usize] >= counts[CellType::Phrase as usize] {
            CellType::Prose
        } else {
            CellType::Phrase
        };
        return (t, filled);
    }
    (best.0, filled)
}

const ALL: [CellType; 15] = [
    CellType::Empty,
    CellType::Code,
    CellType::CodeReason,
    CellType::SubStatus,
    CellType::Class,
    CellType::Range,
    CellType::ErrorId,
    CellType::Identifier,
    CellType::Number,
    CellType::Duration,
    CellType::DataType,
    CellType::Flag,
    CellType::Link,
    CellType::Phrase,
    CellType::Prose,
];

/// Whether a column of numbers counts the rows (`1, 2, 3…`, `序号`).
fn is_index(texts: &[&str]) -> bool {
    let nums: Vec<u64> = texts
        .iter()
        .filter_map(|t| t.trim().parse::<u64>().ok())
        .collect();
    nums.len() >= texts.len().saturating_sub(1).max(1)
        && nums.first().is_some_and(|n| *n <= 1)
        && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Whether the codes read as HTTP statuses: most in 1xx–5xx, some of them
/// registered. (Vendor codes such as `599` or `614` stand among them.)
fn codes_are_http(codes: &[u16]) -> bool {
    let in_range = codes.iter().filter(|c| (100..600).contains(*c)).count();
    let registered = registered(codes);
    in_range * 2 > codes.len()
        && (registered * 3 >= codes.len() || registered >= 3)
        && !foreign(codes, registered)
}

/// Whether a column's header names numbers of another kind than status
/// codes: `PR#`, `Issue`, `Port`, `Line`, `Version`, `ID`, `序号`, `端口`
/// (a changelog's pull requests 258, 409, 466 read as codes; cold trial,
/// Apache IoTDB). A header that also says status, code or response is left
/// to the cells.
fn names_other_numbers(header: &str) -> bool {
    const WORDS: &[&str] = &[
        "pr", "prs", "pull", "issue", "issues", "ticket", "tickets", "bug", "bugs", "jira", "port",
        "ports", "line", "lines", "version", "versions", "index", "step", "page", "year", "build",
        "release", "commit",
    ];
    // Alone, not as a word among others (`No Permissions`).
    const ALONE: &[&str] = &["#", "no", "no.", "nr", "nr.", "id", "num", "number"];
    const HAN: &[&str] = &[
        "序号", "编号", "端口", "行号", "版本", "页码", "工单", "步骤",
    ];
    let lower = header.to_lowercase();
    // A business's own codes (`业务错误码（status）`: JD Cloud).
    if lower.contains("业务") || lower.contains("business") {
        return true;
    }
    if [
        "status", "code", "http", "response", "error", "状态", "码", "返回", "响应",
    ]
    .iter()
    .any(|w| lower.contains(w))
    {
        return false;
    }
    ALONE.contains(&lower.trim())
        || HAN.iter().any(|w| lower.contains(w))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| WORDS.contains(&w))
}

/// Whether a header names error codes (`Error code`, `ErrorCode`,
/// `error_code`, `错误码`), not status codes.
fn names_error_codes(header: &str) -> bool {
    let squeezed = header
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase);
    ["errorcode", "errorcodes", "错误码", "錯誤碼"]
        .iter()
        .any(|w| squeezed.clone().eq(w.chars()))
}

/// How many of `codes` HTTP registered.
fn registered(codes: &[u16]) -> usize {
    codes
        .iter()
        .filter(|c| crate::registry::lookup(**c).is_some())
        .count()
}

/// Whether the codes are of another kind that shares HTTP's numbers: 1xx
/// codes HTTP never registered (`110`, `111`: event types, warning codes;
/// vendors add codes of their own in 4xx–6xx, `298` even, not there), two
/// of them or one among codes mostly unregistered (one in a table of
/// registered codes is a typo for DL007); or SMTP replies, a success reply
/// only SMTP has (`250`) beside a failure only SMTP has (`550`).
fn foreign(codes: &[u16], registered: usize) -> bool {
    const SMTP_OK: [u16; 9] = [211, 214, 220, 221, 235, 250, 251, 252, 354];
    const SMTP_FAIL: [u16; 7] = [450, 452, 550, 551, 552, 553, 554];
    let informational = codes
        .iter()
        .filter(|c| (104..200).contains(*c) && crate::registry::lookup(**c).is_none())
        .count();
    let smtp =
        codes.iter().any(|c| SMTP_OK.contains(c)) && codes.iter().any(|c| SMTP_FAIL.contains(c));
    informational >= 2 || (informational == 1 && registered * 2 <= codes.len()) || smtp
}

fn cell<S: AsRef<str>>(r: &[S], c: usize) -> &str {
    r.get(c).map_or("", AsRef::as_ref)
}

/// Types a table from its header and body texts (`rows[r][c]`, as a reader
/// sees each cell; rows spanned by one cell repeat its text).
///
/// The header is a hint only: it never makes a table a status table, and
/// every decision rests on what the cells hold.
pub fn classify<S: AsRef<str>>(header: &[String], rows: &[Vec<S>]) -> Typing {
    let width = rows
        .iter()
        .map(Vec::len)
        .max()
        .unwrap_or(0)
        .max(header.len());
    let body: Vec<&Vec<S>> = rows
        .iter()
        .filter(|r| r.iter().any(|c| !is_placeholder(c.as_ref().trim())))
        .collect();
    if body.is_empty() {
        return Typing {
            columns: vec![CellType::Empty; width],
            kind: TableType::Empty,
            code_col: None,
            reason: "it has no rows".into(),
            by_repeats: false,
            own_codes: false,
        };
    }
    let typed: Vec<Vec<CellType>> = (0..width)
        .map(|c| body.iter().map(|r| type_cell(cell(r, c))).collect())
        .collect();
    let mut typed = typed;
    let mut columns: Vec<ColumnType> = typed.iter().map(|c| column_type(c).0).collect();
    // A reason phrase beside its code (`OK`, `BadRequest`, `Accept`) is a
    // phrase, not an identifier.
    if let Some(k) = (0..width).find(|&c| columns[c].is_code()) {
        for (i, r) in body.iter().enumerate() {
            let Some((code, _, _)) = parse_code(strip(cell(r, k))) else {
                continue;
            };
            for (c, col) in typed.iter_mut().enumerate() {
                if c != k
                    && matches!(
                        col[i],
                        CellType::Identifier | CellType::ErrorId | CellType::Phrase
                    )
                    && reason_like(strip(cell(r, c)), code)
                {
                    col[i] = CellType::Phrase;
                }
            }
        }
    }
    let mut filled: Vec<usize> = Vec::with_capacity(width);
    columns.clear();
    for cells in &typed {
        let (t, n) = column_type(cells);
        columns.push(t);
        filled.push(n);
    }
    let done = |columns: Vec<ColumnType>, kind, code_col, reason: String| Typing {
        columns,
        kind,
        code_col,
        reason,
        by_repeats: false,
        own_codes: false,
    };
    // A type for each code: the responses of one operation
    // (`Status Code | Body Type | Description`), the type a data type
    // (`string`) or a schema's name (`ErrorTemplate`, in a column headed as
    // the body's type).
    // Codes first (or codes among classes: see `column_type`).
    let codes_first = columns.first().is_some_and(|t| t.is_code());
    // A success beside a type names what it returns: a catalogue of errors
    // has no type for it.
    let success = || {
        body.iter().any(|r| {
            parse_code(strip(cell(r, 0))).is_some_and(|(code, _, _)| (200..300).contains(&code))
        })
    };
    if codes_first
        && let Some(c) = columns
            .iter()
            .position(|t| *t == CellType::DataType)
            .or_else(|| body_type_column(header, &body, width, success))
        && !error_code_column(header, &body, width, c)
    {
        // `Status | Header | Type | Description`: the headers of each
        // response, typed, not the responses.
        if let Some(h) = header_column(header, &body, 0, width) {
            return done(
                columns,
                TableType::Other,
                None,
                format!(
                    "column {} names HTTP headers: the headers of each response, not its status codes",
                    h + 1
                ),
            );
        }
        let what = if columns[c] == CellType::DataType {
            "a data type"
        } else {
            "a body type (a schema's name)"
        };
        return done(
            columns,
            TableType::PerOperation,
            Some(0),
            format!(
                "column {} gives {what} for each code: the responses of one operation",
                c + 1
            ),
        );
    }
    // Types, and yes/no flags beside names: a table of parameters or fields.
    let numeric_key = matches!(columns.first(), Some(CellType::Number)) && {
        let texts: Vec<&str> = body.iter().map(|r| cell(r, 0)).collect();
        !is_index(&texts)
    };
    if let Some(c) = columns
        .iter()
        .position(|t| *t == CellType::DataType || (*t == CellType::Flag && !numeric_key))
    {
        return done(
            columns.clone(),
            TableType::Other,
            None,
            format!(
                "column {} holds {} values: a table of parameters or fields",
                c + 1,
                columns[c].as_str()
            ),
        );
    }
    // The code column: the first whose cells are mostly status codes.
    let code_col = (0..width).find(|&c| columns[c].is_code());
    let Some(k) = code_col else {
        if let Some(c) = columns.iter().position(|t| *t == CellType::SubStatus) {
            return done(
                columns,
                TableType::SubStatus,
                None,
                format!(
                    "column {} holds sub-status codes (404.1), not status codes",
                    c + 1
                ),
            );
        }
        if let Some(c) = columns
            .iter()
            .position(|t| matches!(t, CellType::Class | CellType::Range))
        {
            // The first class or range it lists, as written.
            let first = body
                .iter()
                .map(|r| strip(cell(r, c)))
                .find(|t| matches!(type_cell(t), CellType::Class | CellType::Range))
                .unwrap_or_default();
            return done(
                columns,
                TableType::Classes,
                None,
                format!("it lists classes or ranges of codes ({first}), not codes"),
            );
        }
        // `Method | HTTP request | Description`: `[**GetAll**](#get) | **GET**
        // /Map/get-all` (openapi-generator's index of an API's methods): a
        // table of endpoints, not of errors, whatever its names look like.
        if let Some(c) = (0..width).find(|&c| {
            let requests = body
                .iter()
                .filter(|r| {
                    // Most cells are told without a copy.
                    let t = cell(r, c).trim_start_matches([' ', '*']);
                    super::decide::starts_with_method(t)
                        && super::decide::is_request_line(&t.replace('*', ""))
                })
                .count();
            requests * 2 > body.len()
        }) {
            return done(
                columns,
                TableType::Other,
                None,
                format!("column {} holds HTTP requests: a table of endpoints", c + 1),
            );
        }
        if columns.first() == Some(&CellType::ErrorId) {
            return done(
                columns,
                TableType::Catalogue,
                None,
                "its first column holds error identifiers, not status codes".into(),
            );
        }
        // Names headed as codes or errors, with their meaning (`Code |
        // Description`: `accessDenied`, `itemNotFound`): a catalogue of
        // error codes, whatever the names' case.
        let named_as_codes = header.first().is_some_and(|h| {
            let h = strip(h).to_lowercase();
            h.contains("code") || h.contains("error") || h.contains("错误")
        });
        if columns.first() == Some(&CellType::Identifier)
            && named_as_codes
            && columns[1..].iter().any(|t| t.is_text())
        {
            // The header and a name of its own, as the table writes them.
            let name = rows
                .iter()
                .filter_map(|r| r.first())
                .map(|c| strip(c.as_ref()))
                .find(|t| !t.is_empty())
                .unwrap_or_default();
            let head = header.first().map_or("", |h| strip(h));
            return done(
                columns,
                TableType::Catalogue,
                None,
                format!(
                    "its first column, headed `{head}`, holds names (`{name}`), not status codes"
                ),
            );
        }
        // Other codes (opcodes, close codes, business codes) with their
        // meaning: a catalogue of another kind of code.
        if numeric_key && columns[1..].iter().any(|t| t.is_text()) {
            return done(
                columns,
                TableType::Catalogue,
                None,
                "its first column holds numeric codes that are not HTTP statuses".into(),
            );
        }
        return done(
            columns,
            TableType::Other,
            None,
            "no column holds status codes".into(),
        );
    };
    // The codes, once per cell (a cell spanning rows repeats its text).
    let mut codes: Vec<u16> = Vec::new();
    for r in &body {
        let t = cell(r, k);
        if !type_cell(t).is_code() {
            continue;
        }
        if let Some((code, _, _)) = parse_code(strip(t)) {
            codes.push(code);
        }
    }
    // A product's own codes, not HTTP statuses: `SMTP Code` (mail reply
    // codes, `550 mailbox unavailable`, whatever HTTP registered under the
    // same numbers), numbers that are mostly not HTTP status codes, or
    // result codes counted from 0 (`0 | 成功`, `101 | RPC 错误`, `102`, …:
    // no HTTP status is 0, and 101–103 are registered only by chance).
    let smtp = header
        .get(k)
        .is_some_and(|h| h.to_ascii_lowercase().contains("smtp"));
    let other_numbers = header.get(k).is_some_and(|h| names_other_numbers(h));
    // OpenAPI's `default` response, as openapi-generator writes it (`0`
    // under `Status code`, beside HTTP statuses of 2xx–5xx), is no such
    // count: its row holds no code, and the table is still read.
    let default_response = header.get(k).is_some_and(|h| {
        let h = h.to_lowercase();
        h.contains("status") || h.contains("http") || h.contains("状态")
    }) && !codes.is_empty()
        && codes.iter().all(|c| (200..600).contains(c))
        && registered(&codes) * 2 >= codes.len();
    let from_zero = !default_response && body.iter().any(|r| strip(cell(r, k)) == "0");
    if smtp || other_numbers || from_zero || !codes_are_http(&codes) {
        let what = if smtp {
            "is headed as SMTP reply codes, not HTTP status codes"
        } else if other_numbers {
            "is headed as numbers of another kind (a business's own codes, pull requests, \
             issues, ports, lines, versions), not HTTP status codes"
        } else if from_zero {
            "holds result codes counted from 0, not HTTP status codes"
        } else if foreign(&codes, registered(&codes)) {
            "holds codes of another kind (1xx codes HTTP does not have, or SMTP replies), \
             not HTTP status codes"
        } else {
            "holds three-digit numbers that are mostly not HTTP status codes"
        };
        return Typing {
            own_codes: true,
            ..done(
                columns,
                TableType::Other,
                None,
                format!("column {} {what}", k + 1),
            )
        };
    }
    // Other key columns: an error identifier, or a number that is not an
    // index (a business code: 50001, 1–17), make a catalogue. A column
    // headed as the description, each code in one row, describes the codes
    // whatever it looks like (`返回码 | 描述`: `200 | OK`, `400 |
    // NOT_FOUND`: JD Cloud's operations). `repeats`: the rows giving a code
    // an earlier row gave (also what makes a table of errors by status).
    let repeats = {
        let mut distinct = codes.clone();
        distinct.sort_unstable();
        distinct.dedup();
        codes.len() - distinct.len()
    };
    let once = repeats == 0;
    let key = |c: usize| {
        let texts: Vec<&str> = body.iter().map(|r| cell(r, c)).collect();
        // Headed as error codes, whatever they look like (`Forbidden` under
        // `Error code`: Alibaba Cloud's one-row catalogues).
        if header.get(c).is_some_and(|h| names_error_codes(h))
            && texts.iter().any(|t| !is_placeholder(strip(t)))
        {
            return Some("error codes");
        }
        let what = match columns[c] {
            CellType::ErrorId => Some("error identifiers"),
            CellType::Identifier if c < k || k == 0 => Some("identifiers"),
            CellType::Number if !is_index(&texts) => Some("numeric error codes"),
            _ => None,
        };
        what.filter(|_| !(once && header.get(c).is_some_and(|h| is_description_header(h))))
    };
    for c in (0..width).filter(|&c| c != k) {
        if let Some(what) = key(c) {
            return done(
                columns,
                TableType::Catalogue,
                Some(k),
                format!(
                    "column {} holds {what}: the status code in column {} is an attribute of each error",
                    c + 1,
                    k + 1
                ),
            );
        }
    }
    // The same code for many rows: errors listed by their status.
    if repeats >= 2 && repeats * 4 > codes.len() {
        return Typing {
            by_repeats: true,
            ..done(
                columns,
                TableType::Catalogue,
                Some(k),
                format!(
                    "{repeats} of its {} codes repeat: it lists errors by status code",
                    codes.len()
                ),
            )
        };
    }
    // Columns before the codes may only count rows, name a class or a
    // section, or describe the codes; anything else keys the table (a
    // mapping, an example).
    for c in 0..k {
        let texts: Vec<&str> = body.iter().map(|r| cell(r, c)).collect();
        let ok = columns[c] == CellType::Empty
            || columns[c] == CellType::Class
            || columns[c] == CellType::Prose
            || (columns[c] == CellType::Number && is_index(&texts));
        if !ok {
            return done(
                columns.clone(),
                TableType::Other,
                Some(k),
                format!(
                    "the status codes are in column {}, keyed by column {} ({})",
                    k + 1,
                    c + 1,
                    columns[c].as_str()
                ),
            );
        }
    }
    // Values beside the codes: durations, data types, flags, samples. A
    // column that only says each row's code again (openapi-generator's
    // `| **200** | 200 | - |`, a response with no description) says nothing.
    let repeats_code = |c: usize| {
        body.iter().all(|r| {
            let t = strip(cell(r, c));
            is_placeholder(t) || t == strip(cell(r, k))
        })
    };
    for c in (k + 1..width).filter(|&c| filled[c] * 2 > body.len() && !repeats_code(c)) {
        if matches!(
            columns[c],
            CellType::Duration
                | CellType::DataType
                | CellType::Flag
                | CellType::Number
                | CellType::Code
                | CellType::CodeReason
        ) {
            return done(
                columns.clone(),
                TableType::Other,
                Some(k),
                format!(
                    "column {} beside the codes holds {} values, not descriptions",
                    c + 1,
                    columns[c].as_str()
                ),
            );
        }
    }
    let described = columns[k] == CellType::CodeReason
        || (0..width).any(|c| {
            c != k
                && (columns[c].is_text()
                    || columns[c] == CellType::Link
                    || (once && header.get(c).is_some_and(|h| is_description_header(h))))
        });
    if !described {
        return done(
            columns,
            TableType::Other,
            Some(k),
            "no column describes the codes".into(),
        );
    }
    done(
        columns,
        TableType::StatusReference,
        Some(k),
        format!("column {} holds status codes, described in text", k + 1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_cells_with_digits_take_the_whole_reading() {
        for text in [
            "成功200-299",
            "状态码 200 ~ 299",
            "请求 404",
            "是",
            "必选",
            "成功。",
        ] {
            assert_eq!(type_cell(text), type_text(strip(text)), "{text}");
        }
        assert_eq!(type_cell("成功200-299"), CellType::Range);
    }

    proptest::proptest! {
        /// The shortcuts of `strip` and `type_cell` give what the whole
        /// reading gives, on any cell made of these pieces.
        #[test]
        fn shortcuts_read_as_the_whole_reading(
            parts in proptest::collection::vec(
                "(成功|是|否|必选|无|请求|。|状态码|200|4|xx|-|~|OK| |\u{3000}|`|\\*|\"|'|\\.|http://a|秒|s|string)",
                0..8,
            ),
        ) {
            let text = parts.concat();
            let whole = text
                .trim()
                .trim_matches(|c: char| matches!(c, '`' | '*' | '"' | '\''))
                .trim();
            proptest::prop_assert_eq!(strip(&text), whole);
            if !is_placeholder(whole) {
                proptest::prop_assert_eq!(type_cell(&text), type_text(whole), "{:?}", text);
            }
        }
    }

    #[test]
    fn cells() {
        assert_eq!(type_cell("200"), CellType::Code);
        assert_eq!(type_cell("`200 OK`"), CellType::CodeReason);
        assert_eq!(type_cell("404 Not found"), CellType::CodeReason);
        assert_eq!(type_cell("401.1"), CellType::SubStatus);
        assert_eq!(type_cell("2XX"), CellType::Class);
        assert_eq!(type_cell("200 ≤ code ＜ 300"), CellType::Range);
        assert_eq!(type_cell("200-299"), CellType::Range);
        assert_eq!(type_cell("2XX-3XX"), CellType::Range);
        assert_eq!(type_cell("200 to 299"), CellType::Range);
        assert_eq!(type_cell("200 ~ 299"), CellType::Range);
        // No digit, or over 32 characters: never a range.
        assert!(!is_range("XX-YY"));
        assert!(!is_range(&format!("200-299{}", " ".repeat(26))));
        assert!(is_range(&format!("200-299{}", " ".repeat(25))));
        assert_eq!(type_cell("APIGW.0101"), CellType::ErrorId);
        assert_eq!(type_cell("InvalidParameterValue"), CellType::ErrorId);
        assert_eq!(type_cell("ERR_NOT_FOUND"), CellType::ErrorId);
        assert_eq!(type_cell("project_id"), CellType::Identifier);
        assert_ne!(type_cell("Content-Type"), CellType::ErrorId);
        assert_eq!(type_cell("WRONG_USERNAME_OR_PWD"), CellType::ErrorId);
        assert_eq!(type_cell("50001"), CellType::Number);
        assert_eq!(type_cell("30s"), CellType::Duration);
        assert_eq!(type_cell("5 minutes"), CellType::Duration);
        assert_eq!(type_cell("100万"), CellType::Duration);
        assert_eq!(type_cell("500个"), CellType::Duration);
        assert_eq!(type_cell("200毫秒"), CellType::Duration);
        // A code against its phrase (cold trial, Alibaba WAF's FAQ).
        assert_eq!(type_cell("405访问阻断"), CellType::CodeReason);
        assert_eq!(type_cell("404错误"), CellType::CodeReason);
        assert_eq!(type_cell("200ms"), CellType::Duration);
        // A number in a unit, after a space (cold trial, Alibaba WAF's
        // dashboard samples read as `300 Multiple Choices`).
        for t in [
            "300 MB",
            "100 千次",
            "100 次",
            "500 ms",
            "200 KB/s",
            "404 Bytes",
            "100 RPM per org",
            "100 RPM",
            "200 MB per file",
        ] {
            assert_eq!(type_cell(t), CellType::Duration, "{t}");
        }
        assert_eq!(type_cell("300 Multiple Choices"), CellType::CodeReason);
        assert_eq!(type_cell("404 未找到"), CellType::CodeReason);
        assert_eq!(type_cell("100,000,000"), CellType::Number);
        assert_eq!(type_cell("String"), CellType::DataType);
        for ty in [
            "List<Pet>",
            "array[string]",
            "string (date-time)",
            "Array of Pet",
            "list of strings",
            "String array",
            "JSON object",
            "string[]",
        ] {
            assert_eq!(type_cell(ty), CellType::DataType, "{ty}");
        }
        // A description that starts with a type word is none.
        for prose in [
            "List of dashboards",
            "Object describing the user",
            "Map of regions",
            "String too long",
        ] {
            assert_ne!(type_cell(prose), CellType::DataType, "{prose}");
        }
        assert_eq!(type_cell("是"), CellType::Flag);
        assert_eq!(type_cell("请求成功。"), CellType::Prose);
        assert_eq!(type_cell("Not allowed"), CellType::Phrase);
        assert_eq!(type_cell("The request was accepted."), CellType::Prose);
        assert_eq!(type_cell("-"), CellType::Empty);
    }

    fn t(header: &[&str], rows: &[&[&str]]) -> Typing {
        classify(
            &header.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            &rows
                .iter()
                .map(|r| r.iter().map(|s| s.to_string()).collect())
                .collect::<Vec<_>>(),
        )
    }

    #[test]
    fn codes_among_classes_are_codes() {
        // `200`, `4XX`, `5XX` (Windows Device Portal): the code column of an
        // operation's responses, its classes no rows. Classes alone are a
        // table of classes, named as written.
        let t1 = t(
            &["HTTP status code", "Description"],
            &[
                &["200", "Deploy request accepted and being processed"],
                &["4XX", "Error codes"],
                &["5XX", "Error codes"],
            ],
        );
        assert_eq!(t1.code_col, Some(0), "{}", t1.reason);
        assert_ne!(t1.kind, TableType::Classes);
        let t2 = t(
            &["Code", "Description"],
            &[
                &["2xx", "Success"],
                &["4xx", "Client error"],
                &["5xx", "Server error"],
            ],
        );
        assert_eq!(t2.kind, TableType::Classes);
        assert!(t2.reason.contains("(2xx)"), "{}", t2.reason);
    }

    #[test]
    fn tables() {
        let status = t(
            &["Whatever", "Text"],
            &[
                &["200 OK", "Fine."],
                &["404", "Gone away."],
                &["500", "Broken."],
            ],
        );
        assert_eq!(status.kind, TableType::StatusReference);
        let catalogue = t(
            &["HTTP", "错误码", "信息"],
            &[
                &["400", "APIGW.0101", "x"],
                &["401", "APIGW.0102", "y"],
                &["500", "APIGW.0103", "z"],
            ],
        );
        assert_eq!(catalogue.kind, TableType::Catalogue);
        let mapping = t(
            &["Verb", "Path", "Status"],
            &[
                &["GET", "/v1/a", "200 OK"],
                &["POST", "/v1/b", "201 Created"],
                &["DELETE", "/v1/c", "204 No Content"],
            ],
        );
        assert_eq!(mapping.kind, TableType::Other);
        let sub = t(
            &["Status", "Description"],
            &[&["404.1", "Site not found."], &["404.2", "Denied."]],
        );
        assert_eq!(sub.kind, TableType::SubStatus);
    }

    #[test]
    fn codes_of_another_kind_that_share_http_s_numbers() {
        let of = |codes: &[&str]| {
            let rows: Vec<Vec<String>> = codes
                .iter()
                .map(|c| vec![c.to_string(), "Something happened.".to_string()])
                .collect();
            classify(&["Code".to_string(), "Description".to_string()], &rows)
        };
        // Event types: 110 and 111 are no HTTP status.
        let events = of(&["101", "102", "103", "110", "111", "201", "202"]);
        assert!(events.is_own_codes(), "{}", events.reason);
        // SMTP replies: 250 beside 550.
        let smtp = of(&["250", "403", "421", "450", "451", "550", "554"]);
        assert!(smtp.is_own_codes(), "{}", smtp.reason);
        // A vendor's own 2xx and 6xx codes are still a status table, and so
        // is a typo among registered codes.
        let qiniu = of(&[
            "200", "298", "400", "401", "404", "503", "579", "599", "612",
        ]);
        assert_eq!(qiniu.kind, TableType::StatusReference, "{}", qiniu.reason);
        let typo = of(&["100", "110", "200", "201", "400", "404", "500"]);
        assert_eq!(typo.kind, TableType::StatusReference, "{}", typo.reason);
        let informational = of(&["100", "101", "102", "103"]);
        assert_eq!(informational.kind, TableType::StatusReference);
        // A changelog's pull requests, by their header.
        let rows: &[&[&str]] = &[
            &["258", "Delete a version."],
            &["409", "Delete a version."],
            &["466", "Delete a version."],
        ];
        for h in [
            "PR#",
            "Issue",
            "Port",
            "序号",
            "#",
            "Version",
            "业务错误码（status）",
        ] {
            let typing = t(&[h, "Changes"], rows);
            assert!(typing.is_own_codes(), "{h}: {}", typing.reason);
        }
        for h in [
            "Status Code",
            "HTTP",
            "Error code",
            "状态码",
            "Response",
            "",
            "No Permissions",
            "Read-Only Permissions",
        ] {
            assert!(!names_other_numbers(h), "{h}");
        }
    }

    #[test]
    fn a_column_headed_as_error_codes_makes_a_catalogue() {
        // One row, its error code a reason phrase (cold trial, Alibaba Cloud
        // Smart Access Gateway).
        let typing = t(
            &["HttpCode", "Error code", "Error message", "Description"],
            &[&[
                "403",
                "Forbidden",
                "User not authorized.",
                "You do not have the permission.",
            ]],
        );
        assert_eq!(typing.kind, TableType::Catalogue, "{}", typing.reason);
    }

    #[test]
    fn an_error_s_type_beside_its_error_code_is_no_body_type() {
        let typing = t(
            &["HTTP 状态码", "类型", "错误码", "描述"],
            &[
                &["400", "invalid_request_error", "param_error", "参数不合法"],
                &[
                    "400",
                    "invalid_request_error",
                    "invalid_messages",
                    "对话内容触发敏感词",
                ],
                &["401", "invalid_request_error", "auth_error", "token 无效"],
                &["408", "timeout", "timeout", "请求超时，请稍后重试"],
                &[
                    "429",
                    "rate_limit_error",
                    "rate_limit",
                    "触发限流，请稍后重试",
                ],
                &["500", "internal_error", "internal_error", "服务器内部错误"],
                &[
                    "500",
                    "internal_error",
                    "model_server_error",
                    "LLM 服务异常",
                ],
            ],
        );
        assert_eq!(typing.kind, TableType::Catalogue, "{}", typing.reason);
    }

    #[test]
    fn a_schema_named_for_each_code_is_an_operation_s_responses() {
        let rows: &[&[&str]] = &[
            &["200", "Trustee", "OK."],
            &["400", "ErrorTemplate", "Request is not valid."],
            &["403", "ErrorTemplate", "Forbidden."],
            &["404", "ErrorTemplate", "Not found."],
        ];
        for h in ["Body Type", "Response Schema", "返回类型", "Type"] {
            let typed = t(&["Status Code", h, "Description"], rows);
            assert_eq!(typed.kind, TableType::PerOperation, "{h}");
            assert!(typed.reason.contains("schema"), "{}", typed.reason);
        }
        // Error identifiers that differ row by row: a catalogue, whether the
        // column says `Type` or `Error Type`.
        let ids: &[&[&str]] = &[
            &["400", "InvalidParameter", "A parameter is wrong."],
            &["403", "AccessDenied", "Not allowed."],
            &["404", "NoSuchBucket", "No such bucket."],
        ];
        for h in ["Type", "Error Type", "Body Type Error", "Code"] {
            assert_eq!(
                t(&["Status Code", h, "Description"], ids).kind,
                TableType::Catalogue,
                "{h}"
            );
        }
        // The same identifier on every row, headed as an error: a catalogue.
        let same: &[&[&str]] = &[
            &["400", "ErrorTemplate", "x"],
            &["403", "ErrorTemplate", "y"],
            &["404", "ErrorTemplate", "z"],
        ];
        assert_eq!(
            t(&["Status Code", "Error", "Description"], same).kind,
            TableType::Catalogue
        );
    }
}
