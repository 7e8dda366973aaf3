//! Near-duplicate articles (`ingest::near_dupes`) on real text: syndicated copies of real news
//! articles from `tests/real-text` (English, Thai, Simplified Chinese), each with its own header,
//! byline or site chrome, small edits or a trimmed ending, are found and grouped; a different
//! report of the same story is not; the two real seeds are not; the output is deterministic; and
//! `corpus check` prints the groups in its table and its JSON without changing the exit status.

use std::path::{Path, PathBuf};
use std::process::Command;

use corpus::view::state::ViewState;
use corpus::Article;
use ingest::near_dupes::{near_duplicate_groups, similarity, NearDuplicateGroup, THRESHOLD};
use ingest::{load_seeds, SeedsReport};

/// A directory of seed files, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn with(name: &str, files: &[(&str, &str)]) -> TempDir {
        let dir = std::env::temp_dir().join(format!(
            "borderlines-near-dupes-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("mkdir");
        for (file, text) in files {
            std::fs::write(dir.join(file), text).expect("write fixture");
        }
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn load(name: &str, files: &[(&str, &str)]) -> SeedsReport {
    let dir = TempDir::with(name, files);
    let report = load_seeds(&dir.0);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(report.articles.len(), files.len());
    report
}

fn real_text(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/real-text")
        .join(path);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` with each `(from, to)` replaced once (and each `from` required to be there).
fn edited(text: &str, edits: &[(&str, &str)]) -> String {
    let mut out = text.to_owned();
    for (from, to) in edits {
        assert!(out.contains(from), "{from:?} is not in the text");
        out = out.replacen(from, to, 1);
    }
    out
}

fn article<'a>(report: &'a SeedsReport, id: &str) -> &'a Article {
    report
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

fn group_ids(groups: &[NearDuplicateGroup]) -> Vec<Vec<&str>> {
    groups
        .iter()
        .map(|g| g.ids.iter().map(String::as_str).collect())
        .collect()
}

/// AP's report, as a second site ran it: its own header and byline instead of AP's section line,
/// and a few words edited.
fn en_copy() -> String {
    edited(
        &real_text("en/en-01-ap-cambodia-deports-89.txt"),
        &[
            (
                "date 2018-04-12 Cambodia deports 89 suspects in online scam to China\nNews\n",
                "date 2018-04-13 Cambodia sends 89 Chinese scam suspects home\nBy Sopheng Cheang, Associated Press\n",
            ),
            ("deported nearly 100 Chinese", "deported almost 100 Chinese"),
            ("including 15 women", "among them 15 women"),
            ("as far afield as Kenya and Spain", "as far away as Kenya"),
        ],
    )
}

/// A third site's copy: trimmed after the fifth paragraph, with a credit line of its own.
fn en_trimmed_copy() -> String {
    let original = real_text("en/en-01-ap-cambodia-deports-89.txt");
    let mut lines: Vec<&str> = original.lines().take(8).collect();
    lines[0] = "date 2018-04-12 Cambodia deports 89 Chinese over online sex extortion";
    lines[1] = "World | Asia";
    lines.push("Reporting by the Associated Press. Copyright 2018.");
    lines.join("\n")
}

/// The same event in different words: another outlet's report, sharing the names, numbers and
/// topic words (Cambodia, Chinese, deported, scam, Taiwan, Ouk Haiseila) but not its sentences.
const EN_OTHER_REPORT: &str = "date 2018-04-12 Phnom Penh flies 89 Chinese fraud suspects to China
Eighty-nine Chinese citizens held in Cambodia over an internet extortion racket were put on two planes to China on Wednesday, the Cambodian Interior Ministry said.
Ouk Haiseila, who heads the Immigration Investigation Bureau, said police had arrested the group last month in Phnom Penh. Fifteen of the suspects are women.
The suspects befriended women in China on social media, persuaded them to send intimate pictures and then demanded money, threatening to publish the photos, he said.
Cambodia has sent more than 1,000 Chinese and Taiwanese nationals accused of online fraud to China since 2012, a practice that angers Taiwan, whose government wants its citizens sent home to Taipei rather than to Beijing.
Police in Southeast Asia say Chinese fraud gangs move between countries to stay ahead of raids.";

/// Thai PBS's report as another Thai site ran it: its own opening line, a figure and a word
/// edited, a clause added.
fn th_copy() -> String {
    let original = real_text("th/th-02-thaipbs-call-center-oddar-meanchey.txt");
    edited(
        &format!("ข่าวจากไทยพีบีเอส ศูนย์ข่าวภาคอีสาน รายงาน\n{original}"),
        &[
            ("19 ล้านบาท", "20 ล้านบาท"),
            ("ส่วนใหญ่เป็นวัยหนุ่ม-สาว", "ส่วนมากเป็นวัยหนุ่ม-สาว"),
            ("ตั้งแต่ปีที่ 2567", "ตั้งแต่ปีที่ 2567 ตามข้อมูลของเจ้าหน้าที่ตำรวจ"),
        ],
    )
}

/// Renminbao's report as another Chinese site ran it: the site's navigation and credit replaced
/// by another's, a few characters edited.
fn zh_copy() -> String {
    edited(
        &real_text("zh-hans/zhs-03-renminbao-7000-stranded.txt"),
        &[
            ("简体 - 正體 - 手机版 - 电子报\n\n人民报 \n首页 要闻 内幕 时事 幽默 国际 奇闻 灾祸 万象 生活 文化 专题 寰宇 维权 视频 杂谈\n", "新闻中心 > 国际新闻\n"),
            ("【人民报消息】", "【本网讯】"),
            ("数以千计", "数千名"),
            ("造成重创后", "造成严重打击后"),
        ],
    )
}

#[test]
fn a_syndicated_copy_with_its_own_byline_and_edits_is_found() {
    let report = load(
        "en-pair",
        &[
            ("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt")),
            ("copy.txt", &en_copy()),
        ],
    );
    let s = similarity(article(&report, "ap"), article(&report, "copy"));
    assert!(
        (THRESHOLD..0.95).contains(&s),
        "a copy with edits is similar but not identical: {s}"
    );
    let groups = near_duplicate_groups(&report.articles);
    assert_eq!(group_ids(&groups), [["ap", "copy"]]);
    assert_eq!(groups[0].similarity, s);
}

#[test]
fn a_third_copy_joins_the_same_group_and_another_report_does_not() {
    let report = load(
        "en-three",
        &[
            ("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt")),
            ("copy.txt", &en_copy()),
            ("trimmed.txt", &en_trimmed_copy()),
            ("other-report.txt", EN_OTHER_REPORT),
            // Same desk, same week, same topic words: a different AP story.
            ("ap-laos.txt", &real_text("en/en-02-ap-laos-meth-bust.txt")),
        ],
    );
    let groups = near_duplicate_groups(&report.articles);
    assert_eq!(group_ids(&groups), [["ap", "copy", "trimmed"]]);
    // Each copy is a near-duplicate of the original; the two copies, trimmed and edited
    // differently, are less alike than that with each other (linked through the original), and
    // the group's similarity, its least similar pair, shows it.
    let [ap_copy, ap_trimmed, copy_trimmed] =
        [("ap", "copy"), ("ap", "trimmed"), ("copy", "trimmed")]
            .map(|(a, b)| similarity(article(&report, a), article(&report, b)));
    assert!(
        ap_copy >= THRESHOLD && ap_trimmed >= THRESHOLD,
        "{ap_copy} {ap_trimmed}"
    );
    assert!(copy_trimmed < ap_trimmed, "{copy_trimmed}");
    assert_eq!(groups[0].similarity, copy_trimmed);

    let other = similarity(article(&report, "ap"), article(&report, "other-report"));
    assert!(other < 0.1, "a different report of the same event: {other}");
}

#[test]
fn thai_and_chinese_copies_without_spaces_are_found() {
    let report = load(
        "th-zh",
        &[
            (
                "thaipbs.txt",
                &real_text("th/th-02-thaipbs-call-center-oddar-meanchey.txt"),
            ),
            ("thai-copy.txt", &th_copy()),
            (
                "renminbao.txt",
                &real_text("zh-hans/zhs-03-renminbao-7000-stranded.txt"),
            ),
            ("zh-copy.txt", &zh_copy()),
            // Same topics, other outlets: not copies.
            (
                "thai-other.txt",
                &real_text("th/th-05-ch7-thai-cambodia-call-center.txt"),
            ),
            (
                "zh-other.txt",
                &real_text("zh-hans/zhs-01-nyt-thai-myanmar-border-scams.txt"),
            ),
        ],
    );
    for (a, b) in [("thaipbs", "thai-copy"), ("renminbao", "zh-copy")] {
        let s = similarity(article(&report, a), article(&report, b));
        assert!((THRESHOLD..1.0).contains(&s), "{a} {b}: {s}");
    }
    let groups = near_duplicate_groups(&report.articles);
    assert_eq!(
        group_ids(&groups),
        [vec!["renminbao", "zh-copy"], vec!["thai-copy", "thaipbs"]]
    );
}

#[test]
fn the_real_seeds_are_not_near_duplicates() {
    let report = load_seeds(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds"));
    assert_eq!(report.articles.len(), 2);
    assert_eq!(near_duplicate_groups(&report.articles), []);
    let s = similarity(&report.articles[0], &report.articles[1]);
    assert!(s < 0.05, "{s}");
}

#[test]
fn no_pair_of_the_real_text_set_is_a_near_duplicate() {
    // 79 articles by many outlets, many on the same stories (scam centres, deportations).
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/real-text");
    let mut articles = Vec::new();
    for dir in std::fs::read_dir(&root).expect("real-text") {
        let dir = dir.expect("entry").path();
        if dir.is_dir() {
            articles.extend(load_seeds(&dir).articles);
        }
    }
    assert!(articles.len() >= 60, "{}", articles.len());
    assert_eq!(near_duplicate_groups(&articles), []);
}

#[test]
fn short_bodies_are_linked_only_when_identical() {
    let notice =
        "date 2025-01-02 Notice\nPolice arrested three men at the border crossing on Monday night.";
    let edited_notice =
        "date 2025-01-03 Notice\nPolice arrested four men at the border crossing on Monday night.";
    let report = load(
        "short",
        &[
            ("a.txt", notice),
            ("b.txt", notice),
            ("c.txt", edited_notice),
        ],
    );
    let groups = near_duplicate_groups(&report.articles);
    assert_eq!(group_ids(&groups), [["a", "b"]]);
    assert_eq!(groups[0].similarity, 1.0);
}

#[test]
fn hundreds_of_identical_copies_are_one_group() {
    // Past the size where a group's similarity is taken over every pair of members.
    let report = load(
        "many",
        &[("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt"))],
    );
    let articles: Vec<Article> = (0..300)
        .map(|i| Article {
            id: format!("copy-{i:03}"),
            ..report.articles[0].clone()
        })
        .collect();
    let groups = near_duplicate_groups(&articles);
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].ids.len(), 300);
    assert_eq!(groups[0].ids[0], "copy-000");
    assert_eq!(groups[0].similarity, 1.0);
}

#[test]
fn output_is_deterministic_whatever_the_input_order() {
    let report = load(
        "determinism",
        &[
            ("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt")),
            ("copy.txt", &en_copy()),
            ("trimmed.txt", &en_trimmed_copy()),
            (
                "thaipbs.txt",
                &real_text("th/th-02-thaipbs-call-center-oddar-meanchey.txt"),
            ),
            ("thai-copy.txt", &th_copy()),
            ("other-report.txt", EN_OTHER_REPORT),
        ],
    );
    let groups = near_duplicate_groups(&report.articles);
    assert_eq!(groups, near_duplicate_groups(&report.articles));
    let mut reversed = report.articles.clone();
    reversed.reverse();
    let again = near_duplicate_groups(&reversed);
    let summary = |groups: &[NearDuplicateGroup]| -> Vec<(Vec<String>, f64)> {
        groups
            .iter()
            .map(|g| (g.ids.clone(), g.similarity))
            .collect()
    };
    assert_eq!(summary(&groups), summary(&again));
    for group in &again {
        for (&i, id) in group.articles.iter().zip(&group.ids) {
            assert_eq!(&reversed[i].id, id);
        }
    }
    assert_eq!(
        group_ids(&groups),
        [vec!["ap", "copy", "trimmed"], vec!["thai-copy", "thaipbs"]]
    );
}

#[test]
fn corpus_check_prints_the_groups_and_keeps_its_exit_status() {
    let dir = TempDir::with(
        "cli",
        &[
            ("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt")),
            ("copy.txt", &en_copy()),
            ("other-report.txt", EN_OTHER_REPORT),
        ],
    );
    let table = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .arg("check")
        .arg(&dir.0)
        .output()
        .expect("runs corpus");
    assert!(table.status.success());
    let stdout = String::from_utf8(table.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| *l == "Near-duplicates: 1 groups")
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        lines[at + 1].starts_with("  similarity 0.") && lines[at + 1].ends_with(": ap, copy"),
        "{stdout}"
    );
    assert_eq!(
        lines.last().copied(),
        Some("3 articles, 0 ignored, 0 warnings, 0 errors")
    );

    let json = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", "--json"])
        .arg(&dir.0)
        .output()
        .expect("runs corpus");
    assert!(json.status.success());
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON object");
    let groups = json["near_duplicates"].as_array().expect("an array");
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["ids"], serde_json::json!(["ap", "copy"]));
    let s = groups[0]["similarity"].as_f64().expect("a number");
    assert!((THRESHOLD..1.0).contains(&s), "{s}");
    assert_eq!(s, (s * 100.0).round() / 100.0, "two decimals: {s}");
}

#[test]
fn corpus_check_reports_no_groups_for_the_real_seeds() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds");
    let output = Command::new(env!("CARGO_BIN_EXE_corpus"))
        .args(["check", "--json"])
        .arg(&seeds)
        .output()
        .expect("runs corpus");
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(json["near_duplicates"], serde_json::json!([]));
}

#[test]
fn the_explorer_shows_one_card_per_story_with_its_other_versions() {
    let report = load(
        "en-versions",
        &[
            ("ap.txt", &real_text("en/en-01-ap-cambodia-deports-89.txt")),
            ("copy.txt", &en_copy()),
            ("trimmed.txt", &en_trimmed_copy()),
            ("other-report.txt", EN_OTHER_REPORT),
        ],
    );
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .expect("blob");
    let blob = corpus::CorpusBlob::from_bytes(&bytes).expect("decodes");
    let id = |i: u32| blob.catalog().id(i as usize).to_owned();

    let (state, _) = ViewState::parse("q=Cambodia&sort=newest");
    let answer = corpus::view::answer(&blob, &state);
    let shown: Vec<String> = answer.results.all().into_iter().map(id).collect();
    // The newest of the three versions stands for them (the copy is dated a day later).
    assert_eq!(shown, ["copy", "other-report"]);
    let versions: Vec<(String, Vec<String>)> = answer
        .versions
        .iter()
        .map(|(kept, others)| (id(*kept), others.iter().map(|&i| id(i)).collect()))
        .collect();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].0, "copy");
    let mut others = versions[0].1.clone();
    others.sort();
    assert_eq!(others, ["ap", "trimmed"]);
    // Facet counts still count every article.
    let counts = answer.counts(&blob, &state);
    assert_eq!(counts.facets.langs, [("en".to_owned(), 4)]);

    // A link to one version opens it: it is the card that stands for the story.
    let (state, _) = ViewState::parse("q=Cambodia&sort=newest&article=trimmed");
    let answer = corpus::view::answer(&blob, &state);
    let shown: Vec<String> = answer.results.all().into_iter().map(id).collect();
    assert!(shown.contains(&"trimmed".to_owned()) && !shown.contains(&"ap".to_owned()));
}
