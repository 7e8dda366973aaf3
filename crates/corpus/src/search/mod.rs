//! Full-text search: folding text into search keys ([`fold`]), cutting it into terms
//! ([`tokenize`]), the index built at build time and read at run time ([`index`]), queries and
//! the rules that confirm them on the text, highlights and snippets.
//!
//! The same folding and tokenizer serve the index and the query, so what is indexed is exactly
//! what a query can find.

pub mod fold;
pub mod index;
pub(crate) mod neighbours;
mod query;
pub mod tokenize;

pub use query::{highlight, snippet, Item, Part, Query, Snippet};
pub(crate) use query::{FieldScan, Pattern};
