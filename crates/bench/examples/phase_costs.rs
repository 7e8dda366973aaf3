//! Native per-phase cost of the bench query set, averaged over many repetitions:
//! `cargo run --release -p bench --example phase_costs -- target/bench/100`.

use std::time::Instant;

use corpus::search::Query;
use corpus::view::filter::{self, TextMatches};
use corpus::view::state::ViewState;
use corpus::CorpusBlob;

fn main() {
    let (dir, bytes) = bench::prepared::blob_bytes_from_args("target/bench/100");
    let blob = CorpusBlob::from_bytes(&bytes).expect("decode");
    let queries: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(format!("{dir}/queries.json")).expect("queries"))
            .expect("json");
    let views: Vec<String> = queries
        .iter()
        .map(|q| {
            let text = q["q"].as_str().unwrap_or_default();
            let params = q["params"].as_str().unwrap_or_default();
            let sep = if params.is_empty() { "" } else { "&" };
            format!("{params}{sep}q={}", urlencode(text))
        })
        .collect();
    let reps = 200;
    let (mut parse_view, mut parse_q, mut search, mut filter) = (0.0, 0.0, 0.0, 0.0);
    for _ in 0..reps {
        for v in &views {
            let t = Instant::now();
            let (state, _) = ViewState::parse(v);
            parse_view += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let query = Query::parse(&state.q);
            parse_q += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let hits = blob.search(&query);
            search += t.elapsed().as_secs_f64();
            let t = Instant::now();
            let shown = filter::filter(blob.catalog(), &state, TextMatches::Hits(&hits));
            filter += t.elapsed().as_secs_f64();
            std::hint::black_box(shown);
        }
    }
    let per = |s: f64| s * 1e6 / (reps * views.len()) as f64;
    println!(
        "per query µs: view parse {:.2}, query parse {:.2}, search {:.2}, filter {:.2}",
        per(parse_view),
        per(parse_q),
        per(search),
        per(filter)
    );
}

fn urlencode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
