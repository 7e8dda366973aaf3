//! Native cost of one keystroke's work, by part: `cargo run --release -p bench --example
//! profile_keystroke -- target/bench/10000` types the bench's words a character at a time and
//! prints, per prefix, the milliseconds spent searching, filtering, counting facets, building
//! the timeline and preparing the first page of cards (title marks and passage).

use std::time::Instant;

use corpus::search::{highlight, snippet, Query};
use corpus::view::facets;
use corpus::view::filter::{self, TextMatches};
use corpus::view::results::PAGE_SIZE;
use corpus::view::state::ViewState;
use corpus::view::timeline;
use corpus::CorpusBlob;

const WORDS: [&str; 4] = ["police", "lua dao", "campuchia", "border"];

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    let (_, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let blob = CorpusBlob::from_bytes(&bytes).expect("decode");
    println!(
        "{:>12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>7}",
        "q", "search", "filter", "facets", "timeln", "cards", "total", "hits", "card KB"
    );
    for word in WORDS {
        for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let q = &word[..end];
            let state = ViewState::default().set_query(q);
            let t = Instant::now();
            let query = Query::parse(q);
            let hits = blob.search(&query);
            let search = ms(t);
            let text = TextMatches::Hits(&hits);
            let t = Instant::now();
            let results = filter::filter(blob.catalog(), &state, text);
            let filter = ms(t);
            let t = Instant::now();
            let f = facets::facets(blob.catalog(), &state, text);
            let facet = ms(t);
            let t = Instant::now();
            let tl = timeline::timeline(blob.catalog(), &state, text);
            let tline = ms(t);
            let t = Instant::now();
            let mut marks = 0;
            let mut bytes = 0;
            for i in results.first(PAGE_SIZE) {
                let Some(a) = blob.article(i) else { continue };
                bytes += a.paragraphs.iter().map(String::len).sum::<usize>();
                marks += highlight(&a.title, &query).len();
                marks += snippet(&a.paragraphs, &query, 320).highlights.len();
            }
            let cards = ms(t);
            std::hint::black_box((f, tl, marks));
            println!(
                "{q:>12} {search:7.2} {filter:7.2} {facet:7.2} {tline:7.2} {cards:7.2} {:7.2} {:6} {:7}",
                search + filter + facet + tline + cards,
                results.len(),
                bytes / 1024
            );
        }
    }
}
