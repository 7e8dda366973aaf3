//! Native time to decode the embedded blob (what start-up pays), and then every article's text
//! (what start-up no longer pays): `cargo run --release -p bench --example decode_time --
//! target/bench/10000`.
fn main() {
    let (_, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let bytes: &'static [u8] = bytes.leak();
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let blob = corpus::CorpusBlob::from_static(bytes).expect("decode");
        let head = t.elapsed().as_secs_f64() * 1e3;
        let t = std::time::Instant::now();
        let decoded = blob.articles().count();
        println!(
            "{} articles: blob decoded in {head:.1} ms, then every article in {:.1} ms ({decoded})",
            blob.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
    }
}
