//! Checking a decoded index once, before any search: every offset, length and document id the
//! searches will follow, so that bytes truncated or damaged on the way are an error at decoding
//! rather than wrong hits later.
//!
//! One pass over the dictionary and the postings (each gap read once, no allocation but a copy of
//! the previous term). The readers themselves never panic or wrap on any bytes either (checked
//! arithmetic in `dictionary.rs` and `postings.rs`); this pass makes a damaged index an error
//! instead of lists cut short.

use super::dictionary::Cursor;
use super::postings::read_varint;
use super::{SearchIndex, BLOCK, HEAD_LEN};

impl SearchIndex {
    /// Checks that the index is one the builder could have written, as far as searching relies
    /// on it:
    ///
    /// * one title and one body length per document, average lengths finite and at least 1;
    /// * exactly `term_count` dictionary entries filling the dictionary, each decoding within
    ///   bounds, terms strictly increasing, every block's first term standing alone (no shared
    ///   prefix) and one head per block giving exactly where the block starts (dictionary offset,
    ///   postings offset, first posting);
    /// * every term's posting bytes within the postings and filled exactly by `df` document ids,
    ///   strictly increasing and below `doc_count` (no gap overflows), the lists together filling
    ///   the postings;
    /// * one four-bit flag per posting (`flags` is half the posting count, rounded up);
    /// * or, for an index whose postings are in shards, shards of whole blocks that end where
    ///   the dictionary's lists do (each shard's lists are checked when it arrives:
    ///   [`SearchIndex::add_shard`]).
    ///
    /// The error names the part that is wrong. [`crate::CorpusBlob`] calls this when decoding.
    pub fn validate(&self) -> Result<(), &'static str> {
        let docs = self.doc_count as usize;
        if self.title_lens.len() != docs || self.body_lens.len() != docs {
            return Err("index field lengths");
        }
        let average = |avg: f32| avg.is_finite() && avg >= 1.0;
        if !average(self.avg_title_len) || !average(self.avg_body_len) {
            return Err("index average lengths");
        }
        let terms = self.term_count as usize;
        if Some(self.heads.len()) != terms.div_ceil(BLOCK).checked_mul(HEAD_LEN) {
            return Err("index block heads");
        }
        let postings = self.postings.0.as_slice();
        let sharded = self.is_sharded();
        let mut cursor = Cursor::start(&self.dict.0);
        let mut previous: Vec<u8> = Vec::new();
        for i in 0..terms {
            if i % BLOCK == 0 {
                let (dict, post, posting) = cursor.position();
                let expected = [dict, post, posting].map(|n| u32::try_from(n).ok());
                let head = self
                    .heads
                    .get(HEAD_LEN * (i / BLOCK)..HEAD_LEN * (i / BLOCK + 1))
                    .unwrap_or_default();
                if head.len() != HEAD_LEN || head.iter().zip(expected).any(|(&h, e)| Some(h) != e) {
                    return Err("index block heads");
                }
            }
            let (shared, term, entry) = cursor.next_coded().ok_or("index dictionary")?;
            if (i % BLOCK == 0 && shared != 0) || (i > 0 && term <= previous.as_slice()) {
                return Err("index dictionary order");
            }
            previous.clear();
            previous.extend_from_slice(term);
            if sharded {
                continue;
            }
            let gaps = postings
                .get(entry.start..entry.end)
                .ok_or("index postings")?;
            if count_docs(gaps, self.doc_count) != Some(entry.df) {
                return Err("index postings");
            }
        }
        let (dict_end, postings_end, posting_count) = cursor.position();
        if dict_end != self.dict.0.len() {
            return Err("index dictionary");
        }
        if sharded {
            return self.check_shard_ends((postings_end, posting_count));
        }
        if postings_end != postings.len() {
            return Err("index postings");
        }
        if posting_count.div_ceil(2) != self.flags.0.len() {
            return Err("index flags");
        }
        Ok(())
    }
}

/// How many document ids `gaps` holds, when it is exactly a list of strictly increasing ids
/// below `limit` (the first id, then gaps of at least 1); `None` otherwise. The ids increase, so
/// only the last (the gaps' sum, kept in 64 bits where gaps of at most `u32::MAX` cannot
/// overflow) is compared with `limit`.
///
/// This runs over every posting at start-up, and nearly every gap is one byte: eight bytes
/// without a continuation bit are eight gaps, summed and checked for zeros a word at a time.
pub(super) fn count_docs(gaps: &[u8], limit: u32) -> Option<u32> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const EVEN: u64 = 0x00FF_00FF_00FF_00FF;
    let mut pos = 0;
    let mut count = 0u32;
    let mut sum = 0u64;
    let mut zero_gaps = 0u32;
    // Whether the first gap is 0 (the first id may be 0), by its value: a damaged list may write
    // a 0 in more than one byte.
    let mut first_is_zero = false;
    while let Some(&byte) = gaps.get(pos) {
        if let Some(chunk) = gaps.get(pos..pos.saturating_add(8)) {
            let word = u64::from_le_bytes(chunk.try_into().ok()?);
            if word & HIGH == 0 {
                // Bytes of at most 0x7F: pairwise sums fit 16-bit lanes, and the lanes' sum
                // (at most 1,016) lands in the top lane without a carry.
                let pairs = (word & EVEN) + ((word >> 8) & EVEN);
                sum += pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48;
                // Adding 0x7F sets a byte's top bit unless the byte is 0 (no carry past it).
                zero_gaps += 8 - ((word + 0x7F7F_7F7F_7F7F_7F7F) & HIGH).count_ones();
                first_is_zero |= count == 0 && byte == 0;
                count = count.checked_add(8)?;
                pos += 8;
                continue;
            }
        }
        let gap = if byte < 0x80 {
            pos += 1;
            u32::from(byte)
        } else {
            u32::try_from(read_varint(gaps, &mut pos)?).ok()?
        };
        first_is_zero |= count == 0 && gap == 0;
        count = count.checked_add(1)?;
        zero_gaps += u32::from(gap == 0);
        sum += u64::from(gap);
    }
    // The first id may be 0; any later gap of 0 repeats a document.
    let repeats = zero_gaps > u32::from(first_is_zero);
    (!repeats && (count == 0 || sum < u64::from(limit))).then_some(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `count_docs` one id at a time.
    fn one_by_one(gaps: &[u8], limit: u32) -> Option<u32> {
        let mut pos = 0;
        let mut ids: Vec<u64> = Vec::new();
        while pos < gaps.len() {
            let gap = u64::from(u32::try_from(read_varint(gaps, &mut pos)?).ok()?);
            if gap == 0 && !ids.is_empty() {
                return None;
            }
            let id = ids.last().map_or(gap, |last| last + gap);
            if id >= u64::from(limit) {
                return None;
            }
            ids.push(id);
        }
        u32::try_from(ids.len()).ok()
    }

    #[test]
    fn counts_lists_word_by_word_and_byte_by_byte() {
        let ones = vec![1u8; 20];
        // Ids 1 to 20.
        assert_eq!(count_docs(&ones, 21), Some(20));
        assert_eq!(count_docs(&ones, 20), None);
        let mut first_zero = vec![0u8];
        first_zero.extend([1u8; 15]);
        assert_eq!(count_docs(&first_zero, 16), Some(16));
        let mut later_zero = vec![1u8; 16];
        later_zero[11] = 0;
        assert_eq!(count_docs(&later_zero, 100), None);
        assert_eq!(count_docs(&[], 0), Some(0));
        assert_eq!(count_docs(&[0x80], 100), None);
        assert_eq!(count_docs(&[0x7F; 9], 9 * 127 + 1), Some(9));
        assert_eq!(count_docs(&[0x7F; 9], 9 * 127), None);
        // A first gap of 0 written in two bytes (not what the writer does) is still id 0.
        assert_eq!(count_docs(&[0x80, 0x00], 1), Some(1));
        assert_eq!(count_docs(&[0x80, 0x00, 0x00], 1), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn count_docs_equals_one_by_one(
            gaps in prop::collection::vec(
                prop_oneof![8 => 0u8..4, 4 => 1u8..0x80, 1 => 0x80u8..=0xFF, 1 => Just(0xFF)],
                0..40,
            ),
            limit in prop_oneof![0u32..200, Just(u32::MAX)],
        ) {
            prop_assert_eq!(count_docs(&gaps, limit), one_by_one(&gaps, limit));
        }
    }
}
