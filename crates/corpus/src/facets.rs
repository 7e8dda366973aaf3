//! Filtering articles by the view's countries, languages and dates, ordering the results, and
//! counting facet values (how many results each country or language chip would give).
//!
//! The text query is not evaluated here: the caller passes the search outcome as
//! [`TextMatches`] (all articles when there is no query, else the matched indices with scores),
//! so search and facets compose. Article indices are positions in the [`Catalog`], as `u32`.
//!
//! Facet counts follow the usual disjunctive/conjunctive rule:
//! - languages (and countries with `match=any`): counted over the articles passing every filter
//!   except that facet's own selection, so a chip's count is what selecting it adds;
//! - countries with `match=all`: counted over the current results (the country filter applied),
//!   so a chip's count is how many results remain after also requiring that country (a selected
//!   country's count is then the result total).

use std::cmp::Ordering;

use crate::catalog::Catalog;
use crate::date::Date;
use crate::results::Results;
use crate::view_state::{CountryMatch, Undated, ViewState};

/// One of the non-text filters, to leave out of [`matches()`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    /// The selected countries (with any/all matching).
    Country,
    /// The selected languages.
    Lang,
    /// The date range together with the undated mode.
    Date,
}

/// The outcome of the text query, as the caller's search produced it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum TextMatches<'a> {
    /// No text query: every article matches (and relevance sorting falls back to newest).
    #[default]
    All,
    /// The query matched exactly these `(article index, score)` pairs; a higher score is more
    /// relevant. Order does not matter; out-of-range indices are ignored; a repeated index keeps
    /// its highest score. Pass a constant score when the search does not rank.
    Hits(&'a [(u32, f32)]),
}

/// Per-article text scores: `None` when everything matches.
pub(crate) struct TextMask(Option<Vec<Option<f32>>>);

impl TextMask {
    pub(crate) fn new(len: usize, text: TextMatches<'_>) -> TextMask {
        match text {
            TextMatches::All => TextMask(None),
            TextMatches::Hits(hits) => {
                let mut scores: Vec<Option<f32>> = vec![None; len];
                for &(index, score) in hits {
                    let slot = usize::try_from(index).ok().and_then(|i| scores.get_mut(i));
                    if let Some(slot) = slot {
                        *slot = Some(match *slot {
                            Some(old) if old.total_cmp(&score) == Ordering::Greater => old,
                            _ => score,
                        });
                    }
                }
                TextMask(Some(scores))
            }
        }
    }

    /// The score of article `index`, `Some(0.0)` for every article when there is no query, `None`
    /// when the query did not match it.
    pub(crate) fn score(&self, index: usize) -> Option<f32> {
        match &self.0 {
            None => Some(0.0),
            Some(scores) => scores.get(index).copied().flatten(),
        }
    }
}

/// The non-text filters of a view, prepared once for many articles: selected codes become the
/// catalog's numbers (`None` for a code no article has).
pub(crate) struct Filter<'c> {
    catalog: &'c Catalog,
    countries: Vec<Option<u16>>,
    country_match: CountryMatch,
    langs: Vec<Option<u16>>,
    from: Option<Date>,
    to: Option<Date>,
    undated: Undated,
    /// No country, language or date filter: every article passes, untested.
    open: bool,
}

fn numbers(codes: &[String], known: &[String]) -> Vec<Option<u16>> {
    codes
        .iter()
        .map(|code| {
            let index = known.iter().position(|k| k == code)?;
            u16::try_from(index).ok()
        })
        .collect()
}

impl<'c> Filter<'c> {
    pub(crate) fn new(catalog: &'c Catalog, state: &ViewState) -> Filter<'c> {
        let (from, to) = state.date_range();
        let mut filter = Filter {
            catalog,
            countries: numbers(&state.countries, catalog.country_codes()),
            country_match: state.country_match,
            langs: numbers(&state.langs, catalog.lang_codes()),
            from,
            to,
            undated: state.effective_undated(),
            open: false,
        };
        filter.open = filter.passes_all();
        filter
    }

    fn country_ok(&self, index: usize) -> bool {
        let named = self.catalog.country_ids(index);
        let has = |id: &Option<u16>| id.is_some_and(|id| named.contains(&id));
        match self.country_match {
            _ if self.countries.is_empty() => true,
            CountryMatch::Any => self.countries.iter().any(has),
            CountryMatch::All => self.countries.iter().all(has),
        }
    }

    fn lang_ok(&self, index: usize) -> bool {
        self.langs.is_empty() || self.langs.contains(&self.catalog.lang_id(index))
    }

    fn date_ok(&self, index: usize) -> bool {
        match (self.catalog.date(index), self.undated) {
            (None, Undated::Include | Undated::Only) => true,
            (None, Undated::Exclude) | (Some(_), Undated::Only) => false,
            (Some(date), Undated::Include | Undated::Exclude) => {
                self.from.is_none_or(|from| date >= from) && self.to.is_none_or(|to| date <= to)
            }
        }
    }

    /// True when the view has no country, language or date filter: every article passes.
    fn passes_all(&self) -> bool {
        self.countries.is_empty()
            && self.langs.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.undated == Undated::Include
    }

    /// True when article `index` passes every filter except `ignore`.
    pub(crate) fn matches(&self, index: usize, ignore: Option<Facet>) -> bool {
        self.open
            || ((ignore == Some(Facet::Country) || self.country_ok(index))
                && (ignore == Some(Facet::Lang) || self.lang_ok(index))
                && (ignore == Some(Facet::Date) || self.date_ok(index)))
    }
}

/// True when article `index` passes the view's country, language and date filters (the text
/// query is not considered), leaving out `facet_to_ignore` if given. [`Facet::Date`] leaves out
/// both the date range and the undated mode.
pub fn matches(
    catalog: &Catalog,
    index: usize,
    state: &ViewState,
    facet_to_ignore: Option<Facet>,
) -> bool {
    Filter::new(catalog, state).matches(index, facet_to_ignore)
}

/// The result list: the articles that match the text and every filter, in the view's effective
/// sort (see [`Results::new`]; with [`TextMatches::All`] relevance is newest first), ordered
/// only as far as they are read.
pub fn filter(catalog: &Catalog, state: &ViewState, text: TextMatches<'_>) -> Results {
    let filter = Filter::new(catalog, state);
    let len = catalog.len();
    let sort = state.effective_sort();
    match text {
        // A search's hits come in article order, each once: filtered as they are, without a
        // per-article table.
        TextMatches::Hits(hits) if strictly_ascending_within(hits, len) => Results::new(
            catalog,
            sort,
            hits.iter()
                .copied()
                .filter(|&(index, _)| filter.matches(index as usize, None)),
        ),
        _ => {
            let mask = TextMask::new(len, text);
            Results::new(
                catalog,
                sort,
                (0..len).filter_map(|i| {
                    let index = u32::try_from(i).ok()?;
                    let score = mask.score(i)?;
                    filter.matches(i, None).then_some((index, score))
                }),
            )
        }
    }
}

/// True when `hits` are in increasing article order, each below `len`.
fn strictly_ascending_within(hits: &[(u32, f32)], len: usize) -> bool {
    hits.windows(2).all(|w| w[0].0 < w[1].0)
        && hits.last().is_none_or(|&(index, _)| (index as usize) < len)
}

/// Facet counts for the current view (see the module documentation for which articles each
/// facet counts over).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// `(country code, count)`, count descending then code; every selected country is present,
    /// at zero if need be.
    pub countries: Vec<(String, u32)>,
    /// `(language code, count)`, count descending then code; every selected language is
    /// present, at zero if need be.
    pub langs: Vec<(String, u32)>,
    /// How many articles the view shows (the length of [`filter`]'s result).
    pub total: u32,
    /// Undated articles passing the text, country and language filters: what `undated=include`
    /// or `undated=only` would bring, whatever the current undated mode.
    pub undated: u32,
}

/// `(code, count)` for every counted code, plus the selected ones at zero, count descending
/// then code.
fn sorted_counts(codes: &[String], counts: &[u32], selected: &[String]) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = codes
        .iter()
        .zip(counts)
        .filter(|&(_, &n)| n > 0)
        .map(|(code, &n)| (code.clone(), n))
        .collect();
    for code in selected {
        if !out.iter().any(|(c, _)| c == code) {
            out.push((code.clone(), 0));
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Counts countries and languages over the articles matching the text query and the other
/// filters (see the module documentation), plus the result total and the undated count.
pub fn facets(catalog: &Catalog, state: &ViewState, text: TextMatches<'_>) -> Facets {
    let filter = Filter::new(catalog, state);
    let mask = TextMask::new(catalog.len(), text);
    let mut countries = vec![0u32; catalog.country_codes().len()];
    // Per country, 1 + the last article counted for it: an article naming a country twice
    // counts once.
    let mut counted_for = vec![0usize; countries.len()];
    let mut langs = vec![0u32; catalog.lang_codes().len()];
    let mut total = 0u32;
    let mut undated = 0u32;
    for i in 0..catalog.len() {
        if mask.score(i).is_none() {
            continue;
        }
        let country = filter.country_ok(i);
        let lang = filter.lang_ok(i);
        let date = filter.date_ok(i);
        if country && lang && date {
            total += 1;
        }
        if country && lang && catalog.date(i).is_none() {
            undated += 1;
        }
        let count_countries = match state.country_match {
            CountryMatch::Any => lang && date,
            CountryMatch::All => country && lang && date,
        };
        if count_countries {
            for &id in catalog.country_ids(i) {
                let id = usize::from(id);
                if let (Some(n), Some(seen)) = (countries.get_mut(id), counted_for.get_mut(id)) {
                    if *seen != i + 1 {
                        *seen = i + 1;
                        *n += 1;
                    }
                }
            }
        }
        if country && date {
            if let Some(n) = catalog
                .lang_id(i)
                .and_then(|id| langs.get_mut(usize::from(id)))
            {
                *n += 1;
            }
        }
    }
    Facets {
        countries: sorted_counts(catalog.country_codes(), &countries, &state.countries),
        langs: sorted_counts(catalog.lang_codes(), &langs, &state.langs),
        total,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view_state::Sort;

    fn corpus() -> Vec<Article> {
        vec![
            Article::for_test("a", Some("2025-10-16"), "vi", &["VN", "KH"]),
            Article::for_test("b", Some("2025-09-30"), "en", &["TH", "KH"]),
            Article::for_test("c", Some("2024-01-01"), "vi", &["VN"]),
            Article::for_test("d", None, "th", &["TH"]),
            Article::for_test("e", Some("2025-10-31"), "en", &["KH"]),
            Article::for_test("f", None, "und", &[]),
        ]
    }

    fn catalog() -> Catalog {
        Catalog::from_articles(&corpus()).expect("catalog")
    }

    fn ids(articles: &[Article], indices: &[u32]) -> Vec<String> {
        indices
            .iter()
            .map(|&i| articles[i as usize].id.clone())
            .collect()
    }

    fn view(query: &str) -> ViewState {
        let (state, notices) = ViewState::parse(query);
        assert!(notices.is_empty(), "{notices:?}");
        state
    }

    fn run(query: &str) -> Vec<String> {
        let articles = corpus();
        ids(
            &articles,
            &filter(&catalog(), &view(query), TextMatches::All).all(),
        )
    }

    #[test]
    fn sorts_newest_oldest_and_by_relevance() {
        assert_eq!(run(""), ["e", "a", "b", "c", "d", "f"]);
        assert_eq!(run("sort=oldest"), ["c", "b", "a", "e", "d", "f"]);
        let articles = corpus();
        let hits = [(2, 1.0), (0, 3.0), (4, 1.0), (3, 1.0), (99, 9.0), (2, 0.5)];
        let state = view("q=x");
        let found = filter(&catalog(), &state, TextMatches::Hits(&hits)).all();
        assert_eq!(ids(&articles, &found), ["a", "e", "c", "d"]);
        let state = view("q=x&sort=oldest");
        let found = filter(&catalog(), &state, TextMatches::Hits(&hits)).all();
        assert_eq!(ids(&articles, &found), ["c", "a", "e", "d"]);
        // Relevance without hits is newest.
        assert_eq!(run("q=x"), run(""));
    }

    #[test]
    fn countries_any_and_all() {
        assert_eq!(run("country=KH"), ["e", "a", "b"]);
        assert_eq!(run("country=VN,TH"), ["a", "b", "c", "d"]);
        assert_eq!(run("country=VN,KH&match=all"), ["a"]);
        assert_eq!(run("country=VN,TH&match=all"), Vec::<String>::new());
        assert_eq!(run("lang=vi,th"), ["a", "c", "d"]);
        assert_eq!(run("lang=und"), ["f"]);
    }

    #[test]
    fn undated_modes_and_date_bounds() {
        // Month precision: from=2025-10 covers 2025-10-01..; to=2025-10 covers ..2025-10-31.
        assert_eq!(run("from=2025-10&to=2025-10"), ["e", "a"]);
        assert_eq!(
            run("from=2025-10&to=2025-10&undated=include"),
            ["e", "a", "d", "f"]
        );
        assert_eq!(run("from=2025-10&undated=only"), ["d", "f"]);
        assert_eq!(run("undated=exclude"), ["e", "a", "b", "c"]);
        assert_eq!(run("undated=only"), ["d", "f"]);
        // Year precision.
        assert_eq!(run("to=2024"), ["c"]);
        assert_eq!(run("from=2025"), ["e", "a", "b"]);
        // Day precision, inclusive at both ends.
        assert_eq!(run("from=2025-09-30&to=2025-10-16"), ["a", "b"]);
    }

    #[test]
    fn matches_can_ignore_one_facet() {
        let catalog = catalog();
        let state = view("country=VN&lang=en&from=2025");
        let b = 1;
        assert!(!matches(&catalog, b, &state, None));
        assert!(matches(&catalog, b, &state, Some(Facet::Country)));
        assert!(!matches(&catalog, b, &state, Some(Facet::Lang)));
        let d = 3;
        assert!(!matches(&catalog, d, &view("lang=th&from=2025"), None));
        assert!(matches(
            &catalog,
            d,
            &view("lang=th&from=2025"),
            Some(Facet::Date)
        ));
    }

    #[test]
    fn counts_leave_out_their_own_facet() {
        let catalog = catalog();
        let facets = facets(&catalog, &view("country=KH&lang=vi"), TextMatches::All);
        // Countries counted over lang=vi: a (VN, KH), c (VN).
        assert_eq!(
            facets.countries,
            [("VN".to_owned(), 2), ("KH".to_owned(), 1)]
        );
        // Languages counted over country=KH: a (vi), b (en), e (en).
        assert_eq!(facets.langs, [("en".to_owned(), 2), ("vi".to_owned(), 1)]);
        assert_eq!(facets.total, 1);
        assert_eq!(facets.undated, 0);
    }

    #[test]
    fn all_mode_counts_over_the_results() {
        let catalog = catalog();
        let any = facets(&catalog, &view("country=KH"), TextMatches::All);
        assert_eq!(
            any.countries,
            [
                ("KH".to_owned(), 3),
                ("TH".to_owned(), 2),
                ("VN".to_owned(), 2)
            ]
        );
        let all = facets(&catalog, &view("country=KH&match=all"), TextMatches::All);
        assert_eq!(
            all.countries,
            [
                ("KH".to_owned(), 3),
                ("TH".to_owned(), 1),
                ("VN".to_owned(), 1)
            ]
        );
    }

    #[test]
    fn selected_codes_stay_at_zero() {
        let catalog = catalog();
        let facets = facets(
            &catalog,
            &view("country=FR&lang=fr,vi&to=2024"),
            TextMatches::All,
        );
        assert_eq!(facets.total, 0);
        // Countries over lang in (fr, vi) and to=2024: c (VN).
        assert_eq!(
            facets.countries,
            [("VN".to_owned(), 1), ("FR".to_owned(), 0)]
        );
        // Languages over country=FR: nothing, but the selection remains.
        assert_eq!(facets.langs, [("fr".to_owned(), 0), ("vi".to_owned(), 0)]);
    }

    #[test]
    fn text_matches_restrict_counts() {
        let catalog = catalog();
        let hits = [(3, 1.0), (5, 1.0), (1, 2.0)];
        let facets = facets(&catalog, &view("q=x"), TextMatches::Hits(&hits));
        assert_eq!(facets.total, 3);
        assert_eq!(facets.undated, 2);
        assert_eq!(
            facets.countries,
            [("TH".to_owned(), 2), ("KH".to_owned(), 1)]
        );
        assert_eq!(
            facets.langs,
            [
                ("en".to_owned(), 1),
                ("th".to_owned(), 1),
                ("und".to_owned(), 1)
            ]
        );
        let with_range = super::facets(&catalog, &view("q=x&from=2025"), TextMatches::Hits(&hits));
        assert_eq!(with_range.total, 1);
        assert_eq!(with_range.undated, 2);
    }

    #[test]
    fn empty_corpus() {
        let empty = Catalog::default();
        let facets = facets(&empty, &view("country=VN"), TextMatches::All);
        assert_eq!(facets.countries, [("VN".to_owned(), 0)]);
        assert_eq!(facets.total, 0);
        assert!(filter(
            &empty,
            &ViewState::default(),
            TextMatches::Hits(&[(0, 1.0)])
        )
        .is_empty());
    }

    #[test]
    fn total_equals_filter_length() {
        let catalog = catalog();
        for query in [
            "",
            "country=KH",
            "country=KH,VN&match=all",
            "lang=en&undated=only",
            "from=2025-10",
        ] {
            let state = view(query);
            assert_eq!(
                facets(&catalog, &state, TextMatches::All).total as usize,
                filter(&catalog, &state, TextMatches::All).len(),
                "{query}"
            );
        }
    }

    /// The result list as first written: a per-article table and comparison sorts.
    fn filter_by_comparison(
        catalog: &Catalog,
        state: &ViewState,
        text: TextMatches<'_>,
    ) -> Vec<u32> {
        let filter = Filter::new(catalog, state);
        let mask = TextMask::new(catalog.len(), text);
        let mut hits: Vec<(u32, f32)> = (0..catalog.len())
            .filter_map(|i| {
                let score = mask.score(i)?;
                filter.matches(i, None).then_some((i as u32, score))
            })
            .collect();
        let newest = |a: u32, b: u32| catalog.cmp_newest_first(a as usize, b as usize);
        match state.effective_sort() {
            Sort::Newest => hits.sort_by(|a, b| newest(a.0, b.0)),
            Sort::Oldest => {
                hits.sort_by(|a, b| catalog.cmp_oldest_first(a.0 as usize, b.0 as usize))
            }
            Sort::Relevance => {
                hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| newest(a.0, b.0)))
            }
        }
        hits.into_iter().map(|(index, _)| index).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]
        /// Filtering a search's hits directly, and ordering by one integer per hit, give the
        /// comparison sort's list, for hits in article order or not, repeated or out of range;
        /// so do its first n and the place of each result.
        #[test]
        fn filter_equals_the_comparison_sort(
            articles in proptest::collection::vec(
                (proptest::option::of(0u8..6), 0usize..3, proptest::collection::vec(0usize..3, 0..3)),
                0..14,
            ),
            hits in proptest::collection::vec((0u32..16, proptest::sample::select(vec![0.0f32, -0.0, 0.5, 1.0, 2.5, -1.0, f32::INFINITY])), 0..20),
            // 0: as drawn; 1: in article order, each once, in range (a search's hits); 2: in
            // article order with repeats and out-of-range indices.
            order in 0u8..3,
            params in proptest::sample::select(vec!["q=x", "q=x&sort=newest", "q=x&sort=oldest", "", "country=VN", "lang=vi&undated=exclude"]),
        ) {
            const DATES: [&str; 6] = ["2025-10-16", "2025-10-16", "2024-01-01", "2019-12-31", "2025-10-01", "2010-05-05"];
            let articles: Vec<Article> = articles
                .iter()
                .enumerate()
                .map(|(i, (date, lang, countries))| {
                    let codes: Vec<&str> = countries.iter().map(|&c| ["VN", "KH", "TH"][c]).collect();
                    Article::for_test(&format!("a{i:02}"), date.map(|d| DATES[usize::from(d)]), ["vi", "en", "th"][*lang], &codes)
                })
                .collect();
            let catalog = Catalog::from_articles(&articles).expect("catalog");
            let mut hits = hits;
            if order > 0 {
                hits.sort_by_key(|h| h.0);
            }
            if order == 1 {
                hits.dedup_by_key(|h| h.0);
                hits.retain(|h| (h.0 as usize) < articles.len());
            }
            let state = view(params);
            for text in [TextMatches::All, TextMatches::Hits(&hits)] {
                let results = filter(&catalog, &state, text);
                let want = filter_by_comparison(&catalog, &state, text);
                proptest::prop_assert_eq!(results.all(), want.clone());
                for n in 0..=want.len() {
                    proptest::prop_assert_eq!(results.first(n), &want[..n]);
                }
                for (place, &index) in want.iter().enumerate() {
                    proptest::prop_assert_eq!(results.position(index), Some(place));
                }
            }
        }
    }
}
