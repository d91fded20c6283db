//! The locale switcher of HTML pages: links from a page to the same page in the other locales
//! (`../<locale>/<page>.html`), labelled with each language's name in itself.

use std::path::Path;

/// One entry of the locale switcher.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocaleLink {
    /// Locale tag.
    pub locale: String,
    /// Name of the language in itself.
    pub label: String,
    /// Relative link (`../fr/hubspot.html`).
    pub href: String,
    /// Whether this is the page shown.
    pub current: bool,
}

/// Switcher entries for page `stem` over `locales`.
pub fn switcher_links(
    locales: &[String],
    current: &str,
    stem: &str,
    label: impl Fn(&str) -> String,
) -> Vec<LocaleLink> {
    locales
        .iter()
        .map(|l| LocaleLink {
            locale: l.clone(),
            label: label(l),
            href: format!("../{l}/{stem}.html"),
            current: l == current,
        })
        .collect()
}

/// Switcher entries for `file` (`docs/fr/hubspot.md`): every sibling locale directory holding a
/// page with the same stem, source locale first.
pub fn sibling_links(file: &Path, source_locale: &str) -> (String, Vec<LocaleLink>) {
    let stem = file
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("")
        .to_string();
    let parent = file.parent().unwrap_or(Path::new(""));
    let current = parent
        .file_name()
        .and_then(|n| n.to_str())
        .filter(|d| crate::source::locale::is_language_tag(d))
        .map(str::to_string);
    let Some(current) = current else {
        return (String::new(), Vec::new());
    };
    let root = parent.parent().unwrap_or(Path::new(""));
    let root = if root.as_os_str().is_empty() {
        Path::new(".")
    } else {
        root
    };
    let mut locales: Vec<String> = std::fs::read_dir(root)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter(|n| crate::source::locale::is_language_tag(n))
                .filter(|n| root.join(n).join(format!("{stem}.md")).is_file())
                .collect()
        })
        .unwrap_or_default();
    locales.sort_by_key(|l| (l != source_locale, l.clone()));
    let links = switcher_links(&locales, &current, &stem, |l| autonym(l).to_string());
    (current, links)
}

/// A language's name in itself, for the switcher of `locdoc html` (render uses `locale-name`).
pub fn autonym(tag: &str) -> &str {
    match tag {
        "en" => "English",
        "fr" => "Français",
        "ko" => "한국어",
        "zh-Hans" => "简体中文",
        "de" => "Deutsch",
        "es" => "Español",
        "ja" => "日本語",
        other => other,
    }
}
