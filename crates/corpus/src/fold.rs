//! Search keys: case- and diacritic-insensitive folding that never harms Thai, Khmer, Lao or Burmese.
//!
//! [`fold`] works one extended grapheme cluster at a time, so the folded text is the concatenation
//! of the folded clusters and every folded byte can be traced back to the original cluster it came
//! from ([`fold_with_offsets`], used for highlighting). For each cluster:
//!
//! 1. NFC (`icu_normalizer`, compiled data);
//! 2. fullwidth ASCII forms (U+FF01–FF5E, common in Chinese text) become ASCII;
//! 3. lower-case, character by character (`char::to_lowercase`, Unicode's full lower-case mapping,
//!    language-independent; no final-sigma context so that folding stays per cluster);
//! 4. only when the cluster's base character is Latin: NFD, drop U+0300–U+036F, NFC, and map
//!    `đ` → `d`. This folds all 134 precomposed Vietnamese letters (`Thái` → `thai`,
//!    `Đông Nam Á` → `dong nam a`) and leaves every other script's marks alone: `ผู้ใหญ่` stays
//!    `ผู้ใหญ่`, Greek and Cyrillic keep their accents.
//!
//! ASCII runs take a fast path (byte-wise lower-case, same length), so English text allocates only
//! the output string and records no offset entries.
//!
//! Why `icu_normalizer` and `char::to_lowercase` rather than `icu_casemap` or
//! `unicode-normalization` + `caseless`: the normalizer is the only Unicode table we need that std
//! lacks; std's lower-case tables are already in every Rust binary, so `icu_casemap` would add data
//! for no gain here. `icu_normalizer` 2.x is also already in the native build through
//! `icu_experimental`, and it is the lighter of the two normalizers in wasm.

use std::ops::Range;

use icu_normalizer::{ComposingNormalizerBorrowed, DecomposingNormalizerBorrowed};
use unicode_segmentation::UnicodeSegmentation;

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
        if pos == fs {
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
fn fold_into(text: &str, out: &mut String, changed: &mut dyn FnMut(Range<usize>, Range<usize>)) {
    let mut pos = 0;
    let mut scratch = String::new();
    while pos < text.len() {
        let rest = &text[pos..];
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        // The last ASCII byte before a non-ASCII char may start a cluster with combining marks.
        let fast = if ascii == rest.len() {
            ascii
        } else {
            ascii.saturating_sub(1)
        };
        if fast > 0 {
            let run = &rest[..fast];
            out.extend(run.chars().map(|c| c.to_ascii_lowercase()));
            pos += fast;
            continue;
        }
        let cluster = rest.graphemes(true).next().unwrap_or(rest);
        let start = out.len();
        fold_cluster(cluster, out, &mut scratch);
        if out[start..] != *cluster {
            changed(start..out.len(), pos..pos + cluster.len());
        }
        pos += cluster.len();
    }
}

/// Folds one grapheme cluster onto `out`.
fn fold_cluster(cluster: &str, out: &mut String, scratch: &mut String) {
    let nfc = NFC.normalize(cluster);
    scratch.clear();
    for c in nfc.chars() {
        let c = fullwidth_to_ascii(c);
        scratch.extend(c.to_lowercase());
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
            "東南亞",
        ] {
            assert_eq!(fold(s), s, "{s}");
        }
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

    #[test]
    fn fold_to_reuses_buffer() {
        let mut buf = String::from("old");
        fold_to("Việt", &mut buf);
        assert_eq!(buf, "viet");
    }
}
