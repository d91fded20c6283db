//! Extraction and the first rules on the real documents in `../shared` (skipped when absent).

use crate::common::{has, json};
use serde_json::Value;

fn extract(path: &str) -> Value {
    json(&["extract", "--format", "json", path]).0
}

#[test]
fn seed_003_request_and_unterminated_quote() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let seed = shared.join("seeds/003_b66e8a54adbe912b.txt");
    let v = extract(seed.to_str().unwrap());
    let doc = &v["documents"][0];
    assert_eq!(doc["locale"], "en");
    assert_eq!(doc["exl_id"], "a3e64215-a82d-4aa7-8e6a-48c84c056201");
    let reqs = doc["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 1);
    let r = &reqs[0];
    assert_eq!(r["method"], "POST");
    assert!(r["url"]
        .as_str()
        .unwrap()
        .ends_with("/flowservice/connections"));
    assert_eq!(r["headers"].as_array().unwrap().len(), 5);
    assert_eq!(
        r["body"]["connectionSpec"]["id"],
        "cc6a4487-9e91-433e-a3a3-9cf6626c1806"
    );
    assert_eq!(r["problems"][0]["kind"], "unterminated-quote");
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0]["line"], 29);
    assert_eq!(tables[0]["heading"], "Gather required credentials");
    assert_eq!(tables[0]["rows"][0][0], "clientId");
    let (c, code) = json(&["check", "--format", "json", seed.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(has(&c, "CURL001", "003_b66e8a54adbe912b.txt", 67), "{c}");
}

#[test]
fn seed_locales_are_detected_from_content() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let dir = shared.join("seeds");
    let v = extract(dir.join("000_de11359208d815bb.txt").to_str().unwrap());
    assert_eq!(v["documents"][0]["locale"], "ko");
    for (file, locale, requests) in [
        ("000_de11359208d815bb.txt", "ko", 1),
        ("001_a32ee322f9cd1332.txt", "zh-Hans", 1),
        ("002_dd4fbbce7781dd40.txt", "fr", 1),
        ("003_b66e8a54adbe912b.txt", "en", 1),
        ("004_e972c088737701eb.txt", "fr", 0),
    ] {
        let v = extract(dir.join(file).to_str().unwrap());
        assert_eq!(v["documents"][0]["locale"], locale, "{file}");
        assert_eq!(
            v["documents"][0]["requests"].as_array().unwrap().len(),
            requests,
            "{file}"
        );
    }
}

#[test]
fn every_corpus_api_tutorial_yields_its_create_connection_request() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let corpus = shared.join("corpus");
    let v = extract(corpus.to_str().unwrap());
    let docs = v["documents"].as_array().unwrap();
    let api: Vec<_> = docs
        .iter()
        .filter(|d| d["file"].as_str().unwrap().contains("/api/"))
        .collect();
    assert_eq!(api.len(), 48, "12 connectors x 4 locales");
    for d in api {
        let posts = d["requests"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| {
                r["method"] == "POST" && r["url"].as_str().unwrap_or("").ends_with("/connections")
            })
            .count();
        assert!(posts >= 1, "{} has no POST /connections", d["file"]);
        let path = d["file"].as_str().unwrap();
        let expected = ["/en/", "/ko-KR/", "/zh-Hans/", "/fr-FR/"]
            .iter()
            .find(|l| path.contains(*l))
            .unwrap();
        assert_eq!(format!("/{}/", d["locale"].as_str().unwrap()), *expected);
    }
}

#[test]
fn corpus_curl_defects_are_found_where_they_are() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let corpus = shared.join("corpus");
    let (v, code) = json(&["check", "--format", "json", corpus.to_str().unwrap()]);
    assert_eq!(code, 1);
    // A `\` missing at the end of a line in the English generic REST page.
    assert!(
        has(
            &v,
            "CURL002",
            "en/help/sources/tutorials/api/create/protocols/generic-rest.md",
            142
        ),
        "{v}"
    );
    // The unterminated body quote of the English HubSpot page.
    assert!(v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == "CURL001"
            && d["file"].as_str().unwrap().ends_with(
                "en/help/sources/tutorials/api/create/marketing-automation/hubspot.md"
            )));
    // Every rule id reported exists in the registry.
    for d in v["diagnostics"].as_array().unwrap() {
        assert!(locdoc::rules::find(d["rule"].as_str().unwrap()).is_some());
    }
}

/// Every file under `dir`, recursively.
fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// The front matter of every real page is read without the YAML parser (the fast path of issue 8)
/// and gives what yaml-rust2 gives.
#[test]
fn corpus_front_matter_fast_reading_agrees_with_yaml() {
    let Some(shared) = crate::common::shared() else {
        return;
    };
    let mut files = Vec::new();
    files_under(&shared.join("corpus"), &mut files);
    files_under(&shared.join("seeds"), &mut files);
    let (mut fast, mut all) = (0, 0);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Some(rest) = text.strip_prefix("---\n") else {
            continue;
        };
        let Some(end) = rest.find("\n---\n") else {
            continue;
        };
        all += 1;
        match locdoc::afm::simple_reading_agrees(&rest[..=end]) {
            Ok(applied) => fast += usize::from(applied),
            Err(err) => panic!("{}: {err}", path.display()),
        }
    }
    eprintln!("front matter read fast on {fast} of {all} pages");
    assert!(all >= 40, "{all} pages with front matter");
    assert!(
        fast * 10 >= all * 9,
        "fast reading on {fast} of {all} pages"
    );
}
