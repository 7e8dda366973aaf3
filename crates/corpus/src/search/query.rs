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
//! [`crate::search::index::SearchIndex::search`] returns exactly the documents a brute-force scan with
//! these rules returns (checked by a property test); the matcher ([`crate::search::matcher`])
//! applies them to folded text, and [`crate::search::highlight`] and [`crate::search::snippet`]
//! use them to mark the matches in the original text.

use crate::search::fold::fold;
use crate::search::matcher::{FieldScan, Pattern};
use crate::search::tokenize::{cluster_count, segments, SegmentKind};

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
