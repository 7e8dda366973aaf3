//! Each article's own text in the blob: title, paragraphs, captions, source, file, warnings and
//! mention counts, everything the [`Catalog`] does not hold. Articles are encoded one after
//! another and decoded one at a time, when a card first needs them; a phrase check reads just
//! the searchable text in place ([`search_text`]).

use serde::ser::Error as _;
use serde::{Deserialize, Serialize, Serializer};

use crate::article::{Article, CountryMention, Warning};
use crate::store::catalog::Catalog;

/// What is stored per article, in this field order.
#[derive(Serialize)]
struct TextOut<'a> {
    /// `None` when the file is `<id>.txt`, as it nearly always is.
    file: Option<&'a str>,
    title: &'a str,
    title_derived: bool,
    /// Mentions per country, in the catalog's order of the article's countries.
    mentions: Vec<u32>,
    source: Option<&'a str>,
    captions: &'a [String],
    #[serde(serialize_with = "join_lines")]
    paragraphs: &'a [String],
    warnings: &'a [Warning],
}

/// [`TextOut`] as it decodes, borrowed from the stored bytes: [`decode`] copies it into an
/// [`Article`]; [`search_text`] reads the searchable text from it in place.
#[derive(Deserialize)]
struct TextIn<'a> {
    file: Option<&'a str>,
    title: &'a str,
    title_derived: bool,
    mentions: Vec<u32>,
    source: Option<&'a str>,
    #[serde(borrow)]
    captions: Vec<&'a str>,
    /// The `\n`-joined paragraphs.
    paragraphs: &'a str,
    warnings: Vec<Warning>,
}

/// Paragraphs travel as one `\n`-joined string: a length prefix per paragraph would interrupt
/// the text, which brotli then compresses less well.
fn join_lines<S: Serializer>(lines: &&[String], s: S) -> Result<S::Ok, S::Error> {
    if lines.iter().any(|l| l.is_empty() || l.contains('\n')) {
        return Err(S::Error::custom(
            "a paragraph is empty or holds a line break",
        ));
    }
    s.serialize_str(&lines.join("\n"))
}

/// The paragraphs of their `\n`-joined form (none when it is empty).
fn split_lines(joined: &str) -> Vec<String> {
    if joined.is_empty() {
        return Vec::new();
    }
    joined.split('\n').map(str::to_owned).collect()
}

/// An article's searchable text read in place from its stored bytes, without decoding the
/// article: the title, and the body's pieces in [`crate::search::index::DocText`] order (the
/// `\n`-joined paragraphs, each caption, the source). What searching folds on first touch.
pub(crate) struct SearchText<'a> {
    pub title: &'a str,
    pub body: Vec<&'a str>,
}

/// The searchable text of the article stored in `bytes`.
pub(crate) fn search_text(bytes: &[u8]) -> postcard::Result<SearchText<'_>> {
    let text: TextIn<'_> = postcard::from_bytes(bytes)?;
    let mut body = Vec::with_capacity(text.captions.len() + 2);
    body.push(text.paragraphs);
    body.extend(text.captions);
    body.extend(text.source);
    Ok(SearchText {
        title: text.title,
        body,
    })
}

fn default_file(id: &str) -> String {
    format!("{id}.txt")
}

/// Appends `article`'s stored text to `out`.
pub(crate) fn encode(article: &Article, out: Vec<u8>) -> postcard::Result<Vec<u8>> {
    let file = (article.file != default_file(&article.id)).then_some(article.file.as_str());
    let text = TextOut {
        file,
        title: &article.title,
        title_derived: article.title_derived,
        mentions: article.countries.iter().map(|m| m.mentions).collect(),
        source: article.source.as_deref(),
        captions: &article.captions,
        paragraphs: &article.paragraphs,
        warnings: &article.warnings,
    };
    postcard::to_extend(&text, out)
}

/// Article `index` from its stored text and the catalog's facts about it.
pub(crate) fn decode(bytes: &[u8], index: usize, catalog: &Catalog) -> postcard::Result<Article> {
    let text: TextIn<'_> = postcard::from_bytes(bytes)?;
    let id = catalog.id(index).to_owned();
    let countries = catalog
        .countries(index)
        .zip(text.mentions.iter().copied().chain(std::iter::repeat(0)))
        .map(|(code, mentions)| CountryMention {
            code: code.to_owned(),
            mentions,
        })
        .collect();
    Ok(Article {
        file: text.file.map_or_else(|| default_file(&id), str::to_owned),
        id,
        date: catalog.date(index),
        title: text.title.to_owned(),
        title_derived: text.title_derived,
        lang: catalog.lang(index).to_owned(),
        countries,
        source: text.source.map(str::to_owned),
        captions: text.captions.into_iter().map(str::to_owned).collect(),
        paragraphs: split_lines(text.paragraphs),
        warnings: text.warnings,
    })
}
