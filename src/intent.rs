//! What a reader asks for, and the one place that turns it into the next view: components emit
//! an [`Intent`], and [`dispatch`] says which view follows and whether it is pushed onto the
//! browser history or replaces the current entry (state plus actions, in the shape of Yew's
//! `function_todomvc`). It is pure: writing the URL is `view_url`'s job.

use corpus::i18n::Ui;
use corpus::store::catalog::EntityKind;
use corpus::view::kwic::KwicSort;
use corpus::view::relax::Relax;
use corpus::view::state::ResultsView;
use corpus::view::state::{CountryMatch, DateBound, Sort, Undated, ViewState};
use corpus::view::timeline::Bucket;

use crate::view_url::Nav;

/// Something a reader asked for. Every one but typing is a discrete choice that Back undoes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Intent {
    /// Typing in the search field: the text as typed.
    SetQuery(String),
    /// Removing the search text from the active filters.
    ClearQuery,
    /// A country chip: add the country, or remove it if selected.
    ToggleCountry(String),
    /// A card's country: filter by it, unless the view already does.
    AddCountry(String),
    /// Whether articles need any or all of the selected countries.
    SetCountryMatch(CountryMatch),
    /// A language chip: add the language, or remove it if selected.
    ToggleLang(String),
    SetSort(Sort),
    /// A timeline bar: narrow the dates to it, or clear them when they are that bar already.
    ToggleBucket(Bucket),
    /// A drag across timeline bars: from the first bar's start to the last bar's end.
    SetRange(DateBound, DateBound),
    /// The "From" date field (`None`: emptied).
    SetFrom(Option<DateBound>),
    /// The "To" date field (`None`: emptied).
    SetTo(Option<DateBound>),
    /// Removing the date range from the active filters.
    ClearRange,
    /// The timeline's "zoom out": from days or a week to their month, from a month to its
    /// year, from a year to every date.
    ZoomOut,
    /// The timeline's "Clear dates": no range, undated articles included.
    ClearDates,
    /// The undated lane: undated articles only, or back to including them when it is pressed.
    ToggleUndatedOnly,
    /// Removing the undated choice from the active filters: back to the default.
    ResetUndated,
    /// Expanding the card with this id.
    OpenArticle(String),
    /// Closing the expanded card.
    CloseArticle,
    /// "Clear all", and "Clear search and filters" under an empty result.
    ClearAll,
    /// Dropping one filter of a view that matches nothing (its empty state lists them).
    Relax(Relax),
    /// The article a link opened, which its filters leave out, with no search or filter.
    OpenArticleAlone(String),
    /// The interface language switch.
    SetUi(Ui),
    /// Searching the typed words' names in other languages, or not (`xlang=off`).
    SetCrossLanguage(bool),
    /// No longer searching one name in another language (its search key).
    SkipName(String),
    /// Matching words spelled one or two letters differently, or not (`typo=off`).
    SetTypoTolerance(bool),
    /// Cards, every match in its context, or a map.
    SetView(ResultsView),
    /// The order of the keyword-in-context lines.
    SetKwicSort(KwicSort),
    /// A keyword-in-context line: its article, open among the cards.
    OpenMatch(String),
    /// A cell of "named together": the articles that name both countries.
    BothCountries(String, String),
    /// A place, person or organization chip: add it to the filters, or remove it.
    ToggleEntity(EntityKind, String),
    /// "Compare with": a query drawn on the timeline beside the view's.
    AddCompared(String),
    /// Stop comparing compared query `index`.
    RemoveCompared(usize),
    /// A series of the comparison (0: the view's search) becomes the view's search.
    CompareAsMain(usize),
    /// The comparison as counts or as shares of each period.
    SetCompareShare(bool),
}

impl Intent {
    /// How the view it leads to enters the history: typing replaces the current entry, so that
    /// Back does not replay every keystroke; every other intent pushes.
    pub fn nav(&self) -> Nav {
        match self {
            Intent::SetQuery(_) => Nav::Replace,
            _ => Nav::Push,
        }
    }
}

/// The view that follows `state` when a reader asks for `intent`, and how to navigate to it.
pub fn dispatch(state: &ViewState, intent: Intent) -> (ViewState, Nav) {
    let nav = intent.nav();
    let next = match intent {
        Intent::SetQuery(text) => state.set_query(&text),
        Intent::ClearQuery => state.set_query(""),
        Intent::ToggleCountry(code) => state.toggle_country(&code),
        Intent::AddCountry(code) if state.has_country(&code) => state.clone(),
        Intent::AddCountry(code) => state.toggle_country(&code),
        Intent::SetCountryMatch(mode) => state.set_country_match(mode),
        Intent::ToggleLang(code) => state.toggle_lang(&code),
        Intent::SetSort(sort) => state.set_sort(sort),
        Intent::ToggleBucket(bucket) if bucket.is_selected(state) => state.zoom_out(),
        Intent::ToggleBucket(bucket) => bucket.select(state),
        Intent::SetRange(from, to) => state.set_range(Some(from), Some(to)),
        Intent::SetFrom(from) => state.set_range(from, state.to),
        Intent::SetTo(to) => state.set_range(state.from, to),
        Intent::ClearRange => state.clear_range(),
        Intent::ZoomOut => state.zoom_out(),
        Intent::ClearDates => state.clear_range().set_undated(Undated::Include),
        Intent::ToggleUndatedOnly if state.effective_undated() == Undated::Only => {
            state.set_undated(Undated::Include)
        }
        Intent::ToggleUndatedOnly => state.clear_range().set_undated(Undated::Only),
        Intent::ResetUndated => state.set_undated(state.default_undated()),
        Intent::OpenArticle(id) => state.open_article(&id),
        Intent::CloseArticle => state.close_article(),
        Intent::ClearAll => state.clear_all(),
        Intent::Relax(relax) => relax.apply(state),
        Intent::OpenArticleAlone(id) => state.clear_all().open_article(&id),
        Intent::SetUi(ui) => state.set_ui(ui),
        Intent::SetCrossLanguage(on) => state.set_cross_language(on),
        Intent::SkipName(key) => state.skip_variant(&key),
        Intent::SetTypoTolerance(on) => state.set_typo_tolerance(on),
        Intent::SetView(view) => state.set_view(view),
        Intent::SetKwicSort(sort) => state.set_ksort(sort),
        Intent::OpenMatch(id) => state.set_view(ResultsView::List).open_article(&id),
        Intent::ToggleEntity(kind, id) => state.toggle_entity(kind, &id),
        Intent::BothCountries(a, b) => state.both_countries(&a, &b),
        Intent::AddCompared(query) => state.add_compared(&query),
        Intent::RemoveCompared(index) => state.remove_compared(index),
        Intent::CompareAsMain(index) => state.compared_as_main(index),
        Intent::SetCompareShare(share) => state.set_cshare(share),
    };
    (next, nav)
}

#[cfg(test)]
mod tests {
    //! Natively with `cargo test -p borderlines --lib`, and in wasm with the component tests.

    use corpus::view::state::{CountryMatch, DateBound, Sort, Undated, ViewState};
    use corpus::view::timeline::Timeline;
    use corpus::Date;
    use wasm_bindgen_test::wasm_bindgen_test;

    use super::{dispatch, Intent};
    use crate::view_url::Nav;

    fn view(query: &str) -> ViewState {
        let (state, notices) = ViewState::parse(query);
        assert!(notices.is_empty(), "{query}: {notices:?}");
        state
    }

    /// The query string of the view `intent` leads to from `query`, and how it gets there.
    fn next(query: &str, intent: Intent) -> (String, Nav) {
        let (state, nav) = dispatch(&view(query), intent);
        (state.to_query(), nav)
    }

    fn pushed(query: &str) -> (String, Nav) {
        (query.to_owned(), Nav::Push)
    }

    fn day(text: &str) -> DateBound {
        match DateBound::parse(text) {
            Ok(bound) => bound,
            Err(error) => panic!("{text}: {error:?}"),
        }
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn typing_replaces_and_keeps_the_text_as_typed() {
        assert_eq!(
            next("country=KH", Intent::SetQuery("thai ".into())),
            (view("q=thai%20&country=KH").to_query(), Nav::Replace)
        );
        assert_eq!(next("q=thai", Intent::ClearQuery), pushed(""));
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn chips_toggle_and_push() {
        assert_eq!(
            next("", Intent::ToggleCountry("kh".into())),
            pushed("country=KH")
        );
        assert_eq!(
            next("country=KH", Intent::ToggleCountry("KH".into())),
            pushed("")
        );
        assert_eq!(
            next("lang=en", Intent::ToggleLang("vi".into())),
            pushed("lang=en,vi")
        );
        assert_eq!(
            next("country=KH,TH", Intent::SetCountryMatch(CountryMatch::All)),
            pushed(&view("country=KH,TH&match=all").to_query())
        );
        assert_eq!(
            next("", Intent::SetSort(Sort::Oldest)),
            pushed(&view("sort=oldest").to_query())
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_cards_country_only_ever_adds() {
        assert_eq!(
            next("", Intent::AddCountry("TH".into())),
            pushed("country=TH")
        );
        assert_eq!(
            next("country=TH", Intent::AddCountry("TH".into())),
            pushed("country=TH")
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn a_bar_narrows_to_itself_then_zooms_out_to_its_month() {
        let dates = ["2025-10-16", "2025-10-20"].map(|d| Date::parse(d).ok());
        let histogram = Timeline::from_dates(dates);
        let Some(bar) = histogram.buckets.first() else {
            panic!("no bars in {histogram:?}");
        };
        let narrowed = bar.select(&ViewState::default());
        assert_eq!(
            dispatch(&ViewState::default(), Intent::ToggleBucket(bar.clone())),
            (narrowed.clone(), Nav::Push)
        );
        let (month, _) = ViewState::parse("from=2025-10&to=2025-10");
        assert_eq!(
            dispatch(&narrowed, Intent::ToggleBucket(bar.clone())),
            (month.clone(), Nav::Push)
        );
        assert_eq!(
            dispatch(&month, Intent::ZoomOut).0.to_query(),
            "from=2025&to=2025"
        );
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn dates_and_the_undated_lane() {
        let (from, to) = (day("2025-10-01"), day("2025-10-31"));
        let october = view("from=2025-10-01&to=2025-10-31");
        assert_eq!(
            dispatch(&ViewState::default(), Intent::SetRange(from, to)),
            (october.clone(), Nav::Push)
        );
        assert_eq!(
            dispatch(&view("to=2025-10-31"), Intent::SetFrom(Some(from))),
            (october.clone(), Nav::Push)
        );
        assert_eq!(
            dispatch(&view("from=2025-10-01"), Intent::SetTo(Some(to))),
            (october.clone(), Nav::Push)
        );
        assert_eq!(
            next("from=2025-10-01&to=2025-10-31", Intent::SetTo(None)),
            pushed("from=2025-10-01")
        );
        assert_eq!(
            next("from=2025-10-01&to=2025-10-31", Intent::ClearRange),
            pushed("")
        );
        // The lane selects undated only, dropping the range; pressed again, it includes them.
        let only = dispatch(&october, Intent::ToggleUndatedOnly).0;
        assert_eq!(only.effective_undated(), Undated::Only);
        assert!(!only.has_range());
        let back = dispatch(&only, Intent::ToggleUndatedOnly).0;
        assert_eq!(back.effective_undated(), Undated::Include);
        // "Clear dates" and removing the undated chip both return to the default.
        assert_eq!(dispatch(&only, Intent::ClearDates).0, ViewState::default());
        assert_eq!(
            dispatch(&only, Intent::ResetUndated).0,
            ViewState::default()
        );
        let excluded = october.set_undated(Undated::Include);
        assert_eq!(dispatch(&excluded, Intent::ResetUndated).0, october);
    }

    #[wasm_bindgen_test(unsupported = test)]
    fn articles_open_and_close_and_clear_all_empties_the_view() {
        assert_eq!(
            next("q=thai", Intent::OpenArticle("001".into())),
            pushed("q=thai&article=001")
        );
        assert_eq!(
            next("q=thai&article=001", Intent::CloseArticle),
            pushed("q=thai")
        );
        assert_eq!(
            next("q=thai&country=KH&lang=vi&sort=oldest", Intent::ClearAll),
            pushed("")
        );
    }
}
