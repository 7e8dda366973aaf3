//! A deterministic generator of synthetic seed files, for benchmarks and large-corpus tests
//! (native only; `bench generate`).
//!
//! [`article`] turns `(seed, index)` into one file in the real seed format (see README "Adding
//! articles"), byte for byte the same on every run: article `i` depends only on the seed and `i`,
//! never on how many articles are generated. The randomness is our own xoshiro256** seeded by
//! SplitMix64, and only exact IEEE arithmetic (`+ - * /`, `sqrt`) feeds the output, so no platform
//! `libm` can change a byte.
//!
//! What a generated corpus looks like:
//! - languages mixed like a Southeast Asian news desk ([`LANGUAGES`]): English, Vietnamese, Thai,
//!   Chinese, Indonesian, Malay;
//! - per-language vocabulary from the small word lists in `generate/*.txt` (most frequent first),
//!   drawn Zipf–Mandelbrot-like, plus generated personal names (a long tail of rare terms); Thai and
//!   Chinese are written without spaces between words, Vietnamese with full diacritics;
//! - body lengths log-normal (median about 3 KB, a tail past 100 KB), paragraphs separated by a
//!   blank line or a single line break, caption lines and closing source lines with the prefixes of
//!   [`ingest::parse::line_roles`], a byte-order mark or CRLF line endings in a few files;
//! - dates over 2010–2026 (more recent years more often), about 10 % undated, headers with and
//!   without leading spaces;
//! - country mentions in each language's own names, skewed: a few countries very common, many
//!   rare. Tokens are never glued together into an unintended country name (each junction is
//!   checked with [`ingest::detect::countries::detect_countries`]);
//! - places below country level, people and organizations ([`named`]): each article draws a few
//!   (skewed, so that some recur across articles) from its language's list of forms the build's
//!   extractor knows, and writes them now and then, set off by clause breaks.
//!
//! Each [`Generated`] article carries its [`Truth`] (language, date, countries, places, people,
//! organizations, parts), so a loaded corpus can be compared with what was generated
//! ([`agreement`], [`entity_agreement`]).

use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::LazyLock;

use corpus::date::Date;
use ingest::detect::countries::detect_countries;
use ingest::detect::entities::detect_entities;
use ingest::parse::line_roles::{self, LineRole};
use ingest::SeedsReport;

pub mod named;

use named::{Kind, Named};

/// Language codes and their share of articles, in percent.
pub const LANGUAGES: [(&str, u32); 6] = [
    ("en", 35),
    ("vi", 25),
    ("th", 15),
    ("zh", 12),
    ("id", 10),
    ("ms", 3),
];

/// Median body length in bytes.
const MEDIAN_BODY_BYTES: f64 = 3000.0;
/// Log-normal shape: the standard deviation of the natural log of the body length.
const BODY_SIGMA: f64 = 1.2;
const MIN_BODY_BYTES: usize = 300;
const MAX_BODY_BYTES: usize = 400_000;

/// Per mille of articles without a date header.
const UNDATED_PER_MILLE: u64 = 100;
/// Per mille of articles with a byte-order mark, and with CRLF line endings.
const BOM_PER_MILLE: u64 = 20;
const CRLF_PER_MILLE: u64 = 30;
/// Per mille of articles that mention no country at all.
const NO_COUNTRY_PER_MILLE: u64 = 70;
/// Per mille of articles that draw a place (and, separately, a person, an organization) to write.
const NAMED_KIND_PER_MILLE: u64 = 750;
/// Per mille of tokens that are one of the article's places, people or organizations.
const NAMED_TOKEN_PER_MILLE: u64 = 15;

/// Countries, most often mentioned first, with their names per language (order of
/// [`LANGUAGES`]: en, vi, th, zh, id, ms). The first name of each language is the usual one.
const COUNTRIES: &[(&str, [&[&str]; 6])] = &[
    (
        "TH",
        [
            &["Thailand", "Thai"],
            &["Thái Lan", "người Thái"],
            &["ไทย", "ชาวไทย"],
            &["泰国", "泰方"],
            &["Thailand"],
            &["Thailand"],
        ],
    ),
    (
        "KH",
        [
            &["Cambodia", "Cambodian"],
            &["Campuchia", "người Campuchia"],
            &["กัมพูชา", "เขมร"],
            &["柬埔寨"],
            &["Kamboja"],
            &["Kemboja"],
        ],
    ),
    (
        "VN",
        [
            &["Vietnam", "Vietnamese"],
            &["Việt Nam"],
            &["เวียดนาม"],
            &["越南"],
            &["Vietnam"],
            &["Vietnam"],
        ],
    ),
    (
        "CN",
        [
            &["China", "Chinese"],
            &["Trung Quốc", "người Trung Quốc"],
            &["จีน", "ชาวจีน"],
            &["中国", "中方"],
            &["Tiongkok", "China"],
            &["China"],
        ],
    ),
    (
        "MM",
        [
            &["Myanmar", "Burmese"],
            &["Myanmar"],
            &["เมียนมา", "พม่า"],
            &["缅甸"],
            &["Myanmar"],
            &["Myanmar"],
        ],
    ),
    (
        "LA",
        [
            &["Laos", "Laotian"],
            &["Lào", "người Lào"],
            &["ลาว"],
            &["老挝"],
            &["Laos"],
            &["Laos"],
        ],
    ),
    (
        "MY",
        [
            &["Malaysia", "Malaysian"],
            &["Malaysia"],
            &["มาเลเซีย"],
            &["马来西亚"],
            &["Malaysia"],
            &["Malaysia"],
        ],
    ),
    (
        "US",
        [
            &["United States", "American"],
            &["Mỹ", "Hoa Kỳ"],
            &["สหรัฐ", "อเมริกา"],
            &["美国", "美方"],
            &["Amerika Serikat"],
            &["Amerika Syarikat"],
        ],
    ),
    (
        "ID",
        [
            &["Indonesia", "Indonesian"],
            &["Indonesia"],
            &["อินโดนีเซีย"],
            &["印度尼西亚", "印尼"],
            &["Indonesia"],
            &["Indonesia"],
        ],
    ),
    (
        "PH",
        [
            &["Philippines", "Filipino"],
            &["Philippines"],
            &["ฟิลิปปินส์"],
            &["菲律宾"],
            &["Filipina"],
            &["Filipina"],
        ],
    ),
    (
        "SG",
        [
            &["Singapore"],
            &["Singapore"],
            &["สิงคโปร์"],
            &["新加坡"],
            &["Singapura"],
            &["Singapura"],
        ],
    ),
    (
        "KR",
        [
            &["South Korea"],
            &["Hàn Quốc"],
            &["เกาหลีใต้"],
            &["韩国"],
            &["Korea Selatan"],
            &["Korea Selatan"],
        ],
    ),
    (
        "JP",
        [
            &["Japan"],
            &["Nhật Bản"],
            &["ญี่ปุ่น"],
            &["日本"],
            &["Jepang"],
            &["Jepun"],
        ],
    ),
    (
        "AU",
        [
            &["Australia"],
            &["Úc"],
            &["ออสเตรเลีย"],
            &["澳大利亚"],
            &["Australia"],
            &["Australia"],
        ],
    ),
    (
        "IN",
        [
            &["India"],
            &["Ấn Độ"],
            &["อินเดีย"],
            &["印度"],
            &["India"],
            &["India"],
        ],
    ),
    (
        "TW",
        [
            &["Taiwan"],
            &["Đài Loan"],
            &["ไต้หวัน"],
            &["台湾"],
            &["Taiwan"],
            &["Taiwan"],
        ],
    ),
    (
        "GB",
        [
            &["Britain", "United Kingdom"],
            &["Vương quốc Anh"],
            &["สหราชอาณาจักร"],
            &["英国"],
            &["Inggris Raya"],
            &["United Kingdom"],
        ],
    ),
    (
        "RU",
        [
            &["Russia"],
            &["Nga"],
            &["รัสเซีย"],
            &["俄罗斯"],
            &["Rusia"],
            &["Rusia"],
        ],
    ),
    (
        "FR",
        [
            &["France"],
            &["Pháp"],
            &["ฝรั่งเศส"],
            &["法国"],
            &["Prancis"],
            &["Perancis"],
        ],
    ),
    (
        "DE",
        [
            &["Germany"],
            &["Đức"],
            &["เยอรมนี"],
            &["德国"],
            &["Jerman"],
            &["Jerman"],
        ],
    ),
    (
        "BN",
        [
            &["Brunei"],
            &["Brunei"],
            &["บรูไน"],
            &["文莱"],
            &["Brunei"],
            &["Brunei"],
        ],
    ),
    (
        "TL",
        [
            &["Timor-Leste"],
            &["Timor-Leste"],
            &["ติมอร์-เลสเต"],
            &["东帝汶"],
            &["Timor Leste"],
            &["Timor-Leste"],
        ],
    ),
    (
        "NZ",
        [
            &["New Zealand"],
            &["New Zealand"],
            &["นิวซีแลนด์"],
            &["新西兰"],
            &["Selandia Baru"],
            &["New Zealand"],
        ],
    ),
    (
        "CA",
        [
            &["Canada"],
            &["Canada"],
            &["แคนาดา"],
            &["加拿大"],
            &["Kanada"],
            &["Kanada"],
        ],
    ),
    (
        "IT",
        [
            &["Italy"],
            &["Italy"],
            &["อิตาลี"],
            &["意大利"],
            &["Italia"],
            &["Itali"],
        ],
    ),
    (
        "NL",
        [
            &["Netherlands"],
            &["Hà Lan"],
            &["เนเธอร์แลนด์"],
            &["荷兰"],
            &["Belanda"],
            &["Belanda"],
        ],
    ),
    (
        "BD",
        [
            &["Bangladesh"],
            &["Bangladesh"],
            &["บังกลาเทศ"],
            &["孟加拉国"],
            &["Bangladesh"],
            &["Bangladesh"],
        ],
    ),
    (
        "PK",
        [
            &["Pakistan"],
            &["Pakistan"],
            &["ปากีสถาน"],
            &["巴基斯坦"],
            &["Pakistan"],
            &["Pakistan"],
        ],
    ),
    (
        "NP",
        [
            &["Nepal"],
            &["Nepal"],
            &["เนปาล"],
            &["尼泊尔"],
            &["Nepal"],
            &["Nepal"],
        ],
    ),
    (
        "LK",
        [
            &["Sri Lanka"],
            &["Sri Lanka"],
            &["ศรีลังกา"],
            &["斯里兰卡"],
            &["Sri Lanka"],
            &["Sri Lanka"],
        ],
    ),
    (
        "MN",
        [
            &["Mongolia"],
            &["Mông Cổ"],
            &["มองโกเลีย"],
            &["蒙古"],
            &["Mongolia"],
            &["Mongolia"],
        ],
    ),
    (
        "KP",
        [
            &["North Korea"],
            &["Triều Tiên"],
            &["เกาหลีเหนือ"],
            &["朝鲜"],
            &["Korea Utara"],
            &["Korea Utara"],
        ],
    ),
    (
        "BR",
        [
            &["Brazil"],
            &["Brazil"],
            &["บราซิล"],
            &["巴西"],
            &["Brasil"],
            &["Brazil"],
        ],
    ),
    (
        "ZA",
        [
            &["South Africa"],
            &["Nam Phi"],
            &["แอฟริกาใต้"],
            &["南非"],
            &["Afrika Selatan"],
            &["Afrika Selatan"],
        ],
    ),
    (
        "EG",
        [
            &["Egypt"],
            &["Ai Cập"],
            &["อียิปต์"],
            &["埃及"],
            &["Mesir"],
            &["Mesir"],
        ],
    ),
];

/// How a language is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    /// Words separated by spaces, `. ` between sentences.
    Spaced,
    /// No spaces between words; a space between clauses and sentences.
    Thai,
    /// No spaces; `，` between clauses, `。` after sentences.
    Chinese,
}

/// Everything the generator knows about one language.
struct Lang {
    code: &'static str,
    script: Script,
    words: Vec<&'static str>,
    /// Cumulative Zipf–Mandelbrot weights of `words`.
    cumulative: Vec<u64>,
    /// Personal names: `family` and `given` parts, combined (the rare tail).
    family: &'static [&'static str],
    given: &'static [&'static str],
    /// How a name is written: `{f}` family, `{g}` given.
    name_pattern: &'static str,
    agencies: &'static [&'static str],
    /// Caption lines; `{a}` is an agency, `{d}` a few words of description.
    captions: &'static [&'static str],
    /// Closing source lines; `{a}` is an agency.
    sources: &'static [&'static str],
    /// A word that may start any paragraph (used when a paragraph would look like a caption).
    safe_start: &'static str,
}

fn word_list(text: &'static str) -> Vec<&'static str> {
    let mut seen = std::collections::HashSet::new();
    text.lines()
        .map(str::trim)
        .filter(|w| !w.is_empty() && seen.insert(*w))
        .collect()
}

fn lang(code: &'static str, script: Script, list: &'static str) -> Lang {
    let words = word_list(list);
    // Zipf–Mandelbrot with exponent 1 and shift 2: weight of rank r is 1/(r + 3).
    let mut total = 0u64;
    let cumulative = (0..words.len() as u64)
        .map(|r| {
            total += 1_000_000_000 / (r + 3);
            total
        })
        .collect();
    Lang {
        code,
        script,
        words,
        cumulative,
        family: &[],
        given: &[],
        name_pattern: "{g} {f}",
        agencies: &[],
        captions: &[],
        sources: &[],
        safe_start: "",
    }
}

static LANGS: LazyLock<Vec<Lang>> = LazyLock::new(|| {
    vec![
        Lang {
            family: &[
                "Sok", "Chan", "Vann", "Keo", "Lim", "Tan", "Wong", "Nguyen", "Tran", "Santos",
                "Reyes", "Aung", "Kyaw", "Phan", "Suwan", "Chai", "Rahman", "Ismail", "Hassan",
                "Smith",
            ],
            given: &[
                "Dara", "Sophea", "Ratana", "Somchai", "Anong", "Minh", "Linh", "Wei", "Ming",
                "Jose", "Maria", "Min", "Thida", "Arif", "Siti", "James", "Sarah", "Kimly",
                "Vichea", "Pich",
            ],
            name_pattern: "{g} {f}",
            agencies: &[
                "Reuters",
                "AFP",
                "AP",
                "Xinhua",
                "The Straits Times",
                "Nikkei Asia",
                "Kyodo",
                "Getty Images",
            ],
            captions: &[
                "Photo: {a}",
                "(Photo: {a})",
                "File photo: {d}",
                "Illustrative photo: {d}",
                "Photo credit: {a}",
            ],
            sources: &["Source: {a}", "Sources: {a}, {b}"],
            safe_start: "Meanwhile,",
            ..lang("en", Script::Spaced, include_str!("en.txt"))
        },
        Lang {
            family: &[
                "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
            ],
            given: &[
                "Văn An",
                "Thị Bình",
                "Minh Cường",
                "Hữu Dũng",
                "Thanh Hải",
                "Quốc Hùng",
                "Ngọc Khánh",
                "Thị Linh",
                "Văn Long",
                "Minh Phong",
                "Hữu Quân",
                "Văn Sơn",
                "Thị Tâm",
                "Quốc Thắng",
                "Minh Tuấn",
                "Thị Yến",
                "Văn Vinh",
                "Đình Toàn",
                "Xuân Trường",
                "Thu Hà",
            ],
            name_pattern: "{f} {g}",
            agencies: &[
                "TTXVN",
                "VnExpress",
                "Tuổi Trẻ",
                "Thanh Niên",
                "VietnamPlus",
                "Nhân Dân",
                "Dân trí",
                "Công an nhân dân",
                "iStock",
            ],
            captions: &[
                "Ảnh minh họa. Nguồn: {a}",
                "Ảnh: {a}",
                "(Ảnh: {a})",
                "Ảnh minh họa: {d}",
                "Nguồn ảnh: {a}",
            ],
            sources: &["Nguồn {a}", "Nguồn: {a}", "Theo: {a}"],
            safe_start: "Trong khi đó,",
            ..lang("vi", Script::Spaced, include_str!("vi.txt"))
        },
        Lang {
            family: &[
                "ใจดี",
                "ศรีสุข",
                "วงศ์ใหญ่",
                "แสงทอง",
                "บุญมา",
                "ทองดี",
                "สุขสวัสดิ์",
                "พรหมมา",
            ],
            given: &[
                "สมชาย",
                "สมศักดิ์",
                "วิชัย",
                "สุชาติ",
                "ประเสริฐ",
                "อนุชา",
                "ธนพล",
                "กิตติพงษ์",
                "สุนิสา",
                "สมหญิง",
                "วันเพ็ญ",
                "ปิยะพร",
            ],
            name_pattern: "นาย{g} {f}",
            agencies: &[
                "มติชน",
                "ข่าวสด",
                "เดลินิวส์",
                "ประชาชาติธุรกิจ",
                "กรุงเทพธุรกิจ",
                "สยามรัฐ",
            ],
            captions: &["ภาพ: {a}", "ภาพประกอบ: {d}", "ที่มาภาพ: {a}", "ภาพ : {a}"],
            sources: &["ที่มา: {a}", "ที่มา {a}"],
            safe_start: "ขณะที่",
            ..lang("th", Script::Thai, include_str!("th.txt"))
        },
        Lang {
            family: &[
                "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
                "胡",
            ],
            given: &[
                "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超",
                "秀英", "建华", "志强", "海燕",
            ],
            name_pattern: "{f}{g}",
            agencies: &[
                "新华社",
                "新华网",
                "人民网",
                "央视新闻",
                "环球时报",
                "联合早报",
                "澎湃新闻",
            ],
            captions: &[
                "图：{a}",
                "图片来源：{a}",
                "资料图：{d}",
                "（图：{a}）",
                "图:{a}",
            ],
            sources: &["来源：{a}", "（来源：{a}）", "来源:{a}"],
            safe_start: "此外，",
            ..lang("zh", Script::Chinese, include_str!("zh.txt"))
        },
        Lang {
            family: &[
                "Santoso", "Wijaya", "Siregar", "Nasution", "Hidayat", "Saputra", "Kusuma",
                "Pratama", "Setiawan", "Lubis",
            ],
            given: &[
                "Budi", "Agus", "Dewi", "Sri", "Eko", "Joko", "Rina", "Andi", "Yusuf", "Putri",
                "Bambang", "Wahyu",
            ],
            name_pattern: "{g} {f}",
            agencies: &[
                "Antara",
                "Kompas",
                "Tempo",
                "Detikcom",
                "Republika",
                "Liputan6",
            ],
            captions: &["Foto: {a}", "Ilustrasi: {d}", "Gambar: {a}"],
            sources: &["Sumber: {a}", "Sumber {a}"],
            safe_start: "Sementara itu,",
            ..lang("id", Script::Spaced, include_str!("id.txt"))
        },
        Lang {
            family: &[
                "Abdullah", "Ibrahim", "Ismail", "Hamid", "Rahman", "Yusof", "Osman", "Ahmad",
                "Othman", "Salleh",
            ],
            given: &[
                "Ahmad", "Mohd", "Nur", "Siti", "Aziz", "Farid", "Hafiz", "Aisyah", "Zulkifli",
                "Rosli", "Azman", "Faizal",
            ],
            name_pattern: "{g} {f}",
            agencies: &[
                "Bernama",
                "Berita Harian",
                "Utusan",
                "Sinar Harian",
                "Harian Metro",
                "Kosmo",
            ],
            captions: &["Foto: {a}", "Gambar: {a}", "Gambar: {d}"],
            sources: &["Sumber: {a}", "Sumber {a}"],
            safe_start: "Sementara itu,",
            ..lang("ms", Script::Spaced, include_str!("ms.txt"))
        },
    ]
});

/// The generator's word list for a language code (most frequent first), for picking test queries.
pub fn words(code: &str) -> &'static [&'static str] {
    LANGS
        .iter()
        .find(|l| l.code == code)
        .map_or(&[], |l| l.words.as_slice())
}

/// The names the generator writes for a country in a language (`("KH", "vi")` → `Campuchia`…).
pub fn country_names(code: &str, lang: &str) -> &'static [&'static str] {
    let li = LANGUAGES.iter().position(|(l, _)| *l == lang);
    COUNTRIES
        .iter()
        .find(|(c, _)| *c == code)
        .zip(li)
        .map_or(&[], |((_, names), li)| names[li])
}

/// What an article was generated to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Truth {
    pub lang: &'static str,
    pub date: Option<Date>,
    /// Country codes mentioned, sorted.
    pub countries: Vec<&'static str>,
    /// Ids of the places, people and organizations written ([`named`]), each sorted.
    pub places: Vec<&'static str>,
    pub people: Vec<&'static str>,
    pub organizations: Vec<&'static str>,
    pub paragraphs: usize,
    pub captions: usize,
    pub source: bool,
    pub bom: bool,
    pub crlf: bool,
}

/// One generated seed file.
#[derive(Clone, Debug)]
pub struct Generated {
    /// `gen-000042` for index 42: the file stem and the article id.
    pub id: String,
    pub bytes: Vec<u8>,
    pub truth: Truth,
}

impl Generated {
    pub fn file_name(&self) -> String {
        format!("{}.txt", self.id)
    }
}

/// The article id of index `i`.
pub fn id_of(index: usize) -> String {
    format!("gen-{index:06}")
}

/// Generates article `index` of the corpus with `seed`.
pub fn article(seed: u64, index: usize) -> Generated {
    Generator::default().article(seed, index)
}

/// Generates articles `0..count` of the corpus with `seed`.
pub fn corpus(seed: u64, count: usize) -> Vec<Generated> {
    let mut generator = Generator::default();
    (0..count).map(|i| generator.article(seed, i)).collect()
}

/// What [`write_corpus`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub files: usize,
    pub bytes: u64,
    /// Old `gen-*.txt` files removed first.
    pub removed: usize,
    /// Bodies longer than 100 KB.
    pub over_100kb: usize,
    pub truths: Vec<(String, Truth)>,
}

/// Writes articles `0..count` into `dir` (created if needed) as `gen-NNNNNN.txt`, after removing
/// the `gen-*.txt` files already there. Other files in `dir` are left alone.
pub fn write_corpus(dir: &Path, seed: u64, count: usize) -> std::io::Result<WriteStats> {
    std::fs::create_dir_all(dir)?;
    let mut stats = WriteStats::default();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if path.is_file() && name.is_some_and(|n| n.starts_with("gen-") && n.ends_with(".txt")) {
            std::fs::remove_file(&path)?;
            stats.removed += 1;
        }
    }
    let mut generator = Generator::default();
    for i in 0..count {
        let article = generator.article(seed, i);
        std::fs::write(dir.join(article.file_name()), &article.bytes)?;
        stats.files += 1;
        stats.bytes += article.bytes.len() as u64;
        if article.bytes.len() > 100_000 {
            stats.over_100kb += 1;
        }
        stats.truths.push((article.id, article.truth));
    }
    Ok(stats)
}

/// How well a loaded corpus matches what was generated.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agreement {
    /// Generated articles found in the report (by id).
    pub articles: usize,
    pub lang_equal: usize,
    /// Detected `und` (too close to call), a subset of the disagreements.
    pub lang_und: usize,
    /// Per generated language: `(code, articles, detected equal)`.
    pub lang_by_code: Vec<(&'static str, usize, usize)>,
    pub date_equal: usize,
    /// Articles whose detected country set equals the generated one.
    pub countries_equal: usize,
    /// Country codes generated and detected, generated only, detected only (summed over articles).
    pub country_both: usize,
    pub country_missed: usize,
    pub country_extra: usize,
    /// A few `(article id, code)` detected but not generated, then generated but not detected.
    pub extra_examples: Vec<(String, String)>,
    pub missed_examples: Vec<(String, String)>,
}

impl Agreement {
    fn rate(n: usize, d: usize) -> f64 {
        if d == 0 {
            1.0
        } else {
            n as f64 / d as f64
        }
    }
    pub fn lang_rate(&self) -> f64 {
        Agreement::rate(self.lang_equal, self.articles)
    }
    pub fn countries_rate(&self) -> f64 {
        Agreement::rate(self.countries_equal, self.articles)
    }
    pub fn country_precision(&self) -> f64 {
        Agreement::rate(self.country_both, self.country_both + self.country_extra)
    }
    pub fn country_recall(&self) -> f64 {
        Agreement::rate(self.country_both, self.country_both + self.country_missed)
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "language: {}/{} agree ({:.1} %), {} und",
            self.lang_equal,
            self.articles,
            100.0 * self.lang_rate(),
            self.lang_und
        )?;
        for (code, n, ok) in &self.lang_by_code {
            writeln!(
                f,
                "  {code}: {ok}/{n} ({:.1} %)",
                100.0 * Agreement::rate(*ok, *n)
            )?;
        }
        writeln!(f, "date: {}/{} agree", self.date_equal, self.articles)?;
        write!(
            f,
            "countries: same set in {}/{} ({:.1} %); per code precision {:.3}, recall {:.3} ({} extra, {} missed)",
            self.countries_equal,
            self.articles,
            100.0 * self.countries_rate(),
            self.country_precision(),
            self.country_recall(),
            self.country_extra,
            self.country_missed
        )?;
        let show = |v: &[(String, String)]| {
            v.iter()
                .map(|(id, code)| format!("{id}:{code}"))
                .collect::<Vec<_>>()
                .join(" ")
        };
        if !self.extra_examples.is_empty() {
            write!(f, "\n  extra e.g. {}", show(&self.extra_examples))?;
        }
        if !self.missed_examples.is_empty() {
            write!(f, "\n  missed e.g. {}", show(&self.missed_examples))?;
        }
        Ok(())
    }
}

/// Compares a loaded report with the truths of the generated articles (matched by id).
pub fn agreement(truths: &[(String, Truth)], report: &SeedsReport) -> Agreement {
    let by_id: HashMap<&str, &corpus::Article> =
        report.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut out = Agreement {
        lang_by_code: LANGUAGES.iter().map(|(c, _)| (*c, 0, 0)).collect(),
        ..Agreement::default()
    };
    for (id, truth) in truths {
        let Some(article) = by_id.get(id.as_str()) else {
            continue;
        };
        out.articles += 1;
        // The generator writes Simplified Chinese as `zh`; detection names the written form.
        let lang_ok =
            article.lang == truth.lang || (truth.lang == "zh" && article.lang == "zh-Hans");
        out.lang_equal += usize::from(lang_ok);
        out.lang_und += usize::from(article.lang == "und");
        if let Some(slot) = out.lang_by_code.iter_mut().find(|s| s.0 == truth.lang) {
            slot.1 += 1;
            slot.2 += usize::from(lang_ok);
        }
        out.date_equal += usize::from(article.date == truth.date);
        let mut found: Vec<&str> = article.countries.iter().map(|c| c.code.as_str()).collect();
        found.sort_unstable();
        found.dedup();
        out.countries_equal += usize::from(found == truth.countries);
        for code in &truth.countries {
            if found.contains(code) {
                out.country_both += 1;
            } else {
                out.country_missed += 1;
                if out.missed_examples.len() < 10 {
                    out.missed_examples.push((id.clone(), (*code).to_owned()));
                }
            }
        }
        for code in found.iter().filter(|c| !truth.countries.contains(c)) {
            out.country_extra += 1;
            if out.extra_examples.len() < 10 {
                out.extra_examples.push((id.clone(), (*code).to_owned()));
            }
        }
    }
    out
}

/// How many of the places, people and organizations written the build's extractor found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityAgreement {
    /// `(language, kind, written, found)`: ids written, summed over articles, and how many of
    /// them the extractor found in the loaded article; one row per language and kind, in the
    /// order of [`LANGUAGES`] and [`Kind::ALL`].
    pub rows: Vec<(&'static str, Kind, usize, usize)>,
}

impl EntityAgreement {
    /// The row of `lang` and `kind`: `(written, found)`.
    pub fn of(&self, lang: &str, kind: Kind) -> (usize, usize) {
        self.rows
            .iter()
            .find(|r| r.0 == lang && r.1 == kind)
            .map_or((0, 0), |r| (r.2, r.3))
    }
}

impl fmt::Display for EntityAgreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "places, people, organizations written / found:")?;
        for (lang, _) in LANGUAGES {
            let cell = |kind| {
                let (written, found) = self.of(lang, kind);
                format!("{found}/{written}")
            };
            write!(
                f,
                "\n  {lang}: {} {} {}",
                cell(Kind::Place),
                cell(Kind::Person),
                cell(Kind::Organization)
            )?;
        }
        Ok(())
    }
}

/// Compares the places, people and organizations written with what the build's extractor
/// ([`ingest::detect::entities::detect_entities`]) finds in the loaded articles (matched by id).
pub fn entity_agreement(truths: &[(String, Truth)], report: &SeedsReport) -> EntityAgreement {
    let by_id: HashMap<&str, &corpus::Article> =
        report.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let pairs: Vec<(&Truth, &corpus::Article)> = truths
        .iter()
        .filter_map(|(id, truth)| Some((truth, *by_id.get(id.as_str())?)))
        .collect();
    let found = ingest::parallel::map_on_every_core(pairs, |(truth, article)| {
        let entities = detect_entities(article);
        let hit = |written: &[&str], list: &[ingest::detect::entities::EntityMention]| {
            written
                .iter()
                .filter(|id| list.iter().any(|e| e.id == **id))
                .count()
        };
        (
            truth.lang,
            [
                (truth.places.len(), hit(&truth.places, &entities.places)),
                (truth.people.len(), hit(&truth.people, &entities.people)),
                (
                    truth.organizations.len(),
                    hit(&truth.organizations, &entities.organizations),
                ),
            ],
        )
    });
    let mut out = EntityAgreement {
        rows: LANGUAGES
            .iter()
            .flat_map(|(lang, _)| Kind::ALL.map(|kind| (*lang, kind, 0, 0)))
            .collect(),
    };
    for (lang, counts) in found {
        for (kind, (written, hit)) in Kind::ALL.into_iter().zip(counts) {
            if let Some(row) = out.rows.iter_mut().find(|r| r.0 == lang && r.1 == kind) {
                row.2 += written;
                row.3 += hit;
            }
        }
    }
    out
}

/// xoshiro256**, seeded through SplitMix64.
#[derive(Clone, Debug)]
struct Rng([u64; 4]);

fn splitmix(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    /// The stream of article `index` under `seed`.
    fn new(seed: u64, index: u64) -> Rng {
        let mut a = seed;
        let mut state = splitmix(&mut a) ^ index.wrapping_mul(0xD1B5_4A32_D192_ED03);
        Rng([
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
            splitmix(&mut state),
        ])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below((hi - lo + 1) as u64) as usize
    }

    fn per_mille(&mut self, p: u64) -> bool {
        self.below(1000) < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Index drawn from cumulative weights.
    fn weighted(&mut self, cumulative: &[u64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(1);
        let x = self.below(total);
        cumulative.partition_point(|&c| c <= x)
    }

    /// Approximately standard normal (Irwin–Hall: the sum of 12 uniforms minus 6).
    fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }
}

/// `e^x` from `+ - * /` only (so the result is the same on every platform).
fn exp(x: f64) -> f64 {
    let k = (x / std::f64::consts::LN_2).round();
    let r = x - k * std::f64::consts::LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..24 {
        term *= r / f64::from(n);
        sum += term;
    }
    let mut scale = 1.0;
    for _ in 0..(k.abs() as i64) {
        scale *= 2.0;
    }
    if k < 0.0 {
        sum / scale
    } else {
        sum * scale
    }
}

/// Cumulative country weights: rank `r` weighs `1 / (r + 1)^1.5`.
static COUNTRY_WEIGHTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut total = 0u64;
    (0..COUNTRIES.len())
        .map(|r| {
            let x = (r + 1) as f64;
            total += (1e9 / (x * x.sqrt())) as u64;
            total
        })
        .collect()
});

/// A token of a sentence and what it is.
#[derive(Clone, Debug)]
struct Token {
    text: String,
    /// Index into `COUNTRIES` for a country name.
    country: Option<usize>,
    /// Index into the language's [`named::named`] list for a place, person or organization.
    named: Option<usize>,
}

/// The places, people and organizations an article draws from, and which of them it wrote.
#[derive(Clone, Debug, Default)]
struct Picks {
    /// Indices into the language's [`named::named`] list.
    chosen: Vec<usize>,
    /// Indices written so far (repeats allowed).
    written: Vec<usize>,
}

impl Picks {
    /// For each kind, with probability [`NAMED_KIND_PER_MILLE`], one or two of `list`'s entries of
    /// that kind, an entry of rank `r` in its kind weighing `1 / (r + 1)`.
    fn draw(rng: &mut Rng, list: &[Named]) -> Picks {
        let mut chosen = Vec::new();
        for kind in Kind::ALL {
            let of_kind: Vec<usize> = (0..list.len()).filter(|&i| list[i].kind == kind).collect();
            if of_kind.is_empty() || !rng.per_mille(NAMED_KIND_PER_MILLE) {
                continue;
            }
            let mut total = 0u64;
            let cumulative: Vec<u64> = (0..of_kind.len() as u64)
                .map(|r| {
                    total += 1_000_000 / (r + 1);
                    total
                })
                .collect();
            let k = rng.range(1, 2).min(of_kind.len());
            let mut mine: Vec<usize> = Vec::new();
            while mine.len() < k {
                let i = of_kind[rng.weighted(&cumulative)];
                if !mine.contains(&i) {
                    mine.push(i);
                }
            }
            chosen.extend(mine);
        }
        Picks {
            chosen,
            written: Vec::new(),
        }
    }

    /// The ids written of `kind`, sorted and distinct.
    fn ids(&self, list: &[Named], kind: Kind) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self
            .written
            .iter()
            .filter_map(|&i| list.get(i))
            .filter(|n| n.kind == kind)
            .map(|n| n.id)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Holds the cache of checked token junctions (which tokens may be written next to each other).
#[derive(Default)]
struct Generator {
    junctions: HashMap<u64, bool>,
}

fn fnv(parts: &[&str]) -> u64 {
    let mut h = 0xCBF2_9CE4_8422_2325u64;
    for part in parts {
        for b in part.bytes().chain([0xFF]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01B3);
        }
    }
    h
}

fn country_multiset(text: &str) -> Vec<(String, u32)> {
    detect_countries(text)
        .into_iter()
        .map(|m| (m.code, m.mentions))
        .collect()
}

fn merge_counts(mut a: Vec<(String, u32)>, b: Vec<(String, u32)>) -> Vec<(String, u32)> {
    for (code, n) in b {
        match a.iter_mut().find(|(c, _)| *c == code) {
            Some(slot) => slot.1 += n,
            None => a.push((code, n)),
        }
    }
    a.sort();
    a
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl Generator {
    /// True when `prev`, `sep` and `next` written together name exactly the countries they name
    /// apart (no new name across the junction, none swallowed by a longer phrase).
    fn junction_ok(&mut self, prev: &str, sep: &str, next: &str) -> bool {
        let key = fnv(&[prev, sep, next]);
        *self.junctions.entry(key).or_insert_with(|| {
            let together = country_multiset(&format!("{prev}{sep}{next}"));
            let mut together = together;
            together.sort();
            together == merge_counts(country_multiset(prev), country_multiset(next))
        })
    }

    fn article(&mut self, seed: u64, index: usize) -> Generated {
        let mut rng = Rng::new(seed, index as u64);
        let lang_pick = rng.below(100) as u32;
        let mut acc = 0;
        let li = LANGUAGES
            .iter()
            .position(|(_, share)| {
                acc += share;
                lang_pick < acc
            })
            .unwrap_or(0);
        let lang = &LANGS[li];

        // Countries: none, or one to four distinct, skewed towards the common ones.
        let mut topics: Vec<usize> = Vec::new();
        if !rng.per_mille(NO_COUNTRY_PER_MILLE) {
            let k = match rng.below(100) {
                0..=34 => 1,
                35..=74 => 2,
                75..=92 => 3,
                _ => 4,
            };
            while topics.len() < k {
                let c = rng.weighted(&COUNTRY_WEIGHTS);
                if !topics.contains(&c) {
                    topics.push(c);
                }
            }
        }

        let date = if rng.per_mille(UNDATED_PER_MILLE) {
            None
        } else {
            // Years 2010–2026, year y weighing y - 2009.
            let cumulative: Vec<u64> = (1..=17u64)
                .scan(0, |t, w| {
                    *t += w;
                    Some(*t)
                })
                .collect();
            let year = 2010 + rng.weighted(&cumulative) as u16;
            let month = rng.range(1, 12) as u8;
            let days = match month {
                2 if year % 4 == 0 => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            let day = rng.range(1, days) as u8;
            Date::new(year, month, day)
        };
        let bom = rng.per_mille(BOM_PER_MILLE);
        let crlf = rng.per_mille(CRLF_PER_MILLE);
        let target = {
            let z = rng.normal();
            let bytes = MEDIAN_BODY_BYTES * exp(BODY_SIGMA * z);
            (bytes as usize).clamp(MIN_BODY_BYTES, MAX_BODY_BYTES)
        };
        // 0: blank lines between paragraphs, 1: single line breaks, 2: mixed.
        let style = match rng.below(100) {
            0..=44 => 0,
            45..=89 => 1,
            _ => 2,
        };
        let list = named::named(lang.code);
        let mut picks = Picks::draw(&mut rng, list);

        let mut mentioned = vec![false; COUNTRIES.len()];
        let mut pending: Vec<usize> = topics.clone();
        let mut text = String::with_capacity(target + 256);
        if date.is_some() && rng.per_mille(30) {
            text.push('\n');
        }
        if let Some(date) = date {
            let lead = match rng.below(100) {
                0..=69 => "",
                70..=89 => " ",
                _ => "  ",
            };
            let title_countries: Vec<usize> = if !topics.is_empty() && rng.per_mille(600) {
                vec![topics[0]]
            } else {
                Vec::new()
            };
            let mut title_pending = title_countries;
            let title = self.sentence(
                &mut rng,
                lang,
                &topics,
                &mut title_pending,
                &mut mentioned,
                &mut picks,
                4,
                12,
                false,
            );
            text.push_str(&format!("{lead}date {date} {title}\n"));
            if rng.per_mille(700) {
                text.push('\n');
            }
        }

        let mut body_bytes = 0;
        let mut paragraphs = 0;
        let mut captions = 0;
        let mut first = true;
        while body_bytes < target || first {
            let para = loop {
                let n = rng.range(1, 6);
                let mut p = String::new();
                for s in 0..n {
                    let sentence = self.sentence(
                        &mut rng,
                        lang,
                        &topics,
                        &mut pending,
                        &mut mentioned,
                        &mut picks,
                        6,
                        24,
                        true,
                    );
                    if s > 0 {
                        match lang.script {
                            Script::Spaced | Script::Thai => p.push(' '),
                            Script::Chinese => {}
                        }
                    }
                    p.push_str(&sentence);
                }
                if line_roles::classify(&p, true) == LineRole::Paragraph
                    && line_roles::classify(&p, false) == LineRole::Paragraph
                {
                    break p;
                }
                // Starts like a caption or a source line: put a neutral word first.
                let sep = if lang.script == Script::Spaced {
                    " "
                } else {
                    ""
                };
                let fixed = format!("{}{sep}{p}", lang.safe_start);
                if line_roles::classify(&fixed, true) == LineRole::Paragraph {
                    break fixed;
                }
            };
            if !first {
                let blank = match style {
                    0 => true,
                    1 => false,
                    _ => rng.per_mille(500),
                };
                text.push_str(if blank { "\n\n" } else { "\n" });
            }
            first = false;
            body_bytes += para.len() + 1;
            text.push_str(&para);
            paragraphs += 1;
            if rng.per_mille(120) {
                let template = lang.pick_caption(&mut rng);
                let caption = fill(&mut rng, lang, template, self);
                text.push('\n');
                text.push_str(&caption);
                body_bytes += caption.len() + 1;
                captions += 1;
            }
        }
        let source = rng.per_mille(700);
        if source {
            let template = *rng.pick(lang.sources);
            let line = fill(&mut rng, lang, template, self);
            text.push_str(if style == 1 { "\n" } else { "\n\n" });
            text.push_str(&line);
        }
        text.push('\n');
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if bom {
            bytes.extend_from_slice("\u{FEFF}".as_bytes());
        }
        bytes.extend_from_slice(text.as_bytes());

        let mut countries: Vec<&'static str> = mentioned
            .iter()
            .enumerate()
            .filter(|(_, m)| **m)
            .map(|(i, _)| COUNTRIES[i].0)
            .collect();
        countries.sort_unstable();
        Generated {
            id: id_of(index),
            bytes,
            truth: Truth {
                lang: lang.code,
                date,
                countries,
                places: picks.ids(list, Kind::Place),
                people: picks.ids(list, Kind::Person),
                organizations: picks.ids(list, Kind::Organization),
                paragraphs,
                captions,
                source,
                bom,
                crlf,
            },
        }
    }

    /// One sentence (or title when `!full`: no closing punctuation).
    #[allow(clippy::too_many_arguments)]
    fn sentence(
        &mut self,
        rng: &mut Rng,
        lang: &Lang,
        topics: &[usize],
        pending: &mut Vec<usize>,
        mentioned: &mut [bool],
        picks: &mut Picks,
        min: usize,
        max: usize,
        full: bool,
    ) -> String {
        let n = rng.range(min, max);
        // Where the next pending country goes.
        let forced_at = if pending.is_empty() {
            usize::MAX
        } else {
            rng.below(n as u64) as usize
        };
        let li = LANGUAGES
            .iter()
            .position(|(c, _)| *c == lang.code)
            .unwrap_or(0);
        let sep = match lang.script {
            Script::Spaced => " ",
            Script::Thai | Script::Chinese => "",
        };
        let clause = match lang.script {
            Script::Spaced => ",",
            Script::Thai => " ",
            Script::Chinese => "，",
        };
        let mut out = String::new();
        let mut prev: Option<String> = None;
        let mut prev_named = false;
        let mut since_clause = 0;
        let list = named::named(lang.code);
        for i in 0..n {
            let country = if i == forced_at {
                pending.pop()
            } else if !topics.is_empty() && rng.per_mille(50) {
                Some(*rng.pick(topics))
            } else {
                None
            };
            let mut token = match country {
                Some(c) => {
                    let names = COUNTRIES[c].1[li];
                    let name = if names.len() > 1 && rng.per_mille(300) {
                        names[1 + rng.below(names.len() as u64 - 1) as usize]
                    } else {
                        names[0]
                    };
                    Token {
                        text: name.to_owned(),
                        country: Some(c),
                        named: None,
                    }
                }
                None if !picks.chosen.is_empty() && rng.per_mille(NAMED_TOKEN_PER_MILLE) => {
                    let n = *rng.pick(&picks.chosen);
                    Token {
                        text: list.get(n).map_or("", |x| x.form).to_owned(),
                        country: None,
                        named: Some(n),
                    }
                }
                None if rng.per_mille(25) => Token {
                    text: lang.name(rng),
                    country: None,
                    named: None,
                },
                None if lang.script == Script::Spaced && rng.per_mille(20) => Token {
                    text: match rng.below(3) {
                        0 => format!("{}", 2010 + rng.below(17)),
                        1 => format!("{}", 2 + rng.below(500)),
                        _ => format!("{}.{}", 1 + rng.below(99), rng.below(10)),
                    },
                    country: None,
                    named: None,
                },
                None => Token {
                    text: lang.words[rng.weighted(&lang.cumulative)].to_owned(),
                    country: None,
                    named: None,
                },
            };
            if i == 0 && lang.script == Script::Spaced {
                token.text = capitalise(&token.text);
            }
            // A clause break, sometimes.
            let mut join = sep;
            if i > 0
                && since_clause >= 3
                && rng.per_mille(if lang.script == Script::Spaced {
                    60
                } else {
                    180
                })
            {
                join = if lang.script == Script::Spaced {
                    ", "
                } else {
                    clause
                };
                since_clause = 0;
            }
            // A place, person or organization is set off from its neighbours, so that it never
            // runs into them (a name would go on into the next capitalised word, an unspaced one
            // into the next word): a clause break after it, and in Thai and Chinese before it too.
            if i > 0 && (prev_named || (token.named.is_some() && lang.script != Script::Spaced)) {
                join = if lang.script == Script::Spaced {
                    ", "
                } else {
                    clause
                };
                since_clause = 0;
            }
            if let Some(p) = &prev {
                if !self.junction_ok(p, join, &token.text) {
                    if token.country.is_none() && token.named.is_none() {
                        // Try other words; fall back to a clause break.
                        let mut replaced = false;
                        for _ in 0..4 {
                            let w = lang.words[rng.weighted(&lang.cumulative)];
                            if self.junction_ok(p, join, w) {
                                token.text = w.to_owned();
                                replaced = true;
                                break;
                            }
                        }
                        if !replaced {
                            join = if lang.script == Script::Spaced {
                                ", "
                            } else {
                                clause
                            };
                        }
                    } else {
                        join = if lang.script == Script::Spaced {
                            ", "
                        } else {
                            clause
                        };
                    }
                    if !self.junction_ok(p, join, &token.text) {
                        join = if lang.script == Script::Chinese {
                            "。"
                        } else {
                            ". "
                        };
                    }
                }
            }
            if i > 0 {
                out.push_str(join);
            }
            since_clause += 1;
            out.push_str(&token.text);
            if let Some(c) = token.country {
                mentioned[c] = true;
            }
            if let Some(n) = token.named {
                picks.written.push(n);
            }
            prev_named = token.named.is_some();
            prev = Some(token.text);
        }
        if full {
            match lang.script {
                Script::Spaced => out.push('.'),
                Script::Chinese => out.push('。'),
                Script::Thai => {}
            }
        }
        out
    }
}

impl Lang {
    fn name(&self, rng: &mut Rng) -> String {
        if self.family.is_empty() || self.given.is_empty() {
            return self.words[0].to_owned();
        }
        let f = *rng.pick(self.family);
        let g = *rng.pick(self.given);
        self.name_pattern.replace("{f}", f).replace("{g}", g)
    }

    fn pick_caption(&self, rng: &mut Rng) -> &'static str {
        self.captions[rng.below(self.captions.len() as u64) as usize]
    }
}

/// Fills a caption or source template: `{a}`/`{b}` agencies, `{d}` a few words.
fn fill(rng: &mut Rng, lang: &Lang, template: &str, generator: &mut Generator) -> String {
    let a = *rng.pick(lang.agencies);
    let b = *rng.pick(lang.agencies);
    let d = if template.contains("{d}") {
        let mut none = Vec::new();
        let mut mentioned = vec![false; COUNTRIES.len()];
        let mut picks = Picks::default();
        generator.sentence(
            rng,
            lang,
            &[],
            &mut none,
            &mut mentioned,
            &mut picks,
            3,
            7,
            false,
        )
    } else {
        String::new()
    };
    template
        .replace("{a}", a)
        .replace("{b}", b)
        .replace("{d}", &d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_name_is_detected_as_its_code() {
        let mut wrong = Vec::new();
        for (code, names) in COUNTRIES {
            for (li, names) in names.iter().enumerate() {
                for name in *names {
                    let found: Vec<String> =
                        detect_countries(name).into_iter().map(|m| m.code).collect();
                    if found != [*code] {
                        wrong.push(format!("{} {name:?}: {found:?}", LANGUAGES[li].0));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn no_word_names_a_country() {
        let mut wrong = Vec::new();
        for lang in LANGS.iter() {
            for word in &lang.words {
                for form in [word.to_string(), capitalise(word)] {
                    let found = detect_countries(&form);
                    if !found.is_empty() {
                        wrong.push(format!("{} {form:?}: {found:?}", lang.code));
                    }
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
        for lang in LANGS.iter() {
            for f in lang.family {
                for g in lang.given {
                    let name = lang.name_pattern.replace("{f}", f).replace("{g}", g);
                    let found = detect_countries(&name);
                    assert!(
                        found.is_empty(),
                        "{} name {name:?} names {found:?}",
                        lang.code
                    );
                }
            }
            for a in lang.agencies {
                assert!(detect_countries(a).is_empty(), "{} agency {a}", lang.code);
            }
        }
    }

    /// `form` in a paragraph of ordinary words of `lang`, set off as the generator sets it off.
    fn in_context(lang: &Lang, form: &str) -> corpus::Article {
        let (w1, w2) = (lang.words[7], lang.words[12]);
        let paragraph = match lang.script {
            Script::Spaced => format!("{} {w2} {form}, {w1} {w2}.", capitalise(w1)),
            Script::Thai => format!("{w1}{w2} {form} {w1}{w2}"),
            Script::Chinese => format!("{w1}{w2}，{form}，{w1}{w2}。"),
        };
        corpus::Article {
            id: "t".into(),
            file: "t.txt".into(),
            date: None,
            title: lang.words[3].to_owned(),
            title_derived: true,
            lang: if lang.code == "zh" {
                "zh-Hans"
            } else {
                lang.code
            }
            .to_owned(),
            countries: Vec::new(),
            source: None,
            captions: Vec::new(),
            paragraphs: vec![paragraph],
            warnings: Vec::new(),
        }
    }

    #[test]
    fn every_named_form_is_found_as_its_id() {
        let mut wrong = Vec::new();
        for lang in LANGS.iter() {
            let list = named::named(lang.code);
            for kind in Kind::ALL {
                assert!(
                    list.iter().filter(|n| n.kind == kind).count() >= 3,
                    "{} {kind:?}",
                    lang.code
                );
            }
            for n in list {
                let countries = detect_countries(n.form);
                if !countries.is_empty() {
                    wrong.push(format!("{} {:?} names {countries:?}", lang.code, n.form));
                }
                let found = detect_entities(&in_context(lang, n.form));
                let ids = |list: &[ingest::detect::entities::EntityMention]| -> Vec<String> {
                    list.iter().map(|e| e.id.clone()).collect()
                };
                let got = [
                    ids(&found.places),
                    ids(&found.people),
                    ids(&found.organizations),
                ];
                let want: [Vec<String>; 3] = Kind::ALL.map(|k| {
                    if k == n.kind {
                        vec![n.id.to_owned()]
                    } else {
                        Vec::new()
                    }
                });
                if got != want {
                    wrong.push(format!("{} {:?}: {got:?}", lang.code, n.form));
                }
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn language_shares_add_up() {
        assert_eq!(LANGUAGES.iter().map(|(_, s)| s).sum::<u32>(), 100);
        assert_eq!(LANGS.len(), LANGUAGES.len());
        for (l, (code, _)) in LANGS.iter().zip(LANGUAGES) {
            assert_eq!(l.code, code);
            assert!(l.words.len() >= 150, "{code}: {}", l.words.len());
        }
    }

    #[test]
    fn exp_is_close_to_std() {
        for x in [-4.0, -1.0, 0.0, 0.5, 1.0, 3.3, 6.0] {
            let ours = exp(x);
            assert!((ours - f64::exp(x)).abs() / f64::exp(x) < 1e-12, "{x}");
        }
    }
}
