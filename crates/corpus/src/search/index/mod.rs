//! The full-text index: built natively by `build.rs`, embedded in the blob, queried in the browser.
//!
//! # Layout
//!
//! Terms are the tokens of [`crate::search::tokenize::tokens`] over the folded title and body: whole words
//! for spaced scripts, cluster bigrams plus a final unigram for each run of Han, kana, Thai, Lao,
//! Khmer or Myanmar. A [`SearchIndex`] holds three byte arrays and a few small vectors:
//!
//! * `dict` — the sorted term dictionary, **front-coded** in blocks of [`BLOCK`] terms. Per term:
//!   `varint shared_prefix_len, varint suffix_len, suffix bytes, varint df, varint postings_len`.
//!   The first term of a block has `shared_prefix_len = 0`, so it can be read on its own.
//! * `heads` — per block, `(byte offset in dict, byte offset in postings, index of its first
//!   posting)`: a binary search over the blocks' first terms, then a scan of at most [`BLOCK`]
//!   entries, finds a term; a prefix search (typing, one-cluster runs) scans on from there in
//!   sorted order.
//! * `postings` — per term, in dictionary order, one varint per document containing it: the gap
//!   from the previous document id (the first id itself). A gap under 128 takes one byte.
//! * `flags` — per posting, in the same order, four bits: `in_title << 2 | body_tf_bucket` where
//!   the bucket is 0, 1, 2–3 or 4+ occurrences (BM25 saturates, so 2 bits are enough); two
//!   postings a byte. Kept apart from the gaps, both streams compress better than one varint of
//!   `gap << 3 | flags` per posting, and finding candidates reads only the gaps; scoring reads
//!   the flags too.
//! * `title_lens`, `body_lens` — tokens per field per document, for BM25 length normalisation.
//! * `byte_rank` — the 256 bytes ranked by their frequency in the folded text, so that the SIMD
//!   substring searches skip ahead on bytes that are rare in *this* corpus (memchr's own table is
//!   for English, where every Thai letter looks rare).
//!
//! A **hot cluster** (one that starts at least [`HOT_CLUSTER`] distinct run terms, such as `的`)
//! also gets a list of its own under `\u{1}` + cluster, with its exact counts: a one-cluster
//! query then reads one list instead of the union of hundreds of bigrams, for a small cost in
//! transfer (`bench/REPORT.md` has the index's sizes).
//!
//! The index stores **no second copy of the text** and no positions. Words, and runs of one or two
//! clusters, are answered exactly by the postings (a two-cluster run *is* its bigram; a one-cluster
//! run is its hot list, or else the union of the bigrams it starts and of its unigram). Phrases and
//! longer runs get candidates from the intersection of their parts' postings and are then confirmed
//! on the documents' own text, folded through [`Documents`] (the app's [`crate::CorpusBlob`] reads
//! a candidate's searchable text in place from the embedded bytes and keeps it folded once a query
//! has needed it); a document's first match confirms it, found from the phrase's rarest part with a
//! SIMD substring search. This keeps the transfer size close to the text's own; the price is a scan
//! of the candidates' text, which the bench (`bench/REPORT.md`) measures: positions would cost more
//! transfer than the budget has left (`docs/scaling.md`). Once a document has been folded, its
//! [`crate::search::neighbours`] filter rules it out of later phrases whose neighbouring words, and runs
//! whose neighbouring characters, it never has side by side, without a scan. A phrase of ASCII words is first looked for as written with single
//! spaces (one long needle), and only then from its anchor word.
//!
//! # Damaged bytes
//!
//! The index arrives inside the blob, which may one day come over the network truncated or
//! stale. [`SearchIndex::validate`] (called by [`crate::CorpusBlob`] when decoding) walks the
//! dictionary and every posting list once and rejects an index whose offsets, lengths, term
//! order, document ids or flags the searches could not trust. The readers do not rely on it for
//! safety: every offset and sum they compute is checked, so no bytes make them panic or wrap, and
//! the document ids a search returns are below [`SearchIndex::doc_count`] whatever the bytes.
//!
//! # Trade-offs
//!
//! * Bigram postings make the dictionary large for Chinese and Thai (every distinct cluster pair
//!   is a term); in exchange any substring is found, with no segmentation dictionary (megabytes of
//!   wasm) and no index/query segmenter disagreement.
//! * Term frequencies are bucketed (2 bits): ranking is coarser than exact BM25 for words that
//!   occur 2–3 or 4+ times, in exchange for one-byte postings.
//! * Postcard decodes the three byte arrays with a copy each (fast: no per-term allocation); a
//!   zero-copy format could later read them in place.
//! * Ranking is BM25F-like: a title occurrence counts [`TITLE_WEIGHT`] body occurrences. Phrases
//!   and long runs are not counted on the text (the first match ends the scan): they score with
//!   the frequency of their rarest part in each field and, as document frequency, the smallest
//!   of their parts' (upper bounds of the true ones).

mod build;
mod dictionary;
mod plan;
mod postings;
mod scoring;
mod shards;
#[cfg(test)]
mod tests;
mod validate;

pub(crate) use build::write_varint;
pub(crate) use postings::read_varint;

use std::fmt;
use std::sync::OnceLock;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::article::Article;
use crate::search::fold::fold_to;

/// Terms per front-coded dictionary block.
pub const BLOCK: usize = 16;
/// Numbers per block in `heads`: its dictionary offset, postings offset and first posting index.
const HEAD_LEN: usize = 3;
/// How many body occurrences one title occurrence is worth.
pub const TITLE_WEIGHT: f32 = 3.0;
/// A run cluster that starts at least this many distinct terms (bigrams, and the unigram) is
/// *hot*: besides its bigrams it gets a posting list of its own, under `\u{1}` + cluster, so
/// that a one-cluster query reads one list instead of the union of hundreds (`的`, `ใ`). Rarer
/// clusters are answered from their completions, which are few. Lower in tests so that both
/// ways are exercised by small corpora.
pub const HOT_CLUSTER: usize = if cfg!(test) { 2 } else { 64 };
/// Prefix of a hot cluster's own term: sorts before every word and run term, and no folded
/// token starts with it.
const HOT_MARK: char = '\u{1}';
/// Score factor for a word that only starts with the typed prefix (an exact hit scores 1).
pub const PREFIX_WEIGHT: f32 = 0.8;
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// The text of one document as the index sees it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocText {
    pub title: String,
    /// Paragraphs, captions and source, joined by `"\n"`.
    pub body: String,
}

impl DocText {
    /// The searchable text of an article: title; paragraphs, captions and source.
    pub fn from_article(article: &Article) -> DocText {
        let mut body = String::new();
        join_body(article_body(article), &mut body, |part, out| {
            out.push_str(part)
        });
        DocText {
            title: article.title.clone(),
            body,
        }
    }
}

/// Appends the parts of a document's body to `out` as the index reads them: each non-empty part
/// through `append` (a copy, or a fold), one `"\n"` between parts.
pub(crate) fn join_body<'a>(
    parts: impl IntoIterator<Item = &'a str>,
    out: &mut String,
    mut append: impl FnMut(&str, &mut String),
) {
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        append(part, out);
    }
}

fn article_body(article: &Article) -> impl Iterator<Item = &str> {
    article
        .paragraphs
        .iter()
        .chain(&article.captions)
        .chain(&article.source)
        .map(String::as_str)
}

/// Which field of a document a text belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Title,
    Body,
}

/// Read access to the documents' text, for confirming runs and phrases without a copy of it.
///
/// `visit(doc, f)` calls `f(Field::Title, title)` and then `f(Field::Body, part)` for each part of
/// the body (one call with the whole `"\n"`-joined body is equivalent: no match crosses a line).
pub trait Documents {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str));

    /// Like [`Documents::visit`], with each text already folded ([`crate::search::fold::fold`]). The
    /// default folds on the fly into `scratch`; a cache of folded text answers without folding.
    fn visit_folded(&self, doc: u32, scratch: &mut String, f: &mut dyn FnMut(Field, &str)) {
        self.visit(doc, &mut |field, text| {
            fold_to(text, scratch);
            f(field, scratch);
        });
    }

    /// False only when `doc` certainly lacks one of these neighbouring words or characters
    /// ([`crate::search::neighbours`]): a cache that keeps each document's neighbours rules documents
    /// out before their text is scanned. The default knows nothing and says true.
    fn may_hold_neighbours(&self, doc: u32, hashes: &[u64], scratch: &mut String) -> bool {
        let _ = (doc, hashes, scratch);
        true
    }

    /// Whether `doc` holds the item whose key ([`item_key`]) is `item`, if an earlier search
    /// confirmed it on the text and a cache remembers: a corpus that lets texts go (a sharded
    /// one past its budget) confirms each once. The default remembers nothing.
    fn remembered(&self, doc: u32, item: u64) -> Option<bool> {
        let _ = (doc, item);
        None
    }

    /// Remembers what a search confirmed on `doc`'s text for item `item`.
    fn remember(&self, doc: u32, item: u64, holds: bool) {
        let _ = (doc, item, holds);
    }
}

/// A query item's key for [`Documents::remembered`]: a hash of its folded parts.
pub fn item_key(item: &crate::search::Item) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    item.hash(&mut hasher);
    hasher.finish()
}

impl Documents for [DocText] {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        if let Some(d) = self.get(doc as usize) {
            f(Field::Title, &d.title);
            f(Field::Body, &d.body);
        }
    }
}

impl Documents for [Article] {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        if let Some(a) = self.get(doc as usize) {
            f(Field::Title, &a.title);
            for part in article_body(a) {
                f(Field::Body, part);
            }
        }
    }
}

impl<T> Documents for Vec<T>
where
    [T]: Documents,
{
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        self.as_slice().visit(doc, f)
    }
}

/// Bytes serialised as one byte string (fast to decode with postcard).
#[derive(Clone, Default, PartialEq, Eq)]
struct Bytes(Vec<u8>);

impl fmt::Debug for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<{} bytes>", self.0.len())
    }
}

impl Serialize for Bytes {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Bytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Bytes, E> {
                Ok(Bytes(v.to_vec()))
            }
            fn visit_byte_buf<E>(self, v: Vec<u8>) -> Result<Bytes, E> {
                Ok(Bytes(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
                let mut v = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 20));
                while let Some(b) = seq.next_element()? {
                    v.push(b);
                }
                Ok(Bytes(v))
            }
        }
        d.deserialize_byte_buf(V)
    }
}

/// The search index: see the module documentation for the layout.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {
    doc_count: u32,
    term_count: u32,
    title_lens: Vec<u32>,
    body_lens: Vec<u32>,
    avg_title_len: f32,
    avg_body_len: f32,
    dict: Bytes,
    /// `(dict offset, postings offset, posting index)` of each block's first term, flattened
    /// ([`HEAD_LEN`] numbers a block).
    heads: Vec<u32>,
    postings: Bytes,
    flags: Bytes,
    /// Each byte's rank by frequency in the folded text (0 the rarest, 255 the commonest), for
    /// the substring searchers' prefilters ([`crate::search::Pattern::anchored`]).
    byte_rank: Vec<u8>,
    /// For an index whose postings are in shards fetched apart (`shards.rs`): per shard, the
    /// block, postings offset and posting index it ends at. Empty when `postings` and `flags`
    /// hold them all.
    shard_ends: Vec<u32>,
    /// The shards that have arrived.
    #[serde(skip)]
    shards: ShardSlots,
    /// Per document, the reciprocals of its title's and body's BM25 length norms: computed once
    /// from the lengths on first search, so that scoring a posting takes no division by them.
    #[serde(skip)]
    inverse_norms: InverseNorms,
}

/// The cache behind [`SearchIndex::inverse_norms`]: derived from the lengths, so it takes no part
/// in comparing two indexes.
#[derive(Clone, Debug, Default)]
struct InverseNorms(OnceLock<Vec<[f32; 2]>>);

impl PartialEq for InverseNorms {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// The postings shards that have arrived, one slot per shard, made on first use: runtime state,
/// so it takes no part in comparing two indexes.
#[derive(Clone, Debug, Default)]
struct ShardSlots(OnceLock<Vec<OnceLock<Box<[u8]>>>>);

impl PartialEq for ShardSlots {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// One dictionary entry found by a lookup.
#[derive(Clone, Copy, Debug)]
struct Entry {
    df: u32,
    /// Byte range in `postings`.
    start: usize,
    end: usize,
    /// Index of its first posting among all postings: where its flags start.
    first_posting: usize,
    /// Score factor: 1, or [`PREFIX_WEIGHT`] for a prefix completion.
    weight: f32,
}

impl SearchIndex {
    /// The index's parts as they are encoded in the blob, by name, for size reports.
    pub fn encoded_parts(&self) -> Vec<(&'static str, Vec<u8>)> {
        let encode = |v: &[u32]| postcard::to_allocvec(v).unwrap_or_default();
        vec![
            ("dict", self.dict.0.clone()),
            ("heads", encode(&self.heads)),
            ("postings", self.postings.0.clone()),
            ("flags", self.flags.0.clone()),
            (
                "lens",
                [encode(&self.title_lens), encode(&self.body_lens)].concat(),
            ),
        ]
    }

    /// Number of indexed documents.
    pub fn doc_count(&self) -> u32 {
        self.doc_count
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> u32 {
        self.term_count
    }

    /// Sizes in bytes of the dictionary and of the postings, gaps and flags (before
    /// serialisation).
    pub fn byte_sizes(&self) -> (usize, usize) {
        (
            self.dict.0.len(),
            self.postings.0.len() + self.flags.0.len(),
        )
    }
}
