//! Assertions the targets share: byte ranges that mark text, and the results of a search.

use std::ops::Range;

use corpus::search::{highlight, snippet, Query};
use corpus::Article;

/// `ranges` mark `text`: each non-empty, in bounds, on char boundaries; sorted and
/// non-overlapping, and when `merged` also not touching (adjacent marks are one mark).
pub(crate) fn ranges_mark(text: &str, ranges: &[Range<usize>], merged: bool, what: &str) {
    let mut previous_end = None;
    for r in ranges {
        assert!(
            r.start < r.end && r.end <= text.len(),
            "{what}: range {r:?} is empty or out of bounds of {} bytes in {text:?}",
            text.len()
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "{what}: range {r:?} cuts a character in {text:?}"
        );
        if let Some(end) = previous_end {
            assert!(
                end < r.start || (!merged && end == r.start),
                "{what}: ranges {ranges:?} are not sorted and disjoint in {text:?}"
            );
        }
        previous_end = Some(r.end);
    }
}

/// The body parts of an article as the index reads them: paragraphs, captions, source.
pub(crate) fn body(article: &Article) -> impl Iterator<Item = &str> {
    article
        .paragraphs
        .iter()
        .chain(&article.captions)
        .chain(&article.source)
        .map(String::as_str)
}

/// Indices of `articles` that `query` matches by brute force ([`Query::matches_fields`]); every
/// article for an empty query, as the index answers it.
pub(crate) fn brute_force(articles: &[Article], query: &Query) -> Vec<u32> {
    (0..articles.len())
        .filter(|&i| {
            let a = &articles[i];
            query.is_empty() || query.matches_fields(&a.title, body(a))
        })
        .filter_map(|i| u32::try_from(i).ok())
        .collect()
}

/// Search hits, `(article, score)`: in article order, no repeats, below `len`, finite scores.
/// Returns the article indices.
pub(crate) fn hits_are_sane(hits: &[(u32, f32)], len: usize, what: &str) -> Vec<u32> {
    let mut previous = None;
    for &(doc, score) in hits {
        assert!(
            (doc as usize) < len,
            "{what}: hit {doc} is past the {len} articles"
        );
        assert!(
            previous.is_none_or(|p| p < doc),
            "{what}: hits are not in article order without repeats: {hits:?}"
        );
        assert!(
            score.is_finite() && score >= 0.0,
            "{what}: article {doc} scores {score}"
        );
        previous = Some(doc);
    }
    hits.iter().map(|&(doc, _)| doc).collect()
}

/// Highlights and snippets of every field of `article` for `query` are well formed. Returns
/// whether anything was marked.
pub(crate) fn marks_are_sane(article: &Article, query: &Query, max_chars: &[usize]) -> bool {
    let mut marked = false;
    for field in std::iter::once(article.title.as_str()).chain(body(article)) {
        let ranges = highlight(field, query);
        ranges_mark(field, &ranges, true, "highlight");
        assert!(
            ranges.is_empty() || !query.is_empty(),
            "highlight: an empty query marks {ranges:?} in {field:?}"
        );
        marked |= !ranges.is_empty();
    }
    for &max in max_chars {
        let s = snippet(&article.paragraphs, query, max);
        let what = format!("snippet of {max} chars");
        let Some(paragraph) = article.paragraphs.get(s.paragraph) else {
            assert!(
                article.paragraphs.is_empty() && s == Default::default(),
                "{what}: paragraph {} of {} in {s:?}",
                s.paragraph,
                article.paragraphs.len()
            );
            continue;
        };
        ranges_mark(&s.text, &s.highlights, false, &what);
        let chars = s.text.chars().count();
        assert!(
            chars <= max.max(1) + 2,
            "{what}: {chars} characters in {:?}",
            s.text
        );
        let inner = s.text.strip_prefix('…').unwrap_or(&s.text);
        let cut = [
            s.text.as_str(),
            inner,
            s.text.strip_suffix('…').unwrap_or(&s.text),
            inner.strip_suffix('…').unwrap_or(inner),
        ];
        assert!(
            cut.iter().any(|c| paragraph.contains(c)),
            "{what}: {:?} is not a passage of {paragraph:?}",
            s.text
        );
    }
    marked
}
