//! How writers install doclint: the wheel (`pip install doclint`) in a fresh
//! virtual environment without cargo, the pre-commit hooks that install that
//! wheel (no Rust toolchain), and the version every packaging file names.
//!
//! The wheel is `$DOCLINT_WHEEL` (.ci/run builds it with maturin), else one
//! that `maturin build --release` makes here (seconds once the release build
//! is fresh). The tests that need it, pre-commit or Python are skipped with
//! the reason printed, unless DOCLINT_REQUIRE_PRECOMMIT=1.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Instant;

use crate::util::*;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn required() -> bool {
    std::env::var("DOCLINT_REQUIRE_PRECOMMIT").is_ok_and(|v| v == "1")
}

/// Skips the calling test (returns true) with `why` printed, or fails it
/// where the tools are required.
fn skip(test: &str, why: &str) -> bool {
    assert!(!required(), "DOCLINT_REQUIRE_PRECOMMIT=1 but {why}");
    eprintln!("skipped {test}: {why}");
    true
}

fn have(tool: &str) -> bool {
    Command::new(tool)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// PATH without the folders that hold cargo or rustc (~/.cargo/bin): what a
/// writer has. A folder that also holds python3, git or pre-commit (a
/// system-wide cargo in /usr/bin) stays.
fn path_without_rust() -> String {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let holds = |d: &Path, tools: &[&str]| tools.iter().any(|t| d.join(t).exists());
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|d| {
            !holds(d, &["cargo", "rustc", "rustup"]) || holds(d, &["python3", "git", "pre-commit"])
        })
        .collect();
    std::env::join_paths(kept)
        .unwrap()
        .to_string_lossy()
        .into_owned()
}

/// The wheel to install, built once per test run where it is not given.
fn wheel() -> Result<PathBuf, String> {
    static WHEEL: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    WHEEL.get_or_init(find_or_build_wheel).clone()
}

fn find_or_build_wheel() -> Result<PathBuf, String> {
    if let Some(w) = std::env::var_os("DOCLINT_WHEEL").filter(|w| !w.is_empty()) {
        let w = PathBuf::from(w);
        return w
            .canonicalize()
            .ok()
            .filter(|w| w.is_file())
            .ok_or_else(|| format!("DOCLINT_WHEEL={} is not a file", w.display()));
    }
    if !have("maturin") {
        return Err(
            "no wheel: DOCLINT_WHEEL is not set and maturin is not installed \
                    (pip install maturin)"
                .into(),
        );
    }
    // Beside the test binary, wherever cargo's target folder is.
    let out = Path::new(env!("CARGO_BIN_EXE_doclint"))
        .parent()
        .unwrap()
        .join("test-wheels");
    let _ = fs::remove_dir_all(&out);
    let o = Command::new("maturin")
        .args(["build", "--release", "--quiet", "--out"])
        .arg(&out)
        .current_dir(root())
        .output()
        .map_err(|e| format!("maturin: {e}"))?;
    if !o.status.success() {
        return Err(format!("maturin build failed:\n{}", text(&o)));
    }
    fs::read_dir(&out)
        .map_err(|e| e.to_string())?
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "whl"))
        .ok_or_else(|| "maturin built no wheel".into())
}

/// The wheel, or the reason the calling test is skipped (a failure where
/// required, as is a failed build).
fn wheel_or_skip(test: &str) -> Option<PathBuf> {
    match wheel() {
        Ok(w) => Some(w),
        Err(why) if why.starts_with("no wheel") => {
            skip(test, &why);
            None
        }
        Err(why) => panic!("{why}"),
    }
}

#[test]
fn wheel_installs_without_cargo_and_lints() {
    const TEST: &str = "wheel_installs_without_cargo_and_lints";
    if !have("python3") && skip(TEST, "python3 is not installed") {
        return;
    }
    let Some(wheel) = wheel_or_skip(TEST) else {
        return;
    };
    let name = wheel.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("doclint-{VERSION}-py3-none-")),
        "{name}"
    );
    let dir = tempfile::tempdir().unwrap();
    let venv = dir.path().join("venv");
    let path = path_without_rust();
    let cmd = |program: &Path| {
        let mut c = Command::new(program);
        c.env("PATH", &path)
            .env_remove("VIRTUAL_ENV")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        c
    };
    let started = Instant::now();
    let o = cmd(Path::new("python3"))
        .args(["-m", "venv"])
        .arg(&venv)
        .output()
        .unwrap();
    if !o.status.success()
        && skip(
            TEST,
            &format!("python3 -m venv does not work here:\n{}", text(&o)),
        )
    {
        return;
    }
    let bin = venv.join(if cfg!(windows) { "Scripts" } else { "bin" });
    let o = cmd(&bin.join("python"))
        .args(["-m", "pip", "install", "--quiet", "--no-index"])
        .arg(&wheel)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let doclint = bin.join("doclint");
    let o = cmd(&doclint).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        format!("doclint {VERSION}")
    );
    let docs = dir.path().join("docs");
    write_seeds(&docs);
    let o = cmd(&doclint)
        .args(["--color", "never"])
        .current_dir(&docs)
        .output()
        .unwrap();
    eprintln!(
        "wheel ({} KB): venv, pip install and a first lint in {:.1}s",
        fs::metadata(&wheel).unwrap().len() / 1024,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("DL001(description-mismatch)"), "{out}");
    assert!(out.contains("请求参数有误。"), "{out}");
}

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "git {args:?}: {}", text(&o));
}

fn git_init(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    git(dir, &["init", "-q"]);
    git(dir, &["config", "user.email", "docs@example.com"]);
    git(dir, &["config", "user.name", "Docs"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

fn head(dir: &Path) -> String {
    let o = Command::new("git")
        .args(["rev-parse", "HEAD"])
        .current_dir(dir)
        .output()
        .unwrap();
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

/// A documentation repository holding the seed pages, with pre-commit set
/// up to run hook `id` from the no-Rust hooks (`pre-commit/`, made into
/// their own repository as the release workflow publishes it), pip taking
/// doclint from the wheel built here. `None` (with the reason printed) where
/// pre-commit, git or the wheel is missing and they are not required.
struct HookRepo {
    dir: tempfile::TempDir,
    repo: PathBuf,
    constraints: PathBuf,
    path: String,
}

impl HookRepo {
    fn new(test: &str, id: &str) -> Option<HookRepo> {
        if !have("pre-commit") && skip(test, "pre-commit is not installed (pip install pre-commit)")
        {
            return None;
        }
        if !have("git") && skip(test, "git is not installed") {
            return None;
        }
        let wheel = wheel_or_skip(test)?;
        let dir = tempfile::tempdir().unwrap();
        // The hooks' repository, as the release workflow publishes it.
        let hooks = dir.path().join("doclint-pre-commit");
        git_init(&hooks);
        for e in fs::read_dir(root().join("pre-commit")).unwrap() {
            let e = e.unwrap();
            fs::copy(e.path(), hooks.join(e.file_name())).unwrap();
        }
        git(&hooks, &["add", "-A"]);
        git(&hooks, &["commit", "-q", "-m", "hooks"]);
        let rev = head(&hooks);
        let repo = dir.path().join("docs");
        git_init(&repo);
        write_seeds(&repo);
        fs::write(
            repo.join(".pre-commit-config.yaml"),
            format!(
                "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: {id}\n",
                hooks.display()
            ),
        )
        .unwrap();
        // pip takes doclint from the wheel built here, not from an index.
        let constraints = dir.path().join("constraints.txt");
        fs::write(
            &constraints,
            format!("doclint @ file://{}\n", wheel.display()),
        )
        .unwrap();
        Some(HookRepo {
            dir,
            repo,
            constraints,
            path: path_without_rust(),
        })
    }

    /// `c` run in the repository as a writer would: no Rust on PATH.
    fn env<'c>(&self, c: &'c mut Command) -> &'c mut Command {
        c.current_dir(&self.repo)
            .env("PATH", &self.path)
            .env("PRE_COMMIT_HOME", self.dir.path().join("pre-commit-home"))
            .env("PIP_CONSTRAINT", &self.constraints)
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env_remove("VIRTUAL_ENV")
    }
}

/// The real `pre-commit` with the no-Rust hooks (`pre-commit/`, published as
/// their own repository): pre-commit installs them, and so the wheel built
/// here, with no cargo on PATH; the commit of the seed pages is stopped with
/// the divergences shown; a change to only doclint.toml or to only a JSON
/// baseline runs the hook too. pip fetches setuptools (the hooks package's
/// build backend) from its index, as it does on a writer's machine.
#[test]
fn pre_commit_hook_installs_the_wheel_and_stops_the_commit() {
    const TEST: &str = "pre_commit_hook_installs_the_wheel_and_stops_the_commit";
    let Some(h) = HookRepo::new(TEST, "doclint") else {
        return;
    };
    let repo = h.repo.clone();
    let env = |c: &mut Command| {
        h.env(c);
    };
    let pc = |args: &[&str]| {
        let mut c = Command::new("pre-commit");
        c.args(args);
        env(&mut c);
        c.output().unwrap()
    };
    let o = pc(&["install"]);
    assert!(o.status.success(), "{}", text(&o));
    git(&repo, &["add", "-A"]);
    let started = Instant::now();
    let mut commit = Command::new("git");
    commit.args(["commit", "-m", "status pages"]);
    env(&mut commit);
    let out = commit.output().unwrap();
    eprintln!(
        "first pre-commit run (hook environment installed from the wheel): {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let out_text = text(&out);
    assert!(
        !out.status.success(),
        "the commit must be stopped:\n{out_text}"
    );
    assert!(out_text.contains("doclint"), "{out_text}");
    assert!(
        out_text.contains("DL001(description-mismatch)"),
        "{out_text}"
    );
    assert!(out_text.contains("请求参数有误。"), "{out_text}");
    let log = Command::new("git")
        .args(["log", "--oneline"])
        .current_dir(&repo)
        .output()
        .unwrap();
    assert!(
        !log.status.success() || log.stdout.is_empty(),
        "nothing was committed"
    );

    // The configuration and a baseline alone also run the hook.
    fs::write(repo.join("doclint.toml"), "[rules]\nDL003 = \"advice\"\n").unwrap();
    fs::write(repo.join("doclint-baseline.json"), "{}\n").unwrap();
    git(&repo, &["add", "doclint.toml", "doclint-baseline.json"]);
    for file in ["doclint.toml", "doclint-baseline.json"] {
        let o = pc(&["run", "--files", file]);
        let t = text(&o);
        assert!(t.contains("doclint"), "{t}");
        assert!(!t.contains("Skipped"), "{file} must run the hook:\n{t}");
    }
}

/// The hook definitions of both hook files agree, and every packaging file
/// names the version Cargo.toml has.
#[test]
fn packaging_files_agree() {
    let from_source = String::from_utf8(read(".pre-commit-hooks.yaml")).unwrap();
    let from_wheel = String::from_utf8(read("pre-commit/.pre-commit-hooks.yaml")).unwrap();
    for hooks in [&from_source, &from_wheel] {
        for id in ["- id: doclint\n", "- id: doclint-fix\n"] {
            assert!(hooks.contains(id), "{hooks}");
        }
        // Markdown pages, doclint.toml and JSON baselines, for both hooks.
        assert_eq!(
            hooks
                .matches("  types_or: [markdown, toml, json]\n")
                .count(),
            2,
            "{hooks}"
        );
        assert!(!hooks.contains("  types:"), "{hooks}");
    }
    assert_eq!(from_source.matches("\n  language: rust\n").count(), 2);
    assert_eq!(from_wheel.matches("\n  language: python\n").count(), 2);

    let shim = String::from_utf8(read("pre-commit/pyproject.toml")).unwrap();
    assert!(
        shim.contains(&format!("\nversion = \"{VERSION}\"\n")),
        "{shim}"
    );
    assert!(
        shim.contains(&format!("dependencies = [\"doclint=={VERSION}\"]")),
        "{shim}"
    );
    let workflow = String::from_utf8(read(".github/workflows/doclint.yml")).unwrap();
    assert!(
        workflow.contains(&format!("default: \"{VERSION}\"")),
        "the reusable workflow installs doclint {VERSION} by default"
    );
    let readme = String::from_utf8(read("README.md")).unwrap();
    assert!(readme.contains(&format!("rev: v{VERSION}")), "README rev");
}

/// The hooks of this repository (`language: rust`): pre-commit compiles
/// doclint from this checkout, which needs a Rust toolchain and takes
/// minutes, so this runs only with `cargo test -- --ignored`.
#[test]
#[ignore = "compiles doclint inside pre-commit (minutes): cargo test -- --ignored"]
fn pre_commit_rust_hook_builds_from_source_and_stops_the_commit() {
    const TEST: &str = "pre_commit_rust_hook_builds_from_source_and_stops_the_commit";
    if !have("pre-commit") && skip(TEST, "pre-commit is not installed (pip install pre-commit)") {
        return;
    }
    let project = root();
    let rev = head(&project);
    if rev.is_empty() && skip(TEST, "the project is not a git checkout with a commit") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("docs");
    git_init(&repo);
    write_seeds(&repo);
    fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: doclint\n",
            project.display()
        ),
    )
    .unwrap();
    let home = dir.path().join("pre-commit-home");
    let o = Command::new("pre-commit")
        .arg("install")
        .current_dir(&repo)
        .env("PRE_COMMIT_HOME", &home)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    git(&repo, &["add", "-A"]);
    let started = Instant::now();
    let out = Command::new("git")
        .args(["commit", "-m", "status pages"])
        .current_dir(&repo)
        .env("PRE_COMMIT_HOME", &home)
        .output()
        .unwrap();
    eprintln!(
        "first pre-commit run (doclint compiled from source): {:.1}s",
        started.elapsed().as_secs_f64()
    );
    let t = text(&out);
    assert!(!out.status.success(), "the commit must be stopped:\n{t}");
    assert!(t.contains("DL001(description-mismatch)"), "{t}");
}

/// The release archive (scripts/release-archive.py, as the release workflow
/// runs it) holds the wheel's binary, which says the version, and its
/// `.sha256` checks with `sha256sum -c`.
#[test]
fn release_archive_holds_the_wheels_binary() {
    const TEST: &str = "release_archive_holds_the_wheels_binary";
    for tool in ["python3", "tar", "sha256sum"] {
        if !have(tool) && skip(TEST, &format!("{tool} is not installed")) {
            return;
        }
    }
    let Some(wheel) = wheel_or_skip(TEST) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let target = "x86_64-unknown-linux-gnu";
    let o = Command::new("python3")
        .arg(root().join("scripts/release-archive.py"))
        .arg(&wheel)
        .arg(target)
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", text(&o));
    let name = format!("doclint-{VERSION}-{target}");
    let archive = format!("{name}.tar.gz");
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        dir.path().join(&archive).display().to_string()
    );
    let run = |program: &str, args: &[&str]| {
        let o = Command::new(program)
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(o.status.success(), "{program} {args:?}: {}", text(&o));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    run("sha256sum", &["-c", &format!("{archive}.sha256")]);
    run("tar", &["xzf", &archive]);
    let binary = dir.path().join(&name).join("doclint");
    let version = run(binary.to_str().unwrap(), &["--version"]);
    assert_eq!(version.trim(), format!("doclint {VERSION}"));
    assert!(dir.path().join(&name).join("README.md").is_file());
}

/// The tie of the trust issue through the real `doclint-fix` hook: ecs
/// writes `请求成功.` and rds `请求成功。` (1–1). The hook fixes nothing in
/// either page (a tie offers no fix) and the commit is stopped with the tie
/// named.
#[test]
fn doclint_fix_hook_leaves_a_tie_alone() {
    const TEST: &str = "doclint_fix_hook_leaves_a_tie_alone";
    let Some(h) = HookRepo::new(TEST, "doclint-fix") else {
        return;
    };
    let repo = h.repo.clone();
    // Today's safe fixes first, so that only the tie is left to the hook.
    let fixed = doclint().current_dir(&repo).arg("--fix").output().unwrap();
    assert_eq!(fixed.status.code(), Some(1), "{}", text(&fixed));
    let ecs = repo.join("ecs/通用请求返回值.md");
    let rds = repo.join("rds/通用请求Http State Code.md");
    let t = fs::read_to_string(&ecs).unwrap();
    fs::write(&ecs, t.replacen("请求成功。", "请求成功.", 1)).unwrap();
    let before = (fs::read(&ecs).unwrap(), fs::read(&rds).unwrap());
    let mut c = Command::new("pre-commit");
    h.env(c.args(["run", "--all-files"]));
    git(&repo, &["add", "-A"]);
    let out = c.output().unwrap();
    let t = text(&out);
    assert!(!out.status.success(), "the tie fails the hook:\n{t}");
    assert!(t.contains("200 has no canonical description"), "{t}");
    assert_eq!(
        before,
        (fs::read(&ecs).unwrap(), fs::read(&rds).unwrap()),
        "both pages byte-identical:\n{t}"
    );
}
