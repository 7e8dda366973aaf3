//! Native time to decode the embedded blob: `cargo run --release -p bench --example decode_time --
//! target/bench/10000`.
fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/bench/10000".into());
    let bytes = std::fs::read(format!("{dir}/blob.bin")).expect("blob.bin");
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let blob = corpus::CorpusBlob::from_bytes(&bytes).expect("decode");
        println!(
            "{} articles decoded in {:.1} ms",
            blob.articles.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
