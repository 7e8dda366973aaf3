//! The synthetic corpus of `bench::generate` (the bench's corpora): deterministic, loads without
//! errors, and search and facets over it agree with the bench's brute force (`bench::brute`).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::LazyLock;

use bench::brute::{view_counts, FoldedCorpus};
use bench::counts::ViewCounts;
use bench::generate::{self, Generated};
use corpus::search::fold::fold;
use corpus::search::Query;
use corpus::view::state::ViewState;
use corpus::view::{answer, Answer};
use corpus::{Article, CorpusBlob};
use ingest::seeds::{load_seeds, SeedsReport};
use unicode_segmentation::UnicodeSegmentation;

const SEED: u64 = 20_251_016;
const N: usize = 100;

struct Loaded {
    generated: Vec<Generated>,
    report: SeedsReport,
    blob: CorpusBlob,
    /// The blob's articles folded once, for brute force.
    folded: FoldedCorpus,
}

fn temp_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("borderlines-gen-{}-{name}", std::process::id()))
}

static LOADED: LazyLock<Loaded> = LazyLock::new(|| {
    let dir = temp_dir("load");
    let _ = std::fs::remove_dir_all(&dir);
    let stats = generate::write_corpus(&dir, SEED, N).expect("write corpus");
    assert_eq!(stats.files, N);
    let report = load_seeds(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    let blob = CorpusBlob::new(&report.articles, Vec::new()).expect("blob");
    // Folding is idempotent, so brute force over folded text is brute force over the originals.
    for field in report.articles.iter().flat_map(fields) {
        let once = fold(field);
        assert_eq!(fold(&once), once, "fold is idempotent");
    }
    let folded = FoldedCorpus::new(&report.articles);
    Loaded {
        generated: generate::corpus(SEED, N),
        report,
        blob,
        folded,
    }
});

#[test]
fn generation_is_deterministic_and_seeded() {
    let a = generate::corpus(SEED, N);
    let b = generate::corpus(SEED, N);
    assert!(a
        .iter()
        .zip(&b)
        .all(|(x, y)| x.id == y.id && x.bytes == y.bytes));
    // Article i does not depend on how many are generated.
    assert_eq!(generate::article(SEED, 42).bytes, a[42].bytes);
    let c = generate::corpus(SEED + 1, N);
    let same = a.iter().zip(&c).filter(|(x, y)| x.bytes == y.bytes).count();
    assert_eq!(same, 0, "another seed gives other articles");
    // Files on disk are the same bytes; a second run replaces the gen-*.txt files and keeps others.
    let dir = temp_dir("twice");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("keep.md"), "not generated").expect("write");
    generate::write_corpus(&dir, SEED, 10).expect("first");
    let stats = generate::write_corpus(&dir, SEED, 5).expect("second");
    assert_eq!(stats.removed, 10);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "{names:?}");
    assert_eq!(names[0], "gen-000000.txt");
    assert_eq!(names[5], "keep.md");
    for g in &a[..5] {
        assert_eq!(
            std::fs::read(dir.join(g.file_name())).expect("read"),
            g.bytes
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn generated_files_load_as_articles() {
    let loaded = &*LOADED;
    let report = &loaded.report;
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert!(report.ignored.is_empty());
    assert_eq!(report.articles.len(), N);
    let undated = report.articles.iter().filter(|a| a.date.is_none()).count();
    assert!((3..=20).contains(&undated), "{undated} undated of {N}");
    let langs: BTreeSet<&str> = report.articles.iter().map(|a| a.lang.as_str()).collect();
    assert!(langs.len() >= 4, "{langs:?}");
    for g in &loaded.generated {
        let a = report
            .articles
            .iter()
            .find(|a| a.id == g.id)
            .expect("every file is an article");
        let t = &g.truth;
        assert_eq!(a.date, t.date, "{}", g.id);
        assert_eq!(a.paragraphs.len(), t.paragraphs, "{}", g.id);
        assert_eq!(a.captions.len(), t.captions, "{}", g.id);
        assert_eq!(a.source.is_some(), t.source, "{}", g.id);
        assert_eq!(a.title_derived, t.date.is_none(), "{}", g.id);
    }
    // The variety the generator promises shows up in 100 files.
    let truths: Vec<_> = loaded.generated.iter().map(|g| &g.truth).collect();
    assert!(truths.iter().any(|t| t.bom) || truths.iter().any(|t| t.crlf));
    assert!(truths.iter().any(|t| t.captions > 0));
    let sizes: Vec<usize> = loaded.generated.iter().map(|g| g.bytes.len()).collect();
    assert!(sizes.iter().any(|&s| s < 1000) && sizes.iter().any(|&s| s > 10_000));
    // Languages and countries detected mostly match what was generated.
    let truth_ids: Vec<(String, generate::Truth)> = loaded
        .generated
        .iter()
        .map(|g| (g.id.clone(), g.truth.clone()))
        .collect();
    let agreement = generate::agreement(&truth_ids, report);
    assert!(agreement.lang_rate() >= 0.9, "{agreement}");
    assert!(agreement.countries_rate() >= 0.8, "{agreement}");
}

/// Title, paragraphs, captions and source: what the index searches.
fn fields(a: &Article) -> Vec<&str> {
    std::iter::once(a.title.as_str())
        .chain(a.paragraphs.iter().map(String::as_str))
        .chain(a.captions.iter().map(String::as_str))
        .chain(a.source.as_deref())
        .collect()
}

fn graphemes(text: &str) -> Vec<&str> {
    text.graphemes(true).collect()
}

fn is_thai_or_han(c: char) -> bool {
    matches!(c as u32, 0x0E00..=0x0E7F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// The query set: at least 50 queries drawn from the generated words and text.
fn queries(articles: &[Article]) -> Vec<(String, bool)> {
    // (query, typed: the last word is a prefix)
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut exact = |q: String| out.push((q, false));
    for lang in ["en", "vi", "id", "ms", "th", "zh"] {
        let w = generate::words(lang);
        let n = w.len();
        // Common, mid and rare single words.
        for r in [0, 40, n - 1] {
            exact(w[r].to_owned());
        }
        // Two- and three-term AND.
        exact(format!("{} {}", w[2], w[30]));
        exact(format!("{} {} {}", w[3], w[20], w[n / 2]));
    }
    // Vietnamese typed without diacritics, bare and quoted.
    for r in [13, 25, 50, 120] {
        let w = fold(generate::words("vi")[r]);
        exact(w.clone());
        exact(format!("\"{w}\""));
    }
    exact("campuchia thai lan".into());
    exact("\"thai lan\"".into());
    exact("nguyen van an".into());
    exact("cambodia 柬埔寨".into());
    // Quoted phrases of three words from real paragraphs (Latin-script articles).
    let mut phrases = 0;
    let mut thai = 0;
    let mut han_cross = 0;
    for (i, a) in articles.iter().enumerate() {
        let para = &a.paragraphs[a.paragraphs.len() / 2];
        let script_thai = para.chars().any(|c| matches!(c as u32, 0x0E00..=0x0E7F));
        let script_han = para.chars().any(|c| matches!(c as u32, 0x4E00..=0x9FFF));
        if !script_thai && !script_han && phrases < 8 {
            let words: Vec<&str> = para.split_whitespace().collect();
            if words.len() >= 3 + i % 5 {
                let at = i % 5;
                exact(format!("\"{}\"", words[at..at + 3].join(" ")));
                phrases += 1;
            }
        }
        if script_thai && thai < 6 {
            // A cluster-aligned substring of 2–6 clusters inside one Thai run.
            let g = graphemes(para);
            let start = (i * 7) % g.len().max(1);
            let len = 2 + i % 5;
            let piece: Vec<&str> = g[start..]
                .iter()
                .take_while(|c| c.chars().next().is_some_and(is_thai_or_han))
                .take(len)
                .copied()
                .collect();
            if piece.len() >= 2 {
                exact(piece.concat());
                thai += 1;
            }
        }
        if script_han && han_cross < 6 {
            // Two characters across a word boundary: last of word A, first of word B.
            let zh = generate::words("zh");
            'pairs: for x in zh
                .iter()
                .filter(|w| w.chars().count() >= 2)
                .skip(i % 7)
                .take(25)
            {
                for y in zh.iter().filter(|w| w.chars().count() >= 2).take(40) {
                    if para.contains(&format!("{x}{y}")) {
                        let last = x.chars().next_back().expect("non-empty");
                        let first = y.chars().next().expect("non-empty");
                        exact(format!("{last}{first}"));
                        han_cross += 1;
                        break 'pairs;
                    }
                }
            }
        }
    }
    assert!(
        phrases >= 4 && thai >= 3 && han_cross >= 3,
        "{phrases} {thai} {han_cross}"
    );
    // Typed queries: the last word is a prefix.
    for q in ["camb", "traff", "thai la", "bien gi", "perbatas"] {
        out.push((q.to_owned(), true));
    }
    let mut seen = BTreeSet::new();
    out.retain(|q| seen.insert(q.clone()));
    out
}

/// `state` with `text` in the search box, and the explorer's answer to it: `text` as typed (the
/// last word a prefix), or followed by a space, which makes every word whole
/// (`Query::parse_exact`).
fn typed_answer(
    blob: &CorpusBlob,
    state: &ViewState,
    text: &str,
    typed: bool,
) -> (ViewState, Answer) {
    let q = if typed {
        text.to_owned()
    } else {
        format!("{text} ")
    };
    // Exact matching, as brute force has it: no near spellings (the generated blob has no
    // table of names in other languages).
    let state = state.set_query(&q).set_typo_tolerance(false);
    let answer = answer(blob, &state);
    let query = if typed {
        Query::parse(text)
    } else {
        Query::parse_exact(text)
    };
    assert_eq!(*answer.query, query, "{q:?}");
    (state, answer)
}

/// The articles the text search hit.
fn hit_set(answer: &Answer) -> BTreeSet<u32> {
    let hits = answer.hits.as_deref().unwrap_or_default();
    hits.iter().map(|&(d, _)| d).collect()
}

#[test]
fn search_equals_brute_force_on_generated_text() {
    let loaded = &*LOADED;
    let articles = &loaded.report.articles;
    let qs = queries(articles);
    assert!(qs.len() >= 50, "{} queries", qs.len());
    eprintln!("{} queries", qs.len());
    let mut failures = Vec::new();
    let mut nonempty = 0;
    let mut substring_checked = 0;
    for (text, typed) in &qs {
        let query = if *typed {
            Query::parse(text)
        } else {
            Query::parse_exact(text)
        };
        let (_, app) = typed_answer(&loaded.blob, &ViewState::default(), text, *typed);
        let got = hit_set(&app);
        let want = loaded.folded.text_matches(&query);
        if !want.is_empty() {
            nonempty += 1;
        }
        if got != want {
            failures.push(format!(
                "{text:?}: index {} docs, brute force {} docs; missing {:?}, extra {:?}",
                got.len(),
                want.len(),
                want.difference(&got)
                    .map(|&d| &articles[d as usize].id)
                    .collect::<Vec<_>>(),
                got.difference(&want)
                    .map(|&d| &articles[d as usize].id)
                    .collect::<Vec<_>>(),
            ));
        }
        // Thai and Chinese single items: also a plain substring scan, written independently.
        let unspaced = !text.contains([' ', '"']) && text.chars().all(is_thai_or_han);
        if unspaced && !text.is_empty() {
            substring_checked += 1;
            let plain = loaded.folded.substring_matches(text);
            if got != plain {
                failures.push(format!(
                    "{text:?}: index {} docs, plain substring {} docs",
                    got.len(),
                    plain.len()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "recall < 1:\n{}", failures.join("\n"));
    assert!(substring_checked >= 15, "{substring_checked}");
    assert!(
        nonempty * 10 >= qs.len() * 8,
        "{nonempty} of {} queries hit",
        qs.len()
    );
}

/// Counts as `corpus::view::facets` lists them: count descending then code, every selected code present
/// (at zero if need be).
fn listed(counts: &BTreeMap<String, u32>, selected: &[String]) -> Vec<(String, u32)> {
    let mut v: Vec<(String, u32)> = counts.iter().map(|(c, n)| (c.clone(), *n)).collect();
    for s in selected {
        if !v.iter().any(|(c, _)| c == s) {
            v.push((s.clone(), 0));
        }
    }
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

#[test]
fn facet_counts_equal_brute_force() {
    let loaded = &*LOADED;
    let articles = &loaded.report.articles;
    for (url, q) in [
        ("", ""),
        ("lang=vi,th", ""),
        ("country=KH,TH&match=any", ""),
        ("country=KH,TH&match=all&from=2015&to=2022-06", ""),
        ("undated=only", ""),
        ("country=CN&lang=zh&undated=exclude", ""),
        ("country=VN,LA&from=2020", "police"),
        ("lang=en,id,ms", "the"),
        ("", "biên giới"),
    ] {
        let (state, notices) = ViewState::parse(url);
        assert!(notices.is_empty(), "{url}: {notices:?}");
        let (state, app) = typed_answer(&loaded.blob, &state, q, false);
        let set = hit_set(&app);
        let hit_set = if q.is_empty() {
            assert!(app.hits.is_none(), "no text query, no text search");
            None
        } else {
            assert!(!set.is_empty(), "{q}");
            Some(&set)
        };
        let counts = app.counts(&loaded.blob, &state);
        let got = &counts.facets;
        let want = view_counts(articles, &state, hit_set);
        assert_eq!(
            got.countries,
            listed(&want.countries, &state.countries),
            "{url} q={q}"
        );
        assert_eq!(got.langs, listed(&want.langs, &state.langs), "{url} q={q}");
        assert_eq!(got.total, want.total, "{url} q={q}");
        assert_eq!(got.undated, want.undated, "{url} q={q}");
        assert_eq!(app.results.len() as u32, want.total, "{url} q={q}");
        // The timeline too, in the shape the browser bench compares.
        assert_eq!(ViewCounts::from_app(&counts), want, "{url} q={q}");
    }
}
