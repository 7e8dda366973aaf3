//! What an article is about, detected from its text at build time: its language ([`lang`]) and
//! the countries it names ([`countries`], with the reviewed alias table, `country_aliases.rs`).

pub(crate) mod bodies;
pub mod countries;
pub(crate) mod cues;
pub mod entities;
pub mod lang;
pub(crate) mod names;
