//! Writes the embedded blob's parts to separate files, so their compressed sizes can be compared:
//! `cargo run --release -p bench --example blob_parts -- target/bench/10000` writes
//! `target/bench/10000/parts/{catalog,texts,dict,heads,postings,lens}.bin`.

fn main() {
    let (dir, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let blob = corpus::CorpusBlob::from_bytes(&bytes).expect("decode");
    let out = format!("{dir}/parts");
    std::fs::create_dir_all(&out).expect("parts dir");
    let catalog = postcard::to_allocvec(blob.catalog()).expect("encode");
    std::fs::write(format!("{out}/catalog.bin"), &catalog).expect("write");
    let texts = &bytes[bytes.len() - blob.text_bytes()..];
    std::fs::write(format!("{out}/texts.bin"), texts).expect("write");
    for (name, part) in blob.index().encoded_parts() {
        std::fs::write(format!("{out}/{name}.bin"), &part).expect("write");
    }
    println!(
        "blob {} bytes; catalog {}, texts {}",
        bytes.len(),
        catalog.len(),
        texts.len()
    );
}
