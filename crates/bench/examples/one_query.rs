//! Repeats one query natively, for a profiler: `cargo run --release -p bench --example one_query
//! -- target/bench/10000 'และ ไม่ ความร่วมมือ' 2000` prints its hits and mean time per call.

use std::time::Instant;

use corpus::search::Query;
use corpus::CorpusBlob;

fn main() {
    let (_, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let blob = CorpusBlob::from_bytes(&bytes).expect("decode");
    let mut args = std::env::args().skip(2);
    let text = args.next().unwrap_or_else(|| "the".to_owned());
    let times: u32 = args.next().and_then(|n| n.parse().ok()).unwrap_or(1000);
    let query = Query::parse(&text);
    let hits = blob.search(&query).len();
    let t = Instant::now();
    for _ in 0..times {
        std::hint::black_box(blob.search(&query));
    }
    let us = t.elapsed().as_secs_f64() * 1e6 / f64::from(times);
    println!("{text:?}: {hits} hits, {us:.1} µs a call");
}
