//! The blob's writer, run at build time (by `ingest`'s callers: `build.rs`, the bench): articles
//! → the search index, the catalog and each article's stored text → bytes.

use std::borrow::Cow;

use crate::article::Article;
use crate::search::index::{DocText, SearchIndex};
use crate::store::article_text;
use crate::store::catalog::{Catalog, CatalogOverflow};
use crate::store::parts::ends_of;
use crate::store::{CorpusBlob, Head};

/// The corpus could not be packed into a blob.
#[derive(Debug, thiserror::Error)]
pub enum BlobEncodeError {
    #[error("the corpus could not be encoded: {0}")]
    Encode(#[from] postcard::Error),
    #[error("article {id}: {source}")]
    Article { id: String, source: postcard::Error },
    #[error(transparent)]
    Catalog(#[from] CatalogOverflow),
    #[error("the corpus text is larger than 4 GiB")]
    TooLarge,
}

impl CorpusBlob {
    /// Packs articles (already sorted newest first) with their country names and builds the
    /// search index over them. Fails only on an article the parser cannot produce (an empty
    /// paragraph or one holding a line break, which the compact paragraph encoding excludes).
    pub fn new(
        articles: &[Article],
        country_names: Vec<(String, String)>,
    ) -> Result<CorpusBlob, BlobEncodeError> {
        let docs: Vec<DocText> = articles.iter().map(DocText::from_article).collect();
        let index = SearchIndex::build(&docs);
        let mut texts = Vec::new();
        let mut text_lens = Vec::with_capacity(articles.len());
        for article in articles {
            let start = texts.len();
            texts = article_text::encode(article, texts).map_err(|source| {
                BlobEncodeError::Article {
                    id: article.id.clone(),
                    source,
                }
            })?;
            let len = u32::try_from(texts.len() - start).map_err(|_| BlobEncodeError::TooLarge)?;
            text_lens.push(len);
        }
        let text_ends = ends_of(&text_lens).ok_or(BlobEncodeError::TooLarge)?;
        let head = Head {
            catalog: Catalog::from_articles(articles)?,
            country_names,
            index,
            text_lens,
        };
        Ok(CorpusBlob::assemble(head, text_ends, Cow::Owned(texts)))
    }

    /// The same corpus with its near-duplicate groups (article indices), which the explorer shows
    /// as one card with "other versions".
    pub fn with_versions(mut self, groups: Vec<Vec<u32>>) -> Result<CorpusBlob, BlobEncodeError> {
        let catalog = std::mem::take(&mut self.head.catalog);
        self.head.catalog = catalog.with_versions(groups)?;
        Ok(self)
    }

    /// The embedded form.
    pub fn to_bytes(&self) -> Result<Vec<u8>, BlobEncodeError> {
        let mut bytes = postcard::to_allocvec(&self.head)?;
        bytes.extend_from_slice(&self.texts);
        Ok(bytes)
    }
}
