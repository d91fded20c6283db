//! `IO*`: files that could not be read as text.

pub mod io001_unreadable_file;
