//! `lang`: language identification for localization rules, and the product-name glossary.
//!
//! [`identify`] tells whether a stretch of prose is still in the source language (English) on a
//! translated page: whatlang's trigram models *and* function-word counts must agree for Latin-script
//! locales; on CJK pages it finds Latin-script runs made of English words. [`glossary`] collects the
//! `[!DNL]`/`[!UICONTROL]` terms of a whole tree (names that must stay as they are).

pub mod glossary;
pub mod identify;

pub use glossary::Glossary;
pub use identify::{english_runs_in_cjk, is_cjk_locale, is_english_sentence, words};
