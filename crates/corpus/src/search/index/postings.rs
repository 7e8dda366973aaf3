//! Posting lists: decoding a term's documents (gaps) and flags, and combining lists: the
//! union of a set of lists, and keeping the candidates found in one.
//!
//! A list's bytes are in the index, or in a postings shard (`shards.rs`): one whose shard has not
//! arrived reads as empty.
//!
//! Decoding never panics or wraps, whatever the bytes: a list ends at the first gap that would
//! overflow or reach a document id past the index's documents (a decoded blob's lists have none:
//! [`SearchIndex::validate`] walks them all).

use super::{Entry, SearchIndex};

impl SearchIndex {
    /// Decodes a posting list: `(doc, flags)`.
    pub(super) fn postings(&self, e: &Entry) -> Postings<'_> {
        let list = self.list_bytes(e);
        Postings {
            docs: self.docs_in(list.gaps),
            flags: list.flags,
            posting: e.first_posting.saturating_sub(list.first_flag),
        }
    }

    /// Decodes a posting list's documents only (no flags).
    pub(super) fn docs(&self, e: &Entry) -> Docs<'_> {
        self.docs_in(self.list_bytes(e).gaps)
    }

    fn docs_in<'a>(&self, gaps: &'a [u8]) -> Docs<'a> {
        Docs {
            gaps,
            pos: 0,
            doc: 0,
            limit: self.doc_count,
        }
    }

    /// The sorted union of the documents of `set`.
    pub(super) fn union(&self, set: &[Entry]) -> Vec<u32> {
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
    pub(super) fn retain_in(&self, candidates: &mut Vec<u32>, set: &[Entry]) {
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
}

pub(super) fn bit_docs(bits: &[u64]) -> impl Iterator<Item = u32> + '_ {
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

/// Decoder of one posting list's documents.
pub(super) struct Docs<'a> {
    gaps: &'a [u8],
    pos: usize,
    doc: u32,
    /// Document ids are below this (the index's document count).
    limit: u32,
}

impl Iterator for Docs<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let gap = read_varint(self.gaps, &mut self.pos)?;
        let doc = u32::try_from(gap)
            .ok()
            .and_then(|gap| self.doc.checked_add(gap))
            .filter(|&doc| doc < self.limit);
        match doc {
            Some(doc) => {
                self.doc = doc;
                Some(doc)
            }
            None => {
                // Corrupt: the list ends here, and stays ended.
                self.pos = self.gaps.len();
                None
            }
        }
    }
}

/// Decoder of one posting list: `(doc, flags)`.
pub(super) struct Postings<'a> {
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
        self.posting = self.posting.saturating_add(1);
        Some((doc, flags))
    }
}

/// The postings' flags as they are built: four bits each, two a byte, the first in the low half.
#[derive(Default)]
pub(super) struct Flags {
    pub(super) bytes: Vec<u8>,
    /// Postings so far.
    pub(super) len: usize,
}

impl Flags {
    pub(super) fn push(&mut self, flags: u8) {
        if self.len % 2 == 0 {
            self.bytes.push(flags & 0xF);
        } else if let Some(last) = self.bytes.last_mut() {
            *last |= (flags & 0xF) << 4;
        }
        self.len += 1;
    }
}

/// The flags of posting `i` (0 past the end).
pub(super) fn flag_at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i / 2).map_or(0, |b| (b >> (4 * (i % 2))) & 0xF)
}

/// The LEB128 number at `*pos`, moving `*pos` past it; `None` when it runs past the end or
/// does not fit in 64 bits.
pub(crate) fn read_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        if shift == 63 && b > 1 {
            return None;
        }
        v |= u64::from(b & 0x7F) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}
