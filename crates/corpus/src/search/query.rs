//! Queries: parsing, the exact matching rules, highlighting and snippets.
//!
//! A query is a list of **items**, all of which must match (AND). [`Query::parse`] folds the
//! query ([`crate::search::fold`]) and cuts it with the same tokenizer as the index
//! ([`crate::search::tokenize::segments`]):
//!
//! * outside quotes every segment is its own item: a **word** (spaced scripts) or a **run**
//!   (Han, kana, Thai, Lao, Khmer, Myanmar);
//! * `"quoted text"` (also `“…”`; an unclosed quote runs to the end) is one **phrase** item.
//!
//! What an item matches in a field (title, or one body part), on the folded text:
//!
//! * word `w`: a word segment equal to `w`; with [`Query::parse`] the last bare word of a query not
//!   ending in a space is a **prefix** (`thai la` finds `Thái Lan`, `Lanka`);
//! * run `r`: `r` occurs as a substring starting and ending on grapheme-cluster boundaries
//!   (`คอลเซ็นเตอร์` inside a longer Thai run; `络诈` across the Chinese words `网络|诈骗`);
//! * phrase `p1 … pk`: consecutive segments of the field (separators between them ignored, but no
//!   line break), the inner ones equal, the first a word equal to `p1` or a run ending with `p1`,
//!   the last a word equal to `pk` or a run starting with `pk` (cluster-aligned). So `"thai lan"`
//!   finds `Thái-Lan` but not `Lan Thái`.
//!
//! [`crate::search::index::SearchIndex::search`] returns exactly the documents a brute-force scan with
//! these rules returns (checked by a property test); [`highlight`] and [`snippet`] use the same
//! rules to mark the matches in the original text.

use std::ops::Range;

use memchr::memmem;

use crate::search::fold::{fold, fold_with_offsets};
use crate::search::tokenize::{cluster_count, is_cluster_boundary, segments, SegmentKind};

/// A parsed search query: see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    items: Vec<Item>,
}

/// One AND-ed part of a [`Query`]: a word, a run, or a phrase of several parts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Item {
    /// Folded parts in order; one for a bare term, one or more for a phrase.
    pub parts: Vec<Part>,
    /// Only for a single word: match any word starting with it.
    pub prefix: bool,
}

/// One segment of an [`Item`], folded.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Part {
    pub kind: SegmentKind,
    pub text: String,
}

impl Query {
    /// Parses a query typed in a search box: like [`Query::parse_exact`], but the last bare word
    /// matches as a prefix unless the query ends with a space (search as you type).
    pub fn parse(q: &str) -> Query {
        Query::parse_with(q, true)
    }

    /// Parses a query with whole-word matching only.
    pub fn parse_exact(q: &str) -> Query {
        Query::parse_with(q, false)
    }

    fn parse_with(q: &str, typing: bool) -> Query {
        let mut items: Vec<Item> = Vec::new();
        let mut last_bare_prefixable = false;
        for (i, chunk) in q.split(['"', '“', '”', '＂']).enumerate() {
            let folded = fold(chunk);
            let quoted = i % 2 == 1;
            if quoted {
                let parts: Vec<Part> = segments(&folded)
                    .map(|s| Part {
                        kind: s.kind,
                        text: s.text.to_string(),
                    })
                    .collect();
                if !parts.is_empty() {
                    items.push(Item {
                        parts,
                        prefix: false,
                    });
                }
                last_bare_prefixable = false;
            } else {
                last_bare_prefixable = false;
                for s in segments(&folded) {
                    items.push(Item {
                        parts: vec![Part {
                            kind: s.kind,
                            text: s.text.to_string(),
                        }],
                        prefix: false,
                    });
                    last_bare_prefixable = s.kind == SegmentKind::Word && s.end() == folded.len();
                }
            }
        }
        if typing && last_bare_prefixable && !q.ends_with(['"', '“', '”', '＂']) {
            if let Some(last) = items.last_mut() {
                last.prefix = true;
            }
        }
        let mut unique: Vec<Item> = Vec::with_capacity(items.len());
        for item in items {
            if !unique.contains(&item) {
                unique.push(item);
            }
        }
        Query { items: unique }
    }

    /// True when the query has nothing to search for (blank, or only punctuation).
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The AND-ed items.
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// Brute-force check of one document (title and body parts), with the same rules as the
    /// index. For tests, benchmarks and small lists; the index is much faster on a corpus.
    pub fn matches_fields<'a>(&self, title: &str, body: impl IntoIterator<Item = &'a str>) -> bool {
        let mut found = vec![false; self.items.len()];
        let patterns: Vec<Pattern<'_>> = self.items.iter().map(Pattern::new).collect();
        let mut folded = String::new();
        let mut text = |t: &str| {
            crate::search::fold::fold_to(t, &mut folded);
            let mut scan = FieldScan::new(&folded);
            for (i, pattern) in patterns.iter().enumerate() {
                if !found[i] && scan.occurs(pattern) {
                    found[i] = true;
                }
            }
        };
        text(title);
        for part in body {
            text(part);
        }
        found.iter().all(|f| *f)
    }
}

impl Item {
    /// True for an item that the index's postings cannot answer exactly alone, so candidates
    /// are confirmed on the text: phrases, and runs of three clusters or more (whose bigrams
    /// may each occur without the run). A run of one or two clusters is exactly the union of
    /// the bigrams it starts (and the unigram it is), or exactly its bigram.
    pub(crate) fn needs_text(&self) -> bool {
        match self.parts.as_slice() {
            [part] => part.kind == SegmentKind::Run && cluster_count(&part.text) > 2,
            _ => true,
        }
    }
}

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

/// Byte ranges of `text` (original, unfolded) matching any item of `query`: sorted, merged,
/// non-overlapping, on char boundaries (whole clusters where folding changed them). Ready to wrap
/// in `<mark>`.
pub fn highlight(text: &str, query: &Query) -> Vec<Range<usize>> {
    if query.is_empty() {
        return Vec::new();
    }
    let folded = fold_with_offsets(text);
    let mut scan = FieldScan::new(&folded.text);
    let mut ranges = Vec::new();
    for item in query.items() {
        scan.each_match(&Pattern::new(item), &mut |r| {
            ranges.push(folded.original_range(r))
        });
    }
    merge(ranges)
}

/// Sorts and merges overlapping or touching ranges.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A passage of an article to show under its title in the result list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// Index of the paragraph the passage comes from.
    pub paragraph: usize,
    /// The passage, with `…` where it was cut.
    pub text: String,
    /// Byte ranges of matches in `text`, sorted and non-overlapping.
    pub highlights: Vec<Range<usize>>,
}

/// The passage of at most `max_chars` characters (plus `…` marks) around the densest cluster of
/// matches, in whichever paragraph has it; the start of the first paragraph when the query is
/// empty or matches no paragraph. Cuts fall on spaces when there is one near, else on grapheme
/// cluster boundaries (Thai, Chinese).
pub fn snippet(paragraphs: &[String], query: &Query, max_chars: usize) -> Snippet {
    let max_chars = max_chars.max(1);
    // (paragraph, window start, matches in window)
    let mut best: Option<(usize, usize, usize)> = None;
    let mut best_ranges = Vec::new();
    if !query.is_empty() {
        for (p, text) in paragraphs.iter().enumerate() {
            let ranges = highlight(text, query);
            if ranges.is_empty() {
                continue;
            }
            // Ranges are sorted and disjoint, so their ends in chars come from one walk, and as
            // both window ends only move forward two cursors count the matches in each window.
            let chars = char_positions(text, &ranges);
            let total = text.chars().count();
            let (mut first_inside, mut first_after) = (0, 0);
            let mut improved = false;
            for &(r_start, _) in &chars {
                // Window starting a quarter of the budget before this match.
                let start = r_start.saturating_sub(max_chars / 4);
                let end = (start + max_chars).min(total);
                while chars.get(first_inside).is_some_and(|h| h.0 < start) {
                    first_inside += 1;
                }
                first_after = first_after.max(first_inside);
                while chars.get(first_after).is_some_and(|h| h.1 <= end) {
                    first_after += 1;
                }
                let hits = first_after - first_inside;
                if best.is_none_or(|(_, _, n)| hits > n) {
                    best = Some((p, start, hits));
                    improved = true;
                }
            }
            if improved {
                best_ranges = ranges;
            }
        }
    }
    let (paragraph, anchor_chars) = best.map_or((0, 0), |(p, s, _)| (p, s));
    let Some(text) = paragraphs.get(paragraph) else {
        return Snippet::default();
    };
    let anchor = forward_chars(text, 0, anchor_chars);
    let (start, end) = cut(text, anchor, max_chars);
    let mut out = String::with_capacity(end - start + 8);
    if start > 0 {
        out.push('…');
    }
    let shift = out.len();
    out.push_str(&text[start..end]);
    if end < text.len() {
        out.push('…');
    }
    let highlights = best_ranges
        .iter()
        .filter(|r| r.end > start && r.start < end)
        .map(|r| r.start.max(start) - start + shift..r.end.min(end) - start + shift)
        .collect();
    Snippet {
        paragraph,
        text: out,
        highlights,
    }
}

/// The passage `[start, end)` of at most `max_chars` chars from about `anchor`, trimmed to spaces
/// when a space is near and to cluster boundaries otherwise.
fn cut(text: &str, anchor: usize, max_chars: usize) -> (usize, usize) {
    if text.chars().count() <= max_chars {
        return (0, text.len());
    }
    let mut start = anchor;
    if start > 0 {
        // Prefer to start just after a space within the first fifth of the window.
        let look = forward_chars(text, start, max_chars / 5);
        if let Some(i) = text[start..look].find(char::is_whitespace) {
            let ws = start + i;
            start = ws + text[ws..].chars().next().map_or(1, char::len_utf8);
        }
        start = snap_cluster(text, start, false);
    }
    let mut end = forward_chars(text, start, max_chars);
    if end < text.len() {
        let look = back_chars(text, end, max_chars / 5);
        if let Some(i) = text[look..end].rfind(char::is_whitespace) {
            end = look + i;
        }
        end = snap_cluster(text, end, true).max(start);
        while end > start && text[..end].ends_with(char::is_whitespace) {
            end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
        }
    }
    (start, end)
}

/// Moves `pos` to a cluster boundary (backward when `back`, else forward).
fn snap_cluster(text: &str, mut pos: usize, back: bool) -> usize {
    while !is_cluster_boundary(text, pos) {
        if back {
            pos -= text[..pos].chars().next_back().map_or(1, char::len_utf8);
        } else {
            pos += text[pos..].chars().next().map_or(1, char::len_utf8);
        }
    }
    pos
}

/// Byte offset `n` chars before `pos` (or 0).
fn back_chars(text: &str, pos: usize, n: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| if n == 0 { pos } else { i })
}

/// The `(start, end)` of each of `ranges` (sorted, disjoint byte ranges of `text`) in chars.
fn char_positions(text: &str, ranges: &[Range<usize>]) -> Vec<(usize, usize)> {
    let (mut at, mut chars) = (0, 0);
    let mut to_chars = |pos: usize| {
        chars += text.get(at..pos).map_or(0, |s| s.chars().count());
        at = at.max(pos);
        chars
    };
    ranges
        .iter()
        .map(|r| (to_chars(r.start), to_chars(r.end)))
        .collect()
}

/// Byte offset `n` chars after `pos` (or the end).
fn forward_chars(text: &str, pos: usize, n: usize) -> usize {
    text[pos..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| pos + i)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    /// The passage choice before the two-cursor count: every window counted from scratch.
    fn reference_snippet_anchor(
        paragraphs: &[String],
        query: &Query,
        max: usize,
    ) -> (usize, usize) {
        let mut best: Option<(usize, usize, usize)> = None;
        for (p, text) in paragraphs.iter().enumerate() {
            let ranges = highlight(text, query);
            for (i, r) in ranges.iter().enumerate() {
                let start = back_chars(text, r.start, max / 4);
                let end = forward_chars(text, start, max);
                let hits = ranges[i..].iter().take_while(|h| h.end <= end).count()
                    + ranges[..i].iter().filter(|h| h.start >= start).count();
                if best.is_none_or(|(_, _, n)| hits > n) {
                    best = Some((p, start, hits));
                }
            }
        }
        best.map_or((0, 0), |(p, s, _)| (p, s))
    }

    use proptest::prelude::Strategy as _;

    proptest::proptest! {
        /// The snippet starts where counting every window from scratch says it should.
        #[test]
        fn snippet_window_equals_reference(
            paragraphs in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(vec![
                "ab", "abc", "x", " ", "  ", "ó", "中文", "ไทย", "ab\u{301}", ".",
            ]), 0..60).prop_map(|p| p.concat()), 1..4),
            q in proptest::sample::select(vec!["ab", "a", "x ab", "中", "ไทย", "\"ab x\"", "o"]),
            max in 1usize..30,
        ) {
            let query = Query::parse(q);
            let (paragraph, anchor) = reference_snippet_anchor(&paragraphs, &query, max);
            let got = snippet(&paragraphs, &query, max);
            proptest::prop_assert_eq!(got.paragraph, paragraph);
            let (start, end) = cut(&paragraphs[paragraph], anchor, max);
            let expect = &paragraphs[paragraph][start..end];
            proptest::prop_assert!(got.text.trim_matches('…') == expect, "{:?} {:?}", got.text, expect);
        }
    }

    fn marked(text: &str, q: &str) -> Vec<String> {
        highlight(text, &Query::parse_exact(q))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn search_parse_terms_phrases_and_prefix() {
        let q = Query::parse("Thái \"đông nam á\" la");
        assert_eq!(q.items().len(), 3);
        assert_eq!(q.items()[0].parts[0].text, "thai");
        assert_eq!(q.items()[1].parts.len(), 3);
        assert!(q.items()[2].prefix);
        assert!(!Query::parse("thai la ").items()[1].prefix);
        assert!(!Query::parse_exact("thai la").items()[1].prefix);
        assert!(Query::parse("  ").is_empty());
        assert!(Query::parse("!!! …").is_empty());
        // Duplicates collapse.
        assert_eq!(Query::parse_exact("lan LAN Lan").items().len(), 1);
        // Unclosed quote: phrase to the end.
        assert_eq!(Query::parse("\"thai lan").items()[0].parts.len(), 2);
    }

    #[test]
    fn search_brute_force_rules() {
        let q = Query::parse_exact("thai lan");
        assert!(q.matches_fields("Thái Lan", []));
        assert!(q.matches_fields("Lan", ["Thái"]));
        assert!(!q.matches_fields("Thailand", []));
        let p = Query::parse_exact("\"lan thai\"");
        assert!(!p.matches_fields("Thái Lan", []));
        assert!(p.matches_fields("Lan-Thái", []));
        assert!(!p.matches_fields("", ["Lan", "Thái"]));
        assert!(Query::parse_exact("คอลเซ็นเตอร์").matches_fields("", ["แก๊งคอลเซ็นเตอร์ถูกจับ"]));
        assert!(Query::parse_exact("络诈").matches_fields("打击网络诈骗", []));
        // Not cluster-aligned: ก alone is not the cluster ก่.
        assert!(!Query::parse_exact("ก").matches_fields("ก่อน", []));
        assert!(Query::parse_exact("ก่").matches_fields("ก่อน", []));
    }

    #[test]
    fn highlight_maps_back_to_original_vietnamese() {
        let text = "Hội nghị ở Thái Lan và Đông Nam Á.";
        assert_eq!(marked(text, "thai lan"), ["Thái", "Lan"]);
        assert_eq!(marked(text, "\"dong nam a\""), ["Đông Nam Á"]);
        assert_eq!(marked(text, "hoi"), ["Hội"]);
        assert!(highlight(text, &Query::parse("xyz")).is_empty());
        let r = highlight(text, &Query::parse("ngh"));
        assert_eq!(r.len(), 1);
        assert_eq!(&text[r[0].clone()], "nghị");
        // Decomposed input maps to whole clusters.
        let nfd = "Tha\u{301}i Lan";
        assert_eq!(marked(nfd, "thai"), ["Tha\u{301}i"]);
    }

    #[test]
    fn highlight_thai_and_chinese_substrings() {
        assert_eq!(marked("แก๊งคอลเซ็นเตอร์ถูกจับ", "คอลเซ็นเตอร์"), ["คอลเซ็นเตอร์"]);
        assert_eq!(marked("打击网络诈骗，网络", "网络"), ["网络", "网络"]);
        assert!(marked("ทั้งนี้", "").is_empty());
    }

    #[test]
    fn snippet_picks_paragraph_with_match() {
        let paras = vec![
            "Mở đầu không liên quan.".to_string(),
            "Đoạn hai nói về kinh tế.".to_string(),
            "Quan hệ với Thái Lan được tăng cường, Thái Lan là đối tác.".to_string(),
        ];
        let s = snippet(&paras, &Query::parse_exact("thai lan"), 200);
        assert_eq!(s.paragraph, 2);
        assert_eq!(s.text, paras[2]);
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["Thái", "Lan", "Thái", "Lan"]);
        let s = snippet(&paras, &Query::parse(""), 10);
        assert_eq!(s.paragraph, 0);
        assert!(s.text.ends_with('…'));
        assert!(s.text.starts_with("Mở"));
    }

    #[test]
    fn snippet_cuts_long_paragraph_around_match() {
        let long = format!(
            "{} Thái Lan {}",
            "chữ ".repeat(100).trim_end(),
            "sau ".repeat(100)
        );
        let s = snippet(&[long], &Query::parse_exact("\"thai lan\""), 60);
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() <= 62);
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["Thái Lan"]);
        // Thai without spaces: cut on cluster boundaries, never between a letter and its mark.
        let thai = format!("{}คอลเซ็นเตอร์{}", "ผู้ใหญ่".repeat(30), "ก่อน".repeat(30));
        let s = snippet(&[thai], &Query::parse_exact("คอลเซ็นเตอร์"), 30);
        let inner = s.text.trim_start_matches('…').trim_end_matches('…');
        assert!(crate::search::fold::fold(inner)
            .starts_with(|c: char| !('\u{E48}'..='\u{E4C}').contains(&c)));
        let marks: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marks, ["คอลเซ็นเตอร์"]);
    }
}
