//! Folding every article's text for search ahead of the reader's queries, in the background.

use yew::{hook, use_effect_with};

use crate::data::Corpus;
use crate::frames::after_next_paint;

/// Stored text read per step of [`fold_text_ahead`]: about a millisecond of work.
const FOLD_STEP_BYTES: usize = 64 * 1024;

/// Stored text past which the app does not fold ahead. Folded text takes about 1.3 times the
/// stored text's memory again: past this size (about 20,000 articles) it would add a quarter of
/// a gigabyte or more before any search needs it, so larger corpora fold what each search
/// reads, as it reads it.
const FOLD_AHEAD_MAX_TEXT_BYTES: usize = 128 << 20;

/// Once the first view is painted, folds `corpus`'s text ahead (see [`fold_text_ahead`]).
#[hook]
pub fn use_fold_text_ahead(corpus: Corpus) {
    use_effect_with((), move |()| {
        after_next_paint(move || fold_text_ahead(corpus))
    });
}

/// Folds every article's text for search ahead of the reader's queries, a step at a time, each
/// step a task of its own so that keys and clicks go first; then marks the page
/// `<html data-text-folded="ahead">`. Until then a search folds what it reads for the first time.
/// Past [`FOLD_AHEAD_MAX_TEXT_BYTES`], and for a sharded corpus (whose texts arrive as views need
/// them), it folds nothing ahead and marks the page `data-text-folded="on-demand"`.
fn fold_text_ahead(corpus: Corpus) {
    if corpus.text_bytes() > FOLD_AHEAD_MAX_TEXT_BYTES || corpus.chunk_count() > 0 {
        mark_text_folded("on-demand");
        return;
    }
    yew::platform::spawn_local(async move {
        let mut next = 0;
        while (next as usize) < corpus.len() {
            yew::platform::time::sleep(std::time::Duration::ZERO).await;
            next = corpus.fold_ahead(next, FOLD_STEP_BYTES);
        }
        mark_text_folded("ahead");
    });
}

/// `<html data-text-folded=…>`: how search text is folded from now on (for tests and the bench).
fn mark_text_folded(how: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-text-folded", how);
    }
}
