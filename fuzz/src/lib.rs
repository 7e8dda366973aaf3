//! Borderlines' fuzz targets as plain functions of the input bytes, so that one body serves both
//! the libFuzzer binaries (`fuzz/fuzz_targets/*.rs`, run by `make fuzz` with cargo-fuzz) and the
//! replay test (`fuzz/tests/replay.rs`, run by `cargo test` on the stable toolchain), which feeds
//! every committed corpus file and past crash through them.
//!
//! Each function panics, with a message naming the broken property, exactly when the input
//! finds a bug:
//!
//! - [`seed`]: a seed file's bytes through the parser, language and country detection and the
//!   blob, as `build.rs` takes them;
//! - [`url`]: a query string through [`corpus::view::state::ViewState::parse`], whose canonical
//!   form must read back as the same state, and answered over a fixed corpus;
//! - [`query`]: a search over a small multilingual corpus, partly written by the input, must
//!   return exactly what a brute-force scan returns, and mark only whole characters in bounds;
//! - [`decoder`]: any bytes given to [`corpus::CorpusBlob::from_bytes`] are refused or give a
//!   blob that can be searched and read without a panic.
//!
//! [`samples`] holds the fixed corpus and the hand-made inputs that `fuzz/corpus/` starts from.

mod check;
mod decoder;
mod query;
pub mod samples;
mod seed;
mod url;

pub use decoder::decoder;
pub use query::query;
pub use seed::seed;
pub use url::url;

/// A fuzz target's body: it panics when the input finds a bug.
pub type Target = fn(&[u8]);

/// Every target, by the name of its binary and of its folders under `fuzz/corpus/` and
/// `fuzz/artifacts/`.
pub const TARGETS: [(&str, Target); 4] = [
    ("seed", seed),
    ("url", url),
    ("query", query),
    ("decoder", decoder),
];
