//! Postings in shards: the hosted edition of a large corpus ships the dictionary in its core and
//! the posting lists in files of their own, fetched when a query's terms need them.
//!
//! A shard is a run of whole dictionary blocks: the gaps of their terms' lists, then the flag
//! bytes of their postings (four bits each, so a shard that starts at an odd posting repeats
//! the byte it shares with the shard before). The dictionary is sorted, so the shards of a
//! typed prefix are neighbours, and the build cuts a shard once it holds about the target
//! bytes: a very common term's block can make one larger, never a term split in two.
//!
//! The core's index keeps `shard_ends`, three numbers per shard (the block, the postings
//! offset and the posting index it ends at), checked against the dictionary's block heads when
//! the core is decoded; a shard's bytes are checked against its blocks' entries when they
//! arrive ([`SearchIndex::add_shard`]). Until a list's shard is here, reading it gives no
//! documents: [`SearchIndex::shards_missing_for`] says which shards a query needs, and the view
//! counts as provisional until they are in.

use std::ops::Range;

use super::validate::count_docs;
use super::{Entry, SearchIndex, BLOCK, HEAD_LEN};
use crate::search::Query;

/// Numbers per shard in `shard_ends`: the block, postings offset and posting index it ends at.
pub(super) const SHARD_END_LEN: usize = 3;

/// Where one shard's lists lie in the index's postings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct ShardSpan {
    blocks: (usize, usize),
    /// Byte range of its gaps in the postings laid end to end.
    gaps: (usize, usize),
    /// Range of its postings' indices (whose flags it holds).
    postings: (usize, usize),
}

impl ShardSpan {
    fn gaps(&self) -> Range<usize> {
        self.gaps.0..self.gaps.1
    }

    /// The flag bytes it holds: those of its postings, from the byte its first one is in.
    fn flag_bytes(&self) -> Range<usize> {
        self.postings.0 / 2..self.postings.1.div_ceil(2)
    }

    /// The index of the first posting whose flags its bytes start with.
    fn first_flag(&self) -> usize {
        self.postings.0 / 2 * 2
    }

    fn len(&self) -> usize {
        self.gaps().len() + self.flag_bytes().len()
    }
}

/// A posting list's bytes wherever they are: its gaps, the flag bytes around it and the index of
/// the posting those flag bytes start at.
pub(super) struct ListBytes<'a> {
    pub(super) gaps: &'a [u8],
    pub(super) flags: &'a [u8],
    pub(super) first_flag: usize,
}

impl SearchIndex {
    /// Whether the postings are in shards fetched apart.
    pub fn is_sharded(&self) -> bool {
        !self.shard_ends.is_empty()
    }

    /// How many postings shards there are (0 when the postings are in the index).
    pub fn shard_count(&self) -> usize {
        self.shard_ends.len() / SHARD_END_LEN
    }

    /// Where a block starts: its postings offset and first posting index; past the last block,
    /// where the postings end (`totals`).
    fn block_start(&self, block: usize, totals: (usize, usize)) -> (usize, usize) {
        match self.heads.get(HEAD_LEN * block..HEAD_LEN * (block + 1)) {
            Some(&[_, post, posting]) => (post as usize, posting as usize),
            _ => totals,
        }
    }

    fn shard_span(&self, shard: usize) -> Option<ShardSpan> {
        let end = |k: usize| -> Option<(usize, usize, usize)> {
            match self
                .shard_ends
                .get(SHARD_END_LEN * k..SHARD_END_LEN * (k + 1))?
            {
                &[block, gaps, posting] => Some((block as usize, gaps as usize, posting as usize)),
                _ => None,
            }
        };
        let (block_end, gaps_end, postings_end) = end(shard)?;
        let (block_start, gaps_start, postings_start) = match shard.checked_sub(1) {
            Some(before) => end(before)?,
            None => (0, 0, 0),
        };
        Some(ShardSpan {
            blocks: (block_start, block_end),
            gaps: (gaps_start, gaps_end),
            postings: (postings_start, postings_end),
        })
    }

    /// How many bytes shard `shard` holds (what [`SearchIndex::add_shard`] expects).
    pub fn shard_len(&self, shard: usize) -> usize {
        self.shard_span(shard).map_or(0, |s| s.len())
    }

    fn shard_slots(&self) -> &[std::sync::OnceLock<Box<[u8]>>] {
        self.shards.0.get_or_init(|| {
            (0..self.shard_count())
                .map(|_| Default::default())
                .collect()
        })
    }

    /// Whether shard `shard` has arrived.
    pub fn has_shard(&self, shard: usize) -> bool {
        self.shard_slots()
            .get(shard)
            .is_some_and(|slot| slot.get().is_some())
    }

    /// How many shards have arrived.
    pub fn shards_here(&self) -> usize {
        self.shard_slots()
            .iter()
            .filter(|slot| slot.get().is_some())
            .count()
    }

    /// The shard holding the list that starts at byte `start`, found by a binary search.
    fn shard_at(&self, start: usize) -> usize {
        let (mut lo, mut hi) = (0, self.shard_count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let end = self.shard_ends.get(SHARD_END_LEN * mid + 1).copied();
            if end.is_some_and(|e| e as usize <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Adds shard `shard`'s bytes, as the build wrote them, after checking them against the
    /// dictionary: every list of its blocks within its gaps and exactly `df` increasing ids below
    /// the document count. A shard already here is kept.
    pub fn add_shard(&self, shard: usize, bytes: Vec<u8>) -> Result<(), &'static str> {
        let span = self.shard_span(shard).ok_or("postings shard")?;
        let slot = self.shard_slots().get(shard).ok_or("postings shard")?;
        if bytes.len() != span.len() {
            return Err("postings shard length");
        }
        let mut cursor = self.block_cursor(span.blocks.0).ok_or("postings shard")?;
        let gaps = bytes.get(..span.gaps().len()).ok_or("postings shard")?;
        let terms = (span.blocks.1 - span.blocks.0) * BLOCK;
        for _ in 0..terms {
            let Some((_, e)) = cursor.next_entry() else {
                break;
            };
            let local = e.start.checked_sub(span.gaps.0).ok_or("postings shard")?
                ..e.end.checked_sub(span.gaps.0).ok_or("postings shard")?;
            let list = gaps.get(local).ok_or("postings shard")?;
            if count_docs(list, self.doc_count) != Some(e.df) {
                return Err("postings shard");
            }
        }
        let _ = slot.set(bytes.into_boxed_slice());
        Ok(())
    }

    /// The bytes of `e`'s list: empty while its shard has not arrived.
    pub(super) fn list_bytes(&self, e: &Entry) -> ListBytes<'_> {
        if !self.is_sharded() {
            return ListBytes {
                gaps: self.postings.0.get(e.start..e.end).unwrap_or_default(),
                flags: &self.flags.0,
                first_flag: 0,
            };
        }
        let shard = self.shard_at(e.start);
        let here = self
            .shard_span(shard)
            .zip(self.shard_slots().get(shard).and_then(|s| s.get()));
        let Some((span, bytes)) = here else {
            return ListBytes {
                gaps: &[],
                flags: &[],
                first_flag: 0,
            };
        };
        let (gaps, flags) = bytes.split_at(span.gaps().len().min(bytes.len()));
        let local = e.start.saturating_sub(span.gaps.0)..e.end.saturating_sub(span.gaps.0);
        ListBytes {
            gaps: gaps.get(local).unwrap_or_default(),
            flags,
            first_flag: span.first_flag(),
        }
    }

    /// The shards answering `query` reads that have not arrived, ascending: those of every
    /// dictionary entry its items look up (none for an unsharded index, or a query with an item
    /// that occurs nowhere, whose answer is empty anyway).
    pub fn shards_missing_for(&self, query: &Query) -> Vec<u32> {
        if !self.is_sharded() {
            return Vec::new();
        }
        let mut missing = Vec::new();
        for item in query.items() {
            let Some(plan) = self.plan(item) else {
                return Vec::new();
            };
            for e in plan.sets.iter().flatten() {
                let shard = self.shard_at(e.start);
                if !self.has_shard(shard) {
                    missing.push(shard as u32);
                }
            }
        }
        missing.sort_unstable();
        missing.dedup();
        missing
    }

    /// The index without its postings, which it says are in shards of about `target` bytes, and
    /// those shards' bytes. An index already sharded is returned as it is, with no shards.
    pub fn split_postings(&self, target: usize) -> (SearchIndex, Vec<Vec<u8>>) {
        if self.is_sharded() {
            return (self.clone(), Vec::new());
        }
        let blocks = self.heads.len() / HEAD_LEN;
        let totals = (self.postings.0.len(), self.posting_total());
        let mut ends = Vec::new();
        let mut from = self.block_start(0, totals);
        for block in 0..blocks {
            let next = self.block_start(block + 1, totals);
            let bytes = (next.0 - from.0) + (next.1 - from.1) / 2;
            if bytes >= target.max(1) || block + 1 == blocks {
                ends.extend([block + 1, next.0, next.1].map(|n| n as u32));
                from = next;
            }
        }
        let mut core = self.clone();
        core.postings = Default::default();
        core.flags = Default::default();
        core.shard_ends = ends;
        core.shards = Default::default();
        let shards = (0..core.shard_count())
            .filter_map(|k| core.shard_span(k))
            .map(|span| {
                let mut bytes = self
                    .postings
                    .0
                    .get(span.gaps())
                    .unwrap_or_default()
                    .to_vec();
                bytes.extend_from_slice(self.flags.0.get(span.flag_bytes()).unwrap_or_default());
                bytes
            })
            .collect();
        (core, shards)
    }

    /// How many postings the index holds (the sum of its terms' document frequencies).
    fn posting_total(&self) -> usize {
        let blocks = self.heads.len() / HEAD_LEN;
        let Some(last) = blocks.checked_sub(1) else {
            return 0;
        };
        let Some(mut cursor) = self.block_cursor(last) else {
            return 0;
        };
        while cursor.next_entry().is_some() {}
        cursor.position().2
    }

    /// A sharded index's shard ends agree with its dictionary: whole blocks, in order, the last
    /// ending where the dictionary's postings end (`totals`: postings bytes and count).
    pub(super) fn check_shard_ends(&self, totals: (usize, usize)) -> Result<(), &'static str> {
        if self.shard_ends.len() % SHARD_END_LEN != 0
            || !self.postings.0.is_empty()
            || !self.flags.0.is_empty()
        {
            return Err("index postings shards");
        }
        let blocks = self.heads.len() / HEAD_LEN;
        let mut before = 0usize;
        for end in self.shard_ends.chunks_exact(SHARD_END_LEN) {
            let block = end[0] as usize;
            let expected = self.block_start(block, totals);
            if block <= before || block > blocks || (end[1] as usize, end[2] as usize) != expected {
                return Err("index postings shards");
            }
            before = block;
        }
        if before != blocks {
            return Err("index postings shards");
        }
        Ok(())
    }
}
