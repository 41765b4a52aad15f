//! The command line: what `doclint` accepts, as clap derives it. `main.rs`
//! turns these into projects and settings, runs them and prints.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use doclint::rules::Severity;

/// A documentation consistency linter for HTTP status-code pages.
///
/// Walks a documentation tree, reads every status-code page, builds one
/// canonical model of every code and reports each page that diverges from it.
#[derive(Parser, Debug)]
#[command(name = "doclint", version, args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    #[command(flatten)]
    pub(crate) lint: LintArgs,
    #[command(flatten)]
    pub(crate) fix: FixArgs,
}

/// Where the project comes from: the paths and the config.
#[derive(Args, Debug, Clone)]
pub(crate) struct ProjectArgs {
    /// Files or folders to check. The project they belong to (the nearest
    /// folder above them holding doclint.toml, else the root of their git
    /// work tree) is read for the model; findings are reported in these.
    #[arg(default_value = ".")]
    pub(crate) paths: Vec<PathBuf>,
    /// The config file (default: doclint.toml at the project root).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Read the files `.gitignore`, `.ignore` and git's exclude files leave
    /// out too (hidden files are still skipped).
    #[arg(long)]
    pub(crate) no_respect_gitignore: bool,
}

#[derive(Args, Debug, Clone)]
pub(crate) struct LintArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub(crate) format: Format,
    /// When to use colours (NO_COLOR is honoured). A subcommand takes it
    /// after its name (`doclint model --color never`): before the name, an
    /// option makes the name a path to lint.
    #[arg(long, value_enum, default_value_t = Color::Auto, global = true)]
    pub(crate) color: Color,
    #[command(flatten)]
    pub(crate) filter: FilterArgs,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub(crate) baseline: Option<PathBuf>,
}

/// Which findings to keep.
#[derive(Args, Debug, Clone)]
pub(crate) struct FilterArgs {
    /// Report only these rules (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub(crate) select: Vec<String>,
    /// Do not report these rules (ids or names, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub(crate) ignore: Vec<String>,
    /// Report only findings at this severity or above (default: `min-severity`
    /// in doclint.toml, else advice).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub(crate) min_severity: Option<MinSeverity>,
}

/// The arguments of `doclint model`.
#[derive(Args, Debug, Clone)]
pub(crate) struct ModelArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ModelFormat::Human)]
    pub(crate) format: ModelFormat,
}

/// The arguments of `doclint pages`.
#[derive(Args, Debug, Clone)]
pub(crate) struct PagesArgs {
    #[command(flatten)]
    pub(crate) project: ProjectArgs,
    /// Output format (JSON only).
    #[arg(long, value_enum, default_value_t = PagesFormat::Json)]
    pub(crate) format: PagesFormat,
    /// Explain one file instead: every table's column types, its type,
    /// and why it was read or not.
    #[arg(long, value_name = "PATH", conflicts_with = "paths")]
    pub(crate) explain: Option<PathBuf>,
    /// Print the per-operation status tables of API pages instead.
    #[arg(long)]
    pub(crate) operations: bool,
}

#[derive(Args, Debug, Clone, Copy)]
pub(crate) struct FixArgs {
    /// Apply the safe fixes in place, then report what remains.
    #[arg(long)]
    pub(crate) fix: bool,
    /// With --fix or --diff, also apply the unsafe fixes (they change wording).
    #[arg(long)]
    pub(crate) unsafe_fixes: bool,
    /// Print the unified diff of the fixes --fix would apply; write nothing
    /// (with --fix too: the diff is what it would write).
    #[arg(long)]
    pub(crate) diff: bool,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Print the canonical model: every code, its canonical description and
    /// variants, and the code × service coverage matrix.
    Model(ModelArgs),
    /// Print what doclint read from every status page, as JSON: each row's
    /// spans with the source slice beside them.
    #[command(
        override_usage = "doclint pages [OPTIONS] [PATHS]...\n       doclint pages --explain <PATH> [OPTIONS]"
    )]
    Pages(PagesArgs),
    /// Print a rule's documentation (without an id: the list of rules).
    Explain {
        /// Rule id (DL001) or name (description-mismatch).
        rule: Option<String>,
    },
    /// Write a commented doclint.toml that pins today's canonical model.
    Init {
        /// The tree to read the model from.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Where to write it (default: doclint.toml at the project root).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Read the files `.gitignore` and `.ignore` leave out too, and
        /// write `respect-gitignore = false`.
        #[arg(long)]
        no_respect_gitignore: bool,
    },
    /// Write the coverage report: one self-contained HTML page with the
    /// code × service matrix, the variants of every code and the findings
    /// of every service.
    Report {
        #[command(flatten)]
        project: ProjectArgs,
        #[command(flatten)]
        filter: FilterArgs,
        /// Show only findings that are not in this baseline file.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// The HTML file to write.
        #[arg(long, value_name = "FILE")]
        html: PathBuf,
    },
    /// Record today's findings of the whole project in a baseline file;
    /// later runs with `--baseline` (or `baseline` in doclint.toml) report
    /// only new ones.
    Baseline {
        #[command(flatten)]
        project: ProjectArgs,
        #[command(flatten)]
        filter: FilterArgs,
        /// Where to write it (default: `baseline` in doclint.toml, else
        /// doclint-baseline.json).
        #[arg(long)]
        output: Option<PathBuf>,
    },
    /// Run the language server on stdin and stdout (for editors).
    Server,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
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
pub(crate) enum ModelFormat {
    /// A table and the code × service matrix.
    Human,
    /// The version-1 model JSON.
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PagesFormat {
    /// Every row's spans with the source slices beside them.
    Json,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MinSeverity {
    Advice,
    Warning,
    Error,
}

impl MinSeverity {
    pub(crate) fn severity(self) -> Severity {
        match self {
            MinSeverity::Advice => Severity::Advice,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::Error => Severity::Error,
        }
    }
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}
