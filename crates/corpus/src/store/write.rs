//! The blob's writer, run at build time (by `ingest`'s callers: `build.rs`, the bench): articles
//! → the search index, the catalog and each article's stored text → bytes.

use std::borrow::Cow;

use crate::article::Article;
use crate::search::expand::Expansions;
use crate::search::index::{DocText, SearchIndex};
use crate::store::article_text;
use crate::store::catalog::{Catalog, CatalogOverflow};
use crate::store::chunks::{chunk_ends_for, chunk_span, Texts};
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
    #[error("a chunked corpus cannot be written again")]
    Chunked,
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
            chunk_ends: Vec::new(),
            expansions: Expansions::default(),
        };
        Ok(CorpusBlob::assemble(
            head,
            text_ends,
            Texts::Whole(Cow::Owned(texts)),
        ))
    }

    /// The same corpus with its near-duplicate groups (article indices), which the explorer shows
    /// as one card with "other versions".
    pub fn with_versions(mut self, groups: Vec<Vec<u32>>) -> Result<CorpusBlob, BlobEncodeError> {
        let catalog = std::mem::take(&mut self.head.catalog);
        self.head.catalog = catalog.with_versions(groups)?;
        Ok(self)
    }

    /// The same corpus with the places, people and organizations its articles name (see
    /// [`Catalog::with_entities`]).
    pub fn with_entities(
        mut self,
        table: Vec<crate::store::catalog::EntityInfo>,
        per_article: Vec<Vec<u32>>,
    ) -> Result<CorpusBlob, BlobEncodeError> {
        let catalog = std::mem::take(&mut self.head.catalog);
        self.head.catalog = catalog.with_entities(table, per_article)?;
        Ok(self)
    }

    /// The same corpus with a table of names to search across languages.
    pub fn with_expansions(mut self, expansions: Expansions) -> CorpusBlob {
        self.head.expansions = expansions;
        self
    }

    /// The embedded form: one blob, its texts after its head.
    pub fn to_bytes(&self) -> Result<Vec<u8>, BlobEncodeError> {
        let Texts::Whole(texts) = &self.texts else {
            return Err(BlobEncodeError::Chunked);
        };
        let mut head = postcard::to_allocvec(&self.head)?;
        head.extend_from_slice(texts);
        Ok(head)
    }

    /// The chunked form: the core (the head, which says where each file ends) and the files
    /// after it: the texts in chunks of whole articles of about `chunk_bytes` each
    /// (`chunks.rs`), then the index's posting lists in shards of about `shard_bytes` each.
    pub fn to_chunked_bytes(
        &self,
        chunk_bytes: usize,
        shard_bytes: usize,
    ) -> Result<(Vec<u8>, Vec<Vec<u8>>), BlobEncodeError> {
        let Texts::Whole(texts) = &self.texts else {
            return Err(BlobEncodeError::Chunked);
        };
        let mut head = self.head.clone();
        head.chunk_ends = chunk_ends_for(&self.text_ends, chunk_bytes);
        let (index, shards) = self.head.index.split_postings(shard_bytes);
        head.index = index;
        let core = postcard::to_allocvec(&head)?;
        let mut chunks: Vec<Vec<u8>> = (0..head.chunk_ends.len())
            .map(|chunk| {
                let bytes = chunk_span(&head.chunk_ends, &self.text_ends, chunk);
                texts.get(bytes).unwrap_or_default().to_vec()
            })
            .collect();
        chunks.extend(shards);
        Ok((core, chunks))
    }
}
