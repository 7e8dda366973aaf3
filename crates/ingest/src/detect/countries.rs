//! Country mentions in article text (build time only): a CLDR gazetteer plus a small alias table.
//!
//! The gazetteer holds every real country's CLDR name (long and short form) in English,
//! Vietnamese, Thai, Chinese (simplified and traditional), Indonesian, Malay, Filipino, Khmer, Lao
//! and Burmese, from `icu_experimental`'s compiled data, extended by `country_aliases`
//! (demonyms, everyday short forms, and phrases that must not count). It is built once.
//!
//! Matching is exact: case- and diacritic-sensitive, so `china`, `turkey` and Vietnamese `thẩm mỹ`
//! are not countries. It runs on a copy of the text in NFC with invisible characters removed (zero-
//! width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen: Khmer web text puts
//! zero-width spaces even inside country names) and Lao and Thai `am` written as two code points
//! composed; the text itself is not changed. The gazetteer's own names get the same folding (CLDR's
//! Khmer names contain zero-width spaces). At each position the longest name wins and its span is consumed, so
//! `中国人` counts once and `South Korea` never also counts `Korea`. Names in spaced scripts
//! (Latin, Vietnamese) must stand as whole words; names in Thai, Lao, Khmer, Burmese and Chinese
//! need no spaces but may not end inside a syllable (before a combining vowel or tone mark).

use std::collections::HashMap;
use std::sync::LazyLock;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::{DisplayNamesOptions, Style};
use icu_locale_core::subtags::Region;
use icu_locale_core::Locale;
use icu_normalizer::ComposingNormalizerBorrowed;

use corpus::article::CountryMention;

use super::names::{fold_for_matching, is_word_char, NameFinder};

#[path = "country_aliases.rs"]
mod country_aliases;

use country_aliases::TABLE;

/// The CLDR locales whose region names go into the gazetteer (English first: it wins conflicts).
const LOCALES: [&str; 11] = [
    "en", "vi", "th", "zh", "zh-Hant", "id", "ms", "fil", "km", "lo", "my",
];

/// CLDR region codes that are two letters but not ISO 3166-1 countries: groupings (EU, UN…),
/// exceptional reservations (AC, IC…), user-assigned (XK) and pseudo-regions.
const NOT_ISO_3166_1: [&str; 15] = [
    "AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "XK", "ZZ",
];

/// What one name of the gazetteer stands for.
#[derive(Debug)]
struct Name {
    /// The countries it names: one for a name, several for an abbreviation such as `泰缅` (Thailand
    /// and Myanmar), none for a phrase that must not count (`not` entries of the alias table).
    codes: Box<[Box<str>]>,
    /// Also a given name (`given` entries of the alias table).
    given_name: bool,
}

/// All names, found by the shared rules ([`NameFinder`]), and the English display names.
#[derive(Debug)]
struct Gazetteer {
    names: NameFinder<Name>,
    /// Code → English display name.
    english: HashMap<Box<str>, Box<str>>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

impl Gazetteer {
    fn build() -> Gazetteer {
        // Text → codes (none: not a country). The first writer of a text wins.
        let mut names: Vec<(String, Vec<String>)> = Vec::new();
        let mut english: HashMap<Box<str>, Box<str>> = HashMap::new();

        for phrase in &TABLE.not_countries {
            names.push((phrase.clone(), Vec::new()));
        }
        for (text, codes) in &TABLE.aliases {
            names.push((text.clone(), codes.clone()));
        }
        let codes = country_codes();
        for locale in LOCALES {
            for style in [None, Some(Style::Short)] {
                let Some(display) = region_display_names(locale, style) else {
                    continue;
                };
                for (code, region) in &codes {
                    let Some(name) = display.of(*region) else {
                        continue;
                    };
                    if locale == "en" && style.is_none() {
                        english.insert(code.as_str().into(), name.into());
                    }
                    for variant in cldr_variants(name) {
                        names.push((variant, vec![code.clone()]));
                    }
                }
            }
        }
        for (code, name) in &TABLE.english_names {
            english.insert(code.as_str().into(), name.as_str().into());
        }

        // The first writer of a name wins ([`NameFinder::new`]).
        let names = names.into_iter().flat_map(|(text, codes)| {
            let text = fold_for_matching(&text).into_owned();
            with_capitalised_variant(text).into_iter().map(move |text| {
                let name = Name {
                    given_name: TABLE.given_names.contains(&text),
                    codes: codes.iter().map(|c| c.as_str().into()).collect(),
                };
                (text, name)
            })
        });
        Gazetteer {
            names: NameFinder::new(names),
            english,
        }
    }

    /// Counts mentions per code in NFC text.
    fn count<'g>(&'g self, text: &str) -> HashMap<&'g str, u32> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for (span, name) in self.names.find(text) {
            let (start, end) = (span.start, span.end);
            let counts_here = !name.codes.is_empty()
                && !(name.given_name
                    && (follows_inner_capitalised_word(text, start)
                        || precedes_vietnamese_name_word(text, end)))
                && !names_a_language(text, start, end);
            if counts_here {
                for code in &name.codes {
                    *counts.entry(code).or_insert(0) += 1;
                }
            }
        }
        counts
    }
}

/// Every name of each country in the gazetteer (CLDR's in each of its locales, and the alias
/// table's demonyms and everyday forms), its English display name first, the rest sorted; a
/// name of several countries (`泰缅`) and a phrase that does not count are left out. For search
/// across languages.
pub fn names_by_country() -> HashMap<String, Vec<String>> {
    let gazetteer = &*GAZETTEER;
    let mut all: Vec<(&str, &Name)> = gazetteer.names.names().collect();
    all.sort_by(|a, b| a.0.cmp(b.0));
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    for (text, name) in all {
        if let [code] = &*name.codes {
            names
                .entry(code.to_string())
                .or_default()
                .push(text.to_owned());
        }
    }
    for (code, list) in &mut names {
        if let Some(english) = gazetteer.english.get(code.as_str()) {
            list.insert(0, english.to_string());
        }
    }
    names
}

/// True when the word right before `start` (one space apart) is capitalised and is not the first
/// word of its sentence: `Minh Đức`, `Michael Jordan` (a person), but not `Tại Đức` or `In Jordan`.
fn follows_inner_capitalised_word(text: &str, start: usize) -> bool {
    let Some(before) = text[..start].strip_suffix(' ') else {
        return false;
    };
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    match before[..word_start]
        .trim_end_matches(' ')
        .chars()
        .next_back()
    {
        None => false,
        Some(c) => !matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '\n' | '"' | '“' | '‘' | '(' | '[' | '—' | '–' | '-'
        ),
    }
}

/// True when the name ending at `end` is followed by a capitalised Vietnamese word, one space apart:
/// the name is then part of a place or person name (`xã Mỹ Hội Đông`, `huyện Nga Sơn`, `Ý Yên`).
/// Only words with a letter only Vietnamese uses count, so `Ngoại trưởng Mỹ Marco Rubio` keeps `Mỹ`.
fn precedes_vietnamese_name_word(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let word: String = rest.chars().take_while(|&c| is_word_char(c)).collect();
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(is_vietnamese_letter)
}

/// Letters that, among this corpus's Latin-script languages, only Vietnamese uses.
fn is_vietnamese_letter(c: char) -> bool {
    matches!(
        c,
        'ă' | 'Ă' | 'â' | 'Â' | 'đ' | 'Đ' | 'ê' | 'Ê' | 'ô' | 'Ô' | 'ơ' | 'Ơ' | 'ư' | 'Ư'
    ) || matches!(c as u32, 0x1EA0..=0x1EF9)
}

/// Words that make the country name after them a language name: Thai `ภาษาจีน`, Lao `ພາສາ ຈີນ`,
/// Khmer `ភាសាចិន` (Chinese language), Vietnamese `tiếng Thái` (Thai language).
const LANGUAGE_PREFIXES: [&str; 5] = ["ภาษา", "ພາສາ", "ភាសា", "tiếng ", "Tiếng "];

/// Chinese writes the language after the name: `越南语`, `柬埔寨語`.
const LANGUAGE_SUFFIXES: [char; 2] = ['语', '語'];

/// True when the name found at `start..end` names a language, not the country. Thai, Lao and Khmer
/// may put a space between the word for "language" and the name (`ພາສາ ຈີນ`).
fn names_a_language(text: &str, start: usize, end: usize) -> bool {
    let before = &text[..start];
    let prefixed = LANGUAGE_PREFIXES.iter().any(|prefix| {
        before.ends_with(prefix)
            || (!prefix.ends_with(' ')
                && before
                    .strip_suffix(' ')
                    .is_some_and(|b| b.ends_with(prefix)))
    });
    prefixed
        || text[end..]
            .chars()
            .next()
            .is_some_and(|c| LANGUAGE_SUFFIXES.contains(&c))
}

/// Characters that change nothing a reader sees: zero-width space, non-joiner and joiner, word
/// joiner, byte-order mark (zero-width no-break space) and soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Every ISO 3166-1 alpha-2 code CLDR knows (all two-letter regions minus [`NOT_ISO_3166_1`]).
fn country_codes() -> Vec<(String, Region)> {
    let mut codes = Vec::new();
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8_lossy(&[a, b]).into_owned();
            if NOT_ISO_3166_1.contains(&code.as_str()) {
                continue;
            }
            if let Ok(region) = Region::try_from_str(&code) {
                codes.push((code, region));
            }
        }
    }
    codes
}

fn region_display_names(locale: &str, style: Option<Style>) -> Option<RegionDisplayNames> {
    let locale: Locale = locale.parse().ok()?;
    let mut options = DisplayNamesOptions::default();
    options.style = style;
    RegionDisplayNames::try_new(locale.into(), options).ok()
}

/// A CLDR name and the forms news text uses: `Myanmar (Burma)` → `Myanmar (Burma)`, `Myanmar`,
/// `Burma`; `Bosnia & Herzegovina` → also `Bosnia and Herzegovina`.
fn cldr_variants(name: &str) -> Vec<String> {
    let mut variants = vec![name.to_owned()];
    if let Some((base, rest)) = name.split_once(" (").or_else(|| name.split_once('(')) {
        variants.push(base.trim().to_owned());
        if let Some(inner) = rest.strip_suffix(')') {
            variants.push(inner.trim().to_owned());
        }
    }
    if name.contains(" & ") {
        variants.push(name.replace(" & ", " and "));
    }
    variants.retain(|v| !v.is_empty());
    variants
}

/// `người Thái` also as `Người Thái` (sentence-initial).
fn with_capitalised_variant(text: String) -> Vec<String> {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => {
            let capitalised: String = first.to_uppercase().chain(chars).collect();
            vec![text, capitalised]
        }
        _ => vec![text],
    }
}

/// Countries named in `text`, as ISO 3166-1 alpha-2 codes with mention counts, most mentions
/// first (ties by code). Each span of text counts at most once, for the longest name found there.
pub fn detect_countries(text: &str) -> Vec<CountryMention> {
    let text = ComposingNormalizerBorrowed::new_nfc().normalize(text);
    let text = fold_for_matching(&text);
    let mut mentions: Vec<CountryMention> = GAZETTEER
        .count(&text)
        .into_iter()
        .map(|(code, mentions)| CountryMention {
            code: code.to_owned(),
            mentions,
        })
        .collect();
    mentions.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.code.cmp(&b.code))
    });
    mentions
}

/// The English display name of an ISO 3166-1 alpha-2 code, in the short form news readers expect
/// (`KH` → `Cambodia`, `US` → `United States`, `MM` → `Myanmar`); `None` for an unknown code.
pub fn english_name(code: &str) -> Option<String> {
    GAZETTEER.english.get(code).map(|name| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(String, u32)> {
        detect_countries(text)
            .into_iter()
            .map(|m| (m.code, m.mentions))
            .collect()
    }

    fn one(code: &str, mentions: u32) -> Vec<(String, u32)> {
        vec![(code.to_owned(), mentions)]
    }

    #[test]
    #[ignore = "prints the gazetteer for review: cargo test -p corpus --lib dump -- --ignored --nocapture"]
    fn dump_gazetteer() {
        let mut all: Vec<(&str, &str)> = GAZETTEER
            .names
            .names()
            .map(|(text, n)| (n.codes.first().map_or("--", |c| &**c), text))
            .collect();
        all.sort();
        for (code, text) in all {
            println!("{code}\t{text}");
        }
    }

    #[test]
    fn the_gazetteer_covers_every_country_in_every_language() {
        assert!(
            GAZETTEER.english.len() >= 240,
            "{} English names",
            GAZETTEER.english.len()
        );
        for (name, code) in [
            ("Cambodia", "KH"),
            ("Campuchia", "KH"),
            ("กัมพูชา", "KH"),
            ("柬埔寨", "KH"),
            ("Kamboja", "KH"),
            ("Kemboja", "KH"),
            ("Egypt", "EG"),
            ("Ai Cập", "EG"),
            ("Mesir", "EG"),
            ("อียิปต์", "EG"),
            ("埃及", "EG"),
            ("អេហ្ស៊ីប", "EG"),
            ("ອີຢິບ", "EG"),
            ("အီဂျစ်", "EG"),
        ] {
            assert_eq!(codes(name), one(code, 1), "{name}");
        }
    }

    #[test]
    fn groupings_and_regions_are_not_countries() {
        for text in [
            "European Union",
            "United Nations",
            "Eurozone",
            "Đông Nam Á",
            "ASEAN",
            "Liên Hợp Quốc",
        ] {
            assert_eq!(codes(text), vec![], "{text}");
        }
    }

    #[test]
    fn english_names_are_short_familiar_forms() {
        assert_eq!(english_name("KH").as_deref(), Some("Cambodia"));
        assert_eq!(english_name("US").as_deref(), Some("United States"));
        assert_eq!(english_name("MM").as_deref(), Some("Myanmar"));
        assert_eq!(english_name("LA").as_deref(), Some("Laos"));
        assert_eq!(english_name("KR").as_deref(), Some("South Korea"));
        assert_eq!(english_name("HK").as_deref(), Some("Hong Kong"));
        assert_eq!(english_name("EU"), None);
        assert_eq!(english_name("ZZ"), None);
        assert_eq!(english_name("xx"), None);
    }

    #[test]
    fn results_are_sorted_by_mentions_then_code() {
        let found = detect_countries(
            "Laos, Thailand and Cambodia. Thailand again, Cambodia again, Thailand.",
        );
        let found: Vec<(&str, u32)> = found
            .iter()
            .map(|m| (m.code.as_str(), m.mentions))
            .collect();
        assert_eq!(found, [("TH", 3), ("KH", 2), ("LA", 1)]);
    }

    // --- Vietnamese false hits ---

    #[test]
    fn vietnamese_lao_dong_labour_is_not_laos() {
        assert_eq!(
            codes("Nhiều người bị ép buộc lao động trong các trại lừa đảo."),
            vec![]
        );
        assert_eq!(
            codes("Lao động nhập cư bị lừa đảo. Lao Động đưa tin."),
            vec![]
        );
        assert_eq!(codes("Thủ tướng thăm Lào."), one("LA", 1));
    }

    #[test]
    fn vietnamese_place_names_are_not_countries() {
        assert_eq!(codes("Tỉnh Lào Cai giáp Trung Quốc."), one("CN", 1));
        assert_eq!(codes("Trận đấu diễn ra tại sân Mỹ Đình."), vec![]);
        assert_eq!(codes("Ông là người Thái Bình."), vec![]);
    }

    #[test]
    fn vietnamese_tham_my_is_not_the_united_states() {
        assert_eq!(codes("Phẫu thuật thẩm mỹ ngày càng phổ biến."), vec![]);
        assert_eq!(
            codes("Hàn Quốc phối hợp với Mỹ."),
            vec![("KR".to_owned(), 1), ("US".to_owned(), 1)]
        );
    }

    #[test]
    fn vietnamese_continents_are_not_the_united_states() {
        assert_eq!(
            codes("Xuất khẩu sang châu Mỹ, Bắc Mỹ và Mỹ Latinh tăng."),
            vec![]
        );
    }

    #[test]
    fn vietnamese_given_names_are_not_countries() {
        assert_eq!(
            codes("Phóng viên Nguyễn Minh Đức và Trần Thu Nga đưa tin."),
            vec![]
        );
        assert_eq!(
            codes("Thủ tướng Đức và Tổng thống Nga điện đàm."),
            vec![("DE".to_owned(), 1), ("RU".to_owned(), 1)]
        );
        assert_eq!(codes("Tại Đức, giá điện tăng."), one("DE", 1));
        assert_eq!(codes("Đức Phật đản sinh."), vec![]);
    }

    #[test]
    fn vietnamese_sentence_initial_words_are_not_countries() {
        assert_eq!(
            codes("Ý kiến của chuyên gia. Thai phụ được chăm sóc."),
            vec![]
        );
        assert_eq!(
            codes("Ý và Pháp ký thỏa thuận."),
            vec![("FR".to_owned(), 1), ("IT".to_owned(), 1)]
        );
        assert_eq!(
            codes("Áo dài là trang phục truyền thống. Áo và Đức giáp nhau."),
            vec![("AT".to_owned(), 1), ("DE".to_owned(), 1)]
        );
    }

    // --- English false hits ---

    #[test]
    fn lower_case_english_words_are_not_countries() {
        assert_eq!(
            codes("She bought fine china and a turkey for dinner."),
            vec![]
        );
        assert_eq!(codes("The ballot had a hanging chad."), vec![]);
        assert_eq!(codes("They crossed the jordan of their lives."), vec![]);
        assert_eq!(
            codes("China and Turkey signed a deal."),
            vec![("CN".to_owned(), 1), ("TR".to_owned(), 1)]
        );
    }

    #[test]
    fn english_person_names_are_not_countries() {
        assert_eq!(codes("The fans cheered for Michael Jordan."), vec![]);
        assert_eq!(codes("King Abdullah of Jordan arrived."), one("JO", 1));
    }

    #[test]
    fn names_inside_longer_words_are_not_countries() {
        assert_eq!(codes("Nigeria"), one("NG", 1));
        assert_eq!(codes("Omani officials"), vec![]);
        assert_eq!(codes("USD and USB"), vec![]);
    }

    #[test]
    fn continents_and_oceans_are_not_countries() {
        assert_eq!(codes("Latin America and the Indian Ocean"), vec![]);
        assert_eq!(codes("India"), one("IN", 1));
    }

    // --- Demonyms and short forms ---

    #[test]
    fn english_demonyms_count() {
        for (word, code) in [
            ("Thai", "TH"),
            ("Chinese", "CN"),
            ("Cambodian", "KH"),
            ("Khmer", "KH"),
            ("Lao", "LA"),
            ("Laotian", "LA"),
            ("Vietnamese", "VN"),
            ("Burmese", "MM"),
            ("Malaysian", "MY"),
            ("Filipino", "PH"),
            ("Indonesian", "ID"),
            ("Singaporean", "SG"),
            ("American", "US"),
            ("Korean", "KR"),
            ("Japanese", "JP"),
        ] {
            assert_eq!(
                codes(&format!("The {word} delegation arrived.")),
                one(code, 1),
                "{word}"
            );
        }
    }

    #[test]
    fn english_short_forms_count() {
        for (word, code) in [
            ("US", "US"),
            ("U.S.", "US"),
            ("USA", "US"),
            ("UK", "GB"),
            ("Myanmar", "MM"),
            ("Burma", "MM"),
            ("South Korea", "KR"),
            ("Laos", "LA"),
        ] {
            assert_eq!(
                codes(&format!("Talks with {word} resumed")),
                one(code, 1),
                "{word}"
            );
        }
    }

    #[test]
    fn vietnamese_names_and_demonyms_count() {
        for (word, code) in [
            ("Mỹ", "US"),
            ("Hàn Quốc", "KR"),
            ("Trung Quốc", "CN"),
            ("Campuchia", "KH"),
            ("Lào", "LA"),
            ("Thái Lan", "TH"),
            ("người Thái", "TH"),
            ("Myanmar", "MM"),
            ("Nhật Bản", "JP"),
        ] {
            assert_eq!(
                codes(&format!("Đoàn đại biểu {word} đã đến.")),
                one(code, 1),
                "{word}"
            );
        }
        assert_eq!(codes("Người Thái đi du lịch nhiều."), one("TH", 1));
    }

    #[test]
    fn thai_names_and_demonyms_count() {
        for (word, code) in [
            ("ชาวไทย", "TH"),
            ("ไทย", "TH"),
            ("จีน", "CN"),
            ("กัมพูชา", "KH"),
            ("เมียนมา", "MM"),
            ("พม่า", "MM"),
            ("ลาว", "LA"),
            ("สหรัฐ", "US"),
        ] {
            assert_eq!(
                codes(&format!("ความร่วมมือกับ{word}ในภูมิภาค")),
                one(code, 1),
                "{word}"
            );
        }
    }

    #[test]
    fn chinese_names_and_demonyms_count() {
        for (word, code) in [
            ("中国人", "CN"),
            ("中国", "CN"),
            ("泰国", "TH"),
            ("柬埔寨", "KH"),
            ("缅甸", "MM"),
            ("老挝", "LA"),
            ("美国", "US"),
        ] {
            assert_eq!(codes(&format!("他说{word}很重要")), one(code, 1), "{word}");
        }
    }

    #[test]
    fn indonesian_names_count() {
        assert_eq!(
            codes("Kerja sama dengan Tiongkok dan China meningkat."),
            one("CN", 2)
        );
        assert_eq!(codes("Amerika Serikat dan Amerika Latin"), one("US", 1));
    }

    // --- Longest match, each span once ---

    #[test]
    fn thai_longest_match_counts_once() {
        // `ชาวไทย` (Thai people) wins over `ไทย` inside it; `เกาหลีใต้` over `เกาหลี`.
        assert_eq!(
            codes("ชาวไทยและชาวจีน"),
            vec![("CN".to_owned(), 1), ("TH".to_owned(), 1)]
        );
        assert_eq!(
            codes("ไทยกับเกาหลีใต้"),
            vec![("KR".to_owned(), 1), ("TH".to_owned(), 1)]
        );
    }

    #[test]
    fn chinese_longest_match_counts_once() {
        assert_eq!(codes("中国人"), one("CN", 1));
        // `印度尼西亚` (Indonesia) is not also `印度` (India); `印度洋` (Indian Ocean) is neither.
        assert_eq!(codes("印度尼西亚和印度洋"), one("ID", 1));
    }

    #[test]
    fn a_longer_english_name_hides_the_shorter_one_inside() {
        assert_eq!(codes("South Korea"), one("KR", 1));
        assert_eq!(codes("North Korea"), one("KP", 1));
        assert_eq!(codes("Papua New Guinea"), one("PG", 1));
    }

    #[test]
    fn hyphenated_pairs_count_both() {
        assert_eq!(
            codes("quan hệ Thái Lan-Campuchia"),
            vec![("KH".to_owned(), 1), ("TH".to_owned(), 1)]
        );
        assert_eq!(
            codes("Thái Lan-Lào"),
            vec![("LA".to_owned(), 1), ("TH".to_owned(), 1)]
        );
    }

    #[test]
    fn decomposed_vietnamese_matches_like_precomposed() {
        let decomposed = icu_normalizer::DecomposingNormalizerBorrowed::new_nfd()
            .normalize("Thăm Lào và Hàn Quốc");
        assert_eq!(
            codes(&decomposed),
            vec![("KR".to_owned(), 1), ("LA".to_owned(), 1)]
        );
    }

    // --- Invisible characters and typing variants (issue 22) ---

    fn set(text: &str) -> Vec<String> {
        let mut codes: Vec<String> = detect_countries(text).into_iter().map(|m| m.code).collect();
        codes.sort();
        codes
    }

    fn codes_of(list: &[&str]) -> Vec<String> {
        let mut codes: Vec<String> = list.iter().map(|c| (*c).to_owned()).collect();
        codes.sort();
        codes
    }

    #[test]
    fn invisible_characters_inside_names_are_ignored() {
        for text in [
            "Thai\u{200B}land",
            "Thai\u{200C}land",
            "Thai\u{200D}land",
            "Thai\u{2060}land",
            "Thai\u{FEFF}land",
            "Thai\u{00AD}land",
        ] {
            assert_eq!(codes(text), one("TH", 1), "{text:?}");
        }
        assert_eq!(codes("ប្រទេស\u{200B}កម្ពុ\u{200B}ជា"), one("KH", 1));
        assert_eq!(codes("Cam\u{00AD}pu\u{00AD}chia"), one("KH", 1));
        assert_eq!(codes("泰\u{200B}国"), one("TH", 1));
        // CLDR's own Khmer names contain zero-width spaces; text without them matches too.
        assert_eq!(codes("កូរ៉េ\u{200B}ខាង\u{200B}ត្បូង"), one("KR", 1));
        assert_eq!(codes("កូរ៉េខាងត្បូង"), one("KR", 1));
        // Invisible characters never make a word boundary that was not there.
        assert_eq!(codes("Omani\u{200B}"), vec![]);
    }

    #[test]
    fn lao_and_thai_am_typed_as_two_code_points_matches() {
        assert_eq!(codes("ກໍາປູເຈຍ"), one("KH", 1));
        assert_eq!(codes("ກຳປູເຈຍ"), one("KH", 1));
    }

    // --- Khmer ---

    #[test]
    fn khmer_names_demonyms_and_abbreviations_count() {
        for (text, code) in [
            ("ស.រ.អា.", "US"),
            ("ស.រ.អ", "US"),
            ("ខ្មែរអាមេរិកាំង", "US"),
            ("នៅអាមេរិក", "US"),
            ("ជនជាតិចិន", "CN"),
            ("ជនជាតិវៀតណាម", "VN"),
            ("ប្រទេសហូឡង់", "NL"),
            ("កោះតៃវ៉ាន់", "TW"),
        ] {
            assert_eq!(codes(text), one(code, 1), "{text}");
        }
    }

    #[test]
    fn khmer_regions_seas_languages_and_the_ethnonym_are_not_countries() {
        for text in [
            "សហព័ន្ធខ្មែរកម្ពុជាក្រោម",
            "ជនជាតិដើមខ្មែរ",
            "ខ្មែរក្រហម",
            "នៅសមុទ្រចិនខាងត្បូង",
            "ភាសាចិន",
            "ភាសា ថៃ",
        ] {
            assert_eq!(codes(text), vec![], "{text}");
        }
    }

    // --- Burmese ---

    #[test]
    fn burmese_forms_count() {
        for (text, code) in [
            ("မြန်မာ့အရေး", "MM"),
            ("အမေရိကန်ပြည်ထောင်စု", "US"),
            ("အမေရိကန် နိုင်ငံခြားရေးဝန်ကြီး", "US"),
            ("ဂျပန်နိုင်ငံသား", "JP"),
            // Zawgyi-encoded text.
            ("ျမန္မာႏိုင္ငံ", "MM"),
            ("ထိုင္းႏိုင္ငံ", "TH"),
            ("မေလး႐ွားႏိုင္ငံ", "MY"),
            ("ေတာင္ကိုရီးယား", "KR"),
        ] {
            assert_eq!(codes(text), one(code, 1), "{text}");
        }
    }

    #[test]
    fn burmese_places_named_like_countries_are_not_countries() {
        assert_eq!(codes("နယူးမက္ကဆီကိုပြည်နယ်"), vec![]);
        assert_eq!(codes("ကိုလံဘီယာ တက္ကသိုလ်ဘွဲ့ရ"), vec![]);
        assert_eq!(codes("ကိုလံဘီယာ"), one("CO", 1));
    }

    // --- Lao ---

    #[test]
    fn lao_variants_count_and_language_names_do_not() {
        assert_eq!(codes("ພະມ້າ"), one("MM", 1));
        assert_eq!(codes("ພະມາ້"), one("MM", 1));
        assert_eq!(codes("ລາວ-ໄທຍ໌"), codes_of_counts(&[("LA", 1), ("TH", 1)]));
        assert_eq!(codes("ພາສາ ຈີນ"), vec![]);
        assert_eq!(codes("ພາສາຈີນ"), vec![]);
        assert_eq!(codes("ປະເທດຈີນ"), one("CN", 1));
    }

    fn codes_of_counts(list: &[(&str, u32)]) -> Vec<(String, u32)> {
        list.iter().map(|&(c, n)| (c.to_owned(), n)).collect()
    }

    // --- Thai ---

    #[test]
    fn thai_everyday_names_count_and_language_names_do_not() {
        assert_eq!(
            codes("สหรัฐอเมริกา – อังกฤษ"),
            codes_of_counts(&[("GB", 1), ("US", 1)])
        );
        assert_eq!(codes("สื่อเกาหลี"), one("KR", 1));
        assert_eq!(codes("ล่ามแปลภาษากัมพูชา"), vec![]);
        assert_eq!(codes("เรียนภาษาอังกฤษและภาษาจีน"), vec![]);
        assert_eq!(codes("ภาษาไทย"), vec![]);
    }

    // --- Vietnamese ---

    #[test]
    fn vietnamese_place_names_starting_with_a_country_are_not_countries() {
        assert_eq!(codes("ở xã Mỹ Hội Đông, huyện Chợ Mới"), vec![]);
        assert_eq!(codes("huyện Nga Sơn, tỉnh Thanh Hóa"), vec![]);
        assert_eq!(codes("thị xã Đức Phổ"), vec![]);
        // A foreign name after the country keeps it: `Ngoại trưởng Mỹ Marco Rubio`.
        assert_eq!(codes("Ngoại trưởng Mỹ Marco Rubio"), one("US", 1));
        assert_eq!(
            codes("quan hệ Mỹ - Trung Quốc"),
            codes_of_counts(&[("CN", 1), ("US", 1)])
        );
    }

    #[test]
    fn vietnamese_personal_names_and_language_names_are_not_countries() {
        assert_eq!(codes("bắt giữ Nguyễn Vũ Thái, 35 tuổi"), vec![]);
        assert_eq!(codes("Bị can Thái bị bắt"), vec![]);
        assert_eq!(codes("Nguyễn Đức Hậu tàng trữ heroin"), vec![]);
        assert_eq!(codes("Anh ấy nói tiếng Thái và tiếng Lào."), vec![]);
        assert_eq!(codes("Tiếng Nga khó học."), vec![]);
        assert_eq!(codes("dụ dỗ người Việt"), one("VN", 1));
        assert_eq!(codes("tìm vợ Việt"), vec![]);
    }

    // --- Chinese ---

    #[test]
    fn chinese_abbreviations_name_every_country_in_them() {
        assert_eq!(set("泰缅边境"), codes_of(&["MM", "TH"]));
        assert_eq!(set("泰緬邊境"), codes_of(&["MM", "TH"]));
        assert_eq!(set("中泰缅三国"), codes_of(&["CN", "MM", "TH"]));
        assert_eq!(set("中缅边境"), codes_of(&["CN", "MM"]));
        assert_eq!(set("柬越邊界"), codes_of(&["KH", "VN"]));
        assert_eq!(set("缅北电诈"), codes_of(&["MM"]));
        // 中缅 alone is not an abbreviation entry: `其中缅甸` is `其中` + Myanmar.
        assert_eq!(set("其中缅甸最多"), codes_of(&["MM"]));
    }

    #[test]
    fn chinese_variants_count_and_language_names_do_not() {
        assert_eq!(codes("高棉詐騙"), one("KH", 1));
        assert_eq!(codes("臺灣青年"), one("TW", 1));
        assert_eq!(codes("台灣人"), one("TW", 1));
        assert_eq!(codes("印尼国民军"), one("ID", 1));
        assert_eq!(codes("他会说越南语和柬埔寨語"), vec![]);
    }

    // --- Indonesian, Malay and English ---

    #[test]
    fn indonesian_and_english_abbreviations_count() {
        assert_eq!(codes("97 WNI diselamatkan"), one("ID", 1));
        assert_eq!(codes("PRC-based syndicates"), one("CN", 1));
        assert_eq!(
            codes("Jepun dan Kemboja"),
            codes_of_counts(&[("JP", 1), ("KH", 1)])
        );
    }

    // --- Real seeds, as the caller passes them (without the closing source line) ---

    fn without_source_line(seed: &str) -> &str {
        seed.trim_end()
            .rsplit_once('\n')
            .map_or(seed, |(body, _source)| body)
    }

    #[test]
    fn vietnamese_seed_001() {
        let seed = include_str!("../../../../seeds/001_ea81238345a38f58.txt");
        let text = without_source_line(seed);
        assert!(!text.contains("Nguồn TTXVN"));
        let expected = [
            ("TH", 11),
            ("KH", 7),
            ("LA", 3),
            ("CN", 1),
            ("KR", 1),
            ("MM", 1),
            ("MY", 1),
            ("US", 1),
        ];
        let expected: Vec<(String, u32)> =
            expected.iter().map(|&(c, n)| (c.to_owned(), n)).collect();
        assert_eq!(codes(text), expected);
    }

    #[test]
    fn english_seed_000() {
        let text = include_str!("../../../../seeds/000_dee04c71b2f6b000.txt");
        // Thailand ×4 + Thai ×5; China ×4 + Chinese ×3.
        assert_eq!(
            codes(text),
            vec![("TH".to_owned(), 9), ("CN".to_owned(), 7)]
        );
    }
}
