//! `bench probe keystroke [DIR]`: types a few words a character at a time and prints, per
//! prefix, the milliseconds spent searching (parse and search), filtering, counting facets,
//! building the timeline and preparing the first page of cards (title marks and passage).

use corpus::search::{highlight, snippet};
use corpus::view::facets;
use corpus::view::results::PAGE_SIZE;
use corpus::view::state::ViewState;
use corpus::view::timeline;

use super::{answer_in_steps, check_steps, no_args, timed, Prepared};
use crate::Outcome;

const WORDS: [&str; 4] = ["police", "lua dao", "campuchia", "border"];

/// The passage length the result cards show.
const PASSAGE_CHARS: usize = corpus::view::results::SNIPPET_CHARS;

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    println!(
        "{:>12} {:>7} {:>7} {:>7} {:>7} {:>7} {:>7} {:>6} {:>7}",
        "q", "search", "filter", "facets", "timeln", "cards", "total", "hits", "card KB"
    );
    for word in WORDS {
        for end in word.char_indices().map(|(i, c)| i + c.len_utf8()) {
            let q = &word[..end];
            let state = ViewState::default()
                .set_query(q)
                .set_cross_language(false)
                .set_typo_tolerance(false);
            let steps = answer_in_steps(&blob, &state);
            let (f, facet) = timed(|| facets::facets(blob.catalog(), &state, steps.text()));
            let (tl, tline) = timed(|| timeline::timeline(blob.catalog(), &state, steps.text()));
            let ((marks, bytes), cards) = timed(|| {
                let (mut marks, mut bytes) = (0, 0);
                for i in steps.results.first(PAGE_SIZE) {
                    let Some(a) = blob.article(i) else { continue };
                    bytes += a.paragraphs.iter().map(String::len).sum::<usize>();
                    marks += highlight(&a.title, &steps.query).len();
                    marks += snippet(&a.paragraphs, &steps.query, PASSAGE_CHARS)
                        .highlights
                        .len();
                }
                (marks, bytes)
            });
            std::hint::black_box((f, tl, marks));
            let [search, filter, facet, tline, cards] = [
                steps.parse_s + steps.search_s,
                steps.filter_s,
                facet,
                tline,
                cards,
            ]
            .map(|s| s * 1e3);
            println!(
                "{q:>12} {search:7.2} {filter:7.2} {facet:7.2} {tline:7.2} {cards:7.2} {:7.2} {:6} {:7}",
                search + filter + facet + tline + cards,
                steps.results.len(),
                bytes / 1024
            );
            check_steps(&blob, &state, &steps)?;
        }
    }
    Ok(())
}
