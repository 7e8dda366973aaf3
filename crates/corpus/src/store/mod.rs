//! The compact binary form of a corpus that `corpus pack` writes and the app decodes at start-up.
//!
//! # Layout
//!
//! `postcard(head) ++ texts`. The head holds the [`Catalog`] (id, date, language and countries
//! of every article), the country names, the [`SearchIndex`], the length of each article's
//! stored text and, for a chunked blob, where its chunks end; `texts` is every article's own
//! text (`article_text.rs`), one after another. A chunked blob's file is its head alone (the
//! *core*), and its texts come in chunks of whole articles, files of their own (`chunks.rs`). Decoding reads the head only: an article's text is decoded when first asked for
//! ([`CorpusBlob::article`]), so start-up does not allocate tens of thousands of strings, and
//! [`CorpusBlob::from_static`] reads the texts in place, without a copy.
//!
//! # Checks
//!
//! Decoding returns a [`BlobError`], never panics, on any truncated or damaged bytes that the
//! searches or the view could trip on: postcard checks every length against the bytes left; the
//! catalog checks its arrays agree and its numbers and dates are in range ([`Catalog`]); the
//! article texts' lengths must add up to the bytes after the head (a chunk's to its bytes), one
//! per article; the index
//! must count the same articles and pass [`SearchIndex::validate`], one walk over its dictionary
//! and postings. An article's own text is checked when it is first decoded: one that does not
//! decode is `None` ([`CorpusBlob::article`]) and searches find nothing in it. Every call on a
//! decoded blob (searching, reading articles, the view) then returns without panicking.

mod article_text;
pub mod catalog;
mod chunks;
#[cfg(test)]
mod damaged;
mod packs;
mod parts;
mod searchable;
mod write;

pub use write::BlobEncodeError;

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::search::expand::Expansions;
use crate::search::index::SearchIndex;
use catalog::Catalog;
pub use chunks::TEXT_BUDGET_BYTES;
use chunks::{check_chunk_ends, Texts};
pub use packs::{encode_table, PackRequest, TextPacks};
use parts::ends_of;
use searchable::FoldedDoc;
pub use searchable::FOLDED_BUDGET_BYTES;

/// Everything the app needs, ready to query: no raw seed text is re-parsed in the browser.
#[derive(Debug)]
pub struct CorpusBlob {
    head: Head,
    /// Where each article's stored text ends in the texts laid end to end (from
    /// `head.text_lens`).
    text_ends: Vec<u32>,
    texts: Texts,
    /// Articles decoded so far (one slot per article, made on first use).
    decoded: OnceLock<Vec<OnceLock<Option<Article>>>>,
    /// Each article's folded text, kept once a phrase or run query has needed it (within a
    /// budget for a sharded corpus: `searchable.rs`).
    folded: OnceLock<Vec<OnceLock<FoldedDoc>>>,
    /// Bytes of folded text kept in `folded`.
    folded_bytes: std::sync::atomic::AtomicUsize,
    /// What searches confirmed on texts a sharded corpus may have let go since.
    confirmations: searchable::Confirmations,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Head {
    catalog: Catalog,
    /// English names for every country code that occurs in the articles, sorted by code.
    country_names: Vec<(String, String)>,
    /// Full-text index (document id = article index).
    index: SearchIndex,
    /// Bytes of each article's stored text in `texts`.
    text_lens: Vec<u32>,
    /// Where each chunk of texts ends (an article index, exclusive); empty when the texts follow
    /// the head.
    chunk_ends: Vec<u32>,
    /// Names that mean the same in other languages, for search across languages.
    expansions: Expansions,
}

/// The embedded bytes are not a blob this version of the app understands.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    #[error("the corpus could not be decoded: {0}")]
    Decode(#[from] postcard::Error),
    #[error("the corpus is inconsistent: {0}")]
    Inconsistent(&'static str),
}

impl CorpusBlob {
    fn assemble(head: Head, text_ends: Vec<u32>, texts: Texts) -> CorpusBlob {
        CorpusBlob {
            head,
            text_ends,
            texts,
            decoded: OnceLock::new(),
            folded: OnceLock::new(),
            folded_bytes: Default::default(),
            confirmations: Default::default(),
        }
    }

    /// Decodes a blob, copying the article texts, or the core of a chunked one (its chunks then
    /// come with [`CorpusBlob::add_chunk`]).
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusBlob, BlobError> {
        let (head, texts) = postcard::take_from_bytes::<Head>(bytes)?;
        CorpusBlob::checked(head, Cow::Owned(texts.to_vec()))
    }

    /// Decodes a blob that lives as long as the program (the app's embedded bytes), reading the
    /// article texts in place.
    pub fn from_static(bytes: &'static [u8]) -> Result<CorpusBlob, BlobError> {
        let (head, texts) = postcard::take_from_bytes::<Head>(bytes)?;
        CorpusBlob::checked(head, Cow::Borrowed(texts))
    }

    fn checked(head: Head, texts: Cow<'static, [u8]>) -> Result<CorpusBlob, BlobError> {
        let text_ends = ends_of(&head.text_lens).ok_or(BlobError::Inconsistent("article texts"))?;
        let n = head.catalog.len();
        let end = text_ends.last().map_or(0, |&e| e as usize);
        check_chunk_ends(&head.chunk_ends, n)?;
        let chunked = !head.chunk_ends.is_empty();
        // A core has nothing after its head; a whole blob has exactly its texts.
        let expected = if chunked { 0 } else { end };
        if text_ends.len() != n || expected != texts.len() {
            return Err(BlobError::Inconsistent("article texts"));
        }
        // Postings in shards come only with texts in chunks (`to_chunked_bytes`).
        if head.index.doc_count() as usize != n || (head.index.is_sharded() && !chunked) {
            return Err(BlobError::Inconsistent("index"));
        }
        head.index.validate().map_err(BlobError::Inconsistent)?;
        let texts = if chunked {
            Texts::Chunked(chunks::ChunkSlots::new(head.chunk_ends.len()))
        } else {
            Texts::Whole(texts)
        };
        Ok(CorpusBlob::assemble(head, text_ends, texts))
    }

    /// How many articles there are.
    pub fn len(&self) -> usize {
        self.head.catalog.len()
    }

    pub fn is_empty(&self) -> bool {
        self.head.catalog.is_empty()
    }

    /// Id, date, language and countries of every article, without decoding any text.
    pub fn catalog(&self) -> &Catalog {
        &self.head.catalog
    }

    /// Article `index`, decoded on first use. `None` past the end, while its chunk has not
    /// arrived ([`CorpusBlob::has_text`]), or if its stored text does not decode (`corpus pack`
    /// checks that every article does, so the app never sees that).
    pub fn article(&self, index: u32) -> Option<&Article> {
        let slots = self
            .decoded
            .get_or_init(|| (0..self.len()).map(|_| OnceLock::new()).collect());
        let slot = slots.get(index as usize)?;
        if let Some(decoded) = slot.get() {
            return decoded.as_ref();
        }
        let bytes = self.stored(index)?;
        slot.get_or_init(|| article_text::decode(&bytes, index as usize, &self.head.catalog).ok())
            .as_ref()
    }

    /// Whether article `index` has been decoded (its card can show without its text).
    fn is_decoded(&self, index: u32) -> bool {
        self.decoded
            .get()
            .and_then(|slots| slots.get(index as usize))
            .is_some_and(|slot| slot.get().is_some_and(Option::is_some))
    }

    /// Every article, in order, decoding each (for tools and tests; the app asks for few).
    pub fn articles(&self) -> impl Iterator<Item = &Article> {
        (0..self.len()).filter_map(|i| self.article(u32::try_from(i).ok()?))
    }

    /// The full-text index.
    pub fn index(&self) -> &SearchIndex {
        &self.head.index
    }

    /// The names a query word also searches in other languages.
    pub fn expansions(&self) -> &Expansions {
        &self.head.expansions
    }

    /// The stored texts' size in bytes (whether or not their chunks are here).
    pub fn text_bytes(&self) -> usize {
        self.text_ends.last().map_or(0, |&end| end as usize)
    }

    /// English name of a country code, falling back to the code itself.
    pub fn country_name<'a>(&'a self, code: &'a str) -> &'a str {
        let names = &self.head.country_names;
        names
            .binary_search_by(|(c, _)| c.as_str().cmp(code))
            .map(|i| names[i].1.as_str())
            .unwrap_or(code)
    }
}

#[cfg(test)]
mod tests {
    use super::searchable::CachedDocs;
    use super::*;
    use crate::search::fold::fold;
    use crate::search::index::DocText;

    fn article(
        id: &str,
        title: &str,
        paragraphs: &[&str],
        captions: &[&str],
        source: Option<&str>,
    ) -> Article {
        let owned = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect();
        Article {
            id: id.to_owned(),
            file: format!("{id}.txt"),
            date: None,
            title: title.to_owned(),
            title_derived: false,
            lang: "und".to_owned(),
            countries: Vec::new(),
            source: source.map(str::to_owned),
            captions: owned(captions),
            paragraphs: owned(paragraphs),
            warnings: Vec::new(),
        }
    }

    /// What a search folds on first touch, read in place from the stored bytes, is the folded
    /// text of the decoded article as the index saw it.
    #[test]
    fn folded_in_place_equals_the_decoded_articles_text() {
        let articles = vec![
            article(
                "a",
                "Đông Nam Á",
                &["Một đoạn.", "Hai ĐOẠN"],
                &["Ảnh: TTXVN"],
                Some("TTXVN"),
            ),
            article("b", "แก๊งคอลเซ็นเตอร์", &["ถูกจับ ２０２５"], &[], None),
            article("c", "Only a title", &[], &[], None),
            article(
                "d",
                "No paragraphs",
                &[],
                &["A caption", "Another"],
                Some("Source"),
            ),
            article("e", "", &["打击网络诈骗。"], &[], Some("新华社")),
        ];
        let mut articles = articles;
        // A file name other than `<id>.txt` is stored; the usual one is not.
        articles[2].file = "renamed.txt".to_owned();
        let blob = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        let cache: Vec<OnceLock<FoldedDoc>> = articles.iter().map(|_| OnceLock::new()).collect();
        let kept = std::sync::atomic::AtomicUsize::new(0);
        let docs = CachedDocs {
            blob: &blob,
            cache: &cache,
            kept: &kept,
            budget: usize::MAX,
            confirmations: None,
        };
        let mut scratch = String::new();
        for (i, a) in articles.iter().enumerate() {
            let want = DocText::from_article(a);
            let (title, body) = docs
                .with_folded(i as u32, &mut scratch, |got| {
                    (got.title.to_string(), got.body.to_string())
                })
                .expect("in range");
            assert_eq!(title, fold(&want.title));
            assert_eq!(body, fold(&want.body));
        }
        // Nothing was decoded on the way.
        assert!(blob.decoded.get().is_none());
        // The same stored bytes decode back to the articles.
        for (i, a) in articles.iter().enumerate() {
            assert_eq!(blob.article(i as u32), Some(a));
        }
    }

    /// A phrase whose confirmation would read more than CONFIRM_TEXT_BYTES_AT_MOST of text is
    /// answered from the index alone: no article holding it is missed, articles holding its
    /// words apart may be in, and the answer says so; a rarer phrase is confirmed as before.
    #[test]
    fn a_phrase_too_common_to_confirm_is_answered_from_the_index_and_says_so() {
        use crate::view::answer;
        use crate::view::state::ViewState;
        // Articles of about 60 bytes of stored text: more of them than the bound holds.
        let n = searchable::CONFIRM_TEXT_BYTES_AT_MOST / 40;
        let articles: Vec<Article> = (0..n)
            .map(|i| {
                let body = if i % 2 == 0 {
                    "the call centre was raided"
                } else {
                    "a centre to call for help"
                };
                let body = if i == 7 { "a rare scam compound" } else { body };
                article(&format!("a{i}"), &format!("Title {i}"), &[body], &[], None)
            })
            .collect();
        let whole = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        // One article a chunk.
        let (core, chunks) = whole.to_chunked_bytes(1, 1 << 20).expect("splits");
        let chunked = CorpusBlob::from_bytes(&core).expect("decodes");
        let settle = |view: &str| loop {
            let got = answer(&chunked, &ViewState::parse(view).0);
            if got.texts_missing.is_empty() {
                break got;
            }
            for &c in &got.texts_missing {
                chunked
                    .add_chunk(c, chunks[c as usize].clone())
                    .expect("adds");
            }
        };
        let common = settle("q=%22call+centre%22");
        assert!(common.unconfirmed);
        let want = answer(&whole, &ViewState::parse("q=%22call+centre%22").0);
        assert!(!want.unconfirmed);
        let hits = |a: &crate::view::Answer| -> Vec<u32> {
            a.hits
                .as_ref()
                .map_or_else(Vec::new, |h| h.iter().map(|&(d, _)| d).collect())
        };
        // Every true match is in; so are the articles with both words apart, and no other.
        assert!(hits(&want).iter().all(|d| hits(&common).contains(d)));
        assert_eq!(hits(&common).len(), n - 1);
        assert!(
            chunked.text_bytes_held() < whole.text_bytes() / 4,
            "it read few texts"
        );
        // A rare phrase is confirmed on the text as before.
        let rare = settle("q=%22scam+compound%22");
        assert!(!rare.unconfirmed);
        assert_eq!(
            rare.hits,
            answer(&whole, &ViewState::parse("q=%22scam+compound%22").0).hits
        );
    }

    /// The build lays text chunks by language, then in corpus order: each chunk once.
    #[test]
    fn text_chunks_are_laid_by_language_then_in_order() {
        let langs = ["th", "en", "th", "vi", "en", "th"];
        let articles: Vec<Article> = langs
            .iter()
            .enumerate()
            .map(|(i, lang)| Article {
                lang: (*lang).to_owned(),
                ..article(&format!("a{i}"), "Title", &["body text"], &[], None)
            })
            .collect();
        let whole = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        assert!(whole.text_chunk_layout().is_empty());
        // One article a chunk.
        let (core, _) = whole.to_chunked_bytes(1, 1 << 20).expect("splits");
        let chunked = CorpusBlob::from_bytes(&core).expect("decodes");
        let layout = chunked.text_chunk_layout();
        let laid: Vec<&str> = layout
            .iter()
            .map(|&c| chunked.catalog().lang(c as usize))
            .collect();
        assert_eq!(laid, ["en", "en", "th", "th", "th", "vi"]);
        assert_eq!(layout, [1, 4, 0, 2, 5, 3]);
    }

    /// Past the budget of folded text kept, a search folds on the fly and finds the same.
    #[test]
    fn a_search_past_the_folded_budget_keeps_nothing_and_finds_the_same() {
        let articles: Vec<Article> = (0..6)
            .map(|i| {
                let body = format!("Đoạn số {i}: cảnh sát biên giới và แก๊งคอลเซ็นเตอร์");
                article(&format!("a{i}"), "Tiêu đề", &[body.as_str()], &[], None)
            })
            .collect();
        let blob = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        let cache: Vec<OnceLock<FoldedDoc>> = articles.iter().map(|_| OnceLock::new()).collect();
        let kept = std::sync::atomic::AtomicUsize::new(0);
        for budget in [0, 60, usize::MAX] {
            let docs = CachedDocs {
                blob: &blob,
                cache: &cache,
                kept: &kept,
                budget,
                confirmations: None,
            };
            for q in ["\"canh sat bien\"", "คอลเซ็นเตอร์", "\"so 3\""] {
                let query = crate::search::Query::parse(q);
                assert_eq!(
                    blob.index().search(&query, &docs),
                    blob.search(&query),
                    "{q}"
                );
            }
            let held = kept.load(std::sync::atomic::Ordering::Relaxed);
            assert!(held <= budget, "{held} > {budget}");
            assert_eq!(
                cache.iter().filter(|c| c.get().is_some()).count() == 0,
                held == 0
            );
        }
        // The blob's own searches (a whole blob: no budget) kept what they folded.
        assert!(blob.folded_bytes() > 0);
    }

    #[test]
    fn folding_ahead_goes_step_by_step_and_changes_no_result() {
        let articles: Vec<Article> = (0..5)
            .map(|i| {
                let body = format!("Đoạn số {i}: cảnh sát biên giới và แก๊งคอลเซ็นเตอร์");
                article(&format!("a{i}"), "Tiêu đề", &[body.as_str()], &[], None)
            })
            .collect();
        let cold = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        let warm = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        // A budget of one byte folds one article a step; the last step says it is done.
        let steps: Vec<u32> = (0..5).map(|from| warm.fold_ahead(from, 1)).collect();
        assert_eq!(steps, [1, 2, 3, 4, 5]);
        assert_eq!(warm.fold_ahead(5, 1), 5);
        assert_eq!(warm.fold_ahead(0, usize::MAX), 5);
        let cache = warm.folded.get().expect("folded");
        assert!(cache.iter().all(|cell| cell.get().is_some()));
        for q in ["\"canh sat bien\"", "คอลเซ็นเตอร์", "\"so 3\"", "tieu"] {
            let query = crate::search::Query::parse(q);
            assert_eq!(warm.search(&query), cold.search(&query), "{q}");
        }
    }

    /// A chunked blob answers as the whole one does once the chunks its answer names are added,
    /// and reads no article whose chunk has not arrived.
    #[test]
    fn a_chunked_blob_answers_as_the_whole_one_once_its_chunks_are_in() {
        use crate::view::answer;
        use crate::view::state::ViewState;
        let bodies = [
            "Cảnh sát biên giới bắt giữ nghi phạm lừa đảo.",
            "Police raid a call centre in Myawaddy.",
            "ตำรวจจับแก๊งคอลเซ็นเตอร์ที่ชายแดน",
            "The call centre was a scam compound.",
            "打击网络诈骗，边境警察。",
            "Call the centre: police say no raid.",
        ];
        let articles: Vec<Article> = (0..12)
            .map(|i| {
                let body = bodies[i % bodies.len()];
                article(&format!("a{i}"), &format!("Title {i}"), &[body], &[], None)
            })
            .collect();
        let whole = CorpusBlob::new(&articles, Vec::new()).expect("packs");
        let (core, chunks) = whole.to_chunked_bytes(30, 30).expect("splits");
        let texts = chunks.len()
            - CorpusBlob::from_bytes(&core)
                .expect("decodes")
                .index()
                .shard_count();
        assert!(texts > 2, "{texts} text chunks");
        assert!(
            chunks.len() > texts + 2,
            "{} postings shards",
            chunks.len() - texts
        );
        assert_eq!(
            chunks[..texts].iter().map(Vec::len).sum::<usize>(),
            whole.text_bytes()
        );
        let (_, postings) = whole.index().byte_sizes();
        assert!(chunks[texts..].iter().map(Vec::len).sum::<usize>() >= postings);
        for view in [
            "q=%22call+centre%22",
            "q=คอลเซ็นเตอร์",
            "q=police",
            "q=pol",
            "q=%22no+raid%22&sort=oldest",
            "q=打击",
            "",
        ] {
            let chunked = CorpusBlob::from_bytes(&core).expect("the core decodes");
            assert_eq!(chunked.chunk_count(), chunks.len());
            assert_eq!(chunked.text_bytes(), whole.text_bytes());
            let (state, _) = ViewState::parse(view);
            let want = answer(&whole, &state);
            assert!(want.texts_missing.is_empty());
            // The postings shards first, then the texts their candidates are confirmed on.
            let mut rounds = 0;
            let got = loop {
                let got = answer(&chunked, &state);
                if got.texts_missing.is_empty() {
                    break got;
                }
                rounds += 1;
                assert!(rounds <= 2, "{view}: {rounds} rounds");
                for &c in &got.texts_missing {
                    assert!(chunked.chunk_len(c) > 0);
                    chunked
                        .add_chunk(c, chunks[c as usize].clone())
                        .expect("adds");
                }
            };
            assert_eq!(got.results, want.results, "{view}");
            assert_eq!(got.hits, want.hits, "{view}");
            assert_eq!(got.counts(&chunked, &state), want.counts(&whole, &state));
            // A query fetches its own terms' shards, never all of them.
            if !view.is_empty() {
                assert!(chunked.index().shards_here() > 0, "{view}");
            }
            assert!(
                chunked.index().shards_here() < chunked.index().shard_count(),
                "{view}"
            );
            // Cards: only what has arrived decodes; the rest arrives on asking.
            let page = got.results.all();
            for &i in &page {
                assert_eq!(chunked.article(i).is_some(), chunked.has_text(i));
            }
            let needed = got.texts_needed(&chunked, 0..page.len());
            assert_eq!(needed, chunked.chunks_missing_for(page.iter().copied()));
            assert!(got.texts_needed(&whole, 0..page.len()).is_empty());
            for c in needed {
                chunked
                    .add_chunk(c, chunks[c as usize].clone())
                    .expect("adds");
            }
            for &i in &page {
                assert_eq!(chunked.article(i), whole.article(i));
            }
        }
        // Texts let go once answered: the confirmations are remembered, so the same views
        // answer alike and ask for no text again; a card decoded before keeps showing.
        let chunked = CorpusBlob::from_bytes(&core).expect("the core decodes");
        for (c, bytes) in chunks.iter().enumerate() {
            chunked.add_chunk(c as u32, bytes.clone()).expect("adds");
        }
        assert_eq!(chunked.text_bytes_held(), whole.text_bytes());
        let views = [
            "q=%22call+centre%22",
            "q=คอลเซ็นเตอร์",
            "q=%22no+raid%22+police",
        ];
        let answers: Vec<_> = views
            .iter()
            .map(|v| answer(&chunked, &ViewState::parse(v).0))
            .collect();
        assert!(chunked.article(0).is_some());
        chunked.trim_texts(&[1], 0);
        assert_eq!(chunked.text_bytes_held(), chunked.chunk_len(1));
        assert!(chunked.has_text(0), "decoded before");
        for (view, before) in views.iter().zip(&answers) {
            let again = answer(&chunked, &ViewState::parse(view).0);
            assert!(
                again.texts_missing.is_empty(),
                "{view}: {:?}",
                again.texts_missing
            );
            assert_eq!(again.results, before.results, "{view}");
            assert_eq!(again.hits, before.hits, "{view}");
        }
        // A query not confirmed before asks for the texts again.
        let new = answer(&chunked, &ViewState::parse("q=%22raid+a%22").0);
        assert!(!new.texts_missing.is_empty());
        chunked.trim_texts(&[], usize::MAX);
        assert_eq!(chunked.text_bytes_held(), chunked.chunk_len(1));

        // Every shard checks against the dictionary; a damaged one does not.
        let chunked = CorpusBlob::from_bytes(&core).expect("the core decodes");
        for (c, bytes) in chunks.iter().enumerate().skip(texts) {
            let mut damaged = bytes.clone();
            if let Some(first) = damaged.first_mut() {
                *first = 0xFF;
            }
            assert!(chunked.add_chunk(c as u32, damaged).is_err(), "shard {c}");
            chunked.add_chunk(c as u32, bytes.clone()).expect("adds");
        }
        assert_eq!(chunked.index().shards_here(), chunked.index().shard_count());
        let chunked = CorpusBlob::from_bytes(&core).expect("the core decodes");
        assert!(chunked.add_chunk(0, vec![0; 3]).is_err(), "wrong length");
        assert!(chunked.add_chunk(chunks.len() as u32, Vec::new()).is_err());
        assert!(
            whole.add_chunk(0, chunks[0].clone()).is_err(),
            "a whole blob"
        );
        assert!(chunked.to_bytes().is_err());
        // A core with texts after it, or a whole blob cut short, is not a core.
        let mut longer = core.clone();
        longer.push(0);
        assert!(CorpusBlob::from_bytes(&longer).is_err());
    }
}
