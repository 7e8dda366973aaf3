//! Search keys: case- and diacritic-insensitive folding that never harms Thai, Khmer, Lao or Burmese.
//!
//! [`fold`] works one extended grapheme cluster at a time, so the folded text is the concatenation
//! of the folded clusters and every folded byte can be traced back to the original cluster it came
//! from ([`fold_with_offsets`], used for highlighting). For each cluster:
//!
//! 1. NFC (`icu_normalizer`, compiled data), then invisible characters dropped ([`is_invisible`]:
//!    zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen), so that
//!    `Thai\u{200B}land` folds to `thailand` as web text's hidden breaks would otherwise split
//!    words and Khmer names; the displayed text keeps them;
//! 2. fullwidth ASCII forms (U+FF01–FF5E, common in Chinese text) become ASCII;
//! 3. lower-case, character by character (`char::to_lowercase`, Unicode's full lower-case mapping,
//!    language-independent; no final-sigma context so that folding stays per cluster);
//! 4. only when the cluster's base character is Latin: NFD, drop U+0300–U+036F, NFC, and map
//!    `đ` → `d`. This folds all 134 precomposed Vietnamese letters (`Thái` → `thai`,
//!    `Đông Nam Á` → `dong nam a`) and leaves every other script's marks alone: `ผู้ใหญ่` stays
//!    `ผู้ใหญ่`, Greek and Cyrillic keep their accents;
//! 5. a Traditional Chinese character becomes its Simplified form ([`han`]: `詐騙` → `诈骗`), one
//!    character for one of the same length, so either form finds both.
//!
//! Runs of ASCII and of characters that provably fold to themselves (Thai, Lao, Khmer, Myanmar,
//! Han, kana, Hangul syllables, CJK punctuation) take a fast path with no normalizer call: ASCII is
//! lower-cased byte-wise (same length), the rest copied, and no offset entries are recorded. Only
//! clusters with anything else (Latin letters with marks, fullwidth forms, upper case beyond
//! ASCII, marks of non-zero combining class, …) go through the steps above. A test checks the
//! fast-path character set against the Unicode data, and a property test checks the fast loop
//! against the plain per-cluster reference.
//!
//! Why `icu_normalizer` and `char::to_lowercase` rather than `icu_casemap` or
//! `unicode-normalization` + `caseless`: the normalizer is the only Unicode table we need that std
//! lacks; std's lower-case tables are already in every Rust binary, so `icu_casemap` would add data
//! for no gain here. `icu_normalizer` 2.x is also already in the native build through
//! `icu_experimental`, and it is the lighter of the two normalizers in wasm.

use std::ops::Range;
use std::sync::OnceLock;

use super::han;
use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

const NFC: ComposingNormalizerBorrowed<'static> = ComposingNormalizerBorrowed::new_nfc();
const NFD: DecomposingNormalizerBorrowed<'static> = DecomposingNormalizerBorrowed::new_nfd();

/// Folds `text` into its search key: see the module documentation for the exact steps.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out, &mut |_, _| {});
    out
}

/// Folds `text` into `out` (cleared first), reusing its allocation.
pub fn fold_to(text: &str, out: &mut String) {
    out.clear();
    fold_append(text, out);
}

/// Folds `text` onto the end of `out`.
pub fn fold_append(text: &str, out: &mut String) {
    fold_into(text, out, &mut |_, _| {});
}

/// A folded text that remembers where each folded byte came from in the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text, equal to [`fold`] of the original.
    pub text: String,
    /// One entry per cluster whose folding changed its bytes, in text order:
    /// `(folded_start, folded_end, original_start, original_end)`. Between entries the two texts
    /// are byte-identical, so offsets map by a constant shift.
    changed: Vec<(usize, usize, usize, usize)>,
}

/// Folds `text` like [`fold`] and keeps the offset map needed to turn folded ranges back into
/// ranges of the original text.
pub fn fold_with_offsets(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        changed: Vec::new(),
    };
    let changed = &mut folded.changed;
    fold_into(text, &mut folded.text, &mut |f, o| {
        changed.push((f.start, f.end, o.start, o.end))
    });
    folded
}

impl Folded {
    /// Maps a byte range of [`Folded::text`] to the smallest range of the original text that
    /// covers it, widened to whole original clusters where folding changed them. The result is
    /// always on char boundaries of the original.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.map(folded.start, false);
        let end = self.map(folded.end, true).max(start);
        start..end
    }

    /// Maps one folded offset; inside a changed cluster it snaps to the cluster's start (or end).
    fn map(&self, pos: usize, snap_end: bool) -> usize {
        // Last changed cluster starting at or before `pos`.
        let i = self.changed.partition_point(|c| c.0 <= pos);
        if i == 0 {
            return pos;
        }
        let (fs, fe, os, oe) = self.changed[i - 1];
        // A cluster that folded to nothing (an invisible character) maps to just after itself,
        // as the cluster that follows it would.
        if pos == fs && fs < fe {
            os
        } else if pos < fe {
            if snap_end {
                oe
            } else {
                os
            }
        } else {
            oe + (pos - fe)
        }
    }
}

/// The folding loop: appends the folded text to `out`, calling `changed(folded, original)` for
/// every cluster whose bytes changed.
///
/// Fast path: a stretch of [`folds_to_itself`] characters (ASCII is lower-cased byte-wise) is
/// copied without the normalizer or the grapheme segmenter, because every cluster made only of
/// such characters folds to itself (see [`folds_to_itself`]). Only the stretch's last cluster may
/// continue into the following (slow) characters, e.g. `a` + U+0301 or `ก` + a tone mark; when it
/// does, that cluster is left to the slow path, which folds one cluster at a time.
fn fold_into(text: &str, out: &mut String, changed: &mut dyn FnMut(Range<usize>, Range<usize>)) {
    const MEMO: usize = 64;
    let mut pos = 0;
    let mut scratch = String::new();
    // Direct-mapped cache of one-character clusters: (char, folded bytes, folded length). Slot
    // chars start as NUL, whose own fold (itself) is what the empty entry holds.
    let mut memo = [('\0', [0u8; 4], 1u8); MEMO];
    while pos < text.len() {
        let rest = &text[pos..];
        let run = fast_prefix(rest);
        let fast = if run == rest.len() || run == 0 || starts_lone_latin(rest, run) {
            run
        } else {
            last_boundary(rest, run)
        };
        if fast > 0 {
            let start = out.len();
            out.push_str(&rest[..fast]);
            // Only ASCII bytes change: the other characters of the stretch fold to themselves.
            out[start..].make_ascii_lowercase();
            pos += fast;
            continue;
        }
        let start = out.len();
        let cluster = match rest.chars().next() {
            Some(c) if starts_lone_latin(rest, 0) => &rest[..c.len_utf8()],
            _ => rest.graphemes(true).next().unwrap_or(rest),
        };
        let mut chars = cluster.chars();
        match (chars.next(), chars.next()) {
            // A one-character cluster folds the same way every time: precomposed Latin letters
            // (Vietnamese) come from a table built once, others are memoised (fullwidth
            // punctuation in Chinese text, say).
            (Some(c), None) => match fold_latin_letter(c) {
                Some(folded) => out.push_str(folded),
                None => {
                    let slot = &mut memo[c as usize % MEMO];
                    if slot.0 != c {
                        fold_cluster(cluster, out, &mut scratch);
                        let folded = &out[start..];
                        if folded.len() <= 4 {
                            let mut bytes = [0; 4];
                            bytes[..folded.len()].copy_from_slice(folded.as_bytes());
                            *slot = (c, bytes, folded.len() as u8);
                        }
                    } else {
                        let bytes = &slot.1[..usize::from(slot.2)];
                        out.push_str(std::str::from_utf8(bytes).unwrap_or_default());
                    }
                }
            },
            _ => fold_cluster(cluster, out, &mut scratch),
        }
        if out[start..] != *cluster {
            changed(start..out.len(), pos..pos + cluster.len());
        }
        pos += cluster.len();
    }
}

/// Byte length of the longest prefix of `text` made of ASCII and [`folds_to_itself`] characters
/// whose marks are in canonical order (the NFC quick check: a mark never follows a mark of a
/// higher combining class), so that the prefix, and every cluster in it, is already NFC.
fn fast_prefix(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut last_class = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii() {
            i += 1;
            last_class = 0;
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        if !folds_to_itself(c) {
            break;
        }
        // An upper-case ASCII letter that `c` may join into one cluster (a spacing or combining
        // mark) changes that cluster: the slow path records the change for highlighting.
        if i > 0 && bytes[i - 1].is_ascii_uppercase() {
            return i - 1;
        }
        let class = mark_class(c);
        if class != 0 && class < last_class {
            break;
        }
        last_class = class;
        i += c.len_utf8();
    }
    i
}

/// The folds of the Latin letters U+00C0–U+024F and U+1E00–U+1EFF (every precomposed
/// Vietnamese letter among them), each folded as a one-character cluster once, on first use.
fn fold_latin_letter(c: char) -> Option<&'static str> {
    const RANGES: [(u32, u32); 2] = [(0xC0, 0x24F), (0x1E00, 0x1EFF)];
    static TABLE: OnceLock<Vec<String>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut scratch = String::new();
        RANGES
            .iter()
            .flat_map(|&(lo, hi)| lo..=hi)
            .map(|u| {
                let mut out = String::new();
                if let Some(c) = char::from_u32(u) {
                    fold_cluster(c.encode_utf8(&mut [0; 4]), &mut out, &mut scratch);
                }
                out
            })
            .collect()
    });
    let u = c as u32;
    let mut offset = 0;
    for (lo, hi) in RANGES {
        if (lo..=hi).contains(&u) {
            return table.get(offset + (u - lo) as usize).map(String::as_str);
        }
        offset += (hi - lo + 1) as usize;
    }
    None
}

/// True when the character at `pos` is a Latin letter standing alone as a cluster, preceded by
/// ASCII (or nothing) and followed by ASCII (or nothing): a precomposed Vietnamese letter between
/// ASCII letters, the common case. Neither side can join it: ASCII holds no Prepend, Extend,
/// SpacingMark or ZWJ character, and a Latin letter is none of these either, so the grapheme
/// segmenter is not needed to find its bounds.
fn starts_lone_latin(text: &str, pos: usize) -> bool {
    let bytes = text.as_bytes();
    let Some(c) = text.get(pos..).and_then(|rest| rest.chars().next()) else {
        return false;
    };
    let before = pos == 0 || bytes.get(pos - 1).is_some_and(u8::is_ascii);
    let after = bytes.get(pos + c.len_utf8()).is_none_or(u8::is_ascii);
    !c.is_ascii() && is_latin(c) && before && after
}

/// Canonical combining class of a [`folds_to_itself`] character (0 for all but these marks).
fn mark_class(c: char) -> u8 {
    match c {
        '\u{1037}' => 7,
        '\u{0E3A}' | '\u{0EBA}' | '\u{17D2}' | '\u{1039}' | '\u{103A}' => 9,
        '\u{0E38}' | '\u{0E39}' => 103,
        '\u{0E48}'..='\u{0E4B}' => 107,
        '\u{0EB8}' | '\u{0EB9}' => 118,
        '\u{0EC8}'..='\u{0ECB}' => 122,
        '\u{108D}' => 220,
        '\u{17DD}' => 230,
        _ => 0,
    }
}

/// The last cluster boundary of `text` at or before `pos` (segmenting `text` from its start, as
/// the slow path does).
fn last_boundary(text: &str, pos: usize) -> usize {
    let mut cursor = GraphemeCursor::new(pos, text.len(), true);
    if cursor.is_boundary(text, 0).unwrap_or(false) {
        return pos;
    }
    cursor.prev_boundary(text, 0).ok().flatten().unwrap_or(0)
}

/// Characters that fold to themselves in any cluster made only of them and ASCII, provided marks
/// are in canonical order ([`mark_class`], checked by [`fast_prefix`]): NFC quick check Yes (NFC-stable and never the second half of a canonical
/// composition, so a string of them is already NFC), lower case already, not fullwidth ASCII, not
/// Latin, not a regional indicator, emoji or ZWJ (whose clustering looks behind). Thai, Lao,
/// Khmer and Myanmar letters and marks, Han, kana, Hangul syllables, CJK and common
/// general punctuation. Checked against the Unicode data by a test.
fn folds_to_itself(c: char) -> bool {
    let in_blocks = matches!(c,
        '\u{0E01}'..='\u{0E3A}' | '\u{0E3F}'..='\u{0E5B}' // Thai
        | '\u{0E81}'..='\u{0EDF}' // Lao
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{1000}'..='\u{1025}' | '\u{1027}'..='\u{102D}' | '\u{102F}'..='\u{109F}' // Myanmar
        | '\u{2010}'..='\u{2027}' // dashes, quotes, bullets, ellipsis
        | '\u{3000}'..='\u{3029}' // CJK punctuation
        | '\u{3041}'..='\u{3096}' | '\u{30A1}'..='\u{30FA}' | '\u{30FC}'..='\u{30FF}' // kana
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' // Han
        | '\u{AC00}'..='\u{D7A3}'); // Hangul syllables
    in_blocks && !han::is_traditional(c)
}

/// Folds one grapheme cluster onto `out`.
fn fold_cluster(cluster: &str, out: &mut String, scratch: &mut String) {
    let nfc = NFC.normalize(cluster);
    scratch.clear();
    for c in nfc.chars().filter(|&c| !is_invisible(c)) {
        let c = fullwidth_to_ascii(c);
        match han::simplified(c) {
            Some(simplified) => scratch.push(simplified),
            None => scratch.extend(c.to_lowercase()),
        }
    }
    if !scratch.chars().next().is_some_and(is_latin) {
        out.push_str(scratch);
        return;
    }
    let stripped: String = NFD
        .normalize(scratch)
        .chars()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    out.push_str(&NFC.normalize(&stripped));
}

/// Characters that change no letter of a word but split it for a search: zero-width space,
/// non-joiner and joiner, word joiner, byte-order mark (zero-width no-break space), soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// U+FF01–FF5E (fullwidth `！`…`～`) to their ASCII twins; anything else unchanged.
fn fullwidth_to_ascii(c: char) -> char {
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
    } else {
        c
    }
}

/// Is `c` a letter of the Latin script (the only script whose marks folding removes)?
fn is_latin(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z'
        | '\u{C0}'..='\u{24F}'   // Latin-1 Supplement letters, Latin Extended-A and -B
        | '\u{250}'..='\u{2AF}'  // IPA extensions
        | '\u{1D00}'..='\u{1DBF}' // phonetic extensions
        | '\u{1E00}'..='\u{1EFF}' // Latin Extended Additional (Vietnamese ạ…ỹ)
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_fold_away() {
        assert_eq!(fold("Thai\u{200B}land"), "thailand");
        assert_eq!(fold("Cam\u{00AD}bodia\u{FEFF}"), "cambodia");
        assert_eq!(fold("Vi\u{200C}\u{200D}\u{2060}ệt"), "viet");
        // Khmer web text puts zero-width spaces inside words: កម្ពុជា with one in the middle.
        assert_eq!(fold("កម្ព\u{200B}ុជា"), fold("កម្ពុជា"));
        // Highlights still map back onto the original, hidden characters included.
        let text = "in Thai\u{200B}land.";
        let folded = fold_with_offsets(text);
        let at = folded.text.find("thailand").expect("found");
        assert_eq!(&text[folded.original_range(at..at + 8)], "Thai\u{200B}land");
    }

    #[test]
    fn fold_vietnamese_all_tones_and_d() {
        assert_eq!(fold("Thái Lan"), "thai lan");
        assert_eq!(fold("Đông Nam Á"), "dong nam a");
        assert_eq!(fold("đ Đ"), "d d");
        // Every tone on every vowel, upper and lower case.
        let vowels = [
            ("aàáảãạ", 'a'),
            ("ăằắẳẵặ", 'a'),
            ("âầấẩẫậ", 'a'),
            ("eèéẻẽẹ", 'e'),
            ("êềếểễệ", 'e'),
            ("iìíỉĩị", 'i'),
            ("oòóỏõọ", 'o'),
            ("ôồốổỗộ", 'o'),
            ("ơờớởỡợ", 'o'),
            ("uùúủũụ", 'u'),
            ("ưừứửữự", 'u'),
            ("yỳýỷỹỵ", 'y'),
        ];
        let mut count = 0;
        for (letters, base) in vowels {
            for c in letters.chars() {
                for c in [c.to_string(), c.to_uppercase().collect::<String>()] {
                    assert_eq!(fold(&c), base.to_string(), "{c}");
                    count += 1;
                }
            }
        }
        assert_eq!(count + 2, 146); // 144 vowels (incl. the 12 bare ones) + đ, Đ
        assert_eq!(fold("Hồ Chí Minh"), "ho chi minh");
        assert_eq!(fold("NGƯỜI VIỆT"), "nguoi viet");
    }

    #[test]
    fn fold_decomposed_input_equals_precomposed() {
        let nfd = "Tha\u{301}i Lan Vie\u{302}\u{323}t";
        assert_eq!(fold(nfd), "thai lan viet");
        assert_eq!(fold(nfd), fold("Thái Lan Việt"));
    }

    #[test]
    fn fold_leaves_thai_khmer_lao_burmese_and_chinese_alone() {
        for s in [
            "ผู้ใหญ่",
            "คอลเซ็นเตอร์",
            "ไม่ใช่",
            "ก่อน",
            "ប្រទេសកម្ពុជា",
            "ປະເທດລາວ",
            "မြန်မာနိုင်ငံ",
            "网络诈骗",
            "东南亚",
        ] {
            assert_eq!(fold(s), s, "{s}");
        }
    }

    #[test]
    fn traditional_chinese_folds_to_simplified_without_moving_offsets() {
        assert_eq!(fold("東南亞電信詐騙"), "东南亚电信诈骗");
        assert_eq!(fold("東南亞"), fold("东南亚"));
        let text = "警方破獲詐騙集團";
        let folded = fold_with_offsets(text);
        let start = folded.text.find("诈骗").expect("folded");
        assert_eq!(
            &text[folded.original_range(start..start + "诈骗".len())],
            "詐騙"
        );
    }

    #[test]
    fn fold_keeps_marks_outside_latin() {
        assert_eq!(fold("Й"), "й");
        assert_eq!(fold("Ἀθῆναι"), "ἀθῆναι");
    }

    #[test]
    fn fold_fullwidth_ascii() {
        assert_eq!(fold("ＡＳＥＡＮ２０２４"), "asean2024");
        assert_eq!(fold("东盟ＡＳＥＡＮ"), "东盟asean");
    }

    #[test]
    fn fold_offsets_map_back_to_original() {
        let text = "Ở Đông Nam Á, Thái Lan";
        let f = fold_with_offsets(text);
        assert_eq!(f.text, "o dong nam a, thai lan");
        let at = f.text.find("thai").expect("folded");
        assert_eq!(&text[f.original_range(at..at + 4)], "Thái");
        let at = f.text.find("dong nam a").expect("folded");
        assert_eq!(&text[f.original_range(at..at + 10)], "Đông Nam Á");
        // A range ending inside a changed cluster widens to the whole cluster.
        let at = f.text.find("tha").expect("folded");
        assert_eq!(&text[f.original_range(at..at + 3)], "Thá");
        // Identity text: identity map.
        let f = fold_with_offsets("ผู้ใหญ่ abc");
        assert_eq!(f.original_range(3..9), 3..9);
        assert!(f.changed.is_empty());
    }

    /// The reference loop: every cluster through [`fold_cluster`], no fast path.
    fn fold_reference(text: &str) -> Folded {
        let mut folded = Folded::default();
        let mut scratch = String::new();
        let mut pos = 0;
        for cluster in text.graphemes(true) {
            let start = folded.text.len();
            fold_cluster(cluster, &mut folded.text, &mut scratch);
            if folded.text[start..] != *cluster {
                let end = folded.text.len();
                folded.changed.push((start, end, pos, pos + cluster.len()));
            }
            pos += cluster.len();
        }
        folded
    }

    /// Fast and reference folds give the same text and the same offset mapping.
    fn assert_same_as_reference(text: &str) {
        let fast = fold_with_offsets(text);
        let slow = fold_reference(text);
        assert_eq!(fast.text, slow.text, "{text:?}");
        assert_eq!(fold(text), slow.text, "{text:?}");
        let cuts: Vec<usize> = (0..=fast.text.len())
            .filter(|&i| fast.text.is_char_boundary(i))
            .collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                assert_eq!(
                    fast.original_range(a..b),
                    slow.original_range(a..b),
                    "{text:?} {a}..{b}"
                );
            }
        }
    }

    #[test]
    fn fast_path_upper_case_ascii_joined_by_a_mark() {
        // Found by the property test: `A` + a Myanmar spacing mark is one cluster that folding
        // changes, so a highlight of the `a` covers the whole cluster.
        for s in [
            "A\u{1084}",
            "xA\u{1084}y",
            "A\u{E31}",
            "AB\u{17B6}",
            "A中",
            "Aก",
        ] {
            assert_same_as_reference(s);
        }
    }

    #[test]
    fn fast_path_thai_with_combining_marks() {
        // Thai letters, class-0 marks, tone marks (class 107) and lower vowels (class 103) out of
        // canonical order, and a Latin acute on a Thai letter.
        for s in [
            "ผู้ใหญ่ก่อน",
            "ก\u{E48}\u{E38}น",
            "ก\u{E38}\u{E48}น",
            "ก\u{301}ข",
            "กั\u{301}",
            "ทั้งนี้ abc ก\u{E4B}",
            "ປະເທດລາວ\u{EC8}\u{EB8}",
            "ប្រទេស\u{17DD}",
            "မြန်မာ\u{1025}\u{102E}",
        ] {
            assert_same_as_reference(s);
        }
    }

    #[test]
    fn fast_path_vietnamese_decomposed_and_precomposed() {
        for s in [
            "Tha\u{301}i Lan Vie\u{302}\u{323}t",
            "Thái Lan Việt Đông Nam Á",
            "NGƯỜI VIỆT, ĐỒNG",
            "a\u{301}\u{302}",
        ] {
            assert_same_as_reference(s);
        }
    }

    #[test]
    fn fast_path_fullwidth_ascii_upper_and_cjk() {
        for s in [
            "ＡＳＥＡＮ２０２４，东盟ＡＳＥＡＮ。",
            "ABC Def\r\nGHI",
            "网络诈骗「打击」…—",
            "か\u{3099}き\u{309A}カ\u{3099}",
            "\u{1100}\u{1161}\u{11A8}가\u{11A8}한국",
            "👍\u{200D}👍🇹🇭🇻🇳",
            "\u{F900}\u{2000}Ω\u{212B}",
        ] {
            assert_same_as_reference(s);
        }
    }

    /// Every fast-path character: combining class as in `mark_class`, NFC-stable, never a composition's second half,
    /// already lower case, not fullwidth ASCII, not Latin.
    #[test]
    fn fast_path_characters_fold_to_themselves() {
        use icu_normalizer::properties::{
            CanonicalCombiningClassMapBorrowed, CanonicalCompositionBorrowed,
            CanonicalDecompositionBorrowed, Decomposed,
        };
        let ccc = CanonicalCombiningClassMapBorrowed::new();
        let decomp = CanonicalDecompositionBorrowed::new();
        let comp = CanonicalCompositionBorrowed::new();
        let mut seconds = std::collections::HashSet::new();
        for p in (0..=0x10FFFF).filter_map(char::from_u32) {
            if let Decomposed::Expansion(a, b) = decomp.decompose(p) {
                if comp.compose(a, b) == Some(p) {
                    seconds.insert(b);
                }
            }
        }
        assert!(seconds.contains(&'\u{301}') && seconds.contains(&'\u{3099}'));
        let mut n = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !folds_to_itself(c) {
                continue;
            }
            n += 1;
            assert_eq!(ccc.get_u8(c), mark_class(c), "{c:?} U+{:04X}", c as u32);
            assert!(!seconds.contains(&c), "{c:?} U+{:04X}", c as u32);
            assert_eq!(NFC.normalize(&c.to_string()), c.to_string());
            assert!(c.to_lowercase().eq([c]), "U+{:04X}", c as u32);
            assert_eq!(fullwidth_to_ascii(c), c);
            assert!(!is_latin(c));
            assert_eq!(fold_reference(&c.to_string()).text, c.to_string());
        }
        assert!(n > 30_000);
    }

    proptest::proptest! {
        #[test]
        fn fast_fold_equals_reference_any_string(s in "\\PC{0,24}") {
            assert_same_as_reference(&s);
        }

        #[test]
        fn fast_fold_equals_reference_mixed(
            s in "[a-zA-Z0-9 \\r\\n,.ก-๛ກ-ໟក-៿က-႟à-ỹÀ-Ỹ\\u{300}-\\u{36F}\\u{3041}-\\u{30FF}一-丟가-갛\\u{1100}-\\u{11FF}！-～\\u{200D}\\u{1F1E6}-\\u{1F1FF}👍©‼〰]{0,16}"
        ) {
            assert_same_as_reference(&s);
        }
    }

    #[test]
    fn fold_to_reuses_buffer() {
        let mut buf = String::from("old");
        fold_to("Việt", &mut buf);
        assert_eq!(buf, "viet");
    }
}
