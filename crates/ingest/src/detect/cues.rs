//! Places and organizations found by the word that introduces them (build time), for the many
//! small places and local bodies no table can list: Vietnamese communes, districts and streets
//! (`xã Tam Ngãi`, `huyện Chợ Mới`, `quận 11`, `đường Trần Hưng Đạo`), Thai, Khmer and Lao ones
//! (`อำเภอโคกสูง`, `ต.ผ่านศึก`, `ខេត្ត កំពង់ឆ្នាំង`, `ເມືອງວັງວຽງ`), and Vietnamese local police and
//! border posts (`Công an xã Lai Hòa`, `Đồn Biên phòng Si Ma Cai`).
//!
//! The rules, per language:
//! - **Vietnamese** (spaced, capitalised names): after an administrative word (`xã`, `huyện`,
//!   `phường`, `quận`, `thị trấn`, `thị xã`, `thành phố`, `TP`, `tỉnh`, `thôn`, `ấp`, `bản`,
//!   `đường`, `cửa khẩu`, `sangkat`), one to four capitalised words (and a trailing number:
//!   `Phú An 2`), or a number after `quận` and `phường`, are a place. `Công an` or `Đồn Biên
//!   phòng`, an optional administrative word, and such a name are a body.
//! - **Thai, Khmer, Lao** (unspaced): after an administrative word (Thai `อำเภอ`, `อ.`, `ตำบล`,
//!   `ต.`, `จังหวัด`, `จ.`, `บ้าน`, `บ.`, `ถนน`, `ถ.`, `ย่าน`, `จุดผ่านแดน`; Khmer `ខេត្ត`, `ស្រុក`,
//!   `ឃុំ`, `សង្កាត់`, `ខណ្ឌ`, `ភូមិ`; Lao `ແຂວງ`, `ເມືອງ`, `ບ້ານ`), the run of letters up to the next
//!   space or punctuation is a place when it is a short run (2 to 14 characters: a longer one is
//!   a clause written without spaces) of at least two grapheme clusters (`ปี`, "year", has one)
//!   that is not itself an administrative word and does not start with a title, a function word
//!   or a common word the cue also forms (`บ้านนายสมชาย`, "Mr Somchai's house"; `จังหวัดให้`;
//!   `บ้านเกิด`, "home town": `data/cue_not_names.tsv`).
//! - Names already found (gazetteer places, the table's organizations) are blanked out before
//!   the cues are read: `tỉnh Bộ Công an` names no province `Bộ Công`.
//!
//! Abbreviated cues (`อ.`, `ต.`…) and `บ้าน` must start a word (`พ.ต.อ.` is a rank).

use std::ops::Range;

use std::sync::LazyLock;

use super::entities::data_lines;
use super::names::{is_combining_mark, is_word_char};

/// Vietnamese administrative words a place name follows (the last word of a multi-word cue is
/// matched together with the words before it).
const VI_PLACE_CUES: [&str; 30] = [
    "xã",
    "Xã",
    "huyện",
    "Huyện",
    "phường",
    "Phường",
    "quận",
    "Quận",
    "thị trấn",
    "Thị trấn",
    "thị xã",
    "Thị xã",
    "thành phố",
    "Thành phố",
    "TP",
    "TP.",
    "tỉnh",
    "Tỉnh",
    "thôn",
    "Thôn",
    "ấp",
    "Ấp",
    "bản",
    "đường",
    "Đường",
    "cửa khẩu",
    "Cửa khẩu",
    "cửa khẩu quốc tế",
    "Sangkat",
    "sangkat",
];

/// Vietnamese cues after which a number is a place's name (`quận 11`).
const VI_NUMBERED: [&str; 4] = ["quận", "Quận", "phường", "Phường"];

/// Vietnamese words that open a local body's name (`Công an xã Lai Hòa`).
const VI_BODY_CUES: [&str; 4] = ["Công an", "Đồn Biên phòng", "Đồn biên phòng", "Đồn BP"];

/// Administrative words of unspaced scripts a place name follows; `true` when the cue must start
/// a word (an abbreviation, or a word that is also part of other words).
const UNSPACED_PLACE_CUES: [(&str, &str, bool); 24] = [
    ("th", "อำเภอ", false),
    ("th", "อ.", true),
    ("th", "ตำบล", false),
    ("th", "ต.", true),
    ("th", "จังหวัด", false),
    ("th", "จ.", true),
    ("th", "บ้าน", true),
    ("th", "บ.", true),
    ("th", "ถนน", false),
    ("th", "ถ.", true),
    ("th", "ย่าน", false),
    ("th", "จุดผ่านแดนถาวร", false),
    ("th", "จุดผ่านแดน", false),
    ("km", "ខេត្ត", false),
    ("km", "ខេត្ដ", false),
    ("km", "ស្រុក", false),
    ("km", "ឃុំ", false),
    ("km", "សង្កាត់", false),
    ("km", "ខណ្ឌ", false),
    ("km", "ភូមិ", false),
    ("lo", "ແຂວງ", false),
    ("lo", "ເມືອງ", false),
    ("lo", "ບ້ານ", true),
    ("lo", "ນະຄອນ", false),
];

/// Words a run after a cue may start with though it names no place (`data/cue_not_names.tsv`):
/// titles (`บ้านนายสมชาย`, "Mr Somchai's house"), function words, common nouns and offices.
const CUE_NOT_NAMES: &str = include_str!("../../data/cue_not_names.tsv");

static NOT_NAMES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    data_lines(CUE_NOT_NAMES)
        .filter_map(|fields| {
            let &[lang, word, ..] = fields.as_slice() else {
                return None;
            };
            Some((lang.to_owned(), word.trim().to_owned()))
        })
        .collect()
});

/// Whether `run` (in `lang`) starts with a word of [`NOT_NAMES`] that ends where a syllable may
/// end: the letter after it is no vowel sign or tone mark (`ศาล`, "court", starts `ศาลเจ้า`
/// but not `ศาลายา`).
fn starts_with_not_name(run: &str, lang: &str) -> bool {
    NOT_NAMES.iter().any(|(l, word)| {
        l == lang
            && run.strip_prefix(word.as_str()).is_some_and(|rest| {
                !rest
                    .chars()
                    .next()
                    .is_some_and(|c| is_combining_mark(c) || is_following_vowel(c))
            })
    })
}

/// Thai and Lao vowels written after their consonant that do not combine with it (`ะ`, `า`,
/// `ำ`, `ๅ`, `ະ`, `າ`, `ຳ`), and Khmer dependent vowels (combining marks already).
fn is_following_vowel(c: char) -> bool {
    matches!(
        c as u32,
        0x0E30 | 0x0E32 | 0x0E33 | 0x0E45 | 0x0EB0 | 0x0EB2 | 0x0EB3
    )
}

/// The letters of `run` that start a grapheme cluster (not a combining mark): `ปี` has one.
fn clusters(run: &str) -> usize {
    run.chars().filter(|&c| !is_combining_mark(c)).count()
}

/// Places named after a cue in `text` (folded for matching; already-found names blanked out with
/// `#`), as the spans of their names.
pub(crate) fn cued_places(text: &str, lang: &str) -> Vec<Range<usize>> {
    match lang {
        "vi" => vietnamese_runs(text, &VI_PLACE_CUES, true)
            .into_iter()
            .map(|(_, name)| name)
            .collect(),
        "th" | "km" | "lo" => unspaced_runs(text, lang),
        _ => Vec::new(),
    }
}

/// Vietnamese words for an embassy or consulate, named `… Việt Nam tại Thái Lan`.
const VI_MISSION_CUES: [&str; 3] = ["Tổng Lãnh sự quán", "Lãnh sự quán", "Đại sứ quán"];

/// Bodies named in Vietnamese `text`: local police and border posts (`Công an xã Lai Hòa`,
/// Vietnam's), and embassies and consulates with their country and city (`Đại sứ quán Việt Nam
/// tại Thái Lan`, the country's). The spans of their whole names, with the body's country where
/// the rule knows it.
pub(crate) fn cued_organizations(
    text: &str,
    lang: &str,
) -> Vec<(Range<usize>, Option<&'static str>)> {
    if lang != "vi" {
        return Vec::new();
    }
    let mut out: Vec<(Range<usize>, Option<&'static str>)> =
        vietnamese_runs(text, &VI_BODY_CUES, false)
            .into_iter()
            .map(|(cue, name)| (cue.start..name.end, Some("VN")))
            .collect();
    let words = words(text);
    let capitalised = |w: &Word| w.text.chars().next().is_some_and(char::is_uppercase);
    for cue in VI_MISSION_CUES {
        for (at, _) in text.match_indices(cue) {
            if out.iter().any(|(s, _)| s.contains(&at)) {
                continue;
            }
            // The cue's last word, then the country's capitalised words, `tại`, the city's.
            let Some(i) = words.iter().position(|w| w.start > at + cue.len() - 1) else {
                continue;
            };
            let country = words[i..]
                .iter()
                .take_while(|w| capitalised(w))
                .take(3)
                .count();
            let Some(tai) = words.get(i + country) else {
                continue;
            };
            if country == 0 || tai.text != "tại" || words[i + country - 1].ends {
                continue;
            }
            let mut end = None;
            for w in words[i + country + 1..].iter().take(4) {
                if !capitalised(w) {
                    break;
                }
                end = Some(w.start + w.text.len());
                if w.ends {
                    break;
                }
            }
            if let Some(end) = end {
                out.push((at..end, None));
            }
        }
    }
    out
}

/// One word of spaced text: its span and its text without trailing punctuation.
pub(crate) struct Word<'t> {
    pub(crate) start: usize,
    pub(crate) text: &'t str,
    /// The word ends a clause (a comma, a full stop… after it).
    pub(crate) ends: bool,
}

pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let start = at;
        at += raw.len();
        let trimmed = raw.trim_end();
        // `#` blanks out a name already found: it is a word, and no rule's letter.
        let letter = |c: char| is_word_char(c) || c == '#';
        let bare = trimmed.trim_end_matches(|c: char| !letter(c));
        if bare.is_empty() {
            // A dash or a bracket on its own ends the clause before it.
            if let Some(last) = out.last_mut() {
                last.ends = true;
            }
            continue;
        }
        let lead = bare.len() - bare.trim_start_matches(|c: char| !letter(c)).len();
        out.push(Word {
            start: start + lead,
            text: &bare[lead..],
            ends: bare.len() != trimmed.len() || raw.ends_with('\n'),
        });
    }
    out
}

/// After each cue (one or more words) in Vietnamese `text`: the cue's span and the name's.
/// Place cues (`places`) take the name right after; after a body's cue an administrative word
/// may come first (`Công an xã Lai Hòa`).
pub(crate) fn vietnamese_runs(
    text: &str,
    cues: &[&str],
    places: bool,
) -> Vec<(Range<usize>, Range<usize>)> {
    let words = words(text);
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| is_word_char(c) || c == '-')
    };
    let numeric = |w: &str| !w.is_empty() && w.len() <= 3 && w.chars().all(|c| c.is_ascii_digit());
    // The longest cue that starts at word `i`: how many words it takes.
    let cue_at = |i: usize, list: &[&str]| -> Option<(usize, bool)> {
        let mut best: Option<(usize, bool)> = None;
        for cue in list {
            let n = cue.split(' ').count();
            let Some(slice) = words.get(i..i + n) else {
                continue;
            };
            let same = slice.iter().zip(cue.split(' ')).all(|(w, c)| w.text == c);
            // A cue's words stand together: no punctuation inside it.
            let joined = slice[..n - 1].iter().all(|w| !w.ends);
            if same && joined && best.is_none_or(|(m, _)| n > m) {
                best = Some((n, VI_NUMBERED.contains(cue)));
            }
        }
        best
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let Some((n, mut numbered)) = cue_at(i, cues) else {
            i += 1;
            continue;
        };
        let cue_span = words[i].start..words[i + n - 1].start + words[i + n - 1].text.len();
        let mut j = i + n;
        if words[j - 1].ends {
            i = j;
            continue;
        }
        if !places {
            // `Công an tỉnh Kiên Giang`: the administrative word belongs to the body's name.
            if let Some((m, num)) = cue_at(j, &VI_PLACE_CUES) {
                if !words[j + m - 1].ends {
                    j += m;
                    numbered = num;
                }
            }
        }
        let first = j;
        let mut last = None;
        while j < words.len() && j - first < 4 {
            let w = &words[j];
            let fits = capitalised(w.text) || (numeric(w.text) && (numbered || last.is_some()));
            if !fits || cue_at(j, &VI_PLACE_CUES).is_some() || w.text.contains('#') {
                break;
            }
            last = Some(j);
            j += 1;
            if w.ends || numeric(w.text) {
                break;
            }
        }
        if let Some(last) = last {
            let end = words[last].start + words[last].text.len();
            out.push((cue_span, words[first].start..end));
            i = last + 1;
        } else {
            i += n;
        }
    }
    out
}

/// After each Thai, Khmer or Lao cue: the run of letters up to the next space or punctuation
/// (one space may sit between the cue and the name).
fn unspaced_runs(text: &str, lang: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (cue_lang, cue, starts_word) in UNSPACED_PLACE_CUES {
        if cue_lang != lang {
            continue;
        }
        for (at, _) in text.match_indices(cue) {
            let before = text[..at].chars().next_back();
            if starts_word && before.is_some_and(|c| is_word_char(c) || c == '.') {
                continue;
            }
            // A longer cue found at the same place wins (`จุดผ่านแดนถาวร`, not `จุดผ่านแดน`).
            let longer = UNSPACED_PLACE_CUES.iter().any(|&(l, other, _)| {
                l == lang && other.len() > cue.len() && text[at..].starts_with(other)
            });
            if longer {
                continue;
            }
            let mut start = at + cue.len();
            if text[start..].starts_with(' ') {
                start += 1;
            }
            let run: &str = {
                let rest = &text[start..];
                let end = rest
                    .char_indices()
                    .find(|&(_, c)| !is_word_char(c) || c.is_ascii())
                    .map_or(rest.len(), |(i, _)| i);
                &rest[..end]
            };
            let chars = run.chars().count();
            let is_cue = UNSPACED_PLACE_CUES
                .iter()
                .any(|&(l, other, _)| l == lang && run.starts_with(other));
            let common = starts_with_not_name(run, lang);
            let inside_syllable = run.chars().next().is_none_or(is_combining_mark);
            let short = clusters(run) < 2;
            if !(2..=14).contains(&chars) || short || is_cue || common || inside_syllable {
                continue;
            }
            let span = start..start + run.len();
            if !out.iter().any(|s| s.start < span.end && span.start < s.end) {
                out.push(span);
            }
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places<'t>(text: &'t str, lang: &str) -> Vec<&'t str> {
        let spans = cued_places(text, lang);
        spans.into_iter().map(|s| &text[s]).collect()
    }

    #[test]
    fn vietnamese_places_follow_their_administrative_word() {
        assert_eq!(
            places(
                "trú tại xã Mường Lý, huyện Mường Lát và quận 11, ấp Phú An 2 và đường Trần Hưng Đạo.",
                "vi"
            ),
            ["Mường Lý", "Mường Lát", "11", "Phú An 2", "Trần Hưng Đạo"]
        );
        // Not a place: a lower-case word, or a cue split by a comma.
        assert!(places("ở xã nghèo, huyện nhà và thành phố. Hà", "vi").is_empty());
        let text = "bị Công an xã Bình Hòa và Đồn Biên phòng Si Ma Cai bắt";
        let bodies: Vec<&str> = cued_organizations(text, "vi")
            .into_iter()
            .map(|(s, _)| &text[s])
            .collect();
        assert_eq!(bodies, ["Công an xã Bình Hòa", "Đồn Biên phòng Si Ma Cai"]);
        let text =
            "Tổng Lãnh sự quán Việt Nam tại Sihanoukville và Đại sứ quán Việt Nam tại Thái Lan.";
        let bodies: Vec<&str> = cued_organizations(text, "vi")
            .into_iter()
            .map(|(s, _)| &text[s])
            .collect();
        assert_eq!(
            bodies,
            [
                "Tổng Lãnh sự quán Việt Nam tại Sihanoukville",
                "Đại sứ quán Việt Nam tại Thái Lan"
            ]
        );
    }

    #[test]
    fn thai_khmer_and_lao_places_run_to_the_next_space() {
        assert_eq!(
            places("หมู่ 4 บ้านคลองบอน ตำบลหนองตาคง อำเภอโป่งน้ำร้อน จังหวัด", "th"),
            ["คลองบอน", "หนองตาคง", "โป่งน้ำร้อน"]
        );
        // A rank is not a district, home town is not a village, a clause is not a name.
        assert!(places(
            "พ.ต.อ.สมชาย กลับบ้านเกิด ที่อำเภอซึ่งอยู่ไกลมากจากกรุงเทพมหานครแห่งนี้",
            "th"
        )
        .is_empty());
        // A title after `บ้าน` is an owner ("Mr Kittiphong's house"); a function word, an
        // office or a one-letter run after a cue is no name.
        assert!(places(
            "ตำรวจค้นบ้านนายกิตติพงษ์ ใจดี และบ้านนางสาวสุนิสา ที่จังหวัดให้ความร่วมมือ อำเภอรัฐมนตรี ต.ปี",
            "th"
        )
        .is_empty());
        // Names that start like such words still are (`นายาง`, `ศาลายา`, `มาบตาพุด`).
        assert_eq!(
            places("บ้านนายาง ต.ศาลายา ต.มาบตาพุด", "th"),
            ["นายาง", "ศาลายา", "มาบตาพุด"]
        );
        assert_eq!(places("នៅក្នុងខេត្ត កំពង់ឆ្នាំង កាលពី", "km"), ["កំពង់ឆ្នាំង"]);
        assert_eq!(places("ເມືອງວັງວຽງ ແຂວງ", "lo"), ["ວັງວຽງ"]);
    }
}
