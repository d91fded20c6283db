//! Tree benchmark (issue 8): locdoc against the bare parsing floor and peer linters, side by side.
//!
//! Generates a synthetic docs tree of N files by replicating `../shared/corpus` (all locales; every
//! copy gets a unique line so no cache can help), then times in one run:
//!
//! 1. the floor: walk + read + pulldown-cmark parse of every file on a 2-thread pool (in-process);
//! 2. `locdoc check --format json` on the same tree (subprocess, release build);
//! 3. rumdl (`rumdl check --no-cache`) and markdownlint-cli2 (on a 2,000-file subset), when installed.
//!
//! Reports wall time, files/s, MB/s, peak RSS and ratios as a Markdown table, plus scaling and thread
//! counts with `--scaling`. Run with `scripts/bench.sh` (installs the peers) or
//! `cargo bench --bench tree -- [--files N] [--scaling] [--no-peers]`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Measure {
    name: String,
    files: usize,
    bytes: u64,
    wall: Duration,
    rss_kb: Option<u64>,
}

impl Measure {
    fn row(&self, floor: Duration) -> String {
        let secs = self.wall.as_secs_f64().max(1e-9);
        format!(
            "| {} | {} | {:.3} | {:.0} | {:.1} | {} | {:.2}× |",
            self.name,
            self.files,
            secs,
            self.files as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
            self.rss_kb
                .map_or("–".into(), |k| format!("{:.0}", k as f64 / 1024.0)),
            secs / floor.as_secs_f64().max(1e-9),
        )
    }
}

fn corpus_files(corpus: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for e in walkdir(corpus) {
        if e.extension().is_some_and(|x| x == "md") {
            let rel = e.strip_prefix(corpus).unwrap().to_path_buf();
            out.push((rel, std::fs::read_to_string(&e).unwrap()));
        }
    }
    out.sort();
    out
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    ignore::WalkBuilder::new(dir)
        .build()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_some_and(|t| t.is_file()))
        .map(|e| e.into_path())
        .collect()
}

/// Writes N files: copy k of corpus file `<locale>/rest` goes to `<locale>/c<k>/rest`, so pairs stay
/// pairs, and gets a unique paragraph so every file's bytes differ.
fn generate(corpus: &Path, out: &Path, n: usize) -> (usize, u64) {
    let files = corpus_files(corpus);
    assert!(!files.is_empty(), "no Markdown under {}", corpus.display());
    let marker = out.join(format!(".complete-{n}"));
    if marker.exists() {
        let bytes = walkdir(out)
            .iter()
            .filter_map(|p| p.metadata().ok())
            .map(|m| m.len())
            .sum();
        return (n, bytes);
    }
    let _ = std::fs::remove_dir_all(out);
    let mut bytes = 0;
    for i in 0..n {
        let (rel, text) = &files[i % files.len()];
        let copy = i / files.len();
        let mut comps = rel.components();
        let locale = comps.next().unwrap();
        let path = out
            .join(locale)
            .join(format!("c{copy}"))
            .join(comps.as_path());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let unique = format!("{text}\n<!-- copy {copy} of {} -->\n", rel.display());
        bytes += unique.len() as u64;
        std::fs::write(&path, unique).unwrap();
    }
    std::fs::write(&marker, b"").unwrap();
    (n, bytes)
}

/// The floor: walk + read + parse, 2 threads.
fn floor(tree: &Path, threads: usize) -> Duration {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    let start = Instant::now();
    let files: Vec<PathBuf> = walkdir(tree)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    let events: usize = pool.install(|| {
        files
            .par_iter()
            .map(|p| {
                let text = std::fs::read_to_string(p).unwrap();
                pulldown_cmark::Parser::new_ext(&text, locdoc::afm::options())
                    .into_offset_iter()
                    .count()
            })
            .sum()
    });
    assert!(events > 0);
    start.elapsed()
}

/// Runs a command, returns wall time and the child's peak RSS.
fn timed(mut cmd: Command) -> Option<(Duration, Option<u64>)> {
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    let start = Instant::now();
    let mut child = cmd.spawn().ok()?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe_zeroed();
    // wait4 gives this child's own rusage (peak RSS), unlike getrusage(RUSAGE_CHILDREN).
    let r = wait4(pid, &mut status, &mut usage);
    let wall = start.elapsed();
    let _ = child.try_wait();
    if r < 0 {
        child.wait().ok()?;
        return Some((wall, None));
    }
    Some((wall, Some(usage.ru_maxrss as u64)))
}

#[allow(unsafe_code)]
fn unsafe_zeroed() -> libc::rusage {
    // SAFETY: rusage is plain old data; all-zero is a valid value.
    unsafe { std::mem::zeroed() }
}

#[allow(unsafe_code)]
fn wait4(pid: libc::pid_t, status: &mut i32, usage: &mut libc::rusage) -> i32 {
    // SAFETY: pointers are to live locals; pid is our own child.
    unsafe { libc::wait4(pid, status, 0, usage) }
}

fn locdoc_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_locdoc"))
}

fn has(cmd: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    let value = |f: &str| {
        args.iter()
            .position(|a| a == f)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<usize>().ok())
    };
    let n = value("--files").unwrap_or(40_000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("bench: ../shared/corpus not found beside the checkout; nothing to measure");
        return;
    }
    let work = root.join("target/bench");
    let sizes: Vec<usize> = if flag("--scaling") {
        vec![1_000, 10_000, n]
    } else {
        vec![n]
    };
    println!("| run | files | wall s | files/s | MB/s | peak RSS MB | × floor |");
    println!("|---|---|---|---|---|---|---|");
    for &size in &sizes {
        let tree = work.join(format!("tree-{size}"));
        let (files, bytes) = generate(&corpus, &tree, size);
        // Warm the page cache once so every contender reads from memory.
        let _ = floor(&tree, 2);
        let f = floor(&tree, 2);
        let m = |name: &str, wall, rss| Measure {
            name: name.into(),
            files,
            bytes,
            wall,
            rss_kb: rss,
        };
        println!(
            "{}",
            m("floor: walk+read+parse (2 threads)", f, None).row(f)
        );
        let thread_counts: &[usize] = if flag("--scaling") { &[1, 2] } else { &[2] };
        for &t in thread_counts {
            let mut c = Command::new(locdoc_bin());
            c.args(["--threads", &t.to_string(), "check", "--format", "json"])
                .arg(&tree);
            if let Some((wall, rss)) = timed(c) {
                println!(
                    "{}",
                    m(
                        &format!(
                            "locdoc check --format json ({t} thread{})",
                            if t == 1 { "" } else { "s" }
                        ),
                        wall,
                        rss
                    )
                    .row(f)
                );
            }
        }
        if flag("--no-peers") || size != n {
            continue;
        }
        if has("rumdl") {
            let mut c = Command::new("rumdl");
            c.args(["check", "--no-cache"]).arg(&tree);
            if let Some((wall, rss)) = timed(c) {
                println!("{}", m("rumdl check --no-cache", wall, rss).row(f));
            }
        }
        let mdl = root.join("../bench-peers/node_modules/.bin/markdownlint-cli2");
        let mdl = if mdl.exists() {
            Some(mdl)
        } else {
            has("markdownlint-cli2").then(|| PathBuf::from("markdownlint-cli2"))
        };
        if let Some(mdl) = mdl {
            let subset = work.join("tree-2000");
            let (sfiles, sbytes) = generate(&corpus, &subset, 2_000);
            let sf = floor(&subset, 2);
            let sm = |name: &str, wall, rss| Measure {
                name: name.into(),
                files: sfiles,
                bytes: sbytes,
                wall,
                rss_kb: rss,
            };
            println!("{}", sm("floor on the 2,000-file subset", sf, None).row(sf));
            let mut c = Command::new(locdoc_bin());
            c.args(["check", "--format", "json"]).arg(&subset);
            if let Some((wall, rss)) = timed(c) {
                println!("{}", sm("locdoc check on the subset", wall, rss).row(sf));
            }
            let mut c = Command::new(mdl);
            c.current_dir(&subset).arg("**/*.md");
            if let Some((wall, rss)) = timed(c) {
                println!(
                    "{}",
                    sm("markdownlint-cli2 on the subset", wall, rss).row(sf)
                );
            }
        }
    }
}
