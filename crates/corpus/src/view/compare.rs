//! Compare over time (`compare=`): how many articles each of up to [`MAX_COMPARED`] queries
//! finds in each period, drawn together on one timeline, as counts or as a share of all the
//! articles of the period. Every series keeps the view's other filters (countries, languages,
//! dates) and its own search rules (names in other languages, near spellings); the view's own
//! search, when it has one, is the first series.
//!
//! The periods are the view's without any search: the timeline of every article the filters
//! keep, so each series is counted into the same buckets, and a share is a series' count over
//! that bucket's total.

use crate::store::CorpusBlob;
use crate::view::across::TextSearch;
use crate::view::filter::{Filter, TextMask, TextMatches};
use crate::view::state::ViewState;
use crate::view::timeline::Timeline;

/// The most queries `compare=` holds (besides the view's own search).
pub const MAX_COMPARED: usize = 4;

/// One query's counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The query as typed.
    pub query: String,
    /// Articles it finds in each period of [`Comparison::periods`].
    pub counts: Vec<u32>,
    /// Articles it finds in all (dated or not).
    pub total: u32,
}

/// The series of a view, over shared periods.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The periods, each with the count of every article the filters keep (the share's
    /// denominator).
    pub periods: Timeline,
    /// The view's search first (when it has one), then each `compare=` query.
    pub series: Vec<Series>,
    /// A sharded corpus's files its series' searches need and lack (postings shards, texts to
    /// confirm phrases on): until they are added the counts are provisional.
    pub missing: Vec<u32>,
}

impl Comparison {
    /// A series' value in period `bucket`: its count, or its share (0.0–1.0) of the period's
    /// articles.
    pub fn value(&self, series: usize, bucket: usize, share: bool) -> f64 {
        let count = self
            .series
            .get(series)
            .and_then(|s| s.counts.get(bucket))
            .copied()
            .unwrap_or(0);
        if !share {
            return f64::from(count);
        }
        let total = self.periods.buckets.get(bucket).map_or(0, |b| b.count);
        if total == 0 {
            0.0
        } else {
            f64::from(count) / f64::from(total)
        }
    }

    /// The largest value of any series in any period.
    pub fn max_value(&self, share: bool) -> f64 {
        (0..self.series.len())
            .flat_map(|s| (0..self.periods.buckets.len()).map(move |b| (s, b)))
            .map(|(s, b)| self.value(s, b, share))
            .fold(0.0, f64::max)
    }
}

/// The comparison `state` asks for, or `None` without `compare=`.
pub fn compare(corpus: &CorpusBlob, state: &ViewState) -> Option<Comparison> {
    if state.compare.is_empty() {
        return None;
    }
    let catalog = corpus.catalog();
    let filter = Filter::new(catalog, state);
    let keep = |i: usize| filter.matches(i, None);
    let periods = Timeline::from_dates(
        (0..catalog.len())
            .filter(|&i| keep(i))
            .map(|i| catalog.date(i)),
    );
    let queries = std::iter::once(&state.q)
        .filter(|q| !q.trim().is_empty())
        .chain(state.compare.iter());
    let mut missing = Vec::new();
    let series = queries
        .map(|query| {
            let mut search = TextSearch::of(corpus, &state.set_query(query));
            missing.extend(search.chunks_missing(corpus));
            let hits = search.hits(corpus);
            let mask = TextMask::new(
                catalog.len(),
                hits.as_deref().map_or(TextMatches::All, TextMatches::Hits),
            );
            let mut counts = vec![0u32; periods.buckets.len()];
            let mut total = 0u32;
            for i in (0..catalog.len()).filter(|&i| keep(i) && mask.score(i).is_some()) {
                total = total.saturating_add(1);
                let Some(date) = catalog.date(i) else {
                    continue;
                };
                let bucket = periods.buckets.partition_point(|b| b.end < date);
                if let Some(count) = counts.get_mut(bucket) {
                    *count = count.saturating_add(1);
                }
            }
            Series {
                query: query.clone(),
                counts,
                total,
            }
        })
        .collect();
    missing.sort_unstable();
    missing.dedup();
    Some(Comparison {
        periods,
        series,
        missing,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view::answer;

    fn blob() -> CorpusBlob {
        let mut articles = Vec::new();
        let dates = [
            "2023-02-01",
            "2023-07-09",
            "2024-03-03",
            "2024-03-04",
            "2025-01-05",
        ];
        for (i, date) in dates.iter().enumerate() {
            let mut a = Article::for_test(&format!("a{i}"), Some(date), "en", &["TH"]);
            a.paragraphs = vec![if i % 2 == 0 {
                "scam compound"
            } else {
                "drug smuggling"
            }
            .into()];
            articles.push(a);
        }
        let mut undated = Article::for_test("u", None, "en", &["KH"]);
        undated.paragraphs = vec!["scam".into()];
        articles.push(undated);
        articles.sort_by(Article::cmp_newest_first);
        CorpusBlob::new(&articles, vec![]).expect("packs")
    }

    #[test]
    fn each_series_counts_what_its_own_search_finds_in_the_shared_periods() {
        let blob = blob();
        let (state, _) = ViewState::parse("q=scam&compare=drug&compare=smuggling&compare=scam");
        assert_eq!(state.compare, ["drug", "smuggling", "scam"]);
        let comparison = compare(&blob, &state).expect("a comparison");
        let queries: Vec<&str> = comparison.series.iter().map(|s| s.query.as_str()).collect();
        assert_eq!(queries, ["scam", "drug", "smuggling", "scam"]);
        // Brute force: each series is the view with its query; its dated results fall in the
        // periods, its undated ones only in the total.
        for series in &comparison.series {
            let answered = answer(&blob, &state.set_query(&format!("{} ", series.query)));
            let results = answered.results.all();
            assert_eq!(series.total as usize, results.len(), "{}", series.query);
            for (b, bucket) in comparison.periods.buckets.iter().enumerate() {
                let expected = results
                    .iter()
                    .filter_map(|&i| blob.catalog().date(i as usize))
                    .filter(|d| (bucket.start..=bucket.end).contains(d))
                    .count();
                assert_eq!(
                    series.counts[b] as usize, expected,
                    "{} in {}",
                    series.query, bucket.label
                );
            }
        }
        // Shares: a series' count over every article of the period.
        let share = comparison.value(0, 0, true);
        assert!((0.0..=1.0).contains(&share));
        assert!(comparison.max_value(true) <= 1.0);
        assert!(compare(&blob, &ViewState::parse("q=scam").0).is_none());
    }

    #[test]
    fn a_compared_query_becomes_the_search_and_the_search_is_compared() {
        let (state, _) = ViewState::parse("q=scam&compare=drug&compare=casino");
        let swapped = state.compared_as_main(2);
        assert_eq!(swapped.to_query(), "q=casino&compare=drug&compare=scam");
        let (no_main, _) = ViewState::parse("compare=drug&compare=casino");
        assert_eq!(
            no_main.compared_as_main(1).to_query(),
            "q=casino&compare=drug"
        );
        assert_eq!(state.remove_compared(0).to_query(), "q=scam&compare=casino");
        let full = state.add_compared("a").add_compared("b").add_compared("c");
        assert_eq!(full.compare.len(), MAX_COMPARED);
        let (_, notices) = ViewState::parse("compare=a&compare=b&compare=c&compare=d&compare=e");
        assert_eq!(notices.len(), 1);
    }
}
