//! `bench probe query [DIR] [TEXT] [TIMES]`: repeats one search (default `the`, 1000 times),
//! for a profiler, and prints its hits and mean time per call.

use corpus::search::Query;

use super::{timed, Prepared};
use crate::{Failure, Outcome};

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    let (text, times) = match args {
        [] => ("the", 1000),
        [text] => (text.as_str(), 1000),
        [text, times] => {
            let times: u32 =
                times.parse().ok().filter(|&n| n > 0).ok_or_else(|| {
                    Failure::Usage(format!("TIMES {times:?}: not a positive count"))
                })?;
            (text.as_str(), times)
        }
        [_, _, extra, ..] => {
            return Err(Failure::Usage(format!("unexpected argument {extra:?}")));
        }
    };
    let blob = prepared.blob()?;
    let query = Query::parse(text);
    let hits = blob.search(&query).len();
    let ((), seconds) = timed(|| {
        for _ in 0..times {
            std::hint::black_box(blob.search(&query));
        }
    });
    let us = seconds * 1e6 / f64::from(times);
    println!("{text:?}: {hits} hits, {us:.1} µs a call");
    Ok(())
}
