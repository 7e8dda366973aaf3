//! The term dictionary: finding a term, the completions of a typed prefix, or the run terms
//! a cluster starts, by a binary search over the blocks' first terms and a scan within a
//! block.

use super::postings::read_varint;
use super::{Entry, SearchIndex, HEAD_LEN, PREFIX_WEIGHT};
use crate::search::tokenize::{classify, is_cluster_boundary, SegmentKind};
use unicode_segmentation::UnicodeSegmentation;

impl SearchIndex {
    /// The entry of exactly `term`.
    pub(super) fn lookup(&self, term: &str) -> Option<Entry> {
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
    pub(super) fn prefix(&self, prefix: &str) -> Vec<Entry> {
        let p = prefix.as_bytes();
        self.starting_with(p, |t| Some(if t == p { 1.0 } else { PREFIX_WEIGHT }))
    }

    /// The entries of the run tokens (bigrams and the unigram) whose first cluster is `cluster`:
    /// each an exact occurrence of it.
    pub(super) fn cluster_completions(&self, cluster: &str) -> Vec<Entry> {
        let p = cluster.as_bytes();
        self.starting_with(p, |t| {
            std::str::from_utf8(t)
                .is_ok_and(|t| is_cluster_boundary(t, p.len()))
                .then_some(1.0)
        })
    }

    /// The entries of the terms starting with `p` that `weight` keeps, with the weight it gives.
    pub(super) fn starting_with(
        &self,
        p: &[u8],
        weight: impl Fn(&[u8]) -> Option<f32>,
    ) -> Vec<Entry> {
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
    pub(super) fn cursor_at(&self, term: &[u8]) -> Cursor<'_> {
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
    pub(super) fn head_term(&self, block: usize) -> Option<&[u8]> {
        let mut pos = *self.heads.get(HEAD_LEN * block)? as usize;
        let d = &self.dict.0;
        let _shared = read_varint(d, &mut pos)?;
        let len = read_varint(d, &mut pos)? as usize;
        d.get(pos..pos + len)
    }
}

/// The first cluster of a run term of the dictionary (`None` for words and hot-cluster terms).
pub(super) fn term_cluster(term: &str) -> Option<&str> {
    let first = term.graphemes(true).next()?;
    (classify(first) == Some(SegmentKind::Run)).then_some(first)
}

/// Walks the front-coded dictionary in order.
pub(super) struct Cursor<'a> {
    dict: &'a [u8],
    pos: usize,
    post: usize,
    /// Index of the next entry's first posting.
    posting: usize,
    term: Vec<u8>,
}

impl Cursor<'_> {
    pub(super) fn next_entry(&mut self) -> Option<(&[u8], Entry)> {
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
