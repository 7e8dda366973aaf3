//! Borderlines' benchmark support (issue 7, `make bench`).
//!
//! Natively, for the `bench` binary (`src/bin/bench/`): the synthetic corpus generator
//! ([`generate`]), the fixed query set ([`queries`]) and its brute-force truth ([`brute`]), from
//! which `bench prep` writes what the browser bench loads (the same corpus blob `corpus pack`
//! writes for the site, the articles as JSON for the peer engines, one HTML page per article for Pagefind,
//! the queries with their truth); `bench probe` profiles the search natively. On wasm32 it
//! exposes [`corpus::view::answer`], the explorer's own answer to a view, to the bench page
//! without any DOM (`engine`): the shipped site carries no bench hook. Both sides compare
//! counts in one shape ([`counts`]).

pub mod counts;

#[cfg(not(target_arch = "wasm32"))]
pub mod brute;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
#[cfg(not(target_arch = "wasm32"))]
pub mod queries;

#[cfg(target_arch = "wasm32")]
pub mod engine;
