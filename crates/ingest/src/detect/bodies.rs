//! Bodies found by the shape of their names (build time), for the many units, local offices and
//! bare national names no table can list. Each rule says why a run of text is a body's name:
//!
//! - **Bare national bodies in English** (`data/bare_bodies.tsv`): `the Interior Ministry`,
//!   `the National Police`, after `the` or opening a sentence, are the article's main country's
//!   (the country it names most, strictly more than any other), never after a country word.
//! - **Police units named by a fixed word**: Malaysian state contingents (`Sabah Police
//!   Contingent`, Malay `IPK Sabah`, `Kontinjen Sarawak`), Indonesian regional and district police
//!   (`Polda Kalimantan Timur`, `Police Regional Command (Polda) of East Kalimantan`, `Polres
//!   Bogor`), and in Vietnamese a foreign city's police (`Cảnh sát Phnom Penh`).
//! - **Embassies in English** named with their city: `Sri Lanka’s embassy in Bangkok`, `Embassy
//!   of Laos in Hanoi`.
//! - **Thai and Lao units and offices** (unspaced): a unit word and what follows it, to the next
//!   space (Thai task forces `ฉก.12`, police stations `สภ.อรัญประเทศ`, provincial police
//!   `ตำรวจภูธรบ้านแปลง`; Lao departments and associations `ກົມສື່ມວນຊົນ`, `ສະມາຄົມນັກຂ່າວ`), a number
//!   (`ร้อย ทพ.1204`, a ranger company), an ordinal (`กองพันทหารม้าที่ 30`, a battalion), or a
//!   place of the gazetteer (`ໂຮງໝໍມຸກດາຫານ`, Mukdahan hospital).
//! - **Chinese local bodies**: a place (of the gazetteer, or two characters and `省`/`市`) before
//!   a word that names a public-security, border or judicial body (`四川省公安厅`, `勐腊县公安局`).
//!
//! A body a table names is the table's: the caller drops a span that overlaps a table's match.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::cues::{vietnamese_runs, words, Word};
use super::entities::data_lines;
use super::names::{is_word_char, NameFinder};

const BARE_BODIES: &str = include_str!("../../data/bare_bodies.tsv");

/// A body found by a rule.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Body {
    pub(crate) span: Range<usize>,
    /// ISO 3166-1 alpha-2, where the rule knows it.
    pub(crate) country: Option<String>,
    /// Ids of `data/organizations.tsv` it may be, tried in order.
    pub(crate) ids: Vec<String>,
}

/// A place of the gazetteer found in the text: its span and country.
pub(crate) type PlaceSpan = (Range<usize>, String);

/// The bare English names, each with its id suffixes.
static BARE: LazyLock<NameFinder<Vec<String>>> = LazyLock::new(|| {
    NameFinder::new(
        data_lines(BARE_BODIES)
            .filter_map(|fields| match fields.as_slice() {
                &[names, ids, ..] => Some((names, ids)),
                _ => None,
            })
            .flat_map(|(names, ids)| {
                let ids: Vec<String> = ids
                    .split(" | ")
                    .map(str::trim)
                    .filter(|i| !i.is_empty() && *i != "-")
                    .map(str::to_owned)
                    .collect();
                names
                    .split(" | ")
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(move |n| (n.to_owned(), ids.clone()))
                    .collect::<Vec<_>>()
            }),
    )
});

/// Bodies `text` (folded for matching, in language `lang`) names by these rules, not
/// overlapping one another. `main_country` is the country the article names most, `places` the
/// gazetteer's places found in it.
pub(crate) fn rule_bodies(
    text: &str,
    lang: &str,
    main_country: Option<&str>,
    places: &[PlaceSpan],
) -> Vec<Body> {
    let mut out: Vec<Body> = Vec::new();
    let push = |body: Body, out: &mut Vec<Body>| {
        if !out
            .iter()
            .any(|b| b.span.start < body.span.end && body.span.start < b.span.end)
        {
            out.push(body);
        }
    };
    let found: Vec<Body> = match lang {
        "en" | "id" | "ms" => {
            let mut found = latin_police_units(text, lang);
            if lang == "en" {
                found.extend(english_embassies(text));
                found.extend(bare_english(text, main_country));
            }
            found
        }
        "vi" => vietnamese_runs(text, &["Cảnh sát"], false)
            .into_iter()
            .map(|(cue, name)| Body {
                span: cue.start..name.end,
                country: places
                    .iter()
                    .find(|(p, _)| p.start <= name.start && name.end <= p.end)
                    .map(|(_, c)| c.clone()),
                ids: Vec::new(),
            })
            .collect(),
        "th" | "lo" => unspaced_units(text, lang, places),
        "zh-Hans" | "zh-Hant" => chinese_bodies(text, lang, places),
        _ => Vec::new(),
    };
    for body in found {
        push(body, &mut out);
    }
    out.sort_by_key(|b| b.span.start);
    out
}

fn body(span: Range<usize>, country: Option<&str>) -> Body {
    Body {
        span,
        country: country.map(str::to_owned),
        ids: Vec::new(),
    }
}

/// A capitalised word of a Latin-script name (`Sabah`, `Kalimantan`, `Ba-Ria`).
fn capitalised(word: &Word) -> bool {
    word.text.chars().next().is_some_and(char::is_uppercase)
        && word.text.chars().all(|c| is_word_char(c) || c == '-')
}

/// How many capitalised words (one to `max`) start at word `i`, stopping after one that ends a
/// clause.
fn name_after(words: &[Word], i: usize, max: usize) -> usize {
    let mut n = 0;
    while n < max && words.get(i + n).is_some_and(capitalised) {
        n += 1;
        if words[i + n - 1].ends {
            break;
        }
    }
    n
}

/// How many capitalised words (one to `max`) end just before word `i`, not crossing a clause's
/// end, a possessive (`Malaysia's`, unless `possessive` allows one right before `i`: `Sri
/// Lanka’s embassy`) or a word that opens a sentence.
fn name_before(words: &[Word], i: usize, max: usize, possessive: bool) -> usize {
    let mut n = 0;
    while n < max && i > n {
        let w = &words[i - n - 1];
        let bare = match (n, possessive) {
            (0, true) => w
                .text
                .strip_suffix("'s")
                .or_else(|| w.text.strip_suffix("’s"))
                .unwrap_or(w.text),
            _ => w.text,
        };
        let fits = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.chars().all(|c| is_word_char(c) || c == '-');
        if !fits || w.ends || matches!(bare, "The" | "A" | "An" | "In" | "And") {
            break;
        }
        n += 1;
    }
    n
}

/// Whether the words from `i` are `literal` (word by word, punctuation aside).
fn literal_at(words: &[Word], i: usize, literal: &[&str]) -> bool {
    words
        .get(i..i + literal.len())
        .is_some_and(|slice| slice.iter().zip(literal).all(|(w, l)| w.text == *l))
}

fn end_of(word: &Word) -> usize {
    word.start + word.text.len()
}

/// Malaysian state contingents and Indonesian regional and district police (see the module).
fn latin_police_units(text: &str, lang: &str) -> Vec<Body> {
    let words = words(text);
    let mut out = Vec::new();
    // A fixed word, then the place's name.
    let before_name: &[(&str, &[&str], &str)] = &[
        (
            "en",
            &["Police", "Regional", "Command", "Polda", "of"],
            "ID",
        ),
        ("en", &["Police", "Regional", "Command", "of"], "ID"),
        ("en", &["Polda"], "ID"),
        ("id", &["Polda"], "ID"),
        ("id", &["Polres"], "ID"),
        ("id", &["Polresta"], "ID"),
        ("id", &["Polrestabes"], "ID"),
        ("ms", &["Polda"], "ID"),
        ("ms", &["IPK"], "MY"),
        ("ms", &["Kontinjen"], "MY"),
    ];
    // The place's name, then a fixed word.
    let after_name: &[(&str, &[&str], &str)] = &[("en", &["Police", "Contingent"], "MY")];
    for i in 0..words.len() {
        for (l, literal, country) in before_name {
            if *l != lang || !literal_at(&words, i, literal) {
                continue;
            }
            let at = i + literal.len();
            if words[at - 1].ends {
                continue;
            }
            let n = name_after(&words, at, 3);
            if n > 0 {
                out.push(body(
                    words[i].start..end_of(&words[at + n - 1]),
                    Some(country),
                ));
                break;
            }
        }
        for (l, literal, country) in after_name {
            if *l != lang || !literal_at(&words, i, literal) {
                continue;
            }
            let n = name_before(&words, i, 3, false);
            if n > 0 {
                let last = &words[i + literal.len() - 1];
                out.push(body(words[i - n].start..end_of(last), Some(country)));
            }
        }
    }
    out
}

/// `Sri Lanka’s embassy in Bangkok`, `the Lao Embassy in Hanoi`, `Embassy of Laos in Hanoi`.
fn english_embassies(text: &str) -> Vec<Body> {
    let words = words(text);
    let mut out = Vec::new();
    for i in 0..words.len() {
        let embassy = matches!(words[i].text, "embassy" | "Embassy");
        if !embassy || words[i].ends {
            continue;
        }
        // The country: `Embassy of Laos in`, or the words before (`Sri Lanka’s embassy in`).
        let (start, at) = if literal_at(&words, i + 1, &["of"]) {
            let n = name_after(&words, i + 2, 3);
            if n == 0 || words[i + 1 + n].ends {
                continue;
            }
            (words[i].start, i + 2 + n)
        } else {
            let n = name_before(&words, i, 3, true);
            if n == 0 {
                continue;
            }
            (words[i - n].start, i + 1)
        };
        if !literal_at(&words, at, &["in"]) || words[at].ends {
            continue;
        }
        let n = name_after(&words, at + 1, 3);
        if n > 0 {
            out.push(body(start..end_of(&words[at + n]), None));
        }
    }
    out
}

/// `the Interior Ministry` in an article about one country (see `data/bare_bodies.tsv`).
fn bare_english(text: &str, main_country: Option<&str>) -> Vec<Body> {
    let Some(country) = main_country else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (span, ids) in BARE.find(text) {
        let before = text[..span.start].trim_end_matches(' ');
        let previous = before.split_whitespace().next_back();
        let opens = before.is_empty()
            || before.ends_with(['\n', '.', '!', '?', ':', '"', '“'])
            || matches!(previous, Some("the" | "The"));
        if !opens {
            continue;
        }
        let code = country.to_ascii_lowercase();
        out.push(Body {
            span,
            country: Some(country.to_owned()),
            ids: ids
                .iter()
                .map(|suffix| format!("{code}-{suffix}"))
                .collect(),
        });
    }
    out
}

/// What follows a Thai or Lao unit word.
#[derive(Clone, Copy)]
enum After {
    /// The run of letters and digits to the next space or punctuation, of up to so many
    /// characters (a longer one is a clause written without spaces), or a place of the gazetteer
    /// right after the word.
    Run(usize),
    /// A number (`ร้อย ทพ.1204`).
    Number,
    /// Letters up to `ที่` and a number (`กองพันทหารม้าที่ 30`).
    Ordinal,
    /// A place of the gazetteer only (`ໂຮງໝໍມຸກດາຫານ`).
    Place,
}

/// Thai and Lao unit words: language, word, whether it must start a word (an abbreviation), what
/// follows it, the country. Longer words first where one contains another.
const UNIT_WORDS: [(&str, &str, bool, After, Option<&str>); 17] = [
    ("th", "ฉก.", true, After::Run(14), Some("TH")),
    ("th", "สภ.", true, After::Run(14), Some("TH")),
    ("th", "สถานีตำรวจภูธร", false, After::Run(14), Some("TH")),
    ("th", "ตำรวจภูธร", false, After::Run(14), Some("TH")),
    ("th", "ร้อย ทพ.", true, After::Number, Some("TH")),
    ("th", "กรม ทพ.", true, After::Number, Some("TH")),
    ("th", "ทพ.", true, After::Number, Some("TH")),
    ("th", "กองพัน", false, After::Ordinal, Some("TH")),
    ("th", "กองพล", false, After::Ordinal, Some("TH")),
    ("th", "กองร้อย", false, After::Ordinal, Some("TH")),
    ("th", "กรมทหาร", false, After::Ordinal, Some("TH")),
    ("th", "โรงพยาบาล", false, After::Place, None),
    ("lo", "ພະແນກ", false, After::Run(20), None),
    ("lo", "ກົມ", false, After::Run(20), None),
    ("lo", "ສະມາຄົມ", false, After::Run(20), None),
    ("lo", "ໂຮງໝໍ", false, After::Place, None),
    ("lo", "ສະຖານທູດ", false, After::Place, None),
];

/// Runs that follow a unit word but are common words: function words (Thai and Lao "go", "come",
/// "and", "that", "in", "of", "can", "will", "is"), Lao `ກົມກຽວ` ("harmonious"), `ກົມກອງ`
/// ("units"), `ພະແນກການ` ("departments").
const NOT_UNIT_NAMES: [&str; 21] = [
    "ไป",
    "มา",
    "และ",
    "ที่",
    "ใน",
    "ของ",
    "ได้",
    "จะ",
    "เป็น",
    "ໄປ",
    "ມາ",
    "ແລະ",
    "ທີ່",
    "ໃນ",
    "ຂອງ",
    "ໄດ້",
    "ຈະ",
    "ເປັນ",
    "ກຽວ",
    "ກອງ",
    "ການ",
];

/// Thai and Lao units and offices (see the module).
fn unspaced_units(text: &str, lang: &str, places: &[PlaceSpan]) -> Vec<Body> {
    let places_at: HashMap<usize, &PlaceSpan> = places.iter().map(|p| (p.0.start, p)).collect();
    let mut out: Vec<Body> = Vec::new();
    for (l, word, starts_word, after, country) in UNIT_WORDS {
        if l != lang {
            continue;
        }
        for (at, _) in text.match_indices(word) {
            let before = text[..at].chars().next_back();
            if starts_word && before.is_some_and(|c| is_word_char(c) || c == '.') {
                continue;
            }
            if out.iter().any(|b| b.span.contains(&at)) {
                continue;
            }
            let mut start = at + word.len();
            if text[start..].starts_with(' ') {
                start += 1;
            }
            let rest = &text[start..];
            let place = places_at.get(&start);
            let end = match after {
                After::Place => place.map(|p| p.0.end),
                After::Run(max) => match place {
                    Some(p) => Some(p.0.end),
                    None => {
                        let len = rest
                            .char_indices()
                            .find(|&(_, c)| {
                                !is_word_char(c) || (c.is_ascii() && !c.is_ascii_digit())
                            })
                            .map_or(rest.len(), |(i, _)| i);
                        let run = &rest[..len];
                        let chars = run.chars().count();
                        let common = NOT_UNIT_NAMES.iter().any(|w| run.starts_with(w));
                        let inside_syllable = run
                            .chars()
                            .next()
                            .is_none_or(super::names::is_combining_mark);
                        ((1..=max).contains(&chars) && !common && !inside_syllable)
                            .then_some(start + len)
                    }
                },
                After::Number => digits(rest).map(|n| start + n),
                After::Ordinal => {
                    let letters = rest
                        .char_indices()
                        .find(|&(_, c)| !is_word_char(c) || c.is_ascii())
                        .map_or(rest.len(), |(i, _)| i);
                    rest[..letters].find("ที่").and_then(|i| {
                        let after_ordinal = i + "ที่".len();
                        let gap = usize::from(rest[after_ordinal..].starts_with(' '));
                        let short = rest[..i].chars().count() <= 16;
                        digits(&rest[after_ordinal + gap..])
                            .filter(|_| short)
                            .map(|n| start + after_ordinal + gap + n)
                    })
                }
            };
            let Some(end) = end else { continue };
            // A Lao run's country is the place's where it names one.
            let country = country
                .map(str::to_owned)
                .or_else(|| place.map(|p| p.1.clone()));
            out.push(Body {
                span: at..end,
                country,
                ids: Vec::new(),
            });
        }
    }
    out
}

/// The length of the one to four ASCII digits `text` starts with.
fn digits(text: &str) -> Option<usize> {
    let n = text.chars().take_while(char::is_ascii_digit).count();
    (1..=4).contains(&n).then_some(n)
}

/// Chinese words that name a local public-security, border or judicial body after its place;
/// `true` for the People's Republic's own (whose place, when the gazetteer lacks it, may be two
/// characters and `省` or `市`).
const CHINESE_BODY_WORDS: [(&str, &str, bool); 18] = [
    ("zh-Hans", "公安厅", true),
    ("zh-Hans", "公安局", true),
    ("zh-Hans", "边防检查站", true),
    ("zh-Hans", "边检站", true),
    ("zh-Hans", "边防支队", true),
    ("zh-Hans", "中级人民法院", true),
    ("zh-Hans", "人民法院", true),
    ("zh-Hans", "人民检察院", true),
    ("zh-Hans", "警察局", false),
    ("zh-Hant", "公安廳", true),
    ("zh-Hant", "公安局", true),
    ("zh-Hant", "邊防檢查站", true),
    ("zh-Hant", "邊檢站", true),
    ("zh-Hant", "中級人民法院", true),
    ("zh-Hant", "人民法院", true),
    ("zh-Hant", "人民檢察院", true),
    ("zh-Hant", "警察局", false),
    ("zh-Hant", "警察廳", false),
];

/// Administrative characters between a Chinese place and its body (`四川省公安厅`).
const CHINESE_ADMIN: [char; 7] = ['省', '市', '州', '县', '縣', '区', '區'];

/// Characters that are function words, never the start of a place's name (`据`, "according to").
const CHINESE_FUNCTION: [char; 20] = [
    '据', '據', '在', '向', '和', '与', '與', '的', '对', '對', '由', '被', '从', '從', '是', '及',
    '全', '本', '该', '該',
];

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Chinese local bodies (see the module).
fn chinese_bodies(text: &str, lang: &str, places: &[PlaceSpan]) -> Vec<Body> {
    let mut out: Vec<Body> = Vec::new();
    for (l, word, prc) in CHINESE_BODY_WORDS {
        if l != lang {
            continue;
        }
        for (at, _) in text.match_indices(word) {
            if out.iter().any(|b| b.span.contains(&at)) {
                continue;
            }
            let before = &text[..at];
            let admin = before
                .chars()
                .next_back()
                .filter(|c| CHINESE_ADMIN.contains(c));
            let place_end = at - admin.map_or(0, char::len_utf8);
            let found = places
                .iter()
                .find(|(p, _)| p.end == place_end || p.end == at)
                .map(|(p, c)| (p.start, Some(c.clone())))
                .or_else(|| {
                    let admin = admin.filter(|a| matches!(a, '省' | '市'))?;
                    let name: Vec<(usize, char)> = before[..at - admin.len_utf8()]
                        .char_indices()
                        .rev()
                        .take(2)
                        .collect();
                    let fits = prc
                        && name.len() == 2
                        && name
                            .iter()
                            .all(|&(_, c)| is_han(c) && !CHINESE_FUNCTION.contains(&c));
                    fits.then(|| (name[1].0, Some("CN".to_owned())))
                });
            if let Some((start, country)) = found {
                out.push(Body {
                    span: start..at + word.len(),
                    country,
                    ids: Vec::new(),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named<'t>(text: &'t str, lang: &str, main: Option<&str>) -> Vec<&'t str> {
        rule_bodies(text, lang, main, &[])
            .into_iter()
            .map(|b| &text[b.span])
            .collect()
    }

    #[test]
    fn bare_english_bodies_are_the_main_countrys() {
        let text = "The Interior Ministry oversees the National Police. Laos' Interior Ministry.";
        let found = rule_bodies(text, "en", Some("KH"), &[]);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].span.clone()], "Interior Ministry");
        assert_eq!(found[0].ids[0], "kh-ministry-of-interior");
        assert_eq!(found[1].country.as_deref(), Some("KH"));
        // No main country, no body.
        assert!(named(text, "en", None).is_empty());
    }

    #[test]
    fn police_units_and_embassies_by_their_words() {
        assert_eq!(
            named(
                "between Indonesia's Police Regional Command (Polda) of East Kalimantan and \
                 Malaysia's Sabah Police Contingent; Sri Lanka’s embassy in Bangkok said.",
                "en",
                None
            ),
            [
                "Police Regional Command (Polda) of East Kalimantan",
                "Sabah Police Contingent",
                "Sri Lanka’s embassy in Bangkok"
            ]
        );
        assert_eq!(
            named("anggota Polda Metro Jaya dan IPK Sabah", "id", None),
            ["Polda Metro Jaya"]
        );
        assert_eq!(named("bersama IPK Sabah, polis", "ms", None), ["IPK Sabah"]);
    }

    #[test]
    fn thai_and_lao_units_run_to_the_next_space() {
        assert_eq!(
            named(
                "กกล.บูรพา,ฉก.12 พื้นที่ จาก ฉก.อรัญประเทศ, ร้อย ทพ.1204 และกองพันทหารม้าที่ 30 \
                 และชุดสืบสวนตำรวจภูธรบ้านแปลง จับกุม",
                "th",
                None
            ),
            [
                "ฉก.12",
                "ฉก.อรัญประเทศ",
                "ร้อย ทพ.1204",
                "กองพันทหารม้าที่ 30",
                "ตำรวจภูธรบ้านแปลง"
            ]
        );
        // A rank's dot is not a unit's; a clause without spaces is not a name.
        assert!(named("พ.ต.อ.สมชาย ไปสภ.", "th", None).is_empty());
        assert_eq!(
            named("ຮ່ວມກັບກົມສື່ມວນຊົນ, ສະມາຄົມນັກຂ່າວ ແລະ ກົມກອງຕາງໆ", "lo", None),
            ["ກົມສື່ມວນຊົນ", "ສະມາຄົມນັກຂ່າວ"]
        );
    }

    #[test]
    fn chinese_bodies_follow_their_place() {
        assert_eq!(
            named("据四川省公安厅反电信网络诈骗中心", "zh-Hans", None),
            ["四川省公安厅"]
        );
        // A function word is not a place.
        assert!(named("据本市公安局", "zh-Hans", None).is_empty());
        let text = "勐腊县公安局";
        let place = (0.."勐腊".len(), "CN".to_owned());
        let found = rule_bodies(text, "zh-Hans", None, &[place]);
        assert_eq!(&text[found[0].span.clone()], "勐腊县公安局");
    }
}
