//! Bad input never panics, never hangs, and is reported with the file (and position) named.

use crate::common::{findings, json, locdoc};
use std::path::Path;

fn check_dir(dir: &Path) -> (serde_json::Value, i32) {
    json(&["check", "--format", "json", dir.to_str().unwrap()])
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(p, bytes).unwrap();
}

#[test]
fn binary_empty_and_non_utf8_files_are_reported_and_the_rest_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bin.md", b"\x00\x01\x02PNG\x00");
    write(dir.path(), "empty.md", b"");
    write(dir.path(), "latin1.md", b"ok\nCr\xe9ation\n");
    write(dir.path(), "good.md", "[](https://x.y)\n");
    let (v, code) = check_dir(dir.path());
    assert_eq!(code, 1);
    let f = findings(&v);
    assert!(
        f.iter()
            .any(|(r, file, _)| r == "IO001" && file.ends_with("bin.md")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "IO001" && file.ends_with("latin1.md") && *l == 2),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, file, _)| file.ends_with("empty.md")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, _)| r == "AFM001" && file.ends_with("good.md")),
        "{f:?}"
    );
    assert_eq!(v["summary"]["files"], 4);
}

#[test]
fn pathological_markdown_does_not_crash_or_hang() {
    let dir = tempfile::tempdir().unwrap();
    // An 8 MB single line.
    write(dir.path(), "long.md", "word ".repeat(8 * 1024 * 1024 / 5));
    // 5,000 levels of nested quotes and of nested lists.
    write(
        dir.path(),
        "quotes.md",
        format!("{} deep\n", ">".repeat(5000)),
    );
    write(
        dir.path(),
        "lists.md",
        format!("{}item\n", "- ".repeat(5000)),
    );
    write(
        dir.path(),
        "mixed.md",
        format!("{}item\n", "> 1. ".repeat(2000)),
    );
    // 20,000 unbalanced brackets.
    write(
        dir.path(),
        "brackets.md",
        format!("{}\n{}\n", "[".repeat(20000), "](".repeat(20000)),
    );
    // Garbage curl blocks.
    write(
        dir.path(),
        "curl.md",
        "```shell\ncurl -X 'POST \\\n -H \"a: \\\n -d '{{{\n```\n\n```bash\ncurl \\\n```\n\n```sh\ncurl -d\n```\n\n```sh\ncurl -H \"x: 'y\n```\n",
    );
    let (v, code) = check_dir(dir.path());
    assert_eq!(code, 1, "the garbage curl is reported");
    let f = findings(&v);
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "CURL001" && file.ends_with("curl.md") && *l == 16),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "CURL006" && file.ends_with("curl.md") && *l == 8),
        "{f:?}"
    );
    assert_eq!(v["summary"]["files"], 6);
    assert!(!f.iter().any(|(r, _, _)| r == "IO001"), "{f:?}");
}

#[test]
fn malformed_front_matter_is_a_finding_and_the_body_still_parsed() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "fm.md",
        "---\ntitle: [oops\n---\n\n[](https://x.y)\n",
    );
    write(
        dir.path(),
        "unclosed.md",
        "---\ntitle: x\n\n[](https://x.y)\n",
    );
    let (v, _) = check_dir(dir.path());
    let f = findings(&v);
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "AFM002" && file.ends_with("fm.md") && (2..=3).contains(l)),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "AFM001" && file.ends_with("fm.md") && *l == 5),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, _)| r == "AFM002" && file.ends_with("unclosed.md")),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "AFM001" && file.ends_with("unclosed.md") && *l == 4),
        "{f:?}"
    );
}

#[test]
fn crlf_and_bom_keep_positions_right() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "crlf.md",
        "\u{feff}---\r\ntitle: T\r\nexl-id: x\r\n---\r\n# Title\r\n\r\n```shell\r\ncurl -X POST 'https://h.x' \\\r\n  -d '{\"a\": 1}\r\n```\r\n",
    );
    write(
        dir.path(),
        "bom.md",
        "\u{feff}# Heading\n\n[](https://x.y)\n",
    );
    let (v, _) = check_dir(dir.path());
    let f = findings(&v);
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "CURL001" && file.ends_with("crlf.md") && *l == 9),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(r, file, l)| r == "AFM001" && file.ends_with("bom.md") && *l == 3),
        "{f:?}"
    );
    let e = json(&["extract", dir.path().join("crlf.md").to_str().unwrap()]).0;
    assert_eq!(e["documents"][0]["exl_id"], "x");
    assert_eq!(e["documents"][0]["requests"][0]["body"]["a"], 1);
    let b = json(&["extract", dir.path().join("bom.md").to_str().unwrap()]).0;
    assert_eq!(b["documents"][0]["title"], "Heading");
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_unreadable_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/page.md", "# ok\n");
    std::os::unix::fs::symlink(dir.path(), dir.path().join("a/loop")).unwrap();
    std::os::unix::fs::symlink("missing-target", dir.path().join("a/dangling.md")).unwrap();
    write(dir.path(), "secret.md", "# hidden\n");
    let secret = dir.path().join("secret.md");
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable_anyway = std::fs::read(&secret).is_ok(); // root ignores permissions
    let (v, code) = check_dir(dir.path());
    let f = findings(&v);
    if readable_anyway {
        assert_eq!(code, 0, "{f:?}");
    } else {
        assert!(
            f.iter()
                .any(|(r, file, _)| r == "IO001" && file.ends_with("secret.md")),
            "{f:?}"
        );
    }
    assert!(v["summary"]["files"].as_u64().unwrap() >= 2);
}

#[test]
fn nonexistent_paths_and_directories_named_like_files() {
    let dir = tempfile::tempdir().unwrap();
    locdoc()
        .args(["check", dir.path().join("nope").to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("nope"));
    std::fs::create_dir_all(dir.path().join("x.md")).unwrap();
    write(dir.path(), "x.md/inner.md", "# fine\n");
    let (v, code) = check_dir(dir.path());
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["summary"]["files"], 1);
    // Named explicitly, a directory called x.md is walked, not read as a file.
    let (v, code) = json(&[
        "check",
        "--format",
        "json",
        dir.path().join("x.md").to_str().unwrap(),
    ]);
    assert_eq!((code, v["summary"]["files"].as_u64()), (0, Some(1)));
}

#[test]
fn oversized_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.md", "a".repeat(2000));
    let (v, code) = json(&[
        "check",
        "--format",
        "json",
        "--max-file-size",
        "1000",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "IO001");
    assert!(d["message"].as_str().unwrap().contains("limit"), "{d}");
}

#[test]
fn malformed_schema_is_exit_2_naming_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "bad.yaml", "openapi: 3.0.0\npaths: [unclosed\n");
    write(dir.path(), "page.md", "# ok\n");
    let out = locdoc()
        .args([
            "check",
            "--schema",
            dir.path().join("bad.yaml").to_str().unwrap(),
            dir.path().join("page.md").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:"), "{err}");
    assert!(err.chars().any(|c| c.is_ascii_digit()), "{err}");
}

#[cfg(unix)]
#[test]
fn an_interrupted_render_leaves_no_partial_or_temporary_file() {
    let reference = tempfile::tempdir().unwrap();
    locdoc()
        .args(["render", "--out", reference.path().to_str().unwrap()])
        .assert()
        .success();
    let bin = assert_cmd::cargo::cargo_bin("locdoc");
    for delay_ms in [0u64, 3, 10, 30, 80] {
        let out = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(&bin)
            .current_dir(crate::common::repo())
            .args(["render", "--out", out.path().to_str().unwrap()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status();
        let _ = child.wait().unwrap();
        for entry in walk(out.path()) {
            let name = entry.file_name().unwrap().to_string_lossy().to_string();
            assert!(
                !name.starts_with(".locdoc-"),
                "temporary file left after an interrupt at {delay_ms} ms: {}",
                entry.display()
            );
            let rel = entry.strip_prefix(out.path()).unwrap();
            assert_eq!(
                std::fs::read(&entry).unwrap(),
                std::fs::read(reference.path().join(rel)).unwrap(),
                "{} is partial after an interrupt at {delay_ms} ms",
                rel.display()
            );
        }
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn curl_examples_are_never_executed_and_no_connection_is_opened() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("executed");
    write(
        dir.path(),
        "page.md",
        format!(
            "# T\n\n```shell\ncurl -X POST 'http://127.0.0.1:{port}/connections' -d '{{\"a\": 1}}'\ntouch {}\n```\n",
            marker.display()
        ),
    );
    for cmd in [
        &["check", "--format", "json"][..],
        &["extract"][..],
        &["sync", "--check"][..],
    ] {
        let _ = locdoc().args(cmd).arg(dir.path()).output().unwrap();
    }
    let _ = locdoc()
        .args(["html", dir.path().join("page.md").to_str().unwrap()])
        .output()
        .unwrap();
    listener.set_nonblocking(true).unwrap();
    assert!(
        matches!(listener.accept(), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "locdoc connected to the URL of a curl example"
    );
    assert!(!marker.exists(), "a command of a code block was executed");
}
