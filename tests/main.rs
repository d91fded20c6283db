//! One integration-test binary (links once); one module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod cli;
mod real_docs;
mod sync;
