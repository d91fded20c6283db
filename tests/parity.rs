//! `PAR*` parity rules: seeds and corpus in `../shared` (skipped when absent), the clean fixture
//! pairs with defects injected, and git staleness in a temporary repository.

use crate::common::{findings, has, json};
use serde_json::Value;
use std::path::Path;

fn check(paths: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    json(&args).0
}

fn message(v: &Value, rule: &str, file: &str, line: u64) -> String {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["rule"] == rule && d["file"].as_str().unwrap().ends_with(file) && d["line"] == line
        })
        .map(|d| d["message"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no {rule} at {file}:{line}: {:?}", findings(v)))
}

#[test]
fn seeds_pair_by_exl_id_and_differ_from_the_english_seed() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let files: Vec<String> = [
        "000_de11359208d815bb.txt",
        "001_a32ee322f9cd1332.txt",
        "003_b66e8a54adbe912b.txt",
    ]
    .iter()
    .map(|f| dir.join(f).to_string_lossy().to_string())
    .collect();
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let v = check(&refs);
    // The ko and zh seeds say {ORG_ID} where the English seed says {IMS_ORG}.
    let m = message(&v, "PAR003", "000_de11359208d815bb.txt", 70);
    assert!(m.contains("source line 64 has `{IMS_ORG}`"), "{m}");
    assert!(has(&v, "PAR003", "001_a32ee322f9cd1332.txt", 69));
    // Link targets changed in the intro (survey 3.2).
    let m = message(&v, "PAR006", "000_de11359208d815bb.txt", 20);
    assert!(m.contains("source line 14"), "{m}");
    assert!(has(&v, "PAR006", "001_a32ee322f9cd1332.txt", 19));
    // One staleness summary per drifted translation, on its source-git-commit line.
    let m = message(&v, "PAR001", "000_de11359208d815bb.txt", 9);
    assert!(m.contains("not in the source: “다음 단계”"), "{m}");
    // The source page itself is never checked for parity.
    assert!(!findings(&v)
        .iter()
        .any(|(r, f, _)| r.starts_with("PAR") && f.ends_with("003_b66e8a54adbe912b.txt")));
}

#[test]
fn corpus_parity_findings() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let v = check(&[shared.join("corpus").to_str().unwrap()]);
    let api = |loc: &str, page: &str| format!("{loc}/help/sources/tutorials/api/create/{page}");
    // http:// for https:// in a request (survey 1.5), reported against the source's URL.
    let m = message(&v, "PAR002", &api("ko-KR", "cloud-storage/s3.md"), 77);
    assert!(m.contains("source line 76"), "{m}");
    // Request body values changed against the source.
    let m = message(
        &v,
        "PAR002",
        &api("ko-KR", "marketing-automation/hubspot.md"),
        90,
    );
    assert!(
        m.contains("\"connection for HubSpot\" in the source"),
        "{m}"
    );
    // Alert kind changed: NOTE in the source, WARNING in fr (survey 3.2).
    assert!(message(&v, "PAR009", &api("fr-FR", "payments/paypal.md"), 17).contains("[!NOTE]"));
    // exl-id missing where the source has one (survey 3.1).
    for (loc, page) in [
        ("fr-FR", "crm/salesforce.md"),
        ("ko-KR", "cloud-storage/s3.md"),
        ("fr-FR", "ecommerce/shopify.md"),
        ("ko-KR", "ecommerce/shopify.md"),
        ("ko-KR", "marketing-automation/hubspot.md"),
    ] {
        assert!(has(&v, "PAR011", &api(loc, page), 1), "{loc} {page}");
    }
    // Header names translated in the prose header list (survey 3.2): ko s3 51 and 61.
    assert!(
        message(&v, "PAR010", &api("ko-KR", "cloud-storage/s3.md"), 51)
            .contains("Authorization: Bearer")
    );
    assert!(has(&v, "PAR010", &api("ko-KR", "cloud-storage/s3.md"), 61));
    // Placeholder renamed against the source of the same page (survey 1.6).
    assert!(has(
        &v,
        "PAR003",
        &api("fr-FR", "marketing-automation/hubspot.md"),
        69
    ));
    assert!(has(
        &v,
        "PAR003",
        &api("zh-Hans", "protocols/generic-rest.md"),
        87
    ));
    // Link target changed in a same-revision page (survey 3.2: generic-rest next steps).
    assert!(has(
        &v,
        "PAR006",
        &api("fr-FR", "protocols/generic-rest.md"),
        190
    ));
    // Product names left unmarked (fr salesforce: Salesforce, Experience Platform).
    assert!(message(&v, "PAR007", &api("fr-FR", "crm/salesforce.md"), 27).contains("not marked"));
    // Staleness: one finding per drifted page, never on the English pages.
    let stale: Vec<_> = findings(&v)
        .into_iter()
        .filter(|(r, _, _)| r == "PAR001")
        .collect();
    assert!(stale.iter().all(|(_, f, _)| !f.contains("/en/")));
    let mut files: Vec<_> = stale.iter().map(|(_, f, _)| f.clone()).collect();
    files.dedup();
    assert_eq!(files.len(), stale.len(), "one PAR001 per file");
    assert!(message(&v, "PAR001", &api("fr-FR", "streaming/http.md"), 9)
        .contains("section(s) here are not in the source"));
}

fn copy_tree(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&dst).unwrap();
            copy_tree(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{from} not in {}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}

#[test]
fn defects_injected_into_clean_pairs_are_found_on_the_translated_line() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(
        &crate::common::repo().join("tests/fixtures/parity"),
        tmp.path(),
    );
    let fr = tmp.path().join("fr/create-connection.md");
    let ko = tmp.path().join("ko/create-connection.md");
    let zh = tmp.path().join("zh-Hans/create-connection.md");
    edit(
        &fr,
        "-H 'x-gw-ims-org-id: {ORG_ID}'",
        "-H 'x-gw-ims-org-id: {IMS_ORG}'",
    );
    edit(&fr, "| `apiToken` |", "| Jeton d’API |");
    edit(
        &fr,
        "## Prise en main {#getting-started}",
        "## Prise en main {#prise-en-main}",
    );
    edit(&fr, ">[!NOTE]", ">[!WARNING]");
    edit(
        &ko,
        "'https://platform.adobe.io/data/foundation/flowservice/connections'",
        "'http://platform.adobe.io/data/foundation/flowservice/connections'",
    );
    edit(&ko, "[!DNL Flow Service] API를", "흐름 서비스 API를");
    edit(
        &zh,
        "[浏览数据](../explore/crm.md)",
        "[浏览数据](../explore/tabular.md)",
    );
    edit(&zh, "`/connections` 端点", "`/连接` 端点");
    let v = check(&[tmp.path().to_str().unwrap()]);
    let f = "fr/create-connection.md";
    let m = message(&v, "PAR003", f, 37);
    assert!(
        m.contains("`{IMS_ORG}` differs from the source (source line 37 has `{ORG_ID}`)"),
        "{m}"
    );
    assert!(message(&v, "PAR004", f, 22).contains("source line 22: `apiToken`"));
    assert!(message(&v, "PAR005", f, 14).contains("source line 14: `{#getting-started}`"));
    assert!(message(&v, "PAR009", f, 8).contains("source line 8 is [!NOTE]"));
    let k = "ko/create-connection.md";
    assert!(message(&v, "PAR002", k, 34).contains("source line 34: `https://"));
    assert!(has(&v, "TXT010", k, 6));
    let z = "zh-Hans/create-connection.md";
    assert!(message(&v, "PAR006", z, 69).contains("source line 69: `../explore/crm.md`"));
    assert!(message(&v, "PAR010", z, 28).contains("source line 28: `/connections`"));
    // Nothing was restructured: no staleness.
    assert!(
        !findings(&v).iter().any(|(r, _, _)| r == "PAR001"),
        "{:?}",
        findings(&v)
    );
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn source_git_commit_is_checked_against_the_latest_commit() {
    if std::process::Command::new("git")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: git is not installed");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    git(root, &["init", "-q"]);
    std::fs::create_dir_all(root.join("docs/en")).unwrap();
    std::fs::create_dir_all(root.join("docs/fr")).unwrap();
    let en = "---\ntitle: T\n---\n# Title\n\nUse `a`.\n";
    std::fs::write(root.join("docs/en/a.md"), en).unwrap();
    std::fs::write(root.join("docs/en/b.md"), en).unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "one"]);
    let first = git(root, &["rev-parse", "HEAD"]);
    let tr =
        |c: &str| format!("---\ntitle: T\nsource-git-commit: {c}\n---\n# Titre\n\nUtiliser `a`.\n");
    std::fs::write(root.join("docs/fr/a.md"), tr(&first)).unwrap();
    std::fs::write(root.join("docs/fr/b.md"), tr(&first)).unwrap();
    // a.md changes after the translation; b.md does not (a later commit touches only a.md).
    std::fs::write(
        root.join("docs/en/a.md"),
        en.replace("Use `a`.", "Now use `a`."),
    )
    .unwrap();
    git(root, &["commit", "-q", "-am", "two"]);
    let second = git(root, &["rev-parse", "HEAD"]);
    let docs = root.join("docs");
    let v = check(&[docs.to_str().unwrap()]);
    let m = message(&v, "PAR001", "fr/a.md", 3);
    assert!(m.contains(&first[..10]) && m.contains(&second[..10]), "{m}");
    assert!(
        !has(&v, "PAR001", "fr/b.md", 3),
        "b.md did not change since the translation"
    );
    // Translating from the latest commit (or any later one) is current.
    std::fs::write(root.join("docs/fr/a.md"), tr(&second)).unwrap();
    let v = check(&[docs.to_str().unwrap()]);
    assert!(!findings(&v).iter().any(|(r, _, _)| r == "PAR001"), "{v}");
}

#[test]
fn pages_outside_git_are_not_judged_by_commit() {
    let tmp = tempfile::tempdir().unwrap();
    copy_tree(
        &crate::common::repo().join("tests/fixtures/parity"),
        tmp.path(),
    );
    let catalog = tmp.path().join("acme-catalog.yaml");
    let v = check(&[
        "--schema",
        catalog.to_str().unwrap(),
        tmp.path().to_str().unwrap(),
    ]);
    assert_eq!(findings(&v), vec![]);
}
