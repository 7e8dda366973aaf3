//! The compact binary form of a corpus that `build.rs` embeds and the app decodes once.

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// Everything the app needs, ready to query: no raw seed text is re-parsed in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusBlob {
    /// Sorted newest first, undated last.
    pub articles: Vec<Article>,
    /// English names for every country code that occurs in `articles`, sorted by code.
    pub country_names: Vec<(String, String)>,
}

/// The embedded bytes are not a blob this version of the app understands.
#[derive(Debug, thiserror::Error)]
#[error("the embedded corpus could not be decoded: {0}")]
pub struct BlobError(#[from] postcard::Error);

impl CorpusBlob {
    /// Packs articles (already sorted newest first) with their country names.
    pub fn new(articles: Vec<Article>, country_names: Vec<(String, String)>) -> CorpusBlob {
        CorpusBlob {
            articles,
            country_names,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        // Serialising plain owned data into a Vec cannot fail.
        postcard::to_allocvec(self).unwrap_or_default()
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusBlob, BlobError> {
        Ok(postcard::from_bytes(bytes)?)
    }

    /// English name of a country code, falling back to the code itself.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        self.country_names
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .map(|i| self.country_names[i].1.as_str())
            .unwrap_or(code)
    }
}
