//! Runnable examples of this workspace; see `books-api.rs` (`cargo run --example books-api`).
