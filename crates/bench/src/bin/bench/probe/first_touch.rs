//! `bench probe first-touch [DIR]`: the cost of a document's first touch by language: decoding
//! its text, joining it into the indexed body, folding title and body; and how many documents
//! fold to themselves.

use std::collections::BTreeMap;

use corpus::search::fold::fold_to;
use corpus::search::index::DocText;

use super::{no_args, timed, Prepared};
use crate::Outcome;

/// Seconds decoding, joining and folding, and body bytes, of one language's documents.
#[derive(Debug, Default)]
struct Costs {
    decode: f64,
    join: f64,
    fold: f64,
    bytes: usize,
    /// Documents whose title and body fold to themselves.
    stable: u32,
}

pub fn run(prepared: Prepared, args: &[String]) -> Outcome {
    no_args(args)?;
    let blob = prepared.blob()?;
    let mut by_lang: BTreeMap<String, Costs> = BTreeMap::new();
    let mut scratch = String::new();
    for doc in 0..u32::try_from(blob.len()).unwrap_or(u32::MAX) {
        let (article, decode) = timed(|| blob.article(doc));
        let Some(article) = article else { continue };
        let (text, join) = timed(|| DocText::from_article(article));
        let ((title, body), fold) = timed(|| {
            fold_to(&text.title, &mut scratch);
            let title: Box<str> = scratch.as_str().into();
            fold_to(&text.body, &mut scratch);
            let body: Box<str> = scratch.as_str().into();
            (title, body)
        });
        let costs = by_lang.entry(article.lang.clone()).or_default();
        costs.decode += decode;
        costs.join += join;
        costs.fold += fold;
        costs.bytes += text.body.len();
        costs.stable += u32::from(*title == *text.title && *body == *text.body);
    }
    let stable: BTreeMap<&str, u32> = by_lang
        .iter()
        .map(|(l, c)| (l.as_str(), c.stable))
        .collect();
    println!("fold-stable docs: {stable:?}");
    for (lang, c) in &by_lang {
        let mb = c.bytes as f64 / 1e6;
        println!(
            "{lang:>4}: {mb:6.1} MB  decode {:6.1} ms  join {:6.1} ms  fold {:6.1} ms ({:5.0} MB/s)",
            c.decode * 1e3,
            c.join * 1e3,
            c.fold * 1e3,
            mb / c.fold
        );
    }
    Ok(())
}
