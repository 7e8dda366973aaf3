//! Native per-query timing of the bench query set: `cargo run --release -p bench --example
//! profile_queries -- target/bench/1000` prints the slowest queries (search and filter apart).

use std::time::Instant;

use corpus::search::Query;
use corpus::view::filter::{self, TextMatches};
use corpus::view::state::ViewState;
use corpus::CorpusBlob;

fn main() {
    let (dir, bytes) = bench::prepared::blob_bytes_from_args("target/bench/1000");
    let blob = CorpusBlob::from_bytes(&bytes).expect("decode");
    let queries: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(format!("{dir}/queries.json")).expect("queries"))
            .expect("json");
    let mut rows = Vec::new();
    for q in &queries {
        let text = q["q"].as_str().unwrap_or_default();
        let params = q["params"].as_str().unwrap_or_default();
        let (state, _) = ViewState::parse(params);
        let mut best = (f64::MAX, f64::MAX, 0);
        for _ in 0..5 {
            let t = Instant::now();
            let query = Query::parse(text);
            let hits = blob.search(&query);
            let s = t.elapsed().as_secs_f64() * 1e3;
            let t = Instant::now();
            let shown = filter::filter(blob.catalog(), &state, TextMatches::Hits(&hits));
            let f = t.elapsed().as_secs_f64() * 1e3;
            if s + f < best.0 + best.1 {
                best = (s, f, shown.len());
            }
        }
        rows.push((
            best.0,
            best.1,
            best.2,
            text.to_owned(),
            params.to_owned(),
            q["kind"].clone(),
        ));
    }
    rows.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    for (s, f, n, text, params, kind) in rows.iter().take(40) {
        println!("{s:8.3} {f:8.3} {n:6} {kind} {text:?} {params}");
    }
}
