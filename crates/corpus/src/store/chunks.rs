//! Where the articles' stored texts live: after the head in one blob, or, in the hosted edition
//! past a size, in *chunks* of whole consecutive articles, each a file of its own that the app
//! fetches when a card or a phrase needs one of its articles ([`CorpusBlob::add_chunk`]). The
//! same edition ships the index's posting lists in shards (`search/index/shards.rs`): the files
//! after the core are numbered text chunks first, then postings shards, and one call adds
//! either.
//!
//! Articles are stored newest first, so a chunk holds articles of neighbouring dates, and the
//! default view's first page lies in the first chunk or two. The head of a chunked blob (the
//! *core*) is everything but the texts and the postings: the catalog, the search index's
//! dictionary and each text's length, so filters, counts and the timeline work before any file
//! has arrived, and a query as soon as its terms' shards have.

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::store::parts::span;
use crate::store::{BlobError, CorpusBlob};

/// The stored texts of every article.
#[derive(Debug)]
pub(super) enum Texts {
    /// All of them, one after another, after the head.
    Whole(std::borrow::Cow<'static, [u8]>),
    /// One slot per chunk (`Head::chunk_ends`), filled as the chunks arrive and emptied again
    /// past a budget ([`CorpusBlob::trim_texts`]).
    Chunked(ChunkSlots),
}

/// The text chunks that have arrived, in the order they did, and how many bytes they hold.
#[derive(Debug)]
pub(super) struct ChunkSlots {
    slots: Vec<Mutex<Option<Arc<[u8]>>>>,
    arrived: Mutex<VecDeque<u32>>,
    held: AtomicUsize,
    /// How many slots are filled (a count kept, not a walk over one slot per article).
    here: AtomicUsize,
}

impl ChunkSlots {
    pub(super) fn new(chunks: usize) -> ChunkSlots {
        ChunkSlots {
            slots: (0..chunks).map(|_| Mutex::new(None)).collect(),
            arrived: Mutex::new(VecDeque::new()),
            held: AtomicUsize::new(0),
            here: AtomicUsize::new(0),
        }
    }

    fn len(&self) -> usize {
        self.slots.len()
    }

    fn get(&self, chunk: usize) -> Option<Arc<[u8]>> {
        self.slots.get(chunk)?.lock().ok()?.clone()
    }

    fn here(&self) -> usize {
        self.here.load(Ordering::Relaxed)
    }
}

/// An article's stored bytes: in place in a whole blob, or a range of a chunk that arrived.
pub(super) enum Stored<'a> {
    In(&'a [u8]),
    Chunk(Arc<[u8]>, Range<usize>),
}

impl std::ops::Deref for Stored<'_> {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Stored::In(bytes) => bytes,
            Stored::Chunk(chunk, range) => chunk.get(range.clone()).unwrap_or_default(),
        }
    }
}

/// How many bytes of text chunks a sharded corpus keeps once a view is answered: past it the
/// chunks that arrived first, and that the cards on screen do not read, go (what searches
/// confirmed on them is remembered, and a card's decoded article stays).
pub const TEXT_BUDGET_BYTES: usize = 48 << 20;

/// Where each chunk of about `target` bytes of stored text ends (an article index, exclusive),
/// given where each article's text ends; every chunk holds at least one article.
pub(super) fn chunk_ends_for(text_ends: &[u32], target: usize) -> Vec<u32> {
    let mut ends = Vec::new();
    let mut chunk_start = 0usize;
    for (i, &end) in text_ends.iter().enumerate() {
        if end as usize - chunk_start >= target.max(1) {
            ends.push(i as u32 + 1);
            chunk_start = end as usize;
        }
    }
    if ends.last().map_or(0, |&e| e as usize) < text_ends.len() {
        ends.push(text_ends.len() as u32);
    }
    ends
}

/// Where chunk `chunk` (of those ending at `chunk_ends`) lies in the texts laid end to end, whose
/// articles end at `text_ends`.
pub(super) fn chunk_span(chunk_ends: &[u32], text_ends: &[u32], chunk: usize) -> Range<usize> {
    let articles = span(chunk_ends, chunk);
    let start = span(text_ends, articles.start).start;
    let end = articles
        .end
        .checked_sub(1)
        .map_or(start, |last| span(text_ends, last).end);
    start..end.max(start)
}

/// The chunk boundaries of a head agree with its articles: strictly increasing, the last one the
/// article count (or none at all).
pub(super) fn check_chunk_ends(chunk_ends: &[u32], articles: usize) -> Result<(), BlobError> {
    let increasing = chunk_ends.windows(2).all(|w| w[0] < w[1]);
    let first_ok = chunk_ends.first().is_none_or(|&e| e > 0);
    let last_ok = chunk_ends.last().is_none_or(|&e| e as usize == articles);
    if increasing && first_ok && last_ok {
        Ok(())
    } else {
        Err(BlobError::Inconsistent("text chunks"))
    }
}

impl CorpusBlob {
    /// How many files follow the core: the text chunks, then the postings shards (0 for a whole
    /// blob).
    pub fn chunk_count(&self) -> usize {
        self.text_chunk_count() + self.head.index.shard_count()
    }

    /// How many chunks the texts are in: 0 when they came with the head. Files `0..` this are
    /// text chunks, the postings shards follow.
    pub fn text_chunk_count(&self) -> usize {
        match &self.texts {
            Texts::Whole(_) => 0,
            Texts::Chunked(slots) => slots.len(),
        }
    }

    /// The order the build lays the text chunks in on the host (`store/packs.rs`): by the
    /// language of each chunk's first article, then in corpus order. Empty for a whole blob.
    pub fn text_chunk_layout(&self) -> Vec<u32> {
        let catalog = self.catalog();
        let mut layout: Vec<(&str, u32)> = (0..self.text_chunk_count())
            .filter_map(|chunk| {
                let first = span(&self.head.chunk_ends, chunk).start;
                Some((catalog.lang(first), u32::try_from(chunk).ok()?))
            })
            .collect();
        layout.sort_unstable();
        layout.into_iter().map(|(_, chunk)| chunk).collect()
    }

    /// The chunk that holds article `index`'s text (`None` when the texts are whole, or past the
    /// end).
    pub fn chunk_of(&self, index: u32) -> Option<u32> {
        if matches!(self.texts, Texts::Whole(_)) || index as usize >= self.len() {
            return None;
        }
        let ends = &self.head.chunk_ends;
        u32::try_from(ends.partition_point(|&end| end <= index)).ok()
    }

    /// Where text chunk `chunk`'s bytes lie in the texts laid end to end.
    fn chunk_span(&self, chunk: u32) -> Range<usize> {
        chunk_span(&self.head.chunk_ends, &self.text_ends, chunk as usize)
    }

    /// The postings shard that file `chunk` is, if it is one.
    fn shard_of_chunk(&self, chunk: u32) -> Option<usize> {
        (chunk as usize).checked_sub(self.text_chunk_count())
    }

    /// The number among the postings shards of file `chunk`, when it is one (it is then
    /// `corpus-<hash>-i<shard>.bin`; a text chunk is `corpus-<hash>-<chunk>.bin`).
    pub fn postings_shard_of(&self, chunk: u32) -> Option<u32> {
        self.shard_of_chunk(chunk)
            .filter(|&shard| shard < self.head.index.shard_count())
            .and_then(|shard| u32::try_from(shard).ok())
    }

    /// Whether file `chunk` is a postings shard (not a text chunk).
    pub fn is_postings_shard(&self, chunk: u32) -> bool {
        self.postings_shard_of(chunk).is_some()
    }

    /// How many bytes file `chunk` holds (what [`CorpusBlob::add_chunk`] expects).
    pub fn chunk_len(&self, chunk: u32) -> usize {
        match self.shard_of_chunk(chunk) {
            Some(shard) => self.head.index.shard_len(shard),
            None => self.chunk_span(chunk).len(),
        }
    }

    /// How many files have arrived (0 for a whole blob): what a view computed from the texts and
    /// the postings depends on.
    pub fn chunks_here(&self) -> usize {
        let texts = match &self.texts {
            Texts::Whole(_) => 0,
            Texts::Chunked(slots) => slots.here(),
        };
        texts + self.head.index.shards_here()
    }

    /// Whether article `index`'s text is here (always, for a whole blob), or its card's article
    /// was decoded from it before it went.
    pub fn has_text(&self, index: u32) -> bool {
        match &self.texts {
            Texts::Whole(_) => (index as usize) < self.len(),
            Texts::Chunked(slots) => {
                self.is_decoded(index)
                    || self
                        .chunk_of(index)
                        .and_then(|c| slots.slots.get(c as usize))
                        .is_some_and(|slot| slot.lock().is_ok_and(|s| s.is_some()))
            }
        }
    }

    /// How many bytes of text chunks are held (0 for a whole blob).
    pub fn text_bytes_held(&self) -> usize {
        match &self.texts {
            Texts::Whole(_) => 0,
            Texts::Chunked(slots) => slots.held.load(Ordering::Relaxed),
        }
    }

    /// Lets text chunks go, first arrived first, until at most `budget` bytes are held, keeping
    /// those in `keep` (the chunks the cards on screen read). Call it once a view is answered:
    /// what its searches confirmed on the texts is remembered, so they are not asked for again.
    pub fn trim_texts(&self, keep: &[u32], budget: usize) {
        let Texts::Chunked(slots) = &self.texts else {
            return;
        };
        let Ok(mut arrived) = slots.arrived.lock() else {
            return;
        };
        let mut kept = VecDeque::new();
        while slots.held.load(Ordering::Relaxed) > budget {
            let Some(chunk) = arrived.pop_front() else {
                break;
            };
            if keep.contains(&chunk) {
                kept.push_back(chunk);
                continue;
            }
            let freed = slots
                .slots
                .get(chunk as usize)
                .and_then(|slot| slot.lock().ok()?.take());
            if let Some(bytes) = freed {
                slots.held.fetch_sub(bytes.len(), Ordering::Relaxed);
                slots.here.fetch_sub(1, Ordering::Relaxed);
            }
        }
        kept.extend(arrived.drain(..));
        *arrived = kept;
    }

    /// Adds file `chunk`'s bytes, as the build wrote them: a text chunk or a postings shard. One
    /// already here is kept; bytes of the wrong length (another version of the corpus, a damaged
    /// file) are an error, and so is a shard whose lists disagree with the dictionary. Each
    /// article of a text chunk is checked when first read, as in a whole blob.
    pub fn add_chunk(&self, chunk: u32, bytes: Vec<u8>) -> Result<(), BlobError> {
        let Texts::Chunked(slots) = &self.texts else {
            return Err(BlobError::Inconsistent("text chunks"));
        };
        if let Some(shard) = self.shard_of_chunk(chunk) {
            return self
                .head
                .index
                .add_shard(shard, bytes)
                .map_err(BlobError::Inconsistent);
        }
        let slot = slots
            .slots
            .get(chunk as usize)
            .ok_or(BlobError::Inconsistent("text chunks"))?;
        if bytes.len() != self.chunk_len(chunk) {
            return Err(BlobError::Inconsistent("text chunk length"));
        }
        let mut slot = slot
            .lock()
            .map_err(|_| BlobError::Inconsistent("text chunks"))?;
        if slot.is_none() {
            slots.held.fetch_add(bytes.len(), Ordering::Relaxed);
            slots.here.fetch_add(1, Ordering::Relaxed);
            if let Ok(mut arrived) = slots.arrived.lock() {
                arrived.push_back(chunk);
            }
            *slot = Some(Arc::from(bytes));
        }
        Ok(())
    }

    /// The postings shards answering `query` needs that have not arrived, as file numbers.
    pub fn shards_missing_for(&self, query: &crate::search::Query) -> Vec<u32> {
        let first = self.text_chunk_count() as u32;
        self.head
            .index
            .shards_missing_for(query)
            .into_iter()
            .map(|shard| first + shard)
            .collect()
    }

    /// The chunks still missing for these articles, ascending, each once.
    pub fn chunks_missing_for(&self, articles: impl IntoIterator<Item = u32>) -> Vec<u32> {
        let mut missing: Vec<u32> = articles
            .into_iter()
            .filter(|&a| !self.has_text(a))
            .filter_map(|a| self.chunk_of(a))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// Article `index`'s stored bytes, if they are here.
    pub(super) fn stored(&self, index: u32) -> Option<Stored<'_>> {
        let article = span(&self.text_ends, index as usize);
        match &self.texts {
            Texts::Whole(texts) => texts.get(article).map(Stored::In),
            Texts::Chunked(slots) => {
                let chunk = self.chunk_of(index)?;
                let bytes = slots.get(chunk as usize)?;
                let start = self.chunk_span(chunk).start;
                let range = article.start.checked_sub(start)?..article.end.checked_sub(start)?;
                bytes.get(range.clone())?;
                Some(Stored::Chunk(bytes, range))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_whole_articles_of_about_the_target_size() {
        // Articles of 10, 5, 20, 1 and 4 bytes.
        let ends = [10, 15, 35, 36, 40];
        assert_eq!(chunk_ends_for(&ends, 12), [2, 3, 5]);
        assert_eq!(chunk_ends_for(&ends, 1), [1, 2, 3, 4, 5]);
        assert_eq!(chunk_ends_for(&ends, 0), [1, 2, 3, 4, 5]);
        assert_eq!(chunk_ends_for(&ends, 1000), [5]);
        assert_eq!(chunk_ends_for(&[], 10), Vec::<u32>::new());
        for ends in [vec![2, 3, 5], vec![5], vec![]] {
            check_chunk_ends(&ends, ends.last().map_or(0, |&e| e as usize)).expect("valid");
        }
        for bad in [vec![0, 5], vec![3, 3, 5], vec![4, 2, 5], vec![2, 4]] {
            assert!(check_chunk_ends(&bad, 5).is_err(), "{bad:?}");
        }
    }
}
