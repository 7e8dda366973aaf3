//! Search across languages on real articles: for every glossary concept and every country the
//! real-text set (and the seeds) mention, the English query finds exactly the articles that
//! contain the words as typed or the concept's or the country's name in any language, as a
//! brute-force scan finds them. Recall 1.0 and no article without one.

use std::collections::BTreeSet;
use std::path::Path;

use corpus::search::expand::key_of;
use corpus::search::{highlight, Query};
use corpus::view::answer;
use corpus::view::state::ViewState;
use ingest::expansions::glossary;
use ingest::load_seeds;

fn articles_of(dirs: &[&str]) -> Vec<corpus::Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    dirs.iter()
        .flat_map(|dir| load_seeds(&root.join(dir)).articles)
        .collect()
}

#[test]
fn an_english_query_finds_every_article_with_a_name_in_any_language() {
    let mut articles = articles_of(&["tests/real-text", "../../seeds"]);
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    articles.dedup_by(|a, b| a.id == b.id);
    articles.sort_by(corpus::Article::cmp_newest_first);
    let report = ingest::SeedsReport {
        articles: articles.clone(),
        ignored: Vec::new(),
        warnings: Vec::new(),
        errors: Vec::new(),
    };
    let blob = report.to_blob().expect("packs");
    let catalog = blob.catalog();
    let table = blob.expansions();

    // (query, every name) for each concept and each country the articles mention.
    let mut cases: Vec<(String, Vec<String>)> = glossary()
        .expect("the glossary parses")
        .into_iter()
        .filter_map(|(_, words)| {
            let english = words.iter().find(|(lang, _)| lang == "en")?.1.clone();
            Some((english, words.into_iter().map(|(_, w)| w).collect()))
        })
        .collect();
    let countries: BTreeSet<String> = articles
        .iter()
        .flat_map(|a| a.countries.iter().map(|c| c.code.clone()))
        .collect();
    for code in &countries {
        let english = ingest::detect::countries::english_name(code).unwrap_or_else(|| code.clone());
        let names = table
            .expand(&Query::parse_exact(&english), &[])
            .into_iter()
            .flat_map(|g| g.variants.into_iter().map(|v| v.text))
            .chain([english.clone()])
            .collect();
        cases.push((english, names));
    }

    let (mut checked, mut found_some, mut failures) = (0, 0, Vec::new());
    for (english, names) in &cases {
        let quoted: Vec<String> = names.iter().map(|n| format!("\"{}\"", key_of(n))).collect();
        let any_name = Query::parse_exact(&quoted.join(" "));
        assert!(any_name.truncated().is_none(), "{english}: too many names");
        // Brute force: an article has the concept when any of its names occurs as written.
        let expected: BTreeSet<String> = blob
            .articles()
            .filter(|article| {
                let fields = || {
                    article
                        .paragraphs
                        .iter()
                        .chain(&article.captions)
                        .chain(&article.source)
                        .map(String::as_str)
                };
                // The words as typed (all of them, anywhere), or any name as a phrase: a query
                // of every name, each quoted, marks where any of them occurs.
                Query::parse_exact(english).matches_fields(&article.title, fields())
                    || std::iter::once(article.title.as_str())
                        .chain(fields())
                        .any(|text| !highlight(text, &any_name).is_empty())
            })
            .map(|a| a.id.clone())
            .collect();
        let state = ViewState::default()
            .set_query(&format!("{english} "))
            .set_typo_tolerance(false);
        let answered = answer(&blob, &state);
        let got: BTreeSet<String> = answered
            .results
            .range(0..answered.results.len())
            .iter()
            .map(|&i| catalog.id(i as usize).to_owned())
            .chain(
                answered
                    .versions
                    .iter()
                    .flat_map(|(_, v)| v.iter().map(|&i| catalog.id(i as usize).to_owned())),
            )
            .collect();
        checked += 1;
        if !expected.is_empty() {
            found_some += 1;
        }
        if got != expected {
            failures.push(format!(
                "{english}: missing {:?}, extra {:?}",
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(&expected).collect::<Vec<_>>()
            ));
        }
    }
    println!(
        "{checked} queries ({found_some} with articles) over {} articles",
        articles.len()
    );
    assert!(
        found_some >= 20,
        "only {found_some} concepts or countries occur"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
