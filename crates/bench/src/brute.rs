//! Brute-force truth for the bench: which articles a query must return and what the view's
//! counts must be, by scanning every article's folded text, written independently of the index;
//! and with places, people and organizations ([`named_view_counts`]), by running the build's
//! extractor afresh over every article, independently of the blob's entity table.

use std::collections::{BTreeMap, BTreeSet};

use corpus::search::fold::fold;
use corpus::search::Query;
use corpus::store::catalog::EntityKind;
use corpus::view::state::{CountryMatch, Undated, ViewState};
use corpus::view::timeline::Timeline;
use corpus::Article;
use ingest::detect::entities::detect_entities;
use ingest::parallel::map_on_every_core;
use unicode_segmentation::UnicodeSegmentation;

use crate::counts::{years_of, ViewCounts};

/// Every article's searchable fields (title, paragraphs, captions, source), folded once, plus
/// the whole folded text joined for cheap substring pre-checks.
#[derive(Debug)]
pub struct FoldedCorpus {
    fields: Vec<Vec<String>>,
    joined: Vec<String>,
}

impl FoldedCorpus {
    pub fn new(articles: &[Article]) -> FoldedCorpus {
        let fields: Vec<Vec<String>> = map_on_every_core(articles.iter().collect(), |a| {
            std::iter::once(a.title.as_str())
                .chain(a.paragraphs.iter().map(String::as_str))
                .chain(a.captions.iter().map(String::as_str))
                .chain(a.source.as_deref())
                .map(fold)
                .collect()
        });
        let joined = fields.iter().map(|f| f.join("\n")).collect();
        FoldedCorpus { fields, joined }
    }

    /// Articles whose text matches `query` (every item must occur; `Query::parse` makes the
    /// last word a prefix, as typed), checked by `Query::matches_fields` on the folded fields
    /// after a plain substring pre-check: every part of every item occurs in any match.
    pub fn text_matches(&self, query: &Query) -> BTreeSet<u32> {
        let parts: Vec<&str> = query
            .items()
            .iter()
            .flat_map(|item| item.parts.iter().map(|p| p.text.as_str()))
            .collect();
        let scan = |range: std::ops::Range<usize>| -> Vec<u32> {
            range
                .filter(|&i| {
                    let joined = &self.joined[i];
                    if !parts.iter().all(|p| joined.contains(p)) {
                        return false;
                    }
                    let f = &self.fields[i];
                    query.matches_fields(&f[0], f[1..].iter().map(String::as_str))
                })
                .filter_map(|i| u32::try_from(i).ok())
                .collect()
        };
        let n = self.fields.len();
        std::thread::scope(|s| {
            let first = s.spawn(|| scan(0..n / 2));
            let mut all = scan(n / 2..n);
            all.extend(first.join().unwrap_or_default());
            all.into_iter().collect()
        })
    }

    /// For a Thai or Chinese query (no spaces): the articles where the folded query occurs in a
    /// folded line, starting and ending on grapheme-cluster boundaries. A second, independent
    /// check of `text_matches` for unspaced scripts.
    pub fn substring_matches(&self, query_text: &str) -> BTreeSet<u32> {
        let q = fold(query_text);
        (0..self.fields.len())
            .filter(|&i| {
                self.joined[i].contains(&q)
                    && self.fields[i].iter().any(|field| {
                        field.split('\n').any(|line| {
                            let bounds: BTreeSet<usize> = line
                                .grapheme_indices(true)
                                .map(|(at, _)| at)
                                .chain([line.len()])
                                .collect();
                            bounds.iter().any(|&b| {
                                line[b..].starts_with(&q) && bounds.contains(&(b + q.len()))
                            })
                        })
                    })
            })
            .filter_map(|i| u32::try_from(i).ok())
            .collect()
    }
}

/// Whether an article passes the view's country, language and date filters, from the URL
/// rules in the README: `match=any` needs one selected country, `match=all` every one; a date
/// range keeps dated articles inside it, and undated ones only when `undated=include`.
fn passes(article: &Article, state: &ViewState) -> (bool, bool, bool) {
    let codes: BTreeSet<&str> = article.countries.iter().map(|c| c.code.as_str()).collect();
    let country = state.countries.is_empty()
        || match state.country_match {
            CountryMatch::Any => state.countries.iter().any(|c| codes.contains(c.as_str())),
            CountryMatch::All => state.countries.iter().all(|c| codes.contains(c.as_str())),
        };
    let lang = state.langs.is_empty() || state.langs.contains(&article.lang);
    let (from, to) = state.date_range();
    let undated = state.effective_undated();
    let date = match article.date {
        None => undated != Undated::Exclude,
        Some(d) => {
            undated != Undated::Only && from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)
        }
    };
    (country, lang, date)
}

/// The articles the view shows (as a set: order is the app's business), by brute force.
pub fn view_matches(
    articles: &[Article],
    state: &ViewState,
    text: Option<&BTreeSet<u32>>,
) -> BTreeSet<u32> {
    (0..articles.len())
        .filter_map(|i| u32::try_from(i).ok())
        .filter(|i| text.is_none_or(|t| t.contains(i)))
        .filter(|&i| {
            let (c, l, d) = passes(&articles[i as usize], state);
            c && l && d
        })
        .collect()
}

/// The view's counts by brute force, following the facet rules documented in corpus::view::facets:
/// a language chip counts what selecting it would add (its own filter left out), a country chip
/// the same with `match=any` and the remaining results with `match=all`; the timeline leaves the
/// date filter out but spans only the selected range (it zooms into it).
pub fn view_counts(
    articles: &[Article],
    state: &ViewState,
    text: Option<&BTreeSet<u32>>,
) -> ViewCounts {
    counts_where(articles, state, text, |_| true, |_, _| {})
}

/// [`view_counts`] over the articles `keep` keeps, calling `result` with each result (index and
/// article) as it counts it.
fn counts_where(
    articles: &[Article],
    state: &ViewState,
    text: Option<&BTreeSet<u32>>,
    keep: impl Fn(usize) -> bool,
    mut result: impl FnMut(usize, &Article),
) -> ViewCounts {
    let mut counts = ViewCounts::default();
    let (from, to) = state.date_range();
    let mut dated = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        if text.is_some_and(|t| !u32::try_from(i).is_ok_and(|i| t.contains(&i))) || !keep(i) {
            continue;
        }
        let (country, lang, date) = passes(article, state);
        if country && lang && date {
            counts.total += 1;
            result(i, article);
        }
        let countries_counted = match state.country_match {
            CountryMatch::Any => lang && date,
            CountryMatch::All => country && lang && date,
        };
        if countries_counted {
            let codes: BTreeSet<&str> = article.countries.iter().map(|c| c.code.as_str()).collect();
            for code in codes {
                *counts.countries.entry(code.to_owned()).or_default() += 1;
            }
        }
        if country && date {
            *counts.langs.entry(article.lang.clone()).or_default() += 1;
        }
        if country && lang {
            match article.date {
                // The timeline zooms into the selected range: dated articles outside it leave it.
                Some(d) if from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t) => {
                    dated.push(d)
                }
                Some(_) => {}
                None => counts.undated += 1,
            }
        }
    }
    // Bucketed as the app buckets them, so that both sides name the same years.
    counts.years = years_of(&Timeline::from_dates(dated.into_iter().map(Some)));
    counts
}

/// The places, people and organizations one article names: `(kind, id)`.
pub type Named = BTreeSet<(EntityKind, String)>;

/// Every article's places, people and organizations, found by the build's extractor
/// ([`detect_entities`]) run afresh on the article.
pub fn named_entities(articles: &[Article]) -> Vec<Named> {
    map_on_every_core(articles.iter().collect(), |article: &Article| {
        let found = detect_entities(article);
        [
            (EntityKind::Place, found.places),
            (EntityKind::Person, found.people),
            (EntityKind::Organization, found.organizations),
        ]
        .into_iter()
        .flat_map(|(kind, list)| list.into_iter().map(move |e| (kind, e.id)))
        .collect()
    })
}

/// The places, people and organizations `state` selects: `(kind, id)`.
pub fn selected_entities(state: &ViewState) -> Named {
    [
        (EntityKind::Place, &state.places),
        (EntityKind::Person, &state.people),
        (EntityKind::Organization, &state.orgs),
    ]
    .into_iter()
    .flat_map(|(kind, ids)| ids.iter().map(move |id| (kind, id.clone())))
    .collect()
}

/// A view's results and counts by brute force, its place, person and organization filters
/// included.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NamedCounts {
    /// The results (article indices).
    pub results: BTreeSet<u32>,
    /// Total, countries, languages, timeline and undated, as [`view_counts`] counts them over
    /// the articles that name every selected place, person and organization.
    pub counts: ViewCounts,
    /// How many results name each place, person and organization (those no result names left
    /// out).
    pub entities: BTreeMap<(EntityKind, String), u32>,
}

/// The view's results and counts by brute force, from the README's rules for `place=`,
/// `person=` and `org=`: an article must name every selected one (a filter on every count, as
/// the text query is), and an entity's count is how many of the view's results name it.
pub fn named_view_counts(
    articles: &[Article],
    named: &[Named],
    state: &ViewState,
    text: Option<&BTreeSet<u32>>,
) -> NamedCounts {
    let selected = selected_entities(state);
    let names_all = |i: usize| named.get(i).is_some_and(|n| selected.is_subset(n));
    let mut results = BTreeSet::new();
    let mut entities: BTreeMap<(EntityKind, String), u32> = BTreeMap::new();
    let counts = counts_where(articles, state, text, names_all, |i, _| {
        results.extend(u32::try_from(i).ok());
        for key in named.get(i).into_iter().flatten() {
            *entities.entry(key.clone()).or_default() += 1;
        }
    });
    NamedCounts {
        results,
        counts,
        entities,
    }
}
