//! Native time to decode the embedded blob: `cargo run --release -p bench --example decode_time --
//! target/bench/10000`.
fn main() {
    let (_, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
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
