//! The `decoder` target: any bytes as a corpus blob (the next issue fetches blobs over the
//! network, where they can arrive truncated, stale or corrupt).

use corpus::search::Query;
use corpus::view::state::ViewState;
use corpus::view::{answer, counts};
use corpus::CorpusBlob;

use crate::check::{hits_are_sane, marks_are_sane};

/// Articles whose text is decoded and marked per input (a corrupt catalog may claim many).
const MAX_ARTICLES_READ: usize = 16;

/// Queries in every kind the index plans differently: words, a typed prefix, short and long
/// runs (Thai, Chinese, a one-cluster hot list), phrases, and an empty query.
const QUERIES: [&str; 10] = [
    "thai",
    "thái lan",
    "ca",
    "\"thai lan\"",
    "ไทย",
    "คอลเซ็นเตอร์",
    "网络诈骗",
    "的",
    "\"ไทย กัมพูชา\" 中国 việt",
    "",
];

/// Decodes `data` with [`CorpusBlob::from_bytes`]. An error is fine; a blob that decodes must
/// then be usable without a panic:
///
/// - the catalog (ids, dates, languages, countries) and the first articles read, and an index
///   past the end is `None`;
/// - searches of every kind return article indices within the corpus, in order, with finite
///   scores, and highlights and snippets of the articles read are well formed;
/// - the explorer's answer and counts for a few views;
/// - the blob encodes again and the bytes decode to a blob of the same size; a chunked blob's
///   core cannot, and is used again once (small) text chunks of the right length, and any
///   postings shards such bytes pass for, have arrived; its text chunks' layout lists each once,
///   and a table of packs written in that layout reads back, every chunk in one request.
pub fn decoder(data: &[u8]) {
    let Ok(blob) = CorpusBlob::from_bytes(data) else {
        return;
    };
    exercise(&blob);
    if blob.chunk_count() > 0 {
        assert!(blob.to_bytes().is_err(), "a core encodes as a whole blob");
        packs_of_layout(&blob);
        let chunks = u32::try_from(blob.chunk_count()).unwrap_or(u32::MAX);
        for chunk in 0..chunks.min(MAX_CHUNKS_ADDED) {
            let len = blob.chunk_len(chunk);
            if len > MAX_CHUNK_BYTES_ADDED {
                continue;
            }
            let added = blob.add_chunk(chunk, vec![b'a'; len]);
            // A text chunk is checked article by article when read; a postings shard is
            // checked against the dictionary on arrival, which these bytes may fail.
            if !blob.is_postings_shard(chunk) {
                added.unwrap_or_else(|e| panic!("chunk {chunk} of its own length: {e}"));
            }
        }
        exercise(&blob);
        return;
    }
    let bytes = blob
        .to_bytes()
        .unwrap_or_else(|e| panic!("a decoded blob does not encode again: {e}"));
    let again = CorpusBlob::from_bytes(&bytes)
        .unwrap_or_else(|e| panic!("a decoded blob's own bytes do not decode: {e}"));
    assert_eq!(
        again.len(),
        blob.len(),
        "a decoded blob's own bytes hold another size"
    );
}

/// Chunks a fuzzed core is given, and their largest size.
const MAX_CHUNKS_ADDED: u32 = 8;
const MAX_CHUNK_BYTES_ADDED: usize = 1 << 16;

/// Every call the app makes on a decoded blob.
fn exercise(blob: &CorpusBlob) {
    let n = blob.len();
    let catalog = blob.catalog();
    for i in 0..n.min(MAX_ARTICLES_READ) {
        let _ = (catalog.id(i), catalog.date(i), catalog.lang(i));
        let _ = catalog.countries(i).count();
    }
    let len = u32::try_from(n).expect("a blob's length fits in u32");
    assert!(blob.article(len).is_none(), "article {len} of {n} exists");
    let _ = blob.country_name("TH");

    let mut queries: Vec<Query> = QUERIES.iter().map(|q| Query::parse(q)).collect();
    if let Some(first) = blob.article(0) {
        queries.push(Query::parse_exact(&first.title));
    }
    for query in &queries {
        let what = format!("query {query:?}");
        let hits = hits_are_sane(&blob.search(query), n, &what);
        let again = hits_are_sane(&blob.search(query), n, &what);
        assert_eq!(hits, again, "{what}: a second search differs");
        for i in (0..len).take(MAX_ARTICLES_READ) {
            if let Some(article) = blob.article(i) {
                let _ = marks_are_sane(article, query, &[40]);
            }
        }
    }
    let _ = blob.fold_ahead(0, usize::MAX);

    for url in [
        "",
        "q=thai&sort=oldest",
        "q=%22thai+lan%22&country=TH,KH&match=all&from=2024&to=2025-06&undated=include",
        "lang=th,und&undated=only&article=vi-campuchia",
    ] {
        let (state, _) = ViewState::parse(url);
        let answered = answer(blob, &state);
        assert!(
            answered.results.len() <= n,
            "{url}: more results than articles"
        );
        assert_eq!(
            answered.counts(blob, &state),
            counts(blob, &state),
            "{url}: counts from the answer and afresh differ"
        );
    }
}

/// The text chunks' layout is a permutation, and a table of packs (two chunks a pack, each of
/// its own length) in that layout reads back: asked for all at once, every chunk comes in one
/// request and at its own length.
fn packs_of_layout(blob: &CorpusBlob) {
    let layout = blob.text_chunk_layout();
    let chunks = blob.text_chunk_count();
    let mut seen = vec![false; chunks];
    for &chunk in &layout {
        let slot = seen.get_mut(chunk as usize).expect("a chunk of the corpus");
        assert!(!*slot, "chunk {chunk} laid twice");
        *slot = true;
    }
    assert!(seen.iter().all(|&s| s), "every chunk laid");
    let lens: Vec<u32> = layout
        .iter()
        .map(|&c| {
            u32::try_from(blob.chunk_len(c))
                .unwrap_or(u32::MAX)
                .clamp(1, 1 << 20)
        })
        .collect();
    let per_pack: Vec<u32> = lens.chunks(2).map(|pair| pair.len() as u32).collect();
    let table = corpus::store::encode_table(&lens, &per_pack, &layout);
    let packs =
        corpus::store::TextPacks::parse(&table, chunks).expect("a table of the layout reads back");
    let all: Vec<u32> = (0..u32::try_from(chunks).unwrap_or(u32::MAX)).collect();
    let mut got: Vec<u32> = packs
        .requests(&all, 0)
        .iter()
        .flat_map(|request| {
            packs
                .members_in(request)
                .map(|(member, _)| member)
                .collect::<Vec<_>>()
        })
        .collect();
    got.sort_unstable();
    assert_eq!(got, all, "each chunk in one request");
}
