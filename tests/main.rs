//! One integration-test binary (links once); one module per area.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod bad_input;
mod cli;
mod config;
mod engine;
mod fix;
mod formats;
mod hygiene;
mod parity;
mod properties;
mod real_docs;
mod render;
mod schema;
mod sync;
