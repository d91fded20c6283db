//! `PAR*`: a translated page against its source page (pairing from `source::pair`).
//!
//! Pages are first aligned ([`align`]): sections, blocks, then lines, table rows and code lines.
//! Structural drift (the translation follows another revision) is reported once by `PAR001`; the
//! other rules compare only aligned units, so a stale page gives one finding, not dozens.

pub mod align;
pub mod corpus;
pub mod git;

pub use corpus::CorpusInfo;
