//! `CURL*`: the shell syntax of curl examples (quotes, continuations, headers, JSON bodies).

pub mod curl001_unterminated_quote;
pub mod curl002_missing_continuation;
pub mod curl003_invalid_json_body;
pub mod curl004_malformed_header;
pub mod curl005_duplicate_header;
pub mod curl006_dangling_continuation;
mod helpers;
