//! Where a sharded corpus's text chunks lie on the host: each chunk compressed on its own (one
//! gzip member), members laid end to end in *packs*, files of a few tens of kB, so that a card
//! costs one ranged request for its own article's bytes while the site stays a few thousand
//! files at any size. The build writes the packs and this table (`scripts/corpus-data.mjs`);
//! the app reads the table once, beside the core, and plans its requests with
//! [`TextPacks::requests`].
//!
//! # Table layout
//!
//! `b"BLTP"`, a version byte (1), then LEB128 numbers: the member count `m`, the pack count
//! `p`, the compressed length of each of the `m` members in chunk order, and how many members
//! each of the `p` packs holds (consecutive chunks, at least one each).

use std::ops::Range;

use crate::search::index::{read_varint, write_varint};
use crate::store::BlobError;

const MAGIC: &[u8; 4] = b"BLTP";
const VERSION: u8 = 1;

fn bad() -> BlobError {
    BlobError::Inconsistent("text packs")
}

/// The table: for each text chunk, its pack and its bytes there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextPacks {
    /// Per member, where it starts in its pack.
    starts: Vec<u32>,
    /// Per member, how many bytes it has.
    lens: Vec<u32>,
    /// Per pack, its first member; one more entry, the member count.
    pack_firsts: Vec<u32>,
}

/// One ranged request: bytes `bytes` of pack `pack`, which hold members `members` whole
/// (the chunks asked for and those between them that the range spans anyway).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackRequest {
    pub pack: u32,
    pub bytes: Range<u32>,
    pub members: Range<u32>,
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
        let mut number = || -> Result<u32, BlobError> {
            read_varint(rest, &mut at)
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(bad)
        };
        let members = number()? as usize;
        let packs = number()? as usize;
        // Every member takes a byte of the table at least: a bound before allocating.
        if members != chunks || members > rest.len() || packs > members {
            return Err(bad());
        }
        let lens: Vec<u32> = (0..members).map(|_| number()).collect::<Result<_, _>>()?;
        let mut pack_firsts = Vec::with_capacity(packs + 1);
        let mut starts = Vec::with_capacity(members);
        let mut first = 0u32;
        for _ in 0..packs {
            let count = number()?;
            let end = first
                .checked_add(count)
                .filter(|&e| count > 0 && e as usize <= members);
            let end = end.ok_or_else(bad)?;
            pack_firsts.push(first);
            let mut start = 0u32;
            for &len in lens.get(first as usize..end as usize).unwrap_or_default() {
                starts.push(start);
                start = start.checked_add(len).filter(|_| len > 0).ok_or_else(bad)?;
            }
            first = end;
        }
        if first as usize != members || at != rest.len() {
            return Err(bad());
        }
        pack_firsts.push(first);
        Ok(TextPacks {
            starts,
            lens,
            pack_firsts,
        })
    }

    /// How many packs there are.
    pub fn pack_count(&self) -> usize {
        self.pack_firsts.len().saturating_sub(1)
    }

    /// The pack that holds member `member`.
    pub fn pack_of(&self, member: u32) -> Option<u32> {
        if member as usize >= self.lens.len() {
            return None;
        }
        let after = self.pack_firsts.partition_point(|&first| first <= member);
        u32::try_from(after.checked_sub(1)?).ok()
    }

    /// Where member `member` lies in its pack.
    pub fn member_bytes(&self, member: u32) -> Option<Range<u32>> {
        let start = *self.starts.get(member as usize)?;
        Some(start..start + self.lens.get(member as usize)?)
    }

    /// The ranged requests that fetch `members` (any order; repeats and numbers past the end
    /// are ignored): one per run of them in a pack, a run going on across a gap of at most
    /// `max_gap` bytes (one request costs more than a few bytes more in one).
    pub fn requests(&self, members: &[u32], max_gap: u32) -> Vec<PackRequest> {
        let mut sorted: Vec<u32> = members
            .iter()
            .copied()
            .filter(|&m| (m as usize) < self.lens.len())
            .collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut out: Vec<PackRequest> = Vec::new();
        for member in sorted {
            let (Some(pack), Some(bytes)) = (self.pack_of(member), self.member_bytes(member))
            else {
                continue;
            };
            match out.last_mut() {
                Some(last) if last.pack == pack && bytes.start - last.bytes.end <= max_gap => {
                    last.bytes.end = bytes.end;
                    last.members.end = member + 1;
                }
                _ => out.push(PackRequest {
                    pack,
                    bytes,
                    members: member..member + 1,
                }),
            }
        }
        out
    }
}

impl PackRequest {
    /// Where member `member` lies in this request's bytes.
    pub fn member_in_response(&self, packs: &TextPacks, member: u32) -> Option<Range<usize>> {
        let bytes = packs.member_bytes(member)?;
        let start = bytes.start.checked_sub(self.bytes.start)? as usize;
        let end = bytes.end.checked_sub(self.bytes.start)? as usize;
        (self.members.contains(&member) && bytes.end <= self.bytes.end).then_some(start..end)
    }
}

/// The table for members of `lens` bytes in packs of `per_pack` members (what the build writes).
pub fn encode_table(lens: &[u32], per_pack: &[u32]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.push(VERSION);
    write_varint(&mut out, lens.len() as u64);
    write_varint(&mut out, per_pack.len() as u64);
    for &n in lens.iter().chain(per_pack) {
        write_varint(&mut out, u64::from(n));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TextPacks {
        // Members of 10, 20, 5 | 7 | 3, 3 bytes in three packs.
        let bytes = encode_table(&[10, 20, 5, 7, 3, 3], &[3, 1, 2]);
        TextPacks::parse(&bytes, 6).expect("valid")
    }

    #[test]
    fn members_lie_end_to_end_in_their_packs() {
        let packs = table();
        assert_eq!(packs.pack_count(), 3);
        let at: Vec<_> = (0..7)
            .map(|m| (packs.pack_of(m), packs.member_bytes(m)))
            .collect();
        assert_eq!(
            at,
            [
                (Some(0), Some(0..10)),
                (Some(0), Some(10..30)),
                (Some(0), Some(30..35)),
                (Some(1), Some(0..7)),
                (Some(2), Some(0..3)),
                (Some(2), Some(3..6)),
                (None, None),
            ]
        );
    }

    #[test]
    fn requests_merge_runs_within_a_pack_across_small_gaps() {
        let packs = table();
        let request = |pack, bytes, members| PackRequest {
            pack,
            bytes,
            members,
        };
        // Members 0 and 2 are 20 bytes apart: one request with a gap of 20, two with less.
        assert_eq!(
            packs.requests(&[2, 0, 0, 99], 20),
            [request(0, 0..35, 0..3)]
        );
        assert_eq!(
            packs.requests(&[0, 2], 19),
            [request(0, 0..10, 0..1), request(0, 30..35, 2..3)]
        );
        // Never across packs, however close.
        assert_eq!(
            packs.requests(&[2, 3, 4, 5], 1000),
            [
                request(0, 30..35, 2..3),
                request(1, 0..7, 3..4),
                request(2, 0..6, 4..6)
            ]
        );
        let merged = request(0, 0..35, 0..3);
        assert_eq!(merged.member_in_response(&packs, 1), Some(10..30));
        assert_eq!(merged.member_in_response(&packs, 3), None);
        assert!(packs.requests(&[], 0).is_empty());
    }

    #[test]
    fn a_table_that_does_not_describe_the_chunks_is_an_error() {
        let good = encode_table(&[10, 20, 5], &[2, 1]);
        assert!(TextPacks::parse(&good, 3).is_ok());
        assert!(TextPacks::parse(&good, 4).is_err(), "another chunk count");
        for bad in [
            encode_table(&[10, 20, 5], &[2, 2]),
            encode_table(&[10, 20, 5], &[3, 0]),
            encode_table(&[10, 0, 5], &[3]),
            encode_table(&[10, 20, 5], &[2]),
            b"BLTP\x02\x00\x00".to_vec(),
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
