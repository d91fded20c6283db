//! Fluent catalogs (`locales/<locale>/*.ftl`): parsed once, used two ways.
//!
//! The FTL rules read [`FtlFile`]s (entries with byte spans, the variables each message uses, its text
//! with placeables masked) and `render` formats messages through a `fluent-bundle` bundle per locale
//! built over the same parsed resources, with Unicode isolation marks off (the output is Markdown).
//! (About 330 lines of code: the AST walks that give the lint variables and per-variant texts live
//! here beside the loader so both uses share one parse.)

use fluent_bundle::{FluentArgs, FluentError, FluentResource};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser::ParserError;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::RenderError;
use crate::afm::{LineIndex, Span};

/// Stands for a placeable in [`FtlEntry::texts`], so markup checks see where a value goes.
pub const PLACEABLE: char = '\u{FFFC}';

/// A bundle over borrowed resources; isolation marks are off.
pub type Bundle<'a> = fluent_bundle::FluentBundle<&'a FluentResource>;

/// One parsed `.ftl` file.
pub struct FtlFile {
    /// Path as given or walked.
    pub path: PathBuf,
    /// `path` as shown in findings.
    pub display: String,
    /// Locale tag: the directory the file is in (`locales/fr/page.ftl` → `fr`).
    pub locale: String,
    /// Directory holding the locale directories (`locales`); files under one root are compared.
    pub root: PathBuf,
    /// The file text.
    pub text: Arc<str>,
    /// Line index of `text`.
    pub lines: LineIndex,
    /// The parsed resource (valid entries; broken ones are left out).
    pub resource: FluentResource,
    /// Syntax errors with byte ranges.
    pub errors: Vec<ParserError>,
    /// Messages and terms in file order.
    pub entries: Vec<FtlEntry>,
}

impl std::fmt::Debug for FtlFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FtlFile")
            .field("display", &self.display)
            .field("locale", &self.locale)
            .field("entries", &self.entries.len())
            .field("errors", &self.errors.len())
            .finish()
    }
}

/// A message or term of a file.
#[derive(Debug, Clone)]
pub struct FtlEntry {
    /// Id; terms keep their leading `-`.
    pub id: String,
    /// From the start of the id line to the end of the entry.
    pub span: Span,
    /// Variables (`$name` without `$`) the value and attributes use.
    pub variables: BTreeSet<String>,
    /// Text of the value and attributes, one string per select variant, placeables as [`PLACEABLE`].
    pub texts: Vec<String>,
}

impl FtlFile {
    /// Parses `text` read from `path`.
    pub fn parse(path: &Path, display: &str, text: String) -> FtlFile {
        let (locale, root) = locale_and_root(path);
        let shared: Arc<str> = Arc::from(text.as_str());
        let (resource, errors) = match FluentResource::try_new(text) {
            Ok(r) => (r, Vec::new()),
            Err((r, e)) => (r, e),
        };
        let starts = entry_starts(&shared);
        let mut used: BTreeMap<String, usize> = BTreeMap::new();
        let mut entries = Vec::new();
        for entry in resource.entries() {
            let (id, value, attrs): (String, Option<&Pattern<&str>>, Vec<&Pattern<&str>>) =
                match entry {
                    Entry::Message(m) => (
                        m.id.name.to_string(),
                        m.value.as_ref(),
                        m.attributes.iter().map(|a| &a.value).collect(),
                    ),
                    Entry::Term(t) => (
                        format!("-{}", t.id.name),
                        Some(&t.value),
                        t.attributes.iter().map(|a| &a.value).collect(),
                    ),
                    _ => continue,
                };
            let nth = used.entry(id.clone()).or_insert(0);
            let span = starts
                .iter()
                .filter(|(sid, _)| *sid == id)
                .nth(*nth)
                .map_or(0..0, |(_, s)| s.clone());
            *nth += 1;
            let mut variables = BTreeSet::new();
            let mut texts = Vec::new();
            for p in value.into_iter().chain(attrs) {
                collect_variables(p, &mut variables);
                texts.extend(variant_texts(p));
            }
            entries.push(FtlEntry {
                id,
                span,
                variables,
                texts,
            });
        }
        FtlFile {
            path: path.to_path_buf(),
            display: display.to_string(),
            locale,
            root,
            lines: LineIndex::new(shared.clone()),
            text: shared,
            resource,
            errors,
            entries,
        }
    }

    /// The entry with this id (the first, if defined twice).
    pub fn entry(&self, id: &str) -> Option<&FtlEntry> {
        self.entries.iter().find(|e| e.id == id)
    }

    /// File name (`page.ftl`).
    pub fn name(&self) -> &str {
        self.path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    }

    /// `file:line:col` of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(offset)
    }

    /// The first syntax error as a [`RenderError`] naming the file and position.
    pub fn syntax_error(&self) -> Option<RenderError> {
        let e = self.errors.first()?;
        Some(self.error_at(e.pos.start, self.syntax_message(e)))
    }

    /// The message for a parser error: its kind, plus the line of the broken entry when the
    /// parser only noticed the problem on a later line (an unclosed `{` is found at the next entry).
    pub fn syntax_message(&self, e: &ParserError) -> String {
        let mut m = format!("Fluent syntax error: {}", e.kind);
        if let Some(slice) = &e.slice {
            let (entry_line, _) = self.position(slice.start);
            let (line, _) = self.position(e.pos.start);
            if entry_line < line {
                m.push_str(&format!(" (in the entry that starts on line {entry_line})"));
            }
        }
        m
    }

    /// A [`RenderError`] at `offset` of this file.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> RenderError {
        let (line, column) = self.position(offset);
        RenderError::at(&self.display, line, column, message)
    }
}

/// `locales/fr/page.ftl` → (`fr`, `locales`). A file not in a language-tag directory gets the
/// closest language-tag path segment, else `und`.
pub fn locale_and_root(path: &Path) -> (String, PathBuf) {
    let parent = path.parent().unwrap_or(Path::new(""));
    let dir = parent.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if crate::source::locale::is_language_tag(dir) {
        let root = parent.parent().unwrap_or(Path::new("")).to_path_buf();
        return (dir.to_string(), root);
    }
    match crate::source::locale_from_path(path) {
        Some((_, tag)) => (tag, parent.to_path_buf()),
        None => ("und".into(), parent.to_path_buf()),
    }
}

/// Start of every `id =` / `-id =` line, with the entry's extent (to the last non-blank line before
/// the next line that starts in column 0).
fn entry_starts(text: &str) -> Vec<(String, Span)> {
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        lines.push((pos, l));
        pos += l.len();
    }
    let mut out = Vec::new();
    for (i, (start, line)) in lines.iter().enumerate() {
        let Some(id) = entry_id(line) else { continue };
        let mut end = start + line.trim_end().len();
        for (s, l) in lines.iter().skip(i + 1) {
            let first = l.chars().next().unwrap_or('\n');
            if !matches!(first, ' ' | '\t' | '\n' | '\r') {
                break;
            }
            if !l.trim().is_empty() {
                end = s + l.trim_end().len();
            }
        }
        out.push((id, *start..end));
    }
    out
}

fn entry_id(line: &str) -> Option<String> {
    let (term, rest) = match line.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, line),
    };
    let first = rest.chars().next()?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(rest.len());
    let after = rest[len..].trim_start_matches([' ', '\t']);
    if !after.starts_with('=') {
        return None;
    }
    let id = &rest[..len];
    Some(if term {
        format!("-{id}")
    } else {
        id.to_string()
    })
}

fn collect_variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let PatternElement::Placeable { expression } = el {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                collect_variables(&v.value, out);
            }
        }
        Expression::Inline(i) => inline_variables(i, out),
    }
}

fn inline_variables(e: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match e {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// The pattern's text once with every select on its default variant, then once per variant of each
/// select (the others on their defaults).
fn variant_texts(p: &Pattern<&str>) -> Vec<String> {
    let selects = count_selects(p);
    let mut out = vec![flatten(p, &mut 0, None)];
    for s in 0..selects {
        let n = nth_select_variants(p, s);
        for v in 0..n {
            let t = flatten(p, &mut 0, Some((s, v)));
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

fn count_selects(p: &Pattern<&str>) -> usize {
    let mut n = 0;
    for el in &p.elements {
        if let PatternElement::Placeable {
            expression: Expression::Select { variants, .. },
        } = el
        {
            n += 1;
            n += variants
                .iter()
                .map(|v| count_selects(&v.value))
                .sum::<usize>();
        }
    }
    n
}

fn nth_select_variants(p: &Pattern<&str>, target: usize) -> usize {
    fn walk(p: &Pattern<&str>, seen: &mut usize, target: usize) -> Option<usize> {
        for el in &p.elements {
            if let PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } = el
            {
                if *seen == target {
                    return Some(variants.len());
                }
                *seen += 1;
                for v in variants {
                    if let Some(n) = walk(&v.value, seen, target) {
                        return Some(n);
                    }
                }
            }
        }
        None
    }
    walk(p, &mut 0, target).unwrap_or(0)
}

/// Flattens with select number `choice.0` on variant `choice.1`, every other select on its default.
fn flatten(p: &Pattern<&str>, seen: &mut usize, choice: Option<(usize, usize)>) -> String {
    let mut s = String::new();
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => s.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => {
                let me = *seen;
                *seen += 1;
                let pick = match choice {
                    Some((c, v)) if c == me => v,
                    _ => variants.iter().position(|v| v.default).unwrap_or(0),
                };
                // Every variant is walked so nested selects keep their numbering.
                for (i, v) in variants.iter().enumerate() {
                    let text = flatten(&v.value, seen, choice);
                    if i == pick {
                        s.push_str(&text);
                    }
                }
            }
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => s.push_str(&unescape_literal(value)),
            PatternElement::Placeable { .. } => s.push(PLACEABLE),
        }
    }
    s
}

fn unescape_literal(v: &str) -> String {
    fluent_syntax::unicode::unescape_unicode_to_string(v).into_owned()
}

/// A bundle for `locale` over `files` (all of that locale), with isolation marks off.
/// Duplicate ids are an error naming the second definition.
pub fn bundle<'a>(locale: &str, files: &[&'a FtlFile]) -> Result<Bundle<'a>, RenderError> {
    let langid: unic_langid::LanguageIdentifier = locale.parse().unwrap_or_default();
    let mut b = Bundle::new(vec![langid]);
    b.set_use_isolating(false);
    for f in files {
        if let Some(e) = f.syntax_error() {
            return Err(e);
        }
        if let Err(errors) = b.add_resource(&f.resource) {
            for e in errors {
                if let FluentError::Overriding { id, kind } = e {
                    // `EntryKind` is not exported; its Display names the kind.
                    let key = if kind.to_string() == "term" {
                        format!("-{id}")
                    } else {
                        id.clone()
                    };
                    let offset = f
                        .entries
                        .iter()
                        .rev()
                        .find(|x| x.id == key)
                        .map_or(0, |x| x.span.start);
                    return Err(f.error_at(
                        offset,
                        format!("`{key}` is defined more than once in locale `{locale}`"),
                    ));
                }
            }
        }
    }
    Ok(b)
}

/// Formats message `id` with `args`; any resolver error (unknown variable, missing reference) is an
/// error, so a typo in a catalog cannot slip into a page.
pub fn format(bundle: &Bundle<'_>, id: &str, args: &FluentArgs<'_>) -> Result<String, String> {
    let msg = bundle
        .get_message(id)
        .ok_or_else(|| format!("message `{id}` is missing"))?;
    let pattern = msg
        .value()
        .ok_or_else(|| format!("message `{id}` has no value"))?;
    let mut errors = Vec::new();
    let out = bundle.format_pattern(pattern, Some(args), &mut errors);
    if let Some(e) = errors.first() {
        return Err(format!("message `{id}`: {e}"));
    }
    Ok(out.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> FtlFile {
        FtlFile::parse(Path::new(path), path, text.to_string())
    }

    #[test]
    fn entries_have_spans_variables_and_texts() {
        let f = file(
            "locales/fr/page.ftl",
            "# comment\nhello = Bonjour { $name }\n\ncount =\n    { $n ->\n        [one] un [!DNL X]\n       *[other] { $n } [!DNL Y\n    }\n-brand = B\n",
        );
        assert_eq!(f.locale, "fr");
        assert_eq!(f.root, Path::new("locales"));
        assert!(f.errors.is_empty(), "{:?}", f.errors);
        let ids: Vec<_> = f.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["hello", "count", "-brand"]);
        let count = f.entry("count").unwrap();
        assert_eq!(f.position(count.span.start), (4, 1));
        assert!(f.text[count.span.clone()].ends_with('}'));
        assert_eq!(
            count.variables.iter().collect::<Vec<_>>(),
            [&"n".to_string()]
        );
        assert!(count.texts.iter().any(|t| t.contains("[!DNL Y")));
        assert!(count.texts.iter().any(|t| t.contains("un [!DNL X]")));
    }

    #[test]
    fn syntax_errors_are_positioned() {
        let f = file("locales/en/a.ftl", "ok = fine\nbroken = { $x\nnext = n\n");
        let e = f.syntax_error().unwrap();
        assert_eq!(e.file.as_deref(), Some("locales/en/a.ftl"));
        // The parser notices the unclosed placeable where the next entry begins.
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("starts on line 2"), "{e}");
    }

    #[test]
    fn bundle_formats_without_isolation_and_rejects_duplicates() {
        let f = file("locales/en/a.ftl", "hi = Hi [!DNL { $who }]\n");
        let b = bundle("en", &[&f]).unwrap();
        let mut args = FluentArgs::new();
        args.set("who", "HubSpot");
        assert_eq!(format(&b, "hi", &args).unwrap(), "Hi [!DNL HubSpot]");
        assert!(format(&b, "nope", &args).is_err());
        assert!(format(&b, "hi", &FluentArgs::new()).is_err());
        let g = file("locales/en/b.ftl", "x = 1\n\nhi = again\n");
        let e = bundle("en", &[&f, &g]).err().unwrap();
        assert_eq!(e.line, Some(3), "{e}");
    }
}
