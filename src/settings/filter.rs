//! Which files a run checks: include/exclude globs (relative to the config file), the locales,
//! and `--changed-since` (the changed files, found with one `git diff`, plus their pairs).

use std::collections::HashSet;
use std::path::{Component, Path, PathBuf};

use super::SettingsError;
use crate::engine::Workspace;

/// Which files a run checks: include/exclude globs, the locales, and (for `--changed-since`) the
/// changed files with their translations or sources.
#[derive(Clone, Debug, Default)]
pub struct FileFilter {
    /// Directory the globs are relative to (the config file's directory).
    pub base: PathBuf,
    /// A file must match one of these (when any).
    pub include: Option<globset::GlobSet>,
    /// A file matching one of these is skipped.
    pub exclude: Option<globset::GlobSet>,
    /// Locales checked besides the source locale; empty means all.
    pub locales: Vec<String>,
    /// Canonical paths of changed files (`--changed-since`); `None` means every file.
    pub changed: Option<HashSet<PathBuf>>,
}

impl FileFilter {
    /// Whether the walk should keep `path` (include/exclude globs).
    pub fn wants(&self, path: &Path) -> bool {
        if self.include.is_none() && self.exclude.is_none() {
            return true;
        }
        let abs = absolute(path);
        let rel = abs.strip_prefix(&self.base).unwrap_or(path);
        let rel = rel.to_string_lossy().replace('\\', "/");
        if let Some(ex) = &self.exclude {
            if ex.is_match(&rel) {
                return false;
            }
        }
        self.include.as_ref().is_none_or(|inc| inc.is_match(&rel))
    }

    /// For each page of `ws`, whether rules run on it.
    pub fn pages_to_check(&self, ws: &Workspace, source_locale: &str) -> Vec<bool> {
        let src = crate::source::primary_language(source_locale);
        let mut keep: Vec<bool> =
            ws.pages
                .iter()
                .map(|p| {
                    let lang = crate::source::primary_language(&p.doc.locale);
                    self.locales.is_empty()
                        || lang == src
                        || self.locales.iter().any(|l| {
                            l == &p.doc.locale || crate::source::primary_language(l) == lang
                        })
                })
                .collect();
        if let Some(changed) = &self.changed {
            let hit: Vec<bool> = ws
                .pages
                .iter()
                .map(|p| {
                    std::fs::canonicalize(&p.doc.path).is_ok_and(|c| changed.contains(c.as_path()))
                })
                .collect();
            let mut wanted = hit.clone();
            for (i, s) in ws.pairing.source.iter().enumerate() {
                if let Some((s, _)) = s {
                    let (i, s) = (i, *s);
                    if hit.get(i).copied().unwrap_or(false) {
                        if let Some(w) = wanted.get_mut(s) {
                            *w = true;
                        }
                    }
                    if hit.get(s).copied().unwrap_or(false) {
                        if let Some(w) = wanted.get_mut(i) {
                            *w = true;
                        }
                    }
                }
            }
            for (k, w) in keep.iter_mut().zip(wanted) {
                *k = *k && w;
            }
        }
        keep
    }

    /// Whether a file that could not be loaded (reported by the loader) belongs to this run.
    pub fn wants_unreadable(&self, path: &Path) -> bool {
        self.changed
            .as_ref()
            .is_none_or(|c| std::fs::canonicalize(path).is_ok_and(|p| c.contains(p.as_path())))
    }
}

/// `path` made absolute against the working directory, with `.` components removed.
pub(super) fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |d| d.join(path))
    };
    joined
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect()
}

/// Canonical paths of the files changed since `rev`: one `git diff --name-only` call, paths
/// resolved against the repository root (the nearest directory holding `.git`).
pub fn changed_files(rev: &str) -> Result<HashSet<PathBuf>, SettingsError> {
    let cwd = std::env::current_dir()
        .map_err(|e| SettingsError(format!("--changed-since: no working directory: {e}")))?;
    let root = cwd
        .ancestors()
        .find(|d| d.join(".git").exists())
        .ok_or_else(|| SettingsError("--changed-since: not inside a git repository".into()))?;
    let out = std::process::Command::new("git")
        .args([
            "-c",
            "core.quotepath=off",
            "diff",
            "--name-only",
            "-z",
            rev,
            "--",
        ])
        .current_dir(root)
        .output()
        .map_err(|e| SettingsError(format!("--changed-since: cannot run git: {e}")))?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr);
        return Err(SettingsError(format!(
            "--changed-since {rev}: git diff failed: {}",
            msg.trim()
        )));
    }
    Ok(String::from_utf8_lossy(&out.stdout)
        .split('\0')
        .filter(|s| !s.is_empty())
        .filter_map(|name| std::fs::canonicalize(root.join(name)).ok())
        .collect())
}
