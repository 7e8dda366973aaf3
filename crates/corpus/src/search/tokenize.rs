//! The one tokenizer, used both when `build.rs` builds the index and when the app parses a query.
//!
//! Input is always **folded** text ([`crate::search::fold::fold`]). It is cut into extended grapheme
//! clusters, and each cluster is classified by its first character:
//!
//! * **separator** — not alphanumeric (spaces, punctuation, symbols, controls, `ZWSP`). Tone marks
//!   and other combining marks never start a cluster in real text, so Thai `ก่อน` or decomposed
//!   Vietnamese are never cut (the `!is_alphabetic()` pitfall);
//! * **run** — alphanumeric in a script written without spaces: Han, Hiragana, Katakana, Thai,
//!   Lao, Khmer, Myanmar;
//! * **word** — any other alphanumeric cluster (Latin, Cyrillic, Greek, Hangul, digits, …).
//!
//! Maximal stretches of one class form [`Segment`]s ([`segments`]). Index terms ([`tokens`]) are:
//! a word segment as a whole; for a run segment, every pair of adjacent clusters (bigram) plus its
//! last cluster alone (unigram) — so any cluster-aligned substring of a run, of one cluster or
//! more, can be looked up without a dictionary, including Chinese queries that cross word
//! boundaries and names no dictionary knows.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// What a [`Segment`] is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SegmentKind {
    /// Letters and digits of a script that separates words with spaces.
    Word,
    /// Letters and digits of a script written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar).
    Run,
}

/// A maximal stretch of word or run clusters in a folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub kind: SegmentKind,
    pub text: &'a str,
    /// Byte offset of `text` in the folded text.
    pub start: usize,
}

impl Segment<'_> {
    /// Byte offset just past the segment in the folded text.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// What a [`Token`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A whole word segment.
    Word,
    /// Two adjacent clusters of a run.
    Bigram,
    /// One cluster of a run: the last cluster of every run (a whole one-cluster run included).
    Unigram,
}

/// One index term, borrowed from the folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    /// Byte offset of `text` in the folded text.
    pub start: usize,
}

/// Splits folded text into word and run segments, dropping separators.
pub fn segments(folded: &str) -> Segments<'_> {
    Segments {
        text: folded,
        clusters: Clusters::new(folded),
        pending: None,
    }
}

/// The extended grapheme clusters of a text with their byte offsets. In ASCII text every cluster
/// is one byte but CR LF, so an ASCII text (most queries, English and Indonesian articles) is cut
/// without the segmenter.
#[derive(Clone, Debug)]
enum Clusters<'a> {
    Ascii { text: &'a str, at: usize },
    Unicode(unicode_segmentation::GraphemeIndices<'a>),
}

impl<'a> Clusters<'a> {
    fn new(text: &'a str) -> Clusters<'a> {
        if text.is_ascii() {
            Clusters::Ascii { text, at: 0 }
        } else {
            Clusters::Unicode(text.grapheme_indices(true))
        }
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        match self {
            Clusters::Ascii { text, at } => {
                let start = *at;
                let len = if text.as_bytes().get(start..start + 2) == Some(b"\r\n") {
                    2
                } else {
                    1
                };
                let cluster = text.get(start..start + len)?;
                *at = start + len;
                Some((start, cluster))
            }
            Clusters::Unicode(clusters) => clusters.next(),
        }
    }
}

/// Iterator returned by [`segments`].
#[derive(Clone, Debug)]
pub struct Segments<'a> {
    text: &'a str,
    clusters: Clusters<'a>,
    /// A cluster read ahead that starts the next segment.
    pending: Option<(usize, SegmentKind)>,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let (start, kind) = match self.pending.take() {
            Some(p) => p,
            None => loop {
                let (i, g) = self.clusters.next()?;
                if let Some(kind) = classify(g) {
                    break (i, kind);
                }
            },
        };
        let mut end = self.text.len();
        for (i, g) in self.clusters.by_ref() {
            match classify(g) {
                Some(k) if k == kind => continue,
                Some(k) => self.pending = Some((i, k)),
                None => {}
            }
            end = i;
            break;
        }
        Some(Segment {
            kind,
            text: &self.text[start..end],
            start,
        })
    }
}

/// The class of a grapheme cluster; `None` for a separator.
pub fn classify(cluster: &str) -> Option<SegmentKind> {
    let c = cluster.chars().next()?;
    if c.is_ascii() {
        return c.is_ascii_alphanumeric().then_some(SegmentKind::Word);
    }
    if !c.is_alphanumeric() {
        return None;
    }
    Some(if is_unspaced(c) {
        SegmentKind::Run
    } else {
        SegmentKind::Word
    })
}

/// Scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'     // Thai, Lao
        | '\u{1000}'..='\u{109F}'   // Myanmar
        | '\u{A9E0}'..='\u{A9FF}'
        | '\u{AA60}'..='\u{AA7F}'
        | '\u{1780}'..='\u{17FF}'   // Khmer
        | '\u{19E0}'..='\u{19FF}'
        | '\u{2E80}'..='\u{2FDF}'   // CJK radicals
        | '\u{3005}'..='\u{3007}'   // 々 〆 〇
        | '\u{3021}'..='\u{3029}'
        | '\u{3038}'..='\u{303B}'
        | '\u{3040}'..='\u{30FF}'   // Hiragana, Katakana
        | '\u{31F0}'..='\u{31FF}'
        | '\u{3400}'..='\u{4DBF}'   // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF66}'..='\u{FF9F}'   // halfwidth Katakana
        | '\u{20000}'..='\u{3FFFF}')
}

/// The index terms of folded text: whole words, and bigrams plus a final unigram for runs.
pub fn tokens(folded: &str) -> impl Iterator<Item = Token<'_>> {
    segments(folded).flat_map(segment_tokens)
}

/// The index terms of one segment (see [`tokens`]).
pub fn segment_tokens(segment: Segment<'_>) -> impl Iterator<Item = Token<'_>> {
    let word = (segment.kind == SegmentKind::Word).then_some(Token {
        kind: TokenKind::Word,
        text: segment.text,
        start: segment.start,
    });
    let run = (segment.kind == SegmentKind::Run).then(|| RunGrams {
        text: segment.text,
        base: segment.start,
        clusters: segment.text.grapheme_indices(true),
        prev: None,
        done: false,
    });
    word.into_iter().chain(run.into_iter().flatten())
}

/// Bigrams of a run's clusters, then its last cluster as a unigram.
#[derive(Clone, Debug)]
struct RunGrams<'a> {
    text: &'a str,
    base: usize,
    clusters: unicode_segmentation::GraphemeIndices<'a>,
    prev: Option<usize>,
    done: bool,
}

impl<'a> Iterator for RunGrams<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if self.done {
            return None;
        }
        loop {
            match (self.clusters.next(), self.prev) {
                (Some((i, g)), Some(p)) => {
                    self.prev = Some(i);
                    return Some(Token {
                        kind: TokenKind::Bigram,
                        text: &self.text[p..i + g.len()],
                        start: self.base + p,
                    });
                }
                (Some((i, _)), None) => self.prev = Some(i),
                (None, Some(p)) => {
                    self.done = true;
                    return Some(Token {
                        kind: TokenKind::Unigram,
                        text: &self.text[p..],
                        start: self.base + p,
                    });
                }
                (None, None) => {
                    self.done = true;
                    return None;
                }
            }
        }
    }
}

/// Is byte offset `pos` an extended grapheme cluster boundary of `text`?
pub fn is_cluster_boundary(text: &str, pos: usize) -> bool {
    if pos == 0 || pos == text.len() {
        return true;
    }
    if !text.is_char_boundary(pos) {
        return false;
    }
    let before = text[..pos].chars().next_back();
    let after = text[pos..].chars().next();
    if let (Some(before), Some(after)) = (before, after) {
        if let Some(boundary) = pair_boundary(before, after) {
            return boundary;
        }
    }
    GraphemeCursor::new(pos, text.len(), true)
        .is_boundary(text, 0)
        .unwrap_or(false)
}

/// Whether there is a cluster boundary between `before` and `after` when both are characters
/// whose clustering depends on this pair alone (ASCII but CR, Thai, Han, kana): the common
/// cases of Thai and Chinese text, without the segmenter's state machine. `None` for anything
/// else. Of these, only Thai marks (grapheme class Extend, and SARA AM, SpacingMark) join the
/// character before them; none is Prepend, a regional indicator, an emoji or ZWJ (checked
/// against the segmenter by a test).
fn pair_boundary(before: char, after: char) -> Option<bool> {
    let simple = |c: char| {
        (c.is_ascii() && c != '\r')
            || matches!(c, '\u{0E01}'..='\u{0E5B}' | '\u{3041}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}')
    };
    if !simple(before) || !simple(after) || before.is_ascii_control() {
        return None;
    }
    let joins = matches!(after, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
    Some(!joins)
}

/// The number of grapheme clusters in `text`.
pub fn cluster_count(text: &str) -> usize {
    text.graphemes(true).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold;

    proptest::proptest! {
        /// ASCII text is cut into the segmenter's clusters without it.
        #[test]
        fn ascii_clusters_are_the_segmenters(text in "[a-z0-9 .,'\"\r\n\t-]{0,40}") {
            let ascii = matches!(Clusters::new(&text), Clusters::Ascii { .. });
            proptest::prop_assert!(ascii, "the ASCII path was not taken");
            let fast: Vec<(usize, &str)> = Clusters::new(&text).collect();
            let slow: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(fast, slow);
        }
    }

    /// The pair shortcut agrees with the segmenter on every pair of its characters (Han and
    /// kana sampled).
    #[test]
    fn pair_boundary_agrees_with_the_segmenter() {
        let chars: Vec<char> = (0u32..0x80)
            .chain(0x0E00..0x0E60)
            .chain((0x3040..0x3100).step_by(7))
            .chain((0x4E00..0xA000).step_by(97))
            .filter_map(char::from_u32)
            .collect();
        let mut checked = 0;
        for &a in &chars {
            for &b in &chars {
                if let Some(fast) = pair_boundary(a, b) {
                    let text = format!("{a}{b}");
                    let slow = GraphemeCursor::new(a.len_utf8(), text.len(), true)
                        .is_boundary(&text, 0)
                        .unwrap_or(false);
                    assert_eq!(fast, slow, "{a:?} {b:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000, "{checked}");
    }

    fn segs(s: &str) -> Vec<(SegmentKind, String)> {
        segments(&fold(s))
            .map(|s| (s.kind, s.text.to_string()))
            .collect()
    }

    fn toks(s: &str) -> Vec<String> {
        let f = fold(s);
        tokens(&f).map(|t| t.text.to_string()).collect()
    }

    use SegmentKind::{Run, Word};

    #[test]
    fn tokenize_english_and_vietnamese_words() {
        assert_eq!(
            toks("Thái Lan, Đông-Nam Á!"),
            ["thai", "lan", "dong", "nam", "a"]
        );
        assert_eq!(toks("COVID-19 in 2024."), ["covid", "19", "in", "2024"]);
        assert_eq!(toks("don't"), ["don", "t"]);
    }

    #[test]
    fn tokenize_indonesian_malay() {
        assert_eq!(
            toks("Pemerintah Malaysia (kerajaan)"),
            ["pemerintah", "malaysia", "kerajaan"]
        );
    }

    #[test]
    fn tokenize_thai_keeps_tone_marks_inside_runs() {
        assert_eq!(
            segs("ผู้ใหญ่ บ้าน"),
            [(Run, "ผู้ใหญ่".into()), (Run, "บ้าน".into())]
        );
        // Bigrams of clusters, each keeping its marks, plus the last cluster.
        assert_eq!(toks("ก่อน"), ["ก่อ", "อน", "น"]);
        assert_eq!(toks("ผู้ใหญ่"), ["ผู้ใ", "ให", "หญ่", "ญ่"]);
    }

    #[test]
    fn tokenize_chinese_bigrams_and_punctuation() {
        assert_eq!(toks("网络诈骗。"), ["网络", "络诈", "诈骗", "骗"]);
        assert_eq!(toks("中"), ["中"]);
        assert_eq!(
            segs("东盟，ASEAN"),
            [(Run, "东盟".into()), (Word, "asean".into())]
        );
    }

    #[test]
    fn tokenize_khmer_lao_burmese_japanese_are_runs() {
        for s in ["កម្ពុជា", "ລາວ", "မြန်မာ", "カンボジア", "ひらがな"]
        {
            let v = segs(s);
            assert_eq!(v, [(Run, s.to_string())], "{s}");
        }
        // Burmese sentence mark and Khmer khan are separators.
        assert_eq!(segs("မြန်မာ။ ကို").len(), 2);
        assert_eq!(segs("កម្ពុជា។ថៃ").len(), 2);
    }

    #[test]
    fn tokenize_mixed_scripts_split_without_separator() {
        assert_eq!(
            segs("COVID-19ในไทย"),
            [
                (Word, "covid".into()),
                (Word, "19".into()),
                (Run, "ในไทย".into())
            ]
        );
    }

    #[test]
    fn tokenize_offsets_point_into_folded_text() {
        let f = fold("Xin chào Việt Nam 网络");
        for t in tokens(&f) {
            assert_eq!(&f[t.start..t.start + t.text.len()], t.text);
        }
    }

    #[test]
    fn cluster_boundaries() {
        let s = "ก่อน";
        assert!(is_cluster_boundary(s, 0));
        assert!(!is_cluster_boundary(s, 3)); // between ก and its tone mark
        assert!(is_cluster_boundary(s, 6));
        assert_eq!(cluster_count(s), 3);
    }
}
