//! Compare rendered files with the output directory (`render --check`, the CI drift check), or
//! write them: atomically, only when they changed, removing stale pages the render no longer makes.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One rendered file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Where it goes.
    pub path: PathBuf,
    /// Its exact bytes.
    pub bytes: Vec<u8>,
}

/// What differs between a render and the files on disk.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Outputs with no file yet.
    pub create: Vec<PathBuf>,
    /// Outputs whose file has other bytes.
    pub change: Vec<PathBuf>,
    /// Files in a managed directory (with the managed extension) that the render does not make.
    pub stale: Vec<PathBuf>,
    /// Outputs already identical.
    pub unchanged: usize,
}

impl Plan {
    /// Whether the disk matches the render.
    pub fn is_clean(&self) -> bool {
        self.create.is_empty() && self.change.is_empty() && self.stale.is_empty()
    }

    /// One line per difference, sorted by path: `changed: p`, `missing: p`, `stale: p`.
    pub fn lines(&self) -> Vec<String> {
        let mut v: Vec<(String, &str)> = Vec::new();
        for p in &self.change {
            v.push((
                crate::engine::display_path(p),
                "differs from the render output",
            ));
        }
        for p in &self.create {
            v.push((
                crate::engine::display_path(p),
                "is missing (render would create it)",
            ));
        }
        for p in &self.stale {
            v.push((
                crate::engine::display_path(p),
                "is not a render output (render would remove it)",
            ));
        }
        v.sort();
        v.into_iter()
            .map(|(p, why)| format!("{p}: {why}"))
            .collect()
    }
}

/// Compares `outputs` with the disk; `managed` lists (directory, extension) pairs the render owns.
pub fn plan(outputs: &[Output], managed: &[(PathBuf, &str)]) -> std::io::Result<Plan> {
    let mut plan = Plan::default();
    let produced: BTreeSet<&Path> = outputs.iter().map(|o| o.path.as_path()).collect();
    for o in outputs {
        match std::fs::read(&o.path) {
            Ok(old) if old == o.bytes => plan.unchanged += 1,
            Ok(_) => plan.change.push(o.path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => plan.create.push(o.path.clone()),
            Err(e) => return Err(e),
        }
    }
    for (dir, ext) in managed {
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        let mut stale: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == *ext))
            .filter(|p| !produced.contains(p.as_path()))
            .collect();
        stale.sort();
        plan.stale.extend(stale);
    }
    Ok(plan)
}

/// Applies `plan`: writes created and changed outputs atomically, removes stale files.
pub fn apply(outputs: &[Output], plan: &Plan) -> std::io::Result<()> {
    let todo: BTreeSet<&Path> = plan
        .create
        .iter()
        .chain(&plan.change)
        .map(PathBuf::as_path)
        .collect();
    for o in outputs.iter().filter(|o| todo.contains(o.path.as_path())) {
        crate::fsutil::write_atomic(&o.path, &o.bytes)?;
    }
    for p in &plan.stale {
        std::fs::remove_file(p)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_finds_changed_missing_and_stale_then_apply_cleans() {
        let dir = tempfile::tempdir().unwrap();
        let fr = dir.path().join("fr");
        std::fs::create_dir_all(&fr).unwrap();
        std::fs::write(fr.join("a.md"), "old").unwrap();
        std::fs::write(fr.join("same.md"), "same").unwrap();
        std::fs::write(fr.join("gone.md"), "x").unwrap();
        std::fs::write(fr.join("notes.txt"), "kept").unwrap();
        let outputs = vec![
            Output {
                path: fr.join("a.md"),
                bytes: b"new".to_vec(),
            },
            Output {
                path: fr.join("same.md"),
                bytes: b"same".to_vec(),
            },
            Output {
                path: fr.join("b.md"),
                bytes: b"b".to_vec(),
            },
        ];
        let managed = vec![(fr.clone(), "md")];
        let p = plan(&outputs, &managed).unwrap();
        assert_eq!(p.change, [fr.join("a.md")]);
        assert_eq!(p.create, [fr.join("b.md")]);
        assert_eq!(p.stale, [fr.join("gone.md")]);
        assert_eq!(p.unchanged, 1);
        assert_eq!(p.lines().len(), 3);
        apply(&outputs, &p).unwrap();
        let again = plan(&outputs, &managed).unwrap();
        assert!(again.is_clean(), "{again:?}");
        assert!(fr.join("notes.txt").exists());
    }
}
