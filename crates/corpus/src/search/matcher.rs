//! Finding a query item in one field of folded text: the rules of [`crate::search::Query`]
//! applied with a searcher per item ([`Pattern`]) over a field's segments ([`FieldScan`]), with
//! an ASCII fast path and a first match found by SIMD substring search.
//!
//! The index confirms phrases and long runs with it, and highlighting marks matches with it, so
//! what is found and what is marked follow one set of rules.

use std::ops::Range;

use memchr::memmem;

use crate::search::tokenize::{is_cluster_boundary, segments, SegmentKind};

use crate::search::query::{Item, Part};

/// How many matches a scan looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Extent {
    /// Every match (highlighting).
    Every,
    /// Stop at the first (does the item occur at all?).
    First,
}

/// An [`Item`] ready to be looked for in many fields: the searcher for each of its parts is
/// built once (per query), not once per field.
#[derive(Debug)]
pub(crate) struct Pattern<'q> {
    item: &'q Item,
    /// One searcher per part, in order.
    finders: Vec<memmem::Finder<'static>>,
    /// The part whose occurrences anchor a scan: the rarest one, so that a phrase of common
    /// words is looked for from `government`, not from `the`.
    anchor: usize,
    /// Every part is an ASCII word, so [`ascii_word_matches`] may answer.
    ascii_words: bool,
    /// For a phrase of ASCII words: the words joined by single spaces, the way they are nearly
    /// always written, so that [`FieldScan::occurs`] can try one long needle before walking the
    /// occurrences of a common anchor word.
    literal: Option<memmem::Finder<'static>>,
}

impl<'q> Pattern<'q> {
    /// A pattern anchored on the longest part (without document frequencies, the best guess
    /// at the rarest).
    pub(crate) fn new(item: &'q Item) -> Pattern<'q> {
        let anchor = item
            .parts
            .iter()
            .enumerate()
            .rev()
            .max_by_key(|(_, p)| p.text.len())
            .map_or(0, |(i, _)| i);
        Pattern::anchored(item, anchor, None)
    }

    /// A pattern anchored on part `anchor` (the rarest, by the index's document frequencies).
    /// With `byte_rank` (the corpus's own byte frequencies, see [`crate::search::index::SearchIndex`]),
    /// the substring searchers' prefilters pick the rarest bytes of each part by it instead of
    /// memchr's table for English text, under which every Thai letter looks rare.
    pub(crate) fn anchored(
        item: &'q Item,
        anchor: usize,
        byte_rank: Option<&[u8; 256]>,
    ) -> Pattern<'q> {
        let finder = |needle: &[u8]| -> memmem::Finder<'static> {
            match byte_rank {
                Some(rank) => memmem::FinderBuilder::new()
                    .build_forward_with_ranker(ByteRank(rank), needle)
                    .into_owned(),
                None => memmem::Finder::new(needle).into_owned(),
            }
        };
        let anchor = anchor.min(item.parts.len().saturating_sub(1));
        let ascii_words = !item.parts.is_empty()
            && item
                .parts
                .iter()
                .all(|p| p.kind == SegmentKind::Word && p.text.is_ascii() && !p.text.is_empty());
        let literal = (ascii_words && item.parts.len() > 1 && !item.prefix).then(|| {
            let joined: Vec<&str> = item.parts.iter().map(|p| p.text.as_str()).collect();
            finder(joined.join(" ").as_bytes())
        });
        Pattern {
            item,
            finders: item
                .parts
                .iter()
                .map(|p| finder(p.text.as_bytes()))
                .collect(),
            anchor,
            ascii_words,
            literal,
        }
    }

    /// Byte offsets of the anchor part's occurrences in `text`, in order.
    fn anchor_occurrences<'h>(&'h self, text: &'h str) -> impl Iterator<Item = usize> + 'h {
        self.finders
            .get(self.anchor)
            .into_iter()
            .flat_map(move |f| f.find_iter(text.as_bytes()))
    }
}

/// A byte-frequency ranking for memchr's prefilter: 0 for the rarest byte, 255 for the commonest.
struct ByteRank<'r>(&'r [u8; 256]);

impl memchr::arch::all::packedpair::HeuristicFrequencyRank for ByteRank<'_> {
    fn rank(&self, byte: u8) -> u8 {
        self.0[usize::from(byte)]
    }
}

/// One folded field and, once a rule needs them, its segments.
#[derive(Debug)]
pub(crate) struct FieldScan<'t> {
    folded: &'t str,
    /// `(kind, start, end)` of each segment of `folded`, computed on first use.
    segs: Option<Vec<(SegmentKind, usize, usize)>>,
}

impl<'t> FieldScan<'t> {
    /// A scan of already folded text.
    pub(crate) fn new(folded: &'t str) -> FieldScan<'t> {
        FieldScan { folded, segs: None }
    }

    fn segs(&mut self) -> &[(SegmentKind, usize, usize)] {
        let folded = self.folded;
        self.segs.get_or_insert_with(|| {
            segments(folded)
                .map(|s| (s.kind, s.start, s.end()))
                .collect()
        })
    }

    /// Does the pattern match anywhere in the field? Stops at the first match.
    pub(crate) fn occurs(&mut self, pattern: &Pattern<'_>) -> bool {
        if pattern
            .literal
            .as_ref()
            .is_some_and(|l| literal_match(self.folded, l))
        {
            return true;
        }
        self.scan(pattern, Extent::First, &mut |_| {}) > 0
    }

    /// Reports every match of the pattern in the field as a folded range; returns how many.
    pub(crate) fn each_match(
        &mut self,
        pattern: &Pattern<'_>,
        on_match: &mut dyn FnMut(Range<usize>),
    ) -> u32 {
        self.scan(pattern, Extent::Every, on_match)
    }

    fn scan(
        &mut self,
        pattern: &Pattern<'_>,
        extent: Extent,
        on_match: &mut dyn FnMut(Range<usize>),
    ) -> u32 {
        if pattern.ascii_words {
            if let Some(ranges) = ascii_word_matches(self.folded, pattern, extent) {
                let n = ranges.len() as u32;
                ranges.into_iter().for_each(&mut *on_match);
                return n;
            }
        }
        self.scan_segments(pattern, extent, on_match)
    }

    /// [`FieldScan::scan`] by segmenting the whole field: the definition of a match.
    fn scan_segments(
        &mut self,
        pattern: &Pattern<'_>,
        extent: Extent,
        on_match: &mut dyn FnMut(Range<usize>),
    ) -> u32 {
        let item = pattern.item;
        let mut n = 0;
        let mut found = |range: Range<usize>| {
            n += 1;
            on_match(range);
            extent == Extent::First
        };
        match item.parts.as_slice() {
            [] => {}
            [part] if part.kind == SegmentKind::Run => {
                let text = self.folded;
                let t = part.text.as_str();
                let Some(finder) = pattern.finders.first() else {
                    return 0;
                };
                // Not `find_iter`: an occurrence inside a cluster must not hide an overlapping
                // one that starts at the next character.
                let mut from = 0;
                while let Some(i) = text
                    .as_bytes()
                    .get(from..)
                    .and_then(|rest| finder.find(rest))
                {
                    let at = from + i;
                    if is_cluster_boundary(text, at) && is_cluster_boundary(text, at + t.len()) {
                        if found(at..at + t.len()) {
                            break;
                        }
                        from = at + t.len();
                    } else {
                        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
                    }
                }
            }
            [part] => {
                let text = self.folded;
                for &(kind, s, e) in self.segs() {
                    let w = &text[s..e];
                    if kind == SegmentKind::Word
                        && (w == part.text || (item.prefix && w.starts_with(&part.text)))
                        && found(s..e)
                    {
                        break;
                    }
                }
            }
            parts => {
                // Every part occurs as a substring wherever the phrase matches: a cheap test that
                // skips segmenting the (many) candidate fields without one.
                let text = self.folded;
                if pattern
                    .finders
                    .iter()
                    .any(|f| f.find(text.as_bytes()).is_none())
                {
                    return 0;
                }
                for window in self.segs().windows(parts.len()) {
                    if let Some(range) = phrase_at(text, parts, window) {
                        if found(range) {
                            break;
                        }
                    }
                }
            }
        }
        n
    }
}

/// The matches of a pattern made of ASCII words (one word, possibly a typed prefix, or a phrase)
/// in folded `text`, found from the occurrences of its anchor part instead of segmenting the whole
/// field: the same ranges as [`FieldScan::scan_segments`] (only the first with
/// [`Extent::First`]). `None` when non-ASCII text touches a candidate, where only segmentation
/// decides where a word ends.
fn ascii_word_matches(
    text: &str,
    pattern: &Pattern<'_>,
    extent: Extent,
) -> Option<Vec<Range<usize>>> {
    let bytes = text.as_bytes();
    let parts = pattern.item.parts.as_slice();
    let single_prefix = pattern.item.prefix && parts.len() == 1;
    if parts.iter().any(|p| p.text.is_empty()) {
        return None;
    }
    let word = |b: u8| b.is_ascii_alphanumeric();
    let mut out = Vec::new();
    'occurrence: for anchor_at in pattern.anchor_occurrences(text) {
        // Back from the anchor to where the first part starts: each earlier part ends one or
        // more separators (on the same line) before the next one starts.
        let mut start = anchor_at;
        for part in parts[..pattern.anchor].iter().rev() {
            let word_end = match gap(bytes, start, Direction::Back) {
                Gap::To(end) if end < start => end,
                Gap::NonAscii => return None,
                Gap::To(_) | Gap::LineBreak => continue 'occurrence,
            };
            if !text[..word_end].ends_with(part.text.as_str()) {
                continue 'occurrence;
            }
            start = word_end - part.text.len();
        }
        if let Some(&before) = start.checked_sub(1).and_then(|i| bytes.get(i)) {
            if !before.is_ascii() {
                return None;
            }
            if word(before) {
                continue;
            }
        }
        // Forward from the anchor through the later parts.
        let mut at = anchor_at + parts[pattern.anchor].text.len();
        for part in &parts[pattern.anchor + 1..] {
            let word_start = match gap(bytes, at, Direction::Forward) {
                Gap::To(next) if next > at => next,
                Gap::NonAscii => return None,
                Gap::To(_) | Gap::LineBreak => continue 'occurrence,
            };
            if !text[word_start..].starts_with(part.text.as_str()) {
                continue 'occurrence;
            }
            at = word_start + part.text.len();
        }
        // The last word ends here; a typed prefix may run on to the end of its word.
        let mut end = at;
        while let Some(&b) = bytes.get(end) {
            if !b.is_ascii() {
                return None;
            }
            if !word(b) {
                break;
            }
            end += 1;
        }
        if end > at && !single_prefix {
            continue;
        }
        out.push(start..end);
        if extent == Extent::First {
            break;
        }
    }
    Some(out)
}

/// Is there an occurrence of `literal` (ASCII words joined by single spaces) in folded `text`
/// between ASCII non-word characters (or the text's ends)? Each such occurrence is a match of the
/// phrase; `false` says nothing (the words may be written with other separators, or touch
/// non-ASCII text, where only segmentation decides).
fn literal_match(text: &str, literal: &memmem::Finder<'_>) -> bool {
    let bytes = text.as_bytes();
    let len = literal.needle().len();
    let separator = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric());
    literal.find_iter(bytes).any(|at| {
        separator(at.checked_sub(1).and_then(|i| bytes.get(i))) && separator(bytes.get(at + len))
    })
}

/// Which way [`gap`] walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Forward,
    Back,
}

/// What separates a phrase's word from the next (or previous) one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// The separators end here: where the next word starts (forward), or where the previous one
    /// ends (back). Equal to the starting point when there is no separator.
    To(usize),
    /// A line break: a phrase does not cross lines.
    LineBreak,
    /// Non-ASCII text: only segmentation can tell.
    NonAscii,
}

/// Walks the ASCII separators (neither letters nor digits) from byte `at` of `bytes`, forward or
/// back, to the nearest word character or the end of the text.
fn gap(bytes: &[u8], mut at: usize, direction: Direction) -> Gap {
    loop {
        let next = match direction {
            Direction::Forward => bytes.get(at),
            Direction::Back => at.checked_sub(1).and_then(|i| bytes.get(i)),
        };
        match next {
            None => return Gap::To(at),
            Some(b) if !b.is_ascii() => return Gap::NonAscii,
            Some(b) if b.is_ascii_alphanumeric() => return Gap::To(at),
            Some(b'\n') => return Gap::LineBreak,
            Some(_) if direction == Direction::Forward => at += 1,
            Some(_) => at -= 1,
        }
    }
}

/// Does the phrase `parts` match the consecutive segments `window`? Returns the folded range.
fn phrase_at(
    text: &str,
    parts: &[Part],
    window: &[(SegmentKind, usize, usize)],
) -> Option<Range<usize>> {
    let (&(_, first_start, first_end), &(_, last_start, last_end)) =
        (window.first()?, window.last()?);
    let k = parts.len();
    let mut start = first_start;
    let mut end = last_end;
    for (i, (part, &(kind, s, e))) in parts.iter().zip(window).enumerate() {
        if kind != part.kind {
            return None;
        }
        let seg = &text[s..e];
        let t = part.text.as_str();
        let ok = if kind == SegmentKind::Word || (i > 0 && i + 1 < k) {
            seg == t
        } else if i == 0 {
            start = e - t.len().min(e - s);
            seg.ends_with(t) && is_cluster_boundary(seg, seg.len() - t.len())
        } else {
            end = s + t.len().min(e - s);
            seg.starts_with(t) && is_cluster_boundary(seg, t.len())
        };
        if !ok {
            return None;
        }
    }
    if text[first_end..last_start].contains('\n') {
        return None;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;

    proptest::proptest! {
        /// The ASCII fast path finds exactly what segmenting the field finds, or declines.
        #[test]
        fn ascii_fast_path_equals_segmentation(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b", "ab", "ba", "a1", " ", "  ", "\n", "\r\n", "-", ".", "'", "ó", "中", "ก", "\u{301}",
            ]), 0..24),
            words in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "ab", "ba", "a1"]), 1..4),
            prefix in proptest::bool::ANY,
        ) {
            let text = fold(&pieces.concat());
            let parts: Vec<Part> = words
                .iter()
                .map(|w| Part { kind: SegmentKind::Word, text: (*w).to_owned() })
                .collect();
            let item = Item { parts: parts.clone(), prefix: prefix && parts.len() == 1 };
            let pattern = Pattern::new(&item);
            if let Some(fast) = ascii_word_matches(&text, &pattern, Extent::Every) {
                let mut scan = FieldScan::new(&text);
                let mut slow = Vec::new();
                scan.scan_segments(&pattern, Extent::Every, &mut |r| slow.push(r));
                proptest::prop_assert_eq!(&fast, &slow, "{:?} {:?}", text, words);
                let first = ascii_word_matches(&text, &pattern, Extent::First);
                proptest::prop_assert_eq!(first.unwrap_or_default(), fast.into_iter().take(1).collect::<Vec<_>>());
                proptest::prop_assert_eq!(scan.occurs(&pattern), !slow.is_empty());
            }
            // With or without the fast path (and the single-space literal it tries first), a
            // phrase occurs exactly where segmenting finds it.
            let mut scan = FieldScan::new(&text);
            let mut slow = Vec::new();
            scan.scan_segments(&pattern, Extent::Every, &mut |r| slow.push(r));
            proptest::prop_assert_eq!(FieldScan::new(&text).occurs(&pattern), !slow.is_empty(), "{:?} {:?}", text, words);
        }
    }
}
