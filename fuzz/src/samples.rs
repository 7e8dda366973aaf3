//! The fixed multilingual corpus the `query` and `url` targets search, a valid blob of it, and
//! the hand-made inputs each target's committed corpus starts from (written to
//! `fuzz/corpus/<target>/` by `cargo run --manifest-path fuzz/Cargo.toml --example write_corpus`,
//! and replayed from memory by the replay test as well, so that they are checked even before
//! they are written).

use std::path::PathBuf;
use std::sync::OnceLock;

use corpus::{Article, CorpusBlob, CountryMention, Date, Warning};

/// One input of a target's starting corpus: a file name and its bytes.
pub type Input = (String, Vec<u8>);

/// An article as the parser and detection would give it (paragraphs non-empty, no line break).
#[allow(clippy::too_many_arguments)]
pub fn article(
    id: &str,
    date: Option<(u16, u8, u8)>,
    lang: &str,
    title: &str,
    paragraphs: &[&str],
    captions: &[&str],
    source: Option<&str>,
    countries: &[(&str, u32)],
) -> Article {
    let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
    let date = date.and_then(|(y, m, d)| Date::new(y, m, d));
    let mut warnings = Vec::new();
    if date.is_none() {
        warnings.push(Warning::Undated);
    }
    if countries.is_empty() {
        warnings.push(Warning::NoCountry);
    }
    Article {
        id: id.to_owned(),
        file: format!("{id}.txt"),
        date,
        title: title.to_owned(),
        title_derived: false,
        lang: lang.to_owned(),
        countries: countries
            .iter()
            .map(|&(code, mentions)| CountryMention {
                code: code.to_owned(),
                mentions,
            })
            .collect(),
        source: source.map(str::to_owned),
        captions: owned(captions),
        paragraphs: owned(paragraphs),
        warnings,
    }
}

/// A small corpus in the scripts and forms that search must get right: Vietnamese with and
/// without composed marks, Thai, Khmer with zero-width spaces, Burmese, Lao, Chinese in both
/// scripts, English with a soft hyphen and a zero-width space inside words, and one undated
/// article. Sorted newest first, as `CorpusBlob::new` expects.
pub fn fixed_articles() -> Vec<Article> {
    let mut articles = vec![
        article(
            "vi-campuchia",
            Some((2025, 10, 16)),
            "vi",
            "Thái Lan hợp tác chặt chẽ với Campuchia",
            &[
                "Thái Lan khẳng định hợp tác tích cực với nhiều quốc gia để chống lừa đảo qua điện thoại.",
                "Tha\u{300}i Lan (NFD) và Lan-Thái, Đông Nam Á.",
            ],
            &["Ảnh: TTXVN"],
            Some("TTXVN/Vietnam+"),
            &[("TH", 2), ("KH", 1)],
        ),
        article(
            "th-callcenter",
            Some((2025, 9, 1)),
            "th",
            "แก๊งคอลเซ็นเตอร์ถูกจับที่ชายแดนไทย-กัมพูชา",
            &[
                "ตำรวจไทยจับกุมแก๊งคอลเซ็นเตอร์ ก่อนข้ามไปประเทศกัมพูชา",
                "ผู้ต้องหาชาวจีน 20 คน",
            ],
            &["ภาพ: ตำรวจ"],
            Some("ที่มา: ไทยรัฐ"),
            &[("TH", 2), ("KH", 1), ("CN", 1)],
        ),
        article(
            "zh-hans",
            Some((2024, 2, 29)),
            "zh",
            "打击网络诈骗",
            &["中国与泰国、柬埔寨、缅甸加强合作，打击网络诈骗。", "第二段。"],
            &[],
            Some("来源：新华社"),
            &[("CN", 1), ("TH", 1), ("KH", 1), ("MM", 1)],
        ),
        article(
            "zh-hant",
            Some((2024, 3, 1)),
            "zh",
            "打擊網絡詐騙",
            &["台灣與泰國合作打擊網絡詐騙集團。"],
            &[],
            None,
            &[("TW", 1), ("TH", 1)],
        ),
        article(
            "km-thai",
            Some((2023, 12, 31)),
            "km",
            "ប្រទេស\u{200B}ថៃ និង\u{200B}កម្ពុជា",
            &["ជនជាតិ\u{200B}ចិន ១០ នាក់ ត្រូវ\u{200B}បាន\u{200B}ចាប់\u{200B}ខ្លួន នៅ\u{200B}ព្រំដែន\u{200B}ថៃ។"],
            &[],
            None,
            &[("TH", 2), ("KH", 1), ("CN", 1)],
        ),
        article(
            "my-lo",
            Some((2001, 1, 1)),
            "my",
            "မြန်မာနိုင်ငံနှင့် ထိုင်း",
            &[
                "မြန်မာ နှင့် ထိုင်း နယ်စပ်",
                "ປະເທດລາວ ແລະ ໄທ ຮ່ວມມືກັນ",
            ],
            &[],
            None,
            &[("MM", 1), ("TH", 1), ("LA", 1)],
        ),
        article(
            "en-invisible",
            Some((1970, 1, 1)),
            "en",
            "Thai\u{200B}land and Cam\u{AD}bodia sign a deal",
            &[
                "Thailand, Cambodia and Myanmar agreed on Tuesday; Malaysia's minister — and Việt Nam's — joined.",
                "e\u{301}\u{301}\u{301} 👍🏽 🇹🇭 x\u{200D}y RTL: مرحبا שלום",
            ],
            &["Photo: Reuters"],
            Some("Reuters"),
            &[("TH", 2), ("KH", 1), ("MM", 1), ("MY", 1), ("VN", 1)],
        ),
        article(
            "id-undated",
            None,
            "id",
            "Indonesia dan Malaysia",
            &["Kerja sama Indonesia, Malaysia dan Thailand di Asia Tenggara."],
            &["Foto: Antara"],
            Some("Sumber: Antara"),
            &[("ID", 1), ("MY", 1), ("TH", 1)],
        ),
    ];
    articles.sort_by(Article::cmp_newest_first);
    articles
}

/// English names for the fixed corpus's country codes, sorted by code.
pub fn country_names() -> Vec<(String, String)> {
    [
        ("CN", "China"),
        ("ID", "Indonesia"),
        ("KH", "Cambodia"),
        ("LA", "Laos"),
        ("MM", "Myanmar"),
        ("MY", "Malaysia"),
        ("TH", "Thailand"),
        ("TW", "Taiwan"),
        ("VN", "Vietnam"),
    ]
    .iter()
    .map(|&(c, n)| (c.to_owned(), n.to_owned()))
    .collect()
}

/// The blob of the fixed corpus, as `build.rs` would embed it.
///
/// # Panics
/// If the fixed corpus does not encode: a bug in the blob writer.
pub fn sample_blob_bytes() -> Vec<u8> {
    CorpusBlob::new(&fixed_articles(), country_names())
        .and_then(|blob| blob.to_bytes())
        .expect("the fixed corpus encodes")
}

/// The fixed corpus decoded once from its bytes, shared by every run of a target.
pub fn sample_blob() -> &'static CorpusBlob {
    static BLOB: OnceLock<CorpusBlob> = OnceLock::new();
    BLOB.get_or_init(|| {
        CorpusBlob::from_bytes(&sample_blob_bytes()).expect("the fixed corpus decodes")
    })
}

/// The repository's `seeds/` folder.
pub fn real_seeds_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../seeds")
}

fn named(inputs: &[(&str, &[u8])]) -> Vec<Input> {
    inputs
        .iter()
        .map(|&(name, bytes)| (name.to_owned(), bytes.to_vec()))
        .collect()
}

/// The hand-made starting inputs of `target` (one of [`crate::TARGETS`]); empty for an unknown
/// name. The `seed` target's corpus also holds the real seeds, copied by `write_corpus`.
pub fn inputs(target: &str) -> Vec<Input> {
    match target {
        "seed" => seed_inputs(),
        "url" => url_inputs(),
        "query" => query_inputs(),
        "decoder" => decoder_inputs(),
        _ => Vec::new(),
    }
}

fn seed_inputs() -> Vec<Input> {
    let mut inputs = named(&[
        ("empty.txt", b""),
        ("blank-lines.txt", b"  \n\t\n\r\n \x0b\x0c\n"),
        (
            "bom-crlf.txt",
            "\u{FEFF}date 2024-01-02 Tiêu đề\r\nThái Lan.\r\n\r\n\r\nẢnh: TTXVN\r\nNguồn: TTXVN\r\n"
                .as_bytes(),
        ),
        ("cr-only.txt", b"date 2024-01-02 Title\rOne.\rTwo.\r"),
        ("bom-only.txt", "\u{FEFF}".as_bytes()),
        ("double-bom.txt", "\u{FEFF}\u{FEFF}Thailand\n".as_bytes()),
        (
            "nul-and-escape.txt",
            b"date 2024-01-02 A\0B \x1b[31mred\x1b[0m\nBody \0 with NUL and \x07 bell in Thailand.\n",
        ),
        (
            "invalid-utf8.txt",
            b"date 2024-01-02 Title\nThailand \xff\xfe and \xc3\x28 and \xed\xa0\x80 (a surrogate's bytes)\n",
        ),
        (
            "utf16le.txt",
            b"\xff\xfed\0a\0t\0e\0 \x002\x000\x002\x004\0-\x000\x001\0-\x000\x002\0 \0T\0\n\0",
        ),
        (
            "utf16be.txt",
            b"\xfe\xff\0d\0a\0t\0e\0 \x002\x000\x002\x004\0-\x000\x001\0-\x000\x002\0 \0T\0\n",
        ),
        ("date-9999-99-99.txt", b"date 9999-99-99 Title\nBody.\n"),
        (
            "date-9999-12-31.txt",
            b"date 9999-12-31 Far future\nThailand.\n",
        ),
        ("date-0000-00-00.txt", b"date 0000-00-00 Year zero\nBody.\n"),
        ("date-feb-30.txt", b"date 2024-02-30 No such day\nBody.\n"),
        ("date-leap.txt", b"DATE: 2024-02-29 Leap day\nBody.\n"),
        (
            "date-short.txt",
            b"date 2024-1-2 Not a header shape\nBody.\n",
        ),
        (
            "date-words.txt",
            b"date night in Bangkok\nThailand.\n",
        ),
        ("header-only.txt", b"date 2024-01-02\n"),
        ("header-title-only.txt", b"date 2024-01-02 Only a title\n"),
        ("source-only.txt", b"Source: Reuters\n"),
        ("caption-only.txt", "Ảnh: TTXVN\n".as_bytes()),
        ("dot-title.txt", b".\nThailand and Cambodia.\n"),
        (
            "zero-width-title.txt",
            "\u{200B}\u{200C}\u{200D}\u{FEFF}\u{2060}\nThai\u{200B}land and Cam\u{AD}bodia.\n"
                .as_bytes(),
        ),
        (
            "zero-width-names.txt",
            "date 2024-01-02 Thai\u{200B}land\nThai\u{200B}land, Cam\u{AD}bodia, Viet\u{200C}nam, Lao\u{200D}s.\n"
                .as_bytes(),
        ),
        (
            "thai.txt",
            "date 2025-09-01 แก๊งคอลเซ็นเตอร์\nตำรวจไทยจับกุมแก๊งคอลเซ็นเตอร์ที่ชายแดนไทย-กัมพูชา\nภาพ: ตำรวจ\nที่มา: ไทยรัฐ\n"
                .as_bytes(),
        ),
        (
            "khmer.txt",
            "ប្រទេស\u{200B}ថៃ និង\u{200B}កម្ពុជា ជនជាតិ\u{200B}ចិន ១០ នាក់ ត្រូវ\u{200B}បាន\u{200B}ចាប់\u{200B}ខ្លួន។\n"
                .as_bytes(),
        ),
        (
            "burmese-lao.txt",
            "မြန်မာနိုင်ငံနှင့် ထိုင်း နယ်စပ်\nປະເທດລາວ ແລະ ໄທ ຮ່ວມມືກັນ\n".as_bytes(),
        ),
        (
            "chinese.txt",
            "打击网络诈骗。中国与泰国、柬埔寨、缅甸加强合作。\n\n打擊網絡詐騙，台灣與泰國。\n来源：新华社\n".as_bytes(),
        ),
        (
            "nfd-vietnamese.txt",
            "date 2024-01-02 Tha\u{300}i Lan\nTha\u{300}i Lan va\u{300} Campuchia, Vie\u{323}\u{302}t Nam.\n"
                .as_bytes(),
        ),
        (
            "markup.txt",
            b"<p>Thailand</p>\n\n<script>alert('Cambodia')</script>\n&amp; &#x1F600;\n",
        ),
        (
            "combining-flood.txt",
            "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301} Thailand\n"
                .as_bytes(),
        ),
        (
            "line-separators.txt",
            "Thailand\u{2028}Cambodia\u{2029}Laos\u{85}Myanmar\n".as_bytes(),
        ),
    ]);
    let long_line = format!("{}\n", "Thailand Cambodia ".repeat(150));
    inputs.push(("long-line.txt".to_owned(), long_line.into_bytes()));
    inputs
}

fn url_inputs() -> Vec<Input> {
    let mut inputs = named(&[
        ("empty", b""),
        ("question-mark", b"?"),
        (
            "everything",
            b"?q=thai+lan&country=th,VN&match=all&lang=vi,th&from=2024-01&to=2025&undated=only&sort=newest&article=vi-campuchia",
        ),
        (
            "thai-percent",
            b"q=%E0%B9%84%E0%B8%97%E0%B8%A2&lang=th",
        ),
        ("not-utf8", b"q=%ff%fe&article=%C3%28"),
        ("bad-escapes", b"q=%&country=%4&lang=%zz&from=%"),
        ("bad-name", b"%ff=1&%E2%80%8B=2&Q=x&q"),
        ("repeated", b"q=a&q=b&sort=newest&sort=oldest&country=th&country=vn"),
        ("empty-items", b"country=xx,,, ,th,TH,t&lang=und,UND,e,eng&&&&=&=="),
        ("dates-9999", b"from=9999-99-99&to=0000-00-00"),
        ("dates-swapped", b"from=2024-12-31&to=2024-01-01"),
        ("dates-odd", b"from=2024&to=2024-02-30&undated=include"),
        ("dates-far", b"from=0001-01-01&to=9999-12-31&undated=exclude"),
        ("article-controls", b"article=%0A%00%1B%5B31m&article="),
        ("zero-width", b"q=Thai%E2%80%8Bland"),
        ("quote", b"q=%22thai+lan"),
        ("plus-only", b"q=+++&sort=relevance"),
        ("encoded-separators", b"q=a%26b%3Dc%23d&article=x%3Fy"),
        ("fragment-and-hash", b"q=thai#top&lang=th"),
        ("raw-unicode", "q=Thái Lan&country=ไทย".as_bytes()),
    ]);
    let codes: Vec<String> = (0..200u32)
        .filter_map(|i| {
            let a = char::from_u32(u32::from(b'A') + i % 26)?;
            let b = char::from_u32(u32::from(b'A') + (i / 26) % 26)?;
            Some(format!("{a}{b}"))
        })
        .collect();
    inputs.push((
        "many-countries".to_owned(),
        format!("country={}", codes.join(",")).into_bytes(),
    ));
    let words: Vec<String> = (0..300).map(|i| format!("w{i}")).collect();
    inputs.push((
        "many-words".to_owned(),
        format!("q={}", words.join("+")).into_bytes(),
    ));
    inputs.push((
        "long-value".to_owned(),
        format!("article={}", "%E0%B8%81".repeat(300)).into_bytes(),
    ));
    inputs
}

fn query_inputs() -> Vec<Input> {
    // First line: the query; then articles separated by blank lines, each a title line and
    // body lines (`@` a caption, `~` the source). See `crate::query`.
    named(&[
        ("empty", b""),
        ("word", b"thai"),
        ("prefix", "thai la\nThái Lan\nHợp tác với Lanka.".as_bytes()),
        ("trailing-space", b"thai lan \nThai Lan"),
        ("phrase", "\"thai lan\"\nLan-Thái\nThái Lan".as_bytes()),
        ("unclosed-phrase", "\"lan thái\n".as_bytes()),
        ("curly-quotes", "“đông nam á”\nĐông Nam Á\n".as_bytes()),
        ("thai-run", "คอลเซ็นเตอร์\nแก๊งคอลเซ็นเตอร์ถูกจับ".as_bytes()),
        ("thai-cluster", "ก\nก่อน\n\nก".as_bytes()),
        ("thai-mark", "ก่\nก่อน".as_bytes()),
        ("chinese-across-words", "络诈\n打击网络诈骗".as_bytes()),
        ("one-han", "的\n的的的的\n\n的\n我的".as_bytes()),
        ("traditional", "網絡\n打击网络诈骗\n打擊網絡詐騙".as_bytes()),
        (
            "zero-width",
            "thailand\nThai\u{200B}land\nThai\u{AD}land\n\nThai\u{200C}land".as_bytes(),
        ),
        ("khmer", "ថៃ\nប្រទេស\u{200B}ថៃ".as_bytes()),
        ("burmese", "မြန်မာ\nမြန်မာနိုင်ငံ".as_bytes()),
        ("lao", "ລາວ\nປະເທດລາວ".as_bytes()),
        ("nfd", "Tha\u{300}i\nThái\n\nTha\u{300}i".as_bytes()),
        ("combining", "a\u{301}\nA\u{301}a\u{301}á".as_bytes()),
        ("emoji", "👍🏽\nok 👍🏽 🇹🇭\n@👍".as_bytes()),
        ("punctuation-only", "!!! … — \" \"\nThailand!".as_bytes()),
        (
            "captions-source",
            b"reuters\nTitle\n@Photo: Reuters\n~Reuters\nBody.",
        ),
        ("cr-in-line", b"a b\nx\ra b\r\n\ny a\rb"),
        (
            "line-separator",
            "thai lan\nThai\u{2028}Lan\n\n\"thai lan\"".as_bytes(),
        ),
        ("nul", b"a\0b\nA\0B\n\n\0"),
        ("invalid-utf8", b"\xff thai\n\xfe Thai \xc3\x28"),
        (
            "mixed",
            "\"ไทย กัมพูชา\" 中国 việt\nไทย กัมพูชา\n中国 Việt Nam\n\nไทย-กัมพูชา 中国人 viet".as_bytes(),
        ),
    ])
}

fn decoder_inputs() -> Vec<Input> {
    let blob = sample_blob_bytes();
    let mut inputs: Vec<Input> = vec![("sample.blob".to_owned(), blob.clone())];
    let empty = CorpusBlob::new(&[], Vec::new())
        .and_then(|b| b.to_bytes())
        .expect("an empty corpus encodes");
    inputs.push(("empty-corpus.blob".to_owned(), empty));
    let one = CorpusBlob::new(&fixed_articles()[..1], country_names())
        .and_then(|b| b.to_bytes())
        .expect("one article encodes");
    inputs.push(("one-article.blob".to_owned(), one));
    for cut in [0, 1, 2, 16, blob.len() / 4, blob.len() / 2, blob.len() - 1] {
        inputs.push((format!("sample-cut-{cut}.blob"), blob[..cut].to_vec()));
    }
    let mut longer = blob.clone();
    longer.push(0);
    inputs.push(("sample-plus-one.blob".to_owned(), longer));
    for at in [0, 1, 5, blob.len() / 3, blob.len() / 2, blob.len() - 2] {
        let mut flipped = blob.clone();
        if let Some(b) = flipped.get_mut(at) {
            *b ^= 0xff;
        }
        inputs.push((format!("sample-flip-{at}.blob"), flipped));
    }
    inputs.push(("all-ff.blob".to_owned(), vec![0xff; 64]));
    // The core of the same corpus chunked (its texts in files of their own), whole and cut.
    let (core, _) = CorpusBlob::new(&fixed_articles(), country_names())
        .and_then(|b| b.to_chunked_bytes(200, 200))
        .expect("the sample chunks");
    for cut in [core.len(), core.len() / 2, core.len() - 1] {
        inputs.push((format!("core-cut-{cut}.blob"), core[..cut].to_vec()));
    }
    inputs
}
