//! What stands next to what in a document: a small Bloom filter of its neighbouring ASCII words
//! (pairs and triples) and of each three consecutive characters of its other text, built from
//! the folded text the first time a query reads it and kept with it.
//!
//! The index has no positions (they would cost more transfer than the budget has), so phrases and
//! runs of three or more clusters are confirmed by scanning each candidate's text. The
//! candidates of a phrase of common words are most articles of its language, and few hold the
//! phrase; the candidates of a Thai or Chinese word hold each of its bigrams, often apart. With
//! this filter, an article missing one of the query's neighbours is ruled out in a few hashes
//! instead of a scan of its whole text; only the articles that hold them all, and a few per cent
//! that do not, are scanned.
//!
//! Words here are maximal runs of ASCII letters and digits, and a pair (or triple) is two (three)
//! consecutive words, whatever lies between them (a line break, punctuation, other scripts). That
//! is a superset of the phrase rule in [`crate::search`] (consecutive word segments on one line).
//! Characters here are code points, three at a time within each stretch of non-ASCII text: a run
//! or word found in the text has each of its own such triples there. So the filter never rules out
//! an article that holds the query; it speeds up phrases of ASCII words (which Vietnamese becomes
//! once folded) and Thai, Chinese and other non-ASCII runs and words.

use crate::search::Item;

/// Bits per entry, before rounding up to a power of two (so 8 to 16): with three bits set per
/// entry, a few per cent false positives, about half as many as with two bits. Each false
/// positive is an article scanned to its end, so fewer of them speed up phrases of common words.
const BITS_PER_ENTRY: usize = 8;

/// The neighbours of one document.
#[derive(Debug, Default)]
pub(crate) struct Neighbours {
    /// A power-of-two number of bits (empty when the text has no entry).
    bits: Box<[u64]>,
}

impl Neighbours {
    /// The neighbours of `fields` (folded title and body): words run on from one field to the
    /// next; characters do not.
    pub(crate) fn of(fields: &[&str]) -> Neighbours {
        // One pass over the text: each word hashed once, then paired with its neighbours.
        let mut words: Vec<u64> = Vec::new();
        let mut chars: Vec<u64> = Vec::new();
        for field in fields {
            push_word_hashes(field.as_bytes(), &mut words);
            push_char_triples(field, &mut chars);
        }
        let entries = 2 * words.len().saturating_sub(1) + chars.len();
        if entries == 0 {
            return Neighbours::default();
        }
        let len = (entries * BITS_PER_ENTRY).next_power_of_two().div_ceil(64);
        let mut filter = Neighbours {
            bits: vec![0; len].into_boxed_slice(),
        };
        for w in words.windows(2) {
            filter.insert(pair_of(w[0], w[1]));
        }
        for w in words.windows(3) {
            filter.insert(triple_of(w[0], w[1], w[2]));
        }
        for &h in &chars {
            filter.insert(h);
        }
        filter
    }

    fn insert(&mut self, hash: u64) {
        let n = self.bits.len() * 64;
        for bit in bit_positions(hash, n) {
            if let Some(word) = self.bits.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
    }

    /// False only when the entry with this hash ([`item_hashes`]) is certainly not in the text.
    pub(crate) fn may_contain(&self, hash: u64) -> bool {
        let n = self.bits.len() * 64;
        n > 0
            && bit_positions(hash, n).into_iter().all(|bit| {
                self.bits
                    .get(bit / 64)
                    .is_some_and(|w| w & (1 << (bit % 64)) != 0)
            })
    }
}

/// The hashes a document holding `item` (as confirmed on the text) has in its filter, for
/// [`Neighbours::may_contain`]: the pairs and triples of neighbouring words of a phrase made of
/// ASCII letters and digits, and the character triples of each part's non-ASCII stretches. Empty
/// when the item has none, which the filter cannot rule out.
pub(crate) fn item_hashes(item: &Item) -> Vec<u64> {
    let mut hashes = Vec::new();
    let ascii_words = item
        .parts
        .iter()
        .all(|p| !p.text.is_empty() && p.text.bytes().all(|b| b.is_ascii_alphanumeric()))
        && item
            .parts
            .iter()
            .all(|p| p.kind == crate::search::tokenize::SegmentKind::Word);
    if ascii_words {
        let words: Vec<u64> = item
            .parts
            .iter()
            .map(|p| word_hash(p.text.as_bytes()))
            .collect();
        hashes.extend(words.windows(2).map(|w| pair_of(w[0], w[1])));
        hashes.extend(words.windows(3).map(|w| triple_of(w[0], w[1], w[2])));
    }
    for part in &item.parts {
        push_char_triples(&part.text, &mut hashes);
    }
    hashes
}

/// The three bits an entry sets in a filter of `n` bits (a power of two), from three slices of
/// its hash: 21 bits each, enough for a text of over a megabyte.
fn bit_positions(hash: u64, n: usize) -> [usize; 3] {
    let mask = n.wrapping_sub(1) as u64;
    [
        (hash & mask) as usize,
        ((hash >> 21) & mask) as usize,
        ((hash >> 42) & mask) as usize,
    ]
}

/// Hash of the pair "`a` then `b`".
#[cfg(test)]
fn pair_hash(a: &[u8], b: &[u8]) -> u64 {
    pair_of(word_hash(a), word_hash(b))
}

/// Hash of the pair of words hashed `a` then `b` (order matters), well mixed in both halves.
fn pair_of(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd))
}

/// Hash of three words in a row: a pair, then a third word (not the hash of any pair).
fn triple_of(a: u64, b: u64, c: u64) -> u64 {
    mix(pair_of(a, b).rotate_left(41) ^ c.wrapping_mul(0xc4ce_b9fe_1a85_ec53))
}

/// splitmix64's finaliser: every input bit reaches both 32-bit halves.
fn mix(mut h: u64) -> u64 {
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Pushes the hash of each three consecutive characters of `text` that are all non-ASCII
/// (an ASCII character, such as a space, breaks the sequence). ASCII text costs one check.
fn push_char_triples(text: &str, out: &mut Vec<u64>) {
    if text.is_ascii() {
        return;
    }
    // The previous two characters, each with 21 bits, or 0 where there is none.
    let mut window: u64 = 0;
    let mut held = 0;
    for c in text.chars() {
        if c.is_ascii() {
            held = 0;
            continue;
        }
        window = (window << 21 | u64::from(c)) & ((1 << 63) - 1);
        held += 1;
        if held >= 3 {
            // Three code points of 21 bits each: distinct sequences, distinct values.
            out.push(mix(window ^ 0x5851_f42d_4c95_7f2d));
        }
    }
}

/// Pushes the [`word_hash`] of each maximal run of ASCII letters and digits of `text`, in order,
/// hashing as it reads (one pass, no slicing).
fn push_word_hashes(text: &[u8], out: &mut Vec<u64>) {
    let mut h = 0;
    let mut in_word = false;
    for &b in text {
        if b.is_ascii_alphanumeric() {
            h = step(h, b);
            in_word = true;
        } else if in_word {
            out.push(finish(h));
            h = 0;
            in_word = false;
        }
    }
    if in_word {
        out.push(finish(h));
    }
}

/// Hash of one word: [`step`] over its bytes, then [`finish`].
fn word_hash(word: &[u8]) -> u64 {
    finish(word.iter().fold(0, |h, &b| step(h, b)))
}

/// Adds one byte to a word's running hash: cheap, as it runs on every byte of the text.
fn step(h: u64, b: u8) -> u64 {
    h.rotate_left(7) ^ u64::from(b)
}

/// Spreads a word's running hash over all 64 bits.
fn finish(h: u64) -> u64 {
    (h ^ (h >> 31)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;
    use crate::search::Query;

    fn filter_of(text: &str) -> Neighbours {
        Neighbours::of(&[&fold(text)])
    }

    fn has(filter: &Neighbours, a: &str, b: &str) -> bool {
        filter.may_contain(pair_hash(a.as_bytes(), b.as_bytes()))
    }

    /// Whether the filter may hold every neighbour of the query's items.
    fn may_hold(filter: &Neighbours, query: &str) -> bool {
        Query::parse_exact(query)
            .items()
            .iter()
            .all(|item| item_hashes(item).into_iter().all(|h| filter.may_contain(h)))
    }

    #[test]
    fn word_pairs_hold_adjacent_words_across_punctuation_and_lines() {
        let p = filter_of("Police at the border — arrested\nsuspects; Biên giới");
        assert!(has(&p, "police", "at"));
        assert!(has(&p, "border", "arrested"));
        assert!(has(&p, "arrested", "suspects"));
        assert!(has(&p, "bien", "gioi"));
        assert!(!Neighbours::of(&["one"]).may_contain(pair_hash(b"one", b"one")));
    }

    #[test]
    fn rules_out_most_absent_pairs_triples_and_characters() {
        let text: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let p = filter_of(&text.join(" "));
        let absent = (0..2000)
            .filter(|i| has(&p, &format!("w{i}"), &format!("w{}", i + 2)))
            .count();
        // About 3 % false positives at most; never a false negative.
        assert!(absent < 100, "{absent} of 2000 absent pairs pass");
        assert!((0..1999).all(|i| has(&p, &format!("w{i}"), &format!("w{}", i + 1))));
        // Each pair present, the triple not: "w1 w2 w4".
        let triples = (0..1990)
            .filter(|i| may_hold(&p, &format!("\"w{i} w{} w{}\"", i + 1, i + 3)))
            .count();
        assert!(triples < 200, "{triples} of 1990 absent triples pass");
        assert!(may_hold(&p, "\"w7 w8 w9\""));

        // Thai: every bigram of "จาก" present, never side by side.
        let thai = filter_of("จาบ บาก ความร่วมมือ");
        assert!(may_hold(&thai, "ความร่วมมือ"));
        assert!(may_hold(&thai, "วามร่"));
        assert!(!may_hold(&thai, "จาก"));
        assert!(!may_hold(&filter_of("中国 国家"), "中国家"));
        assert!(may_hold(&filter_of("在中国家庭"), "中国家"));
    }

    proptest::proptest! {
        /// The one-pass loop hashes the words that splitting at non-word bytes finds.
        #[test]
        fn word_hashes_equal_splitting(text in "[a-c1 .\n\u{e9}\u{4e2d}]{0,40}") {
            let mut got = Vec::new();
            push_word_hashes(text.as_bytes(), &mut got);
            let split: Vec<u64> = text
                .as_bytes()
                .split(|b| !b.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(word_hash)
                .collect();
            proptest::prop_assert_eq!(got, split);
        }

        /// A query the search rules find in a text (a phrase of words, a run of Thai or Chinese,
        /// a word in another script) has every one of its neighbours in that text's filter.
        #[test]
        fn never_rules_out_a_query_that_matches(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b", "ab", "A1", " ", "  ", "\n", "\r\n", "-", ".", "'", "ó", "Ư", "中", "国", "家", "ก", "า", "\u{e48}", "ж", "\u{301}", "đ",
            ]), 0..30),
            words in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b", "ab", "a1", "o", "u", "d", "中国", "国家中", "กาก", "ก\u{e48}า", "жж", "жa",
            ]), 1..4),
            quoted in proptest::bool::ANY,
        ) {
            let text = pieces.concat();
            let query = if quoted { format!("\"{}\"", words.join(" ")) } else { words.concat() };
            if Query::parse_exact(&query).matches_fields(&text, []) {
                proptest::prop_assert!(may_hold(&filter_of(&text), &query), "{:?} {:?}", text, query);
            }
        }
    }
}
