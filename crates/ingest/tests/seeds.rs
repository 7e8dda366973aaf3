//! The seeds directory as the build and `corpus check` read it: both real seeds pinned field by
//! field, and one fixture per rule (BOM, CRLF, no header, bad date, empty, not UTF-8, markup,
//! Thai, Chinese, false-hit words, duplicate ids, ignored files). Hostile directories (links,
//! pipes, devices, huge files, odd names, control characters, files without text) are in
//! `hostile.rs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use corpus::{Article, Date, Warning};
use ingest::{load_seeds, SeedsReport};

fn real_seeds() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

/// A fresh directory holding `files` (relative path → bytes).
fn fixture_dir(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("borderlines-fixture-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, bytes) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("write fixture");
    }
    dir
}

fn load(name: &str, files: &[(&str, &[u8])]) -> SeedsReport {
    load_seeds(&fixture_dir(name, files))
}

fn only_article(report: &SeedsReport) -> &Article {
    assert!(
        report.errors.is_empty(),
        "unexpected errors: {:?}",
        report.errors
    );
    assert_eq!(report.articles.len(), 1);
    &report.articles[0]
}

fn codes(article: &Article) -> Vec<&str> {
    let mut codes: Vec<&str> = article.countries.iter().map(|c| c.code.as_str()).collect();
    codes.sort_unstable();
    codes
}

#[test]
fn vietnamese_seed_is_read_field_by_field() {
    let report = load_seeds(&real_seeds());
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let article = report
        .articles
        .iter()
        .find(|a| a.id == "001_ea81238345a38f58")
        .expect("seed 001");
    assert_eq!(article.file, "001_ea81238345a38f58.txt");
    assert_eq!(article.lang, "vi");
    assert_eq!(article.date, Date::new(2025, 10, 16));
    assert_eq!(
        article.title,
        "Thái Lan hợp tác chặt chẽ với Campuchia để giải quyết vấn đề tội phạm mạng"
    );
    assert!(!article.title_derived);
    assert_eq!(article.source.as_deref(), Some("TTXVN/Vietnam+"));
    assert_eq!(article.captions, ["Ảnh minh họa. Nguồn: iStock"]);
    assert_eq!(article.paragraphs.len(), 8);
    assert!(article.paragraphs[0].starts_with("Thái Lan khẳng định"));
    assert!(article.paragraphs[7].ends_with("tại Malaysia."));
    assert_eq!(
        codes(article),
        ["CN", "KH", "KR", "LA", "MM", "MY", "TH", "US"]
    );
    assert_eq!(article.countries[0].code, "TH", "Thailand is named most");
    assert!(article.warnings.is_empty(), "{:?}", article.warnings);
}

#[test]
fn english_seed_is_undated_with_a_derived_title() {
    let report = load_seeds(&real_seeds());
    let article = report
        .articles
        .iter()
        .find(|a| a.id == "000_dee04c71b2f6b000")
        .expect("seed 000");
    assert_eq!(article.lang, "en");
    assert_eq!(article.date, None);
    assert!(article.title_derived);
    assert!(
        article
            .title
            .starts_with("Recently, the Minister of Justice of Thailand"),
        "{}",
        article.title
    );
    assert!(
        article.title.ends_with('…') && article.title.chars().count() <= 101,
        "{}",
        article.title
    );
    assert_eq!(article.source, None);
    assert!(article.captions.is_empty());
    assert_eq!(article.paragraphs.len(), 8);
    assert_eq!(codes(article), ["CN", "TH"]);
    assert_eq!(article.warnings, [Warning::Undated, Warning::TitleDerived]);
}

#[test]
fn articles_come_newest_first_and_undated_last() {
    let report = load(
        "order",
        &[
            ("a.txt", b"No date here at all, just text."),
            ("b.txt", b"date 2024-05-01 Old\nBody."),
            ("c.txt", b"date 2025-01-01 New\nBody."),
        ],
    );
    let ids: Vec<&str> = report.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["c", "b", "a"]);
}

#[test]
fn byte_order_mark_and_crlf() {
    let report = load(
        "bom",
        &[(
            "bom.txt",
            "\u{FEFF}date 2024-02-29 Leap day\r\nFirst paragraph.\r\n\r\nSecond.\r\n".as_bytes(),
        )],
    );
    let article = only_article(&report);
    assert_eq!(article.date, Date::new(2024, 2, 29));
    assert_eq!(article.title, "Leap day");
    assert_eq!(article.paragraphs, ["First paragraph.", "Second."]);
}

#[test]
fn impossible_date_names_file_and_line() {
    let report = load("bad-date", &[("bad.txt", b"\ndate 2025-13-45 Title\nBody")]);
    assert!(report.articles.is_empty());
    assert_eq!(report.errors.len(), 1);
    let error = &report.errors[0];
    assert!(error.file.ends_with("bad.txt"));
    assert_eq!(error.line, 2);
    assert!(error.message.contains("2025-13-45"), "{}", error.message);
}

#[test]
fn empty_and_non_utf8_files_are_errors_reported_together() {
    let report = load(
        "bad-files",
        &[
            ("empty.txt", b""),
            ("blank.txt", b"\r\n  \n"),
            ("latin1.txt", b"date 2025-01-01 Caf\xe9\nbody"),
            ("good.txt", b"A good article about Thailand."),
        ],
    );
    assert_eq!(
        report.articles.len(),
        1,
        "the good file still becomes an article"
    );
    let mut errors: Vec<(String, usize)> = report
        .errors
        .iter()
        .map(|e| {
            (
                Path::new(&e.file)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                e.line,
            )
        })
        .collect();
    errors.sort();
    assert_eq!(
        errors,
        [
            ("blank.txt".to_owned(), 1),
            ("empty.txt".to_owned(), 1),
            ("latin1.txt".to_owned(), 1)
        ]
    );
    let latin1 = report
        .errors
        .iter()
        .find(|e| e.file.ends_with("latin1.txt"))
        .expect("latin1 error");
    assert!(latin1.message.contains("UTF-8"), "{}", latin1.message);
}

#[test]
fn duplicate_ids_in_subdirectories_are_an_error_and_other_files_are_ignored() {
    let report = load(
        "dupes",
        &[
            ("x.txt", b"First copy mentions Cambodia."),
            ("nested/x.txt", b"Second copy."),
            ("notes.md", b"# not a seed"),
            ("nested/photo.jpg", b"\xff\xd8"),
        ],
    );
    assert_eq!(report.articles.len(), 1);
    assert_eq!(report.errors.len(), 1);
    assert!(
        report.errors[0]
            .message
            .contains("duplicate article id `x`"),
        "{}",
        report.errors[0].message
    );
    assert_eq!(report.ignored, ["nested/photo.jpg", "notes.md"]);
}

#[test]
fn markup_stays_text() {
    let text = "date 2025-03-01 <script>alert('x')</script> title\n<img src=x onerror=alert(1)> and a <a href=\"javascript:alert(1)\">link</a> about Vietnam.";
    let report = load("markup", &[("m.txt", text.as_bytes())]);
    let article = only_article(&report);
    assert_eq!(article.title, "<script>alert('x')</script> title");
    assert!(article.paragraphs[0].starts_with("<img src=x onerror=alert(1)>"));
}

#[test]
fn thai_article_without_spaces() {
    let text = "date 2025-06-01 ตำรวจไทยร่วมมือกับกัมพูชา\nตำรวจไทยร่วมมือกับทางการกัมพูชาและเมียนมาปราบปรามแก๊งคอลเซ็นเตอร์ที่หลอกลวงชาวไทยและชาวจีนจำนวนมาก\nที่มา: ไทยรัฐ";
    let report = load("thai", &[("th.txt", text.as_bytes())]);
    let article = only_article(&report);
    assert_eq!(article.lang, "th");
    assert_eq!(article.source.as_deref(), Some("ไทยรัฐ"));
    assert_eq!(codes(article), ["CN", "KH", "MM", "TH"]);
}

#[test]
fn chinese_article_without_a_header() {
    let text = "中国警方与泰国和柬埔寨合作打击网络诈骗。数百名中国人被遣返。\n来源：新华网";
    let report = load("chinese", &[("zh.txt", text.as_bytes())]);
    let article = only_article(&report);
    assert_eq!(article.lang, "zh-Hans");
    assert!(article.title_derived);
    assert_eq!(article.title, "中国警方与泰国和柬埔寨合作打击网络诈骗。");
    assert_eq!(article.source.as_deref(), Some("新华网"));
    assert_eq!(codes(article), ["CN", "KH", "TH"]);
}

#[test]
fn false_hit_words_are_not_countries() {
    let vietnamese = "date 2025-01-01 Lao động\nNhiều người bị ép buộc lao động trong các cơ sở thẩm mỹ trái phép, theo nhà chức trách địa phương cho biết hôm nay.";
    let english = "date 2025-01-01 Dinner\nThey served turkey and china plates at a dinner in the city, officials said on Monday evening.";
    let report = load(
        "false-hits",
        &[
            ("vi.txt", vietnamese.as_bytes()),
            ("en.txt", english.as_bytes()),
        ],
    );
    assert_eq!(report.articles.len(), 2);
    for article in &report.articles {
        assert!(
            article.countries.is_empty(),
            "{}: {:?}",
            article.id,
            article.countries
        );
        assert!(article.warnings.contains(&Warning::NoCountry));
    }
}

#[test]
fn check_json_prints_one_object_with_the_documented_fields() {
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", "--json"])
        .arg(real_seeds())
        .output()
        .expect("runs corpus");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let first = &json["articles"][0];
    let keys: Vec<&str> = first
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "file",
            "lang",
            "date",
            "title",
            "title_derived",
            "countries",
            "places",
            "people",
            "organizations",
            "source",
            "captions",
            "paragraphs",
            "warnings"
        ]
    );
    assert_eq!(first["date"], "2025-10-16");
    assert_eq!(json["articles"][1]["date"], serde_json::Value::Null);
    assert_eq!(
        json["articles"][1]["warnings"],
        serde_json::json!(["undated", "title-derived"])
    );
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[test]
fn check_exits_1_and_lists_every_error() {
    let dir = fixture_dir(
        "cli-errors",
        &[("a.txt", b""), ("b.txt", b"date 2025-02-30 X\nbody")],
    );
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", "--json"])
        .arg(&dir)
        .output()
        .expect("runs corpus");
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(json["errors"].as_array().map(Vec::len), Some(2));
    assert_eq!(json["errors"][1]["line"], 1);
}

/// The blob round-trips every article exactly (paragraphs travel joined by line breaks), for the
/// real seeds and for fixtures with CRLF, blank-line runs, markup, Thai, Chinese and zero-width
/// characters.
#[test]
fn blob_round_trips_every_article() {
    let fixtures = load(
        "blob-round-trip",
        &[
            (
                "crlf.txt",
                b"\xEF\xBB\xBFdate 2024-01-02 T\r\nOne.\r\n\r\n\r\nTwo.\r\nThree.\r\n",
            ),
            ("markup.txt", b"<p>a</p>\n\n<script>x</script>\n"),
            ("thai.txt", "แก๊งคอลเซ็นเตอร์\nถูกจับ\n".as_bytes()),
            ("zh.txt", "打击网络诈骗。\n\n第二段。".as_bytes()),
            (
                "zero-width.txt",
                "date 2024-01-02 Thai\u{200B}land\nCam\u{AD}bodia and Lao\u{2060}s.\u{FEFF}\n"
                    .as_bytes(),
            ),
        ],
    );
    assert!(fixtures.errors.is_empty(), "{:?}", fixtures.errors);
    for report in [load_seeds(&real_seeds()), fixtures] {
        let bytes = report
            .to_blob()
            .and_then(|blob| blob.to_bytes())
            .expect("encodes");
        let back = corpus::CorpusBlob::from_bytes(&bytes).expect("decodes");
        assert_eq!(
            back.articles().cloned().collect::<Vec<_>>(),
            report.articles
        );
        let in_place = corpus::CorpusBlob::from_static(bytes.leak()).expect("decodes in place");
        assert_eq!(
            in_place.articles().collect::<Vec<_>>(),
            back.articles().collect::<Vec<_>>()
        );
        for (i, article) in report.articles.iter().enumerate() {
            let catalog = back.catalog();
            assert_eq!(catalog.id(i), article.id);
            assert_eq!(catalog.date(i), article.date);
            assert_eq!(catalog.lang(i), article.lang);
        }
    }
}

/// An article whose file is not `<id>.txt` (a sub-directory) keeps its path through the blob.
#[test]
fn blob_keeps_a_file_path_that_is_not_the_id() {
    let mut report = load_seeds(&real_seeds());
    report.articles[0].file = format!("desk/{}.txt", report.articles[0].id);
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .expect("encodes");
    let back = corpus::CorpusBlob::from_bytes(&bytes).expect("decodes");
    assert_eq!(back.article(0), Some(&report.articles[0]));
}

/// Cut or altered bytes give an error, never a panic or a shorter corpus.
#[test]
fn blob_refuses_damaged_bytes() {
    let bytes = load_seeds(&real_seeds())
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .expect("encodes");
    for cut in [0, 1, bytes.len() / 2, bytes.len() - 1] {
        assert!(
            corpus::CorpusBlob::from_bytes(&bytes[..cut]).is_err(),
            "{cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(corpus::CorpusBlob::from_bytes(&longer).is_err());
}

/// A paragraph the parser never makes (empty, or holding a line break) is refused, not mangled.
#[test]
fn blob_refuses_a_paragraph_it_cannot_carry() {
    let mut report = load_seeds(&real_seeds());
    report.articles[0].paragraphs.push("two\nlines".into());
    assert!(report.to_blob().is_err());
    report.articles[0].paragraphs.pop();
    report.articles[0].paragraphs.push(String::new());
    let error = report.to_blob().err().map(|e| e.to_string());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains(&report.articles[0].id)),
        "{error:?}"
    );
}
