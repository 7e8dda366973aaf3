//! Where a sharded corpus's text chunks lie on the host: each chunk compressed on its own (one
//! gzip member), members laid end to end in *packs*, files of a few tens of kB, so that a card
//! costs one ranged request for its own article's bytes while the site stays a few thousand
//! files at any size. Chunks are laid by language (of their first article), then in corpus
//! order (newest first): a phrase or a Thai or Chinese run is checked on articles of its own
//! language, which then lie together, in a few long ranges rather than hundreds of short ones.
//! The build writes the packs and this table (`scripts/corpus-data.mjs`, in the order
//! [`crate::CorpusBlob::text_chunk_layout`] gives); the app reads the table once, beside the
//! core, and plans its requests with [`TextPacks::requests`].
//!
//! # Table layout
//!
//! `b"BLTP"`, a version byte (2), then LEB128 numbers: the member count `m`, the pack count
//! `p`; the compressed length of each of the `m` members as laid; how many members each of the
//! `p` packs holds (at least one); and which chunk each laid member is, as the difference from
//! the one laid before (zigzag: `2d` for `d ≥ 0`, `-2d - 1` below; the first from -1).

use std::ops::Range;

use crate::search::index::{read_varint, write_varint};
use crate::store::BlobError;

const MAGIC: &[u8; 4] = b"BLTP";
const VERSION: u8 = 2;

fn bad() -> BlobError {
    BlobError::Inconsistent("text packs")
}

/// The table: for each text chunk, its pack and its bytes there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPacks {
    /// Per place in the layout, the chunk laid there.
    order: Vec<u32>,
    /// Per chunk, its place in the layout.
    place: Vec<u32>,
    /// Per place, where its member starts in its pack.
    starts: Vec<u32>,
    /// Per place, how many bytes its member has.
    lens: Vec<u32>,
    /// Per pack, its first place; one more entry, the member count.
    pack_firsts: Vec<u32>,
}

/// One ranged request: bytes `bytes` of pack `pack`, which hold the members laid at `places`
/// whole (the chunks asked for and those between them that the range spans anyway).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRequest {
    pub pack: u32,
    pub bytes: Range<u32>,
    pub places: Range<u32>,
}

impl TextPacks {
    /// Reads the table of a corpus of `chunks` text chunks; an error when it does not describe
    /// exactly those (another version of the site, damaged bytes).
    pub fn parse(bytes: &[u8], chunks: usize) -> Result<TextPacks, BlobError> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(bad)?;
        let (&version, rest) = rest.split_first().ok_or_else(bad)?;
        if version != VERSION {
            return Err(bad());
        }
        let mut at = 0;
        let mut number =
            || -> Result<u64, BlobError> { read_varint(rest, &mut at).ok_or_else(bad) };
        let small = |n: u64| u32::try_from(n).map_err(|_| bad());
        let members = small(number()?)? as usize;
        let packs = small(number()?)? as usize;
        // Every member takes two bytes of the table at least: a bound before allocating.
        if members != chunks || members > rest.len() || packs > members {
            return Err(bad());
        }
        let lens: Vec<u32> = (0..members)
            .map(|_| small(number()?))
            .collect::<Result<_, _>>()?;
        let mut pack_firsts = Vec::with_capacity(packs + 1);
        let mut starts = Vec::with_capacity(members);
        let mut first = 0u32;
        for _ in 0..packs {
            let count = small(number()?)?;
            let end = first
                .checked_add(count)
                .filter(|&e| count > 0 && e as usize <= members)
                .ok_or_else(bad)?;
            pack_firsts.push(first);
            let mut start = 0u32;
            for &len in lens.get(first as usize..end as usize).unwrap_or_default() {
                starts.push(start);
                start = start.checked_add(len).filter(|_| len > 0).ok_or_else(bad)?;
            }
            first = end;
        }
        if first as usize != members {
            return Err(bad());
        }
        pack_firsts.push(first);
        let mut order = Vec::with_capacity(members);
        let mut place = vec![u32::MAX; members];
        let mut last: i64 = -1;
        for laid in 0..members {
            let zigzag = number()?;
            let step = if zigzag % 2 == 0 {
                i64::try_from(zigzag / 2).map_err(|_| bad())?
            } else {
                -i64::try_from(zigzag / 2).map_err(|_| bad())? - 1
            };
            let chunk = last.checked_add(step).ok_or_else(bad)?;
            let slot = usize::try_from(chunk)
                .ok()
                .and_then(|c| place.get_mut(c))
                .filter(|p| **p == u32::MAX)
                .ok_or_else(bad)?;
            *slot = laid as u32;
            order.push(chunk as u32);
            last = chunk;
        }
        if at != rest.len() {
            return Err(bad());
        }
        Ok(TextPacks {
            order,
            place,
            starts,
            lens,
            pack_firsts,
        })
    }

    /// How many packs there are.
    pub fn pack_count(&self) -> usize {
        self.pack_firsts.len().saturating_sub(1)
    }

    /// The pack of the member laid at `place`.
    fn pack_at(&self, place: u32) -> Option<u32> {
        if place as usize >= self.lens.len() {
            return None;
        }
        let after = self.pack_firsts.partition_point(|&first| first <= place);
        u32::try_from(after.checked_sub(1)?).ok()
    }

    /// Where the member laid at `place` lies in its pack.
    fn bytes_at(&self, place: u32) -> Option<Range<u32>> {
        let start = *self.starts.get(place as usize)?;
        Some(start..start + self.lens.get(place as usize)?)
    }

    /// The pack that holds chunk `member`, and where it lies there.
    pub fn member(&self, member: u32) -> Option<(u32, Range<u32>)> {
        let place = *self.place.get(member as usize)?;
        Some((self.pack_at(place)?, self.bytes_at(place)?))
    }

    /// The ranged requests that fetch the chunks `members` (any order; repeats and numbers past
    /// the end are ignored): one per run of them in a pack, a run going on across a gap of at
    /// most `max_gap` bytes (one request costs more than a few bytes more in one).
    pub fn requests(&self, members: &[u32], max_gap: u32) -> Vec<PackRequest> {
        let mut places: Vec<u32> = members
            .iter()
            .filter_map(|&m| self.place.get(m as usize).copied())
            .collect();
        places.sort_unstable();
        places.dedup();
        let mut out: Vec<PackRequest> = Vec::new();
        for place in places {
            let (Some(pack), Some(bytes)) = (self.pack_at(place), self.bytes_at(place)) else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.pack == pack && bytes.start - last.bytes.end <= max_gap => {
                    last.bytes.end = bytes.end;
                    last.places.end = place + 1;
                }
                _ => out.push(PackRequest {
                    pack,
                    bytes,
                    places: place..place + 1,
                }),
            }
        }
        out
    }

    /// The chunks a request fetches, as laid, each with where it lies in the request's bytes.
    pub fn members_in<'a>(
        &'a self,
        request: &'a PackRequest,
    ) -> impl Iterator<Item = (u32, Range<usize>)> + 'a {
        request.places.clone().filter_map(move |place| {
            let member = *self.order.get(place as usize)?;
            let bytes = self.bytes_at(place)?;
            let start = bytes.start.checked_sub(request.bytes.start)? as usize;
            let end = bytes.end.checked_sub(request.bytes.start)? as usize;
            (bytes.end <= request.bytes.end).then_some((member, start..end))
        })
    }
}

/// The table for members of `lens` bytes (as laid) in packs of `per_pack` members, the chunks
/// laid in `order` (what the build writes).
pub fn encode_table(lens: &[u32], per_pack: &[u32], order: &[u32]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(VERSION);
    write_varint(&mut out, lens.len() as u64);
    write_varint(&mut out, per_pack.len() as u64);
    for &n in lens.iter().chain(per_pack) {
        write_varint(&mut out, u64::from(n));
    }
    let mut last: i64 = -1;
    for &chunk in order {
        let step = i64::from(chunk) - last;
        let zigzag = if step >= 0 { 2 * step } else { -2 * step - 1 };
        write_varint(&mut out, zigzag as u64);
        last = i64::from(chunk);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TextPacks {
        // Chunks laid 0, 1, 2 | 5 | 3, 4 (of 10, 20, 5 | 7 | 3, 3 bytes) in three packs.
        let bytes = encode_table(&[10, 20, 5, 7, 3, 3], &[3, 1, 2], &[0, 1, 2, 5, 3, 4]);
        TextPacks::parse(&bytes, 6).expect("valid")
    }

    #[test]
    fn members_lie_end_to_end_in_their_packs_in_the_order_laid() {
        let packs = table();
        assert_eq!(packs.pack_count(), 3);
        let at: Vec<_> = (0..7).map(|m| packs.member(m)).collect();
        assert_eq!(
            at,
            [
                Some((0, 0..10)),
                Some((0, 10..30)),
                Some((0, 30..35)),
                Some((2, 0..3)),
                Some((2, 3..6)),
                Some((1, 0..7)),
                None,
            ]
        );
    }

    #[test]
    fn requests_merge_runs_within_a_pack_across_small_gaps() {
        let packs = table();
        let request = |pack, bytes, places| PackRequest {
            pack,
            bytes,
            places,
        };
        // Chunks 0 and 2 are 20 bytes apart: one request with a gap of 20, two with less.
        assert_eq!(
            packs.requests(&[2, 0, 0, 99], 20),
            [request(0, 0..35, 0..3)]
        );
        assert_eq!(
            packs.requests(&[0, 2], 19),
            [request(0, 0..10, 0..1), request(0, 30..35, 2..3)]
        );
        // Never across packs, however close; in the order laid.
        assert_eq!(
            packs.requests(&[2, 3, 4, 5], 1000),
            [
                request(0, 30..35, 2..3),
                request(1, 0..7, 3..4),
                request(2, 0..6, 4..6)
            ]
        );
        let merged = request(0, 0..35, 0..3);
        assert_eq!(
            packs.members_in(&merged).collect::<Vec<_>>(),
            [(0, 0..10), (1, 10..30), (2, 30..35)]
        );
        let last = request(2, 3..6, 5..6);
        assert_eq!(packs.members_in(&last).collect::<Vec<_>>(), [(4, 0..3)]);
        assert!(packs.requests(&[], 0).is_empty());
    }

    #[test]
    fn a_table_that_does_not_describe_the_chunks_is_an_error() {
        let good = encode_table(&[10, 20, 5], &[2, 1], &[2, 0, 1]);
        assert!(TextPacks::parse(&good, 3).is_ok());
        assert!(TextPacks::parse(&good, 4).is_err(), "another chunk count");
        for bad in [
            encode_table(&[10, 20, 5], &[2, 2], &[0, 1, 2]),
            encode_table(&[10, 20, 5], &[3, 0], &[0, 1, 2]),
            encode_table(&[10, 0, 5], &[3], &[0, 1, 2]),
            encode_table(&[10, 20, 5], &[2], &[0, 1, 2]),
            encode_table(&[10, 20, 5], &[3], &[0, 1, 1]),
            encode_table(&[10, 20, 5], &[3], &[0, 1, 3]),
            encode_table(&[10, 20, 5], &[3], &[0, 1]),
            b"BLTP\x01\x00\x00".to_vec(),
            b"nope".to_vec(),
            good[..good.len() - 1].to_vec(),
            [good.as_slice(), &[0]].concat(),
        ] {
            assert!(TextPacks::parse(&bad, 3).is_err(), "{bad:?}");
        }
        // Truncated anywhere, never a panic.
        for end in 0..good.len() {
            assert!(TextPacks::parse(&good[..end], 3).is_err());
        }
    }
}
