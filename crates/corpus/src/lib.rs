//! Borderlines' run-time library: what ships in the wasm app, with no web dependency and no
//! build-time data.
//!
//! - [`store`]: the corpus blob that `corpus pack` writes and the app loads (its writer, used at build time, and its
//!   reader), the per-article facts table ([`Catalog`]) and each article's text;
//! - [`search`]: folding, tokenizing, the full-text index and query matching, highlights and
//!   snippets;
//! - [`view`]: the URL view ([`view::ViewState`]) and how a corpus answers it
//!   ([`view::answer`]): results in display order, facet counts, the timeline.
//!
//! Reading seed files and detecting language and countries happen at build time, in the
//! `ingest` crate, which produces the [`Article`]s this crate stores.

pub mod article;
pub mod date;
pub mod i18n;
pub mod languages;
pub mod search;
pub mod store;
pub mod view;

pub use article::{Article, CountryMention, Warning};
pub use date::{Date, DateError};
pub use store::catalog::Catalog;
pub use store::{BlobEncodeError, BlobError, CorpusBlob};
