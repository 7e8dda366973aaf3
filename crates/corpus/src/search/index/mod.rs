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
//!   postings a byte. Kept apart from the gaps, both compress better: brotli makes 3.09 MB of
//!   the two streams at 10,000 articles where one varint of `gap << 3 | flags` per posting made
//!   3.41 MB. Finding candidates reads only the gaps; scoring reads the flags too.
//! * `title_lens`, `body_lens` — tokens per field per document, for BM25 length normalisation.
//! * `byte_rank` — the 256 bytes ranked by their frequency in the folded text, so that the SIMD
//!   substring searches skip ahead on bytes that are rare in *this* corpus (memchr's own table is
//!   for English, where every Thai letter looks rare).
//!
//! A **hot cluster** (one that starts at least [`HOT_CLUSTER`] distinct run terms, such as `的`)
//! also gets a list of its own under `\u{1}` + cluster, with its exact counts: a one-cluster
//! query then reads one list instead of the union of hundreds of bigrams. At 10,000 articles this
//! costs 87 KB of brotli and takes `的 桥梁` from 0.78 to 0.05 ms (native).
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
//! # Trade-offs
//!
//! * Bigram postings make the dictionary large for Chinese and Thai (every distinct cluster pair
//!   is a term); in exchange any substring is found, with no segmentation dictionary (≈2 MB of
//!   wasm) and no index/query segmenter disagreement.
//! * Term frequencies are bucketed (2 bits): ranking is coarser than exact BM25 for words that
//!   occur 2–3 or 4+ times, in exchange for one-byte postings.
//! * Postcard decodes the three byte arrays with a copy each (fast: no per-term allocation); a
//!   zero-copy format could later read them in place.
//! * Ranking is BM25F-like: a title occurrence counts [`TITLE_WEIGHT`] body occurrences. Phrases
//!   and long runs are not counted on the text (the first match ends the scan): they score with
//!   the frequency of their rarest part in each field and, as document frequency, the smallest
//!   of their parts' (upper bounds of the true ones).

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::article::Article;
use crate::search::fold::fold_to;
use crate::search::neighbours::item_hashes;
use crate::search::tokenize::{
    classify, cluster_count, is_cluster_boundary, segment_tokens, segments, SegmentKind, Token,
    TokenKind,
};
use crate::search::{FieldScan, Item, Pattern, Query};
use unicode_segmentation::UnicodeSegmentation;

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

/// How the index narrows one query item to candidates: an intersection of unions of entries.
#[derive(Debug)]
struct Plan<'q> {
    item: &'q Item,
    /// Each inner list is a union (one entry for an exact term); all unions are intersected.
    sets: Vec<Vec<Entry>>,
    /// Document frequency used for the item's IDF.
    df: u32,
    /// The part with the fewest documents: where a scan of the text looks first.
    rarest_part: usize,
}

impl SearchIndex {
    /// Builds the index of `docs`; document ids are positions in the slice.
    pub fn build(docs: &[DocText]) -> SearchIndex {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut lists: Vec<Vec<(u32, u8)>> = Vec::new();
        let mut title_lens = Vec::with_capacity(docs.len());
        let mut body_lens = Vec::with_capacity(docs.len());
        let mut local: HashMap<u32, (u32, u32)> = HashMap::new();
        // Every cluster of a run, with its documents: kept for the clusters that turn out hot.
        let mut clusters = Interner::default();
        let mut local_clusters: HashMap<u32, (u32, u32)> = HashMap::new();
        let mut folded = String::new();
        let mut byte_counts = [0u64; 256];
        for (doc, d) in docs.iter().enumerate() {
            local.clear();
            local_clusters.clear();
            for (field, text) in [(0, &d.title), (1, &d.body)] {
                fold_to(text, &mut folded);
                folded
                    .bytes()
                    .for_each(|b| byte_counts[usize::from(b)] += 1);
                let mut len = 0u32;
                for tok in segments(&folded).flat_map(segment_tokens) {
                    len += 1;
                    let id = match ids.get(tok.text) {
                        Some(&id) => id,
                        None => {
                            let id = lists.len() as u32;
                            ids.insert(tok.text.to_string(), id);
                            lists.push(Vec::new());
                            id
                        }
                    };
                    let tf = local.entry(id).or_default();
                    if field == 0 {
                        tf.0 += 1;
                    } else {
                        tf.1 += 1;
                    }
                    if let Some(cluster) = first_cluster(tok) {
                        let tf = local_clusters.entry(clusters.id(cluster)).or_default();
                        if field == 0 {
                            tf.0 += 1;
                        } else {
                            tf.1 += 1;
                        }
                    }
                }
                if field == 0 {
                    title_lens.push(len);
                } else {
                    body_lens.push(len);
                }
            }
            for (&id, &tf) in &local {
                if let Some(list) = lists.get_mut(id as usize) {
                    list.push((doc as u32, tf_flags(tf)));
                }
            }
            for (&id, &tf) in &local_clusters {
                if let Some(list) = clusters.lists.get_mut(id as usize) {
                    list.push((doc as u32, tf_flags(tf)));
                }
            }
        }
        // A cluster that starts many run terms gets a list of its own (see [`HOT_CLUSTER`]).
        let mut completions: HashMap<&str, usize> = HashMap::new();
        for term in ids.keys() {
            if let Some(cluster) = term_cluster(term) {
                *completions.entry(cluster).or_default() += 1;
            }
        }
        let mut hot: Vec<(String, u32)> = Vec::new();
        for (cluster, &id) in &clusters.ids {
            if completions
                .get(cluster.as_str())
                .is_some_and(|&n| n >= HOT_CLUSTER)
            {
                let list = std::mem::take(&mut clusters.lists[id as usize]);
                let list_id = lists.len() as u32;
                lists.push(list);
                hot.push((format!("{HOT_MARK}{cluster}"), list_id));
            }
        }
        let mut terms: Vec<(String, u32)> = ids.into_iter().chain(hot).collect();
        terms.sort_unstable();
        let mut dict = Vec::new();
        let mut postings = Vec::new();
        let mut flags = Flags::default();
        let mut heads = Vec::new();
        let mut prev: &[u8] = &[];
        for (i, (term, id)) in terms.iter().enumerate() {
            let list = lists.get(*id as usize).map_or(&[][..], Vec::as_slice);
            let start = postings.len();
            let first_posting = flags.len;
            let mut last = 0u32;
            for &(doc, f) in list {
                write_varint(&mut postings, u64::from(doc - last));
                flags.push(f);
                last = doc;
            }
            let term = term.as_bytes();
            let shared = if i % BLOCK == 0 {
                heads.extend([dict.len() as u32, start as u32, first_posting as u32]);
                0
            } else {
                prev.iter().zip(term).take_while(|(a, b)| a == b).count()
            };
            write_varint(&mut dict, shared as u64);
            write_varint(&mut dict, (term.len() - shared) as u64);
            dict.extend_from_slice(&term[shared..]);
            write_varint(&mut dict, list.len() as u64);
            write_varint(&mut dict, (postings.len() - start) as u64);
            prev = term;
        }
        let avg = |v: &[u32]| {
            if v.is_empty() {
                1.0
            } else {
                (v.iter().map(|&x| f64::from(x)).sum::<f64>() / v.len() as f64).max(1.0) as f32
            }
        };
        SearchIndex {
            doc_count: docs.len() as u32,
            term_count: terms.len() as u32,
            avg_title_len: avg(&title_lens),
            avg_body_len: avg(&body_lens),
            title_lens,
            body_lens,
            dict: Bytes(dict),
            heads,
            postings: Bytes(postings),
            flags: Bytes(flags.bytes),
            byte_rank: byte_rank(&byte_counts),
            inverse_norms: InverseNorms::default(),
        }
    }

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

    /// All documents matching every item of `query` with their scores, `(doc id, score)` in doc id
    /// order: the result list orders them ([`crate::view::filter::filter`]), so sorting here would be a
    /// second sort of the same hits. An empty query returns every document with score 0.
    ///
    /// `docs` gives the text for confirming runs and phrases; it must be the documents the index
    /// was built from, in the same order. Queries of words and short runs never read it.
    pub fn search<D: Documents + ?Sized>(&self, query: &Query, docs: &D) -> Vec<(u32, f32)> {
        if query.is_empty() {
            return (0..self.doc_count).map(|d| (d, 0.0)).collect();
        }
        let mut plans = Vec::with_capacity(query.items().len());
        for item in query.items() {
            match self.plan(item) {
                Some(plan) => plans.push(plan),
                None => return Vec::new(),
            }
        }
        // One word, typed prefix or short run alone (the commonest query, and every keystroke's
        // first word): its documents and scores in one pass over its postings.
        if let [plan] = plans.as_slice() {
            if let [set] = plan.sets.as_slice() {
                if !plan.item.needs_text() {
                    return self.scored_union(set);
                }
            }
        }
        let mut sets: Vec<&[Entry]> = plans
            .iter()
            .flat_map(|p| p.sets.iter().map(Vec::as_slice))
            .collect();
        sets.sort_by_key(|s| s.iter().map(|e| u64::from(e.df)).sum::<u64>());
        let mut candidates: Vec<u32> = Vec::new();
        for (i, set) in sets.iter().enumerate() {
            if i == 0 {
                candidates = self.union(set);
            } else {
                self.retain_in(&mut candidates, set);
            }
            if candidates.is_empty() {
                return Vec::new();
            }
        }

        // Confirm phrases and long runs on the text: the first match in a document is enough.
        let needs_text: Vec<bool> = plans.iter().map(|p| p.item.needs_text()).collect();
        if needs_text.contains(&true) {
            let byte_rank: Option<&[u8; 256]> = self.byte_rank.as_slice().try_into().ok();
            let patterns: Vec<Pattern<'_>> = plans
                .iter()
                .map(|p| Pattern::anchored(p.item, p.rarest_part, byte_rank))
                .collect();
            let mut scratch = String::new();
            let mut found = vec![false; plans.len()];
            let neighbours: Vec<u64> = plans
                .iter()
                .filter(|p| p.item.needs_text())
                .flat_map(|p| item_hashes(p.item))
                .collect();
            candidates.retain(|&doc| {
                if !neighbours.is_empty()
                    && !docs.may_hold_neighbours(doc, &neighbours, &mut scratch)
                {
                    return false;
                }
                for (f, &needs) in found.iter_mut().zip(&needs_text) {
                    *f = !needs;
                }
                docs.visit_folded(doc, &mut scratch, &mut |_, folded| {
                    let mut scan = FieldScan::new(folded);
                    for (f, pattern) in found.iter_mut().zip(&patterns) {
                        if !*f {
                            *f = scan.occurs(pattern);
                        }
                    }
                });
                found.iter().all(|f| *f)
            });
        }

        // Score.
        let slots = Slots::new(self.doc_count, &candidates);
        let mut scores = vec![0f32; candidates.len()];
        for (plan, &needs) in plans.iter().zip(&needs_text) {
            if needs {
                self.add_confirmed_scores(plan, &slots, &mut scores);
            } else {
                self.add_term_scores(plan, &slots, &mut scores);
            }
        }
        candidates.into_iter().zip(scores).collect()
    }

    /// Adds the score of a word or short run: exact, or the union of its completions, of which
    /// the best counts.
    fn add_term_scores(&self, plan: &Plan<'_>, slots: &Slots, scores: &mut [f32]) {
        let mut best = vec![0f32; scores.len()];
        for e in plan.sets.iter().flatten() {
            let idf = self.idf(e.df);
            for (doc, flags) in self.postings(e) {
                if let Some(i) = slots.of(doc) {
                    let (t, b) = decode_tf(flags);
                    best[i] = larger(best[i], e.weight * self.bm25(idf, doc, t, b));
                }
            }
        }
        scores.iter_mut().zip(&best).for_each(|(s, b)| *s += b);
    }

    /// Adds the score of a phrase or long run, confirmed but not counted on the text: its
    /// frequency in a field is taken as that of its rarest part there (an upper bound), its
    /// document frequency as the plan's.
    fn add_confirmed_scores(&self, plan: &Plan<'_>, slots: &Slots, scores: &mut [f32]) {
        let mut tf = vec![(f32::MAX, f32::MAX); scores.len()];
        let mut in_set = vec![(0f32, 0f32); scores.len()];
        for set in &plan.sets {
            in_set.iter_mut().for_each(|x| *x = (0.0, 0.0));
            for e in set {
                for (doc, flags) in self.postings(e) {
                    if let Some(i) = slots.of(doc) {
                        let (t, b) = decode_tf(flags);
                        in_set[i] = (larger(in_set[i].0, t), larger(in_set[i].1, b));
                    }
                }
            }
            for (x, y) in tf.iter_mut().zip(&in_set) {
                *x = (smaller(x.0, y.0), smaller(x.1, y.1));
            }
        }
        let idf = self.idf(plan.df);
        for ((s, &doc), &(t, b)) in scores.iter_mut().zip(slots.docs).zip(&tf) {
            // A confirmed item occurs at least once, wherever the postings put it.
            let (t, b) = if t + b > 0.0 { (t, b) } else { (0.0, 1.0) };
            *s += self.bm25(idf, doc, t, b);
        }
    }

    /// The lookups for one item, or `None` when some part cannot occur anywhere.
    fn plan<'q>(&self, item: &'q Item) -> Option<Plan<'q>> {
        let mut sets = Vec::new();
        let mut df = u32::MAX;
        let mut rarest_part = 0;
        for (i, part) in item.parts.iter().enumerate() {
            let t = part.text.as_str();
            let part_df = match part.kind {
                SegmentKind::Word if item.prefix => {
                    let set = self.prefix(t);
                    let df = set.iter().map(|e| e.df).max()?;
                    sets.push(set);
                    df
                }
                SegmentKind::Word => {
                    let e = self.lookup(t)?;
                    sets.push(vec![e]);
                    e.df
                }
                SegmentKind::Run if cluster_count(t) == 1 => {
                    if let Some(e) = self.lookup(&format!("{HOT_MARK}{t}")) {
                        sets.push(vec![e]);
                        e.df
                    } else {
                        self.rare_cluster(t, &mut sets)?
                    }
                }
                SegmentKind::Run => {
                    let mut min = u32::MAX;
                    for tok in segment_tokens(crate::search::tokenize::Segment {
                        kind: SegmentKind::Run,
                        text: t,
                        start: 0,
                    }) {
                        if tok.kind == crate::search::tokenize::TokenKind::Bigram {
                            let e = self.lookup(tok.text)?;
                            min = min.min(e.df);
                            sets.push(vec![e]);
                        }
                    }
                    min
                }
            };
            if part_df < df {
                df = part_df;
                rarest_part = i;
            }
        }
        Some(Plan {
            item,
            sets,
            df,
            rarest_part,
        })
    }

    /// A cluster without a list of its own: every cluster of a run starts a bigram or is the
    /// run's last (unigram), so it is the union of the terms starting with this whole cluster,
    /// each an exact occurrence. Pushes that set and returns its document frequency (an upper
    /// bound); `None` when the cluster occurs nowhere.
    fn rare_cluster(&self, cluster: &str, sets: &mut Vec<Vec<Entry>>) -> Option<u32> {
        let set = self.cluster_completions(cluster);
        if set.is_empty() {
            return None;
        }
        let df = set
            .iter()
            .map(|e| e.df)
            .fold(0u32, u32::saturating_add)
            .min(self.doc_count);
        sets.push(set);
        Some(df)
    }

    /// The entry of exactly `term`.
    fn lookup(&self, term: &str) -> Option<Entry> {
        let mut cursor = self.cursor_at(term.as_bytes());
        while let Some((t, e)) = cursor.next_entry() {
            match t.cmp(term.as_bytes()) {
                std::cmp::Ordering::Less => continue,
                std::cmp::Ordering::Equal => return Some(e),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }

    /// The entries of every term starting with `prefix`; completions weigh [`PREFIX_WEIGHT`].
    fn prefix(&self, prefix: &str) -> Vec<Entry> {
        let p = prefix.as_bytes();
        self.starting_with(p, |t| Some(if t == p { 1.0 } else { PREFIX_WEIGHT }))
    }

    /// The entries of the run tokens (bigrams and the unigram) whose first cluster is `cluster`:
    /// each an exact occurrence of it.
    fn cluster_completions(&self, cluster: &str) -> Vec<Entry> {
        let p = cluster.as_bytes();
        self.starting_with(p, |t| {
            std::str::from_utf8(t)
                .is_ok_and(|t| is_cluster_boundary(t, p.len()))
                .then_some(1.0)
        })
    }

    /// The entries of the terms starting with `p` that `weight` keeps, with the weight it gives.
    fn starting_with(&self, p: &[u8], weight: impl Fn(&[u8]) -> Option<f32>) -> Vec<Entry> {
        let mut out = Vec::new();
        let mut cursor = self.cursor_at(p);
        while let Some((t, mut e)) = cursor.next_entry() {
            if t < p {
                continue;
            }
            if !t.starts_with(p) {
                break;
            }
            if let Some(w) = weight(t) {
                e.weight = w;
                out.push(e);
            }
        }
        out
    }

    /// A cursor at the start of the last block whose first term is below `term` (or the first).
    fn cursor_at(&self, term: &[u8]) -> Cursor<'_> {
        let blocks = self.heads.len() / HEAD_LEN;
        let (mut lo, mut hi) = (0, blocks);
        // Find the first block whose head term is >= term.
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.head_term(mid).is_some_and(|h| h < term) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let block = lo.saturating_sub(1);
        let (dict_pos, post_pos, posting) =
            match self.heads.get(HEAD_LEN * block..HEAD_LEN * (block + 1)) {
                Some(&[d, p, i]) => (d as usize, p as usize, i as usize),
                _ => (self.dict.0.len(), 0, 0),
            };
        Cursor {
            dict: &self.dict.0,
            pos: dict_pos,
            post: post_pos,
            posting,
            term: Vec::new(),
        }
    }

    /// The first term of a block.
    fn head_term(&self, block: usize) -> Option<&[u8]> {
        let mut pos = *self.heads.get(HEAD_LEN * block)? as usize;
        let d = &self.dict.0;
        let _shared = read_varint(d, &mut pos)?;
        let len = read_varint(d, &mut pos)? as usize;
        d.get(pos..pos + len)
    }

    /// Decodes a posting list: `(doc, flags)`.
    fn postings(&self, e: &Entry) -> Postings<'_> {
        Postings {
            docs: self.docs(e),
            flags: &self.flags.0,
            posting: e.first_posting,
        }
    }

    /// Decodes a posting list's documents only (no flags).
    fn docs(&self, e: &Entry) -> Docs<'_> {
        Docs {
            gaps: self.postings.0.get(e.start..e.end).unwrap_or_default(),
            pos: 0,
            doc: 0,
        }
    }

    /// The documents in any list of `set` with their best score over those lists, in doc id
    /// order: [`SearchIndex::union`] and [`SearchIndex::add_term_scores`] in one pass.
    fn scored_union(&self, set: &[Entry]) -> Vec<(u32, f32)> {
        let mut best = vec![0f32; self.doc_count as usize];
        let mut bits = vec![0u64; (self.doc_count as usize).div_ceil(64)];
        for e in set {
            let idf = self.idf(e.df);
            for (doc, flags) in self.postings(e) {
                if let (Some(w), Some(b)) =
                    (bits.get_mut(doc as usize / 64), best.get_mut(doc as usize))
                {
                    *w |= 1 << (doc % 64);
                    let (t, body) = decode_tf(flags);
                    *b = larger(*b, e.weight * self.bm25(idf, doc, t, body));
                }
            }
        }
        bit_docs(&bits)
            .map(|doc| (doc, best.get(doc as usize).copied().unwrap_or(0.0)))
            .collect()
    }

    /// The sorted union of the documents of `set`.
    fn union(&self, set: &[Entry]) -> Vec<u32> {
        if let [e] = set {
            return self.docs(e).collect();
        }
        let mut bits = vec![0u64; (self.doc_count as usize).div_ceil(64)];
        for e in set {
            for d in self.docs(e) {
                if let Some(w) = bits.get_mut(d as usize / 64) {
                    *w |= 1 << (d % 64);
                }
            }
        }
        bit_docs(&bits).collect()
    }

    /// Keeps the candidates that are in some list of `set`. One list is merged with them (and
    /// left once past the last candidate); several set one bit per document, so a typed prefix
    /// with hundreds of lists costs their postings, not lists × candidates.
    fn retain_in(&self, candidates: &mut Vec<u32>, set: &[Entry]) {
        if let [e] = set {
            let mut postings = self.docs(e).peekable();
            candidates.retain(|&c| {
                while postings.next_if(|&d| d < c).is_some() {}
                postings.peek() == Some(&c)
            });
            return;
        }
        let mut bits = vec![0u64; (self.doc_count as usize).div_ceil(64)];
        for e in set {
            for d in self.docs(e) {
                if let Some(w) = bits.get_mut(d as usize / 64) {
                    *w |= 1 << (d % 64);
                }
            }
        }
        candidates.retain(|&d| {
            bits.get(d as usize / 64)
                .is_some_and(|w| w & (1 << (d % 64)) != 0)
        });
    }

    fn idf(&self, df: u32) -> f32 {
        let n = self.doc_count as f32;
        let df = df.min(self.doc_count) as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    fn bm25(&self, idf: f32, doc: u32, tf_title: f32, tf_body: f32) -> f32 {
        let [title, body] = self
            .inverse_norms()
            .get(doc as usize)
            .copied()
            .unwrap_or([1.0, 1.0]);
        let tf = TITLE_WEIGHT * tf_title * title + tf_body * body;
        idf * tf * (K1 + 1.0) / (tf + K1)
    }

    fn inverse_norms(&self) -> &[[f32; 2]] {
        self.inverse_norms.0.get_or_init(|| {
            let norm = |len: u32, avg: f32| 1.0 / (1.0 - B + B * len as f32 / avg);
            self.title_lens
                .iter()
                .zip(&self.body_lens)
                .map(|(&t, &b)| [norm(t, self.avg_title_len), norm(b, self.avg_body_len)])
                .collect()
        })
    }
}

/// The candidates of a search and, per document id, its position among them: scoring looks up
/// every posting of the query's terms, so the lookup is one load instead of a binary search.
struct Slots<'c> {
    docs: &'c [u32],
    /// Position in `docs` of each document id, or `u32::MAX`.
    slot: Vec<u32>,
}

impl<'c> Slots<'c> {
    fn new(doc_count: u32, docs: &'c [u32]) -> Slots<'c> {
        let mut slot = vec![u32::MAX; doc_count as usize];
        for (i, &d) in docs.iter().enumerate() {
            if let Some(s) = slot.get_mut(d as usize) {
                *s = i as u32;
            }
        }
        Slots { docs, slot }
    }

    fn of(&self, doc: u32) -> Option<usize> {
        match self.slot.get(doc as usize) {
            Some(&i) if i != u32::MAX => Some(i as usize),
            _ => None,
        }
    }
}

/// Each byte's rank by `counts`: the 256 bytes sorted by count (ties by byte value), rank = place.
fn byte_rank(counts: &[u64; 256]) -> Vec<u8> {
    let mut order: Vec<u8> = (0..=255).collect();
    order.sort_by_key(|&b| (counts[usize::from(b)], b));
    let mut rank = vec![0u8; 256];
    for (place, &b) in order.iter().enumerate() {
        rank[usize::from(b)] = place as u8;
    }
    rank
}

/// The posting flags of a document's `(title, body)` occurrence counts: in-title bit, body count
/// bucket (0, 1, 2–3, 4+).
fn tf_flags((title, body): (u32, u32)) -> u8 {
    let bucket = match body {
        0 => 0,
        1 => 1,
        2 | 3 => 2,
        _ => 3,
    };
    (u8::from(title > 0) << 2) | bucket
}

/// The cluster a run token stands for as a one-cluster query: its first (a bigram's first
/// cluster, a unigram itself). `None` for words.
fn first_cluster(tok: Token<'_>) -> Option<&str> {
    match tok.kind {
        TokenKind::Word => None,
        TokenKind::Unigram => Some(tok.text),
        TokenKind::Bigram => tok.text.graphemes(true).next(),
    }
}

/// The first cluster of a run term of the dictionary (`None` for words and hot-cluster terms).
fn term_cluster(term: &str) -> Option<&str> {
    let first = term.graphemes(true).next()?;
    (classify(first) == Some(SegmentKind::Run)).then_some(first)
}

/// Cluster strings and their document lists, while building.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    lists: Vec<Vec<(u32, u8)>>,
}

impl Interner {
    fn id(&mut self, cluster: &str) -> u32 {
        if let Some(&id) = self.ids.get(cluster) {
            return id;
        }
        let id = self.lists.len() as u32;
        self.ids.insert(cluster.to_owned(), id);
        self.lists.push(Vec::new());
        id
    }
}

/// The larger of two scores (never NaN). `f32::max` is a call to `fmaxf` in wasm32, whose NaN
/// rule the `f32.max` instruction does not follow: 12 % of a Thai AND query's time went to such
/// calls. A comparison is one instruction.
fn larger(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// The smaller of two scores (never NaN): see [`larger`].
fn smaller(a: f32, b: f32) -> f32 {
    if b < a {
        b
    } else {
        a
    }
}

/// Representative term frequencies `(title, body)` of posting flags.
fn decode_tf(flags: u8) -> (f32, f32) {
    let title = f32::from((flags >> 2) & 1);
    let body = [0.0, 1.0, 2.5, 5.0][usize::from(flags & 3)];
    (title, body)
}

fn bit_docs(bits: &[u64]) -> impl Iterator<Item = u32> + '_ {
    bits.iter().enumerate().flat_map(|(i, &w)| {
        let mut w = w;
        std::iter::from_fn(move || {
            if w == 0 {
                return None;
            }
            let b = w.trailing_zeros();
            w &= w - 1;
            Some(i as u32 * 64 + b)
        })
    })
}

/// Walks the front-coded dictionary in order.
struct Cursor<'a> {
    dict: &'a [u8],
    pos: usize,
    post: usize,
    /// Index of the next entry's first posting.
    posting: usize,
    term: Vec<u8>,
}

impl Cursor<'_> {
    fn next_entry(&mut self) -> Option<(&[u8], Entry)> {
        let d = self.dict;
        let shared = read_varint(d, &mut self.pos)? as usize;
        let len = read_varint(d, &mut self.pos)? as usize;
        let suffix = d.get(self.pos..self.pos + len)?;
        self.pos += len;
        let df = read_varint(d, &mut self.pos)? as u32;
        let plen = read_varint(d, &mut self.pos)? as usize;
        self.term.truncate(shared);
        self.term.extend_from_slice(suffix);
        let e = Entry {
            df,
            start: self.post,
            end: self.post + plen,
            first_posting: self.posting,
            weight: 1.0,
        };
        self.post += plen;
        self.posting += df as usize;
        Some((&self.term, e))
    }
}

/// Decoder of one posting list's documents.
struct Docs<'a> {
    gaps: &'a [u8],
    pos: usize,
    doc: u32,
}

impl Iterator for Docs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let gap = read_varint(self.gaps, &mut self.pos)? as u32;
        self.doc += gap;
        Some(self.doc)
    }
}

/// Decoder of one posting list: `(doc, flags)`.
struct Postings<'a> {
    docs: Docs<'a>,
    flags: &'a [u8],
    /// Index of the next posting among all postings.
    posting: usize,
}

impl Iterator for Postings<'_> {
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        let doc = self.docs.next()?;
        let flags = flag_at(self.flags, self.posting);
        self.posting += 1;
        Some((doc, flags))
    }
}

/// The postings' flags as they are built: four bits each, two a byte, the first in the low half.
#[derive(Default)]
struct Flags {
    bytes: Vec<u8>,
    /// Postings so far.
    len: usize,
}

impl Flags {
    fn push(&mut self, flags: u8) {
        if self.len % 2 == 0 {
            self.bytes.push(flags & 0xF);
        } else if let Some(last) = self.bytes.last_mut() {
            *last |= (flags & 0xF) << 4;
        }
        self.len += 1;
    }
}

/// The flags of posting `i` (0 past the end).
fn flag_at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i / 2).map_or(0, |b| (b >> (4 * (i % 2))) & 0xF)
}

fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(title: &str, body: &str) -> DocText {
        DocText {
            title: title.into(),
            body: body.into(),
        }
    }

    fn ids(index: &SearchIndex, docs: &[DocText], q: &str) -> Vec<u32> {
        index
            .search(&Query::parse_exact(q), docs)
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }

    fn corpus() -> Vec<DocText> {
        vec![
            doc(
                "Hợp tác với Thái Lan",
                "Việt Nam và Thái Lan ký kết hợp tác.",
            ),
            doc("Đông Nam Á", "Kinh tế Đông Nam Á tăng trưởng."),
            doc("ตำรวจจับแก๊ง", "ตำรวจจับแก๊งคอลเซ็นเตอร์ที่ชายแดน"),
            doc("打击网络诈骗", "警方打击网络诈骗犯罪。"),
            doc("Lan Thai", "Lan thai is not Thailand."),
            doc("Random", "Nothing about it. Thái Lan once."),
        ]
    }

    #[test]
    fn index_folded_words_match() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        assert_eq!(ids(&index, &docs, "dong nam a"), [1]);
        assert_eq!(ids(&index, &docs, "ĐÔNG NAM Á"), [1]);
        let mut thai_lan = ids(&index, &docs, "thai lan");
        thai_lan.sort_unstable();
        assert_eq!(thai_lan, [0, 4, 5]);
    }

    #[test]
    fn index_substrings_thai_and_chinese() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        assert_eq!(ids(&index, &docs, "คอลเซ็นเตอร์"), [2]);
        assert_eq!(ids(&index, &docs, "网络诈骗"), [3]);
        // Crosses the words 网络|诈骗.
        assert_eq!(ids(&index, &docs, "络诈"), [3]);
        // One cluster.
        assert_eq!(ids(&index, &docs, "骗"), [3]);
        assert_eq!(ids(&index, &docs, "诈骗 警方"), [3]);
        assert!(ids(&index, &docs, "诈网").is_empty());
    }

    #[test]
    fn index_and_semantics() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        assert_eq!(ids(&index, &docs, "thai lan hop"), [0]);
        assert!(ids(&index, &docs, "thai lan kinh").is_empty());
        assert!(ids(&index, &docs, "thai zzz").is_empty());
    }

    #[test]
    fn index_phrase_order() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        assert_eq!(ids(&index, &docs, "\"lan thai\""), [4]);
        let mut v = ids(&index, &docs, "\"thai lan\"");
        v.sort_unstable();
        assert_eq!(v, [0, 5]);
    }

    #[test]
    fn index_ranking_title_and_frequency() {
        let docs = vec![
            doc("Other", "biên giới once"),
            doc("Biên giới", "something"),
            doc("Other", "biên giới, biên giới và biên giới"),
        ];
        let index = SearchIndex::build(&docs);
        // Best first: the title, then three occurrences in the body, then one.
        let ranked = |q: &str| {
            let mut scored = index.search(&Query::parse_exact(q), &docs);
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            scored
        };
        assert_eq!(
            ranked("bien gioi").iter().map(|h| h.0).collect::<Vec<_>>(),
            [1, 2, 0]
        );
        let scored = ranked("bien");
        assert!(scored[0].1 > scored[1].1 && scored[1].1 > scored[2].1);
        assert_eq!(
            ids(&index, &docs, "bien gioi"),
            [0, 1, 2],
            "hits come in doc order"
        );
    }

    #[test]
    fn index_prefix_while_typing() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        let r = index.search(&Query::parse("thai la"), &docs);
        let mut v: Vec<u32> = r.iter().map(|x| x.0).collect();
        v.sort_unstable();
        assert_eq!(v, [0, 4, 5]);
        let r = index.search(&Query::parse("thail"), &docs);
        assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), [4]);
    }

    #[test]
    fn index_empty_query_returns_all_in_order() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        assert_eq!(ids(&index, &docs, " "), [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn index_postcard_roundtrip_and_articles() {
        let docs = corpus();
        let index = SearchIndex::build(&docs);
        let bytes = postcard::to_allocvec(&index).expect("serialise");
        let back: SearchIndex = postcard::from_bytes(&bytes).expect("decode");
        assert_eq!(back, index);
        assert_eq!(ids(&back, &docs, "络诈"), [3]);
        // Confirmation through Article parts gives the same answer.
        let articles: Vec<Article> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| Article {
                id: i.to_string(),
                file: String::new(),
                date: None,
                title: d.title.clone(),
                title_derived: false,
                lang: "und".into(),
                countries: vec![],
                source: None,
                captions: vec![],
                paragraphs: d.body.split('\n').map(String::from).collect(),
                warnings: vec![],
            })
            .collect();
        let from_articles: Vec<DocText> = articles.iter().map(DocText::from_article).collect();
        assert_eq!(from_articles, docs);
        let q = Query::parse_exact("คอลเซ็นเตอร์");
        assert_eq!(index.search(&q, &articles), index.search(&q, &docs));
    }

    #[test]
    fn index_dictionary_lookup_across_blocks() {
        let docs: Vec<DocText> = (0..200)
            .map(|i| doc(&format!("w{i:03}"), &format!("x{} common", i % 7)))
            .collect();
        let index = SearchIndex::build(&docs);
        assert!(index.term_count() > 2 * BLOCK as u32);
        for i in [0, 15, 16, 17, 100, 199] {
            assert_eq!(ids(&index, &docs, &format!("w{i:03}")), [i as u32]);
        }
        assert_eq!(ids(&index, &docs, "common").len(), 200);
        assert_eq!(
            ids(&index, &docs, "x3").len(),
            (0..200).filter(|i| i % 7 == 3).count()
        );
        assert!(ids(&index, &docs, "w2000").is_empty());
        assert!(ids(&index, &docs, "a").is_empty());
        assert!(ids(&index, &docs, "zzz").is_empty());
        let r = index.search(&Query::parse("w1"), &docs);
        assert_eq!(r.len(), 100);
    }

    #[test]
    fn index_flags_follow_their_postings_across_blocks() {
        // Word i is in document i only, i % 3 == 0 times in the title and i % 6 times in the
        // body; `even` once in every even document. Lists of one posting each start their flags
        // in both halves of a byte, in many blocks.
        let docs: Vec<DocText> = (0..120)
            .map(|i| {
                let w = format!("w{i:03}");
                let title = if i % 3 == 0 { w.clone() } else { String::new() };
                let mut body = vec![w.as_str(); i % 6].join(" ");
                if i % 2 == 0 {
                    body.push_str(" even");
                }
                doc(&title, &body)
            })
            .collect();
        let index = SearchIndex::build(&docs);
        assert!(index.term_count() > 2 * BLOCK as u32);
        for i in 0..120u32 {
            let (title, body) = (u32::from(i % 3 == 0), i % 6);
            let entry = index.lookup(&format!("w{i:03}"));
            if title + body == 0 {
                assert!(entry.is_none(), "w{i:03}");
                continue;
            }
            let entry = entry.expect("indexed");
            let got: Vec<(u32, u8)> = index.postings(&entry).collect();
            assert_eq!(got, [(i, tf_flags((title, body)))], "w{i:03}");
        }
        let even = index.lookup("even").expect("indexed");
        let got: Vec<(u32, u8)> = index.postings(&even).collect();
        let want: Vec<(u32, u8)> = (0..120).step_by(2).map(|i| (i, tf_flags((0, 1)))).collect();
        assert_eq!(got, want);
    }

    /// Brute force, written independently of `FieldScan`: cluster boundaries of the whole field.
    fn brute(q: &Query, d: &DocText) -> bool {
        use crate::search::fold::fold;
        use crate::search::tokenize::segments;
        use unicode_segmentation::UnicodeSegmentation;
        q.items().iter().all(|item| {
            [&d.title, &d.body].iter().any(|field| {
                field.split('\n').any(|line| {
                    let f = fold(line);
                    let segs: Vec<_> = segments(&f).collect();
                    match item.parts.as_slice() {
                        [p] if p.kind == SegmentKind::Run => {
                            let bounds: Vec<usize> = f
                                .grapheme_indices(true)
                                .map(|(i, _)| i)
                                .chain([f.len()])
                                .collect();
                            bounds.iter().any(|&b| {
                                f[b..].starts_with(&p.text) && bounds.contains(&(b + p.text.len()))
                            })
                        }
                        [p] => segs.iter().any(|s| {
                            s.kind == SegmentKind::Word
                                && (s.text == p.text
                                    || (item.prefix && s.text.starts_with(&p.text)))
                        }),
                        parts => segs.windows(parts.len()).any(|w| {
                            let k = parts.len();
                            w.iter().zip(parts).enumerate().all(|(i, (s, p))| {
                                if s.kind != p.kind {
                                    return false;
                                }
                                if s.kind == SegmentKind::Word || (i > 0 && i + 1 < k) {
                                    return s.text == p.text;
                                }
                                let sb: Vec<usize> = s
                                    .text
                                    .grapheme_indices(true)
                                    .map(|(i, _)| i)
                                    .chain([s.text.len()])
                                    .collect();
                                if i == 0 {
                                    s.text.ends_with(&p.text)
                                        && sb.contains(&(s.text.len() - p.text.len()))
                                } else {
                                    s.text.starts_with(&p.text) && sb.contains(&p.text.len())
                                }
                            })
                        }),
                    }
                })
            })
        })
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let atoms = prop::sample::select(vec![
            "a",
            "b",
            "ab",
            "á",
            "Â",
            "ạ",
            "đ",
            "Đ",
            "e",
            "ê",
            " ",
            " ",
            "-",
            "\n",
            "ก",
            "่",
            "้",
            "อ",
            "น",
            "ผู้",
            "ใ",
            "网",
            "络",
            "诈",
            "A\u{301}",
            "ก่",
            "\"",
        ]);
        prop::collection::vec(atoms, 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn index_search_equals_brute_force(
            docs in prop::collection::vec((text_strategy(), text_strategy()), 0..8),
            q in text_strategy(),
            typing in any::<bool>(),
        ) {
            let docs: Vec<DocText> = docs.into_iter().map(|(t, b)| doc(&t, &b)).collect();
            let index = SearchIndex::build(&docs);
            let query = if typing { Query::parse(&q) } else { Query::parse_exact(&q) };
            let mut got: Vec<u32> = index.search(&query, &docs).into_iter().map(|(d, _)| d).collect();
            got.sort_unstable();
            let want: Vec<u32> = (0..docs.len() as u32)
                .filter(|&i| query.is_empty() || brute(&query, &docs[i as usize]))
                .collect();
            prop_assert_eq!(&got, &want);
            // Also query with a piece of a document, so that matches are common.
            if let Some(d) = docs.first() {
                let text = format!("{}\n{}", d.title, d.body);
                let cut: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
                let a = cut[q.len() % cut.len()];
                let b = cut[(q.len() * 7 + 3) % cut.len()];
                let piece = &text[a.min(b)..a.max(b)];
                for query in [Query::parse(piece), Query::parse_exact(piece), Query::parse_exact(&format!("\"{piece}\""))] {
                    let mut got: Vec<u32> = index.search(&query, &docs).into_iter().map(|(d, _)| d).collect();
                    got.sort_unstable();
                    let want: Vec<u32> = (0..docs.len() as u32)
                        .filter(|&i| query.is_empty() || brute(&query, &docs[i as usize]))
                        .collect();
                    prop_assert_eq!(got, want, "piece {:?}", piece);
                }
            }
            // The public brute-force helper agrees too.
            let helper: Vec<u32> = (0..docs.len() as u32)
                .filter(|&i| {
                    let d = &docs[i as usize];
                    query.is_empty() || query.matches_fields(&d.title, d.body.split('\n'))
                })
                .collect();
            prop_assert_eq!(&helper, &want);
        }
    }
}
