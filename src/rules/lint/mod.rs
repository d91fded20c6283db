//! `LINT*`: problems with locdoc's own inline comments (suppressions).

pub mod lint001_unused_suppression;
