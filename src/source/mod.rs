//! `source`: which files to check, what locale each is in, and which source page each translation
//! follows.
//!
//! [`walk`] finds files (honouring `.gitignore`, never following symlink loops), [`locale`] tags each
//! one from its path or its text, [`pair`] links translations to their source-language page.

pub mod locale;
pub mod pair;
pub mod walk;

pub use locale::{detect_locale, locale_from_path, primary_language};
pub use pair::{pair_documents, PairInput, PairedBy, Pairing};
pub use walk::{discover, read_source, Discovered, ReadError};
