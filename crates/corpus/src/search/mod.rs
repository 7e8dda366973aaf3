//! Full-text search: folding text into search keys ([`fold`]), cutting it into terms
//! ([`tokenize`]), the index built at build time and read at run time ([`index`]), what a query
//! means ([`Query`]) and the rules that confirm it on text (`matcher`), and marking matches in
//! the original text ([`highlight`], [`snippet`]).
//!
//! The same folding and tokenizer serve the index and the query, so what is indexed is exactly
//! what a query can find.

pub mod expand;
pub mod fold;
pub mod han;
pub mod index;
mod matcher;
pub(crate) mod neighbours;
mod query;
mod snippet;
pub mod tokenize;

pub(crate) use matcher::{FieldScan, Pattern};
pub(crate) use query::char_prefix;
pub use query::{Item, Part, Query, QueryLimit, MAX_QUERY_CHARS, MAX_QUERY_ITEMS};
pub use snippet::{highlight, snippet, Snippet};
