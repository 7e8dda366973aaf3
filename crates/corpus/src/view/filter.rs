//! Filtering articles by the view's countries, languages and dates, into the results in
//! display order ([`filter`]), and the per-article test the facet counts reuse ([`matches()`]).
//!
//! The text query is not evaluated here: the caller passes the search outcome as
//! [`TextMatches`] (all articles when there is no query, else the matched indices with scores),
//! so search and filters compose. Article indices are positions in the [`Catalog`], as `u32`.

use std::cmp::Ordering;

use crate::date::Date;
use crate::store::catalog::{Catalog, EntityKind};
use crate::view::results::Results;
use crate::view::state::{CountryMatch, Undated, ViewState};

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
    /// The selected places, people and organizations, numbered (`None`: not in the corpus).
    entities: Vec<Option<u32>>,
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
            entities: [
                (EntityKind::Place, &state.places),
                (EntityKind::Person, &state.people),
                (EntityKind::Organization, &state.orgs),
            ]
            .into_iter()
            .flat_map(|(kind, ids)| ids.iter().map(move |id| catalog.entity_position(kind, id)))
            .collect(),
            open: false,
        };
        filter.open = filter.passes_all();
        filter
    }

    pub(crate) fn country_ok(&self, index: usize) -> bool {
        let named = self.catalog.country_ids(index);
        let has = |id: &Option<u16>| id.is_some_and(|id| named.contains(&id));
        match self.country_match {
            _ if self.countries.is_empty() => true,
            CountryMatch::Any => self.countries.iter().any(has),
            CountryMatch::All => self.countries.iter().all(has),
        }
    }

    pub(crate) fn lang_ok(&self, index: usize) -> bool {
        self.langs.is_empty() || self.langs.contains(&self.catalog.lang_id(index))
    }

    pub(crate) fn date_ok(&self, index: usize) -> bool {
        match (self.catalog.date(index), self.undated) {
            (None, Undated::Include | Undated::Only) => true,
            (None, Undated::Exclude) | (Some(_), Undated::Only) => false,
            (Some(date), Undated::Include | Undated::Exclude) => {
                self.from.is_none_or(|from| date >= from) && self.to.is_none_or(|to| date <= to)
            }
        }
    }

    /// True when article `index` names every selected place, person and organization.
    pub(crate) fn entities_ok(&self, index: usize) -> bool {
        let named = self.catalog.entity_ids(index);
        self.entities
            .iter()
            .all(|e| e.is_some_and(|e| named.contains(&e)))
    }

    /// True when the view has no country, language or date filter: every article passes.
    fn passes_all(&self) -> bool {
        self.entities.is_empty()
            && self.countries.is_empty()
            && self.langs.is_empty()
            && self.from.is_none()
            && self.to.is_none()
            && self.undated == Undated::Include
    }

    /// True when article `index` passes every filter except `ignore`.
    pub(crate) fn matches(&self, index: usize, ignore: Option<Facet>) -> bool {
        self.open
            || (self.entities_ok(index)
                && (ignore == Some(Facet::Country) || self.country_ok(index))
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view::state::Sort;

    pub(crate) fn corpus() -> Vec<Article> {
        vec![
            Article::for_test("a", Some("2025-10-16"), "vi", &["VN", "KH"]),
            Article::for_test("b", Some("2025-09-30"), "en", &["TH", "KH"]),
            Article::for_test("c", Some("2024-01-01"), "vi", &["VN"]),
            Article::for_test("d", None, "th", &["TH"]),
            Article::for_test("e", Some("2025-10-31"), "en", &["KH"]),
            Article::for_test("f", None, "und", &[]),
        ]
    }

    pub(crate) fn catalog() -> Catalog {
        Catalog::from_articles(&corpus()).expect("catalog")
    }

    fn ids(articles: &[Article], indices: &[u32]) -> Vec<String> {
        indices
            .iter()
            .map(|&i| articles[i as usize].id.clone())
            .collect()
    }

    pub(crate) fn view(query: &str) -> ViewState {
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
