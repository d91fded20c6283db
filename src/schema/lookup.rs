//! Which loaded API a request URL is meant for: [`Schema::route`] (host and base path match a
//! server) and [`Schema::near_miss`] (clearly meant for an API but its host or base path is wrong).
//!
//! Precision first: tutorials also call other APIs on the same gateway host (catalog, schema
//! registry, identity…). A URL is a near miss only when it is one typo away from a server, uses a
//! server variable value the spec does not allow, or carries a path of this API behind a base path
//! a few edits away from the real one. Anything else belongs to another API and is left alone.

use super::openapi::{OpenApi, Server};
use super::routes::{edit_distance, trim_slash, UrlParts};
use super::Schema;

/// A request URL matched to a server of a loaded spec.
#[derive(Debug, Clone)]
pub struct Route<'s, 'u> {
    /// The spec.
    pub spec: &'s OpenApi,
    /// The server matched.
    pub server: &'s Server,
    /// The URL parts.
    pub url: UrlParts<'u>,
    /// Path after the server's base path (may be empty).
    pub path: &'u str,
    /// Byte offset of `path` in the URL.
    pub path_offset: usize,
}

/// A URL clearly meant for a spec whose host or base path matches none of its servers.
#[derive(Debug, Clone)]
pub struct NearMiss {
    /// What is wrong.
    pub message: String,
    /// The server URL it should use (defaults expanded).
    pub expected: String,
    /// Byte range of the offending part in the URL.
    pub range: std::ops::Range<usize>,
}

/// Largest edit distance at which a host or base path counts as a typo.
const TYPO: usize = 2;

impl Schema {
    /// The spec and server `url` belongs to, if any (the first spec, then server, that matches).
    pub fn route<'s, 'u>(&'s self, url: &'u str) -> Option<Route<'s, 'u>> {
        let parts = UrlParts::split(url);
        for spec in &self.openapi {
            for server in &spec.servers {
                if let Some((path, path_offset)) = server.rest(&parts) {
                    return Some(Route {
                        spec,
                        server,
                        url: parts.clone(),
                        path,
                        path_offset,
                    });
                }
            }
        }
        None
    }

    /// Why `url` (which [`Schema::route`] did not match) looks meant for a loaded spec.
    pub fn near_miss(&self, url: &str) -> Option<NearMiss> {
        let parts = UrlParts::split(url);
        if parts.host.is_empty() {
            return None;
        }
        let host_start = parts.path_offset - parts.host.len();
        for spec in &self.openapi {
            for server in &spec.servers {
                let Some(host_t) = &server.host else { continue };
                let expected = expected_url(server);
                let host_ok = host_t.match_len(parts.host).is_some();
                let base_ok = server.base.match_len(parts.path).is_some();
                if !host_ok && base_ok && !server.base_path.is_empty() {
                    if server.host_matches_loosely(parts.host) {
                        return Some(NearMiss {
                            message: format!(
                                "host `{}` uses a server variable value that `{}` does not allow",
                                parts.host,
                                spec.file.display()
                            ),
                            expected,
                            range: host_start..parts.path_offset,
                        });
                    }
                    let lower = parts.host.to_ascii_lowercase();
                    if server
                        .hosts
                        .iter()
                        .any(|h| edit_distance(&lower, &h.to_ascii_lowercase()) <= TYPO)
                    {
                        return Some(NearMiss {
                            message: format!("host `{}` matches no server of the API", parts.host),
                            expected,
                            range: host_start..parts.path_offset,
                        });
                    }
                }
                if host_ok && !base_ok {
                    if let Some(miss) = base_typo(spec, server, &parts) {
                        return Some(NearMiss { expected, ..miss });
                    }
                }
            }
        }
        None
    }
}

/// The server URL with defaults substituted, with `https:` for a scheme-relative one.
pub fn expected_url(server: &Server) -> String {
    let host = server.hosts.first().cloned().unwrap_or_default();
    let scheme = server.scheme.clone().unwrap_or_else(|| "https".into());
    format!("{scheme}://{host}{}", server.base_path)
}

/// Same host, and the path is "base path typo + a path of this API".
fn base_typo(spec: &OpenApi, server: &Server, parts: &UrlParts<'_>) -> Option<NearMiss> {
    let base = &server.base_path;
    let path = trim_slash(parts.path);
    // Every split point at a `/`: prefix = candidate base path, rest = candidate API path.
    let mut cuts: Vec<usize> = path.match_indices('/').map(|(i, _)| i).collect();
    cuts.push(path.len());
    for cut in cuts {
        let (prefix, rest) = path.split_at(cut);
        if rest.is_empty() || !spec.paths.iter().any(|p| p.matches(rest)) {
            continue;
        }
        let d = edit_distance(prefix, base);
        let close = d <= TYPO || prefix.eq_ignore_ascii_case(base);
        if close && d > 0 {
            return Some(NearMiss {
                message: format!(
                    "base path `{prefix}` matches no server of the API (expected `{base}`)"
                ),
                expected: String::new(),
                range: parts.path_offset..parts.path_offset + prefix.len(),
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_near_misses() {
        let s = Schema::builtin().unwrap();
        let r = s
            .route("https://platform.adobe.io/data/foundation/flowservice/connections?x=1")
            .unwrap();
        assert_eq!(r.path, "/connections");
        assert!(s
            .route("https://platform.adobe.io/data/foundation/catalog/dataSets")
            .is_none());
        assert!(s
            .near_miss("https://platform.adobe.io/data/foundation/catalog/dataSets")
            .is_none());
        assert!(s
            .near_miss("https://platform.adobe.io/data/foundation/conversion/mappingSets")
            .is_none());
        assert!(s
            .near_miss("https://dcs.adobedc.net/collection/x")
            .is_none());
        let m = s
            .near_miss("https://platform.adobe.io/data/foundation/flowservices/connections")
            .unwrap();
        assert!(m.message.contains("flowservices"), "{}", m.message);
        let m = s
            .near_miss("https://platfrom.adobe.io/data/foundation/flowservice/connections")
            .unwrap();
        assert_eq!(m.range, 8..25);
        assert!(s
            .near_miss("https://platform-dev.adobe.io/data/foundation/flowservice/flows")
            .is_some());
    }
}
