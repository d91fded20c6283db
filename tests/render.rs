//! `locdoc render` / `locdoc html` and the FTL catalog lint: output, drift check, failures, escaping.

use std::path::{Path, PathBuf};

use crate::common::{json, locdoc, repo};

const LOCALES: [&str; 4] = ["en", "ko", "zh-Hans", "fr"];

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

fn stdout(args: &[&str]) -> (String, String, i32) {
    let out = locdoc().args(args).output().unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn checked_in_docs_are_exactly_the_render_output() {
    let (out, err, code) = stdout(&["render", "--check"]);
    assert_eq!(code, 0, "docs/ drifted from the render:\n{out}{err}");
    assert!(out.contains("48 rendered files are up to date"), "{out}");
}

#[test]
fn drift_check_lists_edited_missing_and_stale_files() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("docs");
    let o = out_dir.to_str().unwrap();
    let (_, err, code) = stdout(&["render", "--out", o]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(stdout(&["render", "--check", "--out", o]).2, 0);

    let edited = out_dir.join("fr/hubspot.md");
    let text = std::fs::read_to_string(&edited).unwrap();
    std::fs::write(&edited, text.replace("Oui", "Non")).unwrap();
    std::fs::remove_file(out_dir.join("ko/paypal.md")).unwrap();
    std::fs::write(out_dir.join("en/old-connector.md"), "# Old\n").unwrap();
    std::fs::write(out_dir.join("en/notes.txt"), "not managed").unwrap();
    let before = std::fs::read(&edited).unwrap();

    let (listing, _, code) = stdout(&["render", "--check", "--out", o]);
    assert_eq!(code, 1, "{listing}");
    let shown = listing.replace(o, "OUT");
    insta::assert_snapshot!("drift_listing", shown);
    assert_eq!(
        std::fs::read(&edited).unwrap(),
        before,
        "--check wrote a file"
    );

    // A real render repairs everything and leaves unmanaged files alone.
    assert_eq!(stdout(&["render", "--out", o]).2, 0);
    assert_eq!(stdout(&["render", "--check", "--out", o]).2, 0);
    assert!(!out_dir.join("en/old-connector.md").exists());
    assert!(out_dir.join("en/notes.txt").exists());
}

#[test]
fn check_of_docs_and_locales_has_no_findings() {
    let (v, code) = json(&["check", "--format", "json", "docs/", "locales/"]);
    assert_eq!(v["diagnostics"].as_array().unwrap().len(), 0, "{v:#}");
    assert_eq!(code, 0);
    assert_eq!(v["summary"]["files"], 48 + 7);
}

/// The shell code blocks of a page.
fn curls(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let page = locdoc::engine::load_page(path, text);
    page.doc
        .code_blocks
        .iter()
        .filter(|c| c.lang() == "shell")
        .map(|c| c.text.clone())
        .collect()
}

#[test]
fn every_page_has_the_same_requests_in_all_locales() {
    let schema = locdoc::schema::Schema::builtin().unwrap();
    assert_eq!(schema.catalog.connectors.len(), 12);
    for c in &schema.catalog.connectors {
        let en = curls(&repo().join("docs/en").join(format!("{}.md", c.id)));
        assert_eq!(
            en.len(),
            c.auth.len(),
            "{}: one request per auth spec",
            c.id
        );
        for l in LOCALES {
            let path = repo().join("docs").join(l).join(format!("{}.md", c.id));
            assert_eq!(curls(&path), en, "{}", path.display());
            let text = std::fs::read_to_string(&path).unwrap();
            let page = locdoc::engine::load_page(&path, text);
            assert_eq!(page.doc.locale, l);
            let anchors: Vec<_> = page
                .doc
                .headings
                .iter()
                .filter_map(|h| h.anchor.as_ref().map(|a| a.0.clone()))
                .collect();
            assert!(anchors.contains(&"overview".to_string()), "{anchors:?}");
            assert_eq!(
                page.doc.exl_id(),
                Some(locdoc::render::markdown::exl_id(c).as_str())
            );
            for r in &page.requests {
                assert!(
                    r.problems.is_empty(),
                    "{}: {:?}",
                    path.display(),
                    r.problems
                );
                let body = r.body.as_ref().unwrap();
                assert_eq!(body["connectionSpec"]["id"], c.connection_spec_id.as_str());
            }
        }
    }
}

#[test]
fn anchors_tables_and_alerts_match_across_locales() {
    let shape = |l: &str| {
        let path = repo().join("docs").join(l).join("salesforce.md");
        let page = locdoc::engine::load_page(&path, std::fs::read_to_string(&path).unwrap());
        let anchors: Vec<String> = page
            .doc
            .headings
            .iter()
            .map(|h| format!("{}:{:?}", h.level, h.anchor.as_ref().map(|a| &a.0)))
            .collect();
        let keys: Vec<Vec<String>> = page
            .doc
            .tables
            .iter()
            .map(|t| t.rows.iter().map(|r| r.cells[0].text.clone()).collect())
            .collect();
        let alerts: Vec<_> = page.doc.alerts.iter().map(|a| a.kind).collect();
        (anchors, keys, alerts)
    };
    let en = shape("en");
    assert_eq!(
        en.1.len(),
        3,
        "one credential table per Salesforce auth spec"
    );
    for l in LOCALES {
        assert_eq!(shape(l), en, "{l}");
    }
}

#[test]
fn french_page_snapshot() {
    let text = std::fs::read_to_string(repo().join("docs/fr/hubspot.md")).unwrap();
    insta::assert_snapshot!("fr_hubspot_md", text);
}

fn render_in_memory(format: locdoc::render::Format, locale: &str) -> locdoc::render::Rendered {
    let opts = locdoc::render::Options {
        catalogs: repo().join("locales"),
        templates: repo().join("templates"),
        locales: vec![locale.to_string()],
        format,
        out: PathBuf::from("docs"),
        ..locdoc::render::Options::new()
    };
    locdoc::render::render(&opts, &locdoc::schema::Schema::builtin().unwrap()).unwrap()
}

#[test]
fn html_page_snapshot_with_switcher() {
    let r = render_in_memory(locdoc::render::Format::Html, "ko");
    assert_eq!(r.outputs.len(), 12);
    let page = r
        .outputs
        .iter()
        .find(|o| o.path.ends_with("ko/paypal.html"))
        .unwrap();
    let html = String::from_utf8(page.bytes.clone()).unwrap();
    assert!(html.contains("<div class=\"extension note\" data-label=\"NOTE\">"));
    assert!(html.contains("<div class=\"extension tip\" data-label=\"TIP\">"));
    assert!(html.contains(
        "<a href=\"../zh-Hans/paypal.html\" hreflang=\"zh-Hans\" lang=\"zh-Hans\">简体中文</a>"
    ));
    assert!(html.contains("<code class=\"language-shell\">"));
    assert!(!html.contains("[!DNL"), "DNL markup left in the HTML");
    let body = &html[html.find("<main>").unwrap()..];
    insta::assert_snapshot!("ko_paypal_html_body", body);
}

#[test]
fn render_html_writes_pages_that_link_to_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let o = dir.path().join("site");
    let (_, err, code) = stdout(&["render", "--format", "html", "--out", o.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(o.join("fr/hubspot.html")).unwrap();
    for l in LOCALES.iter().filter(|l| **l != "fr") {
        let href = format!("../{l}/hubspot.html");
        assert!(page.contains(&format!("href=\"{href}\"")), "{l}");
        assert!(
            o.join("fr").join(&href).is_file(),
            "{href} is not a rendered page"
        );
    }
    assert!(page.contains("aria-current=\"page\" lang=\"fr\">Français"));
    assert_eq!(
        stdout(&[
            "render",
            "--format",
            "html",
            "--check",
            "--out",
            o.to_str().unwrap()
        ])
        .2,
        0
    );
}

#[test]
fn broken_catalog_fails_with_position_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let cats = dir.path().join("locales");
    copy_dir(&repo().join("locales"), &cats);
    let fr = cats.join("fr/page.ftl");
    let text = std::fs::read_to_string(&fr).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("create-heading"))
        .unwrap()
        + 1;
    std::fs::write(
        &fr,
        text.replace(
            "create-heading = Créer une connexion de base",
            "create-heading = Créer { $x une connexion",
        ),
    )
    .unwrap();
    let out = dir.path().join("docs");
    let (_, err, code) = stdout(&[
        "render",
        "--catalogs",
        cats.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("fr/page.ftl:{line}:")) && err.contains("Fluent syntax error"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert!(!out.exists(), "a broken catalog must not write anything");
}

#[test]
fn missing_translation_fails_instead_of_falling_back_to_english() {
    let dir = tempfile::tempdir().unwrap();
    let cats = dir.path().join("locales");
    copy_dir(&repo().join("locales"), &cats);
    let ko = cats.join("ko/params.ftl");
    let text = std::fs::read_to_string(&ko).unwrap();
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("param-zendesk-subdomain"))
        .collect();
    std::fs::write(&ko, kept.join("\n") + "\n").unwrap();
    let out = dir.path().join("docs");
    let (_, err, code) = stdout(&[
        "render",
        "--catalogs",
        cats.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("templates/connector.md:") && err.contains("`subdomain` of `zendesk`"),
        "{err}"
    );
    assert!(!out.exists());
    // The lint names the same gap.
    let (v, _) = json(&["check", "--format", "json", cats.to_str().unwrap()]);
    assert!(
        crate::common::findings(&v)
            .iter()
            .any(|(r, f, _)| r == "FTL002" && f.ends_with("ko/params.ftl")),
        "{v:#}"
    );
}

#[test]
fn catalog_lint_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("locales");
    std::fs::create_dir_all(root.join("en")).unwrap();
    std::fs::create_dir_all(root.join("fr")).unwrap();
    std::fs::write(
        root.join("en/page.ftl"),
        "title = Connect [!DNL { $connector }]\nintro = Hello { $name }\nbye = Bye\n",
    )
    .unwrap();
    std::fs::write(
        root.join("fr/page.ftl"),
        "title = Connecter [!DNL { $connector }\nintro = Bonjour { $nom }\nold = Ancien\nbroken = { $x\n",
    )
    .unwrap();
    let (v, code) = json(&["check", "--format", "json", root.to_str().unwrap()]);
    assert_eq!(code, 1);
    let mut found: Vec<String> = crate::common::findings(&v)
        .iter()
        .map(|(r, f, l)| format!("{r} {}:{l}", f.rsplit_once("locales/").unwrap().1))
        .collect();
    found.sort();
    insta::assert_debug_snapshot!("catalog_lint", found);
}

#[test]
fn html_command_escapes_raw_html_and_dangerous_urls() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    std::fs::create_dir_all(&en).unwrap();
    std::fs::create_dir_all(dir.path().join("fr")).unwrap();
    let page = en.join("p.md");
    std::fs::write(
        &page,
        "---\ntitle: T <script>\n---\n# Title {#t onmouseover=\"x()\"}\n\n<script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n\n[go](javascript:alert(1)) ![i](data:image/svg+xml;base64,x) [ok](other.md)\n\nClick [!UICONTROL <b>Save</b>].\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("fr/p.md"), "# T\n").unwrap();
    let (html, err, code) = stdout(&["html", page.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(!html.contains("<script>"), "{html}");
    assert!(!html.contains("<div onclick"), "{html}");
    assert!(!html.contains("onmouseover"), "{html}");
    assert!(!html.contains("javascript:"), "{html}");
    assert!(!html.contains("data:image"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(
        html.contains("<span class=\"uicontrol\">&lt;b&gt;Save&lt;/b&gt;</span>"),
        "{html}"
    );
    assert!(html.contains("href=\"other.html\""), "{html}");
    assert!(html.contains("<title>T &lt;script&gt;</title>"), "{html}");
    assert!(html.contains("href=\"../fr/p.html\""), "{html}");
}
