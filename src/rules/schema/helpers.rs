//! Shared by the `SCH*` and `TBL*` rules: where a JSON pointer or a URL part sits in the file, which
//! operation a request calls, and which connector a page is about.

use crate::afm::Span;
use crate::extract::json::BodyNodes;
use crate::extract::Request;
use crate::rules::Context;
use crate::schema::openapi::{Operation, PathItem};
use crate::schema::{Connector, Route};

/// File span of a body-text range.
pub fn body_span(req: &Request, r: std::ops::Range<usize>) -> Option<Span> {
    let s = req.body_offset(r.start)?;
    let e = req.body_offset(r.end.saturating_sub(1))? + 1;
    Some(s..e.max(s))
}

/// File span for `pointer` in the body: its key, else the nearest existing ancestor's key, else
/// the body token.
pub fn pointer_span(req: &Request, nodes: &BodyNodes, pointer: &str) -> Span {
    let mut p = pointer.to_string();
    loop {
        if let Some(n) = nodes.get(&p) {
            let r = n.key.clone().unwrap_or(n.value.start..n.value.start + 1);
            if let Some(s) = body_span(req, r) {
                return s;
            }
        }
        match p.rfind('/') {
            Some(i) if !p.is_empty() => p.truncate(i),
            _ => break,
        }
    }
    req.body_span.clone().unwrap_or(req.span.clone())
}

/// File span of bytes `range` of the request URL (the URL token when the URL text can't be found).
pub fn url_span(ctx: &Context<'_>, req: &Request, range: std::ops::Range<usize>) -> Span {
    let (Some(url), Some(tok)) = (&req.url, &req.url_span) else {
        return req.span.start..req.span.start + 4;
    };
    let text = ctx.doc.slice(tok);
    match text.find(url.as_str()) {
        Some(at) => {
            let base = tok.start + at;
            base + range.start.min(url.len())..base + range.end.min(url.len())
        }
        None => tok.clone(),
    }
}

/// A request routed to a spec, with the path items and operation it calls.
pub struct Routed<'s, 'u> {
    /// The route.
    pub route: Route<'s, 'u>,
    /// Matching path items, most specific first.
    pub items: Vec<&'s PathItem>,
    /// The operation for the request's method.
    pub op: Option<&'s Operation>,
}

/// Routes `req` to a loaded spec (None when its URL belongs to no spec's server).
pub fn routed<'s, 'u>(ctx: &Context<'s>, req: &'u Request) -> Option<Routed<'s, 'u>> {
    let url = req.url.as_deref()?;
    let route = ctx.schema.route(url)?;
    let items = route.spec.path_items(route.path);
    let op = items.iter().find_map(|p| p.operation(&req.method));
    Some(Routed { route, items, op })
}

/// Requests whose operation is known.
pub fn operations<'s>(ctx: &Context<'s>) -> Vec<(&'s Request, &'s Operation)> {
    ctx.requests
        .iter()
        .filter_map(|r| routed(ctx, r).and_then(|x| x.op).map(|o| (r, o)))
        .collect()
}

/// The connector the page is about, decided in this order:
/// 1. the file stem equals a catalog connector id (`hubspot.md` → `hubspot`): tutorials are named
///    after their connector, in every locale;
/// 2. else the `[!DNL …]` terms of the first heading (the H1 keeps connector names untranslated)
///    that name exactly one connector (name or alias);
/// 3. else the title naming exactly one connector as a whole word.
///
/// None when nothing or more than one connector matches: rules that need it then stay silent.
pub fn page_connector<'s>(ctx: &Context<'s>) -> Option<&'s Connector> {
    let cat = &ctx.schema.catalog;
    let stem = ctx
        .doc
        .path
        .file_stem()?
        .to_string_lossy()
        .to_ascii_lowercase();
    if let Some(c) = cat.by_id(&stem) {
        return Some(c);
    }
    let unique = |found: Vec<&'s Connector>| -> Option<&'s Connector> {
        let first = *found.first()?;
        found.iter().all(|c| c.id == first.id).then_some(first)
    };
    if let Some(h1) = ctx.doc.headings.first() {
        let found: Vec<&Connector> = ctx
            .doc
            .terms
            .iter()
            .filter(|t| h1.span.contains(&t.span.start))
            .filter_map(|t| cat.by_name(t.text.trim()))
            .collect();
        if let Some(c) = unique(found) {
            return Some(c);
        }
    }
    let title = ctx.doc.title()?.to_ascii_lowercase();
    let words = |s: &str| -> bool {
        let s = s.to_ascii_lowercase();
        title.match_indices(&s).any(|(i, _)| {
            let before = title[..i].chars().next_back();
            let after = title[i + s.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    let found: Vec<&Connector> = cat
        .connectors
        .iter()
        .filter(|c| words(&c.name) || c.aliases.iter().any(|a| a.len() > 3 && words(a)))
        .collect();
    unique(found)
}

/// The string at `pointer` in the body.
pub fn body_str<'a>(req: &'a Request, pointer: &str) -> Option<&'a str> {
    req.body.as_ref()?.pointer(pointer)?.as_str()
}
