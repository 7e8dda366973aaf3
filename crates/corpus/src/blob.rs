//! The compact binary form of a corpus that `build.rs` embeds and the app decodes once.

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::index::{DocText, SearchIndex};

/// Everything the app needs, ready to query: no raw seed text is re-parsed in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusBlob {
    /// Sorted newest first, undated last.
    pub articles: Vec<Article>,
    /// English names for every country code that occurs in `articles`, sorted by code.
    pub country_names: Vec<(String, String)>,
    /// Full-text index over `articles` (document id = position in `articles`).
    pub index: SearchIndex,
}

/// The embedded bytes are not a blob this version of the app understands.
#[derive(Debug, thiserror::Error)]
#[error("the embedded corpus could not be decoded: {0}")]
pub struct BlobError(#[from] postcard::Error);

impl CorpusBlob {
    /// Packs articles (already sorted newest first) with their country names and builds the
    /// search index over them.
    pub fn new(articles: Vec<Article>, country_names: Vec<(String, String)>) -> CorpusBlob {
        let docs: Vec<DocText> = articles.iter().map(DocText::from_article).collect();
        let index = SearchIndex::build(&docs);
        CorpusBlob {
            articles,
            country_names,
            index,
        }
    }

    /// Article indices matching `query` with their relevance, best first; every article (score
    /// 0) when the query is empty.
    pub fn search(&self, query: &crate::search::Query) -> Vec<(u32, f32)> {
        self.index.search(query, self.articles.as_slice())
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
