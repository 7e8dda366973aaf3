//! `bench probe across [DIR]`: what search across languages (`xlang`) and near spellings
//! (`typo`) cost. Each view of the query set is answered the fastest of five times in four ways:
//! exact, with names in other languages, with near spellings, and with both (the explorer's
//! default). Prints p50 and p95 per way in milliseconds, how many views each way changed, and
//! how many names and spellings the changed views added; writes the same to `DIR/across.json`
//! for the report (`make bench-across`).

use corpus::view::answer;

use super::{no_args, timed, view_of, Prepared};
use crate::Outcome;

const TRIES: usize = 5;

/// The four ways: a name and the URL parameters that give it.
const WAYS: [(&str, &str); 4] = [
    ("exact", "&xlang=off&typo=off"),
    ("xlang", "&typo=off"),
    ("typo", "&xlang=off"),
    ("both", ""),
];

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    let (groups, names) = blob.expansions().size();
    println!(
        "{} articles, expansion table: {groups} groups, {names} names",
        blob.len()
    );
    let queries = prepared.queries()?;
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); WAYS.len()];
    let mut changed = [0usize; WAYS.len()];
    let mut added = [0usize; WAYS.len()];
    for q in &queries {
        let exact_url = q.url();
        let base = exact_url
            .strip_suffix("&xlang=off&typo=off")
            .unwrap_or(&exact_url)
            .to_owned();
        let exact = answer(&blob, &view_of(&exact_url)?).results.all();
        for (w, (_, params)) in WAYS.iter().enumerate() {
            let state = view_of(&format!("{base}{params}"))?;
            let mut best = f64::MAX;
            let mut results = Vec::new();
            let mut also = 0;
            for _ in 0..TRIES {
                let (answered, seconds) = timed(|| answer(&blob, &state));
                best = best.min(seconds * 1e3);
                also = answered.also.len();
                results = answered.results.all();
            }
            times[w].push(best);
            if results != exact {
                changed[w] += 1;
                added[w] += also;
            }
        }
    }
    println!("{} views", queries.len());
    let mut rows = Vec::new();
    println!(
        "{:>6} {:>9} {:>9} {:>8} {:>14}",
        "way", "p50 ms", "p95 ms", "changed", "names/changed"
    );
    for (w, (name, _)) in WAYS.iter().enumerate() {
        let mut sorted = times[w].clone();
        sorted.sort_by(f64::total_cmp);
        let at = |p: f64| {
            let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len().max(1));
            sorted.get(rank - 1).copied().unwrap_or(0.0)
        };
        let per = if changed[w] == 0 {
            0.0
        } else {
            added[w] as f64 / changed[w] as f64
        };
        println!(
            "{name:>6} {:>9.3} {:>9.3} {:>8} {:>14.1}",
            at(0.5),
            at(0.95),
            changed[w],
            per
        );
        rows.push(serde_json::json!({
            "way": name, "p50_ms": at(0.5), "p95_ms": at(0.95), "changed": changed[w], "names_per_changed": per,
        }));
    }
    let json = serde_json::json!({
        "articles": blob.len(), "views": queries.len(), "groups": groups, "names": names, "ways": rows,
    });
    crate::fs::write(&prepared.path("across.json"), json.to_string())?;
    Ok(())
}
