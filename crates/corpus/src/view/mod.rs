//! The view: what a URL asks for ([`state::ViewState`]) and how a corpus answers it
//! ([`answer`]): the results in display order ([`results`]) after the view's filters
//! ([`facets`]), the facet counts and the timeline ([`timeline`]); what a card shows ([`card`]); what an empty view can drop ([`relax`]).

pub mod across;
mod answer;
pub mod card;
pub mod compare;
pub mod export;
pub mod facets;
pub mod filter;
pub mod kwic;
pub mod relax;
pub mod results;
pub mod state;
pub mod timeline;
pub mod together;

pub use answer::{answer, counts, Answer, Counts};
