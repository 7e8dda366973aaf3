//! Near-duplicate articles: syndicated copies of one story (a wire report run by several sites with
//! its own byline, dateline, a trimmed ending or a few edits), found at build time and reported by
//! `corpus check` as groups with their similarity. Information for curators, never an error.
//!
//! Method: shingles, MinHash and LSH banding, then an exact check.
//!
//! 1. **Shingles.** An article's body (its paragraphs, not title, captions or source line, which
//!    syndicating sites rewrite) is folded ([`corpus::search::fold`]: case, Vietnamese diacritics
//!    and invisible characters do not count) and cut into segments by the search tokenizer
//!    ([`corpus::search::tokenize::segments`]). Words of spaced scripts form one stream and give
//!    word [`WORD_SHINGLE`]-grams; the grapheme clusters of Thai, Lao, Khmer, Burmese and Chinese
//!    runs form another and give cluster [`CLUSTER_SHINGLE`]-grams (those scripts have no spaces
//!    to cut words at, and eight clusters are about two to four words). Each shingle is hashed to
//!    64 bits with fixed functions (FNV-1a per unit, a SplitMix64 finaliser per shingle), so the
//!    output is the same on every run and platform; the shingle *set* (sorted, deduplicated) is
//!    what is compared. Similarity is the Jaccard index of two sets: shared shingles over all.
//! 2. **MinHash**, by one permutation hashing with optimal densification (Li, Owen and Zhang
//!    2012; Shrivastava 2017): the top bits of a shingle's hash choose one of [`BINS`] (128) bins,
//!    each bin keeps its smallest hash, and an empty bin copies a filled one chosen by a fixed
//!    sequence. Two articles agree on any one bin with probability equal to their Jaccard
//!    similarity, as with 128 independent permutations, at the cost of one hash per shingle rather
//!    than 128 (which made signatures as slow as folding and tokenizing together).
//! 3. **LSH banding.** The signature is cut into [`BANDS`] bands of [`ROWS`] rows; articles whose
//!    band hashes agree in at least one band are candidates. A pair of similarity `s` is a
//!    candidate with probability `1 - (1 - s^4)^32`: 0.9999998 at 0.8, 0.99996 at 0.7, 0.9881 at
//!    [`THRESHOLD`] 0.6, but 0.23 at 0.3 and 0.0003 at 0.05, so unrelated articles are almost
//!    never compared: the work grows with the number of articles, not of pairs.
//! 4. **Exact check.** Every candidate pair is confirmed with the exact Jaccard index of the two
//!    shingle sets (recomputed only for articles that are candidates at all, so memory holds 32
//!    band hashes per article, not every shingle), and linked at or above [`THRESHOLD`]. Links are
//!    joined into groups (union-find), so three copies are one group of three.
//!
//! A group's `similarity` is the lowest exact similarity between any two of its members (a chain
//! of links can join two members less alike than the threshold; the number then shows it). Very
//! short bodies (under [`MIN_SHINGLES`] shingles) are linked only when their shingle sets are
//! identical. Output order is fixed: ids ascending within a group, groups by their first id.

use std::collections::HashSet;

use corpus::search::fold::fold_append;
use corpus::search::tokenize::{segments, SegmentKind};
use corpus::Article;
use unicode_segmentation::UnicodeSegmentation;

use crate::parallel::map_on_every_core;

/// Two articles whose shingle sets have a Jaccard similarity at least this are near-duplicates.
/// Lower than the 0.8 common for web pages, because syndicated news is edited, not mirrored: in
/// the tests, a real AP report rerun with its own header, byline and three edits is 0.83 to the
/// original, the same report trimmed by a third with a credit line of its own 0.69, and the two
/// copies 0.58 to each other; a Chinese copy with another site's navigation and credit line and
/// two edits is 0.75, a Thai one with its own opening line and three edits 0.85. Well above what different reports share: another outlet's account of the same
/// deportation, with the same names, numbers and topic words, is 0.006, and the most similar pair
/// among the 79 real articles of `tests/real-text` (many on the same scam-centre stories, several
/// from one outlet) is 0.03. A site's boilerplate (share buttons, a standard closing paragraph)
/// rarely reaches half an article.
pub const THRESHOLD: f64 = 0.6;

/// Words per shingle in spaced scripts. Five words make a shared phrase rare between different
/// stories (common two- and three-word phrases are not), while one edited word changes only five
/// shingles.
pub const WORD_SHINGLE: usize = 5;

/// Grapheme clusters per shingle in scripts written without spaces (Thai, Lao, Khmer, Burmese,
/// Chinese, Japanese kana): about two to four words, as specific as five spaced words.
pub const CLUSTER_SHINGLE: usize = 8;

/// Bodies with fewer shingles than this (about 24 words, or 27 Thai or Chinese clusters) are
/// linked only when identical: one edited word changes five of their shingles, so a similarity
/// below 1 says little about them.
pub const MIN_SHINGLES: usize = 20;

/// LSH bands of the MinHash signature, and rows (bins) per band.
pub const BANDS: usize = 32;
pub const ROWS: usize = 4;
/// MinHash signature length: `BANDS * ROWS`.
pub const BINS: usize = BANDS * ROWS;

/// Within one LSH bucket, a new member is compared with at most this many earlier members of
/// different groups. Real buckets hold a handful of articles; only a crafted corpus (thousands of
/// articles sharing most of their text, but not enough to be linked) fills one, and this keeps
/// its work linear. Copies that land in the same group are compared with one member only.
const MAX_COMPARISONS_PER_MEMBER: usize = 64;

/// Groups larger than this report the lowest similarity among the links that joined them rather
/// than over every pair of members (a quadratic cost only a crafted corpus would reach).
const MAX_ALL_PAIRS_GROUP: usize = 200;

/// Near-duplicate articles: a group of two or more.
#[derive(Clone, Debug, PartialEq)]
pub struct NearDuplicateGroup {
    /// Indices into the articles given to [`near_duplicate_groups`], in the order of `ids`.
    pub articles: Vec<usize>,
    /// The members' ids, ascending.
    pub ids: Vec<String>,
    /// The lowest Jaccard similarity of the shingle sets of two members, in `(0, 1]`.
    pub similarity: f64,
}

/// The near-duplicate groups among `articles` (see the module documentation), groups ordered by
/// their first id. Uses every core for shingling.
pub fn near_duplicate_groups(articles: &[Article]) -> Vec<NearDuplicateGroup> {
    let keys: Vec<Option<[u64; BANDS]>> =
        map_on_every_core(articles.iter().collect(), |article: &Article| {
            let set = shingles(article);
            (!set.is_empty()).then(|| band_keys(&signature(&set)))
        });

    // Buckets: per band, articles with equal band hashes (in band order, then hash order).
    let mut buckets: Vec<Vec<u32>> = Vec::new();
    let mut entries: Vec<(u64, u32)> = Vec::with_capacity(articles.len());
    for band in 0..BANDS {
        entries.clear();
        entries.extend(
            keys.iter()
                .enumerate()
                .filter_map(|(i, k)| k.map(|k| (k[band], index_u32(i)))),
        );
        entries.sort_unstable();
        buckets.extend(
            entries
                .chunk_by(|a, b| a.0 == b.0)
                .filter(|run| run.len() > 1)
                .map(|run| run.iter().map(|&(_, i)| i).collect()),
        );
    }

    // Shingle sets, only for articles in some bucket.
    let mut candidate = vec![false; articles.len()];
    for &i in buckets.iter().flatten() {
        candidate[i as usize] = true;
    }
    let needed: Vec<usize> = (0..articles.len()).filter(|&i| candidate[i]).collect();
    let computed = map_on_every_core(needed.clone(), |i| shingles(&articles[i]));
    let mut sets: Vec<Vec<u64>> = vec![Vec::new(); articles.len()];
    for (i, set) in needed.into_iter().zip(computed) {
        sets[i] = set;
    }

    let mut groups = UnionFind::new(articles.len());
    let mut checked: HashSet<(u32, u32)> = HashSet::new();
    for bucket in &buckets {
        // One earlier member per group already seen in this bucket.
        let mut representatives: Vec<u32> = Vec::new();
        for &member in bucket {
            let mut joined = false;
            let mut compared = 0;
            for &rep in &representatives {
                if groups.find(rep as usize) == groups.find(member as usize) {
                    joined = true;
                    continue;
                }
                if compared == MAX_COMPARISONS_PER_MEMBER {
                    break;
                }
                compared += 1;
                if !checked.insert((rep, member)) {
                    continue;
                }
                if let Some(s) = linked(&sets[rep as usize], &sets[member as usize]) {
                    groups.union(rep as usize, member as usize, s);
                    joined = true;
                }
            }
            if !joined {
                representatives.push(member);
            }
        }
    }

    let mut members: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for i in 0..articles.len() {
        let root = groups.find(i);
        members[root].push(i);
    }
    let mut out: Vec<NearDuplicateGroup> = members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| m.len() > 1)
        .map(|(root, mut m)| {
            m.sort_by(|&a, &b| articles[a].id.cmp(&articles[b].id).then(a.cmp(&b)));
            let similarity = if m.len() <= MAX_ALL_PAIRS_GROUP {
                lowest_pair_similarity(&m, &sets)
            } else {
                groups.lowest_link[root]
            };
            NearDuplicateGroup {
                ids: m.iter().map(|&i| articles[i].id.clone()).collect(),
                articles: m,
                similarity,
            }
        })
        .collect();
    out.sort_by(|a, b| a.ids.cmp(&b.ids).then(a.articles.cmp(&b.articles)));
    out
}

/// The Jaccard similarity of two articles' bodies (their shingle sets, as compared here): 1 for
/// identical bodies, 0 when they share no shingle (or either has none).
pub fn similarity(a: &Article, b: &Article) -> f64 {
    jaccard(&shingles(a), &shingles(b))
}

/// The sorted, deduplicated shingle hashes of an article's body (see the module documentation).
fn shingles(article: &Article) -> Vec<u64> {
    let mut folded = String::new();
    for paragraph in &article.paragraphs {
        fold_append(paragraph, &mut folded);
        folded.push('\n');
    }
    let mut words = Vec::new();
    let mut clusters = Vec::new();
    for segment in segments(&folded) {
        match segment.kind {
            SegmentKind::Word => words.push(fnv1a(segment.text)),
            SegmentKind::Run => clusters.extend(segment.text.graphemes(true).map(fnv1a)),
        }
    }
    let mut set = Vec::with_capacity(words.len() + clusters.len());
    grams(&words, WORD_SHINGLE, WORD_STREAM, &mut set);
    grams(&clusters, CLUSTER_SHINGLE, CLUSTER_STREAM, &mut set);
    set.sort_unstable();
    set.dedup();
    set
}

/// Distinct starting values, so a word shingle and a cluster shingle never hash alike by design.
const WORD_STREAM: u64 = 0x776f_7264_7321_0001;
const CLUSTER_STREAM: u64 = 0x636c_7573_7465_0002;

/// Every run of `n` consecutive unit hashes, hashed; a stream shorter than `n` is one shingle.
fn grams(units: &[u64], n: usize, stream: u64, out: &mut Vec<u64>) {
    if units.is_empty() {
        return;
    }
    for window in units.windows(n.min(units.len())) {
        let h = window.iter().fold(stream, |h, &u| {
            h.wrapping_mul(0x9E37_79B9_7F4A_7C15).wrapping_add(u)
        });
        out.push(mix(h));
    }
}

/// FNV-1a, 64 bits.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The SplitMix64 finaliser: a bijection of `u64` that spreads every input bit over the output.
const fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Bits of a shingle hash that choose its bin: `BINS` is `1 << BIN_BITS`.
const BIN_BITS: u32 = 7;
const _: () = assert!(BINS == 1 << BIN_BITS);

/// The MinHash signature of a non-empty shingle set, by one permutation hashing: the top
/// [`BIN_BITS`] bits of a shingle's hash choose one of [`BINS`] bins and each bin keeps
/// its smallest hash. An empty bin (sets of fewer than a few hundred shingles leave some) takes
/// the value of a filled bin chosen by a fixed pseudo-random sequence of its own (optimal
/// densification), so two articles agree on any one bin with probability equal to their Jaccard
/// similarity, as with independent permutations.
fn signature(set: &[u64]) -> [u64; BINS] {
    let mut bins = [u64::MAX; BINS];
    let mut filled = [false; BINS];
    for &x in set {
        let bin = (x >> (64 - BIN_BITS)) as usize;
        bins[bin] = bins[bin].min(x);
        filled[bin] = true;
    }
    if !filled.contains(&true) {
        return bins;
    }
    let mut sig = bins;
    for (i, value) in sig.iter_mut().enumerate() {
        if filled[i] {
            continue;
        }
        // Expected attempts: bins / filled bins (at most 128); the walk after 4,096 misses (odds
        // below 1e-13 per bin) only makes termination certain.
        let from = (1..=4096u64)
            .map(|attempt| {
                (mix(DENSIFY ^ ((i as u64) << 32) ^ attempt) >> (64 - BIN_BITS)) as usize
            })
            .find(|&j| filled[j])
            .or_else(|| (1..BINS).map(|d| (i + d) % BINS).find(|&j| filled[j]))
            .unwrap_or(i);
        *value = bins[from];
    }
    sig
}

/// Seed of the densification sequence.
const DENSIFY: u64 = 0x6465_6e73_6966_7921;

/// One hash per band of `ROWS` signature rows.
fn band_keys(sig: &[u64; BINS]) -> [u64; BANDS] {
    let mut keys = [0; BANDS];
    for (key, rows) in keys.iter_mut().zip(sig.chunks_exact(ROWS)) {
        *key = rows.iter().fold(0, |h, &r| mix(h ^ r));
    }
    keys
}

/// The exact Jaccard index of two sorted, deduplicated sets; 0 when either is empty.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// The similarity of two sets when they are near-duplicates.
fn linked(a: &[u64], b: &[u64]) -> Option<f64> {
    let s = jaccard(a, b);
    let needed = if a.len().min(b.len()) < MIN_SHINGLES {
        1.0
    } else {
        THRESHOLD
    };
    (s >= needed).then_some(s)
}

fn lowest_pair_similarity(members: &[usize], sets: &[Vec<u64>]) -> f64 {
    let mut lowest = 1.0f64;
    for (k, &a) in members.iter().enumerate() {
        for &b in &members[k + 1..] {
            lowest = lowest.min(jaccard(&sets[a], &sets[b]));
        }
    }
    lowest
}

/// Article indices fit in `u32` (a corpus of four billion articles is not built on one machine);
/// halving the buckets' memory is worth the check.
fn index_u32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Union-find with path halving and union by size, remembering each group's lowest link.
#[derive(Debug)]
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
    lowest_link: Vec<f64>,
}

impl UnionFind {
    fn new(n: usize) -> UnionFind {
        UnionFind {
            parent: (0..n).collect(),
            size: vec![1; n],
            lowest_link: vec![1.0; n],
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize, similarity: f64) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
        self.lowest_link[a] = self.lowest_link[a].min(self.lowest_link[b]).min(similarity);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(paragraphs: &[&str]) -> Article {
        Article {
            id: "a".into(),
            file: "a.txt".into(),
            date: None,
            title: String::new(),
            title_derived: true,
            lang: "und".into(),
            countries: Vec::new(),
            source: None,
            captions: Vec::new(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            warnings: Vec::new(),
        }
    }

    /// The hashes are fixed functions of the text: these values are the same on every run,
    /// build and platform (a change to them changes which articles are compared).
    #[test]
    fn hashes_are_pinned() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(mix(0), 0);
        let set = shingles(&body(&[
            "The quick brown fox jumps over the lazy dog",
            "ข่าวจากไทยพีบีเอส",
        ]));
        assert_eq!(set.len(), 12);
        assert_eq!(set[0], 0x15eb_0eec_4bca_09ab);
        assert_eq!(
            band_keys(&signature(&set))[..4],
            [
                0x8e16_5bcf_a3c8_fd0e,
                0x70d1_da8d_e08d_2c3c,
                0xe690_360e_9639_2032,
                0x66a9_e35d_2845_ae8b
            ]
        );
    }

    #[test]
    fn words_give_five_grams_and_unspaced_runs_eight_cluster_grams() {
        // Nine words: five 5-grams.
        assert_eq!(
            shingles(&body(&["one two three four five six seven eight nine"])).len(),
            5
        );
        // Fourteen Thai clusters (tone and vowel marks stay in theirs): seven 8-grams.
        assert_eq!(shingles(&body(&["ข่าวจากไทยพีบีเอส"])).len(), 7);
        // Ten Han characters, punctuation skipped: three 8-grams.
        assert_eq!(shingles(&body(&["泰国警方，逮捕十名嫌犯"])).len(), 3);
        // Shorter than one shingle: the whole stream is one.
        assert_eq!(shingles(&body(&["two words"])).len(), 1);
        assert_eq!(shingles(&body(&["", "—"])), []);
        // Paragraph breaks do not cut shingles: the body is one text.
        assert_eq!(
            shingles(&body(&["one two three", "four five six"])),
            shingles(&body(&["one two three four five six"]))
        );
    }

    #[test]
    fn folding_makes_case_diacritics_and_invisible_characters_not_count() {
        assert_eq!(
            shingles(&body(&["Thái Lan hợp tác chặt chẽ với Campuchia"])),
            shingles(&body(&["THAI LAN hop tac chat che voi Cam\u{200B}puchia"]))
        );
    }

    #[test]
    fn jaccard_of_sorted_sets() {
        assert_eq!(jaccard(&[1, 2, 3, 4], &[3, 4, 5, 6]), 2.0 / 6.0);
        assert_eq!(jaccard(&[1, 2], &[1, 2]), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
        assert_eq!(linked(&[1, 2], &[1, 2]), Some(1.0));
        let long: Vec<u64> = (0..100).collect();
        assert_eq!(linked(&long, &long[..59]), None);
        assert_eq!(linked(&long, &long[..60]), Some(0.6));
    }

    fn hashed(range: std::ops::Range<u64>) -> Vec<u64> {
        let mut set: Vec<u64> = range.map(mix).collect();
        set.sort_unstable();
        set
    }

    fn agreement(a: &[u64], b: &[u64]) -> f64 {
        let (a, b) = (signature(a), signature(b));
        a.iter().zip(&b).filter(|(x, y)| x == y).count() as f64 / BINS as f64
    }

    #[test]
    fn signatures_agree_on_about_the_jaccard_share_of_bins() {
        // One shingle: every bin holds it (densified).
        assert_eq!(signature(&[42]), [42; BINS]);
        // Large sets (every bin filled) and small ones (most bins densified), averaged over
        // shifted pairs: the share of agreeing bins estimates the similarity without bias.
        for (len, overlap) in [(2000, 1000), (30, 15)] {
            let trials = 200;
            let mean = (0..trials)
                .map(|t| {
                    let start = t * 10_000;
                    agreement(
                        &hashed(start..start + len),
                        &hashed(start + len - overlap..start + 2 * len - overlap),
                    )
                })
                .sum::<f64>()
                / trials as f64;
            let expected = overlap as f64 / (2 * len - overlap) as f64;
            assert!(
                (mean - expected).abs() < 0.03,
                "{len}: {mean} against {expected}"
            );
        }
    }
}
