//! Finding names in article text (build time): the rules every name table shares (countries,
//! places, organizations). Matching is exact on NFC text with invisible characters removed
//! ([`fold_for_matching`]); at each position the longest name wins and its span is consumed; a
//! name in a spaced script (Latin, Vietnamese) must stand as a whole word, and a name in Thai,
//! Lao, Khmer, Burmese or Chinese may not start or end inside a syllable ([`stands_alone`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use icu_normalizer::ComposingNormalizerBorrowed;

use super::countries::is_invisible;

/// A table of names, each standing for a `T` (a place, an organization…).
#[derive(Debug)]
pub(crate) struct NameFinder<T> {
    /// Names grouped by first character, longest first within a group.
    by_first_char: HashMap<char, Vec<(Box<str>, bool, T)>>,
}

impl<T> NameFinder<T> {
    /// A finder for `names` (folded for matching; the first of two equal names wins; empty names
    /// are dropped).
    pub(crate) fn new(names: impl IntoIterator<Item = (String, T)>) -> NameFinder<T> {
        let mut by_first_char: HashMap<char, Vec<(Box<str>, bool, T)>> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        for (name, value) in names {
            let name = fold_for_matching(&ComposingNormalizerBorrowed::new_nfc().normalize(&name))
                .trim()
                .to_owned();
            let (Some(first), Some(last)) = (name.chars().next(), name.chars().next_back()) else {
                continue;
            };
            if !seen.insert(name.clone()) {
                continue;
            }
            let whole_word = is_spaced_script(first) || is_spaced_script(last);
            by_first_char
                .entry(first)
                .or_default()
                .push((name.into(), whole_word, value));
        }
        for group in by_first_char.values_mut() {
            group.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
        }
        NameFinder { by_first_char }
    }

    /// Every name in the table (as folded), with what it stands for.
    pub(crate) fn names(&self) -> impl Iterator<Item = (&str, &T)> {
        self.by_first_char
            .values()
            .flatten()
            .map(|(name, _, value)| (&**name, value))
    }

    /// Every name found in `text` (already folded with [`fold_for_matching`]), in order, longest
    /// first at each position, spans not overlapping.
    pub(crate) fn find<'f>(&'f self, text: &str) -> Vec<(Range<usize>, &'f T)> {
        let mut found = Vec::new();
        let mut resume_at = 0;
        for (start, c) in text.char_indices() {
            if start < resume_at {
                continue;
            }
            let Some(group) = self.by_first_char.get(&c) else {
                continue;
            };
            let rest = &text[start..];
            if let Some((name, _, value)) = group.iter().find(|(name, whole_word, _)| {
                rest.starts_with(&**name)
                    && stands_alone(text, start, start + name.len(), *whole_word)
            }) {
                resume_at = start + name.len();
                found.push((start..resume_at, value));
            }
        }
        found
    }
}

/// Whether a name found at `start..end` of `text` stands on its own there: it does not end inside
/// a syllable or an accented letter, does not start inside a Thai or Lao syllable, and, for a
/// name in a spaced script (`whole_word`), is not part of a longer word of a spaced script.
pub(crate) fn stands_alone(text: &str, start: usize, end: usize, whole_word: bool) -> bool {
    let name = &text[start..end];
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if after.is_some_and(is_combining_mark) && !starts_zawgyi_country_word(&text[end..]) {
        return false; // ends inside a syllable or an accented letter
    }
    if before.is_some_and(is_leading_vowel) {
        return false; // starts inside a Thai or Lao syllable
    }
    if whole_word {
        let first_is_word = name.chars().next().is_some_and(char::is_alphanumeric);
        let last_is_word = name.chars().next_back().is_some_and(char::is_alphanumeric);
        // A Latin name in Chinese or Thai text may touch the letters around it (`据Antara于`).
        let joins = |c: char| is_spaced_script(c) || matches!(c as u32, 0x0300..=0x036F);
        if first_is_word && before.is_some_and(joins) {
            return false;
        }
        if last_is_word && after.is_some_and(joins) {
            return false;
        }
    }
    true
}

/// Zawgyi Burmese writes "country" (နိုင်ငံ) as `ႏိုင္ငံ`, whose first code point is a combining
/// mark in Unicode: a name followed by it still ends at a syllable boundary (`မေလး႐ွားႏိုင္ငံ`).
fn starts_zawgyi_country_word(rest: &str) -> bool {
    rest.starts_with("ႏိုင္ငံ") || rest.starts_with("ႏုိင္ငံ")
}

/// The copy of NFC text that names are matched on: invisible characters removed, and Lao and Thai
/// `am` typed as nikhahit + aa (`ໍາ`, `ํา`) written as the one code point (`ຳ`, `ำ`), as in `ກໍາປູເຈຍ`.
pub(crate) fn fold_for_matching(text: &str) -> Cow<'_, str> {
    let needs = text
        .chars()
        .any(|c| is_invisible(c) || c == '\u{0ECD}' || c == '\u{0E4D}');
    if !needs {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().filter(|&c| !is_invisible(c)).peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\u{0ECD}', Some('\u{0EB2}')) => {
                chars.next();
                out.push('\u{0EB3}');
            }
            ('\u{0E4D}', Some('\u{0E32}')) => {
                chars.next();
                out.push('\u{0E33}');
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A letter of a script that separates words with spaces (not Thai, Lao, Khmer, Burmese, CJK).
pub(crate) fn is_spaced_script(c: char) -> bool {
    c.is_alphanumeric()
        && !matches!(c as u32,
            0x0E00..=0x0EFF          // Thai, Lao
            | 0x1000..=0x109F        // Myanmar
            | 0x1780..=0x17FF        // Khmer
            | 0x2E80..=0x9FFF        // CJK, kana
            | 0xAC00..=0xD7AF        // Hangul
            | 0xF900..=0xFAFF
            | 0x20000..=0x3134F)
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Combining marks of the scripts this corpus uses: accents, and the dependent vowels, tone marks
/// and signs of Thai, Lao, Khmer and Burmese (which `char::is_alphabetic` does not all cover).
pub(crate) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F
        | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E
        | 0x0EB1 | 0x0EB4..=0x0EBC | 0x0EC8..=0x0ECE
        | 0x17B4..=0x17D3 | 0x17DD
        | 0x102B..=0x103E | 0x1056..=0x1059 | 0x105E..=0x1060 | 0x1062..=0x1064
        | 0x1067..=0x106D | 0x1071..=0x1074 | 0x1082..=0x108D | 0x108F | 0x109A..=0x109D)
}

/// Thai and Lao vowels written before the consonant they follow in speech (เ แ โ ใ ไ).
pub(crate) fn is_leading_vowel(c: char) -> bool {
    matches!(c as u32, 0x0E40..=0x0E44 | 0x0EC0..=0x0EC4)
}
