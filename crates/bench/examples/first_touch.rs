//! Native cost of a document's first touch (decode, join, fold, word pairs), by language:
//! `cargo run --release -p bench --example first_touch -- target/bench/10000`.

use std::collections::BTreeMap;
use std::time::Instant;

use corpus::search::fold::fold_to;
use corpus::search::index::DocText;
use corpus::CorpusBlob;

fn main() {
    let (_dir, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let blob = CorpusBlob::from_bytes(&bytes).expect("decode");
    let mut by_lang: BTreeMap<String, [f64; 5]> = BTreeMap::new();
    let mut scratch = String::new();
    let mut stable_by: BTreeMap<String, u32> = BTreeMap::new();
    for doc in 0..blob.len() as u32 {
        let t = Instant::now();
        let Some(article) = blob.article(doc) else {
            continue;
        };
        let decode = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let text = DocText::from_article(article);
        let join = t.elapsed().as_secs_f64();
        let t = Instant::now();
        fold_to(&text.title, &mut scratch);
        let title: Box<str> = scratch.as_str().into();
        fold_to(&text.body, &mut scratch);
        let body: Box<str> = scratch.as_str().into();
        let fold = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let stable = *title == *text.title && *body == *text.body;
        let pairs = (title, body);
        *stable_by.entry(article.lang.to_string()).or_default() += u32::from(stable);
        let pair = t.elapsed().as_secs_f64();
        std::hint::black_box(pairs);
        let e = by_lang.entry(article.lang.to_string()).or_default();
        e[0] += decode;
        e[1] += join;
        e[2] += fold;
        e[3] += pair;
        e[4] += text.body.len() as f64;
    }
    println!("fold-stable docs: {stable_by:?}");
    for (lang, [d, j, f, p, bytes]) in by_lang {
        let mb = bytes / 1e6;
        println!(
            "{lang:>4}: {mb:6.1} MB  decode {:6.1} ms  join {:6.1} ms  fold {:6.1} ms ({:5.0} MB/s)  pairs {:6.1} ms",
            d * 1e3,
            j * 1e3,
            f * 1e3,
            mb / f,
            p * 1e3
        );
    }
}
