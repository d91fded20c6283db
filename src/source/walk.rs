//! File discovery and reading.

use std::path::{Path, PathBuf};

/// Files found for a run, in a deterministic order.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Files to check, sorted by path.
    pub files: Vec<PathBuf>,
    /// Paths that could not be walked (missing, permission denied): (path, reason).
    pub errors: Vec<(PathBuf, String)>,
}

/// Walks `paths`: a named file is taken whatever its extension; directories contribute `*.md`
/// (and `*.ftl` when `with_ftl`), honouring `.gitignore`. Symlinks are not followed, so loops
/// cannot occur.
pub fn discover(paths: &[PathBuf], with_ftl: bool) -> Discovered {
    let mut out = Discovered::default();
    for path in paths {
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                out.errors.push((path.clone(), e.to_string()));
                continue;
            }
        };
        if !meta.is_dir() {
            out.files.push(path.clone());
            continue;
        }
        // The parallel walker: on a large tree the walk's directory reads and ignore-file
        // lookups are a second or more of system time, which the threads share (issue 8). What
        // it yields is sorted below, so the order does not depend on the threads.
        let walker = ignore::WalkBuilder::new(path)
            .follow_links(false)
            .hidden(true)
            .git_ignore(true)
            .git_exclude(true)
            .require_git(false)
            .threads(rayon::current_num_threads())
            .build_parallel();
        let files = std::sync::Mutex::new(Vec::new());
        let errors = std::sync::Mutex::new(Vec::new());
        walker.run(|| {
            Box::new(|entry| {
                match entry {
                    Ok(e) => {
                        let p = e.path();
                        let is_file = e.file_type().is_some_and(|t| t.is_file());
                        if is_file && wanted(p, with_ftl) {
                            lock(&files).push(p.to_path_buf());
                        }
                    }
                    Err(err) => lock(&errors).push((path.clone(), err.to_string())),
                }
                ignore::WalkState::Continue
            })
        });
        out.files
            .append(&mut files.into_inner().unwrap_or_else(|e| e.into_inner()));
        let mut errors = errors.into_inner().unwrap_or_else(|e| e.into_inner());
        errors.sort();
        out.errors.append(&mut errors);
    }
    out.files.sort();
    out.files.dedup();
    out
}

/// The vector behind `m`, even if a walker thread panicked holding it (nothing is lost).
fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn wanted(p: &Path, with_ftl: bool) -> bool {
    match p.extension().and_then(|e| e.to_str()) {
        Some("md") => true,
        Some("ftl") => with_ftl,
        _ => false,
    }
}

/// Why a file could not be read as text.
#[derive(Debug, Clone)]
pub enum ReadError {
    /// The OS refused (permissions, vanished, is a directory…).
    Io(String),
    /// Not valid UTF-8: the byte offset of the first bad sequence.
    NotUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// Contains NUL bytes: a binary file.
    Binary,
    /// Larger than the configured limit.
    TooLarge {
        /// Actual size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read file: {e}"),
            ReadError::NotUtf8 { offset } => write!(
                f,
                "file is not valid UTF-8 (first invalid byte at offset {offset})"
            ),
            ReadError::Binary => write!(f, "file looks binary (contains NUL bytes)"),
            ReadError::TooLarge { size, limit } => write!(
                f,
                "file is {size} bytes, over the {limit}-byte limit; skipped"
            ),
        }
    }
}

/// Reads a file as UTF-8 text, refusing binary, non-UTF-8 and oversized files with a reason.
pub fn read_source(path: &Path, limit: u64) -> Result<String, ReadError> {
    let meta = std::fs::metadata(path).map_err(|e| ReadError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(ReadError::Io("is a directory".into()));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let bytes = std::fs::read(path).map_err(|e| ReadError::Io(e.to_string()))?;
    // `memchr` (SIMD) rather than `contains` (a word at a time): it reads every byte of the tree.
    if memchr::memchr(0, &bytes).is_some() {
        return Err(ReadError::Binary);
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}
