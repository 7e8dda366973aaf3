//! `bench probe queries [DIR]`: each view of the bench's query set answered five times; prints
//! the 40 slowest by their best time, text query (parse and search) and filter apart.

use super::{answer_in_steps, check_steps, no_args, view_of, Prepared};
use crate::Outcome;

const TRIES: usize = 5;
const SHOWN: usize = 40;

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    let mut rows = Vec::new();
    for q in prepared.queries()? {
        let state = view_of(&q.url())?;
        check_steps(&blob, &state, &answer_in_steps(&blob, &state))?;
        // (search ms, filter ms, results) of the fastest try.
        let mut best = (f64::MAX, f64::MAX, 0);
        for _ in 0..TRIES {
            let steps = answer_in_steps(&blob, &state);
            let search = (steps.parse_s + steps.search_s) * 1e3;
            let filter = steps.filter_s * 1e3;
            if search + filter < best.0 + best.1 {
                best = (search, filter, steps.results.len());
            }
        }
        rows.push((best, q));
    }
    rows.sort_by(|(a, _), (b, _)| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    for ((search, filter, shown), q) in rows.iter().take(SHOWN) {
        println!(
            "{search:8.3} {filter:8.3} {shown:6} {:?} {:?} {}",
            q.kind, q.q, q.params
        );
    }
    Ok(())
}
