//! The `doclint` command: arguments → [`doclint::lint`] → report → exit code.
//!
//! Only this file and `report` print. Exit codes: 0 clean, 1 findings at
//! warning level or above, 2 doclint could not do its job (bad config,
//! unreadable input, a file it could not fix).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// mimalloc: most of doclint's allocations are small and short-lived, per
/// file, on several threads; it measured ~10% less CPU than the system
/// allocator on the corpus.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use doclint::baseline::{self, Baseline};
use doclint::config;
use doclint::fix::{Applicability, files};
use doclint::lint::{Outcome, Settings, lint};
use doclint::report;
use doclint::rules::{Rule, Severity};

/// A documentation consistency linter for HTTP status-code pages.
///
/// Walks a documentation tree, reads every status-code page, builds one
/// canonical model of every code and reports each page that diverges from it.
#[derive(Parser, Debug)]
#[command(name = "doclint", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    lint: LintArgs,
    #[command(flatten)]
    fix: FixArgs,
}

#[derive(Args, Debug, Clone)]
struct LintArgs {
    /// Files or folders to lint.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// When to use colours (NO_COLOR is honoured).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// The config file (default: doclint.toml in the linted folder or a parent).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Report only these rules (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    select: Vec<String>,
    /// Do not report these rules (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    ignore: Vec<String>,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
}

#[derive(Args, Debug, Clone, Copy)]
struct FixArgs {
    /// Apply the safe fixes in place, then report what remains.
    #[arg(long)]
    fix: bool,
    /// With --fix or --diff, also apply the unsafe fixes (they change wording).
    #[arg(long)]
    unsafe_fixes: bool,
    /// Print the unified diff of the fixes --fix would apply; write nothing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the canonical model: every code, its canonical description and
    /// variants, and the code × service coverage matrix.
    Model(LintArgs),
    /// Print what doclint read from every status page, as JSON: each row's
    /// spans with the source slice beside them.
    Pages {
        #[command(flatten)]
        lint: LintArgs,
        /// Explain one file instead: every table's column types, its type,
        /// and why it was read or not.
        #[arg(long, value_name = "PATH")]
        explain: Option<PathBuf>,
        /// Print the per-operation status tables of API pages instead.
        #[arg(long)]
        operations: bool,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id (DL001) or name (description-mismatch).
        rule: String,
    },
    /// Write a commented doclint.toml that pins today's canonical model.
    Init {
        /// The tree to read the model from.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Where to write it.
        #[arg(long, default_value = config::FILE_NAME)]
        output: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Write the coverage report: one self-contained HTML page with the
    /// code × service matrix, the variants of every code and the findings
    /// of every service.
    Report {
        #[command(flatten)]
        lint: LintArgs,
        /// The HTML file to write.
        #[arg(long, value_name = "FILE")]
        html: PathBuf,
    },
    /// Record today's findings in a baseline file; later runs with
    /// `--baseline` (or `baseline` in doclint.toml) report only new ones.
    Baseline {
        #[command(flatten)]
        lint: LintArgs,
        /// Where to write it (default: `baseline` in doclint.toml, else
        /// doclint-baseline.json).
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// miette reports and a summary.
    Human,
    /// The version-1 JSON contract.
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

fn use_color(c: Color) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes to stdout; a closed pipe (`doclint | head`) is not an error.
fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|_| out.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("doclint: cannot write output: {e}");
    }
}

/// Prints a miette report to stderr.
fn report_error(err: &dyn miette::Diagnostic) {
    let mut out = String::new();
    let handler = miette::GraphicalReportHandler::new_themed(
        if std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none() {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        },
    );
    if handler.render_report(&mut out, err).is_err() {
        out = err.to_string();
    }
    eprintln!("{out}");
}

fn rules_of(names: &[String]) -> Result<Vec<Rule>, String> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| Rule::from_id(n.trim()).ok_or_else(|| format!("no rule `{n}`")))
        .collect()
}

/// Settings from the arguments and the config file. Prints what is wrong
/// and returns exit code 2 when they cannot be used.
fn settings(args: &LintArgs, with_baseline: bool) -> Result<Settings, ExitCode> {
    let fail = |message: String| {
        eprintln!("doclint: {message}");
        ExitCode::from(2)
    };
    let config_path = args
        .config
        .clone()
        .or_else(|| config::discover(args.paths.first().map_or(Path::new("."), |p| p)));
    let mut s = match config_path {
        Some(path) => match config::load(&path) {
            Ok(loaded) => Settings::with_config(args.paths.clone(), loaded),
            Err(e) => {
                report_error(e.as_ref());
                return Err(ExitCode::from(2));
            }
        },
        None => Settings {
            paths: args.paths.clone(),
            ..Settings::default()
        },
    };
    // File mode (what pre-commit does): the model comes from the whole
    // project, the folder of doclint.toml or else the current folder; only
    // the named paths are reported.
    if args.paths.iter().any(|p| p.is_file()) {
        let only = args
            .paths
            .iter()
            .map(|p| std::path::absolute(p).map_err(|e| fail(format!("{}: {e}", p.display()))))
            .collect::<Result<Vec<_>, _>>()?;
        s.only = Some(only);
        s.paths = vec![
            s.config
                .as_ref()
                .map_or_else(|| PathBuf::from("."), |c| c.root.clone()),
        ];
    }
    if !args.select.is_empty() {
        s.select = Some(rules_of(&args.select).map_err(fail)?);
    }
    s.ignore = rules_of(&args.ignore).map_err(fail)?;
    if with_baseline {
        let from_config = s.config.as_ref().and_then(|c| {
            c.config
                .baseline
                .as_ref()
                .map(|b| c.root.join(b))
                .filter(|p| p.exists())
        });
        if let Some(path) = args.baseline.clone().or(from_config) {
            s.baseline = Some(Baseline::load(&path).map_err(fail)?);
        }
    }
    Ok(s)
}

/// 2 when a file could not be read, 1 when a finding is a warning or worse.
fn exit_code(outcome: &Outcome) -> ExitCode {
    if !outcome.errors.is_empty() {
        ExitCode::from(2)
    } else if outcome
        .findings
        .iter()
        .any(|f| f.severity >= Severity::Warning)
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn render(outcome: &Outcome, args: &LintArgs) -> String {
    match args.format {
        Format::Json => report::json::render(outcome),
        Format::Sarif => report::sarif::render(outcome),
        Format::Github => report::github::render(outcome),
        Format::Human => report::human::render(
            outcome,
            report::human::Style {
                color: use_color(args.color),
                width: terminal_width(),
            },
        ),
    }
}

/// Lints; with `--fix` writes the fixes and reports what remains; with
/// `--diff` prints what `--fix` would change.
fn run_lint(args: &LintArgs, fix: FixArgs) -> ExitCode {
    let settings = match settings(args, true) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let outcome = lint(&settings);
    print_notes(&outcome);
    let wanted = if fix.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if fix.diff {
        let plans = files::plan(&outcome, wanted);
        let text: String = plans.iter().map(|p| files::diff(&outcome, p)).collect();
        emit(&text);
        let n: usize = plans.iter().map(|p| p.fixed.len()).sum();
        eprintln!(
            "Would fix {n} finding{} in {} file{}.",
            plural(n),
            plans.len(),
            plural(plans.len())
        );
        return if !outcome.errors.is_empty() {
            ExitCode::from(2)
        } else if plans.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        };
    }
    if args.format == Format::Github
        && let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY")
    {
        let summary = report::github::step_summary(&outcome);
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .and_then(|mut f| f.write_all(summary.as_bytes()));
        if let Err(e) = written {
            eprintln!("doclint: cannot write GITHUB_STEP_SUMMARY: {e}");
        }
    }
    if !fix.fix {
        emit(&render(&outcome, args));
        if args.format == Format::Human {
            eprintln!("Finished in {:.2}s.", outcome.elapsed.as_secs_f64());
        }
        return exit_code(&outcome);
    }
    let plans = files::plan(&outcome, wanted);
    let applied = files::write_all(&outcome, &plans);
    // Report what remains, from the files as they are now.
    let mut after = lint(&settings);
    after.errors.extend(applied.errors);
    after.errors.sort();
    let mut text = render(&after, args);
    if args.format == Format::Human {
        text.push_str(&format!(
            "Fixed {} finding{} in {} file{}.\n",
            applied.fixed,
            plural(applied.fixed),
            applied.files,
            plural(applied.files)
        ));
        eprintln!(
            "Finished in {:.2}s.",
            (outcome.elapsed + after.elapsed).as_secs_f64()
        );
    }
    emit(&text);
    exit_code(&after)
}

/// Says on stderr which files were read with a remark (not UTF-8).
fn print_notes(outcome: &Outcome) {
    for n in &outcome.notes {
        eprintln!("note: {}: {}", n.path, n.message);
    }
}

/// For commands whose output is not a report: names the files that could
/// not be read on stderr, and turns `code` into 2 when there were any.
fn with_read_errors(outcome: &Outcome, code: ExitCode) -> ExitCode {
    for e in &outcome.errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    if outcome.errors.is_empty() {
        code
    } else {
        ExitCode::from(2)
    }
}

/// `doclint model` and `doclint pages`.
fn run_view(args: &LintArgs, pages: bool, operations: bool) -> ExitCode {
    let settings = match settings(args, false) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let outcome = lint(&settings);
    print_notes(&outcome);
    let text = match args.format {
        _ if operations => report::pages::render_operations(&outcome),
        _ if pages => report::pages::render(&outcome),
        Format::Human => report::model::render_human(&outcome, terminal_width()),
        _ => report::model::render_json(&outcome),
    };
    emit(&text);
    with_read_errors(&outcome, ExitCode::SUCCESS)
}

/// Writes `text` to `path` unless it exists and `force` is off.
fn write_new(path: &Path, text: &str, force: bool) -> ExitCode {
    if path.exists() && !force {
        eprintln!(
            "doclint: {} exists; use --force to overwrite it",
            path.display()
        );
        return ExitCode::from(2);
    }
    match std::fs::write(path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("doclint: cannot write {}: {e}", path.display());
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_lint(&cli.lint, cli.fix),
        Some(Command::Model(args)) => run_view(&args, false, false),
        Some(Command::Pages {
            explain: Some(path),
            ..
        }) => match report::pages::explain(&path) {
            Ok(text) => {
                emit(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                ExitCode::from(2)
            }
        },
        Some(Command::Pages {
            lint: args,
            operations,
            ..
        }) => run_view(&args, true, operations),
        Some(Command::Explain { rule }) => match Rule::from_id(&rule) {
            Some(r) => {
                emit(r.doc());
                ExitCode::SUCCESS
            }
            None => {
                let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                eprintln!("doclint: no rule `{rule}`; rules are {}", ids.join(", "));
                ExitCode::from(2)
            }
        },
        Some(Command::Init {
            paths,
            output,
            force,
        }) => {
            // Today's model, as the tree has it, without any config.
            let outcome = lint(&Settings {
                paths,
                ..Settings::default()
            });
            let code = write_new(&output, &doclint::init::render(&outcome), force);
            if code == ExitCode::SUCCESS {
                eprintln!(
                    "Wrote {} pinning {} codes from {} status pages.",
                    output.display(),
                    outcome.model.codes.len(),
                    outcome.status_docs().len()
                );
            }
            code
        }
        Some(Command::Report { lint: args, html }) => {
            let settings = match settings(&args, true) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let outcome = lint(&settings);
            let code = write_new(&html, &report::html::render(&outcome), true);
            if code == ExitCode::SUCCESS {
                eprintln!(
                    "Wrote {}: {} codes × {} services, {} findings.",
                    html.display(),
                    outcome.model.codes.len(),
                    outcome.services(),
                    outcome.findings.len()
                );
            }
            with_read_errors(&outcome, code)
        }
        Some(Command::Baseline { lint: args, output }) => {
            let settings = match settings(&args, false) {
                Ok(s) => s,
                Err(code) => return code,
            };
            let outcome = lint(&settings);
            let path = output.unwrap_or_else(|| {
                settings
                    .config
                    .as_ref()
                    .and_then(|c| c.config.baseline.as_ref().map(|b| c.root.join(b)))
                    .unwrap_or_else(|| PathBuf::from("doclint-baseline.json"))
            });
            let code = write_new(
                &path,
                &baseline::render(&outcome.findings, &outcome.docs),
                true,
            );
            if code == ExitCode::SUCCESS {
                eprintln!(
                    "Wrote {} with {} finding{}.",
                    path.display(),
                    outcome.findings.len(),
                    plural(outcome.findings.len())
                );
            }
            with_read_errors(&outcome, code)
        }
    }
}
