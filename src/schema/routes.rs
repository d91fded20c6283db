//! URL matching: splitting a request URL, server URL templates (`//{environment}.adobe.io/base`)
//! and path templates (`/connections/{ID}`).
//!
//! Templates are compiled to regexes once, at load time. Hosts compare case-insensitively, paths
//! case-sensitively; a trailing `/` never matters.

use regex::Regex;

/// A request URL split into parts; offsets are byte offsets into the URL string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts<'a> {
    /// `http`, `https`, … (None when the URL has no scheme).
    pub scheme: Option<&'a str>,
    /// Host (and port), possibly empty for a path-only URL.
    pub host: &'a str,
    /// Path (starts with `/` or is empty).
    pub path: &'a str,
    /// Offset of `path` in the URL.
    pub path_offset: usize,
    /// Query string without `?`.
    pub query: Option<&'a str>,
    /// Offset of `query` in the URL.
    pub query_offset: usize,
}

impl<'a> UrlParts<'a> {
    /// Splits `url` (`https://h/p?q#f`, `//h/p`, `h/p`, `/p`).
    pub fn split(url: &'a str) -> UrlParts<'a> {
        let (scheme, after, mut off) = match url.find("://") {
            Some(i)
                if url[..i]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+') =>
            {
                (Some(&url[..i]), &url[i + 3..], i + 3)
            }
            _ => match url.strip_prefix("//") {
                Some(rest) => (None, rest, 2),
                None => (None, url, 0),
            },
        };
        let end = after.find('#').unwrap_or(after.len());
        let after = &after[..end];
        let (host, rest) = if after.starts_with('/') {
            ("", after)
        } else {
            match after.find(['/', '?']) {
                Some(i) => (&after[..i], &after[i..]),
                None => (after, ""),
            }
        };
        off += host.len();
        let (path, query) = match rest.find('?') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
            None => (rest, None),
        };
        UrlParts {
            scheme,
            host,
            path,
            path_offset: off,
            query,
            query_offset: off + path.len() + 1,
        }
    }

    /// `(name, value, offset of name in the URL)` of each query parameter.
    pub fn query_params(&self) -> Vec<(&'a str, &'a str, usize)> {
        let Some(q) = self.query else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut off = self.query_offset;
        for pair in q.split('&') {
            let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
            if !n.is_empty() {
                out.push((n, v, off));
            }
            off += pair.len() + 1;
        }
        out
    }
}

/// Removes one trailing `/` (not from the root path).
pub fn trim_slash(p: &str) -> &str {
    if p.len() > 1 {
        p.strip_suffix('/').unwrap_or(p)
    } else {
        p
    }
}

/// A `{name}` template compiled to a regex; `strict` honours variable enums, `loose` lets every
/// variable match anything (to tell "wrong environment" from "another API").
#[derive(Debug, Clone)]
pub struct Template {
    /// As written.
    pub text: String,
    strict: Regex,
    loose: Regex,
}

/// A server variable.
#[derive(Debug, Clone)]
pub struct Variable {
    /// Name.
    pub name: String,
    /// Default value.
    pub default: String,
    /// Allowed values (empty: any).
    pub allowed: Vec<String>,
}

impl Template {
    /// Compiles `text`, where `{v}` takes the values of `vars` (any non-`/` text when unknown).
    /// `anchor_end`: the whole input must match; otherwise a prefix ending at `/` or the end.
    pub fn new(
        text: &str,
        vars: &[Variable],
        case_insensitive: bool,
        anchor_end: bool,
    ) -> Template {
        let build = |strict: bool| {
            let mut re = String::from(if case_insensitive { "^(?i)" } else { "^" });
            let mut rest = text;
            while let Some(open) = rest.find('{') {
                re.push_str(&regex::escape(&rest[..open]));
                let Some(close) = rest[open..].find('}') else {
                    break;
                };
                let name = &rest[open + 1..open + close];
                let var = vars.iter().find(|v| v.name == name);
                match var {
                    Some(v) if strict && !v.allowed.is_empty() => {
                        let alts: Vec<String> =
                            v.allowed.iter().map(|a| regex::escape(a)).collect();
                        re.push_str(&format!("(?:{})", alts.join("|")));
                    }
                    _ => re.push_str("[^/?#]+?"),
                }
                rest = &rest[open + close + 1..];
            }
            re.push_str(&regex::escape(rest));
            re.push_str(if anchor_end { "/?$" } else { "(?:/|$)" });
            Regex::new(&re).unwrap_or_else(|_| never())
        };
        Template {
            text: text.to_string(),
            strict: build(true),
            loose: build(false),
        }
    }

    /// Length of the matched prefix (strict), if `s` matches.
    pub fn match_len(&self, s: &str) -> Option<usize> {
        self.strict.find(s).map(|m| {
            let e = m.end();
            if s[..e].ends_with('/') {
                e - 1
            } else {
                e
            }
        })
    }

    /// Whether `s` matches with variables unconstrained.
    pub fn matches_loosely(&self, s: &str) -> bool {
        self.loose.is_match(s)
    }
}

/// A regex that matches nothing (for templates that fail to compile, which `escape` prevents).
fn never() -> Regex {
    #[allow(clippy::unwrap_used)]
    Regex::new("[^\\s\\S]").unwrap()
}

/// Levenshtein distance (small strings: hosts and base paths).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() {
        let u = UrlParts::split("https://platform.adobe.io/data/x?a=1&b={B}");
        assert_eq!(u.scheme, Some("https"));
        assert_eq!(u.host, "platform.adobe.io");
        assert_eq!(u.path, "/data/x");
        assert_eq!(
            &"https://platform.adobe.io/data/x?a=1&b={B}"[u.path_offset..][..7],
            "/data/x"
        );
        let q = u.query_params();
        assert_eq!(q[1].0, "b");
        assert_eq!(
            &"https://platform.adobe.io/data/x?a=1&b={B}"[q[1].2..],
            "b={B}"
        );
        let u = UrlParts::split("//h.io");
        assert_eq!((u.scheme, u.host, u.path), (None, "h.io", ""));
    }

    #[test]
    fn templates_match_with_enums() {
        let vars = [Variable {
            name: "env".into(),
            default: "platform".into(),
            allowed: vec!["platform".into(), "platform-stage".into()],
        }];
        let t = Template::new("{env}.adobe.io/data/fs", &vars, false, false);
        assert_eq!(
            t.match_len("platform.adobe.io/data/fs/connections"),
            Some(25)
        );
        assert_eq!(t.match_len("platform.adobe.io/data/fsx"), None);
        assert_eq!(t.match_len("dev.adobe.io/data/fs"), None);
        assert!(t.matches_loosely("dev.adobe.io/data/fs"));
        let p = Template::new("/connections/{ID}", &[], false, true);
        assert!(p.match_len("/connections/{X}/").is_some());
        assert!(p.match_len("/connections/a/b").is_none());
        assert_eq!(edit_distance("flowservice", "flowservices"), 1);
    }
}
