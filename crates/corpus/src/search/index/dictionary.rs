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

    /// Whether some term longer than `prefix` starts with it (a word being typed).
    pub fn has_completion(&self, prefix: &str) -> bool {
        let p = prefix.as_bytes();
        let mut cursor = self.cursor_at(p);
        while let Some((t, _)) = cursor.next_entry() {
            if t <= p {
                continue;
            }
            return t.starts_with(p);
        }
        false
    }

    /// The Latin-script word terms within `max` edits (insertions, deletions, substitutions of
    /// one character) of `word`, itself left out: closest first, then in dictionary order, at
    /// most `limit`. One walk over the dictionary, each term compared only when its length is
    /// within `max` of the word's, with a banded comparison that stops past `max`.
    pub fn near_words(&self, word: &str, max: usize, limit: usize) -> Vec<(String, usize)> {
        let target: Vec<char> = word.chars().collect();
        if max == 0 || !target.iter().all(|&c| is_latin_letter_or_digit(c)) {
            return Vec::new();
        }
        let mut found: Vec<(String, usize)> = Vec::new();
        let mut cursor = Cursor::start(&self.dict.0);
        let mut term_chars: Vec<char> = Vec::new();
        while let Some((t, _)) = cursor.next_entry() {
            // Lengths in bytes bound lengths in characters within a factor the check below
            // settles; skipping by bytes first keeps the walk cheap.
            if t.len() + max < target.len() || t.len() > (target.len() + max) * 4 {
                continue;
            }
            let Ok(term) = std::str::from_utf8(t) else {
                continue;
            };
            term_chars.clear();
            term_chars.extend(term.chars());
            if term_chars.len().abs_diff(target.len()) > max
                || !term_chars.iter().all(|&c| is_latin_letter_or_digit(c))
                || term_chars == target
            {
                continue;
            }
            if let Some(distance) = bounded_levenshtein(&target, &term_chars, max) {
                found.push((term.to_owned(), distance));
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        found.truncate(limit);
        found
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
        self.block_cursor(block)
            .unwrap_or_else(|| Cursor::at(&self.dict.0, self.dict.0.len(), 0, 0))
    }

    /// A cursor at the first entry of block `block`, from its head; `None` past the last block.
    pub(super) fn block_cursor(&self, block: usize) -> Option<Cursor<'_>> {
        match self.heads.get(HEAD_LEN * block..HEAD_LEN * (block + 1))? {
            &[d, p, i] => Some(Cursor::at(&self.dict.0, d as usize, p as usize, i as usize)),
            _ => None,
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

/// A letter or digit of the Latin script (ASCII, Latin-1 and the Latin extensions, Vietnamese's
/// included): the scripts typo matching serves.
fn is_latin_letter_or_digit(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c.is_alphabetic() && matches!(u32::from(c), 0xC0..=0x24F | 0x1E00..=0x1EFF))
}

/// The edit distance between `a` and `b` when it is at most `max`, else `None` (a banded
/// dynamic programme: only cells within `max` of the diagonal, stopping when a row exceeds it).
fn bounded_levenshtein(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let big = max + 1;
    let mut previous: Vec<usize> = (0..=b.len()).map(|j| j.min(big)).collect();
    let mut current = vec![big; b.len() + 1];
    for (i, &ca) in a.iter().enumerate() {
        let row = i + 1;
        current.fill(big);
        current[0] = row.min(big);
        let from = row.saturating_sub(max).max(1);
        let to = (row + max).min(b.len());
        let mut best = current[0];
        for j in from..=to {
            let cost = usize::from(ca != b[j - 1]);
            let value = (previous[j - 1] + cost)
                .min(previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(big);
            current[j] = value;
            best = best.min(value);
        }
        if best > max {
            return None;
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len()];
    (distance <= max).then_some(distance)
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

    /// A cursor at a block's first entry, from its head (dictionary offset, postings offset,
    /// first posting index).
    pub(super) fn at(dict: &'a [u8], pos: usize, post: usize, posting: usize) -> Cursor<'a> {
        Cursor {
            dict,
            pos,
            post,
            posting,
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

#[cfg(test)]
mod near_tests {
    use super::bounded_levenshtein;

    fn distance(a: &str, b: &str, max: usize) -> Option<usize> {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        bounded_levenshtein(&a, &b, max)
    }

    #[test]
    fn edit_distances_within_the_bound() {
        assert_eq!(distance("campucha", "campuchia", 1), Some(1));
        assert_eq!(distance("kitten", "sitting", 2), None);
        assert_eq!(distance("kitten", "sitting", 3), Some(3));
        assert_eq!(distance("traffiking", "trafficking", 2), Some(1));
        assert_eq!(distance("police", "police", 1), Some(0));
        assert_eq!(distance("abc", "xyz", 1), None);
        assert_eq!(distance("", "ab", 2), Some(2));
    }
}
