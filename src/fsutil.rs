//! Atomic file writes shared by every command that writes (`render`, `check --fix`, `sync`).
//!
//! The new content goes to a temporary file in the target's directory, which is then renamed over
//! the target: readers see the old file or the new one, never a partial one, and an error leaves the
//! target untouched. An existing file keeps its permissions. Temporary files being written are
//! registered, so an interrupt (Ctrl-C, SIGTERM) removes them before the process exits
//! ([`install_interrupt_cleanup`]).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files currently being written.
static IN_FLIGHT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Installs a SIGINT/SIGTERM handler that deletes the temporary files of writes in progress and
/// exits with 130. Targets are never partial (they are only ever replaced by a rename), so after an
/// interrupt every file is either its old or its new version, and no temporary file is left.
pub fn install_interrupt_cleanup() {
    let _ = ctrlc::set_handler(|| {
        // The lock is held until the process exits, so no write can start a new temporary file
        // between the clean-up and the exit.
        let files = IN_FLIGHT.lock();
        if let Ok(files) = &files {
            for f in files.iter() {
                let _ = std::fs::remove_file(f);
            }
        }
        std::process::exit(130);
    });
}

/// Writes `contents` to `path` atomically, creating parent directories as needed.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)?;
    let perms = std::fs::metadata(path).ok().map(|m| m.permissions());
    // Created and registered under the lock, so the interrupt handler sees every temporary file.
    let tmp = {
        let mut files = IN_FLIGHT
            .lock()
            .map_err(|_| std::io::Error::other("write registry poisoned"))?;
        let tmp = tempfile::Builder::new()
            .prefix(".locdoc-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        files.push(tmp.path().to_path_buf());
        tmp
    };
    let tmp_path = tmp.path().to_path_buf();
    let result = finish(tmp, path, contents, perms);
    track_done(&tmp_path);
    result
}

/// Writes, syncs, sets the mode, then renames over the target; the rename and the end of the
/// registration happen under the lock, so an interrupt never races with them.
fn finish(
    mut tmp: tempfile::NamedTempFile,
    path: &Path,
    contents: &[u8],
    perms: Option<std::fs::Permissions>,
) -> std::io::Result<()> {
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = perms {
        tmp.as_file().set_permissions(p)?;
    }
    let _files = IN_FLIGHT
        .lock()
        .map_err(|_| std::io::Error::other("write registry poisoned"))?;
    // On error the NamedTempFile is dropped and removed; the target is untouched.
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn track_done(path: &Path) {
    if let Ok(mut files) = IN_FLIGHT.lock() {
        files.retain(|f| f != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_content_and_keeps_mode() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b.md");
        write_atomic(&p, b"one").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        let leftovers: Vec<_> = std::fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }
}
