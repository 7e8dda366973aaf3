//! Queries: what a search box's text means (parsing) and the exact rules an item matches by.
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
//! # Bounds
//!
//! A query may come from a shared link, so parsing does bounded work whatever its length: only
//! the first [`MAX_QUERY_CHARS`] characters are read, duplicate items are dropped with a hash
//! set (first occurrences kept, in order), and at most [`MAX_QUERY_ITEMS`] distinct items are
//! kept. [`Query::truncated`] says whether either cap cut the query short, and its
//! [`QueryLimit`] displays as a sentence for the reader ("Only the first 64 words or phrases
//! of the search text are searched"). Queries within both caps parse as they always did.
//!
//! [`crate::search::index::SearchIndex::search`] returns exactly the documents a brute-force scan with
//! these rules returns (checked by a property test); the matcher ([`crate::search::matcher`])
//! applies them to folded text, and [`crate::search::highlight`] and [`crate::search::snippet`]
//! use them to mark the matches in the original text.

use std::collections::HashSet;
use std::fmt;

use crate::search::fold::fold;
use crate::search::matcher::{FieldScan, Pattern};
use crate::search::tokenize::{cluster_count, segments, SegmentKind};

/// The most characters of a query's text that are read; the rest is ignored and
/// [`Query::truncated`] says so ([`QueryLimit::Chars`]). The URL's `q` is cut to the same length
/// ([`crate::view::state::ViewState::parse`]).
pub const MAX_QUERY_CHARS: usize = 1_000;

/// The most distinct items (words, runs and phrases) a query keeps; later ones are dropped and
/// [`Query::truncated`] says so ([`QueryLimit::Items`]).
pub const MAX_QUERY_ITEMS: usize = 64;

/// A parsed search query: see the module documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    items: Vec<Item>,
    limit: Option<QueryLimit>,
}

/// Which cap cut a query short (see the module documentation's bounds). Its `Display` is a short
/// English sentence for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QueryLimit {
    /// The text is longer than [`MAX_QUERY_CHARS`] characters: only its start is searched.
    Chars,
    /// The text has more than [`MAX_QUERY_ITEMS`] distinct words, runs or phrases: only the first
    /// [`MAX_QUERY_ITEMS`] are searched.
    Items,
}

impl QueryLimit {
    /// The sentence in the interface language `ui`.
    pub fn message(self, ui: crate::i18n::Ui) -> String {
        match self {
            QueryLimit::Chars => ui.count("notice.query-chars", MAX_QUERY_CHARS, &[]),
            QueryLimit::Items => ui.count("notice.query-items", MAX_QUERY_ITEMS, &[]),
        }
    }
}

impl fmt::Display for QueryLimit {
    /// The English sentence.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Ui::En))
    }
}

/// The first `max` characters of `text`, or `None` when it has no more than that.
pub(crate) fn char_prefix(text: &str, max: usize) -> Option<&str> {
    text.char_indices().nth(max).map(|(cut, _)| &text[..cut])
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

    /// A query of these items (AND-ed), as they are: no cap, no dropped duplicates.
    pub(crate) fn from_items(items: Vec<Item>) -> Query {
        Query { items, limit: None }
    }

    /// This query, saying that `typed` was cut short where it was.
    pub(crate) fn with_limit_of(mut self, typed: &Query) -> Query {
        self.limit = typed.limit;
        self
    }

    /// Parses a query with whole-word matching only.
    pub fn parse_exact(q: &str) -> Query {
        Query::parse_with(q, false)
    }

    fn parse_with(q: &str, typing: bool) -> Query {
        let cut = char_prefix(q, MAX_QUERY_CHARS);
        let q = cut.unwrap_or(q);
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
        let (items, capped) = first_distinct(items, MAX_QUERY_ITEMS);
        let limit = if capped {
            Some(QueryLimit::Items)
        } else {
            cut.map(|_| QueryLimit::Chars)
        };
        Query { items, limit }
    }

    /// Whether a cap cut the query short, and which: `None` for every query within
    /// [`MAX_QUERY_CHARS`] characters and [`MAX_QUERY_ITEMS`] distinct items. When both caps cut
    /// it, [`QueryLimit::Items`] (the searched part ends before the character cap). The app shows
    /// its `Display` beside the results (`Only the first 64 words or phrases of the search text
    /// are searched`).
    pub fn truncated(&self) -> Option<QueryLimit> {
        self.limit
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

/// The first occurrence of each distinct item, in order, at most `max` of them; and whether a
/// distinct item past `max` was dropped. Linear: one hash-set insertion per item.
fn first_distinct(items: Vec<Item>, max: usize) -> (Vec<Item>, bool) {
    let mut capped = false;
    let keep: Vec<bool> = {
        let mut seen: HashSet<&Item> =
            HashSet::with_capacity(items.len().min(max.saturating_add(1)));
        items
            .iter()
            .map(|item| {
                if capped || seen.contains(item) {
                    return false;
                }
                if seen.len() == max {
                    capped = true;
                    return false;
                }
                seen.insert(item)
            })
            .collect()
    };
    let items = items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, keep)| keep.then_some(item))
        .collect();
    (items, capped)
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn within_the_caps_nothing_is_cut() {
        let words: Vec<String> = (0..MAX_QUERY_ITEMS).map(|i| format!("w{i}")).collect();
        let q = Query::parse(&words.join(" "));
        assert_eq!(q.items().len(), MAX_QUERY_ITEMS);
        assert_eq!(q.truncated(), None);
        // Duplicates do not count towards the cap.
        let q = Query::parse(&format!("{} w0 w1 w0 ", words.join(" ")));
        assert_eq!(q.items().len(), MAX_QUERY_ITEMS);
        assert_eq!(q.truncated(), None);
        let exactly = "a ".repeat(MAX_QUERY_CHARS / 2);
        assert_eq!(exactly.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(Query::parse(&exactly).truncated(), None);
        assert_eq!(Query::parse("thai lan").truncated(), None);
    }

    #[test]
    fn one_item_past_the_cap_is_dropped_and_said() {
        let words: Vec<String> = (0..=MAX_QUERY_ITEMS).map(|i| format!("w{i}")).collect();
        let q = Query::parse_exact(&words.join(" "));
        assert_eq!(q.items().len(), MAX_QUERY_ITEMS);
        assert_eq!(q.truncated(), Some(QueryLimit::Items));
        // The first ones are kept, in order.
        let kept: Vec<&str> = q.items().iter().map(|i| i.parts[0].text.as_str()).collect();
        assert_eq!(kept, words[..MAX_QUERY_ITEMS]);
        assert_eq!(
            QueryLimit::Items.to_string(),
            "Only the first 64 words or phrases of the search text are searched."
        );
    }

    #[test]
    fn long_text_is_cut_at_a_character_boundary() {
        // One character past the cap, in a two-byte script: read up to the cap only.
        let text = "ệ".repeat(MAX_QUERY_CHARS + 1);
        let q = Query::parse_exact(&text);
        assert_eq!(q.truncated(), Some(QueryLimit::Chars));
        assert_eq!(q.items().len(), 1);
        assert_eq!(q.items()[0].parts[0].text.chars().count(), MAX_QUERY_CHARS);
        let repeated = "lan ".repeat(MAX_QUERY_CHARS);
        let q = Query::parse(&repeated);
        assert_eq!(q.truncated(), Some(QueryLimit::Chars));
        assert_eq!(q.items().len(), 1);
        assert_eq!(
            QueryLimit::Chars.to_string(),
            "Only the first 1,000 characters of the search text are searched."
        );
        assert_eq!(char_prefix("abc", 3), None);
        assert_eq!(char_prefix("abcd", 3), Some("abc"));
        assert_eq!(char_prefix("ệệệệ", 3), Some("ệệệ"));
    }

    /// A shared link's `q=` of 50,000 distinct words (quadratic work when duplicates were found
    /// by a linear search): parsing reads its first characters and keeps the capped items.
    #[test]
    fn fifty_thousand_distinct_words_parse_in_bounded_work() {
        let words: Vec<String> = (0..50_000).map(|i| format!("w{i}")).collect();
        let text = words.join(" ");
        for q in [Query::parse(&text), Query::parse_exact(&text)] {
            assert_eq!(q.items().len(), MAX_QUERY_ITEMS);
            assert_eq!(q.truncated(), Some(QueryLimit::Items));
        }
        let quoted = format!("\"{}\"", words.join("\" \""));
        let q = Query::parse(&quoted);
        assert_eq!(q.items().len(), MAX_QUERY_ITEMS);
        assert_eq!(q.truncated(), Some(QueryLimit::Items));
    }

    /// Removing duplicates is linear: 50,000 distinct items (no cap) and 50,000 copies of a few.
    #[test]
    fn duplicates_are_found_with_a_set() {
        let item = |i: usize| Item {
            parts: vec![Part {
                kind: SegmentKind::Word,
                text: format!("w{i}"),
            }],
            prefix: false,
        };
        let distinct: Vec<Item> = (0..50_000).map(item).collect();
        let (kept, capped) = first_distinct(distinct.clone(), usize::MAX);
        assert_eq!((kept.len(), capped), (50_000, false));
        assert_eq!(kept, distinct);
        let (kept, capped) = first_distinct(distinct, 10);
        assert_eq!((kept.len(), capped), (10, true));
        let few: Vec<Item> = (0..50_000).map(|i| item((i * 7) % 3)).collect();
        let (kept, capped) = first_distinct(few, 3);
        assert_eq!(kept, [item(0), item(1), item(2)]);
        assert!(!capped);
    }

    #[test]
    fn counts_print_with_thousands_separators() {
        let cases = [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (249_995, "249,995"),
            (1_234_567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(crate::i18n::Ui::En.number(n), text);
        }
    }

    #[test]
    fn invisible_characters_never_split_a_match() {
        assert!(Query::parse_exact("thailand").matches_fields("", ["Thai\u{200B}land"]));
        assert!(Query::parse_exact("\"thai land\"").matches_fields("Thai\u{00AD} land", []));
        assert!(Query::parse_exact("កម្ពុជា").matches_fields("", ["នៅ\u{200B}កម្ព\u{200B}ុជា"]));
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
}
