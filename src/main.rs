//! The `doclint` command: arguments → [`doclint::lint`] → report → exit code.
//!
//! Only this file and `report` print. Exit codes: 0 clean, 1 findings at
//! warning level or above, 2 doclint could not do its job (bad config,
//! unreadable input, a file it could not fix).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

/// mimalloc: most of doclint's allocations are small and short-lived, per
/// file, on several threads; it measured ~10% less CPU than the system
/// allocator on the corpus. Built without transparent huge pages
/// (`no_thp`): each fresh 2 MB page was zeroed by the kernel, which cost
/// time and tripled peak memory (16 MB instead of 45 MB on the corpus).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use doclint::baseline::{self, Baseline};
use doclint::config;
use doclint::fix::{Applicability, files};
use doclint::lint::{FileError, Outcome, Settings, lint};
use doclint::rules::{Rule, Severity};
use doclint::{project, report};

mod cli;
use cli::{
    Cli, Color, Command, FilterArgs, FixArgs, Format, LintArgs, ModelArgs, ModelFormat, PagesArgs,
    ProjectArgs,
};

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

/// The width to lay human output out in: the terminal's when stdout is
/// one, else `COLUMNS` when set, else 120.
fn terminal_width() -> usize {
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size_of(&stdout)
        && w > 0
    {
        return usize::from(w);
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&w: &usize| w > 0)
        .unwrap_or(120)
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Writes to stdout; a closed pipe (`doclint | head`) is not an error.
fn emit(text: &str) {
    emit_parts(&[text]);
}

/// Writes `parts` one after another to stdout.
fn emit_parts<S: AsRef<str>>(parts: &[S]) {
    let mut out = std::io::stdout().lock();
    let written = parts
        .iter()
        .try_for_each(|p| out.write_all(p.as_ref().as_bytes()));
    if let Err(e) = written.and_then(|_| out.flush())
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

/// What the command line asks to lint: one [`Settings`] per project the
/// paths belong to (usually one), and the paths that do not exist.
struct Plan {
    projects: Vec<Settings>,
    missing: Vec<FileError>,
    /// `--no-respect-gitignore`: also for the projects found below.
    no_respect_gitignore: bool,
}

/// Finds the projects of `args.paths` and loads their config. Prints what
/// is wrong and returns exit code 2 when they cannot be used.
fn plan(args: &ProjectArgs) -> Result<Plan, ExitCode> {
    let fail = |message: String| {
        eprintln!("doclint: {message}");
        ExitCode::from(2)
    };
    let cwd =
        project::current_dir().map_err(|e| fail(format!("cannot read the current folder: {e}")))?;
    let explicit = match &args.config {
        Some(path) => match config::load(path) {
            Ok(loaded) => Some(loaded),
            Err(e) => {
                report_error(e.as_ref());
                return Err(ExitCode::from(2));
            }
        },
        None => None,
    };
    let explicit_root = args
        .config
        .as_ref()
        .map(|p| project::absolute(p, &cwd))
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let grouped = project::group(&args.paths, &cwd, explicit_root.as_deref());
    for (given, root) in &grouped.fallbacks {
        eprintln!(
            "doclint: note: no doclint.toml or git work tree above {}: the project is {} (a doclint.toml at the top of the documentation sets it)",
            given,
            project::display(root, &cwd)
        );
    }
    let missing: Vec<FileError> = grouped
        .missing
        .into_iter()
        .map(|path| FileError {
            path,
            message: "no such file or folder".into(),
        })
        .collect();
    let groups = grouped.projects;
    let mut projects = Vec::new();
    for (p, paths) in groups {
        let mut s = project_settings(p, paths, explicit.as_ref(), &cwd)?;
        s.respect_gitignore &= !args.no_respect_gitignore;
        projects.push(s);
    }
    Ok(Plan {
        projects,
        missing,
        no_respect_gitignore: args.no_respect_gitignore,
    })
}

/// [`Settings::for_project`], printing a config error.
fn project_settings(
    p: project::Project,
    paths: Vec<PathBuf>,
    explicit: Option<&config::Loaded>,
    cwd: &Path,
) -> Result<Settings, ExitCode> {
    Settings::for_project(p, paths, explicit, cwd).map_err(|e| {
        report_error(e.as_ref());
        ExitCode::from(2)
    })
}

/// [`plan`], refusing paths of several projects for a command that shows
/// one project's model.
fn plan_one(args: &ProjectArgs, command: &str) -> Result<Plan, ExitCode> {
    let plan = plan(args)?;
    if plan.projects.len() > 1 {
        let cwd = project::current_dir().unwrap_or_default();
        let roots: Vec<String> = plan
            .projects
            .iter()
            .filter_map(|s| s.root.as_deref().map(|r| project::display(r, &cwd)))
            .collect();
        eprintln!(
            "doclint: these paths belong to {} projects ({}): run `doclint {command}` once for each",
            roots.len(),
            roots.join(", ")
        );
        return Err(ExitCode::from(2));
    }
    Ok(plan)
}

/// Applies the lint options (rules, severity, baseline) to every project:
/// `baseline` is `--baseline`; `with_baseline` also reads the config's.
fn lint_options(
    plan: &mut Plan,
    filter: &FilterArgs,
    baseline: Option<&Path>,
    with_baseline: bool,
) -> Result<(), ExitCode> {
    let fail = |message: String| {
        eprintln!("doclint: {message}");
        ExitCode::from(2)
    };
    let select = if filter.select.is_empty() {
        None
    } else {
        let rules = rules_of(&filter.select).map_err(fail)?;
        if rules.is_empty() {
            // `--select ""` from an empty CI variable must not pass forever.
            return Err(fail("--select names no rule".into()));
        }
        Some(rules)
    };
    let ignore = rules_of(&filter.ignore).map_err(fail)?;
    let explicit = match baseline {
        Some(path) => Some(Baseline::load(path).map_err(fail)?),
        None => None,
    };
    for s in &mut plan.projects {
        s.select.clone_from(&select);
        s.ignore.clone_from(&ignore);
        if let Some(m) = filter.min_severity {
            s.min_severity = m.severity();
        }
        if !with_baseline {
            continue;
        }
        if explicit.is_some() {
            s.baseline.clone_from(&explicit);
            continue;
        }
        let from_config = s.config.as_ref().and_then(|c| {
            let root = s.root.as_deref()?;
            c.config
                .baseline
                .as_ref()
                .map(|b| root.join(b))
                .filter(|p| p.exists())
        });
        if let Some(path) = from_config {
            s.baseline = Some(Baseline::load(&path).map_err(fail)?);
        }
    }
    Ok(())
}

/// Lints every project of `plan`, and the projects found inside the
/// folders named (a folder with its own doclint.toml or .git); the paths
/// that do not exist are errors.
fn lint_plan(plan: &Plan) -> Option<Outcome> {
    if plan.projects.is_empty() {
        let cwd = project::current_dir().ok()?;
        return Some(Outcome::empty(plan.missing.clone(), cwd));
    }
    let mut outcomes = Vec::new();
    // Each project with the project named on the command line it was found
    // under (itself, or a project nested in it).
    let mut queue: std::collections::VecDeque<(usize, Settings)> =
        plan.projects.iter().cloned().enumerate().collect();
    // The error of each project named where nothing was found, itself or
    // in the projects nested in it: one project without a page is not
    // hidden by another's pages in the same run.
    let mut empty: Vec<Option<FileError>> = vec![None; plan.projects.len()];
    let mut found = vec![false; plan.projects.len()];
    let cwd = plan.projects.first()?.cwd.clone()?;
    while let Some((named, s)) = queue.pop_front() {
        let outcome = lint(&s);
        for root in &outcome.nested {
            let p = project::Project {
                root: root.clone(),
                config: Some(root.join(config::FILE_NAME)).filter(|c| c.is_file()),
                found: project::Found::Config,
            };
            let mut nested =
                project_settings(p, vec![root.clone()], None, s.cwd.as_deref()?).ok()?;
            nested.select.clone_from(&s.select);
            nested.respect_gitignore &= !plan.no_respect_gitignore;
            nested.ignore.clone_from(&s.ignore);
            nested.min_severity = nested.min_severity.max(s.min_severity);
            queue.push_back((named, nested));
        }
        match outcome.no_page(&cwd) {
            Some(e) if empty[named].is_none() => empty[named] = Some(e),
            Some(_) => {}
            None => found[named] = true,
        }
        outcomes.push(outcome);
    }
    let mut outcome = Outcome::merge(outcomes)?;
    outcome.errors.extend(
        empty
            .into_iter()
            .zip(found)
            .filter(|(_, found)| !found)
            .filter_map(|(e, _)| e),
    );
    outcome.errors.extend(plan.missing.iter().cloned());
    outcome.errors.sort();
    Some(outcome)
}

/// For a run with nothing to lint (every path is missing): names them.
fn only_missing(plan: &Plan) -> ExitCode {
    for e in &plan.missing {
        eprintln!("doclint: {}: {}", e.path, e.message);
    }
    ExitCode::from(2)
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

/// The report, in parts to be written one after another.
fn render(outcome: &Outcome, args: &LintArgs) -> Vec<String> {
    let whole = match args.format {
        Format::Json => return report::json::render_parts(outcome),
        Format::Sarif => report::sarif::render(outcome),
        Format::Github => report::github::render(outcome),
        Format::Human => report::human::render(
            outcome,
            report::human::Style {
                color: use_color(args.color),
                width: terminal_width(),
            },
        ),
    };
    vec![whole]
}

/// Lints; with `--fix` writes the fixes and reports what remains; with
/// `--diff` prints what `--fix` would change.
fn run_lint(args: &LintArgs, fix: FixArgs) -> ExitCode {
    if fix.unsafe_fixes && !fix.fix && !fix.diff {
        eprintln!("doclint: --unsafe-fixes works with --fix or --diff");
        return ExitCode::from(2);
    }
    if fix.diff && args.format != Format::Human {
        eprintln!("doclint: --diff prints a unified diff; it takes no --format");
        return ExitCode::from(2);
    }
    let mut plan = match plan(&args.project) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if let Err(code) = lint_options(&mut plan, &args.filter, args.baseline.as_deref(), true) {
        return code;
    }
    let Some(mut outcome) = lint_plan(&plan) else {
        return only_missing(&plan);
    };
    print_notes(&outcome);
    let wanted = if fix.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    // The pages fixes are written to, read whole: those that cannot be are
    // errors of this run, said with the report of what remains.
    let unread = if fix.fix || fix.diff {
        outcome.read_whole_for_fixes(wanted)
    } else {
        Vec::new()
    };
    if fix.diff {
        let plans = files::plan(&outcome, wanted);
        let text: String = plans.iter().map(|p| files::diff(&outcome, p)).collect();
        emit(&text);
        for e in &outcome.errors {
            eprintln!("error: {}: {}", e.path, e.message);
        }
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
        emit_parts(&render(&outcome, args));
        eprintln!("Finished in {:.2}s.", outcome.elapsed.as_secs_f64());
        let code = exit_code(&outcome);
        // Freeing every page, row and text one by one takes longer than the
        // system takes to reclaim the memory at exit.
        std::mem::forget(outcome);
        return code;
    }
    let plans = files::plan(&outcome, wanted);
    let applied = files::write_all(&outcome, &plans);
    // Report what remains, from the files as they are now.
    let Some(mut after) = lint_plan(&plan) else {
        return only_missing(&plan);
    };
    after.errors.extend(applied.errors);
    after.errors.extend(unread);
    after.errors.sort();
    after.errors.dedup();
    let mut text = render(&after, args);
    if args.format == Format::Human {
        text.push(format!(
            "Fixed {} finding{} in {} file{}.\n",
            applied.fixed,
            plural(applied.fixed),
            applied.files,
            plural(applied.files)
        ));
    } else {
        eprintln!(
            "Fixed {} finding{} in {} file{}.",
            applied.fixed,
            plural(applied.fixed),
            applied.files,
            plural(applied.files)
        );
    }
    eprintln!(
        "Finished in {:.2}s.",
        (outcome.elapsed + after.elapsed).as_secs_f64()
    );
    emit_parts(&text);
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

/// The outcome of one project for `model`, `init`, `report` and
/// `baseline`, or the exit code when there is none. `whole`: read and
/// report the whole project whatever paths were named.
fn one_project(
    args: &ProjectArgs,
    command: &str,
    filter: Option<(&FilterArgs, Option<&Path>, bool)>,
    whole: bool,
) -> Result<(Plan, Outcome), ExitCode> {
    let mut plan = plan_one(args, command)?;
    if let Some((f, baseline, with_baseline)) = filter {
        lint_options(&mut plan, f, baseline, with_baseline)?;
    }
    if whole {
        for s in &mut plan.projects {
            if let Some(root) = s.root.clone() {
                s.paths = vec![root];
            }
        }
    }
    match lint_plan(&plan) {
        Some(outcome) => Ok((plan, outcome)),
        None => Err(only_missing(&plan)),
    }
}

/// `doclint model`.
fn run_model(args: &ModelArgs) -> ExitCode {
    let (_, outcome) = match one_project(&args.project, "model", None, false) {
        Ok(x) => x,
        Err(code) => return code,
    };
    print_notes(&outcome);
    let text = match args.format {
        ModelFormat::Human => report::model::render_human(&outcome, terminal_width()),
        ModelFormat::Json => report::model::render_json(&outcome),
    };
    emit(&text);
    with_read_errors(&outcome, ExitCode::SUCCESS)
}

/// `doclint pages`: the pages under the paths named.
fn run_pages(args: &PagesArgs) -> ExitCode {
    if let Some(path) = &args.explain {
        // Whether the file's project reads operation tables.
        let one = ProjectArgs {
            paths: vec![path.clone()],
            ..args.project.clone()
        };
        let operations = args.operations
            || match plan(&one) {
                Ok(p) => p.projects.iter().all(|s| s.operations),
                Err(code) => return code,
            };
        return match report::pages::explain(path, operations) {
            Ok(text) => {
                emit(&text);
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {}: {e}", path.display());
                ExitCode::from(2)
            }
        };
    }
    let mut plan = match plan(&args.project) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // Only what was read matters here, not the findings; `--operations`
    // reads the operation tables whatever the config says.
    for s in &mut plan.projects {
        s.select = Some(Vec::new());
        s.operations |= args.operations;
    }
    let Some(outcome) = lint_plan(&plan) else {
        return only_missing(&plan);
    };
    print_notes(&outcome);
    emit(&if args.operations {
        report::pages::render_operations(&outcome)
    } else {
        report::pages::render(&outcome)
    });
    // An empty list where the other kind of page was read: said, with the
    // command that lists those.
    let ops = outcome.operation_docs().iter().filter(|d| d.named).count();
    let status = outcome.named().count();
    if !args.operations && status == 0 && ops > 0 {
        eprintln!(
            "doclint: note: no status-code page in the paths named; {ops} API page{} with \
             per-operation status tables (`doclint pages --operations` lists them)",
            plural(ops)
        );
    } else if args.operations && ops == 0 && status > 0 {
        eprintln!(
            "doclint: note: no API page with per-operation status tables in the paths named; \
             {status} status-code page{} (`doclint pages` lists them)",
            plural(status)
        );
    }
    with_read_errors(&outcome, ExitCode::SUCCESS)
}

/// `doclint explain [RULE]`.
fn run_explain(rule: Option<&str>) -> ExitCode {
    let Some(rule) = rule else {
        let mut text = String::from("Rules (doclint explain ID prints one):\n");
        for r in Rule::ALL {
            text.push_str(&format!("  {} {:<30} {}\n", r.id(), r.name(), r.summary()));
        }
        emit(&text);
        return ExitCode::SUCCESS;
    };
    match Rule::from_id(rule) {
        Some(r) => {
            emit(r.doc());
            ExitCode::SUCCESS
        }
        None => {
            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            eprintln!("doclint: no rule `{rule}`; rules are {}", ids.join(", "));
            ExitCode::from(2)
        }
    }
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
        Some(Command::Server) => {
            if doclint::server::run() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Some(Command::Model(args)) => run_model(&args),
        Some(Command::Pages(args)) => run_pages(&args),
        Some(Command::Explain { rule }) => run_explain(rule.as_deref()),
        Some(Command::Init {
            paths,
            output,
            force,
            no_respect_gitignore,
        }) => {
            // Today's model of the whole project, without the config's pins.
            let args = ProjectArgs {
                paths,
                config: None,
                no_respect_gitignore,
            };
            let (mut plan, _) = match one_project(&args, "init", None, true) {
                Ok(x) => x,
                Err(code) => return code,
            };
            for s in &mut plan.projects {
                s.model = Default::default();
            }
            let Some(outcome) = lint_plan(&plan) else {
                return only_missing(&plan);
            };
            if outcome.docs.is_empty() {
                return with_read_errors(&outcome, ExitCode::from(2));
            }
            // At the project root, where doclint looks for it.
            let output = output.unwrap_or_else(|| outcome.root.join(config::FILE_NAME));
            let ties = outcome
                .model
                .codes
                .values()
                .filter(|c| c.descriptions.values().any(|e| e.tie.is_some()))
                .count();
            // Files the ignore rules leave out were read (the flag, or the
            // config being replaced, said so): the new config says so too.
            let respect = plan.projects.iter().all(|s| s.respect_gitignore);
            let text = doclint::init::render(&outcome, respect);
            let code = write_new(&output, &text, force);
            if code == ExitCode::SUCCESS {
                eprintln!(
                    "Wrote {} pinning {} codes from {} status pages; {ties} tied code{} left as a choice to make.",
                    output.display(),
                    outcome.model.codes.len() - ties,
                    outcome.status_docs().len(),
                    plural(ties)
                );
            }
            code
        }
        Some(Command::Report {
            project,
            filter,
            baseline,
            html,
        }) => {
            let filter = Some((&filter, baseline.as_deref(), true));
            let (_, outcome) = match one_project(&project, "report", filter, false) {
                Ok(x) => x,
                Err(code) => return code,
            };
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
        Some(Command::Baseline {
            project,
            filter,
            output,
        }) => {
            // The whole project, whatever the paths: a baseline written from
            // a subfolder must not drop the rest of the project's entries.
            let filter = Some((&filter, None, false));
            let (plan, outcome) = match one_project(&project, "baseline", filter, true) {
                Ok(x) => x,
                Err(code) => return code,
            };
            // Next to the config, else at the project root.
            let path = output.unwrap_or_else(|| {
                let s = &plan.projects[0];
                let root = s.root.clone().unwrap_or_default();
                let name = s
                    .config
                    .as_ref()
                    .and_then(|c| c.config.baseline.clone())
                    .unwrap_or_else(|| baseline::DEFAULT_FILE.into());
                root.join(name)
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
