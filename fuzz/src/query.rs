//! The `query` target: search over a small multilingual corpus, some of it written by the input,
//! against brute force.

use std::sync::OnceLock;

use corpus::search::Query;
use corpus::{Article, CorpusBlob};

use crate::check::{brute_force, hits_are_sane, marks_are_sane};
use crate::samples::{article, fixed_articles, sample_blob};

/// Articles an input may write (more are ignored).
const MAX_INPUT_ARTICLES: usize = 6;

/// Reads `data` (lossily decoded) as a query and a few articles:
///
/// ```text
/// the query (the first line)
/// Title of the first article
/// a paragraph
/// @a caption
/// ~the source
///
/// Title of the second article (articles are separated by a blank line)
/// ```
///
/// The articles make a blob of their own (built, encoded and decoded for each input); the fixed
/// multilingual corpus ([`crate::samples::fixed_articles`]) is another, decoded once. For the
/// query, and for a piece of the input's first article (so that matches are common), each read
/// as typed ([`Query::parse`]), as whole words ([`Query::parse_exact`]) and quoted as a phrase,
/// checks:
///
/// - **search equals brute force**: the articles that each blob's index returns, and that the
///   index returns over the plain articles, are exactly those that [`Query::matches_fields`]
///   accepts, in order, with finite scores;
/// - every article that matches has something to highlight;
/// - [`corpus::search::highlight`] ranges, over every field, and [`corpus::search::snippet`]
///   highlights are in bounds, on char boundaries, sorted and disjoint, and a snippet is a
///   passage of its paragraph no longer than asked (on the input's articles, and on the fixed
///   articles that match).
pub fn query(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (q, rest) = text.split_once('\n').unwrap_or((&text, ""));
    let mut own = input_articles(rest);
    let piece = piece_of(own.first(), q.len());
    own.sort_by(Article::cmp_newest_first);
    let bytes = CorpusBlob::new(&own, Vec::new())
        .and_then(|blob| blob.to_bytes())
        .unwrap_or_else(|e| panic!("articles the parser could make do not encode: {e}"));
    let blob =
        CorpusBlob::from_bytes(&bytes).unwrap_or_else(|e| panic!("the blob does not decode: {e}"));

    let max_chars = [40, q.len() % 97];
    for text in [q, piece.as_str()] {
        let quoted = format!("\"{text}\"");
        for (how, query) in [
            ("typed", Query::parse(text)),
            ("exact", Query::parse_exact(text)),
            ("quoted", Query::parse_exact(&quoted)),
        ] {
            let what = format!("{how} query {text:?}");
            for (blob, articles, all_marks) in [
                (&blob, own.as_slice(), true),
                (sample_blob(), fixed_corpus(), false),
            ] {
                let want = brute_force(articles, &query);
                let got = hits_are_sane(&blob.search(&query), articles.len(), &what);
                assert_eq!(got, want, "{what}: the blob's search ≠ brute force");
                let plain = blob.index().search(&query, articles);
                let got = hits_are_sane(&plain, articles.len(), &what);
                assert_eq!(got, want, "{what}: the index over articles ≠ brute force");

                for (i, a) in articles.iter().enumerate() {
                    let matched = want.binary_search(&(i as u32)).is_ok();
                    if !(matched || all_marks) {
                        continue;
                    }
                    let marked = marks_are_sane(a, &query, &max_chars);
                    assert!(
                        marked || !matched || query.is_empty(),
                        "{what}: article {:?} matches but nothing in it is highlighted",
                        a.id
                    );
                }
            }
        }
    }
}

/// The fixed corpus's articles, made once.
fn fixed_corpus() -> &'static [Article] {
    static ARTICLES: OnceLock<Vec<Article>> = OnceLock::new();
    ARTICLES.get_or_init(fixed_articles)
}

/// The input's articles: blocks separated by a blank line; in each, the first non-empty line is
/// the title and the others are paragraphs, `@` captions or the `~` source (the last wins).
fn input_articles(text: &str) -> Vec<Article> {
    let mut out = Vec::new();
    for block in text.split("\n\n") {
        if out.len() == MAX_INPUT_ARTICLES {
            break;
        }
        let mut lines = block.split('\n').filter(|l| !l.is_empty());
        let Some(title) = lines.next() else {
            continue;
        };
        let (mut paragraphs, mut captions, mut source) = (Vec::new(), Vec::new(), None);
        for line in lines {
            if let Some(caption) = line.strip_prefix('@') {
                captions.extend((!caption.is_empty()).then_some(caption));
            } else if let Some(s) = line.strip_prefix('~') {
                source = Some(s);
            } else {
                paragraphs.push(line);
            }
        }
        let id = format!("input-{}", out.len());
        out.push(article(
            &id,
            None,
            "und",
            title,
            &paragraphs,
            &captions,
            source,
            &[],
        ));
    }
    out
}

/// A slice of `article`'s title and first paragraph, chosen by `seed`: a query that is likely to
/// match (as in the index's own property test).
fn piece_of(article: Option<&Article>, seed: usize) -> String {
    let Some(a) = article else {
        return String::new();
    };
    let text = match a.paragraphs.first() {
        Some(p) => format!("{} {p}", a.title),
        None => a.title.clone(),
    };
    let cuts: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let x = cuts[seed % cuts.len()];
    let y = cuts[seed.wrapping_mul(7).wrapping_add(3) % cuts.len()];
    text[x.min(y)..x.max(y)].to_owned()
}
