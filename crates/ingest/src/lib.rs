//! Borderlines' build-time reader: a seeds directory → checked, analysed [`corpus::Article`]s,
//! and every problem as a `file:line: reason` ([`seeds::SeedError`]). Never part of the wasm.
//!
//! - [`seeds`]: walking and reading a directory safely (no links to directories followed, only
//!   regular files, a size limit), every file an article or an error, on every core
//!   ([`parallel`]);
//! - [`parse`]: one file's bytes → header, paragraphs, captions and source line (the seed
//!   format's rules for curators are in its header);
//! - [`chars`]: character classes (control, invisible) and the escaping of terminal output;
//! - [`detect`]: language and country detection;
//! - [`near_dupes`]: near-duplicate articles (syndicated copies), by MinHash and an exact check.
//!
//! The curators' CLI (`corpus pack`, which the site's build runs, and `corpus check`) and the
//! bench call [`seeds::load_seeds`], then encode the result with
//! [`seeds::SeedsReport::to_checked_bytes`] or [`seeds::SeedsReport::to_blob`].

pub mod chars;
pub mod detect;
pub mod expansions;
pub mod first_page;
pub mod near_dupes;
pub mod parallel;
pub mod parse;
pub mod seeds;

pub use seeds::{load_seeds, load_seeds_with, Limits, SeedError, SeedWarning, SeedsReport};
