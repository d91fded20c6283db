//! `AFM*`: Markdown structure and front matter.

pub mod afm001_empty_link;
pub mod afm002_front_matter_error;
