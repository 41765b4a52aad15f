//! The `doclint` command: arguments → [`doclint::lint`] → report → exit code.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

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
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the canonical model: every code, its canonical description and
    /// variants, and the code × service coverage matrix.
    Model(LintArgs),
    /// Print what doclint read from every status page, as JSON: each row's
    /// spans with the source slice beside them.
    Pages(LintArgs),
    /// Print a rule's documentation.
    Explain {
        /// Rule id (DL001) or name (description-mismatch).
        rule: String,
    },
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// miette reports and a summary.
    Human,
    /// The version-1 JSON contract.
    Json,
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

/// Writes to stdout; a closed pipe (`doclint | head`) is not an error.
fn emit(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(e) => {
            eprintln!("doclint: cannot write output: {e}");
            false
        }
    }
}

fn settings(args: &LintArgs) -> Settings {
    Settings {
        paths: args.paths.clone(),
        ..Settings::default()
    }
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
        Format::Human => report::human::render(
            outcome,
            report::human::Style {
                color: use_color(args.color),
                width: terminal_width(),
            },
        ),
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Lints; with `--fix` writes the fixes and reports what remains; with
/// `--diff` prints what `--fix` would change.
fn run_lint(args: &LintArgs, fix: FixArgs) -> ExitCode {
    let outcome = lint(&settings(args));
    let wanted = if fix.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if fix.diff {
        let plans = files::plan(&outcome, wanted);
        let mut text = String::new();
        for p in &plans {
            text.push_str(&files::diff(&outcome, p));
        }
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
    let mut after = lint(&settings(args));
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
    }
    emit(&text);
    if args.format == Format::Human {
        eprintln!(
            "Finished in {:.2}s.",
            (outcome.elapsed + after.elapsed).as_secs_f64()
        );
    }
    exit_code(&after)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
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
        Some(ref cmd @ (Command::Model(ref args) | Command::Pages(ref args))) => {
            let pages = matches!(cmd, Command::Pages(_));
            let outcome = lint(&settings(args));
            let text = match args.format {
                _ if pages => report::pages::render(&outcome),
                Format::Json => report::model::render_json(&outcome),
                Format::Human => report::model::render_human(&outcome, terminal_width()),
            };
            emit(&text);
            for e in &outcome.errors {
                eprintln!("error: {}: {}", e.path, e.message);
            }
            if outcome.errors.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            }
        }
        None => run_lint(&cli.lint, cli.fix),
    }
}
