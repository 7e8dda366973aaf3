//! `bench prep SEEDS_DIR OUT_DIR`: everything the browser bench loads for one corpus.
//!
//! - `blob.bin`: the corpus blob, exactly as `corpus pack` writes it for the site;
//! - `docs.json`: the same articles, in blob order, for the peer engines to index;
//! - `pages/<index>.html`: one page per article for Pagefind's CLI;
//! - `queries.json`: the query set with brute-force truth (result set and view counts);
//! - `meta.json`: sizes and timings of this preparation.
//!
//! The truth is brute force only ([`bench::brute`]): the app's side of the comparison is the
//! browser bench's, through the engine that calls [`corpus::view::answer`].

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

use bench::brute::{view_counts, view_matches, FoldedCorpus};
use bench::queries::{query_set, BenchQuery};
use corpus::search::index::DocText;
use corpus::search::Query;
use corpus::view::state::ViewState;
use corpus::Article;
use ingest::parallel::map_on_every_core;
use ingest::seeds::load_seeds;
use serde_json::json;

use crate::fs::{self, write};
use crate::{Failure, Outcome};

pub fn run(args: &[String]) -> Outcome {
    let [seeds, out] = args else {
        return Err(Failure::Usage("expected SEEDS_DIR OUT_DIR".into()));
    };
    Ok(prepare(Path::new(seeds), Path::new(out))?)
}

fn prepare(seeds: &Path, out: &Path) -> Result<(), String> {
    let started = Instant::now();
    let report = load_seeds(seeds);
    if let Some(error) = report.errors.first() {
        return Err(format!(
            "{} seed errors, first: {error}",
            report.errors.len()
        ));
    }
    let load_ms = started.elapsed().as_millis();
    let started = Instant::now();
    let bytes = report
        .to_blob()
        .and_then(|blob| blob.to_bytes())
        .map_err(|e| e.to_string())?;
    let blob_ms = started.elapsed().as_millis();
    let pages = out.join("pages");
    let _ = std::fs::remove_dir_all(&pages);
    fs::create_dir_all(&pages)?;
    write(&out.join("blob.bin"), &bytes)?;
    let articles = &report.articles;

    let docs: Vec<serde_json::Value> = articles.iter().map(doc_json).collect();
    write(
        &out.join("docs.json"),
        serde_json::to_vec(&docs).map_err(|e| e.to_string())?,
    )?;
    for (i, a) in articles.iter().enumerate() {
        write(&pages.join(format!("{i}.html")), page_html(a))?;
    }

    let started = Instant::now();
    let folded = FoldedCorpus::new(articles);
    // One brute-force scan per query, on every core; the entries come back in query order.
    let truths = map_on_every_core(query_set(articles), |q| truth_of(&q, articles, &folded));
    let mut queries = Vec::new();
    let mut disagreements = Vec::new();
    for truth in truths {
        let (query, disagreement) = truth?;
        queries.push(query);
        disagreements.extend(disagreement);
    }
    let truth_ms = started.elapsed().as_millis();
    if !disagreements.is_empty() {
        return Err(format!(
            "brute-force scans disagree:\n{}",
            disagreements.join("\n")
        ));
    }
    write(
        &out.join("queries.json"),
        serde_json::to_vec(&queries).map_err(|e| e.to_string())?,
    )?;
    let text_bytes: usize = articles.iter().map(|a| text_of(a).len()).sum();
    let meta = json!({
        "articles": articles.len(),
        "queries": queries.len(),
        "textBytes": text_bytes,
        "blobBytes": bytes.len(),
        "loadMs": load_ms,
        "blobMs": blob_ms,
        "truthMs": truth_ms,
    });
    write(&out.join("meta.json"), meta.to_string())?;
    eprintln!(
        "bench prep: {} articles, {} queries, blob {} bytes; load {load_ms} ms, blob {blob_ms} ms, truth {truth_ms} ms",
        articles.len(),
        queries.len(),
        bytes.len()
    );
    Ok(())
}

/// One query's entry in `queries.json` (its brute-force result set and view counts) and, for a
/// Thai or Chinese query, how the typed-query scan and a plain substring scan disagree, if they do.
fn truth_of(
    q: &BenchQuery,
    articles: &[Article],
    folded: &FoldedCorpus,
) -> Result<(serde_json::Value, Option<String>), String> {
    let text = folded.text_matches(&Query::parse(&q.q));
    let mut disagreement = None;
    if matches!(q.kind, "thai" | "zh" | "zh-cross") {
        let plain = folded.substring_matches(&q.q);
        if plain != text {
            disagreement = Some(format!(
                "{:?}: typed-query scan {} docs, plain substring scan {} docs",
                q.q,
                text.len(),
                plain.len()
            ));
        }
    }
    let params = q.filter_params();
    let (state, notices) = ViewState::parse(&params);
    if !notices.is_empty() {
        return Err(format!(
            "query {:?}: bad filter parameters {notices:?}",
            q.q
        ));
    }
    let shown: BTreeSet<u32> = view_matches(articles, &state, Some(&text));
    let counts = view_counts(articles, &state, Some(&text));
    let counts: serde_json::Value =
        serde_json::from_str(&counts.to_json()).map_err(|e| e.to_string())?;
    let entry = json!({
        "q": q.q,
        "kind": q.kind,
        "params": params,
        "countries": q.countries,
        "allCountries": q.all_countries,
        "fromYear": q.from_year,
        "toYear": q.to_year,
        "truth": shown,
        "counts": counts,
    });
    Ok((entry, disagreement))
}

/// Paragraphs, captions and source, joined by `"\n"`: the body the index searches.
fn text_of(a: &Article) -> String {
    DocText::from_article(a).body
}

fn doc_json(a: &Article) -> serde_json::Value {
    let countries: Vec<&str> = a.countries.iter().map(|c| c.code.as_str()).collect();
    json!({
        "id": a.id,
        "title": a.title,
        "text": text_of(a),
        "lang": a.lang,
        "date": a.date.map(|d| d.to_string()),
        "year": a.date.map(|d| d.year),
        "countries": countries,
    })
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page a Pagefind site would publish for the article: title and text in the indexed
/// body, countries and year as Pagefind filters (`all` lets the bench list every page).
fn page_html(a: &Article) -> String {
    let mut html = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{}</title></head><body><main data-pagefind-body><h1>{}</h1>",
        escape(&a.title),
        escape(&a.title)
    );
    for p in a.paragraphs.iter().chain(&a.captions).chain(&a.source) {
        html.push_str(&format!("<p>{}</p>", escape(p)));
    }
    html.push_str("<div hidden data-pagefind-filter=\"all:1\"></div>");
    for c in &a.countries {
        html.push_str(&format!(
            "<div hidden data-pagefind-filter=\"country:{}\"></div>",
            escape(&c.code)
        ));
    }
    if let Some(d) = a.date {
        html.push_str(&format!(
            "<div hidden data-pagefind-filter=\"year:{}\"></div>",
            d.year
        ));
    }
    html.push_str("</main></body></html>\n");
    html
}
