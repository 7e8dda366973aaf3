//! The compact binary form of a corpus that `build.rs` embeds and the app decodes once.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::fold::fold_to;
use crate::index::{DocText, Documents, Field, SearchIndex};

/// Everything the app needs, ready to query: no raw seed text is re-parsed in the browser.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusBlob {
    /// Sorted newest first, undated last.
    pub articles: Vec<Article>,
    /// English names for every country code that occurs in `articles`, sorted by code.
    pub country_names: Vec<(String, String)>,
    /// Full-text index over `articles` (document id = position in `articles`).
    pub index: SearchIndex,
    /// Each article's folded text, kept once a phrase or run query has needed it (not stored).
    #[serde(skip)]
    folded: FoldedCache,
}

/// Folded title and `"\n"`-joined body per article, filled lazily: confirming a phrase on an
/// article folds its text once per session instead of once per query.
#[derive(Default)]
struct FoldedCache(OnceLock<Vec<OnceLock<FoldedDoc>>>);

#[derive(Debug)]
struct FoldedDoc {
    title: Box<str>,
    body: Box<str>,
}

impl Clone for FoldedCache {
    fn clone(&self) -> FoldedCache {
        FoldedCache::default()
    }
}

impl PartialEq for FoldedCache {
    /// A cache never makes two corpora differ.
    fn eq(&self, _: &FoldedCache) -> bool {
        true
    }
}

impl std::fmt::Debug for FoldedCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let filled = self
            .0
            .get()
            .map_or(0, |v| v.iter().filter(|d| d.get().is_some()).count());
        write!(f, "FoldedCache({filled} articles)")
    }
}

/// The articles as [`Documents`] for the index, answering folded text from the cache.
struct CachedDocs<'a> {
    articles: &'a [Article],
    cache: &'a [OnceLock<FoldedDoc>],
}

impl Documents for CachedDocs<'_> {
    fn visit(&self, doc: u32, f: &mut dyn FnMut(Field, &str)) {
        self.articles.visit(doc, f);
    }

    fn visit_folded(&self, doc: u32, scratch: &mut String, f: &mut dyn FnMut(Field, &str)) {
        let Some(cell) = self.cache.get(doc as usize) else {
            return;
        };
        let folded = cell.get_or_init(|| {
            let text = self
                .articles
                .get(doc as usize)
                .map(DocText::from_article)
                .unwrap_or_default();
            fold_to(&text.title, scratch);
            let title = scratch.as_str().into();
            fold_to(&text.body, scratch);
            FoldedDoc {
                title,
                body: scratch.as_str().into(),
            }
        });
        f(Field::Title, &folded.title);
        f(Field::Body, &folded.body);
    }
}

/// The embedded bytes are not a blob this version of the app understands.
#[derive(Debug, thiserror::Error)]
#[error("the embedded corpus could not be decoded: {0}")]
pub struct BlobError(#[from] postcard::Error);

/// The corpus could not be packed into a blob.
#[derive(Debug, thiserror::Error)]
#[error("the corpus could not be encoded: {0}")]
pub struct BlobEncodeError(#[from] postcard::Error);

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
            folded: FoldedCache::default(),
        }
    }

    /// Article indices matching `query` with their relevance, best first; every article (score
    /// 0) when the query is empty.
    pub fn search(&self, query: &crate::search::Query) -> Vec<(u32, f32)> {
        let cache = self
            .folded
            .0
            .get_or_init(|| self.articles.iter().map(|_| OnceLock::new()).collect());
        let docs = CachedDocs {
            articles: &self.articles,
            cache,
        };
        self.index.search(query, &docs)
    }

    /// The embedded form. Fails only on an article the parser cannot produce (an empty
    /// paragraph or one holding a line break, which the compact paragraph encoding excludes).
    pub fn to_bytes(&self) -> Result<Vec<u8>, BlobEncodeError> {
        Ok(postcard::to_allocvec(self)?)
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
