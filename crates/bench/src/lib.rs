//! Borderlines' benchmark support (issue 7, `make bench`).
//!
//! Natively (`bench-prep`), it turns a generated seeds directory into what the browser bench
//! loads: the same corpus blob `build.rs` embeds, the articles as JSON for the peer engines, one
//! HTML page per article for Pagefind, and a fixed query set with brute-force truth. On wasm32 it
//! exposes the corpus crate's search and filtering, exactly as the app calls them, to the bench
//! page without any DOM: the shipped site carries no bench hook.

pub mod counts;

#[cfg(not(target_arch = "wasm32"))]
pub mod brute;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
#[cfg(not(target_arch = "wasm32"))]
pub mod prepared;
#[cfg(not(target_arch = "wasm32"))]
pub mod queries;

#[cfg(target_arch = "wasm32")]
pub mod engine;
