//! The project a workspace belongs to, and the settings it is linted with.

use std::path::{Path, PathBuf};

use crate::baseline::Baseline;
use crate::config;
use crate::lint::Settings;

/// The project root of a workspace folder: found as the command line finds
/// it ([`crate::project::find`]): the nearest folder upward that holds
/// `doclint.toml`, else the root of the git work tree, else the folder
/// itself.
pub fn project_root(workspace: &Path) -> PathBuf {
    let workspace = crate::project::absolute(workspace, workspace);
    crate::project::find(&workspace).root
}

/// The settings for linting the project at `root`, as `doclint` run there
/// would use them; with the reason the config could not be used, if it
/// could not (then it is linted without one).
pub fn settings(root: &Path) -> (Settings, Option<String>) {
    let (mut s, problem) = settings_of(root);
    // The root is known: never found again from the server's own folder.
    s.root = Some(root.to_path_buf());
    // The editor checks status pages against the model; operation tables
    // are for the command line for now.
    s.operations = false;
    s.cwd = Some(root.to_path_buf());
    (s, problem)
}

fn settings_of(root: &Path) -> (Settings, Option<String>) {
    let plain = || Settings {
        paths: vec![root.to_path_buf()],
        ..Settings::default()
    };
    let path = root.join(config::FILE_NAME);
    if !path.is_file() {
        return (plain(), None);
    }
    match config::load(&path) {
        Err(e) => (plain(), Some(e.message.clone())),
        Ok(loaded) => {
            let mut s = Settings::with_config(vec![root.to_path_buf()], loaded);
            let baseline = s.config.as_ref().and_then(|c| {
                c.config
                    .baseline
                    .as_ref()
                    .map(|b| c.root.join(b))
                    .filter(|p| p.exists())
            });
            let mut problem = None;
            if let Some(b) = baseline {
                match Baseline::load(&b) {
                    Ok(b) => s.baseline = Some(b),
                    Err(e) => problem = Some(e),
                }
            }
            (s, problem)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_then_git_then_folder() {
        let t = tempfile::tempdir().unwrap();
        let root = t.path();
        let deep = root.join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        assert_eq!(project_root(&deep), deep);
        std::fs::create_dir(root.join(".git")).unwrap();
        assert_eq!(project_root(&deep), root);
        std::fs::write(root.join("a/doclint.toml"), "").unwrap();
        assert_eq!(project_root(&deep), root.join("a"));
    }
}
