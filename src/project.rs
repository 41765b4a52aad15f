//! The project a path belongs to: the tree whose status pages make one
//! canonical model.
//!
//! Found upward from the path, as ruff finds its config: the nearest folder
//! holding `doclint.toml`, else the root of the git work tree, else (the
//! fallback, said on stderr) the folder named, or a file's folder: never
//! more than was named. The model, the service names and the
//! baseline keys come from the project, so a file gives the same findings
//! whatever the current folder and however its path is written.

use std::path::{Component, Path, PathBuf};

use crate::config::FILE_NAME;

/// How the project root was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// The folder holds `doclint.toml`.
    Config,
    /// The root of a git work tree (it holds `.git`).
    Git,
    /// Neither was found above the path: the folder named, or a file's
    /// folder.
    Fallback,
}

/// A project: its root and config file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    /// The root folder, absolute and normalised.
    pub root: PathBuf,
    /// `doclint.toml` in the root, when there is one.
    pub config: Option<PathBuf>,
    /// How the root was found.
    pub found: Found,
}

/// `path` made absolute against `cwd`, with `.` and `x/..` folded and the
/// links of its folders resolved where they exist (so that two spellings
/// of one file compare equal). A file that is itself a link stays the link:
/// it belongs to the tree it is in, and fixes never write through it to
/// outside that tree.
pub fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = normalize(&if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    });
    let is_link = std::fs::symlink_metadata(&joined).is_ok_and(|m| m.file_type().is_symlink());
    if is_link && !joined.is_dir() {
        if let (Some(parent), Some(name)) = (joined.parent(), joined.file_name())
            && let Ok(parent) = std::fs::canonicalize(parent)
        {
            return parent.join(name);
        }
        return joined;
    }
    std::fs::canonicalize(&joined).unwrap_or(joined)
}

/// Folds `.` and `x/..` without touching the file system.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            Component::ParentDir if matches!(out.last(), Some(Component::RootDir)) => {}
            c => out.push(c),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

/// Whether `dir` is the root of a project: it holds `doclint.toml` or
/// `.git`.
pub fn is_root(dir: &Path) -> bool {
    dir.join(FILE_NAME).is_file() || dir.join(".git").exists()
}

/// The current folder, absolute and with links resolved.
pub fn current_dir() -> std::io::Result<PathBuf> {
    let cwd = std::env::current_dir()?;
    Ok(std::fs::canonicalize(&cwd).unwrap_or(cwd))
}

/// The project of `path` (absolute, as from [`absolute`]). The current
/// folder plays no part: the same path has the same project from anywhere.
pub fn find(path: &Path) -> Project {
    let start = if path.is_dir() {
        path
    } else {
        path.parent().unwrap_or(path)
    };
    let mut git = None;
    for dir in start.ancestors() {
        let config = dir.join(FILE_NAME);
        if config.is_file() {
            return Project {
                root: dir.to_path_buf(),
                config: Some(config),
                found: Found::Config,
            };
        }
        // The nearest work tree wins (a submodule is its own project), but
        // a doclint.toml above it still would not: stop at the first.
        if git.is_none() && dir.join(".git").exists() {
            git = Some(dir.to_path_buf());
            break;
        }
    }
    if let Some(root) = git {
        return Project {
            root,
            config: None,
            found: Found::Git,
        };
    }
    // Never the current folder: from `/` that would read far more than
    // was named.
    Project {
        root: start.to_path_buf(),
        config: None,
        found: Found::Fallback,
    }
}

/// The paths of one command line, grouped by project.
#[derive(Debug, Default)]
pub struct Grouped {
    /// Each project with the paths named in it (absolute), in the order
    /// first named.
    pub projects: Vec<(Project, Vec<PathBuf>)>,
    /// The paths that do not exist, as given.
    pub missing: Vec<String>,
    /// Paths whose project is the fallback, as given, with that root.
    pub fallbacks: Vec<(String, PathBuf)>,
}

/// Groups `paths` (as given, relative to `cwd`) by the project each
/// belongs to. With `--config FILE`, `config_root` (the file's folder) is
/// the root for the paths inside it.
pub fn group(paths: &[PathBuf], cwd: &Path, config_root: Option<&Path>) -> Grouped {
    let mut out = Grouped::default();
    for given in paths {
        let shown = given.to_string_lossy().replace('\\', "/");
        let path = absolute(given, cwd);
        if !path.exists() {
            out.missing.push(shown);
            continue;
        }
        let mut p = find(&path);
        // `--config` in a folder above the paths makes that folder the
        // project, unless the paths lie in a project of their own below it
        // (its doclint.toml or .git): then that project is linted, with
        // the config given.
        let own_below = |root: &Path| p.found != Found::Fallback && p.root != root;
        if let Some(root) = config_root
            && path.starts_with(root)
            && !(p.root.starts_with(root) && own_below(root))
        {
            p.root = root.to_path_buf();
        } else if p.found == Found::Fallback && config_root.is_none() {
            out.fallbacks.push((shown, p.root.clone()));
        }
        match out.projects.iter_mut().find(|(q, _)| q.root == p.root) {
            Some((_, paths)) => paths.push(path),
            None => out.projects.push((p, vec![path])),
        }
    }
    if config_root.is_none() {
        merge_nested_fallbacks(&mut out);
    }
    out
}

/// Without a doclint.toml or work tree above them, `doclint . docs/a.md`
/// names two fallback projects, one inside the other: they are one project,
/// the outer one, so no page is read, counted or reported twice.
fn merge_nested_fallbacks(out: &mut Grouped) {
    let mut i = 0;
    while i < out.projects.len() {
        let inner = &out.projects[i].0;
        let outer = (inner.found == Found::Fallback)
            .then(|| {
                out.projects.iter().position(|(q, _)| {
                    q.found == Found::Fallback
                        && q.root != inner.root
                        && inner.root.starts_with(&q.root)
                })
            })
            .flatten();
        let Some(j) = outer else {
            i += 1;
            continue;
        };
        let (p, paths) = out.projects.remove(i);
        let j = if j > i { j - 1 } else { j };
        let root = out.projects[j].0.root.clone();
        out.projects[j].1.extend(paths);
        for (_, r) in &mut out.fallbacks {
            if *r == p.root {
                *r = root.clone();
            }
        }
    }
}

/// `path` as shown to the user: relative to `cwd` (with `..` where it lies
/// beside it, as a user writes it), or absolute when the two share no
/// folder but the file system's root; always with `/`.
pub fn display(path: &Path, cwd: &Path) -> String {
    let shown = match path.strip_prefix(cwd) {
        Ok(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Ok(rel) => rel.to_path_buf(),
        Err(_) => {
            let p: Vec<Component<'_>> = path.components().collect();
            let c: Vec<Component<'_>> = cwd.components().collect();
            let common = p.iter().zip(&c).take_while(|(a, b)| a == b).count();
            let shares_a_folder = p[..common]
                .iter()
                .any(|x| matches!(x, Component::Normal(_)));
            if shares_a_folder {
                let mut rel = PathBuf::new();
                for _ in common..c.len() {
                    rel.push("..");
                }
                rel.extend(&p[common..]);
                rel
            } else {
                path.to_path_buf()
            }
        }
    };
    shown.to_string_lossy().replace('\\', "/")
}

/// `path` relative to the project `root`, with `/` (for globs, service
/// names and baseline entries); `None` outside the root.
pub fn relative(path: &Path, root: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_dots() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/../a")), PathBuf::from("/a"));
        assert_eq!(normalize(Path::new("a/..")), PathBuf::from("."));
    }

    #[test]
    fn display_is_relative_inside_the_current_folder() {
        let cwd = Path::new("/w/docs");
        assert_eq!(display(Path::new("/w/docs/a/b.md"), cwd), "a/b.md");
        assert_eq!(display(Path::new("/w/other/b.md"), cwd), "../other/b.md");
        assert_eq!(display(Path::new("/x/b.md"), cwd), "/x/b.md");
        assert_eq!(display(Path::new("/w/docs"), cwd), ".");
    }

    #[test]
    fn nearest_config_then_git_then_fallback() {
        let t = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(t.path()).unwrap();
        std::fs::create_dir_all(root.join("repo/.git")).unwrap();
        std::fs::create_dir_all(root.join("repo/docs/dew")).unwrap();
        std::fs::create_dir_all(root.join("loose/nat")).unwrap();
        let page = root.join("repo/docs/dew/a.md");
        std::fs::write(&page, "x").unwrap();
        let p = find(&page);
        assert_eq!(
            (p.root.as_path(), p.found),
            (root.join("repo").as_path(), Found::Git)
        );
        std::fs::write(root.join("repo/docs/doclint.toml"), "").unwrap();
        let p = find(&page);
        assert_eq!(p.root, root.join("repo/docs"));
        assert_eq!(p.found, Found::Config);
        // No marker: the folder named, whatever the current folder (from
        // `/` that must not mean reading the whole file system).
        let nat = root.join("loose/nat");
        assert_eq!(find(&nat).root, nat);
        assert_eq!(find(&nat).root, nat);
        assert_eq!(find(&nat).found, Found::Fallback);
    }

    #[test]
    fn fallback_projects_inside_another_are_one() {
        let t = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(t.path()).unwrap();
        std::fs::create_dir_all(root.join("loose/iam/api")).unwrap();
        std::fs::create_dir_all(root.join("loose/ecs")).unwrap();
        std::fs::write(root.join("loose/iam/api/a.md"), "x").unwrap();
        let loose = root.join("loose");
        let group_of = |paths: &[&str]| {
            let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
            group(&paths, &root, None)
        };
        for paths in [
            &["loose", "loose/iam/api/a.md", "loose/iam"][..],
            &["loose/iam/api/a.md", "loose/iam", "loose"],
            &["loose/iam", "loose/iam/api/a.md"],
        ] {
            let g = group_of(paths);
            assert_eq!(g.projects.len(), 1, "{paths:?}");
            let outer = if paths.contains(&"loose") {
                loose.clone()
            } else {
                loose.join("iam")
            };
            assert_eq!(g.projects[0].0.root, outer, "{paths:?}");
            assert_eq!(g.projects[0].1.len(), paths.len(), "{paths:?}");
            // Each path's note names the project it is linted in.
            assert_eq!(g.fallbacks.len(), paths.len());
            assert!(g.fallbacks.iter().all(|(_, r)| *r == outer), "{paths:?}");
        }
        // Side by side: a project each.
        let g = group_of(&["loose/iam", "loose/ecs"]);
        assert_eq!(g.projects.len(), 2);
    }
}
