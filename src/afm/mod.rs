//! `afm`: Adobe Flavored Markdown parsed into a [`Document`] with exact byte spans.
//!
//! Pipeline position: `source` hands us text; we produce the model every later stage reads
//! (`extract`, `rules`, `render`, `sync`). Nothing downstream re-parses Markdown.
//! pulldown-cmark does the CommonMark/GFM work (one place sets its options: [`parse::options`]);
//! the Adobe extensions (`[!DNL]`, `[!UICONTROL]`, alerts, `{#id}` anchors) are layered on top here.

mod front_matter;
mod lines;
mod model;
mod parse;
pub mod terms;

pub use front_matter::{simple_reading_agrees, FrontMatter, FrontMatterError, FrontMatterField};
pub use lines::LineIndex;
pub use model::*;
pub use parse::{options, parse};
pub use terms::strip_terms;
