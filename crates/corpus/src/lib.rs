//! Borderlines' corpus: everything about the articles that does not need a browser.
//!
//! At build time (feature `build`, native only) it reads a seeds directory, parses each file,
//! detects language and countries and packs the result into a compact [`CorpusBlob`]. At run time
//! the wasm app decodes that blob and uses the same crate for search, filtering and URL state.

pub mod article;
mod article_text;
pub mod blob;
pub mod catalog;
pub mod date;
pub mod facets;
pub mod fold;
pub mod index;
pub mod languages;
pub mod line_roles;
pub mod neighbours;
pub mod parse;
mod parts;
pub mod results;
pub mod search;
pub mod timeline;
pub mod tokenize;
pub mod view_state;

#[cfg(feature = "build")]
pub mod countries;
#[cfg(feature = "build")]
pub mod generate;
#[cfg(feature = "build")]
pub mod lang;
#[cfg(feature = "build")]
pub mod parallel;
#[cfg(feature = "build")]
pub mod seeds;

pub use article::{Article, CountryMention, Warning};
pub use blob::{BlobEncodeError, BlobError, CorpusBlob};
pub use catalog::Catalog;
pub use date::{Date, DateError};
