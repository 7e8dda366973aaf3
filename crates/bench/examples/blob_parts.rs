//! Writes the embedded blob's parts to separate files, so their compressed sizes can be compared:
//! `cargo run --release -p bench --example blob_parts -- target/bench/10000` writes
//! `target/bench/10000/parts/{articles,dict,heads,postings,lens}.bin`.

fn main() {
    let (dir, bytes) = bench::prepared::blob_bytes_from_args("target/bench/10000");
    let blob = corpus::CorpusBlob::from_bytes(&bytes).expect("decode");
    let out = format!("{dir}/parts");
    std::fs::create_dir_all(&out).expect("parts dir");
    let articles = postcard::to_allocvec(&blob.articles).expect("encode");
    std::fs::write(format!("{out}/articles.bin"), &articles).expect("write");
    for (name, part) in blob.index.encoded_parts() {
        std::fs::write(format!("{out}/{name}.bin"), &part).expect("write");
    }
    println!("blob {} bytes; articles {}", bytes.len(), articles.len());
}
