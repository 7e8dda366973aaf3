//! The term dictionary: finding a term, the completions of a typed prefix, or the run terms
//! a cluster starts, by a binary search over the blocks' first terms and a scan within a
//! block.
//!
//! Reading never panics or wraps, whatever the bytes: offsets and lengths are checked, and a
//! scan ends at the first entry that does not decode (a decoded blob's dictionary has none:
//! [`SearchIndex::validate`] walks it all).

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
        let len = usize::try_from(read_varint(d, &mut pos)?).ok()?;
        d.get(pos..pos.checked_add(len)?)
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

impl<'a> Cursor<'a> {
    /// A cursor at the dictionary's first entry.
    pub(super) fn start(dict: &'a [u8]) -> Cursor<'a> {
        Cursor {
            dict,
            pos: 0,
            post: 0,
            posting: 0,
            term: Vec::new(),
        }
    }

    /// Where the next entry starts: its byte offset in the dictionary, in the postings, and the
    /// index of its first posting (what a block head holds).
    pub(super) fn position(&self) -> (usize, usize, usize) {
        (self.pos, self.post, self.posting)
    }

    pub(super) fn next_entry(&mut self) -> Option<(&[u8], Entry)> {
        self.next_coded().map(|(_, term, e)| (term, e))
    }

    /// The next entry with the length of the prefix it shares with the previous term. `None` at
    /// the end, or at an entry that does not decode (the cursor then stays there).
    pub(super) fn next_coded(&mut self) -> Option<(usize, &[u8], Entry)> {
        let d = self.dict;
        let mut pos = self.pos;
        let mut number = || usize::try_from(read_varint(d, &mut pos)?).ok();
        let shared = number()?;
        let len = number()?;
        if shared > self.term.len() {
            return None;
        }
        let suffix = d.get(pos..pos.checked_add(len)?)?;
        pos += len;
        let df = u32::try_from(read_varint(d, &mut pos)?).ok()?;
        let plen = usize::try_from(read_varint(d, &mut pos)?).ok()?;
        let end = self.post.checked_add(plen)?;
        let next_posting = self.posting.checked_add(usize::try_from(df).ok()?)?;
        self.term.truncate(shared);
        self.term.extend_from_slice(suffix);
        let e = Entry {
            df,
            start: self.post,
            end,
            first_posting: self.posting,
            weight: 1.0,
        };
        self.pos = pos;
        self.post = end;
        self.posting = next_posting;
        Some((shared, &self.term, e))
    }
}
