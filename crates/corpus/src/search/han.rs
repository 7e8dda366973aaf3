//! Traditional and Simplified Chinese: search folds each Traditional character onto its
//! Simplified form, so `詐騙` finds `诈骗` and the other way round, and the build tells the two
//! written forms apart by which characters a text uses.
//!
//! The table is reviewed data (`data/zh_traditional_simplified.txt`, from OpenCC, Apache-2.0),
//! one-to-one and length-preserving in UTF-8, so folding a Chinese text never moves a byte offset.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../data/zh_traditional_simplified.txt");

/// The Han blocks the table covers: CJK Extension A and the Unified Ideographs.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0x9FFF;

struct Table {
    /// `(traditional, simplified)`, sorted by the Traditional character.
    pairs: Vec<(char, char)>,
    /// One bit per code point in `FIRST..=LAST`: the character is Traditional-only.
    traditional: Vec<u64>,
    /// One bit per code point: the character is Simplified-only (a target that is not itself a
    /// Traditional form).
    simplified: Vec<u64>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = DATA
            .lines()
            .filter(|line| !line.starts_with('#'))
            .filter_map(|line| {
                let mut chars = line.chars();
                match (chars.next(), chars.next(), chars.next()) {
                    (Some(t), Some(s), None) if t.len_utf8() == s.len_utf8() => Some((t, s)),
                    _ => None,
                }
            })
            .collect();
        pairs.sort_unstable();
        let words = ((LAST - FIRST) / 64 + 1) as usize;
        let mut traditional = vec![0u64; words];
        let mut simplified = vec![0u64; words];
        for &(t, _) in &pairs {
            set(&mut traditional, t);
        }
        for &(_, s) in &pairs {
            if !get(&traditional, s) {
                set(&mut simplified, s);
            }
        }
        Table {
            pairs,
            traditional,
            simplified,
        }
    })
}

fn slot(c: char) -> Option<(usize, u32)> {
    let code = u32::from(c);
    (FIRST..=LAST)
        .contains(&code)
        .then(|| (((code - FIRST) / 64) as usize, (code - FIRST) % 64))
}

fn set(bits: &mut [u64], c: char) {
    if let Some((word, bit)) = slot(c) {
        if let Some(w) = bits.get_mut(word) {
            *w |= 1 << bit;
        }
    }
}

fn get(bits: &[u64], c: char) -> bool {
    slot(c).is_some_and(|(word, bit)| bits.get(word).is_some_and(|w| w & (1 << bit) != 0))
}

/// Whether `c` is a Traditional form with a different Simplified one (`詐`, `騙`, `國`).
pub fn is_traditional(c: char) -> bool {
    get(&table().traditional, c)
}

/// The Simplified form of a Traditional character (same UTF-8 length), or `None`.
pub fn simplified(c: char) -> Option<char> {
    if !is_traditional(c) {
        return None;
    }
    let pairs = &table().pairs;
    pairs
        .binary_search_by_key(&c, |&(t, _)| t)
        .ok()
        .and_then(|i| pairs.get(i))
        .map(|&(_, s)| s)
}

/// How many characters of `text` are Traditional-only and how many Simplified-only.
pub fn written_form_counts(text: &str) -> (usize, usize) {
    let table = table();
    text.chars().fold((0, 0), |(t, s), c| {
        (
            t + usize::from(get(&table.traditional, c)),
            s + usize::from(get(&table.simplified, c)),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_one_to_one_and_keeps_lengths() {
        let table = table();
        assert!(table.pairs.len() > 3000);
        for &(t, s) in &table.pairs {
            assert_ne!(t, s);
            assert_eq!(t.len_utf8(), s.len_utf8());
        }
        let lines = DATA.lines().filter(|l| !l.starts_with('#')).count();
        assert_eq!(lines, table.pairs.len(), "every data line is a pair");
    }

    #[test]
    fn traditional_characters_map_to_simplified_ones() {
        let mapped: String = "詐騙國際園區"
            .chars()
            .map(|c| simplified(c).unwrap_or(c))
            .collect();
        assert_eq!(mapped, "诈骗国际园区");
        assert_eq!(simplified('中'), None);
        assert_eq!(simplified('诈'), None);
        assert_eq!(simplified('a'), None);
    }

    #[test]
    fn written_forms_are_counted() {
        assert_eq!(written_form_counts("柬埔寨詐騙園區"), (4, 0));
        assert_eq!(written_form_counts("柬埔寨诈骗园区"), (0, 4));
        assert_eq!(written_form_counts("Thailand 中国"), (0, 1));
    }
}
