//! What a card shows of an article, decided once for the app's cards and the static first page
//! (`ingest::first_page`), so that the two look the same: the passage under the title and how
//! many country chips come before "+N".

use crate::article::Article;
use crate::search::{snippet, Query, Snippet};

/// Country chips a closed card shows; the rest are counted ("+2") and shown when it is opened.
pub const SHOWN_CHIPS: usize = 4;

/// The passage a closed card shows under its title: the part of the text around the best match
/// of `query` (the start without one), at most `max_chars` characters. A title derived from the
/// text's first words is not repeated: the passage then starts where the title ends.
pub fn card_passage(article: &Article, query: &Query, max_chars: usize) -> Snippet {
    if !article.title_derived {
        return snippet(&article.paragraphs, query, max_chars);
    }
    snippet(&after_derived_title(article), query, max_chars)
}

/// The paragraphs without the words a derived title took from them (the first paragraph that
/// starts with them loses them; an emptied paragraph goes). A title cut short (`…`) leaves the
/// passage to start with `…`.
fn after_derived_title(article: &Article) -> Vec<String> {
    let (head, cut) = match article.title.strip_suffix('…') {
        Some(head) => (head, true),
        None => (article.title.as_str(), false),
    };
    let mut paragraphs = article.paragraphs.clone();
    if head.trim().is_empty() {
        return paragraphs;
    }
    if let Some(at) = paragraphs.iter().position(|p| p.starts_with(head)) {
        let rest = paragraphs[at][head.len()..]
            .trim_start_matches(['.', '!', '?', '。', '！', '？'])
            .trim_start();
        if rest.is_empty() {
            paragraphs.remove(at);
        } else if cut {
            paragraphs[at] = format!("…{rest}");
        } else {
            paragraphs[at] = rest.to_owned();
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(title: &str, paragraphs: &[&str]) -> Article {
        let mut article = Article::for_test("a", None, "en", &[]);
        article.title = title.into();
        article.title_derived = true;
        article.paragraphs = paragraphs.iter().map(|p| (*p).to_owned()).collect();
        article
    }

    #[test]
    fn a_derived_title_is_not_repeated_as_the_passage() {
        let none = Query::default();
        let whole = derived(
            "Police raided a compound",
            &["Police raided a compound. Forty were held.", "More."],
        );
        assert_eq!(card_passage(&whole, &none, 200).text, "Forty were held.");
        let cut = derived(
            "Police in Tak raided a compound near…",
            &["Police in Tak raided a compound near the border on Monday."],
        );
        assert_eq!(
            card_passage(&cut, &none, 200).text,
            "…the border on Monday."
        );
        let only = derived("Just this", &["Just this.", "Then that."]);
        assert_eq!(card_passage(&only, &none, 200).text, "Then that.");
        // A page-chrome first paragraph stays; the title's paragraph loses its words.
        let chrome = derived("Real start", &["Share", "Real start. Next."]);
        assert_eq!(
            after_derived_title(&chrome),
            ["Share".to_owned(), "Next.".to_owned()]
        );
        // Matches are still marked in what is left.
        let hit = card_passage(&whole, &Query::parse("forty"), 200);
        assert_eq!(hit.highlights.len(), 1);
        // A headline of its own leaves the text as it is.
        let mut headline = whole.clone();
        headline.title_derived = false;
        assert!(card_passage(&headline, &none, 200)
            .text
            .starts_with("Police raided"));
    }
}
