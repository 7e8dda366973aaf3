//! The corpus embedded at compile time by `build.rs`: opened once, at the root, and passed down
//! as a [`Corpus`] prop.

use std::fmt;
use std::ops::Deref;
use std::sync::OnceLock;

use corpus::CorpusBlob;

static BLOB_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));
static CORPUS: OnceLock<Result<CorpusBlob, String>> = OnceLock::new();

/// The decoded corpus, for the app's lifetime. Props compare it by address: there is only one.
#[derive(Clone, Copy)]
pub struct Corpus(&'static CorpusBlob);

impl Deref for Corpus {
    type Target = CorpusBlob;

    fn deref(&self) -> &CorpusBlob {
        self.0
    }
}

impl PartialEq for Corpus {
    fn eq(&self, other: &Corpus) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("articles", &self.0.len())
            .finish()
    }
}

/// Decodes the embedded corpus on the first call; every call returns the same one, or why it
/// could not be decoded (shown to the reader, never a panic).
pub fn open() -> Result<Corpus, &'static str> {
    CORPUS
        .get_or_init(|| CorpusBlob::from_static(BLOB_BYTES).map_err(|error| error.to_string()))
        .as_ref()
        .map(Corpus)
        .map_err(String::as_str)
}
