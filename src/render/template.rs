//! Page templates: Markdown files with slots, parsed once and expanded per page.
//!
//! Syntax (the whole of it):
//! - `{{message-id}}`: a Fluent message of the page's locale;
//! - `{{$name}}`: a data value (`$connector`, `$specId`, `$exlId`, …);
//! - `{{kind:name}}`: generated Markdown (`table:credentials`, `code:curl`, `code:response`, …);
//! - `|filter` after any slot: `plain` drops `[!DNL]`/`[!UICONTROL]` markup, `yaml` quotes a YAML
//!   scalar when needed;
//! - `{{#each list}}` … `{{/each}}` repeats its body per item (`auth`: one per auth spec); a line
//!   holding only such a tag is removed with its line break.
//!
//! What a slot means is up to the caller ([`Slots`]); this module only knows the syntax and positions.

use super::RenderError;

/// A slot occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// `message-id`, `$name` or `kind:name`.
    pub name: String,
    /// Filters in order.
    pub filters: Vec<String>,
    /// 1-based line and column of `{{`.
    pub line: usize,
    /// Column.
    pub column: usize,
}

/// A template node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Literal text.
    Text(String),
    /// A slot.
    Slot(Slot),
    /// A repeated section.
    Each {
        /// The list name.
        list: Slot,
        /// The body.
        body: Vec<Node>,
    },
}

/// A parsed template.
#[derive(Debug, Clone)]
pub struct Template {
    /// File shown in errors.
    pub file: String,
    /// Top-level nodes.
    pub nodes: Vec<Node>,
}

/// What the caller supplies while a template is expanded.
pub trait Slots {
    /// The text of a slot (filters are applied by the template).
    fn value(&mut self, slot: &Slot) -> Result<String, String>;
    /// How many items `list` has.
    fn items(&mut self, list: &Slot) -> Result<usize, String>;
    /// Enters item `index` of `list` (`None`: leaves the list).
    fn enter(&mut self, list: &str, index: Option<usize>);
}

impl Template {
    /// Parses template text.
    pub fn parse(file: &str, text: &str) -> Result<Template, RenderError> {
        let mut stack: Vec<(Slot, Vec<Node>)> = Vec::new();
        let mut nodes: Vec<Node> = Vec::new();
        let mut rest = text;
        let mut offset = 0usize;
        let pos = |o: usize| -> (usize, usize) {
            let before = &text[..o];
            let line = before.matches('\n').count() + 1;
            let col = before
                .rfind('\n')
                .map_or(before.chars().count(), |i| before[i + 1..].chars().count())
                + 1;
            (line, col)
        };
        while let Some(open) = rest.find("{{") {
            let Some(close_rel) = rest[open..].find("}}") else {
                let (l, c) = pos(offset + open);
                return Err(RenderError::at(file, l, c, "`{{` is never closed by `}}`"));
            };
            let inner = rest[open + 2..open + close_rel].trim();
            let (line, column) = pos(offset + open);
            let mut before = &rest[..open];
            let mut after_len = open + close_rel + 2;
            let is_block = inner.starts_with('#') || inner.starts_with('/');
            if is_block {
                // A line holding only the tag disappears with its line break.
                let nl = before.rfind('\n');
                let line_start = nl.map_or(0, |i| i + 1);
                let starts_line = nl.is_some() || offset == 0 || text[..offset].ends_with('\n');
                let tail = &rest[after_len..];
                let eol = tail.find('\n');
                let rest_of_line = &tail[..eol.unwrap_or(tail.len())];
                if starts_line
                    && before[line_start..].trim().is_empty()
                    && rest_of_line.trim().is_empty()
                {
                    before = &before[..line_start];
                    after_len += eol.map_or(tail.len(), |i| i + 1);
                }
            }
            let target = match stack.last_mut() {
                Some((_, body)) => body,
                None => &mut nodes,
            };
            if !before.is_empty() {
                push_text(target, before);
            }
            if let Some(list) = inner.strip_prefix("#each") {
                let slot = slot(list.trim(), line, column).map_err(|m| {
                    RenderError::at(file, line, column, format!("bad `{{{{#each}}}}`: {m}"))
                })?;
                stack.push((slot, Vec::new()));
            } else if inner == "/each" {
                let Some((list, body)) = stack.pop() else {
                    return Err(RenderError::at(
                        file,
                        line,
                        column,
                        "`{{/each}}` without `{{#each}}`",
                    ));
                };
                let target = match stack.last_mut() {
                    Some((_, b)) => b,
                    None => &mut nodes,
                };
                target.push(Node::Each { list, body });
            } else if is_block {
                return Err(RenderError::at(
                    file,
                    line,
                    column,
                    format!("unknown block tag `{inner}` (only `#each` and `/each`)"),
                ));
            } else {
                let s = slot(inner, line, column)
                    .map_err(|m| RenderError::at(file, line, column, m))?;
                target.push(Node::Slot(s));
            }
            offset += after_len;
            rest = &rest[after_len..];
        }
        if let Some((list, _)) = stack.last() {
            return Err(RenderError::at(
                file,
                list.line,
                list.column,
                "`{{#each}}` is never closed by `{{/each}}`",
            ));
        }
        if !rest.is_empty() {
            push_text(&mut nodes, rest);
        }
        Ok(Template {
            file: file.to_string(),
            nodes,
        })
    }

    /// Expands the template.
    pub fn expand(&self, slots: &mut dyn Slots) -> Result<String, RenderError> {
        let mut out = String::new();
        self.expand_nodes(&self.nodes, slots, &mut out)?;
        Ok(out)
    }

    fn expand_nodes(
        &self,
        nodes: &[Node],
        slots: &mut dyn Slots,
        out: &mut String,
    ) -> Result<(), RenderError> {
        for n in nodes {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Slot(s) => {
                    let v = slots.value(s).map_err(|m| self.error(s, m))?;
                    out.push_str(&apply_filters(&v, &s.filters).map_err(|m| self.error(s, m))?);
                }
                Node::Each { list, body } => {
                    let n = slots.items(list).map_err(|m| self.error(list, m))?;
                    for i in 0..n {
                        slots.enter(&list.name, Some(i));
                        let r = self.expand_nodes(body, slots, out);
                        slots.enter(&list.name, None);
                        r?;
                    }
                }
            }
        }
        Ok(())
    }

    fn error(&self, s: &Slot, m: String) -> RenderError {
        RenderError::at(&self.file, s.line, s.column, m)
    }
}

fn push_text(nodes: &mut Vec<Node>, t: &str) {
    if let Some(Node::Text(prev)) = nodes.last_mut() {
        prev.push_str(t);
    } else {
        nodes.push(Node::Text(t.to_string()));
    }
}

fn slot(inner: &str, line: usize, column: usize) -> Result<Slot, String> {
    let mut parts = inner.split('|').map(str::trim);
    let name = parts.next().unwrap_or("").to_string();
    let filters: Vec<String> = parts.map(str::to_string).collect();
    let body = name
        .strip_prefix('$')
        .or_else(|| name.split_once(':').map(|(k, _)| k))
        .unwrap_or(&name);
    let ok = !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '$' | ':'));
    if !ok {
        return Err(format!("`{inner}` is not a slot name"));
    }
    for f in &filters {
        if !matches!(f.as_str(), "plain" | "yaml") {
            return Err(format!("unknown filter `{f}` (known: plain, yaml)"));
        }
    }
    Ok(Slot {
        name,
        filters,
        line,
        column,
    })
}

fn apply_filters(v: &str, filters: &[String]) -> Result<String, String> {
    let mut s = v.to_string();
    for f in filters {
        s = match f.as_str() {
            "plain" => crate::afm::strip_terms(&s),
            "yaml" => yaml_scalar(&s),
            other => return Err(format!("unknown filter `{other}`")),
        };
    }
    Ok(s)
}

/// `s` as a YAML scalar on one line: as is when plain YAML reads it back unchanged, else
/// double-quoted.
pub fn yaml_scalar(s: &str) -> String {
    let needs = s.is_empty()
        || s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.contains('\n')
        || s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@`".contains(c) || c.is_whitespace())
        || s.ends_with(char::is_whitespace)
        || matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~"
        )
        || s.parse::<f64>().is_ok();
    if !needs {
        return s.to_string();
    }
    let mut q = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake {
        item: Option<usize>,
    }

    impl Slots for Fake {
        fn value(&mut self, slot: &Slot) -> Result<String, String> {
            match slot.name.as_str() {
                "$i" => Ok(self.item.map_or("-".into(), |i| i.to_string())),
                "greet" => Ok("Hi [!DNL X]: yes".into()),
                other => Err(format!("no slot `{other}`")),
            }
        }
        fn items(&mut self, _: &Slot) -> Result<usize, String> {
            Ok(2)
        }
        fn enter(&mut self, _: &str, index: Option<usize>) {
            self.item = index;
        }
    }

    #[test]
    fn expands_slots_filters_and_each() {
        let t = Template::parse(
            "t.md",
            "title: {{greet|plain|yaml}}\n# {{greet}}\n{{#each auth}}\n- {{$i}}\n{{/each}}\nend {{$i}}\n",
        )
        .unwrap();
        let out = t.expand(&mut Fake { item: None }).unwrap();
        assert_eq!(
            out,
            "title: \"Hi X: yes\"\n# Hi [!DNL X]: yes\n- 0\n- 1\nend -\n"
        );
    }

    #[test]
    fn errors_name_file_line_and_column() {
        let e = Template::parse("t.md", "a\n  {{ bad name }}\n").unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(3)), "{e}");
        let e = Template::parse("t.md", "{{#each auth}}\nx\n").unwrap_err();
        assert!(e.to_string().starts_with("t.md:1:1:"), "{e}");
        let e = Template::parse("t.md", "x {{ open\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let t = Template::parse("t.md", "x\n{{missing}}\n").unwrap();
        let e = t.expand(&mut Fake { item: None }).unwrap_err();
        assert_eq!(e.to_string(), "t.md:2:1: no slot `missing`");
    }
}
