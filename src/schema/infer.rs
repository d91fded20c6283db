//! `locdoc schema infer`: derive a connector catalog from a docs tree.
//!
//! Every request body with `connectionSpec.id`, `auth.specName` and `auth.params` is one
//! observation, in whichever locale it appears. Observations are grouped by spec id; the connector
//! slug is the file stem and the name the `[!DNL …]` term of the first heading (the source locale
//! wins on ties); a param is required when every body of its auth spec sends it. Whatever the
//! locales do not agree on is returned as [`Disagreement`]s with file and line.

use std::collections::BTreeMap;

use super::catalog::{AuthParam, AuthSpec, Catalog, Connector};
use crate::engine::Workspace;

/// Something the pages do not agree on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// File (as displayed) and line of the observation that differs.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// What differs.
    pub message: String,
}

struct Obs {
    locale: String,
    file: String,
    line: usize,
    source: bool,
    slug: String,
    name: Option<String>,
    spec_name: String,
    params: Vec<String>,
}

/// Infers a catalog from the pages of `ws`; `source_locale` breaks ties.
pub fn infer(ws: &Workspace, source_locale: &str) -> (Catalog, Vec<Disagreement>) {
    let mut by_id: BTreeMap<String, Vec<Obs>> = BTreeMap::new();
    // H1 terms shared by pages about different connectors (`Flow Service`) name no connector.
    let mut term_slugs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for page in &ws.pages {
        let stem = page
            .doc
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        for t in h1_terms(&page.doc) {
            let e = term_slugs.entry(t).or_default();
            if !e.contains(&stem) {
                e.push(stem.clone());
            }
        }
    }
    let generic: Vec<String> = term_slugs
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, _)| k)
        .collect();
    for page in &ws.pages {
        let doc = &page.doc;
        let slug = doc
            .path
            .file_stem()
            .map(|s| s.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        let name = h1_terms(doc)
            .into_iter()
            .find(|t| !generic.iter().any(|g| g == t));
        for req in &page.requests {
            let Some(body) = &req.body else { continue };
            let id = body.pointer("/connectionSpec/id").and_then(|v| v.as_str());
            let spec = body.pointer("/auth/specName").and_then(|v| v.as_str());
            let params = body.pointer("/auth/params").and_then(|v| v.as_object());
            let (Some(id), Some(spec), Some(params)) = (id, spec, params) else {
                continue;
            };
            if super::openapi::is_placeholder(id) {
                continue;
            }
            by_id.entry(id.to_ascii_lowercase()).or_default().push(Obs {
                locale: doc.locale.clone(),
                file: doc.display.clone(),
                line: req.line,
                source: doc.locale == source_locale,
                slug: slug.clone(),
                name: name.clone(),
                spec_name: spec.to_string(),
                params: params.keys().cloned().collect(),
            });
        }
    }
    let mut catalog = Catalog {
        version: 1,
        connectors: Vec::new(),
    };
    let mut dis = Vec::new();
    for (id, obs) in &by_id {
        let slug = vote(obs.iter().map(|o| (o.slug.clone(), o.source)));
        for o in obs.iter().filter(|o| o.slug != slug) {
            dis.push(Disagreement {
                file: o.file.clone(),
                line: o.line,
                message: format!(
                    "spec id {id} is used on page `{}`, elsewhere on `{slug}`",
                    o.slug
                ),
            });
        }
        let name = vote(
            obs.iter()
                .filter_map(|o| o.name.clone().map(|n| (n, o.source))),
        );
        let mut specs: BTreeMap<String, Vec<&Obs>> = BTreeMap::new();
        for o in obs {
            specs.entry(o.spec_name.clone()).or_default().push(o);
        }
        let mut auth = Vec::new();
        for (spec_name, list) in &specs {
            let mut names: Vec<String> = Vec::new();
            for o in list {
                for p in &o.params {
                    if !names.contains(p) {
                        names.push(p.clone());
                    }
                }
            }
            let spec_locales = locales(list.iter().copied());
            let mut params = Vec::new();
            for p in names {
                let missing: Vec<&&Obs> = list.iter().filter(|o| !o.params.contains(&p)).collect();
                let with = locales(list.iter().copied().filter(|o| o.params.contains(&p)));
                if with != spec_locales {
                    let lacking: Vec<&String> =
                        spec_locales.iter().filter(|l| !with.contains(l)).collect();
                    if let Some(o) = list.iter().find(|o| lacking.contains(&&o.locale)) {
                        dis.push(Disagreement {
                            file: o.file.clone(),
                            line: o.line,
                            message: format!(
                                "`{spec_name}` of {slug}: param `{p}` is sent in {} but not in {}",
                                join(&with),
                                lacking
                                    .iter()
                                    .map(|s| s.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        });
                    }
                }
                params.push(AuthParam {
                    name: p,
                    required: missing.is_empty(),
                    secret: false,
                    summary: String::new(),
                });
            }
            auth.push(AuthSpec {
                spec_name: spec_name.clone(),
                params,
            });
        }
        let all = locales(obs.iter());
        for (s, list) in &specs {
            let here = locales(list.iter().copied());
            if here != all {
                if let Some(o) = list.first() {
                    let absent: Vec<&str> = all
                        .iter()
                        .filter(|l| !here.contains(l))
                        .map(|s| s.as_str())
                        .collect();
                    dis.push(Disagreement {
                        file: o.file.clone(),
                        line: o.line,
                        message: format!(
                            "auth spec `{s}` of {slug} is used in {} but not in {}",
                            join(&here),
                            absent.join(", ")
                        ),
                    });
                }
            }
        }
        catalog.connectors.push(Connector {
            id: slug.clone(),
            name: if name.is_empty() { slug.clone() } else { name },
            aliases: Vec::new(),
            category: String::new(),
            connection_spec_id: id.clone(),
            connection_spec_version: None,
            auth,
        });
    }
    dis.sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    dis.dedup();
    (catalog, dis)
}

fn h1_terms(doc: &crate::afm::Document) -> Vec<String> {
    let Some(h) = doc.headings.first() else {
        return Vec::new();
    };
    doc.terms
        .iter()
        .filter(|t| h.span.contains(&t.span.start))
        .map(|t| t.text.trim().to_string())
        .collect()
}

fn locales<'a>(obs: impl Iterator<Item = &'a Obs>) -> Vec<String> {
    let mut v: Vec<String> = obs.map(|o| o.locale.clone()).collect();
    v.sort();
    v.dedup();
    v
}

fn join(v: &[String]) -> String {
    v.join(", ")
}

/// The most frequent value, source-locale votes first, then alphabetical.
fn vote(items: impl Iterator<Item = (String, bool)>) -> String {
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (v, source) in items {
        let e = counts.entry(v).or_default();
        e.0 += usize::from(source);
        e.1 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(v, _)| v)
        .unwrap_or_default()
}

/// The catalog as YAML in the format of `schema/connectors.yaml` (strings JSON-quoted, which is
/// valid YAML).
pub fn to_yaml(c: &Catalog) -> String {
    let q = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let mut out = String::from("# Inferred by `locdoc schema infer`.\nversion: 1\nconnectors:\n");
    for k in &c.connectors {
        out.push_str(&format!("  - id: {}\n    name: {}\n", q(&k.id), q(&k.name)));
        out.push_str(&format!(
            "    connection_spec_id: {}\n    auth:\n",
            q(&k.connection_spec_id)
        ));
        for a in &k.auth {
            out.push_str(&format!(
                "      - spec_name: {}\n        params:\n",
                q(&a.spec_name)
            ));
            for p in &a.params {
                out.push_str(&format!(
                    "          - name: {}\n            required: {}\n",
                    q(&p.name),
                    p.required
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{load_page, Workspace};
    use std::path::Path;

    #[test]
    fn infers_and_reports_disagreements() {
        let body = |params: &str| {
            format!("# Connect [!DNL Acme]\n\n```shell\ncurl 'https://h.x' -d '{{\"auth\": {{\"specName\": \"Basic\", \"params\": {{{params}}}}}, \"connectionSpec\": {{\"id\": \"11111111-2222-3333-4444-555555555555\"}}}}'\n```\n")
        };
        let ws = Workspace {
            pages: vec![
                load_page(
                    Path::new("en/acme.md"),
                    body("\"user\": \"{U}\", \"host\": \"{H}\""),
                ),
                load_page(Path::new("fr-FR/acme.md"), body("\"user\": \"{U}\"")),
            ],
            ..Default::default()
        };
        let (c, d) = infer(&ws, "en");
        assert_eq!(c.connectors.len(), 1);
        let k = &c.connectors[0];
        assert_eq!((k.id.as_str(), k.name.as_str()), ("acme", "Acme"));
        assert!(k.auth[0]
            .params
            .iter()
            .any(|p| p.name == "host" && !p.required));
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].file.as_str(), d[0].line), ("fr-FR/acme.md", 4));
        let y = to_yaml(&c);
        let back = Catalog::parse(Path::new("x.yaml"), &y).unwrap();
        assert_eq!(back.connectors[0].auth[0].params.len(), 2);
    }
}
