//! Which ASCII words follow one another in a document: a small Bloom filter of adjacent word
//! pairs, built from the folded text the first time a query reads it and kept with it.
//!
//! The index has no positions (they would cost more transfer than the budget has), so a phrase
//! is confirmed by scanning each candidate's text. Candidates of a phrase of common words are
//! most articles of its language, and few hold the phrase. With this filter, an article where two
//! of the phrase's words are never adjacent is ruled out in a few hashes instead of a scan of its
//! whole text; only the articles that hold the phrase, and about 5 % that do not, are scanned.
//!
//! Words here are maximal runs of ASCII letters and digits, and a pair is two consecutive words,
//! whatever lies between them (a line break, punctuation, other scripts). That is a superset of
//! the phrase rule in [`crate::search`] (consecutive word segments on one line), so the filter
//! never rules out an article that holds the phrase: it only speeds up phrases made of ASCII
//! words, which Vietnamese becomes once folded.

use crate::search::Item;
use crate::tokenize::SegmentKind;

/// Bits per pair, before rounding up to a power of two: about 5 % false positives with two bits
/// set per pair.
const BITS_PER_PAIR: usize = 8;

/// The adjacent word pairs of one document.
#[derive(Debug, Default)]
pub(crate) struct WordPairs {
    /// A power-of-two number of bits (empty when the text has no pair).
    bits: Box<[u64]>,
}

impl WordPairs {
    /// The pairs of `fields` (folded title and body), each field's words followed by the next's.
    pub(crate) fn of(fields: &[&str]) -> WordPairs {
        // One pass over the text: each word hashed once, then paired with its neighbour.
        let mut words: Vec<u64> = Vec::new();
        for field in fields {
            push_word_hashes(field.as_bytes(), &mut words);
        }
        if words.len() < 2 {
            return WordPairs::default();
        }
        let len = ((words.len() - 1) * BITS_PER_PAIR)
            .next_power_of_two()
            .div_ceil(64);
        let mut pairs = WordPairs {
            bits: vec![0; len].into_boxed_slice(),
        };
        for w in words.windows(2) {
            pairs.insert(pair_of(w[0], w[1]));
        }
        pairs
    }

    fn insert(&mut self, hash: u64) {
        let n = self.bits.len() * 64;
        for bit in bit_positions(hash, n) {
            if let Some(word) = self.bits.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
    }

    /// False only when the pair with this hash ([`pair_hash`]) is certainly not in the text.
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

/// The hash of each pair of neighbouring words of a phrase made of ASCII letters and digits, for
/// [`WordPairs::may_contain`]; empty for any other item, which the filter cannot rule out.
pub(crate) fn phrase_pairs(item: &Item) -> Vec<u64> {
    let filterable = item.parts.iter().all(|p| {
        p.kind == SegmentKind::Word
            && !p.text.is_empty()
            && p.text.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    if !filterable {
        return Vec::new();
    }
    item.parts
        .windows(2)
        .map(|w| pair_hash(w[0].text.as_bytes(), w[1].text.as_bytes()))
        .collect()
}

/// The two bits a pair sets in a filter of `n` bits (a power of two).
fn bit_positions(hash: u64, n: usize) -> [usize; 2] {
    let mask = n.wrapping_sub(1) as u64;
    [(hash & mask) as usize, ((hash >> 32) & mask) as usize]
}

/// Hash of the pair "`a` then `b`".
fn pair_hash(a: &[u8], b: &[u8]) -> u64 {
    pair_of(word_hash(a), word_hash(b))
}

/// Hash of the pair of words hashed `a` then `b` (order matters), well mixed in both halves
/// (splitmix64's finaliser).
fn pair_of(a: u64, b: u64) -> u64 {
    let mut h = a.rotate_left(23) ^ b.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
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
    use crate::fold::fold;
    use crate::search::Query;

    fn pairs_of(text: &str) -> WordPairs {
        WordPairs::of(&[&fold(text)])
    }

    fn has(pairs: &WordPairs, a: &str, b: &str) -> bool {
        pairs.may_contain(pair_hash(a.as_bytes(), b.as_bytes()))
    }

    #[test]
    fn word_pairs_hold_adjacent_words_across_punctuation_and_lines() {
        let p = pairs_of("Police at the border — arrested\nsuspects; Biên giới");
        assert!(has(&p, "police", "at"));
        assert!(has(&p, "border", "arrested"));
        assert!(has(&p, "arrested", "suspects"));
        assert!(has(&p, "bien", "gioi"));
        assert!(!WordPairs::of(&["one"]).may_contain(pair_hash(b"one", b"one")));
    }

    #[test]
    fn word_pairs_rule_out_most_absent_pairs() {
        let text: Vec<String> = (0..2000).map(|i| format!("w{i}")).collect();
        let p = pairs_of(&text.join(" "));
        let absent = (0..2000)
            .filter(|i| has(&p, &format!("w{i}"), &format!("w{}", i + 2)))
            .count();
        // About 5 % false positives; never a false negative.
        assert!(absent < 200, "{absent} of 2000 absent pairs pass");
        assert!((0..1999).all(|i| has(&p, &format!("w{i}"), &format!("w{}", i + 1))));
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

        /// A phrase of ASCII words that the search rules find in a text has every pair of its
        /// neighbouring words in that text's filter.
        #[test]
        fn word_pairs_never_rule_out_a_phrase_that_matches(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "a", "b", "ab", "A1", " ", "  ", "\n", "\r\n", "-", ".", "'", "ó", "Ư", "中", "ก", "\u{301}", "đ",
            ]), 0..30),
            words in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "ab", "a1", "o", "u", "d"]), 2..4),
        ) {
            let text = pieces.concat();
            let query = Query::parse_exact(&format!("\"{}\"", words.join(" ")));
            if query.matches_fields(&text, []) {
                let pairs = pairs_of(&text);
                for w in words.windows(2) {
                    proptest::prop_assert!(has(&pairs, w[0], w[1]), "{:?} {:?}", text, words);
                }
            }
        }
    }
}
