//! Facet counts: how many results each country or language chip would give, with the result
//! total and the undated count.
//!
//! Counts follow the usual disjunctive/conjunctive rule:
//! - languages (and countries with `match=any`): counted over the articles passing every filter
//!   except that facet's own selection, so a chip's count is what selecting it adds;
//! - countries with `match=all`: counted over the current results (the country filter applied),
//!   so a chip's count is how many results remain after also requiring that country (a selected
//!   country's count is then the result total).

use crate::store::catalog::Catalog;
use crate::store::catalog::EntityKind;
use crate::view::filter::{Filter, TextMask, TextMatches};
use crate::view::state::{CountryMatch, ViewState};

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
    /// `(entity number, count)` of the places, people and organizations the view's results
    /// name, count descending then name; each selected one is present.
    pub entities: Vec<(u32, u32)>,
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
    let mut entities = vec![0u32; catalog.entity_table().len()];
    for i in 0..catalog.len() {
        if mask.score(i).is_none() || !filter.entities_ok(i) {
            continue;
        }
        let country = filter.country_ok(i);
        let lang = filter.lang_ok(i);
        let date = filter.date_ok(i);
        if country && lang && date {
            total += 1;
            for &e in catalog.entity_ids(i) {
                if let Some(n) = entities.get_mut(e as usize) {
                    *n += 1;
                }
            }
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
    let selected = |e: &crate::store::catalog::EntityInfo| match e.kind {
        EntityKind::Place => state.places.contains(&e.id),
        EntityKind::Person => state.people.contains(&e.id),
        EntityKind::Organization => state.orgs.contains(&e.id),
    };
    let table = catalog.entity_table();
    let mut entities: Vec<(u32, u32)> = entities
        .iter()
        .enumerate()
        .filter(|&(e, &n)| n > 0 || table.get(e).is_some_and(selected))
        .filter_map(|(e, &n)| Some((u32::try_from(e).ok()?, n)))
        .collect();
    entities.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            let name = |e: u32| table.get(e as usize).map_or("", |x| x.name.as_str());
            name(a.0).cmp(name(b.0))
        })
    });
    Facets {
        countries: sorted_counts(catalog.country_codes(), &countries, &state.countries),
        langs: sorted_counts(catalog.lang_codes(), &langs, &state.langs),
        total,
        undated,
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::filter::filter;
    use crate::view::filter::tests::{catalog, view};

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
}
