//! Searching a stored corpus: each article's text folded for search on first use (or ahead of
//! the reader's queries, a step at a time) and kept, with its neighbour filter, for the index
//! to confirm phrases and runs on.

use std::sync::OnceLock;

use crate::search::fold::{fold_append, fold_to};
use crate::search::index::{join_body, Documents, Field};
use crate::search::neighbours::Neighbours;
use crate::search::Query;
use crate::store::article_text::search_text;
use crate::store::CorpusBlob;

/// Folded title and `"\n"`-joined body of one article, and which of its words are neighbours.
#[derive(Debug)]
pub(super) struct FoldedDoc {
    pub(super) title: Box<str>,
    pub(super) body: Box<str>,
    neighbours: Neighbours,
}

/// The articles as [`Documents`] for the index, decoding and folding each once.
pub(super) struct CachedDocs<'a> {
    pub(super) blob: &'a CorpusBlob,
    pub(super) cache: &'a [OnceLock<FoldedDoc>],
}

impl Documents for CachedDocs<'_> {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        if let Some(article) = self.blob.article(doc) {
            std::slice::from_ref(article).visit(0, f);
        }
    }

    fn visit_folded(&self, doc: u32, scratch: &mut String, f: &mut dyn FnMut(Field, &str)) {
        if let Some(folded) = self.folded(doc, scratch) {
            f(Field::Title, &folded.title);
            f(Field::Body, &folded.body);
        }
    }

    fn may_hold_neighbours(&self, doc: u32, hashes: &[u64], scratch: &mut String) -> bool {
        self.folded(doc, scratch)
            .is_none_or(|folded| hashes.iter().all(|&h| folded.neighbours.may_contain(h)))
    }
}

impl CachedDocs<'_> {
    /// The article's folded text, folded on first use; `None` while its chunk has not arrived.
    pub(super) fn folded(&self, doc: u32, scratch: &mut String) -> Option<&FoldedDoc> {
        let cell = self.cache.get(doc as usize)?;
        if let Some(folded) = cell.get() {
            return Some(folded);
        }
        let stored = self.blob.stored(doc)?;
        Some(cell.get_or_init(|| {
            // Read in place from the stored bytes: neither the article is decoded nor its body
            // joined, and only the folded text is kept.
            let stored = search_text(stored).ok();
            let (title, body) = stored.map_or(("", Vec::new()), |t| (t.title, t.body));
            fold_to(title, scratch);
            let title: Box<str> = scratch.as_str().into();
            scratch.clear();
            join_body(body, scratch, fold_append);
            let body: Box<str> = scratch.as_str().into();
            FoldedDoc {
                neighbours: Neighbours::of(&[&title, &body]),
                title,
                body,
            }
        }))
    }
}

impl CorpusBlob {
    /// Article indices matching `query` with their relevance, in index order; every article
    /// (score 0) when the query is empty.
    pub fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        let docs = CachedDocs {
            blob: self,
            cache: self.folded_cache(),
        };
        self.head.index.search(query, &docs)
    }

    /// Folds the searchable text of articles `from..` ahead of any query, until about `budget`
    /// bytes of stored text have been read; returns the article to continue from (`len()` once
    /// all are folded). The app runs this in small steps after start, so that no search pays for
    /// folding what it reads for the first time (a phrase whose words most articles hold would
    /// otherwise fold most of the corpus on its first search).
    pub fn fold_ahead(&self, from: u32, budget: usize) -> u32 {
        let docs = CachedDocs {
            blob: self,
            cache: self.folded_cache(),
        };
        let mut scratch = String::new();
        let mut read = 0;
        let mut next = from;
        while (next as usize) < self.len() && read < budget {
            read += self.stored(next).map_or(0, <[u8]>::len);
            docs.folded(next, &mut scratch);
            next += 1;
        }
        next
    }

    fn folded_cache(&self) -> &[OnceLock<FoldedDoc>] {
        self.folded
            .get_or_init(|| (0..self.len()).map(|_| OnceLock::new()).collect())
    }

    /// The files still missing to answer `query` exactly: the postings shards of its terms, and
    /// once those are here, the text chunks of the articles whose text would confirm its phrases
    /// and long runs (none for a whole blob).
    pub fn chunks_missing_for_query(&self, query: &Query) -> Vec<u32> {
        if self.chunk_count() == 0 {
            return Vec::new();
        }
        let shards = self.shards_missing_for(query);
        if !shards.is_empty() {
            return shards;
        }
        self.chunks_missing_for(self.head.index.text_candidates(query))
    }

    /// The text hits of a view's query, as the view filters them: `None` when the query
    /// searches for nothing (every article stays in the view), otherwise [`CorpusBlob::search`].
    pub fn text_hits(&self, query: &Query) -> Option<Vec<(u32, f32)>> {
        (!query.is_empty()).then(|| self.search(query))
    }
}
