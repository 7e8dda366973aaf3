//! What extracting places, people and organizations costs a build: `cargo run --release -p ingest
//! --example entity_cost -- DIR` reads and analyses the seeds in DIR as `corpus pack` does
//! (language, countries; timed), packs the blob (index, versions, the extraction, the names
//! across languages; timed), then runs the extraction alone over every article on one core and on
//! every core (timed), and prints the times and how many mentions were found. For the issue notes and bench/REPORT.md; not
//! part of any build.

use std::time::Instant;

use ingest::detect::entities::detect_entities;
use ingest::parallel::map_on_every_core;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: entity_cost DIR");
        std::process::exit(2);
    };
    let started = Instant::now();
    let report = ingest::load_seeds(std::path::Path::new(&dir));
    let load = started.elapsed();
    let started = Instant::now();
    let packed = report.to_blob().map(|blob| blob.len()).unwrap_or(0);
    let pack = started.elapsed();
    let articles = &report.articles;
    let started = Instant::now();
    let mentions: usize = articles
        .iter()
        .map(|a| {
            let found = detect_entities(a);
            found.places.len() + found.people.len() + found.organizations.len()
        })
        .sum();
    let one_core = started.elapsed();
    let started = Instant::now();
    let found = map_on_every_core(articles.iter().collect(), detect_entities);
    let every_core = started.elapsed();
    println!(
        "{} articles: reading and analysing the seeds {:.1} s, packing {:.1} s ({packed} articles); extraction alone {:.1} s on one core, {:.1} s on every core; {} mentions ({} articles)",
        articles.len(),
        load.as_secs_f64(),
        pack.as_secs_f64(),
        one_core.as_secs_f64(),
        every_core.as_secs_f64(),
        mentions,
        found.len()
    );
}
