//! How a corpus answers a view: the one entry point that turns a [`ViewState`] into what the
//! reader sees. The explorer, the bench's engine and the bench's counts all call it, so "the
//! same calls the explorer makes" holds by construction.
//!
//! Answering is two steps, because the explorer paints the cards of a keystroke before it
//! counts the sidebar: [`answer`] runs the text query and the filters and puts the results in
//! display order; [`Answer::counts`] then counts the facets and the timeline from the same
//! hits. [`counts`] does only the second step for a view that has no [`Answer`] at hand.

use std::ops::Range;
use std::rc::Rc;

use crate::search::Query;
use crate::store::CorpusBlob;
use crate::view::across::{AlsoSearched, TextSearch};
use crate::view::facets::{self, Facets};
use crate::view::filter::{self, TextMatches};
use crate::view::results::Results;
use crate::view::state::ViewState;
use crate::view::timeline::{self, Timeline};

/// A view's results: what the result list and its count need.
#[derive(Debug, PartialEq)]
pub struct Answer {
    /// The parsed text query (empty without one), with the names in other languages that found
    /// something: cards mark its matches, and share it.
    pub query: Rc<Query>,
    /// The names in other languages the search also looked for (empty with `xlang=off` or when
    /// the query's words name nothing the corpus's table knows).
    pub also: Vec<AlsoSearched>,
    /// The text search's hits, article index and score in index order; `None` without a query
    /// (every article matches the text).
    pub hits: Option<Vec<(u32, f32)>>,
    /// Every article the view matches, put in display order page by page, one per story:
    /// near-duplicate versions of a result are folded into it (see `versions`).
    pub results: Results,
    /// For a result that stands for several versions of one story, the other versions the view
    /// also matches: `(result, versions)`, sorted by result, versions ascending.
    pub versions: Vec<(u32, Vec<u32>)>,
    /// The view's `article` parameter names no article of the corpus.
    pub unknown_article: bool,
    /// The view's `article` names an article that its search or filters leave out (a link
    /// shared with other parameters): the explorer says so and offers it alone.
    pub hidden_article: bool,
    /// A chunked corpus's text chunks that confirming the query's phrases and long runs needs
    /// and that have not arrived: until they are added ([`CorpusBlob::add_chunk`]) the articles
    /// in them count as not matching, and this answer is provisional. Empty for a whole blob.
    pub texts_missing: Vec<u32>,
    /// Some of `texts_missing` are postings shards: the search has not read its terms' lists
    /// yet, so its results are not even provisional (the explorer keeps the last complete
    /// answer on screen meanwhile).
    pub searching: bool,
    /// A sharded corpus answered a phrase or long run from its index alone, too common to
    /// confirm on the text: every article holding it is in the results, and some holding only
    /// its parts apart may be too (the explorer says so).
    pub unconfirmed: bool,
}

/// What the view shows beside its cards: chip counts and the timeline.
#[derive(Debug, PartialEq)]
pub struct Counts {
    pub facets: Facets,
    pub timeline: Timeline,
}

/// The results of `state` over `corpus`: the text query, then the filters, in display order.
pub fn answer(corpus: &CorpusBlob, state: &ViewState) -> Answer {
    let mut search = TextSearch::of(corpus, state);
    let texts_missing = search.chunks_missing(corpus);
    let searching = texts_missing.iter().any(|&c| corpus.is_postings_shard(c));
    let hits = search.hits(corpus);
    let unconfirmed = !searching && search.unconfirmed;
    let catalog = corpus.catalog();
    let opened = state.article.as_ref().map(|id| catalog.position(id));
    let unknown_article = matches!(opened, Some(None));
    let (results, versions) = folded_results(corpus, state, hits.as_deref());
    let hidden_article = opened.flatten().is_some_and(|index| {
        let folded = versions.iter().any(|(_, others)| others.contains(&index));
        results.position(index).is_none() && !folded
    });
    Answer {
        query: Rc::new(search.marking()),
        also: search.also,
        hits,
        results,
        versions,
        unknown_article,
        hidden_article,
        texts_missing,
        searching,
        unconfirmed,
    }
}

/// The results of `state` given its text hits (`None`: every article matches the text), in
/// display order with near-duplicate versions folded, and those versions.
pub(crate) fn folded_results(
    corpus: &CorpusBlob,
    state: &ViewState,
    hits: Option<&[(u32, f32)]>,
) -> (Results, Vec<(u32, Vec<u32>)>) {
    let catalog = corpus.catalog();
    let mut results = filter::filter(catalog, state, text_matches(hits));
    let opened = state.article.as_ref().and_then(|id| catalog.position(id));
    let versions = results.collapse_versions(catalog, opened);
    (results, versions)
}

impl Answer {
    /// The other versions of result `index`'s story that the view matches (often none).
    pub fn other_versions(&self, index: u32) -> &[u32] {
        self.versions
            .binary_search_by_key(&index, |&(kept, _)| kept)
            .ok()
            .and_then(|i| self.versions.get(i))
            .map_or(&[], |(_, versions)| versions.as_slice())
    }

    /// The text chunks a chunked corpus still lacks to show the cards at positions `shown` of
    /// this answer (with the other versions they fold) and to confirm its query
    /// ([`Answer::texts_missing`]), ascending. Empty for a whole blob.
    pub fn texts_needed(&self, corpus: &CorpusBlob, shown: Range<usize>) -> Vec<u32> {
        if corpus.chunk_count() == 0 {
            return Vec::new();
        }
        let page = self.results.range(shown);
        let versions = page
            .iter()
            .flat_map(|&i| self.other_versions(i).iter().copied());
        let mut needed = corpus.chunks_missing_for(page.iter().copied().chain(versions));
        needed.extend_from_slice(&self.texts_missing);
        needed.sort_unstable();
        needed.dedup();
        needed
    }

    /// The facet counts and the timeline of `state`, whose answer this is, from the same hits.
    pub fn counts(&self, corpus: &CorpusBlob, state: &ViewState) -> Counts {
        counts_of(corpus, state, text_matches(self.hits.as_deref()))
    }
}

/// The facet counts and the timeline of `state`, searching its text afresh.
pub fn counts(corpus: &CorpusBlob, state: &ViewState) -> Counts {
    let hits = TextSearch::of(corpus, state).hits(corpus);
    counts_of(corpus, state, text_matches(hits.as_deref()))
}

fn counts_of(corpus: &CorpusBlob, state: &ViewState, text: TextMatches<'_>) -> Counts {
    let catalog = corpus.catalog();
    Counts {
        facets: facets::facets(catalog, state, text),
        timeline: timeline::timeline(catalog, state, text),
    }
}

fn text_matches(hits: Option<&[(u32, f32)]>) -> TextMatches<'_> {
    hits.map_or(TextMatches::All, TextMatches::Hits)
}
