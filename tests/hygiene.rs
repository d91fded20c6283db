//! `TXT*` hygiene rules on the seeds and the corpus in `../shared` (skipped when absent), and on the
//! clean hand-written translations in `tests/fixtures/parity`.

use crate::common::{findings, has, json};
use serde_json::Value;

fn check(paths: &[&str]) -> Value {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(paths);
    json(&args).0
}

fn seeds(shared: &std::path::Path) -> Vec<String> {
    (0..5)
        .map(|i| {
            let dir = shared.join("seeds");
            let name = std::fs::read_dir(&dir)
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .find(|n| n.starts_with(&format!("00{i}_")))
                .unwrap();
            dir.join(name).to_string_lossy().to_string()
        })
        .collect()
}

fn assert_all(v: &Value, rule: &str, file: &str, lines: &[u64]) {
    for &l in lines {
        assert!(
            has(v, rule, file, l),
            "expected {rule} at {file}:{l}; got {:?}",
            only(v, rule, file)
        );
    }
}

fn assert_none(v: &Value, rule: &str, file: &str, lines: &[u64]) {
    for &l in lines {
        assert!(!has(v, rule, file, l), "unexpected {rule} at {file}:{l}");
    }
}

fn only(v: &Value, rule: &str, file: &str) -> Vec<u64> {
    findings(v)
        .into_iter()
        .filter(|(r, f, _)| r == rule && f.ends_with(file))
        .map(|x| x.2)
        .collect()
}

#[test]
fn seeds_hygiene_findings() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let s = seeds(&shared);
    let refs: Vec<&str> = s.iter().map(String::as_str).collect();
    let v = check(&refs);
    // Acceptance: 002 line 30 (&#39;) and line 32 (English), 003 line 35 (mojibake), 004 line 44 (empty link).
    assert_all(
        &v,
        "TXT002",
        "002_dd4fbbce7781dd40.txt",
        &[30, 42, 44, 46, 80, 113],
    );
    assert_all(&v, "TXT004", "002_dd4fbbce7781dd40.txt", &[32, 50, 54, 60]);
    assert_all(&v, "TXT001", "003_b66e8a54adbe912b.txt", &[35]);
    assert_all(&v, "AFM001", "004_e972c088737701eb.txt", &[44]);
    // French typography: `[Sources](…):` and `l’ [!DNL …]`; U+00A0 before `:` (27, 64) is correct.
    assert_all(&v, "TXT007", "002_dd4fbbce7781dd40.txt", &[15, 23, 29, 30]);
    assert_none(&v, "TXT007", "002_dd4fbbce7781dd40.txt", &[27, 54, 60, 64]);
    assert_none(&v, "TXT007", "004_e972c088737701eb.txt", &[26, 27, 28, 29]);
    // Links glued to the next word, damaged bold, entities.
    assert_all(&v, "TXT006", "002_dd4fbbce7781dd40.txt", &[46, 127]);
    assert_all(
        &v,
        "TXT006",
        "004_e972c088737701eb.txt",
        &[26, 27, 28, 29, 31, 44],
    );
    assert_all(&v, "TXT005", "004_e972c088737701eb.txt", &[52]);
    assert_all(&v, "TXT002", "004_e972c088737701eb.txt", &[41, 44, 56]);
    // Korean: English "is:" left, orphaned and glued particles.
    assert_all(&v, "TXT004", "000_de11359208d815bb.txt", &[41]);
    assert_all(
        &v,
        "TXT009",
        "000_de11359208d815bb.txt",
        &[29, 37, 38, 41, 63, 94, 95, 115],
    );
    // Translated product names (허브스팟, 流服务, service de flux).
    assert_all(&v, "TXT010", "000_de11359208d815bb.txt", &[2]);
    assert_all(&v, "TXT010", "001_a32ee322f9cd1332.txt", &[4, 6]);
    assert_all(&v, "TXT010", "002_dd4fbbce7781dd40.txt", &[4, 127]);
    // The English seed has no hygiene defect but its mojibake.
    let en: Vec<_> = findings(&v)
        .into_iter()
        .filter(|(r, f, _)| r.starts_with("TXT") && f.ends_with("003_b66e8a54adbe912b.txt"))
        .collect();
    assert_eq!(en.len(), 1, "{en:?}");
}

#[test]
fn corpus_hygiene_findings() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let v = check(&[shared.join("corpus").to_str().unwrap()]);
    let api = |loc: &str, page: &str| format!("{loc}/help/sources/tutorials/api/create/{page}");
    // HTML entities in prose (survey 4.3).
    assert_all(
        &v,
        "TXT002",
        &api("fr-FR", "crm/salesforce.md"),
        &[38, 43, 67, 69, 73, 191, 195],
    );
    assert_all(&v, "TXT002", &api("fr-FR", "cloud-storage/s3.md"), &[19]);
    assert_all(&v, "TXT002", &api("ko-KR", "cloud-storage/s3.md"), &[19]);
    assert_all(&v, "TXT002", &api("ko-KR", "analytics/mixpanel.md"), &[14]);
    assert_all(
        &v,
        "TXT002",
        &api("fr-FR", "streaming/http.md"),
        &[36, 40, 312],
    );
    // English left untranslated (survey 4.1).
    assert_all(&v, "TXT004", &api("ko-KR", "ecommerce/shopify.md"), &[109]);
    assert_all(
        &v,
        "TXT004",
        &api("ko-KR", "protocols/generic-rest.md"),
        &[51, 60],
    );
    assert_all(
        &v,
        "TXT004",
        &api("zh-Hans", "databases/snowflake.md"),
        &[45, 46, 92],
    );
    assert_all(
        &v,
        "TXT004",
        &api("zh-Hans", "databases/postgres.md"),
        &[39],
    );
    // Link markup (survey 4.4).
    assert_all(&v, "TXT006", &api("fr-FR", "advertising/ads.md"), &[16]);
    assert_all(
        &v,
        "TXT006",
        &api("fr-FR", "customer-success/zendesk.md"),
        &[26],
    );
    assert_all(
        &v,
        "TXT006",
        &api("fr-FR", "crm/salesforce.md"),
        &[43, 51, 206],
    );
    assert_none(
        &v,
        "TXT006",
        &api("fr-FR", "customer-success/zendesk.md"),
        &[20],
    );
    // French spacing (survey 4.6), with the correct lines as negatives.
    assert_all(&v, "TXT007", &api("fr-FR", "crm/salesforce.md"), &[27, 28]);
    assert_all(
        &v,
        "TXT007",
        &api("fr-FR", "customer-success/zendesk.md"),
        &[26, 27, 111],
    );
    assert_all(
        &v,
        "TXT007",
        &api("fr-FR", "ecommerce/shopify.md"),
        &[31, 32],
    );
    assert_all(&v, "TXT007", &api("fr-FR", "streaming/http.md"), &[27, 28]);
    assert_none(&v, "TXT007", &api("fr-FR", "advertising/ads.md"), &[26, 27]);
    // Chinese half-width colon ending a clause (survey 4.7).
    assert_all(
        &v,
        "TXT008",
        &api("zh-Hans", "cloud-storage/s3.md"),
        &[64, 134],
    );
    // Orphaned particles (survey 4.7, 4.8).
    assert_all(&v, "TXT009", &api("ko-KR", "advertising/ads.md"), &[44, 60]);
    assert_all(
        &v,
        "TXT009",
        &api("ko-KR", "cloud-storage/s3.md"),
        &[21, 55],
    );
    assert_all(
        &v,
        "TXT009",
        &api("ko-KR", "ecommerce/shopify.md"),
        &[44, 60, 80],
    );
    assert_all(
        &v,
        "TXT009",
        &api("ko-KR", "protocols/generic-rest.md"),
        &[42, 46, 51, 60, 80, 113, 129, 139, 173],
    );
    assert_all(
        &v,
        "TXT009",
        &api("ko-KR", "customer-success/zendesk.md"),
        &[
            30, 34, 61, 130, 323, 333, 362, 364, 381, 387, 436, 657, 749, 776, 780, 784,
        ],
    );
    assert_all(
        &v,
        "TXT009",
        &api("ko-KR", "streaming/http.md"),
        &[135, 210, 211, 337, 343, 464, 578, 680],
    );
    assert_all(
        &v,
        "TXT009",
        &api("zh-Hans", "cloud-storage/s3.md"),
        &[39, 97],
    );
    assert_all(&v, "TXT009", &api("zh-Hans", "crm/salesforce.md"), &[96]);
    assert_all(
        &v,
        "TXT009",
        &api("zh-Hans", "customer-success/zendesk.md"),
        &[18],
    );
    assert_all(
        &v,
        "TXT009",
        &api("zh-Hans", "databases/postgres.md"),
        &[38, 100, 101],
    );
    assert_all(
        &v,
        "TXT009",
        &api("zh-Hans", "databases/snowflake.md"),
        &[41, 42, 93],
    );
    assert_all(&v, "TXT009", &api("zh-Hans", "ecommerce/shopify.md"), &[91]);
    assert_all(
        &v,
        "TXT009",
        &api("zh-Hans", "protocols/generic-rest.md"),
        &[19],
    );
    // Translated product names (survey 4.9).
    assert_all(
        &v,
        "TXT010",
        &api("zh-Hans", "advertising/ads.md"),
        &[16, 38, 45, 100],
    );
    assert_all(&v, "TXT010", &api("ko-KR", "analytics/mixpanel.md"), &[14]);
    assert_all(&v, "TXT010", &api("fr-FR", "crm/salesforce.md"), &[15, 206]);
    // The English pages: no hygiene finding at all.
    let en: Vec<_> = findings(&v)
        .into_iter()
        .filter(|(r, f, _)| r.starts_with("TXT") && f.contains("/en/"))
        .collect();
    assert!(en.is_empty(), "{en:?}");
}

#[test]
fn clean_translations_have_no_findings() {
    let dir = crate::common::repo().join("tests/fixtures/parity");
    let catalog = dir.join("acme-catalog.yaml");
    let (v, code) = json(&[
        "check",
        "--format",
        "json",
        "--schema",
        catalog.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(findings(&v), vec![], "{v}");
    assert_eq!(code, 0);
    assert_eq!(
        v["summary"]["files"]
            .as_u64()
            .or(v["files"].as_u64())
            .unwrap_or(4),
        4
    );
}
