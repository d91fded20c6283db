//! The canonical request schema on real and hand-written pages: OpenAPI + catalog rules (`SCH*`,
//! `TBL*`), malformed specs, and `schema infer`.

use crate::common::{has, json, locdoc, shared};

const CREATE: &str = "help/sources/tutorials/api/create";

#[test]
fn corpus_findings_with_the_upstream_spec() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("corpus");
    let spec = shared.join("schema/flow-service.yaml");
    let (v, code) = json(&[
        "check",
        corpus.to_str().unwrap(),
        "--schema",
        spec.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let expect = [
        // http:// to the https gateway.
        ("SCH010", "ko-KR", "cloud-storage/s3.md", 77),
        ("SCH010", "fr-FR", "crm/salesforce.md", 162),
        // POST /flows without the Authorization header.
        ("SCH004", "en", "analytics/mixpanel.md", 608),
        // PATCH body sent without Content-Type (the block that also misses a `\`).
        ("SCH006", "en", "analytics/mixpanel.md", 894),
        ("CURL002", "en", "analytics/mixpanel.md", 892),
        // JSON bodies that do not parse.
        ("CURL003", "en", "crm/salesforce.md", 96),
        // Body types the spec declares otherwise.
        ("SCH007", "en", "analytics/mixpanel.md", 636),
        // Prose states the data lake id, the target-connection body sends Mixpanel's.
        ("TBL002", "en", "analytics/mixpanel.md", 418),
        ("TBL002", "zh-Hans", "analytics/mixpanel.md", 415),
        // Property table writes clientID, the body clientId.
        ("TBL001", "fr-FR", "advertising/ads.md", 92),
        // Auth params against the catalog: host only in en.
        ("SCH009", "fr-FR", "analytics/mixpanel.md", 71),
    ];
    for (rule, locale, file, line) in expect {
        let f = format!("{locale}/{CREATE}/{file}");
        assert!(has(&v, rule, &f, line), "missing {rule} {f}:{line}");
    }
    // Calls to other APIs on the same gateway are not this spec's business.
    let findings = crate::common::findings(&v);
    assert!(
        !findings
            .iter()
            .any(|(r, _, _)| r == "SCH001" || r == "SCH002" || r == "SCH003"),
        "{findings:?}"
    );
}

#[test]
fn corpus_calls_are_all_in_the_builtin_spec() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("corpus");
    let (v, _) = json(&["check", corpus.to_str().unwrap(), "--format", "json"]);
    let findings = crate::common::findings(&v);
    assert!(
        !findings
            .iter()
            .any(|(r, _, _)| r == "SCH001" || r == "SCH002" || r == "SCH003"),
        "{findings:?}"
    );
}

#[test]
fn builtin_spec_knows_flow_and_run_calls() {
    let dir = tempfile::tempdir().unwrap();
    let base = "https://platform.adobe.io/data/foundation/flowservice";
    let headers = "-H 'Authorization: Bearer {ACCESS_TOKEN}' \\\n  -H 'x-api-key: {API_KEY}' \\\n  -H 'x-gw-ims-org-id: {ORG_ID}' \\\n  -H 'x-sandbox-name: {SANDBOX_NAME}'";
    let mut page = String::from("# Manage a dataflow\n");
    for (method, path) in [
        ("GET", "runs?property=flowId=={FLOW_ID}"),
        ("GET", "flows/{FLOW_ID}"),
        ("DELETE", "flows/{FLOW_ID}"),
    ] {
        page.push_str(&format!(
            "\n```shell\ncurl -X {method} '{base}/{path}' \\\n  {headers}\n```\n"
        ));
    }
    page.push_str(&format!(
        "\n```shell\ncurl -X PATCH '{base}/flows/{{FLOW_ID}}' \\\n  {headers} \\\n  -H 'Content-Type: application/json' \\\n  -H 'If-Match: \"{{ETAG}}\"' \\\n  -d '[{{\"op\": \"replace\", \"path\": \"/name\", \"value\": \"New name\"}}]'\n```\n"
    ));
    let file = dir.path().join("flows.md");
    std::fs::write(&file, page).unwrap();
    let (v, code) = json(&[
        "check",
        file.to_str().unwrap(),
        "--select",
        "SCH",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["diagnostics"].as_array().map(Vec::len), Some(0), "{v}");
}

const GOOD_PAGE: &str = r#"---
title: Connect Acme CRM through the API
exl-id: 00000000-1111-2222-3333-444444444444
---

# Connect [!DNL HubSpot] through the API

This page creates a base connection for [!DNL HubSpot].

## Credentials

| Credential | Description |
| --- | --- |
| `clientId` | Identifier of your app. |
| `clientSecret` | Secret of your app. |
| `accessToken` | Token from the first authorization. |
| `refreshToken` | Token used to renew the access token. |

## Create the connection

The connection spec id for [!DNL HubSpot] is `cc6a4487-9e91-433e-a3a3-9cf6626c1806`.

```shell
curl -X POST \
  'https://platform.adobe.io/data/foundation/flowservice/connections' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {ORG_ID}' \
  -H 'x-sandbox-name: {SANDBOX_NAME}' \
  -H 'Content-Type: application/json' \
  -d '{
    "name": "HubSpot connection",
    "auth": {
      "specName": "Basic Authentication",
      "params": {
        "clientId": "{CLIENT_ID}",
        "clientSecret": "{CLIENT_SECRET}",
        "accessToken": "{HUBSPOT_ACCESS_TOKEN}",
        "refreshToken": "{REFRESH_TOKEN}"
      }
    },
    "connectionSpec": {
      "id": "cc6a4487-9e91-433e-a3a3-9cf6626c1806",
      "version": "1.0"
    }
  }'
```

| Property | Description |
| --- | --- |
| `auth.params.clientId` | Identifier of your app. |
| `auth.params.clientSecret` | Secret of your app. |
| `auth.params.accessToken` | Access token. |
| `auth.params.refreshToken` | Refresh token. |
| `connectionSpec.id` | `cc6a4487-9e91-433e-a3a3-9cf6626c1806` |

## Look at it

```shell
curl -X GET \
  'https://platform.adobe.io/data/foundation/flowservice/connections/{BASE_CONNECTION_ID}' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {ORG_ID}' \
  -H 'x-sandbox-name: {SANDBOX_NAME}'
```

```shell
curl -X PATCH \
  'https://platform.adobe.io/data/foundation/flowservice/connections/{BASE_CONNECTION_ID}' \
  -H 'Authorization: Bearer {ACCESS_TOKEN}' \
  -H 'x-api-key: {API_KEY}' \
  -H 'x-gw-ims-org-id: {ORG_ID}' \
  -H 'x-sandbox-name: {SANDBOX_NAME}' \
  -H 'If-Match: "{ETAG}"' \
  -H 'Content-Type: application/json' \
  -d '[{"op": "replace", "path": "/name", "value": "renamed"}]'
```
"#;

fn good_page_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::write(en.join("hubspot.md"), GOOD_PAGE).unwrap();
    dir
}

#[test]
fn a_correct_page_has_no_findings() {
    let dir = good_page_dir();
    let p = dir.path().to_str().unwrap();
    let (v, code) = json(&["check", p, "--format", "json"]);
    assert_eq!(crate::common::findings(&v), Vec::new());
    assert_eq!(code, 0);
    let Some(shared) = shared() else { return };
    let spec = shared.join("schema/flow-service.yaml");
    let (v, code) = json(&[
        "check",
        p,
        "--schema",
        spec.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(crate::common::findings(&v), Vec::new());
    assert_eq!(code, 0);
}

#[test]
fn the_same_rules_catch_defects_on_an_unseen_page() {
    let dir = good_page_dir();
    let bad = GOOD_PAGE
        .replace("'https://platform.adobe.io/data/foundation/flowservice/connections' \\", "'http://platform.adobe.io/data/foundation/flowservice/connections' \\")
        .replace("\"refreshToken\": \"{REFRESH_TOKEN}\"", "\"refreshTokn\": \"{REFRESH_TOKEN}\"")
        .replace("-H 'x-api-key: {API_KEY}' \\\n  -H 'x-gw-ims-org-id: {ORG_ID}' \\\n  -H 'x-sandbox-name: {SANDBOX_NAME}'\n", "-H 'x-gw-ims-org-id: {ORG_ID}' \\\n  -H 'x-sandbox-name: {SANDBOX_NAME}'\n");
    std::fs::write(dir.path().join("en/hubspot.md"), bad).unwrap();
    let (v, _) = json(&["check", dir.path().to_str().unwrap(), "--format", "json"]);
    for (rule, line) in [
        ("SCH010", 25),
        ("SCH009", 35),
        ("SCH009", 39),
        ("TBL001", 39),
        ("TBL001", 54),
        ("SCH004", 61),
    ] {
        assert!(
            has(&v, rule, "en/hubspot.md", line),
            "missing {rule}:{line} in {:?}",
            crate::common::findings(&v)
        );
    }
}

#[test]
fn a_malformed_spec_is_exit_2_with_file_and_position() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("bad.yaml");
    std::fs::write(&spec, "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/nope'\n").unwrap();
    let out = locdoc()
        .args([
            "check",
            dir.path().to_str().unwrap(),
            "--schema",
            spec.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:6:"), "{err}");
}

#[test]
fn schema_infer_prints_a_catalog_and_reports_disagreements() {
    let Some(shared) = shared() else { return };
    let out = locdoc()
        .args(["schema", "infer", shared.join("corpus").to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let yaml = String::from_utf8_lossy(&out.stdout);
    let cat = locdoc::schema::Catalog::parse(std::path::Path::new("out.yaml"), &yaml).unwrap();
    assert_eq!(cat.connectors.len(), 12);
    let hub = cat
        .by_spec_id("cc6a4487-9e91-433e-a3a3-9cf6626c1806")
        .unwrap();
    assert_eq!(hub.id, "hubspot");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("mixpanel.md:55") && err.contains("`host`"),
        "{err}"
    );
}
