//! # locdoc
//!
//! Checks, renders and repairs localized API tutorials written in Adobe Flavored Markdown.
//!
//! The check pipeline, one module per stage:
//!
//! 1. [`source`]: find files, tag each with its locale, pair translations with their source page;
//! 2. [`afm`]: parse each file once into a [`afm::Document`] with exact byte spans;
//! 3. [`extract`]: pull curl [`extract::Request`]s and tables out of the model;
//! 4. [`rules`]: run every registered rule (one file each) over the model;
//! 5. [`report`]: print the sorted [`diag::Finding`]s for people or machines.
//!
//! [`engine`] wires the stages together. [`sync`] repairs translations from their source page
//! (code, link targets, `[!DNL]` terms, anchors, `exl-id`) without touching prose.
//!
//! ```
//! use std::path::Path;
//! let page = locdoc::engine::load_page(Path::new("en/a.md"), "```shell\ncurl -X POST https://h.x -d '{}'\n```\n".into());
//! assert_eq!(page.doc.locale, "en");
//! assert_eq!(page.requests[0].method, "POST");
//! ```

pub mod afm;
pub mod cli;
pub mod diag;
pub mod engine;
pub mod extract;
pub mod feature;
pub mod fix;
pub mod fsutil;
pub mod lang;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod settings;
pub mod source;
pub mod suppress;
pub mod sync;
