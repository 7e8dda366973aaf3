//! The `url` target: a URL's query string as the explorer reads it.

use corpus::search::{highlight, snippet};
use corpus::view::state::ViewState;
use corpus::view::{answer, counts};

use crate::check::{marks_are_sane, ranges_mark};
use crate::samples::sample_blob;

/// Reads `data` (lossily decoded) as a query string with [`ViewState::parse`]. Checks:
///
/// - the state is normalised, and its notices format;
/// - **round trip**: its canonical form ([`ViewState::to_query`]) parses, with no notice, to
///   the same state, whose canonical form is the same string (also with a leading `?`);
/// - the fixed corpus ([`crate::samples::fixed_articles`]) answers the state without a panic:
///   results within the corpus and without repeats, the same counts whether computed from the
///   answer or afresh, and well-formed marks on the first results' titles and snippets.
pub fn url(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (state, notices) = ViewState::parse(&text);
    for notice in &notices {
        let _ = notice.to_string();
    }
    assert_eq!(state, state.normalized(), "parse gives a normalised state");

    let canonical = state.to_query();
    let (again, notices) = ViewState::parse(&canonical);
    assert_eq!(again, state, "the state of {canonical:?} differs");
    assert!(
        notices.is_empty(),
        "the canonical query {canonical:?} has notices: {notices:?}"
    );
    assert_eq!(again.to_query(), canonical, "to_query is not stable");
    let (marked, _) = ViewState::parse(&format!("?{canonical}"));
    assert_eq!(marked, state, "a leading `?` changes {canonical:?}");

    let blob = sample_blob();
    let answered = answer(blob, &state);
    let results = answered.results.all();
    assert!(
        results.len() <= blob.len(),
        "{} results from {} articles",
        results.len(),
        blob.len()
    );
    let mut seen = vec![false; blob.len()];
    for &i in &results {
        let slot = seen.get_mut(i as usize);
        assert!(
            slot.as_ref().is_some_and(|s| !**s),
            "result {i} is repeated or past the corpus"
        );
        if let Some(s) = slot {
            *s = true;
        }
    }
    assert_eq!(
        answered.counts(blob, &state),
        counts(blob, &state),
        "counts from the answer and afresh differ"
    );
    for &i in answered.results.first(3).iter() {
        let article = blob.article(i).expect("a result's article decodes");
        let _ = marks_are_sane(article, &answered.query, &[160]);
        ranges_mark(
            &article.title,
            &highlight(&article.title, &answered.query),
            true,
            "title highlight",
        );
        let s = snippet(&article.paragraphs, &answered.query, 160);
        ranges_mark(&s.text, &s.highlights, false, "snippet");
    }
}
