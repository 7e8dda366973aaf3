//! Native search latency on a seeds directory: `cargo run --release -p corpus --example
//! search_latency -- DIR [QUERY…]`. Context figures only (the browser bench is the reference):
//! parse + index time, blob size, decode time, and p50/p95/max per query over repeated runs.

use std::time::Instant;

use corpus::search::Query;
use corpus::seeds::load_seeds;
use corpus::CorpusBlob;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: search_latency DIR [QUERY…]");
        std::process::exit(2);
    };
    let started = Instant::now();
    let report = load_seeds(std::path::Path::new(dir));
    let loaded = started.elapsed();
    let started = Instant::now();
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .expect("encode");
    let indexed = started.elapsed();
    let started = Instant::now();
    let blob = match CorpusBlob::from_bytes(&bytes) {
        Ok(blob) => blob,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    };
    let decoded = started.elapsed();
    let text_bytes: usize = blob
        .articles()
        .map(|a| a.title.len() + a.paragraphs.iter().map(String::len).sum::<usize>())
        .sum();
    println!(
        "{} articles ({} errors), text {:.1} MB, blob {:.1} MB; load {:.2?}, blob+index {:.2?}, decode {:.2?}",
        blob.len(),
        report.errors.len(),
        text_bytes as f64 / 1e6,
        bytes.len() as f64 / 1e6,
        loaded,
        indexed,
        decoded
    );
    let default_queries = [
        "police",
        "thai lan",
        "cambodia scam",
        "\"call centre\"",
        "lừa đảo",
        "lua dao",
        "คอลเซ็นเตอร์",
        "网络诈骗",
        "诈骗",
        "border police fraud",
    ];
    let queries: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        default_queries.iter().map(|q| (*q).to_owned()).collect()
    };
    for q in &queries {
        let query = Query::parse(q);
        let mut times: Vec<f64> = Vec::new();
        let mut hits = 0;
        for _ in 0..21 {
            let started = Instant::now();
            hits = blob.search(&query).len();
            times.push(started.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
        println!(
            "{q:>24}: {hits:>6} hits  p50 {:.3} ms  p95 {:.3} ms  max {:.3} ms",
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}
