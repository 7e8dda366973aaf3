//! Filtering articles by the view's countries, languages and dates, ordering the results, and
//! counting facet values (how many results each country or language chip would give).
//!
//! The text query is not evaluated here: the caller passes the search outcome as
//! [`TextMatches`] (all articles when there is no query, else the matched indices with scores),
//! so search and facets compose. Article indices are positions in the `articles` slice, as `u32`.
//!
//! Facet counts follow the usual disjunctive/conjunctive rule:
//! - languages (and countries with `match=any`): counted over the articles passing every filter
//!   except that facet's own selection, so a chip's count is what selecting it adds;
//! - countries with `match=all`: counted over the current results (the country filter applied),
//!   so a chip's count is how many results remain after also requiring that country (a selected
//!   country's count is then the result total).

use std::cmp::Ordering;
use std::collections::BTreeMap;

use crate::article::Article;
use crate::date::Date;
use crate::view_state::{CountryMatch, Sort, Undated, ViewState};

/// One of the non-text filters, to leave out of [`matches`].
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

/// The non-text filters of a view, prepared once for many articles.
pub(crate) struct Filter<'s> {
    countries: &'s [String],
    country_match: CountryMatch,
    langs: &'s [String],
    from: Option<Date>,
    to: Option<Date>,
    undated: Undated,
}

impl<'s> Filter<'s> {
    pub(crate) fn new(state: &'s ViewState) -> Filter<'s> {
        let (from, to) = state.date_range();
        Filter {
            countries: &state.countries,
            country_match: state.country_match,
            langs: &state.langs,
            from,
            to,
            undated: state.effective_undated(),
        }
    }

    fn country_ok(&self, article: &Article) -> bool {
        let has = |code: &String| article.countries.iter().any(|m| m.code == *code);
        match self.country_match {
            _ if self.countries.is_empty() => true,
            CountryMatch::Any => self.countries.iter().any(has),
            CountryMatch::All => self.countries.iter().all(has),
        }
    }

    fn lang_ok(&self, article: &Article) -> bool {
        self.langs.is_empty() || self.langs.contains(&article.lang)
    }

    fn date_ok(&self, article: &Article) -> bool {
        match (article.date, self.undated) {
            (None, Undated::Include | Undated::Only) => true,
            (None, Undated::Exclude) | (Some(_), Undated::Only) => false,
            (Some(date), Undated::Include | Undated::Exclude) => {
                self.from.is_none_or(|from| date >= from) && self.to.is_none_or(|to| date <= to)
            }
        }
    }

    /// True when the article passes every filter except `ignore`.
    pub(crate) fn matches(&self, article: &Article, ignore: Option<Facet>) -> bool {
        (ignore == Some(Facet::Country) || self.country_ok(article))
            && (ignore == Some(Facet::Lang) || self.lang_ok(article))
            && (ignore == Some(Facet::Date) || self.date_ok(article))
    }
}

/// True when `article` passes the view's country, language and date filters (the text query is
/// not considered), leaving out `facet_to_ignore` if given. [`Facet::Date`] leaves out both the
/// date range and the undated mode.
pub fn matches(article: &Article, state: &ViewState, facet_to_ignore: Option<Facet>) -> bool {
    Filter::new(state).matches(article, facet_to_ignore)
}

/// Oldest first, undated last, ties by id (the mirror of [`Article::cmp_newest_first`]).
fn cmp_oldest_first(a: &Article, b: &Article) -> Ordering {
    match (a.date, b.date) {
        (Some(x), Some(y)) => x.cmp(&y).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    }
}

/// The result list: indices of the articles that match the text and every filter, ordered by
/// the view's effective sort. Newest: newest first, undated last. Oldest: oldest first, undated
/// last. Relevance: highest score first, ties newest first (with [`TextMatches::All`] it is
/// newest). Ties that remain are broken by id, so the order is total.
pub fn filter(articles: &[Article], state: &ViewState, text: TextMatches<'_>) -> Vec<u32> {
    let filter = Filter::new(state);
    let mask = TextMask::new(articles.len(), text);
    let mut hits: Vec<(u32, f32, &Article)> = articles
        .iter()
        .enumerate()
        .filter_map(|(i, article)| {
            let index = u32::try_from(i).ok()?;
            let score = mask.score(i)?;
            filter
                .matches(article, None)
                .then_some((index, score, article))
        })
        .collect();
    match state.effective_sort() {
        Sort::Newest => hits.sort_by(|a, b| a.2.cmp_newest_first(b.2)),
        Sort::Oldest => hits.sort_by(|a, b| cmp_oldest_first(a.2, b.2)),
        Sort::Relevance => {
            hits.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.2.cmp_newest_first(b.2)))
        }
    }
    hits.into_iter().map(|(index, _, _)| index).collect()
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

fn sorted_counts<K: Into<String>>(
    counts: impl IntoIterator<Item = (K, u32)>,
    selected: &[String],
) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = counts
        .into_iter()
        .map(|(code, n)| (code.into(), n))
        .collect();
    for code in selected {
        if !out.iter().any(|(c, _)| c == code) {
            out.push((code.clone(), 0));
        }
    }
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Counts per country code: ISO alpha-2 codes (two ASCII capitals) in a flat array, anything
/// else in a map. Counting thousands of articles per keystroke, the array saves a string-keyed
/// tree lookup per mention.
struct CodeCounts<'a> {
    alpha2: Vec<u32>,
    /// Per alpha-2 slot, 1 + the last article counted there: an article naming a country twice
    /// counts once.
    counted_for: Vec<usize>,
    other: BTreeMap<&'a str, u32>,
}

impl Default for CodeCounts<'_> {
    fn default() -> Self {
        CodeCounts {
            alpha2: vec![0; 26 * 26],
            counted_for: vec![0; 26 * 26],
            other: BTreeMap::new(),
        }
    }
}

impl<'a> CodeCounts<'a> {
    fn slot(code: &str) -> Option<usize> {
        match code.as_bytes() {
            &[a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
                Some(usize::from(a - b'A') * 26 + usize::from(b - b'A'))
            }
            _ => None,
        }
    }

    /// Counts `code` for article number `article`, once per article (`seen_before` says whether
    /// the article already named a code outside the array).
    fn add(&mut self, code: &'a str, article: usize, seen_before: impl FnOnce() -> bool) {
        match Self::slot(code) {
            Some(i) if i < self.alpha2.len() => {
                if self.counted_for[i] != article + 1 {
                    self.counted_for[i] = article + 1;
                    self.alpha2[i] += 1;
                }
            }
            _ if seen_before() => {}
            _ => *self.other.entry(code).or_default() += 1,
        }
    }

    /// Every counted code with its count (codes are distinct, in no particular order).
    fn into_counts(self) -> impl Iterator<Item = (String, u32)> + use<'a> {
        let alpha2 = self.alpha2.into_iter().enumerate().filter(|&(_, n)| n > 0);
        alpha2
            .map(|(i, n)| {
                let code = [b'A' + (i / 26) as u8, b'A' + (i % 26) as u8];
                (String::from_utf8_lossy(&code).into_owned(), n)
            })
            .chain(self.other.into_iter().map(|(code, n)| (code.to_owned(), n)))
    }
}

/// Counts countries and languages over the articles matching the text query and the other
/// filters (see the module documentation), plus the result total and the undated count.
pub fn facets(articles: &[Article], state: &ViewState, text: TextMatches<'_>) -> Facets {
    let filter = Filter::new(state);
    let mask = TextMask::new(articles.len(), text);
    let mut countries = CodeCounts::default();
    // A handful of languages: a short list beats a tree.
    let mut langs: Vec<(&str, u32)> = Vec::new();
    let mut total = 0u32;
    let mut undated = 0u32;
    for (i, article) in articles.iter().enumerate() {
        if mask.score(i).is_none() {
            continue;
        }
        let country = filter.country_ok(article);
        let lang = filter.lang_ok(article);
        let date = filter.date_ok(article);
        if country && lang && date {
            total += 1;
        }
        if country && lang && article.date.is_none() {
            undated += 1;
        }
        let count_countries = match state.country_match {
            CountryMatch::Any => lang && date,
            CountryMatch::All => country && lang && date,
        };
        if count_countries {
            for (k, mention) in article.countries.iter().enumerate() {
                countries.add(&mention.code, i, || {
                    article.countries[..k]
                        .iter()
                        .any(|m| m.code == mention.code)
                });
            }
        }
        if country && date {
            match langs.iter_mut().find(|(code, _)| *code == article.lang) {
                Some((_, n)) => *n += 1,
                None => langs.push((article.lang.as_str(), 1)),
            }
        }
    }
    Facets {
        countries: sorted_counts(countries.into_counts(), &state.countries),
        langs: sorted_counts(langs, &state.langs),
        total,
        undated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::CountryMention;

    fn article(id: &str, date: Option<&str>, lang: &str, countries: &[&str]) -> Article {
        Article {
            id: id.to_owned(),
            file: format!("{id}.txt"),
            date: date.map(|d| Date::parse(d).expect("valid date")),
            title: id.to_owned(),
            title_derived: false,
            lang: lang.to_owned(),
            countries: countries
                .iter()
                .map(|c| CountryMention {
                    code: (*c).to_owned(),
                    mentions: 1,
                })
                .collect(),
            source: None,
            captions: vec![],
            paragraphs: vec![],
            warnings: vec![],
        }
    }

    fn corpus() -> Vec<Article> {
        vec![
            article("a", Some("2025-10-16"), "vi", &["VN", "KH"]),
            article("b", Some("2025-09-30"), "en", &["TH", "KH"]),
            article("c", Some("2024-01-01"), "vi", &["VN"]),
            article("d", None, "th", &["TH"]),
            article("e", Some("2025-10-31"), "en", &["KH"]),
            article("f", None, "und", &[]),
        ]
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
            &filter(&articles, &view(query), TextMatches::All),
        )
    }

    #[test]
    fn sorts_newest_oldest_and_by_relevance() {
        assert_eq!(run(""), ["e", "a", "b", "c", "d", "f"]);
        assert_eq!(run("sort=oldest"), ["c", "b", "a", "e", "d", "f"]);
        let articles = corpus();
        let hits = [(2, 1.0), (0, 3.0), (4, 1.0), (3, 1.0), (99, 9.0), (2, 0.5)];
        let state = view("q=x");
        let found = filter(&articles, &state, TextMatches::Hits(&hits));
        assert_eq!(ids(&articles, &found), ["a", "e", "c", "d"]);
        let state = view("q=x&sort=oldest");
        let found = filter(&articles, &state, TextMatches::Hits(&hits));
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
        let articles = corpus();
        let state = view("country=VN&lang=en&from=2025");
        let b = &articles[1];
        assert!(!matches(b, &state, None));
        assert!(matches(b, &state, Some(Facet::Country)));
        assert!(!matches(b, &state, Some(Facet::Lang)));
        let d = &articles[3];
        assert!(!matches(d, &view("lang=th&from=2025"), None));
        assert!(matches(d, &view("lang=th&from=2025"), Some(Facet::Date)));
    }

    #[test]
    fn counts_leave_out_their_own_facet() {
        let articles = corpus();
        let facets = facets(&articles, &view("country=KH&lang=vi"), TextMatches::All);
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
        let articles = corpus();
        let any = facets(&articles, &view("country=KH"), TextMatches::All);
        assert_eq!(
            any.countries,
            [
                ("KH".to_owned(), 3),
                ("TH".to_owned(), 2),
                ("VN".to_owned(), 2)
            ]
        );
        let all = facets(&articles, &view("country=KH&match=all"), TextMatches::All);
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
        let articles = corpus();
        let facets = facets(
            &articles,
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
        let articles = corpus();
        let hits = [(3, 1.0), (5, 1.0), (1, 2.0)];
        let facets = facets(&articles, &view("q=x"), TextMatches::Hits(&hits));
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
        let with_range = super::facets(&articles, &view("q=x&from=2025"), TextMatches::Hits(&hits));
        assert_eq!(with_range.total, 1);
        assert_eq!(with_range.undated, 2);
    }

    #[test]
    fn empty_corpus() {
        let facets = facets(&[], &view("country=VN"), TextMatches::All);
        assert_eq!(facets.countries, [("VN".to_owned(), 0)]);
        assert_eq!(facets.total, 0);
        assert!(filter(&[], &ViewState::default(), TextMatches::Hits(&[(0, 1.0)])).is_empty());
    }

    #[test]
    fn total_equals_filter_length() {
        let articles = corpus();
        for query in [
            "",
            "country=KH",
            "country=KH,VN&match=all",
            "lang=en&undated=only",
            "from=2025-10",
        ] {
            let state = view(query);
            assert_eq!(
                facets(&articles, &state, TextMatches::All).total as usize,
                filter(&articles, &state, TextMatches::All).len(),
                "{query}"
            );
        }
    }
}
