use super::*;
use crate::article::Article;
use crate::view::answer;

/// Titles with everything a CSV or a JSON writer can get wrong: Thai, Vietnamese, Chinese,
/// quotes, commas, a line break inside a field.
fn blob() -> CorpusBlob {
    let titled = |id: &str, date: Option<&str>, lang: &str, title: &str, codes: &[&str]| {
        let mut a = Article::for_test(id, date, lang, codes);
        a.title = title.to_owned();
        a.source = Some(format!("Source, \"{id}\""));
        a
    };
    let articles = [
        titled(
            "th",
            Some("2025-10-16"),
            "th",
            "ตำรวจไทย \"จับกุม\", แก๊งคอลเซ็นเตอร์",
            &["TH", "KH"],
        ),
        titled(
            "vi",
            Some("2025-09-01"),
            "vi",
            "Cảnh sát Việt Nam, Campuchia\nhợp tác",
            &["VN", "KH"],
        ),
        titled(
            "zh",
            Some("2024-01-02"),
            "zh-Hans",
            "中国警方：电信诈骗 \\ 「案件」",
            &["CN"],
        ),
        titled("und", None, "en", "No date, *emphasis* [link] <b>", &[]),
    ];
    CorpusBlob::new(&articles, vec![]).expect("packs")
}

fn link(id: &str) -> String {
    format!("https://example.org/borderlines/?article={id}")
}

#[test]
fn results_csv_reads_back_as_the_view_in_order() {
    let blob = blob();
    let answered = answer(&blob, &ViewState::default());
    let rows = rows(&blob, &answered, link);
    let text = results_csv(&rows);
    assert!(text.starts_with('\u{feff}'));
    let body = text.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "id",
            "date",
            "language",
            "title",
            "source",
            "countries",
            "link"
        ]
    );
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(records.len(), answered.results.len());
    let ids: Vec<&str> = records.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        ids,
        ["th", "vi", "zh", "und"],
        "display order, newest first"
    );
    assert_eq!(records[0][3], "ตำรวจไทย \"จับกุม\", แก๊งคอลเซ็นเตอร์");
    assert_eq!(records[1][3], "Cảnh sát Việt Nam, Campuchia\nhợp tác");
    assert_eq!(records[0][5], "TH KH");
    assert_eq!(records[3][1], "");
    assert_eq!(records[2][6], link("zh"));
    assert_eq!(records[1][4], "Source, \"vi\"");
}

#[test]
fn results_json_parses_back_to_the_same_rows() {
    let blob = blob();
    let answered = answer(&blob, &ViewState::parse("country=KH").0);
    let rows = rows(&blob, &answered, link);
    let parsed: serde_json::Value = serde_json::from_str(&results_json(&rows)).expect("valid JSON");
    let list = parsed.as_array().expect("an array");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], "th");
    assert_eq!(list[1]["title"], "Cảnh sát Việt Nam, Campuchia\nhợp tác");
    assert_eq!(list[0]["countries"], serde_json::json!(["TH", "KH"]));
    let empty: serde_json::Value = serde_json::from_str(&results_json(&[])).expect("valid JSON");
    assert_eq!(empty, serde_json::json!([]));
    // An undated article's date is null.
    let all = rows_of(&blob, "");
    let parsed: serde_json::Value = serde_json::from_str(&results_json(&all)).expect("valid JSON");
    assert!(parsed[3]["date"].is_null());
    assert_eq!(parsed[2]["title"], "中国警方：电信诈骗 \\ 「案件」");
}

fn rows_of(blob: &CorpusBlob, view: &str) -> Vec<Row> {
    rows(blob, &answer(blob, &ViewState::parse(view).0), link)
}

#[test]
fn citations_escape_markdown_and_keep_one_line_each() {
    let blob = blob();
    let text = citations_markdown(&rows_of(&blob, ""));
    assert_eq!(text.lines().count(), 4);
    assert!(text.contains("- No date, \\*emphasis\\* \\[link\\] \\<b\\>. Source, \"und\". <https://example.org/borderlines/?article=und>"), "{text}");
    assert!(
        text.contains("Campuchia hợp tác. Source, \"vi\", 2025-09-01."),
        "{text}"
    );
}

#[test]
fn timeline_and_counts_read_back() {
    let blob = blob();
    let state = ViewState::default();
    let counts = answer(&blob, &state).counts(&blob, &state);
    let timeline = timeline_csv(&counts.timeline);
    let records: Vec<csv::StringRecord> =
        csv::Reader::from_reader(timeline.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.expect("a record"))
            .collect();
    let total: u32 = records
        .iter()
        .map(|r| r[3].parse::<u32>().expect("a count"))
        .sum();
    assert_eq!(total, 4);
    assert_eq!(&records[records.len() - 1][0], "undated");
    let facets = facets_csv(&counts.facets, |c| format!("name of {c}"), |l| l.to_owned());
    let records: Vec<csv::StringRecord> =
        csv::Reader::from_reader(facets.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.expect("a record"))
            .collect();
    let kh = records.iter().find(|r| &r[1] == "KH").expect("KH counted");
    assert_eq!((&kh[0], &kh[2], &kh[3]), ("country", "name of KH", "2"));
    assert!(records
        .iter()
        .any(|r| &r[0] == "language" && &r[1] == "zh-Hans"));
}

#[test]
fn file_names_say_what_the_view_was() {
    let name = |view: &str, what: &str, ext: &str| {
        file_name(
            &ViewState::parse(view).0,
            |c| {
                if c == "KH" {
                    "Cambodia".into()
                } else {
                    c.into()
                }
            },
            what,
            ext,
        )
    };
    assert_eq!(
        name("q=Cambodia&from=2025&to=2025", "", "csv"),
        "borderlines-cambodia-2025.csv"
    );
    assert_eq!(
        name("country=KH&lang=vi", "timeline", "csv"),
        "borderlines-cambodia-vi-timeline.csv"
    );
    assert_eq!(name("", "citations", "md"), "borderlines-citations.md");
    assert_eq!(name("q=lừa đảo", "", "json"), "borderlines-lua-dao.json");
    assert!(
        name(&format!("q={}", "word ".repeat(100)), "", "csv")
            .chars()
            .count()
            < 90
    );
}
