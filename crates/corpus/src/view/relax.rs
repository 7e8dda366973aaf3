//! What a view that matches nothing can drop: each of its filters (the search, each country,
//! each language, the date range, "undated only"), with how many articles the view would show
//! without it, so that the empty state can say which one to remove instead of only "clear all".

use crate::i18n::Ui;
use crate::store::CorpusBlob;
use crate::view::across::TextSearch;
use crate::view::answer::folded_results;
use crate::view::state::{Undated, ViewState};

/// One filter of a view, to drop.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Relax {
    Query,
    Country(String),
    Lang(String),
    Dates,
    UndatedOnly,
}

impl Relax {
    /// The view without this filter.
    pub fn apply(&self, state: &ViewState) -> ViewState {
        match self {
            Relax::Query => state.set_query(""),
            Relax::Country(code) => state.toggle_country(code),
            Relax::Lang(code) => state.toggle_lang(code),
            Relax::Dates => state.clear_range(),
            Relax::UndatedOnly => state.set_undated(Undated::Include),
        }
    }

    /// What it is, for a button, in the interface language `ui`: `the search “scam”`,
    /// `Cambodia` (as `country_name` names it), `Vietnamese`, `the dates`.
    pub fn label(
        &self,
        state: &ViewState,
        ui: Ui,
        country_name: impl Fn(&str) -> String,
    ) -> String {
        match self {
            Relax::Query => ui.fill("relax.query", &[("q", state.q.trim())]),
            Relax::Country(code) => country_name(code),
            Relax::Lang(code) => ui.language_name(code),
            Relax::Dates => ui.text("relax.dates").to_owned(),
            Relax::UndatedOnly => ui.text("relax.undated-only").to_owned(),
        }
    }
}

/// Each filter of `state` with the number of results of `state` without it, in the order the
/// filters are listed above the results.
pub fn relaxations(corpus: &CorpusBlob, state: &ViewState) -> Vec<(Relax, usize)> {
    let mut filters = Vec::new();
    if state.has_query() {
        filters.push(Relax::Query);
    }
    filters.extend(state.countries.iter().cloned().map(Relax::Country));
    filters.extend(state.langs.iter().cloned().map(Relax::Lang));
    if state.has_range() {
        filters.push(Relax::Dates);
    }
    if state.effective_undated() == Undated::Only {
        filters.push(Relax::UndatedOnly);
    }
    // One text search serves every filter but the search itself (a link can hold hundreds).
    let hits = filters
        .iter()
        .any(|relax| *relax != Relax::Query)
        .then(|| TextSearch::of(corpus, state).hits(corpus))
        .flatten();
    filters
        .into_iter()
        .map(|relax| {
            let text = if relax == Relax::Query {
                None
            } else {
                hits.as_deref()
            };
            let count = folded_results(corpus, &relax.apply(state), text).0.len();
            (relax, count)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::view::answer;

    fn blob() -> CorpusBlob {
        let mut a = Article::for_test("a", Some("2025-01-02"), "en", &["TH"]);
        a.paragraphs = vec!["Police in Bangkok.".into()];
        let mut b = Article::for_test("b", Some("2024-05-06"), "vi", &[]);
        b.paragraphs = vec!["Cảnh sát Việt Nam.".into()];
        CorpusBlob::new(&[a, b], vec![("TH".into(), "Thailand".into())]).expect("packs")
    }

    #[test]
    fn each_filter_of_an_empty_view_with_what_dropping_it_gives() {
        let blob = blob();
        let (state, _) = ViewState::parse("q=police&country=TH,XX&match=all&lang=vi&from=2025");
        assert_eq!(answer(&blob, &state).results.len(), 0);
        let relaxed = relaxations(&blob, &state);
        let labels: Vec<(String, usize)> = relaxed
            .iter()
            .map(|(r, n)| {
                (
                    r.label(&state, Ui::En, |c| blob.country_name(c).to_owned()),
                    *n,
                )
            })
            .collect();
        assert_eq!(
            labels,
            [
                ("the search “police”".to_owned(), 0),
                ("Thailand".to_owned(), 0),
                ("XX".to_owned(), 0),
                ("Vietnamese".to_owned(), 0),
                ("the dates".to_owned(), 0),
            ]
        );
        // Dropping one filter of a narrower view finds the article.
        let (state, _) = ViewState::parse("q=police&country=XX");
        assert_eq!(
            relaxations(&blob, &state),
            [(Relax::Query, 0), (Relax::Country("XX".into()), 1)]
        );
        assert_eq!(
            Relax::Country("XX".into()).apply(&state).to_query(),
            "q=police"
        );
        let (only, _) = ViewState::parse("undated=only&q=police");
        assert_eq!(
            relaxations(&blob, &only),
            [(Relax::Query, 0), (Relax::UndatedOnly, 1)]
        );
    }

    #[test]
    fn an_opened_article_that_the_filters_leave_out_is_hidden_not_unknown() {
        let blob = blob();
        let hidden = |view: &str| {
            let answered = answer(&blob, &ViewState::parse(view).0);
            (answered.hidden_article, answered.unknown_article)
        };
        assert_eq!(hidden("article=b&lang=en"), (true, false));
        assert_eq!(hidden("article=a&lang=en"), (false, false));
        assert_eq!(hidden("article=b"), (false, false));
        assert_eq!(hidden("article=zz&lang=en"), (false, true));
    }
}
