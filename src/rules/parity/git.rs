//! Whether a translation's `source-git-commit` is its source file's latest commit.
//!
//! Source pages are grouped by git repository and each repository is read with **one**
//! `git log --name-only` run, newest commit first, stopped as soon as every wanted file has been
//! seen: a 40,000-file tree costs one process, not one per file. Pages outside a repository (or
//! when git is missing) are simply not judged.

use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What the repository says about one source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileHistory {
    /// The latest commit that changed the file.
    pub latest: String,
    /// Commits of the repository newer than or equal to `latest`, newest first.
    pub newer: Vec<String>,
}

/// Verdict for a translation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Freshness {
    /// `source-git-commit` is the latest commit of the source file, or newer.
    Current,
    /// The source changed after (or is not known at) the translation's commit.
    Stale {
        /// The source file's latest commit.
        latest: String,
    },
}

/// Git history of the source files of a run.
#[derive(Debug, Default)]
pub struct Revisions {
    files: HashMap<PathBuf, FileHistory>,
}

impl Revisions {
    /// Reads the history of `sources` (paths as the run found them), one git run per repository.
    pub fn read(sources: &[&Path]) -> Revisions {
        let mut by_repo: HashMap<PathBuf, Vec<(PathBuf, String)>> = HashMap::new();
        let mut root_of_dir: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        for &p in sources {
            let Ok(abs) = std::fs::canonicalize(p) else {
                continue;
            };
            let Some(dir) = abs.parent() else { continue };
            let Some(root) = repo_root(dir, &mut root_of_dir) else {
                continue;
            };
            if let Ok(rel) = abs.strip_prefix(&root) {
                let rel = rel.to_string_lossy().replace('\\', "/");
                by_repo
                    .entry(root)
                    .or_default()
                    .push((p.to_path_buf(), rel));
            }
        }
        let mut files = HashMap::new();
        for (root, wanted) in by_repo {
            let found = log_repo(&root, wanted.iter().map(|w| w.1.as_str()));
            for (path, rel) in wanted {
                if let Some(h) = found.get(&rel) {
                    files.insert(path, h.clone());
                }
            }
        }
        Revisions { files }
    }

    /// Whether anything was learnt.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The verdict for a translation of `source` made from `commit`; `None` when the source's
    /// history is unknown (not in a repository, or never committed).
    pub fn freshness(&self, source: &Path, commit: &str) -> Option<Freshness> {
        let h = self.files.get(source)?;
        let commit = commit.trim().to_ascii_lowercase();
        if commit.len() < 7 {
            return None;
        }
        if h.newer.iter().any(|c| c.starts_with(&commit)) {
            Some(Freshness::Current)
        } else {
            Some(Freshness::Stale {
                latest: h.latest.clone(),
            })
        }
    }
}

fn repo_root(dir: &Path, cache: &mut HashMap<PathBuf, Option<PathBuf>>) -> Option<PathBuf> {
    let mut chain = Vec::new();
    let mut cur = Some(dir);
    let mut found = None;
    while let Some(d) = cur {
        if let Some(r) = cache.get(d) {
            found = r.clone();
            break;
        }
        chain.push(d.to_path_buf());
        if d.join(".git").exists() {
            found = Some(d.to_path_buf());
            break;
        }
        cur = d.parent();
    }
    for d in chain {
        cache.insert(d, found.clone());
    }
    found
}

/// One `git log` over the repository at `root`, newest first, until every `wanted` path is seen.
fn log_repo<'a>(
    root: &Path,
    wanted: impl Iterator<Item = &'a str>,
) -> HashMap<String, FileHistory> {
    let mut want: HashSet<String> = wanted.map(str::to_string).collect();
    let mut out = HashMap::new();
    let child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args([
            "-c",
            "core.quotepath=off",
            "log",
            "--format=%x01%H",
            "--name-only",
            "--no-renames",
            "HEAD",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .stdin(Stdio::null())
        .spawn();
    let Ok(mut child) = child else {
        return out;
    };
    let mut seen: Vec<String> = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(hash) = line.strip_prefix('\u{1}') {
                if want.is_empty() {
                    break;
                }
                seen.push(hash.trim().to_ascii_lowercase());
            } else if !line.is_empty() && want.remove(&line) {
                if let Some(latest) = seen.last() {
                    out.insert(
                        line,
                        FileHistory {
                            latest: latest.clone(),
                            newer: seen.clone(),
                        },
                    );
                }
            }
        }
    }
    // Stopping early leaves git writing into a closed pipe: end it (our own child) and reap it.
    let _ = child.kill();
    let _ = child.wait();
    out
}
