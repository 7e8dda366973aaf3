//! Damaged blobs: every truncation, random byte flips and overwritten runs of a small blob
//! either fail to decode or decode to a blob on which every search, article and view call
//! returns without panicking. Targeted damage to each checked part of the index is an error.

use proptest::prelude::*;

use crate::article::{Article, CountryMention};
use crate::date::Date;
use crate::search::{highlight, snippet, Query};
use crate::store::CorpusBlob;
use crate::view::answer;
use crate::view::state::ViewState;

fn article(id: &str, date: Option<&str>, lang: &str, title: &str, paragraphs: &[&str]) -> Article {
    Article {
        id: id.to_owned(),
        file: format!("{id}.txt"),
        date: date.map(|d| Date::parse(d).expect("valid date")),
        title: title.to_owned(),
        title_derived: false,
        lang: lang.to_owned(),
        countries: vec![
            CountryMention {
                code: "VN".to_owned(),
                mentions: 2,
            },
            CountryMention {
                code: "TH".to_owned(),
                mentions: 1,
            },
        ],
        source: Some("TTXVN".to_owned()),
        captions: vec!["Ảnh minh họa".to_owned()],
        paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        warnings: Vec::new(),
    }
}

/// A few articles in several scripts, newest first as a blob stores them.
fn small_blob_bytes() -> Vec<u8> {
    small_blob().to_bytes().expect("packs")
}

/// The core and the text chunks of the same blob, chunked an article or two at a time.
fn small_core_and_chunks() -> (Vec<u8>, Vec<Vec<u8>>) {
    small_blob().to_chunked_bytes(60, 60).expect("packs")
}

fn small_blob() -> CorpusBlob {
    let articles = vec![
        article(
            "a",
            Some("2025-10-16"),
            "vi",
            "Hợp tác với Thái Lan",
            &[
                "Việt Nam và Thái Lan ký kết hợp tác.",
                "Cảnh sát biên giới.",
            ],
        ),
        article(
            "b",
            Some("2025-09-30"),
            "th",
            "ตำรวจจับแก๊ง",
            &["ตำรวจจับแก๊งคอลเซ็นเตอร์ที่ชายแดน"],
        ),
        article(
            "c",
            Some("2024-01-02"),
            "zh",
            "打击网络诈骗",
            &["警方打击网络诈骗犯罪。"],
        ),
        article(
            "d",
            None,
            "en",
            "Lan Thai",
            &["Lan thai is not Thailand.", "Đông Nam Á"],
        ),
    ];
    let names = vec![
        ("TH".to_owned(), "Thailand".to_owned()),
        ("VN".to_owned(), "Vietnam".to_owned()),
    ];
    CorpusBlob::new(&articles, names).expect("packs")
}

const QUERIES: [&str; 12] = [
    "thai lan",
    "thai la",
    "\"dong nam a\"",
    "\"canh sat bien\"",
    "คอลเซ็นเตอร์",
    "ตำรวจ",
    "网络诈骗",
    "骗",
    "络诈",
    "viet",
    "a b c",
    "",
];

const VIEWS: [&str; 5] = [
    "",
    "q=thai",
    "q=%22thai+lan%22&country=VN&from=2025",
    "country=TH,VN&match=all&lang=vi,th&sort=oldest&undated=only",
    "q=%E7%BD%91%E7%BB%9C&article=c",
];

/// Every call the app makes on a blob, on every article: none may panic, and hits stay within
/// the articles.
fn exercise(blob: &CorpusBlob) {
    let n = blob.len();
    let catalog = blob.catalog();
    for i in 0..=n {
        let _ = (catalog.id(i), catalog.date(i), catalog.lang(i));
        for code in catalog.countries(i) {
            let _ = blob.country_name(code);
        }
    }
    let queries: Vec<Query> = QUERIES.iter().map(|q| Query::parse(q)).collect();
    for round in 0..2 {
        for query in &queries {
            for (doc, score) in blob.search(query) {
                assert!((doc as usize) < n, "hit {doc} of {n} articles");
                assert!(!score.is_nan());
            }
        }
        if round == 0 {
            // The second round searches the folded cache.
            blob.fold_ahead(0, usize::MAX);
        }
    }
    for i in 0..=u32::try_from(n).unwrap_or(u32::MAX).saturating_add(1) {
        if let Some(article) = blob.article(i) {
            for query in &queries {
                let _ = highlight(&article.title, query);
                let _ = snippet(&article.paragraphs, query, 120);
            }
        }
    }
    let _ = blob.articles().count();
    for view in VIEWS {
        let (state, _) = ViewState::parse(view);
        let answered = answer(blob, &state);
        let _ = answered.results.all();
        let _ = answered.counts(blob, &state);
    }
}

#[test]
fn the_small_blob_decodes_and_answers() {
    let bytes = small_blob_bytes();
    let blob = CorpusBlob::from_bytes(&bytes).expect("decodes");
    assert_eq!(blob.len(), 4);
    assert!(!blob.search(&Query::parse("thai lan")).is_empty());
    exercise(&blob);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = small_blob_bytes();
    for cut in 0..bytes.len() {
        assert!(
            CorpusBlob::from_bytes(&bytes[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(CorpusBlob::from_bytes(&longer).is_err());
}

#[test]
fn a_damaged_core_or_chunk_fails_or_answers() {
    let (core, chunks) = small_core_and_chunks();
    assert!(chunks.len() > 1);
    for cut in 0..core.len() {
        assert!(
            CorpusBlob::from_bytes(&core[..cut]).is_err(),
            "cut at {cut}"
        );
    }
    // Every chunk cut short is refused; every byte of a chunk flipped still answers.
    let blob = CorpusBlob::from_bytes(&core).expect("decodes");
    exercise(&blob);
    for (c, chunk) in chunks.iter().enumerate() {
        let c = c as u32;
        assert!(blob
            .add_chunk(c, chunk[..chunk.len() - 1].to_vec())
            .is_err());
    }
    for at in 0..chunks[0].len() {
        let blob = CorpusBlob::from_bytes(&core).expect("decodes");
        let mut damaged = chunks.clone();
        damaged[0][at] ^= 0x5A;
        for (c, chunk) in damaged.into_iter().enumerate() {
            blob.add_chunk(c as u32, chunk).expect("right length");
        }
        exercise(&blob);
    }
}

/// Damages `bytes` in place at each `(position, xor)`.
fn flip(bytes: &mut [u8], flips: &[(prop::sample::Index, u8)]) {
    for (at, xor) in flips {
        let i = at.index(bytes.len());
        bytes[i] ^= xor;
    }
}

fn decode_and_exercise(bytes: &[u8]) {
    if let Ok(blob) = CorpusBlob::from_bytes(bytes) {
        exercise(&blob);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn flipped_bytes_fail_or_answer(flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4)) {
        let mut bytes = small_blob_bytes();
        flip(&mut bytes, &flips);
        decode_and_exercise(&bytes);
    }

    #[test]
    fn overwritten_runs_fail_or_answer(
        at in any::<prop::sample::Index>(),
        run in prop_oneof![
            prop::collection::vec(any::<u8>(), 1..16),
            // Numbers as large as a varint holds, and just past `u32::MAX`.
            Just(vec![0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
            Just(vec![0xFF, 0xFF, 0xFF, 0xFF, 0x0F]),
            Just(vec![0x80, 0x80, 0x80, 0x80, 0x10]),
        ],
    ) {
        let mut bytes = small_blob_bytes();
        let start = at.index(bytes.len());
        for (b, r) in bytes[start..].iter_mut().zip(&run) {
            *b = *r;
        }
        decode_and_exercise(&bytes);
    }
}
