//! Searching a stored corpus: each article's text folded for search on first use (or ahead of
//! the reader's queries, a step at a time) and kept, with its neighbour filter, for the index
//! to confirm phrases and runs on.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::search::fold::{fold_append, fold_to};
use crate::search::index::{item_key, join_body, Documents, Field};
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

/// How many bytes of folded text a sharded corpus keeps: past it, an article's text is folded
/// each time a search reads it, so that a long session of phrase searches over a large corpus
/// does not keep a folded copy of every text it fetched (a whole corpus keeps them all: it folds
/// ahead, up to its own limit).
pub const FOLDED_BUDGET_BYTES: usize = 32 << 20;

/// The articles as [`Documents`] for the index, decoding and folding each once (within
/// `budget` bytes kept, counted in `kept`).
pub(super) struct CachedDocs<'a> {
    pub(super) blob: &'a CorpusBlob,
    pub(super) cache: &'a [OnceLock<FoldedDoc>],
    pub(super) kept: &'a AtomicUsize,
    pub(super) budget: usize,
    /// What earlier searches confirmed (a sharded corpus only).
    pub(super) confirmations: Option<&'a Confirmations>,
}

impl Documents for CachedDocs<'_> {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        if let Some(article) = self.blob.article(doc) {
            std::slice::from_ref(article).visit(0, f);
        }
    }

    fn visit_folded(&self, doc: u32, scratch: &mut String, f: &mut dyn FnMut(Field, &str)) {
        self.with_folded(doc, scratch, |folded| {
            f(Field::Title, &folded.title);
            f(Field::Body, &folded.body);
        });
    }

    fn may_hold_neighbours(&self, doc: u32, hashes: &[u64], scratch: &mut String) -> bool {
        self.with_folded(doc, scratch, |folded| {
            hashes.iter().all(|&h| folded.neighbours.may_contain(h))
        })
        .unwrap_or(true)
    }

    fn remembered(&self, doc: u32, item: u64) -> Option<bool> {
        self.confirmations?.get(doc, item)
    }

    fn remember(&self, doc: u32, item: u64, holds: bool) {
        if let Some(confirmations) = self.confirmations {
            confirmations.set(doc, item, holds);
        }
    }
}

/// What searches confirmed on the articles' texts, per query item (a phrase, a long run): a
/// sharded corpus lets texts go once past its budget, and confirms each article once per item.
/// Two bits per article per item, for the [`Confirmations::ITEMS`] latest items.
#[derive(Debug, Default)]
pub(super) struct Confirmations(Mutex<HashMap<u64, ItemConfirmations>>);

#[derive(Debug)]
struct ItemConfirmations {
    holds: Vec<u64>,
    lacks: Vec<u64>,
}

impl Confirmations {
    /// Items remembered at most; past it the memory starts again.
    const ITEMS: usize = 64;

    fn get(&self, doc: u32, item: u64) -> Option<bool> {
        let entries = self.0.lock().ok()?;
        let entry = entries.get(&item)?;
        let (word, bit) = (doc as usize / 64, 1u64 << (doc % 64));
        if entry.holds.get(word).is_some_and(|w| w & bit != 0) {
            Some(true)
        } else if entry.lacks.get(word).is_some_and(|w| w & bit != 0) {
            Some(false)
        } else {
            None
        }
    }

    fn set(&self, doc: u32, item: u64, holds: bool) {
        let Ok(mut entries) = self.0.lock() else {
            return;
        };
        if entries.len() >= Self::ITEMS && !entries.contains_key(&item) {
            entries.clear();
        }
        let entry = entries.entry(item).or_insert_with(|| ItemConfirmations {
            holds: Vec::new(),
            lacks: Vec::new(),
        });
        let bits = if holds {
            &mut entry.holds
        } else {
            &mut entry.lacks
        };
        let word = doc as usize / 64;
        if bits.len() <= word {
            bits.resize(word + 1, 0);
        }
        bits[word] |= 1 << (doc % 64);
    }
}

impl CachedDocs<'_> {
    /// Calls `f` with the article's folded text, folded on first use and kept while the budget
    /// allows; `None` while its chunk has not arrived.
    pub(super) fn with_folded<R>(
        &self,
        doc: u32,
        scratch: &mut String,
        f: impl FnOnce(&FoldedDoc) -> R,
    ) -> Option<R> {
        let cell = self.cache.get(doc as usize)?;
        if let Some(folded) = cell.get() {
            return Some(f(folded));
        }
        let stored_bytes = self.blob.stored(doc)?;
        // Read in place from the stored bytes: neither the article is decoded nor its body
        // joined, and only the folded text is kept.
        let stored = search_text(&stored_bytes).ok();
        let (title, body) = stored.map_or(("", Vec::new()), |t| (t.title, t.body));
        fold_to(title, scratch);
        let title: Box<str> = scratch.as_str().into();
        scratch.clear();
        join_body(body, scratch, fold_append);
        let body: Box<str> = scratch.as_str().into();
        let folded = FoldedDoc {
            neighbours: Neighbours::of(&[&title, &body]),
            title,
            body,
        };
        let size = folded.title.len() + folded.body.len();
        let kept = self.kept.load(Ordering::Relaxed);
        if kept.saturating_add(size) > self.budget {
            return Some(f(&folded));
        }
        self.kept.fetch_add(size, Ordering::Relaxed);
        Some(f(cell.get_or_init(|| folded)))
    }
}

impl CorpusBlob {
    /// Article indices matching `query` with their relevance, in index order; every article
    /// (score 0) when the query is empty.
    pub fn search(&self, query: &Query) -> Vec<(u32, f32)> {
        self.head.index.search(query, &self.cached_docs())
    }

    /// Folds the searchable text of articles `from..` ahead of any query, until about `budget`
    /// bytes of stored text have been read; returns the article to continue from (`len()` once
    /// all are folded). The app runs this in small steps after start, so that no search pays for
    /// folding what it reads for the first time (a phrase whose words most articles hold would
    /// otherwise fold most of the corpus on its first search).
    pub fn fold_ahead(&self, from: u32, budget: usize) -> u32 {
        let docs = self.cached_docs();
        let mut scratch = String::new();
        let mut read = 0;
        let mut next = from;
        while (next as usize) < self.len() && read < budget {
            read += self.stored(next).map_or(0, |bytes| bytes.len());
            docs.with_folded(next, &mut scratch, |_| ());
            next += 1;
        }
        next
    }

    /// The articles as the index reads them, with the folded text kept so far.
    pub(super) fn cached_docs(&self) -> CachedDocs<'_> {
        CachedDocs {
            blob: self,
            cache: self.folded_cache(),
            kept: &self.folded_bytes,
            budget: if self.chunk_count() > 0 {
                FOLDED_BUDGET_BYTES
            } else {
                usize::MAX
            },
            confirmations: (self.chunk_count() > 0).then_some(&self.confirmations),
        }
    }

    /// How many bytes of folded text are kept (at most [`FOLDED_BUDGET_BYTES`] for a sharded
    /// corpus).
    pub fn folded_bytes(&self) -> usize {
        self.folded_bytes.load(Ordering::Relaxed)
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
        // Articles whose every phrase and long run earlier searches settled need no text.
        let missing = self.chunks_to_confirm(query);
        if self.text_bytes_of(&missing) > CONFIRM_TEXT_BYTES_AT_MOST {
            // Too many to read for one search: it is answered from the index alone.
            return Vec::new();
        }
        missing
    }

    /// The text chunks confirming `query`'s phrases and long runs would read: those of the
    /// candidates the postings give that no earlier search settled.
    fn chunks_to_confirm(&self, query: &Query) -> Vec<u32> {
        let keys: Vec<u64> = query
            .items()
            .iter()
            .filter(|item| item.needs_text())
            .map(item_key)
            .collect();
        if keys.is_empty() {
            return Vec::new();
        }
        let docs = self.cached_docs();
        let mut candidates = self.head.index.text_candidates(query);
        candidates.retain(|&doc| {
            let known: Vec<Option<bool>> =
                keys.iter().map(|&key| docs.remembered(doc, key)).collect();
            // Settled: it lacks one of them, or holds them all.
            let settled = known.contains(&Some(false)) || known.iter().all(Option::is_some);
            !settled
        });
        self.chunks_missing_for(candidates)
    }

    /// Whether a sharded corpus answers `query` from its index alone, without confirming its
    /// phrases and long runs on the text: when that would read more than
    /// [`CONFIRM_TEXT_BYTES_AT_MOST`] of stored text (a phrase of common words, a common Thai syllable
    /// run over a large corpus). Its hits then hold every article that has all of an item's
    /// parts (none is missed; some may have them apart), and the explorer says so.
    pub fn answers_unconfirmed(&self, query: &Query) -> bool {
        self.chunk_count() > 0
            && self.shards_missing_for(query).is_empty()
            && self.text_bytes_of(&self.chunks_to_confirm(query)) > CONFIRM_TEXT_BYTES_AT_MOST
    }

    /// How many bytes of stored text these text chunks hold.
    fn text_bytes_of(&self, chunks: &[u32]) -> usize {
        chunks.iter().map(|&c| self.chunk_len(c)).sum()
    }

    /// The text hits of a view's query, as the view filters them: `None` when the query
    /// searches for nothing (every article stays in the view), otherwise [`CorpusBlob::search`].
    pub fn text_hits(&self, query: &Query) -> Option<Vec<(u32, f32)>> {
        self.text_hits_and_unconfirmed(query).0
    }

    /// [`CorpusBlob::text_hits`], and whether they were answered from the index alone
    /// ([`CorpusBlob::answers_unconfirmed`]), found in the same pass.
    pub fn text_hits_and_unconfirmed(&self, query: &Query) -> (Option<Vec<(u32, f32)>>, bool) {
        if query.is_empty() {
            return (None, false);
        }
        if self.answers_unconfirmed(query) {
            let docs = Unconfirmed(self.cached_docs());
            return (Some(self.head.index.search(query, &docs)), true);
        }
        (Some(self.search(query)), false)
    }
}

/// At most this much stored text is read to confirm one search's phrases and long runs (8 MiB,
/// about 3 MB of gzip; a few kB in the crate's tests): past it the search is answered from the
/// index alone. A bound in bytes, not files, holds whatever the size of a text chunk.
pub const CONFIRM_TEXT_BYTES_AT_MOST: usize = if cfg!(test) { 16 << 10 } else { 8 << 20 };

/// The articles as a search reads them when it does not confirm on the text: every candidate
/// no earlier search settled counts as holding every item.
struct Unconfirmed<'a>(CachedDocs<'a>);

impl Documents for Unconfirmed<'_> {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        self.0.visit(doc, f);
    }

    fn remembered(&self, doc: u32, item: u64) -> Option<bool> {
        Some(self.0.remembered(doc, item).unwrap_or(true))
    }
}
