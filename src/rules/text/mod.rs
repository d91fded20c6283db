//! `TXT*`: localization hygiene of any page in any locale: encoding damage, entities, invisible
//! characters, text left untranslated, markup broken by machine translation, locale typography and
//! translated product names.

pub mod helpers;
pub mod txt001_mojibake;
pub mod txt002_html_entity;
pub mod txt003_zero_width;
pub mod txt004_untranslated_text;
pub mod txt005_broken_inline_markup;
pub mod txt006_link_spacing;
pub mod txt007_french_spacing;
pub mod txt008_cjk_punctuation;
pub mod txt009_orphaned_particle;
pub mod txt010_translated_product_name;
