//! The corpus embedded at compile time by `build.rs`, decoded once on first use.

use std::sync::OnceLock;

use corpus::CorpusBlob;

static BLOB_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static CORPUS: OnceLock<Result<CorpusBlob, String>> = OnceLock::new();

/// The decoded corpus, or why it could not be decoded (shown to the reader, never a panic).
pub fn corpus() -> Result<&'static CorpusBlob, &'static str> {
    CORPUS
        .get_or_init(|| CorpusBlob::from_static(BLOB_BYTES).map_err(|error| error.to_string()))
        .as_ref()
        .map_err(String::as_str)
}
