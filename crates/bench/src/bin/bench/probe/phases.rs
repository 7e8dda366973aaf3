//! `bench probe phases [DIR]`: the mean time of each step of answering the bench's views (parse
//! the URL, parse the text query, search, filter), over 200 passes of the query set.

use corpus::view::state::ViewState;

use super::{answer_in_steps, check_steps, no_args, timed, view_of, Prepared};
use crate::Outcome;

const PASSES: u32 = 200;

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    let urls: Vec<String> = prepared.queries()?.iter().map(|q| q.url()).collect();
    for url in &urls {
        let state = view_of(url)?;
        check_steps(&blob, &state, &answer_in_steps(&blob, &state))?;
    }
    let (mut url_s, mut parse_s, mut search_s, mut filter_s) = (0.0, 0.0, 0.0, 0.0);
    for _ in 0..PASSES {
        for url in &urls {
            let ((state, _), seconds) = timed(|| ViewState::parse(url));
            url_s += seconds;
            let steps = answer_in_steps(&blob, &state);
            parse_s += steps.parse_s;
            search_s += steps.search_s;
            filter_s += steps.filter_s;
            std::hint::black_box(steps);
        }
    }
    let views = f64::from(PASSES) * urls.len() as f64;
    let per = |s: f64| s * 1e6 / views;
    println!(
        "per query µs: view parse {:.2}, query parse {:.2}, search {:.2}, filter {:.2}",
        per(url_s),
        per(parse_s),
        per(search_s),
        per(filter_s)
    );
    Ok(())
}
